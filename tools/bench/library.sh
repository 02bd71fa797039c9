#!/usr/bin/env bash
# The library at scale (not a test): the release site with its shipped content, and copies of it
# with 200, 2,000 and 10,000 made-up articles added (`content sample-articles`), each finished
# by the post-build step. For each size it prints:
# - the post-build step's time and peak memory;
# - the weight of each kind of library page (the list, a later page of it, the largest category
#   page, the A to Z and its largest letter) beside the shipped article's own page, brotli;
# - the search index's directory and chunks;
# - a first and a next query (query.mjs): bytes and time beside Pagefind 1.6 run over the same
#   built site;
# - keystroke work while typing (search.mjs);
# - the list's LCP against the static page's (tools/bench/static-article.html): Lighthouse's,
#   and on a really throttled load (answer.mjs).
# Usage: tools/bench/library.sh [runs, default 3] [sizes, default "200 2000 10000"]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH="$ROOT/tools/bench"
OUT="$ROOT/target/bench-library"
RUNS="${1:-3}"
SIZES="${2:-200 2000 10000}"
FIRST_QUERY="stretching"
NEXT_QUERY="shoulder"
cd "$ROOT"
source "$BENCH/common.sh"
bench_setup

rm -rf "$OUT" && mkdir -p "$OUT"
trunk build --release --dist "$OUT/one" >/dev/null
cargo build --quiet --release --bin content --bin finish-build
static_page "$OUT/static"
home=$(node -p 'require("./public/content/articles.json").home')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
largest() { ls -S "$@" 2>/dev/null | head -1; }

serve_site "$OUT/static" 8192
servers=($!)
trap 'kill "${servers[@]}" 2>/dev/null' EXIT

for size in $SIZES; do
  site="$OUT/many-$size"
  cp -r "$OUT/one" "$site"
  target/release/content sample-articles "$size" --content "$site/content" >/dev/null
  /usr/bin/time -f "%e %M" -o "$OUT/step-$size" target/release/finish-build "$site" / >/dev/null 2>&1
  read -r seconds peak <"$OUT/step-$size"
  echo
  echo "======== $size articles more ($(find "$site" -name index.html | wc -l) pages)"
  echo "post-build step: ${seconds} s, $(awk -v k="$peak" 'BEGIN { printf "%.2f GiB", k / 1048576 }') peak memory"

  echo "-- pages, brotli, beside the shipped article's page"
  article=$(br_size "$site/articles/$home/index.html")
  printf '%-38s %10s\n' "the article's page" "$(kib "$article")"
  for page in articles/index.html articles/page/2/index.html \
    "$(largest "$site"/categories/*/index.html | sed "s|$site/||")" a-z/index.html \
    "$(largest "$site"/a-z/*/index.html | sed "s|$site/||")"; do
    weight=$(br_size "$site/$page")
    printf '%-38s %10s %7s\n' "$page" "$(kib "$weight")" "$(ratio "$weight" "$article")"
  done

  echo "-- search index"
  chunks=$(find "$site/content/search" -type f | wc -l)
  echo "directory $(kib "$(wc -c <"$site/content/search.bin")"), $chunks chunks of $(kib "$(cat "$site"/content/search/* | wc -c)") in all (deflated by the build)"
  start=$(date +%s.%N)
  "$BENCH/node_modules/.bin/pagefind" --site "$site" >/dev/null
  echo "Pagefind indexed the site in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"

  port=$((8200 + ${#servers[@]}))
  serve_site "$site" "$port"
  servers+=($!)
  wait_for_ports "$port"
  # What the queries fetch, compressed once before they are measured (serve.rs compresses a
  # large site's files on first request).
  find "$site/content/search" "$site/pagefind" "$site/articles/index.html" -type f |
    sed "s|^$site/|url = http://127.0.0.1:$port/|; a output = /dev/null" >"$OUT/warm-$size"
  curl -s -Z -H 'Accept-Encoding: br' -K "$OUT/warm-$size" >/dev/null 2>&1
  node "$BENCH/query.mjs" "http://127.0.0.1:$port/" "$FIRST_QUERY" "$NEXT_QUERY" "$RUNS"
  node "$BENCH/search.mjs" "http://127.0.0.1:$port/articles/" "$RUNS"

  for run in $(seq "$RUNS"); do
    lighthouse "http://127.0.0.1:$port/articles/" "$OUT/list-$size-$run.json" performance,accessibility
    lighthouse http://127.0.0.1:8192/ "$OUT/static-$size-$run.json" performance,accessibility
  done
  node - "$OUT" "$RUNS" "$size" <<'JS'
const fs = require("fs");
const [out, runs, size] = process.argv.slice(2);
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const read = (name) => [...Array(Number(runs)).keys()].map((i) =>
  JSON.parse(fs.readFileSync(`${out}/${name}-${size}-${i + 1}.json`)));
const lcp = (reports) => median(reports.map((r) => r.audits["largest-contentful-paint"].numericValue)) / 1000;
const [list, plain] = [lcp(read("list")), lcp(read("static"))];
console.log(`Lighthouse mobile, median of ${runs}: the list's LCP ${list.toFixed(2)} s, ` +
  `the static page's ${plain.toFixed(2)} s: ${(list / plain).toFixed(2)}x; accessibility ` +
  median(read("list").map((r) => r.categories.accessibility.score)));
JS
  # Lighthouse simulates the throttled load from an unthrottled one, and its simulation counts
  # every request that starts before the LCP as holding it up: the app's wasm, preloaded at low
  # priority, included. The same LCP on a load the browser really throttles:
  node "$BENCH/answer.mjs" "$RUNS" "http://127.0.0.1:$port/articles/" "static:http://127.0.0.1:8192/"
done
