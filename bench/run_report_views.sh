#!/usr/bin/env bash
# The dashboard's view of a dyad, as a user flips through dyads (docs/BENCHMARKS.md, "Server"):
# for each build, `entente serve` on a store of a generated 2M-row file (the store run_server.sh
# uses), then GET /api/report?a=&b= for the 40 busiest dyads of two named countries, one at a
# time, each asked once (nothing cached). Prints per build the median, 90th percentile and worst
# request time and the total, and a checksum of all answers with the store's path taken out
# (equal across builds when their answers are).
#
# Usage: bench/run_report_views.sh BUILD_DIR [BUILD_DIR...]   (env: ROWS, VIEWS)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 1 ] || set -- "$here/build"
rows=${ROWS:-2000000}
views=${VIEWS:-40}
data=/work/bench-data
mkdir -p "$data"
file=$data/gdelt2-$rows.csv
[ -s "$file" ] || "$1/entente" -q generate --rows "$rows" --seed 1 -o "$file"
median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

echo "## $rows rows, /api/report of $views dyads one at a time, $(nproc) cores, $(git -C "$here" rev-parse --short HEAD)"
printf 'build\tviews\tmedian_ms\tp90_ms\tmax_ms\ttotal_s\tanswers_md5\n'
for build in "$@"; do
  label=$(basename "$(dirname "$build")")/$(basename "$build")
  store=$data/server-store-$rows-$(echo "$build" | md5sum | cut -c1-8)
  [ -f "$store/MANIFEST" ] || "$build/entente" -q --store "$store" ingest "$file" >/dev/null
  out=$(mktemp -d)
  "$build/entente" -q --store "$store" serve --port 0 > "$out/url" &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 100); do [ -s "$out/url" ] && break; sleep 0.1; done
  base=$(sed -n 's|^\(http://127.0.0.1:[0-9]*\)/$|\1|p' "$out/url")
  curl -s -m 60 "$base/api/info" > "$out/info.json"
  /usr/bin/python3 - "$out/info.json" "$views" > "$out/dyads" <<'PY'
import json, sys
info = json.load(open(sys.argv[1]))
named = {c["code"] for c in info["countries"] if c["name"] != c["code"]}
dyads = [d for d in info["dyads"] if d["a"] in named and d["b"] in named]
for d in dyads[: int(sys.argv[2])]:
    print(f"a={d['a']}&b={d['b']}")
PY
  : > "$out/ms"
  while read -r q; do
    curl -s -m 60 -o "$out/answer" -w '%{time_total}\n' "$base/api/report?$q" |
      awk '{printf "%.1f\n", $1 * 1000}' >> "$out/ms"
    cat "$out/answer" >> "$out/all"
  done < "$out/dyads"
  printf '%s\t%d\t%s\t%s\t%s\t%.2f\t%s\n' "$label" "$(wc -l < "$out/ms")" "$(median < "$out/ms")" \
    "$(sort -g "$out/ms" | awk '{v[NR] = $1} END {print v[int(NR * 0.9 + 0.5)]}')" \
    "$(sort -g "$out/ms" | tail -1)" "$(awk '{s += $1} END {print s / 1000}' "$out/ms")" \
    "$(sed "s|$store|STORE|g" "$out/all" | md5sum | cut -c1-12)"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$out"
done
