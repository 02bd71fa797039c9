// A static file server that compresses with brotli, as a CDN would, for the benchmark.
// Usage: node serve.mjs <folder> <port>. Unknown extensionless paths get index.html.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [root, port] = process.argv.slice(2);
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain",
  ".xml": "application/xml",
};
const compressed = new Map();

createServer(async (request, response) => {
  let path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
  if (path.endsWith("/")) path += "index.html";
  if (!extname(path)) path = "/index.html";
  let body;
  try {
    body = await readFile(join(root, path));
  } catch {
    response.writeHead(404).end("not found");
    return;
  }
  const type = types[extname(path)] ?? "application/octet-stream";
  const headers = { "Content-Type": type, "Cache-Control": "no-cache" };
  if (/\bbr\b/.test(request.headers["accept-encoding"] ?? "") && type !== "font/woff2") {
    if (!compressed.has(path)) {
      compressed.set(
        path,
        brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
    }
    body = compressed.get(path);
    headers["Content-Encoding"] = "br";
  }
  response.writeHead(200, headers).end(body);
}).listen(Number(port), "127.0.0.1");
