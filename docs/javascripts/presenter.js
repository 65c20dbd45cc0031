// The presenter view of a module's knowledge check, for a projector: one question at a time, its answer
// shown on request (each option's verdict and reason under it). Buttons, and keys: Right arrow (next), Left
// arrow (back) and S (show or hide the answer; a checkbox turns the letter key off). Starts at, and follows,
// the question in the address ("#question-3"). Reads and writes nothing of any learner's progress.
(function () {
  "use strict";

  var view = document.querySelector("[data-presenter-view]");
  if (!view) { return; }
  var questions = Array.prototype.slice.call(view.querySelectorAll(".presenter-question"));
  var bar = view.querySelector(".presenter-bar");
  var back = bar.querySelector("[data-presenter='back']");
  var next = bar.querySelector("[data-presenter='next']");
  var answer = bar.querySelector("[data-presenter='answer']");
  var letterKey = document.getElementById("presenter-letter-key");
  var said = document.getElementById("presenter-said");
  var status = document.getElementById("presenter-status");
  var current = 0;

  function fromAddress() {
    var found = /^#question-(\d+)$/.exec(window.location.hash);
    var position = found ? Number(found[1]) : 1;
    return Math.min(Math.max(position, 1), questions.length) - 1;
  }

  function answerShown() {
    return !questions[current].querySelector(".presenter-answer-line").hidden;
  }

  function setAnswer(shown) {
    var question = questions[current];
    question.querySelectorAll(".presenter-reason, .presenter-answer-line").forEach(function (part) {
      part.hidden = !shown;
    });
    question.classList.toggle("presenter-question--answered", shown);
    answer.textContent = shown ? "Hide the answer" : "Show the answer";
    answer.setAttribute("aria-expanded", shown ? "true" : "false");
  }

  // moved: by the trainer (the address then follows); not on opening, where it would move where Tab starts.
  function show(index, moved) {
    current = index;
    questions.forEach(function (question, at) { question.hidden = at !== index; });
    setAnswer(false);
    back.setAttribute("aria-disabled", index === 0 ? "true" : "false");
    next.setAttribute("aria-disabled", index === questions.length - 1 ? "true" : "false");
    status.textContent = "";
    said.textContent = questions[index].querySelector(".presenter-position").textContent + ": " +
      questions[index].querySelector(".presenter-stem").textContent;
    var address = "#question-" + (index + 1);
    if (moved && window.location.hash !== address && window.history && window.history.replaceState) {
      window.history.replaceState(null, "", address); // so that a reload, or a copied address, comes back here
    }
    window.scrollTo(0, 0);
  }

  function move(step) {
    var to = current + step;
    if (to < 0 || to >= questions.length) {
      status.textContent = to < 0 ? "This is the first question." : "This is the last question.";
      return;
    }
    show(to, true);
  }

  function toggleAnswer() {
    setAnswer(!answerShown());
    said.textContent = answerShown() ? questions[current].querySelector(".presenter-answer-line").textContent
      .replace(/^\. /, "") : "";
  }

  back.addEventListener("click", function () { move(-1); });
  next.addEventListener("click", function () { move(1); });
  answer.addEventListener("click", toggleAnswer);
  window.addEventListener("hashchange", function () { show(fromAddress()); });
  // The question in the address is also an id on the page: the browser's own jump to it is undone, so the
  // screen always starts at the top.
  window.addEventListener("load", function () { window.scrollTo(0, 0); });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
    if (event.target === letterKey && event.key === " ") { return; }
    if (event.key === "ArrowRight") {
      move(1);
    } else if (event.key === "ArrowLeft") {
      move(-1);
    } else if ((event.key === "s" || event.key === "S") && letterKey.checked) {
      toggleAnswer();
    } else {
      return;
    }
    event.preventDefault();
  });

  bar.hidden = false;
  show(fromAddress());
})();
