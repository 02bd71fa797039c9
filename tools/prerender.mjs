// Pre-renders the home page into index.html (run by Trunk after a release build): loads the
// built site in headless Chromium, waits until the app's page is complete, and writes what the
// app shows into index.html, in front of the app's own root. A reader then sees the article as
// soon as the HTML arrives, as on a static page, while the app builds the same page out of
// sight and takes its place (src/first_paint.rs). Running it again (on a build whose content
// changed) replaces the earlier pre-render. It also proves that the release build renders.
// Usage: node tools/prerender.mjs [build folder] [public url]
//   (defaults: $TRUNK_STAGING_DIR and $TRUNK_PUBLIC_URL, as Trunk's hooks get them)
import { createServer } from "node:http";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { CHROME_PATH, launch } from "./chrome.mjs";
import { CONTENT_TYPES } from "./content-types.mjs";

const build = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
const publicUrl = process.argv[3] ?? process.env.TRUNK_PUBLIC_URL ?? "/";
if (!build || !publicUrl.startsWith("/") || !publicUrl.endsWith("/")) {
  console.error("usage: node tools/prerender.mjs <build folder> <public url, such as / or /clinic/>");
  process.exit(2);
}
if (process.env.TRUNK_PROFILE === "debug") {
  console.log("prerender: skipped for development builds; the loader shows until the app is ready");
  process.exit(0);
}
if (!existsSync(CHROME_PATH)) {
  console.warn(
    `prerender: SKIPPED, no Chromium at ${CHROME_PATH} (set CHROME_PATH): index.html shows ` +
      "the loader until the app is ready, which is slower for readers",
  );
  process.exit(0);
}

// The pre-rendered page sits between these, right before the app's root.
const START = "<!-- pre-rendered by tools/prerender.mjs: the app replaces it -->";
const END = "<!-- end of the pre-rendered page -->";
const APP_ROOT = '<div id="app">';

const indexFile = join(build, "index.html");
const withoutPrerender = (html) => {
  const start = html.indexOf(START);
  const end = html.indexOf(END);
  return start < 0 || end < 0 ? html : html.slice(0, start) + html.slice(end + END.length).trimStart();
};
const page = withoutPrerender(readFileSync(indexFile, "utf8"));
if (page.split(APP_ROOT).length !== 2) {
  console.error(`prerender: index.html must have exactly one ${APP_ROOT}`);
  process.exit(1);
}

// The build as its host serves it, under its public URL, with the page before this pre-render.
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
  if (!path.startsWith(publicUrl)) {
    response.writeHead(404).end();
    return;
  }
  const file = normalize(path.slice(publicUrl.length));
  if (file === "." || file === "index.html" || !extname(file)) {
    response.writeHead(200, { "Content-Type": CONTENT_TYPES[".html"] }).end(page);
    return;
  }
  const full = join(build, file);
  if (file.startsWith("..") || !existsSync(full)) {
    response.writeHead(404).end();
    return;
  }
  const type = CONTENT_TYPES[extname(file)] ?? "application/octet-stream";
  response.writeHead(200, { "Content-Type": type }).end(readFileSync(full));
});
await new Promise((listening) => server.listen(0, "127.0.0.1", listening));
const address = `http://127.0.0.1:${server.address().port}${publicUrl}`;

const browser = await launch();
let rendered;
try {
  const tab = await browser.newPage();
  const problems = [];
  tab.on("pageerror", (error) => problems.push(error.message));
  tab.on("console", (message) => message.type() === "error" && problems.push(message.text()));
  await tab.goto(address);
  try {
    await tab.waitForSelector("#app main#main-content:not([aria-busy])", { timeout: 30_000 });
  } catch {
    throw new Error(`the home page did not render within 30 s. ${problems.join("\n")}`);
  }
  if (await tab.$("#app .load-error")) {
    throw new Error(`the home page shows an error: ${await tab.$eval("#app", (app) => app.innerText)}`);
  }
  rendered = await tab.$eval("#app", (app) => app.innerHTML);
} catch (error) {
  console.error(`prerender: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
if (rendered) {
  const prerendered = `${START}<div id="prerendered">${rendered}</div>${END}\n    ${APP_ROOT}`;
  writeFileSync(indexFile, page.replace(APP_ROOT, prerendered));
  console.log(`prerender: index.html carries the home page (${rendered.length} characters)`);
}
