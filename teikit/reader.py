"""Source file -> Document: one Line per physical line, nothing interpreted yet.

Reading is strict about what cannot be text (a directory, binary data, bytes that are not
in the chosen encoding) and tolerant of everything else: line ends CRLF/CR/LF, a BOM,
form feeds (pdftotext's page separator) are kept as the reader found them.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from .errors import SourceError
from .model import Document, Line


def decode_source(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """Decode bytes, or say which byte on which line is not `encoding`."""
    if not data.strip():
        raise SourceError("the file is empty: there is no text to encode", file=name)
    if b"\x00" in data[:65536] and not encoding.lower().startswith("utf-16"):
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise SourceError("this looks like a binary file (NUL byte), not text", file=name, line=line)
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise SourceError(f"unknown encoding {encoding!r} (try utf-8, cp1252 or latin-1)", file=name) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            f"byte 0x{data[exc.start]:02x} at column {col} is not valid {encoding}; "
            f"name the file's encoding with --encoding (e.g. cp1252 or latin-1)",
            file=name, line=line,
        ) from None
    return text.removeprefix("\ufeff")


def split_lines(text: str) -> list[str]:
    """Physical lines, whatever the line ends; a final line end makes no empty line."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_source(path: str | Path, encoding: str = "utf-8", profile: str = "book") -> Document:
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise SourceError("no such file", file=name)
    if path.is_dir():
        raise SourceError("is a directory, not a text file", file=name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot be read: {exc.strerror}", file=name) from None
    return document_from_text(decode_source(data, name, encoding), name, profile)


def document_from_text(text: str, name: str = "<text>", profile: str = "book") -> Document:
    lines = []
    for n, raw in enumerate(split_lines(text), start=1):
        kind = "text" if raw.strip() else "blank"
        lines.append(Line(n=n, orig=raw, kind=kind))
    return Document(source=name, lines=lines, profile=profile)
