"""The printed forms of English dates, 18th-20th century: an ordered table of named rules.

Each rule is a regular expression over a block's reading text and a function from its
groups to TEI attributes (or None: no date after all). `find_dates` tries them in order;
an earlier rule wins where two overlap, so longer forms come first.
"""
from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from typing import Callable

from ..patterns import forms_not_after, not_after, only_after, words_by_initial, words_not_after

FULL_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
#: short forms printed or written for each month (with or without a period): `Jan.`,
#: `Sept`, and the contractions of letters and diaries (`Jany`, `Feby`, `Octr`)
SHORT_MONTHS = (("Jan", "Jany", "Janry"), ("Feb", "Feby", "Febry"), ("Mar", "Mch"), ("Apr", "Apl"),
                (), ("Jun",), ("Jul",), ("Aug", "Augt"), ("Sep", "Sept", "Septr"), ("Oct", "Octr"),
                ("Nov", "Novr"), ("Dec", "Decr"))
#: every form, lower case -> month number
MONTH_NUMBER = {form.lower(): n for n, (name, shorts) in enumerate(zip(FULL_MONTHS, SHORT_MONTHS), 1)
                for form in (name, *shorts)}
#: months that are also common words (`May I`, `the March on Rome`) at a sentence start
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
#: `May` and `March` as verbs where a headline capitalises every word: a modal before (`Strikers
#: Will March`), or the verb a modal `May` governs after (`Action May Be Forced`, `Mill May Not Open`)
VERB_BEFORE = re.compile(r"\b(?:will|shall|would|could|should|can|must|may|might|they|we)\s+$", re.IGNORECASE)
MODAL_AFTER = re.compile(r"\s+(?:be|have|not|also|yet|soon|never|still|well)\b", re.IGNORECASE)
#: `May` and `March` as verbs between two capitalised words of a headline in title case (`Farmers
#: May Enter Contest`, `Pellworth Men March Today`): after a word that names no time nor governs a month
#: (`in May`, `Last March`, `During May`), where every word is capitalised, a month stands alone
#: only after such a word
TITLE_WORD_BEFORE = re.compile(r"\b([A-Z][a-z’']+)\s+$")
CAPITAL_WORD_AFTER = re.compile(r"\s+[A-Z][a-z]")
GOVERNS_MONTH = frozenset({"in", "of", "during", "since", "until", "till", "before", "after", "by", "last",
                           "next", "early", "late", "through", "from", "to", "this", "each", "every", "and",
                           "or", "between", "for", "on", "all", "mid", "the"})

_ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
                  "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"]
ORDINAL_DAY = {word: n for n, word in enumerate(_ORDINAL_WORDS, start=1)}
ORDINAL_DAY.update({f"twenty-{w}": 20 + n for n, w in enumerate(_ORDINAL_WORDS[:9], start=1)})
ORDINAL_DAY.update({"thirtieth": 30, "thirty-first": 31})
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: OCR's letters for digits, read as digits only inside a date that has real digits too
OCR_DIGITS = str.maketrans("OlIGSB", "011658")


def ordinal_day(word: str) -> int:
    """The day an ordinal word names, its tens and units joined by a hyphen, a space or
    nothing as hands wrote them (`twenty-third`, `twenty third`, `Twentythird`): 23."""
    return ORDINAL_DAY[re.sub(r"^(twenty|thirty)[\s-]*", r"\1-", word.lower())]


def _longest_first(forms) -> list[str]:
    return sorted(forms, key=len, reverse=True)


def _alternatives(forms) -> str:
    return "(?:" + "|".join(_longest_first(forms)) + ")"


_FULL_FORMS = _longest_first([m for name in FULL_MONTHS for m in (name, name.upper())])
#: a contraction's raised last letter, transcribed apart from the rest or after an
#: apostrophe (`Dec r`, `Jan'y`, `Aug’t`)
RAISED_LETTER_FORMS = tuple(f"{form[:-1]}{mark}{form[-1]}" for shorts in SHORT_MONTHS for form in shorts
                            if len(form) > 3 and form[-1] in "rty" for mark in " '’")
_SHORT_FORMS = _longest_first([s for form in (*(f for shorts in SHORT_MONTHS for f in shorts), *RAISED_LETTER_FORMS)
                               for s in (form, form.upper())])
_FULL = _alternatives(_FULL_FORMS)
_SHORT = _alternatives(_SHORT_FORMS)
#: a month: full, or short with or without its period; never the start of a longer word
_MONTH_FORM = rf"(?:{_FULL}|{_SHORT}\.?)(?![a-z])"
#: a month that starts a word: `(?<![\w-]){_MONTH_FORM}`, written as one alternation of the
#: forms, those of a first letter led by it (teikit.patterns), so that a pattern opening with
#: it is searched for them
_MONTH = ("(?:" + forms_not_after(r"[\w-]", [(form, "") for form in _FULL_FORMS]
                                  + [(form, r"\.?") for form in _SHORT_FORMS]) + r")(?![a-z])")
_WEEKDAY_NAME = _alternatives([d for name in WEEKDAYS for d in (name, name.upper())])
#: a weekday's name where a word starts, not after a day (`19th Sunday`): `\b(?<!\d\s)(?<!\dd\s)...`
#: before it, written after each name (teikit.patterns)
_WEEKDAY_NOT_AFTER_DAY = "(?:" + "|".join(
    not_after((r"\w", r"\d\s", r"\d(?:st|nd|rd|th)\s", r"\dd\s"), name)
    for name in _longest_first([d for name in WEEKDAYS for d in (name, name.upper())])) + ")"
#: a weekday's short form, with its period (`4 Oct Wed.`, `Mon., Jan. 3`)
_WEEKDAY_SHORT = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)"
#: a weekday before the date it names
_WEEKDAY = rf"(?:(?:{_WEEKDAY_NAME}|{_WEEKDAY_SHORT}\.),?\s+)"
#: an ordinal word, its tens and units apart or not (`twenty-third`, `twenty third`: `ordinal_day`)
_ORDINAL_WORD = "(?:" + "|".join(word.replace("-", r"[\s-]{0,2}")
                                 for word in sorted(ORDINAL_DAY, key=len, reverse=True)) + ")"
#: a day: `5`, `05`, `23rd`, `2d`, `6 th`, OCR's `1O` and `2G`; never part of a longer number;
#: its suffix may touch the year after it (`12 th1802`: a superscript `th` transcribed)
_SUFFIX = r"(?:\s?(?:st|nd|rd|th|ST|ND|RD|TH)|(?<=[23])d)"
_DAY = rf"(?:[0-3]?\d|[1-3][OlIGSB]|[lI]\d)(?![\dOGB]|S(?!T))(?:{_SUFFIX}(?=1\d{{3}}(?!\d))|{_SUFFIX}?(?![\w]))"
#: after a month or a day, OCR's letter-spaced and misread years are safe to read:
#: `1 9 3 7`, `1 843`, `18G3`
_YEAR_LOOSE = r"(?:1\s?[\dOlIGSB]\s?[\dOlIGSB]\s?[\dOlIGSB]|20\s?\d\s?\d)"
_YEAR = r"(?:1\d{3}|20\d{2})"
_DAY_SPACED = r"(?:[1-3] [\dO](?=\s?,))"
#: a day `1` that OCR read as a letter alone (`May I, 1837`): a day only before a comma and
#: a year, where the pronoun (`May I, sir,`) never stands
_DAY_MISREAD_ONE = rf"(?:[lI](?=,\s?{_YEAR}(?!\d)))"
_DASH = r"\s?[-–—]\s?"
_NUM_START = r"(?<![\d.,/:])"
#: a season's name where a word starts, case ignored, led by its first letters (teikit.patterns)
_SEASON = words_by_initial(("spring", "summer", "autumn", "fall", "winter"), r"\w", ignore_case=True)
#: what stands before no number that starts with a word (`\b` and _NUM_START)
_BEFORE_NO_NUMBER = r"[\w.,/:]"
#: a year that starts a number and a word, led by its first digit (teikit.patterns)
_YEAR_STARTING = (f"(?:{not_after(_BEFORE_NO_NUMBER, '1')}" + r"\d{3}"
                  + f"|{not_after(_BEFORE_NO_NUMBER, '2')}" + r"0\d{2})")
_NUM_END = r"(?![\d]|[.,]\d\d)"
#: the end of a date: not inside a word; a dash may follow when a capital comes next
#: (chronologies print `January 9-Trotsky arrives`, the em dash lost), an em dash before
#: any word (`February 27th—when`), but a hyphen never before a small letter (`May-pole`);
#: a year that closes a day or month may touch the next word, its space lost (`14th of
#: April 1827a copy`), but not a decade's `s`
_END = r"(?:(?<=[12]\d{3})(?=[a-z])(?!s\b)|(?!\w)(?![-–][a-z\d]|—\d))"
#: what joins a month to its year: `June 1865`, `June, 1865`, `June of 1865`, `June of the year 1865`,
#: and the deeds' and courts' `May in the year of our Lord 1865`, `May A.D. 1865`, `May Anno Domini 1865`;
#: a day's comma OCR read as a full stop, as datelines set in capitals show it (`JULY 19. 1861.`), before
#: a year read whole (a misread one, `JANUARY 2. 1116.`, is the masthead's to mend: `weekday_year_day`)
_TO_YEAR = (r"(?:\s?,\s*|(?<=\d)\.\s+(?=(?:1[5-9]|20)\d\d\b)"
            r"|(?:\s\?|\s+of(?:\s+the\s+year)?|,?\s+in\s+the\s+year(?:\s+of\s+our\s+Lord)?)?\s+)"
            r"(?:[Aa]\.\s?[Dd]\.\s?|Anno\s+Domini\s+)?")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
#: a year written out as deeds and court records write it: `one thousand eight hundred and
#: thirty four`, `eighteen hundred and sixty-two`
_YEAR_WORDS = (r"(?i:(?:one\s+thousand\s+(?:seven|eight|nine)|seventeen|eighteen|nineteen)\s+hundred"
               rf"(?:(?:\s+and)?\s+(?:{_alternatives(_TENS)}(?:[\s-]+{_alternatives(_UNITS)})?"
               rf"|{_alternatives(_TEENS)}|{_alternatives(_UNITS)}))?)(?![\w-])")


def year_in_words(text: str) -> str:
    """The year `one thousand eight hundred and thirty four` (or `eighteen hundred ...`) writes: `1834`."""
    words = re.findall(r"[a-z]+", text.lower())
    hundreds = 17 + ("eight" in words[:3]) + 2 * ("nine" in words[:3]) if words[0] == "one" else \
        _TEENS.index(words[0]) + 10
    rest = words[words.index("hundred") + 1:]
    rest = [w for w in rest if w != "and"]
    value = sum(_TENS.index(w) * 10 + 20 if w in _TENS else _TEENS.index(w) + 10 if w in _TEENS
                else _UNITS.index(w) + 1 for w in rest)
    return f"{hundreds * 100 + value:04d}"
#: a year named by its distance from the running one: `last year`, `this year`, `next year`,
#: and the year itself where an editor or a quoting author printed it after (`this year (1936)`)
_RELATIVE_YEAR = rf"(?P<which>[Ll]ast|[Tt]his|[Nn]ext)\s+year(?!\w)(?:\s+[\[(](?P<printed>{_YEAR})[\])])?"
#: how many years after the running one each names
YEAR_SHIFT = {"last": "-1", "this": "0", "next": "1"}


def _of_relative_year(g, when: str | None = None) -> dict[str, str]:
    """The value of a yearless month or day (`when`), or of a season (no `when`), in a year
    named by its distance from the running one: of its printed year if any, else with the
    `_year_shift` the running date counts from (date_context)."""
    if g["printed"]:
        return {"when": g["printed"] + (when[1:] if when else "")}
    shift = {"_year_shift": YEAR_SHIFT[g["which"].lower()]}
    return {"when": when, **shift} if when else shift
#: a year that closes a day or month: `, 1937`, ` [1936]`, ` (1872)`, or its last two digits
#: after an apostrophe or a slash (`Sept. 1st '62`, `Dec 20th /62`), whose century the running date gives (`_year_end`)
_CLOSING_YEAR = (rf"(?:(?:{_TO_YEAR}|(?<=[a-z]))(?P<year>{_YEAR_LOOSE}){_NUM_END}|\s+[\[(](?P<byear>{_YEAR})[\])]"
                 rf"|{_TO_YEAR}(?P<wyear>{_YEAR_WORDS})"
                 r"|(?:,?\s+['’]|\s?/\s?)(?P<syear>\d\d)(?![\w'’/]))")
#: a number before these is a share or a measure, no year (`1600 feet`, `1850 per cent`)
_NOT_MEASURE = r"(?!\s?(?:%|per cent)|\s+(?:feet|foot|ft|yards|miles|inches)\b)"
#: the end of a span of years after its dash: `1791`, `'91`, `-1` (`1790-1`)
_RANGE_END = rf"\s?['’]?(?P<year2>{_YEAR}|\d\d|\d(?!\s\d)){_NUM_END}"
#: a weekday after the date it names: `1 September, Saturday`
_TRAILING_WEEKDAY = rf"(?:,?\s+(?:{_WEEKDAY_NAME}(?!\w)|{_WEEKDAY_SHORT}\.))"


def month_number(form: str) -> int:
    return MONTH_NUMBER[re.sub(r"[ '’]", "", form.rstrip(".")).lower()]


def day_number(text: str) -> int:
    """The day of `23rd`, `6 th`, or of OCR's `1O` and `3 1`."""
    digits = re.sub(r"\s?(?:st|nd|rd|th|d)$", "", text, flags=re.IGNORECASE)
    return int(re.match(r"[\dOlIGSB ]+", digits).group().translate(OCR_DIGITS).replace(" ", ""))


def year_digits(text: str | None) -> str | None:
    return re.sub(r"\s", "", text).translate(OCR_DIGITS) if text else text


def years_on_weekday(month: int, day: int, weekday: int, earliest: int, latest: int) -> list[int]:
    """The years of [earliest, latest] in which that day of that month falls on `weekday`
    (Monday 0): a printed weekday fixes a year up to the calendar's cycle."""
    return [year for year in range(earliest, latest + 1) if is_calendar_day(f"{year:04d}-{month:02d}-{day:02d}")
            and datetime.date(year, month, day).weekday() == weekday]


def is_calendar_day(value: str) -> bool:
    """Whether an ISO value names days that exist: no `1873-02-29`, no `--04-31`."""
    m = re.fullmatch(r"(?:(\d{4})|-)(?:-(\d\d)(?:-(\d\d))?)?|---(\d\d)", value)
    if not m:
        return False
    if m.group(4):
        return 1 <= int(m.group(4)) <= 31
    year, month, day = int(m.group(1) or 2000), int(m.group(2) or 1), int(m.group(3) or 1)
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def iso(year: str | None, month: int | None = None, day: int | None = None) -> str:
    if year is None:
        return ("--" + f"{month:02d}" if month else "--") + (f"-{day:02d}" if day else "")
    return year + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")


def _year(g: dict) -> str | None:
    return year_in_words(g["wyear"]) if g.get("wyear") else year_digits(g.get("year") or g.get("byear"))


def _day_value(month: int, day: int, g: dict) -> dict[str, str] | None:
    """A day of a month, or a span of days when `day2` is printed (`24-29`, `7 or 8th`)."""
    year = _year(g)
    if not 1 <= day <= 31:
        return None
    if g.get("day2"):
        day2 = day_number(g["day2"])
        if not day < day2 <= 31 or g.get("syear"):
            return None
        return {"from": iso(year, month, day), "to": iso(year, month, day2)}
    return _with_short_year({"when": iso(year, month, day)}, g)


def _with_short_year(attrs: dict[str, str], g: dict) -> dict[str, str]:
    """A yearless date whose year is printed by its last two digits (`'62`) waits for the
    running date to give their century."""
    return {**attrs, "_year_end": g["syear"]} if g.get("syear") else attrs


@dataclass(frozen=True)
class Rule:
    """One printed form of a date."""

    name: str
    pattern: re.Pattern
    value: Callable[[dict], dict[str, str] | None]
    #: what a text must contain for the rule to be worth trying (keys of NEEDS, tested in order)
    needs: tuple[str, ...] = ()
    #: a bare number that may be a page or a sum: not after `p.`, `No.`, `$`
    numeric: bool = False


def _month_day(g):
    return _day_value(month_number(g["month"]), day_number(g["day"]), g)


def _ordinal_word(g):
    return _day_value(month_number(g["month"]), ordinal_day(g["ordinal"]), g)


def _year_first(g):
    return {"when": iso(g["year"], month_number(g["month"]), day_number(g["day"]))} \
        if 1 <= day_number(g["day"]) <= 31 else None


def _month(g):
    year, month = _year(g), month_number(g["month"])
    if g.get("month2"):
        return None if g.get("syear") else {"from": iso(year, month), "to": iso(year, month_number(g["month2"]))}
    return _with_short_year({"when": iso(year, month)}, g)


def _numeric(g):
    """`12/3/1790`: day and month in the order that fits, month first where both could be;
    `12/3/90` waits for the running date to give its century (`_decade`)."""
    first, second = int(g["first"]), int(g["second"])
    month, day = (first, second) if first <= 12 else (second, first)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if g.get("short"):
        return {"when": iso(None, month, day), "_decade": g["short"]}
    return {"when": iso(g["year"], month, day)}


def _day_alone(g):
    """A day without its month (`3d inst.`, `on the 1st`): the running date completes it."""
    day = day_number(g["day"])
    if not 1 <= day <= 31:
        return None
    attrs = {"when": f"---{day:02d}"}
    relative = (g.get("relative") or g.get("month_word") or "").lower()
    if relative:
        attrs["_relative"] = "-1" if relative.startswith(("ult", "last")) else \
            "1" if relative.startswith(("prox", "next")) else "0"
    if g.get("bare"):
        attrs["_bare"] = "1"
    if g.get("weekday"):
        attrs["_weekday_named"] = str(WEEKDAYS.index(g["weekday"].capitalize()))
    return attrs


def _weekday_of_month(g):
    """`the fourth Monday of March 1835`: the day counted in the month (the last one from
    its end), or the day printed after it (`being the twenty third day of the same month`);
    the month alone where neither year nor day is printed."""
    year, month = _year(g), month_number(g["month"])
    if g.get("ordinal") or g.get("day"):
        day = ordinal_day(g["ordinal"]) if g.get("ordinal") else day_number(g["day"])
        return {"when": iso(year, month, day)} if 1 <= day <= 31 else None
    if not year:
        return {"when": iso(None, month)}
    weekday = WEEKDAYS.index(g["weekday"].capitalize())
    days = [week[weekday] for week in calendar.Calendar().monthdayscalendar(int(year), month) if week[weekday]]
    rank = g["rank"].lower()
    return {"when": iso(year, month, days[-1] if rank == "last" else days[ORDINAL_DAY[rank] - 1])}


def _day_of_month_referred(g):
    """`the twenty third day of the same month`, `the 3d day of said month`: the day of the
    month last named, which the running date knows (date_context); `of this instant`, `of
    the present month`: of the running month, as `inst.` is."""
    day = ordinal_day(g["ordinal"]) if g.get("ordinal") else day_number(g["day"])
    return _day_alone({"day": str(day), "relative": "instant" if g.get("present") else None})


def _season(g):
    """`the Spring of 1884`, `the winter of 1790-'91`: the year (or years) the season lies in.

    A season is a span of months, but which months is a matter of usage (spring from March,
    or from the equinox of the 21st) and of hemisphere (the austral spring is September to
    November), so no `@from`/`@to` of months would be true of every text; `@when="1884"` is
    (TEI: the date lies within it), and it is the value eval/score.py compares exactly with
    the hand gold's. A winter across two years spans both (`@from="1790" @to="1791"`).
    """
    return _year_range(g) if g.get("year2") else {"when": g["year"]}


def _month_last_or_next(g):
    """`last September`, `next March`: the month's latest before the running date, or its
    first after it (date_context); `--09` where no running date says which."""
    return {"when": iso(None, month_number(g["month"])),
            "_direction": "-1" if g["direction"].lower() == "last" else "1"}


def _era_year(g):
    return {"when": f"{int(g['year']):04d}"} if 0 < int(g["year"]) else None


def _decade(g):
    return {"from": g["decade"], "to": str(int(g["decade"]) + 9)}


def _year_range(g):
    start, end = g["year"], g["year2"]
    if end is None:
        return {"from": start}
    if len(end) < 4:
        end = start[:4 - len(end)] + end
    if end <= start:
        return None
    return {"from": start, "to": end}


#: words that follow a day printed alone (`on the 16th, we`) where it cannot be a rank
#: (`the 16th century`, `the 5th regiment`): a pronoun, a verb, a conjunction, a preposition,
#: or an article or other determiner, which opens the next noun phrase where a rank would
#: have its noun (`on the 14th the buyer came`, `on the 3d a storm`); `of last month` counts like `ult.`
_AFTER_DAY_ALONE = (r"(?=\s*(?:[,;:.)]|$|\s&\s|\s(?:and|or|but|we|I|he|she|they|it|our|my|his|her|their|"
                    r"was|were|is|will|would|had|has|at|in|on|to|by|when|"
                    r"the|a|an|this|that|these|those|its|every|each|some|no)\b"
                    r"|\s+of\s+(?P<month_word>this|last|next)\s+month\b))")

def _month_day_span(g):
    """`April 24-May 2, 1917`, `December 31, 1937-January 3, 1938`: the first year defaults
    to the second's, or the year before when the months go back."""
    month, month2 = month_number(g["month"]), month_number(g["month2"])
    day, day2 = day_number(g["day"]), day_number(g["day2"])
    year2 = year_digits(g["year2"])
    year = year_digits(g["year"]) or (year2 and str(int(year2) - (month2 < month)).zfill(4))
    start, end = iso(year, month, day), iso(year2, month2, day2)
    if not (1 <= day <= 31 and 1 <= day2 <= 31) or (year and year2 and end <= start):
        return None
    return {"from": start, "to": end}


RULES: list[Rule] = [
    # March 1790 12th: a margin's date stacked over lines, month, year, then the day's ordinal
    Rule("month_year_day", re.compile(
        rf"(?P<month>{_MONTH})[.,]?\s+(?P<year>{_YEAR})[.,]?\s+(?P<day>[0-3]?\d{_SUFFIX}){_END}"),
        _year_first, ("year", "month")),
    # 1790 June 4th, 1790 4 June (diary heads)
    Rule("year_month_day", re.compile(
        rf"(?P<year>{_YEAR_STARTING}),?\s+(?:(?P<month>{_MONTH})\s+(?P<day>{_DAY})"
        rf"|(?P<day_>{_DAY})\s+(?P<month_>{_MONTH})){_TRAILING_WEEKDAY}?{_END}"),
        lambda g: _year_first({**g, "month": g["month"] or g["month_"], "day": g["day"] or g["day_"]}),
        ("year", "month")),
    # 1790 June (a diary's head); not before a day (the rule above) nor a capital (`1790 May I`)
    Rule("year_month", re.compile(
        rf"(?P<year>{_YEAR_STARTING}),?\s+(?P<month>{_FULL}|{_SHORT}\.)(?![a-z]){_END}(?!\s*\d|\s+[A-Z])"),
        _month, ("year", "month")),
    # April 24-May 2(, 1917), April 24 to May 2, December 31, 1937-January 3, 1938
    Rule("month_day_span", re.compile(
        rf"(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?"
        rf"(?:{_DASH}|\s+(?:to|till|until)\s+)"
        rf"(?P<month2>{_MONTH_FORM})\s+(?P<day2>{_DAY})(?:,?\s+(?P<year2>{_YEAR}){_NUM_END})?{_END}"),
        _month_day_span, ("digit", "month")),
    # (Tuesday | Tues.) January 23(rd)(-30 | or 24)(,) (1937 | [1937] | (1937)); OCR's `Sept.1`
    Rule("month_day", re.compile(
        rf"(?=[A-Z])(?:{_WEEKDAY})?(?P<month>{_MONTH})(?:\s+|(?<=\.))(?P<day>{_DAY_SPACED}|{_DAY}|{_DAY_MISREAD_ONE})"
        rf"(?!\s\d{{3}}(?!\d))"
        rf"(?:(?:{_DASH}|\s+(?:or|to)\s+)(?P<day2>{_DAY}))?{_CLOSING_YEAR}?{_TRAILING_WEEKDAY}?{_END}"),
        _month_day, ("digit", "month")),
    # (Tuesday) 9(-12 | or 10 | to the 12th)( day | Day)( of) January(,) (2024) (Saturday)
    Rule("day_month", re.compile(
        rf"(?=[\dMTWFS])(?:{_WEEKDAY}(?:the\s+)?)?{_NUM_START}(?P<day>{_DAY})"
        rf"(?:(?:{_DASH}|\s+(?:or|to)\s+(?:the\s+)?)(?P<day2>{_DAY}))?"
        rf"(?:\s+[Dd]ay)?(?:\s+of)?\s+(?P<month>{_MONTH}){_CLOSING_YEAR}?{_TRAILING_WEEKDAY}?{_END}"),
        _month_day, ("digit", "month")),
    # (the) first (day) of March(,) (1917)
    Rule("ordinal_of_month", re.compile(
        rf"\b(?=[efnst])(?P<ordinal>{_ORDINAL_WORD})(?:\s+day)?\s+of\s+(?P<month>{_MONTH}){_CLOSING_YEAR}?{_END}",
        re.IGNORECASE), _ordinal_word, ("month",)),
    # October first(,) 1802; March the first
    Rule("month_ordinal", re.compile(
        rf"(?P<month>{_MONTH})\s+(?:the\s+)?(?P<ordinal>{_ORDINAL_WORD}){_CLOSING_YEAR}?{_END}"),
        _ordinal_word, ("month",)),
    # 12/3/1790
    Rule("numeric", re.compile(
        rf"(?=\d){_NUM_START}\b(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>{_YEAR})(?![\d/])"),
        _numeric, ("digit", "slash")),
    # 12/3/90: only where the running date is of the same century and a few years near
    Rule("numeric_short_year", re.compile(
        rf"(?=\d){_NUM_START}\b(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<short>\d\d)(?![\d/])"),
        _numeric, ("digit", "slash"), numeric=True),
    # May to August, 1790 (a span of months shares its year)
    Rule("month_span", re.compile(
        rf"(?P<month>{_MONTH})\s+(?:to|till|until)\s+(?P<month2>{_MONTH}){_CLOSING_YEAR}{_END}"),
        _month, ("digit", "month")),
    # the fourth Monday of March (being the twenty third day of the same month) (in the year
    # of our Lord) 1835: a court's day of sitting
    Rule("weekday_of_month", re.compile(
        rf"\b(?P<rank>[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ll]ast)\s+(?P<weekday>{_WEEKDAY_NAME})\s+(?:of|in)\s+"
        rf"(?P<month>{_MONTH})(?:,?\s+being\s+the\s+(?:(?i:(?P<ordinal>{_ORDINAL_WORD}))|(?P<day>{_DAY}))\s+day"
        rf"(?:\s+of\s+(?:the\s+)?(?:same|said)\s+[Mm]onth)?)?{_CLOSING_YEAR}?{_END}"),
        _weekday_of_month, ("weekday", "month")),
    # the twenty third day of the same month, the 3d day of said month, the first day of this
    # instant: a day of a month named before, or of the running one
    Rule("day_of_month_referred", re.compile(
        rf"(?:\b(?i:(?P<ordinal>{_ORDINAL_WORD}))|{_NUM_START}(?P<day>{_DAY}))\s+day\s+of\s+"
        r"(?:(?:the\s+)?(?:same|said)\s+[Mm]onth"
        r"|(?P<present>this|the\s+present)\s+(?:[Mm]onth|[Ii]nstant|[Ii]nst\b\.?))"),
        _day_of_month_referred, ("day_of", "month_word")),
    # March term 1850, the May Term of 1850: a court's sitting, named by its month
    Rule("court_term", re.compile(
        rf"(?P<month>{_MONTH})\s+[Tt]erm(?!\w){_CLOSING_YEAR}?{_END}"),
        _month, ("month",)),
    # (in the year of our Lord) one thousand eight hundred and thirty five: the year alone,
    # written out, only after `year` or `A.D.` (`one thousand eight hundred dollars` is a sum)
    Rule("year_in_words", re.compile(
        rf"(?:(?<=[Yy]ear\s)|(?<=[Yy]ear\sof\sour\sLord\s)|(?<=A\.\sD\.\s)|(?<=A\.D\.\s))(?P<wyear>{_YEAR_WORDS})"),
        lambda g: {"when": year_in_words(g["wyear"])}, ("hundred",)),
    # last September, next March (no year printed: the running date tells which)
    Rule("month_last_or_next", re.compile(
        "(?P<direction>" + words_not_after(r"\w", ("Last", "last", "Next", "next")) + r")\s+"
        rf"(?P<month>{_FULL}|{_SHORT}\.)(?![a-z]){_END}(?![\s,]*\d)"),
        _month_last_or_next, ("month",)),
    # January(-March)(,) (of the year) (1937 | (1872))
    Rule("month", re.compile(
        rf"(?P<month>{_MONTH})(?:{_DASH}(?P<month2>{_MONTH_FORM}))?{_CLOSING_YEAR}?{_END}"),
        _month, ("month",)),
    # 3d inst., the 1st ult., 2nd proximo
    Rule("day_relative", re.compile(
        rf"(?=\d){_NUM_START}\b(?P<day>{_DAY})\s+(?P<relative>(?:instant|ultimo|proximo)(?!\w)|(?:inst|ult|prox)(?!\w)\.?)"),
        _day_alone, ("digit", "relative")),
    # Monday(,) the 5th (the running date gives its month, where the weekday agrees)
    Rule("weekday_day", re.compile(
        rf"(?P<weekday>{_WEEKDAY_NAME}),?\s+(?:the\s+)?(?P<day>[0-3]?\d{_SUFFIX})(?![\w]){_AFTER_DAY_ALONE}"),
        _day_alone, ("digit", "ordinal")),
    # on the 16th, ... (a line end may part them); a diary's `on 5th our march`
    # (its first digit leads, `the` or `on` looked for behind it: teikit.patterns)
    Rule("the_day", re.compile(
        rf"(?P<day>\d(?:(?<=\b[Tt]he\s\d)|(?<=\b[Oo]n\s\d))(?:(?<=[0-3])\d)?{_SUFFIX})(?!\w){_AFTER_DAY_ALONE}"),
        _day_alone, ("digit", "ordinal")),
    # (on) Monday (evening): the running date tells which Monday, or it is no date here;
    # not in a name (`the Sunday Times`, `Good Friday`), nor after a day (`19th Sunday`:
    # a diary's entry head names both, found whole as a bare day)
    Rule("weekday", re.compile(
        rf"(?P<weekday>{_WEEKDAY_NOT_AFTER_DAY})(?:\s+(?:[Mm]orning|[Aa]fternoon|[Ee]vening|[Nn]ight)\b)?"
        rf"(?!\w|'s\b|\s+[Ss]chools?\b)"),
        lambda g: {"_weekday": str(WEEKDAYS.index(g["weekday"].capitalize()))}, ("weekday",)),
    # A.D. 814, 814 A.D.
    Rule("era_year", re.compile(
        r"(?:\b[Aa]\.\s?[Dd]\.\s?(?P<year>\d{1,4})|(?<![\d.,])\b(?P<year_>\d{1,4})\s?A\.\s?D\.)(?!\d)"),
        lambda g: _era_year({"year": g["year"] or g["year_"]}), ("era", "digit")),
    # 1930s
    Rule("decade", re.compile(f"(?P<decade>{not_after(_BEFORE_NO_NUMBER, '1')}" + r"\d{2}0"
                              + f"|{not_after(_BEFORE_NO_NUMBER, '2')}" + r"0\d0)'?s\b"),
         _decade, ("digit", "decade"), numeric=True),
    # the Spring of 1884, summer 1790, the winter of 1790-'91 (`_season`: the value is the year)
    Rule("season", re.compile(
        rf"{_SEASON}(?:\s+of(?:\s+the\s+year)?|,)?\s+(?P<year>{_YEAR_STARTING})"
        rf"(?:\s?[-–—]{_RANGE_END})?{_NUM_END}(?!\w){_NOT_MEASURE}"),
        _season, ("year",)),
    # the spring of last year, the winter of this year: the year, which the running date tells
    Rule("season_of_relative_year", re.compile(
        rf"{_SEASON}\s+of\s+{_RELATIVE_YEAR}"),
        _of_relative_year, ("year_word",)),
    # 1936-37, 1917-1923, 1862-3, 1882·1962, (1912- ) and (1874- ?)
    Rule("year_range", re.compile(
        rf"(?P<year>{_YEAR_STARTING})\s?[-–—·](?:{_RANGE_END}|(?:\s?\?)?(?=\s*\)))"),
        _year_range, ("year",), numeric=True),
    # not a file number (`1643/58`, the 1643rd of 1858)
    Rule("year", re.compile(rf"(?P<year>{_YEAR_STARTING}){_NUM_END}(?!/\d){_NOT_MEASURE}"),
         lambda g: {"when": g["year"]}, ("year",), numeric=True),
    # a newspaper's dateline as OCR misread it: `Quillbury, Minn., Deo. 31.`, `Quillbury, Jan. ,3.`
    # (only after a place opening the text: `_accept`)
    Rule("misread_dateline", re.compile(
        rf"(?P<month>{only_after(', ', '[A-Z]')}[a-z]{{2}})\.\s?[,.'’]?\s?(?P<day>[0-3]?\d)(?!\d)(?=[.,]|\s+[A-Z])"),
        lambda g: _month_day({**g, "month": misread_month(g["month"])}) if misread_month(g["month"]) else None,
        ("digit",)),
]

#: the first three letters of each month, as abbreviated in a dateline
MONTH_HEADS = tuple(name[:3].lower() for name in FULL_MONTHS)
#: a dateline's place: capitalised words, its state or county after commas (`St. Quillbury, Minn.`);
#: the structure pass reads a dateline alone on its line by it too
PLACE_NAMES = r"[A-Z][\w'.]*(?:\s[A-Z][\w'.]*)*(?:,\s?[A-Z][\w'.]*(?:\s[A-Z][\w'.]*)*)*"
#: a dateline's place opening its text, before its date (`Quillbury, Minn., `)
DATELINE_PLACE = re.compile(rf"\W{{0,2}}{PLACE_NAMES},\s?")


def misread_month(form: str) -> str:
    """The month a dateline's abbreviation names where OCR misread one letter of it (`Deo`,
    `Jau`), or printed it right; "" where it is none, or could be two (`Mav`: May, Mar)."""
    if form.lower() in MONTH_HEADS:
        return form
    differing = [head for head in MONTH_HEADS if sum(a != b for a, b in zip(form.lower(), head)) == 1]
    return differing[0].title() if len(differing) == 1 else ""

#: nouns an ordinal ranks (`2d Brigade`, `5th Regt.`, `3d Ward`, `4th Avenue`): no day of an entry
_RANKED = (r"(?i:(?:brigade|brig|regiment|regt|division|div|corps|battalion|batt|company|cavalry|cav|infantry|inf|"
           r"artillery|battery|army|squadron|ward|precinct|district|congress|session|edition|volume|vol|"
           r"century|street|avenue|ave|class|grade|floor|chapter|section|article|amendment|annual)\b)")

#: a day heading a diary entry (`11th on to the river`), kept only where the day begins its
#: block or line and a running date gives its month (date_context); with its suffix, it may
#: stand alone (a margin's `26th`) or before the next entry's date (`31st 1 Sept`)
#: (its first digit leads, the test of what stands before it after that digit: teikit.patterns)
BARE_DAY = Rule("bare_day", re.compile(
    rf"(?P<bare>(?P<day>\d(?<![\w.,/:-]\d)(?:(?<=[0-3])\d)?{_SUFFIX}?))"
    rf"(?:,?\s+(?P<weekday>{_WEEKDAY_NAME})(?!\w)|{_TRAILING_WEEKDAY})?"
    rf"(?:(?=\s+[A-Za-z])|(?<=[a-z.])(?=\s+\d|\s*$))(?!\s+(?:{_MONTH}|per\b|o'clock|{_RANKED}))"),
    _day_alone, ("digit",))
#: a diary's entry head of weekday and day (`Saturday 23`, `Monday 1st`), the month and year
#: left to the running date, kept only where the weekday agrees with the day they make
#: (date_context); the day ends its line or goes on with a capital (`Sunday 24 Rain`)
WEEKDAY_ENTRY = Rule("weekday_entry", re.compile(
    rf"(?P<bare>(?P<weekday>{_WEEKDAY_NAME}),?\s+(?P<day>[0-3]?\d{_SUFFIX}?))"
    rf"(?![\w.,]*\s*(?:\d|{_MONTH}))(?=[ \t]*(?:[.,:;]?[ \t]*(?:\n|$)|[.,:;]?\s+[A-Z]))"),
    _day_alone, ("digit", "weekday"))
#: the rules for a text a running date may complete: its entry heads too, those of a weekday
#: tried before a weekday alone would take their weekday
_WEEKDAY_ALONE_AT = [rule.name for rule in RULES].index("weekday")
ENTRY_RULES = [*RULES[:_WEEKDAY_ALONE_AT], WEEKDAY_ENTRY, *RULES[_WEEKDAY_ALONE_AT:], BARE_DAY]

#: what a rule may need a text to contain (`Rule.needs`), each found by a quick search:
#: a text without it is not searched for the rule's longer pattern
NEEDS = {
    "digit": re.compile(r"\d"),
    #: four figures that may be a year
    "year": re.compile(_YEAR),
    #: what `inst.`, `ult.`, `prox.` and their full forms start with
    "relative": re.compile("inst|ult|prox"),
    #: the `0s` of a decade (`1930s`, `1930's`)
    "decade": re.compile("0'?s"),
    #: the first letters of every month form (`Apl` too)
    "month": re.compile("|".join(sorted({f(form[:3]) for form in MONTH_NUMBER for f in (str.capitalize, str.upper)}))),
    #: a day with its suffix: `5th`, `2d`
    "ordinal": re.compile(rf"\d{_SUFFIX}"),
    "weekday": re.compile(_WEEKDAY_NAME),
    #: the `D.` of `A.D.`
    "era": re.compile(r"\.\s?[Dd]\."),
    "slash": re.compile("/"),
    #: what a day of a month referred to (`the 3d day of said month`) is written with: far
    #: rarer than the month words, so tried first
    "day_of": re.compile(r"day\s+of\s"),
    #: what a month referred to (`of the same month`, `of this instant`) is written with
    "month_word": re.compile(r"[Mm]onth|[Ii]nst"),
    #: the word every year written out has
    "hundred": re.compile("[Hh](?i:undred)"),     # its first letter a set, which `re` scans for
    #: the word a year named by its distance from the running one ends with
    "year_word": re.compile(r"year\b"),
}
#: words after which a number is a page, an issue or a sum, not a year
NOT_YEAR_BEFORE = re.compile(r"(?:\b(?:pp?|[Pp]ages?|[Nn]os?|[Nn]umbers?|[Vv]ol|[Vv]olume)\.?|[$£#])\s*$")
#: a month followed by one of these is the name of an event, not a date
EVENT_AFTER = re.compile(r"\s+(?:[Rr]evolution|[Tt]heses|[Dd]ays|[Ii]nsurrection|[Uu]prising|[Mm]anifesto|[Cc]oup)\b")
#: the months that name the revolutions of 1917 on their own (`the man of October`)
REVOLUTION_MONTHS = frozenset({"February", "October"})
#: a capitalised word inside a sentence before a weekday makes it a name (`on Good Friday`)
NAME_BEFORE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+\s+$")
#: a weekday, a month or a day named after these in its sentence lies ahead (`I shall see him
#: on Friday`, `said the men would return Monday`, `let me know by Saturday`, `next Monday`,
#: `we hope to see you on October 3`)
FUTURE_BEFORE = re.compile(r"\b(?:will|shall|'ll|would|going to|next|hope|intend|expect|mean to|let me know)\b"
                           r"[^.!?;]*$", re.IGNORECASE)
#: a verb in the past, or `that` opening a clause of its own, after the word that tells the
#: future: a month or day after them is of what has passed (`will confirm that we stayed from July 25`)
PAST_BETWEEN = re.compile(r"\b(?:that|was|were|had|did|\w+ed)\b", re.IGNORECASE)


def _told_ahead(text: str, i: int, weekday: bool) -> bool:
    """Whether the date at `i` is told in the future (`FUTURE_BEFORE` in its sentence); a
    month or day only where no past verb nor `that` stands between (`PAST_BETWEEN`)."""
    ahead = FUTURE_BEFORE.search(text, max(0, i - 60), i)
    return ahead is not None and (weekday or not PAST_BETWEEN.search(ahead.group()))


SENTENCE_START = re.compile(r"(?:^|[.!?:\"“]\s*)\s*$")
#: a count and a measure after `March` or `May` (`March 2 ½ hours`, `March 3 miles North`,
#: `march 2¼`): the verb (or `may`) before a distance or a time, as travellers' journals
#: write it, not the month
MEASURE_AFTER = re.compile(r"\s+\d{0,3}\s?(?:[½¼¾⅓⅔⅛]|\d/\d)"
                           r"|\s+\d{1,3}\s+(?:hours?|hrs?|miles?|yards?|minutes?|mins?)\b", re.IGNORECASE)
#: the longest place before a dateline's date (`Quillbury Junction, New Pellworth, `)
DATELINE_PLACE_LENGTH = 48


def _standalone_month_is_date(text: str, i: int, j: int, month: str) -> bool:
    """Whether a month printed without day or year names that month.

    Not when it names an event (`the October Revolution`, `April Theses`, `the man of
    October`), not in a heading in capitals (`THE MARCH TO POWER`), not a short form,
    and `May`/`March` not at a sentence start (`May I ...`) unless a chronology's dash
    follows (`May-An insurrection`), nor as a verb: before a count of a measure (`March 2 ½
    N E`), after a modal or before the verb a modal governs (`VERB_BEFORE`, `MODAL_AFTER`),
    nor between two capitalised words of a headline in title case (`TITLE_WORD_BEFORE`).
    """
    before, after = text[max(0, i - 12):i], text[j:j + 16]
    if month not in FULL_MONTHS or EVENT_AFTER.match(after):
        return False
    if month in REVOLUTION_MONTHS and re.search(r"\b(?:of|the)\s+$", before):
        return False
    if month.lower() in AMBIGUOUS_MONTHS and SENTENCE_START.search(before):
        return bool(re.match(r"\s?[-–—]", after))
    if month.lower() in AMBIGUOUS_MONTHS and (VERB_BEFORE.search(before) or MODAL_AFTER.match(after)):
        return False
    if month.lower() in AMBIGUOUS_MONTHS and CAPITAL_WORD_AFTER.match(after) and \
            (word := TITLE_WORD_BEFORE.search(before)) and word.group(1).lower() not in GOVERNS_MONTH:
        return False
    return not _verb_before_measure(text, j, month)


def _verb_before_measure(text: str, j: int, month: str) -> bool:
    """Whether `March`/`May` ending at `j` is a verb before a count of a measure (`March 2 ½ N E`)."""
    return month.lower() in AMBIGUOUS_MONTHS and MEASURE_AFTER.match(text, j) is not None


#: the capitalised word after a weekday
CAPITAL_AFTER = re.compile(r"\s+([A-Z][a-z]*)")
PARTS_OF_DAY = ("Morning", "Afternoon", "Evening")


def shortens(word: str, full: str) -> bool:
    """Whether `word` is `full` shortened as hands wrote it: its first two letters, then some
    of the others in order (letters left out, not changed)."""
    rest = iter(full[2:])
    return len(word) >= 3 and word[:2] == full[:2] and all(letter in rest for letter in word[2:])


def _name_after_weekday(text: str, end: int) -> bool:
    """Whether a capitalised word after a weekday makes it part of a name (`Friday Quillet`,
    `Sunday Schools`): not `I`, and not a part of the day, however shortened (a letter's
    `Monday Evg`: the date is the weekday's)."""
    m = CAPITAL_AFTER.match(text, end)
    return bool(m) and m.group(1) != "I" and not any(shortens(m.group(1), full) for full in PARTS_OF_DAY)


#: `last` or `next` after a yearless month or day (`in January last`, `the 3d of December
#: last`, `on the 1st of July next`): the latest before the running date, or the first after
#: it, as `last September` counts; not `last year` or `next week`, a date of their own. A
#: month abbreviated alone is a date before them (`in Jany. last`)
LAST_OR_NEXT_AFTER = re.compile(r"[ \t]+(?P<direction>last|next)(?!\w)"
                                r"(?!\s+(?:year|month|week|day|night|time|spring|summer|autumn|fall|winter)\b)")
#: the year named after a yearless month or day by its distance from the running one (`May
#: last year`, `June of last year`, `March of this year`, `the 3d of May next year`)
RELATIVE_YEAR_AFTER = re.compile(rf"(?:[ \t]+|\s+of\s+){_RELATIVE_YEAR}")


def _with_relative_year(text: str, end: int, attrs: dict[str, str]) -> tuple[int, dict[str, str]]:
    """The end and attributes of a yearless month or day (`--12`, `--12-03`) with what tells
    its year after it: `last` or `next` (LAST_OR_NEXT_AFTER), or `last year`, `of this
    year` (RELATIVE_YEAR_AFTER)."""
    if not YEARLESS.match(attrs.get("when", "")) or set(attrs) != {"when"}:
        return end, attrs
    if after := LAST_OR_NEXT_AFTER.match(text, end):
        return after.end(), {**attrs, "_direction": "-1" if after["direction"] == "last" else "1"}
    if after := RELATIVE_YEAR_AFTER.match(text, end):
        return after.end(), _of_relative_year(after.groupdict(), attrs["when"])
    return end, attrs


def _accept(rule: Rule, text: str, m: re.Match) -> bool:
    """The checks a match must pass beyond its pattern."""
    i, j = m.span()
    if rule.name == "month" and not m.group("year") and not m.group("byear") and not m.group("month2"):
        return _standalone_month_is_date(text, i, j, m.group("month")) \
            or m.group("month").endswith(".") and LAST_OR_NEXT_AFTER.match(text, j) is not None
    if rule.name == "month_day" and not m.group("year"):
        return not _verb_before_measure(text, m.end("month"), m.group("month"))
    if rule.numeric:
        return not NOT_YEAR_BEFORE.search(text[max(0, i - 12):i])
    if rule.name == "weekday":
        return not NAME_BEFORE.search(text[max(0, i - 16):i]) and not _name_after_weekday(text, j)
    if rule.name == "misread_dateline":
        return i <= DATELINE_PLACE_LENGTH and bool(DATELINE_PLACE.fullmatch(text, 0, i))
    return True


def _contains(text: str, need: str, has: dict[str, bool]) -> bool:
    """Whether `text` contains what NEEDS[need] finds, searched for once (`has`)."""
    if need not in has:
        has[need] = NEEDS[need].search(text) is not None
    return has[need]


def find_dates(text: str, earliest: int = 1500, latest: int = 2099,
               with_bare_days: bool = False) -> list[tuple[int, int, dict[str, str]]]:
    """Calendar expressions in `text` as (start, end, TEI attributes), in text order.

    Years outside [earliest, latest] are no dates, except those printed with an era
    (`A.D. 814`). With `with_bare_days`, a day alone that begins the text or a line is
    found too (a diary entry), marked `_bare` for the running date to complete.

    >>> find_dates("On January 23, 1937, in 1936-37")
    [(3, 19, {'when': '1937-01-23'}), (24, 31, {'from': '1936', 'to': '1937'})]
    """
    taken = bytearray(len(text))
    found = []
    has: dict[str, bool] = {}       # the NEEDS searched for so far
    rules = ENTRY_RULES if with_bare_days else RULES
    for rule in rules:
        if not all(_contains(text, need, has) for need in rule.needs):
            continue
        for m in rule.pattern.finditer(text):
            i, j = m.span()
            if any(taken[i:j]) or not _accept(rule, text, m):
                continue
            attrs = rule.value(m.groupdict())
            j, attrs = _with_relative_year(text, j, attrs) if attrs else (j, attrs)
            if attrs and (rule.name == "weekday" or set(attrs) == {"when"} and YEARLESS.match(attrs["when"])) \
                    and _told_ahead(text, i, weekday=rule.name == "weekday"):
                attrs["_ahead"] = "1"
            values = [v for k, v in attrs.items() if not k.startswith("_")] if attrs else []
            if attrs is None or not all(map(is_calendar_day, values)) or (rule.name != "era_year" and any(
                    not earliest <= int(v[:4]) <= latest for v in values if v[:1].isdigit())):
                continue
            taken[i:j] = b"\x01" * (j - i)
            found.append((i, j, _year_by_weekday(text[i:j], attrs, earliest, latest)))
    found.sort(key=lambda f: f[0])
    return _share_years(text, found)


#: a weekday's name in a date's printed words
_WEEKDAY_IN = re.compile(_WEEKDAY_NAME + r"(?!\w)")


def _year_by_weekday(printed: str, attrs: dict[str, str], earliest: int, latest: int) -> dict[str, str]:
    """A day whose year is printed by its last two digits and that names its weekday
    (`SATURDAY, JAN. 20, '72`): the one year of [earliest, latest] with those digits in
    which that day falls on that weekday, where there is one; else `attrs` as they are,
    for the running date to give the century."""
    weekday, day = _WEEKDAY_IN.search(printed), YEARLESS.match(attrs.get("when", ""))
    if "_year_end" not in attrs or not weekday or not day or not day.group(2):
        return attrs
    wanted, month, number = WEEKDAYS.index(weekday.group().capitalize()), int(day.group(1)), int(day.group(2)[1:])
    years = [year for year in years_on_weekday(month, number, wanted, earliest, latest)
             if year % 100 == int(attrs["_year_end"])]
    if len(years) != 1:
        return attrs
    return {key: value for key, value in attrs.items() if key != "_year_end"} | {
        "when": f"{years[0]:04d}-{month:02d}-{number:02d}"}


#: what parts the dates of one series: `June 25, Aug. 15, 1790`, `Dec. 3; Jan. 9, 1791`, `the 3d and the 5th of May`
SERIES_GAP = re.compile(r"\s*(?:,|;|&|and|,\s*and)(?:\s+the)?\s*")
YEARLESS = re.compile(r"--(\d\d)(-\d\d)?$")
YEAR_MONTH = re.compile(r"(\d{4})-(\d\d)")
#: a value with its month: 1790-06-09, 1790-06, --06-09, --06
WITH_MONTH = re.compile(r"(\d{4}|-)-(\d\d)(?:-(\d\d))?$")
#: a day alone: ---18
DAY_ONLY = re.compile(r"---(\d\d)$")


def _share_years(text: str, found: list) -> list:
    """Give the yearless dates of a series the year its last member prints, where the
    months run forward to it (`June 25, Aug. 15, 1790`: June 25 is of 1790), and a day
    printed alone the month (and year) of the day after it (`the 3d and 5th of May, 1862`)."""
    for k in range(len(found) - 2, -1, -1):
        i, j, attrs = found[k]
        if not SERIES_GAP.fullmatch(text[j:found[k + 1][0]]):
            continue
        after = found[k + 1][2].get("when") or found[k + 1][2].get("from") or ""
        yearless, dated = YEARLESS.match(attrs.get("when", "")), YEAR_MONTH.match(after)
        day_alone, with_day = DAY_ONLY.match(attrs.get("when", "")), WITH_MONTH.match(after)
        if yearless and dated and int(dated.group(2)) >= int(yearless.group(1)):
            found[k] = (i, j, {**attrs, "when": dated.group(1) + attrs["when"][1:]})
        elif day_alone and with_day and with_day.group(3) and "_relative" not in attrs \
                and int(day_alone.group(1)) < int(with_day.group(3)):
            found[k] = (i, j, {"when": f"{after[:with_day.end(2)]}-{day_alone.group(1)}"})
    return found
