"""The TEI reading rules (teikit/tei/rules.py) shared by `teikit text`/`export` and `teikit
render`: each phenomenon read one way, and the two readers agree on every foreign fixture."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree, html

from teikit.render import build_context, render_file
from teikit.tei.reader import parse_tei, reading_paragraphs, tei_document
from teikit.tei.rules import LineEnds, app_readings, choice_sides, source_side_breaks

FIXTURES = Path(__file__).parent / "fixtures"
TEI = "http://www.tei-c.org/ns/1.0"


def tei(body: str, *, teikit: bool = False, lang: str = "en") -> etree._ElementTree:
    application = ('<encodingDesc><appInfo><application ident="teikit" version="0"><label>teikit</label>'
                   '</application></appInfo></encodingDesc>') if teikit else ""
    return etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI}"><teiHeader>{application}</teiHeader><text xml:lang="{lang}"><body>{body}</body></text></TEI>'))


def rendered_paragraphs(tree: etree._ElementTree, tmp_path: Path) -> list[str]:
    """The text of each rendered leaf block, without note calls, footnotes and the […] that
    shows a gap (read as nothing, shown as an omission)."""
    path = tmp_path / "doc.xml"
    tree.write(str(path), encoding="utf-8")
    doc = html.fromstring(render_file(path, tmp_path / "out").read_text(encoding="utf-8"))
    for junk in doc.xpath("//a[contains(@class, 'fn-call') or contains(@class, 'note-ref')]"
                          " | //span[contains(@class, 'page-notes')]"
                          " | //span[contains(@class, 'tei-gap')]"):
        junk.drop_tree()
    blocks = doc.xpath("//main//p | //main//h2 | //main//h3 | //main//li | //main//div[contains(@class, 'endnote')]")
    return [" ".join("".join(b.itertext()).split()) for b in blocks if "".join(b.itertext()).strip()]


@pytest.mark.parametrize("body, reading", [
    ("<p>the Amer-<lb/>ican and cer-<lb/>tain way</p>", "the American and certain way"),
    ("<p>the well-<lb/>known and the Soviet-<lb/>Japanese question</p>", "the well-known and the Soviet-Japanese question"),
    ("<p>a self-<lb break='no'/>reliant and cer-<lb break='no'/>tain one</p>", "a self-reliant and certain one"),
    ("<p>the revo-<pb n='2'/><fw type='pageNum'>2</fw><lb/>lution</p>", "the revolution"),
    ("<p>Amer<pc>-</pc><pb/><fw>2</fw><lb break='no'/>ican so<supplied>-</supplied><lb break='no'/>called</p>",
     "American so-called"),
    ("<p>a <choice><sic>m uch</sic><corr>much</corr></choice> and <choice><abbr>Govt.</abbr><expan>Government</expan>"
     "</choice> <app><rdg wit='#B'>evening</rdg><rdg wit='#C'>morning</rdg></app></p>", "a much and Government evening"),
    ("<p>in <choice><orig>Spayne</orig><reg>Spain</reg></choice><fw>HEAD</fw><del>x</del><gap/> now</p>", "in Spain now"),
])
def test_foreign_tei_reads_the_same_in_the_text_views_and_the_renderer(tmp_path, body, reading):
    tree = tei(body)
    assert reading_paragraphs(tree) == [reading]
    assert rendered_paragraphs(tree, tmp_path) == [reading]


def test_in_teikit_tei_a_bare_lb_is_a_word_boundary_and_a_plain_hyphen_text(tmp_path):
    tree = tei("<p>the 1936-<lb/>37 and Moscow-<lb/>the trial; self-<lb break='no'/>reliance</p>", teikit=True)
    reading = "the 1936- 37 and Moscow- the trial; self-reliance"
    assert reading_paragraphs(tree) == [reading]
    assert rendered_paragraphs(tree, tmp_path) == [reading]


def test_a_language_wordfreq_does_not_know_trusts_the_hyphen():
    assert LineEnds(tei("<p/>", lang="xx").getroot()).drops_plain_hyphen("the well-", "known")
    assert not LineEnds(tei("<p/>").getroot()).drops_plain_hyphen("the well-", "known")


@pytest.mark.parametrize("fixture", ["foreign/diplomatic-transcription.xml", "foreign/namespace-less.xml",
                                     "foreign/doctype-xinclude.xml", "foreign/simple-print.xml"])
def test_foreign_fixtures_read_the_same_in_both_readers(tmp_path, fixture):
    tree = parse_tei(FIXTURES / fixture)
    reader_words = " ".join(reading_paragraphs(tree))
    tree = parse_tei(FIXTURES / fixture)
    rendered = " ".join(rendered_paragraphs(tree, tmp_path))
    # the reader prints notes' markers and footnotes after their paragraph; compare the words
    # of the running text, which both must read alike
    words = re.findall(r"\w+(?:[-\u2014]\w+)*", rendered)
    assert all(word in reader_words for word in words), [w for w in words if w not in reader_words]


def test_internal_entities_are_read_by_the_renderer_too():
    context = build_context(tei_document(parse_tei(FIXTURES / "foreign" / "doctype-xinclude.xml")))
    paragraph = next(b for b in _leaves(context["blocks"]) if b["tag"] == "p")
    assert "The verdict\u2014so " in paragraph["html"]


def test_choice_and_app_sides():
    root = etree.fromstring("<x><choice><sic>m<lb/>uch</sic><corr>much</corr></choice>"
                            "<choice><seg>a</seg><seg>b</seg></choice>"
                            "<app><rdgGrp><rdg wit='#A'>one</rdg><rdg wit='#B'>two</rdg></rdgGrp></app></x>")
    first, second, app = root
    shown, source = choice_sides(first)
    assert (shown.tag, source.tag) == ("corr", "sic")
    assert [b.tag for b in source_side_breaks(first, shown)] == ["lb"]
    assert choice_sides(second)[0].text == "a" and choice_sides(second)[1] is None
    lemma, variants = app_readings(app)
    assert lemma.text == "one" and [v.text for v in variants] == ["two"]


def _leaves(blocks):
    for block in blocks:
        yield block
        yield from _leaves(block.get("children", []))
