/* One task per chart drawn.
 *
 * dcc.Graph draws with Plotly.react from a promise callback; when a page brings several
 * charts at once (the map and its ranking, a region's sections), their draws run back to
 * back in one microtask checkpoint, one long task that keeps the page from answering a
 * click or a key until the last chart is drawn. Here each call waits for a task of its own
 * (a MessageChannel message: no timer clamping), so the browser can handle input and paint
 * between two charts. Calls keep their order, and the promise dcc.Graph waits on settles
 * with the draw, as before. Loaded after plotly.js (the bundle is a plain script before
 * Dash's) and before Dash renders anything. */
(function () {
  "use strict";
  var plotly = window.Plotly;
  if (!plotly || plotly.react.oneTaskPerDraw) { return; }
  var draw = plotly.react;
  var waiting = [];
  var channel = new MessageChannel();
  channel.port1.onmessage = function () { waiting.shift()(); };

  function react() {
    var args = arguments;
    return new Promise(function (resolve, reject) {
      waiting.push(function () {
        try {
          Promise.resolve(draw.apply(plotly, args)).then(resolve, reject);
        } catch (error) {
          reject(error);
        }
      });
      channel.port2.postMessage(null);
    });
  }
  react.oneTaskPerDraw = true;
  plotly.react = react;
})();
