// Knowledge checks, reflections and "My learning": everything stays in this browser's localStorage,
// keyed by module id (not page address), so it survives moving or re-unzipping the offline copy.
// Nothing is ever sent anywhere. Loaded only on module pages and the My learning page.
(function () {
  "use strict";

  var KEY = "practice-principles-training";
  var GUIDE = 0.75;

  function load() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "{}");
      return data && data.modules ? data : { version: 1, modules: {} };
    } catch (error) {
      return { version: 1, modules: {} };
    }
  }

  function save(data) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(data));
    } catch (error) {
      // Storage can be full or switched off; the page still works, it just forgets.
    }
  }

  function moduleData(data, id) {
    data.modules[id] = data.modules[id] || { questions: {}, reflections: {}, impact: null };
    return data.modules[id];
  }

  function today(iso) {
    return new Date(iso || Date.now()).toLocaleDateString("en-GB", {
      day: "numeric", month: "long", year: "numeric"
    });
  }

  function text(el) {
    return (el.textContent || "").replace(/\s+/g, " ").trim();
  }

  function make(tag, attrs, content) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { el.setAttribute(name, attrs[name]); });
    if (content !== undefined) { el.textContent = content; }
    return el;
  }

  // ---- Knowledge checks -------------------------------------------------------------------

  function selected(form) {
    return Array.prototype.filter.call(form.querySelectorAll("input"), function (input) {
      return input.checked;
    }).map(function (input) { return input.value; });
  }

  function labelFor(form, value) {
    return text(form.querySelector("label[for='" + form.dataset.question + "-" + value + "']"));
  }

  // The feedback for one option, shown under it: copied from the "Show the answer" list, where
  // the page keeps it once for readers without JavaScript.
  function optionFeedback(form, value) {
    var row = form.querySelector(".quiz-option[data-value='" + value + "']");
    var shown = row.querySelector(".quiz-option-feedback");
    if (!shown) {
      shown = make("p", { "class": "quiz-option-feedback" },
        text(form.querySelector(".quiz-reveal li[data-value='" + value + "'] .quiz-reveal-feedback")));
      shown.hidden = true;
      row.appendChild(shown);
    }
    return shown;
  }

  function clearFeedback(form) {
    form.querySelectorAll(".quiz-option-feedback").forEach(function (p) { p.hidden = true; });
    form.querySelectorAll(".quiz-option").forEach(function (row) {
      row.classList.remove("quiz-option--right", "quiz-option--wrong");
    });
    var error = form.querySelector(".quiz-error");
    error.hidden = true;
    error.textContent = "";
    form.classList.remove("quiz-question--error");
    form.querySelector(".quiz-feedback").textContent = "";
  }

  function showResult(form, answer) {
    var correct = form.dataset.correct.split(" ");
    var right = answer.length === correct.length && answer.every(function (v) { return correct.indexOf(v) >= 0; });
    var status = form.querySelector(".quiz-feedback");
    var reread = form.querySelector(".quiz-reread");
    clearFeedback(form);
    var heading = make("p", { "class": "quiz-verdict" }, right ? "Correct." : "Not quite.");
    status.appendChild(heading);
    var list = make("ul");
    answer.forEach(function (value) {
      var ok = correct.indexOf(value) >= 0;
      var feedback = optionFeedback(form, value);
      feedback.hidden = false;
      form.querySelector(".quiz-option[data-value='" + value + "']").classList.add(
        ok ? "quiz-option--right" : "quiz-option--wrong");
      list.appendChild(make("li", {}, "You chose “" + labelFor(form, value) + "”. " + text(feedback)));
    });
    if (form.dataset.kind === "multiple") {
      correct.filter(function (v) { return answer.indexOf(v) < 0; }).forEach(function (value) {
        list.appendChild(make("li", {}, "You did not choose “" + labelFor(form, value) + "”, which is also right. " +
          text(optionFeedback(form, value))));
      });
    }
    status.appendChild(list);
    if (reread) {
      var p = make("p");
      p.appendChild(make("a", { href: reread.getAttribute("href") }, text(reread)));
      status.appendChild(p);
    }
    form.querySelector(".quiz-retry").hidden = false;
    return right;
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
    var answers = moduleData(load(), moduleId).questions;
    var answered = Object.keys(answers).length;
    var right = Object.keys(answers).filter(function (id) { return answers[id].correct; }).length;
    var guide = Math.ceil(total * GUIDE);
    var message = answered === 0
      ? "You have not answered any questions yet."
      : right + " of " + total + " correct (" + answered + " of " + total + " answered). " +
        (right >= guide
          ? "You have reached the guide mark of " + guide + " of " + total + " (75%), which records that you have completed this check."
          : "The guide mark for completing this check is " + guide + " of " + total + " (75%). Use the reread links to go back over the sections, then try again.");
    box.querySelector(".quiz-result-text").textContent = message;
    box.querySelector(".quiz-result-note").textContent =
      "This is a record of completion for your own learning, not a measure of your competence.";
  }

  function setUpQuiz(form, moduleId) {
    var qid = form.dataset.question;
    var check = form.querySelector(".quiz-check");
    var retry = form.querySelector(".quiz-retry");
    var reveal = form.querySelector(".quiz-reveal");
    check.hidden = false;
    if (reveal) { reveal.hidden = true; }

    var stored = moduleData(load(), moduleId).questions[qid];
    if (stored) {
      stored.answer.forEach(function (value) {
        var input = form.querySelector("input[value='" + value + "']");
        if (input) { input.checked = true; }
      });
      showResult(form, stored.answer);
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answer = selected(form);
      if (answer.length === 0) {
        showError(form);
        return;
      }
      var right = showResult(form, answer);
      var data = load();
      moduleData(data, moduleId).questions[qid] = { answer: answer, correct: right, at: new Date().toISOString() };
      save(data);
      updateResult(moduleId);
    });

    retry.addEventListener("click", function () {
      form.querySelectorAll("input").forEach(function (input) { input.checked = false; });
      clearFeedback(form);
      retry.hidden = true;
      var data = load();
      delete moduleData(data, moduleId).questions[qid];
      save(data);
      updateResult(moduleId);
      form.querySelector("input").focus();
    });
  }

  // ---- Reflections ------------------------------------------------------------------------

  function setUpReflection(area, moduleId) {
    var rid = area.dataset.reflection;
    var stored = moduleData(load(), moduleId).reflections[rid];
    if (stored) { area.value = stored.text; }
    area.addEventListener("input", function () {
      var data = load();
      var notes = moduleData(data, moduleId).reflections;
      if (area.value.trim()) {
        notes[rid] = { text: area.value, at: new Date().toISOString() };
      } else {
        delete notes[rid];
      }
      save(data);
    });
  }

  // ---- My learning ------------------------------------------------------------------------

  function lastActivity(entry) {
    var dates = [];
    ["questions", "reflections"].forEach(function (kind) {
      Object.keys(entry[kind]).forEach(function (id) { dates.push(entry[kind][id].at); });
    });
    if (entry.impact) { dates.push(entry.impact.at); }
    return dates.sort().pop();
  }

  function cpdRecord(modules) {
    var data = load();
    var lines = ["# CPD record: Practice Principles training", "", "Downloaded on " + today() + ".", ""];
    var any = false;
    modules.forEach(function (module) {
      var entry = moduleData(data, module.id);
      var when = lastActivity(entry);
      if (!when) { return; }
      any = true;
      var answers = entry.questions;
      var right = Object.keys(answers).filter(function (id) { return answers[id].correct; }).length;
      lines.push("## " + module.title, "");
      lines.push("- Date: " + today(when));
      lines.push("- Activity: self-study of the module \"" + module.title + "\" on the Practice Principles " +
        "training site, with its knowledge check (" + right + " of " + module.questions + " correct) and reflective questions.");
      lines.push("", "### What I learnt", "");
      var wrote = false;
      module.reflections.forEach(function (reflection) {
        var note = entry.reflections[reflection.id];
        if (note) {
          wrote = true;
          lines.push("**" + reflection.text + "**", "", note.text.trim(), "");
        }
      });
      if (!wrote) { lines.push("(No reflection notes written yet.)", ""); }
      lines.push("### Impact on my practice", "", entry.impact ? entry.impact.text.trim() : "(Not written yet.)", "");
    });
    if (!any) { lines.push("No learning recorded yet."); }
    return lines.join("\n") + "\n";
  }

  function download(name, content) {
    var link = make("a", { href: URL.createObjectURL(new Blob([content], { type: "text/markdown" })), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  function renderMyLearning(root, modules) {
    var data = load();
    root.textContent = "";
    modules.forEach(function (module) {
      var entry = moduleData(data, module.id);
      var section = make("section", { "class": "my-learning-module", "aria-labelledby": "ml-" + module.id });
      var h2 = make("h2", { id: "ml-" + module.id });
      h2.appendChild(make("a", { href: module.href }, module.title));
      section.appendChild(h2);
      var answers = entry.questions;
      var answered = Object.keys(answers).length;
      var right = Object.keys(answers).filter(function (id) { return answers[id].correct; }).length;
      var notes = module.reflections.filter(function (r) { return entry.reflections[r.id]; }).length;
      var list = make("ul");
      list.appendChild(make("li", {}, module.questions
        ? "Knowledge check: " + right + " of " + module.questions + " correct, " + answered + " of " +
          module.questions + " answered."
        : "This module has no knowledge check yet."));
      if (module.reflections.length) {
        list.appendChild(make("li", {}, "Reflections: " + notes + " of " + module.reflections.length + " written."));
      }
      var when = lastActivity(entry);
      list.appendChild(make("li", {}, "Last activity: " + (when ? today(when) : "none yet") + "."));
      section.appendChild(list);
      var id = "impact-" + module.id;
      section.appendChild(make("label", { "for": id, "class": "reflection-question" }, "Impact on my practice"));
      var hint = make("p", { "class": "reflection-hint", id: id + "-hint" },
        "What will you do differently after this module? This goes into your CPD record.");
      section.appendChild(hint);
      var area = make("textarea", { id: id, rows: "4", "class": "reflection-notes", "aria-describedby": id + "-hint" });
      area.value = entry.impact ? entry.impact.text : "";
      area.addEventListener("input", function () {
        var fresh = load();
        moduleData(fresh, module.id).impact = area.value.trim() ? { text: area.value, at: new Date().toISOString() } : null;
        save(fresh);
      });
      section.appendChild(area);
      root.appendChild(section);
    });
  }

  function setUpMyLearning(root) {
    var modules = JSON.parse(document.getElementById("my-learning-data").getAttribute("data-modules"));
    var status = document.getElementById("my-learning-status");
    renderMyLearning(root, modules);
    var controls = document.getElementById("my-learning-controls");
    controls.hidden = false;
    document.getElementById("download-cpd").addEventListener("click", function () {
      download("cpd-record-practice-principles.md", cpdRecord(modules));
      status.textContent = "Your CPD record has been downloaded.";
    });
    document.getElementById("clear-data").addEventListener("click", function () {
      if (!window.confirm("Clear all your answers, notes and progress from this browser? This cannot be undone.")) {
        return;
      }
      window.localStorage.removeItem(KEY);
      renderMyLearning(root, modules);
      status.textContent = "Your data has been cleared from this browser.";
    });
  }

  function start() {
    var holder = document.querySelector("[data-module]");
    var moduleId = holder ? holder.dataset.module : null;
    if (moduleId) {
      document.querySelectorAll("form.quiz-question").forEach(function (form) { setUpQuiz(form, moduleId); });
      document.querySelectorAll("textarea[data-reflection]").forEach(function (area) { setUpReflection(area, moduleId); });
      updateResult(moduleId);
    }
    var root = document.getElementById("learning-record");
    if (root) { setUpMyLearning(root); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
