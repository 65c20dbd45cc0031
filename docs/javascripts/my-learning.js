// My learning's record and the progress file: the CPD record (on screen, printed, as text), the impact and
// peer-reflection notes, and saving progress to a file and loading it back (checked and merged by
// progress-file.js). Loaded only on the pages that have these controls: My learning, and a module page in a
// learning system's package (its notes). Uses the learner's data through learning.js.
(function () {
  "use strict";

  var api = window.practiceLearning;
  if (!api) { return; }
  var load = api.load, save = api.save, moduleData = api.moduleData, update = api.update;
  var status = api.status, counts = api.counts, date = api.date, timeSpent = api.timeSpent, make = api.make;

  // ---- Progress kept in a file (see progress-file.js) ----------------------------------------

  // What this page knows of each module's questions and reflections, to check a loaded file against. On My
  // learning, every module. On a module page in a package, that module from its own forms; the site's other
  // modules are known by id only, and their part of a file is left out (the package holds one module).
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
    var list = document.getElementById("learning-modules");
    (list ? JSON.parse(list.textContent) : []).forEach(function (module) { known[module.id] = { skip: true }; });
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

  // What one module's saved part holds: only the questions, options and reflections this site has now, so
  // that a file this site saves always loads (a question taken out of a quiz since is left behind).
  function savedModule(entry, known) {
    var questions = {}, reflections = {};
    Object.keys(entry.questions).forEach(function (qid) {
      var check = known.checks[qid], kept = entry.questions[qid];
      if (check && kept.answer.every(function (v) { return check.values.indexOf(v) >= 0; })) { questions[qid] = kept; }
    });
    Object.keys(entry.reflections).forEach(function (rid) {
      if (known.reflections[rid]) { reflections[rid] = entry.reflections[rid]; }
    });
    var saved = { completed: entry.completed || null, questions: questions, reflections: reflections,
      impact: entry.impact || null, peer: entry.peer || null, seconds: entry.seconds || 0 };
    if (entry.visited) { saved.visited = entry.visited; }
    if (entry.reviewed) { saved.reviewed = entry.reviewed; }
    if (entry.reminded) { saved.reminded = true; }
    return saved;
  }

  function progressFileText(holder, known) {
    var data = load();
    var modules = {};
    Object.keys(known).forEach(function (id) {
      if (known[id].skip || !data.modules[id] || status(moduleData(data, id)) === "none") { return; }
      modules[id] = savedModule(moduleData(data, id), known[id]);
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

  function counted(number, one, many) { return number + " " + (number === 1 ? one : many); }

  function loadedWords(changed, notesOnly) {
    var words;
    if (!changed.modules) {
      words = "The file holds nothing this browser did not have already, so nothing changed.";
    } else {
      var parts = [];
      if (changed.completions) { parts.push(counted(changed.completions, "completion", "completions")); }
      if (changed.answers) { parts.push(counted(changed.answers, "answer", "answers")); }
      if (changed.notes) { parts.push(counted(changed.notes, "note", "notes")); }
      words = "Loaded from the file: " + counted(changed.modules, "module", "modules") + " updated" +
        (parts.length ? " (" + parts.join(", ") + ")" : "") + ". " + (changed.replaced ?
        "Where a note differed, the version written last was kept (" + counted(changed.replaced, "note", "notes") +
        " in this browser replaced); everything else this browser had is kept." :
        "Everything this browser had is kept.");
    }
    if (changed.skipped) {
      words += " Progress on " + counted(changed.skipped, "other module", "other modules") + " was left out: " +
        "this page holds one module.";
    }
    if (notesOnly) {
      words += " Your answers and completion are kept by your learning system, so only notes were loaded.";
    }
    return words;
  }

  // A date as the file's name gives it: the learner's own day, "2026-12-06".
  function today() {
    var now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map(function (n) {
      return n < 10 ? "0" + n : String(n);
    }).join("-");
  }

  function setUpProgressFile(holder, afterLoad) {
    var status = holder.querySelector(".progress-file-status");
    // What happened, in words; a file that was not loaded says so first ("Not loaded:"), not by colour alone.
    function say(words, refused) {
      status.classList.toggle("progress-file-status--refused", !!refused);
      status.textContent = (refused ? "Not loaded: " : "") + words;
    }
    var input = holder.querySelector("input[type='file']");
    holder.querySelector("[data-progress-save]").addEventListener("click", function () {
      var name = "practice-principles-progress-" + today() + ".json";
      download(name, progressFileText(holder, knownModules()), "application/json");
      say("Your progress has been saved to a file called " + name + ". Keep it somewhere " +
        "only you can open.");
    });
    input.addEventListener("change", function () {
      var files = window.practiceProgressFile;
      var file = input.files && input.files[0];
      if (!file || !files) { return; }
      input.value = "";
      if (file.size > files.LIMIT) {
        say("This file is larger than 1 MB, so it is not a progress file from this site. Nothing was changed.",
          true);
        return;
      }
      var reader = new FileReader();
      reader.onload = function () {
        var known = knownModules();
        var found = files.read(String(reader.result), known, holder.getAttribute("data-format"),
          Number(holder.getAttribute("data-format-version")));
        if (found.message) {
          say(found.message, true);
          return;
        }
        var data = load();
        var notesOnly = api.inPackage(); // the learning system holds answers and completion
        var changed = files.merge(data, found.data, known, notesOnly);
        save(data);
        afterLoad();
        api.paintStatuses();
        say(loadedWords(changed, notesOnly));
      };
      reader.onerror = function () { say("The file could not be read, so nothing was changed.", true); };
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
      api.clear();
      document.getElementById("cpd-name").value = "";
      document.getElementById("cpd-role").value = "";
      modules.forEach(function (module) {
        ["impact-", "peer-role-", "peer-"].forEach(function (prefix) {
          var field = document.getElementById(prefix + module.id);
          if (field) { field.value = ""; }
        });
      });
      refresh();
      api.paintStatuses();
      message.textContent = "Your data has been cleared from this browser.";
    });
  }


  var root = document.getElementById("learning-record");
  if (root) {
    setUpMyLearning(root);
  } else {
    var keep = document.querySelector("[data-progress-file]");
    var bar = document.querySelector(".module-status-bar [data-status-for]");
    if (keep && bar) {
      setUpProgressFile(keep, function () {
        var entry = moduleData(load(), bar.getAttribute("data-status-for"));
        document.querySelectorAll("textarea[data-reflection]").forEach(function (area) {
          var kept = entry.reflections[area.dataset.reflection];
          area.value = kept ? kept.text : "";
        });
      });
    }
  }
})();
