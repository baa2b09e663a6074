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
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
import yaml
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
    return [f"{p.code}: {p.text}" for p in check_bytes(data, "out.xml")]


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
    "FOR SALE—", "PELLWORTH—", "Photo by OSRIC GLASS",
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
@example("the Churchill\n!--\x85\x85$", "book")    # a name the model ends in NEL characters (fuzz_encode)
@example("the\n\nTrotsky\nPhoto by OSRIC GLASS", "newspaper")   # a caption after a closing name (fuzz_encode)
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
    assert problems and not any("root:" in p.text for p in problems)


def test_render_of_hostile_tei_is_inert(hostile, tmp_path):
    from teikit.errors import TeikitError
    from teikit.render import render_file

    try:
        html = render_file(hostile, tmp_path / "html").read_text(encoding="utf-8")
    except TeikitError as error:
        assert "\n" not in str(error)
    else:
        assert "root:" not in html and "lollollol" not in html


# ---------------------------------------------------------------- editions and TEI from others
#
# Editions and TEI are exchanged between projects: teikit must be safe to run on someone
# else's edition folder and file. Nothing escapes the output folder or the edition, no
# template runs Python, work stays bounded, and every refusal is one line.

import json          # noqa: E402
import re            # noqa: E402
import os            # noqa: E402
import stat          # noqa: E402
import subprocess    # noqa: E402
import sys           # noqa: E402
from pathlib import Path  # noqa: E402

from teikit.build import build_all  # noqa: E402
from teikit.tasks import encoded_problems  # noqa: E402
from teikit.config import load_config  # noqa: E402
from teikit.errors import ConfigError, TeikitError  # noqa: E402

EDITION_TEXT = "CHAPTER I\n\nThe trial opened in Moscow on January 23, 1937.\n"


def make_edition(root: Path, yaml_text: str, slug: str = "ed") -> Path:
    folder = root / "editions" / slug
    folder.mkdir(parents=True)
    (folder / "source.txt").write_text(EDITION_TEXT, encoding="utf-8")
    (folder / "edition.yaml").write_text(f"title: A Title\nprofile: book\n{yaml_text}", encoding="utf-8")
    return folder / "edition.yaml"


def files_outside_out(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if not p.is_relative_to(root / "out")}


def assert_build_fails_in_one_line(tmp_path, *fragments):
    before = files_outside_out(tmp_path)
    result = run("build", tmp_path / "editions", "-o", tmp_path / "out")
    assert result.exit_code == 1, result.output
    failed = [line for line in result.output.splitlines() if "FAILED" in line]
    assert len(failed) == 1 and "Traceback" not in result.output, result.output
    for fragment in fragments:
        assert fragment in failed[0], failed[0]
    assert files_outside_out(tmp_path) == before, "a file was written outside -o"
    return failed[0]


@pytest.mark.parametrize("slug", ["../../ESCAPED", "/tmp/ESCAPED-absolute", 'quo"te', "<b>", ".hidden", ""])
def test_an_unsafe_slug_is_refused_and_nothing_escapes(tmp_path, slug):
    make_edition(tmp_path, f"slug: {json.dumps(slug)}\n")
    assert_build_fails_in_one_line(tmp_path, "is not a safe name")
    assert not Path("/tmp/ESCAPED-absolute").exists()


def test_an_unsafe_folder_name_is_refused_as_a_slug(tmp_path):
    make_edition(tmp_path, "", slug="a<b")
    assert_build_fails_in_one_line(tmp_path, "is not a safe name")


@pytest.mark.parametrize("key", ["source", "register"])
def test_files_outside_the_edition_are_refused(tmp_path, key):
    secret = tmp_path / "secret.txt"
    secret.write_text("persons: []\n" if key == "register" else "The secret text.\n", encoding="utf-8")
    make_edition(tmp_path, f"{key}: {secret}\n")
    assert_build_fails_in_one_line(tmp_path, f"'{key}' names", "--allow-outside")
    make_edition(tmp_path / "two", f"{key}: ../../../secret.txt\n")
    assert_build_fails_in_one_line(tmp_path / "two", "outside the edition")


def test_a_shared_register_beside_the_editions_is_read(tmp_path):
    config = make_edition(tmp_path, "register: ../registers/persons.yaml\n")
    (tmp_path / "editions" / "registers").mkdir()
    (tmp_path / "editions" / "registers" / "persons.yaml").write_text("persons: []\n", encoding="utf-8")
    assert load_config(config).register == "../registers/persons.yaml"


def test_allow_outside_reads_the_file_and_says_so(tmp_path):
    secret = tmp_path / "elsewhere.txt"
    secret.write_text(EDITION_TEXT, encoding="utf-8")
    make_edition(tmp_path, f"source: {secret}\n")
    result = run("build", tmp_path / "editions", "-o", tmp_path / "out", "--allow-outside")
    assert result.exit_code == 0, result.output
    assert f"read {secret}, outside the edition" in result.output
    config = tmp_path / "editions" / "ed" / "edition.yaml"
    result = run("encode", config.parent / "source.txt", "-o", tmp_path / "o.xml", "--allow-outside")
    assert result.exit_code == 0 and f"reads {secret}, outside the edition" in result.output


def test_a_symlink_out_of_the_edition_is_outside(tmp_path):
    config = make_edition(tmp_path, "")
    (config.parent / "source.txt").unlink()
    outside = tmp_path / "outside.txt"
    outside.write_text(EDITION_TEXT, encoding="utf-8")
    (config.parent / "source.txt").symlink_to(outside)
    with pytest.raises(ConfigError, match="outside the edition"):
        load_config(config)
    (config.parent / "source.txt").unlink()
    (config.parent / "source.txt").write_text(EDITION_TEXT, encoding="utf-8")
    (tmp_path / "tpl").mkdir()
    (config.parent / "templates").symlink_to(tmp_path / "tpl")
    assert_build_fails_in_one_line(tmp_path, "templates folder leads outside")


PAYLOAD = "{{ cycler.__init__.__globals__.os.popen('touch %s').read() }}"


def test_an_editions_templates_cannot_run_python(tmp_path):
    marker = tmp_path / "pwned"
    config = make_edition(tmp_path, "")
    (config.parent / "templates").mkdir()
    (config.parent / "templates" / "edition.html").write_text(
        '{% extends "default:edition.html" %}{% block title %}' + PAYLOAD % marker + "{% endblock %}")
    line = assert_build_fails_in_one_line(tmp_path, "edition.html:1: template failed", "unsafe")
    assert not marker.exists(), line


def test_render_templates_cannot_run_python(tmp_path):
    marker = tmp_path / "pwned"
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "edition.html").write_text(PAYLOAD % marker)
    tei = tmp_path / "x.xml"
    tei.write_bytes(serialize(encode_text("Hello.").tree))
    assert_one_line_error(run("render", tei, "-o", tmp_path / "html", "--templates", tmp_path / "tpl"),
                          "template failed", "unsafe")
    assert not marker.exists()
    assert not (tmp_path / "html" / "x.html").exists()


ALIAS_BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(6)
) + f"suppress: [{', '.join(['*g'] * 9)}]\n"


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path):
    config = make_edition(tmp_path, ALIAS_BOMB)
    started = time.perf_counter()
    with pytest.raises(ConfigError, match="YAML expands to more than"):
        load_config(config)
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("yaml_text, fragments", [
    ("suppress: 5\n", ["edition.yaml:3:", "'suppress' must be a list"]),
    ("passes:\n  structure:\n    title_page: 'no'\n", ["edition.yaml:5:", "'title_page'", "true or false"]),
    ("passes:\n  structure:\n    front_heads: '(unclosed'\n", ["edition.yaml:5:", "'front_heads'", "regular expression"]),
    ("passes:\n  furniture:\n    max_page: 12.5\n", ["edition.yaml:5:", "'max_page'", "an integer"]),
    ("passes:\n  furniture:\n    max_page: true\n", ["'max_page'", "an integer"]),
    ("passes:\n  dehyphenate:\n    compound_heads: [1, 2]\n", ["'compound_heads'", "list of strings"]),
    ("passes:\n  furniture:\n    no_such: 1\n", ["edition.yaml:5:", "no option 'no_such'", "max_page"]),
    ("passes:\n  nopass: {}\n", ["edition.yaml:4:", "no pass named 'nopass'"]),
    ("passes:\n  structure: [1]\n", ["edition.yaml:4:", "mapping of options"]),
    ("passes:\n  exclude:\n    rules: [1]\n", ["'rules'", "set by the edition"]),
])
def test_a_wrong_option_is_one_line_naming_the_key(tmp_path, yaml_text, fragments):
    config = make_edition(tmp_path, yaml_text)
    assert_one_line_error(run("encode", config.parent / "source.txt", "-o", tmp_path / "o.xml"), *fragments)
    assert not (tmp_path / "o.xml").exists()


def test_options_of_the_right_type_are_taken(tmp_path):
    config = make_edition(tmp_path, "passes:\n  blocks:\n    full_width: 1\n  dehyphenate:\n"
                                    "    compound_heads: [self]\n  structure:\n    title_page: no\n")
    cfg = load_config(config)
    assert cfg.passes == {"blocks": {"full_width": 1.0}, "dehyphenate": {"compound_heads": ("self",)},
                          "structure": {"title_page": False}}
    assert isinstance(cfg.passes["blocks"]["full_width"], float)


@pytest.mark.parametrize("options, fragment", [
    (("--encoding", "hex"), "unknown encoding 'hex'"),
    (("--encoding", "zlib_codec"), "unknown encoding"),
])
def test_a_bytes_codec_is_no_text_encoding(tmp_path, options, fragment):
    (tmp_path / "s.txt").write_bytes(b"text\n")
    assert_one_line_error(run("encode", tmp_path / "s.txt", "-o", tmp_path / "o.xml", *options), fragment)


def quiet_source(folder: Path) -> Path:
    """A source with an edition.yaml beside it that names the profile (so encode says nothing else)."""
    (folder / "edition.yaml").write_text("title: T\nprofile: book\n", encoding="utf-8")
    (folder / "s.txt").write_bytes(b"text\n")
    return folder / "s.txt"


def test_output_naming_a_folder_is_one_line(tmp_path):
    (tmp_path / "folder").mkdir()
    assert_one_line_error(run("encode", quiet_source(tmp_path), "-o", tmp_path / "folder"), "is a folder")
    (tmp_path / "file").write_text("x")
    make_edition(tmp_path, "")
    assert_one_line_error(run("build", tmp_path / "editions", "-o", tmp_path / "file"), "is a file, not a folder")


def test_a_full_or_read_only_disk_is_one_line_and_no_partial_file(tmp_path, monkeypatch):
    import errno

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    source = quiet_source(tmp_path)
    monkeypatch.setattr(os, "replace", full)
    assert_one_line_error(run("encode", source, "-o", tmp_path / "o.xml"), "o.xml", "No space left")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["edition.yaml", "s.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_folder_is_one_line(tmp_path):
    (tmp_path / "ro").mkdir()
    (tmp_path / "ro").chmod(0o555)
    assert_one_line_error(run("encode", quiet_source(tmp_path), "-o", tmp_path / "ro" / "o.xml"), "cannot be written")


def test_a_bad_source_date_epoch_is_one_line(tmp_path, monkeypatch):
    (tmp_path / "s.txt").write_bytes(b"text\n")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "abc")
    result = run("encode", tmp_path / "s.txt", "-o", tmp_path / "o.xml")
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "SOURCE_DATE_EPOCH" in result.output


def test_a_broken_register_is_one_line(tmp_path):
    config = make_edition(tmp_path, "register: persons.yaml\n")
    (config.parent / "persons.yaml").write_text("persons:\n  - id: [a\n", encoding="utf-8")
    assert_one_line_error(run("encode", config.parent / "source.txt", "-o", tmp_path / "o.xml"),
                          "persons.yaml", "not valid YAML")


def test_what_is_not_a_regular_file_is_not_read(tmp_path):
    assert_one_line_error(run("encode", "/dev/zero", "-o", tmp_path / "o.xml"), "not a regular file")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    started = time.perf_counter()
    assert_one_line_error(run("encode", fifo, "-o", tmp_path / "o.xml"), "not a regular file")
    assert_one_line_error(run("text", fifo), "not a regular file")
    assert time.perf_counter() - started < 5


def test_a_source_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    (tmp_path / "big.txt").write_bytes(b"word " * 300_000)
    monkeypatch.setenv("TEIKIT_MAX_INPUT_MB", "1")
    assert_one_line_error(run("encode", tmp_path / "big.txt", "-o", tmp_path / "o.xml"),
                          "larger than 1 MB", "TEIKIT_MAX_INPUT_MB")
    assert_one_line_error(run("text", tmp_path / "big.txt"), "larger than 1 MB")
    monkeypatch.setenv("TEIKIT_MAX_INPUT_MB", "lots")
    assert_one_line_error(run("encode", tmp_path / "big.txt", "-o", tmp_path / "o.xml"), "TEIKIT_MAX_INPUT_MB")


@pytest.mark.parametrize("target, fragment", [("sub", "is a directory"), ("bin", "is not utf-8 text")])
def test_xinclude_of_a_folder_or_binary_is_one_line(tmp_path, target, fragment):
    (tmp_path / "sub").mkdir()
    (tmp_path / "bin").write_bytes(b"\xd1\xff\xfe binary")
    tei = tmp_path / "a.xml"
    tei.write_text(TEI_OPEN.replace("<TEI ", '<TEI xmlns:xi="http://www.w3.org/2001/XInclude" ')
                   + f'<p><xi:include href="{target}" parse="text"/></p>' + TEI_CLOSE, encoding="utf-8")
    assert_one_line_error(run("text", "--xinclude", tei), fragment)


def nested(depth: int, tag: str = "div") -> str:
    return TEI_OPEN + f"<{tag}>" * depth + "<p>deep</p>" + f"</{tag}>" * depth + TEI_CLOSE


@pytest.mark.parametrize("tag", ["div", "quote", "list"])
def test_nesting_up_to_the_parsers_limit_is_read_by_every_command(tmp_path, tag):
    tei = tmp_path / "deep.xml"
    tei.write_text(nested(250, tag), encoding="utf-8")
    for args in (("text", "--reading", tei), ("text", tei), ("export", tei, "--to", "webanno"),
                 ("export", tei, "--to", "markdown"), ("render", tei, "-o", tmp_path / "html")):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output[-500:])
    assert "deep" in (tmp_path / "html" / "deep.html").read_text(encoding="utf-8")


def test_nesting_past_the_parsers_limit_is_one_line(tmp_path):
    tei = tmp_path / "deeper.xml"
    tei.write_text(nested(300), encoding="utf-8")
    assert_one_line_error(run("text", tei), "nested more than 256 deep")


def test_a_huge_text_node_in_tei_from_elsewhere_is_one_line(tmp_path):
    tei = tmp_path / "huge.xml"
    tei.write_text(TEI_OPEN + "<p>" + "word " * 2_100_000 + "</p>" + TEI_CLOSE, encoding="utf-8")
    assert_one_line_error(run("text", tei), "huge.xml:1:", "longer than 10,000,000 characters")


def test_our_own_tei_with_a_huge_text_node_validates():
    small = serialize(encode_text("Hello there.").tree)
    huge = small.replace(b"Hello there.", b"Hello there. " * 850_000)
    assert encoded_problems(huge, "huge.xml") == []
    assert encoded_problems(huge.replace(b"</TEI>", b"<bad/></TEI>"), "huge.xml")


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_outputs_have_the_umasks_mode(tmp_path):
    old = os.umask(0o022)
    try:
        make_edition(tmp_path, "")
        assert run("build", tmp_path / "editions", "-o", tmp_path / "out").exit_code == 0
        written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
        assert written and {mode_of(p) for p in written} == {0o644}
        assert {mode_of(p) for p in (tmp_path / "out").rglob("*") if p.is_dir()} == {0o755}
        tei = tmp_path / "out" / "ed" / "ed.xml"
        assert run("export", tei, "--to", "text", "-o", tmp_path / "x.txt").exit_code == 0
        assert run("encode", tmp_path / "editions" / "ed" / "source.txt", "-o", tmp_path / "e.xml").exit_code == 0
        assert mode_of(tmp_path / "x.txt") == mode_of(tmp_path / "e.xml") == 0o644
    finally:
        os.umask(old)


def test_a_killed_builds_staging_leftovers_are_removed(tmp_path):
    make_edition(tmp_path, "")
    leftover = tmp_path / "out" / ".staging-k1ll3d"
    leftover.mkdir(parents=True)
    (leftover / "ed.xml").write_bytes(b"<TEI")
    build_all(tmp_path / "editions", tmp_path / "out")
    assert not list((tmp_path / "out").glob(".staging-*"))


def test_write_atomically_never_leaves_half_a_file(tmp_path):
    """A write cut off midway (here by a file size limit: a full disk) leaves the old file whole."""
    target = tmp_path / "out.xml"
    target.write_bytes(b"old content\n")
    script = (
        "import resource, signal, sys\n"
        "from teikit.files import write_atomically\n"
        "from teikit.errors import OutputError\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "try:\n"
        f"    write_atomically({str(target)!r}, b'new ' * 10_000)\n"
        "except OutputError as error:\n"
        "    print(error)\n"
        "    sys.exit(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert done.returncode == 3, done.stderr
    assert "out.xml: cannot be written" in done.stdout
    assert target.read_bytes() == b"old content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xml"]


DUPLICATE_IDS = (TEI_OPEN + '<p xml:id="a">first</p><p xml:id="a">second <persName ref="#a">Name</persName></p>'
                 + TEI_CLOSE)


@pytest.mark.parametrize("command", [("text",), ("text", "--reading"), ("export", "--to", "standoff")])
def test_duplicate_ids_are_read_and_reported(tmp_path, command):
    tei = tmp_path / "dup.xml"
    tei.write_text(DUPLICATE_IDS, encoding="utf-8")
    result = run(*command, tei)
    assert result.exit_code == 0, result.output
    assert "second" in result.output
    assert "dup.xml:1: xml:id 'a' is used more than once" in result.output


def test_render_reads_duplicate_ids(tmp_path):
    from teikit.render import render_file

    tei = tmp_path / "dup.xml"
    tei.write_text(DUPLICATE_IDS, encoding="utf-8")
    heard = []
    html = render_file(tei, tmp_path / "html", warn=heard.append).read_text(encoding="utf-8")
    assert "second" in html and len(heard) == 1 and "'a'" in heard[0]


UNSAFE_POINTERS = (TEI_OPEN + '<p><persName ref="javascript:alert(1) #good">A</persName> and '
                   '<persName ref="data:text/html,x">B</persName> and <persName ref="https://example.org/p">C'
                   '</persName> <ref target="javascript:alert(2)">link</ref></p>' + TEI_CLOSE)


@pytest.mark.parametrize("to", ["webanno", "standoff", "persons-csv"])
def test_exports_pass_only_relative_or_web_pointers(tmp_path, to):
    tei = tmp_path / "p.xml"
    tei.write_text(UNSAFE_POINTERS, encoding="utf-8")
    result = run("export", tei, "--to", to)
    assert result.exit_code == 0, result.output
    assert "javascript:" not in result.output and "data:" not in result.output
    assert "https://example.org/p" in result.output and "good" in result.output


def test_an_unsafe_base_uri_and_file_name_stay_out_of_web_annotations(tmp_path):
    tei = tmp_path / "javascript:alert(1).xml"
    tei.write_text(UNSAFE_POINTERS, encoding="utf-8")
    refused = run("export", tei, "--to", "webanno", "--base-uri", "javascript:x/")
    assert refused.exit_code == 2 and refused.output.count("\n") == 1 and "--base-uri" in refused.output
    result = run("export", tei, "--to", "webanno")
    assert result.exit_code == 0 and '"javascript:' not in result.output


def test_register_tei_drops_unsafe_pointers(tmp_path):
    tei = tmp_path / "r.xml"
    tei.write_text(TEI_OPEN + "<p>x</p></body><back><listPerson><person xml:id='p' sameAs='javascript:x()'>"
                   "<persName ref='https://example.org/q vbscript:y'>P</persName></person></listPerson></back>"
                   "</text></TEI>", encoding="utf-8")
    result = run("export", tei, "--to", "register-tei")
    assert result.exit_code == 0, result.output
    assert "javascript" not in result.output and "vbscript" not in result.output
    assert 'ref="https://example.org/q"' in result.output


INJECTION = '"><b>injected</b><x a="'


@pytest.mark.parametrize("attribute", [
    ("date", "when"), ("date", "from"), ("p", "rend"), ("p", "type"), ("note", "n"), ("persName", "ref"),
    ("gap", "reason"), ("foreign", "{http://www.w3.org/XML/1998/namespace}lang"), ("hi", "rend"),
    ("title", "level"), ("supplied", "reason"), ("anchor", "{http://www.w3.org/XML/1998/namespace}id"),
    ("ref", "target"), ("pb", "n"),
])
def test_attribute_values_are_escaped_in_the_html(tmp_path, attribute):
    """Any attribute value of TEI from elsewhere stays an attribute value: no element, no handler."""
    from lxml import html as lxml_html
    from teikit.render import render_file

    tag, name = attribute
    root = etree.fromstring(TEI_OPEN + "<p>before <seg/> after</p>" + TEI_CLOSE)
    seg = root.find(".//t:seg", NS)
    seg.tag = f"{{{TEI_NS}}}{tag}"
    seg.text = "content"
    seg.set(name, INJECTION + " onmouseover=alert(1) ")
    if tag == "p":
        seg.getparent().addnext(seg)
    tei = tmp_path / "inj.xml"
    tei.write_bytes(etree.tostring(root))
    page = lxml_html.fromstring(render_file(tei, tmp_path / "html").read_text(encoding="utf-8"))
    assert not page.xpath("//b | //x | //*[@onmouseover]")


# -- properties: any edition.yaml, any TEI: a result or one TeikitError, never a crash --

YAML_SCALARS = st.one_of(st.booleans(), st.integers(-5, 2000), st.floats(allow_nan=False, width=16),
                         st.sampled_from(["", "no", "(unclosed", "../x", "/etc/passwd", "a<b", "foot", "en"]),
                         st.text(max_size=8))
YAML_VALUES = st.recursive(YAML_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["a", "first", "reason", "title_page"]),
                                                 inner, max_size=3)), max_leaves=8)
CONFIG_KEYS = st.sampled_from(["slug", "title", "source", "register", "profile", "calendar", "suppress",
                               "exclude", "original", "encoding", "unknown"])
PASS_OPTIONS = st.sampled_from([("structure", "title_page"), ("structure", "front_heads"),
                                ("furniture", "max_page"), ("blocks", "full_width"),
                                ("dehyphenate", "compound_heads"), ("nopass", "x"), ("notes", "nope")])
EDITION_YAML = st.builds(
    lambda top, options: yaml.safe_dump({**top, "passes": {p: {k: v} for (p, k), v in options}} if options
                                        else top),
    st.dictionaries(CONFIG_KEYS, YAML_VALUES, max_size=4),
    st.lists(st.tuples(PASS_OPTIONS, YAML_VALUES), max_size=2),
)


def check_config_properties(yaml_text: str, folder: Path) -> None:
    """Any edition.yaml loads or is one ConfigError with the file named; no path escapes."""
    (folder / "edition.yaml").write_text(yaml_text, encoding="utf-8")
    try:
        cfg = load_config(folder / "edition.yaml")
    except ConfigError as error:
        assert "\n" not in str(error) and str(folder / "edition.yaml") in str(error)
        return
    assert not cfg.slug or "/" not in cfg.slug and not cfg.slug.startswith(".")
    for key in ("source", "register"):
        if getattr(cfg, key):
            assert cfg.path(getattr(cfg, key)).resolve().is_relative_to(folder.resolve().parent)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(EDITION_YAML)
@example('source: "\\0"\n')      # a path with a NUL in it (fuzz_encode): no file name holds one
def test_any_edition_yaml_loads_or_is_one_line(tmp_path_factory, yaml_text):
    check_config_properties(yaml_text, tmp_path_factory.mktemp("ed"))


TEI_TAGS = st.sampled_from(["p", "div", "head", "note", "lb", "pb", "hi", "persName", "date", "choice", "sic",
                            "corr", "ref", "list", "item", "fw", "app", "lem", "rdg", "gap", "anchor", "quote"])
TEI_ATTRS = st.dictionaries(st.sampled_from(["n", "when", "ref", "target", "place", "type", "rend", "break",
                                             "{http://www.w3.org/XML/1998/namespace}id"]),
                            st.sampled_from(["1", "a", "#a", "no", "end", "javascript:x", '"<b>', "1937-01-23", ""]),
                            max_size=2)
TEI_TREES = st.recursive(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=6),
    lambda inner: st.tuples(TEI_TAGS, TEI_ATTRS, st.lists(inner, max_size=3)), max_leaves=20)


def tei_from(node, parent) -> None:
    if isinstance(node, str):
        last = parent[-1] if len(parent) else None
        if last is None:
            parent.text = (parent.text or "") + node
        else:
            last.tail = (last.tail or "") + node
        return
    tag, attrs, children = node
    element = etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", attrs)
    for child in children:
        tei_from(child, element)


def check_tei_properties(tree_spec, folder: Path) -> None:
    """Any TEI: text, export and render give a result or one TeikitError line, never a crash."""
    from teikit.export import FORMATS, export_tei
    from teikit.render import render_file
    from teikit.tei.reader import parse_tei, reading_paragraphs

    root = etree.fromstring(TEI_OPEN + TEI_CLOSE)
    tei_from(tree_spec, root.find(".//t:body", NS))
    path = folder / "any.xml"
    path.write_bytes(etree.tostring(root))
    jobs = [lambda: diplomatic_lines(parse_tei(path)), lambda: reading_paragraphs(parse_tei(path)),
            lambda: render_file(path, folder / "html").read_text(encoding="utf-8"),
            *(lambda to=to: export_tei(parse_tei(path), to) for to in FORMATS if not to.startswith("register"))]
    for job in jobs:
        try:
            output = str(job())
        except TeikitError as error:
            assert "\n" not in str(error)
            continue
        # a pointer that could run script never becomes a link or an IRI
        assert not re.search(r'(href|"source"|"id")\s*[=:]\s*"\s*javascript:', output), output


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEI_TREES)
def test_any_tei_is_read_or_refused_in_one_line(tmp_path_factory, tree_spec):
    check_tei_properties(tree_spec, tmp_path_factory.mktemp("tei"))


@pytest.mark.parametrize("tag", ["div", "hi", "persName"])
def test_the_text_views_walk_without_pythons_stack(tag):
    """Reading and diplomatic views (and so every export) iterate: depth costs no frames."""
    import inspect

    from teikit.tei.reader import reading_paragraphs

    tree = etree.ElementTree(etree.fromstring(nested(250, tag).replace("<p>deep</p>", "deep")
                                              if tag != "div" else nested(250)))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 80)
    try:
        paragraphs, lines = reading_paragraphs(tree), diplomatic_lines(tree)
    finally:
        sys.setrecursionlimit(limit)
    assert paragraphs == ["deep"] and lines == ["deep"]


def test_nested_empty_spans_of_one_kind_are_read():
    """Found by fuzzing: two empty persNames are equal Spans, so closing one closed the other."""
    from teikit.tei.reader import reading_text

    tree = etree.ElementTree(etree.fromstring(TEI_OPEN + "<p>a <persName><persName/></persName> b</p>" + TEI_CLOSE))
    spans = reading_text(tree).spans
    assert [(s.kind, s.start, s.end) for s in spans] == [("person", 1, 1), ("person", 1, 1)]


def test_a_build_renders_its_own_tei_with_a_huge_text_node(tmp_path):
    from teikit.render import render_file

    tei = tmp_path / "huge.xml"
    tei.write_bytes(serialize(encode_text("Hello there.").tree).replace(b"Hello there.", b"Hello there. " * 850_000))
    with pytest.raises(TeikitError, match="longer than 10,000,000"):
        render_file(tei, tmp_path / "html")
    assert render_file(tei, tmp_path / "html", ours=True).stat().st_size > 10_000_000


def test_a_running_builds_staging_folder_is_left_alone(tmp_path):
    """Two builds into one folder at once: the second must not remove the first's staging."""
    import socket
    from teikit.build import STAGING_PREFIX, is_leftover

    out = tmp_path / "out"
    running = out / f"{STAGING_PREFIX}{socket.gethostname()}-{os.getpid()}-abc123"
    running.mkdir(parents=True)
    other_host = out / f"{STAGING_PREFIX}another-host-7-abc123"
    other_host.mkdir()
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = out / f"{STAGING_PREFIX}{socket.gethostname()}-{gone.stdout.strip()}-abc123"
    dead.mkdir()
    assert (is_leftover(running), is_leftover(other_host), is_leftover(dead)) == (False, False, True)
    make_edition(tmp_path, "")
    build_all(tmp_path / "editions", out)
    assert sorted(p.name for p in out.glob(STAGING_PREFIX + "*")) == sorted([running.name, other_host.name])
