#!/usr/bin/env python3
# Derives data/cameo/plover.tsv, the CAMEO-to-PLOVER table `entente code --scheme plover` and
# `entente events --scheme` use, from the PLOVER project's CAMEO2PLOVER table (draft 0.8, 2021;
# ../shared/data/cameo/plover, see its PROVENANCE.md). Only the facts are kept: each CAMEO code and
# the PLOVER event, mode and context it maps to; the descriptions are left out.
#
# Regenerate (from the repository root):
#     python3 tools/derive_plover_table.py ../shared/data data/cameo/plover.tsv
# then rebuild (the table is compiled into the binary) and re-run test_core.
#
# The source's irregularities, and what this does with them:
# - a root line "NN: EVENT" has no mode or context: it is written as the root's row;
# - root 08 has two root lines (CONCEDE for 080-083, RETREAT for 084-087): the first is the
#   root's, the codes below keep their own;
# - a code listed twice must map the same both times (175, 186, 201 are), else this fails;
# - several contexts ("legal; military") are kept, joined by ';' without spaces;
# - CAMEO roots 01 and 02 are not in the source: their codes have no PLOVER event.
import re
import sys

SHARED = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
OUT = sys.argv[2] if len(sys.argv) > 2 else 'data/cameo/plover.tsv'
SOURCE = SHARED + '/cameo/plover/CAMEO2PLOVER-2021.txt'

LINE = re.compile(r'^(\d{2,4}):\s*([A-Z]+)\s*(?:,(.*))?$')


def clean(field):
    parts = [p.strip() for p in field.split(';')]
    return ';'.join(p for p in parts if p)


def main():
    table = {}
    with open(SOURCE, encoding='utf-8') as f:
        for raw in f:
            line = raw.split('#', 1)[0].strip()
            if not line or line.startswith('~'):
                continue
            m = LINE.match(line)
            if not m:
                sys.exit(f'{SOURCE}: cannot read {raw!r}')
            code, event, rest = m.group(1), m.group(2), m.group(3)
            fields = (rest or '').split(',')
            mode = clean(fields[0]) if len(fields) > 0 else ''
            context = clean(','.join(fields[1:])) if len(fields) > 1 else ''
            row = (event, mode, context)
            if code in table:
                if len(code) == 2 or table[code] == row:
                    continue  # a second root line, or the same mapping again
                sys.exit(f'{SOURCE}: {code} maps to {table[code]} and to {row}')
            table[code] = row
    with open(OUT, 'w', encoding='utf-8') as out:
        out.write('# entente CAMEO-to-PLOVER table (table format 1): code, PLOVER event, mode, '
                  'context.\n')
        out.write('# Derived by tools/derive_plover_table.py from the PLOVER project\'s '
                  'CAMEO2PLOVER table (draft 0.8,\n')
        out.write('# 2021-09-17; openeventdata/PLOVER): codes and categories only. Roots 01 and '
                  '02 have no PLOVER event.\n')
        out.write('code\tevent\tmode\tcontext\n')
        for code in sorted(table):
            out.write('\t'.join((code,) + table[code]) + '\n')


main()
