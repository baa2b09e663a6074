"""What OCR misreads, shared by the passes that read numbers through it."""
from __future__ import annotations

#: letters OCR gives for digits: l and I for 1, O and o for 0
DIGIT_LOOKALIKES = {"l": "1", "I": "1", "O": "0", "o": "0"}

#: `text.translate(OCR_DIGITS)` reads those letters as the digits they stand for
OCR_DIGITS = str.maketrans(DIGIT_LOOKALIKES)

#: what else OCR makes of a badly printed digit (`m` for 117, `Z` for 2, `S` for 5, `B` for 8,
#: `G` for 6, a bracket for a 1 and a pair of parentheses for a 0, so `]()` for 10): no value
#: can be read from these, only a place in a sequence
DIGIT_WRECKAGE = "".join(DIGIT_LOOKALIKES) + "iSsBZzGgqmn|!'.,[]()"
