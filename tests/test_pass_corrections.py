"""The corrections pass: OCR errors are corrected only when the text proves them, always
as a recorded choice, never silently."""
from teikit.model import Block, Hyphen, Mark, reading_view
from teikit.passes import corrections
from teikit.reader import document_from_text
from teikit.report import Report


def corrected(text: str, **options):
    """(sic, corr, cert) for each correction in a one-block document of `text`."""
    doc = document_from_text(text)
    block = Block("p", [line for line in doc.lines if line.kind == "text"])
    doc.body = [block]
    corrections.run(doc, corrections.Options(**options), Report())
    return [(block.text[m.start:m.end], m.attrs["corr"], m.attrs["cert"])
            for m in sorted(block.marks, key=lambda m: m.start)], doc, block


def test_split_word_joined_when_a_part_is_no_word():
    found, _, _ = corrected("it was m uch too late for the N orway gatheri ng to be disabl ed")
    assert [(sic, corr) for sic, corr, _ in found] == [
        ("m uch", "much"), ("N orway", "Norway"), ("gatheri ng", "gathering"), ("disabl ed", "disabled")]


def test_a_capital_spaced_off_a_name_the_lexicon_lacks_is_joined_as_doubtful():
    found, _, _ = corrected("signed by Tobias Q uillet, and by Mr. P ellworth")
    assert found == [("Q uillet", "Quillet", "low"), ("P ellworth", "Pellworth", "low")]


def test_two_real_words_stay_apart():
    found, _, _ = corrected("he came in to the room a part of the time")
    assert found == []


def test_fragment_joins_the_word_after_it():
    found, _, _ = corrected("unceremoniously told by the m inister of justice")
    assert [(sic, corr) for sic, corr, _ in found] == [("m inister", "minister")]
    found, _, _ = corrected("of skis and s leighs, of children")
    assert found == []


def test_heading_with_glued_note_number_leaves_the_number():
    found, _, _ = corrected("IN 'SOCIALIST' NORWA yl")
    assert [(sic, corr) for sic, corr, _ in found] == [("NORWA y", "NORWAY")]


def test_letter_spaced_line_is_resegmented():
    found, _, _ = corrected("The back lash aga i nst Marxist theory and pract ice t h at developed i n")
    assert [corr for _, corr, _ in found] == ["backlash", "against", "practice", "that", "in"]


def test_numbers_underscores_and_inner_punctuation():
    found, _, _ = corrected("April 1O-17 in November_ havi,ng said it was no't so (October 16, 1 937)")
    assert [(sic, corr) for sic, corr, _ in found] == [
        ("1O-17", "10-17"), ("_", "."), ("havi,ng", "having"), ("no't", "not"), ("1 937", "1937")]


def test_a_year_with_a_digit_read_as_a_letter_is_read_again():
    found, _, _ = corrected("in 18G3 and 186S the mill, not in 1GSB nor at 18G3a or BG3 or 18G, in 1863")
    assert [(sic, corr, cert) for sic, corr, cert in found] == [("18G3", "1863", "medium"), ("186S", "1865", "medium")]


def test_a_word_hyphenated_inside_a_reflowed_line_is_joined():
    found, _, _ = corrected("the old mill was re- built in stone by the care- ful hands of the vil- lagers")
    assert [(sic, corr, cert) for sic, corr, cert in found] == [
        ("re- built", "rebuilt", "high"), ("care- ful", "careful", "high"), ("vil- lagers", "villagers", "high")]


def test_a_word_hyphenated_with_a_not_sign_inside_a_reflowed_line_is_joined():
    found, _, _ = corrected("the mill was re\u00ac built by the vil\u00ad lagers \u2014 not by the con\u2013 tractors")
    assert found == [("re\u00ac built", "rebuilt", "high"), ("vil\u00ad lagers", "villagers", "high")]


def test_suspended_compounds_and_unknown_joins_keep_their_hyphen():
    found, _, _ = corrected("the pre- and post-war mills, a two- or three-storey barn, the corn- sheds")
    assert found == []
    found, _, _ = corrected("the mill was re- built", inline_hyphens=False)
    assert found == []


def test_contractions_and_elisions_are_not_errors():
    found, _, _ = corrected("it's what they don't know about d'une or l'homme")
    assert found == []


def test_unreadable_glyph_replaced_by_the_one_letter_that_makes_a_word():
    found, _, _ = corrected("he has really ta\ufffdght nothing; ■evealing")
    assert [(sic, corr) for sic, corr, _ in found] == [("ta\ufffdght", "taught"), ("■evealing", "revealing")]


def test_spelling_confusion_has_low_certainty():
    found, _, _ = corrected("they recogrlize the constanf danger")
    assert found == [("recogrlize", "recognize", "low"), ("constanf", "constant", "low")]


#: a made-up page of old OCR: the common words it misreads stand right elsewhere in it
OLD_PAGE = """The miller of Pellworth went to the market and the fair with his sons, and
the Quillets came by the road with their carts. Tbe miller sold his corn aud
bought a cart bv the river, then went home with tlie men who came with him; and
Ihe Quillets sold their corn to the miller at the fair hal€ the day, and
the Pellworth carts went home hou&e and lighter. When he came home the
miller told his wife that the Qnillets had paid for the carts and the corn,
and half a wheel, and he let the Quillets go house by house with the wheel."""


def test_short_and_capitalised_misreadings_of_common_words_are_read_again():
    found, _, _ = corrected(OLD_PAGE)
    assert [(sic, corr) for sic, corr, _ in found] == [
        ("Tbe", "The"), ("aud", "and"), ("bv", "by"), ("tlie", "the"), ("Ihe", "The"), ("hal€", "half"),
        ("hou&e", "house"), ("Qnillets", "Quillets")]


def test_a_reading_the_document_writes_often_is_sure_a_name_it_writes_is_doubtful():
    found, _, _ = corrected(OLD_PAGE)
    certs = {sic: cert for sic, _, cert in found}
    assert certs["aud"] == "medium" and certs["Qnillets"] == "low"


def test_unknown_words_left_as_printed():
    """A name the document repeats, a reading the document never writes, two readings alike,
    a roman numeral, a word in capitals, a word with digits, a compound's part, a word's
    rest after the capital OCR spaced off, a word glued to junk."""
    found, _, _ = corrected(
        "Mr. Coru met Coru where the corn was; the fime was tall; he hid by the hill, the hiil of\n"
        "iii men of the QUILLBEE in l9th-century tbe-like rooms; P ou and «tbe mill and the men")
    assert found == []


def test_a_worn_w_read_as_av_is_read_again_but_not_a_name():
    found, _, _ = corrected("the mill was Avorking all day, and Hesper went by the Avon to Quillbury")
    assert [(sic, corr) for sic, corr, _ in found] == [("Avorking", "working")]


def test_a_short_word_is_read_only_as_a_very_common_word():
    found, _, _ = corrected("the ot of the oi and the of the hy and the by the")
    assert [(sic, corr) for sic, corr, _ in found] == [("ot", "of"), ("hy", "by")]


def test_a_half_of_a_word_broken_at_the_line_end_is_no_misreading():
    doc = document_from_text("the mill was friend-\nlier to her than the tlie town")
    doc.lines[0].hyphen = Hyphen.PRINTED
    block = Block("p", doc.lines)
    doc.body = [block]
    corrections.run(doc, corrections.Options(), Report())
    assert [block.text[m.start:m.end] for m in block.marks] == ["tlie"]


def test_reading_view_and_facts():
    _, doc, block = corrected("it was m uch\ntoo late_")
    assert reading_view(block).text == "it was much too late."
    assert doc.facts.corrections == {"split-word": 1, "underscore": 1}


def test_existing_choice_is_not_overlapped():
    doc = document_from_text("m uch")
    block = Block("p", doc.lines)
    block.marks.append(Mark("choice", 0, 5, {"corr": "much", "resp": "#x", "cert": "high"}))
    doc.body = [block]
    corrections.run(doc, corrections.Options(), Report())
    assert len(block.marks) == 1


def test_options_turn_rules_off():
    found, _, _ = corrected("m uch November_", split_words=False)
    assert [corr for _, corr, _ in found] == ["."]


def test_the_finders_are_a_table_each_switched_by_its_option():
    import dataclasses

    switches = {f.name for f in dataclasses.fields(corrections.Options) if f.type in (bool, "bool")}
    assert [rule.name for rule in corrections.FINDER_RULES][:2] == ["letter_spacing", "split_words"]
    assert corrections.FINDERS == switches
    found, _, _ = corrected("it was m uch too late_", split_words=False)
    assert [(sic, corr) for sic, corr, _ in found] == [("_", ".")]


def test_a_letter_spaced_line_is_segmented_whole_not_joined_pair_by_pair():
    found, _, _ = corrected("t h e r i v e r r o s e a g a i n s t t h e w a l l")
    assert found and all(" " in sic and " " not in corr for sic, corr, _ in found)
    assert [corr for _, corr, _ in found] == ["the", "river", "rose", "against", "the", "wall"]
    pairs, _, _ = corrected("t h e r i v e r r o s e a g a i n s t t h e w a l l", letter_spacing=False)
    assert {cert for _, _, cert in pairs} == {"high"}      # split words joined pair by pair instead


def test_a_diacritic_added_to_a_plain_letter_is_undone_on_lower_case_words_only():
    found, _, _ = corrected("the mïller Marié met Marie and the miller carts of the town")
    assert [(sic, corr) for sic, corr, _ in found] == [("mïller", "miller")]
