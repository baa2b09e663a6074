"""The page sequence of a whole document: candidate folios aligned to page positions at once.

A line that looks like a page number proves nothing alone (a chronology's `1936`, a list's
`7`); the sequence does. `best_chain` takes the heaviest chain of candidates whose numbers
rise at a plausible number of source lines per page (dynamic programming over a bounded
window of predecessors, so linear in the number of candidates). Once the document's own
rate of lines per page is known, the chain may also jump to a number out of step where the
next candidate stands exactly one page further on (a manuscript foliated by an archive, a
book bound from parts), at a cost, and never backwards: `pb/@n` must rise. `fill_gaps` then
reads the folios that OCR mangled (`m`, `888`) from the positions the sequence expects.
"""
from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(slots=True)
class Candidate:
    """A line that could be furniture, with the page number it shows and how likely it is."""

    index: int                 #: position in doc.lines
    number: int
    shown: str                 #: the number as printed
    kind: str                  #: "pageNum" or "header"
    head_text: str             #: a running head's words without the number
    weight: float
    roman: bool = False        #: a front-matter folio in roman numerals
    strong: bool = False       #: alone on its line between blank lines: may start a jump


@dataclass(frozen=True)
class Rates:
    """Bounds on the source lines a printed page takes, and the document's own rate."""

    low: float
    high: float
    median: float | None = None
    penalty: float = 0.0       #: cost of a link's log deviation from the median
    jump_cost: float | None = None  #: cost of a jump out of step; None: no jumps


def best_chain(cands: list[Candidate], rates: Rates, window: int) -> list[Candidate]:
    """The heaviest chain whose numbers rise at rates.low..rates.high lines per page."""
    if not cands:
        return []
    score = [c.weight for c in cands]
    back: list[int | None] = [None] * len(cands)
    for j, cj in enumerate(cands):
        for i in range(max(0, j - window), j):
            link = link_cost(cands[i], cj, rates)
            if link is not None and score[i] + cj.weight - link > score[j]:
                score[j], back[j] = score[i] + cj.weight - link, i
    j: int | None = max(range(len(cands)), key=score.__getitem__)
    chain = []
    while j is not None:
        chain.append(cands[j])
        j = back[j]
    return chain[::-1]


def link_cost(a: Candidate, b: Candidate, rates: Rates) -> float | None:
    """What chaining b after a costs; None where b cannot follow a."""
    pages, gap = b.number - a.number, b.index - a.index
    if pages < 1:
        return None
    if (pages - 1) * rates.low <= gap <= pages * rates.high:
        if not rates.median:
            return 0.0
        # over a few pages, blank or part-title pages vary the rate
        return rates.penalty * abs(math.log(max(gap, 1) / pages / rates.median)) * min(1.0, pages / 10)
    if rates.jump_cost is not None and a.strong and b.strong and is_one_page(gap, rates.median, 0.6):
        return rates.jump_cost
    return None


def is_one_page(gap: float, median: float | None, tolerance: float = 0.5) -> bool:
    return bool(median) and abs(gap / median - 1) <= tolerance


def chain_rate(chain: list[Candidate]) -> float | None:
    """The median source lines per page over the chain's links in step."""
    rates = sorted((b.index - a.index) / (b.number - a.number) for a, b in zip(chain, chain[1:]))
    return rates[len(rates) // 2] if len(rates) >= 2 else None


def find_pagination(cands: list[Candidate], low: float, high: float, window: int, spread: float,
                    penalty: float, jump_cost: float) -> list[Candidate]:
    """First a chain within generous bounds; then, around the median rate it shows (a stray
    number fits the generous bounds, rarely the document's own rate), the final chain, in
    which jumps out of step are allowed."""
    chain = best_chain(cands, Rates(low, high), window)
    median = chain_rate(chain)
    if median is None:
        return chain
    if median < 2 * low:
        # numbers a few lines apart count items or rows (a table of contents, an index),
        # not pages; the pages may be numbered elsewhere: look again without that stretch
        rest = [c for c in cands if not chain[0].index <= c.index <= chain[-1].index]
        if len(rest) < len(cands):
            return find_pagination(rest, low, high, window, spread, penalty, jump_cost)
        return []
    return best_chain(cands, Rates(max(low, median / spread), min(high, median * spread), median,
                                   penalty, jump_cost), window)


def fill_gaps(chain: list[Candidate], folio_like, fits, tolerance: float = 0.2) -> list[tuple[int, int]]:
    """(index, number) for lines standing where the chain expects a folio it lacks.

    Between two chained folios k pages apart, page j is expected j/k of the way; a line
    that `folio_like(index_from, index_to)` offers near there is that folio if
    `fits(index, number)`, whatever OCR made of its digits. After the last folio, one more
    page at the chain's rate.
    """
    found: list[tuple[int, int]] = []
    median = chain_rate(chain)
    ends = list(zip(chain, chain[1:]))
    if median and chain:
        last = chain[-1]
        ends.append((last, Candidate(last.index + round(median * 2), last.number + 2, "", "", "", 0.0)))
    for a, b in ends:
        pages = b.number - a.number
        if pages < 2:
            continue
        step = (b.index - a.index) / pages
        if median and not is_one_page(step, median):
            continue                       # a jump, or pages of no regular length
        taken = set()
        for index in folio_like(a.index + 1, b.index):
            j = round((index - a.index) / step)
            if 1 <= j < pages and j not in taken and abs(index - a.index - j * step) <= tolerance * step \
                    and fits(index, a.number + j):
                taken.add(j)
                found.append((index, a.number + j))
    return found
