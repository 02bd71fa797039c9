// The service worker: the articles keep working offline, a second visit starts from the copy
// saved on the device, and what is saved is always what the clinic publishes now.
// service_worker.rs (run after every build) writes this file into the build as
// service-worker.js, with VERSION and PRECACHE filled in from the build itself; VERSION is a
// hash of everything the build publishes, so any change to the site installs a new worker.
//
// - Everything saved is in one cache that outlives the worker that saved it: a deploy never
//   costs the reader what they saved. Each copy records when it was saved and a hash of its
//   bytes.
// - On install it saves what every visit needs (PRECACHE: the home page, the app's shell, the
//   not-found page, the hashed JS and wasm of the app's two programs, boot.js, the site
//   settings, the home page's hero; the search worker's are saved on the first search, as the
//   index's files are), and the build's list of every file it publishes with its hash
//   (PUBLISHED_FILE).
// - Once active it brings every saved copy up to date against that list, in the background:
//   a changed file is fetched again, a withdrawn one deleted (its address then answers "not
//   found", online and offline). Then it tells every page it controls (UP_TO_DATE_MESSAGE).
// - A page sends SAVE_PAGE_MESSAGE once the worker is active, naming itself and the files it
//   loaded before the worker was there to save them. Each page visited after that is saved as
//   it loads, at its other addresses too (the home page's article at its own).
// - assets/ and the search index's chunks (SEARCH_CHUNKS_FOLDER), named by content hash, are
//   served from the saved copy first; so are the font, images and boot.js, which the list
//   above keeps current. A chunk is saved once a query has fetched it.
// - Pages and content JSON are fetched from the network first, so an editor's change reaches
//   the reader on the next visit; when the network fails or takes longer than
//   NETWORK_TIMEOUT_MS, the saved copy answers, marked with the day it was saved (content
//   with SAVED_COPY_HEADER, a page with SAVED_COPY_ATTRIBUTE on <html>). A page never saved
//   is answered by the app's shell, which explains that the page is not on this device.
// - The editors' page (EDITORS_DIR) is left to the network: readers never need it.
// - The worker's own requests skip the browser's HTTP cache ("no-cache": asked of the host
//   again), so a host that lets browsers keep files for minutes cannot mix two builds.

const VERSION = "development";
const PRECACHE = [];

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

// Where everything saved is kept, whichever worker saved it. (Workers before this one kept a
// cache per build, named CACHE_PREFIX + their version: their copies are moved here.)
const CACHE_PREFIX = "clinic-article-";
const CACHE = CACHE_PREFIX + "saved";
const NETWORK_TIMEOUT_MS = 4000;
const SCOPE = new URL(self.registration.scope);
const SHELL = new URL(SHELL_FILE, SCOPE).href;
const NOT_FOUND = new URL(NOT_FOUND_FILE, SCOPE).href;
const PUBLISHED = new URL(PUBLISHED_FILE, SCOPE).href;
// The headers a saved copy carries: the hash of its bytes, and the day it was saved; and
// on the not-found page kept at a withdrawn page's address, that it was withdrawn.
const HASH_HEADER = "X-Clinic-Hash";
const WITHDRAWN_HEADER = "X-Clinic-Withdrawn";

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const list = await fetchFresh(PUBLISHED);
      const published = await list.clone().json();
      await Promise.all(
        PRECACHE.map(async (path) => {
          const address = new URL(path, SCOPE).href;
          const saved = await cache.match(address);
          if (!saved || saved.headers.get(HASH_HEADER) !== published.files[fileOf(address)]) {
            await save(cache, address, await fetchFresh(address));
          }
        }),
      );
      // Last: the worker still in charge goes on reading the list it came with until now.
      await save(cache, PUBLISHED, list);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      await moveOlderCaches();
      await self.clients.claim();
      await bringUpToDate();
      const clients = await self.clients.matchAll({ includeUncontrolled: true });
      for (const client of clients) {
        client.postMessage({ type: UP_TO_DATE_MESSAGE, version: VERSION });
      }
    })(),
  );
});

// The copies earlier workers saved, one cache per build, moved into the one cache (a copy
// already there is newer), and their caches deleted.
async function moveOlderCaches() {
  const cache = await caches.open(CACHE);
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CACHE) {
      continue;
    }
    const older = await caches.open(name);
    for (const request of await older.keys()) {
      if (!(await cache.match(request))) {
        await cache.put(request, await older.match(request));
      }
    }
    await caches.delete(name);
  }
}

// Every saved copy made current: fetched again where the build publishes other bytes under
// its name, deleted where the build no longer publishes it. A copy is replaced only once its
// new version has arrived; the old hashed assets go last, and only when every page that
// could name them has been fetched again.
async function bringUpToDate() {
  const cache = await caches.open(CACHE);
  const published = await publishedList(cache);
  let allFetched = true;
  const oldAssets = [];
  for (const request of await cache.keys()) {
    const file = fileOf(request.url);
    if (file === null || request.url === PUBLISHED) {
      continue;
    }
    const hash = published.files[file];
    const saved = await cache.match(request);
    if (hash === undefined) {
      if (file.startsWith("assets/")) {
        oldAssets.push(request);
      } else if (file.endsWith(".html")) {
        await withdraw(cache, request.url);
      } else {
        await cache.delete(request);
      }
      continue;
    }
    if (saved.headers.get(HASH_HEADER) === hash) {
      continue;
    }
    try {
      await save(cache, request.url, await fetchFresh(request.url));
    } catch (unreachable) {
      allFetched = false;
    }
  }
  if (allFetched) {
    await Promise.all(oldAssets.map((request) => cache.delete(request)));
  }
}

// The copy of a page the site no longer publishes becomes the not-found page, so that its
// address answers "not found" offline too (and not "not saved on this device").
async function withdraw(cache, key) {
  const saved = await cache.match(key);
  if (saved && saved.headers.has(WITHDRAWN_HEADER)) {
    return;
  }
  const notFound = await cache.match(NOT_FOUND);
  if (!notFound) {
    await cache.delete(key);
    return;
  }
  const headers = new Headers(notFound.headers);
  headers.set(WITHDRAWN_HEADER, "1");
  await cache.put(key, new Response(await notFound.arrayBuffer(), { status: 404, headers }));
}

// The build's list of published files, as saved on install (none in a development build).
async function publishedList(cache) {
  const saved = await cache.match(PUBLISHED);
  const list = saved ? await saved.json().catch(() => null) : null;
  return list && list.files ? list : { files: {}, alternates: {} };
}

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

// The file an address is, relative to the site's base (a folder's is its index.html), or
// null outside the site.
function fileOf(address) {
  const url = new URL(address);
  if (!inScope(url)) {
    return null;
  }
  const path = sitePath(url.pathname.slice(SCOPE.pathname.length));
  return path === "" || path.endsWith("/") ? path + "index.html" : path;
}

// A path as the build names its file: the browser gives letters beyond ASCII (a category
// named in Arabic) percent-encoded.
function sitePath(encoded) {
  try {
    return decodeURIComponent(encoded);
  } catch (malformed) {
    return encoded;
  }
}

// The other addresses of the page at `key`, as the build lists them.
async function alternatesOf(cache, key) {
  const published = await publishedList(cache);
  const path = sitePath(key.slice(SCOPE.href.length));
  return (published.alternates[path] || []).map((other) => new URL(other, SCOPE).href);
}

async function savePage(page, files) {
  const cache = await caches.open(CACHE);
  const wanted = [];
  const pageUrl = new URL(page);
  if (inScope(pageUrl)) {
    const key = pageKey(pageUrl);
    wanted.push(key, ...(await alternatesOf(cache, key)));
  }
  for (const file of files) {
    const url = new URL(file);
    if (inScope(url)) {
      wanted.push(url.href);
    }
  }
  await Promise.all(
    wanted.map(async (address) => {
      if (!(await cache.match(address))) {
        await save(cache, address, await fetchFresh(address)).catch(() => {});
      }
    }),
  );
}

// `address` from the host, past the browser's HTTP cache; an error unless the host has it.
async function fetchFresh(address) {
  const response = await fetch(address, { cache: "no-cache" });
  if (!response.ok) {
    throw new Error(address + ": " + response.status);
  }
  return response;
}

// Saves `response` as the copy of `key`, with the hash of its bytes and today's date.
async function save(cache, key, response) {
  const bytes = await response.arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hash = Array.from(digest.slice(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join("");
  const headers = new Headers(response.headers);
  // The bytes are kept decoded, whatever the host compressed them with.
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  headers.set(HASH_HEADER, hash);
  headers.set(SAVED_COPY_HEADER, today());
  await cache.put(key, new Response(bytes, { status: response.status, statusText: response.statusText, headers }));
}

// The reader's date, as YYYY-MM-DD.
function today() {
  const now = new Date();
  const two = (number) => String(number).padStart(2, "0");
  return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !inScope(url)) {
    return;
  }
  const path = url.pathname.slice(SCOPE.pathname.length);
  if (path.startsWith(EDITORS_DIR)) {
    // The editors' page is for the clinic's staff, always from the network: never saved.
    return;
  }
  if (request.mode === "navigate") {
    // Each page is saved under its own address, as its folder (/articles/x/ for /articles/x).
    event.respondWith(page(event, request, pageKey(url)));
  } else if (path.startsWith("content/") && !path.startsWith(SEARCH_CHUNKS_FOLDER)) {
    event.respondWith(networkFirst(event, request, request.url, false));
  } else {
    // Hashed assets and chunks never change; the rest (boot.js, the font, images) is saved on first use
    // and kept current against the published list.
    event.respondWith(savedFirst(event, request));
  }
});

// A page: from the network, saved at its addresses; or the saved copy (the not-found page
// for a withdrawn one); or the app's shell, which says the page is not on this device.
async function page(event, request, key) {
  const response = await networkFirst(event, request, key, true);
  if (response) {
    return response;
  }
  const shell = await (await caches.open(CACHE)).match(SHELL);
  return shell ? marked(shell, true) : fetch(request);
}

// The network's answer (saved for later, at every address of a page; a withdrawn copy
// deleted); or, when the network fails, answers with a server error or is too slow, the
// saved copy of `key`, marked as such; for a page, null when there is none.
async function networkFirst(event, request, key, isPage) {
  const cache = await caches.open(CACHE);
  // Asked of the host again, past the HTTP cache; a page keeps its redirects for the browser.
  const fromNetwork = fetch(new Request(request, { cache: "no-cache" }));
  event.waitUntil(
    fromNetwork
      .then(async (response) => {
        if (response.ok) {
          await save(cache, key, response.clone());
          const others = isPage ? await alternatesOf(cache, key) : [];
          for (const other of others) {
            if (!(await cache.match(other))) {
              await save(cache, other, await fetchFresh(other));
            }
          }
        } else if (response.status === 404 || response.status === 410) {
          await (isPage ? withdraw(cache, key) : cache.delete(key));
        }
      })
      .catch(() => {}),
  );
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
    return marked(saved, isPage);
  }
  // Nothing saved: a page falls back as page() says; content waits for the network after
  // all, so its error reaches the page.
  return isPage ? null : fromNetwork;
}

// The saved copy, or the network's answer, saved for next time.
async function savedFirst(event, request) {
  const cache = await caches.open(CACHE);
  const saved = await cache.match(request);
  if (saved) {
    return saved;
  }
  const response = await fetch(request);
  if (response.ok) {
    event.waitUntil(save(cache, request.url, response.clone()));
  }
  return response;
}

// A saved copy as the page gets it: content with the day it was saved in SAVED_COPY_HEADER
// (already there), a page with it on <html> too.
async function marked(response, isPage) {
  const day = response.headers.get(SAVED_COPY_HEADER) || "";
  const body = isPage
    ? (await response.text()).replace("<html ", "<html " + SAVED_COPY_ATTRIBUTE + '="' + day + '" ')
    : response.body;
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
