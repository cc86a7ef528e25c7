/* The index page carries a static copy of the page (`#prerender`, see
 * layouts/static_html.py) so that it is on screen before Dash has loaded. This removes the
 * copy the moment Dash has drawn the live page: a MutationObserver's callback runs before the
 * browser paints again, so the live page takes the copy's place in the same frame, without a
 * jump or a blank. */
(function () {
  "use strict";
  var copy = document.getElementById("prerender");
  var entry = document.getElementById("react-entry-point");
  if (!copy || !entry) { return; }
  function drawn() {
    var page = document.getElementById("page-root");
    return page && page.children.length > 0;
  }
  new MutationObserver(function (records, observer) {
    if (drawn()) {
      copy.remove();
      observer.disconnect();
    }
  }).observe(entry, {childList: true, subtree: true});
})();
