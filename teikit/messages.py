"""Every message code teikit reports, in one table: code, level and what it means.

Codes are stable so that users can grep for them and silence them (`suppress:` in
edition.yaml). The hundreds say which part speaks: TK10x exclude, TK11x furniture, TK12x
dehyphenate, TK13x blocks, TK14x structure, TK15x corrections, TK16x notes, TK17x persons,
TK18x dates, TK3xx the TEI writer. `teikit messages` prints this table; a test checks
that every code the passes report is here, with the level they report it at.
"""
from __future__ import annotations

from typing import NamedTuple


class MessageCode(NamedTuple):
    code: str
    level: str      #: info or warning: odd text never stops the encoder
    meaning: str


CODES: tuple[MessageCode, ...] = (
    MessageCode("TK101", "warning", "an exclusion rule of the edition matched no line: nothing excluded"),
    MessageCode("TK102", "info", "lines excluded from the text: the edition's, or a digitiser's notices, with the reason"),
    MessageCode("TK111", "info", "a line looks like page furniture but does not fit the page sequence: kept as text"),
    MessageCode("TK112", "info", "a page number OCR misread (digit look-alikes), read as its place in the sequence says"),
    MessageCode("TK113", "info", "a running head without its page number, found by its recurrence"),
    MessageCode("TK114", "warning", "a page number does not follow the one before: the page is kept without its number"),
    MessageCode("TK115", "info", "a running head found beside the page number"),
    MessageCode("TK116", "warning", "a mark (a sheet's, a gathering's) stands where the sequence expects a missing page number: it starts that page"),
    MessageCode("TK117", "warning", "a page number OCR mangled past reading (not a digit look-alike), taken from the page sequence"),
    MessageCode("TK118", "warning", "a page whose number OCR lost is found where the sequence expects it, after the blank lines that part the document's pages"),
    MessageCode("TK119", "info", "a page without a printed number takes the one its neighbours leave for it"),
    MessageCode("TK121", "warning", "a word split at a line end could be one word or a compound: the printed form is kept"),
    MessageCode("TK122", "info", "a line ends with a hyphen but the next line does not go on with a word"),
    MessageCode("TK123", "info", "a hyphen at the end of a paragraph: not joined"),
    MessageCode("TK124", "info", "most lines carry no trailing space, so a missing one is not read as a split word"),
    MessageCode("TK130", "info", "how many paragraphs and footnotes the text has"),
    MessageCode("TK131", "info", "a footnote's opening number OCR misread, read from its place in the sequence"),
    MessageCode("TK132", "warning", "a footnote at the page foot has no marker above it: left where it is printed"),
    MessageCode("TK140", "info", "how many divisions, headings and endnotes the structure has"),
    MessageCode("TK141", "info", "a chapter label's numeral OCR misread, read from the sequence of the book's labels"),
    MessageCode("TK150", "info", "how many OCR corrections were recorded, by kind"),
    MessageCode("TK161", "warning", "a note has no marker in the text"),
    MessageCode("TK162", "info", "a note marker OCR misread, read from its place in the sequence"),
    MessageCode("TK163", "warning", "a note marker overlaps an OCR correction: not linked"),
    MessageCode("TK164", "warning", "two endnotes carry the same number"),
    MessageCode("TK165", "warning", "note markers found but no notes section"),
    MessageCode("TK166", "warning", "a note marker has no note in the notes section"),
    MessageCode("TK167", "warning", "a footnote has no marker before it: left where it is printed"),
    MessageCode("TK168", "warning", "a footnote sign in the text has no footnote"),
    MessageCode("TK169", "warning", "a doubtful note marker, taken by its place in the sequence and the words its note names"),
    MessageCode("TK170", "warning", "the person register named by the edition was not found"),
    MessageCode("TK171", "warning", "the statistical name recogniser is not installed: persons are found by the rules alone"),
    MessageCode("TK180", "warning", "an unknown calendar: dates are written without @calendar"),
    MessageCode("TK301", "warning", "two marks cross each other: the inner one is left out of the TEI"),
)

BY_CODE: dict[str, MessageCode] = {entry.code: entry for entry in CODES}


def table() -> str:
    """The codes as aligned text lines, for `teikit messages`."""
    return "\n".join(f"{entry.code}  {entry.level:<7}  {entry.meaning}" for entry in CODES)
