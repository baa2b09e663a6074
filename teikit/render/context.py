"""A TEI document -> the plain dicts and lists the templates receive (no lxml nodes)."""
from __future__ import annotations

import itertools
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree
from markupsafe import Markup

from teikit.errors import SourceError
from teikit.render.stream import DocumentScan, Spool, StreamedText, WholeText
from teikit.render.tei import first, local_name
from teikit.render.text import TextWalker


#: Python frames the render may take: a few per element, for the parser's deepest tree (256)
WALK_RECURSION_LIMIT = 5000
#: A part of the table of contents with more entries than this is folded (a long book).
TOC_UNFOLDED_MAX = 20
TOC_PARTS = {"front": "Front matter", "body": "Text", "back": "Back matter"}
DATE_BLOCKS = frozenset({"dateline", "docDate"})
_NOTE_CALL = re.compile(r'<a class="(?:fn-call|note-ref)"[^>]*>.*?</a>', re.S)


@contextmanager
def deep_enough() -> Iterator[None]:
    """Room on Python's stack for the deepest tree the parser lets through.

    The templates' block macro recurses once per nested block; the parser's depth limit,
    not Python's default 1000 frames, must bound it. (The text is read off an explicit
    stack: tei.walk.)
    """
    recursion_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(recursion_limit, WALK_RECURSION_LIMIT))
    try:
        yield
    finally:
        sys.setrecursionlimit(recursion_limit)


def build_context(root: etree._Element, *, hyphenation_in_apparatus: bool = True,
                  links: dict | None = None) -> dict:
    """Everything edition.html shows: colophon, table of contents, text blocks, notes,
    apparatus, person index, the legend of the margins and highlighting, and `links` (to
    the site index, the TEI file and its exports: {"index": href, "tei": href, "exports":
    [{"label", "href"}]}, each optional).

    Only the TEI `text` is shown; the header goes into the colophon. `stream_context` gives
    the same from a file, without holding its tree.
    """
    text = root if local_name(root) == "text" else first(root, "text")
    if text is None:
        raise SourceError("no <text> element: nothing to render")
    scan = DocumentScan()
    scan.feed(etree.iterwalk(root, events=("start", "end")))
    return _context(scan.finish(), WholeText(text), hyphenation_in_apparatus, links)


def stream_context(events: Iterator[tuple[str, etree._Element]], scan: DocumentScan, spool: Spool, *,
                   hyphenation_in_apparatus: bool = True, links: dict | None = None) -> dict:
    """`build_context` of a file as it is parsed (`events`, a second `tei.reader.iterparse_tei`
    after `scan` has read it once), the blocks' HTML in `spool` (see `render.stream`)."""
    source = StreamedText(events, scan, spool)
    if source.text is None:
        raise SourceError("no <text> element: nothing to render")
    return _context(scan, source, hyphenation_in_apparatus, links)


def _context(scan: DocumentScan, source, hyphenation_in_apparatus: bool, links: dict | None) -> dict:
    walker = TextWalker(scan, source, hyphenation_in_apparatus=hyphenation_in_apparatus)
    marker = walker.first_page_marker()
    blocks = ([marker] if marker else []) + walker.blocks(source.text)
    apparatus = apparatus_groups(walker.apparatus)
    return {
        "colophon": scan.colophon,
        "lang": scan.colophon["language"],
        "toc": table_of_contents(blocks),
        "links": {"index": "", "tei": "", "exports": [], **(links or {})},
        "blocks": blocks,
        "endnotes": walker.endnotes,
        "apparatus": walker.apparatus,
        "corrections": apparatus["corrections"],
        "hyphenation": apparatus["hyphenation"],
        "legend": legend(walker),
        "principles": plain_principles(walker, apparatus),
        "persons": person_index(scan.register, walker),
    }


def table_of_contents(blocks: list[dict]) -> list[dict]:
    """The parts of the text (front, body, back), each with its headed divisions in order:
    {"title", "entries": [{"id", "title", "date", "children"}], "count", "folded"}.

    A division without a head is passed through (its headed divisions are listed in its
    place); a division listed gets an id if it has none, so the entry can link to it.
    """
    parts = [b for b in blocks if b.get("kind") == "container" and b["tag"] in TOC_PARTS]
    if not parts:
        parts = [{"tag": "", "children": blocks}]
    ids = itertools.count(1)
    toc = []
    for part in parts:
        entries = _toc_entries(part["children"], ids)
        if entries:
            count = _count(entries)
            toc.append({"title": TOC_PARTS.get(part["tag"], "Contents"), "entries": entries,
                        "count": count, "folded": count > TOC_UNFOLDED_MAX})
    return toc


def _toc_entries(blocks: list[dict], ids) -> list[dict]:
    entries = []
    for block in blocks:
        if block.get("kind") != "container" or not block["tag"].startswith("div"):
            continue
        leaves = [child for child in block["children"] if child.get("kind") == "leaf"]
        head = next((leaf for leaf in leaves if leaf["tag"] == "head"), None)
        children = _toc_entries(block["children"], ids)
        if head is None:
            entries.extend(children)
            continue
        block["id"] = block["id"] or f"tk-div-{next(ids)}"
        date = next((leaf for leaf in leaves if leaf["tag"] in DATE_BLOCKS), None)
        entries.append({"id": block["id"], "title": _plain_html(head["html"]),
                        "date": _plain_html(date["html"]) if date else "", "children": children})
    return entries


def _count(entries: list[dict]) -> int:
    return sum(1 + _count(entry["children"]) for entry in entries)


def _plain_html(html: str) -> str:
    """A heading's words without its note calls or markup."""
    return Markup(_NOTE_CALL.sub("", str(html))).striptags()


def apparatus_groups(entries: list[dict]) -> dict[str, list[dict]]:
    """The apparatus in two groups: the corrections, variants and other readings first,
    then the hyphenation decisions (many, and of less interest), each in text order."""
    groups: dict[str, list[dict]] = {"corrections": [], "hyphenation": []}
    for entry in entries:
        groups["hyphenation" if entry["kind"] == "hyphenation" else "corrections"].append(entry)
    return groups


def legend(walker: TextWalker) -> list[dict]:
    """What the margins and the highlighting of this edition mean: {"sample", "class", "text"},
    only for what the text has."""
    pages = walker.pages[1:]
    items = []
    if any(label and not label.startswith("⟨") for label in pages):
        items.append({"sample": "[12]", "class": "legend-page",
                      "text": "left margin: the page of the printed source that begins here"})
    if any(label.startswith("⟨") for label in walker.pages):
        items.append({"sample": "⟨3⟩", "class": "legend-page",
                      "text": "a page of the source counted by the edition (the source prints no page numbers)"})
    if "" in pages:
        items.append({"sample": "[–]", "class": "legend-page", "text": "a page whose number the source does not print"})
    if all(walker.printed_pages) and (walker.line >= 5 or len(walker.pages) > 1):
        items.append({"sample": "5", "class": "legend-line",
                      "text": "right margin: every fifth line of the source page"})
    elif not all(walker.printed_pages):
        items.append({"sample": "1505", "class": "legend-line",
                      "text": "right margin, and l. in the apparatus: the line of the source file, where the "
                              "source's pages are not printed pages (a web or e-text source)"})
    if walker.mentions:
        items.append({"sample": "Name", "class": "legend-person",
                      "text": "dotted underline: a person; point at it for the full name and dates, "
                              "the index of persons lists every page"})
    if any(entry["kind"] != "hyphenation" for entry in walker.apparatus):
        items.append({"sample": "word", "class": "legend-reading",
                      "text": "tinted underline: the editor's reading where the source differs "
                              "(an OCR error corrected, an abbreviation expanded); point at it to see the source, "
                              "the apparatus lists each"})
    return items


def plain_principles(walker: TextWalker, apparatus: dict[str, list[dict]]) -> list[str]:
    """The editorial principles in plain words, from what this edition does (the colophon's
    detail keeps the encoding's own statement, in TEI terms)."""
    principles = ["The text is the source's: its spelling, capitalisation and punctuation are kept; "
                  "running heads, page numbers and other page furniture are left out of the reading text."]
    if apparatus["corrections"]:
        principles.append(f"{len(apparatus['corrections'])} places where the edition reads otherwise than the "
                          "source (mostly OCR errors corrected) are marked in the text and listed first "
                          "in the apparatus with what the source has.")
    if apparatus["hyphenation"] or not walker.hyphenation_in_apparatus:
        principles.append("Words divided at the end of a line are printed whole; a hyphen that belongs to "
                          "the word (a compound) is kept."
                          + (" Each decision is listed in the apparatus under Hyphenation."
                             if apparatus["hyphenation"] else ""))
    if walker.mentions:
        principles.append("Persons are identified where the text names them and listed in the index of persons.")
    return principles


def person_index(register: dict[str, dict], walker: TextWalker) -> list[dict]:
    """A book's index of persons: every register entry, then persons of an outside register
    that the text mentions, sorted by index name, with one link per page mentioned."""
    entries = dict(register)
    for key, name in walker.external_names.items():
        entries[key] = {"name": name, "index_name": name, "life": "", "tooltip": name, "idnos": []}
    index = []
    for key, person in entries.items():
        first_mention_on_page: dict[int, str] = {}
        for page, anchor in walker.mentions.get(key, []):
            first_mention_on_page.setdefault(page, anchor)
        pages = [{"label": _locator(walker.pages, page), "href": f"#{anchor}"}
                 for page, anchor in first_mention_on_page.items()]
        index.append({**person, "key": key, "id": "person-" + re.sub(r"[^\w-]", "-", key), "pages": pages})
    return sorted(index, key=lambda entry: entry["index_name"].casefold())


def _locator(pages: list[str], page: int) -> str:
    """The page's number, or the last number printed before an unnumbered page ("57 f.")."""
    if pages[page]:
        return pages[page]
    earlier = next((label for label in reversed(pages[:page]) if label), "")
    return f"{earlier} f." if earlier else "–"
