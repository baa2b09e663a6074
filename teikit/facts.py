"""What the passes did, as typed records on `Document.facts`.

Each pass leaves one record; a pass that did not run leaves none (None), so the TEI
header (`tei.header`) declares only the policies that were applied, with their counts.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .model import Block, Line


class ExcludedLine(NamedTuple):
    n: int          #: source line number
    text: str       #: the line as read
    reason: str     #: why: the edition's reason, or the digitiser's notice it is


@dataclass(frozen=True, slots=True)
class BlocksDone:
    paragraphs: int
    footnotes: int
    line_per_paragraph: bool
    #: for `notes`: each footnote found at a page foot and where its marker stands (line, start, end, plain)
    footnote_markers: tuple[tuple[Block, tuple[Line, int, int, bool] | None], ...] = ()


@dataclass(frozen=True, slots=True)
class StructureDone:
    divs: int
    heads: int
    paragraphs: int
    datelines: int
    bylines: int
    openers: int
    closers: int
    speeches: int
    footnotes: int
    endnotes: int
    title_page: bool
    glued_tails_cut: int
    headless_divisions: int
    hyphen_junk_corrected: int
    running_heads_kept: int
    signatures_kept: int     #: signers' names in a heading's place, kept in the text


@dataclass(frozen=True, slots=True)
class PersonsDone:
    marked: int
    registered: int
    register: str
    policy: str


@dataclass(frozen=True, slots=True)
class DatesDone:
    marked: int
    calendar: str
    policy: str
    #: how many of the marked values the running date completed (written with cert="medium")
    inferred: int = 0


@dataclass(slots=True)
class Facts:
    """One record per pass, None until (unless) the pass runs; counts are by kind."""

    excluded: tuple[ExcludedLine, ...] = ()
    pages: int | None = None
    hyphenation: dict[str, int] | None = None
    blocks: BlocksDone | None = None
    structure: StructureDone | None = None
    corrections: dict[str, int] | None = None
    notes: dict[str, int] | None = None
    persons: PersonsDone | None = None
    dates: DatesDone | None = None
