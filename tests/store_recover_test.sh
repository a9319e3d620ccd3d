#!/bin/bash
# A store whose MANIFEST is lost is refused (exit 4, saying how to recover), never taken for an
# empty store whose segments the next writer deletes; `entente recover` rebuilds the MANIFEST from
# the intact segments, sets aside (never deletes) damaged ones and the output of a merge that did
# not commit, and the store then answers as before.
source "$(dirname "$0")/store_test_lib.sh"

make_big_input 120000
head -n 60000 "$WORK/big.csv" > "$WORK/a.csv"
tail -n +60001 "$WORK/big.csv" > "$WORK/b.csv"
store="$WORK/s"
"$BIN" --store "$store" -q ingest "$WORK/a.csv" >/dev/null || fail "ingest a"
"$BIN" --store "$store" -q ingest "$WORK/b.csv" >/dev/null || fail "ingest b"
want_events=$(info_value events "$store")
want_dyad=$("$BIN" --store "$store" --format tsv -q dyad USA RUS --by month)
bytes_before=$(du -sb "$store" | cut -f1)

# Lost MANIFEST: every command refuses, nothing is deleted.
rm "$store/MANIFEST"
for cmd in info "info --check" compact "dyad USA RUS" "ingest $WORK/a.csv"; do
  err=$("$BIN" --store "$store" -q $cmd 2>&1 >/dev/null)
  rc=$?
  [ "$rc" = 4 ] || fail "'$cmd' without a MANIFEST exited $rc, expected 4 ($err)"
  echo "$err" | grep -q "recover" || fail "'$cmd': the error does not say how to recover: $err"
done
[ "$(du -sb "$store" | cut -f1)" -ge $((bytes_before - 4096)) ] || fail "segments were deleted"

out=$("$BIN" --store "$store" recover) || fail "recover failed: $out"
echo "$out"
[ "$(info_value events "$store")" = "$want_events" ] || fail "recovered event count differs"
[ "$("$BIN" --store "$store" --format tsv -q dyad USA RUS --by month)" = "$want_dyad" ] ||
  fail "recovered dyad series differs"
"$BIN" --store "$store" -q info --check >/dev/null || fail "recovered store does not check"
out=$("$BIN" --store "$store" recover) || fail "recover of an intact store failed"
echo "$out" | grep -q "intact" || fail "recover of an intact store: $out"

# A merge that wrote its output but never committed, then a lost MANIFEST: the inputs are kept,
# the output (the same events again) is set aside, so nothing is counted twice.
cp "$store"/seg-*.ens "$WORK/"
"$BIN" --store "$store" -q compact >/dev/null || fail "compact"
cp "$WORK"/seg-*.ens "$store/"
rm "$store/MANIFEST"
out=$("$BIN" --store "$store" recover) || fail "recover after a merge failed: $out"
echo "$out"
echo "$out" | grep -q "set aside.*merge" || fail "the merge output was not set aside: $out"
[ "$(info_value events "$store")" = "$want_events" ] || fail "events counted twice after recover"
ls "$store/set-aside/"seg-*.ens >/dev/null 2>&1 || fail "the set-aside segment is gone"

# A damaged segment and a torn MANIFEST: the damaged segment is set aside, the rest recovered.
seg=$(ls "$store"/seg-*.ens | head -1)
python3 - "$seg" <<'PY'
import sys, os
p = sys.argv[1]; b = bytearray(open(p, 'rb').read()); b[len(b) // 3] ^= 0x5a
open(p, 'wb').write(b)
PY
head -c 30 "$store/MANIFEST" > "$WORK/m" && cp "$WORK/m" "$store/MANIFEST"
err=$("$BIN" --store "$store" -q info 2>&1 >/dev/null)
[ $? = 4 ] || fail "a torn MANIFEST did not exit 4"
echo "$err" | grep -q "recover" || fail "torn MANIFEST: no recovery hint: $err"
out=$("$BIN" --store "$store" recover) || fail "recover with a damaged segment failed: $out"
echo "$out"
echo "$out" | grep -q "set aside $seg.*checksum" || fail "the damaged segment was not set aside"
ls "$store"/MANIFEST.damaged-1 >/dev/null || fail "the torn MANIFEST was not kept"
"$BIN" --store "$store" -q info --check >/dev/null || fail "the recovered store does not check"
# Re-ingesting both inputs brings back exactly what the damaged segment held.
"$BIN" --store "$store" -q ingest "$WORK/a.csv" "$WORK/b.csv" >/dev/null || fail "re-ingest"
[ "$(info_value events "$store")" = "$want_events" ] || fail "re-ingest did not complete the store"
echo "PASS"
