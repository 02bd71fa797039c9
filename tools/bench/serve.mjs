// A static file server that compresses with brotli, as a CDN would, for the benchmark.
// Usage: node serve.mjs <folder> <port>. As the site's hosts do: a folder's address serves its
// index.html (without its final / it is redirected there), and unknown paths get 404.html
// with a 404 status.
// Every file is read and compressed once, before the server listens: compressing on the
// first request would show up in Lighthouse as server latency on the first run only.
// Caching as the site's hosts do it: assets/ kept for a year, everything else revalidated,
// with an ETag so an unchanged file costs a 304 on a repeat visit.
import { createServer } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import { extname, join, normalize, relative } from "node:path";
import { createHash } from "node:crypto";
import { brotliCompressSync, constants } from "node:zlib";
import { CONTENT_TYPES } from "./content-types.mjs";

const [root, port] = process.argv.slice(2);
const precompressed = (type) => !/^(font\/|image\/(png|jpeg|webp))/.test(type);

const files = new Map();
(function read(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      read(path);
      continue;
    }
    const body = readFileSync(path);
    const type = CONTENT_TYPES[extname(path)] ?? "application/octet-stream";
    const brotli = precompressed(type)
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : null;
    const etag = `"${createHash("sha256").update(body).digest("hex").slice(0, 16)}"`;
    files.set("/" + relative(root, path), { body, brotli, type, etag });
  }
})(root);

createServer((request, response) => {
  let path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
  if (path.endsWith("/")) path += "index.html";
  if (!files.has(path) && files.has(`${path}/index.html`)) {
    response.writeHead(301, { Location: `${path}/` }).end();
    return;
  }
  const found = files.get(path);
  const file = found ?? files.get("/404.html");
  if (!file) {
    response.writeHead(404).end("not found");
    return;
  }
  const headers = {
    "Content-Type": file.type,
    "Cache-Control": path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
    ETag: file.etag,
  };
  if (request.headers["if-none-match"] === file.etag) {
    response.writeHead(304, headers).end();
    return;
  }
  if (file.brotli && /\bbr\b/.test(request.headers["accept-encoding"] ?? "")) {
    headers["Content-Encoding"] = "br";
    response.writeHead(found ? 200 : 404, headers).end(file.brotli);
  } else {
    response.writeHead(found ? 200 : 404, headers).end(file.body);
  }
}).listen(Number(port), "127.0.0.1", () => console.error(`serving ${root} on ${port}`));
