#!/usr/bin/env python3
"""Runs docs/TUTORIAL.md: every ```sh block in order, in one scratch directory, and checks that
its standard output is the ```text block after it, exactly. ```shell blocks are shown, not run
(a server, the network). A block that needs what this machine lacks (../shared/data, the Python
module) is skipped with a message.

Usage: tutorial_check.py TUTORIAL.md WORKDIR [--write OUT.md]
--write writes the tutorial with each ```text block replaced by what its command printed.
"""
import os
import subprocess
import sys


def blocks(lines):
    """Yields (kind, start, end) of fenced blocks: lines[start:end] is the body."""
    i = 0
    while i < len(lines):
        if lines[i].startswith("```") and lines[i].strip() != "```":
            kind = lines[i].strip()[3:]
            j = i + 1
            while j < len(lines) and lines[j].rstrip("\n") != "```":
                j += 1
            yield kind, i + 1, j
            i = j + 1
        else:
            i += 1


def missing_need(command, workdir):
    if "../shared/data" in command and not os.path.isdir(os.path.join(workdir, "../shared/data")):
        return "../shared/data is absent"
    if "build/python" in command and not os.path.isdir(os.path.join(workdir, "build/python/entente")):
        return "the Python module is not built here"
    return None


def main():
    path, workdir = sys.argv[1], sys.argv[2]
    out_path = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--write" else None
    lines = open(path, encoding="utf-8").read().split("\n")
    found = list(blocks(lines))
    replacements, failures, ran = {}, [], 0
    for n, (kind, start, end) in enumerate(found):
        if kind != "sh":
            continue
        command = "\n".join(lines[start:end])
        expected = None
        if n + 1 < len(found) and found[n + 1][0] == "text" and found[n + 1][1] == end + 2:
            expected = found[n + 1]
        why = missing_need(command, workdir)
        if why:
            print(f"SKIP block at line {start}: {why}")
            continue
        r = subprocess.run(["bash", "-e", "-c", command], cwd=workdir, capture_output=True,
                           text=True, timeout=300)
        ran += 1
        if r.returncode != 0:
            failures.append(f"line {start}: exit {r.returncode}\n{command}\n{r.stderr}")
            continue
        if expected is None:
            continue
        got = r.stdout.rstrip("\n").split("\n")
        want = lines[expected[1]:expected[2]]
        replacements[expected[1]] = (expected[2], got)
        if got != want and not out_path:
            diff = "\n".join(f"  want: {w}\n  got:  {g}" for w, g in zip(want + [""] * len(got),
                                                                         got + [""] * len(want))
                             if w != g)
            failures.append(f"line {start}: output differs\n{command}\n{diff}")
    if out_path:
        result, i = [], 0
        while i < len(lines):
            if i in replacements:
                end, got = replacements[i]
                result.extend(got)
                i = end
            else:
                result.append(lines[i])
                i += 1
        open(out_path, "w", encoding="utf-8").write("\n".join(result))
    for f in failures:
        print(f"FAIL: {f}", file=sys.stderr)
    print(f"tutorial: {ran} blocks run, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
