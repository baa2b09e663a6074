"""What OCR misreads (digits; letters, the misreadings the corrections and persons passes
undo) and the marks it writes for a hyphen at a line end: shared by the passes and the TEI
readers."""
from __future__ import annotations

import math
import re
import unicodedata

#: letters OCR gives for digits: l and I for 1, O and o for 0
DIGIT_LOOKALIKES = {"l": "1", "I": "1", "O": "0", "o": "0"}

#: `text.translate(OCR_DIGITS)` reads those letters as the digits they stand for
OCR_DIGITS = str.maketrans(DIGIT_LOOKALIKES)

#: what else OCR makes of a badly printed digit (`m` for 117, `Z` for 2, `S` for 5, `B` for 8,
#: `G` for 6, a bracket for a 1 and a pair of parentheses for a 0, so `]()` for 10): no value
#: can be read from these, only a place in a sequence
DIGIT_WRECKAGE = "".join(DIGIT_LOOKALIKES) + "iSsBZzGgqmn|!'.,[]()"

#: what OCR writes for the hyphen that splits a word at a line end: the ASCII hyphen-minus,
#: ABBYY FineReader's `¬`, a soft hyphen, U+2010 HYPHEN, U+2011 NON-BREAKING HYPHEN and
#: Fraktur's double hyphen `⸗`. An en or em dash is a dash, never one of them.
LINE_END_HYPHENS = "-\u00ac\u00ad\u2010\u2011\u2e17"
#: any one of them, in a regular expression
LINE_END_HYPHEN_RE = f"[{re.escape(LINE_END_HYPHENS)}]"
#: the same, as `str.endswith` takes them
_HYPHEN_ENDINGS = tuple(LINE_END_HYPHENS)


def ends_in_hyphen(text: str) -> bool:
    """`text` ends in one of the LINE_END_HYPHENS (`Amer-`, `con¬`)."""
    return text.endswith(_HYPHEN_ENDINGS)


#: OCR's usual misreadings, tried on unknown words (`spelling`): (as read, as printed, cost),
#: the cost saying how much rarer the misreading is than the word it hides, in powers of ten
#: (the noisy channel's error model, on wordfreq's Zipf scale); a worn `w` of old type comes
#: out as `Av` (`Avith`, `noAv`)
CONFUSIONS = (("rn", "m", 1.0), ("m", "rn", 1.5), ("rl", "n", 1.5), ("ri", "n", 1.5), ("cl", "d", 1.5),
              ("li", "h", 1.0), ("ii", "u", 1.5), ("ii", "h", 1.5), ("ii", "ll", 1.5), ("f", "t", 1.5),
              ("t", "f", 1.5), ("c", "e", 1.0), ("e", "c", 1.0), ("l", "i", 1.5), ("i", "l", 1.5),
              ("h", "b", 1.5), ("b", "h", 1.0), ("u", "n", 1.0), ("n", "u", 1.0), ("v", "y", 1.0),
              ("y", "v", 1.5), ("vv", "w", 1.0), ("tl", "d", 1.5), ("i", "t", 2.5),
              ("€", "f", 0.5), ("&", "s", 1.0), ("I", "T", 1.5), ("l", "I", 1.5), ("O", "C", 1.5),
              ("il", "d", 1.5), ("il", "u", 1.5), ("ri", "h", 1.5), ("h", "n", 1.5), ("Av", "w", 1.0))
#: the cost of a diacritic OCR added to a plain letter (`mïller`): tried on lower-case words
ACCENT_COST = 1.0


def misreadings(word: str) -> dict[str, float]:
    """What each of OCR's usual misreadings (CONFUSIONS, an added diacritic) would make of
    `word` undone once, with its cost: the readings of the word. A capitalised word keeps
    its diacritics: it is more likely a foreign name than a misreading."""
    readings: dict[str, float] = {}
    for wrong, right, cost in CONFUSIONS:
        at = word.find(wrong)
        while at >= 0:
            reading = word[:at] + right + word[at + len(wrong):]
            readings[reading] = min(cost, readings.get(reading, math.inf))
            at = word.find(wrong, at + 1)
    for at, char in enumerate(word if word.islower() else ""):
        plain = unicodedata.normalize("NFD", char)[0]
        if plain != char and plain.isascii():
            reading = word[:at] + plain + word[at + 1:]
            readings[reading] = min(ACCENT_COST, readings.get(reading, math.inf))
    return readings
