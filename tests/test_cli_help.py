"""Every command's help ends with examples, the command list is not cut off, one option
spelling serves every command, and what a message suggests can be pasted as it is."""
from __future__ import annotations

import shlex

import click
import pytest
from click.testing import CliRunner

from teikit.cli import EXAMPLES, cli


def command_paths() -> list[tuple[str, ...]]:
    ctx = click.Context(cli)
    paths = []
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        paths.append((name,))
        paths.extend((name, sub) for sub in getattr(command, "commands", {}))
    return paths


@pytest.mark.parametrize("path", command_paths(), ids=" ".join)
def test_every_command_help_has_an_example_that_names_the_command(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    examples = result.output.partition("Examples:\n")[2].splitlines()
    assert examples, result.output
    for example in examples:
        assert shlex.split(example)[: len(path) + 1] == ["teikit", *path], example


def test_the_examples_name_only_commands_that_exist():
    assert {" ".join(path) for path in command_paths()} >= set(EXAMPLES)


def test_the_command_list_shows_whole_first_sentences():
    output = CliRunner().invoke(cli, ["--help"]).output.partition("Commands:")[2]
    assert "..." not in output
    assert "with its source page and line." in " ".join(output.split())


def test_one_spelling_of_each_option_across_commands():
    ctx = click.Context(cli)
    spellings: dict[str, set[str]] = {}
    for path in command_paths():
        command = cli
        for name in path:
            command = command.get_command(ctx, name) if isinstance(command, click.Group) else command
        for param in getattr(command, "params", []):
            for opt in param.opts:
                if opt.startswith("-") and not opt.startswith("--"):
                    spellings.setdefault(opt, set()).add(max(param.opts, key=len))
    assert spellings["-o"] == {"--output"}, spellings["-o"]
    assert all(len(longs) == 1 for longs in spellings.values()), spellings


def test_build_says_how_to_see_its_warnings(tmp_path):
    edition = tmp_path / "my editions" / "letters"
    edition.mkdir(parents=True)
    (edition / "edition.yaml").write_text(      # an exclusion rule that matches nothing: a warning
        'title: Letters\nprofile: book\nexclude:\n  - starting_at: "No such line"\n    reason: made up\n',
        encoding="utf-8")
    (edition / "source.txt").write_text("A made-up letter.\n\nNothing more.\n", encoding="utf-8")
    args = ["build", str(tmp_path / "my editions"), "-o", str(tmp_path / "out")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and "ok, 1 warnings" in result.output, result.output
    hint = result.output.partition("to see the warnings: ")[2].splitlines()[0]
    assert shlex.split(hint) == ["teikit", "build", str(tmp_path / "my editions"), "-v"]
    verbose = CliRunner().invoke(cli, [*args, "-v"])
    assert "TK101" in verbose.output and "to see the warnings" not in verbose.output


def test_the_pdf_hint_quotes_the_install_command():
    output = CliRunner().invoke(cli, ["render", "--help"]).output
    assert "pip install 'teikit[pdf]'" in " ".join(output.split())
