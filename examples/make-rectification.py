#!/usr/bin/python3
"""Writes examples/rectification.xml: 30 firms of the six heavy-polluting industries, each a
group of keep / rectify / relocate variants (none chosen = the firm closes), a park with a
shared wastewater plant, and cluster caps on COD and heavy metals.

Every number is illustrative and follows the rules below (deterministic, no randomness):
- firm j of an industry has capacity base * (0.6 + 0.2 j) and unit cost cost * (1 + 0.03 j);
- keep: the firm as it is, with its direct emissions;
- rectify in place: unit cost +6%, emissions x 0.35, fixed cost 0.08 x capacity x unit cost
  (a year's share of the investment in on-site treatment);
- relocate into the park: unit cost +4% (shared utilities), direct emissions x 0.05, its
  wastewater goes to the park's central plant, fixed cost 0.2 x capacity x unit cost (a
  year's share of moving and rebuilding);
- a product's demand is 80% of its industry's capacity; it can be bought in at 1.6 x unit
  cost, so closing a firm is always possible;
- caps: COD 1400 t and heavy metals 2600 kg, roughly the keep-everything emissions.
Usage: make-rectification.py [COD_CAP HM_CAP] > rectification.xml
       make-rectification.py --registries registries/ [COD_CAP HM_CAP]
The second writes the same network as registries/rectification.xml with its materials, firms
and demands kept in CSV files beside it (materials.csv, firms.csv, demands.csv; spec
section 9), as planners keep them in spreadsheets.

Seed-scale programmes for bench/ (issue 12): make-rectification.py --firms N [--cap-share S]
writes N firms (spread over the six industries), firm j of an industry shaped as firm j mod 5
above with capacity and unit cost each varied by up to +-10% by a deterministic sequence
(identical firms would make branch and bound explore symmetric plans), the park's plant
scaled with N, and both caps at S (default 0.3) times today's emissions: every firm kept,
running at 80% of its capacity (what meets the demand).
"""
import os
import sys

INDUSTRIES = [
    # id, product, unit cost (kCNY/t), base capacity (t), COD t/t, heavy metals kg/t, wastewater kt/t
    ("electroplating", "plated-parts", 2.0, 3000, 0.004, 0.12, 0.03),
    ("chemicals", "fine-chemicals", 6.0, 2000, 0.020, 0.01, 0.02),
    ("printing-dyeing", "dyed-fabric", 3.0, 4000, 0.030, 0.002, 0.10),
    ("papermaking", "paper", 1.5, 8000, 0.012, 0.0, 0.03),
    ("tanning", "leather", 8.0, 1000, 0.050, 0.25, 0.12),
    ("synthetic-leather", "pu-leather", 4.0, 3000, 0.015, 0.0, 0.02),
]
FIRMS = 5


def spread(k):
    """A deterministic value in [0.9, 1.1) for the k-th number drawn (a Weyl sequence)."""
    return 0.9 + 0.2 * ((k * 0.6180339887498949) % 1.0)


def firm_shapes(nfirms):
    """(capacity factor, cost factor) per firm index of an industry, and the firms per industry."""
    if nfirms is None:
        return [[(0.6 + 0.2 * j, 1 + 0.03 * j) for j in range(FIRMS)] for _ in INDUSTRIES]
    shapes, k = [], 0
    for i in range(len(INDUSTRIES)):
        count = nfirms // len(INDUSTRIES) + (i < nfirms % len(INDUSTRIES))
        shapes.append([((0.6 + 0.2 * (j % FIRMS)) * spread(k + 2 * j + 1),
                        (1 + 0.03 * (j % FIRMS)) * spread(k + 2 * j + 2)) for j in range(count)])
        k += 2 * count
    return shapes


def parse_args(argv):
    """(COD cap or None, HM cap or None, firms or None, cap share, registries folder or None)."""
    nfirms, share, caps, registries = None, 0.3, [], None
    i = 0
    while i < len(argv):
        if argv[i] == "--registries":
            registries = argv[i + 1]
            i += 2
        elif argv[i] == "--firms":
            nfirms = int(argv[i + 1])
            i += 2
        elif argv[i] == "--cap-share":
            share = float(argv[i + 1])
            i += 2
        else:
            caps.append(float(argv[i]))
            i += 1
    return (caps + [None, None])[0], (caps + [None, None])[1], nfirms, share, registries


def num(v):
    return f"{v:.6g}"


def main():
    cod_cap, hm_cap, nfirms, share, registries = parse_args(sys.argv[1:])
    shapes = firm_shapes(nfirms)
    if nfirms is not None:  # today's emissions: every firm kept, at 80% of its capacity
        today = [sum(0.8 * base * cf * e for cf, _ in shapes[i])
                 for i, (_, _, _, base, *rest) in enumerate(INDUSTRIES) for e in rest[:2]]
        cod_cap = cod_cap or share * sum(today[0::2])
        hm_cap = hm_cap or share * sum(today[1::2])
    cod_cap = 1400 if cod_cap is None else cod_cap
    hm_cap = 2600 if hm_cap is None else hm_cap
    materials, demands, processes = [], [], []
    for i, (ind, product, cost, base, cod, hm, ww) in enumerate(INDUSTRIES):
        cap_total = sum(base * cf for cf, _ in shapes[i])
        materials.append({"id": product, "unit": "t", "import-cost": num(1.6 * cost)})
        demands.append({"material": product, "amount": num(0.8 * cap_total)})
    for i, (ind, product, cost, base, cod, hm, ww) in enumerate(INDUSTRIES):
        for j, (cf, kf) in enumerate(shapes[i]):
            firm = f"{ind}-{j + 1:02d}"
            cap = base * cf
            c = cost * kf
            variants = [
                ("keep", c, 1.0, 0.0, False),
                ("rectify", 1.06 * c, 0.35, 0.08 * cap * c, False),
                ("relocate", 1.04 * c, 0.05, 0.2 * cap * c, True),
            ]
            for name, vc, factor, fixed, park in variants:
                attrs = {"id": f"{firm}-{name}", "group": firm, "variant": name, "sector": ind,
                         "zone": "park" if park else "town", "cost": num(vc),
                         "capacity": num(cap)}
                if fixed:
                    attrs["fixed-cost"] = num(fixed)
                children = [("output", product, "1")]
                if park:
                    children.append(("output", "park-wastewater", num(ww)))
                if cod:
                    children.append(("emission", "COD", num(cod * factor)))
                if hm:
                    children.append(("emission", "heavy-metals", num(hm * factor)))
                processes.append((attrs, children))
    # The park's central plant treats what relocated firms send it (0.04 t COD, 0.02 kg metals
    # left per kt); any surplus capacity simply stays idle.
    plant = 1500 if nfirms is None else 1500 * nfirms / 30
    processes.append(({"id": "park-wwtp", "name": "park central wastewater plant",
                       "kind": "treatment", "zone": "park", "cost": "2.5",
                       "capacity": num(plant)},
                      [("input", "park-wastewater", "1"), ("emission", "COD", "0.04"),
                       ("emission", "heavy-metals", "0.02")]))
    if registries:
        write_registries(registries, cod_cap, hm_cap, materials, demands, processes)
    else:
        print(network_xml(cod_cap, hm_cap, materials, demands, processes))


def xml_attrs(d):
    return " ".join(f'{k}="{v}"' for k, v in d.items())


def head(cod_cap, hm_cap):
    return ['<?xml version="1.0" encoding="UTF-8"?>',
            "<!-- Generated by examples/make-rectification.py: illustrative numbers, see its "
            "docstring. -->",
            '<network version="1" name="rectification of heavy polluters (illustrative)" '
            'currency="kCNY">',
            f'  <pollutant id="COD" unit="t" damage-cost="8" cap="{num(cod_cap)}"/>',
            f'  <pollutant id="heavy-metals" unit="kg" damage-cost="0.5" cap="{num(hm_cap)}"/>']


def network_xml(cod_cap, hm_cap, materials, demands, processes):
    out = head(cod_cap, hm_cap)
    w = out.append
    w('  <material id="park-wastewater" unit="kt" kind="waste"/>')
    for m, d in zip(materials, demands):
        w(f"  <material {xml_attrs(m)}/>")
        w(f"  <demand {xml_attrs(d)}/>")
    for attrs, children in processes:
        w(f"  <process {xml_attrs(attrs)}>")
        for kind, ref, amount in children:
            refattr = "pollutant" if kind == "emission" else "material"
            w(f'    <{kind} {refattr}="{ref}" amount="{amount}"/>')
        w("  </process>")
    w("</network>")
    return "\n".join(out)


def csv_text(header, rows):
    """RFC 4180 with CRLF, as spreadsheets write it; cells here never need quotes."""
    assert not any(set(",\"\r\n") & set(c) for r in rows for c in r)
    return "".join(",".join(r) + "\r\n" for r in [header] + rows)


def write_registries(folder, cod_cap, hm_cap, materials, demands, processes):
    """The same network with its materials, firms and demands kept as CSV registries."""
    os.makedirs(folder, exist_ok=True)
    out = head(cod_cap, hm_cap)
    out[1] = ("<!-- Generated by examples/make-rectification.py (with its registries option): the "
              "network of rectification.xml, its rows kept in the CSV files beside this one. -->")
    out += ['  <materials src="materials.csv"/>', '  <processes src="firms.csv"/>',
            '  <demands src="demands.csv"/>', "</network>"]
    files = {"rectification.xml": "\n".join(out) + "\n"}
    mcols = ["id", "unit", "kind", "import-cost"]
    mrows = [["park-wastewater", "kt", "waste", ""]] + [[m.get(c, "") for c in mcols]
                                                         for m in materials]
    files["materials.csv"] = csv_text(mcols, mrows)
    files["demands.csv"] = csv_text(["material", "amount"],
                                    [[d["material"], d["amount"]] for d in demands])
    pcols = [c for c in ["id", "name", "sector", "group", "variant", "kind", "zone",
                         "capacity", "cost", "fixed-cost"]
             if any(c in attrs for attrs, _ in processes)]
    ccols = []
    for prefix in ["input", "output", "emission"]:
        ccols += list(dict.fromkeys(f"{k}:{ref}" for _, children in processes
                                    for k, ref, _ in children if k == prefix))
    prows = []
    for attrs, children in processes:
        amounts = {f"{k}:{ref}": a for k, ref, a in children}
        prows.append([attrs.get(c, "") for c in pcols] + [amounts.get(c, "") for c in ccols])
    files["firms.csv"] = csv_text(pcols + ccols, prows)
    for name, text in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)


if __name__ == "__main__":
    main()
