#!/usr/bin/python3
"""Writes a five-year rectification programme (2011-2015) of the six heavy-polluting
industries at the seed's scale: by default 1,151 firms, each a group of keep / rectify /
relocate variants moving forward only (keep -> rectify -> relocate -> closed; a closed firm
never reopens), as one multi-period network (<periods>).

The firms are make-rectification.py --firms N (its docstring gives the firm shapes, costs
and emission factors); this script turns that snapshot into a programme. Every number is
illustrative and follows these rules (deterministic, no randomness):
- periods 2011-2015, one year each, discounted at 8% a year, then one period 2016-2025 of ten
  years under the rules of 2015: an investment is judged over the years it serves, not only
  over what is left of the five-year plan (without it, a firm rectified or relocated in 2015
  would have to pay back in one year, and closing would look cheaper than it is);
- caps on COD and heavy metals start at today's emissions (every firm kept, at 80% of its
  capacity) and tighten each year: 85% in 2012, 65% in 2013, 45% in 2014, 30% in 2015;
- the programme's deadline: from 2015 no firm may run as it was (the keep variant's capacity
  is 0 from then on), so every firm is rectified, relocated or closed by then;
- demand grows 2% a year; it can still be bought in at 1.6 x unit cost, so closing a firm
  is always possible;
- relocated into the park, a firm runs new lines on shared utilities: its unit cost is 5%
  below the old firm's (make-rectification.py's snapshot has it 4% above);
- rectifying in place costs an investment of 0.2 x capacity x unit cost, relocating into the
  park 0.5 x capacity x unit cost, each paid once in the year it is done (then the variant
  runs for its 15-year lifetime, past the programme's end); each costs a yearly fixed
  cost of 0.02 (rectified) or 0.03 (relocated) x capacity x unit cost while it runs, and a
  firm kept as it is 0.01 x capacity x unit cost (permits and monitoring), so that a firm
  left open but idle is not free: it closes;
- sl-quota: from 2013 the synthetic-leather association's 60% capacity cut: the industry's
  output at most 40% of its capacity, shared among its firms as the optimum finds best;
- park-land: a relocated firm takes 1.5 ha per 1000 t of capacity; the park's land opens in
  three stages (a third in 2011, two thirds from 2013, all from 2015), in all enough for 45%
  of the firms' capacity;
- fund: a circular-economy fund pays 40% of the investment of every rectification or
  relocation of a key firm (tanning and electroplating) within one budget for the whole
  programme (scope="total"), 1200 kCNY per 30 firms; its negative price credits the
  cluster with what it pays.
Usage: make-programme.py [--firms N] [--snapshot YEAR] > programme.xml
--snapshot YEAR writes the single-period network as the programme stands in YEAR instead (its
steps applied, no <periods>; an investment becomes the yearly annuity that pays it back over
its lifetime at the discount rate, added to the fixed cost; total-scope budgets are shared
evenly over the years): the single-period model that bench/run-programme compares with.
"""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
PERIODS = ["2011", "2012", "2013", "2014", "2015"]
AFTER, AFTER_YEARS = "2016-2025", 10
RATE = 0.08
CAP_STEPS = {"2012": 0.85, "2013": 0.65, "2014": 0.45, "2015": 0.30}
DEADLINE = "2015"
DEMAND_GROWTH = 0.02
INVEST = {"rectify": 0.2, "relocate": 0.5}
PARK_COST = 0.95 / 1.04  # the park's unit cost against the snapshot's relocated firm
YEARLY = {"keep": 0.01, "rectify": 0.02, "relocate": 0.03}
LIFETIME = 15
QUOTA_FROM, QUOTA_SHARE = "2013", 0.4
LAND_PER_KT, LAND_SHARE = 1.5, 0.45
LAND_STAGES = {"2011": 1 / 3, "2013": 2 / 3, "2015": 1.0}
KEY = ("tanning", "electroplating")
FUND_SHARE, FUND_PER_30 = 0.4, 1200


def num(v):
    return f"{v:.6g}"


def take_snapshot(root, year):
    """The programme as it stands in `year`, as a single-period network (see the docstring)."""
    order = PERIODS + [AFTER]
    years = sum(AFTER_YEARS if p == AFTER else 1 for p in order)
    upto = order[:order.index(year) + 1]
    for parent in root.iter():
        for at in parent.findall("at"):
            if at.get("period") in upto:
                parent.attrib.update({k: v for k, v in at.attrib.items() if k != "period"})
            parent.remove(at)
    for proc in root.findall("process"):
        inv = proc.attrib.pop("investment", None)
        life = float(proc.attrib.pop("lifetime", LIFETIME))
        if inv is not None:
            annuity = float(inv) * RATE / (1 - (1 + RATE) ** -life)
            proc.set("fixed-cost", num(float(proc.get("fixed-cost", "0")) + annuity))
    for res in root.findall("resource"):
        if res.attrib.pop("scope", None) == "total":
            res.set("max", num(float(res.get("max")) / years))
        for term in res.findall("term"):
            if term.get("of") == "investment":  # the fund pays its share of the annuity
                term.set("of", "fixed-cost")
    for el in root.findall("periods") + root.findall("group"):
        root.remove(el)


def main():
    nfirms, snapshot, args = 1151, None, sys.argv[1:]
    while args:
        if args[0] == "--firms" and len(args) > 1 and args[1].isdigit() and int(args[1]) >= 6:
            nfirms = int(args[1])
        elif args[0] == "--snapshot" and len(args) > 1 and args[1] in PERIODS + [AFTER]:
            snapshot = args[1]
        else:
            sys.exit("usage: make-programme.py [--firms N] [--snapshot YEAR] (N >= 6)")
        args = args[2:]
    base = subprocess.run([sys.executable, os.path.join(HERE, "make-rectification.py"),
                           "--firms", str(nfirms), "--cap-share", "1"], check=True,
                          capture_output=True, text=True).stdout
    root = ET.fromstring(base.split("\n", 1)[1])
    root.set("name", f"five-year rectification programme, {nfirms} firms (illustrative)")
    scale = nfirms / 30

    periods = ET.Element("periods", {"discount-rate": num(RATE)})
    for p in PERIODS:
        ET.SubElement(periods, "period", {"id": p})
    ET.SubElement(periods, "period", {"id": AFTER, "years": str(AFTER_YEARS)})
    for pol in root.findall("pollutant"):
        today = float(pol.get("cap"))
        for p, share in CAP_STEPS.items():
            ET.SubElement(pol, "at", {"period": p, "cap": num(share * today)})
    for d in root.findall("demand"):
        amount = float(d.get("amount"))
        for k, p in enumerate(PERIODS[1:], start=1):
            ET.SubElement(d, "at", {"period": p, "amount": num(amount * (1 + DEMAND_GROWTH) ** k)})

    groups, sl_cap, land_all = [], 0.0, 0.0
    for proc in root.findall("process"):
        group, variant = proc.get("group"), proc.get("variant")
        if not group:
            continue
        cap, cost = float(proc.get("capacity")), float(proc.get("cost"))
        if variant == "relocate":
            cost *= PARK_COST
            proc.set("cost", num(cost))
        if variant == "keep":
            groups.append(group)
            ET.SubElement(proc, "at", {"period": DEADLINE, "capacity": "0"})
            proc.set("fixed-cost", num(YEARLY[variant] * cap * cost))
            if proc.get("sector") == "synthetic-leather":
                sl_cap += cap
            continue
        proc.attrib.pop("fixed-cost", None)
        proc.set("investment", num(INVEST[variant] * cap * cost))
        proc.set("fixed-cost", num(YEARLY[variant] * cap * cost))
        proc.set("lifetime", str(LIFETIME))
        if variant == "relocate":
            land_all += LAND_PER_KT * cap / 1000
            ET.SubElement(proc, "use", {"resource": "park-land",
                                        "amount": num(LAND_PER_KT * cap / 1000),
                                        "per": "decision"})

    land = LAND_SHARE * land_all
    quota = ET.Element("resource", {"id": "sl-quota", "unit": "t", "max": num(sl_cap),
                                    "name": "synthetic-leather output quota (60% cut from 2013)"})
    ET.SubElement(quota, "term", {"sector": "synthetic-leather", "of": "output:pu-leather"})
    ET.SubElement(quota, "at", {"period": QUOTA_FROM, "max": num(QUOTA_SHARE * sl_cap)})
    park = ET.Element("resource", {"id": "park-land", "unit": "ha",
                                   "max": num(LAND_STAGES["2011"] * land),
                                   "name": "park land, opened in stages"})
    for p, share in LAND_STAGES.items():
        if p != "2011":
            ET.SubElement(park, "at", {"period": p, "max": num(share * land)})
    fund = ET.Element("resource", {"id": "fund", "unit": "kCNY", "scope": "total",
                                   "max": num(FUND_PER_30 * scale), "price": "-1",
                                   "name": "circular-economy fund (whole programme)"})
    for s in KEY:
        for v in ("rectify", "relocate"):
            ET.SubElement(fund, "term", {"sector": s, "variant": v, "of": "investment",
                                         "amount": num(FUND_SHARE)})

    head = [periods, quota, park, fund]
    head += [ET.Element("group", {"id": g, "order": "keep rectify relocate"}) for g in groups]
    for k, el in enumerate(head):
        root.insert(k, el)
    if snapshot:
        take_snapshot(root, snapshot)
    ET.indent(root, "  ")
    print('<?xml version="1.0" encoding="UTF-8"?>')
    print("<!-- Generated by examples/make-programme.py: illustrative numbers, see its docstring. -->")
    print(ET.tostring(root, encoding="unicode"))


if __name__ == "__main__":
    main()
