#!/usr/bin/env bash
# One entry point for developers and CI. It installs whatever is missing (and skips what is
# already there), then:
#   tools/dev.sh serve   builds the app and serves it with live reload (trunk serve)
#   tools/dev.sh test    runs every check: formatting, clippy (wasm and host), native tests and
#                        the browser tests in headless Chromium, Firefox and WebKit
#   tools/dev.sh test --quick
#                        formatting, clippy and the native tests: no browser, no Trunk build
#   tools/dev.sh build   builds the release site into dist/
#   tools/dev.sh edit    serve, with the editors' page (http://127.0.0.1:8080/admin/) saving
#                        into this folder through the CMS's local server
#   tools/dev.sh setup   only installs
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.1"
WASM_TARGET="wasm32-unknown-unknown"
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk must never try to download a tool: a missing one is an immediate, clear error.
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  say "Installing Debian packages: $*"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

# The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_build_tools() {
  command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup first (https://rustup.rs)." >&2; exit 1; }

  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    say "Adding the $WASM_TARGET target"
    rustup target add "$WASM_TARGET"
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "Installing Trunk $TRUNK_VERSION (several minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  local bindgen
  bindgen="$(locked_wasm_bindgen_version)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen" ]; then
    say "Installing wasm-bindgen-cli $bindgen (a few minutes, once)"
    # Not --locked: its lock file pins a webpki-roots the registry does not serve.
    cargo install wasm-bindgen-cli --version "$bindgen" --force
  fi
  if ! grep -q "wasm_bindgen = \"$bindgen\"" Trunk.toml; then
    echo "Trunk.toml [tools] wasm_bindgen must be $bindgen, the version in Cargo.lock." >&2
    exit 1
  fi

  rustup component list --installed | grep -q '^clippy' || rustup component add clippy
  rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

  command -v npm >/dev/null || apt_install nodejs npm
  # wasm-opt from npm binaryen (never Debian's binaryen: its wasm-opt 108 yields a blank page)
  # and axe-core, as tools/package-lock.json pins them; reinstalled when the lock changes.
  # (Trunk downloads its own wasm-opt where it can reach GitHub; this machine cannot.)
  if ! cmp -s tools/package-lock.json tools/node_modules/.installed-lock.json; then
    say "Installing npm tools (wasm-opt, Decap CMS and its local server, axe-core, schema-dts, typescript, vnu-jar)"
    npm ci --prefix tools --no-audit --no-fund
    cp tools/package-lock.json tools/node_modules/.installed-lock.json
  fi
}

setup_test_tools() {
  # Headless Chromium and its WebDriver for the browser tests.
  # Or the ones CHROME_PATH and CHROMEDRIVER_PATH name, where Chromium lives elsewhere.
  [ -x "${CHROME_PATH:-}" ] || command -v chromium >/dev/null || apt_install chromium
  [ -x "${CHROMEDRIVER_PATH:-}" ] || command -v chromedriver >/dev/null || apt_install chromium-driver
  # Firefox ESR and geckodriver for the journeys the suite also runs in Firefox.
  [ -x "${FIREFOX_PATH:-}" ] || command -v firefox-esr >/dev/null || apt_install firefox-esr
  # WebKitGTK's driver and MiniBrowser, and the virtual display it needs (no headless mode).
  [ -x "${WEBKIT_DRIVER_PATH:-}" ] || command -v WebKitWebDriver >/dev/null || apt_install webkit2gtk-driver
  command -v Xvfb >/dev/null || apt_install xvfb
  # Java for the Nu HTML Checker (npm vnu-jar), which checks every built page.
  command -v java >/dev/null || apt_install default-jre-headless
  if [ ! -x "${GECKODRIVER_PATH:-}" ] \
    && ! geckodriver --version 2>/dev/null | head -1 | grep -q "^geckodriver $GECKODRIVER_VERSION\b"; then
    say "Installing geckodriver $GECKODRIVER_VERSION (a few minutes, once)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
}

# The test targets that build the release site with Trunk: the browser tests and the fresh
# clone's build. Every other target is quick.
SITE_TESTS=(browser fresh_clone)

run_checks() {
  say "Formatting"
  cargo fmt --all --check
  say "Clippy (host)"
  cargo clippy --locked --workspace --all-targets -- -D warnings
  say "Clippy (wasm: the crates the browser runs)"
  cargo clippy --locked -p clinic-content -p clinic-app --all-targets --target "$WASM_TARGET" -- -D warnings
}

run_tests() {
  run_checks
  say "Tests: native, content files and the browser (the harness builds the release site)"
  cargo test --locked --workspace
}

run_quick_tests() {
  run_checks
  local targets=() file name
  for file in tests/*.rs; do
    name="$(basename "$file" .rs)"
    [[ " ${SITE_TESTS[*]} " == *" $name "* ]] || targets+=(--test "$name")
  done
  say "Tests: native only (${SITE_TESTS[*]} left out)"
  cargo test --locked --workspace --lib --bins "${targets[@]}"
}

case "${1:-}" in
  setup) setup_build_tools; setup_test_tools ;;
  serve) setup_build_tools; shift; exec trunk serve "$@" ;;
  edit)
    setup_build_tools; shift
    # The CMS's local server writes the files an editor saves into this folder (plain
    # files: commit them with git). Only this computer reaches it.
    PORT=8081 BIND_HOST=127.0.0.1 MODE=fs GIT_REPO_DIRECTORY="$ROOT" LOG_LEVEL=warn \
      node tools/node_modules/decap-server/dist/index.js &
    trap 'kill $! 2>/dev/null' EXIT
    say "Editors' page: http://127.0.0.1:8080/admin/ (Login saves into $ROOT)"
    trunk serve "$@" ;;
  build)
    setup_build_tools; shift
    # Every file made from others (schemas, scripts' generated blocks, CSP hashes) current.
    cargo run --quiet --locked --bin content -- generate
    trunk build --release "$@"
    # Netlify takes a later rule's header over an earlier one's, and rejects the `! Name`
    # lines Cloudflare Pages needs for that (public/_headers); and it serves a file where
    # one is before a redirect, unless the rule says `301!` (the old addresses' pages).
    if [ "${NETLIFY:-}" = "true" ]; then
      sed -i '/^[[:space:]]*![[:space:]]/d' dist/_headers
      sed -i 's/ 301$/ 301!/' dist/_redirects
    fi ;;
  test)
    setup_build_tools
    if [ "${2:-}" = "--quick" ]; then
      run_quick_tests
    else
      setup_test_tools
      run_tests
    fi ;;
  *)
    echo "usage: tools/dev.sh serve|edit|test [--quick]|build|setup" >&2
    exit 2
    ;;
esac
