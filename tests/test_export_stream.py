"""`teikit export` reads a file as it is parsed (tei/growing.py, `reader.file_reading_text`):
its output must be the one read from the whole tree, byte for byte, whatever the shape of
the TEI and wherever the parser's pieces of the file end (`reader.READ_PIECE`)."""
from __future__ import annotations

import builtins
import json
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teikit import TEI_NS, T
from teikit.cli import cli
from teikit.errors import SourceError
from teikit.export import FORMATS, TREE_FORMATS, export_file, export_tei
from teikit.tei import reader
from teikit.tei.growing import DROP_AFTER, GrowingTree
from teikit.tei.reader import duplicate_id_warnings, file_reading_text, iterparse_tei, parse_tei, reading_text
from teikit.tei.rules import local_name
from teikit.tei.standoff import json_pieces
from teikit.tei.walk import START, TAIL, TEXT, Walk

TESTS = Path(__file__).parent
EDITIONS = sorted([*(TESTS / "golden").glob("*.xml"), *(TESTS / "fixtures").rglob("*.xml")])
READING_FORMATS = [to for to in FORMATS if to not in TREE_FORMATS]


def whole_tree_exports(path: Path) -> dict[str, str]:
    """Each reading format as exported from the whole tree, with the warnings first; or the one error line."""
    try:
        tree = parse_tei(path)
        warnings = "\n".join(duplicate_id_warnings(tree, str(path)))
        return {to: f"{warnings}\n{export_tei(tree, to, name=path.name)}" for to in READING_FORMATS}
    except SourceError as error:
        return {to: str(error) for to in READING_FORMATS}


def streamed_exports(path: Path) -> dict[str, str]:
    exports = {}
    for to in READING_FORMATS:
        try:
            heard = []
            exported = export_file(path, to, warn=heard.append)
            exports[to] = "\n".join(heard) + "\n" + exported
        except SourceError as error:
            exports[to] = str(error)
    return exports


@pytest.mark.parametrize("piece", [reader.READ_PIECE, 97])
@pytest.mark.parametrize("path", EDITIONS, ids=lambda path: path.name)
def test_the_streamed_export_is_the_whole_tree_export(path, piece, monkeypatch):
    monkeypatch.setattr(reader, "READ_PIECE", piece)
    assert streamed_exports(path) == whole_tree_exports(path)


def test_the_stand_off_json_of_an_edition_is_the_whole_trees(tmp_path):
    """The exported file (written in pieces by the command) is today's JSON, byte for byte."""
    edition = TESTS / "golden" / "trotsky-writings-1936-37.xml"
    out = tmp_path / "edition.json"
    assert CliRunner().invoke(cli, ["export", str(edition), "--to", "standoff", "-o", str(out)]).exit_code == 0
    assert out.read_text(encoding="utf-8") == export_tei(parse_tei(edition), "standoff", name=edition.name)


# -- made-up TEI: notes, choices, persons and dates, breaks inside words, pieces of any size --

WORDS = st.sampled_from(["harbour", "lantern", "quiet", "Amer-", "ican", "well-", "known", "cer-", "tain", " ", ""])
PHRASES = st.one_of(
    WORDS,
    st.builds(lambda w: f"<lb/>{w}", WORDS),
    st.builds(lambda w: f'<lb break="no"/>{w}', WORDS),
    st.builds(lambda n, w: f'<lb n="{n}"/>{w}', st.integers(1, 99), WORDS),
    st.builds(lambda w: f'<pc force="weak">-</pc><lb break="no"/>{w}', WORDS),
    st.builds(lambda w: f'Amer<pc>-</pc><fw type="pageNum">7</fw><pb n="8"/><lb break="no"/>{w}', WORDS),
    st.builds(lambda n, w: f'<pb n="{n}"/>{w}', st.integers(1, 9), WORDS),
    st.builds(lambda w: f'<persName ref="#ada">Ada <hi rend="italic">Quill</hi></persName>{w}', WORDS),
    st.builds(lambda w: f'<date when="1901-02-03">3 Feb.</date> {w}', WORDS),
    st.builds(lambda w: f'<choice><sic>m<lb/>uch</sic><corr resp="#ed">much</corr></choice>{w}', WORDS),
    st.builds(lambda w: f"<choice><abbr>Dr</abbr><expan>Doctor</expan></choice>{w}", WORDS),
    st.builds(lambda w: f'<note place="foot" n="*">A note on <persName>{w}</persName>.</note>{w}', WORDS),
    st.builds(lambda w: f'<ref target="#en1">1</ref>{w}', WORDS),
    st.builds(lambda w: f"<app><lem>{w}</lem><rdg>other</rdg></app>", WORDS),
    st.builds(lambda w: f"<!-- a comment -->{w}", WORDS),
    st.just('<fw type="header">Running head</fw>'),
)
PARAGRAPH = st.lists(PHRASES, max_size=8).map(lambda phrases: f"<p>{''.join(phrases)}</p>")
BETWEEN = st.sampled_from(["", "<pb/>", '<pb n="7"/>', "<lb/>", "Amer-", '<lb break="no"/>', "<!-- between -->",
                           '<note xml:id="en1" place="end">An endnote, <date when="1902">later</date>.</note>',
                           '<fw type="header">Running head</fw>', '<milestone unit="section"/>'])


@st.composite
def divisions(draw, depth: int = 0) -> str:
    inner = draw(st.lists(st.one_of(PARAGRAPH, BETWEEN), max_size=4))
    if depth < 2 and draw(st.booleans()):
        inner += draw(st.lists(divisions(depth + 1), max_size=2))
    head = draw(st.sampled_from(["", "<head>A chapter</head>", "<head>On <persName>Ada</persName></head>"]))
    return f"<div>{head}{''.join(inner)}</div>"


@st.composite
def tei_documents(draw) -> str:
    body = "".join(draw(st.lists(st.one_of(divisions(), PARAGRAPH, BETWEEN), max_size=6)))
    if draw(st.booleans()):
        body = draw(WORDS) + body            # text of its own: a body that is no list of blocks
    teikit = '<appInfo><application ident="teikit" version="1"><label>teikit</label></application></appInfo>'
    header = f"<teiHeader><encodingDesc>{teikit if draw(st.booleans()) else ''}</encodingDesc></teiHeader>"
    after = f"<standOff><listPerson><person xml:id='ada'/></listPerson>{teikit}</standOff>" \
        if draw(st.booleans()) else ""     # naming teikit only after the text: the text is read again
    namespace = f' xmlns="{TEI_NS}"' if draw(st.booleans()) else ""
    return f'<TEI{namespace}>{header}<text xml:lang="en"><body>{body}</body></text>{after}</TEI>'


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tei_documents(), st.sampled_from([1, 5, 64, 1 << 16]))
def test_a_file_read_as_it_is_parsed_reads_as_its_whole_tree(document, piece):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "made-up.xml"
        path.write_text(document, encoding="utf-8")
        original = reader.READ_PIECE
        reader.READ_PIECE = piece
        try:
            streamed, repeated = file_reading_text(path)
        finally:
            reader.READ_PIECE = original
        tree = parse_tei(path)
        assert streamed == reading_text(tree)
        assert repeated == reader.duplicate_ids(tree)


def test_a_file_that_names_teikit_after_its_text_is_read_by_teikits_rules(tmp_path):
    """In teikit's TEI a bare lb is a word boundary, elsewhere a plain hyphen before it joins."""
    path = tmp_path / "late.xml"
    path.write_text(f'<TEI xmlns="{TEI_NS}"><text><body><p>the Amer-<lb/>ican way</p></body></text>'
                    '<teiHeader><encodingDesc><appInfo><application ident="teikit" version="1"/>'
                    "</appInfo></encodingDesc></teiHeader></TEI>", encoding="utf-8")
    streamed, _ = file_reading_text(path)
    assert streamed.text == "the Amer- ican way" == reading_text(parse_tei(path)).text


def test_a_paragraph_longer_than_the_words_kept_apart_reads_whole(tmp_path):
    """The reading text joins its words in long pieces as it goes; a hyphen dropped at a join
    right after such a piece is still dropped."""
    words = [f"w{n}" for n in range(reader._ReadingBuilder.PARTS_KEPT // 2 - 1)]
    path = tmp_path / "long.xml"
    path.write_text(f'<TEI xmlns="{TEI_NS}"><text><body><p>{" ".join(words)} cer-<lb/>tain words</p>'
                    "</body></text></TEI>", encoding="utf-8")
    streamed, _ = file_reading_text(path)
    assert streamed.text == " ".join(words) + " certain words" == reading_text(parse_tei(path)).text


# -- the growing tree itself --

def growing(path: Path, enters=lambda el: local_name(el) in ("body", "div", "p")):
    """The text of the file at `path` and a GrowingTree ready to walk it."""
    events = iterparse_tei(path)
    for event, el in events:
        if event == "start" and local_name(el) == "text":
            break
    tree = GrowingTree(events, enters, T if not el.tag.startswith("{") else None)
    tree.enter(el)
    return el, tree


def seen(walk: Walk) -> list[tuple[str, str, str]]:
    """Each event with its element's name and the text or tail it reads, as the walk reads it."""
    return [(kind, local_name(el) or "#", el.text if kind == TEXT else el.tail if kind == TAIL else "")
            for kind, el in walk]


@pytest.mark.parametrize("piece", [1, 3, 1 << 16])
def test_a_walk_of_the_growing_tree_is_the_walk_of_the_whole_tree(tmp_path, monkeypatch, piece):
    monkeypatch.setattr(reader, "READ_PIECE", piece)
    path = tmp_path / "walked.xml"
    path.write_text("<TEI><text><body>\n<div><head>One</head><p>Some <hi>long<lb/>words</hi> here<!-- c -->"
                    "and <persName>there</persName>.</p>tail of the div</div>\n<p>Last<note>aside</note></p>"
                    "</body></text></TEI>", encoding="utf-8")
    text, tree = growing(path)
    whole_text = reader.text_root(parse_tei(path))
    assert seen(Walk(text, tree)) == seen(Walk(whole_text))
    assert text.tag == T + "text" and next(text.iter("{*}hi")).tag == T + "hi"   # moved into TEI's namespace


def test_the_siblings_behind_the_walk_are_dropped(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "READ_PIECE", 64)
    path = tmp_path / "many.xml"
    path.write_text("<TEI><text><body>" + "".join(f"<p>Paragraph {n}.</p>" for n in range(400))
                    + "</body></text></TEI>", encoding="utf-8")
    text, tree = growing(path)
    held = [len(el.getparent()) for kind, el in Walk(text, tree) if kind == START and el.tag == T + "p"]
    assert len(held) == 400 and max(held) <= DROP_AFTER + 8   # those passed since the last drop, and a few ahead


def test_a_break_still_finds_its_hyphen_behind_furniture_the_walk_has_passed(tmp_path):
    """The hyphen a break looks back to, past furniture and a page break, is never dropped
    (were it, `Amer<supplied>-</supplied>...ican` would read as a plain hyphen, the printer's)."""
    line = 'Amer<supplied>-</supplied><fw type="header">Head</fw><pb n="2"/><lb break="no"/>ican <hi>ways</hi> '
    path = tmp_path / "furniture.xml"
    path.write_text(f'<TEI xmlns="{TEI_NS}"><text><body><p>{line * 40}</p></body></text></TEI>', encoding="utf-8")
    streamed, _ = file_reading_text(path)
    assert streamed.text == "Amer-ican ways " * 39 + "Amer-ican ways" == reading_text(parse_tei(path)).text


@pytest.mark.parametrize("piece", [1, 1 << 16])
def test_a_sibling_looked_at_ahead_is_parsed_whole(tmp_path, monkeypatch, piece):
    monkeypatch.setattr(reader, "READ_PIECE", piece)
    path = tmp_path / "ahead.xml"
    path.write_text("<TEI><text><body><p>Amer-<lb/><hi>i<hi>c</hi>an</hi> people</p></body></text></TEI>",
                    encoding="utf-8")
    text, tree = growing(path)
    lb = next(el for kind, el in Walk(text, tree) if kind == START and local_name(el) == "lb")
    following = tree.next_sibling(lb)
    assert "".join(following.itertext()) == "ican" and following.tail == " people"
    assert tree.next_sibling(following) is None


# -- output in pieces, and what a bad file leaves behind --

def test_json_pieces_are_json_dumps():
    items = [{"kind": "note", "attrs": {"n": "*"}, "text": 'a "quoted"\nline', "anchor": None}, [1, []], "é"]
    document = {"format": "x", "text": "long\ttext " * 200_000, "nested": {"a": [1, 2], "b": {}},
                "first": {"id": "#p1", "items": []}}
    whole = json.loads(json.dumps(document))
    whole["first"]["items"] = items
    assert "".join(json_pieces(document, iter(items))) == json.dumps(whole, ensure_ascii=False, indent=1)
    assert "".join(json_pieces({"spans": []}, iter([]))) == json.dumps({"spans": []}, indent=1)


def test_a_file_malformed_after_its_text_began_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "READ_PIECE", 256)
    bad = tmp_path / "bad.xml"
    bad.write_text(f'<TEI xmlns="{TEI_NS}"><text><body>' + "<p>Fine words.</p>" * 200 + "<p>broken</div>"
                   + "</body></text></TEI>", encoding="utf-8")
    old = tmp_path / "old.json"
    old.write_text("old\n", encoding="utf-8")
    for out in (old, tmp_path / "new" / "bad.json"):
        result = CliRunner().invoke(cli, ["export", str(bad), "--to", "standoff", "-o", str(out)])
        lines = result.output.strip().splitlines()
        assert result.exit_code == 1 and len(lines) == 1 and "bad.xml:1: not well-formed XML" in lines[0]
    assert old.read_text(encoding="utf-8") == "old\n" and not (tmp_path / "new").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xml", "old.json"]


def test_a_file_that_cannot_be_opened_is_one_line(tmp_path, monkeypatch):
    locked = tmp_path / "locked.xml"
    locked.write_text(f'<TEI xmlns="{TEI_NS}"><text><body><p>Words.</p></body></text></TEI>', encoding="utf-8")
    real_open = builtins.open

    def refusing(file, *args, **kwargs):
        if str(file) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing)
    with pytest.raises(SourceError, match="locked.xml: cannot be read: Permission denied"):
        export_file(locked, "standoff")

