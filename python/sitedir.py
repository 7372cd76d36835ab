"""sitedir.py PREFIX - the folder under PREFIX where this python3 imports packages from (for
Debian's python3 under /usr/local: lib/python3.X/dist-packages, which the path meson derives
from the sysconfig scheme is not); nothing when none of its site folders lies under PREFIX."""
import os
import site
import sys

prefix = os.path.abspath(sys.argv[1])
for path in site.getsitepackages():
    rel = os.path.relpath(path, prefix)
    if rel.startswith("lib") and not rel.startswith(".."):
        print(path)
        break
