// When a reader can use the page: loads each address in a fresh headless Chromium under real
// throttling (4x CPU, 150 ms round trips, 1.6 Mbit/s down), and reads, from navigation, when
// the page painted its largest element (LCP) and when the app runs it (`<html>` gets
// data-app-ready: every control answers). A plain static page has no app: its LCP is when a
// reader has its article, and each page's LCP is also given as a ratio to the static page's
// in the same run.
// Usage: node answer.mjs <runs> <url>...   (a url without an app: prefix it with "static:")
import { APP_READY, emulatePhone, launch, markAppReady, median } from "./chrome.mjs";

const [runs, ...urls] = process.argv.slice(2);

async function loadOnce(url, withApp) {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await emulatePhone(page, { network: true });
    await page.evaluateOnNewDocument(markAppReady, APP_READY);
    await page.goto(url, { waitUntil: "load" });
    if (withApp) {
      await page.waitForSelector("html[data-app-ready]", { timeout: 60_000 });
    }
    return await page.evaluate((mark) => new Promise((done) => {
      new PerformanceObserver((list) => done({
        lcp: list.getEntries().at(-1).startTime,
        ready: performance.getEntriesByName(mark)[0]?.startTime ?? NaN,
      })).observe({ type: "largest-contentful-paint", buffered: true });
    }), APP_READY);
  } finally {
    await browser.close();
  }
}

console.log(`Real throttling (4x CPU, 150 ms RTT, 1.6 Mbit/s), median of ${runs} runs, from navigation`);
const measured = [];
for (const entry of urls) {
  const withApp = !entry.startsWith("static:");
  const url = entry.replace(/^static:/, "");
  const results = [];
  for (let run = 0; run < Number(runs); run++) results.push(await loadOnce(url, withApp));
  const lcp = median(results.map((r) => r.lcp)) / 1000;
  const ready = median(results.map((r) => r.ready)) / 1000;
  measured.push({ url, withApp, lcp });
  console.log(`${url.padEnd(60)} LCP ${lcp.toFixed(2)} s` +
    (withApp ? `, controls answer ${ready.toFixed(2)} s (target <= 2.0 s)` : ""));
}
const plain = measured.find((page) => !page.withApp);
for (const page of plain ? measured.filter((page) => page.withApp) : []) {
  console.log(`${page.url.padEnd(60)} LCP ${(page.lcp / plain.lcp).toFixed(2)}x the static page's`);
}
