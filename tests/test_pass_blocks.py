"""The blocks pass: paragraphs rebuilt across OCR's blank lines and cutting footnotes."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.model import Hyphen
from teikit.passes import blocks, dehyphenate
from teikit.reader import document_from_text
from teikit.report import Report

FILL = "a line of ordinary running text that is full width\n"


def group(text, **options):
    doc = document_from_text(text)
    blocks.run(doc, blocks.Options(**options), Report())
    return doc.body


def line_numbers(block):
    return [line.n for line in block.text_lines]


def test_blank_inside_paragraph_is_bridged_when_the_line_runs_on():
    body = group(FILL * 3 + "the deliberate flight from reality goes on here\n\n"
                 "by the leaders of the American party.\n")
    assert len(body) == 1 and line_numbers(body[0]) == [1, 2, 3, 4, 6]


def test_short_line_ending_a_sentence_ends_the_paragraph():
    body = group(FILL * 3 + "events.\n\nIt is most unfortunate.\n")
    assert [line_numbers(b) for b in body] == [[1, 2, 3, 4], [6]]


def test_a_full_line_ending_a_sentence_before_a_blank_ends_the_paragraph_where_blanks_part_paragraphs():
    # blanks follow the sentences' ends here, never a line that runs on: each ends a paragraph
    text = ("The " + FILL * 2 + "and so the mill was rebuilt in stone the following spring.\n\n") * 3
    assert [line_numbers(b) for b in group(text)] == [[1, 2, 3], [5, 6, 7], [9, 10, 11]]


def test_one_line_paragraphs_parted_by_blanks_stay_apart():
    text = "The first paragraph is here and it ends.\n\nThe second one is here and it ends.\n\nA third.\n"
    assert len(group(text)) == 3


def test_a_full_line_ending_a_sentence_goes_on_where_blanks_fall_anywhere():
    # OCR's gaps: blanks after lines that run on as often as after sentences' ends
    full_end = "and so the mill was rebuilt in stone the following spring.\n"
    text = FILL + "\n" + FILL + "\n" + FILL + full_end + FILL + "\n" + FILL + full_end + "\nThen " + FILL
    assert len(group(text)) == 1


def test_blanks_ignore_sentences_is_read_off_full_lines():
    def measure(text):
        doc = document_from_text(text)
        return blocks.blanks_ignore_sentences(doc.lines, 0.85 * blocks.usual_width(doc.lines))
    full_end = "and so the mill was rebuilt in stone the following spring.\n"
    assert not measure(("The " + FILL * 2 + full_end + "\n") * 3)   # blanks only after sentences
    assert measure((FILL + "\n" + FILL + full_end + "\n") * 3)       # blanks after both alike
    assert not measure("One line.\n\nAnother line.\n")              # no evidence: blanks part paragraphs


def test_a_name_s_initial_at_a_line_end_ends_no_sentence():
    assert blocks.ends_sentence("the end of it.")
    assert not blocks.ends_sentence("with the help of V. I.")
    assert not blocks.ends_sentence("in 1864-76. V.1.")                # OCR's 1 for I
    assert not blocks.ends_sentence("he wrote to Mr.")


def test_lower_case_start_continues_even_after_a_short_line():
    body = group(FILL * 3 + "China and\n\nthe rest of it.\n")
    assert len(body) == 1


def test_heading_lines_stay_apart_from_the_text():
    body = group("ON SENDIN G TERRORISTS\n\nINTO THE USSR67\n\nJanuary 6, 1937\n\n" + FILL * 3)
    assert [line_numbers(b) for b in body] == [[1, 3], [5], [7, 8, 9]]


@pytest.mark.parametrize("hyphen", ["-", "\u00ac", "\u00ad"])
def test_footnote_cutting_a_paragraph_mid_word(hyphen):
    text = (f"He was a member and com{hyphen}\n\n*A footnote at the foot of the page.\n\n"
            "missar of archives in 1919.\n\nThe next paragraph.\n")
    body = group(text, line_per_paragraph=True, footnote_pattern=r"^\*+ ?\S")
    assert [(b.kind, line_numbers(b)) for b in body] == [("p", [1, 5]), ("note", [3]), ("p", [7])]
    assert body[1].attrs == {"place": "foot", "n": "*"}
    assert body[0].text_lines[0].hyphen is Hyphen.PRINTED


def test_footnote_marker_does_not_count_an_italic_star():
    assert blocks.footnote_n("**Op. cit.* pp. 57-59.") == "*"
    assert blocks.footnote_n("**Lenin's speech on program.") == "**"


def test_one_paragraph_per_line_breaks_at_each_blank():
    body = group("A paragraph that ends without a stop\n\nAnother one.\n", line_per_paragraph=True)
    assert len(body) == 2


def test_furniture_between_paragraphs_opens_the_next_block():
    doc = document_from_text(FILL + "end.\n\n13\n\nNext paragraph.\n")
    doc.lines[3].kind, doc.lines[3].fw_type = "fw", "pageNum"
    blocks.run(doc, blocks.Options(), Report())
    assert [[line.n for line in b.lines] for b in doc.body] == [[1, 2], [4, 6]]


def test_page_ends_shown_by_cuts_become_unnumbered_page_breaks():
    text = ("A paragraph that the page end cuts, and its\n\ncontinuation on the next page.\n\n"
            "Then a paragraph with a marker.*\n\n* The footnote at the page foot.\n\n"
            "The next page begins here.\n\nAnd goes on.\n")
    doc = document_from_text(text)
    blocks.run(doc, blocks.Options(line_per_paragraph=True, footnote_pattern=r"^\*+ ?\S",
                                   page_at_cut=True), Report())
    assert [line.n for line in doc.lines if line.page_break is not None] == [3, 9]
    assert all(line.page_break in (None, "") for line in doc.lines)


def test_without_the_option_cuts_make_no_page_breaks():
    doc = document_from_text("A cut paragraph and\n\nits continuation.\n")
    blocks.run(doc, blocks.Options(line_per_paragraph=True), Report())
    assert all(line.page_break is None for line in doc.lines)


# footnotes at the page foot (made-up pages; two blank lines part the pages)
PAGE_ONE = ("The mill by the river was rebuilt in stone some years later. 1 The\n"
            "miller kept it until the great flood, which carried off the wheel\n"
            "and the sluice. 2 After that the whole of the village came to help, and\n"
            "1 Parish register of the church, vol. 2, p. 14.\n"
            "2 Letter of the vicar to his brother, written in\n"
            "the spring after the flood.\n\n\n"
            "the new wheel turned again before the harvest was in.\n")


def footnotes(text, **options):
    return [(b.attrs["n"], line_numbers(b)) for b in group(text, **options) if b.kind == "note"]


def test_numbered_footnotes_at_the_page_foot_become_notes_and_the_paragraph_goes_on():
    body = group(PAGE_ONE)
    assert [(b.kind, line_numbers(b)) for b in body] == [
        ("p", [1, 2, 3, 9]), ("note", [4]), ("note", [5, 6])]
    assert body[1].attrs == {"place": "foot", "n": "1"}


def test_page_footnote_markers_are_handed_to_the_notes_pass():
    doc = document_from_text(PAGE_ONE)
    blocks.run(doc, blocks.Options(), Report())
    found = [(note.attrs["n"], line.n, line.text[start:end])
             for note, (line, start, end, plain) in doc.facts.blocks.footnote_markers]
    assert found == [("1", 1, "1"), ("2", 3, "2")]


def test_a_word_split_by_the_page_footnotes_is_rejoined():
    text = ("A full line of ordinary running text that the page will cut off,*\n"
            "and the page ends on a word that is dif-\n"
            "* A note on the page.\n\n\nferent from the others.\n")
    body = group(text)
    assert [(b.kind, line_numbers(b)) for b in body] == [("p", [1, 2, 6]), ("note", [3])]
    assert body[0].text_lines[1].hyphen is Hyphen.PRINTED


def test_page_footnotes_numbered_on_through_the_chapter_and_one_misread():
    text = ("the river rose in the night. 12 By morning the fields were under water, 13 and\n"
            "the road was closed. 14 The mail came by boat.\n"
            "I 2 County newspaper, 4 March.\n13 Diary of the miller.\n14 Ibid.\n\n\n")
    report = Report()
    doc = document_from_text(text)
    blocks.run(doc, blocks.Options(), report)
    assert [(b.attrs["n"], line_numbers(b)) for b in doc.body if b.kind == "note"] == [
        ("12", [3]), ("13", [4]), ("14", [5])]
    assert [m.code for m in report.messages if m.code == "TK131"] == ["TK131"]


def test_a_number_opening_a_note_line_that_does_not_fit_stays_in_the_note():
    text = ("the dam broke at last. 1 Nobody was hurt.\n"
            "1 The engineer reported that\n"
            "12 men had worked on it.\n\n\n")
    assert footnotes(text) == [("1", [2, 3])]


def test_no_footnotes_without_markers_above_or_without_a_page_end():
    numbered_list = ("The parish kept three books:\n"
                     "1 Baptisms, from the year the church was built.\n"
                     "2 Marriages, from the same year.\n\n\n")
    assert footnotes(numbered_list) == []
    one_blank = ("the fields were under water. 1 By noon the\n"
                 "1 Diary of the miller.\n\nnext paragraph goes on here.\n")
    assert footnotes(one_blank) == []


def test_quantities_dates_and_ocr_ones_for_i_are_no_markers():
    text = ("We paid on November 2, 1927 for the nails, and 1 think the\n"
            "smith gave us 2 pounds of them.\n"
            "1 have the bill still.\n2 pounds of nails.\n\n\n")
    assert footnotes(text) == []


def test_sign_footnotes_and_an_asterism_that_is_none():
    text = ("the old bridge was pulled down.* Its stones went to the school.†\n"
            "* In the year of the flood.\n† The stones are still there.\n\n\n"
            "More text on the next page.\n\n* * *\n\n\n")
    assert footnotes(text) == [("*", [2]), ("†", [3])]


def test_no_page_footnotes_when_the_profile_gives_a_footnote_pattern():
    assert footnotes(PAGE_ONE, footnote_pattern=r"^\*+ ?\S") == []


def test_a_sign_glued_to_the_first_word_of_its_note():
    text = ("that much has been written,* and more will be, on\n"
            "the subject of the village wells.\n\n"
            "*Smith's History of the County, p. 12.\n\n\n\n14\n")
    assert footnotes(text) == [("*", [4])]


def test_a_note_that_opens_with_a_cited_volume_or_book_number():
    text = ("as the prophet told the elders of the town.”* The rest of the\n"
            "chapter goes on with the story of the well and the tower.†\n"
            "* 2 Quill. iv. 7.\n† 3 Pellw. Rep. 214.\n\n\n")
    assert footnotes(text) == [("*", [3]), ("†", [4])]
    quantities = ("the carts went up the hill to the mill.* Then they came down.\n"
                  "* 2 pints of water a head.\n\n\n")    # a number, then lower case: no note
    assert footnotes(quantities) == []


def test_footnotes_printed_after_the_folio_at_the_page_foot():
    doc = document_from_text("the bells were recast in the year of the fire. 1 The\n"
                             "tower stood\n\n27\n\n1 Churchwardens' accounts.\n\n\n"
                             "until the storm of the next winter.\n")
    doc.lines[3].kind, doc.lines[3].fw_type = "fw", "pageNum"
    blocks.run(doc, blocks.Options(), Report())
    assert [(b.kind, [line.n for line in b.lines]) for b in doc.body] == [
        ("p", [1, 2, 4, 9]), ("note", [6])]


def test_a_misread_marker_between_its_neighbours_is_placed_but_is_no_evidence():
    text = ("the first well was dug. 4 The second, which was deeper, ran dry.” 0\n"
            "The third never held water at all. 6 So the village went on\n"
            "4 Survey of the parish.\n5 Ibid.\n6 Letter of the surveyor.\n\n\n")
    doc = document_from_text(text)
    blocks.run(doc, blocks.Options(), Report())
    found = [(note.attrs["n"], line.n, line.text[start:end], plain)
             for note, (line, start, end, plain) in doc.facts.blocks.footnote_markers]
    assert found == [("4", 1, "4", True), ("5", 1, "0", False), ("6", 2, "6", True)]


NOTE_SOUP_LINE = st.one_of(
    st.sampled_from(["", "", "", "13", "1 Ibid.", "2 See p. 4.", "* A note.", "† Cf. the map.",
                     "I 2 Misread.", "° See the map.", "12 men came.", "1. A list item", "* * *",
                     "*Glued note.", "a word that is dif-", "ferent, and then."]),
    st.lists(st.sampled_from(["the", "mill.", "river,", "1", "2", "12", "*", "†", "word1",
                              "end.”", "0", "p.", "4", "House"]), min_size=1, max_size=10).map(" ".join))


@settings(max_examples=200, deadline=None)
@given(st.lists(NOTE_SOUP_LINE, min_size=1, max_size=40))
def test_every_line_lands_in_exactly_one_block(lines):
    doc = document_from_text("\n".join(lines) + "\n")
    blocks.run(doc, blocks.Options(), Report())
    placed = [line.n for block in doc.body for line in block.lines]
    assert sorted(placed) == [line.n for line in doc.lines if line.kind in ("text", "fw")]


def test_a_note_running_over_to_the_next_page_foot_is_finished_there():
    text = ("the mill was sold at last to the cousin of the\n"          # 1
            "miller, who had worked it for years. 1 He kept\n"          # 2
            "1 Deeds of the manor court, which record every transfer of the mill and\n"
            "\n\n"
            "it going and rebuilt the wheel in iron, as his\n"          # 6
            "cousin had wished before he died in the winter.\n"         # 7
            "the fields around it, from the first lease to the sale in the flood year.\n"
            "\n\nThe village grew.\n")                                  # 11
    body = group(text)
    assert [(b.kind, line_numbers(b)) for b in body] == [("p", [1, 2, 6, 7]), ("note", [3, 8]),
                                                          ("p", [11])]


def test_a_marker_opening_a_text_line_does_not_start_the_notes():
    lines = ["1 The miller kept it until the flood, and his son, 2 who", "1 Parish register.",
             "2 Letter of the vicar."]
    starts = [(i, blocks.NOTE_START_RE.match(line)) for i, line in enumerate(lines)]
    assert blocks.note_sequence(starts) is None          # the numbers start again below it
    assert blocks.note_sequence(starts[1:]) == [(1, "1"), (2, "2")]


def test_text_resuming_after_page_footnotes_starts_an_unnumbered_page():
    doc = document_from_text(PAGE_ONE)
    blocks.run(doc, blocks.Options(), Report())
    assert [(line.n, line.page_break) for line in doc.lines if line.page_break is not None] == [(9, "")]
    doc = document_from_text(PAGE_ONE.replace("\n\n\nthe new", "\n\n\n15\n\nthe new"))
    doc.lines[8].kind, doc.lines[8].page_break = "fw", "15"
    blocks.run(doc, blocks.Options(), Report())
    assert [(line.n, line.page_break) for line in doc.lines if line.page_break is not None] == [(9, "15")]


def test_a_note_run_over_set_apart_by_a_blank_line():
    text = ("the mill was sold at last to the cousin of the\n"
            "miller, who had worked it for years. 1 He kept\n\n"
            "1 Deeds of the manor court, which record every transfer of the mill and\n"
            "\n\n"
            "it going and rebuilt the wheel in iron, as his\n"
            "cousin had wished before he died in the winter.\n\n"
            "the fields around it, from the first lease to the sale in the flood year.\n"
            "\n\nThe village grew.\n")
    assert footnotes(text) == [("1", [4, 10])]


def test_raised_note_numbers_that_ocr_kept_as_superscripts():
    text = ("the mill was rebuilt in stone some years later.¹ The miller kept\n"
            "it until the great flood, which carried off the wheel.²\n"
            "¹ Parish register.\n²Letter of the vicar.\n\n\n")
    doc = document_from_text(text)
    blocks.run(doc, blocks.Options(), Report())
    found = [(note.attrs["n"], line.text[start:end])
             for note, (line, start, end, plain) in doc.facts.blocks.footnote_markers]
    assert found == [("1", "¹"), ("2", "²")]


def test_note_numbers_in_brackets():
    text = ("the mill was rebuilt in stone some years later (1), and the miller\n"
            "kept it until the great flood carried off the wheel.2 Then\n"
            "(1) Parish register.\n2) Letter of the vicar.\n\n\n")
    assert footnotes(text) == [("1", [3]), ("2", [4])]


def letter_page(note: str, text: str):
    """A made-up page of a letter: the folio (furniture), a note at the top, the text."""
    doc = document_from_text("the ferry was late again and we\n\n12\n\n" + note + "\n\n" + text)
    doc.lines[2].kind, doc.lines[2].fw_type = "fw", "pageNum"
    blocks.run(doc, blocks.Options(), Report())
    return doc


def test_a_note_written_at_the_top_of_a_page_above_its_marker():
    doc = letter_page("* The old ferryman, who would not\nhurry for anyone",
                      "waited on the bank until noon. * Then the\nboat came over and we crossed.\n")
    assert [(b.kind, line_numbers(b)) for b in doc.body] == [("p", [1, 8, 9]), ("note", [5, 6])]
    ((note, (line, start, end, plain)),) = doc.facts.blocks.footnote_markers
    assert (line.n, line.text[start:end], plain) == (8, "*", True)
    assert doc.lines[7].page_break is None         # a note at the top ends no page


def test_no_note_at_the_top_of_a_page_without_one_marker_below():
    for text in ("waited on the bank until noon. Then the\nboat came over.\n",          # no marker
                 "waited on the bank. * Then the\nboat came over * and we crossed.\n"):  # two
        doc = letter_page("* The old ferryman, who would not\nhurry for anyone", text)
        assert "note" not in [b.kind for b in doc.body]


# a made-up newspaper column whose paragraphs are parted by no blank line
COLUMN = ("The council met on Monday to hear the\n"
          "report of the bridge committee, which\n"
          "asked for a survey.\n"                       # 3: ends a paragraph, short
          "The mayor said the town could not pay\n"
          "for a survey before the spring rates\n"
          "came in.\n"                                  # 6
          "Mr. Dobbin of the mill objected that\n"
          "the old bridge would not last a year.\n"     # 8: full width, ends a sentence
          "Work on the Roads.\n"                        # 9: a subhead, left to `structure`
          "Most of the roads are in poor repair,\n"
          "and the quarry carts do not help them.\n"
          "Nobody disputed it.\n"                       # 12
          "The meeting rose at nine o'clock.\n")


def test_a_short_line_ending_a_sentence_ends_a_paragraph_where_no_blank_line_does():
    assert [line_numbers(b) for b in group(COLUMN)] == [
        [1, 2, 3], [4, 5, 6], [7, 8, 9, 10, 11, 12], [13]]
    assert [line_numbers(b) for b in group(COLUMN, short_line_paragraphs=False)] == [list(range(1, 14))]


def test_short_lines_end_no_paragraph_where_blank_lines_part_them():
    text = COLUMN.replace("survey.\n", "survey.\n\n").replace("it.\n", "it.\n\n")
    # `came in.` ends a paragraph inside a run, but the document parts two by blank lines
    assert line_numbers(group(text)[1])[:4] == [5, 6, 7, 8]


def test_furniture_at_a_paragraph_end_inside_a_run_goes_with_the_text_after_it():
    doc = document_from_text(COLUMN.replace("survey.\n", "survey.\nTHE DAILY COURIER\n"))
    doc.lines[3].kind, doc.lines[3].fw_type = "fw", "header"
    blocks.run(doc, blocks.Options(), Report())
    assert [[line.n for line in b.lines] for b in doc.body][:2] == [[1, 2, 3], [4, 5, 6, 7]]


def test_a_footnote_whose_capital_ocr_read_as_a_letter_and_a_bracket_is_found():
    # `*i)ellworth` is `*Pellworth`: the note's opening word is OCR's wreck, not a word in lower case
    text = ("A full line of ordinary running text that the page will cut off here\n"
            "as the tides were measured,* and it goes on to the end of this.\n\n"
            "*i)ellworth’s Tables of the Tides, 2d ed., p. 45.\n\n\n\n17\n\n\n")
    assert footnotes(text) == [("*", [4])]
    # a line in lower case after a sign is no note: `* and so on` is the text's
    assert footnotes(text.replace("*i)ellworth’s", "* and so")) == []


def markers_found(text):
    doc = document_from_text(text)
    blocks.run(doc, blocks.Options(), Report())
    return [(note.attrs["n"], marker and (marker[0].n, marker[0].text[marker[1]:marker[2]]))
            for note, marker in doc.facts.blocks.footnote_markers]


MISREAD_OPENINGS = ("the mill was rebuilt in stone by the year 1790.1 The miller kept\n"
                    "I.‘ Quillet, Parish Letters, 4.\n\n\n"
                    "it until the flood, which carried off the wheel. 2 After that the\n"
                    "village came to help. 3 The new wheel turned again before harvest,\n"
                    "and the miller sent word to the town. 4 The smith came on foot.\n"
                    "2. Pellworth, Mills of the Shire, 12.\n"
                    "S. Quillet, Parish Letters, II, 4\n"
                    "4. Ibid., 9.\n\n\n")


def test_note_openings_ocr_misread_go_on_with_the_document_s_note_sequence():
    assert footnotes(MISREAD_OPENINGS) == [("1", [2]), ("2", [8]), ("3", [9]), ("4", [10])]
    # the 4 that ends note 3's text is no marker: note 4's stands in the text above
    assert markers_found(MISREAD_OPENINGS) == [("1", (1, "1")), ("2", (5, "2")), ("3", (6, "3")),
                                               ("4", (7, "4"))]


def test_an_initial_or_a_roman_one_at_a_page_foot_opens_no_note():
    initial = ("the miller sent word to the town, 4 and the smith came on foot, with\n"
               "S. Quillet and his brother, to mend the wheel.\n\n\n")
    assert footnotes(initial) == []
    roman = ("the mill stood until the year of the great flood. Then it fell.\n"
             "I. The Second Mill\n\n\n")
    assert footnotes(roman) == []


def test_a_note_number_with_a_comma_and_one_with_a_digit_misread():
    text = ("the wheel turned again. 12 The miller kept the old stones in the yard\n"
            "12, Pellworth, Mills of the Shire, 40.\n\n\n"
            "until the new mill was built. 13 The smith made the irons for it, 14 and\n"
            "13. Quillet, Parish Letters, 7.\n"
            "44, Ibid.\n\n\n")
    assert footnotes(text) == [("12", [2]), ("13", [6]), ("14", [7])]
    alone = ("until the new mill was built. 13 The smith made the irons for it, 14 and\n"
             "13. Quillet, Parish Letters, 7.\n"
             "44, Ibid.\n\n\n")      # no page before vouches for the sequence: 44 is not 14
    assert footnotes(alone) == []


def test_notes_whose_openings_ocr_lost_go_with_the_note_before():
    text = ("the mill was sold. The new owner, who came from the town, did not\n"
            "keep it long.” 6 In the spring he sold it again, 7 and went away.\n"
            "4. Quillet, Parish Letters, 7.\n"
            "f> Pellworth, Mills of the Shire, 40.\n"
            "Ibid., 41.\n"
            "7. Quillet, Parish Letters, 9.\n\n\n")
    assert footnotes(text) == [("4", [3, 4, 5]), ("7", [6])]
    # the 6 is the marker of a note whose opening was lost, no misreading of 4
    assert markers_found(text) == [("4", None), ("7", (2, "7"))]


def test_a_marker_ocr_read_with_a_letter_for_a_digit():
    text = ("the mill was sold.’ l3 The new owner came from the town.’ I think he\n"
            "did not keep it long. 14 In the spring he sold it again and went away.\n"
            "13. Quillet, Parish Letters, 7.\n14. Ibid.\n\n\n")
    assert markers_found(text) == [("13", (1, "l3")), ("14", (2, "14"))]
    pronoun = ("the mill was sold.’ I think the new owner came from the town, and he\n"
               "did not keep it long. 14 In the spring he sold it again and went away.\n"
               "13. Quillet, Parish Letters, 7.\n14. Ibid.\n\n\n")
    assert markers_found(pronoun) == [("13", None), ("14", (2, "14"))]


def test_a_word_cut_by_a_note_with_a_misread_number_joins_the_next_page_not_the_note():
    text = ("the mill was rebuilt in stone by the year 1790.1 The miller kept the\n"
            "wheel and the sluice in good repair until the flood, and was a guar-\n"
            "I. Quillet, Parish Letters, 4.\n\n\n"
            "dian of the village well as well.\n")
    doc = document_from_text(text)
    dehyphenate.run(doc, dehyphenate.Options(), Report())
    blocks.run(doc, blocks.Options(), Report())
    assert [(b.kind, line_numbers(b)) for b in doc.body] == [("p", [1, 2, 6]), ("note", [3])]
    assert doc.body[0].text_lines[1].hyphen is Hyphen.PRINTED
