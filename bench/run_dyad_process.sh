#!/usr/bin/env bash
# A dyad's monthly series as a user runs it: `entente dyad A B --by month` as a whole process
# (start, open the store, query, print, exit; the page cache warm), median wall time and peak RSS
# of RUNS runs, beside DuckDB answering the same series and intensity denominator warm inside its
# own process (bench/dyad_duckdb.mjs). Optionally against a second entente build (BASE_BUILD, e.g.
# the previous release) on a store it ingested itself, in the same run. Inputs and stores live
# under /work/bench-data (never in the repo).
#
# Usage: bench/run_dyad_process.sh BUILD_DIR [ROWS...]   (default rows: 1000000 10000000)
#   BASE_BUILD=DIR  also time that build;  RUNS=N (default 7);  DYADS="NOR NZL USA RUS"
#   COMPACT=1  also time compacted copies of the stores (each compacted by its own build)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000)
data=/work/bench-data
out=$data/dyad-process
mkdir -p "$out"
runs=${RUNS:-7}
read -r -a dyads <<<"${DYADS:-NOR NZL USA RUS}"
[ -d "$here/bench/node_modules/@duckdb" ] || (cd "$here/bench" && npm install --silent)

source "$here/bench/process_ms.sh"

# compacted BUILD STORE: a compacted copy of STORE at STORE-compact (kept between runs).
compacted() {
  [ -f "$2-compact/MANIFEST" ] && return
  rm -rf "$2-compact" && cp -r "$2" "$2-compact"
  "$1/entente" --store "$2-compact" -q compact >/dev/null
}

# compare STORE BASE_STORE ROWS: the table of one store (and the baseline's) against DuckDB.
compare() {
  local store=$1 base_store=$2 rows=$3
  printf 'dyad\tentente ms\tpeak MiB\tbase ms\tbase MiB\tduckdb ms\tduckdb/entente\n'
  for ((i = 0; i + 1 < ${#dyads[@]}; i += 2)); do
    local a=${dyads[i]} b=${dyads[i + 1]} ms mib base_ms=- base_mib=- duck
    local query=(dyad "$a" "$b" --by month --format csv)
    read -r ms mib < <(process_ms "$build/entente" "$store" "${query[@]}")
    if [ -n "$base_store" ]; then
      read -r base_ms base_mib < <(process_ms "$BASE_BUILD/entente" "$base_store" "${query[@]}")
    fi
    duck=$(awk -F'\t' -v d="$a-$b" '$2 == d {print $3}' "$out/duck-$rows.tsv")
    printf '%s-%s\t%s\t%s\t%s\t%s\t%s\t%.1fx\n' "$a" "$b" "$ms" "$mib" "$base_ms" "$base_mib" \
      "$duck" "$(awk -v d="$duck" -v e="$ms" 'BEGIN {print d / e}')"
  done
  # `info` (events, dates, distinct dyads, datasets), which reads every segment's directory.
  local ms mib base_ms=- base_mib=-
  read -r ms mib < <(process_ms "$build/entente" "$store" info)
  if [ -n "$base_store" ]; then
    read -r base_ms base_mib < <(process_ms "$BASE_BUILD/entente" "$base_store" info)
  fi
  printf 'info\t%s\t%s\t%s\t%s\t-\t-\n' "$ms" "$mib" "$base_ms" "$base_mib"
}

for rows in "${sizes[@]}"; do
  file=$data/gdelt2-$rows.csv
  [ -s "$file" ] || "$build/entente" -q generate --rows "$rows" --seed 1 -o "$file"
  store=$out/store-$rows
  [ -f "$store/MANIFEST" ] || "$build/entente" --store "$store" -q ingest "$file" >/dev/null
  echo "## $rows rows: $(ls "$store"/seg-*.ens | wc -l) segments, $(du -m "$store" | cut -f1) MB"
  if [ -n "${BASE_BUILD:-}" ]; then
    base_store=$out/base-store-$rows
    [ -f "$base_store/MANIFEST" ] ||
      "$BASE_BUILD/entente" --store "$base_store" -q ingest "$file" >/dev/null
  fi
  (cd "$here/bench" && node dyad_duckdb.mjs "$file" "$out/duck-$rows.db" "$runs" "${dyads[@]}") \
    >"$out/duck-$rows.tsv"
  compare "$store" "${base_store:-}" "$rows"
  if [ "${COMPACT:-}" = 1 ]; then
    # The same stores after `entente compact`, each compacted by its own build.
    compacted "$build" "$store"
    [ -z "${base_store:-}" ] || compacted "$BASE_BUILD" "$base_store"
    echo "## $rows rows compacted: $(ls "$store-compact"/seg-*.ens | wc -l) segments"
    compare "$store-compact" "${base_store:+$base_store-compact}" "$rows"
  fi
done
