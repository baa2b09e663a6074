"""The exclude pass: lines an edition leaves out keep their reason for the header."""
from __future__ import annotations

from teikit.config import Exclusion
from teikit.passes import exclude
from teikit.reader import document_from_text
from teikit.report import Report

TEXT = "The text.\nIts end.\n\nAny message or comments?\nYour post\n"


def run(*rules):
    doc = document_from_text(TEXT)
    report = Report()
    exclude.run(doc, exclude.Options(rules=rules), report)
    return doc, report


def test_from_a_line_that_reads_exactly_to_the_end():
    doc, _ = run(Exclusion(reason="boilerplate", starting_at="Any message or comments?"))
    assert [line.kind for line in doc.lines] == ["text", "text", "blank", "excluded", "excluded"]
    assert doc.facts.excluded == ((4, "Any message or comments?", "boilerplate"),
                                  (5, "Your post", "boilerplate"))


def test_by_line_numbers():
    doc, _ = run(Exclusion(reason="r", first=2, last=2))
    assert [line.n for line in doc.lines if line.kind == "excluded"] == [2]


def test_a_missing_start_line_is_reported_and_nothing_is_excluded():
    doc, report = run(Exclusion(reason="r", starting_at="Not in the text"))
    assert all(line.kind != "excluded" for line in doc.lines)
    assert [m.code for m in report.messages] == ["TK101"]
