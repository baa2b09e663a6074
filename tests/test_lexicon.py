"""The one lexicon behind dehyphenate and corrections."""
from collections import Counter

from teikit.lexicon import Lexicon


def test_words_of_the_language_and_of_the_document():
    lex = Lexicon(Counter({"coyoacan": 2, "zzyzx": 1, "gone": -1}), min_attested=2)
    assert lex.is_word("house") and lex.is_word("a") and lex.is_word("I")
    assert not lex.is_word("m") and not lex.is_word("disabl")
    assert lex.zipf("House") == lex.zipf("house") > 4 and lex.zipf("disabl") == 0.0
    assert lex.known("Coyoacan") and not lex.known("zzyzx")       # written twice, and once
    assert lex.attested("gone") == 0                               # a subtracted half never counts
