"""The dates pass: printed calendar expressions -> <date> marks with ISO values."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.model import Block, Hyphen, Mark
from teikit.passes.date_grammar import is_calendar_day
from teikit.passes.dates import Options, find_dates, mark_dates, run
from teikit.reader import document_from_text
from teikit.report import Report


def dates_in(text):
    return [(text[i:j], attrs) for i, j, attrs in find_dates(text)]


@pytest.mark.parametrize("text, expected", [
    ("On January 23, 1937, it began", ("January 23, 1937", {"when": "1937-01-23"})),
    ("the trial of 23 January 1937.", ("23 January 1937", {"when": "1937-01-23"})),
    ("Tuesday 9 January 2024, by Robert", ("Tuesday 9 January 2024", {"when": "2024-01-09"})),
    ("opened on January 23rd and", ("January 23rd", {"when": "--01-23"})),
    ("written August 5 [1936] at", ("August 5 [1936]", {"when": "1936-08-05"})),
    ("in April, 1937 the", ("April, 1937", {"when": "1937-04"})),
    ("MARCH 1917", ("MARCH 1917", {"when": "1917-03"})),
    ("NOVEMBER 7, 1917", ("NOVEMBER 7, 1917", {"when": "1917-11-07"})),
    ("on the first of March the", ("first of March", {"when": "--03-01"})),
    ("April 24-29, 1917.", ("April 24-29, 1917", {"from": "1917-04-24", "to": "1917-04-29"})),
    ("Writings (1936-37)", ("1936-37", {"from": "1936", "to": "1937"})),
    ("in 1917-1923 there", ("1917-1923", {"from": "1917", "to": "1923"})),
    ("the session of 1790–'91 was", ("1790–'91", {"from": "1790", "to": "1791"})),
    # a season of a year: the year (or the years a winter spans)
    ("in the Spring of 1884, when", ("Spring of 1884", {"when": "1884"})),
    ("the winter of 1790–'91 was", ("winter of 1790–'91", {"from": "1790", "to": "1791"})),
    ("by summer, 1790 we", ("summer, 1790", {"when": "1790"})),
    ("Natalia Sedova (1882·1962)", ("1882·1962", {"from": "1882", "to": "1962"})),
    ("Pierre Naville (1904- )", ("1904-", {"from": "1904"})),
    ("in the 1930s and", ("1930s", {"from": "1930", "to": "1939"})),
    ("January-March-Trotsky writes", ("January-March", {"from": "--01", "to": "--03"})),
    ("January 9-Trotsky arrives", ("January 9", {"when": "--01-09"})),
    ("in December he", ("December", {"when": "--12"})),
    ("January 3 1 ,  1 9 3 7 Coyoacan", ("January 3 1 ,  1 9 3 7", {"when": "1937-01-31"})),
    ("April 1O-17-Commission", ("April 1O-17", {"from": "--04-10", "to": "--04-17"})),
    # ordinals, `day of`, `of the year`, a bracketed year
    ("on the 16th of April, 1862, we", ("16th of April, 1862", {"when": "1862-04-16"})),
    ("the 27th day of June 1828.", ("27th day of June 1828", {"when": "1828-06-27"})),
    ("In June of the year 1865 he", ("June of the year 1865", {"when": "1865-06"})),
    ("late in January (1872) the", ("January (1872)", {"when": "1872-01"})),
    ("on the second day of May, 1790", ("second day of May, 1790", {"when": "1790-05-02"})),
    ("October first 1802 at", ("October first 1802", {"when": "1802-10-01"})),
    ("the 7 or 8th of March", ("7 or 8th of March", {"from": "--03-07", "to": "--03-08"})),
    # short months with or without a period, `2d`, `3d`, a spaced suffix
    ("Feby 9th 1802", ("Feby 9th 1802", {"when": "1802-02-09"})),
    ("Jany. 3, 1802", ("Jany. 3, 1802", {"when": "1802-01-03"})),
    ("came Apl 3, 1802", ("Apl 3, 1802", {"when": "1802-04-03"})),
    ("on Sept 4th he", ("Sept 4th", {"when": "--09-04"})),
    ("dated Decr 22d 1799", ("Decr 22d 1799", {"when": "1799-12-22"})),
    ("at Mar 3, 1850 the", ("Mar 3, 1850", {"when": "1850-03-03"})),
    ("October 14 th 1802.", ("October 14 th 1802", {"when": "1802-10-14"})),
    ("Cross Keys, May 12 th1802. Dear", ("May 12 th1802", {"when": "1802-05-12"})),
    ("came 4 Oct Wed. and", ("4 Oct Wed.", {"when": "--10-04"})),
    # weekdays before or after, the doubtful `?`, year-first diary heads
    ("Monday 1 October 1790 we", ("Monday 1 October 1790", {"when": "1790-10-01"})),
    ("on 3 October, Saturday, we", ("3 October, Saturday", {"when": "--10-03"})),
    ("May 6 ? 1790 rain", ("May 6 ? 1790", {"when": "1790-05-06"})),
    ("1790 March 5th rain", ("1790 March 5th", {"when": "1790-03-05"})),
    ("1790 6 March rain", ("1790 6 March", {"when": "1790-03-06"})),
    ("1790 March rain", ("1790 March", {"when": "1790-03"})),
    # OCR's letters in digits, numeric dates, spans of months, eras
    ("Gazette of May 2G, 1850, a", ("May 2G, 1850", {"when": "1850-05-26"})),
    ("in June, 18G3.", ("June, 18G3", {"when": "1863-06"})),
    ("in June 1 843 the", ("June 1 843", {"when": "1843-06"})),
    ("sent 25/12/1799 by post", ("25/12/1799", {"when": "1799-12-25"})),
    ("sent 3/4/1799 by post", ("3/4/1799", {"when": "1799-03-04"})),
    ("from May to August, 1790, we", ("May to August, 1790", {"from": "1790-05", "to": "1790-08"})),
    ("the Chronicle, A.D. 814.", ("A.D. 814", {"when": "0814"})),
    ("died 814 A.D. at", ("814 A.D.", {"when": "0814"})),
    # spans across months and years
    ("from April 24-May 2, 1790 we", ("April 24-May 2, 1790", {"from": "1790-04-24", "to": "1790-05-02"})),
    ("December 30, 1790-January 2, 1791 x",
     ("December 30, 1790-January 2, 1791", {"from": "1790-12-30", "to": "1791-01-02"})),
    # `to` spans, `from` year spans, a one-digit range end
    ("from Augt 3 to Sept 9, 1790 we", ("Augt 3 to Sept 9, 1790", {"from": "1790-08-03", "to": "1790-09-09"})),
    ("from the 3d to the 7th of May, 1790,", ("3d to the 7th of May, 1790", {"from": "1790-05-03", "to": "1790-05-07"})),
    ("the session 1790-1 was", ("1790-1", {"from": "1790", "to": "1791"})),
    ("the winter 1790-1 was", ("winter 1790-1", {"from": "1790", "to": "1791"})),
    # capitals' suffixes, `Mch.`, `Jan'y`, a year after a bare comma or an era, OCR's `l6`
    ("SAILED MARCH 1ST, 1790", ("MARCH 1ST, 1790", {"when": "1790-03-01"})),
    ("dated Mch. 3, 1790", ("Mch. 3, 1790", {"when": "1790-03-03"})),
    ("dated Jan'y 3, 1790", ("Jan'y 3, 1790", {"when": "1790-01-03"})),
    ("on April 16,1790 we", ("April 16,1790", {"when": "1790-04-16"})),
    ("the 16th day of April, A.D. 1790, we", ("16th day of April, A.D. 1790", {"when": "1790-04-16"})),
    ("on April l6, 1790 we", ("April l6, 1790", {"when": "1790-04-16"})),
    # a day `1` OCR read as a letter alone, before a comma and a year
    ("Quillbury, May I, 1790. Sir,", ("May I, 1790", {"when": "1790-05-01"})),
    ("sent April l, 1790 by", ("April l, 1790", {"when": "1790-04-01"})),
    # a weekday's short form before the date, a month's period with no space after it
    ("Mon., Jan. 4, 1790 came", ("Mon., Jan. 4, 1790", {"when": "1790-01-04"})),
    ("sent Sept.1, 1790 by", ("Sept.1, 1790", {"when": "1790-09-01"})),
    # a dateline's comma after the day that OCR read as a full stop
    ("QUILLBURY, MAY 9. 1862. No.", ("MAY 9. 1862", {"when": "1862-05-09"})),
    # deeds and court records: the year written out, after `in the year of our Lord`
    ("on the second day of June in the year of our Lord one thousand eight hundred and forty six Osric",
     ("second day of June in the year of our Lord one thousand eight hundred and forty six", {"when": "1846-06-02"})),
    ("sworn 9th May in the year 1851 before", ("9th May in the year 1851", {"when": "1851-05-09"})),
    ("in the year of our Lord eighteen hundred and sixty-two the", ("eighteen hundred and sixty-two", {"when": "1862"})),
    ("A.D. one thousand seven hundred and nineteen", ("one thousand seven hundred and nineteen", {"when": "1719"})),
    ("witness the 14th day of May Anno Domini 1790 at", ("14th day of May Anno Domini 1790", {"when": "1790-05-14"})),
    ("Issued the 3d Day of Octr 1790.", ("3d Day of Octr 1790", {"when": "1790-10-03"})),
    # a court's sitting: its term, its day counted by weekday
    ("at the October term 1849 of the court", ("October term 1849", {"when": "1849-10"})),
    ("to the May Term, 1850, at", ("May Term, 1850", {"when": "1850-05"})),
    ("on the third Monday of April 1848 at", ("third Monday of April 1848", {"when": "1848-04-17"})),
    ("the last Friday in May 1862", ("last Friday in May 1862", {"when": "1862-05-30"})),
    ("the first Tuesday of June next", ("first Tuesday of June next", {"when": "--06", "_direction": "1"})),
    ("on the third Monday of April being the nineteenth day of the same month in the year 1848 at",
     ("third Monday of April being the nineteenth day of the same month in the year 1848", {"when": "1848-04-19"})),
    # days in words, their tens and units apart; a year whose space to the next word was lost
    ("the twenty second day of May 1851 at", ("twenty second day of May 1851", {"when": "1851-05-22"})),
    ("on the 9th of June 1851a deed", ("9th of June 1851", {"when": "1851-06-09"})),
])

def test_printed_forms(text, expected):
    assert dates_in(text) == [expected]


def test_series_shares_its_year_where_months_run_forward():
    assert dates_in("Minutes, June 25, Aug. 15, 1790; Dec. 28, Jan. 3, 1791.") == [
        ("June 25", {"when": "1790-06-25"}), ("Aug. 15, 1790", {"when": "1790-08-15"}),
        ("Dec. 28", {"when": "--12-28"}), ("Jan. 3, 1791", {"when": "1791-01-03"})]


@pytest.mark.parametrize("text", [
    "1,000 workers", "see page 1917", "pp. 1936-37", "May I say so?", "May I, sir, ask it?", "the October Revolution",
    "his April Theses", "THE MARCH TO POWER", "the man of October", "a Trotskyist", "at 12.30",
    "the 16th century", "the 5th regiment", "Jan Smith came", "Marseilles 5 miles", "in 18G3 it",
    "Octr", "papers 1643/58 and 1702/60", "pages 3,1790", "No. 1790-3",
    "paid one thousand eight hundred dollars", "a fall of 1600 feet", "the spring of the carriage",
    "Mill Action May Be Forced", "Quillbury Mill May Not Open", "Strikers Will March on Tulverton",
    "Pellworth Farmers May Enter Contest", "Quillbury Pellworth Men March Today", "the 3d Day of Reckoning",
    "Anno Domini",
])
def test_not_dates(text):
    assert dates_in(text) == []


def test_a_full_stop_after_a_month_ends_it():
    """Only a day's full stop stands for the comma OCR lost: after a month it ends a sentence."""
    assert dates_in("in June. 1862 was dry") == [("June", {"when": "--06"}), ("1862", {"when": "1862"})]


def test_a_one_digit_range_end_is_no_digit_of_a_spaced_number():
    assert dates_in("in 1790-4 1 , and") == [("1790", {"when": "1790"})]


def test_years_from_and_to_are_two_dates():
    assert dates_in("from 1790 to 1795 he") == [("1790", {"when": "1790"}), ("1795", {"when": "1795"})]


def test_year_in_text_and_reversed_range_is_no_span():
    assert dates_in("in 1917 and 1918-17") == [("1917", {"when": "1917"}), ("1918", {"when": "1918"})]


def test_mark_spans_line_break_and_correction():
    doc = document_from_text("dated J anuary 1 1 , 1937\nin Mexico")
    block = Block("p", lines=doc.lines)
    block.marks.append(Mark("choice", 6, 14, {"corr": "January"}))
    block.marks.append(Mark("choice", 15, 18, {"corr": "11"}))
    assert mark_dates(block, Options()) == 1
    date = [m for m in block.marks if m.tag == "date"][0]
    assert block.text[date.start:date.end] == "J anuary 1 1 , 1937"
    assert date.attrs == {"when": "1937-01-11"}


def test_date_broken_over_lines():
    doc = document_from_text("On December 28,\n1936 he sailed")
    block = Block("p", lines=doc.lines)
    mark_dates(block, Options())
    (date,) = block.marks
    assert block.text[date.start:date.end] == "December 28,\n1936"
    assert date.attrs == {"when": "1936-12-28"}


def test_date_never_crosses_a_mark():
    doc = document_from_text("in 1937.")
    block = Block("p", lines=doc.lines)
    block.marks.append(Mark("hi", 0, 5))
    mark_dates(block, Options())
    assert [m.tag for m in block.marks] == ["hi"]


def test_julian_calendar_and_facts():
    doc = document_from_text("On October 25, 1917 power passed")
    doc.body = [Block("div", children=[Block("p", lines=doc.lines)])]
    run(doc, Options(calendar="julian"), Report())
    (date,) = doc.body[0].children[0].marks
    assert date.attrs == {"when": "1917-10-25", "calendar": "#julian"}
    assert doc.facts.dates.marked == 1


def test_printed_hyphen_joined():
    doc = document_from_text("in 1936-\n37 he wrote")
    doc.lines[0].hyphen = Hyphen.KEEP
    block = Block("p", lines=doc.lines)
    mark_dates(block, Options())
    (date,) = block.marks
    assert date.attrs == {"from": "1936", "to": "1937"}


def inferred(value):
    """The attributes of a date whose value the running date completed."""
    return {"when": value, "cert": "medium"}


def dated(*divs, **options):
    """Run the pass over divs of paragraphs (one source line per `\\n`); marks in order."""
    doc = document_from_text("\n\n".join("\n\n".join(div) for div in divs))
    lines = iter([line for line in doc.lines if line.kind == "text"])
    doc.body = [Block("div", children=[Block("p", lines=[next(lines) for _ in paragraph.split("\n")])
                                       for paragraph in div]) for div in divs]
    run(doc, Options(**options), Report())
    return [(block.text[m.start:m.end], m.attrs) for block in doc.leaves() for m in block.marks]


def test_dateline_dates_inst_ult_and_prox():
    assert dated(["Bath, May 25, 1790.",
                  "I came the 23d ultimo, saw him the 2d inst. and go the 1st proximo."]) == [
        ("May 25, 1790", {"when": "1790-05-25"}), ("23d ultimo", inferred("1790-04-23")),
        ("2d inst.", inferred("1790-05-02")), ("1st proximo", inferred("1790-06-01"))]


def test_running_year_for_months_passed_and_the_next():
    assert dated(["June 3, 1790", "He wrote February 2 and May 30, comes July 4, sails in December."]) == [
        ("June 3, 1790", {"when": "1790-06-03"}), ("February 2", inferred("1790-02-02")),
        ("May 30", inferred("1790-05-30")), ("July 4", inferred("1790-07-04")),
        ("December", {"when": "--12"})]


def test_running_year_across_new_year():
    assert dated(["January 2, 1791", "your letter of December 28 came"])[1] == (
        "December 28", inferred("1790-12-28"))
    assert dated(["December 30, 1790", "we sail on January 3"])[1] == ("January 3", inferred("1791-01-03"))


def test_year_then_month_before_a_capital_is_no_diary_head():
    assert dates_in("since 1790 May I say")[0] == ("1790", {"when": "1790"})


def test_a_diary_day_with_its_weekday_is_one_date():
    assert dated(["29th May 1790 set out", "30th Sunday calm"])[1] == ("30th Sunday", inferred("1790-05-30"))


def test_bare_diary_days_follow_the_running_date():
    assert dated(["29th May 1790 set out", "30th rain", "2d crossed the river", "14 men came"]) == [
        ("29th May 1790", {"when": "1790-05-29"}), ("30th", inferred("1790-05-30")),
        ("2d", inferred("1790-06-02"))]


def test_an_ordinal_that_ranks_a_unit_is_no_entry_day():
    assert dated(["29th May 1790 set out", "2d Brigade marched", "30th the 5th Regt. came up", "3d Ward voted"]) == [
        ("29th May 1790", {"when": "1790-05-29"}), ("30th", inferred("1790-05-30"))]


def test_day_alone_needs_a_month():
    assert dated(["12 men came", "on the 16th, we left"]) == []


def test_day_alone_before_a_verb_or_preposition():
    assert [text for text, _ in dated(["June 3, 1790", "the boat of the 9th will sail; on the 12th by noon"])] == [
        "June 3, 1790", "9th", "12th"]


def test_day_alone_after_a_line_end_is_read_as_after_a_space():
    assert [text for text, _ in dated(["June 3, 1790", "wait for the boat of the\n9th, as on\n12th we sail"])] == [
        "June 3, 1790", "9th", "12th"]


def test_day_alone_far_from_a_named_month_is_the_running_months():
    far = "We went on through the hills for many days, " * 6
    assert dated(["Bath, June 20, 1790.", "Your letter of May came. " + far + "The mail of the 16th is lost."])[1:] == [
        ("May", inferred("1790-05")), ("16th", inferred("1790-06-16"))]


def test_day_in_prose_takes_the_month_last_named():
    assert dated(["In September 1790, on the 1st, they left."]) == [
        ("September 1790", {"when": "1790-09"}), ("1st", inferred("1790-09-01"))]


def test_a_day_of_the_same_month_takes_the_month_last_named_or_the_running_one():
    assert dated(["Quillbury, June 3, 1851.", "On the 2d of May Osric came, and on the twenty third day of the "
                  "same month he left; the first day of this instant he wrote."])[1:] == [
        ("2d of May", inferred("1851-05-02")), ("twenty third day of the same month", inferred("1851-05-23")),
        ("first day of this instant", inferred("1851-06-01"))]
    assert dated(["the 3d day of said month"]) == []


def test_each_div_dates_itself():
    assert dated(["June 3, 1790", "rain on June 5"], ["rain on June 7"])[1:] == [
        ("June 5", inferred("1790-06-05")), ("June 7", {"when": "--06-07"})]


def test_a_section_keeps_its_letters_date():
    doc = document_from_text("June 3, 1790\n\nrain on June 5")
    dateline, text = [Block("p", lines=[line]) for line in doc.lines if line.kind == "text"]
    doc.body = [Block("div", attrs={"type": "letter"},
                      children=[dateline, Block("div", attrs={"type": "section"}, children=[text])])]
    run(doc, Options(), Report())
    assert text.marks[0].attrs == inferred("1790-06-05")


def test_wrapped_date_after_a_lead_in_is_no_dateline():
    assert dated(["We speak of the rising of\nOctober 25, 1790, and\nof October 26."])[1] == (
        "October 26", {"when": "--10-26"})


def test_no_inference_when_switched_off():
    assert dated(["June 3, 1790", "rain on June 5", "on the 6th, we"], infer_from_context=False) == [
        ("June 3, 1790", {"when": "1790-06-03"}), ("June 5", {"when": "--06-05"})]


def test_impossible_days_are_no_dates():
    assert dated(["February 1, 1790", "on February 30 we"])[1:] == [("February", inferred("1790-02"))]


DATE_TOKENS = st.sampled_from(["May", "Sept.", "Jany", "the", "16th", "2d", "30", "31st", "1790", "18G3",
                               "1 843", "inst.", "ult.", "A.D.", "814", "of", "day", "Monday", ",", "?",
                               "-", "to", "or", "12/2/1790", "(1790)", "O", "l", "last", "next", "12/2/90",
                               "Mch.", "Jan'y", "Dec r", "1ST", "Tues."])


@settings(max_examples=300, deadline=None)
@given(st.lists(DATE_TOKENS, min_size=1, max_size=14))
def test_any_text_gives_valid_dates_inside_it(tokens):
    text = " ".join(tokens)
    for i, j, attrs in find_dates(text, with_bare_days=True):
        assert 0 <= i < j <= len(text)
        assert all(is_calendar_day(v) for k, v in attrs.items() if not k.startswith("_"))
    for para in (text, "June 3, 1790\n" + text):
        for mark_text, attrs in dated([para]):
            assert mark_text and not attrs["when" if "when" in attrs else "from"].startswith("---")


def test_running_date_reaches_a_few_pages():
    from teikit.passes.date_context import REACH
    filler = "word " * (REACH // 5 + 1)
    assert dated(["June 3, 1790", filler, "rain on June 5"])[1] == ("June 5", {"when": "--06-05"})


def test_date_closing_a_long_block_is_no_dateline():
    prose = "A long paragraph of a book that cites, at its very end, a letter of June 3, 1790."
    assert dated([prose, "rain on June 5"])[1] == ("June 5", {"when": "--06-05"})


def test_entries_before_the_first_dated_one_wait_for_it():
    assert dated(["11th set out", "12 rain", "14th crossed", "15th May 1790 arrived"]) == [
        ("11th", inferred("1790-05-11")), ("12", inferred("1790-05-12")), ("14th", inferred("1790-05-14")),
        ("15th May 1790", {"when": "1790-05-15"})]


def test_numbered_paragraphs_before_a_date_are_no_entries():
    assert dated(["1 The committee met", "2 It resolved", "3 Adjourned", "4th May 1790 signed"]) == [
        ("4th May 1790", {"when": "1790-05-04"})]


def test_day_of_last_month_counts_from_the_dateline():
    assert dated(["Bath, July 6, 1790.", "by the 12th of last month we knew"])[1] == (
        "12th", inferred("1790-06-12"))


def test_weekday_alone_is_the_running_dates_or_the_last_before():
    assert dated(["Bath, July 5, 1790.", "Tuesday Morning", "He fell on Friday and reads the Sunday Times; "
                  "on Good Friday we fasted."])[1:] == [
        ("Tuesday Morning", inferred("1790-06-29")), ("Friday", inferred("1790-07-02"))]
    assert dated(["He came on Friday."]) == []
    assert dated(["Bath, July 5, 1790.", "On Sunday I rested"])[1] == ("Sunday", inferred("1790-07-04"))


def test_weekday_told_in_the_future_is_the_next_one():
    assert dated(["Bath, July 5, 1790.", "I shall ride over on Friday, and write to me by Monday"])[1:] == [
        ("Friday", inferred("1790-07-09")), ("Monday", inferred("1790-07-12"))]


def test_numbered_parts_pages_after_the_dateline_are_no_entries():
    from teikit.passes.date_context import ENTRY_REACH
    letter = ["23d May 1790", "word " * (ENTRY_REACH // 5 + 1), "2d Part of it", "more of the letter"]
    assert dated(letter) == [("23d May 1790", {"when": "1790-05-23"})]


def test_dateline_after_a_place_at_the_top_of_a_letter():
    assert dated(["Fort William 9 June 1790 - the boats came\nyesterday, and we leave in May"
                  " for the lakes and again in July."])[1:] == [
        ("May", inferred("1790-05")), ("July", inferred("1790-07"))]


def test_a_date_never_takes_in_a_notes_printed_number():
    from teikit.model import Block, Document, Line, Mark
    from teikit.passes.dates import Options, mark_dates

    note = Block("note", lines=[Line(1, "12 May 1850 was the day the wheel first turned.")],
                 marks=[Mark("label", 0, 2)])
    Document("made-up.txt", note.lines, body=[note])
    mark_dates(note, Options())
    assert [m.tag for m in note.marks] == ["label"]
def test_a_year_stacked_under_a_marginal_day_sets_the_running_year():
    assert dated(["9th\n1790", "the boats came up", "Augt\n3d\nrain all day", "October\ncold"])[1:] == [
        ("Augt\n3d", inferred("1790-08-03")), ("October", inferred("1790-10"))]


def test_a_year_alone_in_its_block_ending_a_sentence_or_in_an_imprint_sets_no_year():
    assert dated(["1790", "March 3-The fleet sails"]) == [
        ("1790", {"when": "1790"}), ("March 3", {"when": "--03-03"})]
    assert dated(["the war was over in\n1790.\nMarch 3 came"])[1] == ("March 3", {"when": "--03-03"})
    assert dated(["BRISTOL\n1790\nPRINTED FOR THE AUTHOR", "we sailed in March"])[1:] == [
        ("March", {"when": "--03"})]


def test_an_ordinal_day_before_a_capital_heads_the_next_entry():
    assert dated(["29th May 1790 set out", "we waited 30th The wind rose, and his 2d Battalion\n"
                  "came on the 31st Regiment's road"]) == [
        ("29th May 1790", {"when": "1790-05-29"}), ("30th", inferred("1790-05-30"))]


def test_a_dateline_after_a_place_dates_a_letter_deep_in_a_volume():
    far = "A letter copied into the volume before this one. " * 8
    assert dated([far, "Bath 4th June 1791. I write to say we go in July"]) == [
        ("4th June 1791", {"when": "1791-06-04"}), ("July", inferred("1791-07"))]


def test_a_month_heading_an_entry_goes_forward_in_the_running_year():
    assert dated(["3 June 1790 set out", "Augt 9th went on", "the ship sailed in December"])[1:] == [
        ("Augt 9th", inferred("1790-08-09")), ("December", {"when": "--12"})]


def test_a_date_never_holds_a_notes_label():
    doc = document_from_text("1790 Despatch of the Governor")
    block = Block("note", lines=doc.lines)
    block.marks.append(Mark("label", 0, 4))
    assert mark_dates(block, Options()) == 0


def test_a_completed_value_is_valid_and_declared_in_the_header():
    from teikit.encode import encode_text
    from teikit.validate import check_tree

    tree = encode_text("Quillbury, March 9, 1790.\n\nYour parcel came the 4th inst. and Tuesday.\n",
                       name="made-up.txt").tree
    dates = [(d.text, d.get("when"), d.get("cert")) for d in tree.iter("{http://www.tei-c.org/ns/1.0}date")
             if d.getparent().tag != "{http://www.tei-c.org/ns/1.0}publicationStmt"]
    assert dates[-2:] == [("4th inst.", "1790-03-04", "medium"), ("Tuesday", "1790-03-09", "medium")]
    interpretation = "".join(next(tree.iter("{http://www.tei-c.org/ns/1.0}interpretation")).itertext())
    assert "cert='medium'" in interpretation
    assert check_tree(tree) == []


def test_last_or_next_month_counts_from_the_running_date():
    assert dated(["Kelford, August 12, 1790.", "She stayed there last September and comes next July,"
                  " or next October."])[1:] == [
        ("last September", inferred("1789-09")), ("next July", inferred("1791-07")),
        ("next October", inferred("1790-10"))]
    assert dated(["She stayed there last September."]) == [("last September", {"when": "--09"})]
    assert dates_in("in last September 1790 we") == [("September 1790", {"when": "1790-09"})]


def test_last_or_next_after_a_month_or_day_counts_from_the_running_date():
    assert dated(["Kelford, May 12, 1790.", "She was sick in January last, left on the 3d of December last,"
                  " came on the 5th of May last and goes on the 1st of July next."])[1:] == [
        ("January last", inferred("1790-01")), ("3d of December last", inferred("1789-12-03")),
        ("5th of May last", inferred("1790-05-05")), ("1st of July next", inferred("1790-07-01"))]
    assert dates_in("in May last\nyear, the 3d of June next week") == [
        ("May last\nyear", {"when": "--05", "_year_shift": "-1"}), ("3d of June", {"when": "--06-03"})]
    assert dated(["She was sick in January last."]) == [("January last", {"when": "--01"})]
    # a month abbreviated alone is a date before `last` or `next` only (`Jan` may be a name)
    assert dated(["Kelford, May 12, 1790.", "She was sick in Jany. last and in Feb. too; Jan last came."])[1:] == [
        ("Jany. last", inferred("1790-01"))]


def test_a_month_of_last_or_this_year_counts_from_the_running_year():
    assert dated(["Kelford, May 12, 1790.", "He sailed in May last year, rested in June of last year, came"
                  " in March of this year, grew ill in the spring of last year and goes on the 3d of May"
                  " next year."])[1:] == [
        ("May last year", inferred("1789-05")), ("June of last year", inferred("1789-06")),
        ("March of this year", inferred("1790-03")), ("spring of last year", inferred("1789")),
        ("3d of May next year", inferred("1791-05-03"))]
    # without a running year the month stays yearless, and a season names no date
    assert dated(["He sailed in May last year, in the spring of last year."]) == [
        ("May last year", {"when": "--05"})]
    # the year printed after it, by an editor or a quoting author, is the year
    assert dates_in("in the summer of this year (1788) and in June of last year [1787]") == [
        ("summer of this year (1788)", {"when": "1788"}), ("June of last year [1787]", {"when": "1787-06"})]
    # `last year` alone, or after a month with its year, is no part of a month's date
    assert dated(["Kelford, May 12, 1790.", "Last year he sailed in March, 1788 last year."])[1:] == [
        ("March, 1788", {"when": "1788-03"})]


def test_a_contractions_raised_letter_printed_apart():
    assert dates_in("sent Dec r\n1790. Jan yelled") == [("Dec r\n1790", {"when": "1790-12"})]


def test_a_margins_date_stacked_month_year_day():
    assert dates_in("Augt 1790 12th we rested") == [("Augt 1790 12th", {"when": "1790-08-12"})]
    assert dates_in("in August 1790 12 men") == [("August 1790", {"when": "1790-08"})]


def test_a_margins_lone_day_goes_on_in_the_running_month():
    assert dated(["4th May 1790 set out", "19th", "we rested", "19th", "the rain", "28th", "wind", "2d",
                  "crossed", "1st", "back"])[1:] == [
        ("19th", inferred("1790-05-19")), ("19th", inferred("1790-05-19")), ("28th", inferred("1790-05-28")),
        ("2d", inferred("1790-06-02"))]


def test_an_entry_day_before_the_next_entrys_date():
    assert dated(["29th May 1790 set out", "31st 1 June 1790 came"])[1:] == [
        ("31st", inferred("1790-05-31")), ("1 June 1790", {"when": "1790-06-01"})]


def test_a_day_after_on_without_its_article():
    assert dated(["Bath, May 3, 1790.", "we waited and on 5th our boat came; on 5th Avenue"])[1:] == [
        ("5th", inferred("1790-05-05"))]


def test_a_dateline_after_a_leafs_number_and_a_place():
    assert dated(["12\nI Kelford9th January 1790. The parcel of 2d Decr came"]) == [
        ("9th January 1790", {"when": "1790-01-09"}), ("2d Decr", inferred("1789-12-02"))]


def test_a_margins_day_run_into_the_paragraph():
    assert dated(["4th May 1790 set out and we went on to the ford\n19th\nand found it dry; 28 men came"])[1:] == [
        ("19th", inferred("1790-05-19"))]


def test_a_date_before_an_em_dash_and_a_lower_case_word():
    assert dates_in("the night of February 27th—when it fell—and a May-pole") == [
        ("February 27th", {"when": "--02-27"})]


def test_a_two_digit_year_takes_the_running_dates_century_where_near():
    assert dated(["Bath, May 3, 1791.", "Yours ever\n12/2/90", "the sum of 1/2/30 parts"])[1:] == [
        ("12/2/90", inferred("1790-12-02"))]
    assert dated(["Yours ever\n12/2/90"]) == []


def test_a_year_by_its_last_two_digits_after_an_apostrophe():
    # a letter's `Sept. 1st '62`: the running date gives the century; without one it stays yearless
    assert dated(["Camp near Quillbury, May 3, 1862.", "I wrote on Sept. 1st '62 and in June '63."])[1:] == [
        ("Sept. 1st '62", inferred("1862-09-01")), ("June '63", inferred("1863-06"))]
    assert dated(["I wrote on Sept. 1st '62 to him."]) == [("Sept. 1st '62", {"when": "--09-01"})]
    assert dates_in("the 'tis and '62 men") == []
    assert dated(["Camp near Quillbury, May 3, 1862.", "Dec 20th /62 and Dec 21/62"])[1:] == [
        ("Dec 20th /62", inferred("1862-12-20")), ("Dec 21/62", inferred("1862-12-21"))]
    # no heading date: the year last printed with a month in the text gives the century (a warrant's
    # `the 3d day of March 1871`, then `9th Feby /71`); a numeric date does not take it
    assert dated(["sealed on the 3d day of March 1871.", "Deed entered 9th Feby /71",
                  "Yours ever 12/2/71"])[1:] == [("9th Feby /71", inferred("1871-02-09"))]
    assert dated(["sealed in 1790.", "Deed entered 9th Feby /71"])[1:] == [("9th Feby /71", {"when": "--02-09"})]


def test_a_day_alone_before_a_date_of_the_series_takes_its_month():
    assert dates_in("We marched between the 3d and 5th of May, 1862, and on the 7th and 9th of June.") == [
        ("3d", {"when": "1862-05-03"}), ("5th of May, 1862", {"when": "1862-05-05"}),
        ("7th", {"when": "--06-07"}), ("9th of June", {"when": "--06-09"})]


def test_a_yearless_span_takes_the_running_year():
    assert dated(["Bath, January 9, 1791.",
                  "The mail leaves the 5 or 6th of February; we stay December 30-January 2"])[1:] == [
        ("5 or 6th of February", {"from": "1791-02-05", "to": "1791-02-06", "cert": "medium"}),
        ("December 30-January 2", {"from": "1790-12-30", "to": "1791-01-02", "cert": "medium"})]



#: a page of made-up proceedings, long enough to be a printed page
PROCEEDINGS = ("Mr. QUILLET said the petition came on the 4th inst. and was read on the\n"
               "2nd of February last, as the clerk had said. It was then ordered that the\n"
               "matter stand over until the papers were printed and laid on the table.\n\n"
               + "Mr. PELLWORTH moved the adjournment of the debate on the matter, and\n"
                 "the motion, being put, was carried on a division without further remark\n"
                 "from the members who had come in for the reading of the minutes.\n\n" * 4)


def test_a_running_head_with_a_full_date_dates_the_text_of_its_page():
    from teikit.encode import encode_text

    heads = [f"MARCH {day}, 1790. {folio}" for folio, day in zip(range(37, 43), (11, 11, 12, 12, 13, 13))]
    body = next(encode_text("".join(f"{head}\n\n{PROCEEDINGS}" for head in heads),
                            name="made-up.txt").tree.iter("{http://www.tei-c.org/ns/1.0}body"))
    assert [fw.text for fw in body.iter("{http://www.tei-c.org/ns/1.0}fw")] == heads
    dates = [(d.text, d.get("when"), d.get("cert")) for d in body.iter("{http://www.tei-c.org/ns/1.0}date")]
    assert dates[:2] == [("4th inst.", "1790-03-04", "medium"), ("2nd of February last", "1790-02-02", "medium")]
    assert dates[-2:] == [("4th inst.", "1790-03-04", "medium"), ("2nd of February last", "1790-02-02", "medium")]


def test_a_running_head_without_a_full_date_dates_nothing():
    from teikit.encode import encode_text

    text = "".join(f"{folio} THE QUILLBURY PAPERS\n\n{PROCEEDINGS}" for folio in range(37, 43))
    body = next(encode_text(text, name="made-up.txt").tree.iter("{http://www.tei-c.org/ns/1.0}body"))
    assert len(list(body.iter("{http://www.tei-c.org/ns/1.0}fw"))) == 6
    assert {(d.text, d.get("when")) for d in body.iter("{http://www.tei-c.org/ns/1.0}date")} == {
        ("2nd of February last", "--02-02")}


#: a made-up newspaper page: masthead, headline, an article whose dateline has no year
NEWSPAPER = ("THE QUILLBURY EVENING STAR.\nQUILLBURY, FRIDAY, DECEMBER 29, 1916. ONE CENT.\nMILL STRIKE ENDED\n"
             "PELLWORTH, Dec. 29.-The strike at the mills,\nwhich began on the 3d of November, ended\n"
             "today, and the men would return Monday.\nSHIP SAFE IN PORT\nTULVERTON, December 28.-The steamer "
             "came\nin this morning with all on board.\n")


def test_a_newspapers_masthead_dates_every_article_of_the_issue():
    from teikit.config import EditionConfig
    from teikit.encode import encode_text

    def dates(profile):     # the newspaper's masthead stands in front, a title page
        text = next(encode_text(NEWSPAPER, EditionConfig(profile=profile), name="made-up.txt").tree.iter(
            "{http://www.tei-c.org/ns/1.0}text"))
        return [(d.text, d.get("when")) for d in text.iter("{http://www.tei-c.org/ns/1.0}date")]

    assert dates("newspaper") == [
        ("FRIDAY, DECEMBER 29, 1916", "1916-12-29"), ("Dec. 29", "1916-12-29"), ("3d of November", "1916-11-03"),
        ("Monday", "1917-01-01"), ("December 28", "1916-12-28")]
    assert ("Dec. 29", "--12-29") in dates("book")     # a book's first date dates no later part


def test_weekday_before_a_shortened_part_of_the_day_is_a_date():
    assert dated(["Bath, July 5, 1790.", "Monday Evg", "we rode out"])[1] == ("Monday", inferred("1790-07-05"))
    assert dated(["Bath, July 5, 1790.", "Sunday Aftn. we rode out"])[1] == ("Sunday", inferred("1790-07-04"))
    assert dated(["Bath, July 5, 1790.", "and Friday Quillet came"])[1:] == []


def test_a_shortened_word_keeps_its_first_letters_and_the_order_of_the_rest():
    from teikit.passes.date_grammar import shortens
    assert shortens("Evg", "Evening") and shortens("Aftn", "Afternoon") and shortens("Morning", "Morning")
    assert not shortens("Eg", "Evening") and not shortens("Evil", "Evening") and not shortens("Mary", "Morning")


def test_a_masthead_year_ocr_misread_is_the_weekdays_year_most_like_it():
    from teikit.passes.dates import weekday_year_day

    opts = Options(masthead=True)
    # March 7 fell on a Tuesday in 1899, 1905, 1911...: `1?O5` reads most like 1905
    assert weekday_year_day("QUILLBURY, TUESDAY, MARCH 7, 1?O5.", opts, [1898, 1903]) == "1905-03-07"
    # January 2 fell on a Sunday in 1910 and 1916: `1116` is like 1916, whatever the text cites
    assert weekday_year_day("QUILLBURY, SUNDAY MORNING, JANUARY 2. 1116.", opts, [1909]) == "1916-01-02"
    # ... and `19?` as like 1910 as 1916: the years the text cites choose
    assert weekday_year_day("QUILLBURY, SUNDAY MORNING, JANUARY 2. 19?.", opts, [1915, 1915]) == "1916-01-02"
    assert weekday_year_day("QUILLBURY, SUNDAY MORNING, JANUARY 2. 19?.", opts, [1909]) == "1910-01-02"
    assert weekday_year_day("QUILLBURY, SUNDAY MORNING, JANUARY 2. 19?.", opts, []) is None
    assert weekday_year_day("QUILLBURY, MARCH 7, 1?O5.", opts, [1903]) is None      # no weekday
    assert weekday_year_day("QUILLBURY, TUESDAY, MARCH 7.", opts, [1903]) is None   # no year printed


def test_a_newspaper_dated_by_a_misread_masthead_year():
    from teikit.config import EditionConfig
    from teikit.encode import encode_text

    page = NEWSPAPER.replace("FRIDAY, DECEMBER 29, 1916.", "FRIDAY. DECEMBER 29, 1?l6.") + \
        "The mill was built in 1912 and enlarged in 1914.\n"
    text = next(encode_text(page, EditionConfig(profile="newspaper"), name="made-up.txt").tree.iter(
        "{http://www.tei-c.org/ns/1.0}text"))
    dates = [(d.text, d.get("when")) for d in text.iter("{http://www.tei-c.org/ns/1.0}date")]
    assert dates[:2] == [("DECEMBER 29", "1916-12-29"), ("Dec. 29", "1916-12-29")]


def test_a_masthead_dates_no_weekday_of_an_article_without_a_dateline():
    from teikit.config import EditionConfig
    from teikit.encode import encode_text

    page = NEWSPAPER + "COUNCIL TO MEET\nThe council of Quillbury will meet\nhere Tuesday to fix the levy.\n"
    text = next(encode_text(page, EditionConfig(profile="newspaper"), name="made-up.txt").tree.iter(
        "{http://www.tei-c.org/ns/1.0}text"))
    dates = [(d.text, d.get("when")) for d in text.iter("{http://www.tei-c.org/ns/1.0}date")]
    assert "Tuesday" not in [d for d, _ in dates]
    assert ("Monday", "1917-01-01") in dates        # told after its article's dateline


def test_a_datelines_month_ocr_misread_by_a_letter_or_junk_before_its_day_is_a_date():
    assert find_dates("Quillbury, Minn., Deo. 31. The mill burned.") == [(18, 25, {"when": "--12-31"})]
    assert find_dates("PELLWORTH, Jan. ,3.The mill burned.") == [(11, 18, {"when": "--01-03"})]
    # the month is sure only at a dateline's place, and only where one month is one letter off
    assert find_dates("he wrote, Deo. 31. The mill burned.") == []
    assert find_dates("Quillbury, Mav. 3. The mill burned.") == []      # May or Mar
    assert find_dates("Quillbury, Dec. 80. The mill burned.") == []     # no day


def test_may_and_march_as_verbs_are_no_months_but_the_months_alone_still_are():
    assert dates_in("Mill Action May Be Forced") == []
    assert dates_in("the mill will open in May and the") == [("May", {"when": "--05", "_ahead": "1"})]
    assert dates_in("they left Quillbury in March, when") == [("March", {"when": "--03"})]


def test_a_date_that_bounds_a_period_in_a_sentence_sets_no_running_date():
    # the year a report covers is no dateline: the yearless dateline after it keeps no year
    assert dated(["MILL SALES", "The mill sold more in the year ended\nOctober 31, 1912.",
                  "Tulverton, January 6. The council met."]) == [
        ("October 31, 1912", {"when": "1912-10-31"}), ("January 6", {"when": "--01-06"})]
    # a date opening its line after a finished sentence still heads what follows
    assert dated(["The mill sold more this year.\nOctober 31, 1912.",
                  "Tulverton, October 30. The council met."])[1] == (
        "October 30", inferred("1912-10-30"))


def test_a_date_a_sentence_leads_into_among_a_pages_first_lines_dates_no_issue():
    from teikit.passes.dates import masthead_day

    opts = Options(masthead=True)
    assert masthead_day("October 31, 1912.", "mill sales in the year ended", opts) is None
    assert masthead_day("sales for the year ending October 31, 1912.", "", opts) is None
    # the masthead's own line, whatever stands above it, dates the issue
    assert masthead_day("QUILLBURY, TUESDAY, JANUARY 7, 1913.", "VOL. XII—NO. 38.", opts) == "1913-01-07"
    assert masthead_day("January 7, 1913", "THE QUILLBURY CALL", opts) == "1913-01-07"


def test_the_masthead_dates_the_issue_however_far_down_ocrs_debris_put_its_date():
    from teikit.config import EditionConfig
    from teikit.encode import encode_text

    debris = "".join(f"{speck}\n" for speck in ("' V i", "p t n", "r", "0PX", "Mil J", "' VI V 1 1", "a i a",
                                                 "?", "rfSY I ,J"))
    page = "THE QUILLBURY EVENING STAR.\n" + debris + NEWSPAPER.split("\n", 1)[1]
    text = next(encode_text(page, EditionConfig(profile="newspaper"), name="made-up.txt").tree.iter(
        "{http://www.tei-c.org/ns/1.0}text"))
    dates = [(d.text, d.get("when")) for d in text.iter("{http://www.tei-c.org/ns/1.0}date")]
    assert ("Dec. 29", "1916-12-29") in dates and ("December 28", "1916-12-28") in dates


def test_the_first_full_date_of_a_journal_dates_the_entries_after_it():
    # a title page's `begun 14th ... at`: no heading date, yet the entries count on from it
    journal = ["Journal of Osbert Quillet\nbegun 3d March 1871 at\nTulverton with the boats",
               "4th Rain all day", "6th Left for Pellworth"]
    assert dated(journal)[1:] == [("4th", inferred("1871-03-04")), ("6th", inferred("1871-03-06"))]
    # a day weeks after that date heads no entry of it
    assert dated(["He sailed on 3d March 1871 from Tulverton", "25th The boats came in"]) == [
        ("3d March 1871", {"when": "1871-03-03"})]


def test_yearless_dates_before_any_year_take_that_of_a_heading_date_near_after_them():
    # a diary whose year is first written a page on, a letter dated at its foot
    diary = ["The wagons crossed the ford on the 27th of April; on the 29th, Tobias fell ill.",
             "We mended the axles.", "2d May 1851 Fair and cool"]
    assert dated(diary) == [("27th of April", inferred("1851-04-27")), ("29th", inferred("1851-04-29")),
                            ("2d May 1851", {"when": "1851-05-02"})]
    letter = ["Dear Osric, I came on March 3, and stay till the 12th of July, not October 3, as in May last year.",
              "Hannah", "Quillbury, June 9, 1790."]
    assert dated(letter)[:4] == [("March 3", inferred("1790-03-03")), ("12th of July", inferred("1790-07-12")),
                                 ("October 3", {"when": "--10-03"}), ("May last year", inferred("1789-05"))]
    # across a new year, the year before
    assert dated(["We came on December 30 in snow.", "January 2, 1791 Rain"])[0] == (
        "December 30", inferred("1790-12-30"))
    # not where a year is printed first, where the date cites one in the prose, nor pages on
    assert dated(["We came on June 30, as in 1788.", "July 2, 1791 Rain"])[0] == ("June 30", {"when": "--06-30"})
    assert dated(["We came on June 30.", "A long paragraph that cites, at its very end, a letter of July 2, 1791."]
                 )[0] == ("June 30", {"when": "--06-30"})
    assert dated(["We came on June 30." + " Rain." * 600, "July 2, 1791 Rain"])[0] == ("June 30", {"when": "--06-30"})


def test_march_or_may_before_a_count_of_a_measure_is_no_date():
    # a traveller's `March 2 ½ hours` is the verb; the month keeps its day and its year
    assert dates_in("we cannot buy - March\n2 ½ N E over the hills") == []
    assert dates_in("March 3 hours North - cross the river") == []
    assert dates_in("March 3, 1866 we crossed") == [("March 3, 1866", {"when": "1866-03-03"})]
    assert dates_in("on March 3 the boats came") == [("March 3", {"when": "--03-03"})]


def test_a_date_alone_under_a_heading_dates_the_divs_after_it():
    doc = document_from_text("ASSEMBLY.\n\nTuesday, 26 June, 1883.\n\nPETITIONS.\n\n"
                             "Mr. QUILLET said the member would attend on the 28th June.")
    head, day, subject, said = [line for line in doc.lines if line.kind == "text"]
    doc.body = [Block("div", children=[Block("head", lines=[head]), Block("p", lines=[day])]),
                Block("div", children=[Block("head", lines=[subject]), Block("p", lines=[said])])]
    run(doc, Options(), Report())
    assert [(b.text[m.start:m.end], m.attrs) for b in doc.leaves() for m in b.marks] == [
        ("Tuesday, 26 June, 1883", {"when": "1883-06-26"}), ("28th June", inferred("1883-06-28"))]


def test_a_dateline_over_a_letter_dates_that_letter_only():
    assert dated(["Tuesday, 26 June, 1883.", "I wrote to him today."],
                 ["He will come on the 28th June."])[1:] == [("28th June", {"when": "--06-28"})]


def test_a_date_alone_in_the_front_dates_the_body():
    doc = document_from_text("COUNCIL.\n\nThursday, 22nd July, 1880.\n\nMr. QUILLET moved the adjournment until "
                             "Tuesday, the 27th July.")
    title, day, moved = [line for line in doc.lines if line.kind == "text"]
    doc.front = [Block("titlePage", children=[Block("titlePart", lines=[title])]), Block("p", lines=[day])]
    doc.body = [Block("div", children=[Block("p", lines=[moved])])]
    run(doc, Options(), Report())
    assert [m.attrs for b in doc.leaves() for m in b.marks][1:] == [inferred("1880-07-27")]


def test_a_two_digit_year_takes_the_century_its_printed_weekday_fixes():
    assert dates_in("QUILLBURY, SATURDAY, JAN. 20, '72.") == [("SATURDAY, JAN. 20, '72", {"when": "1872-01-20"})]
    # no weekday, or one that several centuries share: the running date gives the century, as before
    assert dates_in("on Sept. 1st '62 we came") == [("Sept. 1st '62", {"when": "--09-01", "_year_end": "62"})]


def test_a_day_alone_before_a_noun_phrase_is_a_day_not_a_rank():
    # an article or another determiner opens the next noun phrase where a rank has its noun
    letter = ["Quillbury, June 3, 1790.", "On the 14th the buyer came; on the 2d a storm broke over "
              "the 16th century barn where the 5th regiment slept."]
    assert dated(letter)[1:] == [("14th", inferred("1790-06-14")), ("2d", inferred("1790-06-02"))]
    # a day before `and the` or `&` and a day of a month takes its month
    assert dates_in("between the 3d and the 5th of May, 1790") == [
        ("3d", {"when": "1790-05-03"}), ("5th of May, 1790", {"when": "1790-05-05"})]
    assert dates_in("the 3rd & 5th of May 1790") == [
        ("3rd", {"when": "1790-05-03"}), ("5th of May 1790", {"when": "1790-05-05"})]


def test_a_diary_head_of_weekday_and_day_is_dated_only_where_the_weekday_agrees():
    diary = ["Tuesday 2 March 1790\nRode to Quillbury.", "Wednesday 3\nRain.", "Friday 5\nFair.",
             "Thursday 5\nNo such day.", "Monday 8th\nHome again.", "Saturday 30 men came"]
    assert [(text, attrs) for text, attrs in dated(diary) if text != "Saturday"] == [
        ("Tuesday 2 March 1790", {"when": "1790-03-02"}), ("Wednesday 3", inferred("1790-03-03")),
        ("Friday 5", inferred("1790-03-05")), ("Monday 8th", inferred("1790-03-08"))]
    # no running month and year: nothing, however the weekday falls
    assert dated(["Saturday 23\nAll day at home.", "Sunday 24\nRain."]) == []
    # a weekday with its day in the prose, or after a bare entry day, agrees too or is no date
    assert dated(["Quillbury, June 3, 1790.", "He left on Monday the 7th; not Monday the 8th."])[1:] == [
        ("Monday the 7th", inferred("1790-06-07"))]
    assert dated(["29th May 1790 set out", "30th Sunday calm", "31st Sunday rain"])[1:] == [
        ("30th Sunday", inferred("1790-05-30"))]


def test_a_season_of_a_relative_year_waits_for_a_heading_date_after_it():
    letter = ["Dear Osric, Hannah has been ill since the spring of last year.", "Hannah", "Quillbury, June 9, 1790."]
    assert dated(letter) == [("spring of last year", inferred("1789")), ("June 9, 1790", {"when": "1790-06-09"})]
    # no heading date after it, or a year cited in the prose first: no date
    assert dated(letter[:2]) == []
    assert dated(["Dear Osric, since 1788 and the spring of last year.", *letter[1:]]) == [
        ("1788", {"when": "1788"}), ("June 9, 1790", {"when": "1790-06-09"})]


def test_a_later_month_told_in_the_future_is_of_the_running_year():
    # a later month of the year is unsure in what a letter tells has passed, not in what it looks forward to
    told = "We hope to see you on October 3 when the roads are dry; we sold the mare on October 9."
    assert dated(["Quillbury, June 3, 1790.", told])[1:] == [
        ("October 3", inferred("1790-10-03")), ("October 9", {"when": "--10-09"})]
    # before the dateline at the letter's foot too
    assert dated([told, "Hannah", "Quillbury, June 3, 1790."])[:2] == [
        ("October 3", inferred("1790-10-03")), ("October 9", {"when": "--10-09"})]
    # not what a clause of its own after the future's word tells has passed
    assert dated(["Quillbury, June 3, 1790.", "Osric will confirm that we stayed there from October 3."])[1:] == [
        ("October 3", {"when": "--10-03"})]


@pytest.mark.parametrize("text, month", [
    ("Frost Came in May Again", "May"), ("Tulverton Mill Shut During March Floods", "March"),
])
def test_a_month_after_a_word_that_governs_it_is_dated_in_a_title_case_headline(text, month):
    assert [found for found, _ in dates_in(text)] == [month]
