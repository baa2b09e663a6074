"""teikit.patterns: conditions written after a pattern's first characters, the same matches."""
from __future__ import annotations

import re

from teikit.patterns import after_words, forms_not_after, only_after, words_by_initial


def test_after_words_takes_what_stands_after_a_whole_word_of_them():
    pattern = re.compile(after_words("by", ("stated", "seen")) + r" (\w+)")
    text = "stated by Osric, restated by Hesper, seen by Tobias, told by Quillet"
    assert pattern.findall(text) == ["Osric", "Tobias"]


def test_only_after_takes_what_stands_after_its_context():
    pattern = re.compile(only_after(", ", "[A-Z]") + "[a-z]+")
    assert pattern.findall("Quillbury, Osric and Tulverton") == ["Osric"]
    assert pattern.findall("Quillbury Osric,Tulverton") == []


def test_words_by_initial_matches_as_an_alternation_where_a_word_starts():
    words = ("spring", "summer", "fall")
    pattern = re.compile(words_by_initial(words, r"\w", ignore_case=True))
    reference = re.compile(r"\b(?i:spring|summer|fall)")
    text = "Spring, SUMMER and fall; springs, a waterfall, unsummered, the ſummer"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in reference.finditer(text)]
    assert pattern.findall("a waterfall, a downspring") == []
    # tried in the order given, as an alternation is
    assert re.match(words_by_initial(("su", "summer"), r"\w"), "summer").group() == "su"


def test_words_by_initial_opens_with_what_re_scans_for():
    """`re` gives a pattern a set of first characters to scan for only where it opens with one."""
    pattern = words_by_initial(("spring", "summer"), r"\w", ignore_case=True)
    assert pattern.startswith("[Ssſ]")


def test_forms_not_after_matches_as_the_forms_one_by_one():
    forms = [("Quillet", ""), ("Osric", ""), ("Quill", r"\.?"), ("Osb", r"\.?")]
    pattern = re.compile(forms_not_after(r"\w", forms))
    reference = re.compile("|".join(r"(?<!\w)" + re.escape(form) + after for form, after in forms))
    text = "Quillet, Quill. and Osb Osric; McQuillet, the Osbert, Quillabee"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in reference.finditer(text)]
    assert pattern.findall("McQuillet xOsric") == []
