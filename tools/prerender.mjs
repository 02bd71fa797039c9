// Pre-renders the home page into index.html (run by Trunk after a release build): loads the
// built site in headless Chromium, waits until the app's page is complete, and writes what the
// app shows into index.html, in front of the app's own root, with the page's title and head
// tags. A reader then sees the article as
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

// The pre-rendered page sits between these, right before the app's root; the page's head
// tags (description, canonical address, sharing card, JSON-LD: what link previews read, which
// run no JavaScript) between the second pair, at the end of <head>.
const START = "<!-- pre-rendered by tools/prerender.mjs: the app replaces it -->";
const END = "<!-- end of the pre-rendered page -->";
const HEAD_START = "<!-- the home page's head tags, pre-rendered by tools/prerender.mjs -->";
const HEAD_END = "<!-- end of the pre-rendered head tags -->";
const APP_ROOT = '<div id="app">';
const HEAD_CLOSE = "</head>";

const indexFile = join(build, "index.html");
const without = (html, start, end) => {
  const from = html.indexOf(start);
  const to = html.indexOf(end);
  return from < 0 || to < 0 ? html : html.slice(0, from) + html.slice(to + end.length).trimStart();
};
const page = without(without(readFileSync(indexFile, "utf8"), START, END), HEAD_START, HEAD_END);
for (const once of [APP_ROOT, HEAD_CLOSE]) {
  if (page.split(once).length !== 2) {
    console.error(`prerender: index.html must have exactly one ${once}`);
    process.exit(1);
  }
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
  rendered = await tab.evaluate(() => ({
    page: document.getElementById("app").innerHTML,
    title: document.querySelector("title").outerHTML,
    // What the app's pages add to <head> (src/pages/head.rs). JSON-LD's text is raw in
    // HTML: "<" is written as its JSON escape, so no text can close the script element.
    head: [...document.head.querySelectorAll("[data-page-head]")].map((tag) => {
      const copy = tag.cloneNode(true);
      if (copy.localName === "script") copy.textContent = tag.textContent.replace(/</g, "\\u003c");
      return copy.outerHTML;
    }),
  }));
} catch (error) {
  console.error(`prerender: ${error.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
if (rendered) {
  const body = `${START}<div id="prerendered">${rendered.page}</div>${END}\n    ${APP_ROOT}`;
  const head = `${HEAD_START}\n    ${rendered.head.join("\n    ")}\n    ${HEAD_END}\n  ${HEAD_CLOSE}`;
  const html = page
    .replace(/<title>[^<]*<\/title>/, () => rendered.title)
    .replace(HEAD_CLOSE, () => head)
    .replace(APP_ROOT, () => body);
  writeFileSync(indexFile, html);
  console.log(
    `prerender: index.html carries the home page (${rendered.page.length} characters) and ` +
      `its ${rendered.head.length} head tags`,
  );
}
