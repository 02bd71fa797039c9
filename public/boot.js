// Starts the app: imports the wasm-bindgen glue and instantiates the wasm, both named by
// Trunk (with their content hashes) in this script's data attributes. The app is two
// programs: the one in dataset.js and dataset.wasm (Trunk's pattern_script) adopts a page
// pre-rendered for its address; the app's shell (SHELL_JS_ATTRIBUTE, SHELL_WASM_ATTRIBUTE)
// builds any page from the content files, and starts where there is no such page, or when
// the first cannot adopt it (START_SHELL_EVENT). An external file, so the site's
// Content-Security-Policy allows no inline script.
// On a pre-rendered page (crates/build/src/prerender) the reader already has the article:
// the app's files download from the start (preloaded in <head>, the wasm at low priority, so
// the page's images come first) and the wasm compiles as it arrives, but the app runs only
// once the page and its images have loaded and painted, so it takes no time from them.
// Meanwhile the page's links work and the browser's own features (find in page, #:~:text=
// links) too; its buttons need the app: the last one pressed is marked, and so is what the
// browser revealed, for the app to do again once it runs the page
// (crates/app/src/handover.rs). Otherwise the app's shell starts at once.
(function () {
  // Generated from crates/app/src/contract.rs: after changing it, run
  // cargo run --bin content -- generate.
  // <generated>
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
  var script = document.currentScript;
  var html = document.documentElement;
  // How long the app may take to arrive and start before the page stays as it is without
  // scripts: the wasm (about 250 KiB compressed) takes some 5 s on a slow 3G connection, so
  // 15 s is three times that; past it the connection has stalled or is as slow as 2G, and a
  // reader is better served by every answer open than by buttons that do nothing.
  var START_LIMIT_MS = 15000;
  // Downloads the program whose glue is at `js` and wasm at `wasmAddress` (both preloaded on
  // a pre-rendered page), compiles the wasm as it arrives, and runs it once `ready` (a
  // promise) has settled too.
  function start(js, wasmAddress, ready) {
    var settled = false;
    // When the app cannot start (its files gone after a deploy, a network error, a browser
    // that cannot run it) or has not started in time: the page as without scripts, every
    // answer and the contents open, the settings out of view. The next visit tries again.
    function withoutApp() {
      if (settled) return;
      settled = true;
      html.setAttribute(WITHOUT_APP_ATTRIBUTE, "");
    }
    var limit = setTimeout(withoutApp, START_LIMIT_MS);
    var compiled = fetch(wasmAddress).then(function (response) {
      var copy = response.clone();
      return WebAssembly.compileStreaming(response).catch(function () {
        // A host that serves wasm under another type: compiled from its bytes instead.
        return copy.arrayBuffer().then(function (bytes) {
          return WebAssembly.compile(bytes);
        });
      });
    });
    Promise.all([import(js), compiled, ready])
      .then(function (loaded) {
        if (settled) return;
        return loaded[0].default({ module_or_path: loaded[1] }).then(function () {
          settled = true;
          clearTimeout(limit);
        });
      })
      .catch(withoutApp);
  }
  function startShell() {
    start(script.getAttribute(SHELL_JS_ATTRIBUTE), script.getAttribute(SHELL_WASM_ATTRIBUTE), null);
  }
  var page = document.getElementById(APP_ROOT_ID);
  if (!page || !html.hasAttribute(PAGE_PATH_ATTRIBUTE) || html.hasAttribute(PRERENDERED_ELSEWHERE_ATTRIBUTE)) {
    startShell();
    return;
  }
  document.addEventListener(START_SHELL_EVENT, startShell, { once: true });
  page.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || html.hasAttribute(APP_READY_ATTRIBUTE)) return;
    var earlier = page.querySelector("[" + PRESSED_EARLY_ATTRIBUTE + "]");
    if (earlier) earlier.removeAttribute(PRESSED_EARLY_ATTRIBUTE);
    button.setAttribute(PRESSED_EARLY_ATTRIBUTE, "");
  });
  page.addEventListener(
    "beforematch",
    function (event) {
      if (!html.hasAttribute(APP_READY_ATTRIBUTE)) event.target.setAttribute(FOUND_EARLY_ATTRIBUTE, "");
    },
    true
  );
  // Once the browser has shown the page's first text or image: a frame's callbacks run before
  // it reaches the screen, so without this the app could start in the very frame that
  // paints, and hold it up.
  function afterFirstPaint(then) {
    var observable = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes || [];
    if (observable.indexOf("paint") < 0 || document.visibilityState === "hidden" ||
        performance.getEntriesByName("first-contentful-paint").length) {
      then();
      return;
    }
    var observer = new PerformanceObserver(function (list) {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      then();
    });
    observer.observe({ type: "paint", buffered: true });
  }
  // Once the page's images have loaded: not lazy ones still to load (a list's cards below the
  // window), which may never load.
  function imagesLoaded() {
    var loading = Array.prototype.filter.call(document.images, function (image) {
      return !image.complete && image.loading !== "lazy";
    });
    return Promise.all(loading.map(function (image) {
      return new Promise(function (done) {
        image.addEventListener("load", done);
        image.addEventListener("error", done);
      });
    }));
  }
  // The app runs after the frame that paints the page and its images: images decode on their
  // own time (decoding="async"), so once they are decoded.
  var painted = imagesLoaded().then(function () {
    var decoded = Array.prototype.filter.call(document.images, function (image) {
      return image.complete;
    }).map(function (image) {
      return image.decode().catch(function () {});
    });
    return Promise.all(decoded);
  }).then(function () {
    return new Promise(function (done) {
      requestAnimationFrame(function () {
        afterFirstPaint(function () {
          setTimeout(done);
        });
      });
    });
  });
  start(script.dataset.js, script.dataset.wasm, painted);
  // An old address with a query (a WordPress blog's /?p=101), which hosts answer with the
  // home page: REDIRECTS_FILE says where each leads now.
  if (location.search) {
    var site = new URL(document.baseURI);
    var old = "/" + location.pathname.slice(site.pathname.length) + location.search;
    fetch(new URL(REDIRECTS_FILE, site))
      .then(function (answer) {
        return answer.ok ? answer.json() : {};
      })
      .then(function (moved) {
        if (Object.prototype.hasOwnProperty.call(moved, old)) location.replace(moved[old]);
      })
      .catch(function () {});
  }
})();
