// Applies the saved reading settings (or, for what is not saved, the system's wishes) to
// <html> before the first paint, so a reader who chose high contrast never sees the default
// theme flash, not even on the loader. Inlined into index.html. The app (src/prefs) owns the
// settings; this applies the same storage format ("name=value" pairs joined by ";") from the
// same tables, each setting as data-<name>="<value>" on <html>, and ignores any value that is
// not one of that setting's choices.
// It also decides whether the home page that a release build pre-renders into index.html
// (tools/prerender.mjs) may show: not at another address, whose page the app builds instead.
(function () {
  // Generated from src/prefs/model.rs (script_tables): after changing the settings, run
  // UPDATE_SETTINGS_SCRIPT=1 cargo test --test settings_script, then update the CSP hash.
  // <generated>
  var KEY = "clinic-article:reading-settings:v1";
  var CHOICES = { "contrast": ["default","high","dark"], "text-size": ["100","120","140","160","180","200"], "align": ["left","center","right"], "spacing": ["normal","wide"], "font": ["default","readable"], "links": ["plain","highlight"], "motion": ["full","reduce"] };
  var SYSTEM_WISHES = [["(prefers-contrast: more)","contrast","high"], ["(prefers-color-scheme: dark)","contrast","dark"], ["(prefers-reduced-motion: reduce)","motion","reduce"]];
  var ANNOUNCEMENT_DISMISSED_KEY = "clinic-article:v1:announcement-dismissed";
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
  var root = document.documentElement;
  for (name in settings) {
    root.setAttribute("data-" + name, settings[name]);
  }

  // The pre-rendered page is the home page, at the top: another page, or a section's #id,
  // shows the loader until the app has built it (src/first_paint.rs then removes it).
  var base = new URL(document.baseURI).pathname.replace(/\/$/, "");
  var rest = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length) : null;
  if (location.hash.length > 1 || ["", "/", "/index.html"].indexOf(rest) < 0) {
    root.setAttribute("data-prerendered-elsewhere", "");
  }
  // A reader who closed the announcement does not see it come and go.
  try {
    if (window.localStorage.getItem(ANNOUNCEMENT_DISMISSED_KEY)) {
      root.setAttribute("data-announcement-dismissed", "");
    }
  } catch (blocked) {
    // Storage blocked: nothing was closed.
  }
})();
