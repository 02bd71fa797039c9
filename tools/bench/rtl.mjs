import { launch } from "./chrome.mjs";
const browser = await launch();
const page = await browser.newPage();
await page.setViewport({ width: 1280, height: 900 });
await page.goto("http://127.0.0.1:8811/articles/almashi-fi-alshita/", { waitUntil: "load" });
await page.waitForSelector("html[data-app-ready]", { timeout: 60_000 });
await page.click(".reading-settings-button");
await page.screenshot({ path: "/tmp/rtl.png" });
console.log(await page.evaluate(() => {
  const r = (s) => { const e = document.querySelector(s); if (!e) return null; const b = e.getBoundingClientRect(); return [s, Math.round(b.left), Math.round(b.right), Math.round(b.top)]; };
  return JSON.stringify([r('.toc'), r('.article-body'), r('.article-header'), r('.article'), document.documentElement.dir, getComputedStyle(document.querySelector('.article')).gridTemplateColumns]);
}));
await browser.close();
