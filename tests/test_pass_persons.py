"""The persons pass: mentions of registered persons -> <persName ref="#id">."""
from __future__ import annotations

import pytest

from teikit.model import Block, Hyphen, Mark
from teikit.passes.persons import Options, PersonFinder, find_unregistered, mark_persons, run, trie_regex
from teikit.reader import document_from_text
from teikit.register import DEFAULT_REGISTER, Register, load_register, person_from_dict
from teikit.report import Report

ENTRIES = [
    {"id": "trotsky", "forename": "Leon", "surname": "Trotsky", "forms": ["Trotsky", "Leon Trotsky", "L. D."],
     "idno": {"wikidata": "Q33391"}},
    {"id": "lenin", "forename": "Vladimir", "surname": "Lenin", "forms": ["Lenin", "Ulianov"]},
    {"id": "vyshinsky", "surname": "Vyshinsky", "forms": ["Vyshinsky", "Vishinsky"]},
    {"id": "sedov-leon", "forename": "Leon", "surname": "Sedov"},
    {"id": "sedov-sergei", "forename": "Sergei", "surname": "Sedov"},
    {"id": "fischer-ruth", "forename": "Ruth", "surname": "Fischer", "forms": ["Ruth Fischer"]},
    {"id": "stalin", "surname": "Stalin"},
]


@pytest.fixture(scope="module")
def finder():
    return PersonFinder.build(Register({e["id"]: person_from_dict(e) for e in ENTRIES}))


def persons_in(text, finder, unregistered=True):
    hits = finder.find(text, {})
    if unregistered:
        hits += [(i, j, None) for i, j in find_unregistered(text, finder, [(i, j) for i, j, _ in hits])]
    return sorted((text[i:j], pid) for i, j, pid in hits)


@pytest.mark.parametrize("text, expected", [
    ("Trotsky's son", [("Trotsky", "trotsky")]),
    ("as Leon Trotsky wrote", [("Leon Trotsky", "trotsky")]),
    ("V. I. Lenin and N. Lenin", [("N. Lenin", "lenin"), ("V. I. Lenin", "lenin")]),
    ("signed L. D.", [("L. D.", "trotsky")]),
    ("as V.I. Lenin said", [("V.I. Lenin", "lenin")]),
    ("Vishinsky: Did you?", [("Vishinsky", "vyshinsky")]),
    ("MOSCOW TRIAL: STALIN SPEAKS", [("STALIN", "stalin")]),
    ("Marx-Engels-Lenin-Stalin is", [("Lenin", "lenin"), ("Stalin", "stalin")]),
    ("January 9-Trotsky arrives", [("Trotsky", "trotsky")]),
])
def test_registered_forms(finder, text, expected):
    assert persons_in(text, finder, unregistered=False) == expected


@pytest.mark.parametrize("text", [
    "the Trotskyist press", "Stalinism and Leninism", "in Leningrad and Stalingrad",
    "the Norwegian tanker Ruth sailed", "anti-Stalin feeling",
])
def test_derived_words_and_places_are_not_persons(finder, text):
    assert persons_in(text, finder) == []


def test_namesakes_follow_the_last_full_name(finder):
    text = "Sergei Sedov stayed. Sedov was arrested. Later Leon Sedov wrote; Sedov died."
    assert [pid for _, _, pid in finder.find(text, {})] == ["sedov-sergei", "sedov-sergei", "sedov-leon",
                                                           "sedov-leon"]


def test_unregistered_names_need_evidence(finder):
    text = "General Franco and Comrade Ulrich met Peter Hedlund at the General Staff in Oslo."
    assert persons_in(text, finder) == [("Franco", None), ("Peter Hedlund", None), ("Ulrich", None)]


def test_trie_regex_matches_each_word_and_spacing():
    import re
    pattern = re.compile("(?:" + trie_regex(["Lenin", "Leon Trotsky", "Leon", "L.D."]) + r")\b")
    assert [m.group() for m in pattern.finditer("Lenin, Leon  Trotsky, Leon, L. D.x")] == \
        ["Lenin", "Leon  Trotsky", "Leon", "L. D."]


def _block(text):
    doc = document_from_text(text)
    return doc, Block("p", lines=doc.lines)


def test_name_split_by_line_end_and_ocr_spacing(finder):
    _, block = _block("said Trot\nsky and T rotsky")
    block.lines[0].hyphen = Hyphen.JOIN
    block.marks.append(Mark("choice", 18, 26, {"corr": "Trotsky"}))
    mark_persons(block, finder, {}, True)
    names = [(block.text[m.start:m.end], m.attrs) for m in block.marks if m.tag == "persName"]
    assert names == [("Trot\nsky", {"ref": "#trotsky"}), ("T rotsky", {"ref": "#trotsky"})]


def test_run_fills_register_entries_and_facts(tmp_path):
    register = tmp_path / "persons.yaml"
    register.write_text("persons:\n  - id: trotsky\n    forename: Leon\n    surname: Trotsky\n"
                        "    birth: 1879\n    death: 1940\n    idno: {wikidata: Q33391}\n", encoding="utf-8")
    doc = document_from_text("Leon Trotsky and Comrade Ulrich.")
    doc.body = [Block("div", children=[Block("p", lines=doc.lines)])]
    run(doc, Options(register=str(register)), Report())
    marks = doc.body[0].children[0].marks
    assert [(m.start, m.end, m.attrs) for m in marks] == [(0, 12, {"ref": "#trotsky"}), (25, 31, {})]
    assert doc.persons == {"trotsky": {"forename": "Leon", "surname": "Trotsky",
                                       "forms": ["Trotsky", "Leon Trotsky"], "birth": "1879",
                                       "death": "1940", "idno": {"wikidata": "Q33391"}, "note": ""}}
    assert doc.facts.persons.marked == 2


def test_missing_register_is_a_warning():
    doc = document_from_text("Trotsky")
    report = Report()
    run(doc, Options(register="/nonexistent/persons.yaml"), report)
    assert [m.code for m in report.messages] == ["TK170"]


def test_shipped_register_covers_the_spelling_variants():
    forms = load_register(DEFAULT_REGISTER).forms()
    for variant, pid in [("Vishinsky", "vyshinsky"), ("Vyshinsky", "vyshinsky"), ("Orjonokidze", "ordzhonikidze"),
                         ("Ordjonikidze", "ordzhonikidze"), ("Piatakov", "pyatakov"), ("Pyatakov", "pyatakov")]:
        assert forms[variant] == [pid]
