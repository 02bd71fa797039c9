// A first and a next query on a phone (4x CPU, slow 4G), with the site's own search and with
// Pagefind run over the same built site (its index in pagefind/): the bytes each downloads
// for the query as served (each file it requested, as the server sends it brotli-compressed
// when it compresses: Pagefind fetches from a worker of its own, which the page's network
// events do not show; the app's own wasm aside), its requests, and the time from the query's
// keystroke to its results: ours shown on the page, Pagefind's read (the data of as many
// results as ours shows). Service workers are bypassed: each request reaches the host.
// The first query twice, each in a fresh browser: typed as a reader types it, a second
// after focusing the field (a phone's keyboard rises and the reader finds the first letter;
// the keystroke-level model allows 1.35 s to prepare), while each search gets ready (ours
// starts its worker on focus, Pagefind's `init()` is called then); and typed at the very
// moment of focus, the worst case.
// Usage: node query.mjs <site url> <first query> <next query> [runs, default 3]
import http from "node:http";

import { emulatePhone, launch, median, searchAndWait } from "./chrome.mjs";

const [site, first, next, runs = "3"] = process.argv.slice(2);
const SHOWN = 8;
const READER_PAUSE_MS = 1000;

/// The bytes the server sends for `url` to a browser that accepts brotli.
function servedBytes(url) {
  return new Promise((done, fail) => {
    http.get(url, { headers: { "accept-encoding": "br" } }, (response) => {
      let length = 0;
      response.on("data", (chunk) => { length += chunk.length; });
      response.on("end", () => done(length));
    }).on("error", fail);
  });
}

/// In the page: Pagefind made ready (as on the field's focus) and, `pause` ms later, its
/// search for the query and the data of the results shown; the time from the keystroke.
async function pagefind([query, shown, pause]) {
  const ready = import(new URL("pagefind/pagefind.js", document.baseURI).href).then(async (engine) => {
    await engine.init();
    return engine;
  });
  await new Promise((typed) => setTimeout(typed, pause));
  const start = performance.now();
  const engine = await ready;
  const found = await engine.search(query);
  await Promise.all(found.results.slice(0, shown).map((result) => result.data()));
  return performance.now() - start;
}

async function once(engine, pause) {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.setBypassServiceWorker(true);
    await emulatePhone(page, { network: true });
    const requested = [];
    page.on("requestfinished", (request) => requested.push(request.url()));
    await page.goto(`${site}articles/`, { waitUntil: "load" });
    await page.waitForSelector("html[data-app-ready]", { timeout: 60_000 });
    const measured = [];
    const folder = engine === "ours" ? "/content/" : "/pagefind/";
    for (const [query, wait] of [[first, pause], [next, 0]]) {
      const before = requested.length;
      const time = engine === "ours"
        ? await page.evaluate(searchAndWait, [query, wait])
        : await page.evaluate(pagefind, [query, SHOWN, wait]);
      // The last responses of the query may still be counted: wait for the network to rest.
      await page.waitForNetworkIdle({ idleTime: 300 });
      const own = requested.slice(before).filter((url) => new URL(url).pathname.includes(folder));
      const bytes = (await Promise.all(own.map(servedBytes))).reduce((n, b) => n + b, 0);
      measured.push({ time, bytes, requests: own.length });
    }
    return measured;
  } finally {
    await browser.close();
  }
}

const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const medians = (all, i) => ({
  time: median(all.map((r) => r[i].time)),
  bytes: median(all.map((r) => r[i].bytes)),
  requests: median(all.map((r) => r[i].requests)),
});
const rows = {};
for (const engine of ["ours", "pagefind"]) {
  const [typed, atOnce] = [[], []];
  for (let run = 0; run < Number(runs); run++) {
    typed.push(await once(engine, READER_PAUSE_MS));
    atOnce.push(await once(engine, 0));
  }
  rows[engine] = [medians(typed, 0), medians(atOnce, 0), medians(typed, 1)];
}
console.log(`Search on ${site} (phone: 4x CPU, slow 4G), median of ${runs} runs: first "${first}", next "${next}"`);
const labels = [`first, typed ${READER_PAUSE_MS / 1000} s after focus`, "first, typed at focus", "next"];
labels.forEach((label, i) => {
  const [a, b] = [rows.ours[i], rows.pagefind[i]];
  console.log(`${label.padEnd(28)} ours ${kib(a.bytes)} in ${a.requests} requests, results in ${(a.time / 1000).toFixed(2)} s; ` +
    `Pagefind ${kib(b.bytes)} in ${b.requests} requests, ${(b.time / 1000).toFixed(2)} s; ` +
    `bytes ${(a.bytes / b.bytes).toFixed(2)}x, time ${(a.time / b.time).toFixed(2)}x`);
});
