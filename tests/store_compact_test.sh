#!/bin/bash
# Compaction end to end: small and then medium ingests are merged as they pile up (store_config.h);
# `entente compact` merges all segments into one with the same events and answers; kill -9 during
# a compaction leaves the last commit (same count, checksums fine); re-ingest after compaction
# still adds nothing.
source "$(dirname "$0")/store_test_lib.sh"

make_big_input 300000

# same_series STORE ONE_SHOT_STORE WHAT: fails unless both stores answer the USA-CHN monthly series
# alike.
same_series() {
  local a b
  a=$("$BIN" --store "$1" -q --format tsv dyad USA CHN --by month | md5sum)
  b=$("$BIN" --store "$2" -q --format tsv dyad USA CHN --by month | md5sum)
  [ "$a" = "$b" ] || fail "$3 answer a dyad series differently from one ingest"
}

# Many small ingests (GDELT's 15-minute files are a few thousand rows): the store does not keep
# one segment per ingest.
head -n 24000 "$WORK/big.csv" > "$WORK/small.csv"
split -l 2000 -d "$WORK/small.csv" "$WORK/part"
store="$WORK/inc"
max=0
for f in "$WORK"/part*; do
  "$BIN" --store "$store" -q ingest "$f" >/dev/null || fail "ingest $f"
  n=$(info_value segments "$store")
  [ "$n" -gt "$max" ] && max=$n
done
[ "$max" -le 9 ] || fail "12 small ingests left up to $max segments (small ones should be merged)"
[ "$(info_value events "$store")" = 24000 ] || fail "small ingests: $(info_value events "$store") events, expected 24000"
"$BIN" --store "$WORK/one" -q ingest "$WORK/small.csv" >/dev/null || fail "one-shot ingest"
same_series "$store" "$WORK/one" "the merged small segments"
echo "12 small ingests: at most $max segments, same answers as one ingest"

# Medium segments (one ingest run of 66k rows each): ten ingests, and the tenth merges the nine
# older ones (more than eight) but not its own segment, and says so; killed, it loses nothing.
"$BIN" -q generate --rows 660000 --seed 12 -o "$WORK/medium.csv" || fail "generate"
split -l 66000 -d "$WORK/medium.csv" "$WORK/mid"
store="$WORK/mid-store"
for f in "$WORK"/mid0[0-8]; do
  "$BIN" --store "$store" -q ingest --jobs 1 "$f" >/dev/null || fail "ingest $f"
done
"$BIN" --store "$WORK/mid-one" -q ingest "$WORK/medium.csv" >/dev/null || fail "one-shot medium ingest"
# kill -9 of the tenth ingest, in its own ingest or in the merge after it: either nothing of it or
# all of it is stored, the checksums hold, and ingesting it again completes the store.
for delay in 0.3 1 2; do
  rm -rf "$WORK/mid-kill"
  cp -a "$store" "$WORK/mid-kill"
  kill_after "$delay" "$BIN" --store "$WORK/mid-kill" -q ingest --jobs 1 "$WORK/mid09"
  n=$(info_value events "$WORK/mid-kill") || fail "info after kill at ${delay}s"
  [ "$n" = 594000 ] || [ "$n" = 660000 ] || fail "kill -9 of the tenth ingest at ${delay}s left $n events"
  "$BIN" --store "$WORK/mid-kill" -q info --check >/dev/null || fail "checksums after kill at ${delay}s"
  "$BIN" --store "$WORK/mid-kill" -q ingest --jobs 1 "$WORK/mid09" >/dev/null || fail "re-ingest after kill"
  [ "$(info_value events "$WORK/mid-kill")" = 660000 ] || fail "re-ingest after kill at ${delay}s"
  same_series "$WORK/mid-kill" "$WORK/mid-one" "a store whose merge was killed at ${delay}s"
  echo "kill -9 of the tenth medium ingest after ${delay}s: $n events, then 660000 on re-ingest"
done
out=$("$BIN" --store "$store" ingest --jobs 1 "$WORK/mid09" 2>&1) || fail "tenth ingest: $out"
echo "$out" | grep -q "merged 9 smaller segments" || fail "the tenth medium ingest: $out"
[ "$(info_value segments "$store")" = 2 ] || fail "ten medium ingests left $(info_value segments "$store") segments, expected 2"
[ "$(info_value events "$store")" = 660000 ] || fail "medium ingests: $(info_value events "$store") events"
same_series "$store" "$WORK/mid-one" "the merged medium segments"
echo "10 medium ingests: 2 segments (nine merged, the last ingest's own kept), same answers"

# A store of several big segments, then compaction killed at several moments.
store="$WORK/s"
"$BIN" --store "$store" -q ingest --jobs 2 "$WORK/big.csv" >/dev/null || fail "big ingest"
"$BIN" --store "$store" -q ingest "$WORK/small.csv" >/dev/null || fail "small ingest"
events=$(info_value events "$store")
segs=$(info_value segments "$store")
[ "$segs" -ge 2 ] || fail "expected several segments before compaction, got $segs"
series=$("$BIN" --store "$store" -q --format tsv dyad USA CHN --by month | md5sum)
listing=$("$BIN" --store "$store" -q --format tsv events --actor RUS | sort | md5sum)

for delay in 0.05 0.2 0.5; do
  kill_after "$delay" "$BIN" --store "$store" -q compact
  n=$(info_value events "$store") || fail "info after kill at ${delay}s"
  [ "$n" = "$events" ] || fail "after kill -9 of compact at ${delay}s: $n events, expected $events"
  "$BIN" --store "$store" -q info --check >/dev/null || fail "checksums after kill at ${delay}s"
  echo "kill -9 of compact after ${delay}s: $n events, $(info_value segments "$store") segments, consistent"
done

out=$("$BIN" --store "$store" -q compact) || fail "compact"
echo "$out"
[ "$(info_value segments "$store")" = 1 ] || fail "compact left $(info_value segments "$store") segments"
[ "$(info_value events "$store")" = "$events" ] || fail "compact changed the event count"
"$BIN" --store "$store" -q info --check >/dev/null || fail "checksums after compact"
[ "$("$BIN" --store "$store" -q --format tsv dyad USA CHN --by month | md5sum)" = "$series" ] ||
  fail "compaction changed a dyad series"
[ "$("$BIN" --store "$store" -q --format tsv events --actor RUS | sort | md5sum)" = "$listing" ] ||
  fail "compaction changed the events listed"
files=$(ls "$store"/seg-*.ens | wc -l)
[ "$files" = 1 ] || fail "$files segment files remain after compaction"
out=$("$BIN" --store "$store" -q ingest "$WORK/big.csv") || fail "re-ingest"
echo "$out" | grep -q " 0 stored" || fail "re-ingest after compaction stored something: $out"
out=$("$BIN" --store "$store" -q compact) || fail "second compact"
echo "$out" | grep -q "nothing to compact" || fail "second compact: $out"
echo "PASS"
