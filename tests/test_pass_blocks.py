"""The blocks pass: paragraphs rebuilt across OCR's blank lines and cutting footnotes."""
from teikit.model import Hyphen
from teikit.passes import blocks
from teikit.reader import document_from_text
from teikit.report import Report

FILL = "a line of ordinary running text that is full width\n"


def group(text, **options):
    doc = document_from_text(text)
    blocks.run(doc, blocks.Options(**options), Report())
    return doc.body


def line_numbers(block):
    return [line.n for line in block.text_lines]


def test_blank_inside_paragraph_is_bridged_when_the_line_runs_on():
    body = group(FILL * 3 + "the deliberate flight from reality goes on here\n\n"
                 "by the leaders of the American party.\n")
    assert len(body) == 1 and line_numbers(body[0]) == [1, 2, 3, 4, 6]


def test_short_line_ending_a_sentence_ends_the_paragraph():
    body = group(FILL * 3 + "events.\n\nIt is most unfortunate.\n")
    assert [line_numbers(b) for b in body] == [[1, 2, 3, 4], [6]]


def test_lower_case_start_continues_even_after_a_short_line():
    body = group(FILL * 3 + "China and\n\nthe rest of it.\n")
    assert len(body) == 1


def test_heading_lines_stay_apart_from_the_text():
    body = group("ON SENDIN G TERRORISTS\n\nINTO THE USSR67\n\nJanuary 6, 1937\n\n" + FILL * 3)
    assert [line_numbers(b) for b in body] == [[1, 3], [5], [7, 8, 9]]


def test_footnote_cutting_a_paragraph_mid_word():
    text = ("He was a member and com-\n\n*A footnote at the foot of the page.\n\n"
            "missar of archives in 1919.\n\nThe next paragraph.\n")
    body = group(text, line_per_paragraph=True, footnote_pattern=r"^\*+ ?\S")
    assert [(b.kind, line_numbers(b)) for b in body] == [("p", [1, 5]), ("note", [3]), ("p", [7])]
    assert body[1].attrs == {"place": "foot", "n": "*"}
    assert body[0].text_lines[0].hyphen is Hyphen.PRINTED


def test_footnote_marker_does_not_count_an_italic_star():
    assert blocks.footnote_n("**Op. cit.* pp. 57-59.") == "*"
    assert blocks.footnote_n("**Lenin's speech on program.") == "**"


def test_one_paragraph_per_line_breaks_at_each_blank():
    body = group("A paragraph that ends without a stop\n\nAnother one.\n", line_per_paragraph=True)
    assert len(body) == 2


def test_furniture_between_paragraphs_opens_the_next_block():
    doc = document_from_text(FILL + "end.\n\n13\n\nNext paragraph.\n")
    doc.lines[3].kind, doc.lines[3].fw_type = "fw", "pageNum"
    blocks.run(doc, blocks.Options(), Report())
    assert [[line.n for line in b.lines] for b in doc.body] == [[1, 2], [4, 6]]


def test_page_ends_shown_by_cuts_become_unnumbered_page_breaks():
    text = ("A paragraph that the page end cuts, and its\n\ncontinuation on the next page.\n\n"
            "Then a paragraph with a marker.*\n\n* The footnote at the page foot.\n\n"
            "The next page begins here.\n\nAnd goes on.\n")
    doc = document_from_text(text)
    blocks.run(doc, blocks.Options(line_per_paragraph=True, footnote_pattern=r"^\*+ ?\S",
                                   page_at_cut=True), Report())
    assert [line.n for line in doc.lines if line.page_break is not None] == [3, 9]
    assert all(line.page_break in (None, "") for line in doc.lines)


def test_without_the_option_cuts_make_no_page_breaks():
    doc = document_from_text("A cut paragraph and\n\nits continuation.\n")
    blocks.run(doc, blocks.Options(line_per_paragraph=True), Report())
    assert all(line.page_break is None for line in doc.lines)
