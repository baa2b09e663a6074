"""`teikit render` reads the TEI as it is parsed (render/stream.py): its page must be the
page rendered from the whole tree, byte for byte, whatever the shape of the TEI."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teikit.errors import SourceError
from teikit.render import build_context, render_file
from teikit.render.html import make_environment, render_template
from teikit.render.stream import DocumentScan, Spool, StreamedText
from teikit.tei.reader import iterparse_tei, parse_tei, tei_document

TESTS = Path(__file__).parent
EDITIONS = sorted([*(TESTS / "golden").glob("*.xml"), *(TESTS / "fixtures" / "render").glob("*.xml"),
                   *(TESTS / "fixtures" / "foreign").glob("*.xml"), TESTS / "fixtures" / "teikit-shape.tei.xml"])
LINKS = {"tei": "edition.xml"}


def whole_tree_page(path: Path) -> bytes | str:
    """The page rendered from the whole tree, or the one line a render fails with."""
    try:
        context = build_context(tei_document(parse_tei(path)), links=LINKS)
    except SourceError as error:
        return str(error)
    return b"".join(render_template(make_environment(), "edition.html", **context))


def streamed_page(path: Path, out_dir: Path) -> bytes | str:
    try:
        return render_file(path, out_dir, links=LINKS).read_bytes()
    except SourceError as error:
        return str(error)


@pytest.mark.parametrize("path", EDITIONS, ids=lambda path: path.name)
def test_the_streamed_page_is_the_whole_tree_page(path, tmp_path):
    assert streamed_page(path, tmp_path) == whole_tree_page(path)


# -- generated TEI: divisions, breaks and notes between them, parts or none, foreign shapes --

WORDS = st.sampled_from(["harbour", "lantern", "quiet", "ledger", "Amer-", "ican", "rope-", "walk", "", " "])
PHRASES = st.one_of(
    WORDS,
    st.builds(lambda w: f"<lb/>{w}", WORDS),
    st.builds(lambda w: f'<lb break="no"/>{w}', WORDS),
    st.builds(lambda w: f'<pc force="weak">-</pc><lb break="no"/>{w}', WORDS),
    st.builds(lambda n, w: f'<pb n="{n}"/>{w}', st.integers(1, 9), WORDS),
    st.builds(lambda w: f'<persName ref="#ada">Ada Quill</persName> {w}', WORDS),
    st.builds(lambda w: f'<persName ref="#nobody">Tobias Fenn</persName>{w}', WORDS),
    st.builds(lambda w: f"<choice><sic>m uch</sic><corr>much</corr></choice>{w}", WORDS),
    st.builds(lambda w: f'<note place="foot">A note on {w}.</note>', WORDS),
    st.builds(lambda w: f'<ref target="#en1">1</ref>{w}', WORDS),
    st.builds(lambda w: f'<hi rend="italic">{w}</hi>', WORDS),
    st.just('<fw type="pageNum">4</fw>'),
)
PARAGRAPH = st.lists(PHRASES, max_size=6).map(lambda phrases: f"<p>{''.join(phrases)}</p>")
BETWEEN = st.sampled_from(["", "<pb/>", '<pb n="7"/>', "<lb/>", '<lb break="no"/>', '<pc>-</pc>',
                           "<!-- a comment -->", '<fw type="header">Running head</fw>', '<gap reason="lost"/>',
                           '<note xml:id="en1" place="end">An endnote.</note>', "<milestone unit='section'/>"])
HEADS = st.sampled_from(["", "<head>A chapter</head>", "<head>Another <date when='1901'>day</date></head>"])


@st.composite
def divisions(draw, depth: int = 0) -> str:
    inner = draw(st.lists(PARAGRAPH, max_size=3))
    if depth < 2 and draw(st.booleans()):
        inner += draw(st.lists(divisions(depth + 1), max_size=2))
    return f"<div>{draw(HEADS)}{''.join(inner)}</div>"


@st.composite
def tei_documents(draw) -> str:
    body_items = draw(st.lists(st.one_of(divisions(), PARAGRAPH, BETWEEN), max_size=8))
    body = "".join(body_items)
    if draw(st.booleans()):
        body = draw(WORDS) + body            # text of its own: a body that is no list of blocks
    parts = f"<body>{body}</body>"
    if draw(st.booleans()):
        parts = f"<front><titlePage><titlePart>Front</titlePart></titlePage>{draw(BETWEEN)}</front>{draw(BETWEEN)}{parts}"
    if draw(st.booleans()):
        parts += f"{draw(BETWEEN)}<back><div><head>Notes</head>{draw(BETWEEN)}</div></back>"
    if draw(st.booleans()):
        parts = body                          # no parts at all: the text holds the blocks
    person = '<person xml:id="ada"><persName><forename>Ada</forename> <surname>Quill</surname></persName></person>'
    ours = '<appInfo><application ident="teikit" version="1"><label>teikit</label></application></appInfo>'
    header = (f"<teiHeader><fileDesc><titleStmt><title>Made up</title></titleStmt></fileDesc>"
              f"<encodingDesc>{ours if draw(st.booleans()) else ''}</encodingDesc>"
              + (f"<profileDesc><particDesc><listPerson>{person}</listPerson></particDesc></profileDesc>"
                 if draw(st.booleans()) else "") + "</teiHeader>")
    stand_off = f"<standOff><listPerson>{person}</listPerson></standOff>" if draw(st.booleans()) else ""
    namespace = ' xmlns="http://www.tei-c.org/ns/1.0"' if draw(st.booleans()) else ""
    return f'<TEI{namespace}>{header}<text xml:lang="en">{parts}</text>{stand_off}</TEI>'


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tei_documents())
def test_the_streamed_page_is_the_whole_tree_page_for_any_shape(document):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "made-up.xml"
        path.write_text(document, encoding="utf-8")
        assert streamed_page(path, Path(folder) / "out") == whole_tree_page(path)


def test_a_division_is_freed_once_walked(tmp_path):
    """The parse holds the division being walked and the one before it, not the text."""
    divisions_xml = "".join(f"<div><head>Part {n}</head><p>Words of part {n}.</p></div>" for n in range(50))
    path = tmp_path / "parts.xml"
    path.write_text(f"<TEI><teiHeader/><text><body>{divisions_xml}</body></text></TEI>", encoding="utf-8")
    scan = DocumentScan(release=True)
    scan.feed(iterparse_tei(path))
    source = StreamedText(iterparse_tei(path), scan.finish(), Spool())
    body = next(iter(source.children(source.text)))
    walked = [body.index(division) for division in source.children(body)]
    assert len(walked) == 50 and max(walked) <= 1


def test_an_editions_template_may_still_lay_out_blocks_with_the_macros(tmp_path):
    """`layout.render_blocks` (a macro, whose output is built whole) gives what the default
    page's include gives, and a block's spooled HTML reads as a string in filters."""
    shape = TESTS / "fixtures" / "teikit-shape.tei.xml"
    own = tmp_path / "templates"
    own.mkdir()
    (own / "edition.html").write_text(
        '{% import "_blocks.html" as layout %}<main>{{ layout.render_blocks(blocks) }}</main>'
        '{% for b in blocks recursive %}{% if b.children is defined %}{{ loop(b.children) }}'
        '{% elif b.kind == "leaf" %}<p class="short">{{ b.html|striptags|truncate(12, leeway=0) }}</p>{% endif %}{% endfor %}')
    default = streamed_page(shape, tmp_path / "default").decode("utf-8")
    own_page = render_file(shape, tmp_path / "own", links=LINKS, template_dirs=[own]).read_text(encoding="utf-8")
    main = own_page[len("<main>"):own_page.index("</main>")]
    assert main and main in default
    shortened = re.findall(r'<p class="short">([^<]*)</p>', own_page)
    assert shortened and all(len(text) <= 12 for text in shortened) and any(text.endswith("...") for text in shortened)
