"""The `teikit` command: a thin click group over the library.

Exit codes: 0 ok, 1 a problem with the input (unreadable source, invalid TEI, bad
edition.yaml), 2 wrong usage. Errors are one line on stderr, never a traceback.
"""
from __future__ import annotations

import importlib
import os
import shlex
import sys
from pathlib import Path

import click

from . import __version__
from .config import PROFILES, EditionConfig, load_config
from .encode import encode_source
from .errors import TeikitError, UsageError, ValidationError
from .files import write_atomically
from .report import Report


#: the commands of teikit/commands/, imported only when used
LAZY_COMMANDS = {
    "apparatus": ("teikit.commands.apparatus", "apparatus"),
    "export": ("teikit.commands.export", "export"),
    "persons": ("teikit.commands.persons", "persons"),
    "render": ("teikit.commands.render", "render_command"),
    "validate": ("teikit.commands.validate", "validate_command"),
}


#: what each command's --help ends with: commands to copy and adapt (`persons extract`
#: is the `extract` subcommand of `persons`)
EXAMPLES = {
    "encode": ["teikit encode editions/letters/source.txt -o letters.xml",
               "teikit encode scan.txt --encoding cp1252 -o - > scan.xml"],
    "validate": ["teikit validate letters.xml", "teikit validate --schema tei_all --format json letters.xml",
                 "teikit validate --fetch-tei-all --schema tei_all letters.xml"],
    "render": ["teikit render letters.xml -o _site", "teikit render letters.xml --templates my-templates --pdf"],
    "build": ["teikit build", "teikit build editions -o _build -j 2 -v"],
    "batch": ["teikit batch scans/ -o tei -j 2", "teikit batch 'scans/*.txt' --list more.txt --summary run.csv"],
    "export": ["teikit export letters.xml --to markdown -o letters.md", "teikit export letters.xml --to persons-csv"],
    "text": ["teikit text --reading letters.xml", "teikit text --diplomatic letters.xml"],
    "apparatus": ["teikit apparatus letters.xml", "teikit apparatus --format json letters.xml"],
    "passes": ["teikit passes", "teikit passes --profile newspaper"],
    "messages": ["teikit messages", "teikit messages | grep TK16"],
    "persons": ["teikit persons suggest editions/letters/source.txt"],
    "persons extract": ["teikit persons extract editions/letters/source.txt -o found.yaml"],
    "persons suggest": ["teikit persons suggest editions/letters/source.txt -n 20"],
    "persons import": ["teikit persons import other.xml -r persons.yaml --dry-run",
                       "teikit persons import register.csv -r persons.yaml"],
    "persons list": ["teikit persons list letters.txt", "teikit persons list letters.txt -r persons.yaml --no-model"],
    "persons write": ["teikit persons write letters.txt -r editions/letters/persons.yaml"],
    "persons merge": ["teikit persons merge persons.yaml smith-john smith-j"],
    "persons rename": ["teikit persons rename persons.yaml smith-2 smith-adam"],
    "persons confirm": ["teikit persons confirm persons.yaml smith-john smith-adam"],
}


def with_examples(command: click.Command, path: str) -> click.Command:
    """Give the command (and a group's subcommands) its examples as the help's epilog."""
    if path in EXAMPLES and not command.epilog:
        command.epilog = "\b\nExamples:\n" + "\n".join(f"  {example}" for example in EXAMPLES[path])
    for name, sub in getattr(command, "commands", {}).items():
        with_examples(sub, f"{path} {name}")
    return command


class TeikitGroup(click.Group):
    """Turns teikit's own errors into one line and an exit code; loads commands lazily."""

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(LAZY_COMMANDS))

    def get_command(self, ctx, name):
        if name in LAZY_COMMANDS:
            module, attr = LAZY_COMMANDS[name]
            command = getattr(importlib.import_module(module), attr)
        else:
            command = super().get_command(ctx, name)
        return with_examples(command, name) if command is not None else None

    def format_commands(self, ctx, formatter):
        """Each command with its whole first sentence (click cuts it to the terminal's width)."""
        rows = [(name, command.get_short_help_str(limit=500))
                for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx):
        try:
            check_environment()
            return super().invoke(ctx)
        except TeikitError as exc:
            click.echo(f"teikit: error: {one_line(str(exc))}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:   # a file system failure no command foresaw: still one line
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"teikit: error: {where}{exc.strerror or exc}", err=True)
            ctx.exit(1)


def one_line(message: str) -> str:
    """A message with several lines (a YAML parser's, say) as one."""
    return " ".join(part.strip() for part in message.splitlines() if part.strip())


def check_environment() -> None:
    """Settings from the environment, checked before any work (SOURCE_DATE_EPOCH is a count of seconds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is not None and not epoch.strip().isdigit():
        raise UsageError(f"SOURCE_DATE_EPOCH must be a number of seconds since 1970, not {epoch!r}")


@click.group(cls=TeikitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teikit")
def cli():
    """OCR'd plain text to TEI P5 scholarly editions: encode, validate, render.

    \b
    Examples:
      teikit encode editions/letters/source.txt -o letters.xml
      teikit render letters.xml -o _site
      teikit build
    """


def print_report(report: Report, verbose: bool) -> None:
    for message in report.messages:
        if verbose or message.level != "info":
            click.echo(str(message), err=True)


def refuse_invalid(data: bytes, name: str) -> None:
    from .tasks import encoded_problems

    problems = encoded_problems(data, name)
    if problems:
        raise ValidationError(f"the encoded TEI is not valid, so it was not written "
                              f"({len(problems)} problems; first: {problems[0]})")


def find_edition_config(source: Path) -> Path | None:
    """An edition.yaml beside the source, as in editions/<slug>/."""
    candidate = source.parent / "edition.yaml"
    return candidate if candidate.is_file() else None


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("-c", "--config", "config_path", type=click.Path(path_type=Path),
              help="edition.yaml with the bibliographic facts and options (default: one beside SOURCE).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="TEI file to write (default: SOURCE's name with .xml, in the current folder; - for stdout).")
@click.option("--encoding", help="The source's text encoding (default utf-8, or edition.yaml's).")
@click.option("--no-corrections", is_flag=True, help="Record no OCR corrections.")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check the TEI against teikit's schema before writing it; never leave an invalid file.")
@click.option("-v", "--verbose", is_flag=True, help="Also print informational messages.")
@click.option("--allow-outside", is_flag=True,
              help="Let edition.yaml name a register outside the edition's folder and the editions folder.")
def encode(source: Path, config_path: Path | None, output: Path | None, encoding: str | None,
           no_corrections: bool, validate: bool, verbose: bool, allow_outside: bool):
    """Encode an OCR'd plain-text SOURCE as TEI P5.

    SOURCE must be a regular file of at most 64 MB (set TEIKIT_MAX_INPUT_MB to change the
    limit, which also applies to the TEI that text, render and export read).
    """
    config_path = config_path or find_edition_config(source)
    cfg = load_config(config_path, allow_outside=allow_outside) if config_path else EditionConfig()
    for path in cfg.outside:
        click.echo(f"teikit: note: {config_path}: reads {path}, outside the edition (--allow-outside)", err=True)
    result = encode_source(source, cfg, corrections=not no_corrections, encoding=encoding, as_bytes=True)
    if not cfg.profile:
        click.echo(f"teikit: profile '{result.doc.profile}' ({result.profile_reason}); "
                   "set 'profile' in edition.yaml to choose", err=True)
    print_report(result.report, verbose)
    warnings = result.report.count("warning")
    data = result.data
    del result  # the model is done with: validation needs the memory
    output = output or Path(source.stem + ".xml")
    if validate:
        refuse_invalid(data, str(output))
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        return
    write_atomically(output, data)
    click.echo(f"teikit: wrote {output} ({warnings} warnings)", err=True)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--diplomatic", "view", flag_value="diplomatic", default=True,
              help="The source's lines as printed (default).")
@click.option("--reading", "view", flag_value="reading", help="The reading text: words joined, no furniture.")
@click.option("--xinclude", is_flag=True, help="Follow XIncludes, only to files in FILE's own folder.")
def text(file: Path, view: str, xinclude: bool):
    """Print a text view of a TEI FILE."""
    from .tei.reader import diplomatic_lines, duplicate_id_warnings, parse_tei, reading_paragraphs

    tree = parse_tei(file, xinclude=xinclude)
    for warning in duplicate_id_warnings(tree, str(file)):
        click.echo(warning, err=True)
    if view == "diplomatic":
        click.echo("\n".join(diplomatic_lines(tree)))
    else:
        click.echo("\n\n".join(reading_paragraphs(tree)))


@cli.command()
@click.argument("editions_dir", default="editions", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", default="_build", show_default=True, type=click.Path(path_type=Path),
              help="Folder for the TEI, the HTML editions and the site index.")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1),
              help="Editions built in parallel processes.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Build on this machine, or on a Dask cluster (with --scheduler).")
@click.option("--scheduler", metavar="ADDRESS",
              help="The Dask scheduler, e.g. tcp://10.0.0.5:8786; its workers need teikit, not this disk.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first edition that fails.")
@click.option("-v", "--verbose", is_flag=True, help="Print every message of every edition.")
@click.option("--allow-outside", is_flag=True,
              help="Let editions read sources, registers and templates outside their folder and EDITIONS_DIR "
                   "(each such file is reported).")
def build(editions_dir: Path, out_dir: Path, jobs: int, executor: str, scheduler: str | None,
          fail_fast: bool, verbose: bool, allow_outside: bool):
    """Encode, validate and render every edition in EDITIONS_DIR (default: editions/).

    Prints a line per edition as it finishes; an edition that fails does not stop the others.
    """
    from .build import build_all, find_editions

    if (executor == "dask") != bool(scheduler):
        raise UsageError("--executor dask and --scheduler ADDRESS go together")
    total = len(find_editions(editions_dir))
    if not total:
        raise TeikitError("no editions here (each is a folder with an edition.yaml)", file=str(editions_dir))
    done = 0
    warned = False

    def say(result):
        nonlocal done, warned
        done += 1
        warned = warned or bool(result.messages)
        progress = f"[{done}/{total}] {result.slug} ({result.seconds:.1f} s)"
        if result.ok:
            click.echo(f"{progress}: ok, {len(result.messages)} warnings -> {result.html}", err=True)
            for path in result.outside:
                click.echo(f"  note: read {path}, outside the edition (--allow-outside)", err=True)
            for message in result.messages if verbose else ():
                click.echo(f"  {message}", err=True)
        else:
            error = result.error if result.error.startswith("internal error") else one_line(result.error)
            click.echo(f"{progress}: FAILED: {error}", err=True)

    results = build_all(editions_dir, out_dir, jobs=jobs, fail_fast=fail_fast, on_result=say, scheduler=scheduler,
                        allow_outside=allow_outside)
    failed = [r.slug for r in results if not r.ok]
    click.echo(f"teikit: built {len(results) - len(failed)} of {total} editions into {out_dir}/"
               + (f"; failed: {', '.join(failed)}" if failed else ""), err=True)
    if warned and not verbose:
        click.echo(f"teikit: to see the warnings: teikit build {shlex.quote(str(editions_dir))} -v", err=True)
    if failed:
        sys.exit(1)


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("-l", "--list", "list_file", help="A file naming one source, folder or glob a line.")
@click.option("-o", "--output", "out_dir", default="tei", show_default=True, help="Folder (or URL) for the TEI files.")
@click.option("-c", "--config", "config_path", type=click.Path(path_type=Path), help="edition.yaml for every text.")
@click.option("--encoding", help="The sources' text encoding (default utf-8, or edition.yaml's).")
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(1), help="Parallel processes.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True)
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option("--summary", "summary_path", help="The summary CSV (default: OUTPUT/summary.csv).")
@click.option("--force", is_flag=True, help="Encode texts whose TEI is already up to date too.")
@click.option("-v", "--verbose", is_flag=True, help="Print every warning of every text.")
def batch(sources, list_file, out_dir, config_path, encoding, jobs, executor, scheduler, summary_path, force,
          verbose):
    """Encode many SOURCES (files, folders of .txt, globs; paths or fsspec URLs) into OUTPUT/<name>.xml.

    Texts whose TEI records the same source and teikit version are skipped, so a stopped run
    resumes; a failing text is reported and the others go on. Ends with a summary table.
    """
    import dataclasses

    from .batch import expand_sources, join, plan, read_list, run_batch, summary_csv, summary_table, write_location
    from .errors import UsageError

    if (executor == "dask") != bool(scheduler):
        raise UsageError("--executor dask and --scheduler ADDRESS go together")
    cfg = load_config(config_path) if config_path else EditionConfig()
    cfg = dataclasses.replace(cfg, encoding=encoding) if encoding else cfg
    pairs = plan(expand_sources([*sources, *(read_list(list_file) if list_file else [])]), out_dir)
    if not pairs:
        raise UsageError("no sources: name files, folders of .txt files or globs, or --list FILE")
    with click.progressbar(length=len(pairs), label="encoding", file=sys.stderr,
                           item_show_func=lambda row: row and row.source) as bar:
        def say(row):
            bar.update(1, row)
            if row.error:
                click.echo(f"\n{row.source}: FAILED: {row.error}", err=True)
            for message in row.messages if verbose else ():
                click.echo(f"\n{message}", err=True)
        rows = run_batch(pairs, cfg, jobs=jobs, scheduler=scheduler, force=force, on_row=say)
    click.echo(summary_table(rows), err=True)
    summary_path = summary_path or join(out_dir, "summary.csv")
    write_location(summary_path, summary_csv(rows))
    counts = {s: sum(r.status == s for r in rows) for s in ("encoded", "up to date", "failed")}
    click.echo(f"teikit: {', '.join(f'{n} {s}' for s, n in counts.items())}; summary in {summary_path}", err=True)
    if counts["failed"]:
        sys.exit(1)


@cli.command("passes")
@click.option("--profile", type=click.Choice(PROFILES), help="Show the option values this profile sets.")
def passes_command(profile: str | None):
    """List the passes in their order, what each requires and provides, and its options."""
    import dataclasses
    import inspect

    from .passes import PASSES
    from .profiles import profile_options

    overrides = profile_options(profile) if profile else {}
    for spec in PASSES:
        summary = spec.doc or (inspect.getdoc(inspect.getmodule(spec.run)) or "").partition("\n")[0]
        click.echo(f"{spec.name}: {summary}")
        if spec.requires:
            click.echo(f"    requires: {', '.join(sorted(spec.requires))}")
        for option in dataclasses.fields(spec.options):
            value = overrides.get(spec.name, {}).get(option.name, option.default)
            click.echo(f"    {option.name} = {value!r}")


@cli.command("messages")
def messages_command():
    """List every message code a pass or the writer reports: code, level, meaning.

    An edition silences a code with `suppress: [TK121]` in its edition.yaml."""
    from .messages import table

    click.echo(table())


def main() -> None:
    cli(prog_name="teikit")
