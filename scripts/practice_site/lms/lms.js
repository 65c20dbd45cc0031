// Reporting to a learning management system (LMS) through SCORM, in the packages made for one.
// It finds the LMS's API the standard way (this window's parents, then the opener's). learning.js
// calls it:
//   practiceLms.begin(moduleId, total, passMark) -> null when the page is not in a package (it then
//     behaves exactly as on the site); { recorded: false } in a package the LMS is not recording
//     (say, after a reload: SCORM allows one session per launch); otherwise what the LMS kept for
//     this learner: { recorded: true, learner, answers, completed, location }
//   practiceLms.report(state)   after every change: answers, right answers, completion
//   practiceLms.place(section)  the section the learner is reading (the bookmark)
// What goes to the LMS: status, score, session time, the answers and the bookmark (to resume).
// Reflection notes never go: they stay in the browser, as the page says.
(function () {
  "use strict";

  var STANDARDS = {
    "2004": {
      api: "API_1484_11", initialize: "Initialize", terminate: "Terminate", get: "GetValue", set: "SetValue",
      commit: "Commit", lastError: "GetLastError", suspend: "cmi.suspend_data", location: "cmi.location",
      exit: "cmi.exit", sessionTime: "cmi.session_time", learner: "cmi.learner_id", mode: "cmi.mode",
      raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max", scaled: "cmi.score.scaled",
      passing: "cmi.scaled_passing_score", suspendLimit: 64000, locationLimit: 1000
    },
    "1.2": {
      api: "API", initialize: "LMSInitialize", terminate: "LMSFinish", get: "LMSGetValue", set: "LMSSetValue",
      commit: "LMSCommit", lastError: "LMSGetLastError", suspend: "cmi.suspend_data",
      location: "cmi.core.lesson_location", exit: "cmi.core.exit", sessionTime: "cmi.core.session_time",
      learner: "cmi.core.student_id", mode: "cmi.core.lesson_mode", raw: "cmi.core.score.raw",
      min: "cmi.core.score.min", max: "cmi.core.score.max", scaled: null,
      passing: "cmi.student_data.mastery_score", suspendLimit: 4096, locationLimit: 255
    }
  };
  var MAX_PARENTS = 500;

  var lms = null; // the session: see begin()

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

  function usable(api, standard) {
    return Boolean(api) && ["initialize", "terminate", "get", "set", "commit", "lastError"].every(function (call) {
      return typeof api[standard[call]] === "function";
    });
  }

  // The package's launch says which standard it was made for (the manifest's parameters); a page
  // opened without one tries SCORM 2004, then 1.2.
  function connect(asked) {
    var order = STANDARDS[asked] ? [asked] : ["2004", "1.2"];
    for (var i = 0; i < order.length; i += 1) {
      var standard = STANDARDS[order[i]];
      var api = findApi(standard.api);
      try {
        if (usable(api, standard) && String(api[standard.initialize]("")) === "true") {
          return { version: order[i], standard: standard, api: api };
        }
      } catch (error) {
        return null;
      }
    }
    return null;
  }

  // ---- Talking to it ------------------------------------------------------------------------

  // A value, or "" for one the LMS has not got (SCORM 2004 answers that with error 403).
  function get(element) {
    var value = String(lms.api[lms.standard.get](element) || "");
    return String(lms.api[lms.standard.lastError]()) === "0" ? value : "";
  }

  function set(element, value) {
    if (element && !lms.readOnly) { lms.api[lms.standard.set](element, String(value)); }
  }

  function commit() {
    set(lms.standard.sessionTime, sessionTime(Date.now() - lms.started));
    lms.api[lms.standard.commit]("");
  }

  // SCORM 1.2: HH:MM:SS.SS; SCORM 2004: ISO 8601, PT1H2M3.45S. Rounded once, to hundredths.
  function sessionTime(milliseconds) {
    var hundredths = Math.round(milliseconds / 10);
    var hours = Math.floor(hundredths / 360000);
    var minutes = Math.floor((hundredths % 360000) / 6000);
    var seconds = hundredths % 6000; // in hundredths
    if (lms.version === "2004") { return "PT" + hours + "H" + minutes + "M" + seconds / 100 + "S"; }
    var fraction = seconds % 100;
    return pad(Math.min(hours, 9999), 2) + ":" + pad(minutes, 2) + ":" + pad(Math.floor(seconds / 100), 2) +
      (fraction ? "." + pad(fraction, 2) : "");
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
    var given = parseFloat(get(lms.standard.passing));
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

  // What the LMS had recorded before this visit: a status is never lowered.
  function recordedBefore() {
    if (lms.version === "2004") {
      return { complete: get("cmi.completion_status") === "completed", passed: get("cmi.success_status") === "passed" };
    }
    var status = get("cmi.core.lesson_status");
    return { complete: ["completed", "passed", "failed"].indexOf(status) >= 0, passed: status === "passed" };
  }

  // ---- What the LMS keeps for resuming ------------------------------------------------------

  function readSaved() {
    var saved;
    try {
      saved = JSON.parse(get(lms.standard.suspend) || "{}") || {};
    } catch (error) {
      saved = {}; // not ours, or damaged: start afresh
    }
    var answers = {};
    Object.keys(saved.a || {}).forEach(function (id) {
      if (typeof saved.a[id] === "string" && /^[a-z]+$/.test(saved.a[id])) { answers[id] = saved.a[id].split(""); }
    });
    var done = saved.c;
    var completed = done && done.length === 3 && typeof done[1] === "number" && typeof done[2] === "number";
    return {
      answers: answers,
      completed: completed ? { at: String(done[0]), score: done[1], total: done[2] } : null,
      best: typeof saved.b === "number" ? saved.b : 0
    };
  }

  function suspendData(state) {
    var answers = {};
    Object.keys(state.answers).forEach(function (id) { answers[id] = state.answers[id].join(""); });
    var done = state.completed;
    return JSON.stringify({ v: 1, a: answers, b: lms.best, c: done ? [done.at, done.score, done.total] : 0 });
  }

  // ---- Words on the page --------------------------------------------------------------------

  function paragraph(holder, className, words) {
    var note = document.createElement("p");
    note.className = className;
    note.textContent = words;
    holder.appendChild(note);
    return note;
  }

  function explain() {
    var box = document.querySelector(".quiz-result");
    if (!box || !lms.total) { return; }
    if (lms.readOnly) {
      paragraph(box, "quiz-result-lms", "You are reviewing this module: your learning system keeps what it " +
        "recorded before and does not record changes.");
      return;
    }
    paragraph(box, "quiz-result-lms", "Your learning system records this module as passed when at least " +
      needed() + " of the " + lms.total + " answers are correct. Your best score counts. It keeps your answers, " +
      "so you can leave and come back.");
    lms.recordedNote = paragraph(box, "quiz-result-lms-recorded", "");
  }

  // scored: this visit knows the score (every question answered here or in a visit it resumes).
  function showRecorded(complete, result, scored) {
    if (!lms.recordedNote) { return; }
    var words = !complete ? "in progress" : result === "passed" ? "passed" : "not passed yet";
    lms.recordedNote.textContent = "Recorded in your learning system: " + words +
      (complete && scored ? ", best score " + lms.best + " of " + lms.total : "") + ".";
  }

  // In a package the LMS is not recording (opened again in the same window, for example).
  function warnNotRecorded() {
    if (document.querySelector(".lms-not-recorded")) { return; }
    var heading = document.querySelector("article h1");
    if (!heading) { return; }
    var box = document.createElement("div");
    box.className = "admonition warning lms-not-recorded";
    box.setAttribute("role", "status");
    paragraph(box, "admonition-title", "Not recorded");
    paragraph(box, "", "Your learning system is not recording this visit, so your answers here will not " +
      "count. To have them recorded, close this module and open it again from your learning system.");
    heading.parentNode.insertBefore(box, heading.nextSibling);
  }

  // ---- What learning.js calls ---------------------------------------------------------------

  function begin(moduleId, total, passMark) {
    var asked = new URLSearchParams(window.location.search).get("scorm");
    var found = connect(asked);
    if (!found) {
      if (!STANDARDS[asked]) { return null; }
      warnNotRecorded();
      return { recorded: false };
    }
    lms = { version: found.version, standard: found.standard, api: found.api, started: Date.now(), total: total,
      passMark: passMark, finished: false, readOnly: false };
    lms.readOnly = ["browse", "review"].indexOf(get(lms.standard.mode)) >= 0;
    lms.passing = passingShare();
    lms.before = recordedBefore();
    var saved = readSaved();
    lms.best = saved.best;
    lms.last = get(lms.standard.suspend);
    if (!lms.before.complete) {
      set(lms.version === "2004" ? "cmi.completion_status" : "cmi.core.lesson_status", "incomplete");
    }
    set(lms.standard.exit, "suspend"); // keep answers and place for the learner's next visit
    commit();
    explain();
    var complete = lms.before.complete || Boolean(saved.completed);
    if (complete) {
      showRecorded(true, lms.before.passed || passed(lms.best) ? "passed" : "failed", Boolean(saved.completed));
    }
    listen();
    return { recorded: true, module: moduleId, learner: get(lms.standard.learner), answers: saved.answers,
      completed: saved.completed, location: get(lms.standard.location) };
  }

  function listen() {
    window.addEventListener("pagehide", finish);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden" && !lms.finished) { commit(); }
    });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && lms.finished) { warnNotRecorded(); } // back from the cache after leaving
    });
  }

  function report(state) {
    if (!lms || lms.finished || lms.readOnly) { return; }
    lms.best = Math.max(lms.best, state.right);
    var data = suspendData(state);
    if (data === lms.last) { return; }
    if (data.length > lms.standard.suspendLimit) {
      data = JSON.stringify({ v: 1, a: {}, b: lms.best, c: JSON.parse(data).c }); // answers are lost, status is not
    }
    lms.last = data;
    set(lms.standard.suspend, data);
    var completeNow = Boolean(state.completed);
    var complete = completeNow || lms.before.complete;
    var result = !complete || !lms.total ? null :
      lms.before.passed || passed(lms.best) ? "passed" : "failed";
    reportScore(state, completeNow);
    if (lms.version === "2004") {
      set("cmi.completion_status", complete ? "completed" : "incomplete");
      set("cmi.success_status", result || "unknown");
    } else {
      set("cmi.core.lesson_status", result || (complete ? "completed" : "incomplete"));
    }
    commit();
    showRecorded(complete, result, completeNow);
  }

  // The score goes once every question is answered: a learning system may judge pass or fail from
  // any score it is given. Until then, SCORM 2004 is told how far the learner has got.
  function reportScore(state, complete) {
    if (!lms.total) { return; }
    if (!complete) {
      if (lms.version === "2004") {
        set("cmi.progress_measure", Math.round(1000 * Object.keys(state.answers).length / lms.total) / 1000);
      }
      return;
    }
    var raw = Math.round(10000 * lms.best / lms.total) / 100;
    set(lms.standard.raw, raw);
    set(lms.standard.min, 0);
    set(lms.standard.max, 100);
    set(lms.standard.scaled, raw / 100);
    if (lms.version === "2004") { set("cmi.progress_measure", 1); }
  }

  // The bookmark is sent with the next commit (after an answer, or when the page is hidden or left).
  function place(section) {
    if (!lms || lms.finished || !section || section.length > lms.standard.locationLimit) { return; }
    set(lms.standard.location, section);
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
