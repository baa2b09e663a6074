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
    assert doc.facts.pages == 4


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
    assert doc.facts.pages == 0


def test_two_folios_in_sequence_the_first_opening_the_text_are_its_two_pages():
    doc, _ = run(["12", ""] + page(20) + ["", "13", ""] + page(5))
    assert [(n, page_break) for n, _, page_break in furniture_lines(doc)] == [(1, "12"), (24, "13")]
    doc, _ = run(page(20) + ["", "12", ""] + page(20) + ["", "13", ""])    # at the foot, the last closing the text
    assert furniture_lines(doc) == [(22, "pageNum", None), (24, None, "13"), (45, "pageNum", None)]
    for lines in (["12", ""] + page(20) + ["", "14", ""] + page(5),          # not in sequence
                  ["Text before it", "", "12", ""] + page(20) + ["", "13", ""] + page(5),   # text on both sides
                  ["1.", ""] + page(20) + ["", "2.", ""] + page(5),                          # numbered sections
                  ["1", "", "OPENING", ""] + page(20) + ["", "2", "", "CLOSING", ""] + page(5)):   # titled ones
        assert furniture_lines(run(lines)[0]) == []


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
    assert doc.facts.pages >= 20


def pages_of(numbers, shown=None, per_page=20, layout="{n}"):
    """A made-up book: each page its furniture line (`layout` with the number), then prose."""
    lines = []
    for number in numbers:
        lines += ["", layout.format(n=(shown or {}).get(number, number)), ""] + page(per_page)
    return lines


def breaks(doc):
    return [(line.n, line.page_break) for line in doc.lines if line.page_break is not None]


def test_a_folio_that_opens_the_document_stands_at_the_head_of_its_page():
    doc, _ = run(["7", ""] + page(20) + pages_of(range(8, 12)))
    assert breaks(doc)[:2] == [(1, "7"), (24, "8")]
    assert all(doc.lines[n - 1].kind == "fw" for n, _ in breaks(doc))


def test_a_zero_padded_folio_keeps_its_printed_form():
    doc, _ = run(pages_of(range(1, 5), layout="{n:04d}"))
    assert [n for _, n in breaks(doc)] == ["0001", "0002", "0003", "0004"]


def test_a_head_ending_in_a_full_stop_with_its_number_last_starts_a_page():
    doc, _ = run(pages_of(range(40, 45), layout="Rivers and Rain. {n}"))
    assert [n for _, n in breaks(doc)] == ["40", "41", "42", "43", "44"]


def test_a_dated_head_with_its_folio_is_furniture():
    doc, _ = run(pages_of(range(210, 214), layout="MAY 4, 1880. {n}"))
    assert [n for _, n in breaks(doc)] == ["210", "211", "212", "213"]
    assert doc.lines[1].fw_type == "header"


def test_a_paragraph_ending_in_a_note_number_is_not_a_head():
    lines = pages_of(range(10, 15))
    lines[30:30] = ["the end of a paragraph about mills and rain,", "as the miller said. 12", ""]
    doc, _ = run(lines)
    assert doc.lines[31].kind == "text"


def test_foliation_that_jumps_one_page_on_is_followed():
    doc, _ = run(pages_of([101, 102, 103, 104, 160, 161, 162, 163]))
    assert [n for _, n in breaks(doc)] == ["101", "102", "103", "104", "160", "161", "162", "163"]


def test_a_mangled_folio_is_read_from_the_sequence_and_reported():
    doc, report = run(pages_of(range(115, 121), shown={117: "m", 119: "Il8"}))
    assert [n for _, n in breaks(doc)] == ["115", "116", "117", "118", "119", "120"]
    assert {m.line for m in report.messages if m.code == "TK117"} == {48, 94}


@pytest.mark.parametrize("wreck", ["]()", "1 G", "(]"])
def test_a_folio_ocr_made_into_brackets_or_letters_is_read_from_the_sequence(wreck):
    doc, report = run(pages_of(range(8, 14), shown={10: wreck}))
    assert [n for _, n in breaks(doc)] == ["8", "9", "10", "11", "12", "13"]
    assert {m.line for m in report.messages if m.code == "TK117"} == {48}


def verso_recto(numbers, shown):
    """Heads over each page: the folio at the outer edge (`12 TITLE`, `TITLE. 13`),
    or as `shown` prints the page's whole head line."""
    return pages_of(numbers, shown={n: shown.get(n, f"{n} QUILLBURY ESSAYS." if n % 2 == 0
                                              else f"QUILLBURY ESSAYS. {n}") for n in numbers})


@pytest.mark.parametrize("head", ["QUILLBUEY ESSAYS. ^4", "8B QUILLBURY ESSAIS.", 'QUILLBURY ESSAYS. "Sl', "Zq QUILLBURY ESSAYS."])
def test_a_running_head_beside_a_folio_ocr_wrecked_is_that_page(head):
    doc, report = run(verso_recto(range(12, 19), shown={15: head}))
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(12, 19)]
    assert doc.lines[3 * 23 + 1].fw_type == "header"
    assert [m.line for m in report.messages if m.code == "TK117"] == [3 * 23 + 2]


@pytest.mark.parametrize("speck", ["-", "*", ",*"])
def test_a_running_head_whose_folio_ocr_left_a_speck_after_is_that_page(speck):
    doc, _ = run(verso_recto(range(210, 217), shown={213: f"QUILLBURY ESSAYS. 213{speck}"}))
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(210, 217)]
    assert doc.lines[3 * 23 + 1].fw_type == "header"


@pytest.mark.parametrize("wreck", ["24,", "24^", "2,"])
def test_a_running_head_beside_a_number_that_lost_a_digit_is_that_page(wreck):
    doc, _ = run(verso_recto(range(244, 251), shown={247: f"QUILLBURY ESSAYS. {wreck}"}))
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(244, 251)]


def test_a_folio_of_ones_read_as_capital_is_beside_a_known_running_head_is_that_page():
    doc, _ = run(verso_recto(range(108, 115), shown={111: "QUILLBURY ESSAYS. lIl"}))
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(108, 115)]
    # a numeral alone, with no head on its line, stays a section's
    doc, _ = run(pages_of(range(108, 115), shown={111: "lIl"}))
    assert "111" not in [n for _, n in breaks(doc)]


@pytest.mark.parametrize("head", ["58 ¤UE QVIJLBTRY FSSAIS.", "» TNE QVIJLBTRY FSSAIS. 59"])
def test_a_running_head_ocr_wrecked_and_opened_with_a_speck_beside_its_folio_is_that_page(head):
    number = int(head.split()[0] if head[0].isdigit() else head.split()[-1])
    doc, _ = run(verso_recto(range(56, 63), shown={number: head}))
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(56, 63)]
    # a dash after a number opens a line of text, not a head
    assert furniture.folio_before_head("58 — A new chapter") is None


def test_a_heading_numbered_with_a_full_stop_is_no_folio_and_head():
    assert furniture.head_before_folio("QUILLBURY ESSAYS. 15-") == ("15", "header", "QUILLBURY ESSAYS.", 0.25)
    assert furniture.head_before_folio("SECTION 15.") is None


@pytest.mark.parametrize("head", ["OUILBUBY F&SAYS. Zq", "gS QUIJLBTJRV ESSAVS."])
def test_a_running_head_ocr_wrecked_with_its_folio_where_the_sequence_lacks_a_page_is_that_page(head):
    doc, report = run(verso_recto(range(12, 19), shown={15: head}))
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(12, 19)]
    assert doc.lines[3 * 23 + 1].fw_type == "header"
    # a line as unlike the head, or longer than it by words, stays text
    for other in ("GUILD OF ESSAYISTS Zq", "QUILLBURY LETTERS TO OSRIC Zq"):
        doc, _ = run(verso_recto(range(12, 19), shown={15: other}))
        assert doc.lines[3 * 23 + 1].kind == "text"


def test_a_line_beside_a_word_that_is_not_the_running_head_stays_text():
    doc, _ = run(verso_recto(range(12, 19), shown={15: "QUILLBURY LETTERS TO OSRIC ^4"}))
    assert "15" not in [n for _, n in breaks(doc)] and doc.lines[3 * 23 + 1].kind == "text"


def folios_apart(numbers, lost=(), per_page=20):
    """A made-up book whose folios stand between runs of blank lines, paragraphs parted by
    one blank line; the folios in `lost` OCR dropped, leaving their blank lines."""
    lines = []
    for number in numbers:
        lines += ["", "", ""] if number in lost else ["", "", str(number), "", ""]
        lines += page(per_page // 2) + [""] + page(per_page // 2)
    return lines


def test_a_page_whose_folio_ocr_lost_starts_after_its_blank_lines():
    doc, report = run(folios_apart(range(40, 46), lost={42}))
    assert [n for _, n in breaks(doc)] == ["40", "41", "42", "43", "44", "45"]
    start = next(n for n, label in breaks(doc) if label == "42")
    assert doc.lines[start - 1].kind == "text" and doc.lines[start - 2].kind == "blank"
    assert [m.line for m in report.messages if m.code == "TK118"] == [start]


def test_the_furniture_of_a_page_whose_folio_ocr_lost_is_furniture():
    # capitals heads beside the folios; page 23's folio OCR misread beyond reading ("86")
    heads = ["OF QUILLABEE.", "THE MILLS.", "OF PELLWORTH.", "RAIN AND WEIRS.", "THE SLUICE.", "OF RIVERS."]
    lines = []
    for number, head in zip(range(20, 26), heads):
        top = [head, "", "", "86"] if number == 23 else [str(number), "", "", head]
        lines += ["", ""] + top + [""] + page(10) + [""] + page(10)
    doc, report = run(lines)
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(20, 26)]
    assert [line.fw_type for line in doc.lines if line.text in ("RAIN AND WEIRS.", "86")] == ["header", "pageNum"]
    assert {m.code for m in report.messages} >= {"TK117", "TK118"}


def test_a_running_head_ocr_misread_where_the_folio_is_lost_is_still_furniture():
    # the book's title over every page beside the folio; OCR misread the head of pages 63
    # and 66 and lost their folios (page 63's left as a speck), and glued a wreck to 65's
    heads = {63: "QUILLET OX HAKBOURS.", 65: ";s§ QUILLET ON HARBOURS.", 66: "QUILLEI ON HARB0UES,"}
    lines = []
    for number in range(60, 68):
        head = heads.get(number, "QUILLET ON HARBOURS.")
        top = {63: ["u", "", "", head], 66: [head]}.get(number, [str(number), "", "", head])
        lines += ["", ""] + top + [""] + page(10) + [""] + page(10)
    doc, report = run(lines)
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(60, 68)]
    assert [line.fw_type for line in doc.lines if line.text in heads.values()] == ["header"] * 3
    assert [line.fw_type for line in doc.lines if line.text == "u"] == ["pageNum"]
    assert any(m.code == "TK117" and doc.lines[m.line - 1].text == "u" for m in report.messages)


def test_a_line_unlike_the_running_head_where_the_folio_is_lost_stays_text():
    lines = []
    for number in range(60, 68):
        top = ["THE TULVERTON WEIRS."] if number == 63 else [str(number), "", "", "QUILLET ON HARBOURS."]
        lines += ["", ""] + top + [""] + page(10) + [""] + page(10)
    doc, _ = run(lines)
    assert [line.kind for line in doc.lines if line.text == "THE TULVERTON WEIRS."] == ["text"]


def test_a_known_running_head_where_ocr_lost_the_folio_is_furniture():
    # the recto's head recurs too seldom to be known as a head apart
    lines = []
    for number in range(30, 35):
        top = ["", "", "QUILLABEE ON MILLS.", ""] if number == 33 else \
            ([str(number), "", "", "OF PELLWORTH.", ""] if number % 2 == 0 else ["QUILLABEE ON MILLS.", "", "", str(number), ""])
        lines += ["", ""] + top + page(10) + [""] + page(10)
    doc, _ = run(lines)
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(30, 35)]
    assert [line.fw_type for line in doc.lines if line.text == "QUILLABEE ON MILLS."] == ["header", "header"]


def test_paragraphs_parted_by_runs_of_blank_lines_make_no_pages_without_folio():
    lines = []
    for number in range(40, 46):
        lines += ["", "", "", str(number), "", "", ""] if number != 42 else ["", "", ""]
        for _ in range(4):
            lines += page(5) + ["", ""]
    doc, report = run(lines)
    assert "42" not in [n for _, n in breaks(doc)]
    assert not any(m.code == "TK118" for m in report.messages)


def test_a_year_where_a_folio_is_missing_stays_text():
    doc, _ = run(pages_of([20, 21, 22, 23, 24], shown={22: "1848"}))
    assert doc.lines[47].kind == "text"
    assert "22" not in [n for _, n in breaks(doc)]


def test_roman_front_matter_folios_come_before_the_arabic_ones():
    doc, _ = run(pages_of(["ii", "iii", "iv"]) + pages_of(range(1, 4)))
    assert [n for _, n in breaks(doc)] == ["ii", "iii", "iv", "1", "2", "3"]


def test_numbers_of_sections_or_poems_alone_are_not_roman_folios():
    lines = []
    for number in ("I.", "II.", "III.", "IV", "V"):
        lines += ["", number, ""] + page(14)
    doc, _ = run(lines)
    assert breaks(doc) == []


def test_roman_folios_in_capitals_beside_a_recurring_head_are_folios():
    # the preface's folios in capitals as OCR reads them (`Vl` for VI, `VU` for VII), each
    # beside the head PREFACE., then the book's arabic folios
    lines = []
    for shown, head_first in (("IV", False), ("V", True), ("Vl", False), ("VU", True)):
        top = ["QUILLABEE'S PREFACE.", "", shown] if head_first else [shown, "", "QUILLABEE'S PREFACE."]
        lines += ["", ""] + top + [""] + page(20)
    doc, report = run(lines + pages_of(range(1, 4)))
    assert [n for _, n in breaks(doc)] == ["iv", "v", "vi", "vii", "1", "2", "3"]
    assert all(line.fw_type == "header" for line in doc.lines if line.text == "QUILLABEE'S PREFACE.")


def test_roman_numerals_in_capitals_beside_changing_titles_stay_text():
    lines = []
    for number, title in zip(("I", "II", "III", "IV", "V"), ("PELLWORTH.", "THE MILL.", "RAIN.", "WEIRS.", "DUSK.")):
        lines += ["", number, "", title, ""] + page(14)
    doc, _ = run(lines)
    assert breaks(doc) == []


def test_a_printers_signature_before_the_next_folio_is_furniture():
    lines = pages_of(range(30, 35))
    lines[46:46] = ["", "B 2"]
    doc, _ = run(lines)
    assert (doc.lines[47].kind, doc.lines[47].fw_type) == ("fw", "sig")


def test_a_signature_read_in_lower_case_before_the_next_folio_is_furniture():
    lines = pages_of(range(30, 35))
    lines[46:46] = ["", "d"]
    doc, _ = run(lines)
    assert (doc.lines[47].kind, doc.lines[47].fw_type) == ("fw", "sig")


@pytest.mark.parametrize("mark", ["o o", "0 o 2", "Qq"])
def test_a_doubled_letter_signature_before_the_next_folio_is_furniture(mark):
    lines = pages_of(range(30, 35))
    lines[46:46] = ["", mark]
    doc, _ = run(lines)
    assert (doc.lines[47].kind, doc.lines[47].fw_type) == ("fw", "sig")


@pytest.mark.parametrize("words", ["o f", "to"])
def test_two_different_letters_before_the_next_folio_stay_text(words):
    lines = pages_of(range(30, 35))
    lines[46:46] = ["", words]
    doc, _ = run(lines)
    assert doc.lines[47].kind == "text"


def test_a_lone_word_before_the_next_folio_stays_text():
    lines = pages_of(range(30, 35))
    lines[46:46] = ["", "me"]
    doc, _ = run(lines)
    assert doc.lines[47].kind == "text"


def test_heads_in_capitals_beside_the_folios_are_furniture():
    lines = []
    for number, head in zip(range(50, 55), ["MILLS.", "RAIN.", "OF RIVERS.", "MILLS.", "THE WEIR."]):
        lines += ["", str(number), "", head, ""] + page(20)
    doc, report = run(lines)
    assert [(line.n, line.fw_type) for line in doc.lines if line.fw_type == "header"][:2] == [(4, "header"), (29, "header")]
    assert any(m.code == "TK115" for m in report.messages)


def test_a_division_label_beside_a_folio_stays_text():
    lines = []
    for number in range(50, 55):
        lines += ["", str(number), "", "CHAPTER IV." if number == 52 else "MILLS.", ""] + page(20)
    doc, _ = run(lines)
    assert doc.lines[53].kind == "text"


def test_pages_parted_by_runs_of_blank_lines_get_breaks_without_numbers():
    lines = []
    for _ in range(5):
        lines += page(30) + ["", ""]
    doc, _ = run(lines)
    assert breaks(doc) == [(33, ""), (65, ""), (97, ""), (129, "")]


def test_blank_lines_between_paragraphs_are_not_pages():
    lines = []
    for _ in range(8):
        lines += page(5) + [""] + page(25) + ["", ""]
    doc, _ = run(lines)
    assert breaks(doc) == []


def test_a_page_number_that_does_not_rise_is_dropped_and_reported():
    doc, report = run(pages_of(range(60, 64)))
    doc.lines[0].page_break = None
    furniture_report = Report()
    pages = furniture.Pages(doc.lines, furniture.Options(), furniture_report)
    pages.tops = {1: "61", 24: "61"}
    furniture.write_breaks(pages)
    assert doc.lines[24].page_break == ""
    assert [m.code for m in furniture_report.messages] == ["TK114"]


def test_a_section_number_where_a_folio_is_missing_stays_text():
    doc, _ = run(pages_of([20, 21, 22, 23, 24], shown={22: "I"}))
    assert doc.lines[47].kind == "text"


def test_verso_and_recto_heads_on_lines_of_their_own_beside_the_folios():
    lines = []
    for number in range(12, 18):
        top = [str(number), "", "", "", "THE MILLER'S YEAR"] if number % 2 == 0 else \
            ["Of Rivers and Rain.", "", "", "", str(number)]
        lines += ["", "", ""] + top + ["", "", ""] + page(25)
    doc, _ = run(lines)
    heads = [line.n for line in doc.lines if line.fw_type == "header"]
    assert len(heads) == 6
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(12, 18)]
    # the verso's page opens at its folio, the recto's at the head above its folio
    assert [doc.lines[n - 1].fw_type for n, _ in breaks(doc)] == ["pageNum", "header"] * 3


def test_a_mark_standing_where_a_folio_is_missing_starts_the_page():
    doc, report = run(pages_of(range(1, 7), shown={4: "2nd Quire"}))
    assert (doc.lines[70].kind, doc.lines[70].page_break) == ("fw", "4")
    assert any(m.code == "TK116" and m.line == 71 for m in report.messages)


def test_a_head_whose_number_ocr_misread_is_read_from_the_sequence():
    lines = pages_of(range(60, 66), layout="{n} THE MILLER'S YEAR,")
    lines[70] = "68 OF WEIRS AND SLUICES."          # page 63, its 6 read as 8
    doc, report = run(lines)
    assert (doc.lines[70].fw_type, doc.lines[70].page_break) == ("header", "63")
    assert any(m.code == "TK117" and m.line == 71 for m in report.messages)


def test_a_number_misread_beyond_reading_beside_the_known_running_head_is_its_folio():
    lines = pages_of(range(160, 166), layout="{n} THE MILLER'S YEAR.")
    lines[70] = "888 THE MILLER'S YEAR."          # page 163: every digit misread, the head as on every page
    doc, report = run(lines)
    assert (doc.lines[70].fw_type, doc.lines[70].page_break) == ("header", "163")
    assert any(m.code == "TK117" and m.line == 71 for m in report.messages)


def test_a_title_whose_note_number_is_unlike_the_missing_folio_stays_text():
    lines = pages_of(range(60, 66), layout="{n} The Miller's Year")
    lines[70] = "OF WEIRS? 129"
    doc, _ = run(lines)
    assert doc.lines[70].kind == "text"


def test_a_folio_that_ends_the_document_stands_at_the_foot_of_its_page():
    lines = []
    for number in range(5, 9):
        lines += page(20) + ["", str(number), ""]
    doc, _ = run(lines)
    assert breaks(doc) == [(24, "6"), (47, "7"), (70, "8")]


def test_a_short_line_with_a_number_after_the_last_folio_stays_text():
    lines = pages_of(range(1, 6)) + ["", "", "21st", ""] + page(20)
    doc, _ = run(lines)
    assert doc.lines[len(lines) - 22].kind == "text"


def test_foliation_jumps_after_a_short_last_page():
    lines = pages_of([101, 102, 103], per_page=40) + pages_of([104], per_page=18) + pages_of([160, 161, 162], per_page=40)
    doc, _ = run(lines)
    assert [n for _, n in breaks(doc)] == ["101", "102", "103", "104", "160", "161", "162"]


def test_folios_just_before_form_feeds_stand_at_the_foot():
    text = "\f".join("\n".join(page(20) + ["", str(n), ""]) for n in range(3, 8)) + "\n"
    doc = document_from_text(text)
    furniture.run(doc, furniture.Options(), Report())
    numbers = [line.page_break for line in doc.lines if line.page_break is not None]
    assert numbers == ["4", "5", "6", "7"]
    assert all(doc.lines[i].page_break is None for i, line in enumerate(doc.lines) if line.kind == "fw")


def test_folios_between_dashes_or_in_brackets():
    for layout in ("- {n} -", "[{n}]", "— {n} —"):
        doc, _ = run(pages_of(range(8, 12), layout=layout))
        assert [n for _, n in breaks(doc)] == ["8", "9", "10", "11"]


def test_a_folio_with_specks_ocr_left_after_it_is_a_folio_and_the_head_beside_it_furniture():
    lines = []
    for number in range(60, 66):
        shown = {62: "62:'", 64: "64,"}.get(number, str(number))
        lines += ["", shown, "", "", "QUILLET ON HARBOURS.", ""] + page(20)
    doc, _ = run(lines)
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(60, 66)]
    assert [line.fw_type for line in doc.lines if line.text in ("62:'", "64,")] == ["pageNum", "pageNum"]
    assert all(line.fw_type == "header" for line in doc.lines if line.text == "QUILLET ON HARBOURS.")


def test_numbers_a_few_lines_apart_count_items_not_pages():
    lines = page(10)
    for n in range(1, 12):
        lines += ["", str(n), "", "an item of the list"]
    doc, _ = run(lines + page(10))
    assert breaks(doc) == []


def test_a_table_of_contents_longer_than_the_pages_does_not_hide_their_folios():
    # a short book's contents: more entries, each a few lines apart, than the book has pages
    lines = ["CONTENTS.", ""]
    for n, title in enumerate(["Of Quillabee", "Of Pellworth", "Of Mills"] * 6):
        lines += [title, "", "-", "", str(2 * n + 1), ""]
    lines += pages_of(range(1, 6))
    doc, _ = run(lines)
    assert [n for _, n in breaks(doc)] == ["1", "2", "3", "4", "5"]
    assert not any(line.kind == "fw" for line in doc.lines[:len(lines) - len(pages_of(range(1, 6)))])


def hill_layout(verso_head: str = "THE MILLER.") -> list[str]:
    """Paragraphs on one line each; the recto's head above its folio, the verso's head alone."""
    lines = []
    for number in range(41, 53):
        top = ["OF WEIRS AND SLUICES.", "", str(number)] if number % 2 else [verso_head]
        lines += ["", "", ""] + top + [""] + [f"a paragraph on one line about rivers {i} " * 4 for i in range(6)]
        if number % 2 == 0:
            lines += ["", "D 2" if number == 44 else "E"]
    return lines


def test_a_verso_head_without_its_folio_starts_its_page():
    doc, _ = run(hill_layout())
    heads = [line.n for line in doc.lines if line.text == "THE MILLER."]
    assert all(doc.lines[n - 1].fw_type == "header" for n in heads)
    # each verso takes the number its rectos leave for it; the last, after 51, has none to prove it
    assert [doc.lines[n - 1].page_break for n in heads] == [str(n) for n in range(42, 52, 2)] + [""]
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(41, 52)] + [""]
    # the last page has no page after it to prove its signature
    assert [line.text for line in doc.lines if line.fw_type == "sig"] == ["E", "D 2", "E", "E", "E"]


def ones_layout(shown_11: str, recto_head: str = "OF WEIRS AND SLUICES.") -> list[str]:
    """Pages 8-15 set as the hill layout, page 11's folio as `shown_11`."""
    lines = []
    for number in range(8, 16):
        top = [recto_head, "", shown_11 if number == 11 else str(number)] if number % 2 else ["THE MILLER."]
        lines += ["", "", ""] + top + [""] + [f"a paragraph on one line about rivers {i} " * 4 for i in range(6)]
    return lines


def test_a_folio_of_ones_read_as_capital_is_beside_a_running_head_is_read_from_the_sequence():
    doc, report = run(ones_layout("II"))
    # as where 11 is printed plain (the first page, a verso before any folio, has no number to prove it)
    assert [n for _, n in breaks(doc)] == [""] + [str(n) for n in range(9, 16)]
    assert [line.fw_type for line in doc.lines if line.text == "II"] == ["pageNum"]
    assert any(m.code == "TK117" for m in report.messages)


@pytest.mark.parametrize("shown, head", [("III", "OF WEIRS AND SLUICES."),     # reads 111, not 11
                                         ("II", "Of weirs and sluices, and")])  # no running head beside it
def test_a_numeral_of_capital_is_that_is_not_the_missing_folio_stays_text(shown, head):
    doc, _ = run(ones_layout(shown, head))
    assert [line.kind for line in doc.lines if line.text == shown] == ["text"]


@pytest.mark.parametrize("tops, numbered", [
    ({1: "20", 24: "", 47: "22"}, {1: "20", 24: "21", 47: "22"}),
    ({1: "20", 24: "", 40: "", 47: "22"}, {1: "20", 24: "", 40: "", 47: "22"}),   # one page too many
    ({1: "20", 24: "", 47: "23"}, {1: "20", 24: "", 47: "23"}),                   # one too few
])
def test_a_page_without_number_takes_it_only_where_the_count_of_pages_fits(tops, numbered):
    doc, _ = run(page(60))
    pages = furniture.Pages(doc.lines, furniture.Options(), Report())
    pages.tops = dict(tops)
    furniture.number_pages_between(pages, [])
    assert pages.tops == numbered
    assert sum(m.code == "TK119" for m in pages.report.messages) == (tops != numbered)


def test_a_speakers_name_recurring_on_every_page_is_not_a_head():
    lines = []
    for number in range(1, 8):
        lines += ["", str(number), ""] + page(3) + [""]
        for _ in range(3):
            lines += ["MILLER.", ""] + page(4) + [""]
    doc, _ = run(lines)
    assert all(line.kind == "text" for line in doc.lines if line.text == "MILLER.")


@pytest.mark.parametrize("text, head", [
    ("THE GREAT CONFERENCE", True), ("THE GREAT CON-", False), ("THE GREAT CON\u00ac", False),
    ("THE GREAT CON\u2e17", False),
])
def test_a_line_in_capitals_ending_in_a_hyphen_is_a_split_word_not_a_page_head(text, head):
    assert furniture.is_page_head(text, furniture.Options()) is head


def test_a_head_before_a_folio_is_read_only_off_a_line_ending_in_one():
    assert furniture.head_before_folio("Quillet and Osbert 1O4 ") == ("1O4", "header", "Quillet and Osbert", 2.0)
    assert furniture.head_before_folio("Quillet and Osbert went") is None


def test_of_two_lines_showing_one_page_the_folio_printed_like_the_others_is_its_folio():
    lines = ["0001", "", "1", ""] + page(25)
    for n in range(2, 6):
        lines += ["", f"000{n}", ""] + page(25)
    doc, _ = run(lines)
    assert (doc.lines[0].fw_type, doc.lines[2].kind) == ("pageNum", "text")
    assert [line.page_break for line in doc.lines if line.page_break] == ["0001", "0002", "0003", "0004", "0005"]


@pytest.mark.parametrize("lost", ["", "Fifth Sheet"])
def test_a_page_numbered_from_its_neighbours_is_printed_as_they_are(lost):
    lines = "\n".join(pages_of(range(1, 9), layout="\n{n:04d}\n")).split("\n")
    lines[lines.index("0005")] = lost
    doc, _ = run(lines)
    assert [n for _, n in breaks(doc)] == ["0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008"]


def test_a_sittings_opening_line_inside_found_pages_is_no_running_head():
    """A printed debate opens each sitting with the same lines, a page or so apart where the
    sittings are short; inside pages whose heads and folios are all found they start no page."""
    lines = []
    for number in range(46, 54):
        head = f"{number} QUILLBURY DEBATES." if number % 2 == 0 else f"MARCH 11, 1875. {number}"
        lines += ["", head, ""] + page(8) + ["", "HOUSE OF ASSEMBLY.", ""] + page(12)
    doc, _ = run(lines)
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(46, 54)]
    assert all(line.kind == "text" for line in doc.lines if line.text == "HOUSE OF ASSEMBLY.")


def test_a_recto_head_that_opens_with_the_year_carries_its_folio():
    """A debates volume prints `1875. THE QUILLBURY GLOBE. 639` over the recto."""
    lines = pages_of(range(638, 644), shown={n: f"{n} THE QUILLBURY GLOBE. March 9," if n % 2 == 0
                                             else f"1875. THE QUILLBURY GLOBE. {n}" for n in range(638, 644)})
    doc, _ = run(lines)
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(638, 644)]
    # a year opening a line of prose that ends in a number is no head
    lines = pages_of(range(10, 14))
    lines[35:35] = ["", "1875. The harbour dues rose by 40", ""]
    doc, _ = run(lines)
    assert doc.lines[36].kind == "text"


def test_a_page_of_three_columns_of_small_type_is_still_a_page():
    """Three columns of a debates volume give two hundred lines and more to the page."""
    doc, _ = run(pages_of(range(45, 50), per_page=220))
    assert [n for _, n in breaks(doc)] == [str(n) for n in range(45, 50)]


def test_plates_short_pages_between_blank_line_pages_leave_them_pages():
    """An illustrated book: more plates' captions (short pages) than pages of text."""
    lines = []
    for _ in range(4):
        lines += page(30) + ["", "", "VIEW OF THE MILL AT TULVERTON.", "", "", "Photo by O. Quillet.", "", ""]
    lines += page(30)
    doc, _ = run(lines)
    assert [n for n, _ in breaks(doc)][:4] == [33, 36, 39, 71]


def test_stanzas_parted_by_pairs_of_blank_lines_are_not_pages():
    lines = []
    for _ in range(8):
        lines += page(4) + ["", ""]
    doc, _ = run(lines)
    assert breaks(doc) == []


def test_a_signature_last_before_the_blank_lines_of_the_next_page_is_furniture():
    lines = []
    for _ in range(5):
        lines += page(30) + ["", ""]
    lines[30:30] = ["c"]
    doc, _ = run(lines)
    assert (doc.lines[30].kind, doc.lines[30].fw_type) == ("fw", "sig")


def test_a_lone_word_last_before_the_blank_lines_of_the_next_page_stays_text():
    lines = []
    for _ in range(5):
        lines += page(30) + ["", ""]
    lines[30:30] = ["me"]
    lines[10:10] = ["c"]
    doc, _ = run(lines)
    assert doc.lines[31].text == "me" and doc.lines[31].kind == "text" and doc.lines[10].kind == "text"
