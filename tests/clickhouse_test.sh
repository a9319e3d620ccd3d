#!/bin/bash
# The same analyses on a two-shard ClickHouse cluster (scripts/clickhouse-cluster.sh) as on the
# embedded store holding the same events: the public samples of ../shared/data (when present) and
# a generated GDELT 2.0 file go into both, and every analysis command, `report --format json` and
# the dashboard's API must print the same bytes. Then: re-ingest adds nothing; bad credentials, an
# unreachable server, a malformed URL and a shard that is down are clear errors (exit 4).
# Exits 77 (skipped) without clickhouse-server.
set -u
BIN=${ENTENTE_BINARY:-entente}
SRC=${ENTENTE_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
DATA=${ENTENTE_SHARED_DATA:-}
CLUSTER="$SRC/scripts/clickhouse-cluster.sh"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/entente-clickhouse-test.XXXXXX")
SERVE_PIDS=()
cleanup() {
  for p in "${SERVE_PIDS[@]}"; do kill "$p" 2>/dev/null; done
  "$CLUSTER" stop "$WORK/cluster" >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

export CLICKHOUSE_SERVER=${CLICKHOUSE_SERVER:-$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)}
if [ ! -x "$CLICKHOUSE_SERVER" ]; then
  echo "SKIP: clickhouse-server is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
URL=$("$CLUSTER" start "$WORK/cluster" 2>"$WORK/cluster.err" | tail -1)
[[ "$URL" == clickhouse://* ]] || fail "the cluster did not start: $(cat "$WORK/cluster.err")"
STORE="$WORK/store"

# Inputs: a generated file, plus every public sample of each format when ../shared/data is there.
inputs=("$WORK/g.export.CSV")
"$BIN" generate --rows 30000 --seed 3 -o "$WORK/g.export.CSV" >/dev/null 2>&1 || fail "generate"
if [ -n "$DATA" ] && [ -d "$DATA/gdelt2" ]; then
  inputs+=("$DATA/gdelt1/gdelt_project-brian8128/20151207.export.CSV.small"
    "$DATA/gdelt1/gdelt-demo/events.csv"
    "$DATA/gdelt2/DIAS-GDELT/20180326044500.export.CSV"
    "$DATA/gdelt2/geomesa-tutorials/20180101000000.export.CSV"
    "$DATA/icews/andybega-icews/events.2018.sample.tab")
else
  echo "note: ../shared/data is absent; only the generated file is compared"
fi

# The store reads with one thread: then its rows of one dyad and day are in input order, the
# order the cluster returns them in (a parallel ingest orders such ties by which thread finished
# first, and order-dependent float sums in the analyses then differ in the last digits).
ingest() {  # ingest STORE -> the summary line
  "$BIN" --store "$1" -q ingest --jobs 1 "${inputs[@]}" 2>"$WORK/ingest.err" ||
    fail "ingest into $1 failed: $(cat "$WORK/ingest.err")"
}
want=$(ingest "$STORE")
got=$(ingest "$URL")
# The cluster's summary counts its events after the ingest, as the store does.
[ "$got" = "$want" ] || fail "ingest summaries differ: store '$want', cluster '$got'"
again=$(ingest "$URL")
[[ "$again" == *" 0 stored, "* ]] || fail "re-ingest into the cluster stored events: $again"
ev_store=$("$BIN" --store "$STORE" -q --format tsv info | awk -F'\t' '$1=="events"{print $2}')
ev_ch=$("$BIN" --store "$URL" -q --format tsv info | awk -F'\t' '$1=="events"{print $2}')
[ "$ev_store" = "$ev_ch" ] || fail "events: store $ev_store, cluster $ev_ch"
"$BIN" --store "$URL" -q --format tsv info | grep -q '^shard' || fail "info names no shard"
"$BIN" --store "$URL" -q --format json info | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["events"] == int(sys.argv[1]) and len(d["shards"]) == 2, d' "$ev_store" ||
  fail "info --format json on the cluster"

# same NAME ARGS...: the command's stdout and exit code on both stores are identical.
compared=0
same() {
  local name=$1
  shift
  "$BIN" --store "$STORE" -q "$@" >"$WORK/a.out" 2>"$WORK/a.err"
  local ra=$?
  "$BIN" --store "$URL" -q "$@" >"$WORK/b.out" 2>"$WORK/b.err"
  local rb=$?
  [ "$ra" = "$rb" ] || fail "$name: exit $ra on the store, $rb on the cluster ($(cat "$WORK/b.err"))"
  # The one intended difference: where the events came from ("source": "store ...").
  sed -i -e "s#store $STORE#STORE#g" "$WORK/a.out"
  sed -i -e 's#store clickhouse://[^"]*#STORE#g' "$WORK/b.out"
  cmp -s "$WORK/a.out" "$WORK/b.out" || {
    diff "$WORK/a.out" "$WORK/b.out" | head -10 >&2
    fail "$name: outputs differ (entente $*)"
  }
  compared=$((compared + 1))
}
same events-all events --format jsonl
same events-dyad events --dyad USA,RUS --format tsv
same events-filters events --actor CHN --quad 4 --from 2015 --code 1 --format jsonl
same events-more-filters events --source USAGOV --target IRN --dataset gdelt1 --format tsv
same events-limit events --actor RUS --limit 7 --format tsv
for dyad in "USA RUS" "PAK IND" "CHN USA" "ISR PSE"; do
  set -- $dyad
  for by in year month; do
    same "dyad $dyad $by" dyad "$1" "$2" --by "$by" --format tsv
  done
  same "dyad $dyad mentions" dyad "$1" "$2" --by month --weight mentions --directed --format tsv
  same "dyad $dyad noise" dyad "$1" "$2" --by month --root-only --min-sources 2 --format tsv
  same "phases $dyad" phases "$1" "$2" --by month --format tsv
  same "key-events $dyad" key-events "$1" "$2" --top 10 --format tsv
  same "sectors $dyad" sectors "$1" "$2" --by quarter --format tsv
  same "report $dyad" report "$1" "$2" --by month --format json
done
same compare compare USA,RUS PAK,IND CHN-USA --by month --format tsv
same scan scan --by month --window 3 --top 20 --format tsv
same scan-all scan --by week --window 2 --top 20 --actors all --format tsv

# The dashboard's API on both stores.
serve() {  # serve STORE NAME: starts the dashboard; its port goes to $WORK/port.NAME
  "$BIN" --store "$1" -q serve --port 0 >"$WORK/serve.$2" 2>&1 &
  SERVE_PIDS+=($!)
}
port_of() {  # port_of NAME
  for _ in $(seq 100); do
    port=$(grep -o '127.0.0.1:[0-9]*' "$WORK/serve.$1" | head -1 | cut -d: -f2)
    [ -n "$port" ] && { echo "$port"; return; }
    sleep 0.1
  done
  fail "serve on the $1 did not start: $(cat "$WORK/serve.$1")"
}
serve "$STORE" store
serve "$URL" cluster
pa=$(port_of store)
pb=$(port_of cluster)
for q in "dyad?a=USA&b=RUS&by=month" "scan?by=month" "key-events?a=PAK&b=IND" \
  "report?a=CHN&b=USA"; do
  a=$(curl -sf "http://127.0.0.1:$pa/api/$q") || fail "API $q on the store"
  b=$(curl -sf "http://127.0.0.1:$pb/api/$q") || fail "API $q on the cluster"
  a=${a//store $STORE/STORE}
  b=$(sed -e 's#store clickhouse://[^"]*#STORE#g' <<<"$b")
  [ "$a" = "$b" ] || fail "API /api/$q differs"
  compared=$((compared + 1))
done

# fetch gdelt --ingest into a second database of the cluster, from a local mirror of one export.
if [ -n "$DATA" ] && [ -d "$DATA/gdelt2" ] && command -v zip >/dev/null; then
  m="$WORK/mirror"
  mkdir -p "$m/gdeltv2"
  cp "$DATA/gdelt2/geomesa-tutorials/20180101000000.export.CSV" "$m/"
  (cd "$m" && zip -q gdeltv2/20180101000000.export.CSV.zip 20180101000000.export.CSV)
  z="$m/gdeltv2/20180101000000.export.CSV.zip"
  echo "$(stat -c %s "$z") $(md5sum "$z" | cut -d' ' -f1) http://data.gdeltproject.org/gdeltv2/${z##*/}" \
    >"$m/gdeltv2/masterfilelist.txt"
  (cd "$m" && exec python3 -m http.server 0 --bind 127.0.0.1 >"$m/log" 2>&1) &
  SERVE_PIDS+=($!)
  for _ in $(seq 50); do grep -q "port" "$m/log" && break; sleep 0.1; done
  mirror="http://127.0.0.1:$(grep -o 'port [0-9]*' "$m/log" | cut -d' ' -f2)/gdeltv2"
  fetch_url=${URL/\/entente\?//fetched?}
  for i in 1 2; do
    "$BIN" --store "$fetch_url" -q fetch gdelt --from 2018-01-01 --to 2018-01-01 \
      --mirror "$mirror" --cache "$WORK/cache" --ingest >/dev/null 2>"$WORK/fetch.err" ||
      fail "fetch --ingest into the cluster: $(cat "$WORK/fetch.err")"
  done
  n=$("$BIN" --store "$fetch_url" -q --format tsv info | awk -F'\t' '$1=="events"{print $2}')
  [ "$n" = 2414 ] || fail "fetch --ingest twice stored $n events, expected 2414"
fi

# code --ingest: coded text into a third database, twice (the second adds nothing).
coded_url=${URL/\/entente\?//coded?}
for i in 1 2; do
  echo "2012-10-04	Russian Foreign Minister Sergey Lavrov visited Islamabad." |
    "$BIN" --store "$coded_url" -q code --lines --ingest >/dev/null || fail "code --ingest"
done
n=$("$BIN" --store "$coded_url" -q --format tsv info | awk -F'\t' '$1=="events"{print $2}')
[ "$n" = 2 ] || fail "code --ingest twice stored $n events, expected 2"

# Errors: clear messages, exit 4, never a password.
expect_error() {  # expect_error NAME PATTERN ARGS...
  local name=$1 pattern=$2
  shift 2
  "$BIN" "$@" >/dev/null 2>"$WORK/err"
  local rc=$?
  [ "$rc" = 4 ] || fail "$name: exit $rc, expected 4 ($(cat "$WORK/err"))"
  grep -q "$pattern" "$WORK/err" || fail "$name: unexpected message: $(cat "$WORK/err")"
  ! grep -q "wrong-pw" "$WORK/err" || fail "$name: the message shows the password"
}
expect_error credentials "access denied for user 'analyst'" \
  --store "$URL&user=analyst&password=wrong-pw" dyad USA RUS
expect_error unreachable "clickhouse 127.0.0.1:1: .*connect" \
  --store "clickhouse://127.0.0.1:1/entente" dyad USA RUS
expect_error malformed "bad port" --store "clickhouse://127.0.0.1:99999/entente" dyad USA RUS
"$BIN" --store "$URL&user=analyst&password=analyst-pw" -q dyad USA RUS >/dev/null ||
  fail "the right password was refused"
"$BIN" --store "$URL" compact >/dev/null 2>&1
[ $? = 2 ] || fail "compact on a cluster should be a usage error"

# A shard that is down: an error, not half an answer.
"$CLUSTER" kill-shard "$WORK/cluster" 2
expect_error shard-down "a shard of the cluster cannot be reached" --store "$URL" dyad USA RUS --by month
expect_error shard-down-scan "a shard of the cluster cannot be reached" --store "$URL" events --limit 5

echo "PASS: $compared outputs identical on the store and the cluster"
