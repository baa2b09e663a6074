"""Mark calendar expressions with ISO 8601 values, as TEI `<date>` wants them.

Before: `On January 23, 1937, the trial opened (see 1936-37 and April 24-29, 1917).`
After:  `<date when="1937-01-23">January 23, 1937</date>` ... `<date from="1936" to="1937">
1936-37</date>` ... `<date from="1917-04-24" to="1917-04-29">April 24-29, 1917</date>`

The finder reads the block's reading view (line ends joined, OCR corrections applied),
so `J anuary 1 1 , 1937` is found once the corrections pass has recorded its `choice`
marks, and the date mark spans those marks whole. A day without a year is `--01-23`
(the article's dateline is not guessed into it); a month alone is `--12`; a bare number
is a year only in the years a text of this kind talks about and not after `page`, `No.`
or a currency sign; `1930s` is the span 1930-1939. A source in the Julian calendar gets
`calendar="#julian"` on every date (the header declares the calendar).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, Document, Mark, reading_view
from ..pipeline import PassSpec
from ..report import Report

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
#: printed month forms (full, capitals, abbreviations) -> month number
MONTH_NUMBER = {}
for _n, _name in enumerate(MONTHS, start=1):
    for _form in (_name, _name.upper(), _name[:3] + ".", _name[:4] + "." if _name == "September" else None):
        if _form:
            MONTH_NUMBER[_form] = _n
#: months that are also common words ("May I", "the March on Rome") at a sentence start
AMBIGUOUS_MONTHS = frozenset({"May", "March", "MAY", "MARCH"})

_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                  "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
ORDINAL_DAY = {word: n for n, word in enumerate(_ORDINAL_WORDS, start=1)}
ORDINAL_DAY.update({f"twenty-{w}": 20 + n for n, w in enumerate(_ORDINAL_WORDS[:9], start=1)})
ORDINAL_DAY.update({"thirtieth": 30, "thirty-first": 31})

_MONTH = "(?:" + "|".join(sorted((re.escape(f) for f in MONTH_NUMBER), key=len, reverse=True)) + ")"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY),?\s+"
_DAY = r"(?:[0-3]?\d|[1-3][O0])(?:st|nd|rd|th)?(?![\dO])"
_YEAR = r"(?:1\d{3}|20\d{2})"
#: after a month or a day, OCR's letter-spaced forms are safe to read: `January 3 1 , 1 9 3 7`
_YEAR_SPACED = r"(?:1\s?\d\s?\d\s?\d|20\s?\d\s?\d)"
_DAY_SPACED = r"(?:[1-3] [\dO](?=\s?,))"
_DASH = r"\s?[-–—]\s?"
_NUM_START = r"(?<![\d.,/:])"
_NUM_END = r"(?![\d]|[.,]\d\d)"
#: the end of a date: not inside a word; a dash may follow when a capital comes next
#: (chronologies print `January 9-Trotsky arrives`, the em dash lost)
_END = r"(?!\w)(?![-–—][a-z\d])"

#: the forms, tried in this order; earlier ones win overlaps
PATTERNS = [
    # (Tuesday) January 23(rd)(-30)(,) (1937 | [1937])
    ("month_day", re.compile(
        rf"(?=[A-Z])(?:{_WEEKDAY})?(?P<month>{_MONTH})\s+(?P<day>{_DAY_SPACED}|{_DAY})(?:{_DASH}(?P<day2>{_DAY}))?"
        rf"(?:\s?,?\s+(?P<year>{_YEAR_SPACED}){_NUM_END}|\s+\[(?P<byear>{_YEAR})\])?{_END}")),
    # (Tuesday) 9(-12) January(,) (2024)
    ("day_month", re.compile(
        rf"(?=[\dMTWFS])(?:{_WEEKDAY})?{_NUM_START}(?P<day>{_DAY})(?:{_DASH}(?P<day2>{_DAY}))?\s+(?P<month>{_MONTH})"
        rf"(?:\s?,?\s+(?P<year>{_YEAR}){_NUM_END})?{_END}")),
    # the first of March(,) (1917)
    ("ordinal_of_month", re.compile(
        rf"\b(?=[efnst])(?P<ordinal>{'|'.join(sorted(ORDINAL_DAY, key=len, reverse=True))})\s+of\s+(?P<month>{_MONTH})"
        rf"(?:\s?,?\s+(?P<year>{_YEAR}){_NUM_END})?{_END}", re.IGNORECASE)),
    # January(-March)(,) (1937)
    ("month", re.compile(
        rf"(?=[A-Z])(?<![\w-])(?P<month>{_MONTH})(?:{_DASH}(?P<month2>{_MONTH}))?"
        rf"(?:\s?,?\s+(?P<year>{_YEAR_SPACED}){_NUM_END})?{_END}")),
    # 1930s
    ("decade", re.compile(rf"(?=\d){_NUM_START}\b(?P<decade>1\d{{2}}0|20\d0)'?s\b")),
    # 1936-37, 1917-1923, 1882·1962, (1912- ) and (1874- ?)
    ("year_range", re.compile(
        rf"(?=\d){_NUM_START}\b(?P<year>{_YEAR})\s?[-–—·](?:\s?(?P<year2>{_YEAR}|\d\d){_NUM_END}|(?:\s?\?)?(?=\s*\)))")),
    ("year", re.compile(rf"(?=\d){_NUM_START}\b(?P<year>{_YEAR}){_NUM_END}(?!\s?(?:%|per cent))")),
]

#: what a text must contain for a form to be worth searching (most paragraphs hold no date)
NEEDS = {"month_day": ("digit", "month"), "day_month": ("digit", "month"), "ordinal_of_month": ("month",),
         "month": ("month",), "decade": ("digit",), "year_range": ("digit",), "year": ("digit",)}
DIGIT = re.compile(r"\d")
MONTH_GATE = re.compile("|".join(sorted({m[:3] for m in MONTHS} | {m[:3].upper() for m in MONTHS})))

#: words after which a number is a page, an issue or a sum, not a year
NOT_YEAR_BEFORE = re.compile(r"(?:\b(?:pp?|[Pp]ages?|[Nn]os?|[Nn]umbers?|[Vv]ol|[Vv]olume)\.?|[$£#])\s*$")
#: a month followed by one of these is the name of an event, not a date
EVENT_AFTER = re.compile(r"\s+(?:[Rr]evolution|[Tt]heses|[Dd]ays|[Ii]nsurrection|[Uu]prising|[Mm]anifesto|[Cc]oup)\b")
#: the months that name the revolutions of 1917 on their own (`the man of October`)
REVOLUTION_MONTHS = frozenset({"February", "October"})
SENTENCE_START = re.compile(r"(?:^|[.!?:\"“]\s*)\s*$")


def _standalone_month_is_date(text: str, i: int, j: int, month: str) -> bool:
    """Whether a month printed without day or year names that month.

    Not when it names an event (`the October Revolution`, `April Theses`, `the man of
    October`), not in a heading in capitals (`THE MARCH TO POWER`), not an abbreviation,
    and `May`/`March` not at a sentence start (`May I ...`) unless a chronology's dash
    follows (`May-An insurrection`).
    """
    before, after = text[max(0, i - 12):i], text[j:j + 16]
    if month.endswith(".") or month.isupper() or EVENT_AFTER.match(after):
        return False
    if month in REVOLUTION_MONTHS and re.search(r"\b(?:of|the)\s+$", before):
        return False
    if month in AMBIGUOUS_MONTHS and SENTENCE_START.search(before):
        return bool(re.match(r"\s?[-–—]", after))
    return True


def _iso(year: str | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        return f"--{month:02d}" + (f"-{day:02d}" if day else "")
    return year + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def _day(text: str) -> int:
    """The day of `23rd` or of OCR's `1O` and `3 1`."""
    return int(re.match(r"[\dO ]+", text).group().replace("O", "0").replace(" ", ""))


def _digits(text: str | None) -> str | None:
    return re.sub(r"\s", "", text) if text else text


def _value(kind: str, m: re.Match) -> dict[str, str] | None:
    """The TEI attributes for one match, or None when it is no date after all."""
    g = m.groupdict()
    if kind in ("month_day", "day_month", "ordinal_of_month"):
        month = MONTH_NUMBER[g["month"]] if g["month"] in MONTH_NUMBER else MONTH_NUMBER[g["month"].capitalize()]
        day = ORDINAL_DAY[g["ordinal"].lower()] if kind == "ordinal_of_month" else _day(g["day"])
        year = _digits(g.get("year") or g.get("byear"))
        if not 1 <= day <= 31:
            return None
        if g.get("day2"):
            day2 = _day(g["day2"])
            if not day < day2 <= 31:
                return None
            return {"from": _iso(year, month, day), "to": _iso(year, month, day2)}
        return {"when": _iso(year, month, day)}
    if kind == "month":
        month, year = MONTH_NUMBER[g["month"]], _digits(g["year"])
        if g["month2"]:
            return {"from": _iso(year, month), "to": _iso(year, MONTH_NUMBER[g["month2"]])}
        return {"when": _iso(year, month)}
    if kind == "decade":
        return {"from": g["decade"], "to": str(int(g["decade"]) + 9)}
    if kind == "year_range":
        start, end = g["year"], g["year2"]
        if end is None:
            return {"from": start}
        if len(end) == 2:
            end = start[:2] + end
        if end <= start:
            return None
        return {"from": start, "to": end}
    return {"when": g["year"]}


def find_dates(text: str, earliest: int = 1500, latest: int = 2099) -> list[tuple[int, int, dict[str, str]]]:
    """Calendar expressions in `text` as (start, end, TEI attributes), in text order.

    >>> find_dates("On January 23, 1937, in 1936-37")
    [(3, 19, {'when': '1937-01-23'}), (24, 31, {'from': '1936', 'to': '1937'})]
    """
    taken = bytearray(len(text))
    found = []
    has = {"digit": DIGIT.search(text) is not None, "month": MONTH_GATE.search(text) is not None}
    for kind, pattern in PATTERNS:
        if not all(has[need] for need in NEEDS[kind]):
            continue
        for m in pattern.finditer(text):
            i, j = m.span()
            if any(taken[i:j]):
                continue
            before = text[max(0, i - 12):i]
            month = m.groupdict().get("month")
            if kind == "month" and not m.group("year") and not m.group("month2") \
                    and not _standalone_month_is_date(text, i, j, month):
                continue
            if kind in ("year", "year_range", "decade") and NOT_YEAR_BEFORE.search(before):
                continue
            attrs = _value(kind, m)
            if attrs is None or any(not earliest <= int(v[:4]) <= latest
                                    for v in attrs.values() if v[:1].isdigit()):
                continue
            taken[i:j] = b"\x01" * (j - i)
            found.append((i, j, attrs))
    return sorted(found, key=lambda f: f[0])


def crosses(marks: list[Mark], i: int, j: int) -> bool:
    """Whether [i, j) would cross an existing mark (overlap it without nesting)."""
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


def mark_dates(block: Block, opts: Options) -> int:
    """Add date marks to one leaf block; returns how many."""
    view = reading_view(block)
    added = 0
    for i, j, attrs in find_dates(view.text, opts.earliest_year, opts.latest_year):
        start, end = view.span(i, j)
        if crosses(block.marks, start, end) or any(
                m.tag == "date" and m.start == start and m.end == end for m in block.marks):
            continue
        if opts.calendar == "julian":
            attrs = {**attrs, "calendar": "#julian"}
        block.marks.append(Mark("date", start, end, attrs))
        added += 1
    return added


def run(doc: Document, opts: Options, report: Report) -> Document:
    if opts.calendar not in ("gregorian", "julian"):
        report.warning("TK180", f"unknown calendar {opts.calendar!r}: dates written without @calendar")
        opts = Options(calendar="gregorian", earliest_year=opts.earliest_year, latest_year=opts.latest_year)
    count = sum(mark_dates(block, opts) for block in doc.leaves())
    doc.facts["dates"] = {"marked": count, "calendar": opts.calendar,
                          "policy": "ISO 8601 values; a day or month without a year is --MM-DD / --MM; "
                                    "no year is inferred from context"}
    return doc


PASS = PassSpec("dates", run, Options, provides=frozenset({"dates"}))
