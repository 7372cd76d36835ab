#!/usr/bin/python3
"""bench/net2dat.py NETWORK.xml - the data section of bench/cluster.mod for a cefo network
(spec section 1), read with the standard library's XML parser: independent of cefo."""
import sys
import xml.etree.ElementTree as ET


def q(s):
    return "'" + s.replace("'", "''") + "'"


def main(path):
    root = ET.parse(path).getroot()
    mats = list(root.iter("material"))
    pols = list(root.iter("pollutant"))
    procs = list(root.iter("process"))
    links = list(root.iter("link"))
    out = ["data;"]
    w = out.append
    w("set P := " + " ".join(q(p.get("id")) for p in procs) + ";")
    w("set M := " + " ".join(q(m.get("id")) for m in mats) + ";")
    w("set K := " + " ".join(q(k.get("id")) for k in pols) + ";")
    w("set L := " + " ".join(str(i) for i in range(len(links))) + ";")
    w("set LM := " + " ".join(sorted({q(l.get("material")) for l in links})) + ";")

    def table(name, rows):
        if rows:
            w(f"param {name} := " + " ".join(f"[{a},{b}] {v}" for a, b, v in rows) + ";")

    def vector(name, rows):
        if rows:
            w(f"param {name} := " + " ".join(f"{a} {v}" for a, v in rows) + ";")

    table("inp", [(q(p.get("id")), q(t.get("material")), t.get("amount")) for p in procs for t in p.iter("input")])
    table("outp", [(q(p.get("id")), q(t.get("material")), t.get("amount")) for p in procs for t in p.iter("output")])
    table("em", [(q(p.get("id")), q(t.get("pollutant")), t.get("amount")) for p in procs for t in p.iter("emission")])
    table("emd", [(q(m.get("id")), q(t.get("pollutant")), t.get("amount")) for m in mats for t in m.iter("emission")])
    vector("cap", [(q(p.get("id")), p.get("capacity")) for p in procs if p.get("capacity")])
    vector("pmin", [(q(p.get("id")), p.get("min")) for p in procs if p.get("min")])
    vector("pcost", [(q(p.get("id")), p.get("cost")) for p in procs if p.get("cost")])
    for attr, flag, val in (("import-cost", "can_imp", "impc"), ("export-price", "can_exp", "expp"),
                            ("discharge-cost", "can_dis", "disc")):
        vector(flag, [(q(m.get("id")), 1) for m in mats if m.get(attr) is not None])
        vector(val, [(q(m.get("id")), m.get(attr)) for m in mats if m.get(attr) is not None])
    vector("implim", [(q(m.get("id")), m.get("import-limit")) for m in mats if m.get("import-limit")])
    demand = {}
    for d in root.iter("demand"):
        demand[d.get("material")] = demand.get(d.get("material"), 0.0) + float(d.get("amount"))
    vector("dem", [(q(m), repr(v)) for m, v in demand.items()])
    vector("dmg", [(q(k.get("id")), k.get("damage-cost")) for k in pols if k.get("damage-cost")])
    vector("kcap", [(q(k.get("id")), k.get("cap")) for k in pols if k.get("cap")])
    vector("lfrom", [(i, q(l.get("from"))) for i, l in enumerate(links)])
    vector("lto", [(i, q(l.get("to"))) for i, l in enumerate(links)])
    vector("lmat", [(i, q(l.get("material"))) for i, l in enumerate(links)])
    vector("lcost", [(i, l.get("cost")) for i, l in enumerate(links) if l.get("cost")])
    vector("lcap", [(i, l.get("capacity")) for i, l in enumerate(links) if l.get("capacity")])
    w("end;")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
