#!/usr/bin/env bash
# Installs what entente needs to build, test and benchmark: Debian's packages, and the one npm
# package the dashboard's browser test drives Chromium with.
# Idempotent: does nothing (and needs no network) when everything is already there.
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git
  libfmt-dev libcli11-dev nlohmann-json3-dev
  zlib1g-dev libzstd-dev libarchive-dev libsqlite3-dev sqlite3
  libcurl4-openssl-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  python3 zip unzip
  pybind11-dev python3-dev python3-pandas python3-numpy python3-pytest
  clickhouse-server clickhouse-client
)
# The report test renders the HTML in headless Chromium; benchmarks drive DuckDB from Node.
optional=(chromium nodejs npm)
[ "${ENTENTE_NO_BROWSER:-}" = 1 ] || packages+=("${optional[@]}")

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node from another source (nvm, a tarball) is as good as Debian's.
if command -v node >/dev/null && command -v npm >/dev/null; then
  filtered=()
  for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The dashboard's browser test drives Chromium with Playwright (npm, pinned by its lock file).
browser_tests="$(dirname "$0")/../tests/browser"
if [ "${ENTENTE_NO_BROWSER:-}" != 1 ] && command -v npm >/dev/null &&
   [ ! -d "$browser_tests/node_modules/playwright-core" ]; then
  echo "install-deps: npm ci in tests/browser" >&2
  npm ci --prefix "$browser_tests" --no-audit --no-fund >/dev/null ||
    echo "install-deps: npm ci failed; the dashboard browser test will skip" >&2
fi
