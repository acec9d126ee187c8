// The presentation's keys (callbacks/presentation.py): a clicker sends Page Down / Page Up.
// Installed once per browser window; the keys and ids come from the page's own store
// (layouts/presentation.py KEYBOARD), and each new goal's heading gets the focus.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  kontrollrummet: Object.assign({}, (window.dash_clientside || {}).kontrollrummet, {
    presentationKeys: function (_, keyboard) {
      if (!keyboard) { return window.dash_clientside.no_update; }
      if (!window.kontrollrummetPresentationKeys) {
        window.kontrollrummetPresentationKeys = keyboard.targets;
        document.addEventListener("keydown", function (event) {
          if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
          if (event.target.closest && event.target.closest("input, textarea, select, [contenteditable]")) { return; }
          const id = window.kontrollrummetPresentationKeys[event.key];
          const link = id && document.getElementById(id);
          if (link && link.closest(".presentation")) { event.preventDefault(); link.click(); }
        });
      }
      const heading = document.getElementById(keyboard.heading);
      if (heading && document.activeElement === document.body) { heading.focus(); }
      return window.dash_clientside.no_update;
    },
  }),
});
