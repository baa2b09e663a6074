"""Register entries harvested from a text: life dates from its notes section, and the
capitalised names that look like persons the register lacks, for an editor to review."""
from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter, defaultdict
from pathlib import Path

from ..lexicon import word_zipf
from ..names import TITLES as NAME_TITLES
from .model import Register, ascii_key

# ---------------------------------------------------------------- found: what an encoding links

def source_label(source: Path) -> str:
    """The name a harvested entry gives its source: the edition folder, else the file."""
    return source.parent.name if (source.parent / "edition.yaml").is_file() else source.name


def persons_found(source: Path, register: Path | None, model: bool) -> tuple[dict, dict[str, list[str]]]:
    """Encode SOURCE (with the edition.yaml beside it) and return its persons and, per key,
    the texts of its mentions with a little context, for an editor to review."""
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


# ---------------------------------------------------------------- extract: life dates

_Y = r"1\s?[5-9]\s?\d\s?\d"
LIFE_DATES = re.compile(
    rf"\(\s*(?:b\.\s*)?(?P<birth>{_Y})\s*(?:[-–—·]\s*(?:(?P<death>{_Y}|\d\s?\d)\s*\??|\?)?\s*)?\)")
NAME_WORD = re.compile(r"^(?:[A-Z][a-zà-ÿ'’-]*[a-zà-ÿ]|[A-Z]\.(?:[A-Z]\.)*|de|van|von|la|del|der|da|di)$")
PARTICLES = frozenset({"de", "van", "von", "la", "le", "del", "der", "da", "di"})
INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
TITLES = frozenset(NAME_TITLES)


def _repair_ocr(text: str) -> str:
    """Undo the OCR spacing that breaks names in a notes section: `Karl M arx` -> `Karl Marx`."""
    text = re.sub(r"\b([B-HJ-Z]) ([a-z]{2,})", r"\1\2", text)
    return re.sub(r"(?<=\d)\s(?=\d)|(?<=\d):(?=\d)", "", text)


def notes_section(lines: list[str]) -> tuple[int, list[str]]:
    """The lines of the notes section: from a line reading NOTES to the next capitals heading."""
    start = next((k for k, line in enumerate(lines) if line.strip() == "NOTES"), None)
    if start is None:
        return 0, []
    end = next((k for k in range(start + 1, len(lines))
                if re.fullmatch(r"[A-Z][A-Z ,'0-9-]{8,}", lines[k].strip()) and " " in lines[k].strip()),
               len(lines))
    return start + 1, lines[start + 1:end]


def extract_life_dates(text: str, source: str = "") -> list[dict]:
    """Register entries for every `Name (birth-death)` of a notes section, in order.

    Entries carry forename, surname, forms, birth, death (where printed) and a note
    saying where they were found (`source`, the text's name, and the line), so that a
    register shared by several editions says whose notes; an editor reviews them.
    """
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
        if len(name) == 1 and word_zipf(surname) >= 4.0:
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
        pid = ascii_key(surname + ("-" + forename.split()[0] if forename else ""))
        if pid in seen:
            continue
        seen.add(pid)
        full = " ".join(name)
        forms = [surname] + ([full] if full != surname else [])
        entry = {"id": pid, "forename": forename, "surname": surname, "forms": forms, "birth": birth}
        if death:
            entry["death"] = death
        where = f"the notes of {source}" if source else "the notes"
        entry["note"] = f"life dates from {where}, line {first + bisect.bisect_right(starts, m.start())}"
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
        if word_zipf(word) >= 4.0:
            continue
        counts[word] += 1
        if len(words) > 1 and (words[-2] in given or words[-2] in TITLES or INITIALS.match(words[-2])):
            evidence[word] += 1
        if len(contexts[word]) < 3:
            contexts[word].append(flat[max(0, m.start() - 40):m.end() + 40])
    ranked = sorted(counts, key=lambda w: (-evidence[w], -counts[w], w))
    return [(word, counts[word], contexts[word]) for word in ranked[:limit or None]]
