"""The exclude pass: lines an edition leaves out keep their reason for the header."""
from __future__ import annotations

from teikit.config import Exclusion
from teikit.passes import exclude
from teikit.reader import document_from_text
from teikit.report import Report

TEXT = "The text.\nIts end.\n\nAny message or comments?\nYour post\n"


def run(*rules):
    doc = document_from_text(TEXT)
    report = Report()
    exclude.run(doc, exclude.Options(rules=rules), report)
    return doc, report


def test_from_a_line_that_reads_exactly_to_the_end():
    doc, _ = run(Exclusion(reason="boilerplate", starting_at="Any message or comments?"))
    assert [line.kind for line in doc.lines] == ["text", "text", "blank", "excluded", "excluded"]
    assert doc.facts.excluded == ((4, "Any message or comments?", "boilerplate"),
                                  (5, "Your post", "boilerplate"))


def test_by_line_numbers():
    doc, _ = run(Exclusion(reason="r", first=2, last=2))
    assert [line.n for line in doc.lines if line.kind == "excluded"] == [2]


def test_a_missing_start_line_is_reported_and_nothing_is_excluded():
    doc, report = run(Exclusion(reason="r", starting_at="Not in the text"))
    assert all(line.kind != "excluded" for line in doc.lines)
    assert [m.code for m in report.messages] == ["TK101"]


def excluded_by_notices(text: str, **options) -> list[tuple[int, str]]:
    doc = document_from_text(text)
    exclude.run(doc, exclude.Options(**options), Report())
    return [(line.n, line.reason) for line in doc.lines if line.kind == "excluded"]


INTERNET_ARCHIVE = "Digitized by the Internet Archive\n\nin 2031 with funding from\nQuillbury Library\n\n" \
                   "https://archive.org/details/quillet00pell\n\n\nA TREATISE\nON THE QUILLABEE\n"
GOOGLE = "Google\n\n\nThis is a digital copy of a book that was preserved for generations on shelves.\n" \
         "It has survived long enough for the copyright to expire.\n" \
         "at http: //books .google .com/\n\nA TREATISE\n"


def test_the_internet_archive_notice_is_left_out_to_its_address():
    assert excluded_by_notices(INTERNET_ARCHIVE) == [
        (n, "digitisation notice (Internet Archive)") for n in (1, 3, 4, 6)]


def test_the_internet_archives_one_line_notice_is_left_out():
    assert excluded_by_notices("This book made available by the Internet Archive.\n\nPREFACE\n") == [
        (1, "digitisation notice (Internet Archive)")]


def test_the_google_first_page_is_left_out_with_the_logo_above_it():
    assert [n for n, _ in excluded_by_notices(GOOGLE)] == [1, 4, 5, 6]


def test_page_watermarks_and_stamps_are_left_out_line_by_line():
    text = ("The parcel came.\nDigitized by VjOOQle\nIt was opened.\n"
            "Generated on 2031-01-20 09:03 GMT / http://hdl.handle.net/2027/quill.0001\n"
            "Public Domain, Google-digitized / http://www.hathitrust.org/access_use#pd-google\n")
    assert [n for n, _ in excluded_by_notices(text)] == [2, 4, 5]


def test_a_notice_without_its_end_or_in_the_prose_is_no_notice():
    text = ("Digitized by the Internet Archive\nA TREATISE\n" + "on the Quillabee.\n" * 12
            + "https://archive.org/details/quillet00pell\n"
            + "This is a digital copy of a book, he said, that no shelf holds.\n"
            + "The material was digitized by the Quillbury Historical Society in 2031.\n")
    assert excluded_by_notices(text) == []


def test_an_edition_may_keep_the_notices():
    assert excluded_by_notices(INTERNET_ARCHIVE, digitisation_notices=False) == []


def test_an_encoded_book_lists_the_notice_in_its_header_not_in_its_text():
    from teikit.encode import encode_text
    from teikit.validate import check_tree

    tree = encode_text(INTERNET_ARCHIVE + "\nThe parcel came on the Quillabee.\n", name="made-up.txt").tree
    text = "".join(next(tree.iter("{http://www.tei-c.org/ns/1.0}text")).itertext())
    sampling = "".join(next(tree.iter("{http://www.tei-c.org/ns/1.0}samplingDecl")).itertext())
    assert "Internet Archive" not in text and "A TREATISE" in text
    assert "archive.org/details/quillet00pell" in sampling and "digitisation notice (Internet Archive)" in sampling
    assert check_tree(tree) == []
