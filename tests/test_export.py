"""`teikit export`: each format on teikit's TEI, and the stand-off round trip on every edition."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import EDITION_SLUGS
from teikit.errors import SourceError
from teikit.commands.export import export
from teikit.export import FORMATS, export_tei
from teikit.tei.reader import parse_tei, reading_paragraphs
from teikit.tei.standoff import spans_from_standoff, spans_from_tei

SHAPE = Path(__file__).parent / "fixtures" / "teikit-shape.tei.xml"
CSV_COLUMNS = {
    "persons-csv": ["ref", "name", "page", "line"],
    "dates-csv": ["text", "when", "from", "to", "page", "line"],
    "register-csv": ["id", "forename", "surname", "birth", "death", "forms", "wikidata", "viaf"],
}


def shape(to: str, **options) -> str:
    return export_tei(parse_tei(SHAPE), to, name="shape.xml", **options)


def rows(data: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data)))


def test_text_is_the_reading_view():
    assert shape("text") == "\n\n".join(reading_paragraphs(parse_tei(SHAPE))) + "\n"


def test_markdown_headings_italics_and_footnotes():
    md = shape("markdown")
    assert md.startswith("# PREFACE\n\nMexico was the fourth")
    assert "# ON THE ATLANTIC[^1]\n\n" in md                     # the endnote's ref becomes the label
    assert "The *Ruth* left on February 27.[^2]\n\n" in md       # a footnote at its point of attachment
    assert md.endswith('[^1]: "On the Atlantic." From Les Crimes de Staline.\n\n'
                       "[^2]: A footnote at its point of attachment.\n")
    assert "A footnote" not in md.split("[^1]:")[0]               # moved out of the running text


def test_markdown_escapes_what_would_read_as_markup():
    tree = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        "<p>1. not a list *nor* [a link]</p><p>- nor an item</p></body></text></TEI>"))
    assert export_tei(tree, "markdown") == "1\\. not a list \\*nor\\* \\[a link\\]\n\n\\- nor an item\n"


def test_standoff_spans_carry_offsets_line_and_page():
    data = json.loads(shape("standoff"))
    text = data["text"]
    sedova = next(s for s in data["spans"] if s["attrs"].get("ref") == "#sedova-natalia")
    assert (text[sedova["start"]:sedova["end"]], sedova["line"], sedova["page"]) == ("Natalia Sedova", "21", "14")
    correction = next(s for s in data["spans"] if s["kind"] == "correction" and s["attrs"]["source"] == "m uch")
    assert (correction["text"], correction["attrs"]["cert"]) == ("much", "high")
    footnote = next(s for s in data["spans"] if s["kind"] == "note" and s["attrs"]["n"] == "*")
    assert footnote["text"] == "A footnote at its point of attachment." and footnote["line"] == "1030"
    assert text[:footnote["anchor"]].endswith("February 27.")
    assert {s["kind"] for s in data["spans"]} == {"person", "date", "note", "correction"}


def test_a_standoff_span_that_no_longer_quotes_its_text_is_refused():
    data = json.loads(shape("standoff"))
    data["text"] = "X" + data["text"]
    with pytest.raises(SourceError, match="quotes 'Leon Trotsky'"):
        spans_from_standoff(data)


def test_webanno_is_a_collection_of_text_selector_annotations():
    collection = json.loads(shape("webanno", base_uri="https://example.org/ed/"))
    assert collection["type"] == "AnnotationCollection" and collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    items = collection["first"]["items"]
    assert collection["total"] == len(items) and collection["first"]["type"] == "AnnotationPage"
    text = shape("text")
    for item in items:
        position, quote = item["target"]["selector"]
        assert item["target"]["source"] == "https://example.org/ed/shape.txt"
        assert text[position["start"]:position["end"]] == quote["exact"]
        assert text[:position["start"]].endswith(quote["prefix"])
        assert item["body"][0] == {"type": "TextualBody", "purpose": "tagging", "value": item["body"][0]["value"]}
    person = items[0]
    assert person["body"][1] == {"type": "SpecificResource", "purpose": "identifying",
                                 "source": "https://example.org/ed/shape.xml#trotsky"}
    purposes = {body["purpose"] for item in items for body in item["body"]}
    assert {"identifying", "tagging", "commenting", "editing", "describing"} == purposes
    footnote = next(i for i in items if i["motivation"] == "commenting" and "footnote" in i["body"][1]["value"])
    assert footnote["target"]["selector"][1]["exact"] == "27."           # the word it is attached to


def test_csv_exports_rows():
    assert rows(shape("persons-csv"))[1] == {"ref": "#sedova-natalia", "name": "Natalia Sedova", "page": "14",
                                             "line": "21"}
    assert rows(shape("dates-csv"))[2] == {"text": "1882-1962", "when": "", "from": "1882", "to": "1962",
                                           "page": "14", "line": "21"}
    assert rows(shape("register-csv"))[0] == {"id": "trotsky", "forename": "Leon", "surname": "Trotsky",
                                              "birth": "1879", "death": "1940", "forms": "Leon Trotsky",
                                              "wikidata": "Q33391", "viaf": ""}


def test_register_tei_is_a_standalone_tei_document():
    register = etree.fromstring(shape("register-tei").encode())
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    assert register.xpath("string(//t:titleStmt/t:title)", namespaces=ns).startswith("Persons: Writings")
    assert register.xpath("//t:standOff/t:listPerson/t:person/@xml:id", namespaces=ns) == [
        "trotsky", "vyshinsky", "sedova-natalia"]


def test_export_command_writes_a_file_or_stdout(tmp_path):
    runner = CliRunner()
    result = runner.invoke(export, [str(SHAPE), "--to", "persons-csv"])
    assert result.exit_code == 0 and result.output.startswith("ref,name,page,line")
    out = tmp_path / "shape.md"
    result = runner.invoke(export, [str(SHAPE), "--to", "markdown", "-o", str(out)])
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") == shape("markdown")
    assert runner.invoke(export, [str(SHAPE), "--to", "docx"]).exit_code == 2
    assert set(FORMATS) == {"text", "markdown", "standoff", "webanno", "persons-csv", "dates-csv",
                            "register-tei", "register-csv"}


@pytest.mark.parametrize("slug", EDITION_SLUGS)
def test_standoff_round_trip_on_every_edition(encoded_editions, slug):
    _, path = encoded_editions[slug]
    data = json.loads(export_tei(parse_tei(path), "standoff", name=path.name))
    assert data["text"] == "\n\n".join(reading_paragraphs(parse_tei(path)))
    tei_spans = spans_from_tei(parse_tei(path))
    assert tei_spans and spans_from_standoff(data) == tei_spans
    assert all(span.start <= span.end for span in tei_spans)


@pytest.mark.parametrize("slug", EDITION_SLUGS)
@pytest.mark.parametrize("to", sorted(CSV_COLUMNS))
def test_csv_exports_of_every_edition_open_with_the_expected_columns(encoded_editions, slug, to):
    _, path = encoded_editions[slug]
    reader = csv.reader(io.StringIO(export_tei(parse_tei(path), to, name=path.name)))
    header, *body = list(reader)
    assert header == CSV_COLUMNS[to] and body
    assert all(len(row) == len(header) for row in body)
