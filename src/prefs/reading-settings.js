// Applies the saved reading settings (or, for what is not saved, the system's wishes) to
// <html> before the first paint, so a reader who chose high contrast never sees the default
// theme flash, not even on the loader. Inlined into index.html. The app (src/prefs) owns the
// settings; this applies the same storage format ("name=value" pairs joined by ";") from the
// same tables, each setting as data-<name>="<value>" on <html>, and ignores any value that is
// not one of that setting's choices.
(function () {
  // Generated from src/prefs/model.rs (script_tables): after changing the settings, run
  // UPDATE_SETTINGS_SCRIPT=1 cargo test --test settings_script, then update the CSP hash.
  // <generated>
  var KEY = "clinic-article:reading-settings:v1";
  var CHOICES = { "contrast": ["default","high","dark"], "text-size": ["100","120","140","160","180","200"], "align": ["left","center","right"], "spacing": ["normal","wide"], "font": ["default","readable"], "links": ["plain","highlight"], "motion": ["full","reduce"] };
  var SYSTEM_WISHES = [["(prefers-contrast: more)","contrast","high"], ["(prefers-color-scheme: dark)","contrast","dark"], ["(prefers-reduced-motion: reduce)","motion","reduce"]];
  // </generated>
  var settings = {};
  var name;
  for (name in CHOICES) {
    settings[name] = CHOICES[name][0];
  }
  var decided = {};
  SYSTEM_WISHES.forEach(function (wish) {
    if (!decided[wish[1]] && window.matchMedia && window.matchMedia(wish[0]).matches) {
      settings[wish[1]] = wish[2];
      decided[wish[1]] = true;
    }
  });
  try {
    (window.localStorage.getItem(KEY) || "").split(";").forEach(function (pair) {
      var at = pair.indexOf("=");
      var key = pair.slice(0, at).trim();
      var value = pair.slice(at + 1).trim();
      if (at >= 0 && CHOICES.hasOwnProperty(key) && CHOICES[key].indexOf(value) >= 0) {
        settings[key] = value;
      }
    });
  } catch (blocked) {
    // Storage blocked: the system's wishes still apply.
  }
  for (name in settings) {
    document.documentElement.setAttribute("data-" + name, settings[name]);
  }
})();
