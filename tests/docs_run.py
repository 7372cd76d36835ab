#!/usr/bin/python3
"""Runs the command blocks of cefo's documentation against the shipped files (issue 18.8).

Usage: docs_run.py SOURCE_ROOT CEFO_EXE [MARKDOWN...]
(default: README.md, docs/*.md and examples/README.md under SOURCE_ROOT).

What runs, per fenced block (``` ... ```):
- info string `sh`: every command line (backslash continuations joined, comment lines
  skipped) must exit 0;
- a block whose first line starts with `$ ` (a console block): each `$ ` line is a command,
  the lines after it are its expected standard output, compared line by line with trailing
  blanks ignored; a line `...` stands for any number of lines; a last line `[exit N]` is the
  expected exit code (default 0);
- every other block is not run.
An HTML comment on the line before a block changes that:
- `<!-- docs-test: skip REASON -->`: not run (the reason is printed);
- `<!-- docs-test: file PATH -->`: the block's text is written to PATH in the work folder
  before the file's later blocks run (a scenario file the next command reads).
A Markdown table (lines starting with `|`) right after `<!-- docs-test: table COMMAND -->` is
the output of COMMAND: its lines must appear, in order and together, in what COMMAND prints
(so a script's table pasted into the docs cannot go stale).
Commands run with `sh -c` in a fresh work folder in which examples/, tests/, docs/, schema/
and bench/ are the source tree's (read-only use) and build/cli/cefo is CEFO_EXE; `cefo` is on
PATH. Every block of one Markdown file shares one work folder, in order. Exit 0 when every
block passed, 1 otherwise (each failure named with its file and line).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

MARK = re.compile(r"<!--\s*docs-test:\s*(skip|file|table)\s*(.*?)\s*-->")
TIMEOUT = 300


def blocks(path):
    """(line, info, lines, mark) for every fenced block of a Markdown file, and for every
    table after a `table` mark (info "table")."""
    with open(path, encoding="utf-8") as f:
        text = f.read().split("\n")
    out, i = [], 0
    while i < len(text):
        mark = MARK.search(text[i])
        if mark and mark.group(1) == "table":
            j = i + 1
            while j < len(text) and text[j].startswith("|"):
                j += 1
            out.append((i + 2, "table", text[i + 1:j], mark.groups()))
            i = j
            continue
        m = re.match(r"^```(\S*)\s*$", text[i])
        if not m:
            i += 1
            continue
        start, info = i, m.group(1)
        j = i + 1
        while j < len(text) and not text[j].startswith("```"):
            j += 1
        prev = text[start - 1] if start > 0 else ""
        mark = MARK.search(prev)
        out.append((start + 1, info, text[start + 1:j], mark.groups() if mark else None))
        i = j + 1
    return out


def logical(lines):
    """Backslash-continued lines joined; blank and comment-only lines dropped."""
    out, cur = [], ""
    for ln in lines:
        if ln.rstrip().endswith("\\"):
            cur += ln.rstrip()[:-1] + " "
            continue
        cur += ln
        if cur.strip() and not cur.lstrip().startswith("#"):
            out.append(cur.strip())
        cur = ""
    return out


def run(cmd, work, env):
    p = subprocess.run(["sh", "-c", cmd], cwd=work, env=env, capture_output=True, text=True,
                       timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def matches(expected, got):
    """Line-by-line comparison with trailing blanks ignored; `...` matches any lines."""
    exp = [e.rstrip() for e in expected]
    act = [a.rstrip() for a in got.split("\n")]
    while exp and not exp[-1]:
        exp.pop()
    while act and not act[-1]:
        act.pop()

    def go(i, j):
        if i == len(exp):
            return j == len(act)
        if exp[i] == "...":
            return any(go(i + 1, k) for k in range(j, len(act) + 1))
        return j < len(act) and exp[i] == act[j] and go(i + 1, j + 1)
    return go(0, 0)


def console(lines):
    """[(command, expected output lines, expected exit)] of a console block."""
    cmds = []
    for ln in lines:
        if ln.startswith("$ "):
            cmds.append([ln[2:], [], 0])
        elif cmds and cmds[-1][0].endswith("\\") and not cmds[-1][1]:
            cmds[-1][0] = cmds[-1][0][:-1] + " " + ln.strip()
        elif cmds and re.fullmatch(r"\[exit (\d+)\]", ln.strip()):
            cmds[-1][2] = int(ln.strip()[6:-1])
        elif cmds:
            cmds[-1][1].append(ln)
    return cmds


def check_file(md, root, cefo, failures, tables):
    rel = os.path.relpath(md, root)
    work = tempfile.mkdtemp(prefix="cefo-docs-")
    try:
        for d in ("examples", "tests", "docs", "schema", "bench", "scripts", "python"):
            if os.path.isdir(os.path.join(root, d)):
                os.symlink(os.path.join(root, d), os.path.join(work, d))
        os.makedirs(os.path.join(work, "build", "cli"))
        os.symlink(cefo, os.path.join(work, "build", "cli", "cefo"))
        env = dict(os.environ, PATH=os.path.join(work, "build", "cli") + ":" + os.environ["PATH"],
                   LC_ALL="C.UTF-8")
        ran = 0
        for line, info, lines, mark in blocks(md):
            where = f"{rel}:{line}"
            if mark and mark[0] == "skip":
                print(f"{where}: skipped ({mark[1]})")
                continue
            if mark and mark[0] == "table":
                ran += 1
                if mark[1] not in tables:
                    tables[mark[1]] = run(mark[1], work, env)
                rc, out, err = tables[mark[1]]
                got = [ln.rstrip() for ln in out.split("\n")]
                want = [ln.rstrip() for ln in lines]
                if rc != 0 or not want or not any(got[k:k + len(want)] == want
                                                  for k in range(len(got))):
                    failures.append(f"{where}: the table is not what `{mark[1]}` prints "
                                    f"(exit {rc}):\n{out}{err}")
                continue
            if mark and mark[0] == "file":
                dest = os.path.join(work, mark[1])
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                with open(dest, "w", encoding="utf-8") as f:
                    f.write("\n".join(lines) + "\n")
                continue
            if lines and lines[0].startswith("$ "):
                for cmd, expected, code in console(lines):
                    ran += 1
                    rc, out, err = run(cmd, work, env)
                    if rc != code:
                        failures.append(f"{where}: `{cmd}` exited {rc}, the doc says {code}\n{err}")
                    elif not matches(expected, out):
                        failures.append(f"{where}: `{cmd}` printed\n{out}\nthe doc shows\n"
                                        + "\n".join(expected))
            elif info == "sh":
                for cmd in logical(lines):
                    ran += 1
                    rc, out, err = run(cmd, work, env)
                    if rc != 0:
                        failures.append(f"{where}: `{cmd}` exited {rc}\n{err}")
        print(f"{rel}: {ran} commands run")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: docs_run.py SOURCE_ROOT CEFO_EXE [MARKDOWN...]")
    root, cefo = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    mds = [os.path.abspath(m) for m in sys.argv[3:]]
    if not mds:
        docs = os.path.join(root, "docs")
        mds = [os.path.join(root, "README.md"), os.path.join(root, "examples", "README.md")]
        mds += sorted(os.path.join(docs, f) for f in os.listdir(docs) if f.endswith(".md"))
    failures, tables = [], {}  # a table's command runs once for every file that shows it
    for md in mds:
        check_file(md, root, cefo, failures, tables)
    for f in failures:
        print("FAIL " + f, file=sys.stderr)
    print(f"{len(failures)} failing command(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
