"""`teikit persons`: build and review a person register.

    teikit persons list SOURCE                 the persons found, with counts, forms and contexts
    teikit persons write SOURCE -r REG.yaml    add them to a register (status: auto)
    teikit persons merge REG.yaml KEEP OTHER   one person, not two
    teikit persons rename REG.yaml OLD NEW     a better key
    teikit persons confirm REG.yaml KEY...     an editor has reviewed the entries
    teikit persons extract / suggest / import  harvest life dates, list names, merge a register

Every command that writes takes the register's path: teikit never writes where it is not told.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click
import yaml

from ..files import write_atomically
from ..register import Register, load_register, read_entries
from ..register.edit import add_found, confirm_entries, merge_entries, rename_entry, save_register
from ..register.harvest import extract_life_dates, persons_found, source_label, suggest_persons

REGISTER_OPTION = click.option("-r", "--register", "register_path", required=True,
                               type=click.Path(dir_okay=False, path_type=Path), help="the register file (YAML)")


@click.group("persons")
def persons() -> None:
    """Build and review a person register."""


@persons.command("list")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-r", "--register", "register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="a register to link to (default: the edition's, else none)")
@click.option("--no-model", is_flag=True, help="find persons with the rules and register alone")
@click.option("--contexts", type=int, default=2, show_default=True, help="contexts shown per person")
def list_command(source: Path, register_path: Path | None, no_model: bool, contexts: int) -> None:
    """List the persons found in SOURCE: key, mentions, forms, and where they stand."""
    entries, mentions = persons_found(source, register_path, not no_model)
    for key in sorted(entries, key=lambda k: (-len(mentions[k]), k)):
        entry = entries[key]
        state = "register" if not entry.get("note", "").endswith("not reviewed.") else "found"
        click.echo(f"{len(mentions[key]):5d}  {key}  [{state}]  {' | '.join(entry.get('forms', []))}")
        for context in mentions[key][:contexts]:
            click.echo(f"         ...{context}...")


@persons.command("write")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@REGISTER_OPTION
@click.option("--no-model", is_flag=True, help="find persons with the rules and register alone")
def write_command(source: Path, register_path: Path, no_model: bool) -> None:
    """Add the persons found in SOURCE to the register, marked `status: auto` for review."""
    original, entries = read_entries(register_path)
    found, _ = persons_found(source, register_path if original else None, not no_model)
    added = add_found(entries, found)
    save(register_path, original, entries)
    click.echo(f"{added} persons added to {register_path} ({len(entries)} in all)")


def save(path: Path, original: str, entries: list[dict]) -> None:
    """Write the register; say what PyYAML could not keep."""
    lost = save_register(path, original, entries)
    if lost:
        click.echo(f"{lost} comment lines below the header could not be kept (PyYAML drops comments)", err=True)


def edit(path: Path, change: Callable[[list[dict]], None], done: str) -> None:
    """Read the register, make one change to its entries, write it back, say what was done."""
    original, entries = read_entries(path)
    change(entries)
    save(path, original, entries)
    click.echo(done)


@persons.command("merge")
@click.argument("register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("keep")
@click.argument("other")
def merge_command(register_path: Path, keep: str, other: str) -> None:
    """Make OTHER one person with KEEP: its forms join KEEP's, its other fields fill KEEP's gaps."""
    edit(register_path, lambda entries: merge_entries(entries, keep, other, register_path),
         f"merged {other} into {keep}")


@persons.command("rename")
@click.argument("register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("old")
@click.argument("new")
def rename_command(register_path: Path, old: str, new: str) -> None:
    """Give the person OLD the key NEW (an XML name no other entry has)."""
    edit(register_path, lambda entries: rename_entry(entries, old, new, register_path), f"renamed {old} to {new}")


@persons.command("confirm")
@click.argument("register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("keys", nargs=-1, required=True)
def confirm_command(register_path: Path, keys: tuple[str, ...]) -> None:
    """Mark the entries KEYS as reviewed: their forms then name them wherever they stand,
    and their authority ids are published."""
    edit(register_path, lambda entries: confirm_entries(entries, keys, register_path),
         f"confirmed {', '.join(keys)}")


@persons.command("extract")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="write the YAML here, not to stdout")
def extract_command(source: Path, output: str | None) -> None:
    """Harvest `Name (1818-1883)` life dates of SOURCE's NOTES section as register entries."""
    entries = extract_life_dates(source.read_text(encoding="utf-8", errors="replace"), source_label(source))
    text = ("# Harvested by `teikit persons extract`: review ids, forms and dates before use.\n"
            + yaml.safe_dump({"persons": entries}, allow_unicode=True, sort_keys=False, width=100))
    if output:
        write_atomically(output, text.encode("utf-8"))
        click.echo(f"{len(entries)} entries written to {output}", err=True)
    else:
        sys.stdout.write(text)


@persons.command("suggest")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("-r", "--register", "register_path", type=click.Path(exists=True, dir_okay=False),
              default=None, help="the register to compare with (default: none)")
@click.option("-n", "--limit", type=int, default=50, show_default=True, help="how many names to list (0: all)")
def suggest_command(source: str, register_path: str | None, limit: int) -> None:
    """List likely persons in SOURCE that the register lacks, with counts and contexts."""
    register = load_register(register_path) if register_path else Register()
    text = Path(source).read_text(encoding="utf-8", errors="replace")
    for word, count, contexts in suggest_persons(text, register, limit):
        click.echo(f"{count:5d}  {word}")
        for context in contexts:
            click.echo(f"         ...{context}...")


@persons.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@REGISTER_OPTION
@click.option("--dry-run", is_flag=True, help="only report what would change")
@click.option("--prefer-import", is_flag=True, help="on a conflict take the imported value")
def import_command(file: Path, register_path: Path, dry_run: bool, prefer_import: bool) -> None:
    """Merge the persons of a TEI FILE (any person elements) or a register CSV into the register."""
    from ..register.merge import merge_persons, persons_from_csv, persons_from_tei

    original, entries = read_entries(register_path)
    imported = persons_from_csv(file) if file.suffix.lower() == ".csv" else persons_from_tei(file)
    report = merge_persons(entries, imported, prefer_import)
    for line in report.lines():
        click.echo(line)
    click.echo(f"{len(imported)} persons read from {file}: {len(report.added)} added, "
               f"{len(report.filled)} filled, {len(report.conflicts)} conflicts, {len(report.skipped)} skipped")
    if dry_run:
        click.echo(f"dry run: {register_path} left unchanged")
        return
    save(register_path, original, entries)
    click.echo(f"wrote {register_path}")
