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
number `THE END? 159`), so one line alone proves nothing: everything is decided from the
evidence of the whole document. Candidate folios (arabic or roman, alone or beside a head
on either side) are aligned to a page sequence at once (`teikit.pagealign`); a chain
shorter than `min_chain` is no pagination at all (web texts, Markdown books). Whether a
folio alone on its line stands at the head or the foot of its page is voted on by the
document's pages; folios that OCR mangled are read from the sequence and reported;
running heads are known by recurrence or by standing beside the folios; printer's
signatures end their page. Each of these jobs is a small named rule in `RULES`, run in
order. Whatever the rules decide, the page numbers written always rise: a break that
would not is kept without its number and reported.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..model import Document, Line
from ..ocr import DIGIT_WRECKAGE, OCR_DIGITS, ends_in_hyphen
from ..pagealign import Candidate, chain_rate, fill_gaps, find_pagination
from ..pipeline import PassSpec
from ..report import Report


@dataclass(frozen=True)
class Options:
    min_chain: int = 3            #: fewer page numbers in sequence than this: no pagination
    max_page: int = 1500          #: larger numbers are years or counts, never page numbers
    max_lines_per_page: int = 300  #: source lines a printed page can take (blank lines included): a
    #: debates volume prints three columns of small type to the page
    min_lines_per_page: int = 4   #: below this, pages skipped between two numbers are implausible
    rate_spread: float = 3.0      #: second round: a page takes 1/spread to spread times the median
    rate_penalty: float = 2.0     #: second round: cost of a link's log deviation from the median rate
    jump_cost: float = 2.0        #: cost of a jump out of step in the numbers (archive foliation)
    max_head_chars: int = 70      #: a running head is a short line
    #: where a page number alone on a line stands: "head", "foot", or "auto" (the document's evidence)
    folio_position: str = "auto"
    window: int = 60              #: candidates looked back at when chaining (keeps it linear)
    blank_line_pages: bool = True  #: pages parted by runs of blank lines where paragraphs are not


#: a page number as OCR reads it: digits, maybe spaced (`2 1`), l/I for 1, O/o for 0
_NUMBER = r"[0-9lIOo](?: ?[0-9lIOo]){0,3}"
#: alone on its line, maybe between dashes or in brackets: `- 12 -`, `[12]`, `(12)`, `12.`,
#: or with a speck or two OCR left after it (`104:'`)
_ALONE = re.compile(rf"\s*(?:[-–—]\s*|[\[(])?({_NUMBER})(?:\s*[-–—]|[\])])?[.:;,'’`]{{0,3}}\s*")
#: front matter is numbered in small roman numerals; capitals alone number sections and poems
_ROMAN_ALONE = re.compile(r"\s*[\[(]?((?:[ivxl] ?){0,5}[ivxl])[\])]?\.?\s*")
#: a section's number, which no mangled folio is taken for
_ANY_ROMAN = re.compile(_ROMAN_ALONE.pattern, re.IGNORECASE)
#: a roman folio in capitals as OCR reads it: `l` for I, `U` for II (`Vlll`, `VU`)
_CAPITAL_ROMAN = re.compile(r"\s*[\[(]?([IVXlU]{1,6})[\])]?\.?\s*")
#: a running head opens with a capital, a quote or a bracket, maybe after a speck OCR read
#: before it (`58 ¤UILLBURY ESSAYS.`, `» QUILLBURY ESSAYS. 59`), not a dash (`12 — A`)
_HEAD_START = r"(?:[^\w\s\-–—]\s?)?[A-Z\"'“‘(]"
_NUMBER_FIRST = re.compile(rf"\s*({_NUMBER})\s+({_HEAD_START}.*?)\s*")
#: the head may end in a number (`Notes for Pages 103-125 529`) but not in a lone digit,
#: which would be part of a spaced-out date (`January 3 1 ,  1 9 3 7`); it may open with
#: the year, as a journal's or a debates volume's recto does (`1875. THE QUILLBURY GLOBE. 639`);
#: the number may carry a speck OCR left after it (`QUILLBURY ESSAYS. 213-`), not a full
#: stop (`SECTION 3.` is a heading)
_NUMBER_LAST = re.compile(rf"\s*((?:1[5-9]\d\d\.\s+)?{_HEAD_START}.*?(?:[^\s\d,;:!-]|\d\d))\s+({_NUMBER})"
                          rf"[-,;'’`*]{{0,2}}\s*")
#: the characters a line ending in a page number ends in, its spaces and specks aside:
#: `_NUMBER_LAST` tries each split of its head from its number, so only such lines are given to it
_NUMBER_ENDS = tuple("0123456789lIOo")
_FOLIO_SPECKS = "-,;'’`*"
#: a folio of ones OCR read as capital I's (`II` for 11): a section's numeral too
_ONES = re.compile(r"\s*[Il]{1,3}\s*")
#: a short line that stands for a folio OCR mangled beyond reading (`m`, `i i 7`, `888`):
#: digits and the letters and marks OCR gives for them
_WRECKED_DIGIT = rf"[\d{re.escape(DIGIT_WRECKAGE)}]"
_MANGLED = re.compile(rf"\s*{_WRECKED_DIGIT}(?: ?{_WRECKED_DIGIT}){{0,3}}\s*")
#: a printer's signature: a gathering's letters and its leaf number (`B 2`, `Aa 3`); OCR
#: reads a signature set in small capitals as a lower-case letter (`c`)
_SIGNATURE = re.compile(r"\s*(?:[A-Za-z]{1,3} ?[1-9]|[A-HJ-Z]{1,2}|[a-hj-z])\s*")
#: past Z, a gathering is signed with its letter twice (`Aa`, `Oo 2`); OCR may space the
#: letters apart and read an O as a nought (`o o`, `0 o 2`)
_DOUBLED_SIGNATURE = re.compile(r"\s*(?P<first>[A-HJ-Za-hj-z0]) ?(?P<second>[A-HJ-Za-hj-z])(?: ?[1-9])?\s*")
#: a division label, `CHAPTER IV.` or `Part 2`: a heading, never a running head
_DIVISION = re.compile(r"\W*[A-Za-z]{3,}\.?\s+(?:[IVXLC]+|\d+)\b")
_LOWER = re.compile(r"[a-z]")
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]{2}")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}
#: how alike (difflib's ratio) a line must be to a known running head to be taken for it
#: where a page's top is known, and how long a head's key must be for likeness to count
#: how many lines apart two lines showing one page's number may stand and still compete for its folio
FOLIO_REACH = 4
HEAD_LIKE = 0.8
HEAD_LIKE_MIN = 8
#: how alike a line beside a wrecked folio must be to a known running head, where the
#: sequence expects a missing page's folio: OCR that wrecked the number wrecks the head too
WRECKED_HEAD_LIKE = 0.6


def read_number(shown: str) -> int | None:
    """The value of an OCR'd page number; None unless at least one real digit shows."""
    if not any(ch.isdigit() for ch in shown):
        return None
    return int(shown.replace(" ", "").translate(OCR_DIGITS))


def read_roman(shown: str) -> int | None:
    """The value of a roman numeral written the usual way (`xiv`), else None."""
    letters = shown.replace(" ", "").lower()
    values = [_ROMAN_VALUES[ch] for ch in letters]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if total > 0 and to_roman(total) == letters else None


def to_roman(value: int) -> str:
    out = ""
    for number, letters in ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out, value = out + letters, value - number
    return out


def head_key(text: str) -> str:
    """A running head's text compared without OCR spacing, case and O/0 confusion."""
    return re.sub(r"[\W_]", "", text).lower().translate(OCR_DIGITS)


# --- candidate rules: each reads one line as (shown number, kind, head text, weight) or None ---

def folio_alone(text: str):
    if m := _ALONE.fullmatch(text):
        return m.group(1), "pageNum", "", 1.5


def roman_folio_alone(text: str):
    if m := _ROMAN_ALONE.fullmatch(text):
        return m.group(1), "pageNum", "", 1.0


def folio_before_head(text: str):
    if m := _NUMBER_FIRST.fullmatch(text):
        return head_with_number(m.group(1), m.group(2))


def head_before_folio(text: str):
    if text.rstrip().rstrip(_FOLIO_SPECKS).endswith(_NUMBER_ENDS) and (m := _NUMBER_LAST.fullmatch(text)):
        return head_with_number(m.group(2), m.group(1))


def head_with_number(shown: str, head: str):
    if _LETTERS.search(head):
        # a running head is set in title case; capitals are an article title with its note
        # number unless they recur (see find_candidates)
        return shown, "header", head, 2.0 if _LOWER.search(head) else 0.25


CANDIDATE_RULES = (folio_alone, roman_folio_alone, folio_before_head, head_before_folio)


def is_blank(lines: list[Line], i: int) -> bool:
    return not (0 <= i < len(lines)) or lines[i].kind == "blank"


def usual_width(lines: list[Line]) -> int:
    """The median length of the text lines: a running head is shorter than a line of text."""
    widths = sorted(len(line.text) for line in lines if line.kind == "text")
    return widths[len(widths) // 2] if widths else 0


def find_candidates(lines: list[Line], opts: Options) -> list[Candidate]:
    found: list[Candidate] = []
    full = max(40, 0.9 * usual_width(lines))
    for i, line in enumerate(lines):
        if line.kind != "text" or len(line.text) > opts.max_head_chars + 4:
            continue
        for rule in CANDIDATE_RULES:
            if read := rule(line.text):
                shown, kind, head, weight = read
                break
        else:
            continue
        if kind == "header" and (len(line.text) >= full or head.rstrip().endswith(".")
                                 and not is_blank(lines, i - 1)):
            continue        # a line of text, or a paragraph's last, ending in a note number
        roman = rule is roman_folio_alone
        number = read_roman(shown) if roman else read_number(shown)
        if number is None or not 1 <= number <= opts.max_page:
            continue
        alone = is_blank(lines, i - 1) and is_blank(lines, i + 1)
        weight += 0.5 * is_blank(lines, i - 1) + 0.5 * is_blank(lines, i + 1)
        found.append(Candidate(i, number, shown, kind, head, weight, roman, alone and kind == "pageNum"))
    # the book's title recurs on every other page: a recurring head is surely furniture
    recurring = Counter(head_key(c.head_text) for c in found if c.kind == "header")
    for c in found:
        if c.kind == "header" and recurring[head_key(c.head_text)] > 1:
            c.weight += 1.0
            c.strong = True
    return found


# --- the page sequence and what follows from it ---

@dataclass
class Pages:
    """What the rules decide, on the way to page breaks."""

    lines: list[Line]
    opts: Options
    report: Report
    chain: list[Candidate] = field(default_factory=list)
    position: str = "foot"       #: where the folios alone on their line stand
    tops: dict[int, str] = field(default_factory=dict)    #: line index -> number of the page it starts

    def text_near(self, i: int, step: int, reach: int = 4) -> int | None:
        """The first line that is not blank from i on in direction step, within reach lines."""
        for k in range(i + step, i + step * (reach + 1), step):
            if not 0 <= k < len(self.lines):
                return None
            if self.lines[k].kind not in ("blank", "excluded"):
                return k
        return None

    def mark(self, i: int, fw_type: str) -> None:
        self.lines[i].kind, self.lines[i].fw_type = "fw", fw_type


def chain_folios(pages: Pages, cands: list[Candidate]) -> None:
    """The page sequence: roman front-matter folios, then the arabic ones."""
    opts = pages.opts

    def chain_of(group: list[Candidate]) -> list[Candidate]:
        return find_pagination(group, opts.min_lines_per_page, opts.max_lines_per_page, opts.window,
                               opts.rate_spread, opts.rate_penalty, opts.jump_cost)

    arabic = chain_of([c for c in cands if not c.roman])
    start = arabic[0].index if len(arabic) >= opts.min_chain else len(pages.lines)
    front, heads = roman_front_matter(pages, [c for c in cands if c.roman and c.index < start], start)
    roman = chain_of(front)
    chain = (roman if len(roman) >= 2 else []) + (arabic if len(arabic) >= 2 else [])
    if len(chain) >= opts.min_chain or is_two_pages(pages.lines, chain):
        pages.chain = chain
        for c in chain:
            pages.mark(c.index, c.kind)
        for c in roman if len(roman) >= 2 else ():
            for k in heads.get(c.index, ()):
                pages.mark(k, "header")
                pages.report.info("TK115", f"running head beside the page number: {pages.lines[k].text.strip()!r}",
                                  pages.lines[k].n)


#: a full line of text is at least this share of the usual line
FULL_LINE_SHARE = 0.6


def is_two_pages(lines: list[Line], chain: list[Candidate]) -> bool:
    """A document of two pages (a letter, a petition): two folios in sequence, each digits
    alone between blank lines, one at least beside a full line of text, the first opening the
    text or the second closing it. Two numbers alone prove no pagination elsewhere (`1936` and
    `1937` heading a diary's years); a folio above the first line or below the last does, unless
    headings stand beside them (`1` / `INTRODUCTION`, `2.`: numbered sections)."""
    if not (len(chain) == 2 and chain[1].number == chain[0].number + 1
            and all(c.strong and lines[c.index].text.strip().isdigit() for c in chain)):
        return False
    full = FULL_LINE_SHARE * usual_width(lines)
    opening = all(is_blank(lines, i) for i in range(chain[0].index))
    closing = all(is_blank(lines, i) for i in range(chain[1].index + 1, len(lines)))
    step = 1 if opening else -1
    beside = [next((line for line in lines[c.index + step::step] if line.kind != "blank"), None) for c in chain]
    return (opening or closing) and any(line is not None and len(line.text) >= full for line in beside)


def printed_style(shown: str) -> tuple[int, bool]:
    """How a folio is printed, as far as it tells pages apart: zero-padded to its width or not."""
    return (len(shown), True) if shown.startswith("0") else (0, False)


def prefer_folios_printed_alike(pages: Pages, cands: list[Candidate]) -> None:
    """A document prints its folios alike: where the chain took a number printed otherwise
    than most of its folios (`1` among `0002`, `0003`, ...) and a line a few lines off shows
    the same number printed as they are (`0001`), that line is the page's folio, and the
    other a number of the text (a leaf's own page number under an archive's)."""
    if len(pages.chain) < pages.opts.min_chain:
        return
    usual = Counter(printed_style(c.shown) for c in pages.chain).most_common(1)[0][0]
    chained = {c.index for c in pages.chain}
    by_number: dict[int, list[Candidate]] = {}
    for c in cands:
        if c.index not in chained and not c.roman and printed_style(c.shown) == usual:
            by_number.setdefault(c.number, []).append(c)
    for k, c in enumerate(pages.chain):
        if c.roman or printed_style(c.shown) == usual:
            continue
        alike = [d for d in by_number.get(c.number, ()) if abs(d.index - c.index) <= FOLIO_REACH and d.kind == c.kind]
        if alike:
            line = pages.lines[c.index]
            line.kind, line.fw_type = "text", None
            pages.chain[k] = alike[0]
            pages.mark(alike[0].index, alike[0].kind)


def read_capital_roman(shown: str) -> int | None:
    letters = shown.replace("l", "I").replace("U", "II")
    return read_roman(letters.lower()) if letters.isupper() else None


def roman_front_matter(pages: Pages, small: list[Candidate], start: int) -> tuple[list[Candidate], dict[int, list[int]]]:
    """The front matter's roman folios and the running heads that recur beside them
    (`PREFACE.`, `CONTENTS.`): folios in small letters, and in capitals where such a head
    stands beside them (capitals alone number sections and poems; OCR reads their I as `l`,
    their II as `U`)."""
    lines, found = pages.lines, list(small)
    for i in range(start):
        line = lines[i]
        if line.kind == "text" and (m := _CAPITAL_ROMAN.fullmatch(line.text)) and is_blank(lines, i - 1) \
                and is_blank(lines, i + 1) and not _ROMAN_ALONE.fullmatch(line.text) \
                and (number := read_capital_roman(m.group(1))):
            found.append(Candidate(i, number, m.group(1), "pageNum", "", 2.0, roman=True, strong=True))
    beside: dict[int, list[int]] = {}
    for c in found:
        for step in (-1, 1):
            k = pages.text_near(c.index, step, 10)
            if k is not None and lines[k].kind == "text" and is_blank(lines, k + step) \
                    and len(lines[k].text) <= pages.opts.max_head_chars and _LETTERS.search(lines[k].text) \
                    and not _DIVISION.match(lines[k].text.strip()) and not _ANY_ROMAN.fullmatch(lines[k].text):
                beside.setdefault(c.index, []).append(k)
    recurring = Counter(head_key(lines[k].text) for ks in beside.values() for k in ks)
    heads = {i: [k for k in ks if recurring[head_key(lines[k].text)] >= 2] for i, ks in beside.items()}
    heads = {i: ks for i, ks in heads.items() if ks}
    small_at = {c.index for c in small}
    return sorted((c for c in found if c.index in small_at or c.index in heads), key=lambda c: c.index), heads


def is_folio_wreck(token: str) -> bool:
    """What OCR may leave of a folio beside its running head: digits and their look-alikes,
    or a speck too short for a word (`^4`, `8B`, `"Sl`, `Zq`), but no word of three letters."""
    return bool(_MANGLED.fullmatch(token)) or len(token) <= 2 or len(token) == 3 and not token.isalpha()


def read_mangled_folios(pages: Pages, cands: list[Candidate]) -> None:
    """A short line alone, or a known running head (maybe misread itself) beside a short
    token, where the sequence expects a missing folio is that folio misread."""
    lines, chained = pages.lines, {c.index for c in pages.chain}
    heads = {head_key(c.head_text) for c in pages.chain if c.kind == "header"}

    def mangled(text: str) -> tuple[str, str] | None:
        """The folio as shown and the kind of furniture, if the line can be a mangled folio."""
        if _MANGLED.fullmatch(text) and (not _ANY_ROMAN.fullmatch(text) or _ONES.fullmatch(text)):
            return text.strip(), "pageNum"
        words = text.split()
        for token, rest in ((words[0], words[1:]), (words[-1], words[:-1])) if len(words) > 1 else ():
            if is_folio_wreck(token) and is_wrecked_head(" ".join(rest), heads):
                return token, "header"             # before the number in it: `HEAD 24,` for 247
        for rule in (folio_before_head, head_before_folio):
            if read := rule(text):
                return read[0], "header"           # its number misread: `86 HEAD` for 36
        if len(text.strip()) <= 20 and text.strip()[:1].isdigit() and not any(rule(text) for rule in CANDIDATE_RULES):
            return "", "header"      # a mark of the sheet or gathering where the folio would be (`Sheet B`)
        return None

    def beside_known_head(text: str) -> bool:
        """A number beside a running head the chain of folios knows (`888 HEAD` for 268)."""
        return any((read := rule(text)) and head_key(read[2]) in heads for rule in (folio_before_head, head_before_folio))

    def folio_like(start: int, stop: int):
        for i in range(start, min(stop, len(lines))):
            if lines[i].kind == "text" and i not in chained and len(lines[i].text) <= pages.opts.max_head_chars \
                    and is_blank(lines, i - 1) and is_blank(lines, i + 1) and mangled(lines[i].text):
                yield i

    def fits(i: int, number: int) -> bool:
        """Digits that read well must be the number misread, not a year, a count or a
        title's note number: as long, and alike in one place (beside a head, all but one;
        beside a running head the other pages print, as long is enough).
        A numeral of capital I's (`II`) alone is a section's number unless it reads as exactly
        the number expected and a running head in capitals stands beside it; on the line of
        a known running head (`HEAD. lIl`) it is the folio."""
        shown, kind = mangled(lines[i].text)
        shown = shown.replace(" ", "") or lines[i].text.strip()
        expected = str(number)
        if shown.isdigit() and len(shown) == len(expected) and beside_known_head(lines[i].text):
            return True              # the head the other pages print says what the line is
        if _ONES.fullmatch(shown) and kind == "pageNum":
            return shown.translate(OCR_DIGITS) == expected and any(
                (k := pages.text_near(i, step)) is not None and lines[k].kind == "text"
                and is_page_head(lines[k].text, pages.opts) for step in (-1, 1))
        if not shown.isdigit():
            return True
        alike = sum(map(str.__eq__, shown, expected))
        return len(shown) == len(expected) and alike >= (len(shown) - 1 if kind == "header" else 1)

    arabic = [c for c in pages.chain if not c.roman]
    added = []
    for i, number in fill_gaps(arabic, folio_like, fits):
        shown, kind = mangled(lines[i].text)
        if not shown and i > arabic[-1].index:
            continue                 # past the last folio, only a number can be taken for one
        added.append(Candidate(i, number, shown, kind, "", 0.0, strong=True))
        pages.mark(i, kind)
        if shown:
            pages.report.warning("TK117", f"page number {shown!r} read as {number} from the page sequence",
                                 lines[i].n)
        else:
            pages.report.warning("TK116", f"{lines[i].text.strip()!r} stands where page {number} starts; "
                                 "taken for a mark of the page", lines[i].n)
    if added:
        pages.chain = sorted(pages.chain + added, key=lambda c: c.index)


def find_pages_without_folio(pages: Pages, cands: list[Candidate]) -> None:
    """Where the folios alone stand apart by runs of blank lines, and such runs are rare
    elsewhere (fewer than one a page: paragraphs are parted by one blank line), a run where the sequence
    expects a missing folio is that page's edge: OCR lost the number, not the page. In a
    book whose folios stand at the foot, the page found there is the one after the lost folio's."""
    lines, chain = pages.lines, [c for c in pages.chain if not c.roman]
    folios = [c for c in chain if c.kind == "pageNum"]
    if len(folios) < pages.opts.min_chain or len(chain) < 2:
        return
    if sum(blanks_before(lines, c.index) >= 2 or blanks_after(lines, c.index) >= 2 for c in folios) \
            < 2 / 3 * len(folios):
        return
    furniture = {c.index for c in pages.chain} | set(pages.tops)
    near_furniture = {k for i in furniture for k in range(i - 4, i + 5)}
    edges = [i for i in range(chain[0].index, len(lines)) if lines[i].kind == "text"
             and blanks_before(lines, i) >= 2 and i not in near_furniture]
    if len(edges) > chain[-1].number - chain[0].number:
        return               # more than one a page: runs of blank lines part paragraphs here

    def edges_between(start: int, stop: int):
        return (i for i in edges if start < i < stop)

    offset = 1 if pages.position == "foot" else 0
    for i, number in fill_gaps(chain, edges_between, lambda i, number: True):
        pages.tops[i] = page_label(chain[0], number + offset - chain[0].number)
        pages.report.warning("TK118", f"page {number + offset} starts here; OCR lost its number", lines[i].n)
        mark_top_furniture(pages, i, number + offset)


def mark_top_furniture(pages: Pages, i: int, number: int) -> None:
    """The lines that open a page found without its folio are that page's furniture where
    they are what the other pages show there: a running head already known beside the
    folios; or, where heads in capitals stand beside the folios at the head of the page, such
    a head together with a short line of digits or their wreckage (the folio, misread)."""
    lines, opts = pages.lines, pages.opts
    heads = [line.text for line in lines if line.kind == "fw" and line.fw_type == "header"]
    known = {head_key(text) for text in heads} - {""}
    capitals = pages.position == "head" and sum(is_page_head(text, opts) for text in heads) >= 2
    top, k = [], i
    while k is not None and len(top) < 2 and lines[k].kind == "text" and is_blank(lines, k + 1) \
            and len(lines[k].text) <= opts.max_head_chars:
        top.append(k)
        k = pages.text_near(k, 1)
    folio = [k for k in top if _MANGLED.fullmatch(lines[k].text) and not _ANY_ROMAN.fullmatch(lines[k].text)]
    head = [k for k in top if k not in folio and (is_known_head(lines[k].text, known)
                                                   or capitals and folio and is_page_head(lines[k].text, opts))]
    if head and not folio:
        # beside a head the page's other top line, a speck too short for a word, is its folio
        folio = [k for k in top if k not in head and len(lines[k].text.strip()) <= 3
                 and not _LETTERS.search(lines[k].text)]
    if not head or top[0] not in head + folio:
        return
    for k in head:
        pages.mark(k, "header")
        pages.report.info("TK113", f"running head without its page number: {lines[k].text.strip()!r}", lines[k].n)
    for k in folio[:1]:
        pages.mark(k, "pageNum")
        pages.report.warning("TK117", f"page number {lines[k].text.strip()!r} read as {number} from the "
                             "page sequence", lines[k].n)


def is_known_head(text: str, known: set[str], like: float = HEAD_LIKE) -> bool:
    """A running head already known, maybe with a few letters OCR misread (`NEKVOUS
    HARBOUR.` for `NERVOUS HARBOUR.`, a wrecked folio glued before it): its key alike to a
    known one's (`like`: in all but about one character in eight)."""
    key = head_key(text)
    if key in known:
        return True
    if len(key) < HEAD_LIKE_MIN:
        return False
    matcher = SequenceMatcher(None, b=key)
    for other in known:
        if len(other) >= HEAD_LIKE_MIN:
            matcher.set_seq1(other)
            if matcher.real_quick_ratio() >= like and matcher.quick_ratio() >= like and matcher.ratio() >= like:
                return True
    return False


def is_wrecked_head(text: str, known: set[str]) -> bool:
    """A known running head that OCR wrecked along with its folio (`OUILBUBY F&SAYS.` for
    `QUILLBURY ESSAYS.`):
    its letters misread, not words added, so as long as the head give or take a third,
    and alike to it less than a head misread in a letter or two."""
    key = head_key(text)
    return is_known_head(text, {other for other in known if 3 * abs(len(other) - len(key)) <= len(other)},
                         WRECKED_HEAD_LIKE)


def blanks_before(lines: list[Line], i: int) -> int:
    k = i - 1
    while k >= 0 and lines[k].kind == "blank":
        k -= 1
    return i - 1 - k


def blanks_after(lines: list[Line], i: int) -> int:
    k = i + 1
    while k < len(lines) and lines[k].kind == "blank":
        k += 1
    return k - i - 1


def report_noisy_numbers(pages: Pages, cands: list[Candidate]) -> None:
    for c in pages.chain:
        if c.shown and not c.roman and c.shown.replace(" ", "") != str(c.number) \
                and c.shown.replace(" ", "").translate(OCR_DIGITS) == str(c.number):
            pages.report.info("TK112", f"page number {c.shown.strip()!r} read as {c.number}",
                              pages.lines[c.index].n)


def vote_folio_position(pages: Pages, cands: list[Candidate]) -> None:
    """Head or foot, for the whole document: a folio alone just before the next page's
    numbered head, or a form feed, or at the end of the document, ends its page; one that
    opens the document or follows a form feed starts it; with no evidence,
    the head, where most books print it (and OCR of a head line gives the folio alone)."""
    if pages.opts.folio_position != "auto":
        pages.position = pages.opts.folio_position
        return
    heads = {c.index: c for c in pages.chain if c.kind == "header"}
    votes = Counter()
    for c in pages.chain:
        if c.kind != "pageNum":
            continue
        after = pages.text_near(c.index, 1, len(pages.lines))
        before = pages.text_near(c.index, -1, len(pages.lines))
        # the reader's form feeds (pdftotext) mark where pages truly start
        if after is None or after in heads and heads[after].number > c.number \
                or pages.lines[after].page_break == "":
            votes["foot"] += 1
        elif before is None or pages.lines[c.index].page_break == "":
            votes["head"] += 1
    pages.position = "foot" if votes["foot"] > votes["head"] else "head"


def find_recurring_heads(pages: Pages, cands: list[Candidate]) -> None:
    """Running heads that recur in the chain, found again where OCR lost their number."""
    recurring = Counter(head_key(c.head_text) for c in pages.chain if c.kind == "header")
    known = {key for key, count in recurring.items() if count > 1 and key}
    if not known:
        return
    longest = max(len(c.head_text) for c in pages.chain if head_key(c.head_text) in known)
    for i, line in enumerate(pages.lines):
        if line.kind == "text" and len(line.text) <= longest + 8 and head_key(line.text) in known:
            pages.mark(i, "header")
            pages.tops[i] = ""
            pages.report.info("TK113", f"running head without its page number: {line.text.strip()!r}", line.n)


def is_page_head(text: str, opts: Options) -> bool:
    """A short line in capitals (OCR may lower a few) that is no division label."""
    stripped = text.strip()
    letters = [ch for ch in stripped if ch.isalpha()]
    return (len(stripped) <= opts.max_head_chars and len(letters) >= 2
            and sum(ch.isupper() for ch in letters) >= 0.75 * len(letters)
            and not _DIVISION.match(stripped) and not ends_in_hyphen(stripped))


def find_heads_beside_folios(pages: Pages, cands: list[Candidate]) -> None:
    """Heads printed on a line of their own beside a folio at the head of the page: in
    capitals (the subject of the page, changing from page to page), or recurring beside
    the folios (verso and recto titles). Only where that is the document's habit."""
    if pages.position != "head":
        return
    folios = [c for c in pages.chain if c.kind == "pageNum"]
    # a head stands apart from the text: a blank line on its side away from the folio
    beside = [k for c in folios for step in (-1, 1) if (k := pages.text_near(c.index, step)) is not None
              and pages.lines[k].kind == "text" and is_blank(pages.lines, k + step)
              and len(pages.lines[k].text) <= pages.opts.max_head_chars]
    recurring = Counter(head_key(pages.lines[k].text) for k in beside)
    heads = {k for k in beside if is_page_head(pages.lines[k].text, pages.opts)
             or recurring[head_key(pages.lines[k].text)] > 2 and _LETTERS.search(pages.lines[k].text)
             and not _DIVISION.match(pages.lines[k].text.strip())}
    if len(heads) < max(2, len(folios) / 3):
        return
    for k in sorted(heads):
        pages.mark(k, "header")
        pages.report.info("TK115", f"running head beside the page number: {pages.lines[k].text.strip()!r}",
                          pages.lines[k].n)


def find_heads_apart(pages: Pages, cands: list[Candidate]) -> None:
    """A short line standing alone that recurs every page or two, never twice on a page (the
    verso's title, whose folio OCR lost), is a running head and starts its page. A
    speaker's name or a refrain recurs more often, a section's title less regularly."""
    rate = chain_rate([c for c in pages.chain if not c.roman])
    if not rate:
        return
    lines, seen = pages.lines, {}
    for i, line in enumerate(lines):
        if line.kind == "text" and len(line.text) <= pages.opts.max_head_chars and _LETTERS.search(line.text) \
                and is_blank(lines, i - 1) and is_blank(lines, i + 1):
            seen.setdefault(head_key(line.text), []).append(i)
    tops = sorted(set(pages.tops) | {c.index for c in pages.chain})
    for key, places in seen.items():
        spacings = [(b - a) / rate for a, b in zip(places, places[1:])]
        if len(places) < 3 or _DIVISION.match(lines[places[0]].text.strip()) or min(spacings) < 0.8 \
                or sum(1 for s in spacings if s <= 2.5) < 2 / 3 * len(spacings):
            continue       # a section's title recurs too, but not every page or two
        if sum(within_known_page(tops, i, rate) for i in places) > len(places) / 2:
            continue       # a sitting's or a day's opening line, inside pages already found
        for i in places:
            pages.mark(i, "header")
            pages.tops.setdefault(i, "")
            pages.report.info("TK113", f"running head without its page number: {lines[i].text.strip()!r}",
                              lines[i].n)


def within_known_page(tops: list[int], i: int, rate: float) -> bool:
    """Line i stands inside a page whose own top and the next page's are both known, too
    near together for a page to be missing between them: it can start no page. A printed
    debate opens each sitting with the same lines (`HOUSE OF ASSEMBLY.`, `The SPEAKER took
    the Chair`), a page or two apart where sittings are short, but never at a page's top."""
    at = bisect_right(tops, i)
    return 0 < at < len(tops) and tops[at] - tops[at - 1] < 1.5 * rate


def is_signature(text: str) -> bool:
    """A gathering's letters and leaf number as OCR reads them (`B 2`, `c`, `o o`)."""
    if _SIGNATURE.fullmatch(text):
        return True
    doubled = _DOUBLED_SIGNATURE.fullmatch(text)
    return bool(doubled) and doubled["first"].replace("0", "o").lower() == doubled["second"].lower()


def find_signatures(pages: Pages, cands: list[Candidate]) -> None:
    """A printer's signature (`B 2`, `D`) alone just before the next page's folio or head,
    or the last line before the blank lines that start the next page (OCR that keeps one
    line a printed line, and parts no lines but pages by blanks, sets none before it)."""
    starts = {c.index for c in pages.chain} | set(pages.tops)
    for start in sorted(starts):
        k = pages.text_near(start, -1)
        if k is not None and k not in starts and pages.lines[k].kind == "text" \
                and is_signature(pages.lines[k].text) \
                and (is_blank(pages.lines, k - 1) or blanks_after(pages.lines, k) >= 2):
            pages.mark(k, "sig")


def page_label(c: Candidate, offset: int = 0) -> str:
    """The page's number as printed (`0001` stays padded), `offset` pages on."""
    if c.roman:
        return to_roman(c.number + offset)
    return numbered_like(c.number + offset, c.shown.replace(" ", "").translate(OCR_DIGITS))


def numbered_like(number: int, printed: str) -> str:
    """`number` printed as another folio is: zero-padded to its width (`0005` beside `0004`) or not."""
    width = len(printed) if printed.startswith("0") and printed.isdigit() else 0
    return str(number).zfill(width)


def place_breaks(pages: Pages, cands: list[Candidate]) -> None:
    """A numbered head starts its page; a folio alone starts its page at the head, or ends
    it at the foot (the page after starts at the next line of text)."""
    lines, chained = pages.lines, {c.index for c in pages.chain}
    for c in pages.chain:
        if c.kind == "header" or pages.position == "head":
            start = c.index
            # a head printed above the folio on its own line opens the page with it
            while (k := pages.text_near(start, -1)) is not None and lines[k].kind == "fw" \
                    and k not in chained and lines[k].fw_type == "header":
                start = k
            pages.tops[start] = page_label(c)
            continue
        start = pages.text_near(c.index, 1, len(lines))
        if start is not None and not (start in chained and lines[start].fw_type == "header") \
                and not pages.tops.get(start):
            pages.tops[start] = page_label(c, 1)


def find_blank_line_pages(pages: Pages, cands: list[Candidate]) -> None:
    """Pages parted by runs of blank lines, in a text whose paragraphs are not parted so:
    where the runs come at a page's regular spacing, each starts a page (its number unknown
    unless a folio stands beside it). The spacing is judged on the full pages: a plate's
    caption or a chapter's last lines make a short page between two runs."""
    if not pages.opts.blank_line_pages:
        return
    lines = pages.lines
    runs, length = [], 0
    for i, line in enumerate(lines):
        if line.kind == "blank":
            length += 1
            continue
        if length and i - length > 0:
            runs.append((i, length))
        length = 0
    gaps = [i for i, length in runs if length >= 2]
    singles = len(runs) - len(gaps)
    if len(gaps) < 3 or singles > len(runs) / 10:
        return
    full = sorted(s for a, b in zip(gaps, gaps[1:]) if (s := b - a) >= 4 * pages.opts.min_lines_per_page)
    if not full:
        return
    median = full[len(full) // 2]
    regular = sum(1 for s in full if 0.5 <= s / median <= 1.5)
    if median > pages.opts.max_lines_per_page or regular < len(full) / 2:
        return
    near = {k for i in set(pages.tops) | {c.index for c in pages.chain} for k in range(i - 3, i + 4)}
    for i in gaps:
        if i not in near and i - 1 not in near:
            pages.tops[i] = ""


def number_pages_between(pages: Pages, cands: list[Candidate]) -> None:
    """Pages found without a number (a verso head whose folio OCR lost) take the numbers
    their neighbours leave for them, where exactly as many pages stand between two numbered
    ones as the numbers skip: one unnumbered page between 12 and 14 is 13."""
    starts = sorted(pages.tops)
    numbered = [k for k, i in enumerate(starts) if pages.tops[i].isdigit()]
    for a, b in zip(numbered, numbered[1:]):
        first, last = int(pages.tops[starts[a]]), int(pages.tops[starts[b]])
        between = starts[a + 1:b]
        if between and last - first - 1 == len(between) and not any(pages.tops[i] for i in between):
            for number, i in enumerate(between, first + 1):
                pages.tops[i] = numbered_like(number, pages.tops[starts[a]])
                pages.report.info("TK119", f"page {number} has no number printed; read from the pages "
                                  "around it", pages.lines[i].n)


RULES = (
    ("chain folios", chain_folios),
    ("folios printed alike", prefer_folios_printed_alike),
    ("read mangled folios", read_mangled_folios),
    ("report noisy numbers", report_noisy_numbers),
    ("vote folio position", vote_folio_position),
    ("recurring heads", find_recurring_heads),
    ("heads beside folios", find_heads_beside_folios),
    ("place breaks", place_breaks),
    ("pages without folio", find_pages_without_folio),
    ("heads apart", find_heads_apart),
    ("blank-line pages", find_blank_line_pages),
    ("signatures", find_signatures),
    ("number pages between", number_pages_between),
)


def write_breaks(pages: Pages) -> None:
    """Set the page breaks in line order so that their numbers always rise: a break that
    would not is kept without its number, and two with nothing between them are one."""
    lines, last, previous, content = pages.lines, 0, None, True
    for i, line in enumerate(lines):
        number = pages.tops.get(i, line.page_break)   # the reader's form feeds stay
        if number is not None:
            if number.isdigit() and int(number) <= last:
                pages.report.warning("TK114", f"page number {number} does not follow {last}; "
                                     "the page is kept without its number", line.n)
                number = ""
            if not content and previous is not None:
                if number == "":
                    number = None
                elif lines[previous].page_break == "":
                    lines[previous].page_break = None
        line.page_break = number
        if number is not None:
            previous, content = i, False
            if number.isdigit():
                last = int(number)
        if line.kind == "text":
            content = True


def run(doc: Document, opts: Options, report: Report) -> Document:
    pages = Pages(doc.lines, opts, report)
    cands = find_candidates(doc.lines, opts)
    for _name, rule in RULES:
        rule(pages, cands)
    for c in cands:
        if c.kind == "pageNum" and not c.roman and doc.lines[c.index].kind == "text":
            report.info("TK111", f"{doc.lines[c.index].text.strip()!r} looks like page furniture but does not "
                        "fit the page sequence; kept as text", doc.lines[c.index].n)
    write_breaks(pages)
    doc.facts.pages = sum(1 for line in doc.lines if line.page_break is not None)
    return doc


PASS = PassSpec("furniture", run, Options, provides=frozenset({"furniture"}),
                doc="page numbers and running heads as <fw>, page breaks as <pb>")
