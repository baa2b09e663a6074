"""Mark calendar expressions with ISO 8601 values, as TEI `<date>` wants them.

Before: `On January 23, 1937, the trial opened (see 1936-37 and April 24-29, 1917).`
After:  `<date when="1937-01-23">January 23, 1937</date>` ... `<date from="1936" to="1937">
1936-37</date>` ... `<date from="1917-04-24" to="1917-04-29">April 24-29, 1917</date>`

The finder reads the block's reading view (line ends joined, OCR corrections applied),
so `J anuary 1 1 , 1937` is found once the corrections pass has recorded its `choice`
marks, and the date mark spans those marks whole. The printed forms are an ordered table
of small named rules (`RULES`, grammar in `date_grammar`); earlier rules win overlaps.

A day without a year is `--01-23`, a month alone `--12`, unless the document itself says
which: a dateline, a masthead or a diary entry head sets the running date, which dates
later yearless days and months, bare entry days, `3d inst.`, `on the 16th` and weekdays
where that is safe (see `date_context`), with `cert="medium"`. A bare number is a year
only in the years a text of this kind talks about and not after `page`, `No.` or a
currency sign; `1930s` is the span 1930-1939. A source in the Julian calendar gets `calendar="#julian"` on every
date (the header declares the calendar).
"""
from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import islice

from ..facts import DatesDone
from ..model import Block, Document, Line, Mark, Nearby, marks_nearby, reading_view
from ..pipeline import PassSpec
from ..patterns import not_after
from ..report import Report
from .date_context import FULL_DAY, RunningDate, infer
from .date_grammar import MONTH_NUMBER, OCR_DIGITS, WEEKDAYS, find_dates, years_on_weekday


def crosses(marks: Iterable[Mark], i: int, j: int) -> bool:
    """Whether [i, j) would cross one of `marks` (overlap it without nesting); `marks` need
    hold only those near it (`Nearby.near`)."""
    for mark in marks:
        if mark.start == mark.end:
            continue
        if mark.start < j and i < mark.end and not (i <= mark.start and mark.end <= j) \
                and not (mark.start <= i and j <= mark.end):
            return True
    return False


@dataclass(frozen=True)
class Options:
    #: "gregorian" or "julian" (edition.yaml's `calendar`); julian adds calendar="#julian"
    calendar: str = "gregorian"
    #: bare numbers outside [earliest_year, latest_year] are never years
    earliest_year: int = 1500
    #: see earliest_year
    latest_year: int = 2099
    #: give a yearless day the year of the running date (a dateline, an entry head) near it
    infer_from_context: bool = True
    #: a full date in the first lines (a newspaper's masthead) dates every article of the
    #: issue, as a running head's does its page (the newspaper profile sets it)
    masthead: bool = False


#: words that lead into a date in running prose: a date after them is part of a sentence
#: or a title (`the rising of` / `October 25, 1917`, `THE VICTORY OF NOVEMBER 7, 1917`,
#: a period's bound: `the year ended` / `October 31, 1912`), not a dateline or an entry head
LEAD_IN = re.compile(r"\b(?:on|of|in|since|until|till|from|to|by|the|and|or|before|after|between|"
                     r"at|about|during|for|dated|ended|ending|beginning|commencing|expiring)\s*$",
                     re.IGNORECASE)
#: a block this short that ends with a date is a dateline (`Fort William, June 9, 1790.`);
#: a longer one is prose, or notes that cite dates
DATELINE_MAX = 80
#: a line ending with a date is a dateline this near the top of a div or the last dateline
#: (characters read), as is a date after a place this short on a block's first line
DATELINE_TOP = 300
PLACE_MAX = 40


#: a year alone on its line: stacked with a day or month, a diary's year heading (`_stacked`)
YEAR_LINE = re.compile(r"\d{4}[.,]?")
#: a day with its ordinal before a capital, in running diary text: the next entry's head
#: (`... and waited 7th The wind rose`, `19th Sunday calm`)
ENTRY_DAY = re.compile(r"[0-3]?\d\s?(?:st|nd|rd|th|d)\b")
NEXT_CAPITAL = re.compile(r"\s+[A-Z]")
#: an ordinal after these ranks what follows (`his 2d Battalion`, `a 3d Edition`)
RANK_BEFORE = re.compile(r"\b(?:a|an|his|her|its|our|their|my|your|this|that|every|each)\s+$", re.IGNORECASE)
#: capitalised words before a date on a block's first line: a place (`Fort William`), and
#: the date after it a letter's dateline anywhere in a document
PLACE = re.compile(r"[A-Z][\w'.]*(?:[ ,]+[A-Z][\w'.]*)*[ ,]*")
#: lines without a letter that open a block (a leaf's or a section's number above a letter's
#: dateline): the block's first line of words comes after them
WORDLESS_LINES = re.compile(r"(?:[^\n\w]*\d*[^\n\w]*\n)*")


def _stacked(text: str, line_start: int, line_end: int) -> bool:
    """Whether the line holds part of a date stacked over lines: an ordinal day alone
    above it (`23d` / `1790`) or a month beginning the line below (`1790` / `Augt 3d`);
    an imprint's or a chronology's year has neither."""
    above = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1:line_start].strip()
    below = text[line_end:line_end + 24].split(None, 1)[:1]
    return bool(ENTRY_DAY.fullmatch(above)) or bool(below) and below[0].rstrip(".,").lower() in MONTH_NUMBER


def _place(text: str, start: int, end: int, at_top: bool = False) -> str | None:
    """"year" where a year stands alone on a line, stacked with a day or month; "head" where
    a date begins its block, or a line of it (not a bare number, not where the line before
    leads into it), and where an ordinal day alone goes on with a capital; "dateline" where
    it closes a short block, where it follows a place on the block's first line (a letter's
    `Fort William 9 June 1790 - I write`) and, `at_top` of a div or document, where it
    closes a line or follows a few words on the first line."""
    before = text[max(0, start - 16):start]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if YEAR_LINE.fullmatch(text[line_start:line_end].strip()) and _stacked(text, line_start, line_end) \
            and not LEAD_IN.search(text[max(0, line_start - 24):line_start].rstrip()):
        return "year"
    if start == 0 or (before.endswith("\n") and not text[start:end].isdigit()
                      and not before.rstrip().endswith(",") and not LEAD_IN.search(before)):
        return "head"
    if LEAD_IN.search(before):
        return None
    if ENTRY_DAY.fullmatch(text, start, end) and NEXT_CAPITAL.match(text, end) \
            and not RANK_BEFORE.search(before):
        return "head"
    rest = text[end:].lstrip(" .,;:)]")
    if not rest.strip() and len(text) <= DATELINE_MAX:
        return "dateline"
    if at_top and rest.startswith("\n"):
        return "dateline"
    first = WORDLESS_LINES.match(text).end()
    if 0 <= start - first <= PLACE_MAX and "\n" not in text[first:start] \
            and (at_top or PLACE.fullmatch(text[first:start])):
        return "dateline"
    return None


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """Whether [start, end) is all its line holds: a diary's day in the margin, which the
    layout may have run into the paragraph beside it."""
    line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", end)
    return not text[line_start:start].strip() and not text[end:len(text) if line_end < 0 else line_end].strip()


def _add(block: Block, start: int, end: int, attrs: dict[str, str], opts: Options,
         nearby: dict[int, Nearby[Mark]]) -> Mark | None:
    """Mark [start, end) of `block` as a date unless that crosses a mark, repeats one, or takes
    in a note's printed number (`12 May 1850` opening note 12 is no 12th of May); `nearby`
    files each block's marks by where they stand (by the block's id), made as first needed.
    The mark made, or None."""
    if id(block) not in nearby:
        nearby[id(block)] = marks_nearby(block.marks)
    close = list(nearby[id(block)].near(start, end))
    if crosses(close, start, end) or any(
            (m.tag == "date" and m.start == start and m.end == end)
            or (m.tag == "label" and m.start < end and start < m.end) for m in close):
        return None
    if opts.calendar == "julian":
        attrs = {**attrs, "calendar": "#julian"}
    mark = Mark("date", start, end, attrs)
    block.marks.append(mark)
    nearby[id(block)].add(start, end, mark)
    return mark


def mark_dates(block: Block, opts: Options, running: RunningDate | None = None,
               nearby: dict[int, Nearby[Mark]] | None = None) -> int:
    """Add date marks to one leaf block; returns how many.

    With `running`, values are completed from the document's running date, which
    dates heading this block move on; diary entries that head blocks before the first
    dated one wait for it, and yearless months and days (and a season of `last year`)
    before any year of the div wait for the year of a heading date near after them.
    `nearby`: the marks of the blocks dated so far, by where they stand (see `_add`), kept
    by the caller over a document.
    """
    nearby = {} if nearby is None else nearby
    view = reading_view(block)
    added = 0
    found = find_dates(view.text, opts.earliest_year, opts.latest_year, with_bare_days=running is not None)
    text = block.text if found else ""     # joined once: each date reading it anew is quadratic in a paragraph
    for i, j, attrs in found:
        start, end = view.span(i, j)
        if "_bare" in attrs and _alone_on_its_line(text, start, end):
            attrs = {**attrs, "_margin": "1"}
        if running is not None:
            running.at(i)
            place = _place(text, start, end, running.distance <= DATELINE_TOP)
            if running.waits_for(attrs, place):
                running.wait(attrs, view.text[i:j], (block, start, end))
                continue
            attrs = infer(attrs, running, place)
            if attrs is None:
                continue
            awaits_year, ahead = attrs.pop("_awaits_year", None), attrs.pop("_ahead", None) is not None
            if not attrs:       # a season of a relative year, marked once a heading date gives its year
                running.await_year("", (block, start, end), int(awaits_year))
                continue
        elif attrs.get("when", "---").startswith("---") and "from" not in attrs or "_decade" in attrs:
            continue    # a day, a weekday or a two-digit year alone, with no running date to date it
        else:
            attrs = {key: value for key, value in attrs.items() if not key.startswith("_")}
        mark = _add(block, start, end, attrs, opts, nearby)
        added += mark is not None
        if running is not None:
            if mark and awaits_year is not None:
                running.await_year(attrs["when"], mark, int(awaits_year) if awaits_year else None, ahead)
            added += sum(_add(*where, value, opts, nearby) is not None for where, value in running.settle())
            for waited, value in running.settle_years():
                if isinstance(waited, Mark):
                    waited.attrs = {**waited.attrs, **value}
                else:
                    added += _add(*waited, value, opts, nearby) is not None
    if running is not None:
        running.read(len(view.text))
    return added


#: a masthead stands in this many first text lines of a newspaper
MASTHEAD_LINES = 8


def full_day(text: str, opts: Options) -> str | None:
    """The one full date (`1790-03-11`) a line prints, or None."""
    days = [attrs["when"] for _, _, attrs in find_dates(text, opts.earliest_year, opts.latest_year)
            if FULL_DAY.match(attrs.get("when", ""))]
    return days[0] if len(days) == 1 else None


def masthead_lines(doc: Document) -> list[Line]:
    """The text lines of the masthead the structure pass found (a titlePage of type
    masthead in front), however far down OCR's debris of the paper's title put its date."""
    return [line for block in doc.front if block.kind == "titlePage" and block.attrs.get("type") == "masthead"
            for part in block.walk() for line in part.text_lines]


def masthead_day(text: str, before: str, opts: Options) -> str | None:
    """The full date a masthead's line prints, or None: one full date, which no sentence
    leads into (`LEAD_IN`, on its line or at the end of the line `before`: a story's
    `in the year ended` / `October 31, 1912.` among a page's first lines dates no issue)."""
    days = [(i, attrs["when"]) for i, _, attrs in find_dates(text, opts.earliest_year, opts.latest_year)
            if FULL_DAY.match(attrs.get("when", ""))]
    if len(days) != 1 or LEAD_IN.search((before.rstrip() + " " + text[:days[0][0]]).rstrip()):
        return None
    return days[0][1]


#: a weekday named anywhere on a masthead's date line (`SUNDAY MORNING, JANUARY 2.`)
WEEKDAY_WORD = re.compile(r"\b(?:" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
#: a year OCR misread after a masthead's day: the token after it opens with a digit (`1116`, `1?J1C`)
MISREAD_YEAR = re.compile(r"[\s.,]*(\d[^\s.,]{0,4})")
#: a year the text cites, for `weekday_year_day`; led by its `1`, which `re` scans for
CITED_YEAR = re.compile(not_after(r"[\d.,$]", "1") + r"\d{3}(?![\d,])")


def cited_years(doc: Document, opts: Options) -> list[int]:
    """The years (four digits) a document's text lines print, in order."""
    return [year for line in doc.lines if line.kind == "text" for m in CITED_YEAR.finditer(line.text)
            if opts.earliest_year <= (year := int(m.group())) <= opts.latest_year]


def weekday_year_day(text: str, opts: Options, cited: list[int]) -> str | None:
    """The full date of a masthead line whose year OCR misread (`SUNDAY, JANUARY 2. 1116.`):
    a day and month with a weekday on the line fix the year up to the calendar's cycle; of
    the years in which that day falls on that weekday, the issue's is the one most like the
    misread year, then the nearest the years its text cites (their median). None without a
    weekday, a misread year after the day, or where two years are as likely."""
    weekday = WEEKDAY_WORD.search(text)
    days = [(j, attrs["when"]) for _, j, attrs in find_dates(text, opts.earliest_year, opts.latest_year)
            if re.fullmatch(r"--\d\d-\d\d", attrs.get("when", ""))]
    misread = MISREAD_YEAR.match(text, days[0][0]) if weekday and len(days) == 1 else None
    if not misread:
        return None
    month, day = int(days[0][1][2:4]), int(days[0][1][5:])
    wanted = [name.lower() for name in WEEKDAYS].index(weekday.group().lower())
    middle = statistics.median(cited) if cited else None
    likeness = {year: (SequenceMatcher(None, misread.group(1).translate(OCR_DIGITS), str(year)).ratio(),
                       -abs(year - middle) if cited else 0)
                for year in years_on_weekday(month, day, wanted, opts.earliest_year, opts.latest_year)}
    ranked = sorted(likeness, key=likeness.get, reverse=True)
    if not ranked or len(ranked) > 1 and likeness[ranked[0]] == likeness[ranked[1]]:
        return None
    return f"{ranked[0]:04d}-{month:02d}-{day:02d}"


def running_head_dates(doc: Document, opts: Options) -> list[tuple[int, str, bool]]:
    """(line, value, is_masthead) of the running heads that print a full date (`MARCH 11,
    1790. 638`), in order: each dates the text of its page; and, with `opts.masthead`, of
    the first full date of the first lines, which dates the issue, or else of the first
    whose year OCR misread (`weekday_year_day`)."""
    found = []
    if opts.masthead:
        first = masthead_lines(doc) or list(islice((line for line in doc.lines if line.kind == "text"),
                                                   MASTHEAD_LINES))
        found += next(([(line.n, day, True)] for before, line in zip([None, *first], first)
                       if (day := masthead_day(line.text, before.text if before else "", opts))), [])
        if not found:
            cited = cited_years(doc, opts)
            found += next(([(line.n, day, True)] for line in first
                           if (day := weekday_year_day(line.text, opts, cited))), [])
    for line in doc.lines:
        if line.kind == "fw" and line.fw_type == "header" and (day := full_day(line.text, opts)):
            found.append((line.n, day, False))
    return sorted(found)


def year_the_dating_lines(doc: Document, page_dates: list[tuple[int, str, bool]]) -> None:
    """A line that dates its page by a year it misprints (a masthead's `JANUARY 2. 1116.`)
    has its own day marked without one: that day takes the year found for it."""
    dating = {line: value for line, value, _ in page_dates}
    for block in doc.blocks():
        for value in {dating[line.n] for line in block.lines if line.n in dating}:
            for mark in block.marks:
                if mark.tag == "date" and mark.attrs.get("when") == "-" + value[4:]:
                    mark.attrs = {**mark.attrs, "when": value, "cert": "medium"}


#: a letter, which a date standing alone in its block leaves out (its weekday and month are in the date)
LETTER = re.compile(r"[^\W\d_]")


def date_alone(leaf: Block, opts: Options) -> tuple[int, str, bool] | None:
    """(line, value, False) of a leaf block that holds one full date and nothing else
    (`Tuesday, 26 June, 1883.`), or None."""
    text = leaf.text if leaf.text_lines else ""
    found = find_dates(text, opts.earliest_year, opts.latest_year) if len(text) <= DATELINE_MAX else []
    if len(found) != 1 or not FULL_DAY.match(found[0][2].get("when", "")):
        return None
    i, j, attrs = found[0]
    return None if LETTER.search(text[:i] + text[j:]) else (leaf.text_lines[0].n, attrs["when"], False)


def sitting_date(div: Block, opts: Options) -> tuple[int, str, bool] | None:
    """The `date_alone` a div holds under its heading and nothing else (a debate's sitting
    day, `Tuesday, 26 June, 1883.` under `LEGISLATIVE ASSEMBLY.`): it dates the divs after
    it (the sitting's subjects, `PETITIONS.`, `NEW MEMBERS.`), as a running head dates its
    page. None where the div holds more (a letter's dateline over its text dates that
    letter only)."""
    held = [child for child in div.children if child.kind != "head"]
    return date_alone(held[0], opts) if len(held) == 1 else None


def front_date(doc: Document, opts: Options) -> tuple[int, str, bool] | None:
    """The last `date_alone` of the front (a sitting's day under the title of its house,
    which the structure made a title page): it dates the body as `sitting_date` does."""
    return max((dating for block in doc.front for leaf in block.walk() if (dating := date_alone(leaf, opts))),
               default=None)


def run(doc: Document, opts: Options, report: Report) -> Document:
    if opts.calendar not in ("gregorian", "julian"):
        report.warning("TK180", f"unknown calendar {opts.calendar!r}: dates written without @calendar")
        opts = replace(opts, calendar="gregorian")
    running, count, sitting = None, 0, front_date(doc, opts) if opts.infer_from_context else None
    page_dates, page_date, next_page = running_head_dates(doc, opts) if opts.infer_from_context else [], None, 0
    nearby: dict[int, Nearby[Mark]] = {}
    for block in doc.blocks():
        starts_afresh = block.kind == "div" and block.attrs.get("type") != "section"
        if opts.infer_from_context and (running is None or starts_afresh):
            running = RunningDate()     # each div (a letter, an article) dates itself; its sections do not
            standing = max((dating for dating in (page_date, sitting) if dating), default=None)
            if standing:
                running.dated_by_page(standing[1], weekdays=not standing[2])
            if starts_afresh:
                sitting = sitting_date(block, opts) or sitting     # a sitting's day dates the divs after it
        if block.lines:
            first = block.first_text_lines(1)
            while running is not None and first and next_page < len(page_dates) \
                    and page_dates[next_page][0] < first[0].n:
                page_date = page_dates[next_page]
                running.dated_by_page(page_date[1], weekdays=not page_date[2])
                next_page += 1
            count += mark_dates(block, opts, running, nearby)
    year_the_dating_lines(doc, page_dates)
    inferred = sum(mark.tag == "date" and "cert" in mark.attrs for block in doc.blocks() for mark in block.marks)
    doc.facts.dates = DatesDone(marked=count, calendar=opts.calendar, inferred=inferred,
                                policy="ISO 8601 values; a day or month without a year is --MM-DD / --MM "
                                       "unless a dateline, a running head or masthead with a full date, or "
                                       "a diary entry head near it dates it, where "
                                       "safe (bare entry days, inst./ult., weekdays too), with cert='medium'"
                                       if opts.infer_from_context else
                                       "ISO 8601 values; a day or month without a year is --MM-DD / --MM; "
                                       "no year is inferred from context")
    return doc


PASS = PassSpec("dates", run, Options, provides=frozenset({"dates"}))
