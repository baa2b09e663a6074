"""The message table is complete: every code a pass reports is listed, at the level it is reported."""
from __future__ import annotations

import re
from pathlib import Path

from teikit.messages import BY_CODE, CODES, table

PACKAGE = Path(__file__).resolve().parent.parent / "teikit"
REPORTED = re.compile(r"\.(warning|info)\(\s*\"(TK\d{3})\"")


def reported_codes() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        for level, code in REPORTED.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, set()).add(level)
    return found


def test_every_reported_code_is_in_the_table_at_its_level():
    for code, levels in reported_codes().items():
        assert code in BY_CODE, f"{code} is reported but missing from teikit/messages.py"
        assert levels == {BY_CODE[code].level}, f"{code} reported as {levels}, listed as {BY_CODE[code].level}"


def test_the_table_lists_no_code_that_nothing_reports():
    assert set(BY_CODE) == set(reported_codes())


def test_codes_are_unique_and_ordered():
    codes = [entry.code for entry in CODES]
    assert codes == sorted(set(codes))


def test_table_prints_one_line_per_code():
    lines = table().splitlines()
    assert len(lines) == len(CODES)
    assert lines[0].startswith("TK101  warning")
