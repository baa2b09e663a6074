"""The furniture pass: page numbers and running heads as fw lines, page breaks in sequence."""

import pytest

from teikit.passes import furniture
from teikit.reader import document_from_text, read_source
from teikit.report import Report

from conftest import CORPUS


def page(n_lines: int, word: str = "text") -> list[str]:
    return [f"{word} line {i} of the page " for i in range(n_lines)]


def run(lines: list[str], **options):
    doc = document_from_text("\n".join(lines) + "\n")
    report = Report()
    furniture.run(doc, furniture.Options(**options), report)
    return doc, report


def furniture_lines(doc):
    return [(line.n, line.fw_type, line.page_break) for line in doc.lines
            if line.kind == "fw" or line.page_break is not None]


def book() -> list[str]:
    """Pages 13-19: a foot number, even and odd running heads, a noisy and a lost number."""
    return (page(30) + ["", "13 ", "", "", "14 Writings of Leon Trotsky (1936-37) ", ""]  # 32, 35
            + page(30) + ["", "", "Notes en Route 15 ", ""]                            # 69
            + page(30) + ["", "", ""]                                                   # 16: no number
            + page(30) + ["", "l7 ", ""]                                                # 135
            + page(30) + ["", "", "19 Writings of Leon Trotsky (1936-3 7) ", ""]        # 169
            + page(30))


def test_foot_number_stays_on_its_page_and_the_head_starts_the_next():
    doc, _ = run(book())
    assert furniture_lines(doc) == [
        (32, "pageNum", None), (35, "header", "14"), (69, "header", "15"),
        (135, "pageNum", None), (137, None, "18"), (169, "header", "19")]
    assert doc.facts["pages"] == 4


def test_ocr_noise_in_numbers_is_read_through_and_reported():
    doc, report = run(book())
    assert doc.lines[134].fw_type == "pageNum"
    assert any(m.code == "TK112" and m.line == 135 for m in report.messages)


def test_a_number_out_of_sequence_is_text():
    lines = book()
    lines[10:10] = ["", "1936 ", ""]        # a chronology year as a heading
    lines[50:50] = ["", "7 ", ""]           # a list number alone on a line
    doc, _ = run(lines)
    assert doc.lines[11].kind == "text"
    assert doc.lines[51].kind == "text"


def test_a_title_with_a_glued_note_number_is_not_a_running_head():
    lines = book()
    lines[75:75] = ["", "", "", "THE END? 15", "", "January 31, 1937", ""]
    doc, _ = run(lines)
    assert doc.lines[78].kind == "text"


def test_a_recurring_head_is_found_without_its_number():
    lines = book() + ["", "", "Writings of Leon Trotsky (1936-37) ", ""] + page(10)
    doc, report = run(lines)
    line = doc.lines[len(book()) + 2]
    assert (line.kind, line.fw_type, line.page_break) == ("fw", "header", "")
    assert any(m.code == "TK113" for m in report.messages)


def test_too_few_numbers_are_no_pagination():
    doc, _ = run(page(20) + ["", "12", ""] + page(20) + ["", "13", ""] + page(5))
    assert furniture_lines(doc) == []
    assert doc.facts["pages"] == 0


def test_chapter_lines_dates_and_note_markers_are_not_furniture():
    lines = ["MARCH 1917", "", "THE HEADLESS REVOLUTION", "", "[1] A note.", "",
             "June 18, 1937", "", "October 1917", "", "Chapter 2", ""] + page(20)
    doc, _ = run(lines * 3)
    assert furniture_lines(doc) == []


@pytest.mark.parametrize("name", ["000", "002", "003", "004"])
def test_texts_without_pagination_get_none(name):
    path = next(CORPUS.glob(f"{name}_*.txt"))
    doc = read_source(path)
    furniture.run(doc, furniture.Options(), Report())
    assert furniture_lines(doc) == []


def test_the_book_pages_match_the_gold_region():
    doc = read_source(next(CORPUS.glob("001_*.txt")))
    furniture.run(doc, furniture.Options(), Report())
    fw = {line.n: line.fw_type for line in doc.lines if line.kind == "fw"}
    assert {n: t for n, t in fw.items() if n <= 450} == {52: "pageNum", 56: "header", 286: "pageNum", 338: "pageNum"}
    assert doc.lines[55].page_break == "14"
    assert doc.lines[286].page_break == "19" and doc.lines[338].page_break == "22"
    # stray numbers elsewhere in the book: chronology years, titles with note numbers
    assert doc.lines[235].kind == "text" and doc.lines[6880].kind == "text"
    assert doc.facts["pages"] >= 20
