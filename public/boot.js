// Starts the app: imports the wasm-bindgen glue and instantiates the wasm, both named by
// Trunk (with their content hashes) in this script's data attributes. An external file, so
// the site's Content-Security-Policy allows no inline script.
// When the page pre-rendered into index.html shows (tools/prerender.mjs), the reader already
// has the article: the app's download waits until that page and its hero image have loaded
// and painted, so it takes no bandwidth from them. Otherwise the app starts at once.
(function () {
  var script = document.currentScript;
  function start() {
    import(script.dataset.js).then(function (glue) {
      return glue.default({ module_or_path: script.dataset.wasm });
    });
  }
  var prerendered = document.getElementById("prerendered");
  if (!prerendered || document.documentElement.hasAttribute("data-prerendered-elsewhere")) {
    start();
  } else {
    // Its links work; its buttons need the app: remember the last one pressed, and what
    // find-in-page or a #:~:text= link revealed, which the app does again when it takes over
    // (src/first_paint.rs).
    prerendered.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var earlier = prerendered.querySelector("[data-pressed-before-the-app]");
      if (earlier) earlier.removeAttribute("data-pressed-before-the-app");
      button.setAttribute("data-pressed-before-the-app", "");
    });
    prerendered.addEventListener(
      "beforematch",
      function (event) {
        event.target.setAttribute("data-found-before-the-app", "");
      },
      true
    );
    window.addEventListener("load", function () {
      // After the frame that paints what has just loaded.
      requestAnimationFrame(function () {
        setTimeout(start);
      });
    });
  }
})();
