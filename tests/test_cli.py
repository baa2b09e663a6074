"""The command line: bad input gets one clear line, a non-zero exit and no output file."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import EDITIONS
from teikit.cli import cli


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def one_line_error(result, code, fragment):
    assert result.exit_code == code, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("teikit: error:"), result.output
    assert fragment in lines[0]
    assert "Traceback" not in result.output


@pytest.fixture
def out(tmp_path):
    return tmp_path / "out.xml"


def test_missing_file(tmp_path, out):
    one_line_error(run("encode", tmp_path / "nope.txt", "-o", out), 1, "no such file")
    assert not out.exists()


def test_directory(tmp_path, out):
    one_line_error(run("encode", tmp_path, "-o", out), 1, "is a directory")
    assert not out.exists()


def test_empty_file(tmp_path, out):
    (tmp_path / "empty.txt").write_bytes(b"")
    one_line_error(run("encode", tmp_path / "empty.txt", "-o", out), 1, "empty")
    assert not out.exists()


def test_binary_file(tmp_path, out):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    one_line_error(run("encode", tmp_path / "image.txt", "-o", out), 1, "binary")
    assert not out.exists()


def test_not_utf8_names_byte_and_line_and_encoding_option_fixes_it(tmp_path, out):
    source = tmp_path / "latin.txt"
    source.write_bytes("A first line.\nThe caf\xe9 in Coyoac\xe1n.\n".encode("latin-1"))
    result = run("encode", source, "-o", out)
    one_line_error(result, 1, f"{source}:2:")
    assert "0xe9" in result.output and not out.exists()
    result = run("encode", source, "-o", out, "--encoding", "latin-1")
    assert result.exit_code == 0, result.output
    assert "café" in out.read_text(encoding="utf-8")


def test_malformed_edition_yaml_names_key_and_line(tmp_path, out):
    source = tmp_path / "s.txt"
    source.write_text("Some text.\n", encoding="utf-8")
    config = tmp_path / "edition.yaml"
    config.write_text("title: T\nauthor: A\ntitel: typo\n", encoding="utf-8")
    one_line_error(run("encode", source, "-c", config, "-o", out), 1, f"{config}:3: unknown key 'titel'")
    assert not out.exists()


def test_encode_picks_and_names_a_profile_without_config(tmp_path, out):
    source = tmp_path / "column.txt"
    source.write_text("A narrow newspa-\nper column of text,\nwith lines that are\nshort and hyphen-\nated.\n",
                      encoding="utf-8")
    result = run("encode", source, "-o", out)
    assert result.exit_code == 0, result.output
    assert "profile 'newspaper'" in result.output
    assert out.read_bytes().startswith(b"<?xml")


def test_encode_reads_the_edition_yaml_beside_the_source(out):
    result = run("encode", EDITIONS / "ico-red-army-purge" / "source.txt", "-o", out)
    assert result.exit_code == 0, result.output
    assert "profile" not in result.output.split("wrote")[0]
    assert "ico-red-army-purge" in out.read_text(encoding="utf-8")


def test_text_views_of_a_missing_or_broken_file(tmp_path):
    one_line_error(run("text", tmp_path / "nope.xml"), 1, "no such file")
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI><text><body><p>unclosed</body></TEI>", encoding="utf-8")
    one_line_error(run("text", broken), 1, f"{broken}:1: not well-formed XML")


def test_messages_lists_every_code():
    from teikit.messages import CODES

    result = run("messages")
    assert result.exit_code == 0
    assert result.output.splitlines() == [line for line in result.output.splitlines() if line.startswith("TK")]
    assert len(result.output.splitlines()) == len(CODES)
