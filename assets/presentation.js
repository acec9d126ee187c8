// The presentation's keys (callbacks/presentation.py): a clicker sends Page Down / Page Up.
// Installed once per browser window; the keys and ids come from the page's own store
// (layouts/presentation.py KEYBOARD), and each new goal starts at its top with the heading focused.
// Page Down / Page Up first page through a goal longer than the screen (the navigation stays
// on top), and only at its end or start go to the next or previous goal.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  kontrollrummet: Object.assign({}, (window.dash_clientside || {}).kontrollrummet, {
    presentationKeys: function (_, keyboard) {
      if (!keyboard) { return window.dash_clientside.no_update; }
      if (!window.kontrollrummetPresentationKeys) {
        window.kontrollrummetPresentationKeys = keyboard;
        document.addEventListener("keydown", function (event) {
          if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
          if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) { return; }
          const keys = window.kontrollrummetPresentationKeys;
          const id = keys.targets[event.key];
          const link = id && document.getElementById(id);
          const shown = document.querySelector(".presentation");
          if (!shown) { return; }
          const step = (keys.pages || {})[event.key];
          if (step && pageWithin(step)) { event.preventDefault(); return; }
          if (link && link.closest(".presentation")) { event.preventDefault(); link.click(); }
        });
      }
      const heading = document.getElementById(keyboard.heading);
      window.scrollTo({ top: 0, behavior: "instant" });
      if (heading && document.activeElement === document.body) { heading.focus({ preventScroll: true }); }
      return window.dash_clientside.no_update;
    },
  }),
});

// Scroll one screen (less the sticky navigation) down (step 1) or up (-1); false at the end.
function pageWithin(step) {
  const root = document.documentElement;
  const atEnd = step > 0
    ? window.scrollY + window.innerHeight >= root.scrollHeight - 2
    : window.scrollY <= 0;
  if (atEnd) { return false; }
  const nav = document.querySelector(".presentation-nav");
  const room = window.innerHeight - (nav ? nav.offsetHeight : 0);
  window.scrollBy({ top: step * Math.max(room * 0.9, 40), behavior: "instant" });
  return true;
}
