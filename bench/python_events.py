#!/usr/bin/python3
"""Store.events() of N generated rows against pandas.read_csv of the same events as the CLI's csv.

Both sides produce the same DataFrame columns (`entente events` columns) from the same store, in
one run: entente through the Python module (columns filled in C++, handed over as numpy arrays),
the baseline by reading `entente events --format csv` output, written once beforehand, with
pandas.read_csv (its C parser; code and root read as text, as entente gives them). Setup (generate, ingest, export) is untimed; one warm-up, then
RUNS timed runs of each, median wall time. The answers are checked to agree (rows, sums).

Usage: PYTHONPATH=build/python /usr/bin/python3 bench/python_events.py [BUILD_DIR] [ROWS]
Inputs and the store live under /work/bench-data (never in the repo). RUNS=N (default 5).
"""

import os
import statistics
import subprocess
import sys
import time

import pandas as pd

import entente

build = sys.argv[1] if len(sys.argv) > 1 else "build"
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
runs = int(os.environ.get("RUNS", "5"))
binary = os.path.join(build, "entente")
data = "/work/bench-data"
source = f"{data}/gdelt2-{rows}.csv"
store = f"{data}/python-store-{rows}"
csv = f"{data}/python-events-{rows}.csv"


def sh(*args, **kw):
    subprocess.run(args, check=True, **kw)


if not os.path.exists(source):
    sh(binary, "generate", "--rows", str(rows), "--seed", "1", "-o", source)
if not os.path.exists(store):
    sh(binary, "--store", store, "-q", "ingest", source)
if not os.path.exists(csv):
    with open(csv, "w") as out:
        sh(binary, "--store", store, "-q", "--format", "csv", "events", stdout=out)


def timed(fn):
    fn()  # warm-up (and page cache)
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), max(times), result


s = entente.open(store, quiet=True)
ours = timed(lambda: s.events())
base = timed(lambda: pd.read_csv(csv, dtype={"code": str, "root": str}))
a, b = ours[3], base[3]
assert len(a) == len(b) == rows, (len(a), len(b))
assert a["mentions"].sum() == b["mentions"].sum()
assert abs(a["goldstein"].sum() - b["goldstein"].sum()) < 1e-6 * max(1, abs(b["goldstein"].sum()))

print(f"rows {rows}, runs {runs}, median (min-max) wall seconds")
print(f"entente Store.events()   {ours[0]:.3f} ({ours[1]:.3f}-{ours[2]:.3f})")
print(f"pandas.read_csv of csv   {base[0]:.3f} ({base[1]:.3f}-{base[2]:.3f})  "
      f"[{os.path.getsize(csv) / 1e6:.0f} MB]")
print(f"ratio {base[0] / ours[0]:.1f}x")
