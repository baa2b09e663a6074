"""The one lexicon behind dehyphenate and corrections."""
from collections import Counter

import pytest

from teikit.lexicon import Lexicon, word_zipf


def test_words_of_the_language_and_of_the_document():
    lex = Lexicon(Counter({"coyoacan": 2, "zzyzx": 1, "gone": -1}), min_attested=2)
    assert lex.is_word("house") and lex.is_word("a") and lex.is_word("I")
    assert not lex.is_word("m") and not lex.is_word("disabl")
    assert lex.zipf("House") == lex.zipf("house") > 4 and lex.zipf("disabl") == 0.0
    assert lex.known("Coyoacan") and not lex.known("zzyzx")       # written twice, and once
    assert lex.attested("gone") == 0                               # a subtracted half never counts


def test_a_word_judged_without_a_document():
    assert word_zipf("the") > 7 > word_zipf("harbourmaster") > 0 == word_zipf("zzyzxq")
    assert word_zipf("The") == word_zipf("the")                    # wordfreq folds case itself
    with pytest.raises(LookupError):
        word_zipf("house", "xx-not-a-language")
