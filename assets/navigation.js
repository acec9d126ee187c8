// Navigation for keyboards, screen readers and small screens (layouts/shell.py, issue 20).
// After each page the router draws (callbacks/routes.py), `pageShown` gets its title: the
// browser's title names it, the polite live region says it, and keyboard focus moves to the new
// page's h1 — unless this is the first page of the visit (focus stays at the top, before the skip
// link) or a list or field in the page made the change (focus stays where the person works).
// The menu button folds the main menu on small screens; every new page folds it again, and so
// does Escape, which gives focus back to the button.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  kontrollrummet: Object.assign({}, (window.dash_clientside || {}).kontrollrummet, {
    pageShown: function (title) {
      if (!title) { return window.dash_clientside.no_update; }
      document.title = title;
      toggleMenu(false);
      if (!window.kontrollrummetShown) {
        window.kontrollrummetShown = true;
        return window.dash_clientside.no_update;
      }
      const working = document.activeElement;
      const stays = working && working.isConnected && working.closest("main")
        && working.matches("select, input, textarea");
      if (!stays) { focusHeading(title, 0); }
      return title;
    },
  }),
});

// The new content may still be on its way to the screen (the title begins with its heading):
// try again for a short while.
function focusHeading(title, tries) {
  const heading = document.querySelector("main h1");
  const drawn = heading && title.indexOf(heading.textContent.trim()) === 0;
  if (!drawn && tries < 40) {
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
