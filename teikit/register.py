"""The person register shared by the editions, and the `teikit persons` commands.

`editions/registers/persons.yaml` holds one entry per person:

    persons:
      - id: sedova-natalia          # stable key, the TEI xml:id and the #ref of every mention
        forename: Natalia
        surname: Sedova
        forms: [Sedova, Natalia Sedova, Natalia Ivanovna Sedova]   # name forms met in the texts
        birth: "1882"
        death: "1962"
        idno: {wikidata: Q...}      # only where certain
        note: Trotsky's wife.

`teikit persons extract SOURCE` harvests life dates from a notes section
(`Natalia Sedova (1882·1962)`) into such entries for an editor to review;
`teikit persons suggest SOURCE` lists capitalised names that look like persons and are
not in the register yet, with counts and contexts.
"""
from __future__ import annotations

import bisect
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import click
import yaml

from .errors import ConfigError

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
ENTRY_KEYS = ("id", "forename", "surname", "forms", "birth", "death", "idno", "note")
IDNO_TYPES = ("wikidata", "viaf")
YEAR = re.compile(r"^-?\d{4}$")

#: the default register, beside the editions of a checkout
DEFAULT_REGISTER = Path(__file__).resolve().parent.parent / "editions" / "registers" / "persons.yaml"


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
        return {"forename": self.forename, "surname": self.surname, "forms": list(self.forms),
                "birth": self.birth, "death": self.death, "idno": dict(self.idno), "note": self.note}


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


def normalise_form(text: str) -> str:
    """A name form as looked up: one space between words, none after a period."""
    return re.sub(r"\.\s+", ".", re.sub(r"\s+", " ", text.strip()))


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
    return Person(id=pid, surname=surname, forename=forename, forms=tuple(dict.fromkeys(forms)),
                  birth=years["birth"], death=years["death"],
                  idno=tuple((k, str(v)) for k, v in idno.items()),
                  note=_text(raw.get("note"), f"person {pid!r}: note", file))


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


# ---------------------------------------------------------------- extract: life dates

_Y = r"1\s?[5-9]\s?\d\s?\d"
LIFE_DATES = re.compile(
    rf"\(\s*(?:b\.\s*)?(?P<birth>{_Y})\s*(?:[-–—·]\s*(?:(?P<death>{_Y}|\d\s?\d)\s*\??|\?)?\s*)?\)")
NAME_WORD = re.compile(r"^(?:[A-Z][a-zà-ÿ'’-]*[a-zà-ÿ]|[A-Z]\.(?:[A-Z]\.)*|de|van|von|la|del|der|da|di)$")
PARTICLES = frozenset({"de", "van", "von", "la", "le", "del", "der", "da", "di"})
INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
TITLES = frozenset({"General", "President", "Comrade", "Mr.", "Mrs.", "Dr.", "Professor", "King",
                    "Queen", "Judge", "Senator", "Marshal", "Admiral", "Colonel", "Captain",
                    "Premier", "Minister", "Sir", "Lord", "Lady", "Prince", "Count", "Tsar", "Czar"})


def _repair_ocr(text: str) -> str:
    """Undo the OCR spacing that breaks names in a notes section: `Karl M arx` -> `Karl Marx`."""
    text = re.sub(r"\b([B-HJ-Z]) ([a-z]{2,})", r"\1\2", text)
    return re.sub(r"(?<=\d)\s(?=\d)|(?<=\d):(?=\d)", "", text)


def _ascii_key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", text).encode("ascii", "ignore")
                  .decode().lower()).strip("-")


def notes_section(lines: list[str]) -> tuple[int, list[str]]:
    """The lines of the notes section: from a line reading NOTES to the next capitals heading."""
    start = next((k for k, line in enumerate(lines) if line.strip() == "NOTES"), None)
    if start is None:
        return 0, []
    end = next((k for k in range(start + 1, len(lines))
                if re.fullmatch(r"[A-Z][A-Z ,'0-9-]{8,}", lines[k].strip()) and " " in lines[k].strip()),
               len(lines))
    return start + 1, lines[start + 1:end]


def extract_life_dates(text: str) -> list[dict]:
    """Register entries for every `Name (birth-death)` of a notes section, in order.

    Entries carry forename, surname, forms, birth, death (where printed) and a note
    saying where they were found; an editor reviews them before they enter the register.
    """
    import wordfreq

    first, lines = notes_section(text.splitlines())
    pieces = [re.sub(r"\s+", " ", _repair_ocr(line)).strip() for line in lines]
    starts, pos = [], 0
    for piece in pieces:
        starts.append(pos)
        pos += len(piece) + 1
    flat = " ".join(pieces)
    entries, seen = [], set()
    for m in LIFE_DATES.finditer(flat):
        words = flat[:m.start()].split()
        name: list[str] = []
        while words and (NAME_WORD.match(words[-1]) or words[-1].lower() in PARTICLES) and len(name) < 5:
            name.insert(0, words.pop())
        while name and (name[0].lower() in PARTICLES or name[0] in TITLES
                        or (len(name) > 2 and INITIALS.match(name[0]) and not INITIALS.match(name[1]))):
            name.pop(0)
        if not name or name[-1].lower() in PARTICLES or name[-1].endswith("."):
            continue
        surname = name[-1]
        if len(name) == 1 and wordfreq.zipf_frequency(surname, "en") >= 4.0:
            continue
        birth = re.sub(r"\s", "", m.group("birth"))
        death = re.sub(r"\s", "", m.group("death") or "")
        if len(death) == 2:
            death = birth[:2] + death
        if death and not 15 <= int(death) - int(birth) <= 105:
            continue
        particles = [w for w in name[1:-1] if w.lower() in PARTICLES]
        forename = " ".join(w for w in name[:-1] if w not in particles)
        surname = " ".join(particles + [surname])
        pid = _ascii_key(surname + ("-" + forename.split()[0] if forename else ""))
        if pid in seen:
            continue
        seen.add(pid)
        full = " ".join(name)
        forms = [surname] + ([full] if full != surname else [])
        entry = {"id": pid, "forename": forename, "surname": surname, "forms": forms, "birth": birth}
        if death:
            entry["death"] = death
        entry["note"] = f"life dates from the notes, line {first + bisect.bisect_right(starts, m.start())}"
        entries.append(entry)
    return entries


# ---------------------------------------------------------------- suggest: unregistered names

POSSESSIVE = re.compile(r"['’]s?$")
#: endings of words derived from names or places (Trotskyist, Stalinism, Leninite)
DERIVED = re.compile(r"(?:ist|ists|ism|isms|ite|ites|ian|ians)$")
CAPITALISED_RUN = re.compile(r"(?<![\w.])(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.)(?:\s+(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.))*")


def suggest_persons(text: str, register: Register, limit: int = 0) -> list[tuple[str, int, list[str]]]:
    """Capitalised names not in the register, likeliest persons first.

    A candidate is the last word of a capitalised run, never written in lower case in
    the text, not a common English word (wordfreq), not derived from a registered name
    (`Trotskyist`) nor ending like a derived word (`-ist`, `-ism`). Candidates seen after
    a forename, an initial or a title (`Comrade Ulrich`) come first; each comes with its
    count and up to three contexts for an editor to judge.
    """
    import wordfreq

    known = {w for form in register.forms() for w in form.split()}
    given = {w for person in register.persons.values() for w in person.given_names}
    lower_words = set(re.findall(r"\b[a-z][a-z'-]+\b", text))
    counts: Counter[str] = Counter()
    evidence: Counter[str] = Counter()
    contexts: dict[str, list[str]] = defaultdict(list)
    flat = re.sub(r"\s+", " ", text)
    for m in CAPITALISED_RUN.finditer(flat):
        words = m.group().split()
        word = POSSESSIVE.sub("", words[-1])
        if len(word) < 3 or word in known or word.lower() in lower_words or word.isupper() \
                or DERIVED.search(word) or any(word.startswith(k) for k in known if len(k) > 3):
            continue
        if wordfreq.zipf_frequency(word, "en") >= 4.0:
            continue
        counts[word] += 1
        if len(words) > 1 and (words[-2] in given or words[-2] in TITLES or INITIALS.match(words[-2])):
            evidence[word] += 1
        if len(contexts[word]) < 3:
            contexts[word].append(flat[max(0, m.start() - 40):m.end() + 40])
    ranked = sorted(counts, key=lambda w: (-evidence[w], -counts[w], w))
    return [(word, counts[word], contexts[word]) for word in ranked[:limit or None]]


# ---------------------------------------------------------------- the `persons` commands

@click.group("persons")
def persons() -> None:
    """Build and review the person register."""


@persons.command("extract")
@click.argument("source", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="write the YAML here, not to stdout")
def extract_command(source: str, output: str | None) -> None:
    """Harvest `Name (1818-1883)` life dates of SOURCE's NOTES section as register entries."""
    entries = extract_life_dates(Path(source).read_text(encoding="utf-8", errors="replace"))
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
              default=None, help="the register to compare with (default: editions/registers/persons.yaml)")
@click.option("-n", "--limit", type=int, default=50, show_default=True, help="how many names to list (0: all)")
def suggest_command(source: str, register_path: str | None, limit: int) -> None:
    """List likely persons in SOURCE that the register lacks, with counts and contexts."""
    path = register_path or DEFAULT_REGISTER
    register = load_register(path) if Path(path).exists() else Register()
    text = Path(source).read_text(encoding="utf-8", errors="replace")
    for word, count, contexts in suggest_persons(text, register, limit):
        click.echo(f"{count:5d}  {word}")
        for context in contexts:
            click.echo(f"         ...{context}...")


# ---------------------------------------------------------------- import: merge another register

#: the fields an import fills or reports conflicts for; forms are merged, never conflict
MERGED_FIELDS = ("forename", "surname", "birth", "death", "note")
HEADER_COMMENT = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n)*")
YEAR_IN = re.compile(r"-?\d{4}")


def _year(value: str) -> str:
    """`1879-11-07`, `c. 1879`, `1879` -> `1879`; no year -> ``."""
    found = YEAR_IN.search(value or "")
    return found.group() if found else ""


def _entry(pid: str, forename: str, surname: str, forms: list[str], birth: str, death: str,
           idno: dict[str, str], note: str = "") -> dict:
    """A register entry with only the fields that have a value, in register key order."""
    if not pid and surname:
        pid = _ascii_key(surname + ("-" + forename.split()[0] if forename else ""))
    values = {"id": pid, "forename": forename, "surname": surname,
              "forms": list(dict.fromkeys(f for f in forms if f)), "birth": _year(birth),
              "death": _year(death), "idno": {k: v for k, v in idno.items() if v}, "note": note}
    return {key: value for key, value in values.items() if value}


def persons_from_tei(path: str | Path) -> list[dict]:
    """Register entries for every TEI `person` of a file (standOff, particDesc or a
    standalone listPerson): xml:id, persName (forename/surname or plain text, the first
    `type="main"` one leading), birth/death (@when or text), idno wikidata/viaf or their URLs."""
    from .export import T, XML_ID, _authority_id, _squeeze
    from .tei.reader import parse_tei

    entries = []
    for person in parse_tei(path).getroot().iter(T + "person"):
        names = person.findall(T + "persName")
        main = next((n for n in names if n.get("type") == "main"), names[0] if names else None)
        forename = surname = ""
        if main is not None:
            forename = " ".join(_squeeze(e) for e in main.iter(T + "forename"))
            surname = " ".join(_squeeze(e) for e in main.iter(T + "surname"))
            if not surname and _squeeze(main):              # <persName>Leon Trotsky</persName>
                *given, surname = _squeeze(main).split()
                forename = forename or " ".join(given)
        dates = {}
        for tag in ("birth", "death"):
            event = person.find(T + tag)
            dates[tag] = "" if event is None else next(
                (event.get(k) for k in ("when", "notBefore", "from") if event.get(k)), _squeeze(event))
        note = person.find(T + "note")
        structured = main is not None and main.find(T + "surname") is not None
        forms = [_squeeze(n) for n in names if n is not main or not structured]
        entries.append(_entry(person.get(XML_ID, ""), forename, surname, forms, dates["birth"], dates["death"],
                              {kind: _authority_id(person, kind, pattern)
                               for kind, pattern in (("wikidata", r"Q\d+"), ("viaf", r"\d+"))},
                              "" if note is None else _squeeze(note)))
    return entries


def persons_from_csv(path: str | Path) -> list[dict]:
    """Register entries from a CSV with `teikit export --to register-csv`'s columns
    (forms separated by ` | `)."""
    import csv

    from .export import REGISTER_COLUMNS

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


def dump_register(original: str, entries: list[dict]) -> tuple[str, int]:
    """The register as YAML, its leading comment block kept; and how many comment lines
    further down were lost (PyYAML cannot keep comments inside the data)."""
    header = HEADER_COMMENT.match(original).group()
    lost = sum(1 for line in original[len(header):].splitlines()
               if re.search(r"(?:^|\s)#", re.sub(r"'[^']*'|\"[^\"]*\"", "", line)))
    body = yaml.safe_dump({"persons": entries}, allow_unicode=True, sort_keys=False, width=100)
    return header + body, lost


@persons.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-r", "--register", "register_path", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="the register to merge into (default: editions/registers/persons.yaml)")
@click.option("--dry-run", is_flag=True, help="only report what would change")
@click.option("--prefer-import", is_flag=True, help="on a conflict take the imported value")
def import_command(file: Path, register_path: Path | None, dry_run: bool, prefer_import: bool) -> None:
    """Merge the persons of a TEI FILE (any person elements) or a register CSV into the register."""
    from .files import write_atomically

    path = register_path or DEFAULT_REGISTER
    original = path.read_text(encoding="utf-8") if path.exists() else ""
    if original:
        load_register(path)                       # refuse to merge into a broken register
    entries = (yaml.safe_load(original) or {}).get("persons") or [] if original else []
    imported = persons_from_csv(file) if file.suffix.lower() == ".csv" else persons_from_tei(file)
    report = merge_persons(entries, imported, prefer_import)
    for line in report.lines():
        click.echo(line)
    click.echo(f"{len(imported)} persons read from {file}: {len(report.added)} added, "
               f"{len(report.filled)} filled, {len(report.conflicts)} conflicts, {len(report.skipped)} skipped")
    if dry_run:
        click.echo(f"dry run: {path} left unchanged")
        return
    text, lost = dump_register(original, entries)
    for entry in entries:
        person_from_dict(entry, str(path))
    write_atomically(path, text.encode("utf-8"))
    click.echo(f"wrote {path}" + (f"; {lost} comment lines below the header could not be kept "
                                  "(PyYAML drops comments)" if lost else ""))
