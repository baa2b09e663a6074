"""The structure pass: headings, datelines, letters, dialogue, front and back."""
import re

import pytest

from teikit.passes import blocks, structure
from teikit.reader import document_from_text
from teikit.report import Report

FILL = "a line of ordinary running text that is full width\n"
PARAGRAPH = FILL * 3 + "and so it ends.\n"


def encode(text, blocks_opts=None, **options):
    doc = document_from_text(text)
    blocks.run(doc, blocks.Options(**(blocks_opts or {})), Report())
    structure.run(doc, structure.Options(**options), Report())
    return doc


def kinds(block):
    return [child.kind for child in block.children]


def test_article_with_head_dateline_and_letter():
    text = ("ON THE ATLANTIC18\n\nDecember 28, 1936\n\nDear Comrade Cannon,\n" + PARAGRAPH +
            "\nComradely,\nL. Trotsky\n")
    doc = encode(text)
    (div,) = doc.body
    assert div.attrs == {"type": "article"}
    assert kinds(div) == ["head", "dateline", "opener", "p", "closer"]
    assert div.children[0].text == "ON THE ATLANTIC18"
    assert kinds(div.children[-1]) == ["salute", "signed"]


def test_capitals_opening_a_paragraph_are_no_heading():
    text = "THERE IS A LOGIC IN HISTORY AND DESPITE ALL THE rich and strange episodes of it.\n"
    doc = encode(text, {"line_per_paragraph": True}, title_page=False)
    assert [b.kind for b in doc.blocks()] == ["div", "p"]


def test_front_and_back_by_heading_name():
    text = ("PREFACE\n\n" + PARAGRAPH + "\n\n\nIN 'SOCIALIST' NORWAY1\n\n" + PARAGRAPH +
            "\n\n\nNOTES\n\n1. A first note.\n\n2. A second note.\n")
    doc = encode(text)
    assert [b.attrs["type"] for b in doc.front] == ["preface"]
    assert [b.attrs["type"] for b in doc.body] == ["article"]
    notes = [b for b in doc.back[0].children if b.kind == "note"]
    assert [n.attrs for n in notes] == [{"n": "1", "type": "endnote", "place": "end"},
                                        {"n": "2", "type": "endnote", "place": "end"}]


def test_dialogue_becomes_speeches():
    text = "Vishinsky: Where did you land?\n\nPyatakov: Near Oslo.\n\nHe moves from Oslo.\n"
    doc = encode(text, {"line_per_paragraph": True}, title_page=False)
    sp = doc.body[0].children[0]
    assert sp.kind == "sp" and kinds(sp) == ["speaker", "p"]
    assert sp.children[0].text == "Vishinsky:" and sp.children[1].text.strip() == "Where did you land?"
    assert sp.children[0].text_lines[0].n == sp.children[1].text_lines[0].n == 1


def test_web_byline_title_and_trailing_endnotes():
    text = ("C.L.R. James 1937\n\nThe Second Moscow Trial\n\nFirst Published: in Fight.\n\n"
            "The text with a note.[1]\n\n[1] See The Red Flag.\n")
    doc = encode(text, {"line_per_paragraph": True}, title_page=False, title_case_heads=True,
                 source_note_pattern="^First Published:")
    assert kinds(doc.body[0]) == ["byline", "head", "note", "p"]
    assert doc.back[0].children[0].attrs == {"n": "1", "type": "endnote", "place": "end"}


def test_newspaper_subheads_nest_in_one_article():
    text = PARAGRAPH + "\n\n\nGreat Discontent in the Soviet Union\n\n" + PARAGRAPH + "\nJune 18, 1937\n"
    doc = encode(text, div_type="section", enclosing_div="article", title_case_heads=True,
                 title_page=False)
    (article,) = doc.body
    assert kinds(article) == ["p", "div"]
    assert kinds(article.children[1]) == ["head", "p", "closer"]
    assert kinds(article.children[1].children[2]) == ["dateline"]


def test_dateline_amid_paragraphs_stays_a_paragraph():
    doc = encode("A HEAD\n\n" + PARAGRAPH + "\nJune 18, 1937\n\n" + PARAGRAPH)
    assert kinds(doc.body[0]) == ["head", "p", "p", "p"]


from conftest import CORPUS, require_shared  # noqa: E402  (TEIKIT_SHARED honoured)


def test_serge_chapters_and_footnotes():
    require_shared()
    doc = document_from_text((CORPUS / "004_50acbb978ef62274.txt").read_text(encoding="utf-8"))
    blocks.run(doc, blocks.Options(line_per_paragraph=True, footnote_pattern=r"^\*+ ?\S"), Report())
    structure.run(doc, structure.Options(div_type="chapter", title_case_heads=True,
                                         head_per_line=True), Report())
    assert doc.front[0].kind == "titlePage"
    heads = [b.text for b in doc.blocks() if b.kind == "head"]
    assert "THE HEADLESS REVOLUTION" in heads and "A Note About The Author" in heads
    assert doc.facts["structure"]["footnotes"] >= 45


def test_heading_glued_to_the_text_before_it_is_cut_off():
    text = (PARAGRAPH + "\nLeon Trotsky\n TO THE REPRESENTATIVES\n\nOF THE MEXICAN PRESS88\n\n"
            "January 12, 1937\n\n" + PARAGRAPH)
    doc = encode("A HEAD\n\n" + text)
    assert [[head.text.strip() for head in div.children if head.kind == "head"] for div in doc.body] == \
        [["A HEAD"], ["TO THE REPRESENTATIVES", "OF THE MEXICAN PRESS88"]]
    assert kinds(doc.body[1]) == ["head", "head", "dateline", "p"]


def test_capitals_ending_a_paragraph_without_a_dateline_after_stay_text():
    text = "A HEAD\n\n" + PARAGRAPH + "Special Commissariat-Ports\nSEEN ON DISEMBARKING\n\nMarseilles 1933\n"
    doc = encode(text)
    assert len(doc.body) == 1 and kinds(doc.body[0]).count("head") == 1


def test_dateline_between_articles_starts_a_division_without_heading():
    text = ("A HEAD\n\nDecember 28, 1936\n\n" + PARAGRAPH + "Norway, goodbye!\n December 30, 1936\n\n"
            "The greater part of the journey lies behind.\n")
    doc = encode(text, dateline_starts_div=True)
    assert [kinds(div) for div in doc.body] == [["head", "dateline", "p"], ["dateline", "p"]]
    assert [kinds(div) for div in encode(text).body] == [["head", "dateline", "p", "p", "p"]]


def test_subtitle_and_postscript_do_not_start_a_division():
    text = ("A HEAD\n\nA Subtitle in Two\nLines\n\nJune 1, 1937\n\n" + PARAGRAPH +
            "\nL. T.\n June 2, 1937\n\nP.S. A postscript.\n")
    doc = encode(text, dateline_starts_div=True)
    assert len(doc.body) == 1


def test_chronology_entries_make_a_list_per_year():
    text = ("PREFACE\n\n" + PARAGRAPH + "\n\nCHRONOLOGY\n\n1936\n\nDecember-On the Atlantic, he\n\n"
            "begins a refutation.\n\n1937\n\nJanuary 9-Trotsky arrives in Mexico.\n"
            "January 23-30-The second trial.\n\n\nA HEAD\n\n" + PARAGRAPH)
    doc = encode(text)
    chronology = doc.front[1]
    assert chronology.attrs == {"type": "chronology"} and kinds(chronology) == ["head", "list", "list"]
    years = [[(child.kind, [line.n for line in child.text_lines]) for child in lst.children]
             for lst in chronology.children[1:]]
    assert years == [[("head", [11]), ("item", [13, 15])],
                     [("head", [17]), ("item", [19]), ("item", [20])]]


def test_letter_spaced_back_cover_is_a_back_division():
    cover = ("The d r ive toward war, w h i c h  was be i n g  s u pported-\n\n"
             "T h e  need to estab l is h  the Fou rt h  I nternat ional\n"
             "p u b l ished now for t h e  f i rst t ime.\n"
             "This book is also available in cloth.\n")
    doc = encode("A HEAD\n\n" + PARAGRAPH + "and the last line of the text.\n" + cover)
    assert [div.attrs["type"] for div in doc.back] == ["colophon"]
    assert [line.n for line in doc.back[0].children[0].text_lines] == [8, 10, 11, 12]
    assert doc.body[0].children[-1].text_lines[-1].n == 7


def test_body_heading_repeating_the_title_is_a_half_title():
    text = ("FROM LENIN TO STALIN\n\nBY VICTOR SERGE\n\nFrom Lenin to Stalin\n\nMARCH 1917\n"
            "THE HEADLESS REVOLUTION\n\n" + PARAGRAPH)
    doc = encode(text, {"line_per_paragraph": True}, div_type="chapter", title_case_heads=True,
                 head_per_line=True)
    assert [(div.attrs["type"], kinds(div)) for div in doc.body] == \
        [("titlepage", ["head"]), ("chapter", ["head", "head", "p"])]


def test_endnotes_follow_their_sequence_through_ocr_noise():
    pattern = re.compile(r"^\s*(\d{1,3})\s?\.\s+\S")
    assert structure.endnote_number("59. Alexei Rykov", pattern, 58) == 59
    assert structure.endnote_number("60_ Felix Dzerzhinsky", pattern, 59) == 60
    assert structure.endnote_number("2:39. Nicola Sacco", pattern, 238) == 239
    assert structure.endnote_number(" 31 L The French Radicals", pattern, 310) == 311
    assert structure.endnote_number("24. 1937.", pattern, 120) == 0          # a date inside note 120
    assert structure.endnote_number("6O. A note", pattern, 12) == 0           # noise only where expected
    assert structure.endnote_number("15. A note", pattern, 12) == 15          # a note OCR lost between


def test_an_indented_speaker_label_keeps_the_whole_line():
    doc = encode("\t VISHINSKY: the question\n\nPYATAKOV: the answer\n", {"line_per_paragraph": True})
    speaker = next(block for block in doc.blocks() if block.kind == "speaker")
    speech = next(block for block in doc.blocks() if block.kind == "p")
    assert speaker.text + speech.text == "\t VISHINSKY: the question"


def test_a_footnote_before_any_title_stays_a_note():
    doc = encode("* the note\n\nAA\n", blocks_opts={"line_per_paragraph": True,
                                                    "footnote_pattern": r"^\*+ ?\S"})
    notes = [block for block in doc.blocks() if block.attrs.get("place") == "foot"]
    assert notes and all(block.kind == "note" for block in notes)


def test_a_signature_before_the_sections_keeps_its_own_division():
    doc = encode("A\n\nAA\n", div_type="section", enclosing_div="article", title_case_heads=True,
                 title_page=False)
    (article,) = doc.body
    assert kinds(article) == ["div", "div"]
    assert kinds(article.children[0]) == ["signed"] and kinds(article.children[1]) == ["head"]


def test_a_salute_before_other_opening_blocks_keeps_its_place():
    doc = encode("Dear Comrade,\nTrotsky\n")
    (div,) = doc.body
    assert kinds(div)[:2] == ["opener", "byline"]
