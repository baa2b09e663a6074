"""What OCR misreads, and the marks it writes for a hyphen at a line end: shared by the
passes and the TEI readers."""
from __future__ import annotations

import re

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
