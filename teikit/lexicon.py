"""The lexicon the passes judge words by: a language's word frequencies and the words
of the document at hand.

`wordfreq`'s frequencies are read once into a dict: a dict lookup per word is far faster
than `zipf_frequency`, which tokenizes each query, and the passes ask about every word.
The list is read from a copy in the user's cache (`cached_buckets`), and an English word's
frequency found without wordfreq's tokenizer (`word_zipf`): importing wordfreq and unpacking
its file cost every `teikit encode` 0.2 s, the copy less than half of that.
"""
from __future__ import annotations

import importlib.util
import json
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from .errors import OutputError
from .files import write_atomically
from .resources import user_cache_dir

#: the cached copy's layout; a new one, like a new wordfreq file, makes the copy again
CACHE_FORMAT = 1
#: a word of letters, hyphens and apostrophes (its group), maybe with a stop or comma after it,
#: whose tokens in English `word_zipf` finds without wordfreq's tokenizer (`plain_tokens`):
#: `Quillet`, `Pellworth-Quillabée`, `O'Osric`, `Hesper's`, `T.`, `Tobias,`
PLAIN_WORD_RE = re.compile(r"([A-Za-zÀ-ÖØ-öø-ÿ]+(?:['’-][A-Za-zÀ-ÖØ-öø-ÿ]+)*)[.,;:!?]*")
#: one or two letters, a straight apostrophe and a vowel or h at a token's start: an elided
#: article or pronoun (`l'Osric`, `qu'il`), which wordfreq's tokenizer makes a token of its own
ELISION_RE = re.compile(r"[^\W\d_]{1,2}'(?=[aehiouyáéíóúàèìòùâêîôûåïö])")
#: the least frequency wordfreq gives a word (`minimum` of `zipf_frequency`), Zipf 0: a word it lacks
MISSING_FREQUENCY = 1e-9
UNKNOWN_ZIPF = 0.0


def wordlist_file(language: str) -> Path | None:
    """The file of wordfreq's 'best' list for a language code it names a file by (`en`), found
    without importing wordfreq; None for another code, which wordfreq itself matches."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    data = Path(next(iter(spec.submodule_search_locations))) / "data"
    for size in ("large", "small"):      # wordfreq's 'best': the large list where there is one
        path = data / f"{size}_{language}.msgpack.gz"
        if path.is_file():
            return path
    return None


def cached_buckets(language: str) -> list[list[str]] | None:
    """wordfreq's list for `language` (`get_frequency_list`: the words of each centibel of
    frequency, most frequent first), from the user's cache, or None where wordfreq has no file
    named by the code. The copy records the file it was made from (path, size, time): another
    wordfreq, or a copy unreadable or of an older layout, is made again; where the cache
    cannot be written the list is used without one."""
    source = wordlist_file(language)
    if source is None:
        return None
    stat = source.stat()
    made_from = [CACHE_FORMAT, str(source), stat.st_size, stat.st_mtime_ns]
    path = user_cache_dir() / f"wordfreq-{language}.json"
    try:
        cached = json.loads(path.read_bytes())
        if cached["made_from"] == made_from and isinstance(cached["buckets"], list):
            return cached["buckets"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    import wordfreq

    buckets = wordfreq.get_frequency_list(language, "best")
    try:     # whole or not at all, for the processes reading it meanwhile
        write_atomically(path, json.dumps({"made_from": made_from, "buckets": buckets}, ensure_ascii=False).encode())
    except OutputError:
        pass
    return buckets


@lru_cache(maxsize=4)
def frequencies(language: str) -> dict[str, float]:
    """wordfreq's frequencies for `language` (`get_frequency_dict`), loaded once."""
    buckets = cached_buckets(language)
    if buckets is None:
        import wordfreq

        return wordfreq.get_frequency_dict(language, "best")
    freqs = {}
    for index, bucket in enumerate(buckets):
        freq = 10 ** (-index / 100)     # wordfreq's cB_to_freq(-index)
        for word in bucket:
            freqs[word] = freq
    return freqs


@lru_cache(maxsize=65536)
def word_zipf(word: str, language: str = "en") -> float:
    """How common a word is in the language (wordfreq's Zipf scale, 0 for unknown words),
    for judging a word where no document lexicon is at hand: names, registers, TEI read in.
    wordfreq normalises the query (case, apostrophes) as it does for its own list; a
    language it does not know raises LookupError. An English word is looked up in
    `frequencies` as wordfreq would: one of plain letters without wordfreq's tokenizer, one
    with a number (which wordfreq reads by rules of its own) by wordfreq itself."""
    if language != "en":
        import wordfreq

        return wordfreq.zipf_frequency(word, language)
    plain = PLAIN_WORD_RE.fullmatch(word)
    if plain:
        return plain_word_zipf(plain_tokens(plain[1]), frequencies(language))
    import wordfreq

    tokens = wordfreq.lossy_tokenize(word, language)
    if any(char.isdigit() for token in tokens for char in token):
        return wordfreq.zipf_frequency(word, language)
    return plain_word_zipf(tokens, frequencies(language))


def plain_tokens(word: str) -> list[str]:
    """The tokens wordfreq's English tokenizer makes of a PLAIN_WORD_RE word: case-folded, split
    at each hyphen and after an elision (`l'`), the curly apostrophe made straight."""
    tokens = []
    for part in word.casefold().split("-"):
        while elision := ELISION_RE.match(part):
            tokens.append(elision.group()[:-1])
            part = part[elision.end():]
        tokens.append(part.replace("’", "'"))
    return tokens


def plain_word_zipf(tokens: list[str], freqs: dict[str, float]) -> float:
    """wordfreq's `zipf_frequency` of a word it reads as `tokens` (none of them a number): the
    frequencies of its parts combined (1/f = 1/f1 + 1/f2 ...), rounded to three figures, then
    to the Zipf scale's hundredths; a part the list lacks, or no part, makes the word unknown."""
    if not tokens:
        return UNKNOWN_ZIPF
    one_over = 0.0
    for token in tokens:      # added one by one, as wordfreq does (sum() rounds otherwise since 3.12)
        if token not in freqs:
            return UNKNOWN_ZIPF
        one_over += 1.0 / freqs[token]
    freq = max(1.0 / one_over, MISSING_FREQUENCY)
    return round(math.log(round(freq, math.floor(-math.log(freq, 10)) + 3), 10) + 9, 2)


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
