#!/bin/bash
# A store written by an entente of segment format version 2 (tests/data/store-v2: the embedded
# chronicle, then 3,000 rows of `entente generate --seed 4`) still reads, and gives the same
# answers as the same store after `entente compact` has rewritten it in the current version.
source "$(dirname "$0")/store_test_lib.sh"

fixture="${ENTENTE_SOURCE_DIR:-$(dirname "$0")/..}/tests/data/store-v2"
[ -f "$fixture/MANIFEST" ] || fail "fixture missing: $fixture"
old="$WORK/old" new="$WORK/new"
cp -r "$fixture" "$old" && cp -r "$fixture" "$new"

version_of() { od -An -tu4 -j8 -N4 "$1" | tr -d ' '; }
for seg in "$old"/seg-*.ens; do [ "$(version_of "$seg")" = 2 ] || fail "$seg is not version 2"; done
"$BIN" --store "$new" -q compact >/dev/null || fail "compact of the old store"
for seg in "$new"/seg-*.ens; do
  [ "$(version_of "$seg")" = 3 ] || fail "compact left $seg in version $(version_of "$seg")"
done

answers() {  # STORE: what a user asks, every answer in one text
  local s=$1
  "$BIN" --store "$s" -q --format tsv info | grep -E "^(events|first|last|dyads|datasets)"
  "$BIN" --store "$s" -q --format tsv dyad PAK RUS --by year
  "$BIN" --store "$s" -q --format tsv dyad USA RUS --by month
  "$BIN" --store "$s" -q --format tsv dyad IND PAK --by quarter --weight mentions
  "$BIN" --store "$s" -q --format tsv events --dyad PAK,RUS
  "$BIN" --store "$s" -q --format tsv events --actor GOV --limit 50
  "$BIN" --store "$s" -q --format tsv key-events PAK RUS --top 10
  "$BIN" --store "$s" -q --format tsv phases PAK RUS --by year
  "$BIN" --store "$s" -q --format tsv scan --by year --min-events 3
}
answers "$old" > "$WORK/old.txt" || fail "a query failed on the version 2 store"
answers "$new" > "$WORK/new.txt" || fail "a query failed on the compacted store"
[ "$(wc -l < "$WORK/old.txt")" -gt 100 ] || fail "too few answers to compare"
diff "$WORK/old.txt" "$WORK/new.txt" >&2 || fail "the version 2 store and its compacted copy differ"
"$BIN" --store "$old" -q info --check >/dev/null || fail "info --check on the version 2 store"
"$BIN" --store "$new" -q info --check >/dev/null || fail "info --check on the compacted store"
echo "PASS ($(wc -l < "$WORK/old.txt") lines of answers equal)"
