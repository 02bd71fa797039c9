// Applies the saved reading settings (or, for what is not saved, the system's wishes) to
// <html> before the first paint, so a reader who chose high contrast never sees the default
// theme flash, not even on the loader. Inlined into every page. The app (prefs/mod.rs) owns
// the settings; this applies the same storage format ("name=value" pairs joined by ";") from the
// same tables, each setting as data-<name>="<value>" on <html>, and ignores any value that is
// not one of that setting's choices.
// On a pre-rendered page (clinic_build::prerender) it also keeps out of sight what the reader must
// not see: an announcement they closed, and the page itself when it is not the one at this
// address (a host that answers every path with the home page), which the app then builds.
(function () {
  // Generated from crates/app/src/prefs/model.rs and crates/app/src/contract.rs: after changing them, run
  // cargo run --bin content -- generate.
  // <generated>
  var KEY = "clinic-article:reading-settings:v1";
  var CHOICES = { "contrast": ["default","high","dark"], "text-size": ["100","120","140","160","180","200"], "align": ["start","center","end"], "spacing": ["normal","wide"], "font": ["default","readable"], "links": ["plain","highlight"], "motion": ["full","reduce"] };
  var SYSTEM_WISHES = [["(prefers-contrast: more)","contrast","high"], ["(prefers-color-scheme: dark)","contrast","dark"], ["(prefers-reduced-motion: reduce)","motion","reduce"]];
  var RENAMED_VALUES = [["align","left","start"], ["align","right","end"]];
  var SHELL_FILE = "app.html";
  var NOT_FOUND_FILE = "404.html";
  var PUBLISHED_FILE = "published.json";
  var APP_ROOT_ID = "app";
  var PAGE_PATH_ATTRIBUTE = "data-page-path";
  var PRERENDERED_ELSEWHERE_ATTRIBUTE = "data-prerendered-elsewhere";
  var ANNOUNCEMENT_ATTRIBUTE = "data-announcement";
  var ANNOUNCEMENT_DISMISSED_ATTRIBUTE = "data-announcement-dismissed";
  var ANNOUNCEMENT_DISMISSED_KEY = "clinic-article:v1:announcement-dismissed";
  var WITHOUT_APP_ATTRIBUTE = "data-without-app";
  var APP_READY_ATTRIBUTE = "data-app-ready";
  var PRESSED_EARLY_ATTRIBUTE = "data-pressed-before-the-app";
  var FOUND_EARLY_ATTRIBUTE = "data-found-before-the-app";
  var SAVED_COPY_HEADER = "X-Clinic-Saved-Copy";
  var SAVED_COPY_ATTRIBUTE = "data-saved-copy";
  var SAVED_FOR_OFFLINE_ATTRIBUTE = "data-saved-for-offline";
  var SAVE_PAGE_MESSAGE = "save-page";
  var UP_TO_DATE_MESSAGE = "saved-copies-up-to-date";
  var REDIRECTS_FILE = "redirects.json";
  var SHELL_JS_ATTRIBUTE = "data-shell-js";
  var SHELL_WASM_ATTRIBUTE = "data-shell-wasm";
  var START_SHELL_EVENT = "clinic-start-shell";
  var EDITORS_DIR = "admin/";
  var SEARCH_CHUNKS_FOLDER = "content/search/";
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
  var storage = null;
  try {
    storage = window.localStorage;
    (storage.getItem(KEY) || "").split(";").forEach(function (pair) {
      var at = pair.indexOf("=");
      var key = pair.slice(0, at).trim();
      var value = pair.slice(at + 1).trim();
      RENAMED_VALUES.forEach(function (renamed) {
        if (renamed[0] === key && renamed[1] === value) value = renamed[2];
      });
      if (at >= 0 && CHOICES.hasOwnProperty(key) && CHOICES[key].indexOf(value) >= 0) {
        settings[key] = value;
      }
    });
  } catch (blocked) {
    // Storage blocked: the system's wishes still apply, and nothing was closed.
    storage = null;
  }
  var root = document.documentElement;
  // Scripts run: the page is not shown as without them (boot.js says so again if the app
  // cannot start).
  root.removeAttribute(WITHOUT_APP_ATTRIBUTE);
  for (name in settings) {
    root.setAttribute("data-" + name, settings[name]);
  }

  // The pre-rendered page names its address; the not-found page names none (it is shown at
  // any). /index.html and a missing final / are the same address, and the browser gives
  // letters beyond ASCII (a category named in Arabic) percent-encoded.
  var pagePath = root.getAttribute(PAGE_PATH_ATTRIBUTE);
  var here = location.pathname.replace(/index\.html$/, "").replace(/([^/])$/, "$1/");
  try {
    here = decodeURIComponent(here);
  } catch (malformed) {
    // An escape that is no UTF-8 names no page the build wrote.
  }
  if (pagePath && pagePath !== here) {
    root.setAttribute(PRERENDERED_ELSEWHERE_ATTRIBUTE, "");
  }
  // The app's rule (crates/app/src/contract.rs): closed while the reader closed this very text.
  var announcement = root.getAttribute(ANNOUNCEMENT_ATTRIBUTE);
  try {
    if (announcement !== null && storage && storage.getItem(ANNOUNCEMENT_DISMISSED_KEY) === announcement) {
      root.setAttribute(ANNOUNCEMENT_DISMISSED_ATTRIBUTE, "");
    }
  } catch (blocked) {
    // Storage blocked: nothing was closed.
  }
})();
