/* The presenter's timer: start / pause and reset, counted in this browser (it needs no
 * server, and survives the panel's redraws: its buttons sit outside the panel). */
(function () {
  "use strict";
  var started = null;   // when the running stretch began (ms)
  var before = 0;       // ms counted before it
  var ticking = null;

  function elapsed() { return before + (started === null ? 0 : Date.now() - started); }

  function show() {
    var out = document.getElementById("presenter-timer");
    if (!out) { return; }
    var seconds = Math.floor(elapsed() / 1000);
    var minutes = Math.floor(seconds / 60);
    out.textContent = String(minutes).padStart(2, "0") + ":" +
      String(seconds % 60).padStart(2, "0");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button");
    if (!button) { return; }
    if (button.id === "presenter-timer-start") {
      if (started === null) {
        started = Date.now();
        ticking = window.setInterval(show, 500);
        button.textContent = button.dataset.pause;
      } else {
        before = elapsed();
        started = null;
        window.clearInterval(ticking);
        button.textContent = button.dataset.start;
      }
      show();
    } else if (button.id === "presenter-timer-reset") {
      before = 0;
      if (started !== null) { started = Date.now(); }
      show();
    }
  });
})();
