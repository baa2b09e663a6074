"""An editor's changes to a register file: add the persons an encoding found, merge two
entries, rename a key, confirm entries; every change checked, then written atomically.
The `teikit persons` commands only parse their arguments and call these."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..errors import ConfigError
from ..files import write_atomically
from .model import AUTO, dump_register, person_from_dict

XML_NAME = re.compile(r"[A-Za-z_][\w.-]*")


def entry_of(entries: list[dict], pid: str, path: Path) -> dict:
    """The raw entry with id PID, or one clear error naming the register."""
    found = next((entry for entry in entries if entry.get("id") == pid), None)
    if found is None:
        raise ConfigError(f"no person {pid!r} in the register", file=str(path))
    return found


def add_found(entries: list[dict], found: dict[str, dict]) -> int:
    """Add found persons (key -> forename, surname, forms) as `status: auto` entries; a key
    the register has gains the forms it lacked. Returns how many entries were added."""
    known = {entry["id"]: entry for entry in entries}
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
    return added


def merge_entries(entries: list[dict], keep: str, other: str, path: Path) -> None:
    """Make OTHER one person with KEEP: its forms join KEEP's, its other fields fill KEEP's gaps."""
    kept, gone = entry_of(entries, keep, path), entry_of(entries, other, path)
    for key, value in gone.items():
        if key == "forms":
            kept["forms"] = list(dict.fromkeys(list(kept.get("forms") or []) + list(value)))
        elif key != "id" and value and not kept.get(key):
            kept[key] = value
    entries.remove(gone)


def rename_entry(entries: list[dict], old: str, new: str, path: Path) -> None:
    """Give the person OLD the key NEW: an XML name that no other entry has."""
    if not XML_NAME.fullmatch(new):
        raise ConfigError(f"{new!r} cannot be a key: it must be an XML name (a letter, then letters, "
                          "digits, '-', '_' or '.')", file=str(path))
    if any(entry.get("id") == new for entry in entries):
        raise ConfigError(f"the register has a person {new!r} already ('teikit persons merge' joins two)",
                          file=str(path))
    entry_of(entries, old, path)["id"] = new


def confirm_entries(entries: list[dict], keys: tuple[str, ...] | list[str], path: Path) -> None:
    """Mark entries as reviewed: their forms then name them wherever they stand, and their
    authority ids are published."""
    for key in keys:
        entry_of(entries, key, path)["status"] = "confirmed"


def save_register(path: Path, original: str, entries: list[dict]) -> int:
    """Check every entry, then write the register atomically (its leading comments kept).
    Returns how many comment lines further down could not be kept."""
    twice = [pid for pid, n in Counter(entry.get("id") for entry in entries).items() if n > 1]
    if twice:
        raise ConfigError(f"person id {twice[0]!r} would be used twice", file=str(path))
    for entry in entries:
        person_from_dict(entry, str(path))
    text, lost = dump_register(original, entries)
    write_atomically(path, text.encode("utf-8"))
    return lost
