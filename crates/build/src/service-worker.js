// The service worker: the articles keep working offline, and a second visit starts from the
// copy saved on the device. service_worker.rs (run after every build) writes this file
// into the build as service-worker.js, with VERSION and PRECACHE filled in from the build
// itself, so a rebuild never caches a stale file name.
//
// - On install it saves what every visit needs, and nothing that grows with the number of
//   articles: the home page, the app's shell (app.html), the not-found page, the hashed JS
//   and wasm, boot.js, the site settings and the home page's hero.
// - A page sends SAVE_PAGE_MESSAGE once the worker is active, naming itself and the files it
//   loaded (its hero, its content) before the worker was there to save them; the worker saves
//   those it has not yet, and answers. Each page visited after that is saved as it loads.
// - assets/ (named by content hash) are served from the saved copy first.
// - Pages and content JSON are fetched from the network first, so an editor's change
//   reaches the reader on the next visit; when the network fails or takes longer than
//   NETWORK_TIMEOUT_MS, the saved copy answers, marked so the page can say so (content with
//   SAVED_COPY_HEADER, a page with SAVED_COPY_ATTRIBUTE on <html>). A page never saved is
//   answered by the app's shell, which explains that the page is not on this device.
// - Anything else the page loads later (the readable font, images) is saved when first
//   fetched, so it works offline afterwards.
// - A new build installs beside the old one and then deletes the old caches: a page gets
//   its HTML and the assets it names from the same build.

const VERSION = "development";
const PRECACHE = [];

// Generated from crates/app/src/contract.rs: after changing it, run
// cargo run --bin content -- generate.
// <generated>
var SHELL_FILE = "app.html";
var APP_ROOT_ID = "app";
var PAGE_PATH_ATTRIBUTE = "data-page-path";
var PRERENDERED_ELSEWHERE_ATTRIBUTE = "data-prerendered-elsewhere";
var ANNOUNCEMENT_ATTRIBUTE = "data-announcement";
var ANNOUNCEMENT_DISMISSED_ATTRIBUTE = "data-announcement-dismissed";
var ANNOUNCEMENT_DISMISSED_KEY = "clinic-article:v1:announcement-dismissed";
var APP_READY_ATTRIBUTE = "data-app-ready";
var PRESSED_EARLY_ATTRIBUTE = "data-pressed-before-the-app";
var FOUND_EARLY_ATTRIBUTE = "data-found-before-the-app";
var SAVED_COPY_HEADER = "X-Clinic-Saved-Copy";
var SAVED_COPY_ATTRIBUTE = "data-saved-copy";
var SAVED_FOR_OFFLINE_ATTRIBUTE = "data-saved-for-offline";
var SAVE_PAGE_MESSAGE = "save-page";
// </generated>

const CACHE = "clinic-article-" + VERSION;
const NETWORK_TIMEOUT_MS = 4000;
const SCOPE = new URL(self.registration.scope);
const SHELL = new URL(SHELL_FILE, SCOPE).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new URL(path, SCOPE).href)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith("clinic-article-") && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const message = event.data;
  if (!message || message.type !== SAVE_PAGE_MESSAGE) {
    return;
  }
  const answer = () => event.ports[0] && event.ports[0].postMessage(SAVE_PAGE_MESSAGE);
  event.waitUntil(savePage(message.page, message.files || []).then(answer, answer));
});

// A page's address as the saved copy knows it: its folder, without index.html, query or
// fragment.
function pageKey(url) {
  return url.origin + url.pathname.replace(/index\.html$/, "").replace(/([^/])$/, "$1/");
}

function inScope(url) {
  return url.origin === SCOPE.origin && url.href.startsWith(SCOPE.href);
}

async function savePage(page, files) {
  const cache = await caches.open(CACHE);
  const wanted = [];
  const pageUrl = new URL(page);
  if (inScope(pageUrl)) {
    wanted.push([pageUrl.href, pageKey(pageUrl)]);
  }
  for (const file of files) {
    const url = new URL(file);
    if (inScope(url)) {
      wanted.push([url.href, url.href]);
    }
  }
  await Promise.all(
    wanted.map(async ([address, key]) => {
      if (await cache.match(key)) {
        return;
      }
      const response = await fetch(address);
      if (response.ok) {
        await cache.put(key, response);
      }
    }),
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !inScope(url)) {
    return;
  }
  const path = url.pathname.slice(SCOPE.pathname.length);
  if (request.mode === "navigate") {
    // Each page is saved under its own address, as its folder (/articles/x/ for /articles/x).
    event.respondWith(networkFirst(request, pageKey(url), SHELL));
  } else if (path.startsWith("content/")) {
    event.respondWith(networkFirst(request, request.url));
  } else {
    // Hashed assets never change; the rest (boot.js, the font, images) is saved on first use.
    event.respondWith(savedFirst(request));
  }
});

// The network's answer, saved for later; or, when the network fails, answers with a server
// error or is too slow, the saved copy of `key` (or of `otherwise`), marked as such.
async function networkFirst(request, key, otherwise) {
  const cache = await caches.open(CACHE);
  const fromNetwork = fetch(request).then((response) => {
    if (response.ok) {
      cache.put(key, response.clone());
    }
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS));
  try {
    const response = await Promise.race([fromNetwork, timeout.then(() => null)]);
    if (response && response.status < 500) {
      return response;
    }
  } catch (offline) {
    // Fall through to the saved copy.
  }
  const saved = (await cache.match(key)) || (otherwise && (await cache.match(otherwise)));
  if (saved) {
    return markedAsSaved(saved, request.mode === "navigate");
  }
  // Nothing saved: wait for the network after all, so its error reaches the page.
  return fromNetwork;
}

// The saved copy, or the network's answer, saved for next time.
async function savedFirst(request) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(request);
  if (saved) {
    return saved;
  }
  const response = await fetch(request);
  if (response.ok) {
    cache.put(request, response.clone());
  }
  return response;
}

async function markedAsSaved(response, isPage) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_COPY_HEADER, "1");
  const body = isPage
    ? (await response.text()).replace("<html ", "<html " + SAVED_COPY_ATTRIBUTE + " ")
    : response.body;
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
