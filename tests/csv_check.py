#!/usr/bin/python3
"""csv_check.py FILE [--fields N] [--golden G] [--expect MATCH COLUMN VALUE]... - reads a CSV output of cefo
as RFC 4180 and checks it: exit 0 when it holds, 1 (with the reasons) otherwise.

Every record (quoted fields may hold commas, quotes and line breaks) has as many fields as the
header (or N), the file is UTF-8, ends with a line break and has no blank record; a column
named `value` (the long tables) or `objective` holds finite numbers or nothing.
--golden GOLDEN: the same records as GOLDEN, field by field, numbers to 1e-9 relative.
--expect MATCH COLUMN VALUE: exactly one record matches MATCH (COL=VAL pairs joined by '&',
compared as text) and its COLUMN equals VALUE (as numbers to 1e-9 when both are numbers).
"""
import csv
import io
import math
import sys

NUMERIC = ("value", "objective")
CONVERTED = {"g", "kg", "kt", "Mt", "L", "ML"}


def as_num(s):
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def rfc4180(text):
    """Records of `text` by RFC 4180 alone: a field is bare (no quote, comma or line break) or
    quoted (a quote doubled inside); records end with LF or CRLF. ValueError otherwise."""
    records, record, i, n = [], [], 0, len(text)
    while i < n:
        if text[i] == '"':
            j, field = i + 1, []
            while True:
                k = text.find('"', j)
                if k < 0:
                    raise ValueError("unterminated quoted field at offset %d" % i)
                field.append(text[j:k])
                if text.startswith('""', k):
                    field.append('"')
                    j = k + 2
                    continue
                i = k + 1
                break
            record.append("".join(field))
        else:
            j = i
            while j < n and text[j] not in ',\r\n':
                if text[j] == '"':
                    raise ValueError("a quote inside a bare field at offset %d" % j)
                j += 1
            record.append(text[i:j])
            i = j
        if i < n and text[i] == ",":
            i += 1
            if i == n:
                raise ValueError("a comma ends the file")
            continue
        if text.startswith("\r\n", i):
            i += 2
        elif i < n and text[i] == "\n":
            i += 1
        elif i < n:
            raise ValueError("%r after a field at offset %d" % (text[i], i))
        records.append(record)
        record = []
    if record:
        records.append(record)
    return records


def same(got, want):
    a, b = as_num(got), as_num(want)
    if a is not None and b is not None:
        return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
    return got == want


def main(argv):
    args = argv[1:]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    path, args = args[0], args[1:]
    fields, expects, golden = None, [], None
    while args:
        if args[0] == "--fields" and len(args) >= 2:
            fields, args = int(args[1]), args[2:]
        elif args[0] == "--golden" and len(args) >= 2:
            golden, args = args[1], args[2:]
        elif args[0] == "--expect" and len(args) >= 4:
            expects.append(args[1:4])
            args = args[4:]
        else:
            print("usage: csv_check.py FILE [--fields N] [--golden G] "
                  "[--expect MATCH COLUMN VALUE]...", file=sys.stderr)
            return 2
    problems = []
    try:
        raw = sys.stdin.buffer.read() if path == "-" else open(path, "rb").read()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as e:
        print("%s: cannot read as UTF-8: %s" % (path, e))
        return 1
    if not text:
        print("%s: empty" % path)
        return 1
    if not text.endswith("\n"):
        problems.append("no line break after the last record")
    try:
        records = rfc4180(text)
        if records != list(csv.reader(io.StringIO(text, newline=""), strict=True)):
            raise ValueError("Python's csv module reads it otherwise")
    except (ValueError, csv.Error) as e:
        print("%s: not RFC 4180: %s" % (path, e))
        return 1
    header = records[0]
    want = fields if fields is not None else len(header)
    for i, r in enumerate(records):
        if not r:
            problems.append("record %d is blank" % (i + 1))
        elif len(r) != want:
            problems.append("record %d has %d fields, want %d: %r" % (i + 1, len(r), want, r))
    rows = [dict(zip(header, r)) for r in records[1:] if len(r) == len(header)]
    for col in NUMERIC:
        if col in header:
            for i, row in enumerate(rows):
                v = row[col]
                if v != "" and as_num(v) is None:
                    problems.append("record %d: %s %r is not a finite number" % (i + 2, col, v))
    if {"section", "quantity", "unit"} <= set(header):
        # indicator rows (docs/results.md): one per unit, every amount with a unit that is not
        # one converted before adding (mass in t, volume in m3), a rate as UNIT/UNIT
        seen = set()
        for i, row in enumerate(rows):
            if row["section"] != "indicator":
                continue
            unit, quantity = row["unit"], row["quantity"]
            key = (row.get("period", ""), row.get("label", ""), quantity, unit)
            if key in seen:
                problems.append("record %d: indicator %s in %r twice" % (i + 2, quantity, unit))
            seen.add(key)
            base = unit.split("/")[0]
            if quantity != "labour" and not unit:
                problems.append("record %d: indicator %s without a unit" % (i + 2, quantity))
            elif base in CONVERTED:
                problems.append("record %d: indicator %s in %r, a unit converted before adding"
                                % (i + 2, quantity, unit))
            elif quantity == "reuse_rate" and unit != base + "/" + base:
                problems.append("record %d: reuse rate in %r, not UNIT/UNIT" % (i + 2, unit))
    for match, col, value in expects:
        pairs = [p.split("=", 1) for p in match.split("&")]
        hits = [row for row in rows if all(row.get(k) == v for k, v in pairs)]
        if len(hits) != 1:
            problems.append("%d records match %s" % (len(hits), match))
        elif col not in hits[0]:
            problems.append("no column %r" % col)
        elif not same(hits[0][col], value):
            problems.append("%s: %s is %r, want %r" % (match, col, hits[0][col], value))
    if golden is not None:
        with open(golden, encoding="utf-8", newline="") as f:
            want_records = rfc4180(f.read())
        if len(records) != len(want_records):
            problems.append("%d records, want %d" % (len(records), len(want_records)))
        for i, (g, w) in enumerate(zip(records, want_records)):
            if len(g) != len(w) or not all(same(a, b) for a, b in zip(g, w)):
                problems.append("record %d is %r, want %r" % (i + 1, g, w))
    for p in problems:
        print("%s: %s" % (path, p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
