// The presenter view of a module's knowledge check, for a projector: one question at a time, its answer
// shown on request. Buttons and keys: Right arrow (next), Left arrow (back), S (show or hide the answer).
// Starts at the question in the address ("#question-3"). Reads nothing and writes nothing of any learner's
// progress: it only shows and hides what the page holds.
(function () {
  "use strict";

  var view = document.querySelector("[data-presenter-view]");
  if (!view) { return; }
  var questions = Array.prototype.slice.call(view.querySelectorAll(".presenter-question"));
  var controls = view.querySelector(".presenter-controls");
  var back = controls.querySelector("[data-presenter='back']");
  var next = controls.querySelector("[data-presenter='next']");
  var answer = controls.querySelector("[data-presenter='answer']");
  var said = document.getElementById("presenter-said");
  var current = 0;

  function fromAddress() {
    var found = /^#question-(\d+)$/.exec(window.location.hash);
    var position = found ? Number(found[1]) : 1;
    return Math.min(Math.max(position, 1), questions.length) - 1;
  }

  function answerShown() {
    return !questions[current].querySelector(".presenter-answer").hidden;
  }

  function setAnswer(shown) {
    questions[current].querySelector(".presenter-answer").hidden = !shown;
    answer.textContent = shown ? "Hide the answer" : "Show the answer";
    answer.setAttribute("aria-expanded", shown ? "true" : "false");
    said.textContent = shown ? questions[current].querySelector(".presenter-answer h3").textContent : "";
  }

  function show(index) {
    current = index;
    questions.forEach(function (question, at) { question.hidden = at !== index; });
    setAnswer(false);
    back.setAttribute("aria-disabled", index === 0 ? "true" : "false");
    next.setAttribute("aria-disabled", index === questions.length - 1 ? "true" : "false");
    said.textContent = "Question " + (index + 1) + " of " + questions.length;
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", "#" + questions[index].id);
    }
  }

  function move(step) {
    var to = current + step;
    if (to < 0 || to >= questions.length) {
      said.textContent = to < 0 ? "This is the first question." : "This is the last question.";
      return;
    }
    show(to);
  }

  back.addEventListener("click", function () { move(-1); });
  next.addEventListener("click", function () { move(1); });
  answer.addEventListener("click", function () { setAnswer(!answerShown()); });
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) { return; }
    if (event.key === "ArrowRight") { move(1); } else if (event.key === "ArrowLeft") { move(-1); } else if (
      event.key === "s" || event.key === "S") { setAnswer(!answerShown()); } else { return; }
    event.preventDefault();
  });

  controls.hidden = false;
  view.querySelector(".presenter-keys").hidden = false;
  show(fromAddress());
})();
