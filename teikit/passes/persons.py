"""Mark the mentions of persons as TEI `<persName ref="#key">`, and build the edition's
register of the persons the text mentions.

Before: `Vishinsky: Did you meet Trotsky's son, L. Sedov, in Berlin? asked Comrade Ulrich.`
After:  `<persName ref="#vyshinsky">Vishinsky</persName>: Did you meet <persName ref="#trotsky">
Trotsky</persName>'s son, <persName ref="#sedov-l">L. Sedov</persName>, in Berlin? asked
Comrade <persName ref="#ulrich">Ulrich</persName>.`

Stages, each a module of its own and each testable alone, over every block's reading view
(line ends joined, OCR corrections applied, so `Trot-|sky` reads whole):

1. the register the edition names, if any (`PersonFinder`): its name forms compiled into
   one trie-shaped regex. A mention is linked to an entry only on evidence: a full name,
   forenames or initials here or elsewhere in the text, an entry an editor confirmed, or a
   life that spans the years the text speaks of (`period`); otherwise the mention is a
   person of its own;
2. the rules (`persons_rules`): titles, initials, known forenames;
3. the statistical recogniser (`persons_model`), only on windows around capitalised
   words still open, filtered for OCR; an edition turns it off with `model: false`;
4. bare surnames of the persons named in full (`persons_rules.surname_mentions`);
5. keys (`persons_keys`): mentions of one person share a key; each person the register
   lacks gets an entry marked as found automatically, not reviewed.

Of overlapping spans an earlier stage wins, then the leftmost, then the longest.
"""
from __future__ import annotations

import itertools
import re
import sys
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..facts import PersonsDone
from ..model import Block, Document, Hyphen, Mark, Nearby, ReadingView, marks_nearby, reading_view
from ..patterns import not_after, words_not_after
from ..pipeline import PassSpec
from ..register import Register, load_register, normalise_form
from ..report import Report
from . import persons_keys, persons_model, persons_rules
from .dates import crosses
from .persons_keys import Mention
from .persons_rules import COMMON_FORENAMES, NAME_WORD, Known, Span, trie_regex

#: how far before a match to look for initials, forenames or a prefix
LOOKBACK = 40
#: `anti-Stalin`: a lower-case prefix makes a derived word (`Marx-Engels`, `9-Trotsky` stay names)
LOWER_PREFIX = re.compile(r"(?<![\w])[a-z]\w*[-–]$")
INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.\s*)+$")
WORD_BEFORE = re.compile(r"(?<![\w.'’-])(" + NAME_WORD + r")\s+$")
#: orders full-name mentions, so a bare shared surname goes to the namesake named last
_CLOCK = itertools.count()
YEAR = re.compile(not_after(r"\d", "1") + r"[0-9]{3}(?!\d)")
#: a person is of a text's period from this age on (a bare surname in an 1846 book is no one born in 1874)
ADULT_AGE = 25
#: a life without a death year is taken to last this long
LIFESPAN = 80
#: how long after a death a text still speaks of the person by surname alone
REMEMBERED = 50
LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]+\b")
#: a name after the kind of place it names (`the town of Quillbury`, `the County of Quillabee`):
#: the place's, no person's where it stands alone; the kind's word capitalised or not, where a
#: word starts, as literals that `re` scans for
PLACE_KINDS = ("town", "city", "village", "county", "parish", "township", "territory", "district")
PLACE_OF = re.compile("(?:" + words_not_after(r"\w", [form for kind in PLACE_KINDS for form in (kind.title(), kind)])
                      + rf")\s+of\s+({NAME_WORD})(?![\w'’])")
#: an initial in a name (`L.`, or `L` where OCR lost the stop)
LONE_INITIAL = re.compile(r"[A-Z]\.?")


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
        pattern = re.compile("(?:" + trie_regex(forms, r"[\w'’]") + r")(?![\w])(?!-[a-z])") \
            if forms else re.compile(r"(?!x)x")
        return cls(register, pattern, index, given, frozenset(given) | COMMON_FORENAMES)

    def find(self, text: str, recent: dict[str, int]) -> list[tuple[int, int, str, bool]]:
        """Registered persons in `text` as (start, end, id, named); `named` when the mention
        has more than a bare surname (a full form, forenames, initials); `recent` records them."""
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
                # both matches end at `before`'s end, after its last word: initials end in a full
                # stop, and a word (which holds no space) is searched for after the last space
                last = before.rstrip()
                initials = INITIALS_BEFORE.search(before) if last.endswith(".") else None
                word = WORD_BEFORE.search(before, last.rfind(" ") + 1)
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
            found.append((start, end, ids[0], named))
        return found




def period(texts: list[str]) -> tuple[int, int] | None:
    """The years a text speaks of: the 10th to the 90th percentile of the years it prints."""
    years = sorted(int(y) for text in texts for y in YEAR.findall(text))
    if not years:
        return None
    return years[len(years) // 10], years[len(years) * 9 // 10]


def of_period(entry, years: tuple[int, int] | None) -> bool:
    """Whether a register entry's adult life, or the REMEMBERED years after it, overlaps the
    years of the text: never a person born too late to be its subject."""
    if years is None or not (entry.birth or entry.death):
        return False
    birth = int(entry.birth) if entry.birth else int(entry.death) - LIFESPAN
    death = int(entry.death) if entry.death else birth + LIFESPAN
    return birth + ADULT_AGE <= years[1] and years[0] <= death + REMEMBERED


def pick(spans: list[Span], taken: Nearby[Span]) -> list[Span]:
    """The spans that overlap no taken span nor each other, leftmost then longest first."""
    chosen = []
    for i, j in sorted(set(spans), key=lambda s: (s[0], -s[1])):
        if i < j and not any(a < j and i < b for a, b in taken.near(i, j)) and (not chosen or chosen[-1][1] <= i):
            chosen.append((i, j))
    return chosen


@lru_cache(maxsize=8)
def _finder(path: str, mtime: float) -> PersonFinder:
    return PersonFinder.build(load_register(path))


def finder_for(path: str | Path) -> PersonFinder:
    """The compiled finder of a register file, built once per process and file version."""
    path = Path(path)
    return _finder(str(path.resolve()), path.stat().st_mtime)


@dataclass(frozen=True)
class Options:
    #: a register (YAML) the edition names; without one the edition's register is built from the text
    register: str = ""
    #: also mark the names a register lacks (rules, model, surnames)
    unregistered: bool = True
    #: run the statistical recogniser (an English NER model) where rules and register leave words open
    model: bool = True
    #: take a short word the model alone finds, once in the whole text, for a name
    #: (`persons_model.SHORT_NAME`); off for a newspaper's OCR, which makes such of common words
    short_lone_names: bool = True


def register_mentions(finder: PersonFinder, texts: list[str], years,
                      places: set[str] = frozenset()) -> tuple[list[Mention], list[Mention]]:
    """The register's matches: (linked on evidence, left unlinked). A bare surname the text
    uses as a place's name (`places`: `in London` beside one `Jack London`) is neither."""
    recent: dict[str, int] = {}
    hits = [(b, i, j, pid, named) for b, text in enumerate(texts) for i, j, pid, named in finder.find(text, recent)
            if named or text[i:j] not in places]
    named_ids = {pid for *_, pid, named in hits if named}
    linked, unlinked = [], []
    for b, i, j, pid, named in hits:
        entry = finder.register[pid]
        evident = named or pid in named_ids or entry.status == "confirmed" or of_period(entry, years)
        (linked if evident else unlinked).append(Mention(b, i, j, texts[b][i:j], pid if evident else None))
    return linked, unlinked


def model_spans(texts: list[str], taken: dict[int, list[Span]], known: Known, places: set[str],
                report: Report, short_lone_names: bool = True) -> dict[int, list[Span]]:
    """PERSON spans of the NER model in the windows the earlier stages leave open."""
    nlp = persons_model.load_model()
    if nlp is None:
        report.warning("TK171", f"the NER model package {persons_model.MODEL_PACKAGE} is not installed: "
                                "persons are found by rules and register alone")
        return {}
    seen: Counter[str] = Counter()
    pieces = [(b, i, text[i:j]) for b, text in enumerate(texts)
              for i, j in persons_model.open_windows(text, taken.get(b, []), known.lower_words, seen)]
    return persons_model.person_spans(persons_model.recognise(nlp, pieces), texts, known, places,
                                      short_lone_names)


#: a line this much shorter than the text's full line is one of a list (judges, jurors, one a
#: line): a name found over its end is two names, or a name and a word of the next line
LIST_LINE_SHARE = 0.5
#: a text's full line: the length of this share of its lines or longer (ends of paragraphs and
#: lists are short; a text may be half list)
FULL_LINE_QUANTILE = 0.75


def list_line_ends(blocks: list[Block], views: list[ReadingView]) -> dict[int, list[int]]:
    """By block, the reading offsets of the line ends (read as spaces) that close a line much
    shorter than the text's full line: the ends of a list's lines, which no name crosses."""
    lengths = sorted(len(line.text) for block in blocks for line in block.text_lines if line.text.strip())
    if not lengths:
        return {}
    short = LIST_LINE_SHARE * lengths[int(len(lengths) * FULL_LINE_QUANTILE)]
    ends: dict[int, list[int]] = {}
    for b, (block, view) in enumerate(zip(blocks, views)):
        offset = 0
        for line in block.text_lines[:-1]:
            offset += len(line.text)
            if line.hyphen is Hyphen.NONE and len(line.text.strip()) < short:
                ends.setdefault(b, []).append(view.at(offset))
            offset += 1
    return ends


def ends_between(line_ends: list[int], start: int, end: int) -> bool:
    """Whether one of the (sorted) `line_ends` falls in [start, end)."""
    return bisect_left(line_ends, start) < bisect_left(line_ends, end)


def within_line(text: str, start: int, end: int, line_ends: list[int]) -> Span:
    """A span cut at the list's line ends it crosses (`line_ends` sorted, as `list_line_ends`
    gives them), as its longest piece (`Present | Osric Quillet`, `Osric Quillet | Tobias`)."""
    cuts = line_ends[bisect_right(line_ends, start):bisect_left(line_ends, end)]
    if not cuts:
        return start, end
    pieces = [(i, j) for i, j in zip([start] + [k + 1 for k in cuts], cuts + [end])]
    return max(pieces, key=lambda piece: len(text[piece[0]:piece[1]].split()))


def find_mentions(texts: list[str], finder: PersonFinder | None, opts: Options, report: Report,
                  line_ends: dict[int, list[int]] | None = None) -> list[Mention]:
    """All stages in order; the mentions of every block, in document order; no name crosses
    one of the `line_ends` (`list_line_ends`)."""
    line_ends = line_ends or {}
    after_place = persons_model.after_place_prepositions(texts)
    capitalised = persons_model.capitalised_words(texts)
    used_as_places = persons_model.places_by_use(capitalised, after_place)
    linked, unlinked = register_mentions(finder, texts, period(texts), used_as_places) if finder else ([], [])
    taken: dict[int, list[Span]] = {}
    claimed: dict[int, Nearby[Span]] = {}      # the same spans, found by where they stand
    mentions: list[Mention] = []
    known = None
    if opts.unregistered:
        known = Known(finder.forenames if finder else COMMON_FORENAMES,
                      frozenset(itertools.chain.from_iterable(map(LOWER_WORD.findall, texts))))
        known = Known(known.forenames | persons_rules.forenames_of_the_text(texts, known), known.lower_words,
                      persons_rules.reads_m_as_monsieur(texts))

    def claim(block: int, spans: list[Span], stage: str, ref: str | None = None) -> None:
        if not spans:           # most blocks, for each stage
            return
        nearby = claimed.setdefault(block, Nearby())
        spans = [within_line(texts[block], i, j, line_ends.get(block, [])) for i, j in spans]
        if not ref and known:
            spans = [span for span in (persons_rules.without_hand_tail(texts[block], i, j, known) for i, j in spans)
                     if span]
        spans = [(i, j) for i, j in spans if not persons_rules.names_a_firm(texts[block], j)
                 and (ref or not persons_rules.stands_for_no_person(texts[block], i, j))]
        for i, j in pick(spans, nearby):
            taken.setdefault(block, []).append((i, j))
            nearby.add(i, j, (i, j))
            title = persons_rules.title_before(texts[block], i)
            mentions.append(Mention(block, i, j, texts[block][i:j], ref, stage=stage,
                                    sex=persons_rules.sex_of_title(title)
                                    or persons_rules.sex_of_forename(texts[block][i:j]),
                                    surname_title=persons_rules.takes_surname(title),
                                    relative=persons_rules.names_a_relative(texts[block], i)))

    for m in linked:
        claim(m.block, [(m.start, m.end)], "register", m.ref)
    if known:
        weak: dict[int, list[Span]] = {}
        for m in unlinked:
            weak.setdefault(m.block, []).append((m.start, m.end))
        attested: set[str] = set()
        titled_surnames: set[str] = set()
        # read once, for the rules and the model (places) and for the surname stage (groups)
        groups = persons_model.plurals(capitalised) | persons_model.place_words(texts, persons_model.THING_CONTEXTS)
        places = groups | after_place.keys() | persons_model.place_words(texts, (PLACE_OF,))
        for b, text in enumerate(texts):
            spans = persons_rules.rule_spans(text, known)
            for rule in persons_rules.CONTEXT_RULES:
                spans[rule] = [(i, j) for i, j in spans[rule] if text[i:j] not in places]
            attested.update(text[i:j] for rule in persons_rules.VOUCHING_RULES for i, j in spans[rule])
            titled_surnames.update(persons_keys.name_parts(text[i:j])[1] for i, j in spans.get("titled", ())
                                   if persons_rules.takes_surname(persons_rules.title_before(text, i)))
            claim(b, [span for found in spans.values() for span in found] + weak.get(b, []), "rules")
        if opts.model:
            stems = {persons_keys.name_parts(m.text)[1] for m in mentions}
            if finder:
                stems |= {person.surname for person in finder.register.persons.values()}
            for b, spans in model_spans(texts, taken, known, places, report, opts.short_lone_names).items():
                claim(b, [(i, j) for i, j in spans if not derived_from(texts[b][i:j], stems)], "model")
        # rivers and ranges bear their finders' names: a title vouches for the person's
        claim_names(texts, mentions, attested, (groups - titled_surnames) | used_as_places, known, claim,
                    Counter(word for word, _ in capitalised))
    return join_adjacent(sorted(mentions, key=lambda m: (m.block, m.start)), texts, line_ends)


#: the most words a name joined from pieces has (`Quintus Osbert T. Pellworth`); more are several names
LONGEST_NAME = 4
#: what may stand between two parts of one name found apart: spaces, initials (`OBADIAH T FAIRHURST`)
NAME_GAP = re.compile(r"\s+(?:[A-Z]\.?\s+)*")


def join_adjacent(mentions: list[Mention], texts: list[str],
                  line_ends: dict[int, list[int]] | None = None) -> list[Mention]:
    """Mentions that only spaces or initials part are one name found in pieces by different
    stages (`Thomasina` + `A. Quillet`, `OBADIAH` + `FAIRHURST`): joined, unless linked to
    different entries or parted by one of a list's `line_ends`."""
    joined: list[Mention] = []
    for m in mentions:
        last = joined[-1] if joined else None
        if last and last.block == m.block and (last.ref == m.ref or not (last.ref and m.ref)) \
                and NAME_GAP.fullmatch(texts[m.block], last.end, m.start) \
                and not ends_between(line_ends.get(m.block, []) if line_ends else [], last.end, m.start) \
                and len(texts[m.block][last.start:m.end].split()) <= LONGEST_NAME:
            last.end, last.text = m.end, texts[m.block][last.start:m.end]
            last.ref = last.ref or m.ref
        else:
            joined.append(m)
    return joined


def derived_from(word: str, surnames: set[str]) -> bool:
    """Whether a single word is a surname with something added (`Leningrad`, `Stalinabad`)."""
    return " " not in word and any(word[:k] in surnames for k in range(3, len(word) - 1))


def found_once_in_prose(text: str, mention: Mention) -> bool:
    """Whether a single word the model found once stands in running prose, after a word in
    lower case (`talked with Pellworth`): there its capital says a name, not a sentence's start
    nor a heading's, so it names the person wherever else it stands capitalised; not after a
    preposition of place or motion (`went on to Quillbury`), where a traveller names places,
    nor a short word (`persons_model.SHORT_NAME`: `Bol shevik`, OCR's piece of a word)."""
    before = max(0, mention.start - 30)
    return mention.stage == "model" and " " not in mention.text and len(mention.text) > persons_model.SHORT_NAME \
        and bool(persons_rules.PROSE_BEFORE.search(text, before, mention.start)) \
        and not persons_rules.PLACE_PREPOSITION_BEFORE.search(text, before, mention.start)


def claim_names(texts: list[str], mentions: list[Mention], attested: set[str], groups: set[str], known: Known,
                claim, words: Counter[str]) -> None:
    """The surname stage: the names found in full and their surnames, the names found after
    a title or speaking (`Quillet said`), and single names the model found more than once or
    once in running prose (`found_once_in_prose`), wherever else they stand (a surname that
    is also a word only where one person named in full bears it: `Osric Glass` and `Tobias
    Glass` leave `Glass` open);
    never one of the `groups`: a plural of a capitalised word of the text (`Veldanians`) or a
    word the text puts where things stand (`the Quillabee range`) or uses as a place's name
    (`in Quillbury`, `places_by_use`); nor a point of the compass
    (`Quintus West` names a person, `West` alone a direction); and those names written with
    their surname in lower case (`Hannah quillet`) or by their two given names alone (`Hester
    Jane`); and the words that spell one of these surnames another way, or that OCR misread
    (`persons_rules.spelling_variants` of the text's capitalised `words`), as its bearer's.
    `mentions` are all found so far; those the register linked are its own to follow."""
    full = {m.text for m in mentions if not m.ref and len(m.text.split()) > 1}
    surnames = {persons_keys.name_parts(name)[1] for name in full}
    model_names = Counter(m.text for m in mentions if not m.ref and m.stage == "model" and m.text not in full)
    surnames |= attested | {name for name, count in model_names.items() if count > 1} \
        | {m.text for m in mentions if model_names[m.text] == 1 and found_once_in_prose(texts[m.block], m)}
    bare = {s for s in surnames
            if persons_rules.is_surname(s) and s not in groups and not persons_rules.names_a_place(s)}
    everyone_in_full = {m.text for m in mentions if len(m.text.split()) > 1}
    bearers = Counter(surname for given, surname in map(persons_keys.name_parts, everyone_in_full)
                      if given and (given[0] in known.forenames or len(given) > 1 and LONE_INITIAL.fullmatch(given[-1])))
    forenamed = frozenset(surname for surname, count in bearers.items() if count == 1)
    variants = {word: name for word, name in persons_rules.spelling_variants(words, bare, known).items()
                if word not in groups}
    pattern = persons_rules.surname_pattern(full, bare | variants.keys())
    parts = [(name.split(), *persons_keys.name_parts(name)) for name in everyone_in_full]
    named = {(given[0], surname) for _, given, surname in parts if given}
    named_surnames = {surname for _, surname in named}
    given_names = persons_rules.given_names_pattern({(words[0], words[1]) for words, given, _ in parts
                                                     if len(given) >= 2 and words[1] == given[1]
                                                     and words[1].title() in known.forenames})
    for b, text in enumerate(texts):
        claim(b, persons_rules.surname_mentions(text, pattern, known, forenamed)
              + persons_rules.surnames_in_lower_case(text, named, known, named_surnames), "surname")
        if given_names:
            claim(b, [m.span() for m in given_names.finditer(text)], "given")
    spell_near_their_names(texts, mentions, variants)


#: how near (characters of reading text) a mention of a name its other spelling stands: a
#: page or so (`Quillabea` among `Quillabee`s); far off, it may be another's
VARIANT_REACH = 3000


def spell_near_their_names(texts: list[str], mentions: list[Mention], variants: dict[str, str]) -> None:
    """The mentions of a word that spells a name another way (`variants`: `Quillabea` of
    `Quillabee`) name its person where a mention of that name stands within VARIANT_REACH,
    linked to the register entry that mention is linked to, if any; the others, which the
    surname stage found as variants, are dropped."""
    if not variants:
        return
    starts = list(itertools.accumulate((len(text) + 1 for text in texts), initial=0))
    named: dict[str, list[tuple[int, str]]] = {}      # a name's mentions: (where, register id)
    for m in mentions:
        named.setdefault(persons_keys.name_parts(m.text)[1], []).append((starts[m.block] + m.start, m.ref or ""))
    for places in named.values():
        places.sort()
    kept = []
    for m in mentions:
        name = variants.get(m.text) if not m.ref else None
        if name:
            where = starts[m.block] + m.start
            places = named.get(name, [])
            near, k = [], bisect_left(places, (where - VARIANT_REACH,))
            while k < len(places) and places[k][0] <= where + VARIANT_REACH:
                near.append((abs(places[k][0] - where), places[k][1]))
                k += 1
            if near:
                m.spelled, m.ref = name, min(near)[1] or None
            elif m.stage == "surname":
                continue
        kept.append(m)
    mentions[:] = kept


def key_given_names(mentions: list[Mention]) -> None:
    """Two given names found alone (`Hester Jane`, stage "given") take the key of the one
    person named in full with them (`Hester Jane Quillet`), whom the keys, going by surnames,
    cannot see they name; where two persons are, each keeps its own."""
    openings: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        words = m.text.split()
        if m.stage != "given" and len(words) > 2:
            openings.setdefault((words[0], words[1].title()), set()).add(m.key)
    for m in mentions:
        first, second = m.text.split()[:2] if m.stage == "given" else ("", "")
        keys = openings.get((first, second.title()), set())
        if len(keys) == 1:
            m.key = next(iter(keys))


def run(doc: Document, opts: Options, report: Report) -> Document:
    finder = None
    if opts.register:
        if Path(opts.register).exists():
            finder = finder_for(opts.register)
        else:
            report.warning("TK170", f"person register {opts.register} not found: the edition's register "
                                    "is built from the text alone")
    blocks = list(doc.leaves())
    views = [reading_view(block) for block in blocks]
    texts = [view.text for view in views]
    mentions = find_mentions(texts, finder, opts, report, list_line_ends(blocks, views))
    found = persons_keys.assign_keys(mentions, set(finder.register.persons) if finder else set(), texts)
    key_given_names(mentions)
    count, linked, auto = 0, set(), set()
    nearby: dict[int, Nearby[Mark]] = {}
    for m in mentions:
        block = blocks[m.block]
        start, end = views[m.block].span(m.start, m.end)
        if m.block not in nearby:
            nearby[m.block] = marks_nearby(block.marks)
        if crosses(nearby[m.block].near(start, end), start, end):
            continue
        mark = Mark("persName", start, end, {"ref": sys.intern(f"#{m.key}")})  # one string a person
        block.marks.append(mark)
        nearby[m.block].add(start, end, mark)
        count += 1
        (linked if m.ref else auto).add(m.key)
    for pid in sorted(linked):
        doc.persons[pid] = finder.register[pid].tei_entry()
    for key in sorted(auto):
        doc.persons[key] = found[key].entry()
    doc.facts.persons = PersonsDone(
        marked=count, registered=len(linked), register=str(opts.register) if finder else "",
        policy="persName with @ref on every mention of a person; linked to the register the edition names "
               "only on evidence (a full name, or a life in the text's period); every other person has an "
               "entry found in the text, not reviewed")
    return doc


PASS = PassSpec("persons", run, Options, provides=frozenset({"persons"}))
