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
    entry.peer = entry.peer || null;
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
    var active = entry.visited || entry.seconds || entry.impact || entry.peer || Object.keys(entry.questions).length ||
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
    var since = Math.max(Date.parse(entry.completed.at) || 0, Date.parse(entry.reviewed || "") || 0);
    return (module.updated || []).filter(function (section) { return Date.parse(section[2]) > since; });
  }

  function paintUpdates(data) {
    var holders = document.querySelectorAll("[data-updated-for]");
    if (!holders.length) { return; }
    var scope = window.__md_scope || new URL(".", location.href);
    var here = location.href.split(/[?#]/)[0]; // in a package the address carries the launch's query
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
      updateResult(moduleId);
      trackPlace(moduleId);
      trackTime(moduleId);
    }
    var action = document.getElementById("start-action");
    if (action) { setUpStart(action); }
    paintStatuses();
  }

  // For my-learning.js (My learning's record and the progress file, on the pages that have them).
  window.practiceLearning = {
    load: load, save: save, moduleData: moduleData, update: update, paintStatuses: paintStatuses,
    status: status, counts: counts, date: date, timeSpent: timeSpent, make: make,
    clear: function () { area().removeItem(KEY); },
    inPackage: function () { return !!window.practiceLms; }
  };

  start();
})();
