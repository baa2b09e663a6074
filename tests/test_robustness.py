"""What real OCR pipelines and hostile files throw at teikit: it encodes or says why in one line.

Sources: line ends of every kind, a BOM, tabs, form feeds (pdftotext's page separator),
control characters, Windows-1252 and Latin-1 bytes, a megabyte on one line, one line
alone, XML's own special characters. Each goes through the CLI and must either give
TEI that validates and gives back the source's lines (the diplomatic round trip), or
fail with one clear line. Hostile TEI (entity bombs, external entities, XInclude, deep
nesting) must stay inert: bounded time, a clear error, nothing read from outside.
"""
from __future__ import annotations

import functools
import time

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit import TEI_NS
from teikit.cli import cli
from teikit.config import EditionConfig
from teikit.encode import encode_text, serialize
from teikit.reader import split_lines
from teikit.tei.reader import diplomatic_lines
from teikit.validate import check_bytes

NS = {"t": TEI_NS}


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def source_lines(text: str) -> list[str]:
    """What the diplomatic view must give back: non-blank lines, trailing spaces aside."""
    return [line.rstrip() for line in split_lines(text) if line.strip()]


def schema_problems(data: bytes) -> list[str]:
    return [f"{p.code}: {p.message}" for p in check_bytes(data, "out.xml")]


@functools.cache
def header_problems() -> frozenset[str]:
    """Problems a one-line document already has: they come from the header, not the text."""
    return frozenset(schema_problems(serialize(encode_text("Hello.").tree)))


def text_problems(data: bytes) -> list[str]:
    """Schema problems the text itself caused (header problems are test_minimal_document's)."""
    return [p for p in schema_problems(data) if p not in header_problems()]


def test_a_minimal_document_is_valid():
    assert not header_problems()


def assert_encodes(tmp_path, data: bytes, *options) -> bytes:
    """Encode `data` through the CLI; the TEI must be valid and give the source's lines back.

    The CLI's own validation is off so that a problem of the header (test_a_minimal_document_is_valid)
    does not hide what the text does.
    """
    source, out = tmp_path / "source.txt", tmp_path / "out.xml"
    source.write_bytes(data)
    result = run("encode", source, "-o", out, "--no-validate", *options)
    assert result.exit_code == 0, result.output
    tei = out.read_bytes()
    assert text_problems(tei) == []
    encoding = dict(zip(options[::2], options[1::2])).get("--encoding", "utf-8")
    text = data.decode("cp1252" if encoding == "auto" else encoding).removeprefix("\ufeff")
    assert diplomatic_lines(etree.ElementTree(etree.fromstring(tei))) == source_lines(text)
    return tei


def assert_one_line_error(result, *fragments):
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("teikit: error:"), result.output
    for fragment in fragments:
        assert fragment in lines[0]


PROSE = "The trial opened on January 23, 1937.\nTrotsky wrote from Mexico that the\ncharges were false.\n"


@pytest.mark.parametrize("line_end", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_every_line_end_gives_the_same_lines(tmp_path, line_end):
    tei = assert_encodes(tmp_path, PROSE.replace("\n", line_end).encode())
    assert b"\r" not in tei.split(b"<text")[1]


def test_a_bom_is_not_text(tmp_path):
    tei = assert_encodes(tmp_path, b"\xef\xbb\xbf" + PROSE.encode())
    assert "\ufeff".encode() not in tei


def test_tabs_and_control_characters_survive(tmp_path):
    tei = assert_encodes(tmp_path, b"Name\tDate\tPlace\nescape \x1b[0m bell \x07 vt \x0b end\n")
    assert b'<g type="ctrl" n="U+001B"/>' in tei and b'<g type="ctrl" n="U+000B"/>' in tei


def test_a_form_feed_starts_a_page(tmp_path):
    tei = assert_encodes(tmp_path, b"Page one ends here.\n\x0cPage two starts here.\nand goes on.\n\x0c\n\nPage three.\n")
    text = etree.fromstring(tei).find("t:text", NS)
    first_lines_of_pages = [pb.getnext().get("n") for pb in text.iter(f"{{{TEI_NS}}}pb")]
    assert first_lines_of_pages == ["2", "6"]


def test_xml_special_characters_are_text(tmp_path):
    tei = assert_encodes(tmp_path, b"a < b && c > d\n<p>not markup</p> ]]> &amp; &#x41;\n")
    assert b"&lt;p&gt;not markup" in tei


def test_a_file_of_one_line_without_line_end(tmp_path):
    assert_encodes(tmp_path, b"Only this line")


def test_a_megabyte_on_one_line(tmp_path):
    words = ("Moscow trial defendants confessed " * 30_000).encode()[:1_000_000]
    started = time.perf_counter()
    assert_encodes(tmp_path, words + b"\nnext line\n")
    assert time.perf_counter() - started < 60


CP1252 = "\u201cQuoted,\u201d he said \u2014 caf\xe9.\n".encode("cp1252")
LATIN1 = "Caf\xe9 cr\xe8me, na\xefve.\n".encode("latin-1")


def test_windows_1252_is_named_not_garbled(tmp_path):
    (tmp_path / "win.txt").write_bytes(CP1252)
    assert_one_line_error(run("encode", tmp_path / "win.txt", "-o", tmp_path / "out.xml"),
                          ":1:", "0x93", "--encoding cp1252")
    assert not (tmp_path / "out.xml").exists()


def test_latin1_is_named_not_garbled(tmp_path):
    (tmp_path / "latin.txt").write_bytes(LATIN1)
    assert_one_line_error(run("encode", tmp_path / "latin.txt", "-o", tmp_path / "out.xml"),
                          "0xe9", "--encoding latin-1")


@pytest.mark.parametrize("data, encoding", [(CP1252, "cp1252"), (CP1252, "auto"), (LATIN1, "latin-1")])
def test_a_named_or_detected_encoding_decodes(tmp_path, data, encoding):
    tei = assert_encodes(tmp_path, data, "--encoding", encoding)
    assert "\u201cQuoted,\u201d".encode() in tei or "Caf\xe9".encode() in tei


@pytest.mark.parametrize("data, fragment", [(b"", "empty"), (b"text\x00\x01binary", "binary")])
def test_what_is_not_text_is_refused(tmp_path, data, fragment):
    (tmp_path / "bad.txt").write_bytes(data)
    assert_one_line_error(run("encode", tmp_path / "bad.txt", "-o", tmp_path / "out.xml"), fragment)


def test_an_unknown_encoding_is_one_line(tmp_path):
    (tmp_path / "s.txt").write_bytes(b"text\n")
    assert_one_line_error(run("encode", tmp_path / "s.txt", "--encoding", "klingon"), "unknown encoding")


# ---------------------------------------------------------------- properties

#: OCR-ish tokens and the characters that break naive code: XML's specials, controls,
#: form feeds, Unicode line separators, combining marks, astral characters
ADVERSARIAL_TOKENS = st.sampled_from([
    "the", "Trotsky", "capital-", "ism", "Amer-", "ican", "1937", "13", "*", "[1]", "NOTES", "m uch",
    "<", ">", "&", "&amp;", "]]>", "<!--", "<?xml", '"', "'", "\t", "\x0c", "\x0b", "\x01", "\x1b", "\x7f",
    "\x85", "\u2028", "\u2029", "\ufeff", "\ufffd", "\u0301", "\U0001d400", "\u200b", "—", "-", "--",
    "January 23, 1937", "Dear Comrade,", "VISHINSKY:", "CHAPTER I", "1.", "\\", "$", "%",
])
ADVERSARIAL_LINE = st.one_of(
    st.lists(ADVERSARIAL_TOKENS, max_size=12).map(" ".join),
    st.lists(ADVERSARIAL_TOKENS, max_size=12).map("".join),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=40),
)
ADVERSARIAL_TEXT = st.builds(
    lambda lines, line_end, final: line_end.join(lines) + (line_end if final else ""),
    st.lists(ADVERSARIAL_LINE, min_size=1, max_size=30),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)
PROFILES = st.sampled_from(["book", "newspaper", "web", "markdown-book"])


def check_encoding_properties(text: str, profile: str) -> None:
    """Encoding never crashes, the TEI validates, and the diplomatic view gives the lines back."""
    if not text.strip():
        return
    tei = serialize(encode_text(text, EditionConfig(profile=profile)).tree)
    problems = text_problems(tei)
    assert not problems, f"invalid TEI: {problems[0] if problems else ''}"
    lines = diplomatic_lines(etree.ElementTree(etree.fromstring(tei)))
    assert lines == source_lines(text), "the diplomatic round trip differs"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ADVERSARIAL_TEXT, PROFILES)
def test_adversarial_text_encodes_validly_and_round_trips(text, profile):
    check_encoding_properties(text, profile)


# ---------------------------------------------------------------- hostile TEI

TEI_OPEN = f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body>'
TEI_CLOSE = "</body></text></TEI>"
LAUGHS = "".join(f'<!ENTITY l{i + 1} "{("&l%d;" % i) * 10}">' for i in range(9))
HOSTILE = {
    "entity-bomb": f'<!DOCTYPE TEI [<!ENTITY l0 "lol">{LAUGHS}]>{TEI_OPEN}<p>&l9;</p>{TEI_CLOSE}',
    "external-entity": f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>{TEI_OPEN}<p>&x;</p>{TEI_CLOSE}',
    "xinclude": TEI_OPEN.replace("<TEI ", '<TEI xmlns:xi="http://www.w3.org/2001/XInclude" ')
    + '<p><xi:include href="/etc/passwd" parse="text"/></p>' + TEI_CLOSE,
    "deep-nesting": TEI_OPEN + "<div>" * 100_000 + "<p>x</p>" + "</div>" * 100_000 + TEI_CLOSE,
    "nesting-within-parser-limits": TEI_OPEN + "<p>" + "<hi>" * 240 + "x" + "</hi>" * 240 + "</p>" + TEI_CLOSE,
}


@pytest.fixture(params=sorted(HOSTILE))
def hostile(request, tmp_path):
    path = tmp_path / f"{request.param}.xml"
    path.write_text(HOSTILE[request.param], encoding="utf-8")
    return path


@pytest.mark.parametrize("view", ["--diplomatic", "--reading"])
def test_text_of_hostile_tei_is_inert(hostile, view):
    started = time.perf_counter()
    result = run("text", view, hostile)
    assert time.perf_counter() - started < 10
    assert "root:" not in result.output and "lollollol" not in result.output
    assert "Traceback" not in result.output
    if result.exit_code:
        assert_one_line_error(result, hostile.name)


def test_validate_refuses_hostile_tei(hostile):
    from teikit.validate import validate_file

    problems = validate_file(hostile)
    assert problems and not any("root:" in p.message for p in problems)


def test_render_of_hostile_tei_is_inert(hostile, tmp_path):
    from teikit.errors import TeikitError
    from teikit.render import render_file

    try:
        html = render_file(hostile, tmp_path / "html").read_text(encoding="utf-8")
    except TeikitError as error:
        assert "\n" not in str(error)
    else:
        assert "root:" not in html and "lollollol" not in html
