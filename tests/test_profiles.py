"""Picking a profile from the text's own layout, and saying why."""
import pytest

from teikit.profiles import detect_profile
from teikit.reader import document_from_text

MANUSCRIPT = "My dear friend\nI write to you from\nthe river, where we\nhave been for a month\n" * 10
COLUMN = "the council voted the money for a new\nbridge over the river, and the engi-\n" * 10
HEADLINES = "BRIDGE TO BE BUILT\nthe council voted money for\na new bridge over the old\n" \
            "river, and the engineer said\nit will be done in spring\n" * 10


@pytest.mark.parametrize("text, profile, because", [
    (MANUSCRIPT, "book", "neither the hyphens nor the headlines of columns"),
    (COLUMN, "newspaper", "50% end in a hyphen"),
    (HEADLINES, "newspaper", "20% are capitals"),
    ("A printed book line that runs to its usual width of some sixty letters\n" * 10, "book",
     "printed lines"),
])
def test_narrow_lines_make_a_newspaper_only_with_the_marks_of_columns(text, profile, because):
    chosen, reason = detect_profile(document_from_text(text))
    assert chosen == profile and because in reason


def test_narrow_numbered_pages_make_a_book():
    page = "YOUTHFUL FOLLY.\nthe patient complained of a pain\nthat would not leave him by day or\n" \
           "by night, and the physician was at a\nloss to name the cause of it, till at\n" * 4
    text = "".join(page + f"{n}\n" for n in range(1, 11))
    chosen, reason = detect_profile(document_from_text(text))
    assert chosen == "book" and "page numbers" in reason


def test_numbers_scattered_among_ocr_debris_are_no_page_numbers():
    """A newspaper page's stray numbers (`6`, `4`, `11`) make no sequence of pages."""
    lines = HEADLINES.splitlines()
    text = "".join("\n".join(lines[at:at + 10]) + f"\n{stray}\n"
                   for at, stray in zip(range(0, len(lines), 10), (6, 4, 11, 4, 2)))
    chosen, reason = detect_profile(document_from_text(text))
    assert chosen == "newspaper" and "0.0% page numbers" in reason


@pytest.mark.parametrize("folio", ["{n} THE QUILLBURY PAPERS", "THE QUILLBURY PAPERS. {n}"])
def test_folios_beside_running_heads_make_a_book_of_narrow_pages(folio):
    page = "the patient complained of a pain\nthat would not leave him by day or\n" \
           "by night, and the physician was at a\nloss to name the cause of it, till at\n" * 4
    text = "".join(folio.format(n=n) + "\n" + page for n in range(1, 11))
    chosen, reason = detect_profile(document_from_text(text))
    assert chosen == "book" and "page numbers" in reason


def test_junk_after_a_hyphen_still_counts_as_a_hyphen():
    text = "the council voted the money for a new\nbridge over the river, and the engi- n\n" * 10
    assert detect_profile(document_from_text(text))[0] == "newspaper"


def test_a_hyphen_ocr_writes_as_a_not_sign_counts_as_a_hyphen():
    text = COLUMN.replace("engi-", "engi\u00ac")
    assert detect_profile(document_from_text(text))[0] == "newspaper"
