"""`teikit apparatus FILE.xml`: every editorial intervention in a TEI file, with its place.

A reader who wants to check the edition against the source needs the list of what the
encoder changed: OCR corrections (`choice` with `reg type="ocr"` and `orig`, or
`sic`/`corr`), decisions at words broken at a line end (`lb break="no"` after a printed
hyphen `pc`, a restored `supplied` hyphen, a kept hyphen, or a plain join), and footnotes
moved from the foot of the page to their markers. Each is listed with its source page (`pb/@n`) and line (`lb/@n`, the source
line number):

    p.13 l.1011  much] m uch  (correction, resp #teikit, cert high)
    p.14 l.1040  capitalism] capital|ism  (line-end join)
    l.88  *] footnote moved to its marker  (note fn1)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import XML_ID, T
from .tei.reader import parse_tei, text_root
from .tei.rules import choice_sides, hyphen_mark, is_ocr_correction, local_name, text_after

LAST_WORD = re.compile(r"(\S*)\s*$")
FIRST_WORD = re.compile(r"^\s*(\S*)")


@dataclass
class Intervention:
    kind: str          #: correction, line-end join/hyphen, footnote moved
    page: str | None   #: pb/@n in force
    line: str | None   #: lb/@n in force: the source line
    reading: str       #: what the edition reads
    source: str        #: what the source has
    detail: str        #: resp, cert, ids

    def __str__(self) -> str:
        where = " ".join(part for part in (f"p.{self.page}" if self.page else "",
                                           f"l.{self.line}" if self.line else "") if part)
        return f"{where}  {self.reading}] {self.source}  ({self.kind}{', ' + self.detail if self.detail else ''})"


def text_of(elem) -> str:
    return "".join(elem.itertext())


def text_before(elem) -> str:
    previous = elem.getprevious()
    if previous is not None:
        return previous.tail or (text_of(previous) if previous.tag != f"{T}lb" else "")
    parent = elem.getparent()
    return (parent.text or "") if parent is not None else ""


def line_end_decision(lb) -> tuple[str, str, str]:
    """(kind, reading, source) for an `lb break="no"`."""
    mark = hyphen_mark(lb)
    before = LAST_WORD.search(text_before(mark if mark is not None else lb)).group(1)
    after = FIRST_WORD.match(text_after(lb)).group(1)
    if mark is not None and local_name(mark) == "pc":
        return "printed hyphen dropped", before + after, f"{before}-|{after}"
    if mark is not None:
        return "lost hyphen restored", f"{before}-{after}", f"{before}|{after}"
    if before.endswith("-"):
        return "hyphen kept", before + after, f"{before}|{after}"
    return "line-end join", before + after, f"{before}|{after}"


def interventions(path: Path) -> list[Intervention]:
    root = text_root(parse_tei(path))
    page = line = None
    found: list[Intervention] = []
    for elem in root.iter(f"{T}pb", f"{T}lb", f"{T}choice", f"{T}note"):
        tag = elem.tag[len(T):]
        if tag == "pb":
            page = elem.get("n") or page
        elif tag == "lb":
            if elem.get("break") == "no":   # listed on the line where the word starts
                kind, reading, source = line_end_decision(elem)
                found.append(Intervention(kind, page, line, reading, source, ""))
            line = elem.get("n") or line
        elif tag == "choice":
            corr, sic = choice_sides(elem)
            if sic is None or not (local_name(corr) == "corr" or is_ocr_correction(corr)):
                continue
            detail = ", ".join(f"{key} {corr.get(key)}" for key in ("resp", "cert") if corr.get(key))
            found.append(Intervention("correction", page, line, text_of(corr),
                                      " ".join(text_of(sic).split()), detail))
        elif tag == "note" and elem.get("place") in ("foot", "bottom") and \
                elem.getparent() is not None and elem.getparent().tag not in (f"{T}div", f"{T}back"):
            first = elem.find(f".//{T}lb")
            found.append(Intervention("footnote moved to its marker", page,
                                      first.get("n") if first is not None else line,
                                      elem.get("n") or "", "note printed at the foot of the page",
                                      f"note {elem.get(XML_ID)}" if elem.get(XML_ID) else ""))
    return found
