import { launch } from "./chrome.mjs";
const [path, width, height, out, click] = process.argv.slice(2);
const browser = await launch();
const page = await browser.newPage();
await page.setViewport({ width: +width, height: +height });
await page.goto("http://127.0.0.1:8811" + path, { waitUntil: "load" });
await page.waitForSelector("html[data-app-ready]", { timeout: 60_000 });
if (click) { await page.click(click); await new Promise(r => setTimeout(r, 400)); }
await page.screenshot({ path: out });
await browser.close();
