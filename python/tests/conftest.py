"""conftest.py - where the sources and the reference data are, and the rule every test keeps:
the package prints nothing (checked on the file descriptors, so C output would show too)."""
import os
import pathlib

import pytest

SOURCE = pathlib.Path(os.environ.get("CEFO_SOURCE_DIR",
                                     pathlib.Path(__file__).resolve().parents[2]))
REFDATA = pathlib.Path(os.environ.get("CEFO_REFDATA", SOURCE / ".." / "shared" / "refdata"))
GOLDEN = SOURCE / "tests" / "golden"

RTOL = 1e-7     # tests/testutil.h GOLDEN_RTOL and GOLDEN_ATOL
ATOL = 1e-7


def close(got, want, rtol=RTOL, atol=ATOL):
    """As tests/testutil.h close_enough: NaN wants NaN."""
    if want != want:
        return got != got
    return abs(got - want) <= atol + rtol * abs(want)


@pytest.fixture(autouse=True)
def prints_nothing(capfd):
    """Every test: nothing reached stdout or stderr, from Python or from C."""
    yield
    out, err = capfd.readouterr()
    assert out == "" and err == "", "printed: %r %r" % (out, err)
