#!/usr/bin/env bash
# A store fed many small files, as by GDELT's 15-minute updates (docs/BENCHMARKS.md "Many small
# ingests"): the after-ingest merge of this build against a baseline build (another commit's
# `entente`), side by side in one run, on the same files. For each: the wall time of all the
# ingests and of the slowest one, the segments left, and the dyad series (store_bench of this
# build, so only the store's layout differs). Reference: the same rows in one ingest, then
# `entente compact`. Inputs and stores live under /work/bench-data/small-ingests (never in the
# repo).
#
# Usage: bench/run_small_ingests.sh BUILD_DIR BASE_BUILD_DIR [ROWS] [ROWS_PER_FILE]
#        (defaults 2000000 and 2000: a 15-minute GDELT 2.0 export holds about that many)
set -euo pipefail
build=$1
base=$2
rows=${3:-2000000}
per=${4:-2000}
runs=${RUNS:-5}
A=${DYAD_A:-USA} B=${DYAD_B:-RUS}
out=/work/bench-data/small-ingests
mkdir -p "$out"
all=$out/all-$rows.csv
[ -s "$all" ] || "$build/entente" -q generate --rows "$rows" --seed 7 -o "$all"
parts=$out/parts-$rows-$per
if [ ! -d "$parts" ]; then
  mkdir -p "$parts"
  split -l "$per" -a 5 -d "$all" "$parts/p"
fi
nfiles=$(ls "$parts" | wc -l)
echo "## $rows rows in $nfiles files of $per rows; dyad $A-$B"

now() { date +%s.%N; }

# feed NAME BIN: ingests every part into a fresh store, one process per file.
feed() {
  local name=$1 bin=$2 store=$out/store-$1 t0 t1 s0 s1 slowest=0 d
  rm -rf "$store"
  t0=$(now)
  for f in "$parts"/p*; do
    s0=$(now)
    "$bin" --store "$store" -q ingest --jobs 1 "$f" >/dev/null
    s1=$(now)
    d=$(awk -v a="$s0" -v b="$s1" 'BEGIN {print b - a}')
    slowest=$(awk -v a="$slowest" -v b="$d" 'BEGIN {print (b > a ? b : a)}')
  done
  t1=$(now)
  local segs events
  segs=$("$bin" --store "$store" -q --format tsv info | awk -F'\t' '$1 == "segments" {print $2}')
  events=$("$bin" --store "$store" -q --format tsv info | awk -F'\t' '$1 == "events" {print $2}')
  printf '%s\tingest_all_s\t%.1f\n' "$name" "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')"
  printf '%s\tslowest_ingest_s\t%.2f\n' "$name" "$slowest"
  printf '%s\tsegments\t%s\n' "$name" "$segs"
  printf '%s\tevents\t%s\n' "$name" "$events"
  "$build/store_bench" "$store" "$runs" "$A" "$B" dyad_series | grep -v '^bytes' | sed "s/^/$name\t/"
}

feed base "$base/entente"
feed new "$build/entente"

# Reference: one ingest of everything, then a full compaction.
ref=$out/store-ref
rm -rf "$ref"
"$build/entente" --store "$ref" -q ingest --jobs 2 "$all" >/dev/null
"$build/entente" --store "$ref" -q compact >/dev/null
printf 'compacted\tsegments\t%s\n' \
  "$("$build/entente" --store "$ref" -q --format tsv info | awk -F'\t' '$1 == "segments" {print $2}')"
"$build/store_bench" "$ref" "$runs" "$A" "$B" dyad_series | grep -v '^bytes' | sed 's/^/compacted\t/'
