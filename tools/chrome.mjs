// Headless Chromium for the project's own scripts (the pre-render, the benchmark), with the
// flags this machine needs. CHROME_PATH names another Chromium.
import puppeteer from "puppeteer-core";

export const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";

const CHROME_FLAGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export function launch() {
  return puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: CHROME_FLAGS });
}
