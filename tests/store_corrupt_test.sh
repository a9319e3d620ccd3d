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

# A torn manifest.
head -c 40 "$store/MANIFEST" > "$WORK/m" && cp "$WORK/m" "$store/MANIFEST"
err=$("$BIN" --store "$store" -q info 2>&1 >/dev/null)
[ $? = 4 ] || fail "info on a torn manifest did not exit 4"
echo "$err" | grep -q "MANIFEST" || fail "torn manifest error does not name it: $err"
echo "torn manifest: $err"
echo "PASS"
