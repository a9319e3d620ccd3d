#!/bin/bash
# kill -9 during an ingest, at several moments: the store must stay at its last commit (readable,
# checksums fine, the event count of before or after, never in between), and a re-run must
# complete with exact counts.
source "$(dirname "$0")/store_test_lib.sh"

make_big_input 400000
small="$DATA/gdelt2/spark-gdelt/events.csv"
[ -f "$small" ] || skip "shared data not found: $small"

# Reference: how many events the big file holds on its own.
"$BIN" --store "$WORK/ref" -q ingest "$WORK/big.csv" >/dev/null || fail "reference ingest"
big_events=$(info_value events "$WORK/ref")

store="$WORK/s"
"$BIN" --store "$store" -q ingest "$small" >/dev/null || fail "first ingest"
base=$(info_value events "$store")
[ "$base" -gt 0 ] || fail "first ingest stored nothing"

for delay in 0.05 0.3 0.8 1.5 2.5; do
  kill_after "$delay" "$BIN" --store "$store" -q ingest --jobs 2 "$WORK/big.csv"
  n=$(info_value events "$store") || fail "info after kill at ${delay}s"
  if [ "$n" != "$base" ] && [ "$n" != "$((base + big_events))" ]; then
    fail "after kill -9 at ${delay}s the store holds $n events (expected $base or $((base + big_events)))"
  fi
  "$BIN" --store "$store" -q info --check >/dev/null || fail "checksums after kill at ${delay}s"
  echo "kill -9 after ${delay}s: store holds $n events, consistent"
done

out=$("$BIN" --store "$store" -q ingest "$WORK/big.csv") || fail "re-run after crashes"
echo "$out"
n=$(info_value events "$store")
[ "$n" = "$((base + big_events))" ] || fail "after the re-run: $n events, expected $((base + big_events))"
# Leftovers of the killed ingests are gone: only segments the manifest names remain.
segs=$(ls "$store"/seg-*.ens | wc -l)
named=$(grep -c '^segment ' "$store/MANIFEST")
[ "$segs" = "$named" ] || fail "$segs segment files but the manifest names $named"
out=$("$BIN" --store "$store" -q ingest "$WORK/big.csv") || fail "idempotent re-run"
echo "$out" | grep -q " 0 stored" || fail "re-ingest stored something: $out"
echo "PASS"
