// Gives Material's search dialog an accessible name (its template has role="dialog" and no label).
(function () {
  var dialog = document.querySelector('.md-search[role="dialog"]');
  if (dialog && !dialog.hasAttribute("aria-label")) {
    dialog.setAttribute("aria-label", "Search this site");
  }
})();
