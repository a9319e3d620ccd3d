#!/bin/bash
# A full disk during an ingest: a clear error, and the store keeps its previous commit. Needs a
# tiny file system: a tmpfs mounted in the test (root only); skipped with a message otherwise.
source "$(dirname "$0")/store_test_lib.sh"

small="$DATA/gdelt2/spark-gdelt/events.csv"
[ -f "$small" ] || skip "shared data not found: $small"
mnt="$WORK/mnt"
mkdir -p "$mnt"
if [ "$(id -u)" != 0 ] || ! mount -t tmpfs -o size=1m tmpfs "$mnt" 2>/dev/null; then
  skip "cannot mount a small tmpfs here (needs root)"
fi
trap 'umount "$mnt" 2>/dev/null; rm -rf "$WORK"' EXIT
make_big_input 60000
store="$mnt/s"
"$BIN" --store "$store" -q ingest "$small" >/dev/null || fail "first ingest"
base=$(info_value events "$store")
err=$("$BIN" --store "$store" -q ingest "$WORK/big.csv" 2>&1 >/dev/null)
rc=$?
[ "$rc" = 4 ] || fail "an ingest bigger than the disk exited $rc, expected 4 (store not writable)"
echo "$err" | grep -qi "no space left" || fail "unclear error: $err"
echo "full disk: $err"
[ "$(info_value events "$store")" = "$base" ] || fail "the previous data changed"
"$BIN" --store "$store" -q info --check >/dev/null || fail "store damaged after a full disk"
# The space of the failed ingest was given back.
left=$(ls "$store"/seg-*.ens | wc -l)
[ "$left" = "$(grep -c '^segment ' "$store/MANIFEST")" ] || fail "leftover segment files"
echo "PASS"
