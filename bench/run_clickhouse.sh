#!/usr/bin/env bash
# The embedded store against the two-shard loopback ClickHouse cluster (scripts/clickhouse-cluster.sh)
# on the same generated rows: ingest throughput, a dyad's monthly series, a full scan (`scan`, one
# aggregate over every dyad), and `report --format json`, each as a whole `entente` process (median
# wall time of RUNS runs, page cache warm). Then, for the full-scan aggregate, the time each shard
# takes on its own part (its local table, straight over HTTP) against the time of the Distributed
# query: the share of work each shard does and what the merge on the entry node costs.
#
# Usage: bench/run_clickhouse.sh BUILD_DIR [ROWS]   (default 1000000; RUNS=N, default 5)
# Inputs, stores and the cluster live under /work/bench-data (never in the repo).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$here/build}
rows=${2:-1000000}
runs=${RUNS:-5}
bin=$build/entente
data=/work/bench-data
out=$data/clickhouse-$rows
mkdir -p "$out"
file=$data/gdelt2-$rows.csv
[ -s "$file" ] || "$bin" -q generate --rows "$rows" --seed 1 -o "$file"

cluster=$out/cluster
"$here/scripts/clickhouse-cluster.sh" stop "$cluster" >/dev/null 2>&1 || true
rm -rf "$cluster" "$out/store"
url=$("$here/scripts/clickhouse-cluster.sh" start "$cluster" 2>/dev/null | tail -1)
trap '"$here/scripts/clickhouse-cluster.sh" stop "$cluster"' EXIT

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
secs() {  # secs CMD...: wall seconds of one run
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null
  t1=$(date +%s%N)
  awk -v d=$((t1 - t0)) 'BEGIN {printf "%.3f", d / 1e9}'
}
timed() {  # timed CMD...: median wall seconds of RUNS runs (after one warm-up)
  "$@" >/dev/null
  for _ in $(seq "$runs"); do secs "$@"; echo; done | median
}

ingest_store=$(secs "$bin" --store "$out/store" -q ingest "$file")
ingest_ch=$(secs "$bin" --store "$url" -q ingest "$file")
echo "ingest $rows rows: store ${ingest_store} s, cluster ${ingest_ch} s"

printf '| measure | embedded store | 2-shard cluster | cluster / store |\n|---|---|---|---|\n'
row() {
  awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN {printf "| %s | %.3f s | %.3f s | %.1fx |\n", n, a, b, b / a}'
}
row "ingest ($rows rows)" "$ingest_store" "$ingest_ch"
for what in "dyad USA RUS --by month" "scan --by month" "report USA RUS --format json -o /dev/null"; do
  read -r -a args <<<"$what"
  a=$(timed "$bin" --store "$out/store" -q "${args[@]}")
  b=$(timed "$bin" --store "$url" -q "${args[@]}")
  row "\`${what% -o /dev/null}\`" "$a" "$b"
done

# The full-scan aggregate (what `scan --by month` asks for) on each shard's own rows against the
# Distributed query over both.
agg="SELECT month, da, db, count(), sum(toFloat64(1)), sumIf(toFloat64(1), quad = 1), \
sumIf(toFloat64(goldstein), NOT isNaN(goldstein)) FROM entente.%s FINAL WHERE da != db \
GROUP BY month, da, db FORMAT Null"
http_ms() {  # http_ms PORT TABLE: median ms of RUNS runs
  local q
  q=$(printf "$agg" "$2")
  for _ in $(seq "$runs"); do
    curl -s -o /dev/null -w '%{time_total}\n' --data-binary "$q" "http://127.0.0.1:$1/"
  done | median | awk '{printf "%.0f", $1 * 1000}'
}
p1=$(cat "$cluster/shard1.http")
p2=$(cat "$cluster/shard2.http")
n1=$(curl -s --data-binary "SELECT count() FROM entente.events_local" "http://127.0.0.1:$p1/")
n2=$(curl -s --data-binary "SELECT count() FROM entente.events_local" "http://127.0.0.1:$p2/")
s1=$(http_ms "$p1" events_local)
s2=$(http_ms "$p2" events_local)
all=$(http_ms "$p1" events)
echo
echo "| full-scan aggregate | rows | ms |"
echo "|---|---|---|"
echo "| shard 1 alone (its local table) | $n1 | $s1 |"
echo "| shard 2 alone (its local table) | $n2 | $s2 |"
echo "| Distributed over both (entry node merges) | $((n1 + n2)) | $all |"
