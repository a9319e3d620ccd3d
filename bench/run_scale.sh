#!/usr/bin/env bash
# The cost curve as the store grows (docs/BENCHMARKS.md "Scale"): for each size, `entente
# generate --rows N` streamed through a pipe into `entente ingest -` (no input file is written, so
# 100M rows need only the store's disk), then whole-process timings on the store as that one
# ingest leaves it: `info`, a small dyad (NOR-NZL) and a large one (USA-RUS) by month, `report
# USA RUS` (HTML) and `scan` by year. Wall time and peak RSS from /usr/bin/time; the queries are
# medians of RUNS runs with the page cache warm. Stores live under /work/bench-data/scale (never
# in the repo) and are kept between runs (delete one to ingest it again).
#
# Usage: bench/run_scale.sh BUILD_DIR [ROWS...]   (default rows: 1000000 10000000 100000000)
#   RUNS=N (default 5)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build}/entente
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000 100000000)
runs=${RUNS:-5}
out=/work/bench-data/scale
mkdir -p "$out"

source "$here/bench/process_ms.sh"

# timed STORE COMMAND...: "median_ms<TAB>max_rss_mib" of this build's runs.
timed() {
  local ms mib
  read -r ms mib < <(process_ms "$bin" "$@")
  printf '%s\t%s\n' "$ms" "$mib"
}

printf 'rows\tstep\tms\tpeak_mib\n'
for rows in "${sizes[@]}"; do
  store=$out/store-$rows
  if [ ! -f "$store/MANIFEST" ]; then
    rm -rf "$store"
    t0=$(date +%s%N)
    "$bin" -q generate --rows "$rows" --seed 1 -o - |
      /usr/bin/time -f '%M' -o "$out/ingest-rss" "$bin" --store "$store" -q ingest - >/dev/null
    t1=$(date +%s%N)
    ms=$(((t1 - t0) / 1000000))
    printf '%s\tingest (generate | ingest -)\t%d\t%d\n' "$rows" "$ms" \
      $(($(tail -1 "$out/ingest-rss") / 1024))
    printf '%s\tingest ns per row\t%.0f\t-\n' "$rows" "$(awk -v m="$ms" -v r="$rows" \
      'BEGIN {print m * 1e6 / r}')"
  fi
  printf '%s\tsegments / MB on disk\t%d\t%d\n' "$rows" "$(ls "$store"/seg-*.ens | wc -l)" \
    "$(du -m "$store" | cut -f1)"
  printf '%s\tinfo\t%s\n' "$rows" "$(timed "$store" info)"
  printf '%s\tdyad NOR NZL --by month\t%s\n' "$rows" \
    "$(timed "$store" dyad NOR NZL --by month --format csv)"
  printf '%s\tdyad USA RUS --by month\t%s\n' "$rows" \
    "$(timed "$store" dyad USA RUS --by month --format csv)"
  printf '%s\treport USA RUS\t%s\n' "$rows" "$(timed "$store" report USA RUS -o "$out/r.html")"
  printf '%s\tscan --by year\t%s\n' "$rows" "$(timed "$store" scan --by year)"
done
