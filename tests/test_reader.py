"""reader: bytes -> lines, and the one clear line for what cannot be text."""
from __future__ import annotations

import pytest

from teikit.errors import SourceError
from teikit.reader import decode_source, document_from_text, read_source, split_lines


def test_line_ends_of_every_kind_give_the_same_lines():
    assert split_lines("a\r\nb\rc\nd\n") == ["a", "b", "c", "d"]
    assert split_lines("one line") == ["one line"]


def test_lines_keep_their_numbers_and_blank_lines_are_marked():
    doc = document_from_text("first \n\n  third\n")
    assert [(line.n, line.kind, line.orig) for line in doc.lines] == [
        (1, "text", "first "), (2, "blank", ""), (3, "text", "  third")]
    assert doc.lines[0].text == "first"


def test_bom_is_not_text():
    assert decode_source("\ufeffHello".encode("utf-8"), "x.txt") == "Hello"


@pytest.mark.parametrize("data, expected", [
    (b"", "empty"),
    (b"  \n\n", "empty"),
    (b"abc\x00\x01\x02", "binary"),
])
def test_unusable_bytes_are_refused(data, expected):
    with pytest.raises(SourceError, match=expected):
        decode_source(data, "x.txt")


def test_a_byte_that_is_not_utf8_is_named_with_its_line():
    with pytest.raises(SourceError) as info:
        decode_source("line one\ncaf\xe9\n".encode("latin-1"), "x.txt")
    assert info.value.line == 2
    assert "0xe9" in str(info.value) and "--encoding" in str(info.value)
    assert decode_source("caf\xe9".encode("latin-1"), "x.txt", "latin-1") == "caf\xe9"


def test_unknown_encoding_is_a_clear_error():
    with pytest.raises(SourceError, match="unknown encoding"):
        decode_source(b"abc", "x.txt", "klingon")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(SourceError, match="no such file"):
        read_source(tmp_path / "nope.txt")
    with pytest.raises(SourceError, match="directory"):
        read_source(tmp_path)
