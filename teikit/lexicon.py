"""The lexicon the passes judge words by: a language's word frequencies and the words
of the document at hand.

`wordfreq`'s frequencies are read once into a dict: a dict lookup per word is far faster
than `zipf_frequency`, which tokenizes each query, and the passes ask about every word.
"""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache


@lru_cache(maxsize=4)
def frequencies(language: str) -> dict[str, float]:
    """wordfreq's frequencies for `language`, loaded once (building the dict takes 0.1 s)."""
    import wordfreq

    return wordfreq.get_frequency_dict(language, "best")


@lru_cache(maxsize=65536)
def word_zipf(word: str, language: str = "en") -> float:
    """How common a word is in the language (wordfreq's Zipf scale, 0 for unknown words),
    for judging a word where no document lexicon is at hand: names, registers, TEI read in.
    wordfreq normalises the query (case, apostrophes) as it does for its own list; a
    language it does not know raises LookupError."""
    import wordfreq

    return wordfreq.zipf_frequency(word, language)


class Lexicon:
    """Which words are known, and how common: the language's list and the document's own
    words (`vocabulary`, lower case, counted as the pass that builds it sees fit)."""

    def __init__(self, vocabulary: Counter, *, language: str = "en", word_zipf: float = 3.0,
                 min_attested: int = 1):
        self.freq = frequencies(language)
        self.vocabulary = vocabulary
        self.word_zipf = word_zipf          #: a word this frequent (Zipf scale) stands alone
        self.min_attested = min_attested    #: a word the document writes this often is known
        self._zipf: dict[str, float] = {}
        self._words: dict[str, bool] = {}

    def zipf(self, word: str) -> float:
        """The word's frequency on the Zipf scale (0 for a word the language list lacks)."""
        value = self._zipf.get(word)
        if value is None:
            f = self.freq.get(word.lower())
            value = self._zipf[word] = math.log10(f) + 9 if f else 0.0
        return value

    def attested(self, word: str) -> int:
        """How often the document writes the word (never below 0)."""
        return max(0, self.vocabulary[word.lower()])

    def is_word(self, word: str) -> bool:
        """A word that can stand alone: `a`, `I`, or a common word (not `m`, `disabl`)."""
        value = self._words.get(word)
        if value is None:
            value = self._words[word] = (
                word in "aAI" if len(word) == 1 else self.zipf(word) >= self.word_zipf)
        return value

    def known(self, word: str) -> bool:
        """A common word, or one the document itself writes often enough."""
        return self.zipf(word) >= self.word_zipf or self.attested(word) >= self.min_attested
