// Navigation for keyboards, screen readers and small screens (layouts/shell.py, issue 20).
// The main menu's links keep the URL's year, period and organisation (`navLinks`, the frame's
// clientside callback, callbacks/shell.py). After each page the router draws after the first,
// `kontrollrummetPageShown` gets its title from the router's answer, and the field the person
// worked in when the page was asked for, if any (assets/startup.js): the polite live region says
// the title, and keyboard focus moves to the new page's h1 — or, when a list or field in the
// page made the change, to that field of the new page. The first page of a visit keeps focus at
// the top, before the skip link.
// The menu button folds the main menu on small screens; every new page folds it again, and so
// does Escape, which gives focus back to the button.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  kontrollrummet: Object.assign({}, (window.dash_clientside || {}).kontrollrummet, {
    navLinks: function (pathname, search, ids) {
      const query = new URLSearchParams(search || "");
      const kept = new URLSearchParams();
      document.body.dataset.viewKeys.split(" ").forEach(function (key) {
        if (query.get(key)) { kept.set(key, query.get(key)); }
      });
      const tail = kept.toString() ? "?" + kept.toString() : "";
      const here = pathname || "/";
      return [
        ids.map(function (id) { return id.index + tail; }),
        // dcc.Link takes no aria-current, so the current page is marked by a class
        ids.map(function (id) { return id.index === here ? "current" : ""; }),
      ];
    },
  }),
});

window.kontrollrummetFieldAtWork = function () {
  const working = document.activeElement;
  const field = working && working.id && working.closest("main")
    && working.matches("select, input, textarea");
  return field ? working : null;
};

window.kontrollrummetPageShown = function (title, field) {
  toggleMenu(false);
  const live = document.querySelector(".page-announcer");
  if (live) { live.textContent = title; }
  if (field) { focusAgain(field, 0); } else { focusHeading(title, 0); }
};

// Dash draws the new page afresh, so the field the person works in is a new element: once it
// is drawn, focus goes to it, unless the person has gone elsewhere meanwhile.
function focusAgain(field, tries) {
  const drawn = document.getElementById(field.id);
  if (drawn && drawn !== field) {
    const lost = !document.activeElement || document.activeElement === document.body;
    if (lost) { drawn.focus(); }
    return;
  }
  if (drawn === field && document.activeElement === field) { return; }  // not drawn afresh
  if (tries < 80) { window.setTimeout(function () { focusAgain(field, tries + 1); }, 25); }
}

// The new content may still be on its way to the screen (the title begins with its heading):
// try again for a short while.
function focusHeading(title, tries) {
  const heading = document.querySelector("main h1");
  const drawn = heading && title.indexOf(heading.textContent.trim()) === 0;
  if (!drawn && tries < 80) {
    window.setTimeout(function () { focusHeading(title, tries + 1); }, 25);
    return;
  }
  if (!heading) { return; }
  heading.setAttribute("tabindex", "-1");
  heading.focus();
}

function toggleMenu(open) {
  const button = document.querySelector(".menu-toggle");
  if (!button) { return; }
  button.setAttribute("aria-expanded", open ? "true" : "false");
  button.closest(".app-header").classList.toggle("menu-open", open);
}

document.addEventListener("click", function (event) {
  const button = event.target.closest && event.target.closest(".menu-toggle");
  if (button) { toggleMenu(button.getAttribute("aria-expanded") !== "true"); }
});

document.addEventListener("keydown", function (event) {
  const button = document.querySelector(".menu-toggle");
  if (event.key !== "Escape" || !button || button.getAttribute("aria-expanded") !== "true") { return; }
  toggleMenu(false);
  button.focus();
});
