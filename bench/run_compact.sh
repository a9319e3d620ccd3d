#!/usr/bin/env bash
# Compaction (docs/BENCHMARKS.md "Compaction"): the same store queried as an ingest left it (one
# segment per ingest run, ~50 at 10M rows) and after `entente compact` merged it into one, side by
# side in one run: dyad series and full scan (store_bench), plus the compaction's own time, CPU
# and peak RSS. The store is a copy; inputs live under /work/bench-data (never in the repo).
#
# Usage: bench/run_compact.sh BUILD_DIR [ROWS]   (default 10000000)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
rows=${2:-10000000}
data=/work/bench-data
bin=$build/entente
runs=${RUNS:-7}
A=${DYAD_A:-USA} B=${DYAD_B:-RUS}
file=$data/gdelt2-$rows.csv
[ -s "$file" ] || "$bin" -q generate --rows "$rows" --seed 1 -o "$file"
work=$data/compact-bench
rm -rf "$work"
mkdir -p "$work"
"$bin" --store "$work/store" -q ingest --jobs 2 "$file" >/dev/null
segs=$("$bin" --store "$work/store" -q --format tsv info | awk -F'\t' '$1 == "segments" {print $2}')
echo "## $rows rows, dyad $A-$B: $segs segments as ingested"
"$build/store_bench" "$work/store" "$runs" "$A" "$B" | sed 's/^/segments\t/' | tee "$work/before.tsv"
/usr/bin/time -f '%e %U %S %M' -o "$work/time" "$bin" --store "$work/store" -q compact
read -r wall user sys rss_kb <"$work/time"
printf 'compact\t%.2f s wall, %.2f s CPU, peak RSS %d MiB\n' "$wall" "$(echo "$user + $sys" | bc)" \
  $((rss_kb / 1024))
"$build/store_bench" "$work/store" "$runs" "$A" "$B" | sed 's/^/compacted\t/' | tee "$work/after.tsv"
# Ratios: before / after (higher: compaction helps).
awk -F'\t' 'FNR == NR {b[$2] = $3; next} {a[$2] = $3}
  END {
    for (k in a) if (k != "bytes" && a[k] > 0) printf "ratio\t%s\t%.2fx\n", k, b[k] / a[k];
    printf "ratio\tbytes\t%.3f (after / before)\n", a["bytes"] / b["bytes"];
  }' "$work/before.tsv" "$work/after.tsv" | sort
rm -rf "$work"
