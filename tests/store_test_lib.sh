# Helpers for the store's shell tests (sourced, not run: the name does not end in _test.sh).
# Sets BIN and WORK, and makes a large GDELT 2.0 input ($WORK/big.csv) for crash and lock tests:
# `entente generate` when it exists, else the shared GDELT 2.0 samples repeated with fresh ids.
set -u
BIN=${ENTENTE_BINARY:-entente}
DATA=${ENTENTE_SHARED_DATA:-}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/entente-store-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 0; }

# info_value KEY STORE: the value of one `entente info` row.
info_value() {
  "$BIN" --store "$2" --format tsv -q info | awk -F'\t' -v k="$1" '$1 == k { print $2 }'
}

# kill_after DELAY COMMAND...: runs COMMAND in the background (output discarded) and kills it with
# SIGKILL after DELAY seconds if it is still running, then reaps it: a crash at that moment. What
# must hold afterwards is each test's own check.
kill_after() {
  local delay=$1
  shift
  "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}

make_big_input() {  # ROWS
  local rows=$1
  if "$BIN" generate --rows "$rows" --seed 11 -o "$WORK/big.csv" >/dev/null 2>&1; then
    return 0
  fi
  local sample="$DATA/gdelt2/geomesa-tutorials/20180101000000.export.CSV"
  [ -f "$sample" ] || skip "neither 'entente generate' nor $sample is available"
  awk -F'\t' -v OFS='\t' -v rows="$rows" '
    { line[NR] = $0 }
    END {
      for (i = 0; i < rows; i++) {
        n = split(line[i % NR + 1], f, "\t")
        f[1] = 900000000 + i
        out = f[1]; for (j = 2; j <= n; j++) out = out OFS f[j]
        print out
      }
    }' "$sample" > "$WORK/big.csv"
}
