// Added by benchmarks/browser.py to every page before the app's own scripts: what a load or a
// click costs (its docstring says what each figure means).
(() => {
  const b = window.__bench = {longest: 0, pending: 0, lastCallback: 0, lastChange: 0,
                              content: null, heading: null, start: performance.timeOrigin};
  const now = () => performance.timeOrigin + performance.now();
  performance.setResourceTimingBufferSize(100000);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.longest = Math.max(b.longest, e.duration);
  }).observe({type: "longtask", buffered: true});
  const fetch = window.fetch;
  window.fetch = function (...args) {
    const callback = String((args[0] && args[0].url) || args[0]).includes("_dash-update-component");
    if (!callback) return fetch.apply(this, args);
    b.pending++;
    const done = () => { b.pending--; b.lastCallback = now(); };
    return fetch.apply(this, args).then(
      (r) => r.clone().arrayBuffer().then(() => { done(); return r; }),
      (e) => { done(); throw e; });
  };
  const heading = () => {
    const h = document.querySelector("#main h1");
    return h && h.textContent;
  };
  new MutationObserver(() => {
    const t = now();
    b.lastChange = t;
    const h = heading();
    if (b.content === null && h && h !== b.heading) b.content = t;
  }).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  b.expect = () => {  // before a click: what comes after is the next page
    Object.assign(b, {heading: heading(), content: null, longest: 0, start: now()});
    return b.start;
  };
  // a chart is an image (layouts/charts.py): the page is complete once each has loaded
  document.addEventListener("load", (e) => {
    if (e.target.tagName === "IMG") b.lastChange = now();
  }, true);
  b.done = (quiet) => {
    const images = [...document.querySelectorAll("img")];
    return b.content !== null && b.pending === 0
      && !document.querySelector('[data-dash-is-loading="true"]')
      && images.every((i) => i.complete)
      && now() - Math.max(b.lastChange, b.lastCallback) >= quiet;
  };
  b.result = () => {
    const entries = [...performance.getEntriesByType("navigation"),
                     ...performance.getEntriesByType("resource")]
      .filter((e) => performance.timeOrigin + e.startTime >= b.start - 1);
    const sum = (key) => entries.reduce((s, e) => s + (e[key] || 0), 0);
    return {content_ms: b.content - b.start,
            complete_ms: Math.max(b.lastChange, b.lastCallback, b.content) - b.start,
            longest_task_ms: b.longest, bytes: sum("transferSize"),
            decoded_bytes: sum("decodedBodySize"), requests: entries.length,
            heading: heading()};
  };
})();
