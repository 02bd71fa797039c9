// Writes the service worker into a build (a Trunk post_build hook): src/offline/service-worker.js
// with PRECACHE listing what the first screen needs, taken from the build itself, and VERSION
// a hash of those files, so every change to them installs a new worker and a fresh cache.
// Usage: node tools/service-worker.mjs [build folder, default $TRUNK_STAGING_DIR]
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const build = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!build) {
  console.error("usage: node tools/service-worker.mjs <build folder>");
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const template = readFileSync(join(root, "src/offline/service-worker.js"), "utf8");
const json = (file) => JSON.parse(readFileSync(join(build, file), "utf8"));

// Paths relative to the site's base address; "" is the page itself.
const index = json("content/articles.json");
const articles = index.articles.map(({ slug }) => `content/articles/${slug}.json`);
const heroes = articles.map((file) => json(file).hero.image);
const precache = [
  "",
  "boot.js",
  ...readdirSync(join(build, "assets")).map((file) => `assets/${file}`),
  "content/site.json",
  "content/articles.json",
  ...articles,
  ...new Set(heroes),
  "favicon.svg",
  "manifest.webmanifest",
];

const hash = createHash("sha256").update(template);
for (const path of precache) {
  hash.update(path).update(readFileSync(join(build, path === "" ? "index.html" : path)));
}
const version = hash.digest("hex").slice(0, 16);

const filled = template
  .replace(/^const VERSION = .*$/m, `const VERSION = ${JSON.stringify(version)};`)
  .replace(/^const PRECACHE = .*$/m, `const PRECACHE = ${JSON.stringify(precache)};`);
if (!filled.includes(version) || filled.includes("const PRECACHE = [];")) {
  console.error("src/offline/service-worker.js lost its VERSION or PRECACHE line");
  process.exit(1);
}
writeFileSync(join(build, "service-worker.js"), filled);
console.log(`service-worker.js: version ${version}, ${precache.length} files saved on install`);
