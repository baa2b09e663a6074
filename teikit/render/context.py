"""A TEI document -> the plain dicts and lists the templates receive (no lxml nodes)."""
from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from lxml import etree

from teikit.errors import SourceError
from teikit.render.header import read_colophon, read_register
from teikit.render.tei import first, local_name
from teikit.render.text import TextWalker


#: Python frames the render may take: a few per element, for the parser's deepest tree (256)
WALK_RECURSION_LIMIT = 5000


@contextmanager
def deep_enough() -> Iterator[None]:
    """Room on Python's stack for the deepest tree the parser lets through.

    The walk over the text (TextWalker) and the templates' block macro recurse once per
    nested element; the parser's depth limit, not Python's default 1000 frames, must
    bound them. (The text views and exports walk off an explicit stack: tei.reader.walk.)
    """
    recursion_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(recursion_limit, WALK_RECURSION_LIMIT))
    try:
        yield
    finally:
        sys.setrecursionlimit(recursion_limit)


def build_context(root: etree._Element, *, hyphenation_in_apparatus: bool = True) -> dict:
    """Everything edition.html shows: colophon, text blocks, notes, apparatus, person index.

    Only the TEI `text` is shown; the header goes into the colophon.
    """
    text = root if local_name(root) == "text" else first(root, "text")
    if text is None:
        raise SourceError("no <text> element: nothing to render")
    register = read_register(root)
    colophon = read_colophon(root)
    walker = TextWalker(text, register, hyphenation_in_apparatus=hyphenation_in_apparatus)
    marker = walker.first_page_marker()
    with deep_enough():
        blocks = ([marker] if marker else []) + walker.blocks(text)
    return {
        "colophon": colophon,
        "lang": colophon["language"],
        "blocks": blocks,
        "endnotes": walker.endnotes,
        "apparatus": walker.apparatus,
        "persons": person_index(register, walker),
    }


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
