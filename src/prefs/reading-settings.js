// Applies the saved reading settings (or, for what is not saved, the system's wishes) to
// <html> before the first paint, so a reader who chose high contrast never sees the default
// theme flash, not even on the loader. The app (src/prefs) owns the settings and corrects
// anything odd once it starts; this only mirrors its storage format: "name=value" pairs
// joined by ";", each applied as data-<name>="<value>" on <html>.
(function () {
  var root = document.documentElement;
  function prefers(query) {
    return !!(window.matchMedia && window.matchMedia(query).matches);
  }
  var settings = {
    contrast: prefers("(prefers-contrast: more)")
      ? "high"
      : prefers("(prefers-color-scheme: dark)")
        ? "dark"
        : "default",
    motion: prefers("(prefers-reduced-motion: reduce)") ? "reduce" : "full",
  };
  var names = /^(contrast|text-size|align|spacing|font|links|motion)$/;
  try {
    var stored = window.localStorage.getItem("clinic-article:reading-settings:v1") || "";
    stored.split(";").forEach(function (pair) {
      var parts = pair.split("=");
      var name = (parts[0] || "").trim();
      var value = (parts[1] || "").trim();
      if (parts.length === 2 && names.test(name) && /^[a-z0-9]+$/.test(value)) {
        settings[name] = value;
      }
    });
  } catch (blocked) {
    // Storage blocked: the system's wishes still apply.
  }
  for (var name in settings) {
    root.setAttribute("data-" + name, settings[name]);
  }
})();
