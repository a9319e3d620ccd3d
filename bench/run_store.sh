#!/usr/bin/env bash
# Store vs DuckDB on generated GDELT 2.0 files, side by side in one run (docs/BENCHMARKS.md,
# "Store"). For each size: ingest (fresh store each run; wall time inside the process, peak RSS
# from /usr/bin/time), size on disk, and the two queries of store_bench.cc / store_duckdb.mjs.
# Inputs and stores live under /work/bench-data (never in the repo).
#
# Usage: bench/run_store.sh BUILD_DIR [ROWS...]   (default rows: 1000000 5000000)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 5000000)
data=/work/bench-data
out=/work/bench-data/store-bench  # ours; the inputs may be shared with other benchmarks
mkdir -p "$data" "$out"
bin=$build/entente
runs=${RUNS:-5}
ingest_runs=${INGEST_RUNS:-3}
A=${DYAD_A:-USA} B=${DYAD_B:-RUS}

for rows in "${sizes[@]}"; do
  file=$data/gdelt2-$rows.csv
  [ -s "$file" ] || "$bin" -q generate --rows "$rows" --seed 1 -o "$file"
  echo "## $rows rows ($(du -m "$file" | cut -f1) MB)"
  ms=()
  for i in $(seq "$ingest_runs"); do
    store=$out/store-$rows
    rm -rf "$store"
    /usr/bin/time -f '%M' -o "$out/rss" "$bin" --store "$store" ingest --jobs 2 "$file" \
      >"$out/ingest.out" 2>"$out/ingest.err"
    ms+=("$(sed -n 's/^entente: \([0-9.]*\) s,.*/\1/p' "$out/ingest.err")")
    rss_kb=$(tail -1 "$out/rss")
  done
  med=$(printf '%s\n' "${ms[@]}" | sort -n | sed -n "$(( (ingest_runs + 1) / 2 ))p")
  echo -e "store\tingest_s\t$med\t$(cat "$out/ingest.out")"
  echo -e "store\tpeak_rss_mb\t$((rss_kb / 1024))"
  "$build/store_bench" "$out/store-$rows" "$runs" "$A" "$B" | sed 's/^/store\t/'
  (cd "$here/bench" && node store_duckdb.mjs "$file" "$out/duck-$rows.db" "$runs" "$ingest_runs" "$A" "$B") \
    | sed 's/^/duckdb\t/'
done
