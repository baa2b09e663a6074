"""The person register: loading and checking the YAML, and the `persons` commands."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from teikit.errors import ConfigError
from teikit.commands.persons import persons
from teikit.register import Register, load_register, read_entries
from teikit.register.edit import add_found, confirm_entries, merge_entries, save_register
from teikit.register.harvest import extract_life_dates, suggest_persons

from conftest import CORPUS, require_shared
SHARED_REGISTER = Path(__file__).resolve().parents[1] / "editions" / "registers" / "persons.yaml"
BOOK = next(CORPUS.glob("001_*.txt"), None)

NOTES = """Yours sincerely,
Leon Trotsky

NOTES

1. Trotsky's wife, Natalia Sedova (1882·1962), worked in the Soviet
Commissariat. Karl M arx (1818-1883), along with Engels, was the founder.
Jean van Heijenoort (1912- ) served as a secretary. Pierre Naville (1904- )
and France (1919-1939) and the Left Opposition (1926-27) are not persons.
"""


def write(tmp_path, text):
    path = tmp_path / "persons.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_register_and_tei_entry(tmp_path):
    path = write(tmp_path, "persons:\n  - id: sedova-natalia\n    forename: Natalia\n    surname: Sedova\n"
                           "    forms: [Sedova, Natalia Sedova]\n    birth: '1882'\n    death: 1962\n")
    register = load_register(path)
    assert register["sedova-natalia"].tei_entry() == {
        "forename": "Natalia", "surname": "Sedova", "forms": ["Sedova", "Natalia Sedova"],
        "birth": "1882", "death": "1962", "idno": {}, "note": ""}
    assert register.forms() == {"Sedova": ["sedova-natalia"], "Natalia Sedova": ["sedova-natalia"]}


@pytest.mark.parametrize("entry, message", [
    ("- id: Trotsky\n  surname: Trotsky", "short lowercase key"),
    ("- id: trotsky\n  surnam: Trotsky", "unknown key 'surnam'"),
    ("- id: trotsky\n  surname: Trotsky\n  birth: 'c. 1879'", "birth must be a year"),
    ("- id: trotsky\n  surname: Trotsky\n  idno: {wikidata: 33391}", "Wikidata id"),
    ("- id: trotsky", "give a surname"),
    ("- id: trotsky\n  surname: Trotsky\n- id: trotsky\n  surname: Bronstein", "used twice"),
])
def test_register_errors_name_the_problem(tmp_path, entry, message):
    path = write(tmp_path, "persons:\n" + "\n".join("  " + line for line in entry.splitlines()) + "\n")
    with pytest.raises(ConfigError, match=message):
        load_register(path)


def test_shipped_register_is_valid_and_keyed():
    register = load_register(SHARED_REGISTER)
    assert len(register) > 250
    assert register["trotsky"].idno == (("wikidata", "Q33391"),)
    assert register["sedova-natalia"].birth == "1882"


def test_extract_life_dates_from_notes():
    entries = {e["id"]: e for e in extract_life_dates(NOTES)}
    assert set(entries) == {"sedova-natalia", "marx-karl", "van-heijenoort-jean", "naville-pierre"}
    assert entries["marx-karl"]["forms"] == ["Marx", "Karl Marx"]
    assert entries["sedova-natalia"]["birth"] == "1882" and entries["sedova-natalia"]["death"] == "1962"
    assert "death" not in entries["naville-pierre"]
    assert entries["van-heijenoort-jean"]["surname"] == "van Heijenoort"
    assert entries["sedova-natalia"]["note"].endswith("line 6")


def test_extract_command_writes_yaml(tmp_path):
    source = tmp_path / "book.txt"
    source.write_text(NOTES, encoding="utf-8")
    out = tmp_path / "harvest.yaml"
    result = CliRunner().invoke(persons, ["extract", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [e["id"] for e in yaml.safe_load(out.read_text())["persons"]][:2] == ["sedova-natalia", "marx-karl"]


def test_suggest_lists_unregistered_names():
    text = "Wrote to Puntervold. Puntervold replied. The Council met. Trotsky and Puntervold agreed."
    register = Register()
    suggestions = suggest_persons(text, register)
    assert suggestions[0][:2] == ("Puntervold", 3)
    assert "Council" not in [word for word, _, _ in suggestions]


def test_suggest_command(tmp_path):
    source = tmp_path / "t.txt"
    source.write_text("Comrade Gryadinsky spoke; Gryadinsky again.", encoding="utf-8")
    result = CliRunner().invoke(persons, ["suggest", str(source), "-r", str(SHARED_REGISTER), "-n", "5"])
    assert result.exit_code == 0
    assert "Gryadinsky" not in result.output     # registered already


def test_extract_harvests_the_book_notes():
    require_shared()
    entries = {e["id"]: e for e in extract_life_dates(BOOK.read_text(encoding="utf-8"))}
    assert len(entries) > 200
    assert entries["sedova-natalia"]["birth"] == "1882"
    assert entries["marx-karl"]["death"] == "1883"


# ---------------------------------------------------------------- persons import

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "register"


def run_import(tmp_path, source: str, *options: str):
    register = tmp_path / "persons.yaml"
    if not register.exists():
        register.write_text((FIXTURES / "persons.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(persons, ["import", str(FIXTURES / source), "-r", str(register), *options])
    assert result.exit_code == 0, result.output
    return result.output, register


def test_import_tei_fills_adds_and_reports_conflicts(tmp_path):
    output, register = run_import(tmp_path, "persons.xml")
    entries = {e["id"]: e for e in yaml.safe_load(register.read_text(encoding="utf-8"))["persons"]}
    assert list(entries) == ["marx", "lenin", "sedova-natalia", "zinoviev-gregory"]
    assert entries["marx"]["death"] == "1883" and entries["marx"]["idno"] == {"wikidata": "Q9061"}
    assert "conflict marx: death register '1883', import '1884' (kept the register)" in output
    # matched by Wikidata id although its xml:id differs; plain-text persName, year from text
    assert entries["lenin"]["birth"] == "1870" and "Vladimir Ilyich Ulyanov" in entries["lenin"]["forms"]
    # matched by surname and forename; viaf from its URL
    assert entries["sedova-natalia"]["idno"] == {"viaf": "12345678"}
    assert entries["zinoviev-gregory"]["forms"] == ["Zinoviev", "Gregory Zinoviev"]
    assert load_register(register)["zinoviev-gregory"].birth == "1883"
    text = register.read_text(encoding="utf-8")
    assert text.startswith("# A small register for the import tests.\n# Kept as the header")
    assert "1 comment lines below the header could not be kept" in output


def test_import_prefer_import_and_dry_run(tmp_path):
    output, register = run_import(tmp_path, "persons.xml", "--dry-run")
    assert "dry run" in output and "added zinoviev-gregory" in output
    assert register.read_text(encoding="utf-8") == (FIXTURES / "persons.yaml").read_text(encoding="utf-8")
    output, register = run_import(tmp_path, "persons.xml", "--prefer-import")
    assert load_register(register)["marx"].death == "1884"
    assert "(took the import)" in output


def test_import_csv_in_export_columns(tmp_path):
    output, register = run_import(tmp_path, "persons.csv")
    loaded = load_register(register)
    assert loaded["lenin"].death == "1924" and "V. I. Lenin" in loaded["lenin"].forms
    assert loaded["kamenev-lev"].forms == ("Kamenev", "Lev Kamenev") and "added kamenev-lev" in output
    output, _ = run_import(tmp_path, "persons.csv")          # a second import changes nothing
    assert "0 added, 0 filled, 0 conflicts" in output


# ---------------------------------------------------------------- provenance, status, editing

def test_harvested_notes_name_their_source():
    entries = {e["id"]: e for e in extract_life_dates(NOTES, "my-edition")}
    assert entries["sedova-natalia"]["note"] == "life dates from the notes of my-edition, line 6"


def test_auto_entries_publish_no_authority_id(tmp_path):
    path = write(tmp_path, "persons:\n  - id: hedlund-peter\n    surname: Hedlund\n    forename: Peter\n"
                           "    idno: {wikidata: Q1}\n    status: auto\n")
    entry = load_register(path)["hedlund-peter"].tei_entry()
    assert entry["idno"] == {} and entry["note"].endswith("not reviewed.")
    with pytest.raises(ConfigError, match="status must be"):
        load_register(write(tmp_path, "persons:\n  - id: x\n    surname: X\n    status: maybe\n"))


def test_no_default_register_in_the_package():
    import teikit.register as register
    assert not hasattr(register, "DEFAULT_REGISTER")


def invoke(*args):
    result = CliRunner().invoke(persons, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.output


def test_write_merge_rename_confirm(tmp_path):
    source = tmp_path / "letter.txt"
    source.write_text("Dear Sir,\n\nMr. Quentin Bramwell and Dr. Oswin Tarrant met. Bramwell spoke first;\n"
                      "then Dr. Tarrant answered Mr. Bramwell.\n", encoding="utf-8")
    register = tmp_path / "persons.yaml"
    listing = invoke("list", source, "--no-model")
    assert "bramwell-quentin  [found]" in listing and "[Quentin Bramwell]" in listing
    invoke("write", source, "-r", register, "--no-model")
    entries = {e["id"]: e for e in yaml.safe_load(register.read_text(encoding="utf-8"))["persons"]}
    assert entries["bramwell-quentin"]["status"] == "auto"
    assert set(entries["bramwell-quentin"]["forms"]) == {"Quentin Bramwell", "Bramwell"}
    invoke("merge", register, "bramwell-quentin", "tarrant-oswin")
    invoke("rename", register, "bramwell-quentin", "bramwell")
    invoke("confirm", register, "bramwell")
    entries = {e["id"]: e for e in yaml.safe_load(register.read_text(encoding="utf-8"))["persons"]}
    assert list(entries) == ["bramwell"]
    assert entries["bramwell"]["status"] == "confirmed" and "Tarrant" in entries["bramwell"]["forms"]


def test_editing_refuses_an_unknown_key(tmp_path):
    register = write(tmp_path, "persons:\n  - id: a\n    surname: A\n")
    result = CliRunner().invoke(persons, ["rename", str(register), "b", "c"])
    assert result.exit_code != 0 and "no person 'b'" in str(result.exception)


@pytest.mark.parametrize("new, says", [("a", "has a person 'a' already"), ("two words", "must be an XML name"),
                                       ("1st", "must be an XML name")])
def test_rename_refuses_a_key_taken_or_not_an_xml_name(tmp_path, new, says):
    register = write(tmp_path, "persons:\n  - id: a\n    surname: A\n  - id: b\n    surname: B\n")
    result = CliRunner().invoke(persons, ["rename", str(register), "b", new])
    assert result.exit_code != 0 and says in str(result.exception)
    assert "id: b" in register.read_text(encoding="utf-8")


def test_import_needs_a_register_path(tmp_path):
    result = CliRunner().invoke(persons, ["import", str(FIXTURES / "persons.csv")])
    assert result.exit_code == 2 and "--register" in result.output


# ---------------------------------------------------------------- register.edit, without the commands

def test_add_found_adds_new_persons_as_auto_and_new_forms_to_known_ones():
    entries = [{"id": "fenwick-ada", "surname": "Fenwick", "forename": "Ada", "forms": ["Ada Fenwick"]}]
    found = {"fenwick-ada": {"forename": "Ada", "surname": "Fenwick", "forms": ["Ada Fenwick", "Miss Fenwick"]},
             "orde-basil": {"forename": "Basil", "surname": "Orde", "forms": ["Basil Orde"]}}
    assert add_found(entries, found) == 1
    assert entries[0]["forms"] == ["Ada Fenwick", "Miss Fenwick"]
    assert entries[1] == {"id": "orde-basil", "forename": "Basil", "surname": "Orde", "forms": ["Basil Orde"],
                          "status": "auto"}


def test_merge_entries_joins_forms_and_fills_only_gaps(tmp_path):
    entries = [{"id": "a", "surname": "Orde", "forms": ["Orde"], "birth": "1801"},
               {"id": "b", "surname": "Ord", "forename": "Basil", "forms": ["Basil Ord", "Orde"], "birth": "1802"}]
    merge_entries(entries, "a", "b", tmp_path / "r.yaml")
    assert entries == [{"id": "a", "surname": "Orde", "forms": ["Orde", "Basil Ord"], "birth": "1801",
                        "forename": "Basil"}]


def test_save_register_refuses_a_duplicate_id_and_writes_nothing(tmp_path):
    path = write(tmp_path, "# my register\npersons:\n  - id: a\n    surname: A\n")
    original, entries = read_entries(path)
    confirm_entries(entries, ["a"], path)
    assert save_register(path, original, entries) == 0
    assert path.read_text(encoding="utf-8").startswith("# my register\n") and "confirmed" in path.read_text()
    entries.append({"id": "a", "surname": "B"})
    with pytest.raises(ConfigError, match="'a' would be used twice"):
        save_register(path, original, entries)
    assert path.read_text(encoding="utf-8").count("id: a") == 1


def test_extract_writes_through_the_atomic_writer(tmp_path):
    source = tmp_path / "book.txt"
    source.write_text(NOTES, encoding="utf-8")
    out = tmp_path / "new" / "harvest.yaml"
    result = CliRunner().invoke(persons, ["extract", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in out.parent.iterdir()] == ["harvest.yaml"]      # no temporary file left
    assert out.stat().st_mode & 0o644 == 0o644
