"""Mark the mentions of persons, keyed to the shared register, as TEI `<persName>`.

Before: `Vishinsky: Did you meet Trotsky's son, L. Sedov, in Berlin? asked Comrade Ulrich.`
After:  `<persName ref="#vyshinsky">Vishinsky</persName>: Did you meet <persName ref="#trotsky">
Trotsky</persName>'s son, <persName ref="#sedov-leon">L. Sedov</persName>, in Berlin? asked
Comrade <persName>Ulrich</persName>.`

All name forms of the register (spellings, transliterations, all-capitals) are compiled
into one trie-shaped regex searched once over each block's reading view (line ends
joined, OCR corrections applied), so `Trot-|sky` and `T rotsky` are found and the mark
spans the correction whole. A match stops at a word boundary (never `Trotskyist`,
`Leningrad`), excludes a possessive `'s`, and grows leftwards over initials (`V. I.`)
and the person's forenames, which also choose between namesakes (`Leon Sedov`,
`Sergei Sedov`); a bare shared surname goes to the namesake last named in full.
Unregistered names are marked without `@ref` only on strong evidence: a title
(`General Franco`, span without the title) or a known forename before a surname.
The register entries of the persons mentioned go to `doc.persons`.
"""
from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Block, Document, Mark, reading_view
from ..pipeline import PassSpec
from ..register import DEFAULT_REGISTER, Register, load_register, normalise_form
from ..report import Report
from .dates import crosses

#: words before a name that say a person follows; not part of the persName span
TITLES = ("Comrade", "Comrades", "General", "Generals", "Marshal", "Admiral", "Colonel", "Captain",
          "Lieutenant", "Commissar", "President", "Premier", "Minister", "Senator", "Judge",
          "Professor", "Prof.", "Dr.", "Mr.", "Mrs.", "Mme.", "Mlle.", "M.", "Monsieur", "Madame",
          "Herr", "Frau", "Citizen", "Sir", "Lord", "Lady", "Tsar", "Czar", "King", "Queen", "Prince",
          "Princess", "Count", "Countess", "Baron", "Bishop", "Father", "Don", "Señor", "Senor")
#: forenames known without a register (common Western and Russian given names)
COMMON_FORENAMES = frozenset("""
Adolf Adolph Albert Alexander Alexandra Alexei Alfred Andre André Andrei Andrew Anna Anton Antonio
Arthur Augusto Benjamin Bernard Boris Carl Carlos Charles Christian David Diego Dmitri Edgar Edmund
Edouard Edward Elizabeth Emil Emile Emma Ernest Ernst Eugene Felix Francisco Frank Franz Fred Frederick
Friedrich Georg George Georges Gregory Grigory Hans Harold Harry Heinrich Henri Henry Herbert Hermann
Hugo Ignace Isaac Ivan Jacob Jacques James Jan Jean Johann John Jose José Joseph Jules Julius Karl
Konrad Lazar Leo Leon Leonid Lev Louis Ludwig Manuel Margaret Maria Marie Martin Mary Max Maxim Michael
Mikhail Nadezhda Natalia Nicholas Nikolai Norman Otto Paul Pavel Peter Philip Pierre Pyotr Ralph
Richard Robert Rosa Rudolf Samuel Sergei Sidney Simon Stanley Thomas Vasili Victor Vladimir Walter
William Willi Yakov Yuri
""".split())

NAME_WORD = r"[A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?"
#: how far before a match to look for initials, forenames or a prefix
LOOKBACK = 40
#: `anti-Stalin`: a lower-case prefix makes a derived word (`Marx-Engels`, `9-Trotsky` stay names)
LOWER_PREFIX = re.compile(r"(?<![\w])[a-z]\w*[-–]$")
INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.\s*)+$")
WORD_BEFORE = re.compile(r"(?<![\w.'’-])(" + NAME_WORD + r")\s+$")
TITLED = re.compile(
    r"(?=[A-ZMS])(?<![\w.])(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\s+"
    r"(?P<name>(?:[A-Z]\.\s*)*" + NAME_WORD + r"(?:\s+" + NAME_WORD + r")?)(?![\w'’-]*\w)")
#: orders full-name mentions, so a bare shared surname goes to the namesake named last
_CLOCK = itertools.count()
FORENAME_SURNAME = re.compile(
    r"(?=[A-ZÀ-Þ])(?<![\w.'’-])(" + NAME_WORD + r")((?:\s+[A-Z]\.)*\s+" + NAME_WORD + r")(?![\w'’-]*\w)")
#: a word this common in English after a title is a noun (General Staff), not a surname
COMMON_WORD_ZIPF = 4.3


def trie_regex(words: list[str]) -> str:
    """One regex alternation of `words`, factored as a trie so matching is fast.

    A space in a word matches any run of whitespace; a period may be followed by some.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict) -> str:
        branches, optional = [], "" in node
        for ch, child in sorted(node.items(), key=lambda kv: kv[0]):
            if ch == "":
                continue
            atom = r"\s+" if ch == " " else r"\.\s*" if ch == "." else re.escape(ch)
            branches.append(atom + emit(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return emit(trie)


@dataclass
class PersonFinder:
    """The register compiled for searching: one regex, a form index, the forenames."""

    register: Register
    pattern: re.Pattern
    index: dict[str, list[str]]
    given: dict[str, set[str]]
    forenames: frozenset[str]

    @classmethod
    def build(cls, register: Register) -> "PersonFinder":
        index: dict[str, list[str]] = {}
        for form, ids in register.forms().items():
            for variant in (form, form.upper()):
                index.setdefault(variant, list(ids))
        given: dict[str, set[str]] = {}
        for person in register.persons.values():
            for name in person.given_names:
                given.setdefault(name, set()).add(person.id)
        forms = sorted(index, key=len, reverse=True)
        first_chars = "".join(sorted({re.escape(form[0]) for form in forms}))
        pattern = re.compile(rf"(?=[{first_chars}])(?<![\w'’])(?:" + trie_regex(forms) + r")(?![\w])(?!-[a-z])") \
            if forms else re.compile(r"(?!x)x")
        return cls(register, pattern, index, given, frozenset(given) | COMMON_FORENAMES)

    def find(self, text: str, recent: dict[str, int]) -> list[tuple[int, int, str | None]]:
        """Registered persons in `text` as (start, end, id); `recent` records full-name mentions."""
        found = []
        for m in self.pattern.finditer(text):
            start, end = m.start(), m.end()
            matched = text[start:end].rstrip()
            end = start + len(matched)
            ids = self.index.get(normalise_form(matched), [])
            if not ids or LOWER_PREFIX.search(text[max(0, start - LOOKBACK):start]):
                continue
            named = len(matched.split()) > 1
            while True:
                window = max(0, start - LOOKBACK)
                before = text[window:start]
                initials = INITIALS_BEFORE.search(before)
                word = WORD_BEFORE.search(before)
                if initials:
                    start = window + initials.start()
                elif word and any(pid in self.given.get(word.group(1), ()) for pid in ids):
                    ids = [pid for pid in ids if pid in self.given[word.group(1)]]
                    start, named = window + word.start(1), True
                else:
                    break
            if len(ids) > 1:
                ids = sorted(ids, key=lambda pid: recent.get(pid, -1), reverse=True)
            if named or len(ids) == 1:
                recent[ids[0]] = next(_CLOCK)
            found.append((start, end, ids[0]))
        return found


def find_unregistered(text: str, finder: PersonFinder, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names of persons the register lacks, where a title or a forename says so."""
    import wordfreq

    def free(i: int, j: int) -> bool:
        return all(j <= a or b <= i for a, b in taken)

    found = []
    for m in TITLED.finditer(text):
        i, j = m.span("name")
        words = m.group("name").split()
        if all(wordfreq.zipf_frequency(w, "en") >= COMMON_WORD_ZIPF for w in words if not w.endswith(".")):
            continue
        if free(i, j):
            found.append((i, j))
            taken.append((i, j))
    for m in FORENAME_SURNAME.finditer(text):
        if m.group(1) not in finder.forenames:
            continue
        surname = m.group(2).split()[-1]
        if wordfreq.zipf_frequency(surname, "en") >= COMMON_WORD_ZIPF or surname in finder.forenames:
            continue
        i, j = m.span()
        if free(i, j):
            found.append((i, j))
            taken.append((i, j))
    return found


@lru_cache(maxsize=8)
def _finder(path: str, mtime: float) -> PersonFinder:
    return PersonFinder.build(load_register(path))


def finder_for(path: str | Path) -> PersonFinder:
    """The compiled finder of a register file, built once per process and file version."""
    path = Path(path)
    if not path.exists():
        return PersonFinder.build(Register())
    return _finder(str(path.resolve()), path.stat().st_mtime)


@dataclass(frozen=True)
class Options:
    #: the person register (YAML); "" uses editions/registers/persons.yaml of the checkout
    register: str = ""
    #: also mark names the register lacks where a title or a forename makes them certain (no @ref)
    unregistered: bool = True


def mark_persons(block: Block, finder: PersonFinder, recent: dict[str, int], unregistered: bool) -> set[str]:
    """Add persName marks to one leaf block; returns the ids it mentions."""
    view = reading_view(block)
    hits = finder.find(view.text, recent)
    if unregistered:
        hits += [(i, j, None) for i, j in find_unregistered(view.text, finder, [(i, j) for i, j, _ in hits])]
    mentioned = set()
    for i, j, pid in hits:
        start, end = view.span(i, j)
        if crosses(block.marks, start, end):
            continue
        block.marks.append(Mark("persName", start, end, {"ref": f"#{pid}"} if pid else {}))
        if pid:
            mentioned.add(pid)
    return mentioned


def run(doc: Document, opts: Options, report: Report) -> Document:
    path = opts.register or DEFAULT_REGISTER
    if not Path(path).exists():
        report.warning("TK170", f"person register {path} not found: only unregistered names are marked")
    finder = finder_for(path)
    recent: dict[str, int] = {}
    mentioned: set[str] = set()
    count = 0
    for block in doc.leaves():
        before = len(block.marks)
        mentioned |= mark_persons(block, finder, recent, opts.unregistered)
        count += len(block.marks) - before
    for pid in sorted(mentioned):
        doc.persons[pid] = finder.register[pid].tei_entry()
    doc.facts["persons"] = {"marked": count, "registered": len(mentioned), "register": str(path),
                            "policy": "persName on every mention of a registered person (@ref to the "
                                      "register); unregistered names only after a title or a forename"}
    return doc


PASS = PassSpec("persons", run, Options, provides=frozenset({"persons"}))
