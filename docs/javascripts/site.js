// Site-wide behaviour, kept small. Loaded on every page.
(function () {
  "use strict";

  // Material's search dialog has role="dialog" but no accessible name.
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", "Search this site");
  }

  // Old section addresses that moved (published-links.json) still land on the right section.
  var moved = document.getElementById("moved-anchors");
  function followMovedAnchor() {
    if (!moved) { return; }
    var map = JSON.parse(moved.textContent);
    var hash = decodeURIComponent(location.hash.slice(1));
    var target = map[hash];
    if (target && !document.getElementById(hash)) {
      location.replace(target.indexOf(".html") >= 0 ? target : "#" + target);
    }
  }
  followMovedAnchor();
  window.addEventListener("hashchange", followMovedAnchor);

  // "Copy link to this section" after every section heading, announced in a live region.
  var headings = document.querySelectorAll("article.md-content__inner h2[id]");
  if (!headings.length) { return; }
  var status = document.createElement("div");
  status.className = "copy-link-status visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function announce(message) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function sectionLink(id) {
    return location.href.split("#")[0].split("?")[0] + "#" + id;
  }

  function showForManualCopy(button, link) {
    var box = button.parentNode.querySelector(".copy-link-fallback");
    if (!box) {
      box = document.createElement("input");
      box.type = "text";
      box.readOnly = true;
      box.className = "copy-link-fallback";
      box.setAttribute("aria-label", "Link to this section");
      button.insertAdjacentElement("afterend", box);
    }
    box.value = link;
    box.focus();
    box.select();
    announce("Link selected. Press Control and C, or Command and C, to copy it.");
  }

  function copy(button, link) {
    if (navigator.clipboard && window.isSecureContext && location.protocol !== "file:") {
      navigator.clipboard.writeText(link).then(function () {
        announce("Link copied");
      }, function () { showForManualCopy(button, link); });
    } else {
      showForManualCopy(button, link);
    }
  }

  headings.forEach(function (heading) {
    var wrapper = document.createElement("div");
    wrapper.className = "copy-link";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link-button";
    var name = heading.textContent.replace(/\u00b6/g, "").trim();
    button.textContent = "Copy link to this section";
    button.setAttribute("aria-label", "Copy link to this section: " + name);
    button.addEventListener("click", function () { copy(button, sectionLink(heading.id)); });
    wrapper.appendChild(button);
    heading.insertAdjacentElement("afterend", wrapper);
  });
})();
