"""Other projects' TEI: the text views and exports read TEI Lite, simplePrint, diplomatic
transcriptions, namespace-less TEI, stand-off registers, DOCTYPEs and XIncludes.

The fixtures in tests/fixtures/foreign/ are hand-written and valid TEI (checked below).
"""
from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from lxml import etree

from conftest import SHARED
from teikit.errors import SourceError
from teikit.export import export_tei
from teikit.tei.reader import diplomatic_lines, parse_tei, reading_paragraphs, reading_text, tei_document

FOREIGN = Path(__file__).parent / "fixtures" / "foreign"
DOCUMENTS = ["tei-lite-letter", "persons", "simple-print", "diplomatic-transcription", "namespace-less",
             "standoff-register", "doctype-xinclude"]


def read(name: str, **options):
    return parse_tei(FOREIGN / f"{name}.xml", **options)


def spans(name: str, kind: str, **options) -> list[tuple]:
    reading = reading_text(read(name, **options))
    return [(reading.text[s.start:s.end], s.attrs, s.line, s.page) for s in reading.spans if s.kind == kind]


def validatable(name: str) -> etree._ElementTree:
    """The fixture as a validator sees it: includes followed, internal entities expanded, namespaced."""
    tree = read(name, xinclude=True)
    for entity in list(tree.getroot().iter(etree.Entity)):
        value = {"mdash": "\u2014"}.get(entity.name, "")
        previous, parent = entity.getprevious(), entity.getparent()
        if previous is None:
            parent.text = (parent.text or "") + value + (entity.tail or "")
        else:
            previous.tail = (previous.tail or "") + value + (entity.tail or "")
        parent.remove(entity)
    tei_document(tree)
    return etree.ElementTree(etree.fromstring(etree.tostring(tree)))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_fixtures_are_valid_tei(tei_all, name):
    assert tei_all.relaxng.validate(validatable(name)), tei_all.relaxng.error_log


def test_the_tei_lite_letter_is_valid_tei_lite():
    path = Path(os.environ.get("TEIKIT_TEI_LITE", SHARED / "vendor" / "tei" / "tei_lite.rng"))
    if not path.is_file():
        pytest.skip(f"tei_lite.rng not found at {path}")
    schema = etree.RelaxNG(etree.parse(str(path)))
    assert schema.validate(read("tei-lite-letter")), schema.error_log


def test_tei_lite_names_rs_and_an_external_register():
    assert [(text, attrs) for text, attrs, _, _ in spans("tei-lite-letter", "person")] == [
        ("Dewey", {"ref": "persons.xml#dewey"}), ("Natalia Ivanovna", {"ref": "persons.xml#sedova"}),
        ("Diego Rivera", {"ref": "persons.xml#rivera"}), ("L. Trotsky", {"ref": "persons.xml#trotsky"})]
    paragraphs = reading_paragraphs(read("tei-lite-letter"))
    assert "I remain, as always, at the Commission's disposal." in paragraphs[2]
    assert paragraphs[3] == "1 The hearings were held in the house of Diego Rivera."
    with pytest.raises(SourceError, match="persons.xml: export that file"):
        export_tei(read("tei-lite-letter"), "register-csv")


def test_a_register_file_exports_its_persons_with_authority_ids():
    rows = list(csv.DictReader(io.StringIO(export_tei(read("persons"), "register-csv"))))
    assert rows[0] == {"id": "dewey", "forename": "John", "surname": "Dewey", "birth": "1859-10-20",
                       "death": "1952-06-01", "forms": "John Dewey | Professor Dewey", "wikidata": "Q131805",
                       "viaf": "71387567"}
    assert (rows[2]["birth"], rows[2]["death"]) == ("1882", "1962")      # text, no @when
    assert rows[3]["wikidata"] == "Q5682"                                 # from a wikidata URL


def test_simple_print_rendition_bottom_notes_abbreviations_and_nested_heads():
    tree = read("simple-print")
    assert reading_paragraphs(tree)[:5] == [
        "The Moscow Trials", "New York, 1937", "I. The Accused",
        "The trial of the sixteen opened on 19 August 1936. Zinoviev and Kamenev headed the list.",
        "* Both had been expelled from the party in 1927."]
    assert "The court sat until August 24." in reading_paragraphs(tree)
    assert "The court sat until Aug. 24." in diplomatic_lines(tree)
    md = export_tei(read("simple-print"), "markdown")
    assert "# I. The Accused\n\nThe trial of the *sixteen* opened" in md
    assert "## The verdict" in md and "- Death sentences for all sixteen." in md
    assert "headed the list.[^1]" in md and md.endswith("[^1]: Both had been expelled from the party in 1927.\n")


def test_diplomatic_transcription_plain_hyphens_choices_apparatus_and_pages():
    tree = read("diplomatic-transcription")
    assert reading_paragraphs(tree) == [
        "On the 17th Mr. Beals left the American delegation; the Soviet-Japanese question was agreed to be "
        "discussed by Miss La Follette and the secretary in April and May, so that the revolution in Spain "
        "should be treated in her report."]
    assert diplomatic_lines(read("diplomatic-transcription")) == [
        "Commission of Inquiry", "On the 17th Mr. Beals left the Amer-", "ican delegation; the Soviet-",
        "Japanese question was agreed", "to be discused by Miss L. F. and",
        "the secretary in April and May, so that the revo-", "2", "lution in Spayne should be treated",
        "in her report."]
    corrections = spans("diplomatic-transcription", "correction")
    assert [(attrs["type"], attrs["source"], text) for text, attrs, _, _ in corrections] == [
        ("orig", "agreed", "agreed"), ("sic", "discused", "discussed"), ("abbr", "Miss L. F.", "Miss La Follette"),
        ("orig", "Spayne", "Spain")]
    assert corrections[-1][2:] == ("1", "2")     # line 1 of page 2
    assert spans("diplomatic-transcription", "person")[1] == ("her", {"ref": "#lafollette"}, "2", "2")
    rows = list(csv.DictReader(io.StringIO(export_tei(read("diplomatic-transcription"), "register-csv"))))
    assert [(r["id"], r["viaf"], r["forms"]) for r in rows] == [
        ("beals", "59121398", "Carleton Beals"), ("lafollette", "", "Suzanne La Follette | Miss La Follette")]


def test_namespace_less_tei_is_read_as_tei():
    tree = read("namespace-less")
    assert reading_paragraphs(tree) == [
        "An Open Letter", "James P. Cannon wrote on February 6, 1937: the Commission must be impartial.",
        "a Reprinted in The Militant."]
    assert spans("namespace-less", "date") == [("February 6, 1937", {"when": "1937-02-06"}, None, None)]
    md = export_tei(read("namespace-less"), "markdown")
    assert "# An Open Letter" in md and "must be *impartial*" in md and "[^1]: Reprinted in The Militant." in md


def test_an_old_tei2_root_without_namespace_is_read_too():
    tree = etree.ElementTree(etree.fromstring(
        "<TEI.2><teiHeader/><text><body><p>Old <persName>text</persName>.</p></body></text></TEI.2>"))
    assert reading_paragraphs(tree) == ["Old text."]


def test_standoff_register_endnotes_by_ref_and_by_target():
    reading = reading_text(read("standoff-register"))
    notes = [s for s in reading.spans if s.kind == "note"]
    assert [reading.text[n.anchor - 6:n.anchor] for n in notes] == ["1935.1", " last."]
    md = export_tei(read("standoff-register"), "markdown")
    assert "December 1935.[^1] Radek spoke last.[^2]" in md
    rows = list(csv.DictReader(io.StringIO(export_tei(read("standoff-register"), "register-csv"))))
    assert [(r["id"], r["wikidata"], r["forms"]) for r in rows] == [
        ("radek", "Q151397", "Karl Radek"), ("pyatakov", "", "Georgy Pyatakov | Piatakov")]
    register = etree.fromstring(export_tei(read("standoff-register"), "register-tei").encode())
    assert len(register.xpath("//*[local-name()='person']")) == 2


def test_register_tei_is_valid_tei(tei_all):
    for name in ("persons", "standoff-register", "diplomatic-transcription"):
        register = etree.ElementTree(etree.fromstring(export_tei(read(name), "register-tei").encode()))
        assert tei_all.relaxng.validate(register), tei_all.relaxng.error_log


def test_a_doctype_is_not_loaded_and_external_entities_are_never_read():
    tree = read("doctype-xinclude")
    paragraphs = reading_paragraphs(tree)
    assert paragraphs == ["First statement", "The verdict\u2014so Trotsky wrote\u2014is false."]
    assert "SECRET" not in export_tei(read("doctype-xinclude"), "text")
    assert "SECRET" not in "\n".join(diplomatic_lines(read("doctype-xinclude")))


def test_xincludes_are_followed_only_when_asked_and_only_within_the_folder(tmp_path):
    assert reading_paragraphs(read("doctype-xinclude", xinclude=True))[2:] == [
        "Second statement", "Issued on January 30 in Coyoacan."]
    assert spans("doctype-xinclude", "date", xinclude=True) == [("January 30", {"when": "1937-01-30"}, None, None)]
    folder = tmp_path / "edition"
    folder.mkdir()
    shutil.copy(FOREIGN / "chapter-2.xml", tmp_path / "outside.xml")
    (folder / "main.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        '<text><body><xi:include href="../outside.xml"/></body></text></TEI>', encoding="utf-8")
    assert reading_paragraphs(parse_tei(folder / "main.xml")) == []
    with pytest.raises(SourceError, match="refused"):
        parse_tei(folder / "main.xml", xinclude=True)


@pytest.mark.parametrize("name", [n for n in DOCUMENTS if n != "persons"])
@pytest.mark.parametrize("to", ["text", "markdown", "standoff", "webanno", "persons-csv", "dates-csv"])
def test_every_span_export_works_on_every_foreign_style(name, to):
    assert export_tei(read(name, xinclude=True), to, name=f"{name}.xml").strip()
