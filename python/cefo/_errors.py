"""_errors.py - cefo.Error, the one exception the package raises, and C strings."""
import contextlib

from ._ffi import ffi, lib

ERR_ARG = lib.CEFO_ERR_ARG
ERR_INVALID = lib.CEFO_ERR_INVALID


class Error(Exception):
    """A libcefo error: `code` (the cefo_status number), `status` (its name), `file`, `line`,
    `column` and `element` locating the input at fault when there is one, and `message`.
    str() reads like the command line's diagnostics: FILE:LINE: message."""

    def __init__(self, message, code=ERR_ARG, file=None, line=0, column=0, element=None):
        self.message = message
        self.code = int(code)
        self.status = text(lib.cefo_strerror(self.code))
        self.file = file
        self.line = int(line)
        self.column = int(column)
        self.element = element
        super().__init__(str(self))

    def __str__(self):
        where = self.file or ""
        if where and self.line:
            where += ":%d" % self.line
        return "%s: %s" % (where, self.message) if where else self.message

    @classmethod
    def from_c(cls, code, err):
        """From a status and the cefo_error filled with it (or NULL)."""
        if err == ffi.NULL or not ffi.string(err.message):
            return cls(text(lib.cefo_strerror(code)), code)
        return cls(text(err.message), code, text(err.file) or None, err.line, err.column,
                   text(err.element) or None)


def text(ptr):
    """A C string (a char * or char[]) as str; None for NULL."""
    if ffi.typeof(ptr).kind == "pointer" and ptr == ffi.NULL:
        return None
    return ffi.string(ptr).decode("utf-8", errors="replace")


def check(status, err=ffi.NULL):
    """Raises Error unless status is CEFO_OK."""
    if status != lib.CEFO_OK:
        raise Error.from_c(status, err)


def new_error():
    return ffi.new("cefo_error *")


@contextlib.contextmanager
def using(owned, what):
    """The live C handle of an _ffi.Owned, its lock held; cefo.Error once it was closed."""
    if owned is None:
        raise Error("the %s is closed" % what)
    with owned.lock:
        if owned.h is None:
            raise Error("the %s is closed" % what)
        yield owned.h


class Closing:
    """Objects that own a C object: a `with` block ends with close()."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
