"""Many page layouts, made up: whatever the pages look like, `teikit encode` writes valid TEI.

Each generated book has pages of prose with their furniture set one way: the folio alone
at the head or the foot, or beside a running head on either side (verso and recto heads
that alternate, or on lines of their own beside the folio), roman folios in the front matter, printer's signatures, footnotes, folios missing
or mangled by OCR; some open with an old title page, some with a contents list. The encoded TEI must validate, its page numbers must rise, and the CLI
must write it without being told to skip validation.
"""
from __future__ import annotations

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit import TEI_NS
from teikit.cli import cli
from teikit.encode import encode_text, serialize
from teikit.passes.furniture import to_roman
from teikit.validate import check_bytes

WORDS = "the river ran past a quiet mill where seven old men sat and spoke of rain".split()
STYLES = ("alone-head", "alone-foot", "number-first", "number-last", "alternating", "heads-apart")
TITLE_PAGE = ["A", "", "TREATISE", "ON THE", "MILLS OF THE RIVER.", "BY A. QUILLET, M.D.", "LONDON:",
              "PRINTED FOR J. PELLWORTH.", "1834.", "PREFACE.", "Digitized by the Internet Archive", "in 2015"]
MANGLE = str.maketrans("0123456789", "OlZ3A5b7B9")
CONTENTS = ["CONTENTS.", "PAGE", "CHAPTER I.", "Of the Mill on the River 1", "CHAPTER II.", "THE WEIR. . . 14",
            "APPENDIX.", "Tables of the Rain 52"]


@st.composite
def book(draw) -> tuple[str, list[int]]:
    """A made-up book's text and the arabic folios printed in it."""
    style = draw(st.sampled_from(STYLES))
    head = draw(st.sampled_from(["A Treatise on Mills", "THE MILLER'S YEAR.", "Rivers and Rain"]))
    per_page = draw(st.integers(8, 40))
    first = draw(st.integers(1, 300))
    romans = draw(st.integers(0, 4))
    gap = ["", ""] if draw(st.booleans()) else [""]
    lines: list[str] = []
    printed: list[int] = []
    if draw(st.booleans()):      # an old title page: capitals that close with full stops
        lines += draw(st.lists(st.sampled_from(TITLE_PAGE), min_size=1, max_size=8)) + ["", "", ""]
    if draw(st.booleans()):      # a contents list, its entries in capitals and not
        entries = draw(st.lists(st.sampled_from(CONTENTS[1:]), max_size=6))
        lines += [line for entry in ["CONTENTS."] + entries for line in (entry, "")] + ["", ""]
    for k in range(romans):
        lines += gap + [to_roman(k + 1)] + gap + prose(draw, per_page)
    for number in range(first, first + draw(st.integers(2, 14))):
        shown = str(number)
        fate = draw(st.sampled_from(["print"] * 6 + ["missing", "mangled", "signature", "footnote"]))
        if fate == "mangled":
            shown = shown.translate(MANGLE) if draw(st.booleans()) else "m"
        elif fate != "missing":
            printed.append(number)
        page_style = style if style != "alternating" else ("number-first" if number % 2 == 0 else "number-last")
        furniture = {"alone-head": shown, "alone-foot": shown, "number-first": f"{shown} {head}",
                     "number-last": f"{head} {shown}", "heads-apart": (
                         f"{shown}\n\n\n{head.upper()}" if number % 2 == 0 else f"{head}\n\n\n{shown}")}[page_style]
        body = prose(draw, per_page)
        if fate == "signature":
            body += ["", draw(st.sampled_from(["B 2", "C", "Aa 3", "b3"]))]
        if fate == "footnote":
            body[2] += draw(st.sampled_from(["*", "1", " 2"]))
            body += ["", draw(st.sampled_from(["* A note on the mill.", "1 See the mill book.", "2 Ibid."]))]
        if fate == "missing":
            lines += gap + body
        elif page_style == "alone-foot":
            lines += body + gap + [furniture] + gap
        else:
            lines += gap + [furniture] + gap + body
    return "\n".join(lines) + "\n", printed


def prose(draw, n: int) -> list[str]:
    start = draw(st.integers(0, len(WORDS) - 1))
    return [" ".join(WORDS[(start + i + j) % len(WORDS)] for j in range(9)) for i in range(n)]


def page_numbers(data: bytes) -> list[int]:
    root = etree.fromstring(data)
    return [int(pb.get("n")) for pb in root.iter(f"{{{TEI_NS}}}pb") if (pb.get("n") or "").isdigit()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(book())
def test_every_layout_encodes_to_valid_tei_with_rising_page_numbers(made):
    text, printed = made
    data = serialize(encode_text(text).tree)
    assert check_bytes(data, "layout.xml") == []
    numbers = page_numbers(data)
    assert numbers == sorted(set(numbers))
    if len(printed) >= 4:          # enough of a sequence to be evidence: most folios found
        assert len(numbers) >= len(printed) // 2


def test_the_cli_writes_a_hard_layout_without_being_told_not_to_validate(tmp_path):
    # a folio repeated, a number out of step, a mangled one, heads on both sides
    pages = []
    for number, shown in [(20, "20"), (21, "21"), (21, "21"), (22, "2Z"), (23, "m"), (24, "24"), (25, "25")]:
        head = f"{shown} The Miller's Year" if number % 2 == 0 else f"The Miller's Year {shown}"
        pages += ["", head, ""] + [" ".join(WORDS[:9])] * 20
    source = tmp_path / "book.txt"
    source.write_text("\n".join(pages) + "\n")
    out = tmp_path / "book.xml"
    result = CliRunner().invoke(cli, ["encode", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    numbers = page_numbers(out.read_bytes())
    assert numbers == sorted(set(numbers)) and len(numbers) >= 5
