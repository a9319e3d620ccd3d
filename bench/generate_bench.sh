#!/usr/bin/env bash
# Measures `entente generate` and checks its output against the real GDELT 2.0 exports it imitates:
# wall and CPU time (rows/s), bytes per row, and how well zstd -3 and gzip -6 compress it, next to
# the two whole 15-minute exports in ../shared/data/gdelt2. A generated file that compressed much
# better than real ones (rows repeated) or much worse (fields drawn independently) would mislead the
# store benchmarks that use it. Figures go to docs/BENCHMARKS.md#generator.
#
# Usage: bench/generate_bench.sh [ENTENTE_BINARY] [ROWS] [SEED]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$here/build/entente}
rows=${2:-1000000}
seed=${3:-1}
shared=${ENTENTE_SHARED_DATA:-$here/../shared/data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ratio() {  # file -> "bytes zstd_ratio gzip_ratio"
  local n z g
  n=$(wc -c <"$1")
  z=$(zstd -q -3 -c "$1" | wc -c)
  g=$(gzip -6 -c "$1" | wc -c)
  awk -v n="$n" -v z="$z" -v g="$g" 'BEGIN { printf "%d\t%.2f\t%.2f", n, n / z, n / g }'
}

out=$tmp/generated.export.CSV
start=$(date +%s.%N)
/usr/bin/time -f '%U %S %M' -o "$tmp/time" "$bin" --quiet generate --rows "$rows" --seed "$seed" -o "$out"
end=$(date +%s.%N)
read -r user sys rss_kb <"$tmp/time"
bytes=$(wc -c <"$out")
awk -v r="$rows" -v b="$bytes" -v w="$(echo "$end - $start" | bc)" -v u="$user" -v s="$sys" -v m="$rss_kb" 'BEGIN {
  printf "rows\t%d\nbytes/row\t%.1f\nwall s\t%.2f\nrows/s (wall)\t%.0f\ncpu s\t%.2f\nrows/s (cpu)\t%.0f\npeak RSS MiB\t%.1f\n",
    r, b / r, w, r / w, u + s, r / (u + s), m / 1024 }'

echo
printf 'file\tbytes\tzstd -3\tgzip -6\n'
for f in "$shared"/gdelt2/geomesa-tutorials/20180101000000.export.CSV \
         "$shared"/gdelt2/DIAS-GDELT/20180326044500.export.CSV; do
  [ -f "$f" ] && printf '%s\t%s\n' "real $(basename "$f")" "$(ratio "$f")"
done
head -c 957007 "$out" >"$tmp/prefix"
printf '%s\t%s\n' "generated, first 957007 bytes" "$(ratio "$tmp/prefix")"
printf '%s\t%s\n' "generated, all $rows rows" "$(ratio "$out")"
