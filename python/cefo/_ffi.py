"""_ffi.py - libcefo through cffi's ABI mode: the public header as the declarations, the
shared library found at run time (no compiler needed at import)."""
import collections
import os
import re
import threading

import cffi

_HERE = os.path.dirname(os.path.abspath(__file__))
_SOURCE_ROOT = os.path.dirname(os.path.dirname(_HERE))
SONAME = "libcefo.so.0"


def _header_path():
    """The installed copy beside the package, else the source tree's public header."""
    for path in (os.path.join(_HERE, "cefo.h"),
                 os.path.join(_SOURCE_ROOT, "include", "cefo", "cefo.h")):
        if os.path.isfile(path):
            return path
    raise ImportError("cefo: the public header cefo.h is neither beside the package nor in "
                      "the source tree")


# An accessor of a growing struct: `#define NAME(ARGS) NAME_sized((ARGS), sizeof *(ARG))`.
_SIZED = re.compile(r"(\w+)\(([\w\s,]*)\)\s+(\w+_sized)\(.*sizeof \*\((\w+)\)\)\s*$")


def sized_macros(text):
    """{NAME: (sized function, index of the struct argument)} of the header's accessors that
    pass the caller's struct size (docs/c-api.md, "ABI"): cffi sees the functions only."""
    text = re.sub(r"\\\n", " ", text)
    found = {}
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("#") and s[1:].split(None, 1)[0:1] == ["define"]:
            m = _SIZED.match(s[1:].split(None, 1)[1])
            if m:
                args = [a.strip() for a in m.group(2).split(",")]
                found[m.group(1)] = (m.group(3), args.index(m.group(4)))
    return found


class _Library:
    """The library as cffi opened it, with each sized accessor callable by its public name:
    the struct size passed is the one cffi laid out from this very header."""

    def __init__(self, raw, sized):
        self._raw = raw
        self._sized = sized

    def __getattr__(self, name):
        if name in self._sized:
            target, k = self._sized[name]
            fn = getattr(self._raw, target)

            def call(*args):
                return fn(*args, ffi.sizeof(ffi.typeof(args[k]).item))
            call.__name__ = name
            setattr(self, name, call)
            return call
        return getattr(self._raw, name)


def declarations(text):
    """The C declarations of a header for cffi: comments and preprocessor lines removed, the
    branches that a C compiler without CEFO_BUILDING and __cplusplus takes kept, CEFO_API
    dropped. Returns (declarations, {NAME: number} of the plain numeric #defines)."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r"\\\n", " ", text)
    kept, stack, numbers = [], [], {}
    for line in text.splitlines():
        s = line.strip()
        if not s.startswith("#"):
            if all(stack):
                kept.append(line)
            continue
        words = s[1:].split(None, 2)
        kw = words[0] if words else ""
        if kw == "ifndef":          # nothing is defined: only include guards pass
            stack.append(True)
        elif kw in ("ifdef", "if"):
            stack.append(False)
        elif kw == "elif":
            stack[-1] = False
        elif kw == "else":
            stack[-1] = not stack[-1]
        elif kw == "endif":
            stack.pop()
        elif kw == "define" and len(words) == 3 and all(stack):
            try:
                numbers[words[1]] = float(words[2])
            except ValueError:
                pass
    return re.sub(r"\bCEFO_API\b", "", "\n".join(kept)), numbers


def _library_candidates():
    env = os.environ.get("CEFO_LIBRARY")
    if env:
        return [env]        # asked for explicitly: nothing else may stand in for it
    found = []
    try:
        from . import _config   # written by meson install
        found.append(_config.LIBRARY)
    except ImportError:
        pass
    found.append(os.path.join(_SOURCE_ROOT, "build", "libcefo.so"))   # a source checkout
    found.append(SONAME)
    return found


def _open_library(ffi):
    tried = []
    for cand in _library_candidates():
        if os.sep in cand and not os.path.exists(cand):
            tried.append(cand + " (absent)")
            continue
        try:
            return ffi.dlopen(cand)
        except OSError as exc:
            tried.append("%s (%s)" % (cand, exc))
    raise ImportError("cefo: cannot load libcefo; set CEFO_LIBRARY to its path (e.g. "
                      "build/libcefo.so). Tried: " + "; ".join(tried))


with open(_header_path(), encoding="utf-8") as _fp:
    _HEADER = _fp.read()
_DECLS, CONSTANTS = declarations(_HEADER)

ffi = cffi.FFI()
ffi.cdef(_DECLS)
# A stream in memory for the writers that take a FILE * (text, JSON, CSV of a result).
ffi.cdef("""
    FILE *open_memstream(char **ptr, size_t *sizeloc);
    int fclose(FILE *stream);
    void free(void *ptr);
""")
lib = _Library(_open_library(ffi), sized_macros(re.sub(r"/\*.*?\*/", " ", _HEADER, flags=re.S)))
libc = ffi.dlopen(None)

_LIVE = collections.Counter()


class Owned:
    """A C object owned by the package: `h`, freed by `free` when the last Python reference to
    this holder goes, or at once by release(); `lock` serialises the calls on it (the C API
    takes one call on a handle at a time, and Python threads run C calls without the GIL)."""

    def __init__(self, ptr, free, kind):
        _LIVE[kind] += 1

        def release(p):
            free(p)
            _LIVE[kind] -= 1

        self.h = ffi.gc(ptr, release)
        self.lock = threading.RLock()

    def release(self):
        with self.lock:
            if self.h is not None:
                ffi.release(self.h)
                self.h = None


def live():
    """How many C objects of each kind ("network", "problem", "result") are alive now."""
    return {kind: n for kind, n in _LIVE.items() if n}
