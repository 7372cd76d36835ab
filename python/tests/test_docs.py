"""test_docs.py - every Python example of docs/python.md runs, in order, from the top of the
source tree (what they print is kept off the terminal: the package itself prints nothing)."""
import contextlib
import io
import os
import re

from conftest import SOURCE


def test_tutorial_runs():
    text = (SOURCE / "docs" / "python.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 5
    namespace = {}
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(SOURCE)
    try:
        with contextlib.redirect_stdout(out):
            for block in blocks:
                exec(compile(block, "docs/python.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    printed = out.getvalue()
    assert "mine.xml 2 material=\"nope\" names no material" in printed
    assert namespace["plan"].status == "optimal" and namespace["grown"].status == "optimal"
    assert namespace["tighter"].objective > namespace["base"].objective
    assert namespace["more"].total_output["agriculture"] > namespace["io"].total_output["agriculture"]
