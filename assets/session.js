// When a session ends (signed out elsewhere, expired, account removed) the next callback
// answers 401: go to the sign-in page, which brings the person back to this view after.
// When the database does not answer even to check who is signed in, the callback answers
// 503: reload, so the server's Swedish page says so instead of a page that stops reacting.
(function () {
  const original = window.fetch;
  window.fetch = function (...args) {
    return original.apply(this, args).then(function (response) {
      if (response.status === 401 && response.url.indexOf("/_dash-") !== -1) {
        const here = window.location.pathname + window.location.search;
        window.location.assign("/logga-in?nasta=" + encodeURIComponent(here));
        return new Promise(function () {});  // the page is leaving: nothing more to draw
      }
      if (response.status === 503 && response.url.indexOf("/_dash-") !== -1) {
        window.location.reload();
        return new Promise(function () {});
      }
      return response;
    });
  };
})();
