"""A TEI document -> the plain dicts and lists the templates receive (no lxml nodes)."""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from teikit.errors import SourceError
from teikit.render.header import is_teikit_tei, read_colophon, read_register
from teikit.render.tei import first, local_name
from teikit.render.text import TextWalker


def parse_tei(path: Path) -> etree._Element:
    """The root of a TEI file; a file that is not well-formed XML is a SourceError."""
    parser = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
    try:
        return etree.parse(str(path), parser).getroot()
    except etree.XMLSyntaxError as err:
        raise SourceError(f"not well-formed XML: {err.msg}", file=str(path), line=err.lineno) from err
    except OSError as err:
        raise SourceError(f"cannot read: {err}", file=str(path)) from err


def build_context(root: etree._Element, *, hyphenation_in_apparatus: bool = True) -> dict:
    """Everything edition.html shows: colophon, text blocks, notes, apparatus, person index.

    Only the TEI `text` is shown; the header goes into the colophon.
    """
    text = root if local_name(root) == "text" else first(root, "text")
    if text is None:
        raise SourceError("no <text> element: nothing to render")
    register = read_register(root)
    colophon = read_colophon(root)
    walker = TextWalker(text, register, teikit_conventions=is_teikit_tei(root),
                        hyphenation_in_apparatus=hyphenation_in_apparatus, lang=colophon["language"])
    marker = walker.first_page_marker()
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
        pages = [{"label": walker.pages[page] or "¶", "href": f"#{anchor}"} for page, anchor in first_mention_on_page.items()]
        index.append({**person, "key": key, "id": "person-" + re.sub(r"[^\w-]", "-", key), "pages": pages})
    return sorted(index, key=lambda entry: entry["index_name"].casefold())
