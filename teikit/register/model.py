"""The person register: its entries, checked as they are read, and written back as YAML.

A register file holds one entry per person:

    persons:
      - id: sedova-natalia          # stable key, the TEI xml:id and the #ref of every mention
        forename: Natalia
        surname: Sedova
        forms: [Sedova, Natalia Sedova, Natalia Ivanovna Sedova]   # name forms met in the texts
        birth: "1882"
        death: "1962"
        idno: {wikidata: Q...}      # only where certain, and only on a confirmed entry
        note: Trotsky's wife.
        status: auto                # found in a text by teikit, not yet reviewed by an editor

There is no default register: an edition names the one it uses, and without one the
persons pass builds the edition's own register from the text.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import ConfigError

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
ENTRY_KEYS = ("id", "forename", "surname", "forms", "birth", "death", "idno", "note", "status")
IDNO_TYPES = ("wikidata", "viaf")
YEAR = re.compile(r"^-?\d{4}$")
#: the status of an entry teikit made from a text and no editor has reviewed yet
AUTO = "auto"
STATUSES = ("", AUTO, "confirmed")
HEADER_COMMENT = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n)*")


@dataclass(frozen=True)
class Person:
    """One register entry."""

    id: str
    surname: str = ""
    forename: str = ""
    forms: tuple[str, ...] = ()
    birth: str = ""
    death: str = ""
    idno: tuple[tuple[str, str], ...] = ()
    note: str = ""
    status: str = ""

    @property
    def confirmed(self) -> bool:
        """An editor has reviewed the entry (hand-made registers are reviewed by their makers)."""
        return self.status != AUTO

    @property
    def given_names(self) -> frozenset[str]:
        """Forenames and their short forms, for extending a surname match leftwards."""
        names = set(self.forename.split())
        for form in self.forms:
            words = form.split()
            if self.surname and len(words) > 1 and words[-1] == self.surname:
                names.update(words[:-1])
        return frozenset(n for n in names if not n.endswith("."))

    def tei_entry(self) -> dict:
        """The dict the writer turns into `standOff/listPerson/person`.

        Keys: forename, surname, forms (list), birth, death (ISO years or ""),
        idno (dict type -> id, e.g. {"wikidata": "Q33391"}), note.
        """
        note = self.note if self.confirmed else " ".join(filter(None, [self.note, AUTO_NOTE]))
        return {"forename": self.forename, "surname": self.surname, "forms": list(self.forms),
                "birth": self.birth, "death": self.death, "idno": dict(self.idno) if self.confirmed else {},
                "note": note}


#: what the TEI says of an entry no editor has reviewed
AUTO_NOTE = "Found in the text by teikit; not reviewed."


@dataclass
class Register:
    """The persons of a register, by id, in register order."""

    persons: dict[str, Person] = field(default_factory=dict)
    source: str = ""

    def __len__(self) -> int:
        return len(self.persons)

    def __getitem__(self, pid: str) -> Person:
        return self.persons[pid]

    def forms(self) -> dict[str, list[str]]:
        """Each name form -> the ids it may name, in register order."""
        index: dict[str, list[str]] = defaultdict(list)
        for person in self.persons.values():
            for form in person.forms:
                key = normalise_form(form)
                if person.id not in index[key]:
                    index[key].append(person.id)
        return dict(index)


_SPACES = re.compile(r"\s+")
_SPACE_AFTER_PERIOD = re.compile(r"\.\s+")


def normalise_form(text: str) -> str:
    """A name form as looked up: one space between words, none after a period. The
    patterns are compiled once: the persons pass looks up every match of the register."""
    return _SPACE_AFTER_PERIOD.sub(".", _SPACES.sub(" ", text.strip()))


def _text(value, what: str, file: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, str)):
        return str(value).strip()
    raise ConfigError(f"{what} must be text, not {type(value).__name__}", file=file)


def person_from_dict(raw: dict, file: str = "") -> Person:
    """Validate one YAML entry; errors name the entry and the valid keys."""
    if not isinstance(raw, dict):
        raise ConfigError("each register entry must be a mapping", file=file)
    pid = _text(raw.get("id"), "id", file)
    if not ID_PATTERN.match(pid):
        raise ConfigError(f"person id {pid!r} must be a short lowercase key like 'sedov-leon'", file=file)
    unknown = sorted(set(raw) - set(ENTRY_KEYS))
    if unknown:
        raise ConfigError(f"person {pid!r}: unknown key {unknown[0]!r}; valid keys: {', '.join(ENTRY_KEYS)}",
                          file=file)
    forms = raw.get("forms") or []
    if isinstance(forms, str) or not all(isinstance(f, str) for f in forms):
        raise ConfigError(f"person {pid!r}: forms must be a list of names", file=file)
    surname = _text(raw.get("surname"), f"person {pid!r}: surname", file)
    forename = _text(raw.get("forename"), f"person {pid!r}: forename", file)
    if not forms and surname:
        forms = [surname] + ([f"{forename} {surname}"] if forename else [])
    if not forms:
        raise ConfigError(f"person {pid!r}: give a surname or at least one name form", file=file)
    years = {}
    for key in ("birth", "death"):
        years[key] = _text(raw.get(key), f"person {pid!r}: {key}", file)
        if years[key] and not YEAR.match(years[key]):
            raise ConfigError(f"person {pid!r}: {key} must be a year like 1879", file=file)
    idno = raw.get("idno") or {}
    if not isinstance(idno, dict) or set(idno) - set(IDNO_TYPES):
        raise ConfigError(f"person {pid!r}: idno must map {' or '.join(IDNO_TYPES)} to an id", file=file)
    if "wikidata" in idno and not re.match(r"^Q\d+$", str(idno["wikidata"])):
        raise ConfigError(f"person {pid!r}: a Wikidata id looks like Q33391", file=file)
    status = _text(raw.get("status"), f"person {pid!r}: status", file)
    if status not in STATUSES:
        raise ConfigError(f"person {pid!r}: status must be {AUTO!r} or 'confirmed'", file=file)
    return Person(id=pid, surname=surname, forename=forename, forms=tuple(dict.fromkeys(forms)),
                  birth=years["birth"], death=years["death"],
                  idno=tuple((k, str(v)) for k, v in idno.items()),
                  note=_text(raw.get("note"), f"person {pid!r}: note", file), status=status)


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_register(path: str | Path) -> Register:
    """Read and check a register file; a problem is a ConfigError naming the file."""
    path = Path(path)
    file = str(path)
    try:
        # the C loader when libyaml is there: the shared register is read on every encode
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except OSError as exc:
        raise ConfigError(f"cannot read the person register: {exc.strerror}", file=file) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"the person register is not valid YAML: {exc}", file=file) from None
    if not isinstance(data, dict) or not isinstance(data.get("persons", []), list):
        raise ConfigError("the person register must have a 'persons:' list", file=file)
    register = Register(source=file)
    for raw in data.get("persons") or []:
        person = person_from_dict(raw, file)
        if person.id in register.persons:
            raise ConfigError(f"person id {person.id!r} is used twice", file=file)
        register.persons[person.id] = person
    return register


def ascii_key(text: str) -> str:
    """`Natalia Sedova` -> `natalia-sedova`: lower-case ASCII words joined by hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
                  .decode().lower()).strip("-")


def person_key(surname: str, forename: str = "") -> str:
    """The register key of a person: `sedov-leon`, or `sedov` without a forename."""
    key = ascii_key(surname + ("-" + forename.split()[0] if forename else ""))
    return key if ID_PATTERN.match(key) else "p-" + key if ID_PATTERN.match("p-" + key) else "p"


def read_entries(path: Path) -> tuple[str, list[dict]]:
    """A register file's text and raw entries, checked; ("", []) where it does not exist yet."""
    original = path.read_text(encoding="utf-8") if path.exists() else ""
    if original:
        load_register(path)                       # refuse to edit a broken register
    return original, (yaml.safe_load(original) or {}).get("persons") or [] if original else []


def dump_register(original: str, entries: list[dict]) -> tuple[str, int]:
    """The register as YAML, its leading comment block kept; and how many comment lines
    further down were lost (PyYAML cannot keep comments inside the data)."""
    header = HEADER_COMMENT.match(original).group()
    lost = sum(1 for line in original[len(header):].splitlines()
               if re.search(r"(?:^|\s)#", re.sub(r"'[^']*'|\"[^\"]*\"", "", line)))
    body = yaml.safe_dump({"persons": entries}, allow_unicode=True, sort_keys=False, width=100)
    return header + body, lost
