// When a session ends (signed out elsewhere, expired, account removed) the next callback
// answers 401: go to the sign-in page, which brings the person back to this view after.
// When the database does not answer even to check who is signed in, the callback answers
// 503: reload, so the server's Swedish page says so instead of a page that stops reacting.
// The paths come from <body>'s data attributes (layouts/shell.py, from layouts/urls.py).
(function () {
  const original = window.fetch;
  window.fetch = function (...args) {
    return original.apply(this, args).then(function (response) {
      const paths = document.body.dataset;
      const isCallback = response.url.indexOf(paths.callbackPrefix) !== -1;
      if (response.status === 401 && isCallback) {
        const here = window.location.pathname + window.location.search;
        window.location.assign(paths.signInPath + "?" + paths.nextKey + "=" + encodeURIComponent(here));
        return new Promise(function () {});  // the page is leaving: nothing more to draw
      }
      if (response.status === 503 && isCallback) {
        window.location.reload();
        return new Promise(function () {});
      }
      return response;
    });
  };
})();
