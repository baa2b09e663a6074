"""The running date of a document, and the values it completes.

Letters, diaries and newspapers date a page once (a dateline, an entry head, a masthead)
and then write `March 2`, `3d inst.`, `12 Rested`, `on Friday`. A complete date that
begins its block or line, or closes a short block, a short line or an early line of a
div (`Fort William, June 9, 1790.`), sets the running date, as does a full date in the
running head of a page (`MARCH 11, 1790. 638`: the text under it); a year alone on its line with
more of its block after it (a diary's `1790` over `March`, `23d` over `1790`) sets its
year; a year alone in its block is a section's title (a chronology's `1937`), whose
entries stay as printed. Within a few pages of it:
- a yearless month or day takes its year where that is safe: a month up to the running
  one (what a letter or diary tells has passed) or next to it across a new year;
- `inst.`, `ult.`, `prox.` and `of last month` count months from it, `May last year`, `March
  of this year` and `the spring of last year` years;
- a bare day heading an entry a few days on keeps its month, or takes the next one when
  the day goes back; before any heading date, the first complete date of the div wherever
  it stands (a journal's `begun 14th August 1872 at`) dates the entries after it; entries
  before the first dated one wait for it;
- a diary's head of weekday and day (`Saturday 23`) is of the running month, or the next,
  only where the day falls on that weekday;
- a yearless month or day before any year of its div waits for a heading date a page or
  so on (a letter dated at its foot, a diary whose year comes later), which gives it its
  year as it would after it (`RunningDate.settle_years`), as does `the spring of last year`;
- a weekday alone is the running date's, or the last one before it; told in the future
  (`I shall come on Friday`), the next one after it.
A day named alone in the prose (`on the 1st`) belongs to a month named just before, or
the running date's. Each div
but a section starts afresh. A value the running date completed carries `cert="medium"`
(`INFERRED`): the printed words alone do not say it.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from .date_grammar import DAY_ONLY, WITH_MONTH, is_calendar_day

#: a complete day: 1790-06-09
FULL_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)$")
#: a yearless month or day: --08, --08-18
MONTH_DAY = re.compile(r"--(\d\d)(?:-(\d\d))?$")
#: a year alone: 1790
YEAR_ONLY = re.compile(r"(\d{4})$")
#: the certainty of a value that the running date completed
INFERRED = {"cert": "medium"}
#: a two-digit year (`12/3/90`) is of the running date's century this many years near it
DECADE_NEAR = 10
#: how far (characters of reading text) a heading date reaches: a few printed pages;
#: a date at the top of a long text (a web page's posting date) says nothing of its end
REACH = 12000
#: a day alone in prose belongs to a month named this near before it (`In May, on the 1st`),
#: else to the running date's (`the mail of the 16th` in a letter)
NAMED_REACH = 200
#: a bare day heads the next diary entry only this many days after the running date at most
#: (`2d part` after `9th June` is no entry)
ENTRY_GAP_DAYS = 10
#: nor further on than this (characters read): diaries date entry after entry, letters
#: number their parts (`2d Part`) pages apart
ENTRY_REACH = 2000
#: a yearless month or day before any year of its div waits this far (characters read) for a
#: heading date to give it one: a letter's body above its dateline at the foot, a diary's
#: first page before the year is written
YEAR_AHEAD_REACH = 3000


@dataclass
class RunningDate:
    """Where the document stands: its last heading date, and the month it last named."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    #: the month last named, and its year when known
    named_month: int | None = None
    named_year: int | None = None
    #: characters read in the div up to the date at hand, to the start of its block, to the
    #: last heading date and to the month last named
    position: int = 0
    block_start: int = 0
    anchored_at: int = 0
    named_at: int = 0
    #: whether a weekday alone takes the running day: not where only a newspaper's masthead
    #: dates the text (an article tells its weekdays from the day of its news, not of the issue)
    weekdays: bool = True
    #: bare entry days (day, printed with a suffix, position, where) met before the first
    #: heading date, waiting for it
    waiting: list[tuple[int, bool, int, Any]] = field(default_factory=list)
    #: the first complete date of the div, wherever it stands, and where: (year, month, day,
    #: position); it dates the bare entry days after it until a heading date does
    first_day: tuple[int, int, int, int] | None = None
    #: whether a date of the div has printed a year yet (a year alone, a month's, a day's)
    year_told: bool = False
    #: yearless months and days (where, value, position, years after the heading date's or
    #: None, told in the future) met before any year of the div, waiting for a heading date
    #: to give them theirs
    yearless: list[tuple[Any, str, int, int | None, bool]] = field(default_factory=list)

    @property
    def known(self) -> bool:
        return self.year is not None and self.distance <= REACH

    @property
    def month_known(self) -> bool:
        """A running month too, not only a year (a diary's year heading)."""
        return self.known and self.month is not None

    @property
    def distance(self) -> int:
        """Characters read since the last heading date (or the start of the div)."""
        return self.position - self.anchored_at

    def at(self, offset: int) -> None:
        """Stand at this offset of the block's reading text."""
        self.position = self.block_start + offset

    def read(self, characters: int) -> None:
        """Move past a block of this many characters."""
        self.block_start += characters
        self.position = self.block_start

    def waits_for(self, attrs: dict[str, str], place: str | None) -> bool:
        """Whether a date is a diary entry day before any heading date (it waits for one)."""
        return "_bare" in attrs and "_weekday_named" not in attrs and place == "head" \
            and self.year is None and self.first_day is None

    def wait(self, attrs: dict[str, str], printed: str, where: Any) -> None:
        self.waiting.append((int(attrs["when"][3:]), not printed.isdigit(), self.position, where))

    def settle(self) -> list[tuple[Any, dict[str, str]]]:
        """The entries that waited, dated by the first heading date: the days of its month
        before it, when they run forward a few days at a time up to it, mostly printed as
        ordinals (`4th`, `5`, `7th` ... before `9th June 1790`; never numbered paragraphs)."""
        if not self.waiting or self.day is None:
            return []
        waited, self.waiting = [w for w in self.waiting if w[2] + REACH >= self.position], []
        days = [day for day, *_ in waited] + [self.day]
        steps = [later - earlier for earlier, later in zip(days, days[1:])]
        if not waited or not all(0 < step <= ENTRY_GAP_DAYS for step in steps) \
                or 2 * sum(suffixed for _, suffixed, *_ in waited) < len(waited):
            return []
        month = f"{self.year:04d}-{self.month:02d}"
        return [(where, {"when": f"{month}-{day:02d}", **INFERRED}) for day, _, _, where in waited]

    def awaits_year(self, value: str) -> bool:
        """Whether a yearless month or day (or, `value` empty, a season of a year named by
        its distance from the running one) may yet take the year of a date after it: no date
        of its div has printed a year, nor has a running head."""
        return (not value or MONTH_DAY.match(value) is not None) and self.year is None and not self.year_told

    def await_year(self, value: str, where: Any, year_shift: int | None = None, ahead: bool = False) -> None:
        """Let a yearless date wait for a heading date; `year_shift`: it is that many years
        after the heading date's (`May last year`: -1), not of the year near its month; a
        season's `value` is empty (`the spring of last year`: its year alone); `ahead`: told
        in the future, it may be of a later month of that year (`year_near`)."""
        self.yearless.append((where, value, self.position, year_shift, ahead))

    def settle_years(self) -> list[tuple[Any, dict[str, str]]]:
        """The yearless dates that waited, with the year the first heading date gives them
        where it follows near (a letter dated at its foot, a diary whose year comes a page
        on): as it gives the yearless dates after it (`year_near`), so `27th of April` before
        `2d May 1851` is of 1851, `December 30` before `January 2, 1791` of 1790, `March 3`
        before `June 9, 1790` of 1790, and `October 3` before it stays yearless; `May last
        year` and `the spring of last year` before `June 9, 1790` are of 1789."""
        if not self.yearless or self.day is None:
            return []
        waited, self.yearless = self.yearless, []
        settled = []
        for where, value, position, year_shift, ahead in waited:
            year = self.year_near(int(MONTH_DAY.match(value).group(1)), ahead) if year_shift is None \
                else self.year + year_shift
            if year is not None and position + YEAR_AHEAD_REACH >= self.position:
                settled.append((where, {"when": f"{year:04d}{value[1:]}", **INFERRED}))
        return settled

    def year_near(self, month: int, forward: bool = False) -> int | None:
        """The year a yearless `month` has at the running date, or None if unsure: the months
        next to it, across a new year too (`January` in a December letter is next year's,
        `December` in a January one last year's), and earlier months of its year (letters
        and diaries tell what has passed); any later month of its year too where the date
        goes `forward` (it heads an entry, as a diary goes forward, or is told in the future:
        `we hope to see you on October 3`); under a year heading alone, any month."""
        if self.month is None:
            return self.year
        for shift in (1, -1):
            year, near = shifted(self.year, self.month, shift)
            if near == month:
                return year
        return self.year if month <= self.month or forward else None

    def dated_by_page(self, value: str, weekdays: bool = True) -> None:
        """Stand on a page whose running head prints this full date (a debate's sitting
        day, a newspaper's issue): it dates the page as a dateline would, its weekdays too
        unless `weekdays` is false (a masthead's)."""
        self.year, self.month, self.day = map(int, FULL_DAY.match(value).groups())
        self.anchored_at = self.position
        self.weekdays = weekdays
        self.yearless = []      # a page later: not the year the text before gives them

    def saw(self, value: str, heads: bool, year_head: bool = False) -> None:
        """Move on past a date with this value; `heads`: it heads or closes its block or line;
        `year_head`: a year heads what follows (a year stacked over an entry's day or month)."""
        full, named, year = FULL_DAY.match(value), WITH_MONTH.match(value), YEAR_ONLY.match(value)
        if full and self.first_day is None:
            self.first_day = (*map(int, full.groups()), self.position)
        if value[:1].isdigit():
            self.year_told = True
            if not (full and heads):
                self.yearless = []      # a year in the prose, or a year alone: whose the yearless are is unsure
        if full and heads:
            self.year, self.month, self.day = map(int, full.groups())
            self.anchored_at = self.position
            self.weekdays = True
        elif year and year_head:
            if self.year != int(year.group(1)):
                self.year, self.month, self.day = int(year.group(1)), None, None
            self.anchored_at = self.position
        if named:
            self.named_month = int(named.group(2))
            self.named_year = int(named.group(1)) if named.group(1) != "-" else None
            self.named_at = self.position


def shifted(year: int, month: int, shift: int) -> tuple[int, int]:
    """The year and month `shift` months after `month` of `year`."""
    absolute = year * 12 + month - 1 + shift
    return absolute // 12, absolute % 12 + 1


def _last_or_next(when: str, running: RunningDate, direction: int) -> str | None:
    """The value of `last September` (the latest September before the running month) or
    `next March` (the first after it), of `the 3d of December last` (the latest 3 December
    before the running day) or `the 1st of July next`, or None without a running month."""
    yearless = MONTH_DAY.match(when)
    if not running.month_known or not yearless:
        return None
    month, day = yearless.groups()
    printed = (int(month), int(day) if day and running.day is not None else 0)
    now = (running.month, running.day if day and running.day is not None else 0)
    passed = printed < now if direction < 0 else printed > now
    return f"{running.year + (0 if passed else direction):04d}-{month}" + (f"-{day}" if day else "")


def _in_relative_year(when: str | None, running: RunningDate, shift: int) -> str | None:
    """The value of `May last year`, `June of this year` (`when` a yearless month or day) or of
    `the spring of last year` (no `when`): in the year `shift` years after the running one;
    None without a running year."""
    if not running.known:
        return None
    year = f"{running.year + shift:04d}"
    return year + when[1:] if when else year


def _entry_basis(running: RunningDate, margin: bool) -> tuple[int, int, int] | None:
    """The day a bare entry day follows: the running date's, near enough (any distance for a
    margin's day); before any heading date, the div's first complete date near before it."""
    if running.known and running.day is not None and (margin or running.distance <= ENTRY_REACH):
        return running.year, running.month, running.day
    if running.year is None and running.first_day is not None \
            and running.position - running.first_day[3] <= ENTRY_REACH:
        return running.first_day[:3]
    return None


def _completed(when: str, running: RunningDate, relative: str | None, entry: bool,
               forward: bool = False, margin: bool = False) -> str:
    """`when` with the year, or month and year, the running date gives it (or unchanged);
    `forward`: the date heads its block or line, or is told in the future (`year_near`);
    `margin`: an entry day is all its line holds
    (a diary's margin), so it may go on any number of days in the running month, or repeat
    the running day, as far as the running date reaches."""
    partial, alone = MONTH_DAY.match(when), DAY_ONLY.match(when)
    if partial and running.known:
        month, day = int(partial.group(1)), partial.group(2)
        year = running.year_near(month, forward)
        return when if year is None else f"{year:04d}-{month:02d}" + (f"-{day}" if day else "")
    if not alone:
        return when
    day = int(alone.group(1))
    if relative is not None and running.month_known:
        year, month = shifted(running.year, running.month, int(relative))
    elif entry and (basis := _entry_basis(running, margin)):
        last_year, last_month, last_day = basis
        next_entry_month = day < last_day
        gap = day + 31 * next_entry_month - last_day
        if not (0 < gap <= ENTRY_GAP_DAYS or margin and (gap == 0 or not next_entry_month)):
            return when
        year, month = shifted(last_year, last_month, int(next_entry_month))
    elif relative is None and not entry and running.named_month \
            and running.position - running.named_at <= NAMED_REACH:
        if running.named_year is None:
            return f"--{running.named_month:02d}-{day:02d}"
        year, month = running.named_year, running.named_month
    elif relative is None and not entry and running.month_known:
        year, month = running.year, running.month
    else:
        return when
    return f"{year:04d}-{month:02d}-{day:02d}"


def _short_year(when: str, decade: str, running: RunningDate, after_month: bool = False) -> str | None:
    """`--03-12` of `12/3/90` in the running date's century, where that year lies near the
    running year (`90` in a letter of 1791 is 1790); None where it does not. A month's day
    with its year's last digits (`after_month`: `9th Feby /71`, `Sept. 1st '62`, surely a
    date) takes them, where no heading date runs, near the year last printed with a month
    (`the 3d day of March 1871` in a deed's text)."""
    base = running.year if running.known else running.named_year if after_month else None
    if base is None:
        return None
    year = base // 100 * 100 + int(decade)
    return f"{year:04d}{when[1:]}" if abs(year - base) <= DECADE_NEAR else None


def _completed_span(start: str, end: str, running: RunningDate, heads: bool) -> dict[str, str]:
    """A yearless span (`the 5 or 6th of February`, `January-March`) with the year its start
    takes from the running date; its end in the same year, or the next where its month is
    earlier (`December 30-January 2`). Unchanged where the start stays yearless."""
    dated = _completed(start, running, None, False, heads)
    if dated == start:
        return {}
    year = int(dated[:4]) + (int(end[2:4]) < int(start[2:4]))
    return {"from": dated, "to": f"{year:04d}{end[1:]}", **INFERRED}


def _weekday_near(weekday: int, running: RunningDate, ahead: bool) -> dict[str, str] | None:
    """A weekday named alone is the running date's, or the last one before it (`Friday`
    in a letter of Monday the 5th is the 2d), or, `ahead` (told in the future), the next
    one after it (the 9th); without a running day it is no date here."""
    if not running.known or running.day is None or not running.weekdays:
        return None
    today = datetime.date(running.year, running.month, running.day)
    days = ((weekday - today.weekday()) % 7 or 7) if ahead else -((today.weekday() - weekday) % 7)
    return {"when": (today + datetime.timedelta(days=days)).isoformat(), **INFERRED}


def _falls_on(value: str, weekday: int) -> bool:
    """Whether the day `value` names falls on `weekday` (Monday 0); a yearless one cannot say."""
    full = FULL_DAY.match(value)
    return full is not None and datetime.date(*map(int, full.groups())).weekday() == weekday


def infer(attrs: dict[str, str], running: RunningDate, place: str | None) -> dict[str, str] | None:
    """The attributes of a date found at this point, completed from `running`, which moves on.

    `place` is "head" where the date begins its block or line, "dateline" where it closes
    one (both move the running date; only a head begins a diary entry), "year" for a year
    that heads what follows (it sets the running year). The
    grammar's private keys (`_relative`: months after the dateline's for `inst.`, `ult.`,
    `prox.`; `_direction`: -1 for `last September`, 1 for `next March`; `_year_shift`: -1
    for `May last year` or `the spring of last year`, 0 for `of this year`, 1 for `next year`; `_decade`: the
    two digits of `12/3/90`; `_year_end`: those of `Sept. 1st '62`, a date without them
    where no running year gives their century; `_bare`: a day printed alone at an entry's head, `_margin`
    where it is all its line holds; `_weekday`: a weekday alone; `_ahead`: a weekday, month or
    day told in the future; `_weekday_named`: the weekday a day names, `Saturday 23`, `Monday the 15th`)
    are consumed here; `_awaits_year` is added to a yearless month or day that may
    yet take the year of a heading date after it (`RunningDate.await_year`), its value the
    `_year_shift` from that year if any (with `_ahead` if told in the future), and is all a
    season of a relative year waiting so has. None drops the date: a day whose month stays
    unknown (`---05` is no date teikit writes), one that does not exist, or one that does
    not fall on the weekday it names.
    """
    attrs = dict(attrs)
    weekday = attrs.pop("_weekday", None)
    if weekday is not None:
        return _weekday_near(int(weekday), running, attrs.pop("_ahead", None) is not None)
    ahead = attrs.pop("_ahead", None) is not None
    relative, entry = attrs.pop("_relative", None), attrs.pop("_bare", None) is not None
    weekday_named = attrs.pop("_weekday_named", None)
    # an entry that names its weekday may go on any number of days, as a margin's may: the weekday checks it
    margin = attrs.pop("_margin", None) is not None or weekday_named is not None
    direction = attrs.pop("_direction", None)
    decade, year_end = attrs.pop("_decade", None), attrs.pop("_year_end", None)
    year_shift = attrs.pop("_year_shift", None)
    if entry and place != "head":
        return None
    if year_shift is not None and "when" not in attrs:      # a season of a year named by its distance
        year = _in_relative_year(None, running, int(year_shift))
        if year is None:
            return {"_awaits_year": year_shift} if running.awaits_year("") else None
        return {**attrs, "when": year, **INFERRED}
    if decade is not None or year_end is not None:
        value = _short_year(attrs["when"], decade or year_end, running, year_end is not None)
        if value is None:
            return None if decade is not None else attrs
        return {**attrs, "when": value, **INFERRED}
    printed = attrs.get("when") or attrs.get("from") or ""
    if "when" in attrs:
        if direction is not None:
            completed = _last_or_next(printed, running, int(direction)) or printed
        elif year_shift is not None:
            completed = _in_relative_year(printed, running, int(year_shift)) or printed
        else:
            completed = _completed(attrs["when"], running, relative, entry, place == "head" or ahead, margin)
        if DAY_ONLY.match(completed) or not is_calendar_day(completed) \
                or weekday_named is not None and not _falls_on(completed, int(weekday_named)):
            return None
        if completed != attrs["when"]:
            attrs.update(when=completed, **INFERRED)
        if direction is None and running.awaits_year(completed):
            attrs["_awaits_year"] = year_shift or ""
            if ahead:
                attrs["_ahead"] = "1"
    elif MONTH_DAY.match(attrs.get("from", "")) and MONTH_DAY.match(attrs.get("to", "")):
        attrs.update(_completed_span(attrs["from"], attrs["to"], running, place == "head"))
    # a head moves the running date on (a diary's next entry); a dateline only when complete,
    # though even a yearless one dates its article's weekdays
    moves = place in ("head", "year") or place == "dateline" and FULL_DAY.match(printed) is not None
    running.weekdays = running.weekdays or place == "dateline"
    running.saw(attrs.get("when") or attrs.get("from") or "", moves, year_head=place == "year")
    return attrs
