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

from dataclasses import dataclass
from pathlib import Path

from . import XML_ID, T
from .tei.reader import parse_tei, text_root
from .ocr import ends_in_hyphen
from .tei.rules import NOT_READ, LineEnds, is_printed_line_end_hyphen, local_name, printed_hyphen
from .tei.walk import (
    BETWEEN_WORDS, DROPPED_HYPHEN, PRINTED_HYPHEN, RESTORED_HYPHEN, START, TAIL, TEXT, Walk,
    choice_intervention, line_end, split_word,
)

#: how a break joins a word (`walk.line_end`) -> how the apparatus names it
LINE_END_KINDS = {PRINTED_HYPHEN: "printed hyphen dropped", DROPPED_HYPHEN: "printed hyphen dropped",
                  RESTORED_HYPHEN: "lost hyphen restored"}
#: text kept of what was read lately: enough for the word before a break
RECENT = 64


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


def line_end_decision(how: str, before_text: str, milestone) -> tuple[str, str, str]:
    """(kind, reading, source) for a break inside a word, joined `how` (`walk.line_end`)."""
    before, after = split_word(before_text, milestone)
    kind = LINE_END_KINDS.get(how) or ("hyphen kept" if ends_in_hyphen(before) else "line-end join")
    if how == PRINTED_HYPHEN:
        return kind, before + after, f"{before}{printed_hyphen(milestone)}|{after}"
    if how == DROPPED_HYPHEN:
        return kind, before[:-1] + after, f"{before}|{after}"
    if how == RESTORED_HYPHEN:
        return kind, f"{before}-{after}", f"{before}|{after}"
    return kind, before + after, f"{before}|{after}"


def interventions(path: Path) -> list[Intervention]:
    """Every intervention in the TEI file at `path`, in text order."""
    return interventions_in(text_root(parse_tei(path)))


def interventions_in(root) -> list[Intervention]:
    """Every intervention in a TEI `text`, off one walk; what is not read (furniture, a
    printed hyphen) holds none and is not the word before a break."""
    rules = LineEnds(root)
    page = line = None
    recent = ""
    joining = False      # after a break inside a word, up to its next text: a break there is the same join
    found: list[Intervention] = []
    walk = Walk(root)
    for event, elem in walk:
        if event in (TEXT, TAIL):
            text = elem.text if event == TEXT else elem.tail
            recent = (recent + text)[-RECENT:]
            joining = joining and not text.strip()
            continue
        if event != START:
            continue
        tag = local_name(elem)
        if tag in NOT_READ or tag in ("pc", "supplied") and is_printed_line_end_hyphen(elem):
            walk.skip()
        elif tag in ("pb", "lb"):
            how = line_end(elem, recent, rules)
            if how != BETWEEN_WORDS and not joining:   # listed on the line where the word starts
                kind, reading, source = line_end_decision(how, recent, elem)
                found.append(Intervention(kind, page, line, reading, source, ""))
            joining = joining or how != BETWEEN_WORDS
            if tag == "pb":
                page = elem.get("n") or page
            else:
                line = elem.get("n") or line
        elif tag == "choice":
            exchanged = choice_intervention(elem)
            if exchanged is None or exchanged.kind != "correction":
                continue
            corr = exchanged.shown
            detail = ", ".join(f"{key} {corr.get(key)}" for key in ("resp", "cert") if corr.get(key))
            found.append(Intervention("correction", page, line, text_of(corr),
                                      " ".join(text_of(exchanged.replaced).split()), detail))
        elif tag == "note" and elem.get("place") in ("foot", "bottom") and \
                elem.getparent() is not None and elem.getparent().tag not in (f"{T}div", f"{T}back"):
            first = elem.find(f".//{T}lb")
            found.append(Intervention("footnote moved to its marker", page,
                                      first.get("n") if first is not None else line,
                                      elem.get("n") or "", "note printed at the foot of the page",
                                      f"note {elem.get(XML_ID)}" if elem.get(XML_ID) else ""))
    return found
