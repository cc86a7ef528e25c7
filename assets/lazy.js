/* Lazy sections (layouts.components.lazy_section): a section below the fold is built by the
 * server only when it comes into view. Each `.lazy-section` holds a dcc.Store
 * `<section>-seen`; this script sets it (its value: the section's `data-lazy-key`, what the
 * page shows) when the section comes within a screen's reach, which fires the section's
 * callback. Printing and keyboard navigation must reach every section: `beforeprint` and the
 * first Tab key fill them all, and a section that receives focus fills itself. Ctrl+P (⌘P)
 * waits for them: the sections left are asked for, a line says so, and the print dialog opens
 * once every section and chart is drawn (PRINT_WAIT at most). A print started from the
 * browser's menu cannot wait: the region page links to its PDF report for that.
 *
 * Dash may reuse a section's element for the next page of the same kind (another region):
 * its `data-lazy-key` changes, and the section is looked at again. */
(function () {
  "use strict";

  var SELECTOR = ".lazy-section[data-lazy]";
  var filled = new WeakMap();  // element → the key it was filled for

  function fill(el) {
    var key = el.getAttribute("data-lazy-key") || "";
    var dc = window.dash_clientside;
    if (filled.get(el) === key || !dc || !dc.set_props) { return; }
    filled.set(el, key);
    dc.set_props(el.getAttribute("data-lazy") + "-seen", {data: key || true});
  }

  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting) { fill(entry.target); }
    });
  }, {rootMargin: "200px 0px"});

  function watch() {
    document.querySelectorAll(SELECTOR).forEach(function (el) {
      var key = el.getAttribute("data-lazy-key") || "";
      if (filled.get(el) === key) { return; }
      observer.unobserve(el);  // observing again reports whether it is in view now
      observer.observe(el);
    });
  }

  function fillAll() { document.querySelectorAll(SELECTOR).forEach(fill); }

  var scheduled = false;
  new MutationObserver(function () {
    if (scheduled) { return; }
    scheduled = true;
    window.requestAnimationFrame(function () { scheduled = false; watch(); });
  }).observe(document.documentElement, {childList: true, subtree: true, attributes: true,
                                        attributeFilter: ["data-lazy-key"]});

  // a chart is drawn for the screen's width: on paper a wide one is scaled down to fit, at
  // its drawn width (a responsive chart would otherwise redraw to fill the zoomed frame)
  var PAPER_WIDTH = 680;  // CSS px: A4 within the browser's default margins, with room
  function fitCharts(printing) {
    document.querySelectorAll(".chart-frame").forEach(function (el) {
      var wide = printing && el.offsetWidth > PAPER_WIDTH;
      el.style.width = wide ? el.offsetWidth + "px" : "";
      el.style.zoom = wide ? PAPER_WIDTH / el.offsetWidth : "";
    });
  }

  var PRINT_WAIT = 10000;  // ms: after that, print what is drawn
  var PREPARING = {fr: "Préparation de l’impression : les dernières sections se dessinent…",
                   en: "Preparing to print: drawing the remaining sections…"};

  function undrawn() {
    if (document.querySelector(".lazy-placeholder")) { return true; }
    return Array.prototype.some.call(document.querySelectorAll(".dash-graph"), function (g) {
      return !g.querySelector(".main-svg");
    });
  }

  function printWhenDrawn() {
    var note = document.createElement("p");
    note.className = "print-preparing";
    note.setAttribute("role", "status");
    note.textContent = PREPARING[document.documentElement.lang] || PREPARING.fr;
    document.body.appendChild(note);
    fillAll();
    var started = Date.now();
    (function check() {
      if (undrawn() && Date.now() - started < PRINT_WAIT) {
        window.setTimeout(check, 100);
        return;
      }
      note.remove();
      window.print();
    })();
  }

  window.addEventListener("beforeprint", function () { fillAll(); fitCharts(true); });
  window.addEventListener("afterprint", function () { fitCharts(false); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Tab") { fillAll(); }
    var printKey = (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey
      && (event.key === "p" || event.key === "P");
    if (printKey && undrawn()) {
      event.preventDefault();
      printWhenDrawn();
    }
  });
  document.addEventListener("focusin", function (event) {
    var el = event.target && event.target.closest && event.target.closest(SELECTOR);
    if (el) { fill(el); }
  });
})();
