#!/usr/bin/env bash
# Ingest time and peak RSS of one or more entente builds on the same generated GDELT 2.0 file,
# side by side, alternating builds run by run (so a busy moment hits all of them alike): a fresh
# store each run, the time the command prints (inside the process, fsyncs included), peak RSS from
# /usr/bin/time, the store's size. Inputs and stores live under /work/bench-data.
#
# Usage: bench/run_ingest_builds.sh ROWS BUILD_DIR [BUILD_DIR...]   (env: RUNS, default 3)
set -euo pipefail
rows=$1
shift
data=/work/bench-data
out=$data/ingest-builds
mkdir -p "$out"
runs=${RUNS:-3}
file=$data/gdelt2-$rows.csv
[ -s "$file" ] || "$1/entente" -q generate --rows "$rows" --seed 1 -o "$file"
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
declare -A secs rss bytes
for _ in $(seq "$runs"); do
  for build in "$@"; do
    store=$out/store
    rm -rf "$store"
    /usr/bin/time -f '%M' -o "$out/rss" "$build/entente" --store "$store" ingest --jobs 2 "$file" \
      >/dev/null 2>"$out/err"
    secs[$build]+="$(sed -n 's/^entente: \([0-9.]*\) s,.*/\1/p' "$out/err") "
    rss[$build]+="$(tail -1 "$out/rss") "
    bytes[$build]=$(du -sb "$store" | cut -f1)
  done
done
printf 'build\tingest_s\tpeak_rss_mib\tstore_mb\n'
for build in "$@"; do
  printf '%s\t%s\t%d\t%d\n' "$build" "$(tr ' ' '\n' <<<"${secs[$build]}" | grep . | median)" \
    $(($(tr ' ' '\n' <<<"${rss[$build]}" | grep . | sort -g | tail -1) / 1024)) \
    $((bytes[$build] / 1000000))
done
