// Reporting to a learning management system (LMS) through SCORM, in the packages made for one.
// It finds the LMS's API the standard way (this window's parents, then the opener's); with none,
// it does nothing and the page behaves exactly as on the site. learning.js calls it:
//   practiceLms.begin(moduleId, total, passMark) -> null, or what the LMS kept for this learner
//   practiceLms.report(state)   after every change: answers, right answers, completion
//   practiceLms.place(section)  the section the learner is reading (the bookmark)
// What goes to the LMS: status, score, session time, the answers and the bookmark (to resume).
// Reflection notes never go: they stay in the browser, as the page says.
(function () {
  "use strict";

  var STANDARDS = {
    "2004": {
      api: "API_1484_11", initialize: "Initialize", terminate: "Terminate", get: "GetValue", set: "SetValue",
      commit: "Commit", suspend: "cmi.suspend_data", location: "cmi.location", exit: "cmi.exit",
      sessionTime: "cmi.session_time", learner: "cmi.learner_id", raw: "cmi.score.raw", min: "cmi.score.min",
      max: "cmi.score.max", scaled: "cmi.score.scaled", suspendLimit: 64000, locationLimit: 1000
    },
    "1.2": {
      api: "API", initialize: "LMSInitialize", terminate: "LMSFinish", get: "LMSGetValue", set: "LMSSetValue",
      commit: "LMSCommit", suspend: "cmi.suspend_data", location: "cmi.core.lesson_location",
      exit: "cmi.core.exit", sessionTime: "cmi.core.session_time", learner: "cmi.core.student_id",
      raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max", scaled: null,
      suspendLimit: 4096, locationLimit: 255
    }
  };
  var MAX_PARENTS = 500;

  var lms = null; // { standard, api, started, total, passMark, best, last, finished }

  // ---- Finding the API ----------------------------------------------------------------------

  function scan(win, name) {
    for (var tries = 0; win && tries <= MAX_PARENTS; tries += 1) {
      try {
        if (win[name]) { return win[name]; }
        if (!win.parent || win.parent === win) { return null; }
        win = win.parent;
      } catch (error) {
        return null; // a window of another origin: the API cannot be there
      }
    }
    return null;
  }

  function findApi(name) {
    var found = scan(window, name);
    try {
      if (!found && window.opener) { found = scan(window.opener, name); }
      if (!found && window.top && window.top.opener) { found = scan(window.top.opener, name); }
    } catch (error) {
      found = null;
    }
    return found;
  }

  // The package says which standard it was made for (the manifest's launch parameters); a page
  // opened without one tries SCORM 2004, then 1.2.
  function connect() {
    var asked = new URLSearchParams(window.location.search).get("scorm");
    var order = STANDARDS[asked] ? [asked] : ["2004", "1.2"];
    for (var i = 0; i < order.length; i += 1) {
      var standard = STANDARDS[order[i]];
      var api = findApi(standard.api);
      if (api && String(api[standard.initialize]("")) === "true") {
        return { version: order[i], standard: standard, api: api };
      }
    }
    return null;
  }

  // ---- Talking to it ------------------------------------------------------------------------

  function get(element) {
    return String(lms.api[lms.standard.get](element) || "");
  }

  function set(element, value) {
    if (element) { lms.api[lms.standard.set](element, String(value)); }
  }

  function commit() {
    set(lms.standard.sessionTime, sessionTime((Date.now() - lms.started) / 1000));
    lms.api[lms.standard.commit]("");
  }

  function sessionTime(seconds) {
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = Math.round((seconds % 60) * 100) / 100;
    if (lms.version === "2004") { return "PT" + hours + "H" + minutes + "M" + rest + "S"; }
    var whole = Math.floor(rest);
    var hundredths = Math.round((rest - whole) * 100);
    return pad(Math.min(hours, 9999), 2) + ":" + pad(minutes, 2) + ":" + pad(whole, 2) +
      (hundredths ? "." + pad(hundredths, 2) : "");
  }

  function pad(number, width) {
    var text = String(number);
    while (text.length < width) { text = "0" + text; }
    return text;
  }

  // ---- Passing ------------------------------------------------------------------------------

  // The LMS's own passing score wins over the author's pass mark, as SCORM asks.
  function passingShare() {
    if (!lms.total) { return 1; } // nothing to pass: a module without questions is only completed
    var given = parseFloat(get(lms.version === "2004" ? "cmi.scaled_passing_score" : "cmi.student_data.mastery_score"));
    if (isNaN(given)) { return lms.passMark / 100; }
    return lms.version === "2004" ? given : given / 100;
  }

  function passed(right) {
    return right >= lms.passing * lms.total - 1e-9;
  }

  function needed() {
    for (var right = 0; right <= lms.total; right += 1) {
      if (passed(right)) { return right; }
    }
    return lms.total;
  }

  // ---- What the LMS keeps for resuming ------------------------------------------------------

  // SCORM 2004 keeps them only for a learner who is resuming (reading them otherwise is an
  // error); SCORM 1.2 LMSs do not all say "resume", and reading is always allowed.
  function resuming() {
    return lms.version === "1.2" || get("cmi.entry") === "resume";
  }

  function readSaved() {
    var saved = {};
    if (!resuming()) { return { answers: {}, completed: null, best: 0 }; }
    try {
      saved = JSON.parse(get(lms.standard.suspend) || "{}") || {};
    } catch (error) {
      saved = {}; // not ours, or damaged: start afresh
    }
    var answers = {};
    Object.keys(saved.a || {}).forEach(function (id) {
      if (typeof saved.a[id] === "string" && saved.a[id]) { answers[id] = saved.a[id].split(""); }
    });
    var done = saved.c;
    return {
      answers: answers,
      completed: done && done.length === 3 ? { at: done[0], score: done[1], total: done[2] } : null,
      best: typeof saved.b === "number" ? saved.b : 0
    };
  }

  function suspendData(state) {
    var answers = {};
    Object.keys(state.answers).forEach(function (id) { answers[id] = state.answers[id].join(""); });
    var done = state.completed;
    return JSON.stringify({
      v: 1, a: answers, b: lms.best, c: done ? [done.at, done.score, done.total] : 0
    });
  }

  // ---- What learning.js calls ---------------------------------------------------------------

  function explain() {
    var box = document.querySelector(".quiz-result");
    if (!box || !lms.total) { return; }
    var note = document.createElement("p");
    note.className = "quiz-result-lms";
    note.textContent = "Your learning system records this module as passed when at least " + needed() +
      " of the " + lms.total + " answers are correct. It keeps your answers, so you can leave and come back.";
    box.appendChild(note);
  }

  function begin(moduleId, total, passMark) {
    var found = connect();
    if (!found) { return null; }
    lms = {
      version: found.version, standard: found.standard, api: found.api, started: Date.now(),
      total: total, passMark: passMark, best: 0, last: null, finished: false
    };
    lms.passing = passingShare();
    var saved = readSaved();
    lms.best = saved.best;
    if (!saved.completed) {
      if (lms.version === "2004") {
        set("cmi.completion_status", "incomplete");
      } else {
        set("cmi.core.lesson_status", "incomplete");
      }
    }
    set(lms.standard.exit, "suspend"); // keep answers and place for the learner's next visit
    lms.last = resuming() ? get(lms.standard.suspend) : "";
    commit();
    explain();
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    return {
      module: moduleId,
      learner: get(lms.standard.learner),
      answers: saved.answers,
      completed: saved.completed,
      location: resuming() ? get(lms.standard.location) : ""
    };
  }

  function report(state) {
    if (!lms || lms.finished) { return; }
    lms.best = Math.max(lms.best, state.right);
    var data = suspendData(state);
    if (data === lms.last) { return; }
    if (data.length > lms.standard.suspendLimit) {
      data = JSON.stringify({ v: 1, a: {}, b: lms.best, c: JSON.parse(data).c }); // answers are lost, status is not
    }
    lms.last = data;
    set(lms.standard.suspend, data);
    var complete = Boolean(state.completed);
    // The score goes once every question is answered: a learning system may judge pass or fail
    // from any score it is given. Until then, SCORM 2004 is told how far the learner has got.
    if (lms.total && !complete && lms.version === "2004") {
      set("cmi.progress_measure", Math.round(1000 * Object.keys(state.answers).length / lms.total) / 1000);
    }
    if (lms.total && complete) {
      var raw = Math.round(10000 * lms.best / lms.total) / 100;
      set(lms.standard.raw, raw);
      set(lms.standard.min, 0);
      set(lms.standard.max, 100);
      set(lms.standard.scaled, raw / 100);
    }
    var result = !complete || !lms.total ? null : passed(lms.best) ? "passed" : "failed";
    if (lms.version === "2004") {
      if (complete) { set("cmi.progress_measure", 1); }
      set("cmi.completion_status", complete ? "completed" : "incomplete");
      set("cmi.success_status", result || "unknown");
    } else {
      set("cmi.core.lesson_status", result || (complete ? "completed" : "incomplete"));
    }
    commit();
  }

  function place(section) {
    if (!lms || lms.finished || !section || section.length > lms.standard.locationLimit) { return; }
    set(lms.standard.location, section);
    commit();
  }

  function finish() {
    if (!lms || lms.finished) { return; }
    lms.finished = true;
    set(lms.standard.exit, "suspend");
    commit();
    lms.api[lms.standard.terminate]("");
  }

  window.practiceLms = { begin: begin, report: report, place: place };
})();
