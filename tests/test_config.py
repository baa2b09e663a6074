"""edition.yaml: every key checked, every error with its line."""
from __future__ import annotations

import pytest

from conftest import EDITIONS, EDITION_SLUGS
from teikit.config import load_config
from teikit.errors import ConfigError


def write(tmp_path, text):
    path = tmp_path / "edition.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("slug", EDITION_SLUGS)
def test_every_edition_loads(slug):
    cfg = load_config(EDITIONS / slug / "edition.yaml")
    assert cfg.slug == slug and cfg.title and cfg.original.title
    assert cfg.path(cfg.source).is_file()


def test_unknown_key_names_itself_its_line_and_the_valid_keys(tmp_path):
    path = write(tmp_path, "title: X\nautor: Y\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert info.value.line == 2
    assert "'autor'" in str(info.value) and "author" in str(info.value)


def test_unknown_nested_key(tmp_path):
    with pytest.raises(ConfigError, match="in 'original'") as info:
        load_config(write(tmp_path, "title: X\noriginal:\n  title: T\n  publsher: P\n"))
    assert info.value.line == 4


@pytest.mark.parametrize("text, fragment, line", [
    ("title: [unclosed\n", "not valid YAML", 2),
    ("- a list\n", "must be a mapping", 1),
    ("title: X\nprofile: novel\n", "unknown profile", 2),
    ("title: X\nexclude:\n  - first: 3\n", "needs a 'reason'", 3),
    ("title: X\nexclude:\n  - reason: r\n    first: three\n", "line number", 3),
    ("title: X\ncalendar: mayan\n", "gregorian or julian", 2),
])
def test_malformed_values(tmp_path, text, fragment, line):
    with pytest.raises(ConfigError, match=fragment) as info:
        load_config(write(tmp_path, text))
    assert info.value.line == line


def test_empty_and_missing(tmp_path):
    with pytest.raises(ConfigError, match="empty"):
        load_config(write(tmp_path, ""))
    with pytest.raises(ConfigError, match="no such"):
        load_config(tmp_path / "missing.yaml")


@pytest.mark.parametrize("text", ["suppress:\n", "suppress: ~\n", "passes:\n", "passes:\n  structure:\n"])
def test_an_empty_list_or_mapping_is_allowed(tmp_path, text):
    cfg = load_config(write(tmp_path, "title: X\n" + text))
    assert cfg.suppress == () and all(not options for options in cfg.passes.values())


def test_pass_options_are_typed_when_the_edition_is_read(tmp_path):
    path = write(tmp_path, "title: X\npasses:\n  furniture:\n    min_chain: 4\n    rate_spread: 2\n"
                           "  structure:\n    title_page: false\n    endnote_pattern: '^(\\d+)\\.'\n")
    assert load_config(path).passes == {"furniture": {"min_chain": 4, "rate_spread": 2.0},
                                        "structure": {"title_page": False, "endnote_pattern": r"^(\d+)\."}}
    for option, value, said in [("title_page", '"no"', "true or false"), ("div_type", "5", "a string"),
                                ("endnote_pattern", "'[a-'", "regular expression")]:
        with pytest.raises(ConfigError, match=said) as info:
            load_config(write(tmp_path, f"title: X\npasses:\n  structure:\n    {option}: {value}\n"))
        assert info.value.line == 4 and option in str(info.value)


@pytest.mark.parametrize("slug", ["letters-1937", "vol_2.draft", "A1"])
def test_plain_slugs_are_taken(tmp_path, slug):
    assert load_config(write(tmp_path, f"title: X\nslug: {slug}\n")).slug == slug
