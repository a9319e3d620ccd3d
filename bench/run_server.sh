#!/usr/bin/env bash
# The dashboard server under load, side by side for one or more builds (docs/BENCHMARKS.md,
# "Server"): a generated 2M-row file ingested by each build into a store of its own, then per build `entente serve --port 0` on 127.0.0.1 and
# autocannon (-c 50 -d 20 by default) against /api/dyad, /api/phases, /api/key-events, /api/info,
# /report.html and a varied mix of dyads, the server's RSS before and after, and the slow-client
# check (64 dripping + 64 idle connections). Every phase is bounded; servers are stopped at the end.
# Inputs and stores live under /work/bench-data (never in the repo).
#
# Usage: bench/run_server.sh BUILD_DIR [BUILD_DIR...]   (env: ROWS, CONNECTIONS, SECONDS_PER_RUN)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || set -- "$here/build"
rows=${ROWS:-2000000}
conns=${CONNECTIONS:-50}
secs=${SECONDS_PER_RUN:-20}
data=/work/bench-data
mkdir -p "$data"
[ -d "$here/bench/node_modules/autocannon" ] || (cd "$here/bench" && npm install --no-audit --no-fund)

bin=$1/entente
file=$data/gdelt2-$rows.csv
[ -s "$file" ] || "$bin" -q generate --rows "$rows" --seed 1 -o "$file"

rss_kb() { awk "/^$2:/ {print \$2}" "/proc/$1/status"; }
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

echo "## $rows rows, autocannon -c $conns -d $secs, $(nproc) cores, $(git -C "$here" rev-parse --short HEAD)"
printf 'build\tendpoint\treq_per_s\tp50_ms\tp99_ms\tmax_ms\tnon2xx\terrors\ttimeouts\n'
for build in "$@"; do
  label=$(basename "$(dirname "$build")")/$(basename "$build")
  # Each build reads a store it wrote itself (store formats differ between versions).
  store=$data/server-store-$rows-$(echo "$build" | md5sum | cut -c1-8)
  [ -f "$store/MANIFEST" ] || "$build/entente" -q --store "$store" ingest "$file" >/dev/null
  out=$(mktemp)
  "$build/entente" -q --store "$store" serve --port 0 > "$out" &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 100); do [ -s "$out" ] && break; sleep 0.1; done
  port=$(sed -n 's|^http://127.0.0.1:\([0-9]*\)/$|\1|p' "$out")
  # Warm: one request of each kind, so "before" counts the store pages and caches a server holds
  # once it has answered anything, and the RSS growth is what the load adds.
  for path in /api/info "/api/dyad?a=USA&b=CHN&by=month" "/api/phases?a=USA&b=CHN&by=month" \
      "/api/key-events?a=USA&b=CHN" "/report.html?a=USA&b=CHN"; do
    curl -s -m 60 -o /dev/null "http://127.0.0.1:$port$path" || true
  done
  before=$(rss_kb "$pid" VmRSS)
  (cd "$here/bench" && timeout $((secs * 8 + 240)) node server_load.mjs "$label" "$port" "$conns" "$secs") || true
  after=$(rss_kb "$pid" VmRSS); anon=$(rss_kb "$pid" RssAnon); filemap=$(rss_kb "$pid" RssFile)
  printf '%s\trss_mb before/after/ratio, after: anon/file\t%d\t%d\t%.2fx\t%d\t%d\n' "$label" $((before / 1024)) $((after / 1024)) \
    "$(echo "$after / $before" | bc -l)" $((anon / 1024)) $((filemap / 1024))
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$out"
done
