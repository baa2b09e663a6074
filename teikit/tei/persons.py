"""Reading a TEI `person` entry, as the register CSV export and a register import both
need: its main name, its texts with spaces squeezed, its authority identifiers."""
from __future__ import annotations

import re

from lxml import etree

from .. import T

#: the authorities a register keeps ids of, and the form of a bare id
AUTHORITIES = (("wikidata", r"Q\d+"), ("viaf", r"\d+"))


def squeezed(elem: etree._Element) -> str:
    """An element's text with its runs of white space made one space."""
    return re.sub(r"\s+", " ", "".join(elem.itertext())).strip()


def names_of(person: etree._Element) -> tuple[list[etree._Element], etree._Element | None]:
    """A person's persNames, and the main one: `type="main"`, else the first."""
    names = person.findall(T + "persName")
    return names, next((n for n in names if n.get("type") == "main"), names[0] if names else None)


def authority_id(person: etree._Element, authority: str, pattern: str) -> str:
    """An idno of that type, or an idno/@ref/@sameAs URL on its site: the bare identifier."""
    candidates = [squeezed(i) for i in person.iter(T + "idno") if (i.get("type") or "").lower() == authority]
    candidates += [value for value in [squeezed(i) for i in person.iter(T + "idno")]
                   + person.xpath(".//@ref | .//@sameAs") if authority in value.lower()]
    for candidate in candidates:
        found = re.findall(pattern, candidate)
        if found:
            return found[-1]
    return ""
