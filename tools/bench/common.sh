# What the benchmarks (run.sh, library.sh) share: the set-up, the static page they compare
# against, sizes, and Lighthouse. Sourced with ROOT and BENCH set.

# Installs what is missing (tools/dev.sh setup, the benchmark's Node modules) and puts the
# tools on PATH.
bench_setup() {
  bash "$ROOT/tools/dev.sh" setup >/dev/null
  export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true
  [ -x "$BENCH/node_modules/.bin/lighthouse" ] && [ -x "$BENCH/node_modules/.bin/pagefind" ] ||
    npm ci --prefix "$BENCH" --no-audit --no-fund
  # The server the sites are measured on (src/bin/serve.rs: the hosts' answers and headers,
  # which the browser tests serve with too, compressed as a CDN would).
  cargo build --quiet --release --locked --bin serve
}

# Serves the built site in folder $1 on loopback port $2, in the background.
serve_site() {
  "$ROOT/target/release/serve" "$1" "$2" &
}

# The shipped article as a plain static page, with the site's stylesheet, in folder $1.
static_page() {
  mkdir -p "$1/images"
  cp "$BENCH/static-article.html" "$1/index.html"
  cp "$ROOT/style/main.css" "$1/main.css"
  cp "$ROOT/public/images/upper-back-relief.svg" "$1/images/"
}

br_size() { node -e 'const z=require("zlib"),fs=require("fs");let n=0;for(const f of process.argv.slice(1))n+=z.brotliCompressSync(fs.readFileSync(f),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length;console.log(n)' "$@"; }
kib() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }

# Waits until each of the given loopback ports answers (the servers compress every file
# before they listen).
wait_for_ports() {
  for port in "$@"; do
    until curl -so /dev/null "http://127.0.0.1:$port/"; do sleep 0.2; done
  done
}

# Lighthouse in its mobile mode on URL $1, its JSON report to $2, for categories $3.
lighthouse() {
  CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}" "$BENCH/node_modules/.bin/lighthouse" "$1" --quiet \
    --output=json --output-path="$2" --only-categories="$3" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
    >/dev/null 2>&1
}
