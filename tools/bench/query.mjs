// A first and a next query on a phone (4x CPU, slow 4G), with the site's own search and with
// Pagefind run over the same built site (its index in pagefind/): the bytes each downloads
// for the query as served (each file it requested, as the server sends it brotli-compressed
// when it compresses: Pagefind fetches from a worker of its own, which the page's network
// events do not show; the app's own wasm aside), its requests, and the time from the query
// to its results: ours shown on the page, Pagefind's read (the data of as many results as
// ours shows). Service workers are bypassed: each request reaches the host.
// Usage: node query.mjs <site url> <first query> <next query> [runs, default 3]
import http from "node:http";

import { emulatePhone, launch, median, searchAndWait } from "./chrome.mjs";

const [site, first, next, runs = "3"] = process.argv.slice(2);
const SHOWN = 8;

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

/// In the page: Pagefind's search for the query, and the data of the results shown.
async function pagefind([query, shown]) {
  const start = performance.now();
  const engine = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
  const found = await engine.search(query);
  await Promise.all(found.results.slice(0, shown).map((result) => result.data()));
  return performance.now() - start;
}

async function once(engine) {
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
    for (const query of [first, next]) {
      const before = requested.length;
      const time = engine === "ours"
        ? await page.evaluate(searchAndWait, query)
        : await page.evaluate(pagefind, [query, SHOWN]);
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
const rows = {};
for (const engine of ["ours", "pagefind"]) {
  const all = [];
  for (let run = 0; run < Number(runs); run++) all.push(await once(engine));
  rows[engine] = [0, 1].map((i) => ({
    time: median(all.map((r) => r[i].time)),
    bytes: median(all.map((r) => r[i].bytes)),
    requests: median(all.map((r) => r[i].requests)),
  }));
}
console.log(`Search on ${site} (phone: 4x CPU, slow 4G), median of ${runs} runs: first "${first}", next "${next}"`);
for (const [i, label] of [[0, "first"], [1, "next"]]) {
  const [a, b] = [rows.ours[i], rows.pagefind[i]];
  console.log(`${label.padEnd(6)} ours ${kib(a.bytes)} in ${a.requests} requests, results in ${(a.time / 1000).toFixed(2)} s; ` +
    `Pagefind ${kib(b.bytes)} in ${b.requests} requests, ${(b.time / 1000).toFixed(2)} s; ` +
    `bytes ${(a.bytes / b.bytes).toFixed(2)}x, time ${(a.time / b.time).toFixed(2)}x`);
}
