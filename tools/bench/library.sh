#!/usr/bin/env bash
# The library at scale (not a test): the release site with its shipped content, and a copy with
# 200 made-up articles added (`content sample-articles 200`), built side by side. Prints the time the
# post-build step (pre-render, library, search index) takes for each, the search index's size,
# what a reader who opens one article downloads on each site, Lighthouse's LCP of the list of
# articles against the static page (tools/bench/static-article.html), and search on a phone
# (search.mjs).
# Usage: tools/bench/library.sh [runs, default 3] [articles, default 200]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH="$ROOT/tools/bench"
OUT="$ROOT/target/bench-library"
RUNS="${1:-3}"
COUNT="${2:-200}"
cd "$ROOT"
source "$BENCH/common.sh"
bench_setup

rm -rf "$OUT" && mkdir -p "$OUT"
trunk build --release --dist "$OUT/one" >/dev/null
cargo build --quiet --release --bin content --bin finish-build
cp -r "$OUT/one" "$OUT/many"
target/release/content sample-articles "$COUNT" --content "$OUT/many/content" >/dev/null
static_page "$OUT/static"

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }

echo "== Post-build step (pre-render, library, search index, service worker), best of 3"
for site in one many; do
  best=""
  for _ in 1 2 3; do
    t=$(seconds target/release/finish-build "$OUT/$site" /)
    best=$(awk -v t="$t" -v b="${best:-$t}" 'BEGIN { print (t < b ? t : b) }')
  done
  pages=$(find "$OUT/$site" -name '*.html' | wc -l)
  printf '%-5s %4d pages  %.3f s\n' "$site" "$pages" "$best"
  eval "post_build_$site=$best"
done
echo "ratio: $(ratio "$post_build_many" "$post_build_one") for $COUNT more articles"

echo
echo "== Sizes with $COUNT more articles (brotli)"
directory="$OUT/many/content/search.bin"
chunks=$(cat "$OUT"/many/content/search/* | wc -c)
echo "search index:  directory $(kib "$(wc -c <"$directory")"), chunks $(kib "$chunks") in $(ls "$OUT/many/content/search" | wc -l) files (as served: deflated by the build)"
echo "library.json:  $(kib "$(br_size "$OUT/many/content/library.json")")"
echo "list page:     $(kib "$(br_size "$OUT/many/articles/index.html")")"
home=$(node -p 'require("./public/content/articles.json").home')
reader() { # What opening the shipped article downloads: its page, the app, its picture.
  local site="$1"
  br_size "$site/articles/$home/index.html" "$site"/assets/*.js "$site"/assets/*.wasm \
    "$site/boot.js" "$site/images/upper-back-relief.svg" "$site/favicon.svg"
}
one=$(reader "$OUT/one"); many=$(reader "$OUT/many")
echo "one article's reader: $(kib "$many") with $COUNT more articles, $(kib "$one") without ($(ratio "$many" "$one"))"
echo "saved on install:     $(grep -o 'const PRECACHE = .*' "$OUT/many/service-worker.js" | tr ',' '\n' | wc -l) files with $COUNT more articles, $(grep -o 'const PRECACHE = .*' "$OUT/one/service-worker.js" | tr ',' '\n' | wc -l) without"

serve_site "$OUT/many" 8191; many_server=$!
serve_site "$OUT/static" 8192; static_server=$!
trap 'kill $many_server $static_server 2>/dev/null' EXIT
wait_for_ports 8191 8192
for run in $(seq "$RUNS"); do
  lighthouse http://127.0.0.1:8191/articles/ "$OUT/list-$run.json" performance,accessibility
  lighthouse http://127.0.0.1:8192/ "$OUT/static-$run.json" performance,accessibility
done
echo
echo "== Lighthouse mobile, the list of $((COUNT + 1)) articles against the static page, median of $RUNS runs"
node - "$OUT" "$RUNS" <<'JS'
const fs = require("fs");
const [out, runs] = process.argv.slice(2);
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const read = (name) => [...Array(Number(runs)).keys()].map((i) =>
  JSON.parse(fs.readFileSync(`${out}/${name}-${i + 1}.json`)));
const value = (reports, audit) => median(reports.map((r) => r.audits[audit].numericValue));
const [list, plain] = [read("list"), read("static")];
for (const [label, audit, scale] of [["LCP (s)", "largest-contentful-paint", 1000],
  ["FCP (s)", "first-contentful-paint", 1000], ["TBT (ms)", "total-blocking-time", 1]]) {
  const [a, b] = [value(list, audit) / scale, value(plain, audit) / scale];
  console.log(label.padEnd(10), a.toFixed(2).padStart(8), b.toFixed(2).padStart(8),
    scale > 1 ? `${(a / b).toFixed(2)}x`.padStart(7) : "");
}
console.log("accessibility", median(list.map((r) => r.categories.accessibility.score)));
JS

echo
node "$BENCH/search.mjs" http://127.0.0.1:8191/articles/ "$RUNS"
