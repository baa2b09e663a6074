"""The keying stage of person finding: which mentions name the same person, and the
edition's register entry of each person.

A mention with forenames or initials (`J. M. Pellworth`, `John Pellworth`) names the
person of that surname whose forenames agree with it (an initial agrees with a forename
it begins); a bare surname (`Pellworth`) names the person of that surname last named in
full before it, else the first named in full after it, unless titles say one is a woman
and the other a man (`Mrs. Pellworth`, `Sir W. Pellworth`), passing over one the text calls
by forename alone (`Osbert`, a son); a forename alone names the one person of the text with
that forename, if there is one, unless it stands in a list of forenames (`sons named Osbert
and Quentin`), after a title that takes a surname (`Mayor Osbert`) or after a word of the
family (`my son Osbert`, a relative's); a surname abbreviated
to its initial (`Mr. P.`) names the person of that initial last met; else it is a person
of its own. Mentions linked to a register entry keep its id; every other person gets an
entry marked as found automatically (`status: auto`), keyed `surname-forename` and never
with a key the register uses for someone else.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field

from ..register import AUTO, Person, person_key
from .persons_rules import COMMON_FORENAMES, ROMAN_NUMERAL

PARTICLES = frozenset({"van", "von", "de", "del", "della", "der", "den", "du", "da", "di", "la", "le", "ten", "ter"})


@dataclass
class Mention:
    """A name found in a block's reading text; `ref` the register id it is linked to, if any."""

    block: int
    start: int
    end: int
    text: str
    ref: str | None = None
    key: str = ""
    #: which stage found it: register, rules, model or surname
    stage: str = ""
    #: `f` or `m` where a title before it says so (`Mrs.`, `Sir`)
    sex: str = ""
    #: a title that takes a surname stands before it (`Mayor Tobias`): a word alone is no forename
    surname_title: bool = False
    #: an owner and a word of the family stand before it (`my son Osbert`): a forename alone
    #: names a relative, not whoever else of that forename the text names in full
    relative: bool = False
    #: the name a single word spells another way (`Quillabea` of `Quillabee`): its person's
    spelled: str = ""


def name_parts(name: str) -> tuple[tuple[str, ...], str]:
    """(given names and initials, surname) of a name; capitals read as `Quigley`; a numeral
    goes with the name before it (`Henry VII` is all surname)."""
    words = [w if ROMAN_NUMERAL.fullmatch(w) else w.title() if w.isupper() and len(w.rstrip(".")) > 1 else w
             for w in name.split()]
    if not words:
        return (), ""
    k = len(words) - 1
    if k and ROMAN_NUMERAL.fullmatch(words[k]):
        k -= 1
    while k > 0 and words[k - 1] in PARTICLES:
        k -= 1
    return tuple(words[:k]), " ".join(words[k:])


def agree(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two lists of forenames can name one person: first names equal, or one an initial
    of the other (`J.` and `John`), and so the second names where both have one (`J. S.` is
    not `John A.`: two members of one surname, told apart by their initials)."""
    return all(_same_name(x.rstrip("."), y.rstrip(".")) for x, y in zip(a, b))


def _same_name(x: str, y: str) -> bool:
    """Whether two forenames can be one: equal, or one the other's initial."""
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return x == y


@dataclass
class Found:
    """A person of this text: surname, the fullest forenames met, the forms met."""

    key: str
    surname: str
    given: tuple[str, ...] = ()
    forms: Counter = field(default_factory=Counter)
    sex: str = ""

    def fits(self, sex: str) -> bool:
        """Whether a mention whose title says `sex` can name this person."""
        return not sex or not self.sex or sex == self.sex

    def entry(self) -> dict:
        """The TEI register entry of a person teikit found and no editor has reviewed. One known
        by a single word that is a forename (`Hannah`, and `Luther` or `Cecil`, forenames and
        surnames both) has it as the name, neither forename nor surname, which the text does
        not tell."""
        forms = tuple(form for form, _ in self.forms.most_common())
        entry = Person(id=self.key, surname=self.surname, forename=" ".join(self.given), forms=forms,
                       status=AUTO).tei_entry()
        if not self.given and self.surname.title() in COMMON_FORENAMES:
            entry.update(forename="", surname="", name=self.surname)
        return entry


#: what parts two names of one list: a comma, `and`, `or`, `&` (`Osbert, Quentin and Hester`)
LIST_SEPARATOR = re.compile(r"\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+")


def surname_holder(candidates: list[Found], called_by_forename: set[str]) -> Found:
    """Of the persons a bare surname may name, nearest first, the nearest whom the text does
    not call by forename alone: in a family the text calls `Osbert` by his forename, and
    his father by the surname."""
    return next((p for p in candidates if p.key not in called_by_forename), candidates[0])


def in_lists(mentions: list[Mention], texts: list[str], owners: dict[str, set[str]],
             surnames: Container[str] = frozenset()) -> set[int]:
    """The ids of forenames alone listed together (`sons named Osbert and Quentin`): a
    family's, not those of whoever the text named in full with them, unless all are of one
    surname named in full (`the two Pellworths, Osbert and Quentin`). `owners` gives the
    surnames named in full with each forename; a word no forename makes no list (`Pellworth,
    Osbert`), nor one that is the surname of a person named in full (`surnames`, casefolded:
    `Morris and Osbert` beside `Tobias Morris`)."""
    def forename(m: Mention) -> bool:
        return not m.ref and " " not in m.text and m.text.casefold() not in surnames \
            and (m.text.title() in COMMON_FORENAMES or m.text.casefold() in owners)

    listed = set()
    for a, b in zip(mentions, mentions[1:]):
        if a.block != b.block or not (forename(a) and forename(b)) \
                or not LIST_SEPARATOR.fullmatch(texts[a.block], a.end, b.start):
            continue
        family = owners.get(a.text.casefold(), set()) | owners.get(b.text.casefold(), set())
        if len(family) != 1 or not {a.text.casefold(), b.text.casefold()} <= owners.keys():
            listed |= {id(a), id(b)}
    return listed


def assign_keys(mentions: list[Mention], reserved: set[str], texts: list[str]) -> dict[str, Found]:
    """Set each mention's key (its ref where linked); returns the unlinked persons by key.
    `texts` are the blocks' texts the mentions lie in."""
    persons: dict[str, Found] = {}
    used = set(reserved)
    by_surname: dict[str, list[Found]] = {}
    full: dict[str, list[tuple[tuple[int, int], Found]]] = {}   # surname -> (position, person) in order

    def new(surname: str, given: tuple[str, ...]) -> Found:
        base = person_key(surname, next((g for g in given if len(g.rstrip(".")) > 1), given[0] if given else ""))
        key, n = base, 1
        while key in used:
            n += 1
            key = f"{base}-{n}"
        used.add(key)
        persons[key] = found = Found(key, surname, given)
        by_surname.setdefault(surname.casefold(), []).append(found)
        return found

    bare = []
    for mention in mentions:
        given, surname = name_parts(mention.text)
        if mention.ref:
            mention.key = mention.ref
            continue
        if not given:
            bare.append((mention, mention.spelled or surname))
            continue
        found = next((p for p in by_surname.get(surname.casefold(), ())
                      if p.given and agree(p.given, given) and p.fits(mention.sex)), None) or new(surname, given)
        found.sex = found.sex or mention.sex
        if len(" ".join(given)) > len(" ".join(found.given)):
            found.given = given
        found.forms[mention.text] += 1
        mention.key = found.key
        full.setdefault(surname.casefold(), []).append(((mention.block, mention.start), found))
    positions = {surname: [position for position, _ in named] for surname, named in full.items()}
    by_forename: dict[str, set[str]] = {}
    for found in persons.values():
        if found.given and len(found.given[0].rstrip(".")) > 1:
            by_forename.setdefault(found.given[0].casefold(), set()).add(found.key)
    called_by_forename = {next(iter(by_forename[word.casefold()])) for mention, word in bare
                          if len(by_forename.get(word.casefold(), ())) == 1 and word.casefold() not in full
                          and not mention.surname_title and not mention.relative}
    owners = {forename: {persons[key].surname.casefold() for key in keys} for forename, keys in by_forename.items()}
    listed = in_lists(mentions, texts, owners, full)
    initials = [(mention, surname) for mention, surname in bare if INITIAL_ALONE.fullmatch(surname)]
    for mention, surname in bare:
        if INITIAL_ALONE.fullmatch(surname):
            continue
        named = full.get(surname.casefold(), [])
        at = bisect.bisect_left(positions.get(surname.casefold(), []), (mention.block, mention.start))
        before = [p for _, p in reversed(named[:at]) if p.fits(mention.sex)]
        after = [p for _, p in named[at:] if p.fits(mention.sex)]
        alone = by_forename.get(surname.casefold(), set())
        if before or after:
            found = surname_holder(before or after, called_by_forename)
        elif len(alone) == 1 and not named and id(mention) not in listed and not mention.surname_title \
                and not mention.relative:
            # `Osbert` alone, one Osbert named; not `Mayor Osbert` nor `my son Osbert`
            found = persons[next(iter(alone))]
        else:
            found = next((p for p in by_surname.get(surname.casefold(), ()) if not p.given and p.fits(mention.sex)),
                         None) or new(surname, ())
            found.sex = found.sex or mention.sex
        found.forms[mention.text] += 1
        mention.key = found.key
    met: dict[str, list[tuple[int, int]]] = {}
    for mention in mentions:
        if mention.key in persons:
            met.setdefault(mention.key, []).append((mention.block, mention.start))
    for mention, initial in initials:
        found = initial_holder(mention, initial, [persons[key] for key in met], met) or new(initial, ())
        found.forms[mention.text] += 1
        mention.key = found.key
    return persons


#: a surname abbreviated to its initial (`Mr. P.`)
INITIAL_ALONE = re.compile(r"[A-Z]\.?")


def initial_holder(mention: Mention, initial: str, candidates: list[Found],
                   met: dict[str, list[tuple[int, int]]]) -> Found | None:
    """The person an abbreviated surname (`Mr. P.`) names: of the persons whose surname begins
    with the initial, the one last met before it, else the first met after it."""
    at = (mention.block, mention.start)
    fitting = [p for p in candidates if len(p.surname) > 1 and p.surname[0] == initial[0] and p.fits(mention.sex)]
    before = [(max(pos for pos in met[p.key] if pos < at), p) for p in fitting if met[p.key][0] < at]
    if before:
        return max(before, key=lambda pair: pair[0])[1]
    return min(fitting, key=lambda p: met[p.key][0], default=None)
