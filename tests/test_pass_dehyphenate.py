"""The dehyphenate pass: which line ends fall inside a word, and what kind of break each is."""
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teikit.model import Block, Hyphen, reading_view
from teikit.ocr import LINE_END_HYPHENS
from teikit.passes import dehyphenate, furniture
from teikit.reader import document_from_text, read_source
from teikit.report import Report

from conftest import SHARED


def run(text: str, profile: str = "newspaper", **options):
    doc = document_from_text(text, profile=profile)
    report = Report()
    furniture.run(doc, furniture.Options(), report)
    dehyphenate.run(doc, dehyphenate.Options(**options), report)
    return doc, report


def breaks(doc) -> dict[int, Hyphen]:
    return {line.n: line.hyphen for line in doc.lines if line.hyphen is not Hyphen.NONE}


@pytest.mark.parametrize("first, second, kind", [
    ("of its Amer- ", "ican affiliate ", Hyphen.PRINTED),
    ("is or is to- ", "day, of a sort ", Hyphen.PRINTED),           # today, the modern word
    ("with self- ", "reliance and ", Hyphen.KEEP),
    ("an anti- ", "Bolshevik course ", Hyphen.KEEP),
    ("the second Five- ", "Year Plans ", Hyphen.KEEP),
    ("to an out- ", "and-out course ", Hyphen.KEEP),
    ("the years 1938- ", "39 and 1939-40 ", Hyphen.KEEP),
    ("the executioner- ", "was the monstrous ", Hyphen.NONE),       # a dash, not a split word
    ("the song was un- ", "tuneful and loud ", Hyphen.PRINTED),     # un- is a prefix, no word
    ("the crowd re- ", "echoed the cry ", Hyphen.KEEP),             # a hyphen kept before a vowel
])
def test_printed_hyphens(first, second, kind):
    doc, _ = run(f"{first}\n{second}\n")
    assert doc.lines[0].hyphen is kind


ORDINARY = ["An ordinary line of the book ends in a space. "] * 12
BOOK = "\n".join(ORDINARY + [
    "Trotsky in Coyoacan: the so-called trials, the so-called confessions. ",
    "The left-wingers spoke of capitalism. ",
    "",
    "to restore capital",                                    # 16
    "ism in the Soviet Union, in Coyoa",                     # 17
    "can, a suburb. The so",                                 # 18
    "",
    "called trials; the left",                               # 20
    "wingers were expelled. Journalists besieged us",        # 21
    "the Norwegian wire service. A self",                    # 22
    "evident case of Scheide",                               # 23
    "mann. ",
]) + "\n"


def test_lost_hyphens_in_the_book_signal():
    doc, report = run(BOOK, profile="book", trailing_space_signal=True)
    assert breaks(doc) == {
        16: Hyphen.JOIN,       # capital|ism: capitalism is elsewhere in the document
        17: Hyphen.JOIN,       # Coyoa|can: a name attested whole
        18: Hyphen.RESTORE,    # so|called, across a blank line: so-called is elsewhere
                               # (twice: once could be an em dash read as a hyphen)
        20: Hyphen.RESTORE,    # left|wingers
        22: Hyphen.RESTORE,    # self|evident: self is a compound head
        23: Hyphen.JOIN,       # Scheide|mann: a name whose first half is no word
    }                          # 21, us|the: two words, an ordinary space lost
    assert doc.facts.hyphenation == {"join": 3, "printed": 0, "keep": 0, "restore": 3}


def test_the_missing_space_means_nothing_where_no_line_carries_one():
    doc, report = run(BOOK.replace(" \n", "\n"), profile="book", trailing_space_signal=True)
    # only the lexicon speaks: capital|ism ends in a suffix, Coyoa|can is written whole
    # elsewhere and Coyoa is no word; so|called and the rest stay apart
    assert breaks(doc) == {16: Hyphen.JOIN, 17: Hyphen.JOIN}
    assert any(m.code == "TK124" for m in report.messages)


def test_a_split_word_resumes_after_page_furniture():
    page = "\n".join(f"line {i} of the page text " for i in range(30))
    text = (f"{page}\n\n13 \n\n\n14 Writings of Leon Trotsky \n\n{page}\nNotes en Route 15 \n\n"
            f"{page}\n16 Writings of Leon Trotsky \n\n{page}\nthe Amer-\n\n17 \n\nican workers \n")
    doc, _ = run(text, profile="book", trailing_space_signal=True)
    split = next(line for line in doc.lines if line.text.endswith("Amer-"))
    assert split.hyphen is Hyphen.PRINTED


def test_a_hyphen_before_a_new_paragraph_is_no_split():
    doc, report = run("the last word is pre-\n\nThe next paragraph.\n", profile="web")
    assert breaks(doc) == {}
    assert any(m.code == "TK123" for m in report.messages)


def test_a_paragraph_resumed_after_a_blank_line_joins():
    doc, _ = run("a member of the staff, and com-\n\nmissar of archives.\n", profile="markdown-book")
    assert breaks(doc) == {1: Hyphen.PRINTED}


def test_no_join_across_a_text_line():
    doc, report = run("the cut word com-\n\n* A footnote here.\n\nmissar of archives.\n")
    assert breaks(doc) == {}
    assert any(m.code == "TK122" for m in report.messages)


def test_doubtful_decisions_are_reported():
    _, report = run("the Stalinist demi- \ngods of the day \n")
    assert any(m.code == "TK121" and m.line == 1 for m in report.messages)


@pytest.mark.parametrize("stem, profile", [("001", "book"), ("003", "newspaper"), ("004", "markdown-book")])
def test_gold_breaks(stem, profile):
    """Every gold break found with its kind, and no break where the gold has none."""
    gold = json.loads(next((SHARED / "gold").glob(f"{stem}_*.json")).read_text())
    doc = read_source(next((SHARED / "corpus").glob(f"{stem}_*.txt")), profile=profile)
    furniture.run(doc, furniture.Options(), Report())
    dehyphenate.run(doc, dehyphenate.Options(trailing_space_signal=profile == "book"), Report())
    first, last = gold["lines"]
    expected = {b["line"]: b["kind"] for b in gold["breaks"]}
    found = {}
    for line in doc.lines[first - 1:last]:
        if line.hyphen in (Hyphen.JOIN, Hyphen.PRINTED):
            found[line.n] = "join"
        elif line.hyphen in (Hyphen.KEEP, Hyphen.RESTORE):
            found[line.n] = "keep"
    assert found == expected


def test_web_texts_have_no_breaks():
    for stem in ("000", "002"):
        doc = read_source(next((SHARED / "corpus").glob(f"{stem}_*.txt")), profile="web")
        dehyphenate.run(doc, dehyphenate.Options(), Report())
        assert breaks(doc) == {}


@pytest.mark.parametrize("first, second, kind", [
    ("the fleet left the har", "bor at dawn", Hyphen.JOIN),          # both halves rare words
    ("a great con", "ference of the powers", Hyphen.JOIN),          # ference is no word
    ("they told them", "selves the same story", Hyphen.JOIN),      # themselves >> selves
    ("he walked in", "to the house at noon", Hyphen.NONE),          # into is no likelier than to
    ("there was a", "bout of fever", Hyphen.NONE),                  # a one-letter word stays
    ("an ostentatious", "ly rich man", Hyphen.JOIN),
    ("in the dark", "ness of the night", Hyphen.JOIN),              # a suffix, never a word
    ("his great kind", "ness to us", Hyphen.JOIN),
    ("we saw the Grand", "canal from the bridge", Hyphen.NONE),     # no word Grandcanal
    ("the bill was still un", "settled in May", Hyphen.JOIN),       # a prefix, never a word
    ("the old fever had re", "turned at night", Hyphen.JOIN),
    ("in the Rue de", "la Paix", Hyphen.NONE),                      # de is no English prefix here
    ("a most out", "going manner", Hyphen.JOIN),                    # a particle prefixing a word
    ("we all learned over", "time to wait", Hyphen.NONE),           # time: a function word's frequency
    ("the birds flew over", "hills and woods", Hyphen.NONE),        # no word overhills
])
def test_the_lexicon_joins_a_split_whose_hyphen_ocr_dropped(first, second, kind):
    doc, _ = run(f"{first}\n{second}\n", profile="newspaper")
    assert breaks(doc).get(1, Hyphen.NONE) is kind


#: a column whose OCR dropped every line-end hyphen: most of its splits leave a half that is
#: no word (discus|sion, mat|ter, mo|tion), which shows what its other line ends may be
DROPPED_HYPHENS = """the council of Quillbury met to discus
sion of the whole mat
ter and Mr. Osric Pellworth spoke at
length against the mo
tion for the new {head}
{tail} bonds of the town
"""


@pytest.mark.parametrize("head, tail, kind", [
    ("rail", "road", Hyphen.JOIN),          # two words, but railroad is far likelier than the pair
    ("at", "tended", Hyphen.JOIN),
    ("walked in", "to the hall", Hyphen.NONE),   # two function words: into is no likelier
    ("old", "men", Hyphen.NONE),            # no word oldmen
])
def test_where_ocr_drops_hyphens_two_words_join_if_the_word_is_likelier(head, tail, kind):
    doc, _ = run(DROPPED_HYPHENS.format(head=head, tail=tail), profile="newspaper")
    assert breaks(doc).get(5, Hyphen.NONE) is kind


def test_two_words_stay_apart_where_the_text_keeps_its_hyphens():
    doc, _ = run("the council met to vote on the new rail\nroad bonds of the town\n", profile="newspaper")
    assert breaks(doc) == {}


@pytest.mark.parametrize("line, junk", [
    ("the unconditional re- n", " n"), ("the north-j:", "j:"), ("flatly re-1", "1"),
    ("a lenient atti- ,", " ,"), ("the dif- j ,", " j ,"), ("the re- ;", " ;"),
    ("a plain re-", None), ("an ordinary line", None), ("the well-known", None), ("pages 12-1", None),
    ("lost his head entirely-I", None), ("he filed his Form W-2", None),
])
def test_junk_glued_after_a_line_end_hyphen(line, junk):
    span = dehyphenate.glued_junk(line)
    assert (line[span[0]:span[1]] if span else None) == junk


def test_a_hyphen_with_glued_junk_still_splits_the_word():
    doc, _ = run("the unconditional re- n\ntirement of the forces\n")
    assert breaks(doc) == {1: Hyphen.PRINTED}


@pytest.mark.parametrize("hyphen", LINE_END_HYPHENS)
def test_every_hyphen_ocr_writes_splits_a_word_as_the_ascii_one_does(hyphen):
    """ABBYY's `¬`, a soft hyphen, U+2010/2011 and Fraktur's `⸗` are the printer's hyphen too."""
    doc, _ = run(f"the delegates met at the con{hyphen}\nference in the spring, and the\n"
                 f"members spoke of self{hyphen}\nreliance, and the re{hyphen} n\ntirement of the staff\n")
    assert breaks(doc) == {1: Hyphen.PRINTED, 3: Hyphen.KEEP, 4: Hyphen.PRINTED}
    assert dehyphenate.ends_in_printed_hyphen(f"the con{hyphen}")


@pytest.mark.parametrize("hyphen", LINE_END_HYPHENS)
def test_the_reading_view_leaves_out_the_printed_hyphen_whatever_its_character(hyphen):
    doc, _ = run(f"the delegates met at the con{hyphen}\nference in the spring\n")
    assert reading_view(Block("p", doc.lines)).text == "the delegates met at the conference in the spring"


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "--"])
def test_a_dash_at_a_line_end_is_no_hyphen(dash):
    doc, _ = run(f"the delegates met at the con{dash}\nference in the spring\n")
    assert breaks(doc) == {}
    assert not dehyphenate.ends_in_printed_hyphen(f"the con{dash}")


@given(st.text("ab1 -¬,.j", max_size=30))
def test_glued_junk_searched_from_the_line_end_finds_what_a_full_search_does(text):
    full = dehyphenate._GLUED_JUNK.search(text)
    assert dehyphenate.glued_junk(text) == (full.span() if full else None)


@pytest.mark.parametrize("first, second, kind", [
    ("the old miller was broken", "-hearted after the flood", Hyphen.JOIN),
    ("we thanked her for her kind", "-ness to the children", Hyphen.JOIN),     # a suffix
    ("it was the most", "-welcome news of the year", Hyphen.NONE),   # no word, no printed hyphen
    ("a plump and well-", "-fed brown pony", Hyphen.PRINTED),      # the hyphen set on both lines
    ("the storm came in the night", "-and then it was gone", Hyphen.NONE),   # a dash
    ("the river was wide", "- a list item follows", Hyphen.NONE),
])
def test_a_hyphen_opening_the_next_line_carries_the_compound_on(first, second, kind):
    doc, _ = run(f"{first}\n{second}\n", profile="newspaper")
    assert breaks(doc).get(1, Hyphen.NONE) is kind


def test_a_carried_hyphen_after_a_blank_line_needs_one_before_it():
    doc, _ = run("the old miller was broken\n\n-hearted after the flood\n", profile="newspaper")
    assert breaks(doc) == {}


@pytest.mark.parametrize("text, expected", [
    # a speck of junk between the halves, on a line of its own: the word goes on past it
    ("the miller was at-\n\ni\n\ntacked on the road\n", {1: Hyphen.PRINTED, 3: Hyphen.JOIN}),
    ("the miller was at-\n' .\ntacked on the road\n", {1: Hyphen.PRINTED, 2: Hyphen.JOIN}),
    # no word goes on past it: the lines are read as they stand
    ("the last word is pre-\n\ni\n\nThe next paragraph.\n", {}),
])
def test_a_speck_after_a_line_end_hyphen(text, expected):
    doc, _ = run(text, profile="newspaper")
    assert breaks(doc) == expected


@pytest.mark.parametrize("text, speck", [
    ("i", True), (",", True), ("' .", True), ("  ;  ", True),
    ("", False), ("to", False), ("i2", False), ("a, b", False), ("...", False), ("9", False),
])
def test_what_a_speck_is(text, speck):
    assert dehyphenate.is_speck(text) is speck
