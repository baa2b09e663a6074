"""The one lexicon behind dehyphenate and corrections."""
import json
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


def test_a_plain_word_is_looked_up_as_wordfreq_reads_it():
    """Letters, hyphens and apostrophes: the tokens wordfreq's tokenizer makes, found without it."""
    import wordfreq

    from teikit.lexicon import PLAIN_WORD_RE, plain_tokens

    assert plain_tokens("Pellworth-Quillabée") == ["pellworth", "quillabée"]
    assert plain_tokens("l'Osric") == ["l", "osric"] and plain_tokens("Hesper’s") == ["hesper's"]
    assert plain_tokens("Tobias'Quillet") == ["tobias'quillet"]      # no elision: five letters
    assert not PLAIN_WORD_RE.fullmatch("Osric2") and not PLAIN_WORD_RE.fullmatch("D.Quillet")
    for word in ("house", "House-Keeper", "qu'il", "d'Hannah", "it’s", "Café", "STRASSE", "Straße",
                 "Quillbury", "Quillet-the", "zzyzxq-house", "Tobias,", "H.", "U.S.", "(Quillet)", "house—the",
                 "Osric2", "1837", "", "--"):
        assert word_zipf(word) == wordfreq.zipf_frequency(word, "en"), word


def test_the_word_list_is_kept_in_the_users_cache(tmp_path, monkeypatch):
    """Made once from wordfreq's file, read back the same, made again when wordfreq's file or
    the copy's layout changes or the copy cannot be read; where it cannot be written, unused."""
    import wordfreq

    from teikit import lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    copy = tmp_path / "teikit" / "wordfreq-en.json"
    made = lexicon.cached_buckets("en")
    assert copy.is_file() and made == wordfreq.get_frequency_list("en", "best")
    lexicon.frequencies.cache_clear()
    try:
        assert lexicon.frequencies("en") == wordfreq.get_frequency_dict("en", "best")
    finally:
        lexicon.frequencies.cache_clear()
    monkeypatch.setattr(wordfreq, "get_frequency_list", lambda *_: [["osric"]])
    assert lexicon.cached_buckets("en") == made                          # read back, not made again
    monkeypatch.setattr(lexicon, "CACHE_FORMAT", lexicon.CACHE_FORMAT + 1)
    assert lexicon.cached_buckets("en") == [["osric"]]                  # a new layout: made again
    assert json.loads(copy.read_text())["buckets"] == [["osric"]]
    copy.write_text('{"made_from": [')
    monkeypatch.setattr(wordfreq, "get_frequency_list", lambda *_: [["tobias"]])
    assert lexicon.cached_buckets("en") == [["tobias"]]                 # unreadable: made again
    assert json.loads(copy.read_text())["buckets"] == [["tobias"]]
    monkeypatch.setenv("XDG_CACHE_HOME", str(copy))                     # a file: no folder there
    assert lexicon.cached_buckets("en") == [["tobias"]]
    assert lexicon.cached_buckets("xx-not-a-language") is None           # wordfreq matches such codes


def test_wordfreq_builds_no_second_list_for_a_word(monkeypatch):
    """An English word, with punctuation or not, is looked up in the lexicon's `frequencies`:
    wordfreq's own dict (24 MB, 0.1 s) is built only for a word with a number in it."""
    import wordfreq

    words = ("Tobias,", "l'Osric", "house—the", "H.", "Hesper's")
    expected = [wordfreq.zipf_frequency(word, "en") for word in words]

    def no_second_list(*_):
        raise AssertionError("wordfreq built its own list")

    monkeypatch.setattr(wordfreq, "get_frequency_dict", no_second_list)
    word_zipf.cache_clear()
    assert [word_zipf(word) for word in words] == expected
    with pytest.raises(AssertionError):
        word_zipf("Quillabee7")
    word_zipf.cache_clear()
