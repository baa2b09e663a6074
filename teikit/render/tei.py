"""Namespace-blind helpers for reading TEI, teikit's own or another project's.

Other projects' TEI is sometimes in no namespace (old TEI Lite), so every lookup here goes
by local name (`teikit.tei.rules.local_name`, re-exported here).
"""
from __future__ import annotations

import re

from lxml import etree

from teikit import XML_ID, XML_NS
from teikit.tei.rules import local_name

__all__ = ["XML_ID", "XML_LANG", "children", "descendants", "first", "id_ref", "local_name", "plain"]

XML_LANG = f"{{{XML_NS}}}lang"
_SPACES = re.compile(r"\s+")


def children(el: etree._Element, name: str) -> list[etree._Element]:
    """The element children of `el` with this local name."""
    return [c for c in el if local_name(c) == name]


def first(el: etree._Element | None, path: str) -> etree._Element | None:
    """The first descendant along a slash-separated path of local names (`fileDesc/titleStmt`)."""
    if el is None:
        return None
    steps = path.split("/")
    for start in el.iter(f"{{*}}{steps[0]}"):
        found = [start]
        for step in steps[1:]:
            found = [c for f in found for c in children(f, step)]
        if found:
            return found[0]
    return None


def descendants(el: etree._Element, *names: str) -> list[etree._Element]:
    """All descendants of `el` (and itself) with these local names, in document order,
    in or out of a namespace."""
    return list(el.iter(*(f"{{*}}{name}" for name in names)))


def plain(el: etree._Element | None) -> str:
    """The element's text with whitespace runs collapsed: the form shown in tooltips and lists."""
    if el is None:
        return ""
    return _SPACES.sub(" ", "".join(el.itertext())).strip()


def id_ref(pointer: str | None) -> str:
    """`trotsky` for `#trotsky`; the whole first pointer when it points outside the file."""
    target = (pointer or "").split()
    if not target:
        return ""
    return target[0][1:] if target[0].startswith("#") else target[0]
