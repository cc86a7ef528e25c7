/* The printed report (views/report.py): draw every chart from its `data-figure`, as wide as
 * the page's text, with no toolbar and no interaction; `window.reportReady` resolves once
 * all are drawn (web/http/pdf.py prints then), and rejects when plotly.js is missing. */
(function () {
  "use strict";
  var charts = Array.prototype.slice.call(document.querySelectorAll(".report-chart[data-figure]"));
  window.reportReady = Promise.all(charts.map(function (el) {
    if (!window.Plotly) { return Promise.reject(new Error("plotly.js is missing")); }
    var figure = JSON.parse(el.getAttribute("data-figure"));
    var layout = Object.assign({}, figure.layout || {}, {width: el.clientWidth, autosize: false});
    return window.Plotly.newPlot(el, figure.data || [], layout,
                                 {staticPlot: true, displayModeBar: false, responsive: false});
  })).then(function () { document.documentElement.setAttribute("data-report-ready", "1"); });
})();
