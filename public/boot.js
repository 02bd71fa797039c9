// Starts the app: imports the wasm-bindgen glue and instantiates the wasm, both named by
// Trunk (with their content hashes) in this script's data attributes. An external file, so
// the site's Content-Security-Policy allows no inline script.
(function () {
  var script = document.currentScript;
  import(script.dataset.js).then(function (glue) {
    return glue.default({ module_or_path: script.dataset.wasm });
  });
})();
