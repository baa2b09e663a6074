"""The TEI header declares the policies of the passes that ran, from their typed facts."""
from __future__ import annotations

import pytest

from teikit import T
from teikit.config import EditionConfig
from teikit.encode import build_tree, encode_text, pass_options
from teikit.facts import PersonsDone
from teikit.passes import PASSES
from teikit.pipeline import build_pipeline, run_pipeline
from teikit.reader import document_from_text
from teikit.report import Report
from teikit.validate import check_tree

#: a made-up letter with a person after a title and a date
LETTER = ("A LETTER FROM THE VALLEY\n\nMarch 3, 1921\n\n"
          "Dear Sir, General Hollbrook came to the mill on Tuesday and spoke with the miller.\n")


def editorial(tree):
    return tree.getroot().find(f"{T}teiHeader/{T}encodingDesc/{T}editorialDecl")


def said(element) -> str:
    return " ".join("".join(element.itertext()).split())


def encode_without(disabled: frozenset[str]):
    cfg = EditionConfig()
    doc = document_from_text(LETTER, "letter.txt")
    report = Report("letter.txt")
    doc = run_pipeline(doc, build_pipeline(PASSES, pass_options(cfg, doc.profile), disabled), report)
    return doc, build_tree(doc, cfg, "sha256 of the source", report)


def test_every_pass_ran_so_every_policy_is_declared():
    tree = encode_text(LETTER, name="letter.txt").tree
    decl = editorial(tree)
    interpretation = said(decl.find(f"{T}interpretation"))
    assert interpretation.startswith("Persons are tagged persName") and "date with ISO 8601" in interpretation
    assert decl.find(f"{T}hyphenation") is not None


@pytest.mark.parametrize(("disabled", "declared"), [
    (frozenset({"persons"}), "Calendar expressions are tagged date"),
    (frozenset({"dates"}), "Persons are tagged persName"),
    (frozenset({"persons", "dates"}), None),
])
def test_a_pass_turned_off_is_not_declared(disabled, declared):
    doc, tree = encode_without(disabled)
    interpretation = editorial(tree).find(f"{T}interpretation")
    if declared is None:
        assert interpretation is None
    else:
        text = said(interpretation)
        assert text.startswith(declared) and ";" not in text
    assert check_tree(tree) == []


def test_no_corrections_says_so_in_the_correction_declaration():
    tree = encode_text(LETTER, name="letter.txt", corrections=False).tree
    correction = said(editorial(tree).find(f"{T}correction"))
    assert correction.startswith("No OCR corrections were made")


def test_facts_are_typed_records():
    doc, _ = encode_without(frozenset())
    assert doc.facts.structure.paragraphs >= 1 and doc.facts.dates.marked >= 1
    assert isinstance(doc.facts.persons, PersonsDone)


#: a made-up old book: a title page in capitals, then a chapter
TITLE_PAGE_BOOK = ("A\n\nTREATISE\n\nON THE\n\nDISEASES OF THE HARBOUR.\n\n\n\nBY OSBERT QUILLET, M.D.\n\n"
                   "LONDON:\n\nPRINTED FOR J. PELLWORTH, 12, FLEET STREET.\n\n1834.\n\n\n\nCHAPTER I.\n\n"
                   "OF THE HARBOUR IN GENERAL.\n\n"
                   + ("The harbour of the town was dredged by the men of the parish in the\n"
                      "spring, and the boats were laid up on the shingle above the tide line\n"
                      "until it was done, which took them the better part of the summer.\n\n") * 6)


def test_without_a_configured_title_the_title_page_gives_the_header_its_title():
    tree = encode_text(TITLE_PAGE_BOOK, name="quillet-1834.txt").tree
    main = tree.getroot().find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title[@type='main']")
    original = tree.getroot().find(f"{T}teiHeader/{T}fileDesc/{T}sourceDesc/{T}bibl[@type='original']/{T}title")
    assert main.text == original.text == "A TREATISE ON THE DISEASES OF THE HARBOUR."
    configured = encode_text(TITLE_PAGE_BOOK, EditionConfig(title="Quillet on Harbours"), name="quillet-1834.txt").tree
    assert configured.getroot().find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title").text == "Quillet on Harbours"
    untitled = encode_text(LETTER, name="letter.txt").tree
    assert untitled.getroot().find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title").text == "letter"
    assert check_tree(tree) == []


def test_a_mastheads_title_is_the_part_that_names_the_paper_or_none():
    from teikit.model import Block, Document, Line
    from teikit.tei.header import title_page

    def masthead(*parts):
        doc = Document("masthead.txt", [])
        doc.front = [Block("titlePage", attrs={"type": "masthead"}, children=[
            Block("titlePart", [Line(k, text)]) for k, text in enumerate(parts, 1)])]
        return title_page(doc)

    assert masthead("XX Ti Ls.. rsi w", "HOME", "THE QUILLBURY COURIER", "VOL. XII. No. 40.") == (
        "THE QUILLBURY COURIER", "")
    assert masthead("XX Ti Ls.. Jan, i Til-- tMBMrtlur", "VOLUME XIV, NO. 5.", "PRICE ONE CENT.") == ("", "")


@pytest.mark.parametrize("part, well", [("DISEASES OF THE HARBOUR.", True), ("■ ^, Lii. - Co!i. welMOmec", False),
                                         ("qzxv ttrw plkk OF", False), ("A", False)])
def test_a_title_part_reads_well_or_is_ocrs_reading_of_a_stamp(part, well):
    from teikit.tei.header import read_well

    assert read_well(part) is well
