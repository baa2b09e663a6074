"""`teikit render`: TEI -> plain dicts -> Jinja HTML reading edition."""
from __future__ import annotations

import builtins
import io
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree, html

from teikit.commands.render import render_command
from teikit.config import EditionConfig
from teikit.encode import encode_text, serialize
from teikit.errors import ConfigError, SourceError, TeikitError
from teikit.render import build_context, render_file, render_site, write_pdf
from teikit.render import pdf as pdf_module
from teikit.render.html import WRITE_PIECE
from teikit.tei.reader import parse_tei, tei_document

FIXTURES = Path(__file__).parent / "fixtures"
TEIKIT_SHAPE = FIXTURES / "teikit-shape.tei.xml"
FOREIGN = FIXTURES / "render" / "foreign-lite.tei.xml"
NO_NAMESPACE = FIXTURES / "render" / "no-namespace.tei.xml"
HOSTILE = FIXTURES / "render" / "script.tei.xml"


def _css_step(step: str) -> str:
    """`p.tei-corr[title='x']` -> `p[contains(...)][@title='x']`: the selector forms these tests use."""
    tag, _, rest = re.match(r"([\w*]*)(.*)", step).group(1, 0, 2)
    tests = [f"[contains(concat(' ', normalize-space(@class), ' '), ' {c} ')]" for c in re.findall(r"\.([\w-]+)", rest)]
    tests += [f"[@{name}='{value}']" for name, value in re.findall(r"\[([\w-]+)='([^']*)'\]", rest)]
    return (tag or "*") + "".join(tests)


def select(doc: html.HtmlElement, css: str) -> list:
    """Elements matching a simple CSS selector (descendant and child combinators, commas)."""
    paths = []
    for alternative in css.split(","):
        path, axis = ".", "//"
        for token in alternative.split():
            if token == ">":
                axis = "/"
                continue
            path, axis = f"{path}{axis}{_css_step(token)}", "//"
        paths.append(path)
    return doc.xpath(" | ".join(paths))


def context_of(path: Path, **options) -> dict:
    return build_context(tei_document(parse_tei(path)), **options)


def rendered(path: Path, out_dir: Path, **options) -> html.HtmlElement:
    return html.fromstring(render_file(path, out_dir, **options).read_text(encoding="utf-8"))


def text_of(doc: html.HtmlElement, css: str) -> str:
    return " ".join(" ".join(el.itertext()) for el in select(doc, css))


def reading_text(doc: html.HtmlElement) -> str:
    """The reading text as a reader sees it, whitespace collapsed."""
    return " ".join("".join(select(doc, "main")[0].itertext()).split())


@pytest.fixture(scope="module")
def shape_doc(tmp_path_factory) -> html.HtmlElement:
    return rendered(TEIKIT_SHAPE, tmp_path_factory.mktemp("shape"))


@pytest.fixture(scope="module")
def foreign_doc(tmp_path_factory) -> html.HtmlElement:
    return rendered(FOREIGN, tmp_path_factory.mktemp("foreign"))


# -- context: plain data only -------------------------------------------------------------

def test_context_is_plain_data_without_lxml_nodes():
    context = context_of(TEIKIT_SHAPE)

    def walk(value):
        assert not isinstance(value, etree._Element)
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(context)
    json.dumps(context)   # Markup is a str: the whole context serialises


def test_context_blocks_follow_the_tei_structure():
    blocks = context_of(TEIKIT_SHAPE)["blocks"]
    assert [b["kind"] for b in blocks] == ["milestone", "container", "container", "container"]
    front, body, back = blocks[1:]
    assert [b["tag"] for b in (front, body, back)] == ["front", "body", "back"]
    article = body["children"][0]
    assert article["id"] == "d1" and article["classes"] == "tei-div type-article"
    assert [c["tag"] for c in article["children"]] == ["head", "dateline", "p", "sp", "closer"]
    assert article["children"][0]["level"] == 2
    assert [c["tag"] for c in article["children"][3]["children"]] == ["speaker", "p"]


def test_page_labels_come_from_pb_and_from_page_number_furniture():
    context = context_of(TEIKIT_SHAPE)
    first_marker = context["blocks"][0]["html"]
    assert 'data-n="13"' in first_marker   # the first page has no pb; its fw pageNum says 13


# -- reading text ---------------------------------------------------------------------------

def test_words_split_at_line_ends_read_whole(shape_doc):
    text = reading_text(shape_doc)
    assert "restore capitalism in" in text
    assert "the so-called" in text
    assert "American and self-reliance." in text


def test_page_furniture_is_not_in_the_reading_text(shape_doc):
    text = reading_text(shape_doc)
    assert "14 Writings of Leon Trotsky" not in text
    assert "reliance. published" in text


def test_corrections_show_the_corrected_reading(shape_doc):
    text = reading_text(shape_doc)
    assert "It was much discussed" in text and "m uch" not in text
    corr = select(shape_doc, "span.tei-corr")[1]
    assert corr.get("title") == "OCR: m uch"


def test_page_numbers_and_every_fifth_line_number_are_marked(shape_doc):
    pages = [el.get("data-n") for el in select(shape_doc, "main .pb")]
    assert pages == ["13", "14"]
    assert all(int(el.get("data-n")) % 5 == 0 for el in select(shape_doc, "main .ln"))
    # markers carry their numbers in attributes, so copying the text never picks them up
    assert all(not "".join(el.itertext()) for el in select(shape_doc, ".pb, .ln"))


def test_structure_is_laid_out_as_a_book(shape_doc):
    assert text_of(shape_doc, "section.type-preface > h2") == "PREFACE"
    assert text_of(shape_doc, "p.tei-dateline") == "December 28, 1936"
    assert text_of(shape_doc, ".tei-sp p.tei-speaker") == "Vishinsky:"
    assert text_of(shape_doc, ".tei-closer p.tei-salute") == "Yours sincerely,"
    assert "Leon Trotsky" in text_of(shape_doc, ".tei-closer p.tei-signed")
    assert select(shape_doc, "span.rend-italic")[0].text == "Ruth"


NEWS_PAGE = ("FIRE IN TULVERTON MILL\nFire broke out in the old mill at Tulverton\n"
             "early yesterday and burned it down.\nPHOTO BY OSRIC GLASS\n"
             "The old mill at Tulverton as it stood last\nsummer, before the fire.\n"
             "No one was hurt, the miller said, though the\nloss is heavy.\n"
             "FOR SALE—Two good work horses, sound and\ngentle. Apply to J. Pellworth, Quillbury.\n"
             "LOST—Brown leather purse on Bank Street,\nTuesday. Reward at this office.\n")


def test_a_newspaper_caption_and_its_ads_are_valid_tei_set_apart_from_the_news(tmp_path, tei_all):
    path = tmp_path / "page.xml"
    path.write_bytes(serialize(encode_text(NEWS_PAGE, EditionConfig(profile="newspaper")).tree))
    tree = etree.parse(str(path))
    assert tei_all.relaxng.validate(tree), tei_all.relaxng.error_log
    doc = rendered(path, tmp_path)
    assert text_of(doc, "figure.tei-figure > p.tei-byline") == "PHOTO BY OSRIC GLASS"
    assert "before the fire." in text_of(doc, "figure.tei-figure > p.tei-p")
    assert text_of(doc, "section.type-advertisement").split()[:2] == ["FOR", "SALE—Two"]
    assert "FOR SALE" not in text_of(doc, "section.type-article")


# -- notes ------------------------------------------------------------------------------------

def test_footnote_stands_at_the_foot_of_its_page_section_and_links_both_ways(shape_doc):
    call = select(shape_doc, "a.fn-call")[0]
    note = shape_doc.get_element_by_id(call.get("href")[1:])
    assert "A footnote at its point of attachment." in "".join(note.itertext())
    assert note.getparent().get("class") == "page-notes"
    assert select(note, "a.fn-back")[0].get("href") == f"#{call.get('id')}"


def test_footnotes_are_flushed_at_each_page_break(foreign_doc):
    page_notes = select(foreign_doc, ".page-notes")[0]
    following = page_notes.getnext()
    assert following.get("class") == "pb" and following.get("data-n") == "2"


def test_endnote_marker_and_note_link_both_ways(shape_doc):
    marker = shape_doc.get_element_by_id("nr18")
    assert marker.get("href") == "#n18"
    note = shape_doc.get_element_by_id("n18")
    assert select(note, "a.note-back")[0].get("href") == "#nr18"
    assert note.getparent().get("class") == "tei-div type-notes"


def test_an_inline_endnote_goes_to_the_notes_with_a_call_in_its_place(foreign_doc):
    call = [a for a in select(foreign_doc, "main p a.note-ref")][0]
    note = foreign_doc.get_element_by_id(call.get("href")[1:])
    assert note.getparent().get("class") == "endnotes"
    assert select(note, "a.note-back")[0].get("href") == f"#{call.get('id')}"


# -- apparatus --------------------------------------------------------------------------------

def apparatus_lines(doc: html.HtmlElement) -> list[str]:
    return [" ".join("".join(p.itertext()).split()) for p in select(doc, ".app-entry")]


def test_apparatus_lists_corrections_keyed_by_page_and_line(shape_doc):
    lines = apparatus_lines(shape_doc)
    assert "14.1 much] m uch OCR (cert. high)" in lines
    assert "14.2 1936] 1�36 OCR (cert. medium)" in lines


def test_apparatus_lists_hyphenation_decisions(shape_doc):
    lines = apparatus_lines(shape_doc)
    assert "13.3 capitalism] capital|ism (joined)" in lines
    assert "13.4 so-called] so|called (restored)" in lines
    assert "13.6 American] Amer-|ican (printed)" in lines
    assert "13.7 self-reliance] self-|reliance (compound)" in lines


def test_hyphenation_can_be_left_out_of_the_apparatus(tmp_path):
    doc = rendered(TEIKIT_SHAPE, tmp_path, hyphenation_in_apparatus=False)
    assert not select(doc, ".app-hyphenation") and select(doc, ".app-correction")
    assert "restore capitalism in" in reading_text(doc)


def test_apparatus_entries_link_to_their_place(shape_doc):
    for link in select(shape_doc, ".app-key"):
        assert shape_doc.get_element_by_id(link.get("href")[1:]) is not None


# -- persons and dates ------------------------------------------------------------------------

def test_person_index_lists_register_with_life_dates_and_linked_pages(shape_doc):
    entries = {li.get("id"): li for li in select(shape_doc, ".person-index li")}
    trotsky = entries["person-trotsky"]
    assert " ".join("".join(trotsky.itertext()).split()) == "Trotsky, Leon (1879–1940) 13, 14"
    for link in select(trotsky, "a"):
        mention = shape_doc.get_element_by_id(link.get("href")[1:])
        assert mention.get("data-ref") == "trotsky"
    assert " ".join("".join(entries["person-vyshinsky"].itertext()).split()) == "Vyshinsky, Andrei"
    names = [select(li, ".index-name")[0].text for li in select(shape_doc, ".person-index li")]
    assert names == sorted(names)


def test_persons_and_dates_have_their_normalised_form_on_hover(shape_doc):
    person = select(shape_doc, "span.person")[0]
    assert person.get("title") == "Leon Trotsky (1879–1940)"
    dates = {el.text_content(): el.get("title") for el in select(shape_doc, ".date")}
    assert dates["February 27"] == "--02-27"
    assert dates["1882-1962"] == "1882/1962"
    assert select(shape_doc, "time[datetime='1936-12-28']")


def test_persons_of_an_outside_register_are_indexed_by_their_reference(foreign_doc):
    smith = foreign_doc.get_element_by_id("person-persons-xml-smith")
    assert select(smith, ".index-name")[0].text == "Mr. Smith"
    assert select(foreign_doc, "span.person")[0].get("title") == "Mr. Smith (persons.xml#smith)"
    doe = foreign_doc.get_element_by_id("person-jdoe")   # register in profileDesc/particDesc
    assert select(doe, ".life")[0].text == "(1850-03-01–1921)"


# -- other projects' TEI ----------------------------------------------------------------------

def test_foreign_editorial_markup_shows_the_edited_reading(foreign_doc):
    text = reading_text(foreign_doc)
    assert "the Government had a certain plan, and showed it" in text
    assert "in the morning." in text and "evening" not in text
    assert "The well-known road" in text
    assert "LETTERS" not in text   # fw
    lines = apparatus_lines(foreign_doc)
    assert "1.2 Government] Govt. abbr." in lines
    assert "1.3 showed] shew'd orig." in lines
    assert "1.4 morning] evening B C" in lines
    assert "1.2 certain] cer-|tain (printed)" in lines
    assert "1.5 well-known] well-|known (compound)" in lines


def test_unknown_elements_fall_back_to_a_classed_span(foreign_doc):
    assert select(foreign_doc, "span.tei-zzCustom")[0].text == "flooded"
    assert select(foreign_doc, "span.tei-unclear")[0].text == "was"


def test_foreign_structure_title_page_letter_verse_list(foreign_doc):
    assert text_of(foreign_doc, ".tei-titlePage .tei-titlePart") == "Letters from the Field"
    assert text_of(foreign_doc, ".tei-opener .tei-salute") == "Dear Sir,"
    assert [el.text for el in select(foreign_doc, ".tei-lg .tei-l")] == ["Over the hills", "and far away"]
    assert [el.text for el in select(foreign_doc, "ul.tei-list li")] == ["tents", "rope"]
    assert "Yours truly," in text_of(foreign_doc, ".tei-closer")


def test_header_facts_go_in_the_colophon(shape_doc, foreign_doc):
    colophon = " ".join(text_of(shape_doc, ".colophon").split())
    assert "Pathfinder Press" in colophon and "teikit 0.1.0" in colophon and "New York" in colophon
    colophon = " ".join(text_of(foreign_doc, ".colophon").split())
    assert "Example Archive, 2019" in colophon and "Oxygen XML Editor 24" in colophon
    assert "Manuscript letters, private collection." in colophon and "R. Editor" in colophon
    assert "particDesc" not in reading_text(foreign_doc) and "Jane Doe" not in text_of(foreign_doc, "main .tei-p")


def test_tei_without_namespace_renders(tmp_path):
    doc = rendered(NO_NAMESPACE, tmp_path)
    assert text_of(doc, "h2.tei-head") == "One" and text_of(doc, "h3.tei-head") == "Part"
    assert [a.text for a in select(doc, "a.fn-call")] == ["1", "2"]
    assert len(select(doc, ".page-notes .footnote")) == 2
    assert select(doc, "span.rend-bold.rend-smallcaps")


def test_hostile_text_is_escaped_and_links_cannot_run_script(tmp_path):
    out = render_file(HOSTILE, tmp_path).read_text(encoding="utf-8")
    doc = html.fromstring(out)
    assert not select(doc, "script") and "<script>" not in out
    assert "Text with <script>alert(1)</script> in it." in reading_text(doc)
    assert doc.find(".//title").text == '<script>alert("title")</script>'
    assert not [el for el in doc.iter() if any(name.startswith("on") for name in el.attrib)]
    assert all(not a.get("href", "").startswith("javascript") for a in select(doc, "a"))
    assert "<img src=x onerror=alert(1)>" in text_of(doc, ".colophon")


def test_malformed_xml_is_a_source_error_with_its_line(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n<text><p>unclosed</text></TEI>")
    with pytest.raises(SourceError, match=r"bad.xml:2: not well-formed"):
        render_file(bad, tmp_path / "out")


# -- templates, output, site ------------------------------------------------------------------

def test_output_is_self_contained(tmp_path):
    page = render_file(TEIKIT_SHAPE, tmp_path)
    assert page.name == "teikit-shape.html"
    assert (tmp_path / "edition.css").is_file() and (tmp_path / "print.css").is_file()
    doc = html.fromstring(page.read_text(encoding="utf-8"))
    links = [el.get("href") or el.get("src") for el in select(doc, "link, script, img")]
    assert links == ["edition.css", "print.css"]
    for css in ("edition.css", "print.css"):
        assert "http" not in (tmp_path / css).read_text(encoding="utf-8")


def test_an_edition_template_extends_the_default_one(tmp_path):
    own = tmp_path / "templates"
    own.mkdir()
    (own / "edition.html").write_text(
        '{% extends "default:edition.html" %}'
        '{% block header %}<p class="house-banner">House style</p>{{ super() }}{% endblock %}')
    (own / "edition.css").write_text("body { color: black; }")
    doc = rendered(TEIKIT_SHAPE, tmp_path / "out", template_dirs=[own])
    assert text_of(doc, ".house-banner") == "House style"
    assert select(doc, "h1") and select(doc, ".person-index")
    assert (tmp_path / "out" / "edition.css").read_text() == "body { color: black; }"


def test_templates_fail_loudly_on_undefined_names(tmp_path):
    own = tmp_path / "templates"
    own.mkdir()
    (own / "edition.html").write_text("{{ no_such_value }}")
    with pytest.raises(ConfigError, match="edition.html:1: template failed: 'no_such_value' is undefined"):
        render_file(TEIKIT_SHAPE, tmp_path / "out", template_dirs=[own])


def test_a_template_failing_midway_leaves_the_old_page_whole(tmp_path):
    """The page is written as it renders: a failure after some pieces went to disk still
    leaves the page of the last good render, and no temporary file."""
    own = tmp_path / "templates"
    own.mkdir()
    out = tmp_path / "out"
    render_file(TEIKIT_SHAPE, out)
    good = (out / "teikit-shape.html").read_bytes()
    (own / "edition.html").write_text(
        '{% extends "default:edition.html" %}'
        f'{{% block colophon %}}{{% for n in range({WRITE_PIECE}) %}}<i>{{{{ n }}}}</i>{{% endfor %}}'
        '{{ colophon.no_such_fact }}{% endblock %}')
    with pytest.raises(ConfigError, match="no_such_fact"):
        render_file(TEIKIT_SHAPE, out, template_dirs=[own])
    assert (out / "teikit-shape.html").read_bytes() == good
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_site_index_links_each_edition(tmp_path):
    render_file(TEIKIT_SHAPE, tmp_path)
    index = render_site([
        {"title": "Writings 1936-37", "href": "teikit-shape.html", "author": "Leon Trotsky",
         "date": "1978", "source": "Pathfinder Press"},
        {"title": "Letters <&>", "href": "letters.html"},
    ], tmp_path)
    doc = html.fromstring(index.read_text(encoding="utf-8"))
    titles = select(doc, "a.edition-title")
    assert [(a.text, a.get("href")) for a in titles] == [("Writings 1936-37", "teikit-shape.html"),
                                                         ("Letters <&>", "letters.html")]
    assert text_of(doc, ".edition-author") == "Leon Trotsky"
    assert text_of(doc, ".edition-date") == "1978" and text_of(doc, ".edition-source") == "Pathfinder Press"


def test_site_entry_without_href_is_refused(tmp_path):
    with pytest.raises(TeikitError, match="lacks href"):
        render_site([{"title": "No link"}], tmp_path)


# -- command and PDF --------------------------------------------------------------------------

def test_render_command_writes_the_edition(tmp_path):
    result = CliRunner().invoke(render_command, [str(TEIKIT_SHAPE), "-o", str(tmp_path), "--no-hyphenation"])
    assert result.exit_code == 0, result.output
    page = tmp_path / "teikit-shape.html"
    assert result.output.strip() == str(page)
    assert "app-hyphenation" not in page.read_text(encoding="utf-8")


def test_pdf_without_weasyprint_is_one_clear_error(tmp_path, monkeypatch):
    page = render_file(TEIKIT_SHAPE, tmp_path)
    real_import = builtins.__import__

    def no_weasyprint(name, *args, **kwargs):
        if name == "weasyprint":
            raise ImportError("No module named 'weasyprint'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(TeikitError, match=r"pip install 'teikit\[pdf\]'.*pango and harfbuzz") as info:
        write_pdf(page)
    assert "\n" not in str(info.value)


def test_pdf_is_printed_with_weasyprint(tmp_path):
    pytest.importorskip("weasyprint", reason="the optional pdf extra (WeasyPrint) is not installed")
    result = CliRunner().invoke(render_command, [str(TEIKIT_SHAPE), "-o", str(tmp_path), "--pdf"])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "teikit-shape.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


def printed_pdf(pypdf, html_path: Path, part_bytes: int, jobs: int, monkeypatch) -> tuple[list[str], int, list[str]]:
    """The PDF's pages as text, its links (each checked to lead somewhere) and outline."""
    monkeypatch.setattr(pdf_module, "PART_BYTES", part_bytes)
    reader = pypdf.PdfReader(write_pdf(html_path, jobs))
    links = [annotation.get_object().get("/Dest") for page in reader.pages for annotation in page.get("/Annots", [])]
    assert all(str(name) in reader.named_destinations for name in links)
    # small capitals are drawn from each part's own font subset: only their case reads differently
    return [page.extract_text().lower() for page in reader.pages], len(links), [item.title for item in reader.outline]


def test_a_pdf_printed_in_parts_reads_as_one_printed_whole(tmp_path, monkeypatch):
    """Each division its own part, printed one after another or three at once: the same
    pages (numbers, running heads, sides), links (the apparatus and index point into the
    text, another part) and outline as in one go, and the same pages as WeasyPrint's own
    print of the page as it is (nothing print.css hides is sent to WeasyPrint, and wrappers
    with no look in print are sent as their text)."""
    weasyprint = pytest.importorskip("weasyprint", reason="the optional pdf extra (WeasyPrint) is not installed")
    pypdf = pytest.importorskip("pypdf", reason="the optional pdf extra (pypdf) is not installed")
    html_path = render_file(TEIKIT_SHAPE, tmp_path)
    monkeypatch.setattr(pdf_module, "PART_BYTES", 1)
    assert len(pdf_module._parts(html.parse(str(html_path)).getroot())) == 6
    whole = printed_pdf(pypdf, html_path, 1 << 30, 1, monkeypatch)
    as_it_is = pypdf.PdfReader(io.BytesIO(weasyprint.HTML(filename=str(html_path)).write_pdf()))
    # word by word: where a wrapper is printed as its text, the text is drawn in one run, not
    # two, and pypdf reads one space less between them (each word is where it was)
    assert [page.extract_text().lower().split() for page in as_it_is.pages] == [page.split() for page in whole[0]]
    assert printed_pdf(pypdf, html_path, 1, 1, monkeypatch) == whole
    assert printed_pdf(pypdf, html_path, 1, 3, monkeypatch) == whole
    pages, links, outline = whole
    assert links == 10 and outline[:2] == ["PREFACE", "ON THE ATLANTIC18"]
    left_page = pages[1].splitlines()   # a part's first page, a left one: the book's title over it
    assert "writings of leon trotsky (1936-37): a tei edition" in left_page and left_page[-1] == "2"


def test_parts_printed_at_once_are_numbered_on_even_where_a_page_side_changes_their_length(tmp_path, monkeypatch):
    """A stylesheet whose left pages hold less than its right ones: a part counted ahead
    as starting on a right page takes more pages where it starts on a left one, and the
    parts after it are printed again from where it really ends."""
    pytest.importorskip("weasyprint", reason="the optional pdf extra (WeasyPrint) is not installed")
    pypdf = pytest.importorskip("pypdf", reason="the optional pdf extra (pypdf) is not installed")
    words = " ".join(f"word{number} alpha beta gamma delta" for number in range(100))
    chapters = "".join(f"<div><head>Chapter {number}</head><p>{words}</p></div>" for number in range(1, 5))
    html_path = render_file(made_up_tei(tmp_path, f"<body>{chapters}</body>"), tmp_path)
    with open(tmp_path / "print.css", "a", encoding="utf-8") as css:
        css.write("@page :left { margin-left: 60mm; }")
    in_turn = printed_pdf(pypdf, html_path, 1, 1, monkeypatch)
    assert printed_pdf(pypdf, html_path, 1, 4, monkeypatch) == in_turn
    assert [page.splitlines()[-1] for page in in_turn[0]] == [str(number) for number in range(1, len(in_turn[0]) + 1)]


def text_positions(pypdf, pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's runs of text where they are drawn."""
    pages = []
    for page in pypdf.PdfReader(pdf).pages:
        runs = []
        page.extract_text(visitor_text=lambda text, cm, tm, *_: runs.append(
            (round(cm[4] + tm[4], 1), round(cm[5] + tm[5], 1), text.strip())) if text.strip() else None)
        pages.append(runs)
    return pages


def edition_in_two_parts(tmp_path, monkeypatch):
    """pypdf, and a made-up edition's HTML printed in two parts, the second beginning on a left page."""
    pytest.importorskip("weasyprint", reason="the optional pdf extra (WeasyPrint) is not installed")
    pypdf = pytest.importorskip("pypdf", reason="the optional pdf extra (pypdf) is not installed")
    words = " ".join(f"Quillet{number} met Hesper at Tulverton" for number in range(60))
    html_path = render_file(made_up_tei(tmp_path, f"<body><div><head>Osric</head><p>Tobias.</p></div>"
                                                  f"<div><head>Pellworth</head><p>{words}</p></div></body>"), tmp_path)
    monkeypatch.setattr(pdf_module, "PART_BYTES", 1)
    return pypdf, html_path


def test_a_part_laid_out_at_once_and_moved_to_a_left_page_is_drawn_where_it_would_be(tmp_path, monkeypatch):
    """The second part, laid out from page 1 while the first is, begins on a left page: each
    of its pages is drawn between a left page's margins, with a left page's running head and
    its number, as where it is printed after the first."""
    pypdf, html_path = edition_in_two_parts(tmp_path, monkeypatch)
    in_turn = text_positions(pypdf, write_pdf(html_path, 1))
    at_once = text_positions(pypdf, write_pdf(html_path, 2))
    assert at_once == in_turn
    left, right = in_turn[1], in_turn[2]
    assert left[-1][2] == "2" and right[-1][2] == "3" and min(left)[0] < min(right)[0]


def test_a_part_whose_pages_cannot_be_moved_is_printed_again_from_its_first_page(tmp_path, monkeypatch):
    """Where WeasyPrint's internals are not those the move reads (another version), the part
    laid out from page 1 is printed again from where it begins: the same PDF, no failure."""
    pypdf, html_path = edition_in_two_parts(tmp_path, monkeypatch)
    in_turn = text_positions(pypdf, write_pdf(html_path, 1))

    def internals_changed(*args):
        raise AttributeError("made-up: no such attribute in another WeasyPrint")
    monkeypatch.setattr(pdf_module, "_move_pages", internals_changed)
    assert text_positions(pypdf, write_pdf(html_path, 2)) == in_turn


PLAIN_PAGE = """<!DOCTYPE html><html><head><link rel="stylesheet" href="edition.css">
<link rel="stylesheet" href="print.css" media="print"></head><body><p>
<span class="person" id="m1" title="Osric Quillet">Osric</span> met
<span class="person" id="m2" title="Tobias Pellworth">Tobias</span> at Tulverton on
<time class="date" datetime="1901-03-04">4 March</time><span class="hyph" id="h1"></span>,
<span class="person rend-italic">Osbert</span> and <span class="person" lang="fr">Quillabee</span>.</p>
<a href="#m1">12</a></body></html>"""


def print_plain_classes(tmp_path: Path, edition_css: str) -> list[str]:
    """The classes of the wrappers left in the made-up page once printed plain."""
    page = tmp_path / "plain.html"
    page.write_text(PLAIN_PAGE, encoding="utf-8")
    (tmp_path / "edition.css").write_text(edition_css, encoding="utf-8")
    (tmp_path / "print.css").write_text(".person { border: 0; }", encoding="utf-8")
    root = html.parse(str(page)).getroot()
    pdf_module._print_plain(root, page)
    assert root.find("body/p").text_content().split() == html.fromstring(PLAIN_PAGE).find("body/p").text_content().split()
    return [element.get("class") for element in root.find("body/p")]


def test_wrappers_with_no_look_in_print_are_printed_as_their_text(tmp_path):
    """A person or date shown only by a tooltip and an underline print.css takes away is
    printed as its text, unless a link leads to it, another class or its language gives it a
    say, or an edition's own stylesheet gives its class a look on paper."""
    screen = ".person { border-bottom: 1px dotted; cursor: help; } .date { cursor: help; }"
    assert print_plain_classes(tmp_path, screen) == ["person", "person rend-italic", "person"]
    assert print_plain_classes(tmp_path, screen + " @media print { .date { font-variant: small-caps; } }") == [
        "person", "date", "person rend-italic", "person"]


def test_the_collector_is_paused_while_a_part_is_printed_and_then_as_it_was():
    import gc

    with pdf_module._collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with pdf_module._collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def print_part_but_fail_the_third(number: int, page: str, base_url: str,
                                  first_page: int | None) -> tuple[bytes | None, int, int]:
    """In a worker: the third part fails, by an error or by the process dying."""
    if number == 2:
        if "dies" in base_url:
            os._exit(1)
        raise TeikitError("made-up failure of the third part")
    return PRINT_PART(number, page, base_url, first_page)


PRINT_PART = pdf_module._print_part


@pytest.mark.parametrize("how, message", [("fails", "made-up failure"), ("dies", "a process printing the PDF died")])
def test_a_part_that_fails_in_its_worker_leaves_no_pdf(tmp_path, monkeypatch, how, message):
    pytest.importorskip("weasyprint", reason="the optional pdf extra (WeasyPrint) is not installed")
    html_path = render_file(TEIKIT_SHAPE, tmp_path / how)
    monkeypatch.setattr(pdf_module, "PART_BYTES", 1)
    monkeypatch.setattr(pdf_module, "_print_part", print_part_but_fail_the_third)
    with pytest.raises(TeikitError, match=message) as info:
        write_pdf(html_path, 2)
    assert "\n" not in str(info.value)
    assert not [path.name for path in html_path.parent.iterdir() if "pdf" in path.name]


def test_breaks_only_in_a_replaced_reading_still_count(tmp_path):
    """`<sic>w i t h<lb/>…</sic><corr>with</corr>`: the source's line ended inside the sic."""
    doc = tmp_path / "sic.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><pb n="7"/><p>'
                   '<lb/>one <lb/>two <lb/>three <choice><sic>w i t h<lb/>x</sic><corr>with</corr></choice>'
                   ' <lb/>five <choice><sic>s i x<pb n="8"/></sic><corr>six</corr></choice></p></body></text></TEI>',
                   encoding="utf-8")
    page = rendered(doc, tmp_path / "out")
    paragraph = html.tostring(select(page, "p.tei-p")[0], encoding="unicode")
    assert re.search(r'with</span> \n<span class="ln" data-n="5"></span>five .*six</span><span class="pb in-line" [^>]*data-n="8"',
                     paragraph)


@pytest.mark.parametrize("teikit, paragraph", [
    (True, '<lb n="1"/>the con<pc force="weak">\u00ac</pc><lb n="2" break="no"/>ference met'),
    (False, "<lb/>the con\u00ac<lb/>ference met"),     # another project's plain hyphen
])
def test_the_apparatus_shows_a_line_end_hyphen_as_the_source_prints_it(tmp_path, teikit, paragraph):
    header = ('<teiHeader><encodingDesc><appInfo><application ident="teikit" version="0"><label>teikit'
              '</label></application></appInfo></encodingDesc></teiHeader>') if teikit else ""
    doc = tmp_path / "hyphen.xml"
    doc.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{header}<text xml:lang="en"><body><pb n="1"/>'
                   f'<p>{paragraph}</p></body></text></TEI>', encoding="utf-8")
    page = rendered(doc, tmp_path / "out")
    assert "the conference met" in reading_text(page)
    assert "1.1 conference] con\u00ac|ference (printed)" in apparatus_lines(page)


def test_title_page_and_closer_keep_their_lines_and_unnumbered_pages_are_counted(tmp_path):
    doc = tmp_path / "letter.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><front><titlePage><docImprint><lb/>Copyright 1937'
                   '<lb/>100 Fifth Avenue</docImprint></titlePage></front><body><pb/><p><lb/>Text by '
                   '<persName ref="#lt">Trotsky</persName>.</p><closer><lb/>Yours,<lb/><signed>L. T.</signed></closer>'
                   '</body></text></TEI>', encoding="utf-8")
    page = rendered(doc, tmp_path / "out")
    assert "Copyright 1937<br>100 Fifth Avenue" in html.tostring(select(page, ".tei-docImprint")[0], encoding="unicode")
    assert "Yours,<br><span" in html.tostring(select(page, "div.tei-closer")[0], encoding="unicode")
    assert [pb.get("data-n") for pb in select(page, "span.pb")] == ["⟨1⟩", "⟨2⟩"]
    assert text_of(page, ".index-pages") == "⟨2⟩"


# -- the reading edition's aids (issue 16) -------------------------------------------------

def made_up_tei(tmp_path: Path, text: str, name: str = "made-up.xml") -> Path:
    path = tmp_path / name
    path.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title>'
                    f'</titleStmt></fileDesc></teiHeader><text>{text}</text></TEI>', encoding="utf-8")
    return path


def test_markup_characters_of_the_source_are_not_shown(tmp_path):
    path = made_up_tei(tmp_path, '<body><p>The <pc type="markup">*</pc><hi rend="italic">Gazette</hi>'
                                 '<pc type="markup">*</pc> wrote.</p></body>')
    doc = rendered(path, tmp_path / "out")
    assert reading_text(doc) == "The Gazette wrote."


@pytest.mark.parametrize("note", [
    '<ref type="noteAnchor" target="#fn1">†</ref><note place="foot" n="†" xml:id="fn1"><label>†</label>Made up.</note>',
    '<ref type="noteAnchor" target="#fn1">†</ref><note place="foot" xml:id="fn1"><label>†</label>Made up.</note>',
    '<note place="foot" n="†" xml:id="fn1">Made up.</note>',
], ids=["ref-and-label", "label-only", "sign-in-n"])
def test_a_footnote_sign_is_shown_once_at_the_call_and_once_at_the_note(tmp_path, note):
    doc = rendered(made_up_tei(tmp_path, f'<body><p><lb n="1"/>Said so.{note} Then.</p></body>'), tmp_path / "out")
    assert doc.text_content().count("†") == 2
    [call] = select(doc, "main a[href='#fn1']")
    [foot] = select(doc, ".page-notes .footnote")
    assert foot.get("id") == "fn1"
    assert call.text_content() == "†" and " ".join(foot.text_content().split()) == "† Made up."
    assert foot.find(".//a").get("href") == "#" + call.get("id")
    assert not select(doc, ".endnote")


@pytest.mark.parametrize("choice, source", [
    ("<choice><sic>rnuch</sic><corr>much</corr></choice>", "rnuch"),
    ('<choice><orig>rnuch</orig><reg type="ocr">much</reg></choice>', "rnuch"),
])
def test_ocr_corrections_read_in_either_encoding(tmp_path, choice, source):
    context = context_of(made_up_tei(tmp_path, f'<body><pb n="7"/><p><lb n="1"/>So {choice} more.</p></body>'))
    [entry] = context["corrections"]
    assert (entry["kind"], entry["key"], entry["lemma"], entry["readings"][0]["text"]) == ("correction", "7.1", "much", source)


def test_apparatus_groups_corrections_first_and_hyphenation_apart(shape_doc):
    corrections = select(shape_doc, ".app-corrections .app-entry")
    hyphenation = select(shape_doc, "details#apparatus-hyphenation .app-entry")
    assert corrections and hyphenation
    assert not any("hyphenation" in entry.get("class") for entry in corrections)
    assert all("app-hyphenation" in entry.get("class") for entry in hyphenation)


def test_a_page_longer_than_any_printed_page_is_located_by_source_line(tmp_path):
    lines = "".join(f'<lb n="{n}"/>line {n}\n' for n in range(1, 400))
    path = made_up_tei(tmp_path, f'<body><pb n="9"/><p>{lines}<choice><sic>rnuch</sic><corr>much</corr></choice></p></body>')
    [entry] = context_of(path)["corrections"]
    assert entry["key"] == "l. 399"
    doc = rendered(path, tmp_path / "out")
    assert [ln.get("data-n") for ln in select(doc, "main .ln")][:2] == ["5", "10"]
    assert "the line of the source file" in text_of(doc, "details.legend")


def test_pages_whose_numbers_jump_are_located_by_source_line(tmp_path):
    path = made_up_tei(tmp_path, '<body><pb n="7"/><p><lb n="3"/>a <choice><sic>rnuch</sic><corr>much</corr></choice>'
                                 '</p><pb n="8"/><p><lb n="5"/>b <choice><sic>rnore</sic><corr>more</corr></choice>'
                                 '</p><pb n="30"/><p><lb n="9"/>c</p></body>')
    assert [entry["key"] for entry in context_of(path)["corrections"]] == ["7.1", "l. 5"]


def test_margin_numbers_on_a_long_page_are_source_file_lines(tmp_path):
    lines = "".join(f'<lb n="{n + 100}"/>line {n}\n' for n in range(1, 400))
    doc = rendered(made_up_tei(tmp_path, f'<body><pb n="9"/><p>{lines}</p></body>'), tmp_path / "out")
    assert [ln.get("data-n") for ln in select(doc, "main .ln")][:2] == ["105", "110"]


def test_contents_list_the_headed_divisions_with_dates_and_fold_a_long_part(tmp_path):
    articles = "".join(f'<div type="article"><head>Article {n}<note place="foot" n="*">A made-up note.</note></head>'
                       f'<dateline>May {n}</dateline><p>Text.</p></div>' for n in range(1, 23))
    path = made_up_tei(tmp_path, f'<front><div><head>Preface</head><p>P.</p></div></front><body>{articles}'
                                 '<div><p>No head.</p><div><head>Inner</head><p>I.</p></div></div></body>'
                                 '<back><div type="notes"><head>Notes</head><p>N.</p></div></back>')
    toc = context_of(path)["toc"]
    assert [(part["title"], part["count"], part["folded"]) for part in toc] == [
        ("Front matter", 1, False), ("Text", 23, True), ("Back matter", 1, False)]
    first = toc[1]["entries"][0]
    assert (first["title"], first["date"]) == ("Article 1", "May 1")
    assert toc[1]["entries"][-1]["title"] == "Inner"
    doc = rendered(path, tmp_path / "out")
    for link in select(doc, ".contents a"):
        assert select(doc, f"main {link.get('href')}"), link.get("href")


def test_legend_and_plain_principles_name_only_what_the_text_has(shape_doc, tmp_path):
    legend = text_of(shape_doc, "details.legend")
    assert "left margin" in legend and "dotted underline" in legend and "tinted underline" in legend
    colophon = text_of(shape_doc, "footer.colophon")
    plain_words = " ".join(dd.text_content() for dd in shape_doc.xpath('//*[@id="colophon"]//dd[not(.//details)]'))
    assert "Words divided at the end of a line" in plain_words and "lb break" not in plain_words
    assert "lb break" in " ".join(el.text_content() for el in select(shape_doc, "details.encoding-detail"))
    assert "Editorial principles" in colophon
    bare = rendered(made_up_tei(tmp_path, "<body><p>Only words.</p></body>"), tmp_path / "bare")
    assert not select(bare, "details.legend") and not select(bare, "nav.contents")


def test_a_standalone_render_links_its_tei_file(tmp_path):
    path = made_up_tei(tmp_path, "<body><p>Words.</p></body>")
    [tei_link] = select(rendered(path, tmp_path / "out"), "a.link-tei")
    assert (tmp_path / "out" / tei_link.get("href")).resolve() == path.resolve()


def test_the_site_index_offers_the_tei_and_exports(tmp_path):
    index = render_site([{"title": "A", "href": "a/a.html", "tei": "a/a.xml",
                          "exports": [{"label": "Plain text", "href": "a/a.txt"}]}], tmp_path)
    doc = html.parse(str(index)).getroot()
    assert [(a.text_content(), a.get("href")) for a in select(doc, ".edition-downloads a")] == [
        ("TEI", "a/a.xml"), ("Plain text", "a/a.txt")]


def short_lines_in_pdf_layout(html_path: Path) -> list[str]:
    """Lines of a paragraph (not its last) that WeasyPrint ends before three quarters of
    the column: a paragraph broken in two."""
    weasyprint = pytest.importorskip("weasyprint", reason="WeasyPrint is absent (pip install 'teikit[pdf]')")
    from weasyprint.formatting_structure import boxes

    def walk(box):
        stack = [box]
        while stack:
            box = stack.pop()
            yield box
            stack.extend(reversed(getattr(box, "children", None) or []))

    short = []
    for page in weasyprint.HTML(filename=str(html_path)).render().pages:
        for box in walk(page._page_box):
            if isinstance(box, boxes.BlockBox) and box.element_tag == "p":
                lines = [child for child in box.children if isinstance(child, boxes.LineBox)]
                for line in lines[:-1]:
                    if sum(child.margin_width() for child in line.children) < 0.75 * box.width:
                        short.append("".join(b.text for b in walk(line) if isinstance(b, boxes.TextBox)))
    return short


def test_the_pdf_breaks_no_paragraph_at_a_line_or_page_marker(tmp_path):
    lines = "".join(f'<lb n="{n}"/>word{n} alpha beta gamma delta epsilon zeta eta theta\n'
                    + (f'<pb n="{n // 30 + 1}"/>' if n % 30 == 0 else "") for n in range(1, 120))
    html_path = render_file(made_up_tei(tmp_path, f'<body><pb n="1"/><p>{lines}</p></body>'), tmp_path / "out")
    assert short_lines_in_pdf_layout(html_path) == []
