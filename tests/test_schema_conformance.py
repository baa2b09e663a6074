"""teikit.rng is a subset of tei_all, stays linear, and its companions are valid.

tei_all takes 10-40 s to compile with lxml: it is compiled once per session.
"""
from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import lxml.isoschematron
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree

from teikit import TEI_NS
from teikit.resources import resource_dir
from teikit.validate import check_tree, grammar, parse, tei_all_path

TESTS = Path(__file__).parent
SCHEMAS = resource_dir("schemas")
FIXTURES = sorted((TESTS / "fixtures" / "validate").glob("*.xml")) + [TESTS / "fixtures" / "teikit-shape.tei.xml"]


@pytest.fixture(scope="session")
def teikit():
    return grammar("teikit")


def teikit_valid_fixtures():
    for path in FIXTURES:
        tree, problems = parse(path)
        if tree is not None and not problems and grammar("teikit").relaxng.validate(tree):
            yield path


def test_there_are_valid_fixtures_to_compare():
    assert len(list(teikit_valid_fixtures())) >= 3


@pytest.mark.parametrize("path", list(teikit_valid_fixtures()), ids=lambda path: path.name)
def test_fixture_valid_against_teikit_is_valid_against_tei_all(path, tei_all):
    tree, _ = parse(path)
    assert tei_all.relaxng.validate(tree), tei_all.relaxng.error_log


def test_every_declared_child_and_attribute_is_allowed_by_tei_all(teikit, tei_all):
    """A static check of the subset claim, element by element (order is left to the other tests)."""
    for element in teikit._elements:
        assert element in tei_all._elements, element
        children, text = teikit.children(element)
        tei_children, tei_text = tei_all.children(element)
        assert children <= tei_children, (element, children - tei_children)
        assert tei_text or not text, f"{element} allows text only in teikit"
        extra = set(teikit.attributes(element)) - set(tei_all.attributes(element))
        assert not extra, (element, extra)


# ---- random documents from teikit's vocabulary

PHRASES = ["hi", "persName", "date", "lb", "pb", "note", "choice", "sic", "corr", "supplied", "pc", "w", "seg",
           "title", "name", "placeName", "orgName", "rs", "num", "ref", "ptr", "anchor", "fw", "gap", "q",
           "quote", "label", "list", "item", "lg", "l", "p", "head", "forename", "surname", "figure", "byline"]
ATTRIBUTE_VALUES = {
    "when": ["1936", "1936-12", "1936-12-28", "--02-27", "--02"],
    "from": ["1882"], "to": ["1962"], "place": ["foot", "end", "bottom", "margin", "inline"],
    "rend": ["italic", "bold smallcaps"], "ref": ["#d1", "persons.xml#x"], "target": ["#d1"],
    "n": ["1", "*", "iv"], "break": ["no"], "force": ["weak"], "resp": ["#teikit"], "cert": ["high", "low"],
    "reason": ["lost-hyphen"], "level": ["m", "j"], "type": ["pageNum", "header", "endnote", "clause"],
    "calendar": ["#julian"], "xml:lang": ["en", "de"],
}
WORDS = st.sampled_from(["Trotsky ", "1936", " a", "-", "Amer", "ican. "])


@st.composite
def element_tree(draw, name: str, depth: int):
    """An element `name` whose children teikit.rng lists for it: mostly valid, sometimes not."""
    teikit = grammar("teikit")
    node = etree.Element(f"{{{TEI_NS}}}{name}")
    for attribute in sorted(teikit.attributes(name)):
        if attribute in ATTRIBUTE_VALUES and draw(st.booleans()):
            key = "{http://www.w3.org/XML/1998/namespace}lang" if attribute == "xml:lang" else attribute
            node.set(key, draw(st.sampled_from(ATTRIBUTE_VALUES[attribute])))
    children, text = teikit.children(name)
    options = sorted(set(PHRASES) & children)
    if text:
        node.text = draw(WORDS)
    if depth > 0 and options:
        for _ in range(draw(st.integers(0, 3))):
            child = draw(element_tree(draw(st.sampled_from(options)), depth - 1))
            if text:
                child.tail = draw(WORDS)
            node.append(child)
    return node


def wrap(block: etree._Element) -> etree._ElementTree:
    tree = etree.parse(str(TESTS / "fixtures" / "validate" / "valid_minimal.xml"))
    body = tree.find(f".//{{{TEI_NS}}}body")
    div = etree.SubElement(body, f"{{{TEI_NS}}}div", {"type": "article", "{http://www.w3.org/XML/1998/namespace}id": "d1"})
    div.append(block)
    return tree


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(block=st.sampled_from(["p", "lg", "list", "quote", "sp", "label", "figure"]).flatmap(
    lambda name: element_tree(name, 4)))
def test_random_document_valid_for_teikit_is_valid_for_tei_all(block, tei_all):
    tree = wrap(block)
    if grammar("teikit").relaxng.validate(tree):
        assert tei_all.relaxng.validate(tree), (etree.tostring(block, encoding="unicode"), tei_all.relaxng.error_log)


# ---- linear time and companion files

def synthetic_register(persons: int) -> etree._ElementTree:
    people = "".join(f'<person xml:id="p{i}"><persName><forename>A</forename> <surname>B{i}</surname></persName>'
                     f'<birth when="1879"/><idno type="wikidata">Q{i}</idno></person>' for i in range(persons))
    text = (TESTS / "fixtures" / "validate" / "valid_minimal.xml").read_text(encoding="utf-8")
    text = text.replace('<listPerson>', f'<listPerson>{people}', 1)
    return etree.ElementTree(etree.fromstring(text.encode()))


def test_sibling_persons_validate_in_linear_time(teikit):
    timings = {}
    for persons in (2000, 8000):
        tree = synthetic_register(persons)
        start = time.perf_counter()
        assert teikit.relaxng.validate(tree)
        timings[persons] = time.perf_counter() - start
    # 4x the persons; quadratic would be 16x. Allow noise on a busy machine.
    assert timings[8000] < 8 * timings[2000] + 0.2, timings


def test_whole_check_of_a_big_register_is_fast():
    tree = synthetic_register(4000)
    start = time.perf_counter()
    assert check_tree(tree) == []
    assert time.perf_counter() - start < 10


def test_odd_is_tei_with_a_schema_spec(tei_all):
    odd = etree.parse(str(SCHEMAS / "teikit.odd"))
    assert odd.find(f".//{{{TEI_NS}}}schemaSpec").get("ident") == "teikit"
    assert tei_all.relaxng.validate(odd), tei_all.relaxng.error_log
    prose = etree.tostring(odd, encoding="unicode", method="text")
    for documented in ("pageNum", "bottom", "chronology", "--MM-DD", "dangling-ref", "page-order"):
        assert documented in prose


@pytest.mark.skipif(shutil.which("jing") is None, reason="jing is not installed")
def test_schematron_is_valid_iso_schematron_for_jing():
    iso_grammar = Path(lxml.isoschematron.__file__).parent / "resources" / "rng" / "iso-schematron.rng"
    result = subprocess.run(["jing", str(iso_grammar), str(SCHEMAS / "teikit.sch")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_tei_all_is_found_outside_the_repository():
    assert tei_all_path().name == "tei_all.rng"


def schema_models(tei: Path) -> dict[str, str]:
    """schematypens -> href of the file's xml-model processing instructions."""
    found = {}
    for pi in etree.parse(str(tei)).xpath("/processing-instruction('xml-model')"):
        found[pi.get("schematypens")] = pi.get("href")
    return found


def test_a_built_site_publishes_the_schemas_its_editions_point_at(tmp_path):
    from teikit import __version__
    from teikit.build import build_all

    edition = tmp_path / "editions" / "sample"
    edition.mkdir(parents=True)
    (edition / "source.txt").write_text("A TITLE\n\nSome text of the sample edition, in one paragraph.\n")
    (edition / "edition.yaml").write_text("slug: sample\ntitle: Sample\nprofile: book\n")
    site = tmp_path / "site"
    assert build_all(tmp_path / "editions", site)[0].ok
    published = site / "schemas" / __version__
    assert sorted(p.name for p in published.iterdir()) == ["teikit.odd", "teikit.rng", "teikit.sch"]
    tei = site / "sample" / "sample.xml"
    models = schema_models(tei)
    assert models == {"http://relaxng.org/ns/structure/1.0": f"../schemas/{__version__}/teikit.rng",
                      "http://purl.oclc.org/dsdl/schematron": f"../schemas/{__version__}/teikit.sch"}
    grammar_file = (tei.parent / models["http://relaxng.org/ns/structure/1.0"]).resolve()
    assert etree.RelaxNG(etree.parse(str(grammar_file))).validate(etree.parse(str(tei)))
    refs = etree.parse(str(tei)).xpath("//t:schemaRef/@url", namespaces={"t": TEI_NS})
    assert refs == [f"../schemas/{__version__}/teikit.rng", f"../schemas/{__version__}/teikit.odd"]


def test_an_encoded_file_points_at_versioned_schemas_under_a_configurable_base():
    from teikit import __version__
    from teikit.config import EditionConfig
    from teikit.encode import encode_text, serialize

    default = encode_text("Some text.\n").tree
    assert default.getroot().getprevious().get("href") == \
        f"https://teikit.github.io/schemas/{__version__}/teikit.sch"
    chosen = serialize(encode_text("Some text.\n", EditionConfig(schema_base="https://example.org/tei")).tree)
    assert f'href="https://example.org/tei/{__version__}/teikit.rng"'.encode() in chosen
