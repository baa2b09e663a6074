"""teikit.validate: each Schematron rule, each error category, hostile input, the CLI."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from teikit.commands.validate import validate_command
from teikit.errors import ValidationError
from teikit.resources import resource_dir
from teikit.validate import (
    FATAL, assert_valid, check_tree, exit_code, parse, validate_file,
)

FIXTURES = Path(__file__).parent / "fixtures" / "validate"
SHAPE = Path(__file__).parent / "fixtures" / "teikit-shape.tei.xml"


def problems_of(name: str) -> list:
    return validate_file(FIXTURES / name)


def codes(name: str) -> set[str]:
    return {problem.code for problem in problems_of(name)}


@pytest.mark.parametrize("path", [SHAPE, FIXTURES / "valid_minimal.xml", FIXTURES / "valid_rich.xml"])
def test_valid_files_have_no_problems(path):
    assert validate_file(path) == []


# ---- Schematron rules, one fixture each

def test_dangling_ref_is_reported_with_its_line_and_other_files_are_allowed():
    found = problems_of("dangling_ref.xml")
    assert [(p.code, p.line) for p in found] == [("dangling-ref", 18)]
    assert '"#nobody"' in found[0].text and "persons.xml" not in found[0].text


def test_dangling_targets_of_ref_and_note():
    messages = [p.text for p in problems_of("dangling_target.xml")]
    assert any('ref/@target="#n99"' in m for m in messages)
    assert any('note/@target="#missing"' in m for m in messages)


def test_duplicate_id_is_reported_for_each_use_not_as_malformed():
    found = problems_of("duplicate_id.xml")
    assert [p.line for p in found if p.code == "duplicate-id"] == [12, 13]
    assert exit_code(found) == 1


@pytest.mark.parametrize("name", ["bad_date.xml", "bad_date_format.xml"])
def test_dates_must_be_iso(name):
    found = problems_of(name)
    assert {"bad-date", "bad-attribute"} <= {p.code for p in found}
    assert all(p.line == 13 for p in found)
    assert any("YYYY-MM-DD" in p.text for p in found)


def test_date_range_from_after_to():
    found = problems_of("date_range_reversed.xml")
    assert [(p.code, p.line) for p in found] == [("date-range-reversed", 13)]


def test_numeric_page_numbers_increase_and_roman_ones_are_skipped():
    found = problems_of("page_order.xml")
    assert [(p.code, p.line) for p in found] == [("page-order", 13)]
    assert 'pb/@n="13"' in found[0].text and "14" in found[0].text


def test_loose_text_in_div():
    assert {"stray-text", "unexpected-text"} <= codes("stray_text.xml")


def test_iso_date_forms_accepted_by_rule_and_grammar():
    for value in ("1936", "1936-12", "1936-12-28", "--02-27", "--02"):
        tree = etree.ElementTree(etree.fromstring(SHAPE.read_bytes()))
        tree.find(".//{*}dateline/{*}date").set("when", value)
        assert check_tree(tree) == [], value


# ---- grammar errors, with messages that say what is expected

def test_unexpected_element_names_what_the_parent_allows():
    (problem,) = problems_of("unexpected_element.xml")
    assert problem.code == "unexpected-element" and problem.line == 13
    assert "element bogus is not allowed in p" in problem.text
    assert "persName" in problem.text and "hi" in problem.text


def test_misplaced_structural_element():
    (problem,) = problems_of("misplaced_element.xml")
    assert "element div is not allowed in p" in problem.text


@pytest.mark.parametrize("name, value, allowed", [
    ("bad_fw_type.xml", 'fw/@type="running"', "pageNum, header, footer, catch, sig"),
    ("bad_note_place.xml", 'note/@place="side"', "foot, end, margin, inline, bottom"),
    ("bad_div_type.xml", 'div/@type="essay"', "article, chapter"),
])
def test_invalid_attribute_value_shows_value_and_allowed_values(name, value, allowed):
    (problem,) = problems_of(name)
    assert problem.code == "bad-attribute"
    assert value in problem.text and allowed in problem.text


def test_unknown_attribute_lists_the_declared_ones():
    (problem,) = problems_of("unknown_attribute.xml")
    assert "attribute colour is not allowed on lb" in problem.text and "break" in problem.text


def test_problem_prints_as_file_line_col():
    (problem,) = problems_of("unexpected_element.xml")
    assert str(problem).startswith(f"{FIXTURES / 'unexpected_element.xml'}:13:")


# ---- unusable input: one clear problem, exit 2

@pytest.mark.parametrize("name, code", [
    ("malformed.xml", "malformed"),
    ("not_tei.xml", "not-tei"),
    ("tei_without_namespace.xml", "not-tei"),
    ("does_not_exist.xml", "missing-file"),
])
def test_unusable_input(name, code):
    (problem,) = problems_of(name)
    assert (problem.code, problem.level) == (code, FATAL)
    assert exit_code([problem]) == 2


def test_unusable_schema_is_one_problem(tmp_path):
    broken = tmp_path / "broken.rng"
    broken.write_text("<grammar xmlns='http://relaxng.org/ns/structure/1.0'><start><ref name='x'/></start></grammar>")
    (problem,) = validate_file(SHAPE, schema=broken)
    assert problem.code == "bad-schema" and "broken.rng" in problem.text
    (missing,) = validate_file(SHAPE, schema=tmp_path / "nothing.rng")
    assert missing.code == "bad-schema" and "not found" in missing.text


# ---- hostile input

def test_entity_bomb_is_refused_quickly_without_expansion():
    (problem,) = problems_of("billion_laughs.xml")
    assert problem.level == FATAL and "lol" * 10 not in problem.text


def test_external_entity_is_not_read():
    (problem,) = problems_of("external_entity.xml")
    assert problem.code == "doctype" and "root:" not in problem.text
    tree, _ = parse(FIXTURES / "external_entity.xml")
    assert "root:" not in etree.tostring(tree, encoding="unicode")


def test_xinclude_is_not_processed_and_is_invalid():
    (problem,) = problems_of("xinclude.xml")
    assert problem.code == "unexpected-element" and "include" in problem.text
    tree, _ = parse(FIXTURES / "xinclude.xml")
    assert "root:" not in etree.tostring(tree, encoding="unicode")


# ---- API for the encoder

def test_assert_valid_accepts_trees_and_paths_and_raises_on_problems():
    assert_valid(SHAPE)
    assert_valid(etree.parse(str(SHAPE)))
    with pytest.raises(ValidationError, match="bogus"):
        assert_valid(FIXTURES / "unexpected_element.xml")


def test_check_tree_on_an_element():
    assert check_tree(etree.parse(str(SHAPE)).getroot()) == []


# ---- CLI

def test_cli_exit_codes_and_text_output():
    runner = CliRunner()
    ok = runner.invoke(validate_command, [str(SHAPE)])
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(validate_command, [str(SHAPE), str(FIXTURES / "bad_fw_type.xml")])
    assert bad.exit_code == 1
    assert 'bad_fw_type.xml:12:0: error bad-attribute: fw/@type="running"' in bad.output
    unusable = runner.invoke(validate_command, [str(FIXTURES / "malformed.xml"), str(FIXTURES / "dangling_ref.xml")])
    assert unusable.exit_code == 2 and "Traceback" not in unusable.output
    assert "malformed" in unusable.output and "dangling-ref" in unusable.output


def test_cli_json_output():
    result = CliRunner().invoke(validate_command, ["--format", "json", str(FIXTURES / "page_order.xml")])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    (entry,) = report["files"]
    assert entry["valid"] is False and entry["problems"][0]["code"] == "page-order"
    assert entry["problems"][0]["line"] == 13


def test_cli_missing_file_and_bad_schema():
    runner = CliRunner()
    assert runner.invoke(validate_command, ["nope.xml"]).exit_code == 2
    result = runner.invoke(validate_command, ["--schema", "/nonexistent.rng", str(SHAPE)])
    assert result.exit_code == 2 and "not found" in result.output


PLANTED = (  # (what the fixture says, the error planted in its place): two in one paragraph
    ('<fw type="pageNum">13</fw>', '<fw type="folio">13</fw>'),
    ('<corr resp="#teikit">November.</corr>', '<corr resp="#teikit" colour="red">November.</corr>'),
    ('<speaker>Vishinsky:</speaker>', '<speaker>Vishinsky:<head>Q.</head></speaker>'),
)


def planted_errors(tmp_path) -> tuple[Path, list[int]]:
    """The shape fixture with three grammar errors, two in one subtree, and their lines."""
    text = (Path(__file__).parent / "fixtures" / "teikit-shape.tei.xml").read_text(encoding="utf-8")
    lines = []
    for original, planted in PLANTED:
        assert text.count(original) == 1
        lines.append(text[:text.index(original)].count("\n") + 1)
        text = text.replace(original, planted)
    path = tmp_path / "planted.xml"
    path.write_text(text, encoding="utf-8")
    return path, lines


def test_every_planted_grammar_error_is_reported_at_its_element(tmp_path):
    path, lines = planted_errors(tmp_path)
    problems = validate_file(path)
    assert sorted({p.line for p in problems}) == lines, problems
    assert any("fw/@type=\"folio\"" in p.text for p in problems)
    assert any("attribute colour is not allowed on corr" in p.text for p in problems)
    assert any("element head is not allowed in speaker" in p.text for p in problems)


@pytest.mark.skipif(shutil.which("jing") is None, reason="jing is not installed (apt-get install jing)")
def test_validate_reports_at_least_the_lines_jing_reports(tmp_path):
    path, _ = planted_errors(tmp_path)
    jing = subprocess.run(["jing", str(resource_dir("schemas") / "teikit.rng"), str(path)],
                          capture_output=True, text=True)
    jing_lines = {int(line.split(":")[1]) for line in jing.stdout.splitlines() if ": error:" in line}
    assert jing_lines
    assert jing_lines <= {p.line for p in validate_file(path)}


def test_the_grammar_compiled_for_a_files_elements_gives_the_whole_grammars_verdict(tmp_path):
    from teikit.validate import grammar

    files = sorted(FIXTURES.glob("*.xml")) + [SHAPE, planted_errors(tmp_path)[0]]
    compiled = grammar("teikit")
    verdicts = set()
    for file in files:
        tree, problems = parse(file)
        if tree is None or problems:
            continue
        names = frozenset(etree.QName(element).localname for element in tree.iter(etree.Element))
        verdict = compiled.validator(names).validate(tree)
        assert verdict == compiled.relaxng.validate(tree), file.name
        verdicts.add(verdict)
    assert verdicts == {True, False}


def test_tei_all_is_fetched_once_into_the_user_cache(tmp_path, monkeypatch):
    from teikit.validate import fetch_tei_all, tei_all_path

    official = tmp_path / "official.rng"
    official.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="TEI">'
                        '<empty/></element></start></grammar>', encoding="utf-8")
    monkeypatch.delenv("TEIKIT_TEI_ALL", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    kept = fetch_tei_all(official.as_uri())
    assert kept == tmp_path / "cache" / "teikit" / "tei_all.rng"
    assert kept.read_bytes() == official.read_bytes()
    monkeypatch.setattr("teikit.validate.resource_dir", lambda name: tmp_path / "installed" / "share" / name)
    assert tei_all_path() == kept


def test_a_failed_fetch_is_one_line_and_keeps_nothing(tmp_path, monkeypatch):
    from teikit.validate import SchemaUnusable, fetch_tei_all

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with pytest.raises(SchemaUnusable, match="cannot fetch tei_all.rng .* --schema PATH"):
        fetch_tei_all((tmp_path / "absent.rng").as_uri())
    assert not (tmp_path / "cache").exists()


def test_an_unusable_schema_never_reads_as_invalid(tmp_path):
    from teikit.cli import cli

    tei = tmp_path / "a.xml"
    tei.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "--schema", str(tmp_path / "none.rng"), str(tei)])
    assert result.exit_code == 2
    assert "no file checked" in result.output and "valid against" not in result.output


def test_validate_refuses_a_fifo_without_waiting(tmp_path):
    import os

    from teikit.validate import validate_file

    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    [problem] = validate_file(fifo)
    assert problem.code == "unreadable" and "not a regular file" in problem.text


# ---------------------------------------------------------------- a file too big for a tree

#: variants of the shape fixture, each invalid in one way a piece or what is left of the tree shows
VARIANTS = {
    "order-in-a-piece": ('<dateline><date when="1936-12-28">December 28, 1936</date></dateline>',
                         '<p>first</p><dateline><date when="1936-12-28">December 28, 1936</date></dateline>'),
    "order-at-the-top": ("<back>", "<back><p>loose</p>"),
    "body-missing": ("<body>", "<body/><!--"),
    "named-like-a-stand-in": ("<closer>", "<closer><salute.teikit-checked/>"),
    "id-in-two-pieces": ('<sp who="#vyshinsky">', '<sp who="#vyshinsky" xml:id="d1">'),
    "doctype-and-malformed": ('<?xml version="1.0" encoding="UTF-8"?>', '<!DOCTYPE TEI [<!ENTITY e "x">]>'),
}


def variant_files(tmp_path) -> list[Path]:
    text = SHAPE.read_text(encoding="utf-8")
    paths = []
    for name, (original, changed) in VARIANTS.items():
        assert original in text
        changed_text = text.replace(original, changed, 1)
        if name == "body-missing":
            changed_text = changed_text.replace("</body>", "-->")
        if name == "doctype-and-malformed":
            changed_text = changed_text.replace("</TEI>", "</TEI")
        paths.append(tmp_path / f"{name}.xml")
        paths[-1].write_text(changed_text, encoding="utf-8")
    return paths


def every_kind_of_file(tmp_path) -> list[Path]:
    return sorted(FIXTURES.glob("*.xml")) + [SHAPE, planted_errors(tmp_path)[0]] + variant_files(tmp_path)


@pytest.mark.parametrize("piece", [2, 4096])
def test_a_big_file_gives_the_messages_of_a_small_one(tmp_path, monkeypatch, piece):
    """Over STREAM_BYTES a file is read as it is parsed, each piece checked and freed; what it
    says is what the whole tree says, problem for problem (valid, invalid and unusable files)."""
    import teikit.validate as validate

    files = every_kind_of_file(tmp_path)
    whole = {path: validate_file(path) for path in files}
    monkeypatch.setattr(validate, "STREAM_BYTES", 0)
    monkeypatch.setattr(validate, "PIECE", piece)
    assert {path: validate_file(path) for path in files} == whole
    assert {exit_code(found) for found in whole.values()} == {0, 1, 2}


def test_a_big_file_gives_the_messages_of_a_small_one_for_tei_all(tmp_path, monkeypatch, tei_all):
    import teikit.validate as validate

    files = [SHAPE, planted_errors(tmp_path)[0]]
    whole = {path: validate_file(path, "tei_all") for path in files}
    monkeypatch.setattr(validate, "STREAM_BYTES", 0)
    assert {path: validate_file(path, "tei_all") for path in files} == whole


@pytest.mark.parametrize("name", ["dangling_ref.xml", "page_order.xml", "valid_rich.xml", "not_tei.xml",
                                  "external_entity.xml"])
def test_the_stream_settles_a_valid_or_refused_file_without_its_tree(name, monkeypatch):
    import teikit.validate as validate

    whole = validate_file(FIXTURES / name)
    monkeypatch.setattr(validate, "STREAM_BYTES", 0)
    monkeypatch.setattr(validate, "PIECE", 2)
    monkeypatch.setattr(validate, "parse", lambda path: pytest.fail("the tree was read"))
    assert validate_file(FIXTURES / name) == whole


@pytest.mark.parametrize("piece", [1, 5])
def test_the_piecewise_verdict_is_the_whole_grammars(tmp_path, monkeypatch, piece):
    import teikit.validate as validate
    from teikit.tei.reader import iterparse_tei

    monkeypatch.setattr(validate, "PIECE", piece)
    compiled = validate.grammar("teikit")
    verdicts = set()
    for path in every_kind_of_file(tmp_path):
        tree, problems = parse(path)
        if tree is None or problems or len(set(tree.xpath("//@xml:id"))) < len(tree.xpath("//@xml:id")):
            continue   # a repeated xml:id is validate_streamed's to find
        pieces = validate.PiecewiseCheck(compiled)
        for event, element in iterparse_tei(path):
            pieces.feed(event, element)
        names = frozenset(etree.QName(element).localname for element in tree.iter(etree.Element))
        expected = compiled.validator(names).validate(tree)
        assert pieces.valid == expected, path.name
        verdicts.add(expected)
    assert verdicts == {True, False}


def test_the_stream_keeps_a_few_pieces_of_the_tree(tmp_path, monkeypatch):
    """However many divisions a body holds, what stays of one once checked is its stand-in."""
    import teikit.validate as validate
    from teikit.tei.reader import iterparse_tei

    text = SHAPE.read_text(encoding="utf-8")
    division = re.sub(' xml:id="[^"]*"', "", text[text.index('<div type="article"'):text.index("</body>")])
    path = tmp_path / "long.xml"
    path.write_text(text.replace("</body>", division * 300 + "</body>"), encoding="utf-8")
    monkeypatch.setattr(validate, "PIECE", 50)
    pieces = validate.PiecewiseCheck(validate.grammar("teikit"))
    for event, element in iterparse_tei(path):
        pieces.feed(event, element)
    kept = [found for found in element.iter() if not found.tag.endswith(validate.STAND_IN)]
    assert pieces.valid
    assert len(kept) < 150   # of 301 divisions of 40 elements


def test_only_elements_of_one_pattern_each_are_checked_apart(tmp_path):
    """A stand-in may take an element's place only where its one pattern decides it, and no
    wildcard of the grammar could take the stand-in for something else."""
    from teikit.validate import Grammar

    def grammar_of(body: str) -> Grammar:
        path = tmp_path / "g.rng"
        path.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">'
                        f'<start><ref name="TEI"/></start>{body}</grammar>', encoding="utf-8")
        return Grammar(path)

    one_each = '<define name="TEI"><element name="TEI"><ref name="p"/></element></define>' \
               '<define name="p"><element name="p"><text/></element></define>'
    assert grammar_of(one_each).replaceable == {"TEI", "p"}
    two_ps = one_each + '<define name="note"><element name="note"><element name="p"><empty/></element></element></define>'
    assert grammar_of(two_ps).replaceable == {"TEI", "note"}
    wildcard = one_each + '<define name="any"><element><anyName/><empty/></element></define>'
    assert grammar_of(wildcard).replaceable == frozenset()
    other_namespaces = one_each + ('<define name="any"><element><anyName><except><nsName/></except></anyName>'
                                   '<attribute><anyName/></attribute></element></define>')
    assert grammar_of(other_namespaces).replaceable == {"TEI", "p"}


def test_tei_just_written_is_checked_as_it_is_parsed_and_read_whole_only_when_invalid():
    """The encoder's check settles valid TEI piece by piece; TEI it cannot settle (a stray
    element) gets the whole tree's explanation, as from a file."""
    from teikit.encode import encode_text, serialize
    from teikit.tasks import encoded_problems
    from teikit.tei.reader import iterparse_bytes
    from teikit.validate import check_bytes, check_streamed

    data = serialize(encode_text("Osric Quillet wrote from Tulverton on March 3, 1862.").tree)
    assert check_streamed(iterparse_bytes(data, "q.xml", ours=True), "q.xml") == []
    assert encoded_problems(data, "q.xml") == []
    bad = data.replace(b"</body>", b"<stray/></body>")
    assert check_streamed(iterparse_bytes(bad, "q.xml", ours=True), "q.xml") is None
    assert encoded_problems(bad, "q.xml") == check_bytes(bad, "q.xml") != []
