"""TEI `text` -> block dicts whose inline content is pre-escaped HTML.

Templates lay out the blocks (div, p, head, sp, closer...) they receive as plain dicts;
inline content is built here, with markupsafe escaping every text node and attribute,
because a Jinja macro call per inline element is far too slow on a book-length text. The
same walk counts pages and lines, so it also gathers the apparatus (keyed page.line), the
footnotes of each source page and the pages where each person is mentioned.

Each block's content is read off the one walk of TEI (`teikit/tei/walk.py`), which also
decides how a break falls in a word and what a choice exchanges, for `teikit text`,
`teikit export` and `teikit apparatus` too; what is read (choice, app, furniture,
entities) follows the rules in `teikit/tei/rules.py`.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from lxml import etree
from markupsafe import Markup, escape

from teikit.render.tei import XML_ID, XML_LANG, id_ref, local_name, plain
from teikit.tei.rules import (
    NOT_READ, LineEnds, app_readings, choice_sides, entity_text, is_printed_line_end_hyphen, printed_hyphen,
    source_side_breaks,
)
from teikit.tei.walk import (
    BETWEEN_WORDS, DROPPED_HYPHEN, END, PRINTED_HYPHEN, RESTORED_HYPHEN, START, TAIL, TEXT, Walk, choice_intervention,
    line_end, split_word,
)

DIVS = frozenset({"div", "div1", "div2", "div3", "div4", "div5", "div6", "div7"})
BLOCK_LEAVES = frozenset({
    "p", "ab", "head", "dateline", "byline", "docAuthor", "docDate", "docEdition", "docImprint",
    "titlePart", "speaker", "salute", "signed", "l", "item", "label", "trailer", "stage", "cell",
    "bibl", "imprimatur", "address",
})
BLOCK_CONTAINERS = DIVS | frozenset({
    "text", "front", "body", "back", "group", "sp", "opener", "closer", "titlePage", "docTitle",
    "list", "listBibl", "lg", "floatingText", "epigraph", "argument", "postscript", "quote", "cit",
    "table", "row", "figure", "castList", "castGroup", "spGroup",
})
BLOCK_NAMES = BLOCK_LEAVES | BLOCK_CONTAINERS
#: Where a line break is kept as in the source (a title page's lines, a letter's closing).
LINE_KEEPING = frozenset({"titlePage", "opener", "closer", "address", "docImprint"})
#: Parts of the text after which the footnotes still waiting for a page break are placed.
PAGE_SECTION_ENDS = frozenset({"front", "body", "back", "text"})
MARGIN_PLACES = frozenset({"margin", "left", "right", "inner", "outer", "marginLeft", "marginRight"})
END_PLACES = frozenset({"end", "endnote"})
#: the kind of a choice's intervention (`walk.choice_intervention`) -> the siglum of what it replaces
SIGLA = {"correction": "sic", "expansion": "abbr.", "regularisation": "orig."}
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: More lines than any printed page holds (a newspaper's columns included): the pb marks a
#: page of a web or e-text source, and page.line would not point to a printed line.
PRINTED_PAGE_MAX_LINES = 250

_SCHEME = re.compile(r"^([a-zA-Z][\w+.-]*):")
_HTML_DATE = re.compile(r"^(\d{4,}(-\d\d(-\d\d)?)?|(--)?\d\d-\d\d)$")


def printed_pages(labels: list[str], line_counts: list[int]) -> list[bool]:
    """Per source page (`labels`: the printed number of each, index 0 the stretch before
    the first pb; `line_counts`: the lines on each), whether it is a printed page, where
    `page.line` locates a line: it holds no more lines than a printed page can, and the next
    page's number follows its own (a jump, 287 then 301, shows the breaks between are not
    marked, so its lines run over several pages). Elsewhere the source file's line number
    (lb/@n) locates a line."""
    numbers = [int(label) if label.isdigit() else None for label in labels]
    followed = [this is None or after is None or after == this + 1 for this, after in zip(numbers, numbers[1:] + [None])]
    return [count <= PRINTED_PAGE_MAX_LINES and next_follows for count, next_follows in zip(line_counts, followed)]


def is_container(el: etree._Element) -> bool:
    """Holds blocks and no text of its own (a closer of salute and signed, not a closer
    with `Yours,<lb/>L. T.` in it)."""
    if (el.text or "").strip():
        return False
    holds_blocks = False
    for child in el:
        if (child.tail or "").strip():
            return False
        holds_blocks = holds_blocks or local_name(child) in BLOCK_NAMES
    return holds_blocks


def _attrs(attrs: dict[str, str | None]) -> str:
    return "".join(f' {name}="{escape(value)}"' for name, value in attrs.items() if value)


def _safe_href(target: str) -> str:
    """A link target that cannot run script: a fragment, a relative path or a web address."""
    scheme = _SCHEME.match(target)
    return target if scheme is None or scheme.group(1).lower() in SAFE_SCHEMES else ""


@dataclass(slots=True)
class _Here:
    """The element a handler is reading: what closes it, and whether its content is read
    in place (else the walk skips it)."""
    element: etree._Element
    closings: list = field(default_factory=list)
    reads_content: bool = False


class TextWalker:
    """One pass over a TEI `text` in document order; read the results from its attributes."""

    def __init__(self, scan, source, *, hyphenation_in_apparatus: bool):
        """`scan` (a `render.stream.DocumentScan`) knows the document as a whole: register,
        page numbers, which notes are called from where; `source` gives the elements (their
        children, whether they hold blocks) and keeps the HTML made of them (`render.stream`)."""
        self.source = source
        self.register = scan.register
        self.line_ends = LineEnds(teikit=scan.teikit, language=scan.language)
        self.hyphenation_in_apparatus = hyphenation_in_apparatus
        self.pages = scan.pages
        self.printed_pages = printed_pages(scan.pages, scan.page_lines)
        self.page = 0                 #: ordinal of the current source page in `pages`
        self.line = 0                 #: lines begun since the last page break
        self.source_line = ""         #: the source file's number of the current line (lb/@n)
        self.apparatus: list[dict] = []
        self.endnotes: list[dict] = []   #: notes marked as endnotes but written inline
        self.mentions: dict[str, list[tuple[int, str]]] = {}   #: person key -> (page, anchor id)
        self.external_names: dict[str, str] = {}   #: person key outside the register -> name
        self._pending_footnotes: list[str] = []
        self._in_note = False
        self._strip_next_text = False
        self._joining = False         #: after a break inside a word, up to the next text
        self._keep_lines = False      #: in a block whose line breaks are shown (LINE_KEEPING)
        self._recent_text = ""
        self._ids = itertools.count(1)
        self._footnote_numbers = itertools.count(1)
        self._note_ids, self._called_notes, self._backlinks = scan.note_links()
        self._generated_ref_ids: set[str] = set()
        self._streams: list = []            #: the walks being read, innermost last (`_read`)
        self._closings: list[list] = []     #: per element open in them: markup or calls for its end
        self._here: _Here | None = None     #: the element whose handler runs
        self._handlers = {
            **{name: self._skip for name in NOT_READ},
            "lb": self._lb, "pb": self._pb, "milestone": self._skip, "cb": self._skip,
            "note": self._note, "ref": self._ref, "ptr": self._ref, "anchor": self._anchor,
            "persName": self._person, "rs": self._person, "name": self._person,
            "date": self._date, "time": self._date, "choice": self._choice, "app": self._app,
            "supplied": self._supplied, "pc": self._pc, "hi": self._hi, "emph": self._emph,
            "title": self._title, "foreign": self._foreign, "gap": self._gap, "space": self._space,
        }

    # -- blocks ---------------------------------------------------------------------------

    def blocks(self, parent: etree._Element, div_depth: int = 0) -> list[dict]:
        """The block dicts for the children of a container element."""
        result = []
        for child in self.source.children(parent):
            name = local_name(child)
            if not name or name in NOT_READ and name != "gap":
                continue
            if name == "pb":
                out: list[str] = []
                self._pb(child, out)
                result.append(self._milestone("".join(out)))
            elif name == "lb":
                self._lb(child, [])
            elif name == "note" and self._is_endnote(child):
                result.append(self._endnote(child, counts_lines=True))
            else:
                result.append(self.block(child, div_depth))
        return result

    def first_page_marker(self) -> dict | None:
        """A margin marker for the stretch before the first pb, when its number is known."""
        return self._milestone(self._page_marker()) if self.pages[0] else None

    def block(self, el: etree._Element, div_depth: int) -> dict:
        name = local_name(el)
        block = {"tag": name, "id": el.get(XML_ID, ""), "classes": self._classes(el, name)}
        if self.source.is_container(el):
            nested = self.blocks(el, div_depth + (name in DIVS))
            if name in PAGE_SECTION_ENDS and self._pending_footnotes:
                nested.append(self._milestone(self._flush_footnotes()))
            return {**block, "kind": "container", "children": nested}
        out: list[str] = []
        self._recent_text = ""
        self._keep_lines = name in LINE_KEEPING or any(local_name(a) in LINE_KEEPING for a in el.iterancestors())
        if name in BLOCK_NAMES:
            self._content(el, out)
        else:
            self._node(el, out)
        return {**block, "kind": "leaf", "level": min(div_depth + 1, 6),
                "html": self.source.keep(Markup("".join(out).strip()))}

    @staticmethod
    def _classes(el: etree._Element, name: str) -> str:
        classes = [f"tei-{name}"]
        if el.get("type"):
            classes.append(f"type-{el.get('type')}")
        classes.extend(f"rend-{token}" for token in (el.get("rend") or "").split())
        return " ".join(classes)

    def _milestone(self, html: str) -> dict:
        return {"kind": "milestone", "tag": "", "id": "", "classes": "", "html": self.source.keep(Markup(html))}

    # -- inline ---------------------------------------------------------------------------

    def _content(self, el: etree._Element, out: list[str], without: etree._Element | None = None) -> None:
        """The element's text and children in order; `without` (a child shown elsewhere) left out."""
        self._read(el, out, without, as_node=False)

    def _node(self, el: etree._Element, out: list[str]) -> None:
        """The element itself, by its handler, as it stands among its siblings."""
        self._read(el, out, None, as_node=True)

    def _read(self, el: etree._Element, out: list[str], without: etree._Element | None, as_node: bool) -> None:
        """Read off `tei.walk`: an element's content is read when its handler wraps it
        (`_wrap`), and a part read in an element's place (a choice's reading) is a walk of
        its own pushed on `_streams`, so no nesting costs Python stack. A note's body read
        into its own list (`_note_body`) comes back here, once per level of notes."""
        streams, depth, here = self._streams, len(self._streams), self._here
        self._push(el, out, without, as_node)
        while len(streams) > depth:
            walk, events, out, without, as_node = streams[-1]
            step = next(events, None)
            if step is None:
                streams.pop()
                continue
            event, node = step
            if event == TEXT:
                self._text(node.text, out)
            elif event == TAIL:
                self._text(node.tail, out)
            elif event == START:
                self._start(walk, node, out, without, as_node)
            elif event == END:
                closings = self._closings.pop()
                for closing in closings:
                    if isinstance(closing, str):
                        out.append(closing)
                    else:
                        closing()
            else:
                self._text(entity_text(node), out)
        self._here = here

    def _push(self, el: etree._Element, out: list[str], without=None, as_node: bool = False) -> None:
        walk = Walk(el)
        self._streams.append((walk, iter(walk), out, without, as_node))

    def _start(self, walk: Walk, node: etree._Element, out: list[str], without, as_node: bool) -> None:
        """An element's start: its handler runs (the walk's own root only when read `as_node`)."""
        if node is walk.root and not as_node:
            self._closings.append([])
            return
        here = self._here = _Here(node)
        if node is not without:
            self._strip_next_text = False
            self._handlers.get(local_name(node), self._span)(node, out)
        if not here.reads_content:
            walk.skip()
        self._closings.append(here.closings)

    def _text(self, text: str, out: list[str]) -> None:
        if self._strip_next_text:
            text = text.lstrip()
            if not text:
                return
            self._strip_next_text = False
        if text.strip():
            self._joining = False
        out.append(escape(text))
        self._recent_text = (self._recent_text + text)[-64:]

    def _wrap(self, el: etree._Element, out: list[str], tag: str, attrs: dict[str, str | None]) -> None:
        """`el`'s content in a `tag`: the element being read, or a part read in its place."""
        attrs.setdefault("id", el.get(XML_ID))
        out.append(f"<{tag}{_attrs(attrs)}>")
        self._here.closings.append(f"</{tag}>")
        if el is self._here.element:
            self._here.reads_content = True
        else:
            self._push(el, out)

    def _span(self, el: etree._Element, out: list[str]) -> None:
        self._wrap(el, out, "span", {"class": f"tei-{local_name(el)}"})

    def _skip(self, el: etree._Element, out: list[str]) -> None:
        """Page furniture, deletions and images stay out of the reading text."""

    def _position(self) -> str:
        """Where the walk is, as `page.line` on a printed page (either alone when the other
        is unknown), else as the source file's line, `l. 1504`."""
        label = self.pages[self.page]
        if not self.printed_pages[self.page] and self.source_line:
            return f"l. {self.source_line}"
        if label and self.line:
            return f"{label}.{self.line}"
        return label or (str(self.line) if self.line else "")

    def _record(self, kind: str, lemma: str, readings: list[dict], note: str = "") -> str:
        """Add an apparatus entry at the current place; returns the id of its anchor."""
        anchor = f"tk-app-{next(self._ids)}"
        self.apparatus.append({"kind": kind, "key": self._position(), "lemma": lemma,
                               "readings": readings, "note": note, "href": f"#{anchor}"})
        return anchor

    # -- lines, pages, hyphenation ---------------------------------------------------------

    def _lb(self, el: etree._Element, out: list[str]) -> None:
        if not self._in_note:
            self.source_line = el.get("n") or self.source_line
        if self._joining:
            pass
        elif (how := line_end(el, self._recent_text, self.line_ends)) != BETWEEN_WORDS:
            self._join_word(el, how, out)
        elif self._keep_lines and self._last_text_piece(out) is not None:
            out.append("<br>")
        else:
            out.append("\n")
        self._count_line(out)

    def _count_line(self, out: list[str]) -> None:
        """Every fifth line gets a margin number: its line on a printed page, else (as the
        apparatus locates it) its line in the source file."""
        if not self._in_note:
            self.line += 1
            if self.line % 5 == 0:
                n = self.line if self.printed_pages[self.page] or not self.source_line else self.source_line
                out.append(f'<span class="ln" data-n="{escape(n)}"></span>')

    def _join_word(self, el: etree._Element, how: str, out: list[str]) -> None:
        """Join the two halves of a word split at a line or page end (`how`, as
        `walk.line_end` finds it), and note how in the apparatus: a printed hyphen (`pc`, or
        a plain one the rules find the printer's) is dropped, a restored one (`supplied`)
        and a compound's own are kept."""
        self._joining = self._strip_next_text = True
        last = self._last_text_piece(out)
        if last is not None:
            out[last] = out[last].rstrip()
        dropped = ""     # the plain hyphen dropped, as printed
        if how == DROPPED_HYPHEN:
            how = PRINTED_HYPHEN
            if last is not None:
                out[last] = out[last][:-1]
            dropped = self._recent_text.rstrip()[-1]
            self._recent_text = self._recent_text.rstrip()[:-1]
        if not self.hyphenation_in_apparatus:
            return
        before, after = split_word(self._recent_text, el)
        if how == PRINTED_HYPHEN:
            source = f"{before}{dropped or printed_hyphen(el)}|{after}"
        elif how == RESTORED_HYPHEN:
            source = f"{before[:-1]}|{after}"
        else:
            source = f"{before}|{after}"
        anchor = self._record("hyphenation", before + after, [{"text": source, "siglum": ""}], how)
        out.append(f'<span class="hyph" id="{anchor}"></span>')

    @staticmethod
    def _last_text_piece(out: list[str]) -> int | None:
        """Where the last piece of text (not markup, not only space) stands in `out`."""
        for index in range(len(out) - 1, -1, -1):
            if not out[index].startswith("<") and out[index].strip():
                return index
        return None

    def _pb(self, el: etree._Element, out: list[str]) -> None:
        if not self._joining and (how := line_end(el, self._recent_text, self.line_ends)) != BETWEEN_WORDS:
            self._join_word(el, how, out)
        self._turn_page(out)

    def _turn_page(self, out: list[str]) -> None:
        if not self._in_note:
            out.append(self._flush_footnotes())
        self.page = min(self.page + 1, len(self.pages) - 1)
        self.line = 0
        out.append(self._page_marker(at_block_start=self._last_text_piece(out) is None))

    def _page_marker(self, at_block_start: bool = True) -> str:
        """The page number for the margin; within a line a bar shows where the page turned."""
        label = self.pages[self.page]
        css_class = "pb" if at_block_start else "pb in-line"
        return (f'<span class="{css_class}" id="tk-pb-{self.page}" data-n="{escape(label)}" role="doc-pagebreak"'
                f' aria-label="page {escape(label) or self.page}"></span>')

    def _flush_footnotes(self) -> str:
        """The footnotes of the page just ended, to stand at the foot of its section."""
        if not self._pending_footnotes:
            return ""
        notes, self._pending_footnotes = self._pending_footnotes, []
        return f'<span class="page-notes">{"".join(notes)}</span>'

    # -- notes and links -------------------------------------------------------------------

    def _is_endnote(self, note: etree._Element) -> bool:
        """Marked as an endnote, or called by a `ref` from elsewhere; a footnote written
        where it is called (inside the text's paragraph) stays a footnote."""
        if note.get("place") in END_PLACES or note.get("type") == "endnote":
            return True
        parent = note.getparent()
        at_its_call = parent is not None and local_name(parent) not in BLOCK_CONTAINERS
        return note.get(XML_ID) in self._called_notes and not (at_its_call and note.get("place") == "foot")

    @staticmethod
    def _leading_label(note: etree._Element) -> etree._Element | None:
        """The note's printed sign as a `label` before any of its text, if it has one."""
        if (note.text or "").strip():
            return None
        first_child = next((child for child in note if local_name(child) not in ("lb", "pb")), None)
        return first_child if first_child is not None and local_name(first_child) == "label" else None

    def _note_body(self, note: etree._Element, counts_lines: bool, without: etree._Element | None = None) -> str:
        """The note's content; `without` (its sign, shown by the caller) is left out."""
        was_in_note, self._in_note = self._in_note, not counts_lines
        recent_text, self._recent_text = self._recent_text, ""
        out: list[str] = []
        self._content(note, out, without)
        self._in_note, self._recent_text = was_in_note, recent_text
        return "".join(out).strip()

    def _endnote(self, note: etree._Element, counts_lines: bool, note_id: str = "", call_id: str = "") -> dict:
        note_id = note_id or note.get(XML_ID) or f"tk-note-{next(self._ids)}"
        return {"kind": "endnote", "tag": "note", "id": note_id, "classes": "endnote",
                "back": self._backlinks.get(note_id, call_id),
                "html": self.source.keep(Markup(self._note_body(note, counts_lines)))}

    def _note(self, el: etree._Element, out: list[str]) -> None:
        place = el.get("place") or ""
        if self._in_note or place in ("inline", "in"):
            self._wrap(el, out, "span", {"class": "tei-note inline-note"})
        elif place in MARGIN_PLACES:
            self._wrap(el, out, "span", {"class": "tei-note margin-note"})
        elif self._is_endnote(el):
            note_id, call_id = el.get(XML_ID) or f"tk-note-{next(self._ids)}", ""
            if note_id not in self._called_notes:
                call_id = f"tk-call-{note_id}"
                out.append(self._note_call("note-ref", call_id, note_id, el.get("n") or str(len(self.endnotes) + 1)))
            self.endnotes.append(self._endnote(el, counts_lines=False, note_id=note_id, call_id=call_id))
        else:
            self._footnote(el, out)

    def _footnote(self, el: etree._Element, out: list[str]) -> None:
        """A call in the text and the note at the foot of its page, each showing the note's
        sign once: a `ref` before the note is its call, else one is made from @n; at the
        foot the sign (@n, else the note's leading label) is the link back."""
        label = self._leading_label(el)
        n = el.get("n") or (plain(label) if label is not None else "") or str(next(self._footnote_numbers))
        note_id = el.get(XML_ID) or f"tk-fn-{next(self._ids)}"
        if note_id in self._called_notes:
            call_id = self._backlinks[note_id]
        else:
            call_id = f"tk-call-{note_id}"
            out.append(self._note_call("fn-call", call_id, note_id, n))
        self._pending_footnotes.append(
            f'<span class="footnote" id="{escape(note_id)}" role="doc-footnote">'
            f'<a class="fn-back" href="#{escape(call_id)}" role="doc-backlink">{escape(n)}</a> '
            f'{self._note_body(el, counts_lines=False, without=label)}</span>')

    @staticmethod
    def _note_call(css_class: str, call_id: str, note_id: str, n: str) -> str:
        return (f'<a class="{css_class}" id="{escape(call_id)}" href="#{escape(note_id)}"'
                f' role="doc-noteref">{escape(n)}</a>')

    def _ref(self, el: etree._Element, out: list[str]) -> None:
        pointer = (el.get("target") or "").split()
        target = id_ref(el.get("target"))
        attrs: dict[str, str | None] = {"class": f"tei-{local_name(el)}"}
        if target in self._note_ids:
            attrs.update({"class": "note-ref", "role": "doc-noteref", "href": f"#{target}"})
            generated = f"tk-ref-{target}"
            if not el.get(XML_ID) and self._backlinks.get(target) == generated and target not in self._generated_ref_ids:
                self._generated_ref_ids.add(target)
                attrs["id"] = generated
        elif pointer:
            attrs["href"] = _safe_href(pointer[0])
        if local_name(el) == "ptr":
            out.append(f"<a{_attrs({'id': el.get(XML_ID), **attrs})}>{escape(pointer[0] if pointer else '')}</a>")
        else:
            self._wrap(el, out, "a", attrs)

    def _anchor(self, el: etree._Element, out: list[str]) -> None:
        if el.get(XML_ID):
            out.append(f'<span class="tei-anchor" id="{escape(el.get(XML_ID))}"></span>')

    # -- names, dates, editorial interventions ----------------------------------------------

    def _person(self, el: etree._Element, out: list[str]) -> None:
        name = local_name(el)
        key = id_ref(el.get("ref") or el.get("key"))
        if (name != "persName" and el.get("type") != "person") or not key:
            self._wrap(el, out, "span", {"class": f"tei-{name}"})
            return
        person = self.register.get(key)
        if person is None:
            self.external_names.setdefault(key, plain(el))
        mention = f"tk-m{next(self._ids)}"
        self.mentions.setdefault(key, []).append((self.page, mention))
        title = person["tooltip"] if person else f"{plain(el)} ({key})"
        self._wrap(el, out, "span", {"class": "person", "id": mention, "title": title, "data-ref": key})

    def _date(self, el: etree._Element, out: list[str]) -> None:
        when = el.get("when") or el.get("when-iso")
        start, end = el.get("from") or el.get("notBefore"), el.get("to") or el.get("notAfter")
        if when:
            value = when
        elif start or end:
            value = f"{start or '..'}/{end or '..'}"
        else:
            self._wrap(el, out, "span", {"class": f"tei-{local_name(el)}"})
            return
        if when and _HTML_DATE.match(when):
            self._wrap(el, out, "time", {"class": "date", "datetime": when, "title": value})
        else:
            self._wrap(el, out, "span", {"class": "date", "title": value})

    def _choice(self, el: etree._Element, out: list[str]) -> None:
        shown, replaced = choice_sides(el)
        if shown is None:
            return
        attrs: dict[str, str | None] = {"class": f"tei-{local_name(shown)}"}
        exchanged = choice_intervention(el)
        if exchanged is not None:
            reading = plain(replaced)
            siglum = SIGLA[exchanged.kind]
            if exchanged.kind == "correction" and (self.line_ends.teikit or exchanged.ocr):
                siglum = "OCR"
            cert = shown.get("cert")
            attrs["id"] = self._record(exchanged.kind, plain(shown), [{"text": reading, "siglum": siglum}],
                                       f"cert. {cert}" if cert else "")
            attrs["title"] = f"{siglum}: {reading}"
        self._wrap(shown, out, "span", attrs)
        source_breaks = source_side_breaks(el, shown)
        if source_breaks:
            self._here.closings.append(lambda: self._count_source_breaks(source_breaks, out))

    def _count_source_breaks(self, source_breaks: list[etree._Element], out: list[str]) -> None:
        """The line and page breaks only the source side of a choice has still count."""
        for source_break in source_breaks:
            if local_name(source_break) == "lb":
                self._count_line(out)
            else:
                self._turn_page(out)

    def _app(self, el: etree._Element, out: list[str]) -> None:
        shown, variants = app_readings(el)
        if shown is None:
            return
        readings = [{"text": plain(r) or "om.", "siglum": " ".join(w.lstrip("#") for w in (r.get("wit") or "").split())}
                    for r in variants]
        anchor = self._record("variant", plain(shown), readings)
        title = "; ".join(f"{v['text']} {v['siglum']}".strip() for v in readings)
        self._wrap(shown, out, "span", {"class": "tei-lem", "id": anchor, "title": title})

    def _supplied(self, el: etree._Element, out: list[str]) -> None:
        if el.get("reason") == "lost-hyphen":
            self._wrap(el, out, "span", {"class": "supplied-hyphen", "title": "hyphen restored by the editor"})
        else:
            self._wrap(el, out, "span", {"class": "tei-supplied", "title": f"supplied: {el.get('reason') or 'editor'}"})

    def _pc(self, el: etree._Element, out: list[str]) -> None:
        """A printed line-end hyphen (`pc` before `lb break="no"`) is not read, nor is the
        source's own markup (`pc type="markup"`: Markdown's asterisks around italics)."""
        if is_printed_line_end_hyphen(el) or el.get("type") == "markup":
            return
        self._wrap(el, out, "span", {"class": "tei-pc"})

    # -- typography -----------------------------------------------------------------------

    def _hi(self, el: etree._Element, out: list[str]) -> None:
        classes = ["tei-hi", *(f"rend-{token}" for token in (el.get("rend") or "").split())]
        self._wrap(el, out, "span", {"class": " ".join(classes)})

    def _emph(self, el: etree._Element, out: list[str]) -> None:
        self._wrap(el, out, "em", {"class": "tei-emph"})

    def _title(self, el: etree._Element, out: list[str]) -> None:
        self._wrap(el, out, "cite", {"class": f"tei-title level-{el.get('level') or 'm'}"})

    def _foreign(self, el: etree._Element, out: list[str]) -> None:
        self._wrap(el, out, "span", {"class": "tei-foreign", "lang": el.get(XML_LANG)})

    def _gap(self, el: etree._Element, out: list[str]) -> None:
        reason = el.get("reason") or "not transcribed"
        out.append(f'<span class="tei-gap" title="gap: {escape(reason)}">[…]</span>')

    def _space(self, el: etree._Element, out: list[str]) -> None:
        out.append(" ")
