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

import re

import dataclasses
import sys
from collections import Counter, defaultdict
from pathlib import Path

import click
import yaml

from ..errors import ConfigError
from ..files import write_atomically
from ..register import AUTO, Register, dump_register, load_register, person_from_dict, read_entries
from ..register.harvest import extract_life_dates, suggest_persons

REGISTER_OPTION = click.option("-r", "--register", "register_path", required=True,
                               type=click.Path(dir_okay=False, path_type=Path), help="the register file (YAML)")


@click.group("persons")
def persons() -> None:
    """Build and review a person register."""


def source_label(source: Path) -> str:
    """The name a harvested note gives its source: the edition folder, else the file."""
    return source.parent.name if (source.parent / "edition.yaml").is_file() else source.name


def found_persons(source: Path, register: Path | None, model: bool) -> tuple[dict, dict[str, list[str]]]:
    """Encode SOURCE (with the edition.yaml beside it) and return its persons and, per key,
    the texts of its mentions with a little context."""
    from ..config import EditionConfig, load_config
    from ..encode import encode_source

    config_path = source.parent / "edition.yaml"
    cfg = load_config(config_path) if config_path.is_file() else EditionConfig()
    if register:
        cfg = dataclasses.replace(cfg, register=str(register.resolve()))
    cfg.passes.setdefault("persons", {})["model"] = model
    doc = encode_source(source, cfg).doc
    mentions: dict[str, list[str]] = defaultdict(list)
    for block in doc.leaves():
        text = block.text.replace("\n", " ")
        for mark in block.marks:
            if mark.tag == "persName":
                before, name = text[max(0, mark.start - 40):mark.start], text[mark.start:mark.end]
                mentions[mark.attrs["ref"].lstrip("#")].append(f"{before}[{name}]{text[mark.end:mark.end + 40]}")
    return doc.persons, mentions


@persons.command("list")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-r", "--register", "register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help="a register to link to (default: the edition's, else none)")
@click.option("--no-model", is_flag=True, help="find persons with the rules and register alone")
@click.option("--contexts", type=int, default=2, show_default=True, help="contexts shown per person")
def list_command(source: Path, register_path: Path | None, no_model: bool, contexts: int) -> None:
    """List the persons found in SOURCE: key, mentions, forms, and where they stand."""
    entries, mentions = found_persons(source, register_path, not no_model)
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
    known = {entry["id"]: entry for entry in entries}
    found, _ = found_persons(source, register_path if original else None, not no_model)
    added = 0
    for key, entry in found.items():
        if key in known:
            forms = known[key].setdefault("forms", [])
            forms += [form for form in entry["forms"] if form not in forms]
            continue
        new = {"id": key, "forename": entry["forename"], "surname": entry["surname"], "forms": entry["forms"],
               "status": AUTO}
        entries.append({k: v for k, v in new.items() if v})
        added += 1
    save(register_path, original, entries)
    click.echo(f"{added} persons added to {register_path} ({len(entries)} in all)")


def save(path: Path, original: str, entries: list[dict]) -> None:
    """Check every entry, then write the register atomically."""
    ids = Counter(entry.get("id") for entry in entries)
    twice = [pid for pid, n in ids.items() if n > 1]
    if twice:
        raise ConfigError(f"person id {twice[0]!r} would be used twice", file=str(path))
    for entry in entries:
        person_from_dict(entry, str(path))
    text, lost = dump_register(original, entries)
    write_atomically(path, text.encode("utf-8"))
    if lost:
        click.echo(f"{lost} comment lines below the header could not be kept (PyYAML drops comments)", err=True)


def entry_of(entries: list[dict], pid: str, path: Path) -> dict:
    found = next((entry for entry in entries if entry.get("id") == pid), None)
    if found is None:
        raise ConfigError(f"no person {pid!r} in the register", file=str(path))
    return found


@persons.command("merge")
@click.argument("register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("keep")
@click.argument("other")
def merge_command(register_path: Path, keep: str, other: str) -> None:
    """Make OTHER one person with KEEP: its forms join KEEP's, its other fields fill KEEP's gaps."""
    original, entries = read_entries(register_path)
    kept, gone = entry_of(entries, keep, register_path), entry_of(entries, other, register_path)
    for key, value in gone.items():
        if key == "forms":
            kept["forms"] = list(dict.fromkeys(list(kept.get("forms") or []) + list(value)))
        elif key != "id" and value and not kept.get(key):
            kept[key] = value
    entries.remove(gone)
    save(register_path, original, entries)
    click.echo(f"merged {other} into {keep}")


@persons.command("rename")
@click.argument("register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("old")
@click.argument("new")
def rename_command(register_path: Path, old: str, new: str) -> None:
    """Give the person OLD the key NEW (an XML name no other entry has)."""
    original, entries = read_entries(register_path)
    if not re.fullmatch(r"[A-Za-z_][\w.-]*", new):
        raise ConfigError(f"{new!r} cannot be a key: it must be an XML name (a letter, then letters, "
                          "digits, '-', '_' or '.')", file=str(register_path))
    if any(entry.get("id") == new for entry in entries):
        raise ConfigError(f"the register has a person {new!r} already ('teikit persons merge' joins two)",
                          file=str(register_path))
    entry_of(entries, old, register_path)["id"] = new
    save(register_path, original, entries)
    click.echo(f"renamed {old} to {new}")


@persons.command("confirm")
@click.argument("register_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("keys", nargs=-1, required=True)
def confirm_command(register_path: Path, keys: tuple[str, ...]) -> None:
    """Mark the entries KEYS as reviewed: their forms then name them wherever they stand,
    and their authority ids are published."""
    original, entries = read_entries(register_path)
    for key in keys:
        entry_of(entries, key, register_path)["status"] = "confirmed"
    save(register_path, original, entries)
    click.echo(f"confirmed {', '.join(keys)}")


@persons.command("extract")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="write the YAML here, not to stdout")
def extract_command(source: Path, output: str | None) -> None:
    """Harvest `Name (1818-1883)` life dates of SOURCE's NOTES section as register entries."""
    entries = extract_life_dates(source.read_text(encoding="utf-8", errors="replace"), source_label(source))
    text = ("# Harvested by `teikit persons extract`: review ids, forms and dates before use.\n"
            + yaml.safe_dump({"persons": entries}, allow_unicode=True, sort_keys=False, width=100))
    if output:
        Path(output).write_text(text, encoding="utf-8")
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
