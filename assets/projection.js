/* The projector's keyboard, and each slide's own URL (/debat/<code>/projection/<n>).
 *
 * → and space: next slide; ←: previous; R: reveal or hide the results — by clicking the
 * page's hidden buttons, so the move goes through the server like the remote's. F: full
 * screen (Fullscreen API); B: black screen (a class on the stage, which the slide's
 * redraws keep). When the drawn slide changes, the address bar follows without a reload.
 * Only on the projector page: elsewhere it does nothing. */
(function () {
  "use strict";

  function click(id) {
    var button = document.getElementById(id);
    if (button) { button.click(); }
  }

  function fullScreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  }

  document.addEventListener("keydown", function (event) {
    var stage = document.getElementById("projection-stage");
    if (!stage || event.ctrlKey || event.metaKey || event.altKey) { return; }
    var key = event.key;
    if (key === "ArrowRight" || key === " " || key === "PageDown") {
      click("projection-next");
    } else if (key === "ArrowLeft" || key === "PageUp") {
      click("projection-previous");
    } else if (key === "r" || key === "R") {
      click("projection-reveal");
    } else if (key === "f" || key === "F") {
      fullScreen();
    } else if (key === "b" || key === "B" || key === ".") {
      stage.classList.toggle("is-black");
    } else {
      return;
    }
    event.preventDefault();
  });

  function followUrl() {
    var slide = document.querySelector("#projection-stage .projection-slide");
    if (!slide) { return; }
    var path = "/debat/" + slide.dataset.code + "/projection/" + slide.dataset.slide;
    if (window.location.pathname !== path) {
      window.history.replaceState(window.history.state, "", path + window.location.search);
    }
  }

  new MutationObserver(followUrl).observe(document.documentElement,
                                          {childList: true, subtree: true});
})();
