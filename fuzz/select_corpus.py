#!/usr/bin/env python3
"""Picks a small corpus from a libFuzzer merge control file.

`cargo fuzz cmin` keeps every input that adds coverage, which after half an hour of fuzzing
is 400-560 files and 3-7 MB per target. This keeps at most MAX_FILES files and MAX_BYTES
bytes, chosen greedily by new edges per byte (+2 KB per file), and prints their paths.

    fuzz/target/x86_64-unknown-linux-gnu/release/<target> -merge=1 -use_counters=0 \
        -merge_control_file=/tmp/<target>.ctl /tmp/merged fuzz/corpus/<target>
    python3 fuzz/select_corpus.py /tmp/<target>.ctl 150 700000 > keep.txt

The printed line on stderr says how many of the corpus's edges the selection keeps.
"""
import sys

ctl, max_files, max_bytes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
lines = open(ctl).read().split("\n")
# Control file: file count, count in the initial corpus, the paths, then per file
# "STARTED <i> <size>" and "FT <i> <features…>" (edges, with -use_counters=0).
n = int(lines[0])
files = lines[2 : 2 + n]
features, size = {}, {}
for line in lines[2 + n :]:
    parts = line.split()
    if parts and parts[0] == "STARTED":
        size[int(parts[1])] = int(parts[2])
    elif parts and parts[0] == "FT":
        features[int(parts[1])] = set(parts[2:])
every = set().union(*features.values())
covered, chosen, total = set(), [], 0
while len(chosen) < max_files:
    best, best_score = None, 0.0
    for i, f in features.items():
        gain = len(f - covered)
        if i in chosen or gain == 0 or total + size[i] > max_bytes:
            continue
        score = gain / (size[i] + 2048)
        if score > best_score:
            best, best_score = i, score
    if best is None:
        break
    chosen.append(best)
    covered |= features[best]
    total += size[best]
print(
    f"{len(chosen)} files, {total} bytes, {len(covered)}/{len(every)} edges "
    f"({100 * len(covered) / len(every):.1f}%)",
    file=sys.stderr,
)
for i in chosen:
    print(files[i])
