// The learner's progress, knowledge checks, reflections and My learning. Everything stays in this
// browser's localStorage, keyed by module id (not page address), so it survives rebuilds and moving
// or re-unzipping the offline copy. Nothing is ever sent anywhere. Loaded on every page: the home
// page's start action and cards, the status marks in the navigation, module pages and My learning.
(function () {
  "use strict";

  var KEY = "practice-principles-training";
  var lms = null; // in a learning system's package, the module it reports on (see lms.js)
  var inThisTabOnly = false; // in a package the learning system is not recording: nothing is kept

  function area() {
    return inThisTabOnly ? window.sessionStorage : window.localStorage;
  }
  var ACTIVE_WINDOW = 60000; // a page counts as in use for a minute after the last key, touch or scroll
  var TICK = 5000;
  var MARKS = { none: "○", progress: "◐", complete: "✓" };

  // ---- Storage ------------------------------------------------------------------------------

  function load() {
    try {
      var data = JSON.parse(area().getItem(KEY) || "{}");
      if (data && data.modules) {
        data.learner = data.learner || {};
        return data;
      }
    } catch (error) {
      // Unreadable data is treated as none.
    }
    return { version: 2, modules: {}, learner: {} };
  }

  function save(data) {
    try {
      data.version = 2;
      area().setItem(KEY, JSON.stringify(data));
    } catch (error) {
      // Storage can be full or switched off; the page still works, it just forgets.
    }
  }

  function moduleData(data, id) {
    var entry = data.modules[id] || {};
    entry.questions = entry.questions || {};
    entry.reflections = entry.reflections || {};
    entry.impact = entry.impact || null;
    entry.seconds = entry.seconds || 0;
    entry.completed = entry.completed || null;
    data.modules[id] = entry;
    return entry;
  }

  function update(id, change) {
    var data = load();
    var entry = moduleData(data, id);
    change(entry, data);
    save(data);
    paintStatuses();
    if (lms && lms.module === id) { reportToLms(entry); }
  }

  // ---- A learning management system, when the page runs in one (lms.js) ---------------------

  function reportToLms(entry) {
    var answers = {};
    Object.keys(entry.questions).forEach(function (qid) { answers[qid] = entry.questions[qid].answer; });
    window.practiceLms.report({ answers: answers, right: counts(entry).right, completed: entry.completed });
  }

  // What the learning system kept for this learner replaces what this browser has for the module
  // (the browser may have been used by someone else). Notes stay in the browser, kept per learner.
  function joinLms(moduleId, forms) {
    var box = document.querySelector(".quiz-result");
    var kept = window.practiceLms.begin(moduleId, forms.length, box ? Number(box.dataset.passMark) : 0);
    if (!kept) { return; }
    if (!kept.recorded) {
      inThisTabOnly = true;
      return;
    }
    if (kept.learner) { KEY = KEY + ":" + kept.learner; }
    var data = load();
    var entry = moduleData(data, moduleId);
    entry.questions = {};
    forms.forEach(function (form) {
      var qid = form.dataset.question;
      var values = Array.prototype.map.call(form.querySelectorAll("input"), function (input) { return input.value; });
      var answer = (kept.answers[qid] || []).filter(function (value) { return values.indexOf(value) >= 0; });
      if (answer.length) {
        entry.questions[qid] = { answer: answer, correct: isRight(form, answer), at: new Date().toISOString() };
      }
    });
    entry.completed = kept.completed;
    save(data);
    lms = kept;
    var heading = kept.location && !window.location.hash && document.getElementById(kept.location);
    if (heading) {
      window.addEventListener("load", function () { heading.scrollIntoView(); });
    }
  }

  // ---- Words --------------------------------------------------------------------------------

  function date(iso) {
    return new Date(iso || Date.now()).toLocaleDateString("en-GB", {
      day: "numeric", month: "long", year: "numeric"
    });
  }

  function timeSpent(seconds) {
    var minutes = Math.round((seconds || 0) / 60);
    if (!seconds) { return "none yet"; }
    if (minutes < 1) { return "less than a minute"; }
    return "about " + minutes + (minutes === 1 ? " minute" : " minutes");
  }

  function counts(entry) {
    var answers = entry.questions;
    var ids = Object.keys(answers);
    return { answered: ids.length, right: ids.filter(function (id) { return answers[id].correct; }).length };
  }

  function status(entry) {
    if (entry.completed) { return "complete"; }
    var active = entry.visited || entry.seconds || entry.impact || Object.keys(entry.questions).length ||
      Object.keys(entry.reflections).length;
    return active ? "progress" : "none";
  }

  function statusText(entry) {
    var kind = status(entry);
    if (kind === "none") { return "Not started"; }
    if (kind === "progress") { return "In progress"; }
    var done = entry.completed;
    return "Complete" + (done.total ? ": " + done.score + " of " + done.total + " correct" : "") +
      ", " + date(done.at);
  }

  function text(el) {
    return (el.textContent || "").replace(/\u00b6/g, "").replace(/\s+/g, " ").trim();
  }

  function make(tag, attrs, content) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { el.setAttribute(name, attrs[name]); });
    if (content !== undefined) { el.textContent = content; }
    return el;
  }

  // ---- Status, everywhere -------------------------------------------------------------------

  function paintStatuses() {
    var data = load();
    document.querySelectorAll("[data-status-for]").forEach(function (el) {
      var entry = moduleData(data, el.getAttribute("data-status-for"));
      var kind = status(entry);
      el.className = "module-status module-status--" + kind;
      el.querySelector(".status-mark").textContent = MARKS[kind];
      el.querySelector(".status-text").textContent = statusText(entry);
    });
    markNavigation(data);
    paintUpdates(data);
    paintReminder(data);
  }

  // ---- Updated guidance: sections changed since the learner completed a module ---------------

  function learningModules() {
    var list = document.getElementById("learning-modules");
    return list ? JSON.parse(list.textContent) : [];
  }

  // The sections of ``module`` changed after the learner completed it (or last marked the changes read).
  function changedSince(module, entry) {
    if (!entry.completed) { return []; }
    var since = entry.reviewed && entry.reviewed > entry.completed.at ? entry.reviewed : entry.completed.at;
    return (module.updated || []).filter(function (section) { return section[2] > since; });
  }

  function paintUpdates(data) {
    var holders = document.querySelectorAll("[data-updated-for]");
    if (!holders.length) { return; }
    var scope = window.__md_scope || new URL(".", location.href);
    var here = location.href.split("#")[0];
    var byId = {};
    learningModules().forEach(function (module) { byId[module.id] = module; });
    holders.forEach(function (holder) {
      var module = byId[holder.getAttribute("data-updated-for")];
      var changed = module ? changedSince(module, moduleData(data, module.id)) : [];
      holder.hidden = !changed.length;
      holder.textContent = "";
      if (!changed.length) { return; }
      var address = new URL(module.uri, scope).href;
      var intro = make("p", {});
      intro.appendChild(make("strong", {}, "Updated since you completed it: "));
      intro.appendChild(document.createTextNode(changed.length === 1 ? "this section has changed." :
        "these sections have changed."));
      holder.appendChild(intro);
      var list = make("ul", {});
      changed.forEach(function (section) {
        var item = make("li", {});
        item.appendChild(make("a", { href: (address === here ? "" : address) + "#" + section[0] }, section[1]));
        item.appendChild(document.createTextNode(" (changed on " + date(section[2]) + ")"));
        list.appendChild(item);
      });
      holder.appendChild(list);
      if (address === here) {
        var button = make("button", { type: "button", "class": "md-button" }, "I have read the changes");
        button.addEventListener("click", function () {
          update(module.id, function (entry) { entry.reviewed = new Date().toISOString(); });
          var status = document.querySelector(".module-status-bar [data-status-for]");
          if (status) { status.setAttribute("tabindex", "-1"); status.focus(); }
        });
        holder.appendChild(make("p", {})).appendChild(button);
      }
    });
  }

  // ---- The reminder to keep progress, once a module is complete ------------------------------

  function paintReminder(data) {
    var reminder = document.querySelector("[data-save-reminder]");
    var bar = document.querySelector(".module-status-bar [data-status-for]");
    if (!reminder || !bar) { return; }
    var entry = moduleData(data, bar.getAttribute("data-status-for"));
    reminder.hidden = !entry.completed || !!entry.reminded;
  }

  function setUpReminder(moduleId) {
    var reminder = document.querySelector("[data-save-reminder]");
    if (!reminder) { return; }
    reminder.querySelector("[data-save-reminder-dismiss]").addEventListener("click", function () {
      update(moduleId, function (entry) { entry.reminded = true; });
      var before = reminder.parentNode.previousElementSibling;
      if (before) { before.setAttribute("tabindex", "-1"); before.focus(); }
    });
  }

  // A mark after each module's link in the navigation, with words for screen readers.
  function markNavigation(data) {
    var list = document.getElementById("learning-modules");
    if (!list) { return; }
    var scope = window.__md_scope || new URL(".", location.href);
    JSON.parse(list.textContent).forEach(function (module) {
      var address = new URL(module.uri, scope).href;
      var kind = status(moduleData(data, module.id));
      document.querySelectorAll("a.md-nav__link").forEach(function (link) {
        if (link.href !== address) { return; }
        var mark = link.querySelector(".nav-status");
        if (!mark) {
          mark = make("span", { "class": "nav-status" });
          mark.appendChild(make("span", { "aria-hidden": "true", "class": "nav-status-mark" }));
          mark.appendChild(make("span", { "class": "visually-hidden" }));
          link.appendChild(mark);
        }
        mark.firstChild.textContent = kind === "none" ? "" : MARKS[kind];
        mark.lastChild.textContent = kind === "complete" ? " (complete)" : kind === "progress" ? " (in progress)" : "";
      });
    });
  }

  // ---- Home: the start action ---------------------------------------------------------------

  function setUpStart(action) {
    var data = load();
    var cards = Array.prototype.map.call(document.querySelectorAll("[data-card-module]"), function (card) {
      return { id: card.getAttribute("data-card-module"), number: card.getAttribute("data-number"),
        href: card.querySelector("a").getAttribute("href") };
    });
    var byId = {};
    cards.forEach(function (card) { byId[card.id] = card; });
    var last = data.last && byId[data.last.module];
    if (last && !moduleData(data, last.id).completed) {
      action.textContent = "Continue: Principle " + last.number + (data.last.title ? ", " + data.last.title : "");
      action.setAttribute("href", last.href + (data.last.section ? "#" + data.last.section : ""));
      return;
    }
    var next = cards.filter(function (card) { return !moduleData(data, card.id).completed; })[0];
    if (next) {
      var started = status(moduleData(data, next.id)) !== "none";
      action.textContent = (started ? "Continue: Principle " : "Start with Principle ") + next.number;
      action.setAttribute("href", next.href);
    } else if (cards.length) {
      action.textContent = "All modules complete: see your learning record";
      action.setAttribute("href", action.getAttribute("data-record"));
    }
  }

  // ---- Module pages: where the learner is, and time spent ------------------------------------

  function currentSection() {
    var found = null;
    document.querySelectorAll("article.md-content__inner h2[id]").forEach(function (heading) {
      if (heading.getBoundingClientRect().top < 120) { found = heading; }
    });
    return found;
  }

  function trackPlace(moduleId) {
    var data = load();
    moduleData(data, moduleId).visited = new Date().toISOString();
    save(data);
    var pending = false;
    function remember() {
      pending = false;
      var heading = currentSection();
      var fresh = load();
      var place = { module: moduleId, section: heading ? heading.id : "", title: heading ? text(heading) : "" };
      var last = fresh.last || {};
      if (last.module !== place.module || last.section !== place.section) {
        place.at = new Date().toISOString();
        fresh.last = place;
        save(fresh);
        if (lms && place.section) { window.practiceLms.place(place.section); }
      }
    }
    remember();
    window.addEventListener("scroll", function () {
      if (!pending) {
        pending = true;
        window.setTimeout(remember, 500);
      }
    }, { passive: true });
  }

  // Active time: counted in steps while the page is visible and was used in the last minute.
  function trackTime(moduleId) {
    var lastUse = Date.now();
    ["keydown", "pointerdown", "pointermove", "scroll", "touchstart", "wheel", "input"].forEach(function (name) {
      window.addEventListener(name, function () { lastUse = Date.now(); }, { passive: true, capture: true });
    });
    window.setInterval(function () {
      if (document.visibilityState === "visible" && Date.now() - lastUse < ACTIVE_WINDOW) {
        var data = load();
        moduleData(data, moduleId).seconds += TICK / 1000;
        save(data);
      }
    }, TICK);
  }

  // ---- Knowledge checks ---------------------------------------------------------------------

  function selected(form) {
    return Array.prototype.filter.call(form.querySelectorAll("input"), function (input) {
      return input.checked;
    }).map(function (input) { return input.value; });
  }

  function reason(form, value) {
    return text(form.querySelector(".quiz-reveal li[data-value='" + value + "'] .quiz-reveal-feedback"));
  }

  function clearFeedback(form) {
    form.querySelectorAll(".quiz-option-feedback").forEach(function (p) { p.remove(); });
    form.querySelectorAll(".quiz-option").forEach(function (row) {
      row.classList.remove("quiz-option--right", "quiz-option--wrong");
    });
    var error = form.querySelector(".quiz-error");
    error.hidden = true;
    error.textContent = "";
    form.classList.remove("quiz-question--error");
    form.querySelector(".quiz-feedback").textContent = "";
  }

  // Beside each chosen option: a mark with words (not colour alone) and the reason.
  function markOption(form, value, right) {
    var row = form.querySelector(".quiz-option[data-value='" + value + "']");
    row.classList.add(right ? "quiz-option--right" : "quiz-option--wrong");
    var note = make("p", { "class": "quiz-option-feedback" });
    note.appendChild(make("strong", {}, right ? "✓ A right answer. " : "✗ Not a right answer. "));
    note.appendChild(document.createTextNode(reason(form, value)));
    row.appendChild(note);
  }

  function isRight(form, answer) {
    var correct = form.dataset.correct.split(" ");
    return answer.length === correct.length && answer.every(function (v) { return correct.indexOf(v) >= 0; });
  }

  function verdict(form, answer) {
    var correct = form.dataset.correct.split(" ");
    var chosenRight = answer.filter(function (v) { return correct.indexOf(v) >= 0; }).length;
    var chosenWrong = answer.length - chosenRight;
    if (chosenRight === correct.length && chosenWrong === 0) { return { right: true, words: "Correct." }; }
    if (form.dataset.kind !== "multiple" || chosenRight === 0) {
      return { right: false, words: "Not correct. Try again, or open “Show the answer” to see why." };
    }
    var missed = correct.length - chosenRight;
    var parts = ["Partly correct: you chose " + chosenRight + " of the " + correct.length + " right answers"];
    if (chosenWrong) { parts.push(chosenWrong + (chosenWrong === 1 ? " choice is" : " choices are") + " not right"); }
    if (missed) { parts.push(missed + " right " + (missed === 1 ? "answer is" : "answers are") + " missing"); }
    return { right: false, words: parts.join("; ") + ". Try again, or open “Show the answer”." };
  }

  function scoreLine(moduleId) {
    var box = document.querySelector(".quiz-result");
    var total = box ? Number(box.dataset.total) : 0;
    var c = counts(moduleData(load(), moduleId));
    return "Score so far: " + c.right + " of " + total + " correct, " + c.answered + " of " + total + " answered.";
  }

  function showResult(form, answer, moduleId) {
    var correct = form.dataset.correct.split(" ");
    var result = verdict(form, answer);
    clearFeedback(form);
    answer.forEach(function (value) { markOption(form, value, correct.indexOf(value) >= 0); });
    var status = form.querySelector(".quiz-feedback");
    status.appendChild(make("p", { "class": "quiz-verdict" }, result.words));
    status.appendChild(make("p", { "class": "quiz-score" }, scoreLine(moduleId)));
    form.querySelector(".quiz-retry").hidden = false;
    var reveal = form.querySelector(".quiz-reveal");
    if (reveal) { reveal.hidden = false; }
    return result.right;
  }

  function showError(form) {
    var error = form.querySelector(".quiz-error");
    var message = form.dataset.kind === "multiple" ? "Select at least one answer" : "Select an answer";
    clearFeedback(form);
    error.textContent = "Error: " + message;
    error.hidden = false;
    form.classList.add("quiz-question--error");
    form.querySelector(".quiz-feedback").textContent = "Error: " + message + ".";
    form.querySelector("input").focus();
  }

  function updateResult(moduleId) {
    var box = document.querySelector(".quiz-result");
    if (!box) { return; }
    var total = Number(box.dataset.total);
    var entry = moduleData(load(), moduleId);
    var c = counts(entry);
    var message = "Your score: " + c.right + " of " + total + " correct, " + c.answered + " of " + total + " answered.";
    if (entry.completed) {
      message += " You completed this module on " + date(entry.completed.at) + " (" + entry.completed.score +
        " of " + entry.completed.total + " correct when you first answered every question).";
    }
    box.querySelector(".quiz-result-text.js-only").textContent = message;
  }

  // Complete once every question has an answer; the score and date of that moment are kept.
  function recordCompletion(entry, total) {
    var c = counts(entry);
    if (!entry.completed && total && c.answered >= total) {
      entry.completed = { at: new Date().toISOString(), score: c.right, total: total };
    }
  }

  function setUpQuiz(form, moduleId, total) {
    var qid = form.dataset.question;
    var retry = form.querySelector(".quiz-retry");
    var reveal = form.querySelector(".quiz-reveal");
    form.querySelector(".quiz-check").hidden = false;
    var stored = moduleData(load(), moduleId).questions[qid];
    if (reveal) { reveal.hidden = !stored; } // "Show the answer" comes after a first attempt
    if (stored) {
      stored.answer.forEach(function (value) {
        var input = form.querySelector("input[value='" + value + "']");
        if (input) { input.checked = true; }
      });
      showResult(form, stored.answer, moduleId);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answer = selected(form);
      if (answer.length === 0) {
        showError(form);
        return;
      }
      var right = isRight(form, answer);
      update(moduleId, function (entry) {
        entry.questions[qid] = { answer: answer, correct: right, at: new Date().toISOString() };
        recordCompletion(entry, total);
      });
      showResult(form, answer, moduleId);
      updateResult(moduleId);
    });

    retry.addEventListener("click", function () {
      form.querySelectorAll("input").forEach(function (input) { input.checked = false; });
      clearFeedback(form);
      retry.hidden = true;
      update(moduleId, function (entry) { delete entry.questions[qid]; });
      updateResult(moduleId);
      form.querySelector("input").focus();
    });
  }

  // ---- Reflections and "mark as complete" ---------------------------------------------------

  function setUpReflection(area, moduleId) {
    var rid = area.dataset.reflection;
    var stored = moduleData(load(), moduleId).reflections[rid];
    if (stored) { area.value = stored.text; }
    area.addEventListener("input", function () {
      update(moduleId, function (entry) {
        if (area.value.trim()) {
          entry.reflections[rid] = { text: area.value, at: new Date().toISOString() };
        } else {
          delete entry.reflections[rid];
        }
      });
    });
  }

  function setUpFinish(button, moduleId) {
    var message = document.getElementById("finish-status");
    button.addEventListener("click", function () {
      update(moduleId, function (entry) {
        entry.completed = entry.completed || { at: new Date().toISOString(), score: 0, total: 0 };
      });
      message.textContent = "This module is marked complete.";
    });
  }

  // ---- Progress kept in a file (see progress-file.js) ----------------------------------------

  // What this page knows of each module's questions and reflections, to check a loaded file against:
  // on My learning every module; on a module page in a package, that module (from its own forms).
  function knownModules() {
    var known = {};
    var holder = document.getElementById("my-learning-data");
    if (holder) {
      JSON.parse(holder.getAttribute("data-modules")).forEach(function (module) {
        var entry = { checks: {}, reflections: {} };
        module.checks.forEach(function (check) { entry.checks[check.id] = check; });
        module.reflections.forEach(function (r) { entry.reflections[r.id] = true; });
        known[module.id] = entry;
      });
      return known;
    }
    var bar = document.querySelector(".module-status-bar [data-status-for]");
    if (!bar) { return known; }
    var here = { checks: {}, reflections: {} };
    document.querySelectorAll("form.quiz-question").forEach(function (form) {
      here.checks[form.dataset.question] = {
        values: Array.prototype.map.call(form.querySelectorAll("input"), function (input) { return input.value; }),
        correct: form.dataset.correct.split(" ")
      };
    });
    document.querySelectorAll("textarea[data-reflection]").forEach(function (area) {
      here.reflections[area.dataset.reflection] = true;
    });
    known[bar.getAttribute("data-status-for")] = here;
    return known;
  }

  function progressFileText(holder, known) {
    var data = load();
    var modules = {};
    Object.keys(known).forEach(function (id) {
      var entry = data.modules[id];
      if (!entry || status(moduleData(data, id)) === "none") { return; }
      modules[id] = { completed: entry.completed || null, questions: entry.questions || {},
        reflections: entry.reflections || {}, impact: entry.impact || null, peer: entry.peer || null,
        seconds: entry.seconds || 0 };
      if (entry.visited) { modules[id].visited = entry.visited; }
      if (entry.reviewed) { modules[id].reviewed = entry.reviewed; }
    });
    return JSON.stringify({
      format: holder.getAttribute("data-format"),
      version: Number(holder.getAttribute("data-format-version")),
      site: holder.getAttribute("data-site"),
      saved: new Date().toISOString(),
      note: holder.getAttribute("data-safety") + " This file holds your answers and notes: keep it " +
        "somewhere only you can open.",
      learner: { name: data.learner.name || "", role: data.learner.role || "" },
      modules: modules
    }, null, 2) + "\n";
  }

  function loadedWords(changed, notesOnly) {
    if (!changed.modules) {
      return "The file holds nothing this browser did not have already, so nothing changed.";
    }
    var parts = [changed.modules + (changed.modules === 1 ? " module" : " modules")];
    if (changed.completions) { parts.push(changed.completions + (changed.completions === 1 ? " completion" : " completions")); }
    if (changed.answers) { parts.push(changed.answers + (changed.answers === 1 ? " answer" : " answers")); }
    if (changed.notes) { parts.push(changed.notes + (changed.notes === 1 ? " note" : " notes")); }
    return "Loaded from the file: " + parts.join(", ") + " updated. Everything this browser had is kept." +
      (notesOnly ? " Your answers and completion are kept by your learning system, so only notes were loaded." : "");
  }

  function setUpProgressFile(holder, afterLoad) {
    var message = holder.querySelector(".progress-file-status");
    var input = holder.querySelector("input[type='file']");
    var files = window.practiceProgressFile;
    holder.querySelector("[data-progress-save]").addEventListener("click", function () {
      var day = new Date().toISOString().slice(0, 10);
      var name = "practice-principles-progress-" + day + ".json";
      download(name, progressFileText(holder, knownModules()), "application/json");
      message.textContent = "Your progress has been saved to a file called " + name + ". Keep it somewhere " +
        "only you can open.";
    });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) { return; }
      input.value = "";
      if (file.size > files.LIMIT) {
        message.textContent = "This file is larger than 1 MB, so it is not a progress file from this site. " +
          "Nothing was changed.";
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var found = files.read(String(reader.result), knownModules(), holder.getAttribute("data-format"),
          Number(holder.getAttribute("data-format-version")));
        if (found.message) {
          message.textContent = found.message;
          return;
        }
        var data = load();
        var notesOnly = !!lms;
        var changed = files.merge(data, found.data, notesOnly);
        save(data);
        afterLoad();
        paintStatuses();
        message.textContent = loadedWords(changed, notesOnly);
      };
      reader.onerror = function () { message.textContent = "The file could not be read, so nothing was changed."; };
      reader.readAsText(file);
    });
  }

  // ---- My learning and the CPD record -------------------------------------------------------

  function recordEntries(modules, data) {
    return modules.filter(function (module) {
      return status(moduleData(data, module.id)) !== "none";
    }).map(function (module) {
      var entry = moduleData(data, module.id);
      var learned = module.reflections.filter(function (r) { return entry.reflections[r.id]; }).map(function (r) {
        return { question: r.text, answer: entry.reflections[r.id].text.trim() };
      });
      var done = entry.completed;
      return {
        title: module.title,
        facts: [
          ["Date completed", done ? date(done.at) : "not completed yet"],
          ["Score", done && done.total ? done.score + " of " + done.total + " questions correct" :
            module.questions ? "knowledge check not finished" : "no knowledge check"],
          ["Time spent", timeSpent(entry.seconds) + " (an estimate: active time on the module page)"]
        ],
        activity: "Self-study of the module “" + module.title + "” on the Practice Principles training site: " +
          "reading the principle and its research summary" + (module.questions ? ", answering its knowledge check" : "") +
          (module.reflections.length ? " and writing reflections on my practice" : "") + ".",
        learned: learned,
        impact: entry.impact ? entry.impact.text.trim() : "",
        peer: entry.peer && (entry.peer.role.trim() || entry.peer.text.trim()) ? entry.peer : null
      };
    });
  }

  var HEADINGS = ["What was the activity?", "What did you learn?", "How will it change your practice?",
    "Peer reflection (optional)"];

  function peerLines(peer) {
    if (!peer) { return ["(None recorded.)"]; }
    return ["Discussed with: " + (peer.role.trim() || "(role not given)"), peer.text.trim() || "(Not written yet.)"];
  }

  function safetyLine() {
    var holder = document.querySelector("[data-progress-file]");
    return holder ? holder.getAttribute("data-safety") : "";
  }

  function recordText(modules) {
    var data = load();
    var lines = ["CPD record: Practice Principles training", ""];
    if (data.learner.name) { lines.push("Name: " + data.learner.name); }
    if (data.learner.role) { lines.push("Role: " + data.learner.role); }
    lines.push("Record made on " + date() + ".");
    if (safetyLine()) { lines.push("", "Note: " + safetyLine()); }
    var entries = recordEntries(modules, data);
    if (!entries.length) { lines.push("", "No learning recorded yet."); }
    entries.forEach(function (entry) {
      lines.push("", "", entry.title, "");
      entry.facts.forEach(function (fact) { lines.push(fact[0] + ": " + fact[1]); });
      lines.push("", HEADINGS[0], entry.activity, "", HEADINGS[1]);
      if (!entry.learned.length) { lines.push("(No reflection notes written yet.)"); }
      entry.learned.forEach(function (note, index) {
        if (index) { lines.push(""); }
        lines.push("Question: " + note.question, note.answer);
      });
      lines.push("", HEADINGS[2], entry.impact || "(Not written yet.)");
      lines.push("", HEADINGS[3]);
      peerLines(entry.peer).forEach(function (line) { lines.push(line); });
    });
    return lines.join("\n") + "\n";
  }

  // The same record as a page section, shown only when printing (see learning.css).
  function renderRecord(holder, modules) {
    var data = load();
    holder.textContent = "";
    holder.appendChild(make("h2", { "class": "cpd-title" }, "CPD record: Practice Principles training"));
    var who = make("dl", { "class": "cpd-facts" });
    [["Name", data.learner.name], ["Role", data.learner.role], ["Record made on", date()]].forEach(function (fact) {
      if (!fact[1]) { return; }
      who.appendChild(make("dt", {}, fact[0]));
      who.appendChild(make("dd", {}, fact[1]));
    });
    holder.appendChild(who);
    if (safetyLine()) { holder.appendChild(make("p", { "class": "cpd-safety" }, safetyLine())); }
    var entries = recordEntries(modules, data);
    if (!entries.length) { holder.appendChild(make("p", {}, "No learning recorded yet.")); }
    entries.forEach(function (entry) {
      var section = make("section", { "class": "cpd-module" });
      section.appendChild(make("h3", {}, entry.title));
      var facts = make("dl", { "class": "cpd-facts" });
      entry.facts.forEach(function (fact) {
        facts.appendChild(make("dt", {}, fact[0]));
        facts.appendChild(make("dd", {}, fact[1]));
      });
      section.appendChild(facts);
      section.appendChild(make("h4", {}, HEADINGS[0]));
      section.appendChild(make("p", {}, entry.activity));
      section.appendChild(make("h4", {}, HEADINGS[1]));
      if (!entry.learned.length) { section.appendChild(make("p", {}, "(No reflection notes written yet.)")); }
      entry.learned.forEach(function (note) {
        section.appendChild(make("p", { "class": "cpd-question" }, note.question));
        section.appendChild(make("p", { "class": "cpd-answer" }, note.answer));
      });
      section.appendChild(make("h4", {}, HEADINGS[2]));
      section.appendChild(make("p", { "class": "cpd-answer" }, entry.impact || "(Not written yet.)"));
      section.appendChild(make("h4", {}, HEADINGS[3]));
      peerLines(entry.peer).forEach(function (line, index) {
        section.appendChild(make("p", { "class": index ? "cpd-answer" : "cpd-question" }, line));
      });
      holder.appendChild(section);
    });
  }

  function download(name, content, type) {
    var blob = new Blob([content], { type: (type || "text/plain") + ";charset=utf-8" });
    var link = make("a", { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function fillProgress(root, modules) {
    var data = load();
    modules.forEach(function (module) {
      var section = root.querySelector("[data-module-id='" + module.id + "']");
      if (!section) { return; }
      var entry = moduleData(data, module.id);
      var c = counts(entry);
      var score = section.querySelector("[data-field='score']");
      if (module.questions) {
        score.textContent = "Knowledge check: " + c.right + " of " + module.questions + " correct, " + c.answered +
          " of " + module.questions + " answered.";
      }
      var notes = section.querySelector("[data-field='reflections']");
      if (notes) {
        var written = module.reflections.filter(function (r) { return entry.reflections[r.id]; }).length;
        notes.textContent = "Reflections: " + written + " of " + module.reflections.length + " written.";
      }
      section.querySelector("[data-field='time']").textContent = "Time spent: " + timeSpent(entry.seconds) + ".";
      var area = document.getElementById("impact-" + module.id);
      if (area && document.activeElement !== area) { area.value = entry.impact ? entry.impact.text : ""; }
      var role = document.getElementById("peer-role-" + module.id);
      var peerNote = document.getElementById("peer-" + module.id);
      if (role && document.activeElement !== role) { role.value = entry.peer ? entry.peer.role : ""; }
      if (peerNote && document.activeElement !== peerNote) { peerNote.value = entry.peer ? entry.peer.text : ""; }
    });
  }

  function setUpMyLearning(root) {
    var modules = JSON.parse(document.getElementById("my-learning-data").getAttribute("data-modules"));
    var message = document.getElementById("my-learning-status");
    var record = document.getElementById("cpd-record");
    function refresh() {
      fillProgress(root, modules);
      renderRecord(record, modules);
    }
    modules.forEach(function (module) {
      var area = document.getElementById("impact-" + module.id);
      area.addEventListener("input", function () {
        update(module.id, function (entry) {
          entry.impact = area.value.trim() ? { text: area.value, at: new Date().toISOString() } : null;
        });
        renderRecord(record, modules);
      });
      var role = document.getElementById("peer-role-" + module.id);
      var peerNote = document.getElementById("peer-" + module.id);
      [role, peerNote].forEach(function (field) {
        field.addEventListener("input", function () {
          update(module.id, function (entry) {
            var kept = { role: role.value, text: peerNote.value, at: new Date().toISOString() };
            entry.peer = kept.role.trim() || kept.text.trim() ? kept : null;
          });
          renderRecord(record, modules);
        });
      });
    });
    ["name", "role"].forEach(function (field) {
      var input = document.getElementById("cpd-" + field);
      input.value = load().learner[field] || "";
      input.addEventListener("input", function () {
        var data = load();
        data.learner[field] = input.value.trim();
        save(data);
        renderRecord(record, modules);
      });
    });
    refresh();
    setUpProgressFile(root.ownerDocument.querySelector("[data-progress-file]"), function () {
      ["name", "role"].forEach(function (field) {
        document.getElementById("cpd-" + field).value = load().learner[field] || "";
      });
      refresh();
    });
    document.getElementById("download-cpd").addEventListener("click", function () {
      download("cpd-record-practice-principles.txt", recordText(modules));
      message.textContent = "Your CPD record has been downloaded as a text file.";
    });
    document.getElementById("print-cpd").addEventListener("click", function () {
      renderRecord(record, modules);
      window.print();
    });
    window.addEventListener("beforeprint", function () { renderRecord(record, modules); });
    document.getElementById("clear-data").addEventListener("click", function () {
      if (!window.confirm("Clear all your progress, answers, notes, name and role from this browser? " +
          "This cannot be undone.")) {
        return;
      }
      area().removeItem(KEY);
      document.getElementById("cpd-name").value = "";
      document.getElementById("cpd-role").value = "";
      modules.forEach(function (module) {
        ["impact-", "peer-role-", "peer-"].forEach(function (prefix) {
          var field = document.getElementById(prefix + module.id);
          if (field) { field.value = ""; }
        });
      });
      refresh();
      paintStatuses();
      message.textContent = "Your data has been cleared from this browser.";
    });
  }

  // ---- Start --------------------------------------------------------------------------------

  function start() {
    var bar = document.querySelector(".module-status-bar [data-status-for]");
    var moduleId = bar ? bar.getAttribute("data-status-for") : null;
    if (moduleId) {
      var forms = document.querySelectorAll("form.quiz-question");
      if (window.practiceLms) {
        try {
          joinLms(moduleId, forms);
        } catch (error) {
          lms = null; // a learning system that misbehaves: the page still works as on the site
        }
      }
      forms.forEach(function (form) { setUpQuiz(form, moduleId, forms.length); });
      document.querySelectorAll("textarea[data-reflection]").forEach(function (area) { setUpReflection(area, moduleId); });
      var finish = document.getElementById("mark-complete");
      if (finish) { setUpFinish(finish, moduleId); }
      setUpReminder(moduleId);
      var keep = document.querySelector("[data-progress-file]");
      if (keep) {
        setUpProgressFile(keep, function () {
          var entry = moduleData(load(), moduleId);
          document.querySelectorAll("textarea[data-reflection]").forEach(function (area) {
            var kept = entry.reflections[area.dataset.reflection];
            area.value = kept ? kept.text : "";
          });
        });
      }
      updateResult(moduleId);
      trackPlace(moduleId);
      trackTime(moduleId);
    }
    var action = document.getElementById("start-action");
    if (action) { setUpStart(action); }
    var root = document.getElementById("learning-record");
    if (root) { setUpMyLearning(root); }
    paintStatuses();
  }

  start();
})();
