#!/usr/bin/env bash
# A two-shard ClickHouse cluster on loopback, for tests and benchmarks, from Debian's
# clickhouse-server package (scripts/install-deps.sh installs it).
#
#   scripts/clickhouse-cluster.sh start DIR   start both servers, data and logs under DIR; the last
#                                             line printed is the store URL for entente's --store
#   scripts/clickhouse-cluster.sh stop DIR    stop the servers started in DIR (by their recorded pids)
#   scripts/clickhouse-cluster.sh kill-shard DIR N   stop shard N (1 or 2) only, to test failures
#
# Both servers listen on 127.0.0.1 only, on free ports picked at start. The cluster is named
# `entente`; shard 1 also answers entente's HTTP queries. Besides `default` (no password, used
# between the shards), a user `analyst` with password `analyst-pw` exists so that tests can
# exercise credentials. Exit 77 when clickhouse-server is not installed (CTest's skip code).
set -euo pipefail

SERVER=${CLICKHOUSE_SERVER:-$(command -v clickhouse-server || echo /usr/sbin/clickhouse-server)}

die() {
  echo "clickhouse-cluster: $*" >&2
  exit 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

write_users() {
  cat >"$1" <<'EOF'
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile><quota>default</quota>
    </default>
    <analyst>
      <password>analyst-pw</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile><quota>default</quota>
    </analyst>
  </users>
  <quotas><default></default></quotas>
</yandex>
EOF
}

# write_config FILE SHARD_DIR HTTP TCP TCP1 TCP2
write_config() {
  cat >"$1" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$2/server.log</log><errorlog>$2/server.err.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$3</http_port>
  <tcp_port>$4</tcp_port>
  <path>$2/data/</path>
  <tmp_path>$2/tmp/</tmp_path>
  <user_files_path>$2/user_files/</user_files_path>
  <format_schema_path>$2/format_schemas/</format_schema_path>
  <users_config>$2/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <max_concurrent_queries>64</max_concurrent_queries>
  <timezone>UTC</timezone>
  <remote_servers>
    <entente>
      <shard><replica><host>127.0.0.1</host><port>$5</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$6</port></replica></shard>
    </entente>
  </remote_servers>
</yandex>
EOF
}

wait_ready() {  # wait_ready HTTP_PORT PID LOG
  for _ in $(seq 300); do
    if curl -sf "http://127.0.0.1:$1/ping" >/dev/null 2>&1; then return 0; fi
    kill -0 "$2" 2>/dev/null || die "server on port $1 exited at start; see $3"
    sleep 0.1
  done
  die "server on port $1 did not answer within 30 s; see $3"
}

start() {
  local dir=$1
  [ -x "$SERVER" ] || {
    echo "clickhouse-cluster: clickhouse-server is not installed (scripts/install-deps.sh installs it)" >&2
    exit 77
  }
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  [ ! -e "$dir/shard1.pid" ] || die "$dir already holds a cluster; run: $0 stop $dir"
  local http1 tcp1 http2 tcp2
  http1=$(free_port) tcp1=$(free_port) http2=$(free_port) tcp2=$(free_port)
  local n
  for n in 1 2; do
    local sd="$dir/shard$n" http tcp
    mkdir -p "$sd/data" "$sd/tmp" "$sd/user_files" "$sd/format_schemas"
    if [ "$n" = 1 ]; then http=$http1 tcp=$tcp1; else http=$http2 tcp=$tcp2; fi
    write_users "$sd/users.xml"
    write_config "$sd/config.xml" "$sd" "$http" "$tcp" "$tcp1" "$tcp2"
    (cd "$sd" && exec "$SERVER" --config-file="$sd/config.xml" >"$sd/stdout.log" 2>&1) &
    echo $! >"$dir/shard$n.pid"
    echo "$http" >"$dir/shard$n.http"
  done
  wait_ready "$http1" "$(cat "$dir/shard1.pid")" "$dir/shard1/server.err.log"
  wait_ready "$http2" "$(cat "$dir/shard2.pid")" "$dir/shard2/server.err.log"
  echo "clickhouse://127.0.0.1:$http1/entente?cluster=entente&shards=127.0.0.1:$http1,127.0.0.1:$http2" >"$dir/url"
  echo "clickhouse-cluster: shards on http ports $http1 and $http2 (data under $dir)" >&2
  cat "$dir/url"
}

stop_one() {  # stop_one PIDFILE
  [ -f "$1" ] || return 0
  local pid
  pid=$(cat "$1")
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

case "${1:-}" in
  start) [ $# = 2 ] || die "usage: $0 start DIR"; start "$2" ;;
  stop)
    [ $# = 2 ] || die "usage: $0 stop DIR"
    stop_one "$2/shard1.pid"
    stop_one "$2/shard2.pid"
    ;;
  kill-shard) [ $# = 3 ] || die "usage: $0 kill-shard DIR N"; stop_one "$2/shard$3.pid" ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
