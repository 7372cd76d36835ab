"""test_docs.py - every Python example of docs/python.md runs, in order, from the top of the
source tree (what they print is kept off the terminal: the package itself prints nothing)."""
import contextlib
import io
import os
import re
import subprocess
import sys

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


def test_build_tree_line_runs():
    """The shell line that uses the package from the build tree, with this build's library
    (meson sets CEFO_LIBRARY; by hand it is build/libcefo.so) and this interpreter."""
    text = (SOURCE / "docs" / "python.md").read_text()
    line = re.search(r"```sh\n(.*?)\n```", text, flags=re.S).group(1)
    assert line.startswith("PYTHONPATH=python CEFO_LIBRARY=build/libcefo.so /usr/bin/python3 ")
    library = os.environ.get("CEFO_LIBRARY", str(SOURCE / "build" / "libcefo.so"))
    line = line.replace("build/libcefo.so", library).replace("/usr/bin/python3", sys.executable)
    done = subprocess.run(["sh", "-c", line], cwd=SOURCE, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    # The objective it prints is the one the package gives in this process.
    import cefo
    want = cefo.load(SOURCE / "examples" / "zhenan-cluster.xml").solve().objective
    assert float(done.stdout) == want
