#!/usr/bin/env bash
# Analysis vs DuckDB on a generated GDELT 2.0 file, side by side in one run (docs/BENCHMARKS.md,
# "Analysis"): `scan` over all dyads (same computation in SQL) and `phases` on a dense dyad
# (DuckDB times only the monthly aggregate that phases starts from: SQL cannot do PELT).
# Inputs, stores and DuckDB files live under /work/bench-data (never in the repo).
#
# Usage: bench/run_analysis.sh BUILD_DIR [ROWS]   (default rows: 10000000)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
rows=${2:-10000000}
data=/work/bench-data
mkdir -p "$data"
bin=$build/entente
runs=${RUNS:-5}
A=${DYAD_A:-USA} B=${DYAD_B:-RUS}

file=$data/gdelt2-$rows.csv
[ -s "$file" ] || "$bin" -q generate --rows "$rows" --seed 1 -o "$file"
store=$data/store-$rows
[ -d "$store" ] && [ -n "$(ls -A "$store" 2>/dev/null)" ] || "$bin" -q --store "$store" ingest "$file"
echo "## $rows rows ($(du -m "$file" | cut -f1) MB), dyad $A-$B"
"$build/analysis_bench" "$store" "$runs" "$A" "$B" | sed 's/^/entente\t/'
(cd "$here/bench" && node scan_duckdb.mjs "$file" "$data/duck-$rows.db" "$runs" "$A" "$B") \
  | sed 's/^/duckdb\t/'
