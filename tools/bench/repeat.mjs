// The repeat visit: a reader comes back to a page they have read. Each run loads the page
// once in a fresh browser, waits until it is saved (the app's service worker, or for a plain
// page the HTTP cache), then loads it again under Lighthouse's mobile conditions (4x CPU and
// slow 4G applied for real) and reads the Largest Contentful Paint the browser reports.
// Usage: node repeat.mjs <app url> <static page url> [runs, default 5]
import { emulatePhone, launch, median } from "./chrome.mjs";

const [app, plain, runs = "5"] = process.argv.slice(2);

async function repeatVisitLcp(url, { serviceWorker }) {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: "networkidle0" });
    if (serviceWorker) {
      // The app registers its worker after the page has loaded; wait until the worker
      // controls the page and has saved it (the page then marks itself).
      await page.waitForFunction(
        () => navigator.serviceWorker.controller?.state === "activated"
          && document.documentElement.hasAttribute("data-saved-for-offline"),
        { timeout: 30000 },
      );
    }
    await emulatePhone(page, { network: true });
    await page.goto(url, { waitUntil: "networkidle0" });
    return await page.evaluate(() => new Promise((done) => {
      new PerformanceObserver((list) => done(list.getEntries().at(-1).startTime))
        .observe({ type: "largest-contentful-paint", buffered: true });
    }));
  } finally {
    await browser.close();
  }
}

const results = { app: [], static: [] };
for (let run = 0; run < Number(runs); run++) {
  results.app.push(await repeatVisitLcp(app, { serviceWorker: true }));
  results.static.push(await repeatVisitLcp(plain, { serviceWorker: false }));
}
const appLcp = median(results.app) / 1000;
const staticLcp = median(results.static) / 1000;
console.log(`Repeat visit, LCP (4x CPU, slow 4G), median of ${runs} runs`);
console.log(`app ${appLcp.toFixed(2)} s, static page ${staticLcp.toFixed(2)} s: ` +
  `${(appLcp / staticLcp).toFixed(2)}x (target <= 1.0x)`);
