#!/usr/bin/env bash
# e2e: the dashboard in headless Chromium (tests/browser/dashboard.mjs, Playwright driving Debian's
# chromium): it opens on the dyad the store holds most of, a picked dyad and range stay in the URL,
# a reload and back/forward bring views back, an error clears the old content, phase labels keep
# whole words, no console errors. Runs on the embedded chronicle (an empty store). Skips (exit 0
# with a message) without chromium, node or tests/browser/node_modules (scripts/install-deps.sh).
set -euo pipefail

BIN=${ENTENTE_BINARY:?ENTENTE_BINARY must point at the built entente}
SRC=${ENTENTE_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
fail() { echo "FAIL: $*" >&2; exit 1; }

[ -n "$CHROMIUM" ] || { echo "SKIP: chromium not installed; the dashboard was not driven"; exit 0; }
command -v node >/dev/null || { echo "SKIP: node not installed; the dashboard was not driven"; exit 0; }
[ -d "$SRC/tests/browser/node_modules/playwright-core" ] ||
  { echo "SKIP: tests/browser/node_modules missing (npm ci --prefix tests/browser)"; exit 0; }

work=$(mktemp -d)
server=""
cleanup() { [ -z "$server" ] || kill "$server" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export HOME="$work/home" XDG_DATA_HOME="$work/xdg"
unset ENTENTE_STORE
mkdir -p "$HOME"

"$BIN" --store "$work/store" serve --port 0 >"$work/url.txt" 2>"$work/serve.log" &
server=$!
for _ in $(seq 100); do
  [ -s "$work/url.txt" ] && break
  kill -0 "$server" 2>/dev/null || fail "serve exited: $(cat "$work/serve.log")"
  sleep 0.1
done
url=$(head -1 "$work/url.txt")
[[ "$url" == http://127.0.0.1:*/ ]] || fail "serve printed '$url'"

timeout 300 node "$SRC/tests/browser/dashboard.mjs" "$url" "$CHROMIUM" "$work/dashboard.png" ||
  fail "the dashboard checks failed (see above)"
[ "$(head -c 4 "$work/dashboard.png" | od -An -c | tr -d ' ')" = '211PNG' ] ||
  fail "the screenshot is not a PNG"
echo "dashboard browser test passed"
