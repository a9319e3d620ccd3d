# Sourced by the bench scripts that time whole `entente` processes. Needs $runs (how many timed
# runs) and $out (a directory for /usr/bin/time's output).

median() { sort -g | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# process_ms BIN STORE COMMAND...: "median_ms max_rss_mib" of $runs whole-process runs of
# `BIN --store STORE -q COMMAND...`, after one that warms the page cache.
process_ms() {
  local bin=$1 store=$2 ms=() rss=0
  shift 2
  "$bin" --store "$store" -q "$@" >/dev/null
  for _ in $(seq "$runs"); do
    local t0 t1 kb
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$out/rss" "$bin" --store "$store" -q "$@" >/dev/null
    t1=$(date +%s%N)
    ms+=("$(((t1 - t0) / 1000))")
    kb=$(tail -1 "$out/rss")
    ((kb > rss)) && rss=$kb
  done
  printf '%s %d\n' "$(printf '%s\n' "${ms[@]}" | median | awk '{printf "%.1f", $1 / 1000}')" \
    $((rss / 1024))
}
