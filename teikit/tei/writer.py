"""Document -> TEI P5 tree.

The writer derives every milestone from the model: `<lb n="LINE"/>` at each source line
(n is the line number in the source file), `<pb n/>` where a line starts a page, `<fw>`
for furniture, `<lb break="no"/>` (with `<pc force="weak">-</pc>` or a restored
`<supplied>`) where a word runs over a line end, and the nesting of stand-off marks. No
whitespace is written next to `<lb break="no"/>` (a continued line's leading spaces go in its
`rend`), so renderers that ignore `@break` still keep the word whole. Corrections, notes and
source markup take the forms other projects' TEI clients show right (tests/test_interop.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .. import TEI_NS, XML_NS, T
from ..model import Block, Document, Hyphen, Line, Mark
from ..ocr import ends_in_hyphen
from ..report import Report
from .rules import SIGN_PRINTED, indent_rend


#: characters XML 1.0 cannot hold; written as <g type="ctrl" n="U+000C"/> so nothing is lost
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def tei(tag: str, attrs: dict[str, str] | None = None, parent=None):
    """An element in the TEI namespace; "xml:id"-style keys go to the XML namespace."""
    if not attrs and parent is not None:
        return etree.SubElement(parent, T + tag)
    attrib = {("{%s}%s" % (XML_NS, key[4:]) if key.startswith("xml:") else key): str(value)
              for key, value in (attrs or {}).items() if value is not None}
    if parent is None:
        return etree.Element(T + tag, attrib, nsmap={None: TEI_NS})
    return etree.SubElement(parent, T + tag, attrib)


def add_text(elem, text: str) -> None:
    """Append text after the last child (its tail) or inside the element."""
    if not text:
        return
    if _NOT_XML.search(text) is None:
        _append(elem, text)
        return
    for i, piece in enumerate(_NOT_XML.split(text)):
        if i:
            char = _NOT_XML.findall(text)[i - 1]
            tei("g", {"type": "ctrl", "n": f"U+{ord(char):04X}"}, elem)
        if piece:
            _append(elem, piece)


def _append(elem, piece: str) -> None:
    """Text after the last child; `elem[-1]` is found from the end, where `len(elem)` would
    count every child of a growing paragraph at each line (quadratic in its lines)."""
    try:
        last = elem[-1]
    except IndexError:
        elem.text = (elem.text or "") + piece
        return
    last.tail = (last.tail or "") + piece


#: when two marks span the same text, the lower rank is the outer element
_RANK = {"persName": 0, "date": 1, "title": 2, "hi": 3, "ref": 4, "choice": 9}


@dataclass
class _Node:
    mark: Mark
    children: list["_Node"]


def nest_marks(marks: list[Mark], report: Report, line: int | None) -> list[_Node]:
    """Marks as a tree; a mark crossing an earlier one is dropped with a message."""
    ordered = sorted(marks, key=lambda m: (m.start, m.start != m.end, -m.end, _RANK.get(m.tag, 5)))
    roots: list[_Node] = []
    stack: list[_Node] = []
    for mark in ordered:
        while stack and stack[-1].mark.end <= mark.start:
            stack.pop()
        if stack and mark.end > stack[-1].mark.end:
            outer = stack[-1].mark
            report.warning("TK301", f"<{mark.tag}> crosses <{outer.tag}>; <{mark.tag}> left out", line)
            continue
        node = _Node(mark, [])
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


class BlockWriter:
    """Writes one leaf block's lines and marks into an element."""

    def __init__(self, block: Block, report: Report):
        self.block = block
        self.report = report
        self.text = block.text
        # offsets of "\n" in block.text -> the text line that ends there, and furniture after it
        self.breaks: dict[int, tuple[Line, list[Line], Line]] = {}
        self.first_line: Line | None = None
        pending: list[Line] = []
        previous: Line | None = None
        offset = 0
        for line in block.lines:
            if line.kind == "fw":
                pending.append(line)
            elif line.kind == "text":
                if previous is None:
                    self.leading, self.first_line = pending, line
                else:
                    self.breaks[offset - 1] = (previous, pending, line)
                pending = []
                offset += len(line.text) + 1
                previous = line
        if previous is None:
            self.leading = pending
        self.trailing = pending

    def write(self, elem, drop_label: bool = False) -> None:
        """The block's lines and marks; a footnote's opening label is left out where the
        note's @n prints it (see `footnote_at_anchor`)."""
        if self.first_line is not None and not self.first_line.continues:
            write_page_break(elem, self.first_line)
            tei("lb", {"n": str(self.first_line.n)}, elem)
        marks, start = self.block.marks, 0
        label = opening_label(self.block)
        if drop_label and label is not None:
            marks, start = [m for m in marks if m is not label], label.end
        nodes = nest_marks(marks, self.report, self.first_line.n if self.first_line else None)
        self.write_range(elem, start, len(self.text), nodes)

    def write_range(self, elem, start: int, end: int, nodes: list[_Node]) -> None:
        pos = start
        signed_note = None      # a footnote whose marker (the node before it) is left out
        for index, node in enumerate(nodes):
            following = nodes[index + 1] if index + 1 < len(nodes) else None
            if following is not None and self.footnote_at_anchor(node, following):
                self.write_text(elem, pos, node.mark.start)
                pos, signed_note = max(pos, node.mark.end), following
                continue
            self.write_text(elem, pos, node.mark.start)
            self.write_mark(elem, node, drop_label=node is signed_note)
            pos = max(pos, node.mark.end)
        self.write_text(elem, pos, end)

    def footnote_at_anchor(self, ref: _Node, note: _Node) -> bool:
        """A footnote marker right before its note, printing the note's sign (`@n`) as the
        note's opening label does: the note, standing at its anchor, is its own anchor, and
        neither sign is written: clients print `@n` once, and `rend="n-printed"` tells the
        diplomatic view to restore both."""
        ref_mark, note_mark = ref.mark, note.mark
        if not (ref_mark.tag == "ref" and note_mark.tag == "note" and note_mark.start == ref_mark.end
                and note_mark.attrs.get("place") == "foot" and len(note_mark.blocks) == 1
                and ref_mark.attrs.get("target") == "#" + str(note_mark.attrs.get("xml:id"))):
            return False
        sign = note_mark.attrs.get("n")
        label = opening_label(note_mark.blocks[0])
        return (not ref.children and self.text[ref_mark.start:ref_mark.end] == sign and label is not None
                and note_mark.blocks[0].text[label.start:label.end] == sign)

    def write_mark(self, elem, node: _Node, drop_label: bool = False) -> None:
        mark = node.mark
        if mark.tag == "choice":     # an OCR misreading corrected
            attrs = {"type": "ocr", **{k: v for k, v in mark.attrs.items() if k != "corr"}}
            orig = write_reading(elem, attrs, mark.attrs["corr"])
            self.write_range(orig, mark.start, mark.end, node.children)
            return
        if mark.tag == "pc" and mark.attrs.get("type") == "markup":     # a Markdown asterisk
            orig = write_reading(elem, {"type": "markup"}, "")
            self.write_range(tei("pc", mark.attrs, orig), mark.start, mark.end, node.children)
            return
        child = tei(mark.tag, {**mark.attrs, "rend": SIGN_PRINTED} if drop_label else mark.attrs, elem)
        for inner in mark.blocks:
            if len(mark.blocks) == 1 and inner.lines:
                BlockWriter(inner, self.report).write(child, drop_label)
            else:
                write_block(child, inner, self.report)
        self.write_range(child, mark.start, mark.end, node.children)

    def write_text(self, elem, start: int, end: int) -> None:
        pos = start
        while pos < end:
            newline = self.text.find("\n", pos, end)
            if newline < 0:
                add_text(elem, self.text[pos:end])
                return
            pos = self.write_line_end(elem, pos, newline, end)

    def write_line_end(self, elem, pos: int, newline: int, end: int) -> int:
        """The break after `text[pos:newline]`; returns where the next line's text starts
        (after the leading whitespace a word-joining break records in its `rend`)."""
        line, furniture, following = self.breaks[newline]
        hyphen = line.hyphen
        body = self.text[pos:newline]
        joined = hyphen is not Hyphen.NONE
        if not joined:
            add_text(elem, body + "\n")    # most lines: their text and line end in one piece
        elif hyphen is Hyphen.PRINTED and ends_in_hyphen(body):
            add_text(elem, body[:-1])
            tei("pc", {"force": "weak"}, elem).text = body[-1]     # as printed: `-`, `¬`...
        else:
            add_text(elem, body)
            if hyphen is Hyphen.RESTORE:
                tei("supplied", {"reason": "lost-hyphen"}, elem).text = "-"
        for fw in furniture:
            write_furniture(elem, fw, joined)
        write_page_break(elem, following, joined)
        attrs = {"n": str(following.n), "break": "no"} if joined else {"n": str(following.n)}
        start = newline + 1
        if joined:
            stop = start
            while stop < end and self.text[stop].isspace():
                stop += 1
            if stop > start:
                attrs["rend"] = indent_rend(self.text[start:stop])
                start = stop
        etree.SubElement(elem, T + "lb", attrs)  # tei("lb", ...), the writer's most common element
        return start


def endnote_in_notes_section(note: Block) -> Block:
    """An endnote of a printed Notes section, as every common client shows such a section: in
    place, its text once and numbered once. No `place="end"` (clients collect such notes and
    leave a row of bare links where the section was); the printed number (`label`) becomes a
    `ref` back to the marker, as the marker's `ref` points at the note, and is the note's
    only number (no `@n`, which the TEI Stylesheets would print before it)."""
    attrs = {k: v for k, v in note.attrs.items() if k != "place"}
    label = opening_label(note)
    if label is None:
        return Block(note.kind, note.lines, attrs, note.marks, note.children)
    del attrs["n"]
    back = attrs.get("corresp")
    marks = [Mark("ref", m.start, m.end, {"target": back}) if m is label and back else m for m in note.marks]
    return Block(note.kind, note.lines, attrs, marks, note.children)


def opening_label(block: Block) -> Mark | None:
    """The `label` mark that opens a note's text (its printed sign or number), or None."""
    return next((m for m in block.marks if m.tag == "label" and m.start == 0), None)


def write_reading(elem, attrs: dict[str, str], reading: str):
    """`<choice><reg ATTRS>reading</reg><orig/></choice>`; returns the `orig` for the source's
    text. An OCR misreading (`reg type="ocr"`) is a transcription error, not the printer's
    (no `sic`); a source's markup character is the orig of an empty `reg type="markup"`. The
    TEI Stylesheets show `reg` alone, TEI Publisher offers `orig` on demand, CETEIcean hides
    `orig` by the header's rendition (`header.OCR_READING`); the diplomatic view reads `orig`."""
    choice = tei("choice", None, elem)
    add_text(tei("reg", attrs, choice), reading)
    return tei("orig", None, choice)


def write_page_break(elem, line: Line, joined: bool = False) -> None:
    if line.page_break is not None:
        tei("pb", {"n": line.page_break or None, "break": "no" if joined else None}, elem)


def write_furniture(elem, line: Line, joined: bool = False) -> None:
    write_page_break(elem, line, joined)
    fw = tei("fw", {"type": line.fw_type or "header"}, elem)
    add_text(fw, line.text)
    if not joined:
        add_text(elem, "\n")


def write_block(parent, block: Block, report: Report) -> None:
    """A block and its children; furniture at a leaf's edges stands outside it."""
    if block.children or not block.lines:
        elem = tei(block.kind, block.attrs, parent)
        elem.text = "\n"
        for child in block.children:
            write_block(elem, child, report)
        elem.tail = "\n"
        return
    if block.kind == "note" and block.attrs.get("place") == "end":
        block = endnote_in_notes_section(block)
    writer = BlockWriter(block, report)
    for line in writer.leading:
        write_furniture(parent, line)
    elem = tei(block.kind, block.attrs, parent)
    writer.write(elem)
    elem.tail = "\n"
    for line in writer.trailing:
        write_furniture(parent, line)


def write_text_element(parent, doc: Document, report: Report):
    text = text_element(parent, doc)
    for section, blocks in text_sections(text, doc):
        for block in blocks:
            write_block(section, block, report)
    return text


def text_element(parent, doc: Document):
    """The `text` element with its sections (`front` and `back` where they hold blocks,
    `body` always), each empty but for its line end; a body without blocks holds a gap."""
    text = tei("text", None, parent)
    for name, blocks in (("front", doc.front), ("body", doc.body), ("back", doc.back)):
        if not blocks and name != "body":
            continue
        section = tei(name, None, text)
        section.text = section.tail = "\n"
        if not blocks:
            tei("gap", {"reason": "no-text", "quantity": "0"}, tei("div", None, section))
    return text


def text_sections(text, doc: Document) -> list[tuple[etree._Element, list[Block]]]:
    """The sections of a `text_element` that hold blocks, each with its top-level blocks."""
    sections = {section.tag[len(T):]: section for section in text}
    return [(sections[name], blocks) for name, blocks in (("front", doc.front), ("body", doc.body),
                                                            ("back", doc.back)) if blocks]
