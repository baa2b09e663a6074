"""The one walk over TEI (teikit/tei/walk.py): its events, its line-end decisions, and the
views and the apparatus that read it, on small made-up fragments."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from teikit import TEI_NS
from teikit.apparatus import interventions_in
from teikit.tei.reader import diplomatic_lines, reading_text, text_root
from teikit.tei.rules import LineEnds, local_name
from teikit.tei.walk import (
    BETWEEN_WORDS, COMPOUND_HYPHEN, DROPPED_HYPHEN, END, ENTITY, JOINED, PRINTED_HYPHEN, RESTORED_HYPHEN, START,
    TAIL, TEXT, Walk, choice_intervention, line_end,
)

TEIKIT_HEADER = ('<teiHeader><encodingDesc><appInfo><application ident="teikit" version="0"><label>teikit'
                 '</label></application></appInfo></encodingDesc></teiHeader>')


def tei(body: str, *, teikit: bool = True) -> etree._ElementTree:
    header = TEIKIT_HEADER if teikit else "<teiHeader/>"
    return etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI_NS}">{header}<text xml:lang="en"><body>{body}</body></text></TEI>'))


def fragment(xml: str) -> etree._Element:
    return etree.fromstring(f'<p xmlns="{TEI_NS}">{xml}</p>')


def named(events) -> list[tuple[str, str]]:
    """Events as (kind, local name, or the text for TEXT and TAIL)."""
    return [(kind, elem.text if kind == TEXT else elem.tail if kind == TAIL else local_name(elem))
            for kind, elem in events]


def first(root, name: str) -> etree._Element:
    return next(root.iter(f"{{{TEI_NS}}}{name}"))


# -- events ---------------------------------------------------------------------------------

def test_a_line_end_hyphen_gives_its_pc_then_the_break_then_the_second_half():
    assert named(Walk(fragment('Brenn<pc force="weak">-</pc><lb break="no"/>ford went'))) == [
        (START, "p"), (TEXT, "Brenn"), (START, "pc"), (TEXT, "-"), (END, "pc"),
        (START, "lb"), (END, "lb"), (TAIL, "ford went"), (END, "p")]


def test_a_page_break_mid_word_comes_with_its_furniture_in_document_order():
    root = fragment('Quel<pc>-</pc><fw type="pageNum">12</fw><pb n="13" break="no"/>ton')
    assert named(Walk(root))[5:] == [(START, "fw"), (TEXT, "12"), (END, "fw"), (START, "pb"), (END, "pb"),
                                     (TAIL, "ton"), (END, "p")]


def test_skip_leaves_out_an_elements_content_but_keeps_its_end_and_tail():
    walk = Walk(fragment('we saw<note n="1">Not <hi>here</hi>.</note> the mill'))
    seen = []
    for kind, elem in walk:
        seen.append((kind, local_name(elem)))
        if kind == START and local_name(elem) == "note":
            walk.skip()
    assert seen == [(START, "p"), (TEXT, "p"), (START, "note"), (END, "note"), (TAIL, "note"), (END, "p")]


def test_the_tail_of_the_element_walked_is_outside_the_walk():
    note = first(fragment('a<note n="2">Aside.</note> b'), "note")
    assert named(Walk(note)) == [(START, "note"), (TEXT, "Aside."), (END, "note")]


def test_comments_give_only_their_tail_and_entities_an_event():
    root = etree.fromstring(f'<!DOCTYPE p [<!ENTITY tw "twain">]><p xmlns="{TEI_NS}">a<!-- x -->b &tw; c</p>',
                            etree.XMLParser(resolve_entities=False))
    assert [(kind, (elem.tail if kind == TAIL else "")) for kind, elem in Walk(root)][1:] == [
        (TEXT, ""), (TAIL, "b "), (ENTITY, ""), (TAIL, " c"), (END, "")]


def test_a_walk_as_deep_as_any_parser_allows_takes_no_python_stack():
    root = leaf = etree.Element(f"{{{TEI_NS}}}div")
    for _ in range(20_000):
        leaf = etree.SubElement(leaf, f"{{{TEI_NS}}}div")
    leaf.text = "deep"
    events = list(Walk(root))
    assert len(events) == 2 * 20_001 + 1 and events[20_001] == (TEXT, leaf)


# -- the line-end decision, once for every view ------------------------------------------------

def decide(body: str, before: str, *, teikit: bool = True, name: str = "lb") -> str:
    root = text_root(tei(body, teikit=teikit))
    return line_end(first(root, name), before, LineEnds(root))


def test_line_end_names_each_way_a_break_falls_in_a_word():
    assert decide('<p>Brenn<pc>-</pc><lb break="no"/>ford</p>', "Brenn") == PRINTED_HYPHEN
    assert decide('<p>Brenn<supplied reason="lost-hyphen">-</supplied><lb break="no"/>ford</p>',
                  "Brenn-") == RESTORED_HYPHEN
    assert decide('<p>Brenn<lb break="no"/>ford</p>', "Brenn") == JOINED
    assert decide('<p>the mill<lb/>stood</p>', "the mill") == BETWEEN_WORDS
    assert decide('<p>Quel<pc>-</pc><pb n="4" break="no"/>ton</p>', "Quel", name="pb") == PRINTED_HYPHEN


def test_a_plain_hyphen_at_a_bare_break_in_tei_from_elsewhere_is_weighed_by_the_lexicon():
    assert decide("<p>the win-<lb/>dow</p>", "the win-", teikit=False) == DROPPED_HYPHEN
    assert decide("<p>a well-<lb/>known</p>", "a well-", teikit=False) == COMPOUND_HYPHEN
    assert decide("<p>the win-<lb/>dow</p>", "the win-", teikit=True) == BETWEEN_WORDS


def test_a_choice_is_an_intervention_only_where_it_exchanges_a_reading_for_the_source():
    def kind(xml: str):
        found = choice_intervention(fragment(f"<choice>{xml}</choice>")[0])
        return found and (found.kind, found.ocr)

    assert kind("<sic>tbe</sic><corr>the</corr>") == ("correction", False)
    assert kind('<orig>tlie</orig><reg type="ocr">the</reg>') == ("correction", True)
    assert kind("<abbr>Capt.</abbr><expan>Captain</expan>") == ("expansion", False)
    assert kind("<orig>shew</orig><reg>show</reg>") == ("regularisation", False)
    assert kind('<orig><pc type="markup">*</pc></orig><reg type="markup"/>') is None
    assert kind("<corr>the</corr>") is None


# -- the views and the apparatus off the walk ----------------------------------------------------

def test_a_page_break_mid_word_reads_as_one_word_and_keeps_both_source_lines():
    tree = tei('<p><lb n="1"/>at Quel<pc force="weak">-</pc><fw type="pageNum">12</fw><pb n="13" break="no"/>'
               '<lb n="2" break="no"/>ton bridge</p>')
    assert reading_text(tree).text == "at Quelton bridge"
    assert diplomatic_lines(tree) == ["at Quel-", "12", "ton bridge"]


def test_a_note_follows_its_paragraph_with_its_marker_and_its_anchor():
    tree = tei('<p><lb n="1"/>The mill burned.<note place="foot" n="*" xml:id="fn1">'
               '<lb n="3"/>In the spring.</note> It was rebuilt.</p><p><lb n="2"/>Next.</p>')
    reading = reading_text(tree)
    assert reading.text == "The mill burned. It was rebuilt.\n\n* In the spring.\n\nNext."
    note = next(span for span in reading.spans if span.kind == "note")
    assert reading.text[:note.anchor] == "The mill burned."


def test_a_choice_reads_its_correction_and_counts_the_source_sides_break():
    tree = tei('<p><lb n="1"/>a <choice><sic>gr<lb n="2"/>ain</sic><corr resp="#ed">grain</corr></choice>'
               ' store <date when="1851">then</date></p>')
    reading = reading_text(tree)
    assert reading.text == "a grain store then"
    date = next(span for span in reading.spans if span.kind == "date")
    assert (date.line, reading.text[date.start:date.end]) == ("2", "then")
    assert diplomatic_lines(tree) == ["a gr", "ain store then"]


def test_the_apparatus_lists_a_word_split_at_a_page_and_a_line_break_once_whole():
    tree = tei('<p><lb n="1"/>at Quel<pc force="weak">-</pc><pb n="13" break="no"/>'
               '<lb n="2" break="no"/>ton bridge</p>')
    found = [(i.kind, i.reading, i.source, i.line) for i in interventions_in(text_root(tree))]
    assert found == [("printed hyphen dropped", "Quelton", "Quel-|ton", "1")]


def test_the_apparatus_shows_a_line_end_hyphen_as_the_source_prints_it():
    tree = tei('<p><lb n="1"/>the con<pc force="weak">\u00ac</pc><lb n="2" break="no"/>ference met</p>')
    found = [(i.kind, i.reading, i.source) for i in interventions_in(text_root(tree))]
    assert found == [("printed hyphen dropped", "conference", "con\u00ac|ference")]
    foreign = tei("<p><lb/>the con\u00ac<lb/>ference met</p>", teikit=False)
    assert reading_text(foreign).text == "the conference met"
    found = [(i.kind, i.reading, i.source) for i in interventions_in(text_root(foreign))]
    assert found == [("printed hyphen dropped", "conference", "con\u00ac|ference")]


# -- the walk gives back the tree ------------------------------------------------------------------

NAMES = st.sampled_from(["p", "hi", "lb", "note", "choice", "sic", "corr", "pb", "fw"])
TEXTS = st.text(alphabet="ab -\n", max_size=4)
TREES = st.recursive(
    st.tuples(NAMES, TEXTS, st.just([]), TEXTS),
    lambda children: st.tuples(NAMES, TEXTS, st.lists(children, max_size=4), TEXTS),
    max_leaves=30,
)


def build(spec, parent=None) -> etree._Element:
    name, text, children, tail = spec
    elem = etree.Element(f"{{{TEI_NS}}}{name}") if parent is None else etree.SubElement(parent, f"{{{TEI_NS}}}{name}")
    elem.text, elem.tail = text or None, tail or None
    for child in children:
        build(child, elem)
    return elem


@settings(max_examples=200, deadline=None)
@given(TREES, st.sampled_from(["note", "choice", "hi", "none"]))
def test_the_walk_gives_the_elements_in_lxmls_order_and_every_text_not_skipped(spec, skipped):
    root = build(spec)
    walk = Walk(root)
    texts, starts = [], []
    for kind, elem in walk:
        if kind == START:
            starts.append(elem)
            if local_name(elem) == skipped and elem is not root:
                walk.skip()
        elif kind in (TEXT, TAIL):
            texts.append(elem.text if kind == TEXT else elem.tail)
    for elem in list(root.iter(f"{{{TEI_NS}}}{skipped}")):
        if elem is not root:
            elem.text = None
            del elem[:]
    assert starts == list(root.iter())
    assert "".join(texts) == "".join(root.itertext())


def test_a_note_whose_xml_id_is_no_name_carries_no_id_into_the_exports():
    tree = tei('<p>The weir held.<note n="1"/></p>', teikit=False)
    first(tree.getroot(), "note").set("{http://www.w3.org/XML/1998/namespace}id", "javascript:alert(1)")
    note = next(span for span in reading_text(tree).spans if span.kind == "note")
    assert note.attrs == {"n": "1"}
