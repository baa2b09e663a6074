"""Page furniture: page numbers and running heads become `fw` lines, and pages get breaks.

OCR keeps the furniture of the printed page as ordinary lines. Before:

    judgment on his guilt or innocence in the Moscow trials.
    13
    14 Writings of Leon Trotsky (1936-37)
    One literary product of this activity was the book ...

after: `13` is `fw` pageNum (it stays on page 13: no break on its line), the running head
is `fw` header and starts page 14 (`page_break="14"`), so the writer gives
`<fw type="pageNum">13</fw><pb n="14"/><fw type="header">14 Writings ...</fw>`.

A line of text can look like furniture (a chronology's `1936`, a title with a glued note
number `THE END? 159`), so one line alone proves nothing. The evidence is the sequence:
candidates are scored by their form, and the best chain in which the printed numbers rise
at a plausible number of source lines per page is taken (dynamic programming over the
candidates, a bounded window of predecessors, so linear in practice). A chain shorter than
`min_chain` is no pagination at all (web texts, Markdown books). OCR noise in the number
is read through (`l3` 13, `2 1` 21, `O` 0); running heads that recur with their number
lost are recognised by their text.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ..model import Document, Line
from ..ocr import OCR_DIGITS
from ..pipeline import PassSpec
from ..report import Report


@dataclass(frozen=True)
class Options:
    min_chain: int = 3            #: fewer page numbers in sequence than this: no pagination
    max_page: int = 1500          #: larger numbers are years or counts, never page numbers
    max_lines_per_page: int = 150  #: source lines a printed page can take (blank lines included)
    min_lines_per_page: int = 4   #: below this, pages skipped between two numbers are implausible
    rate_spread: float = 3.0      #: second round: a page takes 1/spread to spread times the median
    rate_penalty: float = 2.0     #: second round: cost of a link's log deviation from the median rate
    max_head_chars: int = 70      #: a running head is a short line
    folio_position: str = "foot"  #: where a page number alone on a line stands: "foot" or "head"
    window: int = 60              #: candidates looked back at when chaining (keeps it linear)


#: a page number as OCR reads it: digits, maybe spaced (`2 1`), l/I for 1, O/o for 0
_NUMBER = r"[0-9lIOo](?: ?[0-9lIOo]){0,3}"
_ALONE = re.compile(rf"\s*({_NUMBER})\s*")
_NUMBER_FIRST = re.compile(rf"\s*({_NUMBER})\s+([A-Z\"'“‘(].*?)\s*")
#: the head may end in a number (`Notes for Pages 103-125 529`) but not in a lone digit,
#: which would be part of a spaced-out date (`January 3 1 ,  1 9 3 7`)
_NUMBER_LAST = re.compile(rf"\s*([A-Z\"'“‘(].*?(?:[^\s\d.,;:!-]|\d\d))\s+({_NUMBER})\s*")
_LOWER = re.compile(r"[a-z]")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]{2}")


@dataclass(slots=True)
class Candidate:
    """A line that could be furniture, with the page number it shows and how likely it is."""

    index: int                 #: position in doc.lines
    number: int
    shown: str                 #: the number as printed
    kind: str                  #: "pageNum" or "header"
    head_text: str             #: a running head's words without the number
    weight: float


def read_number(shown: str) -> int | None:
    """The value of an OCR'd page number; None unless at least one real digit shows."""
    if not any(ch.isdigit() for ch in shown):
        return None
    return int(shown.replace(" ", "").translate(OCR_DIGITS))


def head_key(text: str) -> str:
    """A running head's text compared without OCR spacing, case and O/0 confusion."""
    return re.sub(r"[\W_]", "", text).lower().translate(OCR_DIGITS)


def find_candidates(lines: list[Line], opts: Options) -> list[Candidate]:
    found: list[Candidate] = []

    def blank(i: int) -> bool:
        return not (0 <= i < len(lines)) or lines[i].kind == "blank"

    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        text = line.text
        if len(text) > opts.max_head_chars + 4 or not _DIGIT.search(text):
            continue
        if m := _ALONE.fullmatch(text):
            shown, kind, head, weight = m.group(1), "pageNum", "", 1.5
        elif (m := _NUMBER_FIRST.fullmatch(text)) or (m := _NUMBER_LAST.fullmatch(text)):
            first = m.re is _NUMBER_FIRST
            shown, head = (m.group(1), m.group(2)) if first else (m.group(2), m.group(1))
            if not _LETTERS.search(head):
                continue
            # a running head is set in title case; capitals are an article title with its note number
            kind, weight = "header", 2.0 if _LOWER.search(head) else 0.25
        else:
            continue
        number = read_number(shown)
        if number is None or not 1 <= number <= opts.max_page:
            continue
        weight += 0.5 * blank(i - 1) + 0.5 * blank(i + 1)
        found.append(Candidate(i, number, shown, kind, head, weight))
    # the book's title recurs on every other page: a recurring head is surely furniture
    recurring = Counter(head_key(c.head_text) for c in found if c.kind == "header")
    for c in found:
        if c.kind == "header" and recurring[head_key(c.head_text)] > 1:
            c.weight += 1.0
    return found


def find_pagination(cands: list[Candidate], opts: Options) -> list[Candidate]:
    """The page-number chain: first within generous bounds, then within bounds around the
    median rate of lines per page that the first chain shows (a stray number fits the
    generous bounds, rarely the document's own rate)."""
    chain = best_chain(cands, opts.min_lines_per_page, opts.max_lines_per_page, opts.window, None, 0.0)
    rates = sorted((b.index - a.index) / (b.number - a.number) for a, b in zip(chain, chain[1:])
                   if b.number - a.number > 1)
    if len(rates) < 2:
        return chain
    median = rates[len(rates) // 2]
    return best_chain(cands, max(opts.min_lines_per_page, median / opts.rate_spread),
                      min(opts.max_lines_per_page, median * opts.rate_spread), opts.window,
                      median, opts.rate_penalty)


def best_chain(cands: list[Candidate], min_rate: float, max_rate: float, window: int,
               median: float | None, penalty: float) -> list[Candidate]:
    """The heaviest sequence whose numbers rise at min_rate..max_rate source lines per page.

    With a median rate, a link costs `penalty` times its log deviation from it, weighed by
    how many pages it spans (over a few pages, blank or part-title pages vary the rate).
    """
    score = [c.weight for c in cands]
    back: list[int | None] = [None] * len(cands)
    for j, cj in enumerate(cands):
        for i in range(max(0, j - window), j):
            ci = cands[i]
            pages = cj.number - ci.number
            gap = cj.index - ci.index
            if pages < 1 or gap > pages * max_rate or gap < (pages - 1) * min_rate:
                continue
            total = score[i] + cj.weight
            if median:
                total -= penalty * abs(math.log(max(gap, 1) / pages / median)) * min(1.0, pages / 10)
            if total > score[j]:
                score[j], back[j] = total, i
    if not cands:
        return []
    j: int | None = max(range(len(cands)), key=score.__getitem__)
    chain = []
    while j is not None:
        chain.append(cands[j])
        j = back[j]
    return chain[::-1]


def next_text(lines: list[Line], i: int) -> int | None:
    """Index of the first non-blank line after i."""
    for k in range(i + 1, len(lines)):
        if lines[k].kind not in ("blank", "excluded"):
            return k
    return None


def run(doc: Document, opts: Options, report: Report) -> Document:
    lines = doc.lines
    cands = find_candidates(lines, opts)
    chain = find_pagination(cands, opts)
    if len(chain) < opts.min_chain:
        doc.facts["pages"] = 0
        return doc
    chained = {c.index for c in chain}
    for c in chain:
        line = lines[c.index]
        line.kind, line.fw_type = "fw", c.kind
        if c.shown.replace(" ", "") != str(c.number):
            report.info("TK112", f"page number {c.shown.strip()!r} read as {c.number}", line.n)
    # running heads that recur in the chain, found again where OCR lost their number
    recurring = Counter(head_key(c.head_text) for c in chain if c.kind == "header")
    known_heads = {key for key, count in recurring.items() if count > 1}
    longest = max((len(c.head_text) for c in chain if head_key(c.head_text) in known_heads), default=0)
    for line in lines if known_heads else ():
        if line.kind == "text" and len(line.text) <= longest + 8 and head_key(line.text) in known_heads:
            line.kind, line.fw_type, line.page_break = "fw", "header", ""
            report.info("TK113", f"running head without its page number: {line.text.strip()!r}", line.n)
    for c in chain:
        line = lines[c.index]
        if c.kind == "header" or opts.folio_position == "head":
            line.page_break = str(c.number)
            continue
        start = next_text(lines, c.index)
        if start is None:
            continue
        if start in chained and lines[start].fw_type == "header":
            continue          # the next page's running head carries its own number
        if lines[start].page_break is None:
            lines[start].page_break = str(c.number + 1)
    for c in cands:
        if c.index not in chained and c.kind == "pageNum" and lines[c.index].kind == "text":
            report.info("TK111", f"{lines[c.index].text.strip()!r} looks like page furniture but does not "
                        "fit the page sequence; kept as text", lines[c.index].n)
    doc.facts["pages"] = sum(1 for line in lines if line.page_break is not None)
    return doc


PASS = PassSpec("furniture", run, Options, provides=frozenset({"furniture"}),
                doc="page numbers and running heads as <fw>, page breaks as <pb>")
