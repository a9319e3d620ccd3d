#!/bin/bash
# A second writer during an ingest gets "store is locked by pid N" and exit code 4; a reader at
# the same moment is not blocked; the first ingest completes.
source "$(dirname "$0")/store_test_lib.sh"

make_big_input 300000
store="$WORK/s"
"$BIN" --store "$store" -q ingest --jobs 1 "$WORK/big.csv" >/dev/null 2>&1 &
pid=$!
for _ in $(seq 50); do
  [ -s "$store/LOCK" ] && break
  sleep 0.05
done
err=$("$BIN" --store "$store" -q ingest "$WORK/big.csv" 2>&1 >/dev/null)
rc=$?
[ "$rc" = 4 ] || fail "second writer exited $rc, expected 4 ($err)"
echo "$err" | grep -q "store is locked by pid $pid" || fail "unexpected message: $err"
timeout 10 "$BIN" --store "$store" -q info >/dev/null || fail "a reader was blocked or failed"
wait "$pid" || fail "the first ingest failed"
[ "$(info_value events "$store")" -gt 0 ] || fail "nothing stored"
echo "PASS"
