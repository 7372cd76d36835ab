#!/usr/bin/python3
"""knapsack.py N [SEED] - a fixed-charge MIP that is hard for branch and bound: N optional
plants, plant i makes w_i t of steel when it runs (min = capacity = w_i), costs 5 a t plus a
fixed cost 4 w_i - 100000; steel not made is imported at 10, and demand is half the plants'
total capacity. Choosing plant i saves w_i + 100000 over importing, so the model is a
strongly correlated 0/1 knapsack (max sum (w_i + 100000) y_i, sum w_i y_i <= demand), the
classic hard case. The objective is 10 x demand - the best saving. Deterministic (a 64-bit
LCG). Wrote tests/cli/data/knapsack-16.xml and knapsack-60.xml (used by time-limit.sh)."""
import sys

n = int(sys.argv[1])
s = int(sys.argv[2]) if len(sys.argv) > 2 else 7


def rnd(lo, hi):
    global s
    s = (s * 6364136223846793005 + 1442695040888963407) % 2**64
    return lo + (s >> 33) % (hi - lo + 1)


ws = [rnd(100000, 1000000) for _ in range(n)]
print('<?xml version="1.0" encoding="UTF-8"?>')
print(f"<!-- tests/cli/data/knapsack.py {n}: a strongly correlated 0/1 knapsack as a"
      " fixed-charge MIP. -->")
print('<network version="1">')
print('  <material id="steel" unit="t" import-cost="10"/>')
for i, w in enumerate(ws):
    print(f'  <process id="p{i:02d}" optional="true" capacity="{w}" min="{w}" cost="5"'
          f' fixed-cost="{4 * w - 100000}"><output material="steel" amount="1"/></process>')
print(f'  <demand material="steel" amount="{sum(ws) // 2}"/>')
print('</network>')
