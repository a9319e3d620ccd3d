#!/usr/bin/env bash
# Read throughput, entente vs DuckDB read_csv, one thread each, on the same GDELT 2.0 file, in one
# run; plus `cat` and `wc -l` as the physical floor. Prints the ratio.
#
# Usage: bench/run_read.sh [FILE] [RUNS]
#   FILE defaults to $BUILD/bench-gdelt2-2m.CSV, made with `entente generate --rows 2000000 --seed 1`.
#   BUILD (env) is the build directory with entente and read_bench (default: build);
#   READ_BENCH (env) overrides the read_bench binary.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
build="${BUILD:-$root/build}"
file="${1:-$build/bench-gdelt2-2m.CSV}"
runs="${2:-5}"

if [[ ! -f "$file" ]]; then
  echo "generating $file (2,000,000 rows, seed 1)" >&2
  "$build/entente" generate --rows 2000000 --seed 1 -o "$file"
fi
if [[ ! -d "$here/node_modules/@duckdb/node-api" ]]; then
  (cd "$here" && npm install --no-audit --no-fund >&2)
fi

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "commit:  $(git -C "$root" rev-parse --short HEAD)"
echo "file:    $file ($(stat -c %s "$file") bytes)"

floor() {  # best of $runs wall times of a command, in seconds
  local best=999999
  for _ in $(seq 0 "$runs"); do
    local t0 t1
    t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N)
    best=$(echo "$t1 - $t0" | bc -l | awk -v b="$best" '{print ($1 < b) ? $1 : b}')
  done
  echo "$best"
}
bytes=$(stat -c %s "$file")
t_cat=$(floor cat "$file")
t_wc=$(floor wc -l "$file")
awk -v b="$bytes" -v t="$t_cat" 'BEGIN{printf "cat      best=%.3fs  %.1f MB/s\n", t, b/1e6/t}'
awk -v b="$bytes" -v t="$t_wc" 'BEGIN{printf "wc -l    best=%.3fs  %.1f MB/s\n", t, b/1e6/t}'

ours=$("${READ_BENCH:-$build/read_bench}" "$file" "$runs")
echo "$ours"
theirs=$(node "$here/read_duckdb.mjs" "$file" "$runs")
echo "$theirs"
t_ours=$(echo "$ours" | sed -n 's/.* best=\([0-9.]*\)s.*/\1/p' | head -1)
t_theirs=$(echo "$theirs" | sed -n 's/.* best=\([0-9.]*\)s.*/\1/p' | head -1)
c_ours=$(echo "$ours" | sed -n 's/.* cpu=\([0-9.]*\)s.*/\1/p' | head -1)
c_theirs=$(echo "$theirs" | sed -n 's/.* cpu=\([0-9.]*\)s.*/\1/p' | head -1)
awk -v a="$t_ours" -v b="$t_theirs" 'BEGIN{printf "ratio:   entente is %.2fx DuckDB read_csv by wall time (best of runs, one thread each)\n", b/a}'
awk -v a="$c_ours" -v b="$c_theirs" 'BEGIN{printf "ratio:   entente is %.2fx DuckDB read_csv by CPU time (user+system)\n", b/a}'
