#!/usr/bin/env python3
"""Writes a reproducible CSV of synthetic training runs for the large-fit benchmark (docs/performance.md).

Usage: make_runs.py ROWS [SEED] > runs.csv

N is log-uniform in [1e7, 1e11], D log-uniform in [1e9, 1e13], and the loss follows Hoffmann et al.'s law
(E 1.69, A 406.4, B 410.7, alpha 0.34, beta 0.28) times exp(noise), noise normal with sd 0.01. Python's
random.Random(SEED) (Mersenne Twister) makes the file identical on every machine for a given ROWS and SEED
(default 0), so the benchmark's input is regenerated, never committed.
"""
import math
import random
import sys


def main() -> None:
    rows = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    rng = random.Random(seed)
    out = sys.stdout
    out.write("N,D,loss\n")
    lines = []
    for _ in range(rows):
        n = 10 ** rng.uniform(7, 11)
        d = 10 ** rng.uniform(9, 13)
        loss = (1.69 + 406.4 / n ** 0.34 + 410.7 / d ** 0.28) * math.exp(rng.gauss(0, 0.01))
        lines.append(f"{n:.6e},{d:.6e},{loss:.6f}\n")
        if len(lines) == 10000:
            out.writelines(lines)
            lines = []
    out.writelines(lines)


if __name__ == "__main__":
    main()
