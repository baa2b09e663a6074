"""The TEI writer on small hand-built documents, read back through the text views."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st
from lxml import etree

from teikit.config import EditionConfig
from teikit.encode import build_tree, encode_source, encode_text, serialize, serialize_streamed
from teikit.model import Block, Hyphen, Mark
from teikit.reader import document_from_text
from teikit.report import Report
from teikit.tei.reader import diplomatic_lines, reading_paragraphs

SOURCE = """restore capital
ism and the so
13

14 Writings of Leon Trotsky (1936-37)
called Amer-
ican self-
reliance, m uch
"""


def build(source: str, shape):
    doc = document_from_text(source, "t.txt")
    shape(doc)
    report = Report("t.txt")
    tree = build_tree(doc, EditionConfig(title="T"), "sha256 of the source", report)
    return tree, report


def paragraph_of_all(doc):
    doc.body = [Block("div", children=[Block("p", lines=[l for l in doc.lines if l.kind != "blank"])])]


def furniture_and_hyphens(doc):
    lines = doc.lines
    lines[0].hyphen = Hyphen.JOIN
    lines[1].hyphen = Hyphen.RESTORE
    lines[2].kind, lines[2].fw_type = "fw", "pageNum"
    lines[4].kind, lines[4].fw_type, lines[4].page_break = "fw", "header", "14"
    lines[5].hyphen = Hyphen.PRINTED
    lines[6].hyphen = Hyphen.KEEP
    paragraph_of_all(doc)
    p = doc.body[0].children[0]
    start = p.text.index("m uch")
    p.marks.append(Mark("choice", start, start + 5, {"corr": "much", "resp": "#teikit"}))


def test_line_breaks_hyphens_furniture_and_corrections_are_written_as_tei():
    tree, report = build(SOURCE, furniture_and_hyphens)
    xml = serialize(tree).decode()
    assert '<lb n="1"/>restore capital<lb n="2" break="no"/>ism' in xml
    assert 'so<supplied reason="lost-hyphen">-</supplied><fw type="pageNum">13</fw>' in xml
    assert '<pb n="14" break="no"/><fw type="header">14 Writings of Leon Trotsky (1936-37)</fw><lb n="6" break="no"/>called' in xml
    assert 'Amer<pc force="weak">-</pc><lb n="7" break="no"/>ican self-<lb n="8" break="no"/>reliance' in xml
    assert '<choice><reg type="ocr" resp="#teikit">much</reg><orig>m uch</orig></choice>' in xml
    assert not report.messages


def test_diplomatic_view_gives_back_the_source_lines_and_reading_view_the_words():
    tree, _ = build(SOURCE, furniture_and_hyphens)
    assert diplomatic_lines(tree) == [line.rstrip() for line in SOURCE.splitlines() if line.strip()]
    assert reading_paragraphs(tree) == ["restore capitalism and the so-called American self-reliance, much"]


def test_marks_nest_and_a_crossing_mark_is_reported_not_written():
    def shape(doc):
        paragraph_of_all(doc)
        p = doc.body[0].children[0]
        p.marks += [Mark("persName", 0, 12, {"ref": "#x"}), Mark("date", 4, 20, {"when": "1937"}),
                    Mark("hi", 0, 4, {"rend": "italic"})]
    tree, report = build("Leon Trotsky 1937\n", shape)
    xml = serialize(tree).decode()
    assert '<persName ref="#x"><hi rend="italic">Leon</hi> Trotsky</persName>' in xml
    assert [m.code for m in report.messages] == ["TK301"]


def test_a_zero_width_mark_inserts_a_footnote_where_it_stands():
    def shape(doc):
        lines = [l for l in doc.lines]
        note = Block("note", lines=[lines[1]], attrs={"place": "foot", "n": "*"})
        p = Block("p", lines=[lines[0], lines[2]])
        p.marks.append(Mark("note", 9, 9, {"place": "foot", "n": "*"}, [note]))
        doc.body = [Block("div", children=[p])]
    source = "the text* goes\n* The note.\non here.\n"
    tree, _ = build(source, shape)
    xml = serialize(tree).decode()
    assert '<lb n="1"/>the text*<note place="foot" n="*"><lb n="2"/>* The note.</note> goes' in xml
    assert diplomatic_lines(tree) == ["the text* goes", "* The note.", "on here."]


def footnote_with_marker_and_label(sign: str, label: str):
    def shape(doc):
        lines = [l for l in doc.lines]
        note = Block("note", lines=[lines[1]], attrs={"place": "foot", "n": sign, "xml:id": "fn1"})
        note.marks.append(Mark("label", 0, len(label)))
        p = Block("p", lines=[lines[0], lines[2]])
        p.marks += [Mark("ref", 8, 8 + len(sign), {"type": "noteAnchor", "target": "#fn1"}),
                    Mark("note", 8 + len(sign), 8 + len(sign), dict(note.attrs), [note])]
        doc.body = [Block("div", children=[p])]
    return shape


def test_a_footnote_at_its_anchor_prints_its_sign_once_as_its_n():
    source = "the text\u2020 goes\n\u2020The note.\non here.\n"
    tree, _ = build(source, footnote_with_marker_and_label("†", "†"))
    xml = serialize(tree).decode()
    assert ('<lb n="1"/>the text<note place="foot" n="†" xml:id="fn1" rend="n-printed">'
            '<lb n="2"/>The note.</note> goes') in xml
    assert diplomatic_lines(tree) == source.splitlines()
    assert reading_paragraphs(tree) == ["the text goes on here.", "† The note."]


def test_a_footnote_whose_label_differs_from_its_marker_keeps_both():
    source = "the text* goes\n1 The note.\non here.\n"
    tree, _ = build(source, footnote_with_marker_and_label("*", "1"))
    xml = serialize(tree).decode()
    assert ('<ref type="noteAnchor" target="#fn1">*</ref>'
            '<note place="foot" n="*" xml:id="fn1"><lb n="2"/><label>1</label>') in xml
    assert diplomatic_lines(tree) == source.splitlines()


def test_control_characters_survive_as_g_elements():
    tree, _ = build("page\x0cbreak\n", paragraph_of_all)
    assert '<g type="ctrl" n="U+000C"/>' in serialize(tree).decode()
    assert diplomatic_lines(tree) == ["page\x0cbreak"]


def test_the_header_names_source_application_and_register():
    def shape(doc):
        paragraph_of_all(doc)
        doc.persons = {"trotsky": {"forename": "Leon", "surname": "Trotsky", "birth": "1879", "death": "1940",
                                   "idno": {"wikidata": "Q33391"}}}
    tree, _ = build("text\n", shape)
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    root = tree.getroot()
    assert root.xpath("string(//t:application/@ident)", namespaces=ns) == "teikit"
    assert root.xpath("string(//t:sourceDesc/t:bibl[@type='transcription']/t:idno[@type='sha256'])", namespaces=ns)
    person = root.xpath("//t:standOff/t:listPerson/t:person", namespaces=ns)[0]
    assert etree.tostring(person, encoding=str).count("Q33391") == 1


def indented_continuations(doc):
    lines = doc.lines
    lines[0].hyphen = Hyphen.PRINTED
    lines[1].hyphen = Hyphen.JOIN
    paragraph_of_all(doc)


def test_no_whitespace_stands_next_to_a_word_joining_break():
    source = "the first newspa-\n  pers and capi\n\ttal goods\n"
    tree, _ = build(source, indented_continuations)
    xml = serialize(tree).decode()
    assert 'newspa<pc force="weak">-</pc><lb n="2" break="no" rend="indent(2)"/>pers' in xml
    assert 'capi<lb n="3" break="no" rend="indent(U+0009)"/>tal' in xml
    assert diplomatic_lines(tree) == source.splitlines()
    assert reading_paragraphs(tree) == ["the first newspapers and capital goods"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.text(" \t\u00a0", max_size=3), st.from_regex(r"[a-z]{1,6}-?", fullmatch=True)),
                min_size=2, max_size=8))
def test_whitespace_never_touches_lb_break_no(parts):
    """Writer invariant: whatever the lines' leading space, none is written beside a joined break."""
    source = "".join(space + word + "\n" for space, word in parts)

    def all_joined(doc):
        for line in doc.lines[:-1]:
            line.hyphen = Hyphen.PRINTED if line.text.endswith("-") else Hyphen.JOIN
        paragraph_of_all(doc)

    tree, _ = build(source, all_joined)
    for lb in tree.iter("{http://www.tei-c.org/ns/1.0}lb"):
        if lb.get("break") == "no":
            previous = lb.getprevious()
            before = previous.tail if previous is not None else lb.getparent().text
            assert not (before or "x")[-1].isspace() and not (lb.tail or "x")[0].isspace()
    assert diplomatic_lines(tree) == [line.rstrip() for line in source.splitlines() if line.strip()]


def test_a_source_markup_character_is_an_empty_reading_of_its_orig():
    def shape(doc):
        paragraph_of_all(doc)
        p = doc.body[0].children[0]
        p.marks += [Mark("pc", 4, 5, {"type": "markup"}), Mark("hi", 5, 9, {"rend": "italic"}),
                    Mark("pc", 9, 10, {"type": "markup"})]
    tree, _ = build("see *Ibid* p. 4\n", shape)
    xml = serialize(tree).decode()
    assert ('see <choice><reg type="markup"/><orig><pc type="markup">*</pc></orig></choice>'
            '<hi rend="italic">Ibid</hi><choice><reg type="markup"/>') in xml
    assert diplomatic_lines(tree) == ["see *Ibid* p. 4"]
    assert reading_paragraphs(tree) == ["see Ibid p. 4"]


def test_a_footnote_starting_a_page_gets_its_sign_back_on_its_own_line():
    source = "the text* goes\n*The note.\non here.\n"

    def shape(doc):
        lines = doc.lines
        lines[1].page_break = "12"
        note = Block("note", lines=[lines[1]], attrs={"place": "foot", "n": "*", "xml:id": "fn1"})
        note.marks.append(Mark("label", 0, 1))
        p = Block("p", lines=[lines[0], lines[2]])
        p.marks += [Mark("ref", 8, 9, {"type": "noteAnchor", "target": "#fn1"}),
                    Mark("note", 9, 9, dict(note.attrs), [note])]
        doc.body = [Block("div", children=[p])]

    tree, _ = build(source, shape)
    assert '<pb n="12"/><lb n="2"/>The note.' in serialize(tree).decode()
    assert diplomatic_lines(tree) == source.splitlines()


def test_a_printed_hyphen_is_written_as_the_source_prints_it():
    source = "the con\u00ac\nference and the Amer\u00ad\nican wing\n"

    def printed(doc):
        doc.lines[0].hyphen = doc.lines[1].hyphen = Hyphen.PRINTED
        paragraph_of_all(doc)

    tree, _ = build(source, printed)
    xml = serialize(tree).decode()
    assert 'con<pc force="weak">\u00ac</pc><lb n="2" break="no"/>ference' in xml
    assert 'Amer<pc force="weak">\u00ad</pc><lb n="3" break="no"/>ican' in xml
    assert diplomatic_lines(tree) == source.splitlines()
    assert reading_paragraphs(tree) == ["the conference and the American wing"]


STREAMED = """QUILLBURY PAPERS

Edited by Osbert Quillet

CHAPTER ONE

Tobias Pellworth came to Tulverton on March 3, 1862.1 He wrote at once.

14 QUILLBURY PAPERS

CHAPTER TWO

Quillabee answered him in a long let-
ter, which Osric kept.

NOTES

1. Pellworth's diary, p. 4.
"""


@pytest.mark.parametrize("source", [STREAMED, SOURCE, "", "\n\n"])
def test_the_streamed_tei_is_the_trees_bytes(source):
    """`serialize_streamed` writes a top-level block at a time what `serialize` writes of the
    whole tree, byte for byte: front, body and back, furniture between blocks, a body
    without blocks (its gap)."""
    cfg = EditionConfig(title="T", profile="book")
    encoded = encode_text(source, cfg)
    streamed = serialize_streamed(encoded.doc, cfg, "sha256 of the source", Report("t.txt"))
    assert streamed == serialize(build_tree(encoded.doc, cfg, "sha256 of the source", Report("t.txt")))


def test_encoding_as_bytes_makes_no_tree(tmp_path):
    source = tmp_path / "t.txt"
    source.write_text(STREAMED, encoding="utf-8")
    as_bytes = encode_source(source, EditionConfig(title="T"), as_bytes=True)
    assert as_bytes.tree is None
    assert as_bytes.data == serialize(encode_source(source, EditionConfig(title="T")).tree)
