"""How teikit reads TEI: one rule per phenomenon, shared by the text views and exports
(`tei/reader.py`) and the HTML renderer (`render/text.py`), so that `teikit text --reading`,
`teikit export` and `teikit render` read a file the same way.

Every test goes by local name, so TEI in no namespace (old TEI Lite, TEI.2) is read as TEI:

- Breaks: `lb`/`pb` with `break="no"` (or `type="hyphenInWord"`, `rend="-"`) join a word;
  a `pc` right before such a break (furniture between them aside) is the printed hyphen and
  is not read; a `supplied` hyphen is read.
- A plain hyphen written as text before a word-joining break, or before a bare `lb`/`pb` in
  another project's TEI (`Amer-<lb/>ican`), joins the halves when a letter precedes it;
  it is the printer's (dropped) when a lowercase letter follows and the joined
  word is not rarer in the language than both halves (wordfreq: `cer-|tain` -> "certain",
  `well-|known` stays "well-known", `Soviet-|Japanese` stays). In teikit's own TEI a printed
  hyphen is always a `pc` and a bare `lb` a word boundary, so a plain hyphen is text there.
- `choice`: the reading is `corr`, `reg` or `expan` (in that order), the source side is its
  `sic`, `orig` or `abbr`; a choice without such a pair reads its first element. Line and
  page breaks that stand only in the source side still count (`<sic>m<lb/>uch</sic>`).
- `app`: the reading is `lem`, else the first `rdg`; the other readings are variants.
- Never read: furniture (`fw`), deletions, gaps, stand-off and metadata (`NOT_READ`).
- Internal-subset entities (`&mdash;` in a DOCTYPE) read as their plain text; external
  entities are never read.
"""
from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from .. import XML_NS
from ..lexicon import word_zipf
from ..ocr import LINE_END_HYPHENS

XML_LANG = f"{{{XML_NS}}}lang"
#: never part of the reading text: furniture, deletions, omissions, stand-off, metadata, variants
NOT_READ = frozenset({
    "fw", "del", "gap", "figDesc", "interp", "interpGrp", "span", "spanGrp", "link", "linkGrp",
    "listPerson", "listPlace", "listOrg", "listEvent", "index", "teiHeader", "standOff", "facsimile",
    "graphic", "binaryObject", "rdg", "rdgGrp", "witDetail", "wit",
})
#: (reading, source side) pairs of a choice, in order of preference
CHOICE_PAIRS = (("corr", "sic"), ("reg", "orig"), ("expan", "abbr"))
BREAKS = ("lb", "pb", "cb")

_LOCAL_NAMES: dict[object, str] = {}
_WORD_AT_END = re.compile(r"\w+$")
_WORD_AT_START = re.compile(r"^\w+")


def local_name(el) -> str:
    """`p` for `{http://www.tei-c.org/ns/1.0}p` and for `p`; "" for comments, PIs and entities.

    Called for every node of a book, so the answers are cached by tag.
    """
    tag = el.tag
    try:
        return _LOCAL_NAMES[tag]
    except KeyError:
        name = _LOCAL_NAMES[tag] = tag.rpartition("}")[2] if isinstance(tag, str) else ""
        return name


def element_children(el) -> list:
    return [c for c in el if local_name(c)]


def is_teikit_tei(root) -> bool:
    """Whether teikit wrote this TEI (its header names the application), so its conventions
    hold: a printed hyphen is a `pc`, a bare `lb` a word boundary."""
    return any(a.get("ident") == "teikit" for a in root.iter("{*}application"))


def text_language(root) -> str:
    """The language of the text (`text/@xml:lang`, else the root's), `en` when unsaid."""
    texts = [root] if local_name(root) == "text" else [next(root.iter("{*}text"), root)]
    for el in (*texts, root):
        if el.get(XML_LANG):
            return el.get(XML_LANG)
    return "en"


def entity_text(node) -> str:
    """An entity reference left unexpanded: the text of an internal-subset entity, else nothing."""
    dtd = node.getroottree().docinfo.internalDTD
    for entity in dtd.iterentities() if dtd is not None else ():
        if entity.name == node.name and entity.content and "<" not in entity.content:
            return entity.content
    return ""


def is_entity(node) -> bool:
    return isinstance(node, etree._Entity)


# -- breaks and hyphens ------------------------------------------------------------------

def joins_word(milestone) -> bool:
    """A line, page or column break inside a word."""
    return milestone.get("break") == "no" or milestone.get("type") == "hyphenInWord" or milestone.get("rend") == "-"


_INDENT = re.compile(r"indent\((\d+|(?:U\+[0-9A-F]{4,6})+)\)")


def indent_rend(space: str) -> str:
    """The `rend` token of a line's leading whitespace after a word-joining break: no client
    then shows "newspa- pers", and the diplomatic view still gives the line as printed.
    `indent(2)` for two spaces, `indent(U+0009)` for anything else."""
    if space.strip(" ") == "":
        return f"indent({len(space)})"
    return "indent(" + "".join(f"U+{ord(c):04X}" for c in space) + ")"


def line_indent(lb) -> str:
    """The leading whitespace an `lb` records in its `rend` (`indent_rend`), else ""."""
    match = _INDENT.search(lb.get("rend") or "")
    if match is None:
        return ""
    value = match.group(1)
    if value.isdigit():
        return " " * int(value)
    return "".join(chr(int(code, 16)) for code in value.split("U+")[1:])


def stands_between_hyphen_and_break(node) -> bool:
    """Furniture, or a page break that does not join, with no text after it: a line-end
    hyphen and its break may stand either side of it (`Amer<pc>-</pc><fw>12</fw><lb break="no"/>`)."""
    name = local_name(node)
    return (name == "fw" or name == "pb" and not joins_word(node)) and not (node.tail or "").strip()


def is_printed_line_end_hyphen(pc, next_sibling=etree._Element.getnext) -> bool:
    """A `pc` directly before a word-joining lb/pb (furniture and plain page breaks between
    them aside) is the hyphen the printer put at the line end: not read. `next_sibling` is
    how the siblings after it are reached (a tree still being parsed parses them first)."""
    if (pc.tail or "").strip():
        return False
    following = next_sibling(pc)
    while following is not None and stands_between_hyphen_and_break(following):
        following = next_sibling(following)
    return following is not None and local_name(following) in ("lb", "pb") and joins_word(following)


def hyphen_mark(milestone):
    """The `pc` or `supplied` standing right before a break (furniture and plain page breaks
    between them aside, no text), or None."""
    previous = milestone.getprevious()
    while previous is not None and stands_between_hyphen_and_break(previous):
        previous = previous.getprevious()
    if previous is None or (previous.tail or "").strip():
        return None
    return previous if local_name(previous) in ("pc", "supplied") else None


def marked_hyphen(milestone) -> str:
    """`pc` or `supplied` when that element marks the hyphen of a break, else ""."""
    mark = hyphen_mark(milestone)
    return local_name(mark) if mark is not None else ""


def printed_hyphen(milestone) -> str:
    """What the `pc` marking a break holds: the hyphen as the source prints it (`-`, `¬`)."""
    mark = hyphen_mark(milestone)
    return "".join(mark.itertext()) if mark is not None else ""


def text_after(milestone, next_sibling=etree._Element.getnext) -> str:
    """The text that follows a break, up to the next text-bearing sibling (`<lb/><hi>ican</hi>`);
    `next_sibling` as for `is_printed_line_end_hyphen`."""
    node = milestone
    while node is not None:
        if (node.tail or "").strip():
            return node.tail
        node = next_sibling(node)
        name = local_name(node) if node is not None else ""   # "" for a comment: no text to read
        if name and name not in NOT_READ and name not in BREAKS:
            text = "".join(node.itertext())
            if text.strip():
                return text
    return ""


def ends_with_plain_hyphen(text: str) -> bool:
    """`Amer-` (a letter, then a hyphen) at the end of the text before a break."""
    text = text.rstrip()
    return len(text) >= 2 and text[-1] in LINE_END_HYPHENS and text[-2].isalpha()


class LineEnds:
    """The hyphenation rules of one document (see the module doc)."""

    def __init__(self, el=None, *, teikit: bool = False, language: str = "en"):
        """The rules of the document `el` is in, or (for a file read as it streams by) of
        one known to be `teikit`'s or not, in `language`."""
        if el is not None:
            root = el.getroottree().getroot()
            teikit, language = is_teikit_tei(root), text_language(root)
        self.teikit = teikit
        self.lang = language.split("-")[0].lower()

    def bare_break_joins(self, milestone, text_before: str) -> bool:
        """Whether a break without @break, after `text_before`, still splits one word."""
        return (not self.teikit and milestone.get("break") is None and local_name(milestone) in ("lb", "pb")
                and ends_with_plain_hyphen(text_before))

    def drops_plain_hyphen(self, text_before: str, text_after: str) -> bool:
        """Whether the plain hyphen ending `text_before`, at a join, is the printer's."""
        after = _WORD_AT_START.match(text_after.lstrip())
        if self.teikit or after is None or not after.group()[0].islower():
            return False
        before = _WORD_AT_END.search(text_before.rstrip()[:-1])
        return before is None or not _compound(before.group(), after.group(), self.lang)


@lru_cache(maxsize=4096)
def _compound(before: str, after: str, lang: str) -> bool:
    """`well|known`: both halves are words and the joined form is rarer than either."""
    try:
        joined = word_zipf(before + after, lang)
        rarer_half = min(word_zipf(before, lang), word_zipf(after, lang))
    except LookupError:   # a language wordfreq does not know: the hyphen is the printer's
        return False
    return joined < rarer_half


# -- editorial choices and variants --------------------------------------------------------

def choice_sides(choice) -> tuple:
    """(the reading shown, the source side it replaces or None) of a `choice`."""
    by_name = {}
    for child in element_children(choice):
        by_name.setdefault(local_name(child), child)
    for reading, source in CHOICE_PAIRS:
        if reading in by_name:
            return by_name[reading], by_name.get(source)
    children = element_children(choice)
    return (children[0] if children else None), None


#: the `rend` token of a footnote teikit wrote at its anchor with neither marker nor label
SIGN_PRINTED = "n-printed"


def is_source_markup(reading) -> bool:
    """`reg type="markup"`: the empty reading of a source's markup character (a Markdown `*`)."""
    return local_name(reading) == "reg" and reading.get("type") == "markup"


def sign_printed_twice(note) -> str:
    """The sign (@n) of a footnote with `rend="n-printed"`: the source printed it at the
    anchor and again at the start of the note's text, and the TEI shows it once, as @n."""
    if SIGN_PRINTED in (note.get("rend") or "").split():
        return note.get("n") or ""
    return ""


def is_ocr_correction(reading) -> bool:
    """`reg type="ocr"`: teikit's correction of an OCR misreading (the source side is `orig`)."""
    return local_name(reading) == "reg" and reading.get("type") == "ocr"


def source_side_breaks(choice, shown) -> list:
    """The lb/pb of a choice's other sides when the reading shown has none: the source's line
    ends there all the same (`<sic>m<lb/>uch</sic><corr>much</corr>`)."""
    if shown is not None and next(shown.iter("{*}lb", "{*}pb"), None) is not None:
        return []
    for side in element_children(choice):
        if side is not shown:
            found = list(side.iter("{*}lb", "{*}pb"))
            if found:
                return found
    return []


def app_readings(app) -> tuple:
    """(the reading of an `app`: its `lem`, else its first `rdg`; the other `rdg`s)."""
    lemma = next((c for c in app if local_name(c) == "lem"), None)
    readings = [r for r in app.iter("{*}rdg") if r is not lemma]
    shown = lemma if lemma is not None else (readings[0] if readings else None)
    return shown, [r for r in readings if r is not shown]
