"""Nothing is lost: the diplomatic view of the TEI gives back the source's lines.

Every non-blank source line comes back in order, trailing spaces aside, except the lines
an edition excludes with a reason (and a digitiser's notices), which the header must list.
"""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EDITION_SLUGS, EDITIONS
from teikit import TEI_NS
from teikit.config import EditionConfig
from teikit.apparatus import interventions
from teikit.encode import encode_text, serialize
from teikit.export import export_file
from teikit.tei.reader import diplomatic_lines
from teikit.validate import check_bytes

NS = {"t": TEI_NS}


def expected_lines(source: str, excluded: set[int]) -> list[str]:
    return [line.rstrip() for n, line in enumerate(source.splitlines(), 1) if line.strip() and n not in excluded]


@pytest.mark.parametrize("slug", EDITION_SLUGS)
def test_diplomatic_round_trip_on_every_edition(encoded_editions, slug):
    encoded, _ = encoded_editions[slug]
    source = (EDITIONS / slug / "source.txt").read_text(encoding="utf-8")
    listed = {int(n) for n in encoded.tree.xpath("//t:samplingDecl//t:item/@n", namespaces=NS)}
    assert listed == {n for n, _, _ in encoded.doc.facts.excluded}
    assert diplomatic_lines(encoded.tree) == expected_lines(source, listed)


WORDS = st.sampled_from([
    "the", "Trotsky", "capital", "ism", "Amer-", "ican", "self-", "reliance", "1937", "13", "page",
    "January", "23,", "1936-37", "*", "**", "[1]", "Lenin.5", "NOTES", "ON THE ATLANTIC18", "m uch",
    "Vishinsky:", "Dear", "Comrade,", "so", "called", "-", "—", "<", "&", "]]>", "'", '"', "1�36", "■x",
    "con\u00ac", "ference", "Amer\u00ad", "\u00ac", "re\u00ac n",
])
LINE = st.one_of(
    st.lists(WORDS, min_size=1, max_size=9).map(" ".join),
    st.sampled_from(["", "", " ", "13", "14 Writings of Leon Trotsky (1936-37)", "Notes en Route 73",
                     "December 28, 1936", "NOTES ", "1. A note.", "* A footnote.", "Yours sincerely,",
                     "Digitized by the Internet Archive", "https://archive.org/details/x", "Digitized by Google"]),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=20),
)
SOUP = st.lists(st.tuples(LINE, st.booleans()), min_size=1, max_size=40).map(
    lambda lines: "\n".join(text + (" " if space else "") for text, space in lines))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(SOUP, st.sampled_from(["book", "newspaper", "web", "markdown-book"]))
def test_diplomatic_round_trip_on_line_soup(text, profile):
    if not text.strip():
        return
    encoded = encode_text(text, EditionConfig(profile=profile))
    listed = {int(n) for n in encoded.tree.xpath("//t:samplingDecl//t:item/@n", namespaces=NS)}
    assert listed == {n for n, _, _ in encoded.doc.facts.excluded}    # a digitiser's notices
    assert diplomatic_lines(encoded.tree) == expected_lines(text, listed)


def test_a_debates_run_in_labels_read_back_line_by_line():
    # a label run into a speech within a line, over a line's end, and opening a line
    text = ("Mr. QUILLET. I rise to a question of order.\n\nMr. PELLWORTH. The member is in order.\n\n"
            "Mr. OSRIC. I move that the House adjourn. Mr. TOBIAS. I second it. Mr.\n"
            "OSBERT. I oppose it. \nHon. Mr. HANNAH.—So do I.\n")
    encoded = encode_text(text, EditionConfig(profile="book"))
    assert len(encoded.tree.xpath("//t:sp", namespaces=NS)) == 6
    assert diplomatic_lines(encoded.tree) == expected_lines(text, set())


#: a made-up column as ABBYY FineReader writes it: `¬` where the printer hyphenated a word,
#: a soft hyphen once, a compound's own hyphen, and an em dash at a line end
NOT_SIGNS = """THE HARBOUR MEETING

The delegates of the river towns met at the con\u00ac
ference in the old exchange on Tuesday, and the
harbour master spoke at length of the new break\u00ac
water, which the engineers hope to finish before
the winter storms. The Amer\u00ad
ican members asked about the cost \u2014
and were told the self-
reliance of the towns would carry most of it.
"""


@pytest.mark.parametrize("profile", ["newspaper", "book"])
def test_a_text_with_ocrs_not_signs_for_hyphens_encodes_validates_and_reads_joined(tmp_path, profile):
    encoded = encode_text(NOT_SIGNS, EditionConfig(profile=profile))
    data = serialize(encoded.tree)
    assert check_bytes(data, "harbour.xml") == []
    assert diplomatic_lines(encoded.tree) == expected_lines(NOT_SIGNS, set())
    path = tmp_path / "harbour.xml"
    path.write_bytes(data)
    text = " ".join(export_file(path, "text").split())
    assert "at the conference in the old exchange" in text
    assert "the new breakwater, which" in text and "The American members" in text
    assert "the cost \u2014 and were told the self-reliance of the towns" in text
    assert "\u00ac" not in text and "\u00ad" not in text
    found = {(i.reading, i.source) for i in interventions(path)}
    assert {("conference", "con\u00ac|ference"), ("breakwater", "break\u00ac|water"),
            ("American", "Amer\u00ad|ican"), ("self-reliance", "self-|reliance")} <= found


#: a made-up book that runs its section titles into their paragraphs' first lines
RUN_IN_BOOK = "".join(
    f"\n{title} {opening} comes on in the wet months of the year,\nand the physicians of "
    "Quillbury have long known it for what\nit is, though they have not agreed on its cure,\n"
    "nor on the diet that best suits the patient.\n"
    for title, opening in (("QUILLABEE FEVER.", "This"), ("TULVERTON AGUES.", "The ague"),
                           ("MARSH SPASMS.", "A spasm")))


def test_a_book_of_run_in_headings_encodes_validates_and_keeps_every_line():
    encoded = encode_text(RUN_IN_BOOK, EditionConfig(profile="book"))
    assert encoded.tree.xpath("//t:head/text()", namespaces=NS)[-3:] == [
        "QUILLABEE FEVER.", "TULVERTON AGUES.", "MARSH SPASMS."]
    assert check_bytes(serialize(encoded.tree), "run-in.xml") == []
    assert diplomatic_lines(encoded.tree) == expected_lines(RUN_IN_BOOK, set())
