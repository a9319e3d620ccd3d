#!/bin/sh
# Counts the actor slots (source and target of every event) of event files by what they name:
# state, role-only (GOV, BUS...), region (EUR, WST; also areas such as GZS), other (IGO, NGO,
# known groups, unknown codes) or blank. The rule is the one scan and the report's neighbourhood
# apply (core/cameo.h IsStateCode; docs/FORMATS.md "States, roles, regions and blanks"): an
# actor's country is its country code when set, else the first three letters of its code when
# they are a CAMEO country, else the code. Reads through `entente events`, so codes are trimmed
# as the store holds them.
#
# Usage: scripts/actor_slots.sh ENTENTE_BINARY FILE...
set -eu
bin=$1
shift
cameo=$(dirname "$0")/../data/cameo
"$bin" --quiet --format tsv events "$@" | awk -F'\t' -v countries="$cameo/countries.tsv" \
  -v types="$cameo/actortypes.tsv" '
BEGIN {
  while ((getline line < countries) > 0) {
    if (line ~ /^#/) continue
    split(line, f, "\t"); if (f[1] != "code") kind[f[1]] = f[3]
  }
  while ((getline line < types) > 0) {
    if (line ~ /^#/) continue
    split(line, f, "\t"); if (f[1] != "code") role[f[1]] = 1
  }
}
function slot(code, country,   c) {
  if (code == "" && country == "") { n["blank"]++; return }
  c = country
  if (c == "") c = (substr(code, 1, 3) in kind) ? substr(code, 1, 3) : code
  if (!(c in kind)) {
    if (c in role) n["role-only"]++
    else n["other"]++
  } else if (kind[c] == "state") n["state"]++
  else n["region"]++
}
NR > 1 { slot($3, $4); slot($5, $6); rows++ }
END {
  printf "events %d, slots %d: state %d, role-only %d, region %d, other %d, blank %d\n", rows,
         2 * rows, n["state"], n["role-only"], n["region"], n["other"], n["blank"]
}'
