"""Leave out source lines that are not the text (web boilerplate, a digitiser's notices),
keeping the reason.

Two kinds: the edition's own rules (edition.yaml's `exclude`), and the notices that
digitisers print into every book they scan, found by `NOTICES`: the Internet Archive's
`Digitized by the Internet Archive / in 2016 ... / https://archive.org/details/...` (or
`This book made available by the Internet Archive.`), the Google Books notice of the first
page (`This is a digital copy of a book ...` to `books.google.com`, in the languages Google
prints it in), Google's page watermark (`Digitized by Google`, its logo often misread) and
HathiTrust's page stamp (`Generated ... GMT`, `http://www.hathitrust.org/access_use#pd-google`).
Excluded lines stay in the model with `kind="excluded"` so the header can list them and
the diplomatic view can account for every source line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import Exclusion
from ..facts import ExcludedLine
from ..model import Document, Line
from ..pipeline import PassSpec
from ..report import Report


@dataclass(frozen=True)
class Options:
    rules: tuple[Exclusion, ...] = ()   #: from edition.yaml's `exclude`
    #: leave out the notices digitisers print into the books they scan (`NOTICES`)
    digitisation_notices: bool = True


@dataclass(frozen=True)
class Notice:
    """A digitiser's notice: from a line `start` matches, through the first line within
    `reach` lines that `end` matches (the start line alone where `end` is None); a notice
    whose end is not found is no notice."""

    reason: str
    start: re.Pattern
    end: re.Pattern | None = None
    reach: int = 0
    #: lines of a few words above the start, up to the top of the file, go with it (a logo)
    from_top: bool = False


#: a few words at most: what OCR makes of a logo above a notice
LOGO_LINE = re.compile(r"\W*(?:\S+\s+){0,2}\S*\W*")
#: the first page of a Google scan, in the languages Google prints it in
GOOGLE_FIRST_PAGE = re.compile(
    r"\s*(?:This is a digital copy of a book|Ceci est une copie num[ée]rique d.un ouvrage|"
    r"Dies ist ein digitales Exemplar eines Buches|Este es un ejemplar digital de un libro|"
    r"Questo [èe] un.copia digitale di un libro|Esta [ée] uma c[óo]pia digital de um livro).*", re.IGNORECASE)

#: the notices, in the order they are sought; a line goes to the first that takes it
NOTICES = (
    Notice("digitisation notice (Internet Archive)",
           re.compile(r"\s*Digiti[sz]ed by the Internet Archive\s*", re.IGNORECASE),
           re.compile(r".*\barchive\.org/details/\S+", re.IGNORECASE), reach=10),
    Notice("digitisation notice (Internet Archive)",
           re.compile(r"\s*This book (?:was )?made available by the Internet Archive\.?\s*", re.IGNORECASE)),
    Notice("digitisation notice (Google Books)", GOOGLE_FIRST_PAGE,
           re.compile(r".*books\s*\.\s*google\s*\.\s*[a-z]{2,3}\b", re.IGNORECASE), reach=80, from_top=True),
    Notice("digitiser's page watermark (Google)",
           re.compile(r"\s*Digiti[sz]ed\s+by\s+(?!the\b)\S{3,12}\s*", re.IGNORECASE)),
    Notice("digitiser's page stamp (HathiTrust)",
           re.compile(r"\s*(?:Generated (?:for .{1,80} )?(?:on|at) \d{4}-\d\d-\d\d \d\d:\d\d GMT.*"
                      r"|.*hathitrust\.org/access_use\S*\s*)", re.IGNORECASE)),
)


def any_start(notices: tuple[Notice, ...]) -> re.Pattern:
    """One pattern a line matches whole when some notice starts there: one search a line,
    where most lines start none."""
    return re.compile("|".join(f"(?{'i' if n.start.flags & re.IGNORECASE else ''}:{n.start.pattern})"
                               for n in notices))


def notice_lines(lines: list[Line], notices: tuple[Notice, ...] = NOTICES) -> list[tuple[int, str]]:
    """(index in `lines`, reason) of every line of a digitiser's notice, in order."""
    found: dict[int, str] = {}
    starts = any_start(notices)
    candidates = [i for i, line in enumerate(lines) if starts.fullmatch(line.text)]
    for notice in notices:
        for i in candidates:
            line = lines[i]
            if i in found or not notice.start.fullmatch(line.text):
                continue
            last = i
            if notice.end is not None:
                last = next((k for k in range(i, min(len(lines), i + notice.reach + 1))
                             if notice.end.match(lines[k].text)), None)
                if last is None:
                    continue
            first = i
            if notice.from_top and all(LOGO_LINE.fullmatch(line.text) for line in lines[:i]):
                first = 0
            for k in range(first, last + 1):
                found.setdefault(k, notice.reason)
    return sorted(found.items())


def run(doc: Document, opts: Options, report: Report) -> Document:
    if opts.digitisation_notices:
        for i, reason in notice_lines(doc.lines):
            line = doc.lines[i]
            if line.kind != "blank":
                line.kind, line.reason = "excluded", reason
    for rule in opts.rules:
        first, last = rule.first, rule.last or len(doc.lines)
        if rule.starting_at:
            first = next((line.n for line in doc.lines if line.text.strip() == rule.starting_at.strip()), None)
            if first is None:
                report.warning("TK101", f"exclusion {rule.reason!r}: no line reads {rule.starting_at!r}; nothing excluded")
                continue
        for line in doc.lines[(first or 1) - 1:last]:
            if line.kind != "blank":
                line.kind, line.reason = "excluded", rule.reason
    excluded = [line for line in doc.lines if line.kind == "excluded"]
    if excluded:
        doc.facts.excluded = tuple(ExcludedLine(line.n, line.orig, line.reason) for line in excluded)
        reasons = sorted({line.reason for line in excluded})
        report.info("TK102", f"{len(excluded)} lines excluded from the text ({'; '.join(reasons)})", excluded[0].n)
    return doc


PASS = PassSpec("exclude", run, Options, provides=frozenset({"exclude"}))
