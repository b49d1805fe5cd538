"""Unit conversion: the factors written out in units.BASE are pint's, so a run need not import pint."""

import itertools
import subprocess
import sys

from checker import units


def test_every_written_factor_is_pints():
    for a, b in itertools.permutations(units.BASE, 2):
        if units.family(a) == units.family(b):
            assert units.factor(a, b) == units.pint_factor(a, b), (a, b)
        else:
            assert units.factor(a, b) is None


def test_every_unit_pint_knows_has_its_written_factor():
    assert set(units.PINT_NAMES) <= set(units.BASE)  # the two tables cover the same units


def test_a_money_conversion_does_not_import_pint():
    code = ("import sys; from checker.api import lint_text; "
            "r = lint_text('Tổng kinh phí 1,5 tỷ đồng, gồm: vốn tỉnh 900 triệu đồng, vốn huyện 700 triệu đồng.', "
            "select=['AR003']); assert r.issues, r.issues; print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
