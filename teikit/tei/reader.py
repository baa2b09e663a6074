"""TEI -> text views: the diplomatic lines of the source and the reading text.

Works on teikit's TEI and on other projects': the diplomatic view keeps what the source
showed (sic, orig, abbr, printed hyphens, furniture) and drops what an editor added
(corr, reg, expan, supplied); the reading view does the opposite and leaves furniture out.
Lines are split at `lb`, `fw` and block elements; when every `lb` carries a numeric `@n`
(teikit writes source line numbers there) lines come back in source order, so a footnote
moved to its point of attachment returns to where the source printed it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .. import TEI_NS
from ..errors import SourceError

T = "{%s}" % TEI_NS

#: elements whose content starts a new line / paragraph
BLOCKS = frozenset(
    T + name for name in (
        "p", "head", "dateline", "byline", "salute", "signed", "speaker", "item", "label", "l", "ab",
        "note", "titlePart", "docImprint", "docAuthor", "docDate", "trailer", "argument", "epigraph",
        "bibl", "cell", "row", "fw", "div", "lg", "sp", "opener", "closer", "list", "quote", "titlePage",
        "docTitle", "front", "body", "back", "table", "figure", "postscript",
    )
)
#: editorial additions: left out of the diplomatic view
EDITORIAL = frozenset(T + n for n in ("corr", "reg", "expan", "supplied", "ex"))
#: source readings: left out of the reading view where an editorial reading exists
SOURCE_SIDE = frozenset(T + n for n in ("sic", "orig", "abbr", "am"))
#: never text
SKIP_ALWAYS = frozenset(T + n for n in ("figDesc", "interp", "interpGrp", "span", "link", "linkGrp",
                                         "listPerson", "listPlace", "listOrg", "index", "gap", "del"))


def parse_tei(path) -> etree._ElementTree:
    """Parse safely: no entities expanded, no network, no DTD, no XInclude."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.parse(str(path), parser)
    except OSError:
        raise SourceError("no such file or not readable", file=str(path)) from None
    except etree.XMLSyntaxError as exc:
        raise SourceError(f"not well-formed XML: {exc.msg}", file=str(path), line=exc.lineno) from None


def text_root(tree: etree._ElementTree):
    """The outermost <text> (TEI namespace, or none for namespace-less TEI)."""
    root = tree.getroot()
    if root.tag in (T + "text", "text"):
        return root
    found = root.find(f".//{T}text")
    if found is None:
        found = root.find(".//text")
    if found is None:
        raise SourceError("no <text> element: is this a TEI document?", file=tree.docinfo.URL or "")
    return found


def _strip_ns(elem) -> None:
    """Namespace-less TEI (old projects) is read as if it were in the TEI namespace."""
    for node in elem.iter():
        if isinstance(node.tag, str) and not node.tag.startswith("{"):
            node.tag = T + node.tag


@dataclass
class _Line:
    key: float
    parts: list[str] = field(default_factory=list)


class _Diplomatic:
    def __init__(self):
        self.lines: list[_Line] = []
        self.stack: list[tuple[_Line, float]] = []
        self.current = _Line(0.0)
        self.last_key = 0.0
        self.numbered = True

    def new_line(self, n: str | None = None) -> None:
        if n is not None and re.fullmatch(r"\d+", n):
            key = float(n)
        else:
            if n is not None:
                self.numbered = False
            key = self.last_key + 1e-4
        self.last_key = key
        self.current = _Line(key)
        self.lines.append(self.current)

    def add(self, text: str | None) -> None:
        if text:
            self.current.parts.append(text)

    def result(self) -> list[str]:
        lines = sorted(self.lines, key=lambda line: line.key) if self.numbered else self.lines
        out = ["".join(line.parts).rstrip() for line in lines]
        return [line for line in out if line.strip()]


def diplomatic_lines(tree: etree._ElementTree) -> list[str]:
    """The source's non-blank lines, as the source printed them (trailing spaces aside)."""
    root = text_root(tree)
    if not root.tag.startswith("{"):
        _strip_ns(root)
    view = _Diplomatic()
    # teikit's TEI numbers every source line: then only lb and fw start lines, and a line
    # split between elements (speaker label and speech) reads as one
    numbered = any((n or "").isdigit() for n in root.xpath(".//t:lb/@n", namespaces={"t": TEI_NS}))
    starts_line = frozenset({T + "fw"}) if numbered else BLOCKS
    skip_depth = 0
    for event, elem in etree.iterwalk(root, events=("start", "end")):
        tag = elem.tag if isinstance(elem.tag, str) else ""
        if event == "start":
            if skip_depth or tag in EDITORIAL or tag in SKIP_ALWAYS or not tag:
                skip_depth += 1
                continue
            if tag == T + "note":
                view.stack.append((view.current, view.last_key))
            if tag == T + "lb" or tag in starts_line:
                view.new_line(elem.get("n") if tag == T + "lb" else None)
            elif tag == T + "g" and elem.get("type") == "ctrl" and (elem.get("n") or "").startswith("U+"):
                view.add(chr(int(elem.get("n")[2:], 16)))
            if not (numbered and tag in BLOCKS and not (elem.text or "").strip()):
                view.add(elem.text)
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth == 0 and elem is not root:
                    view.add(elem.tail)
                continue
            if tag == T + "note" and view.stack:
                view.current, view.last_key = view.stack.pop()
            elif tag in starts_line and tag != T + "note":
                view.new_line(None)
            if elem is not root and not (numbered and tag in BLOCKS and not (elem.tail or "").strip()):
                view.add(elem.tail)
    return view.result()


def reading_paragraphs(tree: etree._ElementTree) -> list[str]:
    """The reading text, one paragraph per block: words joined, furniture and notes' markers out.

    Inline notes follow the paragraph they stand in, introduced by their marker.
    """
    root = text_root(tree)
    if not root.tag.startswith("{"):
        _strip_ns(root)
    paragraphs: list[str] = []
    _read_block(root, paragraphs)
    return [p for p in paragraphs if p]


def _read_block(elem, out: list[str]) -> None:
    buffer: list[str] = []
    notes: list = []
    _read_inline(elem, buffer, notes, out, top=True)
    text = _squeeze("".join(buffer))
    if text:
        out.append(text)
    for note in notes:
        start = len(out)
        _read_block(note, out)
        if len(out) > start and note.get("n"):
            out[start] = f"{note.get('n')} {out[start]}"


def _read_inline(elem, buffer: list[str], notes: list, out: list[str], top: bool = False) -> None:
    if not top:
        buffer.append(elem.text or "")
    elif elem.text:
        buffer.append(elem.text)
    for child in elem:
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag or tag in SKIP_ALWAYS or tag == T + "fw" or tag in SOURCE_SIDE and _has_editorial_sibling(child):
            pass
        elif tag == T + "note":
            notes.append(child)
        elif tag == T + "pc" and _ends_word_at_break(child):
            pass
        elif tag in (T + "lb", T + "pb", T + "cb") and _joins(child):
            while buffer and buffer[-1] != buffer[-1].rstrip():
                buffer[-1] = buffer[-1].rstrip()
            buffer.append((child.tail or "").lstrip())
            continue
        elif tag == T + "lb":
            buffer.append(" ")
        elif tag in BLOCKS:
            text = _squeeze("".join(buffer))
            if text:
                out.append(text)
            buffer.clear()
            _read_block(child, out)
        elif tag in (T + "choice", T + "app"):
            _read_inline(_editorial_reading(child), buffer, notes, out)
        else:
            _read_inline(child, buffer, notes, out)
        buffer.append(child.tail or "")


def _joins(milestone) -> bool:
    return milestone.get("break") == "no" or milestone.get("type") == "hyphenInWord" or milestone.get("rend") == "-"


def _ends_word_at_break(pc) -> bool:
    """A pc directly before a joining lb/pb (furniture between them aside) is the printed hyphen."""
    if (pc.tail or "").strip():
        return False
    following = pc.getnext()
    while following is not None and following.tag in (T + "fw", T + "pb") and not _joins(following):
        if (following.tail or "").strip():
            return False
        following = following.getnext()
    return following is not None and following.tag in (T + "lb", T + "pb") and _joins(following)


def _has_editorial_sibling(elem) -> bool:
    parent = elem.getparent()
    return parent is not None and parent.tag == T + "choice" and any(c.tag in EDITORIAL for c in parent)


def _editorial_reading(choice):
    for name in ("corr", "reg", "expan", "lem"):
        found = choice.find(T + name)
        if found is not None:
            return found
    return choice[0] if len(choice) else choice


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
