#!/bin/bash
# A flipped byte in a segment: commands that read it fail with a clear error naming the file
# (exit 4), never print damaged data; a torn manifest likewise.
source "$(dirname "$0")/store_test_lib.sh"

sample="$DATA/gdelt2/geomesa-tutorials/20180101000000.export.CSV"
[ -f "$sample" ] || skip "shared data not found: $sample"
store="$WORK/s"
"$BIN" --store "$store" -q ingest "$sample" >/dev/null || fail "ingest"
seg=$(ls "$store"/seg-*.ens | head -1)
size=$(stat -c %s "$seg")
# Flip one byte in the middle (a column block).
python3 - "$seg" $((size / 2)) <<'PY'
import sys
p, at = sys.argv[1], int(sys.argv[2])
b = bytearray(open(p, 'rb').read()); b[at] ^= 0x5a; open(p, 'wb').write(b)
PY
err=$("$BIN" --store "$store" -q export --to "$WORK/out.csv" 2>&1 >/dev/null)
rc=$?
[ "$rc" = 4 ] || fail "export on a damaged segment exited $rc, expected 4 ($err)"
echo "$err" | grep -q "$seg" || fail "the error does not name the file: $err"
echo "$err" | grep -q "checksum mismatch" || fail "the error does not say what is wrong: $err"
[ ! -e "$WORK/out.csv" ] || fail "a partial export was left behind"
err=$("$BIN" --store "$store" -q info --check 2>&1 >/dev/null)
[ $? = 4 ] || fail "info --check did not fail"
echo "$err" | grep -q "$seg" || fail "info --check does not name the file: $err"
echo "damaged segment: $err"

# Every byte of the trailer (meta offset, sizes, checksum, version, magic) and the header's
# version, flipped in turn: exit 4 naming the file, before anything is allocated from the damaged
# sizes (a raw size is checked against the zstd frame's own).
"$BIN" --store "$WORK/t" -q ingest "$sample" >/dev/null || fail "ingest"
tseg=$(ls "$WORK/t"/seg-*.ens | head -1)
cp "$tseg" "$WORK/intact.ens"
tsize=$(stat -c %s "$tseg")
for at in 8 9 10 11 $(seq $((tsize - 40)) $((tsize - 1))); do
  cp "$WORK/intact.ens" "$tseg"
  python3 - "$tseg" "$at" <<'PY'
import sys
p, at = sys.argv[1], int(sys.argv[2])
b = bytearray(open(p, 'rb').read()); b[at] ^= 0xff; open(p, 'wb').write(b)
PY
  err=$("$BIN" --store "$WORK/t" -q info 2>&1 >/dev/null)
  rc=$?
  [ "$rc" = 4 ] || fail "byte $at of the segment flipped: exit $rc, expected 4 ($err)"
  echo "$err" | grep -q "$tseg" || fail "byte $at flipped: the error does not name the file: $err"
done
cp "$WORK/intact.ens" "$tseg"
"$BIN" --store "$WORK/t" -q info >/dev/null || fail "the restored segment does not read"
echo "every trailer byte flipped: exit 4 naming the file"

# A segment the MANIFEST names, deleted: a damaged store (exit 4), not "nothing found" (6).
mv "$tseg" "$WORK/away.ens"
err=$("$BIN" --store "$WORK/t" -q dyad USA RUS 2>&1 >/dev/null)
rc=$?
[ "$rc" = 4 ] || fail "a deleted segment: exit $rc, expected 4 ($err)"
echo "$err" | grep -q "missing" || fail "a deleted segment: unclear error: $err"
echo "deleted segment: $err"

# A torn manifest.
head -c 40 "$store/MANIFEST" > "$WORK/m" && cp "$WORK/m" "$store/MANIFEST"
err=$("$BIN" --store "$store" -q info 2>&1 >/dev/null)
[ $? = 4 ] || fail "info on a torn manifest did not exit 4"
echo "$err" | grep -q "MANIFEST" || fail "torn manifest error does not name it: $err"
echo "torn manifest: $err"
echo "PASS"
