"""Golden files: the whole TEI of every edition, compared byte for byte.

An intended change of the encoding is accepted with `pytest --update-golden`, which
rewrites tests/golden/; review the diff (`git diff tests/golden`) before committing.
"""
from __future__ import annotations

import difflib

import pytest

from conftest import EDITION_SLUGS, ROOT

GOLDEN = ROOT / "tests" / "golden"


@pytest.mark.parametrize("slug", EDITION_SLUGS)
def test_edition_matches_its_golden_tei(encoded_editions, update_golden, slug):
    _, path = encoded_editions[slug]
    actual = path.read_text(encoding="utf-8")
    golden = GOLDEN / f"{slug}.xml"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    if not golden.is_file():
        pytest.fail(f"no golden file {golden}; create it with pytest --update-golden and review it")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(), "golden", "now", lineterm="", n=1)
        shown = "\n".join(line[:200] for line in list(diff)[:60])
        pytest.fail(f"{slug} differs from its golden TEI (pytest --update-golden to accept):\n{shown}")
