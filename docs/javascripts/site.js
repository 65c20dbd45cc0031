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

  // Material's menu and search are opened by two checkboxes. Coming back to a page (Back or
  // Forward) can bring them back ticked, leaving the menu or search open over the page: close them.
  window.addEventListener("pageshow", function (event) {
    var entry = performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
    if (!event.persisted && !(entry && entry.type === "back_forward")) { return; }
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = document.getElementById(id);
      if (toggle && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
      }
    });
  });

  // Each section heading's link (the small "#" beside it, shown on hover and focus) copies the
  // section's address when activated, and says so in a live region. Where the clipboard is not
  // available (a page opened from a file), the address is shown selected, ready to copy.
  var links = document.querySelectorAll("article.md-content__inner .headerlink");
  if (!links.length) { return; }
  var status = document.createElement("div");
  status.className = "copy-link-status visually-hidden";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  document.body.appendChild(status);

  function announce(message) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function showForManualCopy(heading, link) {
    var box = heading.parentNode.querySelector(".copy-link-fallback[data-for='" + heading.id + "']");
    if (!box) {
      box = document.createElement("input");
      box.type = "text";
      box.readOnly = true;
      box.className = "copy-link-fallback";
      box.setAttribute("data-for", heading.id);
      box.setAttribute("aria-label", "Link to this section");
      heading.insertAdjacentElement("afterend", box);
    }
    box.value = link;
    box.focus();
    box.select();
    announce("Link selected. Press Control and C, or Command and C, to copy it.");
  }

  links.forEach(function (anchor) {
    var heading = anchor.parentNode;
    var name = heading.textContent.replace(/\u00b6/g, "").trim();
    anchor.setAttribute("aria-label", "Copy link to this section: " + name);
    anchor.setAttribute("title", "Copy link to this section");
    anchor.addEventListener("click", function (event) {
      event.preventDefault();
      var link = location.href.split("#")[0].split("?")[0] + "#" + heading.id;
      history.replaceState(null, "", "#" + heading.id);
      if (navigator.clipboard && window.isSecureContext && location.protocol !== "file:") {
        navigator.clipboard.writeText(link).then(function () {
          announce("Link to this section copied");
        }, function () { showForManualCopy(heading, link); });
      } else {
        showForManualCopy(heading, link);
      }
    });
  });
})();
