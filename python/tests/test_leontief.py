"""test_leontief.py - input-output analysis through the package: the Miller & Blair table by
hand, and pymrio's small MRIO against its stored answers (../shared/refdata)."""
import numpy as np
import pandas as pd
import pytest

import cefo
from conftest import REFDATA, SOURCE

RTOL = 1e-6     # the reproduction tolerance of tests/test_iorefdata.c
SMALL = REFDATA / "pymrio-small-mrio"


def test_miller_blair_by_hand():
    """Miller & Blair (2009) tables 2.3/2.4: x = (1000, 2000), A = [[.15, .25], [.2, .05]],
    det(I - A) = .85 x .95 - .25 x .2 = .7575, L = [[.95, .25], [.2, .85]] / .7575;
    labour 300 and 500 person-years on that output: 0.3 and 0.25 per unit."""
    io = cefo.leontief(SOURCE / "examples" / "miller-blair.xml")
    assert io.sectors == ["agriculture", "manufacturing"]
    np.testing.assert_allclose(io.total_output, [1000, 2000], rtol=1e-12)
    np.testing.assert_allclose(io.coefficients.to_numpy(), [[.15, .25], [.2, .05]], rtol=1e-12)
    want_l = np.array([[.95, .25], [.2, .85]]) / .7575
    np.testing.assert_allclose(io.leontief_inverse.to_numpy(), want_l, rtol=1e-12)
    np.testing.assert_allclose(io.output_multipliers, want_l.sum(axis=0), rtol=1e-12)
    np.testing.assert_allclose(io.direct_intensity.loc["labour"], [0.3, 0.25], rtol=1e-12)
    assert io.extensions.set_index("id").loc["labour", "unit"] == "person-years"
    assert abs(io.extensions.set_index("id").loc["labour", "total"] - 800) < 1e-9


def test_new_final_demand_by_sector_and_as_a_vector():
    """One more unit of agriculture's final demand: x grows by L's first column."""
    base = cefo.leontief(SOURCE / "examples" / "miller-blair.xml", inverse=False,
                         coefficients=False)
    assert base.leontief_inverse is None and base.coefficients is None
    more = cefo.leontief(SOURCE / "examples" / "miller-blair.xml", {"agriculture": 351})
    np.testing.assert_allclose(more.total_output - base.total_output,
                               np.array([.95, .2]) / .7575, rtol=1e-9)
    vec = cefo.leontief(SOURCE / "examples" / "miller-blair.xml", [351, 1700])
    np.testing.assert_allclose(vec.total_output, more.total_output, rtol=1e-12)
    with pytest.raises(cefo.Error):
        cefo.leontief(SOURCE / "examples" / "miller-blair.xml", {"mining": 1})
    with pytest.raises(cefo.Error):
        cefo.leontief(SOURCE / "examples" / "miller-blair.xml", [1, 2, 3])


def test_singular_table_is_an_error():
    """Sector a uses all its output itself (z_aa = x_a = 1, no final demand): A_aa = 1."""
    xml = """<iotable version="1">
  <sector id="a" final-demand="0"/>
  <sector id="b" final-demand="1"/>
  <transactions><row sector="a">1 0</row><row sector="b">0 1</row></transactions>
</iotable>"""
    with pytest.raises(cefo.Error) as caught:
        cefo.leontief(xml, name="singular.xml")
    assert caught.value.code == 6 and caught.value.line == 2     # CEFO_ERR_INVALID
    assert "sector 'a'" in caught.value.message


def _csv(name):
    return pd.read_csv(SMALL / name, index_col=0)


@pytest.mark.skipif(not (SMALL / "input_Z.csv").is_file(),
                    reason="../shared/refdata/pymrio-small-mrio is absent")
def test_pymrio_small_mrio():
    """pymrio's small MRIO (2 regions x 3 sectors): x, A, L and M = S L as pymrio stores
    them. The table goes in as XML text built from its input CSVs."""
    z, y, f = _csv("input_Z.csv"), _csv("input_Y.csv"), _csv("input_F.csv")
    ids = ["s%d" % i for i in range(len(z))]
    rows = "\n".join('<row sector="%s">%s</row>' % (ids[i], " ".join(repr(v) for v in r))
                     for i, r in enumerate(z.to_numpy()))
    ext = "\n".join('<extension id="%s" unit="u">%s</extension>'
                    % (e, " ".join(repr(v) for v in f.loc[e])) for e in f.index)
    sectors = "\n".join('<sector id="%s" final-demand="%r"/>' % (s, d)
                        for s, d in zip(ids, y.sum(axis=1)))
    xml = ('<iotable version="1">\n%s\n<transactions>\n%s\n</transactions>\n%s\n</iotable>'
           % (sectors, rows, ext))
    io = cefo.leontief(xml, name="pymrio-small.xml")
    np.testing.assert_allclose(io.total_output, _csv("expected_x.csv").iloc[:, 0],
                               rtol=RTOL, atol=1e-12)
    np.testing.assert_allclose(io.coefficients, _csv("expected_A.csv"), rtol=RTOL, atol=1e-12)
    np.testing.assert_allclose(io.leontief_inverse, _csv("expected_L.csv"),
                               rtol=RTOL, atol=1e-12)
    np.testing.assert_allclose(io.total_intensity, _csv("expected_M.csv"),
                               rtol=RTOL, atol=1e-12)
