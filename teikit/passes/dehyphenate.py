"""Words that run over a line end: set `Line.hyphen` on the line where the word starts.

Three signals say a line ends inside a word. A printed hyphen (`Amer-`/`ican`, newspaper
columns), also where OCR glued a speck of junk after it (`re- n`/`tirement`, recorded as a
correction by `glued_junk`); in the book OCR, a missing trailing space: ordinary lines end
in a space, while a line whose hyphen OCR dropped does not (`capital`/`ism`); and, in any
text without that signal, the lexicon alone: a line ending in a letter before a line
starting in lower case whose halves make a word far likelier than they stand apart
(`con`/`ference`, `them`/`selves`). A hyphen that opens the next line, glued to a word in
lower case, is a compound's, set there by the hand or the printer (`broken`/`-hearted`,
`well-`/`-known`): the word goes on, and that hyphen stays. Before:

    imperialist governments to assassinate Stalin and restore capital
    ism in the Soviet Union ...

after: the first line gets `Hyphen.JOIN`, and the writer gives
`capital<lb break="no"/>ism`. Which kind of break it is, the words decide:

- PRINTED  `Amer-`/`ican`     the joined word is a word: the hyphen was the printer's
- KEEP     `self-`/`reliance`  a compound broken at its own hyphen (also `1938-`/`39`)
- JOIN     `capital`/`ism`    OCR lost the printer's hyphen
- RESTORE  `so`/`called`      OCR lost a compound's hyphen: so-called

Evidence, strongest first: how the document itself writes the word elsewhere (counted
once for the whole document), then an English lexicon (`wordfreq`). Proper names whose
halves are not words (`Coyoa`/`can`) join. The next text line is found across blank
lines and page furniture; a printed hyphen before a blank line and a capitalised line is
a paragraph end, not a split word. Doubtful decisions are reported (TK121-TK123).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..model import Document, Hyphen, Line
from ..ocr import LINE_END_HYPHEN_RE, LINE_END_HYPHENS, ends_in_hyphen
from ..pipeline import PassSpec
from ..report import Report


@dataclass(frozen=True)
class Options:
    trailing_space_signal: bool = False  #: a line without the usual trailing space ends inside a word
    language: str = "en"          #: wordfreq language of the lexicon
    word_zipf: float = 3.0        #: a half this frequent (Zipf scale) is a word on its own
    joined_zipf: float = 2.0      #: a joined form this frequent is a word
    sure_zipf: float = 3.0        #: below this a join of two words is reported as doubtful
    function_zipf: float = 6.0    #: a tail this frequent (the, and, was) starts a new word
    #: first parts of compounds, whose hyphen a line end may have lost (self|reliance);
    #: the document adds the first parts of the compounds it writes with a hyphen
    compound_heads: tuple[str, ...] = (
        "self", "semi", "quasi", "anti", "pro", "counter", "neo", "non", "ex", "pre", "post",
        "ultra", "pseudo", "half", "full", "all", "ever", "well", "ill", "much", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    )
    compound_evidence: int = 2    #: hyphenated words with the same first part that make it one,
    compound_share: float = 0.5   #: ... when it stands this often in compounds per use alone
    #: with no signal but the words (no hyphen, no trailing-space evidence), two words join
    #: only where the joined word is this much more frequent (Zipf) than its second half
    lexical_margin: float = 1.0
    #: ... unless OCR plainly drops the hyphens: this share of the lines or more end in a
    #: split no reader doubts (`sta`/`tistics`, a half that is no word); two words then join
    #: where the word is likelier than the two side by side (`rail`/`road`, `at`/`tended`)
    lost_hyphen_share: float = 0.02
    #: word endings that a lexicon counts as words (OCR and web noise) but never stand alone
    suffixes: tuple[str, ...] = ("ness", "ment", "ments", "ly", "wards", "ous", "tion", "tions",
                                 "ity", "ism", "ful", "ings")
    #: prefixes that a lexicon counts as words (abbreviations, French, Latin) but that never
    #: end an English line as a word of their own: `un`/`settled`, `dis`/`order`, `re`/`turned`
    bound_prefixes: tuple[str, ...] = ("un", "dis", "mis", "re", "con", "com", "pro", "pre", "sub",
                                       "inter", "trans")
    #: words that also prefix words (`out`/`going`, `over`/`take`, `under`/`took`): before a
    #: tail that is no function word (`over`/`time`, `over`/`all` stay apart) they join where
    #: the joined form is a word
    particle_prefixes: tuple[str, ...] = ("out", "over", "under")


#: lines whose words are counted in one go (a word never spans a line end)
VOCABULARY_BATCH = 2000
#: a word as the vocabulary counts it: letters, with inner apostrophes and hyphens
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: a line-end hyphen, as OCR writes it
_HYPHEN = re.compile(LINE_END_HYPHEN_RE)
#: a mark that is neither a space nor a line-end hyphen
_SPECK = f"[^\\s{re.escape(LINE_END_HYPHENS)}]"
#: the last word of a line (letters or digits), and a printed hyphen after it (`-`, `¬`...)
_LAST = re.compile(rf"([^\W_]+)({LINE_END_HYPHEN_RE}?)$")
#: the first word of the next line, a possessive or compound tail after it
_FIRST = re.compile(r"\s*([^\W_]+)((?:['’][^\W\d_]+)?)(-?)")
#: the next line goes on with a hyphen glued to its first word in lower case: a compound's
#: hyphen set at the start of the line (`broken`/`-hearted`), or repeated there after the
#: line-end one (`well-`/`-known`), as some hands and orthographies set it
_CARRIED_HYPHEN = re.compile(r"\s*-(?=[^\W\d_])")
#: junk OCR glued after a line-end hyphen: a speck or two, a stray letter or digit, no word
#: (`re- n`, `north-j:`, `re-1`, `atti- ,`, `dif- j ,`; not `entirely-I`, a dash and a word,
#: nor `W-2`, a form's name)
_GLUED_JUNK = re.compile(
    rf"(?<=[^\W\d_]{{2}}{LINE_END_HYPHEN_RE})(?!.*[^\W_]{{2}})(?!\s?[aAI]\W*$)(?:\s?{_SPECK}){{1,3}}$")
#: the most characters _GLUED_JUNK can match: three specks, each after a space
_GLUED_JUNK_MAX = 6


def glued_junk(text: str) -> tuple[int, int] | None:
    """Where junk glued after a line-end hyphen stands in `text` (a span), if any.

    The search starts where the longest junk would (its lookbehind still sees the hyphen
    before): trying every position of a long line costs more than the rest of the pass."""
    match = _GLUED_JUNK.search(text, max(0, len(text) - _GLUED_JUNK_MAX))
    return match.span() if match else None


def last_word(text: str) -> re.Match | None:
    """`_LAST` in `text`, searched from its last space: the word cannot hold one, and a
    search from the line's start would try every position of it."""
    return _LAST.search(text, text.rfind(" ") + 1)


def without_junk(text: str) -> str:
    """The line as printed: junk after its line-end hyphen left off."""
    span = glued_junk(text)
    return text[:span[0]] if span else text


def is_speck(text: str) -> bool:
    """A line that is only a speck OCR read (`i`, `,`, `' .`): a mark or two, no word, and
    no digit (a digit alone may be a folio or a note's number)."""
    marks = "".join(text.split())
    return 0 < len(marks) <= 2 and sum(ch.isalnum() for ch in marks) <= 1 \
        and not any(ch.isdigit() for ch in marks)


def is_inner_speck(before: Line, line: Line) -> bool:
    """A speck that `run` found inside a split word (`at-`/`i`/`tacked`): the word goes on
    past the line before it, and past it."""
    return before.hyphen is not Hyphen.NONE and line.hyphen is Hyphen.JOIN and is_speck(line.text)


def ends_in_printed_hyphen(text: str) -> bool:
    """A hyphen ends the line (junk after it aside), not a dash (`--`)."""
    text = text.rstrip()
    if not _HYPHEN.search(text, max(0, len(text) - _GLUED_JUNK_MAX - 1)):
        return False        # most lines: no hyphen where junk could follow one
    text = without_junk(text)
    return ends_in_hyphen(text) and not text.endswith("--")


@dataclass
class Evidence:
    """What decides a split word: the lexicon, with the document's own vocabulary, and the
    first parts of the compounds the document writes.

    The vocabulary leaves out the words at line ends that may be halves (`capital`, `ism`),
    so that a half never attests itself.
    """

    lexicon: Lexicon
    compound_heads: Counter
    opts: Options
    lost_share: float = 0.0  #: the share of lines that end in a sure split whose hyphen OCR dropped

    @classmethod
    def of(cls, doc: Document, opts: Options, lost_signal: bool) -> "Evidence":
        text_lines = [line for line in doc.lines if line.kind == "text"]
        vocabulary: Counter = Counter()
        for at in range(0, len(text_lines), VOCABULARY_BATCH):   # no list of every word of a long book
            batch = "\n".join(line.text for line in text_lines[at:at + VOCABULARY_BATCH])
            vocabulary.update(_WORD.findall(batch.lower()))
        halves: Counter = Counter()
        for line, following in zip(text_lines, text_lines[1:]):
            if ends_inside_word(line, lost_signal):
                halves.update(w.lower() for w in _WORD.findall(without_junk(line.text))[-1:])
                halves.update(w.lower() for w in _WORD.findall(following.text)[:1])
        vocabulary.subtract(halves)
        heads: Counter = Counter()
        for word, count in vocabulary.items():
            if count > 0 and "-" in word:
                for part in word.split("-")[:-1]:
                    heads[part] += count
        evidence = cls(Lexicon(vocabulary, language=opts.language, word_zipf=opts.word_zipf), heads, opts)
        if not lost_signal and text_lines:
            sure = sum(map(evidence.is_sure_lost_hyphen, text_lines, text_lines[1:]))
            evidence.lost_share = sure / len(text_lines)
        return evidence

    def is_sure_lost_hyphen(self, line: Line, following: Line) -> bool:
        """The line ends in a split word whose hyphen is gone, beyond doubt: the halves make
        a word and one of them is none (`sta`/`tistics`, `Wash`/`ington`)."""
        split = lexical_split(line, following)
        return split is not None and self.frequency(split.joined) >= self.opts.joined_zipf and \
            min(self.frequency(split.head), self.frequency(split.tail)) < self.opts.word_zipf

    def likelier_joined(self, split: "Split") -> bool:
        """In a text whose OCR drops hyphens, the joined word is likelier than its halves
        side by side: the odds of the word against the pair (as if the two were independent,
        Zipf counting per billion words) beat the odds against a split at a line end."""
        share = min(self.lost_share, 0.5)
        if share < self.opts.lost_hyphen_share:
            return False
        pair = self.frequency(split.head) + self.frequency(split.tail) - 9
        return self.frequency(split.joined) - pair > math.log10((1 - share) / share)

    def frequency(self, word: str) -> float:
        return self.lexicon.zipf(word)

    def attested(self, word: str) -> int:
        return self.lexicon.attested(word)

    def is_word(self, word: str) -> bool:
        """A word of the language, or (two letters or more) one the document writes."""
        return self.lexicon.is_word(word) or len(word) > 1 and self.attested(word) > 0

    def is_bound_prefix(self, word: str) -> bool:
        return word.lower() in self.opts.bound_prefixes

    def is_function_word(self, word: str) -> bool:
        return self.frequency(word) >= self.opts.function_zipf

    def is_compound_head(self, word: str) -> bool:
        """A first part of compounds: listed, or written in compounds about as often as alone
        (OCR also reads em dashes as hyphens, `life-that`, so a few compounds prove nothing)."""
        word = word.lower()
        in_compounds = self.compound_heads[word]
        return word in self.opts.compound_heads or (
            in_compounds >= self.opts.compound_evidence
            and in_compounds >= self.opts.compound_share * self.attested(word))

    def hyphenated(self, head: str, tail: str) -> int:
        """How often the document writes head-tail; once is no proof with a function word,
        which an em dash read as a hyphen puts there (`life-that`)."""
        count = self.attested(f"{head}-{tail}")
        if count == 1 and (self.is_function_word(head) or self.is_function_word(tail)):
            return 0
        return count


def ends_inside_word(line: Line, lost_signal: bool) -> bool:
    """The line's end is a candidate split: a printed hyphen, or (book OCR) no trailing space."""
    text = line.text
    if ends_in_printed_hyphen(text):
        return True
    return lost_signal and line.orig == text and bool(text) and text[-1].isalnum()


@dataclass
class Split:
    """A line end that may fall inside a word: `head` ends the line, `tail` starts the next."""

    head: str
    tail: str
    printed: bool        #: the line ends in a hyphen
    tail_compound: bool  #: the tail goes on with a hyphen (`out-`/`and-out`)
    lexical: bool = False  #: no signal at the line end: only the words say it may be split
    carried: bool = False  #: the compound's hyphen starts the next line (`broken`/`-hearted`)

    @property
    def joined(self) -> str:
        return self.head + self.tail

    @property
    def hyphenated(self) -> str:
        return f"{self.head}-{self.tail}"


def decide(split: Split, lex: Evidence) -> tuple[Hyphen, str | None]:
    """The kind of break, and why it is doubtful (None when it is not).

    The document's own spelling decides first, then the lexicon; a printed hyphen is kept
    for a compound of two words, a lost one is restored where the first part is a known
    compound head, and two plain words stay two words (OCR also drops ordinary trailing
    spaces, and em dashes).
    """
    head, tail = split.head, split.tail
    if split.lexical:
        return decide_lexical(split, lex), None
    if split.carried:     # the hyphen that stays is the one on the next line
        if lex.is_function_word(tail):
            return Hyphen.NONE, None          # a dash before a word: the night | -and then
        if split.printed or tail.lower() in lex.opts.suffixes or lex.hyphenated(head, tail) \
                or lex.frequency(split.joined) >= lex.opts.joined_zipf:
            return (Hyphen.PRINTED if split.printed else Hyphen.JOIN), None
        return Hyphen.NONE, None              # a dash or a speck: the most | -welcome news
    if head.isdigit() and tail.isdigit():
        return (Hyphen.KEEP if split.printed else Hyphen.JOIN), None
    whole, hyphenated = lex.attested(split.joined), lex.hyphenated(head, tail)
    if split.printed and split.tail_compound:
        return Hyphen.KEEP, None              # out- | and-out
    if hyphenated > whole:
        return (Hyphen.KEEP if split.printed else Hyphen.RESTORE), None
    if whole:
        return (Hyphen.PRINTED if split.printed else Hyphen.JOIN), None
    frequency = lex.frequency(split.joined)
    both_words = lex.is_word(head) and lex.is_word(tail)
    if split.printed:
        if lex.is_function_word(tail) and frequency < lex.opts.joined_zipf:
            return Hyphen.NONE, None          # a dash: executioner- | was
        if tail[0].isupper() and not tail.isupper():
            return Hyphen.KEEP, None          # anti-Soviet, Five-Year
        if lex.is_bound_prefix(head) and tail[0].lower() not in "aeiou":
            return Hyphen.PRINTED, None       # un-|tuneful; English keeps the hyphen before a vowel (re-enter)
        if frequency >= lex.opts.joined_zipf:
            doubt = both_words and frequency < lex.opts.sure_zipf
            return Hyphen.PRINTED, (f"{split.joined!r} or {split.hyphenated!r}?" if doubt else None)
        return (Hyphen.KEEP if both_words else Hyphen.PRINTED), None
    if frequency >= lex.opts.joined_zipf:
        return Hyphen.JOIN, None
    if lex.is_compound_head(head):
        return Hyphen.RESTORE, (None if both_words else f"{split.hyphenated!r} or {split.joined!r}?")
    if both_words or (lex.is_function_word(tail) and lex.frequency(head) >= lex.opts.joined_zipf):
        return Hyphen.NONE, None
    if head[0].isupper() and tail.islower():
        return Hyphen.JOIN, None              # a name: Coyoa|can, Scheide|mann
    if lex.is_word(head) or lex.is_word(tail):
        return Hyphen.JOIN, f"{split.joined!r} is found nowhere, but one of its halves is a word"
    return Hyphen.JOIN, None


def decide_lexical(split: Split, lex: Evidence) -> Hyphen:
    """A line end with no sign of a split joins only where the joined form is a word and
    one half is none (`con`/`ference`, `dark`/`ness`: a suffix; `un`/`settled`: a prefix
    before a word of three letters or more), where a particle prefixes a word (`out`/`going`),
    or where two words make one far more frequent than the second stands alone (`har`/`bor`,
    `them`/`selves`; not `in`/`to`), or, where the text drops hyphens, where the word is
    likelier than the pair (`Wash`/`ington`, `rail`/`road`) and not both halves are
    function words (`may`/`be`)."""
    joined = lex.frequency(split.joined)
    if joined < lex.opts.joined_zipf and not lex.attested(split.joined):
        return Hyphen.NONE
    if min(lex.frequency(split.head), lex.frequency(split.tail)) < lex.opts.word_zipf or \
            split.tail.lower() in lex.opts.suffixes or \
            lex.is_bound_prefix(split.head) and len(split.tail) >= 3 or \
            split.head.lower() in lex.opts.particle_prefixes and not lex.is_function_word(split.tail):
        return Hyphen.JOIN
    if not (lex.is_function_word(split.head) and lex.is_function_word(split.tail)) and lex.likelier_joined(split):
        return Hyphen.JOIN
    return Hyphen.JOIN if joined >= lex.frequency(split.tail) + lex.opts.lexical_margin else Hyphen.NONE


def lexical_split(line: Line, following: Line) -> Split | None:
    """Letters end the line and lower-case letters start the next: a split only the
    lexicon can confirm (a one-letter word, `a`, never starts one)."""
    last, first = last_word(line.text), _FIRST.match(following.text)
    if not last or not first or last.group(2) or first.group(3):
        return None
    head, tail = last.group(1), first.group(1)
    if len(head) < 2 or not head.isalpha() or not tail.isalpha() or not tail[0].islower() \
            or first.group(2):
        return None
    return Split(head, tail, printed=False, tail_compound=False, lexical=True)


def carried_hyphen_split(line: Line, following: Line, crossed_blank: bool) -> Split | None:
    """A word that goes on after a hyphen at the start of the next line (`broken`/`-hearted`,
    `well-`/`-known`); across a blank line only after a line-end hyphen too."""
    carried = _CARRIED_HYPHEN.match(following.text)
    last = carried and last_word(line.text)
    if not last or not last.group(1)[-1].isalpha():
        return None
    printed = bool(last.group(2))
    first = _FIRST.match(following.text, carried.end())
    if not first or not first.group(1)[0].islower() or crossed_blank and not printed:
        return None
    return Split(last.group(1), first.group(1), printed, tail_compound=False, carried=True)


def carries_trailing_space(doc: Document) -> bool:
    """Whether most text lines end in a space, so that a missing one means something."""
    text_lines = [line for line in doc.lines if line.kind == "text"]
    spaced = sum(1 for line in text_lines if line.orig != line.orig.rstrip())
    return bool(text_lines) and spaced * 2 > len(text_lines)


def find_split(line: Line, following: Line, crossed_blank: bool, lost_signal: bool,
               report: Report) -> Split | None:
    """The split word at the end of `line`, if the signals say there is one."""
    if split := carried_hyphen_split(line, following, crossed_blank):
        return split
    if not ends_inside_word(line, lost_signal):
        return None if lost_signal or crossed_blank else lexical_split(line, following)
    last = last_word(without_junk(line.text))
    if not last:
        return None
    printed = bool(last.group(2))
    first = _FIRST.match(following.text)
    if not first:
        if printed:
            report.info("TK122", f"line ends with a hyphen, but the next text line does not go on "
                        f"with a word (line {following.n})", line.n)
        return None
    tail = first.group(1)
    if printed and crossed_blank and not lost_signal and tail[0].isupper():
        report.info("TK123", f"hyphen at a paragraph end: {last.group(1)}- | {tail}", line.n)
        return None
    return Split(last.group(1), tail, printed, bool(first.group(3)))


def run(doc: Document, opts: Options, report: Report) -> Document:
    lost_signal = opts.trailing_space_signal and carries_trailing_space(doc)
    lex = Evidence.of(doc, opts, lost_signal)
    if opts.trailing_space_signal and not lost_signal:
        report.info("TK124", "most lines carry no trailing space: a missing one is not read as a split word")
    counts: Counter = Counter()

    def settle(previous: Line, line: Line, crossed_blank: bool) -> Hyphen:
        """Decide the break at the end of `previous`, which `line` may go on."""
        split = find_split(previous, line, crossed_blank, lost_signal, report)
        if split is None:
            return Hyphen.NONE
        kind, doubt = decide(split, lex)
        previous.hyphen = kind
        counts[kind] += 1
        if doubt:
            report.warning("TK121", f"{split.head}|{split.tail}: {doubt}; taken as {kind.value}", previous.n)
        return kind

    previous: Line | None = None
    speck: tuple[Line, bool] | None = None   # a speck after previous's hyphen, and a blank before it
    crossed_blank = False
    for line in doc.lines:
        if line.kind == "blank":
            crossed_blank = True
            continue
        if line.kind == "fw":
            continue
        if line.kind != "text":
            previous, speck = None, None        # excluded lines end what came before
            continue
        if previous is not None and speck is None and is_speck(line.text) \
                and ends_in_printed_hyphen(previous.text):
            speck, crossed_blank = (line, crossed_blank), False
            continue                            # the word may go on past it
        if previous is not None:
            if speck is None:
                settle(previous, line, crossed_blank)
            elif settle(previous, line, True) is not Hyphen.NONE:   # the speck parts them as a gap would
                speck[0].hyphen = Hyphen.JOIN   # the speck reads as nothing inside the word
            else:                               # no word goes on past it: an ordinary line
                settle(previous, *speck)
                settle(speck[0], line, crossed_blank)
        previous, speck, crossed_blank = line, None, False
    doc.facts.hyphenation = {kind.value: counts[kind] for kind in Hyphen if kind is not Hyphen.NONE}
    return doc


PASS = PassSpec("dehyphenate", run, Options, requires=frozenset({"furniture"}),
                provides=frozenset({"dehyphenate"}),
                doc="words split at line ends: <lb break=\"no\"/>, printed or lost hyphens")
