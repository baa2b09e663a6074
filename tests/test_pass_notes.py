"""The notes pass: markers linked to their notes, mangled ones read by the sequence,
footnotes moved to their markers, `*italics*` as hi."""
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from teikit.config import EditionConfig
from teikit.encode import encode_text
from teikit.model import Block, Line
from teikit.passes import notes
from teikit.reader import document_from_text
from teikit.report import Report
from teikit.tei.reader import diplomatic_lines
from test_pass_blocks import PAGE_ONE


def build(paragraphs: list[str], endnotes: list[str]):
    """A document with one p per paragraph and a notes division of numbered endnotes."""
    doc = document_from_text("\n\n".join(paragraphs + endnotes))
    texts = [line for line in doc.lines if line.kind == "text"]
    body = [Block("p", [line]) for line in texts[:len(paragraphs)]]
    notes_div = Block("div", attrs={"type": "notes"}, children=[
        Block("note", [line], {"n": line.text.split(".")[0], "type": "endnote", "place": "end"})
        for line in texts[len(paragraphs):]])
    doc.body = [Block("div", children=body)]
    doc.back = [notes_div]
    return doc, body, notes_div.children


def refs(block):
    return [(block.text[m.start:m.end], m.attrs.get("target")) for m in block.marks if m.tag == "ref"]


def test_glued_markers_linked_both_ways_and_mangled_one_corrected():
    doc, body, endnotes = build(
        ["the ideas of Marx and Lenin.1 Then", "ON THE ATLANTIC2", "Communist International.:1 It",
         "the Moscow trial.4 And in 1936 the final count"],
        ["1. Lenin", "2. Atlantic", "3. Comintern", "4. Trial"])
    report = Report()
    notes.run(doc, notes.Options(), report)
    assert [refs(b) for b in body] == [[("1", "#n1")], [("2", "#n2")], [(":1", "#n3")], [("4", "#n4")]]
    choice = [m for m in body[2].marks if m.tag == "choice"]
    assert choice[0].attrs == {"corr": "3", "resp": "#teikit", "cert": "medium"}
    assert endnotes[2].attrs["xml:id"] == "n3" and endnotes[2].attrs["corresp"] == "#nr3"
    assert not [m for m in report.messages if m.code == "TK161"]


def test_marker_that_cannot_be_placed_is_reported_not_guessed():
    doc, body, _ = build(["Lenin.1 and", "nothing here", "exile.3 end"],
                         ["1. a", "2. b", "3. c"])
    report = Report()
    notes.run(doc, notes.Options(), report)
    assert [m.text for m in report.messages if m.code == "TK161"] == [
        "no marker found for note 2 (after note 1, before note 3)"]


def test_words_ending_in_l_and_years_are_not_markers():
    doc, body, _ = build(["the final trial of 1936, in May 19i36 the MFI said.", "Oslo.1 end"], ["1. x"])
    notes.run(doc, notes.Options(), Report())
    assert refs(body[0]) == [] and refs(body[1]) == [("1", "#n1")]


def test_bracketed_markers():
    doc, body, _ = build(["established [1] in defence", "quoted [2] by Trotsky"],
                         ["1. See The Red Flag", "2. History"])
    notes.run(doc, notes.Options(endnote_markers="bracketed"), Report())
    assert refs(body[0]) == [("[1]", "#n1")] and refs(body[1]) == [("[2]", "#n2")]


def test_footnote_moved_to_its_marker_and_italics():
    doc = document_from_text("history will be made.* But *op. cit.* said\n\n*Victor Serge: *op. cit.* 5ff.")
    para = Block("p", [doc.lines[0]])
    note = Block("note", [doc.lines[2]], {"place": "foot", "n": "*"})
    doc.body = [Block("div", children=[para, note])]
    notes.run(doc, notes.Options(endnote_markers="", footnote_signs=True, italics=True), Report())
    assert doc.body[0].children == [para]
    inserted = [m for m in para.marks if m.tag == "note"]
    assert inserted[0].start == inserted[0].end == para.text.index("*") + 1
    assert inserted[0].blocks == [note] and inserted[0].attrs["xml:id"] == "fn1"
    assert refs(para) == [("*", "#fn1")]
    assert [para.text[m.start:m.end] for m in para.marks if m.tag == "hi"] == ["op. cit."]
    assert [note.text[m.start:m.end] for m in sorted(note.marks, key=lambda m: m.start)
            if m.tag in ("label", "hi")] == ["*", "op. cit."]


def test_footnote_sign_must_precede_the_note_in_the_source():
    doc = document_from_text("rid of them.*\n\n*Reminiscences.\n\nthe former government.*\n\n*Op. cit.")
    first, second = Block("p", [doc.lines[0]]), Block("p", [doc.lines[4]])
    note_a = Block("note", [doc.lines[2]], {"place": "foot", "n": "*"})
    note_b = Block("note", [doc.lines[6]], {"place": "foot", "n": "*"})
    doc.body = [first, second, note_a, note_b]     # blocks put both notes after the paragraphs
    notes.run(doc, notes.Options(endnote_markers="", footnote_signs=True), Report())
    assert [m.blocks for m in first.marks if m.tag == "note"] == [[note_a]]
    assert [m.blocks for m in second.marks if m.tag == "note"] == [[note_b]]


def test_mangled_markers_placed_by_digits_and_note_words_with_certainty():
    doc, body, _ = build(
        ["the ideas of Lenin.1 Then", "the day of their capitulation.2H Between us",
         "comparisons with Dimitrov's conduct in the Leipzig trialY To be sure", "in Oslo.4 end"],
        ["1. Lenin", "2. Capitulation of the Opposition", "3. Georgi D imitrov (1882-1949), a Bulgarian", "4. Oslo"])
    report = Report()
    notes.run(doc, notes.Options(), report)
    assert refs(body[1]) == [("2H", "#n2")] and refs(body[2]) == [("Y", "#n3")]
    certs = [m.attrs["cert"] for b in body for m in b.marks if m.tag == "choice"]
    assert certs == ["medium", "low"]
    assert [m.line for m in report.messages if m.code == "TK169"] == [body[2].lines[0].n]


def test_possessives_closing_quotes_and_exclamations_are_not_loose_markers():
    doc, body, _ = build(["Lenin.1 and", "Stalin's men in no way 'tired,' said jail!! Then", "exile.3 end"],
                         ["1. a", "2. Stalin", "3. c"])
    report = Report()
    notes.run(doc, notes.Options(), report)
    assert refs(body[1]) == []
    assert [m.text for m in report.messages if m.code == "TK161"] == [
        "no marker found for note 2 (after note 1, before note 3)"]


def test_page_footnotes_moved_to_their_numbered_markers_with_labels():
    doc = encode_text(PAGE_ONE, EditionConfig(profile="book")).doc
    para = next(b for b in doc.leaves() if b.kind == "p")
    assert refs(para) == [("1", "#fn1"), ("2", "#fn2")]
    inserted = sorted((m for m in para.marks if m.tag == "note"), key=lambda m: m.start)
    assert [m.start for m in inserted] == [para.text.index(" 1 ") + 2, para.text.index(" 2 ") + 2]
    first = inserted[0].blocks[0]
    assert first.attrs["n"] == "1" and first.attrs["place"] == "foot"
    assert [first.text[m.start:m.end] for m in first.marks if m.tag == "label"] == ["1"]


SOUP_LINE = st.one_of(
    st.sampled_from(["", "", "", "", "27", "1 Ibid.", "2 See p. 4.", "* A note.", "† Cf. the map.",
                     "I 2 Misread.", "12 men came.", "*Glued note.", "a word that is dif-"]),
    st.lists(st.sampled_from(["the", "mill.", "river,", "1", "2", "12", "*", "†", "0", "end.”",
                              "House", "ferent"]), min_size=1, max_size=10).map(" ".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SOUP_LINE, min_size=1, max_size=30))
def test_page_footnotes_keep_the_diplomatic_round_trip(lines):
    text = "\n".join(lines)
    if not text.strip():
        return
    encoded = encode_text(text, EditionConfig(profile="book"))
    assert diplomatic_lines(encoded.tree) == [line.rstrip() for line in lines if line.strip()]


def test_a_raised_marker_and_label_are_kept_as_printed():
    doc = encode_text("the mill was rebuilt in stone some years later.¹ The miller kept\n"
                      "¹ Parish register.\n\n\n", EditionConfig(profile="book")).doc
    para = next(b for b in doc.leaves() if b.kind == "p")
    assert refs(para) == [("¹", "#fn1")] and not [m for m in para.marks if m.tag == "choice"]
    note = next(m for m in para.marks if m.tag == "note").blocks[0]
    assert [m.tag for m in note.marks if m.tag in ("label", "choice")] == ["label"]


def test_endnotes_follow_their_sequence_through_ocr_noise():
    pattern = re.compile(r"^\s*(\d{1,3})\s?\.\s+\S")
    assert notes.endnote_number("59. Alexei Rykov", pattern, 58) == 59
    assert notes.endnote_number("60_ Felix Dzerzhinsky", pattern, 59) == 60
    assert notes.endnote_number("2:39. Nicola Sacco", pattern, 238) == 239
    assert notes.endnote_number(" 31 L The French Radicals", pattern, 310) == 311
    assert notes.endnote_number("24. 1937.", pattern, 120) == 0          # a date inside note 120
    assert notes.endnote_number("6O. A note", pattern, 12) == 0           # noise only where expected
    assert notes.endnote_number("15. A note", pattern, 12) == 15          # a note OCR lost between
    # a number read through OCR's letters only where a sentence ended before it
    assert notes.endnote_number("I went to the mill.", pattern, 0) == 1
    assert notes.endnote_number("I went to the mill.", pattern, 0, after_sentence=False) == 0
    assert notes.endnote_number("1. A note", pattern, 0, after_sentence=False) == 1


def test_split_endnotes_reads_each_number_once_into_a_label():
    lines = [Line(k, text) for k, text in enumerate(["1. Mara Quillet wrote it.", "more of it.",
                                                      "2. Another note.", "[3] not this pattern's."], 1)]
    pattern = re.compile(r"^\s*(\d{1,3})\s?\.\s+\S")
    out = notes.split_endnotes([Block("p", lines)], pattern)
    assert [(b.kind, b.attrs.get("n")) for b in out] == [("note", "1"), ("note", "2")]
    labels = [[b.text[m.start:m.end] for m in b.marks if m.tag == "label"] for b in out]
    assert labels == [["1."], ["2."]]
    assert out[1].text.endswith("[3] not this pattern's.")


def test_a_paragraph_without_a_number_goes_on_the_endnote_before_it():
    def block(*texts):
        return Block("p", [Line(k, text) for k, text in enumerate(texts, 1)])
    pattern = re.compile(r"^\s*(\d{1,3})\s?\.\s+\S")
    out = notes.split_endnotes([block("A list of the notes follows."), block("1. Osric Pellworth wrote it."),
                                block("Translated for this volume."), block("2. Another note.")], pattern)
    assert [(b.kind, len(b.lines)) for b in out] == [("p", 1), ("note", 2), ("note", 1)]


def test_a_pronoun_opening_a_line_inside_a_sentence_starts_no_endnote():
    lines = [Line(k, text) for k, text in enumerate(["The miller said that when", "I went to the weir it was dry,",
                                                      "I found it full the next day."], 1)]
    out = notes.split_endnotes([Block("p", lines)], re.compile(r"^\s*(\d{1,3})\s?\.\s+\S"))
    assert [(b.kind, len(b.lines)) for b in out] == [("p", 3)]


def test_a_number_glued_to_a_word_in_capitals_is_left_to_the_marker_sequence():
    assert notes.glued_number_start("HARBOURl") == 7                 # 1 read as l
    assert notes.glued_number_start("LAW12") == 3
    assert notes.glued_number_start("HARBOUR") == 7                  # nothing glued on


def glued_match_spans(matches):
    return [(m.span(), m.span("pre"), m.span("gap"), m.span("m")) for m in matches]


def test_glued_markers_are_the_pattern_matches_found_from_where_a_marker_begins():
    text = "Quillet.5 and Osric.'l2 at Tulverton, al1 ill. l6 (Quillbury)2"
    assert glued_match_spans(notes.glued_markers(text)) == \
        glued_match_spans(notes.GLUED_MARKER_RE.finditer(text))
    assert [m.group("m") for m in notes.glued_markers("Pellworth.12 al1 ")] == ["12", "l1", "1"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZlIio01 .,;:!?\"'’”)\n", max_size=20))
def test_glued_markers_find_what_the_pattern_finds_anywhere(text):
    assert glued_match_spans(notes.glued_markers(text)) == \
        glued_match_spans(notes.GLUED_MARKER_RE.finditer(text))


def test_a_page_footnote_marker_the_corrections_read_as_its_number_is_linked():
    doc = encode_text("the mill was sold.’ l3 The new owner came from the town, and he\n"
                      "did not keep it long. 14 In the spring he sold it again and went away.\n"
                      "13. Quillet, Parish Letters, 7.\n14. Ibid.\n\n\n", EditionConfig(profile="book")).doc
    para = next(b for b in doc.leaves() if b.kind == "p")
    assert refs(para) == [("l3", "#fn1"), ("14", "#fn2")]
    assert [(m.attrs["corr"], para.text[m.start:m.end]) for m in para.marks if m.tag == "choice"] == [("13", "l3")]
