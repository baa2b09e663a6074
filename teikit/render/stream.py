"""Rendering a TEI file without holding its tree: what the renderer reads, as it is parsed.

`teikit render` reads a file twice as it is parsed (`tei.reader.iterparse_tei`), and the
tree never stands whole:

1. `DocumentScan` gathers what the page needs before (and around) the text: the colophon,
   the register of persons, the page numbers and lines per page, which notes are called
   from where, the xml:ids used twice, and whether each part of the text (front, body,
   back) holds blocks. Each element is cleared once read.
2. `StreamedText` hands the text's parts and their top-level divisions to the walker
   (`render/text.py`) as each is parsed whole, and frees each once the walker is done
   with it. A child that reads its neighbours (a page break between divisions: is a word
   split there?) is handed over once the next sibling with text is parsed. A part that
   is not a list of blocks (a body with text of its own) is read whole: the fallback.

The blocks' HTML goes to a `Spool` (a temporary file the size of the page's text) as it
is made, and the context the templates receive holds a `SpooledHtml` in its place:
`{{ block.html }}` reads it back as it is written out. A SpooledHtml is Markup to Jinja
(`__html__`) and its text to `str()`, so filters that take a string (`striptags`,
`truncate`, `string`) work in an edition's own templates; it is not a `str` itself
(`block.html|string|length`, not `block.html|length`). The lists of blocks are plain
lists, and the page is written as it renders: lay the blocks out with an include (as
`_block.html` does), since a macro's output is built whole before it is written.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

from lxml import etree
from markupsafe import Markup

from teikit import XML_ID
from teikit.render.header import person_entry, read_colophon
from teikit.render.tei import id_ref, local_name, plain
from teikit.render.text import BLOCK_NAMES, is_container
from teikit.tei.growing import drop_before
from teikit.tei.reader import repeated_id_warnings, repeated_ids
from teikit.tei.rules import BREAKS, NOT_READ, text_language

#: the parts of a TEI text whose children are handed over one by one
PARTS = frozenset({"front", "body", "back"})
#: elements read whole when they end (their content is cleared only after)
READ_WHOLE = frozenset({"teiHeader", "person", "fw"})


class DocumentScan:
    """What the renderer needs to know of the whole document before it reads the text,
    gathered from start and end events in document order (`feed`), then `finish()`.

    With `release`, each element is cleared once read and its earlier siblings dropped
    (a part's children are kept, empty, until the part ends and `is_container` has asked
    for their names and tails), so a file is scanned in little more memory than its
    largest header or person and an empty node per division.
    """

    def __init__(self, release: bool = False):
        self.release = release
        self.root: etree._Element | None = None
        self.text: etree._Element | None = None
        self.colophon: dict | None = None
        self.language = ""
        self.teikit = False
        self.register: dict[str, dict | None] = {}
        self.ids: list[tuple[str, int | None]] = []     #: every xml:id and its line, in order
        #: the printed number of each source page, index 0 the stretch before the first pb: its
        #: pb/@n, else a `fw type="pageNum"` on it; ⟨1⟩, ⟨2⟩... when no page is numbered
        self.pages = [""]
        self.page_lines = [0]          #: lines per source page
        self.text_ids: set[str] = set()
        self.note_ids: set[str] = set()
        self.calls: list[tuple[str, str]] = []          #: (what a ref or ptr points to, its own id)
        self.note_backs: list[tuple[str, str]] = []     #: (note id, what its @target/@corresp names)
        self.part_containers: dict[int, bool] = {}      #: text's n-th element child -> holds blocks
        self._in_text = False
        self._reading_whole = 0
        self._fw_pages: list[int] = []
        self._parts: dict[etree._Element, int] = {}   #: open part of the text -> its ordinal there
        self._text_children = 0

    def feed(self, events) -> None:
        for event, el in events:
            if event == "start":
                self.start(el)
            else:
                self.end(el)

    def start(self, el: etree._Element) -> None:
        if self.root is None:
            self.root = el
        name = local_name(el)
        parent = el.getparent()
        if self.text is None and name == "text":
            self.text, self._in_text = el, True
            self.language = text_language(self.root)
        if name == "application" and el.get("ident") == "teikit":
            self.teikit = True
        if el.get(XML_ID):
            self.ids.append((el.get(XML_ID), el.sourceline))
        if name == "person" and el.get(XML_ID):
            self.register.setdefault(el.get(XML_ID), None)
        if self._in_text:
            self._start_in_text(el, name, parent)
        if self.release and parent is not None and not self._reading_whole and parent not in self._parts:
            drop_before(el)
        if name in READ_WHOLE:
            self._reading_whole += 1

    def _start_in_text(self, el: etree._Element, name: str, parent) -> None:
        if el.get(XML_ID):
            self.text_ids.add(el.get(XML_ID))
        if name == "pb":
            self.pages.append(el.get("n", ""))
            self.page_lines.append(0)
        elif name == "lb":
            self.page_lines[-1] += 1
        elif name == "fw" and el.get("type") == "pageNum":
            self._fw_pages.append(len(self.pages) - 1)
        elif name == "note":
            if el.get(XML_ID):
                self.note_ids.add(el.get(XML_ID))
                self.note_backs.append((el.get(XML_ID), id_ref(el.get("target") or el.get("corresp"))))
        elif name in ("ref", "ptr"):
            self.calls.append((id_ref(el.get("target")), el.get(XML_ID) or ""))
        if parent is self.text:
            self._text_children += 1
            if name in PARTS:
                self._parts[el] = self._text_children

    def end(self, el: etree._Element) -> None:
        name = local_name(el)
        if name in READ_WHOLE:
            self._reading_whole -= 1
            if name == "teiHeader" and self.colophon is None:
                self.colophon = read_colophon(self.root)
            elif name == "person" and el.get(XML_ID):
                self.register[el.get(XML_ID)] = person_entry(el)
            elif name == "fw" and el.get("type") == "pageNum" and self._in_text:
                page = self._fw_pages.pop()
                self.pages[page] = self.pages[page] or plain(el)
        if el in self._parts:
            self.part_containers[self._parts.pop(el)] = is_container(el)
        if el is self.text:
            self._in_text = False
        if self.release and not self._reading_whole and el is not self.root:
            el.clear(keep_tail=True)

    def finish(self) -> DocumentScan:
        """Settle what needed the whole document: the colophon of a file without a header,
        the language, which notes link back where, and the numbering of unnumbered pages."""
        if self.colophon is None:
            self.colophon = read_colophon(self.root)
        if self.text is None:
            self.language = text_language(self.root)
        self.colophon["language"] = self.language
        if len(self.pages) > 1 and not any(self.pages):
            self.pages = [f"⟨{ordinal}⟩" for ordinal in range(1, len(self.pages) + 1)]
        return self

    def note_links(self) -> tuple[set[str], set[str], dict[str, str]]:
        """Note ids, the notes some `ref` calls, and where each such note links back to:
        its @target or @corresp (teikit's notes pass writes the call's id there) when that
        names an element of the text, else the (first) ref calling it."""
        backlinks: dict[str, str] = {}
        for target, ref_id in self.calls:
            if target in self.note_ids:
                backlinks.setdefault(target, ref_id or f"tk-ref-{target}")
        called = set(backlinks)
        for note_id, back in self.note_backs:
            if back in self.text_ids:
                backlinks[note_id] = back
        return self.note_ids, called, backlinks

    def duplicate_id_warnings(self, name: str) -> list[str]:
        return repeated_id_warnings(repeated_ids(self.ids), name)


class WholeText:
    """The walker's source when the tree stands whole (`build_context`): children as they
    are, the HTML kept in memory."""

    def __init__(self, text: etree._Element):
        self.text = text

    @staticmethod
    def children(el: etree._Element):
        return el

    @staticmethod
    def is_container(el: etree._Element) -> bool:
        return is_container(el)

    @staticmethod
    def keep(html: Markup) -> Markup:
        return html


class StreamedText:
    """The walker's source for a file being parsed (`events`, from `iterparse_tei`): the
    text's parts and their children are handed over as they are parsed, then freed.

    lxml builds the tree a little ahead of the events it gives (a READ_PIECE of the file),
    so an element is taken to be begun only once its start event has come, and whole only
    once its end event has.
    """

    def __init__(self, events: Iterator[tuple[str, etree._Element]], scan: DocumentScan, spool: Spool):
        self._events = events
        self._part_containers = scan.part_containers
        self._ordinals: dict[etree._Element, int] = {}    #: a part of the text -> its ordinal there
        self._text_children = 0
        self._parents: dict[etree._Element, bool] = {}    #: a parent streamed -> still being parsed
        self._started: set[etree._Element] = set()        #: its children whose start has come
        self._ended: set[etree._Element] = set()          #: its children parsed whole
        self._text_ahead: dict[etree._Element, etree._Element] = {}   #: parent -> a child with text, not yet read
        self.keep = spool.keep
        self.text: etree._Element | None = None
        while self.text is None and self._pull():
            pass

    def _pull(self) -> bool:
        """Parse one event further; False at the end of the file."""
        step = next(self._events, None)
        if step is None:
            return False
        event, el = step
        parent = el.getparent()
        if event == "start":
            if parent in self._parents:
                self._started.add(el)
            if self.text is None and local_name(el) == "text":
                self.text = el
                self._parents[el] = True
            elif parent is self.text and self.text is not None:
                self._text_children += 1
                if local_name(el) in PARTS:
                    self._ordinals[el] = self._text_children
                    if self._part_containers.get(self._text_children):
                        self._parents[el] = True
        elif self.text is None:
            el.clear(keep_tail=True)   # before the text: the scan has read it
        else:
            if parent in self._parents:
                self._ended.add(el)
            if el in self._parents:
                self._parents[el] = False
        return True

    def _whole(self, el, parent: etree._Element) -> bool:
        return not local_name(el) or el in self._ended or not self._parents[parent]

    def is_container(self, el: etree._Element) -> bool:
        if el in self._ordinals:
            return self._part_containers.get(self._ordinals[el], False)
        return is_container(el)

    def children(self, el: etree._Element):
        return self._streamed_children(el) if el in self._parents else el

    def _streamed_children(self, parent: etree._Element) -> Iterator[etree._Element]:
        child = None
        while True:
            following = next(iter(parent), None) if child is None else child.getnext()
            while following is None and self._parents[parent] and self._pull():
                following = next(iter(parent), None) if child is None else child.getnext()
            if following is None:
                return
            child = following
            self._wait_for(parent, child)
            yield child
            if self._text_ahead.get(parent) is child:
                del self._text_ahead[parent]
            if local_name(child) in BLOCK_NAMES:
                drop_before(child, self._forget)
                child.clear(keep_tail=True)

    def _wait_for(self, parent: etree._Element, child: etree._Element) -> None:
        """Parse until `child` can be read: a streamed part at once, a block once it is
        whole, anything else (a break, a note, a phrase between blocks, which may look at
        its neighbours) once a later sibling with text is whole too."""
        name = local_name(child)
        while name and child not in self._started and self._pull():
            pass
        if child in self._parents:
            return
        while not self._whole(child, parent) and self._pull():
            pass
        if not (name in BLOCK_NAMES or name in NOT_READ and name != "gap"):
            self._wait_for_text_after(parent, child)

    def _wait_for_text_after(self, parent: etree._Element, el: etree._Element) -> None:
        """Parse until a sibling after `el` with text to read is whole (`rules.text_after`
        looks no further), or the parent is. Each sibling is looked at once: the one found
        serves the children before it too."""
        if parent in self._text_ahead:
            return
        last = el
        while self._parents[parent]:
            following = last.getnext()
            if following is not None and self._whole(following, parent):
                if _has_text(following):
                    self._text_ahead[parent] = following
                    return
                last = following
            elif not self._pull():
                return

    def _forget(self, dropped: etree._Element) -> None:
        self._started.discard(dropped)
        self._ended.discard(dropped)
        self._parents.pop(dropped, None)
        self._text_ahead.pop(dropped, None)


def _has_text(el: etree._Element) -> bool:
    name = local_name(el)
    return bool(name) and name not in NOT_READ and name not in BREAKS and bool("".join(el.itertext()).strip())


class Spool:
    """A temporary file the blocks' HTML is written to as the text is read, and read back
    from as the page is written; closed (and gone) with `close`."""

    #: HTML shorter than this stays in memory (a spooled piece costs an object too)
    SHORT = 64

    def __init__(self):
        self._file = tempfile.TemporaryFile()

    def keep(self, html: Markup) -> Markup | SpooledHtml:
        if len(html) < self.SHORT:
            return html
        data = html.encode("utf-8")
        offset = self._file.tell()
        self._file.write(data)
        return SpooledHtml(self, offset, len(data))

    def read(self, offset: int, length: int) -> str:
        self._file.flush()
        return os.pread(self._file.fileno(), length, offset).decode("utf-8")

    def close(self) -> None:
        self._file.close()


class SpooledHtml:
    """A block's HTML in a `Spool`: Markup to Jinja, its text to `str()` (see the module doc)."""

    __slots__ = ("_spool", "_offset", "_length")

    def __init__(self, spool: Spool, offset: int, length: int):
        self._spool, self._offset, self._length = spool, offset, length

    def __html__(self) -> Markup:
        return Markup(self._spool.read(self._offset, self._length))

    def __str__(self) -> str:
        return str(self.__html__())

    def __bool__(self) -> bool:
        return self._length > 0
