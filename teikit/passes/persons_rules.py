"""The rule stage of person finding: names that print and OCR make certain without a register.

An ordered table of small rules, each a function `(text, known) -> [Span]` over a block's
reading text (line ends joined, corrections applied); `known` says which words are
forenames and which the text writes in lower case:

- `initials`: initials before a surname (`J. M. Pellworth`), with a forename before them
  (`Quintus J. Pellworth`), but not a prescription's Latin abbreviations (`R. Ferri sulph.`);
- `titled`: a title or honorific, then a name, in capitals too (`Hon. Mr. QUIGLEY`,
  `Chief Justice PENHALLOW`); the span leaves the titles out;
- `forename`: a known forename before a surname (`Peter Hedlund`);
- `speaker`: a single name that speaks or is named (`Hedlund said`, `a man named Hedlund`);
- `ditto`: a name after a ditto mark that repeats the title of a list's item above it
  (`Mr. Hedlund,` / `" Quillet,`);
- `apposition`: a name set beside a role (`Osric, the Quillabee Chief`);
- `signature`: initials that sign a letter at a block's end (`Ever yours O.T.Q.`);
- `author`: an author named for the books after a verb of reading (`read Pellworth`).

`surname_mentions` then finds again the names found, and the bare surnames of the persons
named in full anywhere in the text (`Hedlund` alone), since a surname met with a forename,
initials or title names a person wherever it stands capitalised. A span is (start, end); of overlapping spans the
caller keeps the leftmost, then the longest.
"""
from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

from ..lexicon import word_zipf
from ..names import TITLES
from ..ocr import misreadings
from ..patterns import after_words, not_after, words_not_after
from .blocks import MINOR_WORDS
from .date_grammar import MONTH_NUMBER, WEEKDAYS

#: titles that only ever stand before a person's name: after them even a common word is a
#: surname (`Mr. Baker`), unless it names a role (`Mr. Chairman`)
HONORIFICS = frozenset("""Mr. Mr Mrs. Mrs Miss Ms. Messrs. MM. Mme. Mlle. Monsieur Madame Mademoiselle Herr Frau
Señor Senor Signor Mister Dr. Drs.""".split())
#: titles that are adjectives too (`General Strike`, `Private Property`, `Chief Clerk`)
ADJECTIVE_TITLES = frozenset("""General Gen. Private Major Maj. Chief Justice Count Don Saint Judge Brother Sister
Father Elder Deputy""".split())
#: a determiner before a title: title and word name a thing or an office (`the Bishop Palace`)
DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts)\s+$")
#: a determiner and an ordinal before a word: it ranks a thing (`the 1st Judicial District`, `the
#: Second Quillbury Regiment`)
RANKED_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:\d+(?:st|nd|rd|th|d)|First|Second|Third|"
                           r"Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)\s+$")
#: prepositions of place before a single word (`in Tula`, `at Verdun`)
PLACE_BEFORE = re.compile(r"\b(?:in|at|near|into)\s+$", re.IGNORECASE)
#: a capitalised word before a title: title and word are words of a heading or a work's
#: title (`The Great Prince Died`)
CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+$")
#: roles addressed with an honorific (`Mr. Speaker`, `Madame President`, `the Hon. Provincial
#: Secretary`, `Hon. Members`): an office, not a name, where a role opens or closes the words after a title;
#: and the offices and parties a court paper capitalises (`the Keeper of the Jail`, `the said
#: Defendants Osric Quillet`), the estate's (`Osric Quillet Administrator of ...`) and the
#: clerks' abbreviations of them (`Wm Quillet Clk`, `that Deft did`): alone, they stand for no
#: person (`names_an_office`), and after a name they are no part of it
ROLES = frozenset("""Chairman Chairwoman Speaker President Secretary Editor Mayor Justice Attorney Minister
Ambassador Chancellor Commissar Governor Senator Judge Sheriff Deputy Premier Commissioner Treasurer Solicitor
Postmaster Registrar Receiver Auditor Comptroller Executive Magistrate Constable Inspector Superintendent Officer
Engineer Coroner Alderman Councillor Collector Warden Keeper Jailer Jailor Gaoler Clerk Overseer Surveyor Assessor
Consul Envoy Plaintiff Defendant Petitioner Respondent Complainant Appellant Appellee Claimant Deponent Libellant
Member Members Administrator Administratrix Executor Executrix Guardian Marshal
Clk Deft Defts Dft Plff Plffs Pltf Petr Petrs Admr Admx Exr Exor Exx Atty Attys Shff""".split())
#: titles that say a woman or a man is meant: `Mrs. Pellworth` is not `Sir W. Pellworth`
FEMALE_TITLES = frozenset("""Mrs. Mrs Miss Ms. Mme. Mlle. Madame Mademoiselle Lady Dame Frau Queen Princess Countess
Duchess Baroness Empress Sister Doña Aunt""".split())
MALE_TITLES = frozenset("""Mr. Mr Messrs. Sir Lord Monsieur M. Herr King Prince Count Duke Baron Earl Father Brother
Bro. Emperor Don Señor Senor Signor Mister Uncle""".split())
#: English given names of 1700-1930 (their pet forms too) that are no common word (not
#: `Will`, `Grace`, `Mark`) nor a place's name (`Adelaide`, `Florence`, `Lawrence`): a woman's, a man's,
#: and those borne by both
ENGLISH_FEMALE_FORENAMES = frozenset("""
Abigail Ada Agnes Alma Amelia Amy Angelina Annie Arabella Barbara Beatrice Bertha Betsy
Betty Blanche Bridget Carrie Cecilia Cecily Celia Clara Clarissa Cora Cordelia Cornelia Delia Dinah Dora Dorcas
Dorothea Dorothy Edith Edna Effie Eliza Ella Elsie Emmeline Esther Ethel Eudora Eugenia Eunice Eva Fanny
Flora Frederica Georgiana Gertrude Hannah Hattie Helena Henrietta Hester Hetty Hilda Ida Isabel Isabella Jemima
Jennie Jenny Jessie Joanna Josephine Judith Julia Juliana Kate Katharine Katherine Kitty Laura Lavinia Leah
Letitia Lillian Lizzie Lottie Lucinda Lucretia Lydia Mabel Maggie Marian Marianne Matilda Maud Minnie Miriam Molly
Nancy Nellie Nelly Octavia Olivia Pauline Peggy Penelope Phebe Phoebe Polly Priscilla Rachel Rhoda Rosanna Ruth
Sally Sallie Sophia Sophie Susanna Susannah Tabitha Theodosia Theresa Ursula Winifred""".split())
ENGLISH_MALE_FORENAMES = frozenset("""
Aaron Abel Abner Abraham Abram Adam Alan Allan Alonzo Alvin Ambrose Amos Angus Archibald Asa Augustus Barnabas
Bartholomew Basil Ben Benedict Caleb Calvin Cecil Charley Charlie Christopher Clarence Claude Clement
Cornelius Cyrus Darius Dennis Donald Duncan Edwin Eli Elias Elijah Elisha Elmer Emanuel Enoch
Ephraim Erasmus Ezekiel Ezra Ferdinand Gabriel Gideon Gilbert Godfrey Gustavus Harvey Hector Herman Hezekiah
Horace Horatio Hubert Humphrey Ichabod Ira Isaiah Jabez Jasper Jeremiah Jerome Jesse Jim Jimmy Joe Joel Jonas
Jonathan Josiah Laurence Lemuel Leonard Levi Lewis Lionel Lorenzo Lucius Luke Luther Malcolm Marcus
Matthias Maurice Micah Morris Moses Nathan Ned Nehemiah Noah Obadiah Oliver Oscar Owen Percival Percy Phineas
Randolph Reuben Roger Roland Rufus Rupert Sam Sampson Samson Silas Solomon Sylvester Terence Theodore Theophilus
Tobias Tom Uriah Vincent Wilfred Wilhelm Willie Zachariah Zachary Zebulon""".split())
ENGLISH_EITHER_FORENAMES = frozenset({"Evelyn", "Marion"})
#: forenames known without a register (common given names of several languages)
COMMON_FORENAMES = frozenset("""
Adolf Adolph Albert Alexander Alexandra Alexei Alfred Alice Andre André Andrei Andrew Ann Anna Anne Anton
Antonio Arthur Augusto Benjamin Bernard Boris Carl Caroline Carlos Catherine Charles Charlotte Christian
Daniel David Diego Dmitri Edgar Edmund Edouard Edward Eleanor Elizabeth Ellen Emil Emile Emily Emma Ernest
Ernst Eugene Felix Frances Francis Francisco Frank Franz Fred Frederick Friedrich Georg George Georges
Gregory Grigory Hans Harold Harriet Harry Heinrich Helen Henri Henry Herbert Hermann Hugh Hugo Ignace
Isaac Ivan Jacob Jacques Jane James Jan Jean Johann John Jose José Joseph Joshua Jules Julius Karl Konrad
Lazar Leo Leon Leonid Lev Louis Louisa Lucy Ludwig Manuel Margaret Maria Marie Martha Martin Mary Matthew
Max Maxim Michael Mikhail Nadezhda Natalia Nathaniel Nicholas Nikolai Norman Otto Patrick Paul Pavel
Peter Philip Pierre Pyotr Ralph Rebecca Richard Robert Rosa Rudolf Samuel Sarah Sergei Sidney Simon
Stanley Stephen Susan Thomas Timothy Vasili Victor Vladimir Walter William Willi Yakov Yuri
""".split()) | ENGLISH_FEMALE_FORENAMES | ENGLISH_MALE_FORENAMES | ENGLISH_EITHER_FORENAMES
#: the forenames above (and abbreviated ones) that name a woman, and those that name a man;
#: a name borne by both (`Jean`, `Jan`) is in neither
FEMALE_FORENAMES = frozenset("""Alexandra Alice Ann Anna Anne Caroline Catherine Charlotte Eleanor Elizabeth Ellen
Emily Emma Frances Harriet Jane Louisa Lucy Margaret Maria Marie Martha Mary Nadezhda Natalia Rebecca Rosa Sarah
Susan Eliz. Margt.""".split()) | ENGLISH_FEMALE_FORENAMES
MALE_FORENAMES = COMMON_FORENAMES - FEMALE_FORENAMES - ENGLISH_EITHER_FORENAMES - {"Jean", "Jan"}
#: forenames as abbreviated in print (`Wm. Pellworth`, `Chas. Fenwick`)
ABBREVIATED_FORENAMES = frozenset("""Wm. Geo. Chas. Thos. Jas. Jno. Benj. Robt. Saml. Richd. Edw. Alex. Fred. Hy.
Jos. Danl. Nathl. Wmn. Eliz. Margt. Mich. Steph. Theo. Ed.""".split())
ABBREVIATED_MALE = ABBREVIATED_FORENAMES - FEMALE_FORENAMES
#: last words that make a name a place (`Thomas Springs`, `Quill River`), not a person: features
#: of the land, churches and the law's divisions of it (`Quillabee Territory`), in forms that are
#: rarely surnames, in any case (`QUILL CHAPEL`)
PLACE_NOUNS = frozenset("""Springs Ponds Pool Hills Creek River Range Ranges Lake Lakes Bay Bluff Bluffs Camp Camps
Island Islands Isle Valley Vale Street Road Square Downs Plains Falls Wells Gap Harbour Harbor Cape County Parish
Mts Mt Mount Mountains Peak Point Pt Station Sound Strait Gulf Desert Plateau Swamp Lagoon Reef
Ck Cks Spgs Ra Rd Rr Church Chapel Cathedral Abbey Territory Township District""".split())
#: the place nouns above that are common surnames too: after a forename or an initial
#: they end a person's name (`Osric Wells`, `Hannah B Church`)
SURNAME_PLACE_NOUNS = frozenset("""Wells Church Chapel Pool Hills Downs""".split())
#: an initial in a name, its stop lost (`Hannah B Church`)
BARE_INITIAL_WORD = re.compile(r"(?<=\s)[A-HJ-Z](?=\s)")
#: words that start a place's name (`Mount Quillet`, `Santa Quillabee`, `Mt. Pellworth`): the
#: name after them is the place's, not a person's
PLACE_PREFIXES = frozenset("""Mount Mt Lake Fort Port Cape Santa San Sierra""".split())
#: points of the compass, which a text capitalises as directions (`flowed West`), never persons
COMPASS_WORDS = frozenset("""North South East West Northeast Northwest Southeast Southwest Northward Southward
Eastward Westward Northerly Southerly Easterly Westerly""".split())
#: a coordinate's words after a point of the compass (`North Lat.`, `South Longitude`)
COORDINATE_WORDS = frozenset("""Lat Latitude Long Longitude""".split())
#: initials that make a point of the compass (`N. W. Quillabee`), or `N.` or `S.` run into a
#: second initial as a state's is (`N.Q. Quillabee`, `S.Q. Government`): a place follows; one
#: initial alone (`E. Quillabee`), spaced from the next (`E. A. Quillabee`), or `E.`/`W.` run
#: into one (`W.H. Quillet`: far more often a man's initials than a region's) is a forename's
COMPASS_INITIALS = re.compile(r"(?:[NS]\.\s*[EW]\.\s*(?:[EW]\.\s*)?|[NS]\.[A-Z]\.\s*)[^\W\d_]")
CAPITAL = "[A-ZÀ-Þ]"
#: a name word after its capital
NAME_WORD_TAIL = (r"(?:(?:['’][A-ZÀ-Þ])?(?:[a-zà-ÿ]+[A-ZÀ-Þ])?[a-zà-ÿ]+(?:-[A-ZÀ-Þ][a-zà-ÿ]+)?"
                  r"|(?:(?<=M)a?c)?(?:['’](?!S\b)[A-ZÀ-Þ]|[A-ZÀ-Þ])+(?:-[A-ZÀ-Þ]+)?)")
#: a name word: `Hedlund`, `McDonald`, `O'Brien`, `Smith-Jones`, or in capitals `HEDLUND` (`HEDLUND'S` is his,
#: `McHEDLUND` as debates print a Scots name)
NAME_WORD = f"(?:{CAPITAL}{NAME_WORD_TAIL})"
#: a name word that starts a word: no letter, period, apostrophe or hyphen before it
NAME_WORD_STARTING = "(?:" + not_after(r"[\w.'’-]", CAPITAL) + NAME_WORD_TAIL + ")"
#: particles inside a name (`Ludwig van Beethoven`)
PARTICLE = r"(?:van|von|de|del|della|der|den|du|da|di|la|le|ten|ter)"
INITIAL_DOT = r"\.\s*"
#: an initial that OCR read twice, the second time in small letters (`Osric Tt. Quillet`): no word is
#: a letter doubled so
LETTER_TWINS = "|".join(letter + letter.lower() for letter in string.ascii_uppercase)
DOUBLED_LETTER = f"(?:{LETTER_TWINS})"
#: the second letter of such an initial, after its capital: led by the capital, as `re` scans for it
TWIN = f"(?:[a-z](?<={LETTER_TWINS}))?"
#: an initial, OCR's doubled one, or after another one OCR's `IT.` for a worn `H.` (`Osric IT. Quillet`)
INITIAL = rf"(?:{CAPITAL}{TWIN}|IT(?=\.))" + INITIAL_DOT
#: a later initial whose full stop OCR read as a hyphen (`O. T- Quillet`), a space after it; not `I`
#: nor `O`, which are words
HYPHENED_INITIAL = r"[A-HJ-NP-Z]-[ \t]+"
#: the end of a name: no word, apostrophe-word (a possessive `'s` or `'S` aside) or hyphen-word goes on
NAME_END = r"(?!\w)(?!['’](?![sS]\b)\w)(?!-\w)"
TITLES_LONGEST_FIRST = sorted(TITLES, key=len, reverse=True)
TITLE_ALT = "|".join(map(re.escape, TITLES_LONGEST_FIRST))
#: a title that starts a word
TITLE_STARTING_ALT = words_not_after(r"[\w.]", TITLES_LONGEST_FIRST)
ABBREVIATED_ALT = "|".join(re.escape(f) for name in sorted(ABBREVIATED_FORENAMES) for f in (name, name.upper()))
#: OCR may lose the space between a title's full stop and a name in capitals (`Mr.QUILLET.—`)
TITLED = re.compile(
    rf"(?:{TITLE_STARTING_ALT})(?:\s+(?:{TITLE_ALT}))*(?:(?<=[\w.])\s+|(?<=\.)(?=(?:Ma?c)?[A-Z]{{2}}))"
    rf"(?P<name>(?:(?:{ABBREVIATED_ALT})\s+)?(?:{INITIAL}(?:{HYPHENED_INITIAL})?)*(?:{PARTICLE}\s+)?{NAME_WORD}"
    rf"(?:\s+(?:{INITIAL})*(?:{PARTICLE}\s+)?{NAME_WORD}){{0,2}}){NAME_END}")
#: the title right before a name
TITLE_BEFORE = re.compile(rf"(?<![\w.])({TITLE_ALT})(?:\s+|(?<=\.))$")
#: one to three initials, the first starting a word; not after an ampersand, where `&c.` /
#: `&C.` is `et cetera` (`pots, kettles &C. Col. Pellworth`)
INITIAL_STARTING = not_after(r"[\w.&]", CAPITAL) + TWIN
INITIALS = re.compile(INITIAL_STARTING + INITIAL_DOT
                      + rf"(?:{INITIAL}|{HYPHENED_INITIAL}){{0,2}}(?:{PARTICLE}\s+)?{NAME_WORD}{NAME_END}")
#: a middle initial whose full stop OCR lost (`Quintus T Pellworth`); not the pronoun `I` nor `O`
BARE_INITIAL = r"[A-HJ-NP-Z]\s+"
#: two or three initials of which some lack their stop, as hands write them (`J H Quillet`,
#: `O. P Pellworth`), then a surname in small letters; not `I` nor `A`, which are words
LOOSE_INITIALS = re.compile(not_after(r"[\w.'’&-]", "[B-HJ-Z]") + r"\.?\s+(?:[B-HJ-Z]\.?\s+){1,2}"
                            + rf"(?:{PARTICLE}\s+)?{CAPITAL}[a-zà-ÿ]" + NAME_WORD_TAIL + NAME_END)
#: a middle initial whose full stop a comma took, as OCR or a hand puts it (`Osric L, Quillet`)
COMMA_INITIAL = r"[A-HJ-NP-Z],[ \t]+"
FORENAME = re.compile(
    rf"(?P<first>{NAME_WORD_STARTING}\.?)"
    rf"(?:\s+(?:{INITIAL})+|\s+{BARE_INITIAL}|\s+{COMMA_INITIAL}|\s+(?:{PARTICLE}\s+)?)"
    rf"(?:{NAME_WORD}){NAME_END}")
#: a lower-case word and a full stop after a name-like span: a prescription (`R. Ferri sulph.`),
#: where the word is an abbreviation (`abbreviation_after`), not a verb ending the sentence
LATIN_ABBREVIATION = re.compile(r"\s+(?P<word>[a-z]{2,})\.")
#: a word this short, or this rare in English, before a full stop is an abbreviation
ABBREVIATION_LENGTH, ABBREVIATION_ZIPF = 3, 4.0
#: endings of words derived from names (`Trotskyism`, `Marxists`, `Leninite`): not persons;
#: after a stem of four letters at least (`White`, `Christ` are no derived words), and
#: never `-quist`, a Swedish surname's ending (`Lindquist`)
DERIVED = re.compile(r"(?<=\w{4})(?<!qu)(?:ism|isms|ist|ists|ite|ites)$", re.IGNORECASE)
#: a word this common in English that the text also writes in lower case is a noun or an
#: adjective (`General Staff`), not a surname
COMMON_WORD_ZIPF = 4.3
#: all-capital words this short are acronyms
ACRONYM_LENGTH = 4
#: a word this common is a function word (`In`, `This`), never part of a name
FUNCTION_WORD_ZIPF = 6.0
#: a word this common is never taken for a surname (`Part I. The war`, `John Power`)
VERY_COMMON_ZIPF = 5.3

Span = tuple[int, int]


@dataclass(frozen=True)
class Known:
    """What the rules know of the words: the forenames, the words the text writes in lower
    case, and whether a lone `M.` before a surname is `Monsieur` there (`reads_m_as_monsieur`)."""

    forenames: frozenset[str] = COMMON_FORENAMES
    lower_words: frozenset[str] = frozenset()
    monsieur: bool = False

    def is_common(self, word: str) -> bool:
        """A common English word rather than a name: very frequent, or frequent and also
        written in lower case in this text."""
        frequency = word_zipf(word)
        return frequency >= VERY_COMMON_ZIPF or (frequency >= COMMON_WORD_ZIPF and word.lower() in self.lower_words)


def is_abbreviated_forename(word: str) -> bool:
    """`Wm.`, or `Wm` as hands write it without the stop."""
    return word.rstrip(".").title() + "." in ABBREVIATED_FORENAMES


def title_before(text: str, start: int) -> str:
    """The title right before `start` (`Mrs.`, `Mayor`), or ``."""
    title = TITLE_BEFORE.search(text, max(0, start - 16), start)
    return title.group(1) if title else ""


def sex_of_title(title: str) -> str:
    """`f` or `m` when a title (`title_before`) says a woman or a man is meant, else ``."""
    title = title.title() if title.isupper() else title      # `MRS.` as `Mrs.`
    return "f" if title in FEMALE_TITLES else "m" if title in MALE_TITLES else ""


#: titles a forename may follow (`Sir Osbert`, `Lady Hester`, `King Osric`, `St. Osbert`,
#: `Comrade Hester`); after any other (`Mayor Tobias`, `Mr. Quillet`, `Capt. Glass`) a single
#: name is a surname
FORENAME_TITLES = frozenset("""Sir Dame Lady Lord King Queen Prince Princess Saint St. Pope Emperor Empress Tsar Czar
Brother Bro. Sister Father Don Doña Uncle Aunt Cousin Comrade Comrades Citizen""".split())


def takes_surname(title: str) -> bool:
    """Whether a title (`title_before`) takes a surname after it (`Mayor Tobias`)."""
    return bool(title) and title not in FORENAME_TITLES


#: what follows a name that is a firm's (`Glass & Co.`, `Quillet & Sons`, `Pellworth Bros.`,
#: `Quillet & Brothers`); not `and Co.` nor `and Company`, which in prose are a person and his
#: like (`Pellworth and Co. lied`)
FIRM_AFTER = re.compile(r"\s*(?:&\s*(?:Co\b|Company\b|Sons\b|Brothers\b)|Bros\b|Brothers\b)")


def names_a_firm(text: str, end: int) -> bool:
    """Whether the name ending at `end` is a firm's: `& Co.`, `and Sons` or `Bros.` follows it."""
    return bool(FIRM_AFTER.match(text, end))


def sex_of_forename(name: str) -> str:
    """`f` or `m` when a name of several words opens with a forename borne by women or by
    men only (`Ann Pellworth`); a name alone may be a surname (`Mrs. George`), and says nothing."""
    words = name.split()
    first = words[0].title() if len(words) > 1 else ""
    return "f" if first in FEMALE_FORENAMES else "m" if first in MALE_FORENAMES or first in ABBREVIATED_MALE else ""


#: words that open a phrase and are no name: where a span ends in one, the next sentence or
#: page began with it (`Osric Quillet Some of them came`); after a title, a letter's closing
#: goes on (`dear Sir / Most sincerely yours`)
PHRASE_OPENERS = frozenset("""Some Any All Many Most Several Few Each Every None Such This That These Those
Their His Her Its Our My Your Both Either Neither Another""".split())
#: titles of kin, which take a forename (`Uncle Osric`, `Aunt Hannah`), never a word the text
#: writes in lower case too (`I wrote Uncle Yesterday`, in a hand that capitalises its nouns)
KIN_TITLES = frozenset({"Uncle", "Aunt", "Cousin"})
#: a letter's salute, its title last on its line (`Dear Uncle`, `Honoured Sir`): the line
#: after it opens the letter, whatever its first word (`Permit me`, `On receipt of`)
SALUTE_LINE = re.compile(rf"(?:^|\n)[ \t]*(?:My[ \t]+)?(?:[Dd]ear|DEAR|[Hh]onou?red|[Rr]espected|[Ee]steemed)"
                         rf"(?:[ \t]+(?:{TITLE_ALT}))+[ \t]*,?[ \t]*\n")


def is_kin_word(title: str, word: str, known: Known) -> bool:
    """Whether `word` after `title` is a word the text writes in lower case after a title of
    kin (`Uncle Yesterday`), no forename (`Uncle Osric`)."""
    return title in KIN_TITLES and word.lower() in known.lower_words and word.title() not in known.forenames


def titled(text: str, known: Known) -> list[Span]:
    """`Hon. Mr. QUIGLEY`, `Bishop Pellworth`: a name after titles, unless its words are common;
    a common word is a surname too after an honorific (`Mr. Baker`), or after a title that is
    no adjective and follows no article nor capitalised word (`Bishop Baker`, not `the Bishop
    Palace` nor `The Great Prince Died`); never an article, preposition or conjunction (a
    salute's `Sir` / `On receipt of`) nor a word that opens a phrase (`dear Sir / Most
    sincerely`), nor the first word after a salute's line (`Dear Uncle` / `Permit me`), nor a
    word after a title of kin that the text writes in lower case too."""
    found = []
    heading = None          # whether the text is a heading's (`capitalises_all`): read once, if asked
    for m in TITLED.finditer(text):
        words = [w for w in m.group("name").split() if not w.endswith(".")]
        title = TITLE_BEFORE.search(text, max(0, m.start("name") - 16), m.start("name")).group(1)
        before = text[max(0, m.start() - 16):m.start()]
        personal = title in HONORIFICS or not (title in ADJECTIVE_TITLES or DETERMINER_BEFORE.search(before)
                                               or CAPITALISED_BEFORE.search(before))
        common = all(known.is_common(w) and w not in known.forenames for w in words)
        if DERIVED.search(words[-1]) or words[0].title() in ROLES or words[-1].title() in ROLES \
                or words[0].lower() in MINOR_WORDS or words[0].title() in PHRASE_OPENERS \
                or is_kin_word(title, words[0], known) \
                or SALUTE_LINE.search(text, max(0, m.start() - 40), m.start("name") + 1) \
                or common and not (personal and not plural_noun(words[-1], known)):
            continue
        if words[0] in TITLES and words[0] not in FEMALE_TITLES | MALE_TITLES \
                and not (title in HONORIFICS and len(words) == 1):   # `the Deputy Marshal`, not `Mr. Bishop`
            continue
        span = without_function_words(text, *m.span("name"))
        heading = capitalises_all(text) if heading is None else heading
        span = without_headline_verb(text, *span, known) if heading else span
        if span:
            found.append(span)
    return found


def listed_names(text: str, end: int, known: Known) -> list[Span]:
    """The names listed right after `end` (`, Osric and T. Hesper`), each one that
    `may_be_authority`: the list ends at the first that is not."""
    found = []
    for listed in LISTED_NAME.finditer(text, end):
        if listed.start() != end or not may_be_authority(listed["name"], known):
            break
        found.append(listed.span("name"))
        end = listed.end()
    return found


#: a word long enough to be no article, preposition or conjunction (`of`, `the`, `and`)
LONG_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
#: endings of a verb's forms (`Departs`, `Praised`, `Taken`), and how common the word they
#: end must be for the form to be a verb's
VERB_ENDINGS = ("s", "es", "d", "ed", "n", "en")
VERB_STEM_ZIPF = 3.5


def capitalises_all(text: str) -> bool:
    """Whether a text's long words are all capitalised, two at least: a heading, a title."""
    words = LONG_WORD.findall(text)
    return len(words) >= 2 and all(word[0].isupper() for word in words)


def is_verb_form(word: str, known: Known) -> bool:
    """Whether a word is a common verb's form (`Praises`, `DEPARTS`, `Taken`), not a forename's
    (`Edwards`)."""
    word = word.lower()
    stems = [word[:-len(ending)] for ending in VERB_ENDINGS if word.endswith(ending)]
    return any(len(stem) >= 3 and word_zipf(stem) >= VERB_STEM_ZIPF and stem.title() not in known.forenames
               for stem in stems)


def without_headline_verb(text: str, start: int, end: int, known: Known) -> Span | None:
    """A name after a title in a heading, where every word is capitalised, without the
    headline's verb after its surname (`Sen. QUILLET DEPARTS`, `Mrs. J. Quillet Taken`);
    None where the word after the title is a verb and more words follow (`Governor Praises
    Quillbury Girls`: the title is the headline's subject); after a forename, the surname is
    the next word, whatever it is (`John Banks Opens`)."""
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[start:end])
             if not INITIAL_WORD.fullmatch(m.group())]
    if len(words) < 2:
        return start, end
    surname = int(words[0][1].title() in known.forenames or is_abbreviated_forename(words[0][1]))
    if not surname and is_verb_form(words[0][1], known):
        return None
    verb = next((at for at, word in words[surname + 1:] if is_verb_form(word, known)), None)
    return (start, start + len(text[start:start + verb].rstrip())) if verb else (start, end)


def plural_noun(word: str, known: Known) -> bool:
    """Whether a word is a plural the text also writes in lower case (`Messrs. Democrats`)."""
    return word.endswith("s") and word.lower() in known.lower_words


def without_function_words(text: str, start: int, end: int) -> Span:
    """A name span without the words at its end that are function words (`Miss Fairhurst In this`:
    `In` starts the next sentence)."""
    words = text[start:end].split()
    while len(words) > 1 and word_zipf(words[-1]) >= FUNCTION_WORD_ZIPF:
        end = start + len(text[start:text.rindex(words.pop(), start, end)].rstrip())
    return start, end


def abbreviation_after(text: str, end: int) -> bool:
    """Whether a lower-case abbreviation follows `end` (`R. Ferri sulph.`, `Quill gr. 2`), as
    in a prescription; a common word before a full stop ends a sentence (`Tarrant agreed.`)."""
    after = LATIN_ABBREVIATION.match(text, end)
    return bool(after) and (len(after["word"]) <= ABBREVIATION_LENGTH or word_zipf(after["word"]) < ABBREVIATION_ZIPF)


#: letters after a name and its comma that say an office or a degree (`Quillet, J.P.`,
#: `Pellworth, M.D.`), set close as initials never are; the word after them is no surname
POST_NOMINALS = frozenset("""J.P. M.P. M.D. D.D. LL.D. K.C. Q.C. F.R.S. M.A. B.A. D.C.L. R.N. U.S.N. C.B.
K.C.B. F.S.A. Ph.D. S.J.""".split())


#: the nouns of a vessel, which a ship's name or initials come before (`the tanker Ruth`, `H. M. Brig`)
SHIP_NOUNS = ("ship", "steamer", "steamship", "tanker", "vessel", "boat", "schooner", "brig", "brigantine", "barque",
              "bark", "frigate", "sloop", "yacht", "cruiser", "liner")


#: a US state's initials, which follow its town (`Quillbury N.Y.`, `Tulverton, D.C.`) as no one's initials do
STATE_INITIALS = frozenset("N.Y. N.J. N.H. N.C. N.M. S.C. R.I. D.C.".split())
#: a capitalised word, perhaps with its comma, right before a span (a town before its state)
CAPITALISED_COMMA_BEFORE = re.compile(r"\b[A-Z][\w'’-]*,?[ \t]+$")


def state_after_town(text: str, start: int, initials_: str) -> bool:
    """Whether initials are a US state's after its town (`Quillbury N.J. June`), no person's
    (`N. C. Quillet` at a sentence's start or after a word in lower case still is)."""
    return initials_.replace(" ", "") in STATE_INITIALS \
        and bool(CAPITALISED_COMMA_BEFORE.search(text, max(0, start - 30), start))


#: a navy's or a line's designation of a ship (`H.M.S.`, `H.M.S.V.`, `H.M.C.S.`, `U.S.S.`), or `H.M.` before a
#: vessel's noun (`H. M. Steam Sloop Hesper`): the name it opens or stands before is a vessel's
VESSEL_DESIGNATION = re.compile(r"\b(?:H\.\s?M\.\s?(?:C\.\s?)?S\.(?:\s?V\.)?|U\.\s?S\.\s?S\."
                                r"|H\.\s?M\.(?=\s*(?i:steam\s+)?(?i:" + "|".join(SHIP_NOUNS) + r")s?\b))[\s\"“]*")


def names_a_vessel(text: str, start: int, end: int) -> bool:
    """Whether a ship's designation opens the name or stands right before it (`H.M.S. Hesper`, `left H. M.
    Steam Sloop`); a person's initials that are no designation (`S. S. Quillet`, `H. M. Quillet`) are not concerned."""
    low, high = max(0, start - 12), min(len(text), end + 30)
    if "M." not in text[low:high] and "S." not in text[low:high]:      # one of them is in every designation
        return False
    return any(m.end() >= start for m in VESSEL_DESIGNATION.finditer(text, low, high) if m.start() < end)


#: an article right before a name makes it a thing (`the Victoria`, `a Hobson's choice`), and
#: initials a country's or a body's (`the U. S. Quillabee Agency`), not a person's (`U. S. Quillet`)
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)


#: French titles before a name (`MM. Quillet and Osric`, `Mme. Pellworth`, `Monsieur Osric`)
FRENCH_TITLED = re.compile("(?:" + words_not_after(r"[\w.]", ("MM.", "Mme.", "Mmes.", "Monsieur", "Messieurs"))
                           + r")\s+[A-Z]")


def reads_m_as_monsieur(texts: list[str]) -> bool:
    """Whether a text that gives persons French titles (`FRENCH_TITLED`): there a lone `M.`
    before a surname is `Monsieur` too (`M. Osric`), a title, where elsewhere it is an initial
    as likely (`M. Quillet, Bookseller`)."""
    return any(map(FRENCH_TITLED.search, texts))


def initials(text: str, known: Known) -> list[Span]:
    """`J. M. Pellworth`: initials and a surname that is not a very common word, a role
    (`U. S. Minister`: a country's) nor after a vessel's noun (`H. M. Brig Hesper`), unless a Latin
    abbreviation follows, an article stands before them (`the U. S. Quillabee Agency`), the
    initials are an office or degree after a name (`Quillet, J.P. Quillabee`: a justice of the
    peace, then a place), or a US state's after its town (`Quillbury N.J. June`), or they are a
    lone `M.` that the text reads as `Monsieur`, a title."""
    found = []
    matches = {m.span(): m for pattern in (INITIALS, LOOSE_INITIALS) for m in pattern.finditer(text)}
    for m in matches.values():
        surname = m.group().split()[-1]
        if word_zipf(surname) >= VERY_COMMON_ZIPF or DERIVED.search(surname) or names_an_office(surname) \
                or any(word.rstrip(".").lower() in SHIP_NOUNS for word in m.group().split()) \
                or abbreviation_after(text, m.end()):
            continue
        if m.group()[:-len(surname)].strip() in POST_NOMINALS and text[max(0, m.start() - 4):m.start()].rstrip().endswith(","):
            continue
        if ARTICLE_BEFORE.search(text, max(0, m.start() - 5), m.start()) \
                or state_after_town(text, m.start(), m.group()[:-len(surname)].strip()):
            continue
        start = forename_before(text, m.start(), known)
        if known.monsieur and start == m.start() and m.group()[:-len(surname)].strip() == "M.":
            continue
        found.append((start, m.end()))
    return found


#: a name word right before a span, or an abbreviation of one (`Wm.`, `Mt.`), parted from it by spaces only
NAME_WORD_BEFORE = re.compile(rf"(?<![\w.'’-])({NAME_WORD})(\.?)[ \t]+$")


def forename_before(text: str, start: int, known: Known) -> int:
    """Where a name starts that has a forename or initials: at the word before them when that
    word is a forename, one abbreviated as printers do (`Wm. T.`), or a name word neither
    common, nor written in lower case, nor a title or an office, nor one OCR misread
    (`Goverhor`), nor a place's after its preposition (`Quintus T.`, `Hester Jane Quillet`, not
    `the said Defendants Hester Quillet` nor `sitting at Quillbury Hester Quillet`). Of a word
    joined by a hyphen to a title, an office or a common word
    (`Lieutenant-Governor J.`, a dash OCR read as a hyphen: `Property-William R.`) only a
    forename at its end is the name's."""
    word = NAME_WORD_BEFORE.search(text, max(0, start - 30), start)
    if not word or word.group(1) + word.group(2) in TITLES or word.group(1).removesuffix("s") in TITLES \
            or names_an_office(word.group(1)) or is_misread_title(word.group(1)):
        return start
    name = word.group(1)
    *parts, last = name.split("-")
    if any(part in TITLES or names_an_office(part) or word_zipf(part) >= COMMON_WORD_ZIPF
           and part.title() not in known.forenames for part in parts):
        return word.end(1) - len(last) if last.title() in known.forenames else start
    if word.group(2):
        return word.start(1) if (name + ".").title() in ABBREVIATED_FORENAMES else start
    sentence_word = word_zipf(name) >= COMMON_WORD_ZIPF and opens_sentence(text, word.start(1))
    place_word = PLACE_BEFORE.search(text, max(0, word.start(1) - 8), word.start(1))
    if name.title() in known.forenames or not (known.is_common(name) or name.lower() in known.lower_words
                                               or sentence_word or place_word):
        return word.start(1)
    return start


def is_misread_title(word: str) -> bool:
    """A title as OCR misread it (`Goverhor`, `Jndge`): one of OCR's usual misreadings
    (`teikit.ocr.misreadings`) makes a title of it."""
    return word not in TITLES and any(reading in TITLES for reading in misreadings(word))


def opens_sentence(text: str, start: int) -> bool:
    """Whether a word at `start` begins a sentence, where a capital proves nothing."""
    return bool(SENTENCE_START.search(text, max(0, start - 4), start))


#: a name word right after a name, on its line (`Peter Paul` / `Hedlund`)
NAME_WORD_AFTER = re.compile(rf"[ \t]+({NAME_WORD}){NAME_END}")


def forename(text: str, known: Known) -> list[Span]:
    """`Peter Hedlund`, `Wm. Hedlund`: a known forename, or one abbreviated as printers do,
    then a surname that is not a common word (any but a function word after initials:
    `Peter J. Baker`, `Peter J Baker` where OCR lost the initial's full stop), and one more
    such word after a second forename (`Peter Paul Hedlund`, not `Peter Hedlund Street`). A
    word that starts no name is passed over alone, so the forename after it is still seen
    (`the Army. John D. Hedlund`)."""
    found = []
    m = FORENAME.search(text)
    while m:
        first = m.group("first")
        surname = m.group().split()[-1]
        with_initial = INITIAL_WORD.search(m.group()) or len(m.group().split()) == 3
        common = word_zipf(surname) >= FUNCTION_WORD_ZIPF if with_initial else known.is_common(surname)
        if (not is_abbreviated_forename(first) and first.title() not in known.forenames) \
                or common or surname.title() in known.forenames or DERIVED.search(surname):
            m = FORENAME.search(text, m.start() + len(first))
            continue
        end = m.end()
        last = NAME_WORD_AFTER.match(text, end)
        if not with_initial and last and is_surname(last.group(1)) and word_zipf(last.group(1)) < COMMON_WORD_ZIPF \
                and last.group(1).title() not in ROLES | PLACE_NOUNS:
            end = last.end()                      # `Peter Paul Hedlund`: the surname after a second forename
        found.append((forename_before(text, m.start(), known), end))
        m = FORENAME.search(text, end)
    return found


#: verbs of speech after a name (`Hedlund said`, `Hedlund, replied`), and of what only a person
#: does from a pulpit or in the mind (`Hedlund preached`, `heard Hedlund preach`, `Hedlund
#: officiated`, `which Hedlund thinks the best`), a diarist's words for the persons met
SPEECH_VERBS = ("said", "says", "replied", "replies", "answered", "asked", "declared", "exclaimed", "told", "tells",
                "wrote", "writes", "promised", "confessed", "testified", "remarked",
                "preached", "preaches", "preach", "officiated", "thinks")
#: `said to be`, `said to have`: the passive, of a thing as often as of a person (`Osbert's
#: Lives said to be in the library`), nobody speaking
SPEECH_AFTER = rf"(?:\s*,)?\s+(?:{'|'.join(SPEECH_VERBS)})\b(?!\s+to\s+(?:be|have)\b)"
#: persons named (`a man named Hedlund`, `his slave called Hedlund`)
NAMING_VERBS = ("named", "called")
#: nouns for a person that a demonstrative sets before a name (`that man Hedlund`, `the old woman Hedlund`)
PERSON_NOUNS = ("man", "woman", "boy", "girl", "fellow", "lad", "gentleman", "lady")
NAMED_BEFORE = ("(?:(?:" + words_not_after(r"\w", """man woman men boy girl child fellow gentleman lady person chief
slave servant guide son daughter wife husband brother sister""".split()) + rf")\s+(?:{'|'.join(NAMING_VERBS)})"
                + "|(?:" + words_not_after(r"\w", ("the", "that", "this", "The", "That", "This")) + r")\s+"
                + rf"(?:(?:old|young|poor)\s+)?(?:{'|'.join(PERSON_NOUNS)}))\s+")
#: a noun for a person before a capital: a text where NAMED's demonstrative branch may match
NOUN_BEFORE_CAPITAL = re.compile("(?:" + words_not_after(r"\w", PERSON_NOUNS) + r")\s+[A-Z]")
#: `of` or an article right before a word: the word is what a speaker is of (`the Times of
#: Quillabee writes`), or a body (`the Quillabeans replied`)
OF_OR_ARTICLE_BEFORE = re.compile(r"\b(?:of|[Tt]he|[Aa]n?)\s+$")
SPOKEN = rf"(?P<name>{NAME_WORD_STARTING}){NAME_END}(?={SPEECH_AFTER})"
NAMED = rf"{NAMED_BEFORE}(?P<named>{NAME_WORD}(?:\s+(?:{INITIAL})*{NAME_WORD}){{0,2}}){NAME_END}"
#: the speaker's pattern for a text that holds verbs of speaking, of naming, or both, as
#: (speaking, naming): each kind alone opens with characters `re` scans for (a capital, or
#: a word's first letter), which the two together leave it none of; a verb is looked for by
#: `in`, a C search for a string, where an alternation of them would be tried at every
#: letter that starts one
SPEAKER = {(True, False): re.compile(SPOKEN), (False, True): re.compile(NAMED),
           (True, True): re.compile(f"{SPOKEN}|{NAMED}")}


def speaker(text: str, known: Known) -> list[Span]:
    """`Hedlund said`, `a man named Hedlund`, `that man Hedlund`: a single name word that speaks
    or is named, not
    a common word (`He said`; a forename named is a name however common: `a boy named
    John`), a title, an office (`The COLONIAL SECRETARY replied`), an acronym (`NATO said`), a
    point of the compass, a word after an article, what the speaker is of (`the Mayor of
    Quillabee said`), or a word opening a sentence that the text also writes in lower case
    (`Commanding said sheriff`: the capital is the sentence's, and `said` the court's
    adjective); the caller drops the words its text makes places."""
    found = []
    verbs = (any(verb in text for verb in SPEECH_VERBS),
             any(verb in text for verb in NAMING_VERBS) or bool(NOUN_BEFORE_CAPITAL.search(text)))
    if not any(verbs):
        return found
    for m in SPEAKER[verbs].finditer(text):
        group = m.lastgroup
        start, end = without_function_words(text, *m.span(group))
        word = text[start:end].split()[-1]
        if known.is_common(word) and not (group == "named" and word.title() in known.forenames) \
                or word in TITLES or word in COMPASS_WORDS or DERIVED.search(word) \
                or names_an_office(word) \
                or (word.isupper() and len(word) <= ACRONYM_LENGTH) \
                or OF_OR_ARTICLE_BEFORE.search(text, max(0, start - 8), start) \
                or (word.lower() in known.lower_words and opens_sentence(text, start)):
            continue
        found.append((forename_before(text, start, known) if group == "name" else start, end))
    return found


#: kin and status words a court paper or a letter sets before a forename alone (`his wife
#: Hannah`, `the said negro Osric`), after an owner or a determiner
KIN_WORDS = ("wife", "husband", "son", "daughter", "widow", "negro", "negress", "mulatto", "slave")
#: an owner and a word of the family before a forename (`my son Osbert`, `her husband Tobias`), or
#: a brother as a diary abbreviates the word (`flute with Bro. Osbert`): the forename is a
#: relative's, whoever else of that forename the text names in full. Not a church's `Brother
#: Osbert` nor `Sister Hannah`, written out, which call its members by forename: the one
#: Osbert named in full
FAMILY_WORDS = ("wife", "husband", "son", "daughter", "brother", "sister", "father", "mother", "uncle", "aunt",
                "cousin", "nephew", "niece")
FAMILY_BEFORE = re.compile(rf"(?:\b(?:his|her|their|my|our|your)\s+(?:{'|'.join(FAMILY_WORDS)})|(?<![\w.])Bro\.)\s+$",
                           re.IGNORECASE)


def names_a_relative(text: str, start: int) -> bool:
    """Whether the name at `start` follows an owner and a word of the family (`my son Osbert`),
    or a brother's abbreviated title (`Bro. Osbert`)."""
    return bool(FAMILY_BEFORE.search(text, max(0, start - 24), start))


#: words that only say a name follows, of whatever: a thing (`the said Court`, `said Deed`) or
#: a person; a forename after them is a person's (`the said Hannah`), as after a letter's
#: `dear` (`my own dear Hannah`). Not `called`, which names places as often (`a town called
#: Quillbury`); `a man called Osric` is the speaker rule's
NAMING_CUES = (r"(?:[Tt]he\s+)?said", "named", "[Dd]ear")
CUED_NAME = re.compile(
    rf"\b(?:(?P<kin>(?:his|her|their|my|said|the|a|one)\s+(?:{'|'.join(KIN_WORDS)}))|{'|'.join(NAMING_CUES)})"
    rf"\s+(?:(?:{TITLE_ALT})\s+)?(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,2}}){NAME_END}")
#: the words one of which every CUED_NAME match holds: a kin or status word, or a naming cue
CUE_WORDS = KIN_WORDS + ("said", "named", "dear", "Dear")


def cued_names(text: str) -> Iterator[re.Match]:
    """CUED_NAME's matches in `text`. The pattern's branches open with common words (`the`,
    `his`) that leave `re` no rare first characters to scan for, so a text is searched only
    where it holds one of the CUE_WORDS, each looked for by `in` (a C string search)."""
    return CUED_NAME.finditer(text) if any(word in text for word in CUE_WORDS) else iter(())


def may_be_name(word: str, known: Known) -> bool:
    """Whether a capitalised word may be a name's: no common word, no word the text writes in
    lower case, no title, no point of the compass."""
    return is_surname(word) and not (known.is_common(word) or word.lower() in known.lower_words
                                     or word in TITLES or word in COMPASS_WORDS)


#: the next name of a list (`, Tobias`, ` and Tobias`, `, T. Quillet`)
LISTED_NAME = re.compile(rf"(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)"
                         rf"(?P<name>(?:{INITIAL})*{NAME_WORD}){NAME_END}")


def cued(text: str, known: Known) -> list[Span]:
    """`his wife Hannah`, `the said negro Osric`, `the said Hannah`: a name after kin or a
    status word, or a forename after a word that names (`the said`, `named`, `my dear`); with
    the words after it that may be a name's too (`the said Hannah Quillet`), and the forenames
    listed after one alone (`named Osric, Tobias and Hannah`)."""
    found = []
    for m in cued_names(text):
        words = m.group("name").split()
        if not may_be_name(words[0], known) or not (m.group("kin") or words[0].title() in known.forenames):
            continue
        kept = 1
        while kept < len(words) and may_be_name(words[kept], known):
            kept += 1
        start = m.start("name")
        end = text.index(words[kept - 1], start) + len(words[kept - 1])
        found.append((start, end))
        if kept == 1:                             # `named Osric and Tobias`: a family's forenames
            for listed in LISTED_NAME.finditer(text, end):
                if listed.start() != end or listed["name"].title() not in known.forenames:
                    break
                found.append(listed.span("name"))
                end = listed.end()
    return found


def forenames_of_the_text(texts: list[str], known: Known) -> frozenset[str]:
    """Forenames the text itself attests, which no list holds (`Matilda`, `Tobiah`): a word a
    cue puts first in a name of two words at most (`his wife Tobiah came`, `the said Matilda
    Quillet and`, not `the said Plaintiff Osric Quillet`) that the text also sets
    before a surname, the two a name of their own (`Matilda Quillet said`, not `Quillbury
    Road` nor `the said Plaintiff Osric Quillet`); never a word the text puts after an
    article or a preposition of place (`the Quill Osric`, `at Quillbury`), nor after a
    forename, where it is a surname (`the said Quillet` beside `Osric Quillet`), nor after an article and
    an ordinal (`the said Judicial Quillbury` beside `the 1st Judicial District`)."""
    first = {m.group("name").split()[0] for text in texts for m in cued_names(text)
             if len(m.group("name").split()) <= 2}
    candidates = {word for word in first if may_be_name(word, known) and word.title() not in known.forenames}
    if not candidates:
        return frozenset()
    before_surname, refuted = set(), set()
    pattern = re.compile("(" + words_not_after(r"[\w.'’-]", sorted(candidates))      # literals `re` scans for
                         + rf")(?:[ \t]+({NAME_WORD}){NAME_END}(?![ \t]+{CAPITAL}))?{NAME_END}")
    for text in texts:
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 16):m.start()]
            if DETERMINER_BEFORE.search(before) or RANKED_BEFORE.search(before) or PLACE_BEFORE.search(before) \
                    or forename_before(text, m.start(), known) < m.start():
                refuted.add(m.group(1))
            elif m.group(2) and may_be_name(m.group(2), known) \
                    and not names_a_place(m.group(), frozenset({m.group(1)})):
                before_surname.add(m.group(1))
    return frozenset(before_surname - refuted)


#: a state's or a province's abbreviation after a word (`, Minn.`, `. Pa.`, `, N. D.`), no
#: suffix, title or degree (`, Esq.`, `, Jr.`, `, M.A.`): the word is a dateline's town
STATE_AFTER_TEXT = (r"[.,]['\"]?[ \t]*"
                    r"(?!(?:Esq|Jun|Jr|Sen|Sr|Bart|Knt|Kt|Hon|Rev|Dr|Mr|Mrs|Messrs|Prof|Co|No|Vol|Ch)\.)"
                    r"(?:[A-Z][a-z]{1,4}|[NSWR]\.[ \t]?[A-Z])\.")
STATE_AFTER = re.compile(STATE_AFTER_TEXT)


#: `St. Pellworth`: a saint, unless the words around make the saint's name a place's: a
#: preposition of motion or place or an article before (`to St. Quillabee`, `the St.
#: Quillabee`), a capitalised word before (`Quill St Mary`, a street) or after (`St.
#: Quillabee Post`), an owner's `'s` (`St. Pellworth's`, `St. Ambrosius'`, a church), or a
#: building, a place or a feast after (`St. Pellworth church`), or a state's abbreviation
#: (`STATE_AFTER_TEXT`: `St. Quillabee, Minn.`, a dateline's place)
SAINT = re.compile(not_after(r"[\w.]", "St") + rf"\.?[ \t]+(?P<name>{NAME_WORD}){NAME_END}"
                   rf"(?!['’]|{STATE_AFTER_TEXT}|[ \t]+[A-Z]|[ \t]+(?:church|cathedral|chapel|abbey|priory|well|"
                   r"street|square|gate|hospital|college|school|parish|island|bay|river|day|eve)\b)")
PLACE_PREPOSITION_BEFORE = re.compile(r"\b(?:in|at|to|from|near|into|towards|via|leaving|reached)\s+$", re.IGNORECASE)


def saint(text: str, known: Known) -> list[Span]:
    """`St. Pellworth`, `St Pellworth`: the saint's name after the abbreviation, which no
    title list holds since it abbreviates `Street` too; not a common word (`St. Mary` is
    a forename, `St. Helping` no name)."""
    found = []
    for m in SAINT.finditer(text):
        name = m.group("name")
        before = text[max(0, m.start() - 16):m.start()]
        if PLACE_PREPOSITION_BEFORE.search(before) or CAPITALISED_BEFORE.search(before) \
                or DETERMINER_BEFORE.search(before) \
                or (known.is_common(name) and name.title() not in known.forenames):
            continue
        found.append(m.span("name"))
    return found


HONORIFIC_STARTING_ALT = words_not_after(r"[\w.]", sorted(HONORIFICS, key=len, reverse=True))
#: an honorific and one or two initials alone (`Mr. P.`, `Mr. P. Q.`, `Mrs Q's`): a person the writer abbreviates
HONORIFIC_INITIAL = re.compile(rf"(?:{HONORIFIC_STARTING_ALT})(?<=[\w.])[ \t]+"
                               r"(?P<name>[A-Z]\.(?:[ \t]?[A-Z]\.)?|[A-Z](?=['’]s\b))(?![ \t]*[A-Z\d])")


def abbreviated(text: str, known: Known) -> list[Span]:
    """`Mr. P.`, `Mr. P. Q.`, `Mrs Q's letter`: one or two initials after an honorific, with no name after them."""
    return [m.span("name") for m in HONORIFIC_INITIAL.finditer(text)]


#: the marks that repeat what stands above them in a list (`" Quillet,` under `Mr. Pellworth,`)
DITTO_MARKS = ("\"", "“", "”", "„", "〃", "''")
DITTO_STARTING_ALT = words_not_after(r"[^\s,.]", DITTO_MARKS)
#: an item of a list of names, one a line, each closed by a comma or a full stop (a division
#: list's `Mr. Pellworth,`), led by its title or by a ditto mark that repeats the title (`" Quillet,`)
#: at a word's start; one alternation of literals, which `re` finds by its first characters
LIST_ITEM = re.compile(rf"(?P<lead>{TITLE_STARTING_ALT}|{DITTO_STARTING_ALT})[ \t]+"
                       rf"(?P<name>(?:{INITIAL}[ \t]*)*{NAME_WORD}(?:[ \t]+{NAME_WORD})?)[,.](?=\s|$)")


def ditto(text: str, known: Known) -> list[Span]:
    """`Mr. Pellworth, " Quillet, " Osbert.`: in a list of names, one a line, a ditto mark
    repeats the title of the item above it; the name after it is a person's as the titled one
    is. Only in a run of items that a titled one opens, next to each other: a quotation
    printed with a mark at each line's start (`" Table of the House`) is no list of names.
    A text without a ditto mark, as most are, is not searched."""
    found, titled_run, end = [], False, None
    if not any(mark in text for mark in DITTO_MARKS):
        return found
    for m in LIST_ITEM.finditer(text):
        is_ditto = m.group("lead") in DITTO_MARKS
        titled_run = not is_ditto or titled_run and not text[end:m.start()].strip()
        end = m.end()
        words = m.group("name").split()
        if is_ditto and titled_run and words[-1].title() not in ROLES:
            found.append(m.span("name"))
    return found


#: verbs of reading before an author named for the books (`read Pellworth`, `finished Quillet`)
READING_VERBS = ("read", "reads", "reading", "finished", "studied", "studying", "reread", "re-read")
#: what is read by a capitalised name and is no author: languages, and books of the Bible
#: that are no forename (`reading Hebrew`, `read Genesis`)
READ_NOT_AUTHORS = frozenset("""Latin Greek Hebrew French German Italian Spanish English Sanskrit Arabic Persian Dutch
Genesis Exodus Leviticus Numbers Deuteronomy Judges Kings Chronicles Psalms Proverbs Ecclesiastes Revelation
Revelations Acts Romans Corinthians Galatians Ephesians Hebrews Scripture Scriptures Testament Bible Gospel
Gospels""".split())
#: the verbs as literals, each where a word starts, so that `re` scans for their first letters
AUTHOR = re.compile("(?:" + words_not_after(r"[\w-]", READING_VERBS + ("Read",)) + ")"
                    rf"[ \t]+(?P<name>{NAME_WORD}){NAME_END}(?!['’]|[ \t]+{CAPITAL})")


def author(text: str, known: Known) -> list[Span]:
    """`read Pellworth`, `finished Quillet.`: a single name after a verb of reading is the
    author's, named for the books; not a common word, a forename (`read Hannah`: a novel's
    title as often), a title, a day or a month (`was read Monday`), a language or a book of
    the Bible, nor a name that goes on (`read
    Pellworth's Essays`, `read Quillabee History`: a title). The caller drops the words its text
    makes places."""
    return [m.span("name") for m in AUTHOR.finditer(text)
            if m["name"] not in READ_NOT_AUTHORS and m["name"].title() not in known.forenames
            and m["name"].title() not in WEEKDAYS and m["name"].lower() not in MONTH_NUMBER
            and may_be_name(m["name"], known)]


#: what a learned book says an authority did, before `by` and the authority's name (`first
#: described by Quillet`, `as stated by Osric`, `and particularly by Hesper`), and the
#: authority's works before `of` (`the researches of Quillet and Osric`) or after an owner's
#: `'s` (`Quillet's method`); not what a body or a disease does (`introduced by`, `cases of`)
AUTHORITY_DEEDS = ("stated", "observed", "described", "recorded", "reported", "related", "proposed", "recommended",
                   "invented", "advocated", "practised", "performed", "quoted", "cited", "mentioned", "noticed",
                   "discovered", "devised", "suggested", "advised", "figured", "particularly", "especially",
                   "chiefly", "notably")
AUTHORITY_WORKS = ("researches", "observations", "experiments", "method", "authority", "opinion", "theory",
                   "writings", "views", "doctrine", "remarks", "remark", "statements", "statement", "investigations")


#: the authority's name after the cue, maybe after a title
AUTHORITY_CUE = re.compile(f"(?:{after_words('by', AUTHORITY_DEEDS)}|{after_words('of', AUTHORITY_WORKS)})"
                           rf"\s+(?:(?:{TITLE_ALT})\s+)?(?P<name>(?:{INITIAL})*{NAME_WORD}(?:[ \t]+{NAME_WORD})?)"
                           + NAME_END)
#: the most characters of an owner's name before the `'s`
OWNER_REACH = 60
#: an owner's `'s` before the works, led by the apostrophe
OWNED_WORKS = re.compile(r"['’]s\s+(?:" + "|".join(AUTHORITY_WORKS) + r")\b")
#: the owner right before it, even where a sentence opens (`Quillet's method`, `Osric's theory`)
OWNER = re.compile(rf"(?:{INITIAL})*{NAME_WORD_STARTING}\Z")


def may_be_authority(name: str, known: Known) -> bool:
    """Whether a name after an authority's cue may be a person's: each of its words `may_be_name`,
    is no title that lost its stop (`Messrs`) and no derived word (`Quilletism`)."""
    return all(may_be_name(word, known) and word + "." not in TITLES and not DERIVED.search(word)
               for word in name.split() if not word.endswith("."))


def authority(text: str, known: Known) -> list[Span]:
    """`as observed by Quillet`, `the researches of Osric and T. Pellworth`, `Hesper's theory`:
    the names after what a learned book says its authorities did or wrote (`AUTHORITY_CUE`),
    with those listed after them (`by Quillet, Osric, Tulverton, &c.`), and the owners of the
    works; not a word that may be no name (`may_be_name`) nor a derived one (`the theory of
    Quilletism`). The caller drops the words its text makes places."""
    found = []
    for m in AUTHORITY_CUE.finditer(text):
        if may_be_authority(m["name"], known):
            found += [m.span("name"), *listed_names(text, m.end("name"), known)]
    for m in OWNED_WORKS.finditer(text):
        owner = OWNER.search(text, max(0, m.start() - OWNER_REACH), m.start())
        if owner and may_be_authority(owner.group(), known):
            found.append(owner.span())
    return sorted(found)


#: where a citation opens: a note's or a paragraph's start past its marker (`* `, `12 `), an
#: opening parenthesis, or a semicolon that parts two citations; then maybe `See`, `Cf.`, `Vide`
SEE = r"(?:(?:See|see|Cf\.|cf\.|Vide|vide)\s+)?"
#: an author's surname, maybe after initials, and the comma before the work (`Quillet, Traité`),
#: not before a pronoun, which a salute's comma comes before (`Gentlemen, I have read p. 4`)
CITED = (rf"(?P<name>(?:{INITIAL})*{NAME_WORD}),\s+"
         r"(?!(?:I|we|you|he|she|it|they|We|You|He|She|It|They)\b)(?P<rest>[^;()]*)")
#: a citation opening a block, past a note's marker; one inside, led by its parenthesis or
#: semicolon, which `re` scans for
CITED_AUTHOR_OPENING = re.compile(r"[\s*†‡§¶\d]*" + SEE + CITED)
CITED_AUTHOR_INSIDE = re.compile(r"(?:\(\s*|;\s+)" + SEE + CITED)
#: the reference that makes a citation of what follows the author (`p. 12`, `vol. iv.`,
#: `t. ii.`, `op. cit.`, `l. c.`): what a dateline (`Quillbury, May 3, 1841`) never holds
CITED_PLACE = re.compile(r"\b(?:(?:pp?|vol|tom|t|cap|chap|ch|lib|art)\.\s?(?:\d|[ivxlcIVXLC]+\b)"
                         r"|(?:op|loc)\.\s?cit\.|l\.\s?c\.)")


def cited_author(text: str, known: Known) -> list[Span]:
    """`* Quillet, Traité des Ulcères, p. 12.`, `(Osric, op. cit.)`: the surname that opens a
    citation, in a note, in parentheses or after a semicolon, where a page, volume or `op. cit.`
    follows; not a word that may be no name (`may_be_name`). The caller drops the words its
    text makes places."""
    opening = CITED_AUTHOR_OPENING.match(text)
    return [m.span("name") for m in chain([opening] if opening else [], CITED_AUTHOR_INSIDE.finditer(text))
            if CITED_PLACE.search(m["rest"]) and may_be_name(m["name"].split()[-1], known)]


#: the roles a name is set in apposition to (`Osric, the Quillabee Chief,`): titles that are
#: words, and offices
ROLE_WORDS = frozenset(title for title in TITLES if title.isalpha() and not title.isupper()) | ROLES
#: a single name, a comma, `the`, up to two capitalised words and a role that ends them
APPOSITION = re.compile(rf"(?P<name>{NAME_WORD_STARTING}){NAME_END},[ \t]+the[ \t]+(?:{NAME_WORD}[ \t]+){{0,2}}"
                        rf"(?P<role>{NAME_WORD})(?![\w'’-])(?![ \t]+{CAPITAL})")
#: what a text must hold for APPOSITION to match in it, led by its comma, which `re` scans for:
#: APPOSITION itself is tried at every capital
COMMA_THE = re.compile(r",[ \t]+the[ \t]")


#: a preposition before a word: the word is a time's or a place's (`on Sunday, the Chief Clerk`)
PREPOSITION_BEFORE = re.compile(r"\b(?:on|in|at|to|from|by|of|near|into|since|until|till)\s+$", re.IGNORECASE)


def in_apposition(text: str, known: Known) -> list[Span]:
    """`Osric, the Quillabee Chief`: a single name set in apposition to a role the text
    capitalises, inside a sentence; not a role itself (`the Mayor, the Chief Clerk`), a word
    that may be no name's, a time's or a place's after a preposition (`on Sunday, the Chief
    Clerk`), nor a name before no role (`Quillbury, the County Town`). The caller drops the
    words its text makes places."""
    if not COMMA_THE.search(text):
        return []
    return [m.span("name") for m in APPOSITION.finditer(text)
            if m["role"] in ROLE_WORDS and may_be_name(m["name"], known) and m["name"] not in ROLE_WORDS
            and not opens_sentence(text, m.start()) and not PREPOSITION_BEFORE.search(text, max(0, m.start() - 8),
                                                                                        m.start())]


#: a name that owns kin or servants (`Quillet's wife`, `Osric's sons`, `Pellworth's slaves`)
KIN_OWNER = re.compile(rf"(?P<name>{NAME_WORD_STARTING})['’]s[ \t]+"
                       rf"(?:(?:{'|'.join(FAMILY_WORDS + ('servant', 'slave'))})s?|widow|children)\b")


def kin_owner(text: str, known: Known) -> list[Span]:
    """`Quillet's wife`, `Osric Quillet's sons`: a name that owns kin or servants is a
    person's, with the forename or initials before it; not a word that may be no name's
    (`Heaven's children`). The caller drops the words its text makes places (`Quillbury's sons`)."""
    if "'s " not in text and "’s " not in text:
        return []
    return [(forename_before(text, m.start("name"), known), m.end("name")) for m in KIN_OWNER.finditer(text)
            if may_be_name(m["name"], known)]


#: a line of descent: a name, `son of` or `daughter of`, a name (`Osric son of Tobias son of
#: Quillabee`), each name one word; led by ` of `, which `re` scans for
LINEAGE = re.compile(rf" of[ \t]+(?P<parent>{NAME_WORD}){NAME_END}")
#: a word of descent right before `of` (`son`, `daughter`), and the name before it, if one
#: stands there (`Osric son`, `Hannah, daughter`)
DESCENT_BEFORE = re.compile(r"\b(?:son|daughter)$")
CHILD_BEFORE = re.compile(rf"(?P<child>{NAME_WORD}),?[ \t]+(?:son|daughter)$")
#: the words of descent LINEAGE needs: each is looked for by `in` before the pattern is tried
DESCENT_WORDS = ("son of", "daughter of")


def lineage(text: str, known: Known) -> list[Span]:
    """`Osric son of Tobias son of Quillabee`: the single names a line of descent joins, the
    parent after `son of` / `daughter of` and the child before it; not a word that may be no
    name's (`the son of God`: a common word, or one the text writes in lower case), nor a
    name after `the` (`the son of the Quillabee` is no lineage). The caller drops the words
    its text makes places (`a son of Quillbury`)."""
    if not any(word in text for word in DESCENT_WORDS):
        return []
    found = set()
    for m in LINEAGE.finditer(text):
        at = max(0, m.start() - 40)
        if not DESCENT_BEFORE.search(text, at, m.start()):
            continue
        if may_be_name(m["parent"], known):
            found.add(m.span("parent"))
        child = CHILD_BEFORE.search(text, at, m.start())
        if child and may_be_name(child["child"], known):
            found.add(child.span("child"))
    return sorted(found)


#: initials that sign a letter or a piece (`Ever yours O.T.Q.`, `...the end.—O. Q.]`): at
#: the end of a block, after a closing word, a dash or nothing; not the abbreviations a
#: sentence ends with (`at four P.M.`)
SIGNATURE = re.compile(r"(?:^|\b(?:[Yy]ours|YOURS|[Tt]ruly|[Ss]incerely|[Ff]aithfully|[Aa]ffectionately),?[ \t]+"
                       rf"|[—–][ \t]*)(?P<name>(?:{CAPITAL}\.[ \t]?){{2,4}})(?<!\s)[\])]?\s*$")
#: how a block that SIGNATURE matches ends, its whitespace stripped: an initial's capital and
#: stop, maybe a bracket; looked for in its last characters before SIGNATURE, which opens with
#: no literal `re` could scan for, is tried at every position of the block
SIGNATURE_END = re.compile(rf"{CAPITAL}\.[\])]?$")
#: abbreviations set as initials that sign nothing
NOT_INITIALS = frozenset({"P.S.", "N.B.", "A.D.", "B.C.", "A.M.", "P.M.", "U.S.", "Q.E.D."})


def signature(text: str, known: Known) -> list[Span]:
    """`Ever yours O.T.Q.`: the initials that sign a letter or a piece at the end of a block."""
    if not SIGNATURE_END.search(text.rstrip()[-3:]):
        return []
    m = SIGNATURE.search(text)
    return [m.span("name")] if m and m["name"].replace(" ", "") not in NOT_INITIALS else []


#: the rules in the order they claim text
RULES = (("initials", initials), ("titled", titled), ("forename", forename), ("speaker", speaker),
         ("cued", cued), ("saint", saint), ("abbreviated", abbreviated), ("ditto", ditto),
         ("apposition", in_apposition), ("signature", signature), ("author", author), ("lineage", lineage),
         ("kin owner", kin_owner), ("cited author", cited_author),
         ("authority", authority))
#: the rules that know a name by its context alone, nothing in the name making it a person's
#: (`Moscow said`, `read Quillbury`): the caller drops their finds that the text makes places
CONTEXT_RULES = frozenset({"speaker", "apposition", "author", "lineage", "kin owner", "cited author", "authority"})
#: the rules whose finds vouch for a name as a person's, where the text names a river or a range after it too
VOUCHING_RULES = frozenset({"titled", "speaker", "saint", "cited author", "authority"})


#: an initial as a word of a name (`J.`)
INITIAL_WORD = re.compile(r"(?<![\w.])[A-ZÀ-Þ]\.")


def names_a_place(name: str, forenames: frozenset[str] = COMMON_FORENAMES) -> bool:
    """Whether a name is a place's: it ends in a feature of the land (unless initials make it
    a person's: `Silas J. Wells`), starts with a place's first word or compass initials, or
    is all points of the compass, or one and a coordinate (`North Lat`)."""
    words = [word.rstrip(".") for word in name.split()]
    personal = INITIAL_WORD.search(name) or BARE_INITIAL_WORD.search(name) or (
        words[-1].title() in SURNAME_PLACE_NOUNS and len(words) > 1
        and (words[0].title() in forenames or is_abbreviated_forename(words[0])))
    return (words[-1].title() in PLACE_NOUNS and not personal) or words[0] in PLACE_PREFIXES \
        or all(word in COMPASS_WORDS for word in words) or bool(COMPASS_INITIALS.match(name)) \
        or (words[0] in COMPASS_WORDS and all(word in COORDINATE_WORDS for word in words[1:]))


#: the last word of a body's name, which a place's, a person's or a title may open (`the
#: Quillbury Railway`, `the Pellworth Company`, `the General Assembly`): the body's, no person's
BODY_NOUNS = frozenset("""Railway Railways Railroad Company Bank Society Association Club Council Committee
Commission Board Institute Institution College University Hospital Asylum Seminary Academy Mission Union
League Corporation Trust Works Mills Assembly Parliament Congress Legislature Senate Court Department Library
Museum Gallery Observatory Office Hotel Theatre Government Ministry Administration Cabinet""".split())

#: the last words of the titles of works and papers (`Dictionary of Christian Biography`, `the
#: Quillbury Gazette`), in forms that are no surnames
WORK_NOUNS = frozenset("""Biography Dictionary Encyclopaedia Encyclopedia Cyclopaedia Gazette Gazetteer Herald
Chronicle Chronicles Review Magazine Journal Journals Annals Almanac Almanack Register Tribune Advertiser Spectator
Catechism Psalter Hymnal Lectures Sermons Essays Poems Memoirs Travels Sketches Correspondence Debates Letters
Papers Despatches Dispatches Proceedings Transactions Records Reports Minutes Speeches Writings Documents
Statutes""".split())


#: the last words of the names of remedies that medical books and their advertisements print
#: capitalised (`the Cordial Quillbury Balm`, `Vegetable Pills`), and the forms a formula gives
#: its remedies (`Quillabee Water`, `Hesper Salts`): a thing's, no person's; an owner's `'s`
#: leaves the person's name before them (`Quillet's Pills`)
REMEDY_NOUNS = frozenset("""Balm Balsam Pills Pill Drops Elixir Tincture Mixture Ointment Salve Syrup Lozenges
Powders Restorative Essence Lotion Liniment Embrocation Electuary Bitters Panacea Water Salts Spirit Powder Solution
Extract Infusion Decoction Wash Paste Conserve Mucilage Confection Draught Gargle Plaster""".split())
#: the Latin of prescriptions, whole and abbreviated as physicians write it (`R. Tinct. Quillabeae gtt. xx`,
#: `M. Fiat pilula`): the forms of a remedy (`Tinct`, `Pulv`), drugs in the genitive (`Opii`, `Sodae`), salts
#: (`Sulph`, `Chlorid`), directions (`Fiat`, `Misce`) and the medicinal plants' Latin names (`Digitalis
#: Quillabea`); none is a surname, and those that are (`Ferri`, `Quin`, `Lin`, `Senna`) stay out: a
#: prescription's other words give it away
PRESCRIPTION_LATIN = frozenset("""Tinct Tinctura Tincturae Tr Ext Extr Extractum Extracti Aq Aqua Aquae Pulv Pulvis
Pulveris Syr Syrupus Syrupi Mist Mistura Misturae Conf Confect Confectio Inf Infus Infusum Decoct Decoctum Ung Ungt
Unguentum Linim Pil Pilula Pilulae Haust Haustus Empl Sp Spt Spiritus Liq Liquor Ol Oleum Olei Hydrarg Hydrargyri
Zinci Sodae Potass Potassae Potassii Quinae Quiniae Magnes Magnesiae Ammon Ammoniae Plumbi Cupri Bismuthi Morph
Morphiae Opii Camph Camphorae Ipecac Ipecacuanhae Colocynth Colocynthidis Hyoscyam Hyoscyami Belladonnae Scillae
Sennae Cinchon Cinchonae Calumb Calumbae Gentianae Menth Menthae Sulph Sulphat Chlorid Iod Iodid Bicarb Carb Acet
Nit Mur Tart Citr Phosph Comp Simp Destill Dest Fiat Fiant Misce Recipe Signa Nux Vomica Digitalis Atropa Belladonna
Cinchona Hyoscyamus Conium Cannabis Rheum Aconitum Strychnos Papaver Ipecacuanha Colchicum Veratrum Gelsemium
Podophyllum Ricinus Quassia Sarsaparilla Hamamelis Hydrastis Taraxacum Officinalis""".split())

#: the salts a formula names its drug by (`Sulphate of Quillabine`)
SALT_NOUNS = frozenset("""Sulphate Nitrate Chloride Perchloride Iodide Bromide Carbonate Bicarbonate Acetate
Subacetate Subnitrate Oxide Citrate Tartrate Phosphate Muriate""".split())
#: a remedy's or a salt's noun and `of` right before a word, not after an article or owner (`Extract of
#: Quillabee`, `spirit of Hesper`; not `the spirit of Quillet`): the word is a drug's, a plant's, an element's
PREPARATION_OF_BEFORE = re.compile(r"(?<![\w.'’-])(?<!the )(?<!his )(?<!her )(?:"
                                   + "|".join(f"[{noun[0]}{noun[0].lower()}]{noun[1:]}"
                                              for noun in sorted(REMEDY_NOUNS | SALT_NOUNS))
                                   + r")[ \t]+of[ \t]+$")


def in_prescription(name: str) -> bool:
    """Whether a name holds a word of a prescription's Latin (`R. Tinct`, `Quillabeae Sulph`,
    `Fiat`): the letters R. (recipe) and M. (misce) before one read as initials."""
    return any(word.strip(".").capitalize() in PRESCRIPTION_LATIN for word in name.split())


def names_a_thing(name: str) -> bool:
    """Whether a name is a body's, a work's or a remedy's: it ends in a body's noun (`Quillbury
    Railway`, `Assembly`), a work's (`Parliamentary Debates`, `Christian Biography`, `Quillbury
    Gazette`) or a remedy's (`Cordial Balm`)."""
    last = name.split()[-1]
    return last in BODY_NOUNS or last in WORK_NOUNS or last in REMEDY_NOUNS


def in_place_name(text: str, start: int) -> bool:
    """Whether the word at `start` follows a place's first word (`Santa Quillabee`, `Mt. Quillet`)."""
    word = NAME_WORD_BEFORE.search(text, max(0, start - 12), start)
    return bool(word) and word.group(1) in PLACE_PREFIXES


#: a place's noun in lower case after a word (`Quillabee county`, `Pellworth creek`): the word
#: is the place's name; none that is a verb too (`Quillet falls ill`, `points out`)
PLACE_NOUN_AFTER = re.compile(r"[ \t]+(?:county|parish|township|town|city|district|river|creek|lake|valley|road|"
                              r"street|island|harbour|harbor|bay)\b")


def names_an_office(name: str) -> bool:
    """Whether a name is one office or party word (`Keeper`, `Defendants`): the office, no person."""
    return " " not in name and (name.title() in ROLES or name.endswith("s") and name[:-1].title() in ROLES)


#: a day's number right before a word (`24th `, `5 `, `the 3d `)
DAY_NUMBER_BEFORE = re.compile(r"(?<![\d/.,])[0-3]?\d(?:st|nd|rd|th|d)?\.?[ \t]+$")


#: a name set alone between quotation marks, perhaps with its comma or stop inside (`the “Hesper,”`)
QUOTED_ALONE = re.compile(r"[,.;:!?]?[\"”]")
#: a verb of naming or signing before a quoted name, which makes it someone's (`a chief named "Osric,"`,
#: `a paper signed "Quillet,"`)
NAMING_BEFORE = re.compile(r"\b(?:named|called|nicknamed|alias|known as|styled|signed)[ \t]+$", re.IGNORECASE)


def quoted_alone(text: str, start: int, end: int) -> bool:
    """Whether a name stands alone between quotation marks (`the "Hesper"`, `shouts of "Quillet Ahoy"`):
    a vessel's, a work's or a word quoted, as a writer marks them, not a person's, unless a verb
    of naming or signing comes first (`a chief named "Osric,"`, `signed "Quillet,"`) or the name
    is a person's in full, a forename first or three words long (`one of them, "Tobias Osric Quillet,"`)."""
    name = text[start:end]
    return start > 0 and text[start - 1] in "\"“" and bool(QUOTED_ALONE.match(text, end)) \
        and not NAMING_BEFORE.search(text, max(0, start - 16), start - 1) \
        and len(name.split()) < 3 and not sex_of_forename(name)


def ends_in_doubled_initial(name: str) -> bool:
    """`Osric Tt`, `TT`: a name ending in an initial OCR read twice (`DOUBLED_LETTER`), not in a
    king's numeral after his name (`Osric II`; after an initial, `O. II` is OCR's too)."""
    *before, last = name.replace(".", " ").split()
    return bool(re.fullmatch(DOUBLED_LETTER, last.title())) \
        and (not ROMAN_NUMERAL.fullmatch(last) or bool(before) and len(before[-1]) == 1)


#: what OCR made of a title's full stop after a short word (`Mi-.` for `Mr.`)
MISREAD_TITLE_STOP = "-."


def opens_with_a_vessels_noun(text: str, start: int, end: int) -> bool:
    """`Brigantine Hesper`: a vessel's noun first, then its name."""
    name = text[start:end]
    return " " in name and name.split()[0].rstrip(".").lower() in SHIP_NOUNS


def misread_title(text: str, start: int, end: int) -> bool:
    """`Mi-.`: a short word before OCR's `-.`, a title's stop misread."""
    return end - start <= 3 and text.startswith(MISREAD_TITLE_STOP, end)


def formulas_drug(text: str, start: int, end: int) -> bool:
    """`Tincture of Quillabee`: the drug of a formula, after a remedy's or a salt's noun and `of`."""
    return bool(PREPARATION_OF_BEFORE.search(text, max(0, start - 30), start))


def suffix_of_the_name_before(text: str, start: int, end: int) -> bool:
    """`Wm Pellworth Bart`: a name's suffix found alone after the name."""
    word = text[start:end]
    return " " not in word and word.rstrip(".").title() in NAME_SUFFIXES \
        and bool(CAPITALISED_BEFORE.search(text, max(0, start - 30), start))


def office(text: str, start: int, end: int) -> bool:
    """`the Keeper of the Jail`: a single word that names an office."""
    word = text[start:end]
    return " " not in word and names_an_office(word)


def place_before_its_noun(text: str, start: int, end: int) -> bool:
    """`Prince Quillabee county`: a single word a place's lower-case noun follows."""
    return " " not in text[start:end] and bool(PLACE_NOUN_AFTER.match(text, end))


def month_after_its_day(text: str, start: int, end: int) -> bool:
    """`9th Feby /71`, `the 5th May`: a date's month after its day."""
    word = text[start:end]
    return " " not in word and word.rstrip(".").lower() in MONTH_NUMBER \
        and bool(DAY_NUMBER_BEFORE.search(text, max(0, start - 8), start))


#: what a name found by any stage may be instead of a person's, each a check of (text, start, end)
NO_PERSON = (("vessel's designation", names_a_vessel), ("vessel's noun", opens_with_a_vessels_noun),
             ("quoted alone", quoted_alone),
             ("doubled initial", lambda text, start, end: ends_in_doubled_initial(text[start:end])),
             ("misread title", misread_title),
             ("prescription", lambda text, start, end: in_prescription(text[start:end])),
             ("formula's drug", formulas_drug), ("suffix", suffix_of_the_name_before), ("office", office),
             ("place", place_before_its_noun), ("month", month_after_its_day))


def stands_for_no_person(text: str, start: int, end: int) -> bool:
    """Whether a name found stands for no person (NO_PERSON): a vessel's, its designation or
    noun first (`H.M.S. Hesper`, `Brigantine Hesper`), one quoted alone (`quoted_alone`), one
    ending in an initial OCR read twice (`ends_in_doubled_initial`), a title misread (`Mi-.`), a
    prescription's Latin (`in_prescription`) or a formula's drug (`Tincture of Quillabee`), the
    suffix of the name before it (`Wm Pellworth Bart`), or a single word that is an office, a
    place before its noun or a month after its day."""
    return any(check(text, start, end) for _, check in NO_PERSON)


#: a party's camp, which a journal names by the one who leads it (`Capt. Quillet Camp`)
CAMP_NOUNS = frozenset({"Camp", "Camps"})


def without_titled_ones_camp(text: str, start: int, end: int) -> Span:
    """A name after a title without the camp a journal names after it (`Capt. Quillet Camp`:
    his camp; a title vouches for the person); a feature of the land after a name is a place
    named for him (`Sergt. Quillet Creek`), no mention of him, and stays for the checks."""
    words = text[start:end].split()
    if len(words) > 1 and words[-1].title() in CAMP_NOUNS and title_before(text, start):
        return start, start + len(text[start:end].rstrip()[:-len(words[-1])].rstrip())
    return start, end


def rule_spans(text: str, known: Known) -> dict[str, list[Span]]:
    """Every rule's spans in `text`, by rule name, in rule order, without a name's suffix
    (`without_suffix`); no office, no place's nor body's names unless an honorific makes a
    person of one (`Mr. Wells`, `Mr. Court`)."""
    return {name: persons_of(text, spans, known) if (spans := rule(text, known)) else [] for name, rule in RULES}


def persons_of(text: str, spans: list[Span], known: Known) -> list[Span]:
    """Of a rule's spans, those that may be a person's (`rule_spans`), without their suffixes."""
    return [(i, j) for i, j in (without_titled_ones_camp(text, *without_suffix(text, *span)) for span in spans)
            if not (stands_for_no_person(text, i, j) or title_before(text, i) not in HONORIFICS
                    and (names_a_place(text[i:j], known.forenames) or names_a_thing(text[i:j])
                         or in_place_name(text, i)))]


SURNAME = re.compile(NAME_WORD)
#: a regnal or family number (`Henry VII`, `John Smith III`): part of a name, never one alone
ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
#: the Latin of references and notes, capitalised where a citation opens (`Ibid., p. 14`)
CITATION_WORDS = frozenset("""Ibid Ib Ibidem Idem Id Cf Op Loc Viz Vide Passim Sic Supra Infra Seq Sqq Etc""".split())
#: the Latin of the law's writs, which court papers capitalise (`a writ of Habeas Corpus`, `Subpoena issued`)
LEGAL_LATIN = frozenset("""Corpus Subpoena Subpena Certiorari Mandamus Capias Facias Venire Prosequi Warranto
Tunc Litem Ne Exeat Replevin Supersedeas Habendum""".split())
#: the law's adverbs, which open a writ's or a deed's clauses (`Hereof fail not`, `Whereof the said ...`), and its
#: `Aforesaid`
LEGAL_ADVERBS = frozenset("""Hereof Herein Hereby Hereto Hereunto Hereafter Heretofore Herewith Whereof Whereas
Wherefore Whereby Wherein Whereupon Thereof Therein Thereby Thereto Thereupon Thereafter Therefrom Aforesaid""".split())
#: what follows a name, never a name alone (`Osric Quillet, Jr.`, `T. Pellworth, Esqr.`, a baronet's
#: `Sir Osric Quillet, Bart.`, a knight's `Knt.`)
NAME_SUFFIXES = frozenset("""Jr Jun Junr Junior Sr Sen Senr Senior Esq Esqr Esquire Bart Bt Knt Kt""".split())
#: a name's suffix closing a span, maybe past a comma
SUFFIX_AT_END = re.compile(rf"[\s,]+(?:{'|'.join(sorted(NAME_SUFFIXES))})\.?$")
#: words that never stand alone for a person (`is_surname`)
NO_SURNAMES = CITATION_WORDS | LEGAL_LATIN | LEGAL_ADVERBS | NAME_SUFFIXES


def without_suffix(text: str, start: int, end: int) -> Span:
    """A span without the suffix that closes it (`Wm Pellworth Bart`): the name, whose last
    word is the surname the register keys it by."""
    suffix = SUFFIX_AT_END.search(text, start, end)
    return (start, suffix.start()) if suffix and suffix.start() > start else (start, end)


#: how common the stem of a capitalised `-ed` word must be for it to be a verb's past (`confine`),
#: not a surname's ending (`Reed`: `ree`); a stem of three letters, as common as a verb's
#: (`VERB_STEM_ZIPF`: `die`, not `sne` of `Sneed`)
PAST_STEM_ZIPF = 2.9


def is_past_tense(word: str, known: Known) -> bool:
    """Whether a word is a verb's past as a hand capitalises it (`Expired`, `Camped`, `Died`,
    `Situated`): `-ed` after a common stem, or `-ated`; no forename, nor a surname whose stem is
    no word (`Reed`, `Ahmed`)."""
    lower = word.lower()
    if not lower.endswith("ed") or len(lower) < 4 or word.title() in known.forenames:
        return False
    stems = (lower[:-2], lower[:-1], lower[:-3] + "y" if lower.endswith("ied") else "")
    return lower.endswith("ated") or any(len(stem) >= 3 and word_zipf(stem) >= (VERB_STEM_ZIPF if len(stem) == 3
                                                                            else PAST_STEM_ZIPF) for stem in stems)


#: a regiment's ranks abbreviated, as a signature sets the writer's rank after the name
#: (`Osric Quillet Capt.`); ranks written out (`Major`) and civil titles (`Sen.`) may be surnames
RANKS_AFTER_NAME = frozenset("""Capt Col Gen Genl Lieut Lt Maj Sergt Serjt Serj Sgt Corp Corpl Adjt""".split())


def is_rank_after_name(word: str) -> bool:
    """Whether a word after a name is an abbreviated rank (`Capt`, `Sergt.`), no name's part."""
    return word.rstrip(".") in RANKS_AFTER_NAME


def without_hand_tail(text: str, start: int, end: int, known: Known) -> Span | None:
    """A name without what a hand that capitalises its words set after it: a rank after the
    name (`Osric Quillet Capt`), a rank that opens the next name of a list (`Tobias Quillet
    Sergt Osric`), or a verb's past after a surname (`Tobias Quillet Expired`, `Capt.
    Pellworth Camped`; `Osric Freed` keeps its surname); None for a verb's past alone
    (`Situated`)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for k, word in enumerate(words[1:], 1):
        if is_rank_after_name(word.group()):
            return start, start + words[k - 1].end()
    last = words[-1].group()
    if not is_past_tense(last, known):
        return start, end
    if len(words) == 1:
        return None
    given_only = all(w.group().rstrip(".").title() in known.forenames or INITIAL_WORD.fullmatch(w.group())
                     for w in words[:-1])
    if given_only and not takes_surname(title_before(text, start)):
        return start, end
    return start, start + words[-2].end()


def is_surname(word: str) -> bool:
    """Whether a word can stand alone for a person: a name word, not a lone initial, a numeral,
    the Latin of a citation (`Ibid.`) or of a writ (`Habeas Corpus`), the law's adverbs (`Hereof`),
    nor a name's suffix (`Jr.`)."""
    return bool(SURNAME.fullmatch(word)) and not ROMAN_NUMERAL.fullmatch(word) \
        and word.rstrip(".").title() not in NO_SURNAMES


def trie_regex(words: list[str], starting: str | tuple[str, ...] = "") -> str:
    """One regex alternation of `words`, factored as a trie so matching is fast.

    A space in a word matches any run of whitespace; a period may be followed by some.
    With `starting` (a set of characters, or several fixed-width patterns), a word matches
    only where none of them stands before it; the check is written after the word's first
    character (teikit.patterns), so that `re` scans for the words' first characters.
    """
    befores = (starting,) if isinstance(starting, str) and starting else tuple(starting)
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True

    def emit(node: dict, first: bool = False) -> str:
        branches, optional = [], "" in node
        for ch, child in sorted(node.items(), key=lambda kv: kv[0]):
            if ch == "":
                continue
            atom = r"\s+" if ch == " " else r"\.\s*" if ch == "." else re.escape(ch)
            if first and befores:
                atom = "".join(f"(?<!{before})" for before in befores) + atom if ch in " ." \
                    else not_after(befores, atom)
            branches.append(atom + emit(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return emit(trie, first=True)


class Surnames(NamedTuple):
    """The full names found and the bare surnames as one regex, and the bare surnames' forms."""

    pattern: re.Pattern
    bare: frozenset[str]


#: what stands before a name's first letter inside a longer word (`McQuillet`, `D'Arcy`, `Smith-Quillet`);
#: an apostrophe after a space is a quotation's opening mark (`'Quillet fired,' she said`)
NOT_INSIDE_A_NAME = (r"[\w.-]", r"\w['’]")


def surname_pattern(full: set[str], surnames: set[str]) -> Surnames | None:
    """One regex for the full names found and the bare surnames, as printed and in capitals.

    One trie of both: where a full name matches, a bare surname that matches there too is
    its first word (a surname has no space), so the longest form is the full name, as it
    would be were full names tried first; a match that is a bare surname's form is one. A
    name in capitals that reads as a Roman numeral (`Xi`: `XI`) is not sought so,
    where it would be every chapter's number."""
    if not full and not surnames:
        return None
    forms = {name: {name} if ROMAN_NUMERAL.fullmatch(name.upper()) else {name, name.upper()}
             for name in full | surnames}
    pattern = re.compile("(?:" + trie_regex(sorted(set().union(*forms.values())), NOT_INSIDE_A_NAME) + ")" + NAME_END)
    return Surnames(pattern, frozenset(form for name in surnames for form in forms[name]))


#: before a capitalised word: the start of a sentence, where capitals prove nothing
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“‘(]\s*|\n)\s*$")
#: a capitalised word right after a bare surname: the surname names a thing (`the Smith Act`)
PROPER_NOUN_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
#: an owner's mark and a place's noun after a surname (`Quillet's Creek`, `Pellworth' Pillar`):
#: the place a person gave a name, not the person
OWNED_PLACE_AFTER = re.compile(r"['’]s?[ \t]+(?:"
                               + "|".join(sorted(PLACE_NOUNS | {"Pillar", "Well", "Hill", "Lookout"})) + r")\b")


#: a lower-case word (and a comma) right before a word: running prose, where a capital
#: marks a name rather than a sentence's start or a heading set in title case
PROSE_BEFORE = re.compile(r"(?<![\w'’-])[a-z][a-z'’]*,?[ \t]+$")


def surname_mentions(text: str, pattern: Surnames | None, known: Known,
                     named_in_full: frozenset[str] = frozenset()) -> list[Span]:
    """Full names and bare surnames found elsewhere; a bare surname neither before another
    capitalised word nor a dateline's town in capitals (`QUILLET, Minn.`) nor a common word,
    unless the text names its bearer in full with a forename and it is capitalised in running
    prose (`Osric L. Glass ... with Glass`)."""
    if pattern is None:
        return []
    found = []
    for m in pattern.pattern.finditer(text):
        bare = m.group() in pattern.bare
        if bare and (PROPER_NOUN_AFTER.match(text, m.end()) or OWNED_PLACE_AFTER.match(text, m.end())):
            continue
        before = text[max(0, m.start() - 6):m.start()]
        if before.rstrip().endswith((" the", " a", " an")) or before.rstrip() in ("the", "The"):
            continue
        if bare and (in_place_name(text, m.start()) or m.group().isupper() and STATE_AFTER.match(text, m.end())
                     or known.is_common(m.group()) and not (
                m.group() in named_in_full and PROSE_BEFORE.search(text, max(0, m.start() - 30), m.start()))):
            continue
        found.append(m.span())
    return found


#: a name word, maybe initials, then a word in lower case (`Hannah quillet`, `Osric T. quillet`)
NAME_THEN_LOWER = re.compile(rf"(?P<first>{NAME_WORD_STARTING})(?:\s+(?:{CAPITAL}[.,]?)+)*\s+"
                             r"(?P<last>[a-z][a-z'’]+)(?![\w'’-])")


def surnames_in_lower_case(text: str, named: set[tuple[str, str]], known: Known,
                           surnames: set[str] | None = None) -> list[Span]:
    """A surname the text writes in lower case after a forename, where a name the text gives
    in full proves it a surname (`Hannah quillet` beside `Hannah Quillet` or `H. Quillet`),
    a common word too (`Osric key` beside `O. Key`): `named` holds the (first given name,
    surname) of every name found in full, `surnames` their surnames (a caller reading many
    blocks gives them once); the forename is a known one or that name's."""
    surnames = {surname for _, surname in named} if surnames is None else surnames
    found = []
    for m in NAME_THEN_LOWER.finditer(text):
        first, last = m["first"], m["last"].title()
        if last in surnames and (first.title() in known.forenames or is_abbreviated_forename(first)
                                 or (first, last) in named):
            found.append(m.span())
    return found


#: the shortest name whose other spelling or misreading is sought (`Quillabee`, `Quillabea`):
#: shorter names lie one letter apart from too many others
VARIANT_LENGTH = 6
#: a word this frequent in the language (Zipf) is a word or a name of its own, no variant
#: (`Thomson` beside `Thompson`); rarer ones may be (a village a chief's name misspelt)
VARIANT_ZIPF = 2.0


def one_letter_out(word: str) -> set[str]:
    """The word with each of its letters dropped in turn, and the word itself: two words one
    letter apart (changed, added or dropped, or two swapped) share one of these."""
    return {word} | {word[:k] + word[k + 1:] for k in range(len(word))}


def spelling_variants(words: Counter[str], names: set[str], known: Known) -> dict[str, str]:
    """The capitalised words of a text (`words`, with how often it writes each) that spell a
    name it names (`names`) another way or that OCR misread, one letter apart (`Quillabea`,
    `Ouillabee` beside `Quillabee`), each with that name: no word of the language nor one the
    text writes in lower case, nor its plural or singular (`Veldanian` of `Veldanians`), as
    often as the name at most, near one name only. A hand that spells a name two ways, and
    OCR that misreads it, name one person."""
    near: dict[str, set[str]] = {}
    for name in names:
        if len(name) >= VARIANT_LENGTH and not name.isupper():
            for form in one_letter_out(name):
                near.setdefault(form, set()).add(name)
    variants = {}
    for word, count in words.items():
        if len(word) < VARIANT_LENGTH - 1 or word in names or word.isupper() or word_zipf(word) >= VARIANT_ZIPF \
                or word.lower() in known.lower_words:
            continue
        found = set().union(*(near.get(form, ()) for form in one_letter_out(word))) - {word + "s", word[:-1]}
        if len(found) == 1 and count <= words[name := next(iter(found))]:
            variants[word] = name
    return variants


def given_names_pattern(given: set[tuple[str, str]]) -> re.Pattern | None:
    """Two given names of a name found in full, without its surname (`Hester Jane` beside
    `Hester Jane Quillet`), the second maybe in lower case (`Hester jane`): `given` holds the
    first two words of names of three words or more whose second is a forename. None where
    there are none. Built once a document, searched in every block."""
    if not given:
        return None
    alternatives = [not_after(r"[\w.'’-]", re.escape(first)) + rf"\s+[{second[0]}{second[0].lower()}]"
                    + re.escape(second[1:]) for first, second in sorted(given)]
    return re.compile("(?:" + "|".join(alternatives) + ")" + NAME_END)
