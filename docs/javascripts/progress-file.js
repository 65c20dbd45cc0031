// A learner's progress as a file they keep: checking a file they load, and merging it with what this
// browser holds. Plain functions with no page access, used by learning.js (which reads and writes the
// file and shows what happened). A loaded file is untrusted: it is checked field by field, answers are
// checked again against the questions, and nothing from it is ever put into the page as markup.
(function () {
  "use strict";

  var LIMIT = 1024 * 1024; // bytes: a progress file is far smaller
  // Characters in one note, and in a name or role: ten times what the boxes take (20,000 and 200), as loading
  // files joins notes that differ.
  var TEXT_LIMIT = 200000;
  var SHORT_LIMIT = 2000;
  var TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
  var MODULE_FIELDS = ["completed", "questions", "reflections", "impact", "peer", "seconds", "visited",
    "reminded", "reviewed"];
  var NOT_OURS = "This file is not a progress file saved from this site, so nothing was changed. " +
    "Choose a file you saved with “Save my progress to a file”.";

  function Refused(message) { this.message = message; }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function time(value) {
    if (typeof value !== "string" || !TIME.test(value) || !isFinite(Date.parse(value))) { throw new Refused(NOT_OURS); }
    return value;
  }

  function text(value, limit) {
    if (typeof value !== "string" || value.length > limit) { throw new Refused(NOT_OURS); }
    return value;
  }

  function note(value) {
    if (value === null || value === undefined) { return null; }
    if (!isObject(value)) { throw new Refused(NOT_OURS); }
    return { text: text(value.text, TEXT_LIMIT), at: time(value.at) };
  }

  function peer(value) {
    if (value === null || value === undefined) { return null; }
    if (!isObject(value)) { throw new Refused(NOT_OURS); }
    return { role: text(value.role || "", SHORT_LIMIT), text: text(value.text || "", TEXT_LIMIT), at: time(value.at) };
  }

  function count(value, most) {
    if (typeof value !== "number" || !isFinite(value) || value < 0 || value > most || Math.floor(value) !== value) {
      throw new Refused(NOT_OURS);
    }
    return value;
  }

  function unknown() {
    return new Refused("This file has progress for modules, questions or answers this site does not have, so " +
      "it was saved from another site or from a different version of this one. Nothing was changed.");
  }

  // One question's answer, checked against the question: values it offers, each once; right or not, worked out here.
  function answer(value, check) {
    if (!isObject(value) || !Array.isArray(value.answer) || !value.answer.length) { throw new Refused(NOT_OURS); }
    var seen = {};
    value.answer.forEach(function (choice) {
      if (typeof choice !== "string" || own(seen, choice)) { throw new Refused(NOT_OURS); }
      if (check.values.indexOf(choice) < 0) { throw unknown(); }
      seen[choice] = true;
    });
    var right = value.answer.length === check.correct.length &&
      value.answer.every(function (choice) { return check.correct.indexOf(choice) >= 0; });
    return { answer: value.answer.slice(), correct: right, at: time(value.at) };
  }

  function moduleEntry(value, known) {
    if (!isObject(value)) { throw new Refused(NOT_OURS); }
    Object.keys(value).forEach(function (key) { if (MODULE_FIELDS.indexOf(key) < 0) { throw new Refused(NOT_OURS); } });
    var entry = { questions: {}, reflections: {}, impact: note(value.impact), peer: peer(value.peer),
      seconds: value.seconds === undefined ? 0 : count(value.seconds, 1e8), completed: null,
      reminded: value.reminded === true };
    if (value.visited !== undefined && value.visited !== null) { entry.visited = time(value.visited); }
    if (value.reviewed !== undefined && value.reviewed !== null) { entry.reviewed = time(value.reviewed); }
    var questions = value.questions === undefined ? {} : value.questions;
    var reflections = value.reflections === undefined ? {} : value.reflections;
    if (!isObject(questions) || !isObject(reflections)) { throw new Refused(NOT_OURS); }
    Object.keys(questions).forEach(function (qid) {
      if (!own(known.checks, qid)) { throw unknown(); }
      entry.questions[qid] = answer(questions[qid], known.checks[qid]);
    });
    Object.keys(reflections).forEach(function (rid) {
      if (!own(known.reflections, rid)) { throw unknown(); }
      entry.reflections[rid] = note(reflections[rid]);
      if (!entry.reflections[rid]) { delete entry.reflections[rid]; }
    });
    if (value.completed !== undefined && value.completed !== null) {
      var done = value.completed;
      if (!isObject(done)) { throw new Refused(NOT_OURS); }
      var total = count(done.total, 1000);
      entry.completed = { at: time(done.at), score: count(done.score, total), total: total };
    }
    return entry;
  }

  // The file's text, checked. known: module id -> { checks: { qid: { values, correct } }, reflections: { rid: true } }.
  // Returns { data } or { message } (plain words to show as text).
  function read(textOfFile, known, format, version) {
    try {
      var file;
      try {
        file = JSON.parse(textOfFile);
      } catch (error) {
        throw new Refused(NOT_OURS);
      }
      if (!isObject(file) || file.format !== format) { throw new Refused(NOT_OURS); }
      if (file.version !== version) {
        throw new Refused("This progress file was saved by a different version of this site, which this one " +
          "cannot read, so nothing was changed.");
      }
      if (!isObject(file.modules)) { throw new Refused(NOT_OURS); }
      var learner = isObject(file.learner) ? file.learner : {};
      var data = { modules: {}, skipped: 0, saved: file.saved === undefined ? null : time(file.saved),
        learner: { name: text(learner.name || "", SHORT_LIMIT), role: text(learner.role || "", SHORT_LIMIT) } };
      Object.keys(file.modules).forEach(function (id) {
        if (!own(known, id)) { throw unknown(); }
        if (known[id].skip) { // a module this page does not hold (a package): left out, said so
          data.skipped += 1;
          return;
        }
        data.modules[id] = moduleEntry(file.modules[id], known[id]);
      });
      return { data: data };
    } catch (error) {
      if (error instanceof Refused) { return { message: error.message }; }
      if (error instanceof RangeError) { return { message: NOT_OURS }; } // nested too deeply
      throw error;
    }
  }

  function later(a, b) { return Date.parse(b.at) > Date.parse(a.at) ? b : a; }

  // Two versions of a note: the one written last is kept (as when the learner edits it on another device).
  function mergeNote(a, b) {
    if (!a || !b) { return a || b || null; }
    return a.text === b.text && a.role === b.role ? a : later(a, b);
  }

  function betterAnswer(a, b) {
    if (!a || !b) { return a || b; }
    if (a.correct !== b.correct) { return a.correct ? a : b; }
    return later(a, b);
  }

  function firstCompletion(a, b) {
    if (!a || !b) { return a || b || null; }
    return Date.parse(b.at) < Date.parse(a.at) ? b : a;
  }

  // What this browser holds with the file's progress added: for each module and question the more complete
  // record wins (an answer over none, a right answer over a wrong one, then the later), for each note the one
  // written last, and a completion is never lost (the first is kept). A module whose questions are now all answered
  // is complete, as if answered here. notesOnly: in a learning system's package, which holds the answers and
  // the completion itself, only notes are taken from the file. Returns what changed, counted.
  function merge(local, incoming, known, notesOnly) {
    var changed = { modules: 0, completions: 0, answers: 0, notes: 0, replaced: 0, skipped: incoming.skipped || 0 };
    Object.keys(incoming.modules).forEach(function (id) {
      var from = incoming.modules[id];
      var into = local.modules[id] || {};
      into.questions = into.questions || {};
      into.reflections = into.reflections || {};
      into.impact = into.impact || null;
      into.peer = into.peer || null;
      into.seconds = into.seconds || 0;
      into.completed = into.completed || null;
      var touched = 0;
      function takeNote(before, kept) {
        if (kept !== before) {
          touched += 1;
          changed.notes += 1;
          if (before) { changed.replaced += 1; }
        }
        return kept;
      }
      Object.keys(from.reflections).forEach(function (rid) {
        into.reflections[rid] = takeNote(into.reflections[rid], mergeNote(into.reflections[rid], from.reflections[rid]));
      });
      into.impact = takeNote(into.impact, mergeNote(into.impact, from.impact));
      into.peer = takeNote(into.peer, mergeNote(into.peer, from.peer));
      into.reminded = into.reminded || from.reminded;
      if (!notesOnly) {
        Object.keys(from.questions).forEach(function (qid) {
          var kept = betterAnswer(into.questions[qid], from.questions[qid]);
          if (kept !== into.questions[qid]) { touched += 1; changed.answers += 1; }
          into.questions[qid] = kept;
        });
        var done = firstCompletion(into.completed, from.completed);
        var total = Object.keys(known[id].checks).length;
        var answered = Object.keys(into.questions);
        if (!done && total && answered.length >= total) {
          var right = answered.filter(function (qid) { return into.questions[qid].correct; }).length;
          done = { at: new Date().toISOString(), score: right, total: total };
        }
        if (done !== into.completed) { touched += 1; }
        if (done && !into.completed) { changed.completions += 1; }
        into.completed = done;
        if (from.seconds > into.seconds) { touched += 1; into.seconds = from.seconds; }
        ["visited", "reviewed"].forEach(function (field) {
          if (from[field] && (!into[field] || Date.parse(from[field]) > Date.parse(into[field]))) {
            into[field] = from[field];
            touched += 1;
          }
        });
      }
      if (touched) { changed.modules += 1; }
      local.modules[id] = into;
    });
    local.learner = local.learner || {};
    ["name", "role"].forEach(function (field) {
      if (!local.learner[field] && incoming.learner[field]) { local.learner[field] = incoming.learner[field]; }
    });
    return changed;
  }

  window.practiceProgressFile = { read: read, merge: merge, LIMIT: LIMIT, NOT_OURS: NOT_OURS };
})();
