"""Group the source lines into paragraph-level blocks, across the gaps OCR leaves in them.

OCR puts blank lines inside paragraphs (at column and page ends) and a page's footnote
between the two halves of a paragraph the page cut. A blank line therefore ends a
paragraph only when the text around it says so:

    ... to assassinate Stalin and restore capital        (full width, no sentence end)
                                                          <- blank: the paragraph goes on
    ism in the Soviet Union. As soon as ...

    ... Russia, the revolution marked time.               (sentence end)
    *L. Trotsky: *History of the Russian Revolution* ...  <- a footnote: its own block
    The year 1917 was the fourth year ...                 (capital: a new paragraph)

Every run of non-blank lines starts a candidate block; a candidate continues the block
before it when that block's last text line does not end a sentence (and, in hard-wrapped
text, runs to the full line width), or when the candidate starts in lower case. A full
line that ends a sentence goes on over a page break, but over a blank line only in a text
whose blank lines fall as often after lines that run on (`blanks_ignore_sentences`):
elsewhere a blank there ends the paragraph. Footnote
lines (profile option `footnote_pattern`) become blocks of kind "note" placed right after
the paragraph they interrupt, whose halves become one block; the `notes` pass moves them
to their markers. Leaf blocks go to `doc.body` in source order as kind "p"; the
`structure` pass classifies and nests them.

Footnotes printed at the page foot (`page_footnotes`) are found from evidence on the page,
wherever the source has them (`PageFootnotes`): the last lines before a page ends (a blank
line, furniture, a page break) that open with numbers in sequence or with signs, each
number or sign standing as a marker in the text of the same page above them:

    ... the mill was rebuilt in stone some years later. 1 The miller kept it
    until the flood, which carried off the wheel. 2 And then the whole
    1 Parish register, vol. 2, p. 14.                   <- note 1: its marker is above
    2 Letter of the vicar, 3 May.                       <- note 2
                                                        <- the page ends
    village came to help ...                            (the paragraph goes on)

A number OCR misread at a note's start (`I 3` for 13 between notes 12 and 14) is read by
the sequence; a note whose marker cannot be found is left alone and reported.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..facts import BlocksDone
from ..model import RESP, Block, Document, Hyphen, Line, Mark
from ..ocr import LINE_END_HYPHEN_RE, OCR_DIGITS
from ..pipeline import PassSpec
from ..report import Report
from .dehyphenate import is_inner_speck

#: a line that ends a sentence: final punctuation, then closing quotes or brackets
SENTENCE_END = re.compile(r"""[.!?:;…]["'”’)\]*_]*\s*$""")
#: a line ending in a name's initial or a title (`V. I.`, `V.1.` as OCR reads it, `Mr.`),
#: whose period ends no sentence: the name goes on on the next line
ENDS_IN_INITIAL = re.compile(r"""(?:(?<![^\s.(])[A-Z]|(?<=[A-Z]\.)[1l]|\b(?:Mr|Mrs|Messrs|Dr|St|Rev|Hon))\.\s*$""")
#: how far from the line's last letter ENDS_IN_INITIAL's match can start (`Messrs.`)
INITIAL_REACH = len("Messrs.")


def ends_sentence(text: str) -> bool:
    """The line ends a sentence: final punctuation, but not after an initial or a title
    (searched for only where it could start: the pattern, anchored at the end, would be
    tried at every character of the line)."""
    return bool(SENTENCE_END.search(text)) \
        and not ENDS_IN_INITIAL.search(text, max(0, len(text.rstrip()) - INITIAL_REACH))


#: the first letter after opening punctuation is lower case
STARTS_LOWER = re.compile(r"""^[\s"'“‘(\[*_.…-]*[a-zà-ÿ]""")
#: a word split at a printed hyphen: a letter, then the hyphen at the line end
ENDS_HYPHEN = re.compile(rf"[A-Za-zÀ-ÿ]{LINE_END_HYPHEN_RE}$")


@dataclass(frozen=True)
class Options:
    #: the source has one paragraph per line (web, Markdown-like books): line width says
    #: nothing, and a blank line ends a paragraph unless the next line starts in lower case
    line_per_paragraph: bool = False
    #: a regular expression for a one-line footnote standing where its page ended
    #: (e.g. '^\*+ ?\S' for `*`-marked notes); empty: the source has no such footnotes
    footnote_pattern: str = ""
    #: a line at least this share of the text's usual line width counts as full width
    full_width: float = 0.85
    #: the source shows no page numbers, but a paragraph cut by a blank line (one paragraph
    #: per line) or text resuming after a footnote is where a printed page ended: record an
    #: unnumbered page break there (after footnotes found at a page foot, always, unless
    #: furniture shows the break)
    page_at_cut: bool = False
    #: footnotes at the page foot opening with a number or sign (`1 Ibid.`, `* See`, `† Cf.`)
    #: whose markers stand in the same page above them; off where `footnote_pattern` says
    #: how the source prints its footnotes
    page_footnotes: bool = True
    #: where the document ends its paragraphs without blank lines (newspaper columns), a
    #: short line ending a sentence before a line opening with a capital ends one
    short_line_paragraphs: bool = True


def caps_ratio(text: str) -> float:
    """Share of upper-case letters: headings are set in capitals. Counted by str methods
    mapped over the text, not a Python loop a character: blocks and structure ask of most lines."""
    letters = "".join(filter(str.isalpha, text))
    if not letters:
        return 0.0
    return sum(map(str.isupper, letters)) / len(letters)


def is_caps_line(text: str) -> bool:
    """A short line in capitals (a heading or part of one), not a sentence in capitals."""
    words = text.split()
    return 0 < len(words) <= 12 and len(text) <= 80 and caps_ratio(text) >= 0.7 and \
        sum(ch.isalpha() for ch in text) >= 2


#: words a title leaves in lower case
MINOR_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())


def is_title_line(text: str, continued: bool = False) -> bool:
    """A short line in title case (`Great Discontent in the Soviet Union`): a subhead; a line
    that continues a title (`continued`) may open with a minor word (`in the Soviet Union`)."""
    words = [word.strip("\"'“”‘’()") for word in text.split()]
    words = [word for word in words if word]
    if not 2 <= len(words) <= 10 or len(text) > 70 or SENTENCE_END.search(text):
        return False
    return (words[0][:1].isupper() or continued and words[0] in MINOR_WORDS) and all(
        word[:1].isupper() or word.lower() in MINOR_WORDS or not word[:1].isalpha() for word in words)


#: a paragraph's first line: a capital, maybe after a quote or bracket
STARTS_CAPITAL = re.compile(r"""^[\s"'“‘(\[]*[A-Z]""")
#: a year alone on its line, as annals head their entries (`1834.`)
YEAR_LINE = re.compile(r"^(?:1[5-9]\d\d|20\d\d)\.?$")


def ends_paragraph(line: Line, nxt: Line, full: float) -> bool:
    """A line of prose that ends a sentence short of the full width, before a line of prose
    opening with a capital, or any line ending a sentence before a year alone (annals' heading):
    where a paragraph ends in text that parts none by blank lines."""
    text, following = line.text.strip(), nxt.text.strip()
    year = bool(YEAR_LINE.match(following))
    return line.hyphen is Hyphen.NONE and (len(text) < full or year) and bool(SENTENCE_END.search(text)) \
        and bool(STARTS_CAPITAL.match(following) or year) and not is_caps_line(text) \
        and not is_title_line(text.rstrip(".")) and not is_caps_line(following) \
        and not is_title_line(following)     # headings are `structure`'s to cut out


def paragraph_ends_inside_runs(lines: list[Line], full: float) -> set[int]:
    """The ids of the lines that end a paragraph inside a run of lines (`ends_paragraph`),
    where the document ends its paragraphs without a blank line (newspaper columns, some
    book OCR): such ends are more often found inside a run than before a blank line.
    Elsewhere none: a short line there is a verse or a list."""
    inside: set[int] = set()
    apart = 0
    previous, blank = None, False
    for line in lines:
        if line.kind == "blank":
            blank = True
        elif line.kind == "text":
            if previous is not None and ends_paragraph(previous, line, full):
                if blank:
                    apart += 1
                else:
                    inside.add(id(previous))
            previous, blank = line, False
    return inside if len(inside) >= 3 and len(inside) > apart else set()


#: a blank after a full line that ends a sentence is read as a gap inside the paragraph
#: only where blanks fall at least this often, relative to their rate there, after full
#: lines that end mid-sentence (where a blank can only be a gap)
GAPS_IGNORE_SENTENCES = 0.5


def blanks_ignore_sentences(lines: list[Line], full: float) -> bool:
    """Do the text's blank lines fall regardless of where sentences end (OCR's gaps at
    column and page ends, a blank after every line), or mostly after a sentence, where they
    end paragraphs? Measured on full lines with no page break after them: the share of
    those ending mid-sentence that a blank follows, against the share of those ending a
    sentence. With no line ending mid-sentence before a blank, a blank ends a paragraph."""
    followed = {True: [0, 0], False: [0, 0]}     # ends a sentence -> [blank after, lines]
    previous: Line | None = None
    blank = False
    for line in lines:
        if line.kind == "blank":
            blank = True
            continue
        if line.kind != "text" or line.page_break is not None:
            previous = None
            continue
        if previous is not None and len(previous.text.strip()) >= full:
            counts = followed[ends_sentence(previous.text.strip())]
            counts[0] += blank
            counts[1] += 1
        previous, blank = line, False
    (mid_blank, mid), (end_blank, end) = followed[False], followed[True]
    if not mid_blank or not end_blank:
        return False
    return mid_blank / mid >= GAPS_IGNORE_SENTENCES * end_blank / end


def usual_width(lines: list[Line]) -> int:
    """The width of a full line: the 80th percentile of text line lengths."""
    lengths = sorted(len(line.text.strip()) for line in lines if line.kind == "text")
    if not lengths:
        return 0
    return lengths[int(len(lengths) * 0.8)]


def footnote_n(text: str) -> str:
    """The footnote's marker: its leading asterisks, less one that opens italics
    (`**Op. cit.* pp. 57` is note `*` on the italic title *Op. cit.*)."""
    stripped = text.lstrip()
    stars = len(stripped) - len(stripped.lstrip("*"))
    rest = stripped[stars:]
    if stars > 1 and rest.count("*") % 2 == 1:
        stars -= 1
    return "*" * stars


#: superscript digits, which some OCR keeps for note numbers (`word²`, `² Ibid.`)
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
PLAIN_DIGITS = str.maketrans(SUPERSCRIPT, "0123456789")
#: how a note at the page foot opens: its number (maybe raised or in brackets, a comma
#: for its period), its sign (OCR may glue either to the first word), or what OCR left of
#: them (`*4.`, `° See`, `I 3`: read by the sequence; `I.`, `S.`, `l3.`: OCR's letters for
#: digits, `misread`, maybe with a speck after them); `label` spans all that is printed of it. Its first `word`
#: may be a cited volume's or book's number with the title after it (`* 1 Cor. ix. 10.`,
#: `† 3 Bl. Comm. 291.`): a note that opens with a citation
NOTE_START_RE = re.compile(
    r"^\s*(?P<label>\(?(?P<num>\d{1,3})[.,)]?(?=\s)|(?P<sign>\*{1,3}|[†‡§¶]{1,2}|\|\|)(?!\d)"
    r"|(?P<raised>[⁰¹²³⁴-⁹]{1,3})|(?P<misread>[IlOSBZG]|(?=\S{0,2}\d)[0-9IlOSBZG]{2,3})[.,][‘’'`]?(?=\s)"
    r"|(?P<odd>[*°•■♦]\d?|[A-Za-z] ?\d)\.?(?=\s))"
    r"\s*(?![*†‡])(?=(?P<word>(?:\d{1,3} (?=[A-Z]))?\S+))")
#: words after which a number is a reference, not a note marker (p. 12, vol. 3, No. 4)
REFERENCE_WORDS = frozenset("p pp page pages no nos vol vols ch chap chapter art fig sect sec "
                            "col cols line lines v vv ver verse part book note".split())
#: lower-case words a footnote may open with
NOTE_OPENING_WORDS = frozenset("ibid ib id idem cf op loc see vide vid sc viz".split())
#: a word whose capital OCR read as a letter and a bracket (`i)ellworth`, `l>ook`)
MISREAD_CAPITAL_RE = re.compile(r"[a-z][)(\]\[|<>}{][a-z]{2,}")
#: how many text lines above a page's foot its markers are looked for
MARKER_REACH = 120
#: a number OCR misread where a marker stands alone after punctuation (`was wet." 0`, `l3`)
MISREAD_MARKER_RE = re.compile(r"[.,;:!?\"'’”)] (?P<m>[0-9°lI]{1,2})(?=\s|$)")
#: a line this much longer than the text's usual line is set in the notes' smaller type
WIDE_LINE = 1.15
#: the most lines of a note that run over to the next page's foot
CARRIED_MAX_LINES = 12
#: the most lines a page's footnotes take, and their most share of the page
NOTES_MAX_LINES = 60
NOTES_MAX_SHARE = 0.7
#: the most footnotes at one page's foot
NOTES_MAX_COUNT = 20
#: the most notes in a row whose openings OCR lost at a page foot
NOTES_LOST = 3
#: punctuation after which a number or sign is a marker (`old. 1 But`, `Lenin.5`)
MARKER_AFTER = ".,;:!?\"'’”)]"


@dataclass
class PageNote:
    """A footnote found at a page foot, and where its marker stands above it."""

    lines: list[Line]       #: its text lines, first to last
    n: str                  #: its number (as the sequence reads it) or sign
    printed: str            #: the number or sign as printed at its start
    marker: tuple[Line, int, int, bool] | None  #: where its marker stands (`place_markers`)
    label: tuple[int, int]  #: the span of its printed opening (`12.`, `(3)`, `*`) in its first line
    printed_at: tuple[int, int]  #: the span of the number or sign itself
    above: bool = False     #: set at the top of its page, above its marker (`notes_above`)

    @classmethod
    def opened_by(cls, lines: list[Line], n: str, opening: re.Match, marker, above: bool = False) -> PageNote:
        """The note whose first line `NOTE_START_RE` matched: its opening read here, once."""
        name = next(name for name in ("num", "sign", "raised", "misread", "odd") if opening.group(name))
        return cls(lines, n, opening.group(name), marker, opening.span("label"), opening.span(name), above)

    def marks(self) -> list[Mark]:
        """`label` over its printed opening and, where OCR misread the number its place in
        the sequence gives (`I 3` for 13), a correction to that number."""
        marks = [Mark("label", *self.label)]
        if plain_number(self.printed) != self.n:
            marks.append(Mark("choice", *self.printed_at, {"corr": self.n, "resp": RESP, "cert": "medium"}))
        return marks


def plain_number(printed: str) -> str:
    """A note number as plain digits (`²` -> `2`)."""
    return printed.translate(PLAIN_DIGITS)


def marker_spans(text: str, marker: str, bound: int) -> list[tuple[int, int, bool]]:
    """Where `marker` (a number or sign) stands as a note marker in `text[:bound]`, with
    whether it is plainly one (glued to a word or after punctuation) or only maybe (`saw 2 men`)."""
    found = []
    forms = [re.escape(marker)]
    if marker.isdigit():      # raised, or in brackets: `word²`, `word (2)` (`[2]` marks endnotes)
        raised = marker.translate(str.maketrans("0123456789", SUPERSCRIPT))
        forms += [raised, rf"\({marker}\)"]
    for match in re.compile("|".join(forms)).finditer(text, 0, bound):
        start, end = match.span()
        before = text[start - 1] if start else "\n"
        after = text[end:min(end + 2, bound)]
        follows = after[:1]
        if follows and (follows.isalnum() or follows in ",.:" and after[1:2].isdigit() or follows in "/-%"):
            continue
        if before.isalpha() or before in MARKER_AFTER or match.group()[0] == "(":
            found.append((start, end, True))
            continue
        if before not in " \n" or after[:1] not in ("", " ", "\n"):
            continue    # a number standing alone is followed by a space: `2, 1888`, `in 1. Paris`
        word = text[max(0, start - 12):start].rstrip().split()
        last = word[-1] if word else ""
        if not last or last[-1].isdigit() or last[-1] not in MARKER_AFTER and not last[-1].isalpha():
            continue
        if last.rstrip(".").lower().lstrip("(") in REFERENCE_WORDS:
            continue
        plain = last[-1] in MARKER_AFTER or not after.strip() or not marker.isdigit()   # a sign is no count
        found.append((start, end, plain))
    return found


def misread_marker(printed: str, mark: str, numbers: range) -> bool:
    """Can `printed`, standing alone after punctuation, be OCR's misreading of marker `mark`?
    OCR's letters for digits only where they read as it (`l3` for 13, not `I` for 4); a
    number of the page's own notes (`numbers`) is its own marker, no misreading."""
    read = printed.translate(OCR_DIGITS)
    if not printed.replace("°", "0").isdigit():
        return read == mark
    return int(printed.replace("°", "0")) not in numbers


def place_markers(lines: list[Line], marks: list[str]) -> list[tuple[Line, int, int, bool] | None]:
    """Where each of a page's note markers stands in its text `lines`, in order: the last
    plain occurrence before the next marker's place, else the last possible one, else the
    one misread number between its neighbours' markers (`was wet." 0` for 5); as (line,
    columns in `Line.text`, plainly a marker)."""
    text = "\n".join(line.text for line in lines)
    starts, at = [], 0
    for line in lines:
        starts.append(at)
        at += len(line.text) + 1
    spans: list[tuple[int, int, bool] | None] = []
    bound = len(text)
    for mark in reversed(marks):
        found = marker_spans(text, mark, bound)
        best = next((span for span in reversed(found) if span[2]), found[-1] if found else None)
        spans.append(best)
        if best is not None:
            bound = best[0]
    spans.reverse()
    # the page's own numbers, those of notes whose openings OCR lost among them too: none is a misreading
    numbers = range(int(marks[0]), int(marks[-1]) + 1) if all(mark.isdigit() for mark in marks) else range(0)
    for k, (mark, span) in enumerate(zip(marks, spans)):
        if span is None and mark.isdigit():
            low = max((s[1] for s in spans[:k] if s), default=0)
            high = min((s[0] for s in spans[k + 1:] if s), default=len(text))
            misread = [m.span("m") for m in MISREAD_MARKER_RE.finditer(text, low, high)
                       if misread_marker(m.group("m"), mark, numbers)]
            if len(misread) == 1:
                spans[k] = (*misread[0], False)
    placed: list[tuple[Line, int, int, bool] | None] = []
    for span in spans:
        if span is None:
            placed.append(None)
            continue
        k = bisect_right(starts, span[0]) - 1
        placed.append((lines[k], span[0] - starts[k], span[1] - starts[k], span[2]))
    return placed


def opens_note(word: str) -> bool:
    """Can a note's text open with this word? Not a plain word in lower case (`1 think`,
    `2 pints`: OCR's 1 for I, a quantity), but a scholar's abbreviation may (`ibid.`)."""
    if not any(ch.isalpha() for ch in word):
        return False     # `2 1`, `1 .`: numbers and dots, not a note's words
    if MISREAD_CAPITAL_RE.match(word):
        return True      # `i)ellworth`: OCR's wreck of a capital (`P`), not a plain word
    return not word[0].islower() or word.strip(".,;:").lower() in NOTE_OPENING_WORDS


def opening_value(opening: re.Match) -> int | None:
    """The number a note's opening reads as: its digits, or OCR's letters for digits read
    through (`I.` 1, `l3.` 13); None where no number can be read (`S.`, `*4.`)."""
    digits = opening.group("num") or opening.group("raised") or \
        (opening.group("misread") or "").translate(OCR_DIGITS)
    digits = plain_number(digits)
    return int(digits) if digits.isdigit() else None


def one_digit_off(value: int, expected: int) -> bool:
    """Is `value` `expected` with one digit misread (`44` for 14)?"""
    read, wanted = str(value), str(expected)
    return len(read) == len(wanted) and sum(a != b for a, b in zip(read, wanted)) == 1


def note_sequence(starts: list[tuple[int, re.Match]], goes_on_from: int = 0) -> list[tuple[int, str]] | None:
    """The notes a run of note-like openings makes, from the first: (index, number or sign).

    Numbers rise by one; an opening OCR misread takes the number its place in the
    sequence gives (`S.` for 8 before 9, `44,` for 14 after 13); a number a few ahead
    goes on after notes whose openings OCR lost; a number that does not fit is a line of
    the note before it (`12 men`). Misread openings must be the fewer, unless the run goes
    on from `goes_on_from`, the last note of the pages before: the document's sequence
    vouches for it."""
    first = starts[0][1]
    if first.group("sign"):
        return [(i, m.group("sign")) for i, m in starts if m.group("sign")]
    values = [opening_value(m) for _, m in starts]
    readable = next((k for k, v in enumerate(values) if v is not None), None)
    if readable is None or values[0] is None and readable > 2:
        return None
    expected = values[readable] - readable
    if expected < 1:
        return None
    notes: list[tuple[int, str]] = []
    misread = 0
    for k, (i, _) in enumerate(starts):
        value = values[k]
        following = values[k + 1] if k + 1 < len(values) else None
        if notes and value is not None and value <= int(notes[0][1]) and following in (None, value + 1):
            return None    # a sequence starting again: these are notes, the first line is not
        if notes and value is not None and expected < value <= expected + NOTES_LOST \
                and following in (None, value + 1):
            expected = value                # the notes between lost their openings
        if value == expected or k < readable or value is None and following in (None, expected + 1) \
                or following == expected + 1 and k + 2 < len(values) and values[k + 2] == expected + 2 \
                or notes and value is not None and one_digit_off(value, expected) and following in (None, expected + 1):
            misread += value != expected
            notes.append((i, str(expected)))
            expected += 1
    vouched = goes_on_from and int(notes[0][1]) == goes_on_from + 1 and misread < len(notes)
    return notes if 2 * misread < len(notes) or vouched or len(notes) == 1 and not misread else None


class PageFootnotes:
    """Find the footnotes at each page foot (see the module docstring), in one walk."""

    def __init__(self, lines: list[Line]):
        self.lines = lines
        self.notes: list[PageNote] = []
        #: the text lines of the page before the current one
        self.previous: list[Line] = []
        #: the last note of the page before, when it does not end a sentence: it may run over
        self.unfinished: PageNote | None = None
        #: the text's usual line: the median length of its text lines
        lengths = sorted(len(line.text.strip()) for line in lines if line.kind == "text")
        self.width = lengths[len(lengths) // 2] if lengths else 0

    def find(self) -> list[PageNote]:
        """Walk the lines; at each page end (two blank lines, furniture, a page break, the
        end of the text) the text lines just before it may end in footnotes. One blank
        line does not end a page: a list that closes a paragraph is no footnote."""
        page: list[Line] = []          # text lines of the page so far
        segment: list[int] = []        # indices of the text lines since the last blank
        blanks = 0
        for i, line in enumerate(self.lines):
            if line.kind == "excluded":
                continue
            if line.kind == "blank":
                blanks += 1
                if blanks == 2 and segment and self.close(segment, page):
                    page = []
                continue
            page_ends = line.kind == "fw" or line.page_break is not None
            if page_ends and blanks < 2 and segment and self.close(segment, page):
                page = []
            if (page_ends or blanks >= 2) and page:
                self.previous, page = page, []
            if blanks:
                segment = []
            blanks = 0
            if line.kind == "text":
                segment.append(i)
                page.append(line)
            else:
                segment = []
        if segment and blanks < 2:
            self.close(segment, page)
        self.notes_above()
        return self.notes

    def notes_above(self) -> None:
        """Notes set at the top of a page above their markers, as a writer puts a note where
        there is room: the page's first lines, standing apart (a blank line after them),
        open with a sign (`*`, `†`) that stands plainly as a marker once in the page's
        text below."""
        taken = {id(line) for note in self.notes for line in note.lines}
        for segments in self.pages():
            head, below = segments[0], [line for part in segments[1:] for line in part]
            opening = NOTE_START_RE.match(head[0].text)
            if not below or len(head) > CARRIED_MAX_LINES or not opening or not opening.group("sign") \
                    or not opens_note(opening.group("word")) or any(id(line) in taken for line in head):
                continue
            below = [line for line in below if id(line) not in taken]
            sign = opening.group("sign")
            text = "\n".join(line.text for line in below)
            if sum(1 for span in marker_spans(text, sign, len(text)) if span[2]) != 1:
                continue
            (marker,) = place_markers(below, [sign])
            self.notes.append(PageNote.opened_by(head, sign, opening, marker, above=True))

    def pages(self) -> list[list[list[Line]]]:
        """Each page (parted by furniture and page breaks) as its runs of text lines between
        blank lines."""
        pages: list[list[list[Line]]] = []
        segments: list[list[Line]] = []
        for line in self.lines:
            if line.kind == "fw" or line.page_break is not None:
                if segments:
                    pages.append(segments)
                segments = []
            if line.kind == "blank" and segments and segments[-1]:
                segments.append([])
            elif line.kind == "text":
                if not segments:
                    segments.append([])
                segments[-1].append(line)
        if segments:
            pages.append(segments)
        return [[part for part in page if part] for page in pages]

    def close(self, segment: list[int], page: list[Line]) -> bool:
        """Take the notes that end `segment`, if the page above shows their markers (or,
        for notes printed after the folio at a page's foot, the page before it), and the
        lines that finish the last note of the page before."""
        starts = [(i, m) for i in segment[-NOTES_MAX_LINES:]
                  if (m := NOTE_START_RE.match(self.lines[i].text)) and opens_note(m.group("word"))]
        starts = starts[-NOTES_MAX_COUNT:]
        unfinished, self.unfinished = self.unfinished, None
        goes_on_from = next((int(note.n) for note in reversed(self.notes) if note.n.isdigit()), 0)
        for k in range(len(starts)):
            sequence = note_sequence(starts[k:], goes_on_from)
            if not sequence:
                continue
            first = sequence[0][0]
            carried = self.carried_over(unfinished, segment[:segment.index(first)])
            zone = segment[-1] - first + 1 + len(carried)
            above = page[:len(page) - zone][-MARKER_REACH:] or self.previous[-MARKER_REACH:]
            if zone > NOTES_MAX_LINES or zone > NOTES_MAX_SHARE * (len(above) + zone):
                continue
            markers = place_markers(above, [n for _, n in sequence])
            if 2 * sum(bool(m and m[3]) for m in markers) < len(markers):
                continue    # too few of them plainly markers: a list, or OCR's 1 for I
            if carried:
                unfinished.lines.extend(carried)
            ends = [i for i, _ in sequence[1:]] + [segment[-1] + 1]
            for (i, n), end, marker in zip(sequence, ends, markers):
                opening = NOTE_START_RE.match(self.lines[i].text)
                note = PageNote.opened_by([self.lines[j] for j in range(i, end)], n, opening, marker)
                self.notes.append(note)
            if not SENTENCE_END.search(note.lines[-1].text):
                self.unfinished = note
            return True
        carried = self.carried_over(unfinished, segment)
        if carried:
            unfinished.lines.extend(carried)
            return True
        return False

    def carried_over(self, note: PageNote | None, before: list[int]) -> list[Line]:
        """The lines that finish `note`, run over from the page before, at the foot of this
        one: the last of `before` set in the notes' smaller type (more characters to the
        line than the text's), the very last of them maybe short."""
        if note is None:
            return []
        carried: list[int] = []
        for i in reversed(before):
            if len(self.lines[i].text.strip()) < WIDE_LINE * self.width and carried:
                break
            carried.append(i)
        while carried and len(self.lines[carried[-1]].text.strip()) < WIDE_LINE * self.width:
            carried.pop()       # the short last line alone is no evidence
        if not carried or len(carried) > CARRIED_MAX_LINES:
            return []
        return [self.lines[i] for i in sorted(carried)]


#: a block of at most this many lines, all capitals or all title case, reads as a heading
HEADING_LINES = 3


class _Grouper:
    def __init__(self, doc: Document, opts: Options):
        self.opts = opts
        self.footnote = re.compile(opts.footnote_pattern) if opts.footnote_pattern else None
        self.width = usual_width(doc.lines)
        self.page_notes = PageFootnotes(doc.lines).find() \
            if opts.page_footnotes and not self.footnote else []
        #: the note blocks made from `page_notes`, with their notes
        self.made: list[tuple[Block, PageNote]] = []
        #: the lines that end a paragraph inside a run of lines (`paragraph_ends_inside_runs`)
        self.paragraph_ends = paragraph_ends_inside_runs(doc.lines, opts.full_width * self.width) \
            if opts.short_line_paragraphs and not opts.line_per_paragraph else set()
        #: a blank after a sentence's end may be a gap inside a paragraph (as at a page end)
        self.blanks_ignore_sentences = blanks_ignore_sentences(doc.lines, opts.full_width * self.width)

    def paragraphs(self, runs: list[tuple[list[Line], PageNote | None]]):
        """The runs, each cut after the lines that end a paragraph inside it (where the
        document parts its paragraphs so), furniture going with the text after it."""
        for run, note in runs:
            if not self.paragraph_ends or note is not None:
                yield run, note
                continue
            part: list[Line] = []
            last: Line | None = None
            after_last = 0          # where in `part` the line after `last` stands
            for line in run:
                if line.kind == "text":
                    if last is not None and id(last) in self.paragraph_ends:
                        yield part[:after_last], None
                        part = part[after_last:]
                    last = line
                part.append(line)
                if line is last:
                    after_last = len(part)
            yield part, None

    def runs(self, lines: list[Line]) -> list[tuple[list[Line], PageNote | None]]:
        """Maximal runs of text and furniture lines; blank and excluded lines part them, and
        the lines of each footnote found at a page foot are runs of their own."""
        owner = {id(line): note for note in self.page_notes for line in note.lines}
        runs: list[tuple[list[Line], PageNote | None]] = []
        current: list[Line] = []
        note: PageNote | None = None
        for line in lines:
            if line.kind not in ("text", "fw") or owner.get(id(line)) is not note or \
                    note is not None and line is note.lines[0]:
                if current:
                    runs.append((current, note))
                current, note = [], owner.get(id(line))
            if line.kind in ("text", "fw"):
                current.append(line)
        if current:
            runs.append((current, note))
        return runs

    def is_footnote(self, run: list[Line]) -> bool:
        text = [line for line in run if line.kind == "text"]
        if self.footnote is None or len(text) != 1:
            return False
        line = text[0].text.strip()
        # a whole line in italics (`*Oh wise master ...*`) is verse, not a note
        whole_italic = line.endswith("*") and line.count("*") == 2 and not line.startswith("**")
        return bool(self.footnote.match(line)) and not whole_italic

    def is_full(self, line: Line) -> bool:
        return len(line.text.strip()) >= self.opts.full_width * self.width

    def continues(self, block: Block, nxt: Line, page_between: bool) -> bool:
        """Does the run starting with `nxt` continue the paragraph in `block`? A full line
        ending a sentence goes on over a page break, and over a blank only where the text's
        blanks fall regardless of sentence ends (`blanks_ignore_sentences`)."""
        last = block.last_text_line
        text = last.text.strip()
        lines = [line.text.strip() for line in block.first_text_lines(HEADING_LINES + 1)]
        if len(lines) <= HEADING_LINES and (all(map(is_caps_line, lines)) or all(map(is_title_line, lines))):
            # a heading goes on over a blank only into another line of capitals
            return not self.opts.line_per_paragraph and is_caps_line(nxt.text.strip()) \
                and all(map(is_caps_line, lines)) and not SENTENCE_END.search(text)
        if STARTS_LOWER.match(nxt.text) or is_inner_speck(last, nxt):
            return True
        if ends_sentence(text):
            following = nxt.text.strip()
            return not self.opts.line_per_paragraph and self.is_full(last) \
                and (page_between or self.blanks_ignore_sentences) \
                and not is_caps_line(following) and not is_title_line(following)
        return not self.opts.line_per_paragraph and self.is_full(last) or \
            bool(ENDS_HYPHEN.search(text) and STARTS_LOWER.match(nxt.text))

    def group(self, lines: list[Line]) -> list[Block]:
        blocks: list[Block] = []
        paragraph: Block | None = None      # the block a following run may continue
        notes: list[Block] = []             # footnotes seen since that block's last line
        pending_fw: list[Line] = []
        page_ended = False                  # a footnote closed the printed page
        page_noted = False                  # so did footnotes found at a page foot
        made: dict[int, Block] = {}         # id(page note) -> its block
        for run, page_note in self.paragraphs(self.runs(lines)):
            text = [line for line in run if line.kind == "text"]
            if not text:
                pending_fw.extend(run)
                continue
            if page_note:      # the page's furniture stays with the text it parts
                page_noted = page_noted or not page_note.above
                if page_note.lines[0] is not run[0]:      # run over from the page before
                    made[id(page_note)].lines.extend(run)
                    continue
                notes.append(Block("note", run, {"place": "foot", "n": page_note.n}))
                made[id(page_note)] = notes[-1]
                self.made.append((notes[-1], page_note))
                continue
            if self.is_footnote(run):
                notes.append(Block("note", pending_fw + run,
                                   {"place": "foot", "n": footnote_n(text[0].text)}))
                pending_fw = []
                page_ended = True
                continue
            page_between = page_ended or page_noted or text[0].page_break is not None or \
                any(line.page_break is not None for line in pending_fw)
            if text[0].page_break is None and (
                    page_noted and all(line.page_break is None for line in pending_fw) or
                    self.opts.page_at_cut and (page_ended or paragraph is not None and self.opts.line_per_paragraph
                                               and self.continues(paragraph, text[0], page_between))):
                text[0].page_break = ""     # the page ended where its footnotes did
            page_ended = page_noted = False
            if paragraph is not None and self.continues(paragraph, text[0], page_between):
                last = paragraph.last_text_line
                if last.hyphen is Hyphen.NONE and ENDS_HYPHEN.search(last.text) \
                        and STARTS_LOWER.match(text[0].text):
                    # a word split across a footnote or a gap that `dehyphenate` left alone
                    last.hyphen = Hyphen.PRINTED
                paragraph.lines.extend(pending_fw + run)
            else:
                blocks.extend(notes)
                notes = []
                paragraph = Block("p", pending_fw + run)
                blocks.append(paragraph)
            pending_fw = []
        blocks.extend(notes)
        if pending_fw:
            if blocks:
                blocks[-1].lines.extend(pending_fw)
            else:
                blocks.append(Block("p", pending_fw))
        return blocks


def run(doc: Document, opts: Options, report: Report) -> Document:
    grouper = _Grouper(doc, opts)
    blocks = grouper.group(doc.lines)
    doc.body = blocks
    for block, note in grouper.made:
        block.marks.extend(note.marks())
        if plain_number(note.printed) != note.n:
            report.info("TK131", f"footnote opening {note.printed!r} read as {note.n} "
                                 "by its place in the sequence", note.lines[0].n)
        if note.marker is None:
            report.warning("TK132", f"footnote {note.n} at the page foot: no marker found above it",
                           note.lines[0].n)
    notes = sum(1 for block in blocks if block.kind == "note")
    doc.facts.blocks = BlocksDone(paragraphs=len(blocks) - notes, footnotes=notes,
                                  line_per_paragraph=opts.line_per_paragraph,
                                  footnote_markers=tuple((block, note.marker) for block, note in grouper.made))
    report.info("TK130", f"{len(blocks) - notes} paragraphs, {notes} footnotes")
    return doc


PASS = PassSpec("blocks", run, Options, requires=frozenset({"furniture"}),
                provides=frozenset({"blocks"}))
