#!/usr/bin/env bash
# Store vs DuckDB on generated GDELT 2.0 files, side by side in one run (docs/BENCHMARKS.md,
# "Store"). For each size: ingest (a fresh store each run; wall time measured inside the process,
# peak RSS from /usr/bin/time), size on disk, and the two queries of store_bench.cc /
# store_duckdb.mjs; then a summary with the ratios. Inputs and stores live under /work/bench-data
# (never in the repo).
#
# Usage: bench/run_store.sh BUILD_DIR [ROWS...]   (default rows: 1000000 5000000 10000000)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 5000000 10000000)
data=/work/bench-data
out=$data/store-bench  # ours; the inputs may be shared with other benchmarks
mkdir -p "$data" "$out"
bin=$build/entente
runs=${RUNS:-5}
ingest_runs=${INGEST_RUNS:-5}
A=${DYAD_A:-USA} B=${DYAD_B:-RUS}

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

for rows in "${sizes[@]}"; do
  file=$data/gdelt2-$rows.csv
  [ -s "$file" ] || "$bin" -q generate --rows "$rows" --seed 1 -o "$file"
  res=$out/result-$rows.tsv
  : >"$res"
  echo "## $rows rows ($(du -m "$file" | cut -f1) MB), dyad $A-$B"
  store=$out/store-$rows
  secs=() cpus=() rss_max=0
  for i in $(seq "$ingest_runs"); do
    rm -rf "$store"
    /usr/bin/time -f '%M %U %S' -o "$out/rss" "$bin" --store "$store" ingest --jobs 2 "$file" \
      >"$out/ingest.out" 2>"$out/ingest.err"
    secs+=("$(sed -n 's/^entente: \([0-9.]*\) s,.*/\1/p' "$out/ingest.err")")
    read -r rss_kb user sys < <(tail -1 "$out/rss")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {print (u + s) * 1000}')")
    ((rss_kb > rss_max)) && rss_max=$rss_kb
  done
  printf 'entente\tingest\t%.1f\t%s\n' \
    "$(printf '%s\n' "${secs[@]}" | median | awk '{print $1 * 1000}')" "$(cat "$out/ingest.out")" >>"$res"
  printf 'entente\tingest_cpu\t%.0f\tCPU ms (user+sys, whole process)\n' \
    "$(printf '%s\n' "${cpus[@]}" | median)" >>"$res"
  printf 'entente\tpeak_rss_mib\t%d\tingest, max of %d runs\n' $((rss_max / 1024)) "$ingest_runs" >>"$res"
  "$build/store_bench" "$store" "$runs" "$A" "$B" | sed 's/^/entente\t/' >>"$res"
  rm -f "$out/duck-$rows.db" "$out/duck-$rows.db.wal"
  (cd "$here/bench" && /usr/bin/time -f '%M' -o "$out/duck-rss" node store_duckdb.mjs "$file" \
    "$out/duck-$rows.db" "$runs" "$ingest_runs" "$A" "$B") | sed 's/^/duckdb\t/' >>"$res"
  printf 'duckdb\tpeak_rss_mib\t%d\twhole node process (ingest and queries)\n' \
    $(($(tail -1 "$out/duck-rss") / 1024)) >>"$res"
  cat "$res"
  # Ratios: DuckDB / entente for times and bytes (higher is better for entente).
  awk -F'\t' '{v[$1 "," $2] = $3}
    END {
      n = split("ingest ingest_cpu dyad_series dyad_series_cpu full_scan full_scan_cpu bytes", m, " ");
      v["duckdb,full_scan_rows"] = v["duckdb,full_scan"];
      v["duckdb,full_scan_rows_cpu"] = v["duckdb,full_scan_cpu"];
      m[++n] = "full_scan_rows"; m[++n] = "full_scan_rows_cpu";
      for (i = 1; i <= n; ++i) {
        e = v["entente," m[i]]; d = v["duckdb," m[i]];
        printf "ratio\t%s\tduckdb/entente %.2fx\n", m[i], (e > 0 ? d / e : 0);
      }
    }' "$res"
done
