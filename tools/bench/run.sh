#!/usr/bin/env bash
# The size and speed benchmark (not a test): builds the release site, prints the wasm's raw,
# gzip and brotli sizes and the first view's brotli bytes, then runs Lighthouse (mobile:
# simulated slow 4G, 4x CPU) on four of the site's addresses (the home page, an article's own
# address, a #section address and the not-found page) and on tools/bench/static-article.html,
# the same article as a plain static page, all served brotli-compressed from loopback. Then a
# start-up profile (profile.mjs) of a second build that keeps the wasm's function names, when
# the controls answer under real throttling (answer.mjs), and the repeat visit (repeat.mjs):
# LCP of a second load, with the app's service worker active.
# Usage: tools/bench/run.sh [runs per page, default 3]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH="$ROOT/tools/bench"
OUT="$ROOT/target/bench"
RUNS="${1:-3}"
cd "$ROOT"
source "$BENCH/common.sh"
bench_setup

rm -rf "$OUT" && mkdir -p "$OUT"
trunk build --release --dist "$OUT/site" >/dev/null
# The same site with the wasm's function names kept (wasm-opt --debuginfo), for the profile.
# Trunk takes such options from index.html only, so a copy of it names them.
named_index="$ROOT/.bench-index.html"
trap 'rm -f "$named_index"' EXIT
sed 's/data-wasm-opt="z"/data-wasm-opt="z" data-wasm-opt-params="--debuginfo"/' index.html >"$named_index"
trunk build --release --dist "$OUT/site-named" "$named_index" >/dev/null
rm -f "$named_index"
static_page "$OUT/static"

# The page's own wasm and glue (the search worker's start only on a search).
wasm=$(ls "$OUT"/site/assets/clinic-article-*.wasm)
worker=$(ls "$OUT"/site/assets/clinic-search-worker-*.wasm)
echo "== Sizes"
echo "wasm raw:    $(kib "$(wc -c <"$wasm")")"
echo "wasm gzip:   $(kib "$(gzip -9c "$wasm" | wc -c)")   (budget 100 KiB)"
echo "wasm brotli: $(kib "$(br_size "$wasm")")"
echo "search worker brotli: $(kib "$(br_size "$worker" "$OUT"/site/assets/clinic-search-worker-*.js)") (wasm and glue, on the first search)"
first_view=( "$OUT"/site/index.html "$OUT"/site/assets/clinic-article-*.js "$wasm"
  "$OUT"/site/boot.js "$OUT"/site/images/upper-back-relief.svg "$OUT"/site/favicon.svg )
echo "first view:  $(kib "$(br_size "${first_view[@]}")") brotli   (budget 130 KiB)"
echo "static page: $(kib "$(br_size "$OUT"/static/index.html "$OUT"/static/main.css "$OUT"/static/images/*.svg)") brotli"

serve_site "$OUT/site" 8181; app=$!
serve_site "$OUT/static" 8182; static=$!
serve_site "$OUT/site-named" 8183; named=$!
trap 'kill $app $static $named 2>/dev/null; rm -f "$named_index"' EXIT
wait_for_ports 8181 8182 8183
CATEGORIES=performance,accessibility,best-practices,seo
# The addresses: the home page, the home article at its own address, its second section, and
# the not-found page (at its own address: Lighthouse will not audit a page answered with a
# 404 status, which hosts give it at every unknown address).
article="articles/$(node -p 'require("./public/content/articles.json").home')/"
section=$(node -p 'const h=require("fs").readFileSync(process.argv[1],"utf8");
  [...h.matchAll(/<section class="article-section[^"]*"><h2 id="([^"]+)"/g)][1][1]' "$OUT/site/index.html")
declare -A ADDRESSES=( [home]="/" [article]="/$article" [section]="/#$section" [not-found]="/404.html" )
NAMES=(home article section not-found)
for run in $(seq "$RUNS"); do
  for name in "${NAMES[@]}"; do
    lighthouse "http://127.0.0.1:8181${ADDRESSES[$name]}" "$OUT/$name-$run.json" "$CATEGORIES"
  done
  lighthouse http://127.0.0.1:8182/ "$OUT/static-$run.json" "$CATEGORIES"
done

echo
echo "== Lighthouse mobile, median of $RUNS runs, each address against the static page"
node - "$OUT" "$RUNS" "${NAMES[@]}" <<'JS'
const fs = require("fs");
const [out, runs, ...names] = process.argv.slice(2);
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const read = (name) => [...Array(Number(runs)).keys()].map((i) =>
  JSON.parse(fs.readFileSync(`${out}/${name}-${i + 1}.json`)));
const summary = (reports) => ({
  performance: median(reports.map((r) => r.categories.performance.score)),
  accessibility: median(reports.map((r) => r.categories.accessibility.score)),
  "best-practices": median(reports.map((r) => r.categories["best-practices"].score)),
  seo: median(reports.map((r) => r.categories.seo.score)),
  "FCP (s)": median(reports.map((r) => r.audits["first-contentful-paint"].numericValue / 1000)),
  "Speed Index (s)": median(reports.map((r) => r.audits["speed-index"].numericValue / 1000)),
  "LCP (s)": median(reports.map((r) => r.audits["largest-contentful-paint"].numericValue / 1000)),
  CLS: median(reports.map((r) => r.audits["cumulative-layout-shift"].numericValue)),
  "TBT (ms)": median(reports.map((r) => r.audits["total-blocking-time"].numericValue)),
});
const base = summary(read("static"));
const targets = { performance: ">= 0.95", accessibility: "1", "best-practices": "1",
  seo: "1", "FCP (s)": "<= 1.3x", "Speed Index (s)": "<= 1.3x", "LCP (s)": "<= 1.25x",
  CLS: "<= 0.02", "TBT (ms)": "<= 100" };
for (const name of names) {
  const app = summary(read(name));
  console.log();
  console.log(name.padEnd(16), "app".padStart(8), "static".padStart(8), "ratio".padStart(7), "target".padStart(10));
  for (const key of Object.keys(app)) {
    const f = (v) => (Number.isInteger(v) ? String(v) : v.toFixed(key === "CLS" ? 3 : 2));
    const ratio = key.endsWith("(s)") ? `${(app[key] / base[key]).toFixed(2)}x` : "";
    console.log(key.padEnd(16), f(app[key]).padStart(8), f(base[key]).padStart(8), ratio.padStart(7),
      (targets[key] ?? "").padStart(10));
  }
  const tbt = read(name).map((r) => Math.round(r.audits["total-blocking-time"].numericValue));
  console.log("TBT of each run".padEnd(16), tbt.join(", "));
}
JS

echo
node "$BENCH/profile.mjs" http://127.0.0.1:8183/ 7
echo
node "$BENCH/profile.mjs" "http://127.0.0.1:8183/$article" 7

echo
node "$BENCH/answer.mjs" "$RUNS" http://127.0.0.1:8181/ "http://127.0.0.1:8181/$article" \
  "http://127.0.0.1:8181/#$section" http://127.0.0.1:8181/no-such-page static:http://127.0.0.1:8182/

echo
node "$BENCH/repeat.mjs" http://127.0.0.1:8181/ http://127.0.0.1:8182/ "$RUNS"
