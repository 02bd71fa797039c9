// The service worker: the article keeps working offline, and a second visit starts from the
// copy saved on the device. tools/service-worker.mjs (a Trunk post_build hook) writes this
// file into the build as service-worker.js, with VERSION and PRECACHE filled in from the
// build itself, so a rebuild never caches a stale file name.
//
// - On install it saves what the first screen needs: the page (index.html, with its inlined
//   CSS), the hashed JS and wasm, boot.js, every article of content/articles.json and its
//   hero image.
// - assets/ (named by content hash) are served from the saved copy first.
// - Pages and content JSON are fetched from the network first, so an editor's change
//   reaches the reader on the next visit; when the network fails or takes longer than
//   NETWORK_TIMEOUT_MS, the saved copy answers, marked with the SAVED_COPY_HEADER so the
//   page can say so.
// - Anything else the page loads later (the readable font, images) is saved when first
//   fetched, so it works offline afterwards.
// - A new build installs beside the old one and then deletes the old caches: a page gets
//   its HTML and the assets it names from the same build.

const VERSION = "development";
const PRECACHE = [];

const CACHE = "clinic-article-" + VERSION;
const NETWORK_TIMEOUT_MS = 4000;
const SAVED_COPY_HEADER = "X-Clinic-Saved-Copy";
const SCOPE = new URL(self.registration.scope);

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

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) {
    return;
  }
  const path = url.pathname.slice(SCOPE.pathname.length);
  if (request.mode === "navigate") {
    // Every address of the app is the app: when offline, the saved page answers, kept under
    // the site's own address (as a host answers it, never a redirect).
    event.respondWith(networkFirst(request, SCOPE.href));
  } else if (path.startsWith("content/")) {
    event.respondWith(networkFirst(request, request.url));
  } else {
    // Hashed assets never change; the rest (boot.js, the font, images) is saved on first use.
    event.respondWith(savedFirst(request));
  }
});

// The network's answer, saved for later; or, when the network fails, answers with a server
// error or is too slow, the saved copy of `key`, marked as such.
async function networkFirst(request, key) {
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
  const saved = await cache.match(key);
  if (saved) {
    return markedAsSaved(saved);
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

function markedAsSaved(response) {
  const headers = new Headers(response.headers);
  headers.set(SAVED_COPY_HEADER, "1");
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
