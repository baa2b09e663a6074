"""Source file -> Document: one Line per physical line, nothing interpreted yet.

Reading is strict about what cannot be text (a directory, binary data, bytes that are not
in the chosen encoding) and tolerant of everything else: line ends CRLF/CR/LF, a BOM,
tabs and control characters are kept as the reader found them. A form feed at the start
of a line (pdftotext's page separator) starts a page: the reader sets `page_break=""` on
the first text line at or after it and keeps the `\\f` in `Line.orig`, so the diplomatic
text stays exact (the writer writes it as `<g type="ctrl" n="U+000C"/>`).

    "end of page one\\n\\fPage two starts"
    -> Line(1, "end of page one"), Line(2, "\\fPage two starts", page_break="")

Encodings: UTF-8 by default, any Python codec by name, or `auto` (UTF-8 or UTF-16 with a
BOM, else UTF-8, else Windows-1252, else Latin-1). A file that is not UTF-8 is never
decoded by guess unless `auto` is asked for: the error says which encoding it looks like.
"""
from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from .errors import SourceError
from .model import Document, Line

#: the bytes Windows-1252 uses for curly quotes and dashes (0x91-0x97): in a file that is
#: not UTF-8 they betray Word/Windows text rather than Latin-1
CP1252_PUNCTUATION = frozenset(range(0x91, 0x98))
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
FORM_FEED = "\f"
#: the largest file read, in megabytes (TEIKIT_MAX_INPUT_MB sets it): a book is one or two
#: (a 1.2 MB book encodes in 110 MB of memory), so this leaves room and bounds the work
MAX_INPUT_MB = 64


def max_input_bytes() -> int:
    """The input size limit: TEIKIT_MAX_INPUT_MB megabytes, else MAX_INPUT_MB."""
    setting = os.environ.get("TEIKIT_MAX_INPUT_MB", "")
    try:
        megabytes = float(setting) if setting else MAX_INPUT_MB
    except ValueError:
        raise SourceError(f"TEIKIT_MAX_INPUT_MB must be a number of megabytes, not {setting!r}") from None
    return int(megabytes * 1_000_000)


def detect_encoding(data: bytes) -> str:
    """The encoding `--encoding auto` chooses: a BOM's, else the first of utf-8, cp1252, latin-1 that fits."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    for encoding in ("utf-8", "cp1252"):
        try:
            data.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            continue
    return "latin-1"


def likely_encoding(data: bytes) -> str:
    """What a file that failed to decode as UTF-8 probably is, for the error message."""
    if CP1252_PUNCTUATION.intersection(data) and detect_encoding(data) == "cp1252":
        return "cp1252"
    return "latin-1"


def decode_source(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """Decode bytes, or say which byte on which line is not `encoding` and what the file looks like."""
    if not data.strip():
        raise SourceError("the file is empty: there is no text to encode", file=name)
    if encoding.lower() == "auto":
        encoding = detect_encoding(data)
    if b"\x00" in data[:65536] and not encoding.lower().startswith("utf-16"):
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        raise SourceError("this looks like a binary file (NUL byte), not text", file=name, line=line)
    try:
        if not getattr(codecs.lookup(encoding), "_is_text_encoding", True):   # hex, zlib: bytes to bytes
            raise LookupError(encoding)
    except LookupError:
        raise SourceError(f"unknown encoding {encoding!r} (try utf-8, cp1252, latin-1 or auto)", file=name) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            f"byte 0x{data[exc.start]:02x} at column {col} is not valid {encoding}; the file looks like "
            f"{likely_encoding(data)}: try --encoding {likely_encoding(data)} (or --encoding auto)",
            file=name, line=line,
        ) from None
    return text.removeprefix("\ufeff")


def split_lines(text: str) -> list[str]:
    """Physical lines, whatever the line ends; a final line end makes no empty line.

    Only CR and LF end lines: a form feed, vertical tab or U+2028 stays inside its line
    (str.splitlines would split there and lose the character).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, or one line saying why there are none.

    Only a regular file is read (a device such as /dev/zero, a FIFO or a socket could give
    bytes forever or none ever), and only up to `max_input_bytes()`.
    """
    path, limit = Path(path), max_input_bytes()
    try:
        with open(path, "rb", opener=_open_without_blocking) as handle:
            info = os.fstat(handle.fileno())
            mode = info.st_mode
            if stat.S_ISDIR(mode):
                raise SourceError("is a directory, not a text file", file=str(path))
            if not stat.S_ISREG(mode):
                raise SourceError("is not a regular file (a device, pipe or socket), so it is not read",
                                  file=str(path))
            # sized by the file (a read of `limit` bytes would first reserve all of them)
            data = handle.read(min(limit, info.st_size) + 1)
    except FileNotFoundError:
        raise SourceError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise SourceError("is a directory, not a text file", file=str(path)) from None
    except OSError as exc:
        raise SourceError(f"cannot be read: {exc.strerror or exc}", file=str(path)) from None
    if len(data) > limit:
        raise SourceError(f"is larger than {limit // 1_000_000} MB, the input limit "
                          "(set TEIKIT_MAX_INPUT_MB to raise it)", file=str(path))
    return data


def _open_without_blocking(path: str, flags: int) -> int:
    """Open so that a FIFO with no writer does not hang the open itself (it is refused after)."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def read_source(path: str | Path, encoding: str = "utf-8", profile: str = "book") -> Document:
    data = read_bytes(path)
    return document_from_text(decode_source(data, str(path), encoding), str(path), profile)


def document_from_text(text: str, name: str = "<text>", profile: str = "book") -> Document:
    lines = []
    page_pending = False
    for n, raw in enumerate(split_lines(text), start=1):
        page_pending = page_pending or raw.startswith(FORM_FEED)
        line = Line(n=n, orig=raw, kind="text" if raw.strip() else "blank")
        if page_pending and line.kind == "text":
            line.page_break, page_pending = "", False
        lines.append(line)
    return Document(source=name, lines=lines, profile=profile)
