"""The checked pass order: requirements, options and the pass table."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from click.testing import CliRunner

from teikit.cli import cli
from teikit.errors import ConfigError
from teikit.passes import PASSES
from teikit.pipeline import PassSpec, build_pipeline, run_pipeline
from teikit.profiles import profile_options
from teikit.reader import document_from_text
from teikit.report import Report


@dataclass(frozen=True)
class Options:
    suffix: str = "!"     #: appended to the document's source name
    tags: tuple[str, ...] = ()


def rename(doc, opts, report):
    doc.source += opts.suffix
    return doc


FIRST = PassSpec("first", rename, Options, provides=frozenset({"first"}))
SECOND = PassSpec("second", rename, Options, requires=frozenset({"first"}))


def test_the_default_order_meets_every_requirement():
    build_pipeline(PASSES)


@pytest.mark.parametrize("profile", ["book", "newspaper", "web", "markdown-book"])
def test_every_profile_names_real_passes_and_options(profile):
    build_pipeline(PASSES, profile_options(profile))


def test_an_unmet_requirement_is_refused_before_any_text_is_read():
    with pytest.raises(ConfigError, match="requires first"):
        build_pipeline([SECOND, FIRST])


def test_unknown_pass_and_unknown_option_list_the_valid_ones():
    with pytest.raises(ConfigError, match="no pass named 'secnd'; passes: first, second"):
        build_pipeline([FIRST, SECOND], {"secnd": {}})
    with pytest.raises(ConfigError, match="no option 'sufix'; valid options: suffix, tags"):
        build_pipeline([FIRST, SECOND], {"first": {"sufix": "?"}})


def test_options_reach_their_pass_and_lists_become_tuples():
    steps = build_pipeline([FIRST, SECOND], {"first": {"suffix": "?", "tags": ["a"]}})
    assert steps[0].opts == Options("?", ("a",))
    doc = run_pipeline(document_from_text("x\n", "s"), steps, Report())
    assert doc.source == "s?!"


def test_a_disabled_pass_is_left_out():
    steps = build_pipeline([FIRST, SECOND], disabled=frozenset({"second"}))
    assert [step.spec.name for step in steps] == ["first"]


def test_passes_command_lists_every_pass_with_its_options():
    result = CliRunner().invoke(cli, ["passes", "--profile", "markdown-book"])
    assert result.exit_code == 0
    for spec in PASSES:
        assert f"\n{spec.name}: " in "\n" + result.output
    assert "page_at_cut = True" in result.output
