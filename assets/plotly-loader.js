/* dcc.Graph fetches window._dashPlotlyJSURL, the whole 4.8 MB plotly.js, when a page first draws
   a chart (and window.Plotly is undefined). Point it at the partial bundle in vendor/ instead,
   which Dash does not link on every page: pages without a chart load no Plotly at all
   (docs/performance.md, "Shipping less"). Dash's renderer sets the address once at start; that
   assignment is ignored. The bundle's name carries its version, and it gets this script's ?m=.

   Every dcc.Graph of a page mounts in the same React commit and calls Plotly.react at once, so
   a page with three charts drew them in one task of 220-330 ms. When the bundle defines
   window.Plotly, each Plotly.react is made to wait for the one before it and for a task of its
   own, so no task draws more than one chart and the page answers input in between
   (docs/performance.md, "Issue 20: the browser's own time"). */
(function () {
  var script = new URL(document.currentScript.src);
  var bundle = new URL("vendor/plotly-basic-4.1.1.min.js" + script.search, script).href;
  Object.defineProperty(window, "_dashPlotlyJSURL", {
    get: function () { return bundle; },
    set: function () {},
  });

  function nextTask() {
    return new Promise(function (resolve) { setTimeout(resolve, 0); });
  }

  function oneChartPerTask(plotly) {
    var react = plotly.react;
    var previous = Promise.resolve();
    plotly.react = function () {
      var self = this, args = arguments;
      var drawn = previous.then(nextTask).then(function () { return react.apply(self, args); });
      previous = drawn.then(null, function () {});  // a failed chart does not hold up the next
      return drawn;
    };
  }

  var plotly;
  Object.defineProperty(window, "Plotly", {
    configurable: true,
    get: function () { return plotly; },
    set: function (value) {
      if (value && value !== plotly && typeof value.react === "function") oneChartPerTask(value);
      plotly = value;
    },
  });
})();
