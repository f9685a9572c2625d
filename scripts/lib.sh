# Shared helpers for ./dev and .ci/run. Sourced, not executed.
# Every install step is idempotent: it checks what is already there and skips it.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
TRUNK_VERSION="0.21.14"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root for: $* (run as root or install sudo)"; fi
}

# The wasm-bindgen version that Cargo.lock pins; the CLI must match it exactly.
locked_wasm_bindgen() {
  (cd "$ROOT" && cargo pkgid -p wasm-bindgen 2>/dev/null | sed 's/.*[@#]//')
}

ensure_rust_target() {
  command -v rustup >/dev/null || die "rustup not found: install Rust 1.95 with rustup first"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then return; fi
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores; once per machine)"
  cargo install --locked "trunk@$TRUNK_VERSION"
}

ensure_wasm_bindgen() {
  local v; v="$(locked_wasm_bindgen)"
  [ -n "$v" ] || die "cannot read the wasm-bindgen version from Cargo.lock"
  if wasm-bindgen --version 2>/dev/null | grep -q " $v\$" \
    && wasm-bindgen-test-runner --version 2>/dev/null | grep -q " $v\$"; then return; fi
  say "installing wasm-bindgen-cli $v (matches Cargo.lock; about 4 minutes)"
  # Plain install on purpose: `--locked` fails for 0.2.130 (a locked dependency left the registry).
  cargo install wasm-bindgen-cli --version "$v" --force
}

ensure_chromium() {
  if [ -x "$CHROME_PATH" ] && [ -x "$CHROMEDRIVER" ]; then return; fi
  say "installing Debian's chromium and chromium-driver"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver
}

ensure_node_modules() {
  command -v npm >/dev/null || die "node and npm are needed for the browser tests"
  local stamp="$ROOT/node_modules/.berth-lock-sha"
  local want; want="$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  say "installing node packages from package-lock.json (playwright-core, axe-core, lighthouse, binaryen)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}

ensure_wasm_opt() {
  wasm-opt --version 2>/dev/null | grep -q "version 132" \
    || die "wasm-opt 132 not found in node_modules/.bin (npm package binaryen@132)"
}

setup_all() {
  ensure_rust_target
  ensure_node_modules
  ensure_wasm_opt
  ensure_chromium
  ensure_wasm_bindgen
  ensure_trunk
}

# Release bundle into dist/ (offline: Trunk may not download anything).
build_release() {
  say "building the release bundle into dist/"
  (cd "$ROOT" && trunk build --release --offline)
}
