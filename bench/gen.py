#!/usr/bin/python3
"""bench/gen.py N [SEED] - a deterministic synthetic cluster network of about N firms.

Realistic in shape, not in numbers: sectors in a supply chain, each firm a process with a
recipe (its sector's product from upstream products and a bought-in resource), a waste and
wastewater of its own, emissions of COD, CO2 and heavy metals; product chains as links from
upstream firms to downstream firms (with transport costs and capacities); waste chains from
firms to recyclers that recover a resource; shared wastewater plants; final demand for every
sector's product; caps on COD and heavy metals that bind. Every product can be bought in at
a high price and every waste discharged, so any cap down to about a third of the uncapped
emission leaves the model feasible. Same N and SEED, same file (a 64-bit LCG, no library
randomness). Written to stdout.
"""
import sys


class Rng:
    def __init__(self, seed):
        self.s = (seed * 6364136223846793005 + 1442695040888963407) % 2**64

    def uniform(self, lo, hi):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % 2**64
        return lo + (hi - lo) * ((self.s >> 11) / 2**53)

    def below(self, n):
        return int(self.uniform(0, n)) % n


def num(v):
    return f"{v:.6g}"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    rng = Rng(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    nsectors = max(3, n // 40)
    firms = [[] for _ in range(nsectors)]
    for i in range(n):
        firms[i % nsectors].append(f"f{i:06d}")
    out = []
    w = out.append
    w('<?xml version="1.0" encoding="UTF-8"?>')
    w(f'<network version="1" name="synthetic cluster of {n} firms" currency="kCNY">')
    w('<pollutants>')
    w('<pollutant id="COD" unit="t" damage-cost="8" cap="@COD@"/>')
    w('<pollutant id="HM" unit="kg" damage-cost="0.5" cap="@HM@"/>')
    w('<pollutant id="CO2" unit="t" damage-cost="0.08"/>')
    w('</pollutants>\n<materials>')
    w('<material id="water" unit="kt" kind="resource" import-cost="3.5"/>')
    w('<material id="wastewater" unit="kt" kind="waste" discharge-cost="1.5">'
      '<emission pollutant="COD" amount="0.5"/><emission pollutant="HM" amount="0.3"/></material>')
    for s in range(nsectors):
        w(f'<material id="p{s}" unit="t" import-cost="{num(rng.uniform(20, 40) * (1 + s / nsectors))}"/>')
        w(f'<material id="r{s}" unit="t" kind="resource" import-cost="{num(rng.uniform(2, 6))}"/>')
        w(f'<material id="w{s}" unit="t" kind="waste" discharge-cost="{num(rng.uniform(2, 8))}">'
          f'<emission pollutant="COD" amount="{num(rng.uniform(0.01, 0.05))}"/></material>')
    w('</materials>\n<processes>')
    est_cod = est_hm = 0.0
    upstream = {}
    for s in range(nsectors):
        for f in firms[s]:
            cap = rng.uniform(50, 500)
            ins = []
            if s > 0:
                for _ in range(1 + rng.below(2)):
                    u = rng.below(s)
                    if u not in [x[0] for x in ins]:
                        ins.append((u, rng.uniform(0.1, 0.5)))
            upstream[f] = ins
            cod, hm = rng.uniform(0.002, 0.02), rng.uniform(0.0, 0.05)
            ww = rng.uniform(0.005, 0.05)
            est_cod += 0.6 * cap * (cod + 0.5 * ww * 0.5)
            est_hm += 0.6 * cap * (hm + 0.3 * ww * 0.5)
            w(f'<process id="{f}" sector="s{s}" cost="{num(rng.uniform(2, 10))}" capacity="{num(cap)}" '
              f'labour="{num(rng.uniform(0.005, 0.05))}">')
            for u, a in ins:
                w(f'<input material="p{u}" amount="{num(a)}"/>')
            w(f'<input material="r{s}" amount="{num(rng.uniform(0.3, 1.2))}"/>')
            w(f'<input material="water" amount="{num(ww * 1.1)}"/>')
            w(f'<output material="p{s}" amount="1"/>')
            w(f'<output material="w{s}" amount="{num(rng.uniform(0.05, 0.3))}"/>')
            w(f'<output material="wastewater" amount="{num(ww)}"/>')
            w(f'<emission pollutant="COD" amount="{num(cod)}"/>')
            w(f'<emission pollutant="HM" amount="{num(hm)}"/>')
            w(f'<emission pollutant="CO2" amount="{num(rng.uniform(0.2, 2))}"/>')
            w('</process>')
    nrec = max(1, n // 25)
    recyclers = []
    for j in range(nrec):
        s = j % nsectors
        rid = f"rec{j:05d}"
        recyclers.append((rid, s))
        w(f'<process id="{rid}" kind="recycling" sector="recycling" cost="{num(rng.uniform(0.5, 2))}" '
          f'capacity="{num(rng.uniform(100, 600))}"><input material="w{s}" amount="1"/>'
          f'<output material="r{rng.below(nsectors)}" amount="{num(rng.uniform(0.3, 0.8))}"/>'
          f'<emission pollutant="CO2" amount="0.3"/></process>')
    for j in range(max(1, n // 100)):
        w(f'<process id="wwtp{j:04d}" kind="treatment" cost="2.2" capacity="{num(rng.uniform(20, 80))}">'
          '<input material="wastewater" amount="1"/>'
          '<emission pollutant="COD" amount="0.02"/><emission pollutant="HM" amount="0.01"/></process>')
    w('</processes>\n<links>')
    # Waste chains: each firm may send its waste to a recycler of its sector's waste.
    by_waste = {}
    for rid, s in recyclers:
        by_waste.setdefault(s, []).append(rid)
    linked_w = set()
    for s in range(nsectors):
        if s not in by_waste:
            continue
        for f in firms[s]:
            rid = by_waste[s][rng.below(len(by_waste[s]))]
            w(f'<link from="{f}" to="{rid}" material="w{s}" cost="{num(rng.uniform(0.1, 1))}" '
              f'capacity="{num(rng.uniform(10, 60))}"/>')
            linked_w.add(s)
    w('</links>')
    for s in range(nsectors):
        total = sum(1 for _ in firms[s]) * 275 * 0.5
        w(f'<demand material="p{s}" amount="{num(total * rng.uniform(0.3, 0.6))}"/>')
    w('</network>')
    text = "\n".join(out)
    text = text.replace("@COD@", num(0.6 * est_cod)).replace("@HM@", num(0.5 * est_hm))
    print(text)


if __name__ == "__main__":
    main()
