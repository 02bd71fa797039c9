// Headless Chromium for the benchmark, with the flags this machine needs (CHROME_PATH names
// another Chromium), and the phone conditions it measures under.
import puppeteer from "puppeteer-core";

export const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

const CHROME_FLAGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export function launch() {
  return puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_FLAGS });
}

/// Lighthouse's mobile conditions: a phone's screen, 4x slower CPU and, when `network` is
/// true, its simulated slow 4G (150 ms, 1.6 Mbit/s down, 750 kbit/s up) applied for real.
export async function emulatePhone(page, { network }) {
  await page.setViewport({ width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true });
  const cdp = await page.createCDPSession();
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  if (network) {
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
  }
  return cdp;
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The user-timing mark of the app running the page.
export const APP_READY = "app runs the page";

/// Before the page's own scripts: marks the moment `<html>` gets data-app-ready.
export function markAppReady(mark) {
  // Before the document exists: watch it whole, for that one attribute.
  new MutationObserver((_, observer) => {
    if (document.documentElement?.hasAttribute("data-app-ready")) {
      performance.mark(mark);
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-app-ready"] });
}

/// In the page: the search field focused (which starts the search) and, `pause` ms later,
/// the query typed into it at once, until the status names its results; how long that took
/// from the keystroke.
export function searchAndWait([query, pause = 0]) {
  const field = document.querySelector("#site-search-input");
  const status = document.querySelector("#site-search-results-status");
  field.focus();
  return new Promise((typed) => setTimeout(typed, pause)).then(() => {
    const start = performance.now();
    field.value = query;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    // From the next frame: the status of the query before may still show until then.
    return new Promise((done) => {
      const check = () => {
        const text = status.textContent.trim();
        if (text && text !== "Searching…") done(performance.now() - start);
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    });
  });
}
