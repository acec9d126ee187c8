// A full load, as Dash's renderer does it: once its scripts have run (300-450 ms), it asks for
// the layout and the callbacks (one round trip), then for the page (the router's callback, a
// second). Linked before every other script (layouts/shell.py), this asks all three questions
// at once while the scripts start, and answers the renderer from them when it asks the very same
// question; any other request goes to the network as before (docs/performance.md, "Issue 20: the
// browser's own time"). Every answer of the router also names its page: the browser's title is
// set as soon as it arrives, before the page is drawn, and after the first page of a visit
// assets/navigation.js announces it and moves focus — with no callback of its own, which Dash's
// renderer would answer by looking at each of the new page's components again. The router's ids
// come from <body>'s data attributes.
(function () {
  const config = JSON.parse(document.getElementById("_dash-config").textContent);
  const prefix = config.requests_pathname_prefix || "/";
  const ids = document.body.dataset;
  const network = window.fetch;
  const early = [];

  function ask(method, path, body) {
    // As the renderer asks: its callbacks carry the page load's endId, unencoded, and the CSRF
    // cookie, if there is one, as a header.
    const query = method === "POST" && config.end_id ? "?endId=" + config.end_id : "";
    const headers = {Accept: "application/json", "Content-Type": "application/json"};
    const csrf = document.cookie.split("; ").find(function (c) {
      return c.indexOf(config.csrf_token_name + "=") === 0;
    });
    if (csrf) { headers[config.csrf_header_name] = csrf.slice(csrf.indexOf("=") + 1); }
    const answer = network(prefix + path + query, {method, headers, body, credentials: "same-origin"});
    answer.catch(function () {});  // not asked for after all: no unhandled rejection
    const asked = {method, path: prefix + path, body: body || null, answer, ready: answer};
    early.push(asked);
    return asked;
  }

  function pageQuestion() {
    const [output, property] = ids.pageOutput.split(".");
    const url = ids.pageLocation;
    return JSON.stringify({
      output: ids.pageOutput,
      outputs: {id: output, property},
      inputs: [
        {id: url, property: "pathname", value: window.location.pathname},
        {id: url, property: "search", value: window.location.search},
      ],
      changedPropIds: [url + ".pathname", url + ".search"],
      parsedChangedPropsIds: [url + ".pathname", url + ".search"],
    });
  }

  ask("GET", "_dash-layout");
  ask("GET", "_dash-dependencies");
  // The page is handed to the renderer once its title is set, so the title names it before it
  // is drawn (reading the answer twice raced the renderer's own reading of it).
  const first = ask("POST", "_dash-update-component", pageQuestion());
  first.ready = first.answer.then(nameThePage).catch(function () {});

  // The router's answer holds the page beside a Store with its title (callbacks/routes.py).
  let pagesNamed = 0;
  function nameThePage(response, working) {
    if (!response.ok) { return; }
    return response.clone().json().then(function (answer) {
      const page = answer.response[ids.pageOutput.split(".")[0]].children;
      const store = page.props.children.find(function (child) {
        return child && child.props && child.props.id === ids.pageTitle;
      });
      const title = store && store.props.data;
      if (!title) { return; }
      document.title = title;
      pagesNamed += 1;
      if (pagesNamed > 1 && window.kontrollrummetPageShown) {
        window.kontrollrummetPageShown(title, working);
      }
    });
  }

  function asksForPage(method, path, body) {
    if (method !== "POST" || path !== prefix + "_dash-update-component" || body === null) {
      return false;
    }
    try { return JSON.parse(body).output === ids.pageOutput; } catch (e) { return false; }
  }

  function nextTask(value) {
    return new Promise(function (resolve) { setTimeout(resolve, 0, value); });
  }

  window.fetch = function (resource, init) {
    const url = new URL(typeof resource === "string" ? resource : resource.url, window.location.href);
    const method = ((init && init.method) || "GET").toUpperCase();
    const body = (init && typeof init.body === "string") ? init.body : null;
    const index = early.findIndex(function (e) {
      return e.method === method && e.path === url.pathname && e.body === body;
    });
    const self = this, args = arguments;
    const again = function () {
      const answer = network.apply(self, args);
      if (asksForPage(method, url.pathname, body)) {
        // the field the person works in as they ask, before the new page replaces it
        const working = window.kontrollrummetFieldAtWork && window.kontrollrummetFieldAtWork();
        answer.then(function (r) { return nameThePage(r, working); }).catch(function () {});
      }
      return answer;
    };
    if (index === -1 || url.origin !== window.location.origin) { return again(); }
    const found = early.splice(index, 1)[0];
    // Only a good answer is handed over: for anything else the renderer asks itself, as before.
    // It is handed over in a task of its own, as an answer from the network would come: the
    // renderer then draws the frame and the page in two tasks, not in one long one.
    return found.answer.then(function (r) {
      return r.ok ? found.ready.then(function () { return nextTask(r); }) : again();
    }, again);
  };
})();
