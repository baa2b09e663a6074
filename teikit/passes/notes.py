"""Link note markers to their notes; Markdown-style `*italics*` become `hi`.

Endnotes (book, web): the markers in the running text run 1, 2, 3 ... through the text,
so the sequence reads the mangled ones. Each marker becomes a `ref` to its note, and a
mangled one also records its correction:

    Lenin.5        ->  Lenin.<ref type="noteAnchor" target="#n5" xml:id="nr5">5</ref>
    trial.'        ->  trial.<ref ...><choice><sic>'</sic><corr ...>7</corr></choice></ref>
    [1]            ->  <ref type="noteAnchor" target="#n1" xml:id="nr1">[1]</ref>

and the note (split off in a notes division by `split_endnotes` below, which `structure`
calls when it meets one) gets `xml:id="n5"` and `corresp="#nr5"`, the link
back. Where the sequence lacks a number, garbage at a marker's place (`capitulation.3H`,
`Leipzig trialY`) is taken only with evidence: its digits, or a word its note names just
before it; taken without digits it is a `cert="low"` correction and a TK169 warning. A
number nothing can place is reported (TK161), never guessed.

Footnotes (markdown-book): `blocks` leaves each `*`/`**` footnote after the paragraph
its page cut; it moves to the nearest unused marker with the same sign before it,
the sign kept as a short `ref`, the note right after it:

    made.*  ...  *A trade union ...   ->
    made.<ref type="noteAnchor" target="#fn1">*</ref><note place="foot" n="*"
        xml:id="fn1"><label>*</label>A trade union ...</note>

`*op. cit.*` -> `<pc type="markup">*</pc><hi rend="italic">op. cit.</hi><pc
type="markup">*</pc>`: the asterisks are source characters (the diplomatic text keeps
them) but markup, not words; a reading view drops `pc[@type="markup"]`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain

from ..model import RESP, Block, Document, Line, Mark, Spans, reading_view
from ..ocr import DIGIT_LOOKALIKES, OCR_DIGITS
from ..patterns import not_after
from ..pipeline import PassSpec
from ..report import Report
from .blocks import plain_number

#: characters OCR reads for the digits of a small raised number
#: markers add i and ! for 1, and lose punctuation and spaces OCR put between their digits
DIGIT_FOR = str.maketrans({**DIGIT_LOOKALIKES, "i": "1", "!": "1", ":": None, "'": None, "’": None, " ": None})
#: a number glued to a word or its punctuation (Lenin.5, ATLANTIC18, exile. l6, trial.'):
#: "pre" the word's last letter and its punctuation, "m" the marker as OCR read it;
#: `glued_marker` decides which matches can be markers
#: the punctuation a glued marker may follow, the first character of a marker, the rest
_GLUED_PUNCT = r".,;:!?\"'’”)"
_MARKER_FIRST = r"[0-9lIi!:'’]"
_MARKER_REST = r"(?:[0-9lIio!:'’]| [0-9]){0,2}(?=[\s\"”’)\].,;:]|$)"
GLUED_MARKER_RE = re.compile(  # all in a lookahead: matches may overlap (Oslo.2)
    rf"(?=(?P<pre>[A-Za-z][{_GLUED_PUNCT}]{{0,2}})(?P<gap> ?)(?P<m>{_MARKER_FIRST}{_MARKER_REST}))")
#: where a GLUED_MARKER_RE marker may begin: its first character after a letter, the
#: punctuation or the space it follows, led by that character (teikit.patterns)
GLUED_MARKER_START_RE = re.compile(not_after(f"[^A-Za-z {_GLUED_PUNCT}]", _MARKER_FIRST) + f"(?={_MARKER_REST})")
#: how far before its marker a GLUED_MARKER_RE match begins: a letter, two punctuation marks, a space
GLUED_PRE_REACH = 4
#: how far before its marker a GLUED_MARKER_RE match begins: a letter, two punctuation marks, a space
GLUED_PRE_REACH = 4
#: the end of a word in capitals that can be a note number glued on (NORWAYl, LAW12)
CAPITALS_NUMBER_TAIL_RE = re.compile(r"[0-9lI]+$")
BRACKET_MARKER_RE = re.compile(r"\[(?P<m>\d{1,3})\]")
#: what else OCR leaves of a marker: after a word's punctuation (`capitulation.3H`, `others.
#: a6`, `Bolsheviks,ltI`, `(l907-09).\ufffd9`), or a capital glued to a word (`trialY`); looked
#: for only where the sequence lacks a number, and taken only with evidence
#: (`marker_evidence`). Two patterns, each led by its first characters (teikit.patterns):
#: as one alternation, `re` would try every position of the text
LOOSE_MARKER_RE = re.compile(
    r"[.,;:!?\"'’”)](?<=[A-Za-z][.,;:!?\"'’”)])[.,;:!?\"'’”)]?(?P<gap> ?)"
    r"(?P<m>\S?[0-9\ufffd]\S{0,2}|[0-9] [0-9]|[lItHsoO!'’]{1,3})(?=[\s\"”’)\].,;:]|$)")
CAPITAL_MARKER_RE = re.compile(r"(?P<m>[A-Z])(?<=[a-z]{3}[A-Z])(?=[\s\"”’)\].,;:]|$)")
#: words in a note that name what it annotates: `Georgi D imitrov (1882-1949)`, `"Whose
#: Conspiracy?"`; a capital split from its word by OCR is rejoined
NOTE_TERM_RE = re.compile(r"\b[A-Z] ?[a-z]{3,}|\b[A-Z]{4,}\b")
QUOTED_TITLE_RE = re.compile(r"^\W*[\"“](?P<title>[^\"”]{4,120})[\"”]")
WORD_RE = re.compile(r"[A-Za-z]{4,}")
#: how far before a marker (characters) the words its note names are looked for
EVIDENCE_REACH = 250
#: a run of asterisks: an italic delimiter or a footnote sign
STARS_RE = re.compile(r"\*+")
OPENERS = " \n\"“‘'([—–-/"
CLOSERS = " \n\"”’'),.;:!?]—–-/"


@dataclass(frozen=True)
class Options:
    #: how endnote markers look: "glued" (a number glued to a word: Lenin.5), "bracketed"
    #: ([1]), or "" when the text has no endnotes
    endnote_markers: str = "glued"
    #: link `*`/`**` markers to the footnote blocks `blocks` made (place="foot")
    footnote_signs: bool = False
    #: Markdown-style `*italics*` -> hi rend="italic"
    italics: bool = False
    #: how far (in blocks) before its footnote a marker may stand
    footnote_reach: int = 30
    #: a word a note names (Dimitrov) is evidence for a mangled marker after it only when
    #: the running text uses it at most this often (Stalin, Moscow tell nothing)
    evidence_word_uses: int = 25


@dataclass
class Candidate:
    block: Block
    start: int            #: block offsets of the marker as printed
    end: int
    source: str           #: the marker as OCR read it
    value: int | None     #: its digits read (l -> 1, o -> 0), None when none
    clean: bool           #: plain digits glued to the word: trusted to skip ahead
    line: int
    loose: bool = False   #: an unlikely shape, considered only where the sequence lacks a number
    cert: str = "medium"  #: how sure a correction of its digits is
    before: str = ""      #: the block's text just before it (EVIDENCE_REACH characters)


def line_numbers(block: Block):
    """offset in `block.text` -> the source line number there (a line's end is on it; the
    last line's number past the end, 0 in a block of no text), the lines listed once."""
    ends, numbers, at = [], [], 0
    for line in block.text_lines:
        at += len(line.text)
        ends.append(at)
        numbers.append(line.n)
        at += 1
    if not numbers:
        return lambda offset: 0
    return lambda offset: numbers[min(bisect_left(ends, offset), len(numbers) - 1)]


def line_at(block: Block, offset: int) -> int:
    return line_numbers(block)(offset)


def notes_divisions(doc: Document):
    """Blocks below a div type="notes": no markers are looked for there."""
    inside: set[int] = set()
    for block in doc.blocks():
        if block.kind == "div" and block.attrs.get("type") == "notes":
            inside.update(id(b) for b in block.walk())
    return inside


def text_blocks(doc: Document):
    """Leaf blocks of running text: not notes, not in a notes division."""
    skip = notes_divisions(doc)
    return [b for b in doc.leaves() if b.kind != "note" and id(b) not in skip]


def glued_marker(match: re.Match) -> bool:
    """Can this be a note number? `final` (l), `of 150`, `Kahlo` are not; `Lenin.5`,
    `exile. l6`, `NORWAYl`, `International.:1` are."""
    if "pre" not in match.re.groupindex:
        return True
    letter, punct, marker = match.group("pre")[0], match.group("pre")[1:], match.group("m")
    word_end = match.string[max(0, match.start() - 2):match.start() + 1]
    if match.group("gap") and not punct:
        return False
    if not punct and not word_end.isalpha():
        return False  # 19i36, a6: not a word with a number glued on
    if marker[0] in "lIi!":
        if any(ch.isdigit() for ch in marker):
            return bool(punct) or letter.isupper()
        return marker == "l" and not punct and word_end.isupper()  # NORWAYl, not MFI or El
    if marker[0] in ":'’":
        return bool(punct) and not match.group("gap") and marker != ":" and not (
            marker in "'’" and closes_quote(match.string, match.start("m")))
    return True


def glued_number_start(word: str) -> int:
    """Where a note number glued to the end of a word in capitals begins, as this pass
    will read it (`len(word)` if none): `corrections` joins `NORWA yl` into NORWAY and
    leaves the `l` to the marker sequence."""
    tail = CAPITALS_NUMBER_TAIL_RE.search(word)
    return tail.start() if tail else len(word)


def closes_quote(text: str, at: int) -> bool:
    """Does the quote mark at `at` close a single quote opened shortly before
    (`in no way 'tired,'`), rather than stand for a marker (`the Moscow trial.'`)?"""
    opened = max(text.rfind("'", max(0, at - 200), at), text.rfind("‘", max(0, at - 200), at))
    return opened >= 0 and (opened == 0 or not text[opened - 1].isalnum()) and \
        opened + 1 < at and text[opened + 1].isalpha()


def glued_markers(text: str):
    """GLUED_MARKER_RE's matches in `text`, in order. The pattern, a lookahead led by a
    letter, would be tried at every letter of the text; it is tried only just before the
    places where a marker may begin (GLUED_MARKER_START_RE), nearest first: the first place
    it matches at is the only one whose marker can begin there."""
    for start in GLUED_MARKER_START_RE.finditer(text):
        at = start.start()
        for word_end in range(at - 1, max(at - 1 - GLUED_PRE_REACH, -1), -1):
            match = GLUED_MARKER_RE.match(text, word_end)
            if match:
                if match.start("m") == at:
                    yield match
                break


def bracket_markers(text: str):
    return BRACKET_MARKER_RE.finditer(text)


def marker_candidates(blocks: list[Block], markers: Callable[[str], Iterable[re.Match]]) -> list[Candidate]:
    """The markers `markers` finds in the blocks' reading views (`glued_markers`,
    `bracket_markers`), as candidates."""
    found = []
    for block in blocks:
        view = reading_view(block)
        text, line_of = block.text, line_numbers(block)
        last_end = -1
        for match in markers(view.text):
            if match.start("m") < last_end or not glued_marker(match):
                continue
            last_end = match.end("m")
            m_start, m_end, marker = match.start("m"), match.end("m"), match.group("m")
            if "pre" not in match.re.groupindex:       # [1]: the brackets are the marker's
                m_start, m_end = match.span()
            elif match.group("pre").endswith((".:", ",:")):
                m_start, marker = m_start - 1, ":" + marker   # International.:1 (= 3)
            start, end = view.span(m_start, m_end)
            source = text[start:end]
            digits = marker.translate(DIGIT_FOR)
            value = int(digits) if digits.isdigit() and marker[0] != ":" else None
            clean = marker.replace(" ", "").isdigit()
            found.append(Candidate(block, start, end, source, value, clean, line_of(start),
                                   before=text[max(0, start - EVIDENCE_REACH):start]))
    return found


def loose_candidates(blocks: list[Block], taken: list[Candidate]) -> list[Candidate]:
    """Marker-like garbage (LOOSE_MARKER_RE, CAPITAL_MARKER_RE) not already a candidate; no
    match of one pattern overlaps a match of the other."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for cand in taken:
        spans.setdefault(id(cand.block), []).append((cand.start, cand.end))
    found = []
    for block in blocks:
        used = Spans(spans.get(id(block), []))
        text, line_of = block.text, line_numbers(block)
        for match in chain(LOOSE_MARKER_RE.finditer(text), CAPITAL_MARKER_RE.finditer(text)):
            start, end = match.span("m")
            marker = match.group("m")
            if match.re is LOOSE_MARKER_RE and not re.search("[0-9\ufffd]", marker) and (
                    match.group("gap") or text[start - 1] in "'’" and text[start - 2].isalpha()
                    or marker[0] == "!" and text[start - 1] not in ".,;:"
                    or marker[0] in "'’" and closes_quote(text, start)):
                continue      # `said. It`, `Stalin's`, `don't`, `jail!!`, `'tired,'`: no markers
            if not used.overlap(start, end):
                found.append(Candidate(block, start, end, marker, None, False, line_of(start),
                                       loose=True, before=text[max(0, start - EVIDENCE_REACH):start]))
    return found


def backbone(cands: list[Candidate], max_step: int) -> dict[int, int]:
    """The longest chain of plainly printed markers whose numbers rise by small steps:
    number -> index in cands. A stray number (a year, `MFI`) cannot break it."""
    clean = [i for i, c in enumerate(cands) if c.clean and c.value]
    length: dict[int, int] = {}
    before: dict[int, int | None] = {}
    for k, i in enumerate(clean):
        value = cands[i].value
        length[i], before[i] = (1, None) if value <= max_step else (0, None)
        for j in clean[max(0, k - 4 * max_step):k]:
            if length[j] and 0 < value - cands[j].value <= max_step and length[j] + 1 > length[i]:
                length[i], before[i] = length[j] + 1, j
    chain: dict[int, int] = {}
    i = max(length, key=length.get, default=None)
    while i is not None and length[i]:
        chain[cands[i].value] = i
        i = before[i]
    return chain


def gaps(accepted: dict[int, int], count: int, n_cands: int):
    """(low, low_i, high, high_i) around each run of numbers not yet placed: the numbers
    placed on either side and their candidates' indices."""
    bounds = [(0, -1)] + sorted(accepted.items()) + [(count + 1, n_cands)]
    return [(low, low_i, high, high_i) for (low, low_i), (high, high_i) in zip(bounds, bounds[1:])
            if high - low > 1]


def note_terms(note: Block) -> set[str]:
    """What a note annotates, as lowercased letters: the words of a source note's quoted
    title, else the capitalised words that open it (`Georgi D imitrov` -> georgi, dimitrov)."""
    text = re.sub(r"^\s*\d+\s*\.?", "", note.text.replace("\n", " "))
    title = QUOTED_TITLE_RE.match(text)
    words = WORD_RE.findall(title.group("title")) if title else NOTE_TERM_RE.findall(text[:80])
    return {word.replace(" ", "").lower() for word in words}


def marker_evidence(cand: Candidate, number: int, terms: set[str]) -> int:
    """How well an unplaced candidate reads as marker `number`: its digits (3 when all
    agree, 1 when the first or last do: `3H` for 38) plus 2 when a word its note names
    stands just before it (`Dimitrov's conduct in the Leipzig trialY` for the note on Dimitrov)."""
    read = cand.source.translate(DIGIT_FOR)
    digits, wanted = re.sub(r"\D", "", read), str(number)
    score = 3 if read == wanted else 1 if len(digits) >= len(wanted) - 1 and digits and (
        wanted.startswith(digits) or digits[-1] == wanted[-1]) else 0
    before = re.sub(r"[^a-z]", "", cand.before.lower())
    return score + 2 * any(term in before for term in terms)


def fill_by_evidence(cands: list[Candidate], left: list[int], between: list[int],
                     terms: dict[int, set[str]]) -> dict[int, int]:
    """Place the numbers a gap lacks on its unused candidates, in order, with the most
    evidence; a pair needs 2 points (all its digits, or its note's words before it), so
    digits that only partly agree, or a stray quote mark, are never enough alone."""
    score = {}
    for number in left:
        for i in between:
            points = marker_evidence(cands[i], number, terms.get(number, set()))
            if points >= 2:
                score[number, i] = points
    if not score:
        return {}
    best = [[0] * (len(between) + 1) for _ in range(len(left) + 1)]
    for a, number in enumerate(left, 1):
        for b, i in enumerate(between, 1):
            best[a][b] = max(best[a - 1][b], best[a][b - 1],
                             best[a - 1][b - 1] + score[number, i] if (number, i) in score else 0)
    placed = {}
    a, b = len(left), len(between)
    while a and b:
        number, i = left[a - 1], between[b - 1]
        if (number, i) in score and best[a][b] == best[a - 1][b - 1] + score[number, i]:
            placed[number] = i
            cand = cands[i]
            cand.cert = "medium" if score[number, i] >= 3 else "low"
            if len(cand.source) > len(str(number)) and cand.source.endswith(str(number)):
                cand.start, cand.source = cand.end - len(str(number)), str(number)  # No. 2|193
            a, b = a - 1, b - 1
        elif best[a][b] == best[a - 1][b]:
            a -= 1
        else:
            b -= 1
    return placed


def in_order(accepted: dict[int, int], low: int, numbers: list[int], indices: list[int]) -> bool:
    """Would each of the rising `numbers` at its candidate index come after every number
    from `low` up to it already placed? (A running maximum: one pass, not one per number.)"""
    latest, upto = -1, low       # the highest index placed for the numbers low .. upto - 1
    for number, index in zip(numbers, indices):
        while upto < number:
            latest = max(latest, accepted.get(upto, -1))
            upto += 1
        if latest >= index:
            return False
    return True


def read_sequence(cands: list[Candidate], count: int, report: Report,
                  terms: dict[int, set[str]] | None = None) -> dict[int, Candidate]:
    """Which candidate is marker N: the backbone of plain numbers, then each gap filled
    by the candidates whose digits read as a missing number, then, when exactly as many
    unread candidates as missing numbers stand in the gap, by those in order; then what
    is still lacking by the evidence of digits and note words (`fill_by_evidence`)."""
    accepted = backbone(cands, max_step=10)
    chain = set(accepted)
    placed = set(accepted.values())      # kept up to date: one set for all gaps, not one per gap
    terms = terms or {}
    for low, low_i, high, high_i in gaps(accepted, count, len(cands)):
        missing = range(low + 1, high)
        between = range(low_i + 1, high_i)
        last = low_i
        for i in between:
            value = cands[i].value
            if value is not None and low < value < high and i > last:
                accepted[value] = last = i
                placed.add(i)
        left = [n for n in missing if n not in accepted]
        spare = [i for i in between if i not in placed and cands[i].value is None and not cands[i].loose]
        if left and len(left) != len(spare):     # `trial.'` and `fascists?"H` for 7 and 8
            spare = [i for i in between if i not in placed and cands[i].value is None]
        if left and len(left) == len(spare) and in_order(accepted, low, left, spare):
            for number, i in zip(left, spare):
                accepted[number] = i
                placed.add(i)
                if cands[i].loose and marker_evidence(cands[i], number, terms.get(number, set())) < 3:
                    cands[i].cert = "low"
    for low, low_i, high, high_i in gaps(accepted, count, len(cands)):
        accepted.update(fill_by_evidence(cands, list(range(low + 1, high)),
                                         list(range(low_i + 1, high_i)), terms))
    for number, i in sorted(accepted.items()):
        cand = cands[i]
        if cand.cert == "low":
            report.warning("TK169", f"note marker {cand.source!r} taken as {number} by its place "
                                    "in the sequence and the words its note names before it", cand.line)
        elif number not in chain and cand.source != str(number):
            report.info("TK162", f"note marker {cand.source!r} read as {number} "
                                 "by its place in the sequence", cand.line)
    for low, low_i, high, high_i in gaps(accepted, count, len(cands)):
        for number in range(low + 1, high):
            where = cands[low_i].line if low_i >= 0 else None
            report.warning("TK161", f"no marker found for note {number} "
                                    f"(after note {low}, before note {high})", where)
    return {number: cands[i] for number, i in accepted.items()}


class Choices:
    """The choice marks of each block in order of start, so that the few over a marker are
    found without a scan of a long block's marks (`longest` bounds how far back to look)."""

    def __init__(self) -> None:
        self.blocks: dict[int, tuple[list[int], list[Mark], list[int]]] = {}

    def _of(self, block: Block) -> tuple[list[int], list[Mark], list[int]]:
        if id(block) not in self.blocks:
            marks = sorted((m for m in block.marks if m.tag == "choice"), key=lambda m: m.start)
            self.blocks[id(block)] = ([m.start for m in marks], marks,
                                      [max((m.end - m.start for m in marks), default=0)])
        return self.blocks[id(block)]

    def over(self, block: Block, start: int, end: int) -> list[Mark]:
        """The choice marks that overlap block.text[start:end]."""
        starts, marks, longest = self._of(block)
        at = bisect_left(starts, end) - 1
        found = []
        while at >= 0 and starts[at] >= start - longest[0]:
            if start < marks[at].end:
                found.append(marks[at])
            at -= 1
        return found

    def add(self, block: Block, mark: Mark) -> None:
        starts, marks, longest = self._of(block)
        at = bisect_right(starts, mark.start)
        starts.insert(at, mark.start)
        marks.insert(at, mark)
        longest[0] = max(longest[0], mark.end - mark.start)
        block.marks.append(mark)


def add_ref(cand: Candidate, number: int, target: str | None, ref_id: str, report: Report,
            choices_of: Choices) -> bool:
    """A ref over the marker, with a correction when OCR misread it; False if it cannot nest."""
    block = cand.block
    choices = choices_of.over(block, cand.start, cand.end)
    if any(not (cand.start <= m.start and m.end <= cand.end) for m in choices):
        report.warning("TK163", f"note marker {cand.source!r} overlaps a correction: not linked", cand.line)
        return False
    printed = re.sub(r"\D", "", cand.source.strip("[]"))
    if not choices and (printed != str(number) or not cand.source.strip("[]").isdigit()):
        choices_of.add(block, Mark("choice", cand.start, cand.end,
                                   {"corr": str(number), "resp": RESP, "cert": cand.cert}))
    attrs = {"type": "noteAnchor", "n": str(number), "xml:id": ref_id}
    if target:
        attrs["target"] = target
    block.marks.append(Mark("ref", cand.start, cand.end, attrs))
    return True


def link_endnotes(doc: Document, opts: Options, report: Report) -> Counter:
    counts: Counter = Counter()
    notes = {}
    for block in doc.blocks():
        if block.kind == "note" and block.attrs.get("type") == "endnote" and \
                block.attrs.get("n", "").isdigit():
            number = int(block.attrs["n"])
            if number in notes:
                report.warning("TK164", f"two endnotes numbered {number}", block.text_lines[0].n)
            notes.setdefault(number, block)
    blocks = text_blocks(doc)
    cands = marker_candidates(blocks, bracket_markers if opts.endnote_markers == "bracketed" else glued_markers)
    if not notes:
        if cands and opts.endnote_markers == "bracketed":
            report.warning("TK165", "note markers found but no endnotes: structure made none")
        return counts
    if opts.endnote_markers == "glued":
        order = {id(block): k for k, block in enumerate(blocks)}
        cands = sorted(cands + loose_candidates(blocks, cands),
                       key=lambda cand: (order[id(cand.block)], cand.start))
    uses: Counter = Counter()
    for block in blocks:  # block by block: no list of every word of a long book
        uses.update(WORD_RE.findall(block.text.lower()))
    terms = {number: {term for term in note_terms(note) if uses[term] <= opts.evidence_word_uses}
             for number, note in notes.items()}
    markers = read_sequence(cands, max(notes), report, terms)
    choices_of = Choices()
    for number, cand in sorted(markers.items()):
        note = notes.get(number)
        if add_ref(cand, number, f"#n{number}" if note else None, f"nr{number}", report, choices_of):
            counts["refs"] += 1
            if note is None:
                report.warning("TK166", f"note marker {number} has no note in the notes section", cand.line)
    for number, note in notes.items():
        note.attrs.update({"xml:id": f"n{number}", "n": str(number), "type": "endnote", "place": "end"})
        if number in markers:
            note.attrs["corresp"] = f"#nr{number}"
        counts["endnotes"] += 1
    return counts


# ---------------------------------------------------------------- endnotes: read in a notes division

#: the number opening an endnote as OCR may read it: `12.`, `6O.`, `1 12.`, `60_`, `2:39.`, `31 L`
NOISY_NOTE_NUMBER = re.compile(r"^\s*([0-9OolIL:](?: ?[0-9OolIL:]){0,3})\s?[.,_]?\s+\S")
#: how far past the last note's number a numbered line may jump (notes OCR lost)
ENDNOTE_GAP = 5


#: a line that ends in the middle of a sentence: a word in lower case, a comma, a hyphen
MID_SENTENCE = re.compile(r"[a-z,-]\s*$")


def endnote_number(text: str, pattern: re.Pattern, last: int, after_sentence: bool = True) -> int:
    """The endnote this line starts (0 if none): the next few numbers after `last` only.
    A number read through OCR's letters (`I` for 1) starts one only `after_sentence` (the
    line before does not end in mid-sentence): `I went` inside a paragraph is prose."""
    match = pattern.match(text)
    digits = match.group(1) if match else None
    if digits is None:
        noisy = NOISY_NOTE_NUMBER.match(text) if after_sentence else None
        if not noisy:
            return 0
        letters = noisy.group(1).replace(" ", "").translate(OCR_DIGITS).replace("L", "1")
        readings = {letters.replace(":", "3"), letters.replace(":", "")}
        if str(last + 1) not in readings:
            return 0      # read through noise only where the sequence expects exactly it
        digits = str(last + 1)
    number = int(digits)
    return number if last < number <= last + ENDNOTE_GAP else 0


def split_endnotes(blocks: list[Block], pattern: re.Pattern) -> list[Block]:
    """Each numbered paragraph of a notes division becomes an endnote.

    Notes run in sequence: a numbered line starts the next note only if its number
    (OCR's letters for digits read through: `6O.`, `1 12.`) comes right after the last
    note's, or a little later; `24. 1937.` inside note 120 stays in note 120. A paragraph
    with no number of its own goes on the note before it (a note of two paragraphs).
    """
    out: list[Block] = []
    last = 0
    current: Block | None = None
    for block in blocks:
        if block.kind != "p":
            out.append(block)
            current = None
            continue
        if current is not None and current.kind != "note":
            current = None
        furniture: list[Line] = []     # furniture goes with the text line after it
        before = ""
        for line in block.lines:
            if line.kind != "text":
                furniture.append(line)
                continue
            number = endnote_number(line.text, pattern, last, not MID_SENTENCE.search(before))
            before = line.text
            if number or current is None:
                current = Block("note", [], {"n": str(number), "type": "endnote", "place": "end"}) \
                    if number else Block("p", [])
                last = number or last
                out.append(current)
            current.lines.extend(furniture + [line])
            furniture = []
        if furniture:
            if current is None:
                out.append(Block("p", furniture))
            else:
                current.lines.extend(furniture)
    for note in out:
        if note.kind == "note" and note.attrs.get("type") == "endnote":
            label_note_number(note)
    return out



def label_note_number(note: Block) -> None:
    """The printed number or sign that opens a note: `<label>`. Read once, by the pass that
    finds the note (an endnote in `structure`, a footnote here); a page-foot footnote comes
    labelled from `blocks`."""
    match = re.match(r"\s*(\[\d+\]|\d+\.|\*+)", note.text)
    if match and not any(m.tag == "label" for m in note.marks):
        note.marks.append(Mark("label", match.start(1), match.end(1)))


def star_marks(block: Block, opts: Options) -> list[tuple[int, int]]:
    """Mark `*italics*` in the block; return the spans of the footnote signs left."""
    text = block.text
    skip = 0
    if block.kind == "note":
        lead = re.match(r"\*+", text)
        skip = lead.end() if lead else 0
    signs = []
    runs = [m for m in STARS_RE.finditer(text) if m.start() >= skip]
    k = 0
    while k < len(runs):
        run = runs[k]
        before = text[run.start() - 1] if run.start() else " "
        after = text[run.end()] if run.end() < len(text) else " "
        closer = None
        if opts.italics and len(run.group()) == 1 and before in OPENERS and after not in " \n*":
            closer = next((j for j in range(k + 1, len(runs)) if len(runs[j].group()) == 1
                           and text[runs[j].start() - 1] not in " \n"
                           and (runs[j].end() == len(text) or text[runs[j].end()] in CLOSERS)), None)
        if closer is not None:
            end = runs[closer]
            block.marks += [Mark("pc", run.start(), run.end(), {"type": "markup"}),
                            Mark("hi", run.end(), end.start(), {"rend": "italic"}),
                            Mark("pc", end.start(), end.end(), {"type": "markup"})]
            k = closer + 1
            continue
        if before not in " \n" and after in CLOSERS:
            signs.append((run.start(), run.end()))
        k += 1
    return signs


def parents(doc: Document) -> dict[int, list[Block]]:
    """id(block) -> the list that holds it."""
    holders: dict[int, list[Block]] = {}
    for top in (doc.front, doc.body, doc.back):
        stack = [top]
        while stack:
            children = stack.pop()
            for block in children:
                holders[id(block)] = children
                if block.children:
                    stack.append(block.children)
    return holders


def line_offsets(blocks) -> dict[int, tuple[Block, int]]:
    """id(line) -> the leaf block that holds it and the line's offset in `Block.text`."""
    where: dict[int, tuple[Block, int]] = {}
    for block in blocks:
        at = 0
        for line in block.text_lines:
            where[id(line)] = (block, at)
            at += len(line.text) + 1
    return where


def star_anchors(doc: Document, order: list[Block], opts: Options, report: Report):
    """(note, host block, marker span) for each `*` footnote: the nearest unused sign
    before it (markdown-book); a sign left without a note is reported."""
    signs = {id(block): star_marks(block, opts) for block in order}
    used: set[tuple[int, int]] = set()
    anchors = []
    for index, note in enumerate(order):
        if note.kind != "note" or note.attrs.get("place") != "foot":
            continue
        sign = note.attrs.get("n") or (re.match(r"\*+", note.text) or [""])[0]
        line = note.text_lines[0].n if note.text_lines else None
        found = None
        for back in range(index - 1, max(-1, index - 1 - opts.footnote_reach), -1):
            candidate = order[back]
            if candidate.kind == "note":
                continue
            text, line_of = candidate.text, line_numbers(candidate)
            spans = [s for s in signs[id(candidate)] if (id(candidate), s[0]) not in used
                     and text[s[0]:s[1]] == sign and (line is None or line_of(s[0]) < line)]
            if spans:
                found = (candidate, spans[-1])
                break
        if found is None:
            label_note_number(note)
            report.warning("TK167", f"footnote {sign} has no marker before it: left in place", line)
            continue
        used.add((id(found[0]), found[1][0]))
        anchors.append((note, found[0], found[1]))
    for block in order:
        for start, end in signs[id(block)]:
            if (id(block), start) not in used and block.kind != "note":
                report.warning("TK168", f"footnote sign {block.text[start:end]!r} has no footnote",
                               line_at(block, start))
    return anchors


def page_anchors(order: list[Block], page_markers: list):
    """(note, host block, marker span) for each footnote `blocks` found at a page foot,
    its marker where `blocks` saw it; a note with no marker is left in place (TK132)."""
    where = line_offsets(block for block in order if block.kind != "note")
    anchors = []
    for note, marker in page_markers:
        if marker is None or id(marker[0]) not in where:
            continue
        host, at = where[id(marker[0])]
        anchors.append((note, host, (at + marker[1], at + marker[2])))
    return anchors


def link_footnotes(doc: Document, opts: Options, report: Report, page_markers: list) -> Counter:
    """Move each footnote to its marker: the marker becomes a `ref` to it, the note follows
    it as a zero-width mark holding the note block."""
    counts: Counter = Counter()
    order = list(doc.leaves())
    anchors = page_anchors(order, page_markers)
    if opts.footnote_signs:
        anchors += star_anchors(doc, order, opts, report)
    holders = parents(doc)
    anchors.sort(key=lambda anchor: anchor[0].text_lines[0].n if anchor[0].text_lines else 0)
    for serial, (note, host, (start, end)) in enumerate(anchors, 1):
        note_id = f"fn{serial}"
        sign = note.attrs.get("n", "")
        corrected = [m for m in host.marks if m.tag == "choice" and m.start < end and start < m.end]
        if any((m.start, m.end, m.attrs.get("corr")) != (start, end, sign) for m in corrected):
            report.warning("TK163", f"note marker {sign!r} overlaps a correction: not linked",
                           line_at(host, start))
            continue      # a correction that reads the marker as its number (`l3`) serves
        holder = holders.get(id(note))
        if holder is not None:
            holder.remove(note)
        if sign.startswith("*"):
            label_note_number(note)
        note.attrs.update({"place": "foot", "n": sign, "xml:id": note_id})
        if plain_number(host.text[start:end]) != sign and not corrected:    # misread, placed between its neighbours
            host.marks.append(Mark("choice", start, end, {"corr": sign, "resp": RESP, "cert": "low"}))
            report.warning("TK169", f"note marker {host.text[start:end]!r} taken as {sign} "
                                    "by its place between the markers of the notes around it",
                           line_at(host, start))
        host.marks.append(Mark("ref", start, end, {"type": "noteAnchor", "target": f"#{note_id}"}))
        host.marks.append(Mark("note", end, end, dict(note.attrs), [note]))
        counts["footnotes"] += 1
    return counts


def run(doc: Document, opts: Options, report: Report) -> Document:
    counts: Counter = Counter()
    if opts.endnote_markers:
        counts += link_endnotes(doc, opts, report)
    page_markers = doc.facts.blocks.footnote_markers if doc.facts.blocks else ()
    if opts.footnote_signs or page_markers:
        counts += link_footnotes(doc, opts, report, page_markers)
    if not opts.footnote_signs and opts.italics:
        for block in doc.leaves():
            star_marks(block, opts)
    doc.facts.notes = dict(sorted(counts.items()))
    return doc


PASS = PassSpec("notes", run, Options, requires=frozenset({"structure"}),
                provides=frozenset({"notes"}),
                doc="Link note markers to their notes; move footnotes to their markers.")
