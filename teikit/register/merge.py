"""Merging another register into one: TEI `person` elements or a register CSV, matched by
id, Wikidata id or name; new persons added, gaps filled, differences reported."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from .model import ENTRY_KEYS, ascii_key, person_from_dict

#: the fields an import fills or reports conflicts for; forms are merged, never conflict
MERGED_FIELDS = ("forename", "surname", "birth", "death", "note")
YEAR_IN = re.compile(r"-?\d{4}")


def _year(value: str) -> str:
    """`1879-11-07`, `c. 1879`, `1879` -> `1879`; no year -> ``."""
    found = YEAR_IN.search(value or "")
    return found.group() if found else ""


def _entry(pid: str, forename: str, surname: str, forms: list[str], birth: str, death: str,
           idno: dict[str, str], note: str = "") -> dict:
    """A register entry with only the fields that have a value, in register key order."""
    if not pid and surname:
        pid = ascii_key(surname + ("-" + forename.split()[0] if forename else ""))
    values = {"id": pid, "forename": forename, "surname": surname,
              "forms": list(dict.fromkeys(f for f in forms if f)), "birth": _year(birth),
              "death": _year(death), "idno": {k: v for k, v in idno.items() if v}, "note": note}
    return {key: value for key, value in values.items() if value}


def persons_from_tei(path: str | Path) -> list[dict]:
    """Register entries for every TEI `person` of a file (standOff, particDesc or a
    standalone listPerson): xml:id, persName (forename/surname or plain text, the first
    `type="main"` one leading), birth/death (@when or text), idno wikidata/viaf or their URLs."""
    from .. import T, XML_ID
    from ..tei.persons import AUTHORITIES, authority_id, names_of, squeezed
    from ..tei.reader import parse_tei

    entries = []
    for person in parse_tei(path).getroot().iter(T + "person"):
        names, main = names_of(person)
        forename = surname = ""
        if main is not None:
            forename = " ".join(squeezed(e) for e in main.iter(T + "forename"))
            surname = " ".join(squeezed(e) for e in main.iter(T + "surname"))
            if not surname and squeezed(main):              # <persName>Leon Trotsky</persName>
                *given, surname = squeezed(main).split()
                forename = forename or " ".join(given)
        dates = {}
        for tag in ("birth", "death"):
            event = person.find(T + tag)
            dates[tag] = "" if event is None else next(
                (event.get(k) for k in ("when", "notBefore", "from") if event.get(k)), squeezed(event))
        note = person.find(T + "note")
        structured = main is not None and main.find(T + "surname") is not None
        forms = [squeezed(n) for n in names if n is not main or not structured]
        entries.append(_entry(person.get(XML_ID, ""), forename, surname, forms, dates["birth"], dates["death"],
                              {kind: authority_id(person, kind, pattern) for kind, pattern in AUTHORITIES},
                              "" if note is None else squeezed(note)))
    return entries


def persons_from_csv(path: str | Path) -> list[dict]:
    """Register entries from a CSV with `teikit export --to register-csv`'s columns
    (forms separated by ` | `)."""
    import csv

    from ..export import REGISTER_COLUMNS

    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"id", "surname"} - set(reader.fieldnames or ())
        if missing == {"id", "surname"}:
            raise ConfigError(f"a register CSV needs the columns {','.join(REGISTER_COLUMNS)}", file=str(path))
        entries = []
        for row in reader:
            value = {key: (row.get(key) or "").strip() for key in REGISTER_COLUMNS}
            forms = [f.strip() for f in value["forms"].split("|")]
            entries.append(_entry(value["id"], value["forename"], value["surname"], forms, value["birth"],
                                  value["death"], {"wikidata": value["wikidata"], "viaf": value["viaf"]}))
        return entries


@dataclass
class MergeReport:
    """What merging an import into a register did, one line per change."""

    added: list[str] = field(default_factory=list)
    filled: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return ([f"added {line}" for line in self.added] + [f"filled {line}" for line in self.filled]
                + [f"conflict {line}" for line in self.conflicts] + [f"skipped {line}" for line in self.skipped])


def _match(entries: list[dict], incoming: dict) -> list[dict]:
    """The register entries an imported one is: same id, else same Wikidata id, else
    same surname and forename."""
    def key(entry):
        return (entry.get("surname", "").casefold(), entry.get("forename", "").casefold())

    wikidata = incoming.get("idno", {}).get("wikidata")
    for test in (lambda e: e.get("id") == incoming.get("id"),
                 lambda e: wikidata and (e.get("idno") or {}).get("wikidata") == wikidata,
                 lambda e: incoming.get("surname") and key(e) == key(incoming)):
        found = [e for e in entries if test(e)]
        if found:
            return found
    return []


def merge_persons(entries: list[dict], imported: list[dict], prefer_import: bool = False) -> MergeReport:
    """Merge imported entries into the register's raw entries, in place: new persons are
    appended, missing fields of known ones filled, forms added; a differing value is a
    conflict, kept as the register has it unless `prefer_import`."""
    report = MergeReport()
    for incoming in imported:
        label = incoming.get("id") or incoming.get("surname") or "?"
        try:
            person_from_dict(incoming)
        except ConfigError as exc:
            report.skipped.append(f"{label}: {exc}")
            continue
        found = _match(entries, incoming)
        if len(found) > 1:
            report.skipped.append(f"{label}: matches {', '.join(e['id'] for e in found)}")
            continue
        if not found:
            incoming.setdefault("forms", list(person_from_dict(incoming).forms))
            incoming = {key: incoming[key] for key in ENTRY_KEYS if key in incoming}
            entries.append(incoming)
            report.added.append(incoming["id"])
            continue
        entry = found[0]
        pid = entry["id"]
        changes = [(entry, key, incoming.get(key, ""), key) for key in MERGED_FIELDS]
        idno = entry.setdefault("idno", {})
        changes += [(idno, kind, value, f"idno {kind}") for kind, value in incoming.get("idno", {}).items()]
        for holder, key, value, name in changes:
            old = str(holder.get(key, "") or "")
            if not value or value == old:
                continue
            if not old:
                holder[key] = value
                report.filled.append(f"{pid}: {name} {value}")
            else:
                if prefer_import:
                    holder[key] = value
                report.conflicts.append(f"{pid}: {name} register {old!r}, import {value!r} "
                                        f"({'took the import' if prefer_import else 'kept the register'})")
        if not idno:
            del entry["idno"]
        full_name = f"{entry.get('forename', '')} {entry.get('surname', '')}".strip()
        new_forms = [f for f in incoming.get("forms", [])   # its full name is no new form (exports add it)
                     if f not in (entry.get("forms") or []) and f != full_name]
        if new_forms:
            entry["forms"] = list(entry.get("forms") or []) + new_forms
            report.filled.append(f"{pid}: forms {', '.join(new_forms)}")
    return report
