"""TEI -> text views: the diplomatic lines of the source and the reading text with its spans.

Works on teikit's TEI and on other projects' (TEI Lite, simplePrint, diplomatic
transcriptions, namespace-less TEI): the diplomatic view keeps what the source showed (sic,
orig, abbr, printed hyphens, furniture) and drops what an editor added (corr, reg, expan,
supplied); the reading view does the opposite and leaves furniture out. Lines are split at
`lb`, `fw` and block elements; when the `lb`s carry increasing numeric `@n` (teikit writes
source line numbers there) lines come back in source order, so a footnote moved to its point
of attachment returns to where the source printed it.

What is read and what is not (hyphens at line ends, choice, app, furniture, entities) is
decided by the shared rules in `tei/rules.py`, which the HTML renderer follows too.

The reading view also records where persons, dates, notes and corrections stand in the
reading text, so stand-off exports (JSON, Web Annotation, CSV, Markdown) share one walk,
of a parsed tree (`reading_text`) or of a file as it is parsed (`file_reading_text`):

    <p><lb n="7"/>where <persName ref="#trotsky">Leon Trotsky</persName> Amer-<lb n="8"/>ican</p>
    -> text "where Leon Trotsky American",
       Span("person", 6, 18, {"ref": "#trotsky"}, line="7", page=None)
"""
from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .. import TEI_NS, XML_ID, T
from ..errors import SourceError
from ..reader import max_input_bytes, read_bytes
from .growing import GrowingTree, drop_before, move_into_namespace
from .rules import (
    NOT_READ, XML_LANG, LineEnds, app_readings, choice_sides, entity_text, is_ocr_correction,
    is_printed_line_end_hyphen, is_source_markup, line_indent, local_name, sign_printed_twice, source_side_breaks,
)
from .walk import BETWEEN_WORDS, DROPPED_HYPHEN, ENTITY, START, TAIL, TEXT, Walk, WholeTree, line_end

XI = "{http://www.w3.org/2001/XInclude}"

#: elements whose content starts a new line / paragraph
BLOCKS = frozenset(
    T + name for name in (
        "p", "head", "dateline", "byline", "salute", "signed", "speaker", "item", "l", "ab",
        "note", "titlePart", "docImprint", "trailer", "argument", "epigraph",
        "bibl", "cell", "row", "fw", "div", "lg", "sp", "opener", "closer", "list", "quote", "titlePage",
        "docTitle", "front", "body", "back", "table", "figure", "postscript", "div1", "div2", "div3",
        "div4", "div5", "div6", "div7", "group", "text", "castList", "castItem", "stage", "listBibl",
    )
)
#: phrase-level elsewhere, blocks only in these parents: a list's label (glossary, chronology),
#: not a note's number; a title page's date and author, not an imprint's
BLOCK_ONLY_IN = {T + "label": {T + "list"}, T + "docDate": {T + "titlePage", T + "front", T + "back"},
                 T + "docAuthor": {T + "titlePage", T + "front", T + "back"}}
DIVS = frozenset(T + name for name in ("div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"))
#: where a note stands on its own (an endnote) rather than at a point of attachment in running text
STRUCTURAL = DIVS | frozenset(T + n for n in ("body", "front", "back", "text", "group", "listBibl"))
#: editorial additions: left out of the diplomatic view
EDITORIAL = frozenset(T + n for n in ("corr", "reg", "expan", "supplied", "ex"))
#: never read (rules.NOT_READ); the diplomatic view keeps the furniture, which the source printed
NOT_READ_TAGS = frozenset(T + n for n in NOT_READ) | {XI + "include", XI + "fallback"}
NOT_DIPLOMATIC = NOT_READ_TAGS - {T + "fw"}
#: the reading of a choice -> the correction type exchanged for it
CORRECTION_TYPES = {"corr": "sic", "reg": "orig", "expan": "abbr"}
PERSON_TAGS = frozenset({T + "persName"})
NAMED_TAGS = frozenset({T + "name", T + "rs"})
#: what an xml:id must be (TEI from elsewhere, read without checking ids, may hold anything)
NCNAME = re.compile(r"[^\W\d][\w.\-]*")
ITALIC_REND = re.compile(r"(?:^|[\s#:])(?:i|it|italics?|italic)(?:$|\s)")


#: what libxml2 refuses in a file it was not told to trust (no huge_tree), said plainly
PARSER_LIMITS = (
    ("Excessive depth", "elements are nested more than 256 deep, the limit for TEI from elsewhere"),
    ("huge text node", "a text node is longer than 10,000,000 characters, the limit for TEI from elsewhere"),
    ("Text node too long", "a text node is longer than 10,000,000 characters, the limit for TEI from elsewhere"),
)


def parse_tei(path, *, xinclude: bool = False, ours: bool = False) -> etree._ElementTree:
    """Parse safely: no entities expanded, no network, no DTD, no huge trees (unless the file
    is `ours`, just written by teikit); only a regular file within the input size limit
    (`reader.read_bytes`).

    TEI from other projects may repeat an xml:id: it is read all the same (the first wins
    where a link is followed) and `duplicate_ids` says where. With `xinclude`, XIncludes
    are followed, but only to files in the document's own folder.
    """
    tree = _parse_file(Path(path), huge_tree=ours)
    if xinclude:
        folder = Path(path).resolve().parent
        _follow_xincludes(tree.getroot(), Path(path).resolve(), folder, depth=0)
    return tree


def _parse_file(path: Path, huge_tree: bool = False) -> etree._ElementTree:
    parser = etree.XMLParser(**_safe_parsing(huge_tree))
    data = read_bytes(path)
    try:
        return etree.ElementTree(etree.fromstring(data, parser, base_url=str(path)))
    except etree.XMLSyntaxError as exc:
        raise _not_read(exc, path) from None


#: bytes of a file parsed at a time by `iterparse_tei` (lxml's own iterparse ignores
#: collect_ids=False, and so refuses a file that repeats an xml:id)
READ_PIECE = 1 << 16


def iterparse_tei(path, *, ours: bool = False) -> Iterator[tuple[str, etree._Element]]:
    """The start and end events of a file as it is read, parsed as safely as `parse_tei`
    and refused for the same reasons (not a regular file, over the input size limit). The
    tree is built as the events come: a reader done with part of it may clear it."""
    path = Path(path)
    if not path.is_file() or path.stat().st_size > max_input_bytes():
        read_bytes(path)   # says why the file is not read
    parser = etree.XMLPullParser(events=("start", "end"), **_safe_parsing(huge_tree=ours))
    try:
        handle = open(path, "rb")
    except OSError:
        read_bytes(path)   # says why the file cannot be read
        raise
    with handle:
        yield from _events(handle, parser, path)


def iterparse_bytes(data: bytes, name: str, *, ours: bool = False) -> Iterator[tuple[str, etree._Element]]:
    """`iterparse_tei` of bytes in memory (TEI just written), named `name` in messages."""
    parser = etree.XMLPullParser(events=("start", "end"), **_safe_parsing(huge_tree=ours))
    yield from _events(io.BytesIO(data), parser, Path(name))


def _events(handle, parser: etree.XMLPullParser, path: Path) -> Iterator[tuple[str, etree._Element]]:
    try:
        for data in iter(lambda: handle.read(READ_PIECE), b""):
            parser.feed(data)
            yield from parser.read_events()
        parser.close()
        yield from parser.read_events()
    except etree.XMLSyntaxError as exc:
        raise _not_read(exc, path) from None


def _safe_parsing(huge_tree: bool) -> dict:
    return {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": huge_tree,
            "collect_ids": False}


def _not_read(exc: etree.XMLSyntaxError, path: Path) -> SourceError:
    message = next((said for found, said in PARSER_LIMITS if found in exc.msg), f"not well-formed XML: {exc.msg}")
    return SourceError(message, file=str(path), line=exc.lineno)


def duplicate_ids(tree: etree._ElementTree) -> list[tuple[str, int | None]]:
    """Each xml:id used more than once, with the line of its second use."""
    return repeated_ids((element.get(XML_ID), element.sourceline) for element in tree.getroot().xpath("//*[@xml:id]"))


def repeated_ids(ids: Iterable[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    """Of (xml:id, line) pairs in document order, each id met again, with the line of its second use."""
    seen: set[str] = set()
    found: dict[str, int | None] = {}
    for value, line in ids:
        if value in seen and value not in found:
            found[value] = line
        seen.add(value)
    return list(found.items())


def duplicate_id_warnings(tree: etree._ElementTree, name: str) -> list[str]:
    """One line per xml:id used twice (validate reports them as errors; reading goes on)."""
    return repeated_id_warnings(duplicate_ids(tree), name)


def repeated_id_warnings(repeated: list[tuple[str, int | None]], name: str) -> list[str]:
    """The warning lines for `repeated_ids` found in the file `name`."""
    return [f"teikit: warning: {name}:{line}: xml:id {value!r} is used more than once; links go to the first"
            for value, line in repeated]


def _follow_xincludes(root, path: Path, folder: Path, depth: int) -> None:
    """Replace each xi:include by what it points to, refusing anything outside `folder`."""
    if depth > 10:
        raise SourceError("XIncludes nested more than 10 deep (a loop?)", file=str(path))
    for include in list(root.iter(XI + "include")):
        href = include.get("href", "")
        target = (path.parent / href).resolve()
        if re.match(r"[A-Za-z][\w+.-]*:", href) or not target.is_relative_to(folder):
            raise SourceError(f"XInclude of '{href}' refused: only files in {folder} are followed",
                              file=str(path), line=include.sourceline)
        fallback = include.find(XI + "fallback")
        if not target.is_file() and fallback is not None:
            replacement = [fallback.text or "", *fallback]
        elif include.get("parse") == "text":
            replacement = [_included_text(target, include.get("encoding", "utf-8"), path, include.sourceline)]
        else:
            included = _parse_file(target).getroot()
            _follow_xincludes(included, target, folder, depth + 1)
            pointer = include.get("xpointer")
            if pointer:
                wanted = re.sub(r"^element\((.*)\)$", r"\1", pointer)
                included = next(iter(included.xpath("//*[@xml:id=$id]", id=wanted)), None)
                if included is None:
                    raise SourceError(f"XInclude xpointer '{pointer}' not found in {href}",
                                      file=str(path), line=include.sourceline)
            replacement = [included]
        _replace(include, replacement)


def _included_text(target: Path, encoding: str, path: Path, line: int | None) -> str:
    """A text file an XInclude with parse="text" names, or one line saying why it cannot be."""
    data = read_bytes(target)
    try:
        return data.decode(encoding)
    except LookupError:
        raise SourceError(f"XInclude of '{target.name}' names an unknown encoding {encoding!r}",
                          file=str(path), line=line) from None
    except UnicodeDecodeError:
        raise SourceError(f"XInclude of '{target.name}' is not {encoding} text", file=str(path), line=line) from None


def _replace(elem, replacement: list) -> None:
    """Put text and elements where `elem` stood, keeping its tail."""
    parent, tail = elem.getparent(), elem.tail or ""
    previous = elem.getprevious()
    position = parent.index(elem)
    parent.remove(elem)
    texts = "".join(r for r in replacement if isinstance(r, str))
    elements = [r for r in replacement if not isinstance(r, str)]
    if previous is None:
        parent.text = (parent.text or "") + texts
    else:
        previous.tail = (previous.tail or "") + texts
    for offset, node in enumerate(elements):
        parent.insert(position + offset, node)
    if elements:
        elements[-1].tail = (elements[-1].tail or "") + tail
    elif previous is None:
        parent.text += tail
    else:
        previous.tail += tail


def tei_document(tree: etree._ElementTree):
    """The root element, with namespace-less (old) TEI moved into the TEI namespace in place."""
    root = tree.getroot()
    if not root.tag.startswith("{"):
        move_into_namespace(root.iter(), T)
    return root


def text_root(tree: etree._ElementTree):
    """The outermost <text> (TEI namespace, or none for namespace-less TEI)."""
    root = tei_document(tree)
    found = root if root.tag == T + "text" else root.find(f".//{T}text")
    if found is None:
        raise SourceError("no <text> element: is this a TEI document?", file=tree.docinfo.URL or "")
    return found


def _is_block(elem) -> bool:
    if elem.tag in BLOCK_ONLY_IN:
        return elem.getparent() is not None and elem.getparent().tag in BLOCK_ONLY_IN[elem.tag]
    return elem.tag in BLOCKS


def _formatting(text: str | None) -> bool:
    """Whitespace with a newline between blocks is the file's layout, never a source line's."""
    return not (text or "").strip() and "\n" in (text or "")


# --- the diplomatic view ---------------------------------------------------------------

@dataclass
class _Line:
    key: float
    parts: list[str] = field(default_factory=list)


class _Diplomatic:
    def __init__(self, numbered: bool):
        self.lines: list[_Line] = []
        self.stack: list[tuple[_Line, float]] = []
        self.current = _Line(0.0)
        self.last_key = 0.0
        self.numbered = numbered

    def new_line(self, n: str | None = None, before: float | None = None) -> None:
        """A line numbered `n`, or one after the last; furniture goes just `before` the next lb's line."""
        if self.numbered and n is not None and n.isdigit():
            key = float(n)
        elif self.numbered and before is not None and self.last_key < before - 0.5:
            key = before - 0.5
        else:
            key = self.last_key + 1e-4
        self.last_key = key
        self.current = _Line(key)
        self.lines.append(self.current)

    def add(self, text: str | None) -> None:
        """Without source line numbers, a newline in the text is the file's layout: a space."""
        if text:
            self.current.parts.append(text if self.numbered else re.sub(r"\s*\n\s*", " ", text))

    def result(self) -> list[str]:
        if self.numbered:
            out = ["".join(line.parts).rstrip() for line in sorted(self.lines, key=lambda line: line.key)]
        else:
            out = ["".join(line.parts).strip() for line in self.lines]
        return [line for line in out if line.strip()]


def _numbered_by_source_line(root) -> bool:
    """True when every lb/@n is a number increasing through the running text (teikit's source
    line numbers); numbers that restart on each page or column are kept in document order."""
    numbers = (root.xpath(".//t:lb[not(ancestor::t:note)]/@n", namespaces={"t": TEI_NS})
               or root.xpath(".//t:lb/@n", namespaces={"t": TEI_NS}))   # a text that is all notes
    every_lb = root.xpath("count(.//t:lb)", namespaces={"t": TEI_NS})
    all_lb_n = root.xpath("count(.//t:lb[@n])", namespaces={"t": TEI_NS})
    if not numbers or every_lb != all_lb_n or not all(n.isdigit() for n in numbers):
        return False
    values = [int(n) for n in numbers]
    return all(a < b for a, b in zip(values, values[1:]))


def _line_after_furniture(root) -> dict:
    """fw -> the number of the next lb: the writer puts furniture just before the line that
    follows it in the source, even after an endnote or a footnote moved to its anchor."""
    following, after = {}, float("inf")
    for elem in reversed(list(root.iter(T + "lb", T + "fw"))):
        if elem.tag == T + "fw":
            following[elem] = after
        elif (elem.get("n") or "").isdigit():
            after = float(elem.get("n"))
    return following


def diplomatic_lines(tree: etree._ElementTree) -> list[str]:
    """The source's non-blank lines, as the source printed them (trailing spaces aside)."""
    root = text_root(tree)
    numbered = _numbered_by_source_line(root)
    view = _Diplomatic(numbered)
    next_numbered_line = _line_after_furniture(root) if numbered else {}
    # with source line numbers only lb and fw start lines, and a line split between
    # elements (speaker label and speech) reads as one
    def starts_line(elem) -> bool:
        return elem.tag == T + "fw" or not numbered and _is_block(elem)

    pending_sign = ""       # a footnote's sign, printed again at the start of the note's text
    walk = Walk(root)
    for event, elem in walk:
        if event == ENTITY:
            view.add(entity_text(elem))
        elif event == TEXT:
            if not (numbered and _is_block(elem) and _formatting(elem.text)):
                view.add(elem.text)
        elif event == TAIL:
            if not (numbered and _is_block(elem) and _formatting(elem.tail)):
                view.add(elem.tail)
        elif elem.tag in EDITORIAL or elem.tag in NOT_DIPLOMATIC:
            if event == START:
                walk.skip()
        elif event == START:
            tag = elem.tag
            if tag == T + "note":
                pending_sign = sign_printed_twice(elem)
                view.add(pending_sign)                  # the marker, at the anchor
                view.stack.append((view.current, view.last_key))
                first = next(iter(elem), None)
                if pending_sign and ((elem.text or "").strip() or first is None
                                     or local_name(first) not in ("lb", "pb", "fw")):
                    view.add(pending_sign)
                    pending_sign = ""
            if tag == T + "lb" or starts_line(elem):
                view.new_line(elem.get("n") if tag == T + "lb" else None, before=next_numbered_line.get(elem))
                if tag == T + "lb":
                    view.add(line_indent(elem))
                    view.add(pending_sign)              # the label, opening the note's first line
                    pending_sign = ""
            elif tag == T + "g" and elem.get("type") == "ctrl" and (elem.get("n") or "").startswith("U+"):
                view.add(chr(int(elem.get("n")[2:], 16)))
        elif elem.tag == T + "note" and view.stack:
            view.current, view.last_key = view.stack.pop()
        elif starts_line(elem) and elem.tag != T + "note":
            view.new_line(None)
    return view.result()


# --- the reading view and its spans ---------------------------------------------------

@dataclass(slots=True)
class Span:
    """A stretch of the reading text that the TEI marks, at offsets a stand-off export can carry.

    kind: person, date, note, correction (exchanged); italic, ref (what Markdown also needs).
    `line`/`page` are the lb/@n and pb/@n in force where the span starts; a note's `anchor`
    is the reading-text offset of its point of attachment (None for an unreferenced endnote).
    Spans of one kind with the same `attrs` share that dict: replace it, never change it.
    """
    kind: str
    start: int | None
    end: int | None
    attrs: dict[str, str]
    line: str | None = None
    page: str | None = None
    anchor: int | None = None


@dataclass(slots=True)
class Paragraph:
    """One block of the reading text: `kind` is the TEI element (p, head, item...), `depth`
    the number of divs around it (a heading's level)."""
    start: int
    end: int
    kind: str
    depth: int


@dataclass
class ReadingText:
    text: str
    paragraphs: list[Paragraph]
    spans: list[Span]


class _ReadingBuilder:
    """Appends words to the reading text, collapsing whitespace lazily so that offsets recorded
    while walking are the final ones (a span starts at the first character it contributes)."""

    #: words and spaces kept apart before all but the last three (`recent_text`) are joined:
    #: a string per word would cost a book's text several times over
    PARTS_KEPT = 4096

    def __init__(self):
        self.joined: list[str] = []      # the text before `parts`, in long pieces
        self.parts: list[str] = []
        self.length = 0
        self.separator = ""              # " " or "\n\n" owed before the next word
        self.prefix = ""                 # a note's marker, owed at the start of its paragraph
        self.joining = False             # after a word-joining break: no space up to the next word
        self.drop_hyphen = False         # a plain hyphen before a join, the printer's: dropped at the next word
        self.awaiting: list[Span] = []   # opened spans that have no character yet
        self.closed_here: list[Span] = []
        self.spans: list[Span] = []
        #: one attrs dict per distinct kind and attributes, which a book's spans share (a person
        #: named a thousand times, a footnote sign): a span's attrs are read, never changed
        self.shared_attrs: dict[tuple[str, ...], dict[str, str]] = {}
        self.paragraphs: list[Paragraph] = []
        self.open_paragraph: Paragraph | None = None
        self.blocks: list[tuple[str, int]] = []
        self.line: str | None = None
        self.page: str | None = None

    def add(self, text: str | None) -> None:
        words = (text or "").split()
        if text and (not words or text[0].isspace()) and not self.joining and not self.separator:
            self.separator = " "
        if not words:
            return
        self._emit(words[0])
        if len(words) > 1:   # each word after the first follows one space, as `_emit` would append them
            spaced = [" "] * (2 * len(words) - 2)
            spaced[1::2] = words[1:]
            self.parts += spaced
            self.length += sum(map(len, spaced))
        if text[-1].isspace():
            self.separator = " "
        if len(self.parts) >= self.PARTS_KEPT:
            self.joined.append("".join(self.parts[:-3]))
            del self.parts[:-3]

    def _emit(self, word: str) -> None:
        if self.drop_hyphen:
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
            for span in self.closed_here:
                span.end = self.length
        self.drop_hyphen = False
        self.joining = False
        if self.length and self.separator:
            self._append(self.separator)
        self.separator = ""
        if self.open_paragraph is None:
            kind, depth = self.blocks[-1] if self.blocks else ("text", 0)
            self.open_paragraph = Paragraph(self.length, self.length, kind, depth)
            self.paragraphs.append(self.open_paragraph)
        if self.prefix:
            self._append(self.prefix)
            self.prefix = ""
        for span in self.awaiting:
            span.start, span.line, span.page = self.length, self.line, self.page
        self.awaiting.clear()
        self.closed_here.clear()
        self._append(word)

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def recent_text(self) -> str:
        """The end of the paragraph read so far ("" before its first word)."""
        return "".join(self.parts[-3:]) if self.open_paragraph is not None else ""

    def line_break(self) -> None:
        """A break between words: a space (none after a break inside a word)."""
        if not self.joining:
            self.separator = self.separator or " "

    def join(self, drop_hyphen: bool) -> None:
        """A break inside a word: no space up to the next word; a plain hyphen before the
        break that is the printer's (`walk.line_end`) goes when that word comes."""
        self.drop_hyphen = drop_hyphen
        self.separator = ""
        self.joining = True

    def open_block(self, kind: str, depth: int, prefix: str = "") -> None:
        self.end_paragraph()
        self.blocks.append((kind, depth))
        self.prefix = prefix

    def close_block(self) -> None:
        self.end_paragraph()
        self.blocks.pop()

    def end_paragraph(self) -> None:
        if self.open_paragraph is not None:
            self.open_paragraph.end = self.length
            self.open_paragraph = None
            self.separator = "\n\n"
        self.joining = False
        self.drop_hyphen = False
        self.prefix = ""

    def open_span(self, kind: str, attrs: dict[str, str]) -> Span:
        attrs = self.shared_attrs.setdefault((kind, *attrs, *attrs.values()), attrs)
        span = Span(kind, None, None, attrs)
        self.spans.append(span)
        self.awaiting.append(span)
        return span

    def close_span(self, span: Span) -> None:
        if span.start is None:   # by identity: two empty spans of one kind are equal
            self.awaiting = [waiting for waiting in self.awaiting if waiting is not span]
            span.start, span.line, span.page = self.length, self.line, self.page
        span.end = self.length
        self.closed_here.append(span)

    def result(self) -> ReadingText:
        self.end_paragraph()
        self.joined += self.parts
        return ReadingText("".join(self.joined), self.paragraphs, self.spans)


#: what an element's END does, set when its START is read (None: nothing)
Closing = Callable[[], None] | None
#: a stream of events and how to read the element it starts at: as a block opened with
#: this prefix (a note's marker), or, for None, only its content (a choice's reading)
Stream = Iterator[tuple[Walk, str | None, str, etree._Element]]


class _ReadingWalker:
    """Reads <text> once off `tei.walk`: blocks become paragraphs, notes follow the block
    they stand in, a choice and an app give only their reading.

    A note, a choice's reading and an app's lemma are read by a walk of their own, pushed
    on a stack of streams whose top is read first: no recursion, however deep the tree.
    The text's walk reads it through `tree`: a tree parsed whole, or one growing as its
    file is parsed (`growing.GrowingTree`), which hands a note or a choice over whole.
    """

    def __init__(self, line_ends: LineEnds, tree=WholeTree):
        self.line_ends = line_ends
        self.tree = tree
        self.out = _ReadingBuilder()
        self.depth = 0
        self.positions: dict[str, int] = {}   # xml:id of an inline element -> its offset
        self.pointing_notes: list[tuple[Span, str]] = []
        self.closings: list[Closing] = []     # one per open element
        self.block_notes: list[list[tuple]] = []   # per open block: the notes that follow it
        self.streams: list[Stream] = []

    def read(self, root) -> None:
        self.push(Walk(root, self.tree), "")
        while self.streams:
            step = next(self.streams[-1], None)
            if step is None:
                self.streams.pop()
            else:
                self.step(*step)

    def push(self, walk: Walk, prefix: str | None) -> None:
        self.streams.append((walk, prefix, event, elem) for event, elem in walk)

    def step(self, walk: Walk, prefix: str | None, event: str, elem) -> None:
        out = self.out
        if event == TEXT:
            out.add(elem.text)
        elif event == TAIL:
            out.add(elem.tail)
        elif event == ENTITY:
            out.add(entity_text(elem))
        elif event == START:
            if elem is not walk.root:
                self.closings.append(self.start(walk, elem))
            else:
                self.closings.append(self.open_block(elem, prefix) if prefix is not None else None)
        else:
            closing = self.closings.pop()
            if closing is not None:
                closing()
            if elem is not walk.root and not _is_block(elem) and elem.get(XML_ID):
                self.positions.setdefault(elem.get(XML_ID), out.length)

    def start(self, walk: Walk, elem) -> Closing:
        """Read the start of an element inside the walk; returns what its end does."""
        tag, out = elem.tag, self.out
        if tag in NOT_READ_TAGS or tag == T + "pc" and is_printed_line_end_hyphen(elem, self.tree.next_sibling):
            walk.skip()
        elif tag == T + "note":
            anchor = None if elem.getparent().tag in STRUCTURAL else out.length
            self.block_notes[-1].append((elem, anchor, out.line, out.page))
            walk.skip()
        elif tag in (T + "lb", T + "pb", T + "cb"):
            self.count_break(elem)
            how = line_end(elem, out.recent_text(), self.line_ends, self.tree.next_sibling)
            if how == BETWEEN_WORDS:
                out.line_break()
            else:
                out.join(drop_hyphen=how == DROPPED_HYPHEN)
            walk.skip()
        elif _is_block(elem):
            return self.open_block(elem, "")
        elif tag == T + "choice":
            walk.skip()
            reading, source = choice_sides(elem)
            if reading is not None:
                return self.read_only(reading, "correction", _correction_attrs(reading, source),
                                      source_side_breaks(elem, reading))
        elif tag == T + "app":
            walk.skip()
            lemma, _ = app_readings(elem)
            if lemma is not None:
                return self.read_only(lemma, "", None, [])
        elif tag in (T + "sic", T + "corr"):
            side = "source" if tag == T + "sic" else "reading"
            return self.spanned("correction", {"type": "sic", side: _string(elem), **_resp(elem)})
        elif tag in PERSON_TAGS or tag in NAMED_TAGS and elem.get("type") == "person":
            ref = elem.get("ref") or elem.get("key")
            return self.spanned("person", {"ref": ref} if ref else {})
        elif tag == T + "date":
            when = {k: elem.get(k) for k in ("when", "from", "to", "notBefore", "notAfter", "calendar")
                    if elem.get(k) is not None}
            return self.spanned("date", when)
        elif tag == T + "emph" or tag == T + "hi" and ITALIC_REND.search(
                f"{elem.get('rend', '')} {elem.get('rendition', '')}"):
            return self.spanned("italic", {})
        elif tag == T + "ref" and (elem.get("target") or "").startswith("#"):
            return self.spanned("ref", {"target": elem.get("target")})
        return None

    def open_block(self, elem, prefix: str) -> Closing:
        """A paragraph (or container) of its own; the notes in it are read after its end."""
        leaves_div = elem.tag in DIVS
        self.depth += leaves_div
        self.out.open_block(local_name(elem), self.depth, prefix)
        notes: list[tuple] = []
        self.block_notes.append(notes)

        def close() -> None:
            self.out.close_block()
            self.block_notes.pop()
            self.streams.append(self.notes_after_block(notes, leaves_div))
        return close

    def notes_after_block(self, notes: list[tuple], leaves_div: bool) -> Stream:
        """Each note after the block it stands in, introduced by its marker unless it prints
        one, then (the block a division) the division's end."""
        out = self.out
        for note, anchor, line, page in notes:
            resume = out.line, out.page
            out.line, out.page = line, page
            marker = note.get("n") or ""
            attrs = {k: note.get(k) for k in ("n", "place", "type") if note.get(k)}
            if NCNAME.fullmatch(note.get(XML_ID) or ""):
                attrs["id"] = note.get(XML_ID)
            span = out.open_span("note", attrs)
            span.anchor = anchor
            pointer = (note.get("target") or note.get("corresp") or "").split()
            if anchor is None and pointer and pointer[0].startswith("#"):
                self.pointing_notes.append((span, pointer[0][1:]))
            walk = Walk(note)
            prefix = "" if _string(note).startswith(marker) else marker + " "
            for event, elem in walk:
                yield walk, prefix, event, elem
            out.close_span(span)
            out.line, out.page = resume
        self.depth -= leaves_div

    def read_only(self, part, kind: str, attrs: dict | None, source_breaks: list) -> Closing:
        """Read one part of an element (a choice's reading, an app's lemma) by a walk of its
        own, inside a span of `kind` unless `attrs` is None; the breaks that stand only in
        the source side still count."""
        span = self.out.open_span(kind, attrs) if attrs is not None else None
        self.push(Walk(part), None)

        def close() -> None:
            if span is not None:
                self.out.close_span(span)
            for source_break in source_breaks:
                self.count_break(source_break)
        return close

    def spanned(self, kind: str, attrs: dict) -> Closing:
        span = self.out.open_span(kind, attrs)
        return lambda: self.out.close_span(span)

    def count_break(self, milestone) -> None:
        """The source line (lb/@n) or page (pb/@n) from here on."""
        if milestone.get("n") is not None:
            if milestone.tag == T + "lb":
                self.out.line = milestone.get("n")
            elif milestone.tag == T + "pb":
                self.out.page = milestone.get("n")

    def result(self) -> ReadingText:
        """Endnotes are anchored where a ref points to them, or where they point (@target, @corresp)."""
        reading = self.out.result()
        for span, pointer in self.pointing_notes:
            span.anchor = self.positions.get(pointer)
        refs = {s.attrs["target"][1:]: s.end for s in reading.spans if s.kind == "ref"}
        for span in reading.spans:
            if span.kind == "note" and span.attrs.get("id") in refs:
                span.anchor = refs[span.attrs["id"]]
        return reading


def reading_text(tree: etree._ElementTree) -> ReadingText:
    """The reading text (paragraphs separated by a blank line) and the spans marked in it."""
    root = text_root(tree)
    walker = _ReadingWalker(LineEnds(root))
    walker.read(root)
    return walker.result()


def reading_paragraphs(tree: etree._ElementTree) -> list[str]:
    """The reading text, one paragraph per block: words joined, furniture and notes' markers out.

    Inline notes follow the paragraph they stand in, introduced by their marker.
    """
    reading = reading_text(tree)
    return [reading.text[p.start:p.end] for p in reading.paragraphs]


# --- the reading view of a file read as it is parsed ---------------------------------

def file_reading_text(path, *, ours: bool = False) -> tuple[ReadingText, list[tuple[str, int | None]]]:
    """`reading_text` of the TEI file at `path`, read as it is parsed (`iterparse_tei`, as
    safely as `parse_tei`) and never held whole (`growing.GrowingTree`), and the xml:ids the
    file repeats (`repeated_ids`).

    Whether teikit wrote the file (which decides some hyphens, `rules.LineEnds`) is known
    from what comes before the text; a file that names teikit only after it is read again.
    """
    reading = _FileReading(path, ours)
    text = reading.read()
    if reading.teikit and not reading.teikit_before_text:
        text = _FileReading(path, ours).read(teikit=True)
    return text, repeated_ids(reading.ids)


#: blocks the reading walk enters where they stand (a note is read after its block, furniture not at all)
READ_IN_PLACE = BLOCKS - NOT_READ_TAGS - {T + "note"}


def _read_in_place(elem) -> bool:
    """What a file read as it is parsed hands to the reading walk before it is whole."""
    return elem.tag in READ_IN_PLACE or elem.tag in BLOCK_ONLY_IN and _is_block(elem)


class _FileReading:
    """One reading of a file as it is parsed. The events before the text tell whether teikit
    wrote it and its language, every event its xml:ids; what lies outside the text is freed
    once parsed, and the text is walked as it grows (namespace-less TEI moved into TEI's
    namespace as it is walked, as `tei_document` moves a whole tree)."""

    def __init__(self, path, ours: bool):
        self.path = Path(path)
        self.root = self.text = None
        self.teikit = self.teikit_before_text = False
        self.ids: list[tuple[str, int | None]] = []
        self._first_text_language: str | None = None   # of the first element named text, as `text_language` reads
        self._namespaceless = False
        self._in_text = False
        self._events = self._seen(iterparse_tei(self.path, ours=ours))

    def read(self, teikit: bool | None = None) -> ReadingText:
        """The reading text, by teikit's rules for hyphens if `teikit` (by default: if the
        file named teikit before its text)."""
        while self.text is None and next(self._events, None) is not None:
            pass
        if self.text is None:
            raise SourceError("no <text> element: is this a TEI document?", file=str(self.path))
        self.teikit_before_text = self.teikit
        language = self._first_text_language or self.root.get(XML_LANG) or "en"
        tree = GrowingTree(self._events, _read_in_place, T if self._namespaceless else None)
        walker = _ReadingWalker(LineEnds(teikit=self.teikit if teikit is None else teikit, language=language), tree)
        tree.enter(self.text)
        walker.read(self.text)
        for _ in self._events:   # the rest of the file: well-formed? its xml:ids
            pass
        return walker.result()

    def _seen(self, events: Iterator[tuple[str, etree._Element]]) -> Iterator[tuple[str, etree._Element]]:
        for event, elem in events:
            if event == "start":
                if elem.get(XML_ID) is not None:
                    self.ids.append((elem.get(XML_ID), elem.sourceline))
                if local_name(elem) == "application" and elem.get("ident") == "teikit":
                    self.teikit = True
                if not self._in_text:
                    self._start_outside_text(elem)
            elif elem is self.text:
                self._in_text = False
            elif not self._in_text and elem is not self.root:
                elem.clear(keep_tail=True)
            yield event, elem

    def _start_outside_text(self, elem) -> None:
        if self.root is None:
            self.root = elem
            self._namespaceless = not elem.tag.startswith("{")
        if local_name(elem) == "text" and self._first_text_language is None:
            self._first_text_language = elem.get(XML_LANG) or ""
        if self.text is None and (elem.tag == T + "text" or self._namespaceless and elem.tag == "text"):
            self.text, self._in_text = elem, True
        elif elem is not self.root:
            drop_before(elem)


def _correction_attrs(reading, source) -> dict | None:
    """sic/corr, orig/reg, abbr/expan in a choice: what the source read and what the edition reads."""
    kind = "ocr" if is_ocr_correction(reading) else CORRECTION_TYPES.get(local_name(reading))
    if kind is None or is_source_markup(reading):
        return None
    attrs = {"type": kind, "source": _string(source) if source is not None else "", "reading": _string(reading)}
    return {**attrs, **_resp(reading)}


def _resp(elem) -> dict[str, str]:
    return {k: elem.get(k) for k in ("resp", "cert") if elem.get(k)}


def _string(elem) -> str:
    return re.sub(r"\s+", " ", "".join(elem.itertext())).strip()
