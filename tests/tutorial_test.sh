#!/usr/bin/env bash
# e2e: docs/TUTORIAL.md runs as written. tests/tutorial_check.py runs each of its ```sh blocks in
# one scratch directory (with `build` pointing at this build and ../shared/data beside it) and
# checks each printed output against the page, so the tutorial cannot go stale.
set -euo pipefail

BIN=${ENTENTE_BINARY:?ENTENTE_BINARY must point at the built entente}
SRC=${ENTENTE_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
SHARED=${ENTENTE_SHARED_DATA:-$SRC/../shared/data}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo" "$work/shared" "$work/home"
ln -s "$(dirname "$BIN")" "$work/repo/build"
[ -d "$SHARED" ] && ln -s "$SHARED" "$work/shared/data"
export HOME="$work/home" XDG_DATA_HOME="$work/xdg"
unset ENTENTE_STORE
python3 "$SRC/tests/tutorial_check.py" "$SRC/docs/TUTORIAL.md" "$work/repo" "$@"
