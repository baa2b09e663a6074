"""teikit.sch is the specification; validate.rule_problems must report exactly what it does.

rule_problems checks the Schematron rules in Python (one pass instead of one XSLT walk
per pattern); these tests hold it to lxml.isoschematron's answers, problem for problem.
"""
from __future__ import annotations

from pathlib import Path

import pytest

import teikit.validate
from teikit.tei.reader import iterparse_tei
from teikit.validate import (
    PiecewiseCheck, RuleCheck, grammar, parse, parse_bytes, rule_problems, schematron_problems,
)

FIXTURES = Path(__file__).parent / "fixtures"
PARSEABLE = [path for path in sorted((FIXTURES / "validate").glob("*.xml")) + [FIXTURES / "teikit-shape.tei.xml"]
             if parse(path)[0] is not None]

#: every rule broken in the ways XPath reads differently from Python: prefixed names, a pb
#: inside a pb (the preceding axis leaves ancestors out), numbers XPath reads its own way,
#: whitespace that normalize-space() keeps, a duplicate xml:id outside the TEI namespace
EDGES = """<tei:TEI xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x"><tei:text><tei:body>loose
<tei:div xml:id="a">x<tei:p/>\u00a0y </tei:div><x:foo xml:id="a"/><tei:ref target="#b"/><tei:ptr target="#a"/>
<tei:date when="1937" from="1938" to="1937-05" notAfter="x"/><tei:date from="--05" to="--04-30"/>
<tei:date from="1e1" to="9"/><tei:date from="12.5" to="12"/><tei:date from="" to="1"/><tei:date when="--13"/>
<tei:date when="1937-02-32"/><tei:date from="12345678901234567890" to="12345678901234567891"/>
<tei:pb n="5"><tei:pb n="3"/></tei:pb><tei:pb n="4"/><tei:pb n="iv"/><tei:pb n="04"/><tei:pb n=""/>
<tei:persName ref="# a"/><tei:persName ref="persons.xml#a"/><tei:note target="#a"/><tei:listPerson> \t</tei:listPerson>
</tei:body></tei:text></tei:TEI>"""


def agree(tree, name: str) -> list:
    expected = schematron_problems(tree, name)
    assert rule_problems(tree, name) == expected
    return expected


def agree_streamed(path: Path) -> None:
    """The rules read off a file as it is parsed, while the grammar's check replaces each
    finished element by its stand-in (`validate_streamed`), say what they say of its tree."""
    tree, _ = parse(path)
    rules, pieces = RuleCheck(), PiecewiseCheck(grammar("teikit"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(teikit.validate, "PIECE", 1)
        for event, element in iterparse_tei(path):
            rules.feed(event, element)
            pieces.feed(event, element)
    assert rules.problems(str(path)) == rule_problems(tree, str(path))


@pytest.mark.parametrize("path", PARSEABLE, ids=lambda path: path.name)
def test_fixtures(path):
    tree, _ = parse(path)
    agree(tree, str(path))
    agree_streamed(path)


def test_edges_of_every_rule():
    tree, problems = parse_bytes(EDGES.encode(), "edges.xml")
    assert not problems
    found = agree(tree, "edges.xml")
    assert {problem.code for problem in found} == {
        "dangling-ref", "dangling-target", "duplicate-id", "bad-date", "date-range-reversed",
        "page-order", "stray-text"}


def test_edges_of_every_rule_streamed(tmp_path):
    path = tmp_path / "edges.xml"
    path.write_text(EDGES, encoding="utf-8")
    agree_streamed(path)


def test_encoded_editions(encoded_editions):
    for _, path in encoded_editions.values():
        tree, _ = parse(path)
        agree(tree, str(path))
        agree_streamed(path)
