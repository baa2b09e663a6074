"""OCR corrections, each recorded as `<choice><sic/><corr/></choice>`, never made silently.

Only errors whose correction the text itself proves are corrected; every correction is a
`choice` mark with `resp="#teikit"` and a `cert` saying how sure the rule is:

    m uch  N orway  gatheri ng      ->  much  Norway  gathering        (split-word)
    aga i nst  t h at  1 937        ->  against  that  1937    (letter-spacing, whole lines)
    ta�ght  ■evealing               ->  taught  revealing              (glyph)
    April 1O-17  1�36  (September 25, 1 937)  18G3  ->  10-17  1936  1937  1863   (number)
    November_                       ->  November.                      (underscore)
    the mill- wright  was re- built  ->  millwright  rebuilt           (inline-hyphen)
    havi,ng  no't                   ->  having  not                    (inner-punctuation)
    constanf  recogrlize  tbe  Ihe  ->  constant  recognize  the  The  (spelling, cert low or medium)

A word is "known" when wordfreq rates it common enough (`min_zipf`) or when it stands in
the document itself at least twice (names: `Heij enoort` -> `Heijenoort`). A split is
joined only when the joined form is known and at least one part is not a word, so
`in to` and `a part` stay as printed. Mangled note markers (`Il9`) are left to the
`notes` pass, which reads them by their place in the sequence of markers.

A word neither wordfreq nor the document knows is read again (`spelling`) only where one of
OCR's usual misreadings makes of it a word far likelier than itself and than any other
reading, one the document writes elsewhere (or, for a long word, a common one): a short word
only as a very common word, a capitalised one keeping its capital, never a form the document
repeats (a name), a number, a roman numeral, a word in capitals, nor the half of a word
broken at a line end.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import partial
from itertools import chain
from typing import Callable, NamedTuple

from ..lexicon import Lexicon
from ..model import RESP, Block, Document, Hyphen, Mark, Spans
from ..ocr import LINE_END_HYPHEN_RE, LINE_END_HYPHENS, OCR_DIGITS, misreadings
from ..pipeline import PassSpec
from ..report import Report
from .notes import glued_number_start

WORD_RE = re.compile(r"[A-Za-zÀ-ÿ]+")
TOKEN_RE = re.compile(r"\S+")
#: a token's core: leading and trailing punctuation aside
CORE_RE = re.compile(r"^([\"'“‘(\[]*)(.*?)([.,;:!?\"'”’)\]]*)$")
#: characters OCR leaves for a glyph it could not read
GLYPHS = "�■□▪●•"
GLYPH_WORD_RE = re.compile(rf"[A-Za-z]*[{GLYPHS}][A-Za-z]*")
#: a year of this century whose 9 OCR could not read: 1�36
LOST_NINE_RE = re.compile(r"(?<![\w.,])1�(\d\d)(?!\w)")
#: a year whose first digit OCR set apart: 1 937
SPLIT_YEAR_RE = re.compile(r"(?<![\w,.])1 ([89]\d\d)(?![\w-])")
#: a letter, apostrophe or hyphen: INLINE_HYPHEN_RE takes whole words, never the part of a compound
_WORD_OR_HYPHEN = rf"[\w'’{re.escape(LINE_END_HYPHENS)}]"
#: a word hyphenated at a line end in print, its lines since run together (reflowed OCR):
#: letters, a hyphen as OCR writes it (`-`, `¬`...) and a space, then the rest of the word in lower case
INLINE_HYPHEN_RE = re.compile(rf"(?<!{_WORD_OR_HYPHEN})([A-Za-z]+){LINE_END_HYPHEN_RE} ([a-z]+)(?!{_WORD_OR_HYPHEN})")
#: a line that may hold such a word
INLINE_HYPHEN_GATE_RE = re.compile(f"{LINE_END_HYPHEN_RE} ")
#: `_` for a full stop at a word's end
UNDERSCORE_RE = re.compile(r"(?<=[A-Za-z])_(?=[\s\"'”’)]|$)")
#: a comma or apostrophe inside a lower-case word: havi,ng  no't
INNER_PUNCT_RE = re.compile(r"(?<![\w'’])([a-z]+)([,'’])([a-z]+)(?![\w'’])")
#: endings of real contractions: it's, don't, we'll, they're, I've, he'd, I'm
CONTRACTION_ENDS = {"s", "t", "ll", "re", "ve", "d", "m"}
#: two words with one space between: candidates for a split word (lookahead: pairs overlap)
PAIR_RE = re.compile(r"(?<![\w'’.,-])([A-Za-z]+) (?=([A-Za-z]+[0-9]*)(?![\w.-]|['’](?!s\b))(?: ([A-Za-z]+))?)")
#: a short fragment standing alone: letter-spaced lines have many
FRAGMENT_RE = re.compile(r"(?<!\S)[A-Za-z]{1,2}(?!\S)")
#: a number, possibly with letters read for digits, not glued to a word (markers are)
NUMBER_TOKEN_RE = re.compile(r"(?<![\w.,:;'’])[0-9OolI]*[0-9][0-9OolI]*(?:[-–][0-9OolI]+)*(?![\w])")
#: a word of two letters made by a join must be this common (i n -> in, not j u -> ju)
SHORT_WORD_ZIPF = 5.5
# Gates: what a line must contain for a finder to have anything to find (most lines have
# nothing to correct, and a C-level search is far cheaper than a finder's Python loop).
# Each is led by a character `re` can scan for, the rarest of its match (teikit.patterns):
# a gate says only whether there is a match, not where.
#: the letters that may be a part of a PAIR_RE match: a run starting a chunk between spaces
#: (a right part), or ending one after no word character (a left part)
EDGE_PART_RE = re.compile(r"[A-Za-z](?:(?<![^ ][A-Za-z])[A-Za-z]*|(?<![\w'’.,-][A-Za-z])[A-Za-z]*(?![^ ]))")
#: a token whose core (CORE_RE) may be a fragment: one or two letters in punctuation, after
#: the space before it (searched in the text after a space)
SHORT_CORE_RE = re.compile(r"\s[\"'“‘(\[]*([^\W\d_]{1,2})[.,;:!?\"'”’)\]]*(?!\S)")
#: a year of four figures with a digit OCR read as a letter like it (`18G3`, `1S62`, `186B`)
LETTERED_YEAR_RE = re.compile(r"(?<![\w.,])1[5-9][0-9GSBZ]{2}(?![\w-])")
#: what OCR reads for 6, 5, 8 and 2 in a year (`teikit.ocr.DIGIT_WRECKAGE` has more, which no value reads)
YEAR_LETTERS = str.maketrans({"G": "6", "S": "5", "B": "8", "Z": "2"})
#: what `numbers` needs: a digit beside a letter read for one (1O, l9, 18G3), 1� or `1 9`
NUMBERS_GATE_RE = re.compile(r"[0-9](?:[OolIGSBZ]|(?<=[OolI][0-9])|(?<=1)(?:�| [89]))")
#: what `glyphs` needs: an unreadable glyph
GLYPH_RE = re.compile(rf"[{GLYPHS}]")
#: what `inner_punctuation` needs: a comma or apostrophe between lower-case letters
INNER_PUNCT_GATE_RE = re.compile(r"[,'’](?<=[a-z][,'’])[a-z]")
#: a word OCR may have misread: letters, with the signs it reads for some of them inside (`hal€`,
#: `hou&e`), alone between spaces and punctuation, or before a possessive `'s`; never part of
#: a compound, of a number or of a run of junk (`«arly`), nor the rest of a word whose capital
#: OCR spaced off (`Q uillet`: `split_words` joins those)
_MISREAD_WORD_BEFORE = r"(?<![^\s\"'“‘(\[])(?<!(?<![\w.])[B-HJ-NP-Z] )"
_MISREAD_WORD_AFTER = r"(?=(?:['’]s)?(?:[\s.,;:!?\"'”’)\]]|$))"
MISREAD_WORD_RE = re.compile(_MISREAD_WORD_BEFORE + r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ&€]*[A-Za-zÀ-ÖØ-öø-ÿ€]"
                             + _MISREAD_WORD_AFTER)
#: roman numerals: words no lexicon knows, never misreadings (`iii`, `xiv`, `Ixx`)
ROMAN_RE = re.compile(r"(?i)[ivxlcdm]+")
#: how much likelier than the word as read, and than the next reading, a reading must be
#: (powers of ten): a correction is made only where one reading stands out
MISREADING_MARGIN = 1.5
#: a short word (three letters or fewer) is read only as a word this common (the, and, by)
SHORT_READING_ZIPF = 6.0
SHORT_WORD = 3
#: a word this long has few words one slip from it: its reading need not stand in the
#: document, where a shorter word's must: the document shows which of its many neighbours it is
LONG_WORD = 7
#: a form the document writes more than once is its own word (a name, a term) unless it
#: hides a word this common, written this many times as often (an OCR that reads `tbe` often)
REPEATED_READING_ZIPF = 6.0
REPEATED_READING_RATIO = 5
#: a name the document writes this often is a reading of a capitalised form one slip from it
NAME_ATTESTED = 3
#: a reading as common as this (Zipf), that the document writes this often, is sure enough
#: for a medium `cert`; other readings are low
MEDIUM_READING_ZIPF = 5.0
MEDIUM_READING_ATTESTED = 3


@dataclass(frozen=True)
class Options:
    #: join words split by a stray space when the joined form is a known word (m uch)
    split_words: bool = True
    #: re-segment lines set in letter spacing (the back cover: aga i nst)
    letter_spacing: bool = True
    #: replace an unreadable glyph inside a word when one letter makes it a known word
    glyphs: bool = True
    #: letters read for digits inside numbers (1O-17), split years (1 937), 1�36
    numbers: bool = True
    #: a word split by a hyphen and a space inside a line (reflowed text: `re- built`),
    #: joined where the joined word is known; `pre- and post-war` stays as printed
    inline_hyphens: bool = True
    #: `_` read for a full stop at a word's end (November_)
    underscores: bool = True
    #: a comma or apostrophe inside a word that is no contraction (havi,ng, no't)
    inner_punctuation: bool = True
    #: unknown words that one usual OCR misreading makes of a far likelier word (constanf, tbe, Ihe)
    spelling: bool = True
    #: wordfreq Zipf frequency (en) from which a word counts as known
    min_zipf: float = 3.0
    #: a word counts as known when it stands this many times in the document
    min_attested: int = 2


class Memo(dict):
    """A dict computing each missing value once from its key; `map(memo.__getitem__, keys)`
    then looks up a line's tokens without a Python loop."""

    def __init__(self, compute):
        super().__init__()
        self.compute = compute

    def __missing__(self, key):
        value = self[key] = self.compute(key)
        return value


def joined_case(left: str, right: str) -> str | None:
    """The joined word in the case the parts show, or None when they cannot be one word."""
    if left.isupper() and len(left) > 1:
        return (left + right).upper()
    if right.islower() or (left.isupper() and right.isupper()):
        return left + right
    return None


def common_short(lex: Lexicon, core: str) -> bool:
    """A core of one or two letters that is no fragment: `a`, `I`, `of`, `in`."""
    return core in "aAI" or len(core) == 2 and lex.zipf(core) >= SHORT_WORD_ZIPF


#: the fewest small letters after a capital OCR spaced off them that make a split name
NAME_SPLIT_TAIL = 3


def is_joinable_part(lex: Lexicon, part: str) -> bool:
    return not lex.is_word(part) or (part.isupper() and len(part) > 1)


class LineCorrector:
    """Finds corrections on one text line (the finders of FINDER_RULES); offsets are
    relative to the line."""

    def __init__(self, lexicon: Lexicon, opts: Options, words: Counter | None = None):
        """`words`: the document's words OCR may have misread (MISREAD_WORD_RE) and how often
        it writes each as it is written, checked for spelling."""
        self.lex = lexicon
        self.opts = opts
        #: (left, right) -> (length, joined word, cert) or None: pairs repeat
        self.pair_cache: dict[tuple[str, str], tuple[int, str, str] | None] = {}
        # the memos compute from the lexicon, not through the corrector: a reference cycle
        # would keep the pass's caches (8 MB for a book) alive until a collection of cycles
        #: letter runs -> whether they can take part in a join
        self.joinable_part = Memo(partial(is_joinable_part, lexicon))
        #: cores of one or two letters -> 1 if they make no word (`common_short`), else 0
        self.uncommon_short = Memo(lambda core: int(not common_short(lexicon, core)))
        #: the document's words that have a spelling correction, with it and its cert; checked
        #: once each, and the one search a block needs to see whether it holds any
        self.misspelt = {word: found for word, uses in (words or {}).items()
                         if (found := self.spelling_correction(word, uses)) is not None} if opts.spelling else {}
        #: the misspelt words where MISREAD_WORD_RE would find them (its bounds around them):
        #: one search finds them in a line, where listing its every word would cost more
        self.misspelt_re = re.compile(_MISREAD_WORD_BEFORE + "(?:" + "|".join(map(re.escape, sorted(self.misspelt)))
                                      + ")" + _MISREAD_WORD_AFTER) if self.misspelt else None
        #: the finders the options turn on, in table order
        self.rules = tuple(rule for rule in FINDER_RULES if getattr(opts, rule.name))

    def block_finders(self, text: str) -> tuple["FinderRule", ...]:
        """The enabled finders that may find something in a block's `text`, in table order.

        Each gate is necessary for its finder to find anything in a line, and holds for a
        block's text whenever it holds for one of its lines: the block-tested gates fail for
        most blocks, which spares their lines those tests."""
        return tuple(rule for rule in self.rules if not rule.block_tested or rule.gate(self, text))

    def corrections(self, text: str,
                    among: tuple["FinderRule", ...] | None = None) -> list[tuple[int, int, str, str, str]]:
        """(start, end, corr, kind, cert) for the line, not overlapping, in order; only the
        finders of `among` (default all enabled; those that may find something in the line's
        block, `block_finders`) whose gate the line passes are tried."""
        found: list[tuple[int, int, str, str, str]] = []
        replaced: set[str] = set()
        for rule in self.rules if among is None else among:
            if rule.name not in replaced and rule.gate(self, text):
                made = rule.find(self, text)
                if made is not None:
                    found += made
                    replaced.add(rule.replaces)
        if not found:
            return found
        found.sort(key=lambda item: (item[0], -item[1]))   # the longest of those at one place: `worl d`, not `worl`
        kept: list[tuple[int, int, str, str, str]] = []
        for item in found:
            if not kept or item[0] >= kept[-1][1]:
                kept.append(item)
        return kept

    # --- stray spaces -------------------------------------------------------------
    def may_join(self, text: str) -> bool:
        """Whether `split_words` can find anything: `join_pair` joins nothing when the left
        part is a word not in capitals and the right one a word or not all letters. A left
        part ends a chunk between spaces and a right part starts one, so a line whose every
        chunk ends and starts with such a word (or with no letters) has no split word."""
        return any(map(self.joinable_part.__getitem__, EDGE_PART_RE.findall(text)))

    def split_words(self, text: str):
        joinable = self.joinable_part
        if not any(self.cached_join(left, right) for left, right, _ in PAIR_RE.findall(text)
                   if joinable[left] or joinable[right]):
            return []
        out = []
        last_end = 0
        for match in PAIR_RE.finditer(text):
            left, right, after = match.groups()
            found = self.cached_join(left, right)
            if found and after and self.lex.is_word(left) and not self.lex.is_word(right) \
                    and self.cached_join(right, after):
                continue  # the m oment: the fragment belongs to the word after it
            if found and match.start() >= last_end:
                start = match.start()
                out.append((start, start + found[0], found[1], "split-word", found[2]))
                last_end = start + found[0]
        return out

    def cached_join(self, left: str, right: str) -> tuple[int, str, str] | None:
        pair = (left, right)
        if pair not in self.pair_cache:
            self.pair_cache[pair] = self.join_pair(left, right)
        return self.pair_cache[pair]

    def certainty(self, word: str) -> str:
        """How sure a joined word is: high for a common word, medium for one the document
        writes often enough, low for one neither attests (a name OCR spaced)."""
        return "high" if self.lex.zipf(word) >= self.opts.min_zipf else "medium" if self.lex.known(word) else "low"

    def is_name_split(self, left: str, part: str) -> bool:
        """A capital OCR spaced off the rest of its word (`Q uillet`, `P ellworth`): a capital
        that is no word of its own (not `A`, `I`, `O`), then three small letters or more
        that are none either. A name, or a word the lexicon lacks; joined, as doubtful."""
        return len(left) == 1 and left.isupper() and left not in "AIO" and part.islower() \
            and len(part) >= NAME_SPLIT_TAIL and not self.lex.is_word(part)

    def join_pair(self, left: str, right: str) -> tuple[int, str, str] | None:
        """`m uch` -> much; `NORWA yl` -> NORWAY (the `l` a note number, for `notes`)."""
        left_is_word = self.lex.is_word(left)
        if left_is_word and self.lex.is_word(right) and not (left.isupper() and len(left) > 1):
            return None
        parts = [right]
        number_at = glued_number_start(right)
        if 0 < number_at < len(right) and left.isupper() and len(left) > 1:
            parts.append(right[:number_at])
        for part in parts:
            if not part.isalpha():
                continue
            word = joined_case(left, part)
            if not word or not (self.lex.known(word) or self.is_name_split(left, part)) or (
                    len(word) <= 2 and self.lex.zipf(word) < SHORT_WORD_ZIPF):
                continue
            if left_is_word and self.lex.is_word(part):
                return None
            if left_is_word and len(left) > 1 and self.lex.zipf(word) < self.lex.zipf(left) - 1.5:
                return None  # and s leighs: not `ands`
            cert = self.certainty(word)
            return (len(left) + 1 + len(part), word, cert)
        return None

    # --- letter spacing -----------------------------------------------------------
    def is_letter_spaced(self, text: str) -> bool:
        if len(FRAGMENT_RE.findall(text)) < 3:
            return False
        cores = [CORE_RE.match(t).group(2) for t in text.split()]
        fragments = [c for c in cores if c.isalpha() and len(c) <= 2 and not common_short(self.lex, c)]
        return len(fragments) >= 3 and len(fragments) >= 0.2 * len(cores)

    def letter_spacing(self, text: str):
        """Best segmentation of the line's tokens into known words: fewest unknown parts."""
        tokens = list(TOKEN_RE.finditer(text))
        cores = [CORE_RE.match(t.group()).groups() for t in tokens]
        n = len(tokens)
        best: list[tuple[float, int]] = [(0.0, 0)] + [(math.inf, 0)] * n
        for j in range(1, n + 1):
            for i in range(max(0, j - 8), j):
                if best[i][0] == math.inf:
                    continue
                cost = self.group_cost(cores[i:j], tokens[i:j])
                if cost is not None and best[i][0] + cost < best[j][0]:
                    best[j] = (best[i][0] + cost, i)
        out = []
        j = n
        while j > 0:
            i = best[j][1]
            if j - i > 1:
                lead = cores[i][0]
                start = tokens[i].start() + len(lead)
                end = tokens[j - 1].end() - len(cores[j - 1][2])
                corr = "".join(core for _, core, _ in cores[i:j])
                out.append((start, end, corr, "letter-spacing", "medium"))
            j = i
        return out

    def group_cost(self, cores, tokens) -> float | None:
        if len(cores) == 1:
            core = cores[0][1]
            return 1.0 if not core.isalpha() or self.lex.known(core) else 2.5
        if any(tokens[k + 1].start() - tokens[k].end() > 2 for k in range(len(tokens) - 1)):
            return None
        if cores[0][2] or any(lead or trail for lead, _, trail in cores[1:-1]) or cores[-1][0]:
            return None
        parts = [core for _, core, _ in cores]
        if not all(p.isalpha() or p.isdigit() for p in parts):
            return None
        word = "".join(parts)
        if all(p.isdigit() for p in parts):
            return 1.0 if len(parts[0]) == 1 and len(word) <= 4 else None
        if not word.isalpha() or not self.lex.known(word):
            return None
        if len(word) <= 2 and self.lex.zipf(word) < SHORT_WORD_ZIPF:
            return None
        in_wordfreq = self.lex.zipf(word) >= self.opts.min_zipf
        if all(self.lex.is_word(p) for p in parts) and not (
                self.lex.zipf(word) >= 3.5 and self.lex.zipf(word) >= min(map(self.lex.zipf, parts))):
            return None  # of the: not `ofthe`; back lash: backlash
        return 1.0 if in_wordfreq else 1.5

    # --- numbers, underscores, punctuation, glyphs --------------------------------
    def numbers(self, text: str):
        out = []
        for match in NUMBER_TOKEN_RE.finditer(text):
            number = match.group()
            if any(ch in "OolI" for ch in number) and all(
                    any(ch.isdigit() for ch in run) for run in re.split("[-–]", number)):
                out.append((match.start(), match.end(), number.translate(OCR_DIGITS), "number", "high"))
        for match in LOST_NINE_RE.finditer(text):
            out.append((match.start(), match.end(), "19" + match.group(1), "number", "medium"))
        for match in SPLIT_YEAR_RE.finditer(text):
            out.append((match.start(), match.end(), "1" + match.group(1), "number", "medium"))
        for match in LETTERED_YEAR_RE.finditer(text):
            if not match.group().isdigit():
                out.append((match.start(), match.end(), match.group().translate(YEAR_LETTERS), "number", "medium"))
        return out

    def inline_hyphens(self, text: str):
        out = []
        for m in INLINE_HYPHEN_RE.finditer(text):
            word = m.group(1) + m.group(2)
            if self.lex.known(word):
                cert = self.certainty(word)
                out.append((m.start(), m.end(), word, "inline-hyphen", cert))
        return out

    def underscores(self, text: str):
        return [(m.start(), m.end(), ".", "underscore", "high") for m in UNDERSCORE_RE.finditer(text)]

    def inner_punctuation(self, text: str):
        out = []
        for m in INNER_PUNCT_RE.finditer(text):
            left, mark, right = m.groups()
            word = left + right
            if mark != "," and (len(left) == 1 or right in CONTRACTION_ENDS
                                and not (right == "t" and not left.endswith("n"))):
                continue  # d'une, it's, don't: not errors
            if self.lex.zipf(word) >= self.opts.min_zipf and not (
                    self.lex.is_word(left) and self.lex.is_word(right)) and (
                    mark == "," or self.lex.zipf(m.group()) == 0):
                out.append((m.start(), m.end(), word, "inner-punctuation", "high"))
        return out

    def glyphs(self, text: str):
        out = []
        for m in GLYPH_WORD_RE.finditer(text):
            word = m.group()
            if sum(ch.isalpha() for ch in word) < 2:
                continue
            at = next(k for k, ch in enumerate(word) if ch in GLYPHS)
            scored = sorted(((self.lex.zipf(word[:at] + letter + word[at + 1:]), letter)
                             for letter in "abcdefghijklmnopqrstuvwxyz"), reverse=True)
            (top, letter), (second, _) = scored[0], scored[1]
            if top >= self.opts.min_zipf and top - second >= 1.0:
                corr = word[:at] + (letter.upper() if at == 0 and word[1:2].isupper() else letter) + word[at + 1:]
                out.append((m.start(), m.end(), corr, "glyph", "medium"))
        return out

    def spelling(self, text: str):
        found = []
        for m in self.misspelt_re.finditer(text):
            reading, cert = self.misspelt[m.group()]
            found.append((m.start(), m.end(), reading, "spelling", cert))
        return found

    def spelling_correction(self, word: str, uses: int = 1) -> tuple[str, str] | None:
        """(reading, cert) for an unknown `word` that one of OCR's usual misreadings makes of a
        known word far likelier than the word as read and than any other reading, or None;
        the document writes `word` `uses` times.

        A noisy channel: each reading weighs its frequency (wordfreq's, or the document's for
        a name it writes often) less the misreading's cost. A short word is read only as a
        very common one; a capitalised word keeps its capital; a form the document repeats is
        its own word unless it hides a very common one written far more often (`tbe`)."""
        lex = self.lex
        short = len(word) <= SHORT_WORD
        own = lex.zipf(word)
        if own >= self.opts.min_zipf + short or ROMAN_RE.fullmatch(word) \
                or not (word.islower() or word[0].isupper() and word[1:].islower()):
            return None
        scored = sorted(((self.reading_prior(reading) - cost, reading)
                         for reading, cost in misreadings(word).items()), reverse=True)
        if not scored:
            return None
        best, reading = scored[0]
        second = scored[1][0] if len(scored) > 1 else -math.inf
        floor = SHORT_READING_ZIPF if short else self.opts.min_zipf
        if best - max(own, second) < MISREADING_MARGIN or self.reading_prior(reading) < floor \
                or len(word) < LONG_WORD and not lex.attested(reading):
            return None
        if uses > 1 and (lex.zipf(reading) < REPEATED_READING_ZIPF
                         or lex.attested(reading) < REPEATED_READING_RATIO * uses):
            return None
        sure = lex.zipf(reading) >= MEDIUM_READING_ZIPF and lex.attested(reading) >= MEDIUM_READING_ATTESTED
        return reading, "medium" if sure else "low"

    def name_prior(self, reading: str) -> float:
        """A capitalised reading the document writes often counts as a known word: its names."""
        return self.opts.min_zipf if reading[0].isupper() and self.lex.attested(reading) >= NAME_ATTESTED else 0.0

    def reading_prior(self, reading: str) -> float:
        """How likely a reading is before the page is seen: its frequency (Zipf scale)."""
        return max(self.lex.zipf(reading), self.name_prior(reading))


class FinderRule(NamedTuple):
    """One kind of OCR correction, found line by line."""

    name: str       #: its switch in Options
    #: a cheap test a text must pass for `find` to find anything in it; true of a block
    #: whenever true of one of its lines
    gate: Callable[[LineCorrector, str], object]
    #: (start, end, corr, kind, cert) in a line, or None where the rule does not apply
    find: Callable[[LineCorrector, str], list | None]
    #: worth testing on a whole block first: the gate fails for most blocks
    block_tested: bool = False
    #: a rule that applies to a line takes the place of this one there
    replaces: str = ""


def _letter_spaced_line(corrector: LineCorrector, text: str) -> list | None:
    return corrector.letter_spacing(text) if corrector.is_letter_spaced(text) else None


def _may_be_letter_spaced(corrector: LineCorrector, text: str) -> bool:
    """Every fragment's token is a SHORT_CORE_RE match: three that make no word are needed."""
    return sum(map(corrector.uncommon_short.__getitem__, SHORT_CORE_RE.findall(" " + text))) >= 3


def _may_be_misspelt(corrector: LineCorrector, text: str) -> bool:
    return corrector.misspelt_re is not None and corrector.misspelt_re.search(text) is not None


#: the correction finders, in order; a line set in letter spacing is re-segmented as a
#: whole, which takes the place of joining its split words one by one
FINDER_RULES: tuple[FinderRule, ...] = (
    FinderRule("letter_spacing", _may_be_letter_spaced, _letter_spaced_line, block_tested=True,
               replaces="split_words"),
    FinderRule("split_words", LineCorrector.may_join, LineCorrector.split_words),
    FinderRule("numbers", lambda _, text: NUMBERS_GATE_RE.search(text), LineCorrector.numbers, block_tested=True),
    FinderRule("inline_hyphens", lambda _, text: INLINE_HYPHEN_GATE_RE.search(text), LineCorrector.inline_hyphens,
               block_tested=True),
    FinderRule("underscores", lambda _, text: "_" in text, LineCorrector.underscores, block_tested=True),
    FinderRule("glyphs", lambda _, text: GLYPH_RE.search(text), LineCorrector.glyphs, block_tested=True),
    FinderRule("inner_punctuation", lambda _, text: INNER_PUNCT_GATE_RE.search(text),
               LineCorrector.inner_punctuation, block_tested=True),
    FinderRule("spelling", _may_be_misspelt, LineCorrector.spelling, block_tested=True),
)
#: the finders by name
FINDERS = frozenset(rule.name for rule in FINDER_RULES)


def document_words(doc: Document) -> Counter:
    """Words of the document, the first and last of each line left out: those may be
    halves of a word hyphenated at the line end (`Coun`)."""
    # one count over a stream of each line's words: no list of every word of a long book,
    # and no update call a line
    as_written = Counter(chain.from_iterable(WORD_RE.findall(line.text)[1:-1]
                                             for line in doc.lines if line.kind == "text"))
    words: Counter = Counter()
    for word, count in as_written.items():    # each spelling lowered once, not each use
        words[word.lower()] += count
    return words


def misread_candidates(doc: Document) -> Counter:
    """The document's words OCR may have misread (MISREAD_WORD_RE), as written, with how
    often the document writes each, at line ends too (a name's every use counts)."""
    return Counter(chain.from_iterable(MISREAD_WORD_RE.findall(line.text)
                                       for line in doc.lines if line.kind == "text"))


def correct_block(block: Block, corrector: LineCorrector, counts: Counter) -> None:
    """Corrections line by line; each comes after the last one made (lines in order, a
    line's corrections sorted and apart), so only the marks already there can overlap it."""
    earlier = Spans([(m.start, m.end) for m in block.marks if m.tag == "choice"])
    last_end = 0
    lines = block.text_lines
    among = corrector.block_finders("\n".join(line.text for line in lines))
    offset = 0
    joined_before = False
    for line in lines:
        joined_after = line.hyphen is not Hyphen.NONE
        for start, end, corr, kind, cert in corrector.corrections(line.text, among):
            if kind == "spelling" and (joined_before and start == 0 or joined_after and end == len(line.text)):
                continue  # half of a word broken at a line end (`ness` of kind|ness): no word of its own
            start, end = start + offset, end + offset
            if start < last_end or earlier.overlap(start, end):
                continue
            block.marks.append(Mark("choice", start, end, {"corr": corr, "resp": RESP, "cert": cert}))
            last_end = end
            counts[kind] += 1
        offset += len(line.text) + 1
        joined_before = joined_after


def run(doc: Document, opts: Options, report: Report) -> Document:
    lexicon = Lexicon(document_words(doc), word_zipf=opts.min_zipf, min_attested=opts.min_attested)
    corrector = LineCorrector(lexicon, opts, misread_candidates(doc))
    counts: Counter = Counter()
    for block in doc.leaves():
        correct_block(block, corrector, counts)
    doc.facts.corrections = dict(sorted(counts.items()))
    report.info("TK150", f"{sum(counts.values())} OCR corrections recorded: "
                + (", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "none"))
    return doc


PASS = PassSpec("corrections", run, Options, requires=frozenset({"blocks"}),
                provides=frozenset({"corrections"}),
                doc="Record OCR corrections as choice/sic/corr.")
