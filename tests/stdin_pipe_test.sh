#!/bin/bash
# Inputs that are not regular files: standard input ("-") and pipes (<(...)), plain, gzip and zip.
# `events` prints the same rows as from the file, `ingest` stores them once (a second ingest of
# the same bytes from a pipe adds nothing), and a bad row is still reported with its line.
source "$(dirname "$0")/store_test_lib.sh"

"$BIN" generate --rows 2000 --seed 5 -o "$WORK/g.csv" >/dev/null 2>&1 || fail "generate failed"
gzip -c "$WORK/g.csv" >"$WORK/g.csv.gz"
(cd "$WORK" && zip -q g.zip g.csv) || skip "zip is not installed"

want=$("$BIN" -q events "$WORK/g.csv" --format tsv | md5sum)
for how in stdin-plain stdin-gzip stdin-zip pipe-plain pipe-gzip; do
  case $how in
    stdin-plain) got=$("$BIN" -q events - --format tsv <"$WORK/g.csv" | md5sum) ;;
    stdin-gzip) got=$(cat "$WORK/g.csv.gz" | "$BIN" -q events - --format tsv | md5sum) ;;
    stdin-zip) got=$(cat "$WORK/g.zip" | "$BIN" -q events - --format tsv | md5sum) ;;
    pipe-plain) got=$("$BIN" -q events <(cat "$WORK/g.csv") --format tsv | md5sum) ;;
    pipe-gzip) got=$("$BIN" -q events <(cat "$WORK/g.csv.gz") --format tsv | md5sum) ;;
  esac
  [ "$got" = "$want" ] || fail "events from $how differ from the file's"
done

store="$WORK/s"
cat "$WORK/g.csv" | "$BIN" --store "$store" -q ingest - >/dev/null || fail "ingest - failed"
[ "$(info_value events "$store")" = 2000 ] || fail "ingest - stored $(info_value events "$store")"
"$BIN" --store "$store" -q ingest <(cat "$WORK/g.csv.gz") >/dev/null || fail "ingest <(...) failed"
[ "$(info_value events "$store")" = 2000 ] || fail "re-ingest from a pipe added events"

# A bad row from standard input is reported as "-:LINE".
{ head -3 "$WORK/g.csv"; printf 'not\ta\tgdelt\trow\n'; } >"$WORK/bad.csv"
err=$("$BIN" events - --format tsv <"$WORK/bad.csv" 2>&1 >/dev/null)
echo "$err" | grep -q -- "-:4" || fail "the bad row was not reported at -:4: $err"
echo "PASS"
