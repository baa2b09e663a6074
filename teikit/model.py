"""The one document model that flows from the reader through the passes to the writer.

The source's physical lines are kept to the end (`Document.lines`); passes annotate them
(furniture, page breaks, hyphenation) and group them into `Block`s. Inline markup is
stand-off: a `Mark` spans offsets of its block's `text`, in which each line break is one
"\n" character, so offsets never shift when a later pass adds markup. The passes that
search a block's reading text (`reading_view`: words joined over line ends, corrections
applied) share one view of it, kept on the block until it gains a line or a correction.
The TEI writer derives `<pb/>`, `<lb/>`, `<fw>` and the nesting of marks from this model alone.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import InitVar, dataclass, field
from enum import Enum
from itertools import accumulate, islice
from typing import Generic, TypeVar

from .facts import Facts
from .ocr import LINE_END_HYPHENS


class Hyphen(str, Enum):
    """How a line's last word continues on the next text line."""

    NONE = "none"          #: the line ends between two words
    JOIN = "join"          #: word split, hyphen lost by OCR: capital|ism
    PRINTED = "printed"    #: word split at a printed hyphen that is not part of it: Amer-|ican
    KEEP = "keep"          #: a compound broken at its own hyphen: self-|reliance
    RESTORE = "restore"    #: a compound whose hyphen OCR lost: so|called -> so-called


@dataclass(slots=True)
class Line:
    """One physical line of the source."""

    n: int                       #: 1-based line number in the source file
    orig: InitVar[str]           #: the line exactly as read, without its line end (`Line.orig`)
    kind: str = "text"           #: "text", "blank", "fw" (page furniture) or "excluded"
    fw_type: str | None = None   #: for furniture: "pageNum", "header", "footer"
    page_break: str | None = None  #: a page starts at this line; its printed number or ""
    hyphen: Hyphen = Hyphen.NONE   #: how the last word joins the next text line
    reason: str | None = None    #: why an excluded line is left out of the text
    continues: bool = False      #: the rest of a line split between two elements (a speech after
                                 #: its speaker's label): written without an lb of its own
    text: str = field(init=False, repr=False)  #: `orig` without trailing spaces, which are layout
    #: the trailing spaces: most lines of OCR end in one, and a space alone is a string Python
    #: shares, where a copy of the whole line would hold the text twice
    trailing: str = field(init=False, repr=False)

    def __post_init__(self, orig: str) -> None:
        self.text = orig.rstrip()
        self.trailing = orig[len(self.text):]


Line.orig = property(lambda line: line.text + line.trailing, doc="The line exactly as read, without its line end.")


#: who made an intervention teikit records (`choice/@resp`): the application in the header
RESP = "#teikit"


@dataclass(slots=True)
class Mark:
    """Stand-off inline markup over `Block.text[start:end]`.

    `tag` is the TEI element name and `attrs` its attributes, so the writer needs no
    per-pass code. Two tags are special: `choice` records a correction (`attrs["corr"]`
    is the corrected reading, the spanned text the `sic`), and a zero-width mark with
    `blocks` inserts whole blocks (a footnote placed at its point of attachment).
    """

    tag: str
    start: int
    end: int
    attrs: dict[str, str] = field(default_factory=dict)
    #: the blocks a zero-width mark inserts; none for most marks, which then share one empty tuple
    blocks: Sequence["Block"] = ()


@dataclass(slots=True)
class Block:
    """A paragraph-level element (`lines` set) or a container of blocks (`children`).

    `kind` is the TEI element name (`p`, `head`, `dateline`, `div`, `sp`, `note` ...).
    Leaf blocks own their lines in source order, furniture lines that fall inside them
    included; containers own only children.
    """

    kind: str
    lines: list[Line] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    marks: list[Mark] = field(default_factory=list)
    children: list["Block"] = field(default_factory=list)
    #: the reading view `reading_view` last built, with the numbers of lines and marks it read
    view: tuple["ReadingView", int, int] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text_lines(self) -> list[Line]:
        return [line for line in self.lines if line.kind == "text"]

    def first_text_lines(self, count: int) -> list[Line]:
        """The first `count` text lines, without listing the rest of a long block."""
        return list(islice((line for line in self.lines if line.kind == "text"), count))

    @property
    def last_text_line(self) -> Line | None:
        return next((line for line in reversed(self.lines) if line.kind == "text"), None)

    @property
    def text(self) -> str:
        """The block's text lines joined by "\n": the coordinate space of its marks."""
        return "\n".join(line.text for line in self.text_lines)

    def walk(self):
        """This block and every block below it, marks' inserted blocks included."""
        yield self
        for child in self.children:
            yield from child.walk()
        for mark in self.marks:
            for inner in mark.blocks:
                yield from inner.walk()


class Spans:
    """Whether a span overlaps one of some fixed spans, in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.max_end = list(accumulate((end for _, end in spans), max, initial=-1))

    def overlap(self, start: int, end: int) -> bool:
        return self.max_end[bisect_left(self.starts, end)] > start


T = TypeVar("T")


class Nearby(Generic[T]):
    """Things spanning offsets of one text (marks, claimed spans), filed under each stretch of
    STRETCH characters they touch, so that the few near a span are found as things are added,
    where a list would be read whole for each (quadratic in a paragraph's marks)."""

    STRETCH = 64

    def __init__(self) -> None:
        self.stretches: dict[int, list[T]] = {}

    def add(self, start: int, end: int, thing: T) -> None:
        for k in self._touched(start, end):
            self.stretches.setdefault(k, []).append(thing)

    def near(self, start: int, end: int) -> Iterator[T]:
        """Every thing that overlaps [start, end) or stands empty inside it, and some others
        (a thing may come more than once)."""
        for k in self._touched(start, end):
            yield from self.stretches.get(k, ())

    def _touched(self, start: int, end: int) -> range:
        return range(start // self.STRETCH, max(start, end - 1) // self.STRETCH + 1)


def marks_nearby(marks: list[Mark]) -> Nearby[Mark]:
    nearby: Nearby[Mark] = Nearby()
    for mark in marks:
        nearby.add(mark.start, mark.end, mark)
    return nearby


#: block kinds that hold blocks, never lines
CONTAINERS = frozenset(
    {"front", "body", "back", "div", "sp", "opener", "closer", "list", "item",
     "titlePage", "floatingText", "quote", "lg"}
)


@dataclass(slots=True)
class Document:
    """A source text on its way to TEI."""

    source: str                              #: file name as given, for messages
    lines: list[Line]                        #: every physical line, in order
    profile: str = "book"                    #: the kind of source (see profiles/)
    front: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    back: list[Block] = field(default_factory=list)
    persons: dict[str, dict] = field(default_factory=dict)  #: register entries, by id
    facts: Facts = field(default_factory=Facts)  #: what passes did, for the header

    def blocks(self):
        """Every block in document order, depth first."""
        for section in (self.front, self.body, self.back):
            for block in section:
                yield from block.walk()

    def leaves(self):
        """Blocks that hold lines."""
        return (block for block in self.blocks() if block.lines)

    def forget_reading_views(self) -> None:
        """Drop the reading views the passes shared (`reading_view`): the writer reads none."""
        for block in self.blocks():
            block.view = None

    def dump(self) -> str:
        """A stable text form of the model, for fixtures and for reading what a pass did.

        First the lines that are furniture or excluded or carry a page break or a join, then the
        blocks of front, body and back indented by depth, each leaf's lines as `| text`
        and each mark as `@tag[start:end] attrs "spanned text"`.
        """
        out = ["lines:"]
        for line in self.lines:
            notes = _line_notes(line)
            if notes:
                out.append(f"  {line.n}: {' '.join(notes)} | {line.text}")
        for name, section in (("front", self.front), ("body", self.body), ("back", self.back)):
            if section:
                out.append(f"{name}:")
                for block in section:
                    _dump_block(block, 1, out)
        return "\n".join(out) + "\n"


def _attrs(attrs: dict[str, str]) -> str:
    return "".join(f' {key}="{value}"' for key, value in sorted(attrs.items()))


def _line_notes(line: Line) -> list[str]:
    notes = [] if line.kind in ("text", "blank") else [line.kind + (f"={line.fw_type}" if line.fw_type else "")]
    if line.page_break is not None:
        notes.append(f'pb="{line.page_break}"')
    if line.hyphen is not Hyphen.NONE:
        notes.append(f"hyphen={line.hyphen.value}")
    if line.continues:
        notes.append("continues")
    return notes


def _dump_block(block: Block, depth: int, out: list[str]) -> None:
    """Append `block` and what it holds to `out`; an explicit stack keeps deep nesting safe."""
    stack: list[tuple[Block, int]] = [(block, depth)]
    while stack:
        block, depth = stack.pop()
        pad = "  " * depth
        out.append(f"{pad}{block.kind}{_attrs(block.attrs)}")
        for line in block.lines:
            out.append(f"{pad}  {line.n} | {line.text}" if line.kind == "text" else f"{pad}  {line.n} ({line.kind})")
        text = block.text if block.lines else ""
        inserted: list[tuple[Block, int]] = []
        for mark in sorted(block.marks, key=lambda m: (m.start, -m.end, m.tag)):
            spanned = text[mark.start:mark.end].replace("\n", "/")
            out.append(f'{pad}  @{mark.tag}[{mark.start}:{mark.end}]{_attrs(mark.attrs)} "{spanned}"')
            inserted.extend((inner, depth + 2) for inner in mark.blocks)
        children = [(child, depth + 1) for child in block.children] + inserted
        stack.extend(reversed(children))


class ReadingView:
    """A block's reading text (hyphenation joined, corrections applied) with a map back.

    Finders (persons, dates, markers) search `text`; `span(i, j)` turns a match into
    offsets of `Block.text`, where marks live. The map is kept as pieces, not per
    character, in arrays rather than tuples: `persons` holds a view of every block at once.
    """

    __slots__ = ("text", "_at", "_starts", "_ends", "_copied")

    def __init__(self, text: str, pieces: list[tuple[int, int, int, bool]]) -> None:
        """`pieces`: the reading text's non-empty pieces in order, as (reading offset, block
        start, block end, copied): a copied piece maps char by char, a replacement maps each
        char to its whole span."""
        self.text = text
        at, starts, ends, copied = zip(*pieces) if pieces else ((), (), (), ())
        self._at, self._starts, self._ends = array("q", at), array("q", starts), array("q", ends)
        self._copied = bytes(copied)

    def span(self, i: int, j: int) -> tuple[int, int]:
        return self.start(i), self.end(j - 1)

    def start(self, k: int) -> int:
        """The block offset where reading char `k` begins (negative `k` counts from the end)."""
        k, piece = self._piece(k)
        return self._starts[piece] + k - self._at[piece] if self._copied[piece] else self._starts[piece]

    def end(self, k: int) -> int:
        """The block offset just after reading char `k`."""
        k, piece = self._piece(k)
        return self._starts[piece] + k - self._at[piece] + 1 if self._copied[piece] else self._ends[piece]

    def at(self, offset: int) -> int:
        """The reading offset of block offset `offset`: where a replacement covering it begins."""
        piece = bisect_right(self._starts, offset) - 1
        return self._at[piece] + (offset - self._starts[piece] if self._copied[piece] else 0)

    def _piece(self, k: int) -> tuple[int, int]:
        """`k` counted from the start, and the index of the piece that holds it."""
        if k < 0:
            k += len(self.text)
        if not 0 <= k < len(self.text):
            raise IndexError("reading offset out of range")
        return k, bisect_right(self._at, k) - 1


def reading_view(block: Block, corrections: bool = True) -> ReadingView:
    """The reading text of a leaf block.

    A line end reads as a space, or as nothing where a word continues (a printed
    end-of-line hyphen is dropped; a lost compound hyphen is restored). With
    `corrections`, a `choice` mark reads as its `corr`.

    The view with corrections is kept on the block (`Block.view`) for the next pass that
    reads it (notes, persons, dates), and built again once the block has gained a line or
    a correction: passes settle a line's text and hyphen before making blocks, and
    afterwards only add lines and marks to a block, never change or remove one.
    """
    if corrections and block.view is not None:
        view, lines, marks = block.view
        if len(block.lines) == lines and len(block.marks) >= marks \
                and not any(mark.tag == "choice" for mark in islice(block.marks, marks, None)):
            block.view = (view, lines, len(block.marks))
            return view
    view = _built_view(block, corrections)
    if corrections:
        block.view = (view, len(block.lines), len(block.marks))
    return view


def _built_view(block: Block, corrections: bool) -> ReadingView:
    lines = block.text_lines
    source = "\n".join(line.text for line in lines)   # block.text
    # what replaces source[start:end] in the reading: (start, end, reading); line ends in order
    edits: list[tuple[int, int, str]] = []
    offset = 0
    for line in lines:
        offset += len(line.text)
        if offset < len(source):
            hyphen = line.hyphen
            if hyphen is Hyphen.NONE:
                edits.append((offset, offset + 1, " "))
            elif hyphen is Hyphen.PRINTED and source[offset - 1] in LINE_END_HYPHENS:
                edits.append((offset - 1, offset + 1, ""))
            elif hyphen is Hyphen.RESTORE:
                edits.append((offset, offset + 1, "-"))
            else:
                edits.append((offset, offset + 1, ""))
        offset += 1
    line_ends = len(edits)
    if corrections:
        for mark in block.marks:
            if mark.tag == "choice" and mark.end > mark.start:
                edits.append((mark.start, mark.end, mark.attrs["corr"]))
    if len(edits) > line_ends:
        edits.sort(key=lambda edit: (edit[0], -edit[1]))
    out: list[str] = []
    pieces: list[tuple[int, int, int, bool]] = []
    at = 0       # length of the reading text so far
    pos = 0
    for start, end, reading in edits:
        if start < pos:      # a line end inside a correction: the correction reads for both
            continue
        if start > pos:
            out.append(source[pos:start])
            pieces.append((at, pos, start, True))
            at += start - pos
        if reading:
            out.append(reading)
            pieces.append((at, start, end, False))
            at += len(reading)
        pos = end
    if pos < len(source):
        out.append(source[pos:])
        pieces.append((at, pos, len(source), True))
    return ReadingView("".join(out), pieces)
