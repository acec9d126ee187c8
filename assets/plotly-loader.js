/* dcc.Graph fetches window._dashPlotlyJSURL, the whole 4.8 MB plotly.js, when a page first draws
   a chart (and window.Plotly is undefined). Point it at the partial bundle in vendor/ instead,
   which Dash does not link on every page: pages without a chart load no Plotly at all
   (docs/performance.md, "Shipping less"). Dash's renderer sets the address once at start; that
   assignment is ignored. The bundle's name carries its version, and it gets this script's ?m=. */
(function () {
  var script = new URL(document.currentScript.src);
  var bundle = new URL("vendor/plotly-basic-4.1.1.min.js" + script.search, script).href;
  Object.defineProperty(window, "_dashPlotlyJSURL", {
    get: function () { return bundle; },
    set: function () {},
  });
})();
