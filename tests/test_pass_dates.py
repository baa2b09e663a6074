"""The dates pass: printed calendar expressions -> <date> marks with ISO values."""
from __future__ import annotations

import pytest

from teikit.model import Block, Hyphen, Mark
from teikit.passes.dates import Options, find_dates, mark_dates, run
from teikit.reader import document_from_text
from teikit.report import Report


def dates_in(text):
    return [(text[i:j], attrs) for i, j, attrs in find_dates(text)]


@pytest.mark.parametrize("text, expected", [
    ("On January 23, 1937, it began", ("January 23, 1937", {"when": "1937-01-23"})),
    ("the trial of 23 January 1937.", ("23 January 1937", {"when": "1937-01-23"})),
    ("Tuesday 9 January 2024, by Robert", ("Tuesday 9 January 2024", {"when": "2024-01-09"})),
    ("opened on January 23rd and", ("January 23rd", {"when": "--01-23"})),
    ("written August 5 [1936] at", ("August 5 [1936]", {"when": "1936-08-05"})),
    ("in April, 1937 the", ("April, 1937", {"when": "1937-04"})),
    ("MARCH 1917", ("MARCH 1917", {"when": "1917-03"})),
    ("NOVEMBER 7, 1917", ("NOVEMBER 7, 1917", {"when": "1917-11-07"})),
    ("on the first of March the", ("first of March", {"when": "--03-01"})),
    ("April 24-29, 1917.", ("April 24-29, 1917", {"from": "1917-04-24", "to": "1917-04-29"})),
    ("Writings (1936-37)", ("1936-37", {"from": "1936", "to": "1937"})),
    ("in 1917-1923 there", ("1917-1923", {"from": "1917", "to": "1923"})),
    ("Natalia Sedova (1882·1962)", ("1882·1962", {"from": "1882", "to": "1962"})),
    ("Pierre Naville (1904- )", ("1904-", {"from": "1904"})),
    ("in the 1930s and", ("1930s", {"from": "1930", "to": "1939"})),
    ("January-March-Trotsky writes", ("January-March", {"from": "--01", "to": "--03"})),
    ("January 9-Trotsky arrives", ("January 9", {"when": "--01-09"})),
    ("in December he", ("December", {"when": "--12"})),
    ("January 3 1 ,  1 9 3 7 Coyoacan", ("January 3 1 ,  1 9 3 7", {"when": "1937-01-31"})),
    ("April 1O-17-Commission", ("April 1O-17", {"from": "--04-10", "to": "--04-17"})),
])
def test_printed_forms(text, expected):
    assert dates_in(text) == [expected]


@pytest.mark.parametrize("text", [
    "1,000 workers", "see page 1917", "pp. 1936-37", "May I say so?", "the October Revolution",
    "his April Theses", "THE MARCH TO POWER", "the man of October", "a Trotskyist", "at 12.30",
])
def test_not_dates(text):
    assert dates_in(text) == []


def test_year_in_text_and_reversed_range_is_no_span():
    assert dates_in("in 1917 and 1918-17") == [("1917", {"when": "1917"}), ("1918", {"when": "1918"})]


def test_mark_spans_line_break_and_correction():
    doc = document_from_text("dated J anuary 1 1 , 1937\nin Mexico")
    block = Block("p", lines=doc.lines)
    block.marks.append(Mark("choice", 6, 14, {"corr": "January"}))
    block.marks.append(Mark("choice", 15, 18, {"corr": "11"}))
    assert mark_dates(block, Options()) == 1
    date = [m for m in block.marks if m.tag == "date"][0]
    assert block.text[date.start:date.end] == "J anuary 1 1 , 1937"
    assert date.attrs == {"when": "1937-01-11"}


def test_date_broken_over_lines():
    doc = document_from_text("On December 28,\n1936 he sailed")
    block = Block("p", lines=doc.lines)
    mark_dates(block, Options())
    (date,) = block.marks
    assert block.text[date.start:date.end] == "December 28,\n1936"
    assert date.attrs == {"when": "1936-12-28"}


def test_date_never_crosses_a_mark():
    doc = document_from_text("in 1937.")
    block = Block("p", lines=doc.lines)
    block.marks.append(Mark("hi", 0, 5))
    mark_dates(block, Options())
    assert [m.tag for m in block.marks] == ["hi"]


def test_julian_calendar_and_facts():
    doc = document_from_text("On October 25, 1917 power passed")
    doc.body = [Block("div", children=[Block("p", lines=doc.lines)])]
    run(doc, Options(calendar="julian"), Report())
    (date,) = doc.body[0].children[0].marks
    assert date.attrs == {"when": "1917-10-25", "calendar": "#julian"}
    assert doc.facts["dates"]["marked"] == 1


def test_printed_hyphen_joined():
    doc = document_from_text("in 1936-\n37 he wrote")
    doc.lines[0].hyphen = Hyphen.KEEP
    block = Block("p", lines=doc.lines)
    mark_dates(block, Options())
    (date,) = block.marks
    assert date.attrs == {"from": "1936", "to": "1937"}
