"""The persons pass: register stage, rules, model stage, surnames, keys, and the whole pass."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teikit import TEI_NS
from teikit.encode import encode_text
from teikit.model import Block, Hyphen, Mark, Nearby, reading_view
from teikit.passes import persons_model, persons_rules
from teikit.passes.persons import (Options, PersonFinder, find_mentions, list_line_ends, of_period, period, pick,
                                   register_mentions, run, within_line)
from teikit.passes.persons_keys import Mention, agree, assign_keys, name_parts
from teikit.passes.persons_rules import Known, rule_spans, surname_mentions, surname_pattern, trie_regex, without_suffix
from teikit.reader import document_from_text
from teikit.register import Register, person_from_dict
from teikit.report import Report

ENTRIES = [
    {"id": "trotsky", "forename": "Leon", "surname": "Trotsky", "forms": ["Trotsky", "Leon Trotsky", "L. D."],
     "idno": {"wikidata": "Q33391"}, "birth": "1879", "death": "1940"},
    {"id": "lenin", "forename": "Vladimir", "surname": "Lenin", "forms": ["Lenin", "Ulianov"],
     "birth": "1870", "death": "1924"},
    {"id": "vyshinsky", "surname": "Vyshinsky", "forms": ["Vyshinsky", "Vishinsky"]},
    {"id": "sedov-leon", "forename": "Leon", "surname": "Sedov"},
    {"id": "sedov-sergei", "forename": "Sergei", "surname": "Sedov"},
    {"id": "fischer-ruth", "forename": "Ruth", "surname": "Fischer", "forms": ["Ruth Fischer"]},
    {"id": "stalin", "surname": "Stalin", "birth": "1878", "death": "1953"},
    {"id": "quill-edgar", "forename": "Edgar", "surname": "Quill", "birth": "1900", "death": "1980"},
]


@pytest.fixture(scope="module")
def finder():
    return PersonFinder.build(Register({e["id"]: person_from_dict(e) for e in ENTRIES}))


def persons_in(text, finder):
    return sorted((text[i:j], pid) for i, j, pid, _ in finder.find(text, {}))


@pytest.mark.parametrize("text, expected", [
    ("Trotsky's son", [("Trotsky", "trotsky")]),
    ("as Leon Trotsky wrote", [("Leon Trotsky", "trotsky")]),
    ("V. I. Lenin and N. Lenin", [("N. Lenin", "lenin"), ("V. I. Lenin", "lenin")]),
    ("signed L. D.", [("L. D.", "trotsky")]),
    ("as V.I. Lenin said", [("V.I. Lenin", "lenin")]),
    ("Vishinsky: Did you?", [("Vishinsky", "vyshinsky")]),
    ("MOSCOW TRIAL: STALIN SPEAKS", [("STALIN", "stalin")]),
    ("Marx-Engels-Lenin-Stalin is", [("Lenin", "lenin"), ("Stalin", "stalin")]),
    ("January 9-Trotsky arrives", [("Trotsky", "trotsky")]),
])
def test_registered_forms(finder, text, expected):
    assert persons_in(text, finder) == expected


@pytest.mark.parametrize("text", [
    "the Trotskyist press", "Stalinism and Leninism", "in Leningrad and Stalingrad",
    "the Norwegian tanker Ruth sailed", "anti-Stalin feeling",
])
def test_derived_words_and_places_are_not_persons(finder, text):
    assert persons_in(text, finder) == []


def test_namesakes_follow_the_last_full_name(finder):
    text = "Sergei Sedov stayed. Sedov was arrested. Later Leon Sedov wrote; Sedov died."
    assert [pid for _, _, pid, _ in finder.find(text, {})] == ["sedov-sergei", "sedov-sergei", "sedov-leon",
                                                           "sedov-leon"]


def test_trie_regex_matches_each_word_and_spacing():
    import re
    pattern = re.compile("(?:" + trie_regex(["Lenin", "Leon Trotsky", "Leon", "L.D."]) + r")\b")
    assert [m.group() for m in pattern.finditer("Lenin, Leon  Trotsky, Leon, L. D.x")] == \
        ["Lenin", "Leon  Trotsky", "Leon", "L. D."]


# ---------------------------------------------------------------- evidence for a register link

def linked(texts, finder):
    places = persons_model.places_by_use(persons_model.capitalised_words(texts),
                                         persons_model.after_place_prepositions(texts))
    found, unlinked = register_mentions(finder, texts, period(texts), places)
    return sorted((m.text, m.ref) for m in found), sorted(m.text for m in unlinked)


def test_a_bare_surname_links_only_on_evidence(finder):
    # an 1846 text: a person born in 1900 is nobody it speaks of
    assert linked(["In 1846 Quill printed the book; 1845 and 1847 too."], finder) == ([], ["Quill"])
    # the full name elsewhere in the text is evidence for the bare surname
    assert linked(["In 1846 Quill printed it.", "Edgar Quill signed."], finder)[0] == \
        [("Edgar Quill", "quill-edgar"), ("Quill", "quill-edgar")]
    # a life that spans the text's years is evidence
    assert linked(["In 1936 and 1937 Quill wrote."], finder) == ([("Quill", "quill-edgar")], [])


def test_period_and_life():
    assert period(["1936, 1937 and 1938", "no year"]) == (1936, 1938)
    assert period(["no year"]) is None
    person = person_from_dict({"id": "a", "surname": "A", "birth": "1874", "death": "1965"})
    assert not of_period(person, (1840, 1846))                # born after the text
    assert of_period(person, (1936, 1937))
    assert not of_period(person_from_dict({"id": "b", "surname": "B"}), (1936, 1937))   # no dates, no evidence


# ---------------------------------------------------------------- rules

def rules(text):
    """The rules' finds, knowing the words the text writes in lower case (as the pass does)."""
    import re
    spans = rule_spans(text, Known(lower_words=frozenset(re.findall(r"\b[a-z]+\b", text))))
    return {name: [text[i:j] for i, j in found] for name, found in spans.items()}


@pytest.mark.parametrize("text, rule, expected", [
    ("the Hon. Mr. QUIGLEY replied", "titled", ["QUIGLEY"]),
    ("the Hon. Provincial Secretary (Mr. QUIGLEY) replied", "titled", ["QUIGLEY"]),   # an office
    ("the Hon. Receiver General spoke", "titled", []),
    ("said Chief Justice PENHALLOW then", "titled", ["PENHALLOW"]),
    ("met Capt. Osbert T. Fenwick there", "titled", ["Osbert T. Fenwick"]),
    ("the General Staff met the staff", "titled", []),
    ("printed by J. M. Pellworth of London", "initials", ["J. M. Pellworth"]),
    ("R. Ferri sulph. gr. ij.", "initials", []),
    ("printed by J. IT. Pellworth of London", "initials", ["J. IT. Pellworth"]),     # OCR's `IT.` for `H.`
    ("then Dr. J. IT. Pellworth came", "titled", ["J. IT. Pellworth"]),
    ("WHO DID IT. Pellworth came", "initials", []),
    ("we met Mr. L. S. at the inn", "abbreviated", ["L. S."]),                      # two initials alone
    ("we met Mr. L. S. Quillet at the inn", "abbreviated", []),
    ("see the Dictionary of Christian Biography, s.v.", "forename", []),   # a work's title
    ("see what Christian Quillet wrote", "forename", ["Christian Quillet"]),
    ("the old Parson Quillet preached", "titled", ["Quillet"]),
    ("It was Osric son of Tobias son of Quillabee, chief", "lineage", ["Osric", "Tobias", "Quillabee"]),
    ("Hannah, daughter of Osbert, came", "lineage", ["Hannah", "Osbert"]),
    ("the son of God came; the son of the Quillabee", "lineage", []),      # a common word, an article
    ("Mr. Quilson of Tulverton came", "lineage", []),                    # `son` inside a name
    ("then Quillabee's wife and Osric Pellworth's sons came", "kin owner", ["Quillabee", "Osric Pellworth"]),
    ("and Heaven's children came to the heaven", "kin owner", []),       # a word the text writes in lower case
    ("the Quillabee's banks and Quillet's house", "kin owner", []),
    ("and Tobias Quillet's uncle and Osric's widow came", "kin owner", ["Tobias Quillet", "Osric"]),
    ("another boy named John, who lives there", "speaker", ["John"]),       # a forename named, however common
    ("John said it, and Will said so", "speaker", []),
    ("sent Elders Wm. Quillet and Osric Pellworth", "forename", ["Wm. Quillet"]),   # a title's plural
    ("sent Tulverton Wm. Quillet", "forename", ["Tulverton Wm. Quillet"]),
    ("on board H. M. Brig Quillet we sailed", "initials", []),           # a vessel's noun
    ("on board H. M. Brigantine Hesper we sailed", "initials", []),
    ("a letter from H. M. Consul at Quillbury", "initials", []),         # an office
    ("a letter from H. M. Brigham at Quillbury", "initials", ["H. M. Brigham"]),
    ("mended the harness &C. Quillet gave out powder", "initials", []),     # `&c.`: et cetera, no initial
    ("mended the harness & C. Quillet came", "initials", ["C. Quillet"]),
    ("the U.S. Trotskyists", "initials", []),
    ("Peter Hedlund came", "forename", ["Peter Hedlund"]),
    ("Peter Hedlund's book", "forename", ["Peter Hedlund"]),
    ("a Peter Hedlund-like man", "forename", []),
    ("John Q. Marlowe came", "forename", ["John Q. Marlowe"]),
    ("and Peter A Glass spoke", "forename", ["Peter A Glass"]),       # the initial's stop lost
    ("and Peter L, Glass spoke", "forename", ["Peter L, Glass"]),     # a comma for the stop
    ("to Peter B, Simon and Quillet", "forename", []),                # a list of forenames
    ("then Peter I think spoke", "forename", []),                     # a pronoun, no initial
    ("then Peter A good man spoke", "forename", []),
    ("Peter Pan", "forename", ["Peter Pan"]),
    ("signed Wm. Fenwick, clerk", "forename", ["Wm. Fenwick"]),
    ("signed Xq. Fenwick, clerk", "forename", []),
    ("signed CHAS. E. FENWICK, clerk", "forename", ["CHAS. E. FENWICK"]),
    ("met Capt Fenwick there", "titled", ["Fenwick"]),
    ("we reached Thomas Springs", "forename", []),
    ("the wife of Walter H. Wells came", "forename", ["Walter H. Wells"]),
    ("Walter R. Young, a son", "forename", ["Walter R. Young"]),
    ("Walter Young, a son", "forename", []),
    ("we reached N. W. Quillabee", "initials", []),
    ("we reached N.Q. Quillabee", "initials", []),
    ("and W.H. Quillet came", "initials", ["W.H. Quillet"]),
    ("printed by E. A. Pellworth of London", "initials", ["E. A. Pellworth"]),
    ("the sixth, Quintus T. Pellworth, came", "initials", ["Quintus T. Pellworth"]),
    ("Yesterday J. Pellworth came", "initials", ["J. Pellworth"]),
    ("then Mr. Quillquist and Mr. Wells came to Quill Wells", "titled", ["Quillquist", "Wells"]),
    ("the U. S. Minister and the U. S. Senator met O. P. Quillet", "initials", ["O. P. Quillet"]),
    ("the Navy. Peter D. Hedlund came", "forename", ["Peter D. Hedlund"]),
    ("dear Miss Pellworth In this hope", "titled", ["Pellworth"]),
    ("sent Deputy Wm. H. Quillet, who went", "titled", ["Wm. H. Quillet"]),
    ("arrested by Sheriff Quillet today", "titled", ["Quillet"]),
    ("County Clerk Quillet and Recorder Pellworth met", "titled", ["Quillet", "Pellworth"]),
    ("Patrolman Quillet called Architect O. T. Pellworth", "titled", ["Quillet", "O. T. Pellworth"]),
    ("the patrolman called the architect", "titled", []),
    ("the clerk told the Recorder of it", "titled", []),
    ("then Mr. Baker rose; Mr. Chairman, I rose; the baker", "titled", ["Baker"]),
    ("the Bishop Palace, the palace", "titled", []),
    ("the Chief Executive spoke, then Chief Quillet", "titled", ["Quillet"]),   # an office, not a name
    ("at noon Quillet said no, and He said yes", "speaker", ["Quillet"]),
    ("a man named Pellworth came, then NATO declared", "speaker", ["Pellworth"]),
    ("wanted that man Quillabee killed; the old woman Hesper came", "speaker", ["Quillabee", "Hesper"]),
    ("that man Snow came in the snow; the boy King rode; a man Quillet; the man, Pellworth", "speaker", []),
    ("the Gazette of Quillabee writes", "speaker", []),
    ("Quillet officiated; heard Pellworth preach; a poem which Osbert thinks good", "speaker",
     ["Quillet", "Pellworth", "Osbert"]),
    ("the Vicar preached, as He thinks fit, and the Church officiated", "speaker", []),
    ("Osbert's Lives said to be lost, the Charter said to have burnt; Quillet said to me", "speaker", ["Quillet"]),
    ("the U. S. Quillabee Agency and a N. Y. Quillabee firm wrote to U. S. Pellworth", "initials", ["U. S. Pellworth"]),
    ("the Deputy Marshal, Mr. Quillet, came", "titled", ["Quillet"]),
    ("attack (Mr. White told me) on white", "titled", ["White"]),
    ("reading Madame de Quillet's works", "titled", ["de Quillet"]),
    ("he married Bishop Baker, who sat in the Bishop Palace; the palace", "titled", ["Baker"]),
    ("a General Strike; a strike", "titled", []),
    ("his novel The Great Prince Died; he died", "titled", []),
    ("No, Messrs. Workers, I am no friend of workers", "titled", []),
    ("the Quillabeans replied", "speaker", []),
    ("the Fort Louis Gazette", "forename", []),
    ("ordered by Bishop Dame to go", "titled", ["Dame"]),
    ("a Quillabee Major D. Pellworth of the quillabee guard", "initials", ["D. Pellworth"]),
    ("says Hester Jane Pellworth there", "forename", ["Hester Jane Pellworth"]),
    ("as Tamsin Quarrie said of herself", "speaker", ["Tamsin Quarrie"]),
    ("with a man named Sam Pellworth, at", "speaker", ["Sam Pellworth"]),
    ("the court of Judge PELLWORTH'S district, and O'QUILLET spoke", "titled", ["PELLWORTH"]),
    ("the life of Mr. Bishop, and Mrs. Deacon; the Deputy Marshal", "titled", ["Bishop", "Deacon"]),
    ("the case for you, Mr. Minister: and Madame Ambassador", "titled", []),
    ("a letter from Mr P. and Mrs Q's note, and Mr. R. Pellworth", "abbreviated", ["P.", "Q"]),
    ("a kinswoman of St. Quellan, and like St Brannoc at", "saint", ["Quellan", "Brannoc"]),
    ("sworn before Osric Quillet, J.P. Tulverton, and J.P. Pellworth", "initials", ["J.P. Pellworth"]),
    ("we sailed to St. Quellan, then from St Brannoc home", "saint", []),
    ("in front of St. Quellan church; St. Brannoc's was shut", "saint", []),
    ("camped on the St. Quellan by St. Ambrosius' Well", "saint", []),
    ("the St. Quellan Gazette, on Quill St Brannoc", "saint", []),
    # a dateline's place, its state or month abbreviated after it
    ("St. Quellan, Minn., Jan. 3. Snow fell, as if St. Brannoc, the", "saint", ["Brannoc"]),
    # a title joined to the word before the initials, or misread, is no forename
    ("then Lieutenant-Governor J. A. Quillet and Goverhor W. S. Pellworth", "initials",
     ["J. A. Quillet", "W. S. Pellworth"]),
    ("Public Property-William R. Quillet; Mary-Anne J. Pellworth", "initials",
     ["William R. Quillet", "Mary-Anne J. Pellworth"]),
    # a headline's verb is no name: after a title it makes the title the subject
    ("Governor Praises Quillbury Girls", "titled", []),
    ("SEN. QUILLET DEPARTS THIS MORNING", "titled", ["QUILLET"]),
    ("Mrs. J. L. Pellworth Taken To Quillbury Hospital", "titled", ["J. L. Pellworth"]),
    ("Mayor John Banks Opens The Fair", "titled", ["John Banks"]),
    ("then Sen. Quillet departs; Governor Rogers Smith spoke", "titled", ["Quillet", "Rogers Smith"]),
    # court papers and letters written by hand: stops left off initials and abbreviations
    ("by the sheriff R D Quillet of Tulverton", "initials", ["R D Quillet"]),
    ("before O. P Pellworth, Justice", "initials", ["O. P Pellworth"]),
    ("the A B C of it, and E F GH", "initials", []),
    ("signed Thos Quillabee, clerk", "forename", ["Thos Quillabee"]),
    ("the Hon John J Osbert, a Justice", "forename", ["John J Osbert"]),
    # a place noun that is a surname too, after a forename or an initial
    ("Peter Wells and Mary B Church came to Quill Church", "forename", ["Peter Wells", "Mary B Church"]),
    ("Thomas Street runs north", "forename", []),
    # status words before a name are left out of it
    ("the said Negro Hannah, and Widow Quillet", "titled", ["Hannah", "Quillet"]),
    # a name after kin or a status word, a forename after a word that names
    ("took his wife Osrica home, and the said negro Tobiah Quillet", "cued", ["Osrica", "Tobiah Quillet"]),
    ("the said Mary and the said Court, a town called Quillbury", "cued", ["Mary"]),
    ("a town called Mary, and the said Deed", "cued", []),
    ("sons named Peter, Simon and Paul; named Mary and Osric", "cued", ["Peter", "Simon", "Paul", "Mary"]),
    ("and his wife North, or her husband Deputy", "cued", []),
    # an office or a party alone is no person; a word before a place's noun is the place's
    ("then Keeper replied, and Quillet said yes", "speaker", ["Quillet"]),
    ("the said Defendants replied", "speaker", []),
    ("in Prince Quillabee county, where Prince Osbert lived", "titled", ["Osbert"]),
    # a word opening a sentence that the text writes in lower case too: the sentence's capital
    ("to hold him. Commanding said sheriff to keep him, commanding the post; Quillet said no", "speaker",
     ["Quillet"]),
    # a name word after a forename and a second one is the surname; a common word is not
    ("by the resignation of Peter Osric Quillabee, Esquire", "forename", ["Peter Osric Quillabee"]),
    ("the house of Peter Quillet Street stands", "forename", ["Peter Quillet"]),
    ("to Peter Quillet Esquire of Tulverton", "forename", ["Peter Quillet"]),
    # a body's name is no person's, unless an honorific makes a person of its word
    ("by Act of the General Assembly, as Mr. Court said", "titled", ["Court"]),
    # offices in debates, addressed or speaking; not the names beside them
    ("HON. MEMBERS—Hear, hear. HON. MR. TULVERTON—No.", "titled", ["TULVERTON"]),
    ("The COLONIAL SECRETARY replied, and QUILLBURY said no.", "speaker", ["QUILLBURY"]),
    # a division list: a ditto mark repeats the title of the item above; a quotation's marks do not
    ("AYES. Mr. Pellworth,\n\" Quillet,\n\" O. T. Osbert,\nDr. Tulverton,\n\" Hannah.", "ditto",
     ["Quillet", "O. T. Osbert", "Hannah"]),
    ("moved, \"That an Address\n\" Table of the House.\"\n\" Quillet, Pellworth.", "ditto", []),
    # a name in apposition to a role; a forename after `dear`; initials signing a letter at a block's end
    ("they sent out Osric, the Quillabee Chief, and his men.", "apposition", ["Osric"]),
    ("they sent out Osric, the Chief of the band.", "apposition", ["Osric"]),
    ("Quillbury, the County Town, lies low.", "apposition", []),           # a sentence's first word; no role
    ("we rode there on Tobias, the Chief Clerk said.", "apposition", []),   # after a preposition
    ("they met Tulverton, the Quillabee town.", "apposition", []),           # no role
    ("Tell my own dear Hannah I want to see her.", "cued", ["Hannah"]),
    ("My dear Tobias, come soon.", "cued", ["Tobias"]),
    ("my dear Quillbury is far away.", "cued", []),                         # no forename
    ("Ever yours O.T.Q.", "signature", ["O.T.Q."]),
    ("O. Q.", "signature", ["O. Q."]),
    ("and there the matter rests.—O. Q.]", "signature", ["O. Q."]),
    ("Yours truly, H.P.", "signature", ["H.P."]),
    ("We arrived at four P.M.", "signature", []),                          # a sentence's abbreviation
    ("P.S.", "signature", []),
    ("signed by O.T.Q. and others.", "signature", []),                      # not at the end
])
def test_each_rule(text, rule, expected):
    assert rules(text)[rule] == expected


@pytest.mark.parametrize("text", [
    "took his wife Osrica home; the said Quillet and one slave Tobias; a man named Osbert",
    "The said Hannah Pellworth, her son Osric, a daughter Quillabee",
    "a man Tobias met, a letter for Hannah Quillet: no cue word",
    "Dear Hannah, my own dear Osric",
])
def test_the_gate_of_cued_names_hides_no_match(text):
    # the cue words that gate the search are in every match; a text without one is not searched
    assert [m.span() for m in persons_rules.cued_names(text)] == \
        [m.span() for m in persons_rules.CUED_NAME.finditer(text)]


def test_the_text_attests_forenames_no_list_holds():
    texts = ["Osrica Pellworth came with the said Quillet and his wife Tobiah; Osric Quillet",
             "saw the said Osrica and Tobiah Quillet, and the said Tulverton Road",
             "the said Plaintiffs Osric Quillet and Hannah Quillet; the said Defendants Ysolde Pellworth",
             "the said Ysolde Pellworth",
             "the said Tulver; Tulver Pellworth lived in the Tulver Quill"]
    known = Known(lower_words=frozenset({"came", "with", "the", "said", "and", "his", "wife", "saw"}))
    assert persons_rules.forenames_of_the_text(texts, known) == {"Osrica", "Tobiah", "Ysolde"}


def test_a_word_ranked_after_an_article_is_no_forename_the_text_attests():
    texts = ["before the Judge of the 2d Quillbury Circuit", "the said Quillbury Pellworth; the said Tobiah Quillet",
             "Tobiah Quillet came"]
    known = Known(lower_words=frozenset({"before", "the", "said", "came", "of"}))
    assert persons_rules.forenames_of_the_text(texts, known) == {"Tobiah"}


def test_a_forename_the_text_attests_opens_a_name_and_stands_alone(monkeypatch):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["acquainted with Osrica Wells and her children; the said Osrica would sell"]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == ["Osrica Wells", "Osrica"]


def test_no_stage_takes_an_office_alone_for_a_person(monkeypatch):
    import teikit.passes.persons as persons
    texts = ["To the Keeper of the Jail: receive Osric Quillet"]
    monkeypatch.setattr(persons, "model_spans", lambda texts, *rest: {0: [(7, 13), (35, 48)]})
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == ["Osric Quillet"]


@pytest.mark.parametrize("text, expected", [
    ("By order Tobias Quillet Clk", ["Tobias Quillet"]),                       # a clerk's abbreviation
    ("summon Hannah Quillet Administratrix of Tobias Quillet", ["Hannah Quillet", "Tobias Quillet"]),
    ("signed Tobias Quillet Pellworth that day", ["Tobias Quillet Pellworth"]),  # a surname stays
    ("the Judge sitting at Quillbury Tobias Quillet came", ["Tobias Quillet"]),  # a place's word before
    ("a letter from Quintus Tobias Quillet came", ["Quintus Tobias Quillet"]),
])
def test_a_court_papers_office_or_place_beside_a_name_is_no_part_of_it(monkeypatch, text, expected):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    assert [m.text for m in find_mentions([text], None, Options(), Report())] == expected


def test_no_stage_takes_a_partys_abbreviation_for_a_person(monkeypatch):
    import teikit.passes.persons as persons
    texts = ["and that Deft did not reply to Osric Quillet"]
    monkeypatch.setattr(persons, "model_spans", lambda texts, *rest: {0: [(9, 13), (31, 44)]})
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == ["Osric Quillet"]


def test_a_surname_in_lower_case_where_a_name_in_full_proves_it():
    text = "then Hannah quillet left, and Peter key; Peter went, Osric quillet, Hannah pellworth"
    named = {("Hannah", "Quillet"), ("P.", "Key")}
    assert [text[i:j] for i, j in persons_rules.surnames_in_lower_case(text, named, Known())] == [
        "Hannah quillet", "Peter key"]


def test_two_given_names_alone_and_written_small(monkeypatch):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["the children namely Hesper Jane, Ysolde maria and Osric", "the said Hesper Jane Quillet and Ysolde "
             "Maria Quillet, Hesper Janet went"]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == [
        "Hesper Jane", "Ysolde maria", "Hesper Jane Quillet", "Ysolde Maria Quillet"]
    encoded = encode_text("The said Hesper Jane Quillet came.\n\nHesper jane went.\n", name="letters.txt")
    refs = [(e.text, e.get("ref")) for e in encoded.tree.getroot().iter(f"{{{TEI_NS}}}persName")
            if e.getparent().tag != f"{{{TEI_NS}}}person"]
    assert refs == [("Hesper Jane Quillet", "#quillet-hesper"), ("Hesper jane", "#quillet-hesper")]
    text = "Hesper Janet, Hesper jane, Tobias Jane"
    found = persons_rules.given_names_pattern({("Hesper", "Jane")}).finditer(text)
    assert [m.group() for m in found] == ["Hesper jane"]


def test_a_name_after_the_kind_of_place_it_names_is_no_speaker():
    texts = ["held at the town of Quillbury. Then Quillbury said nothing, and Tobias said no"]
    assert [m.text for m in find_mentions(texts, None, Options(model=False), Report())] == ["Tobias"]


def test_a_common_word_written_in_lower_case_is_no_surname():
    assert rules("George Glass sat on a glass.")["forename"] == []


def test_surname_stage_finds_full_names_and_bare_surnames():
    pattern = surname_pattern({"Osbert Fenwick", "Osbert Glass"}, {"Fenwick", "Glass"})
    text = "Osbert Fenwick came. Later FENWICK left; the Fenwick Trust paid, and Fenwick's smile on a Glass."
    known = Known(lower_words=frozenset({"glass"}))
    assert [text[i:j] for i, j in surname_mentions(text, pattern, known)] == \
        ["Osbert Fenwick", "FENWICK", "Fenwick"]


def test_a_surname_after_a_quotations_opening_mark_is_sought_but_not_inside_a_word():
    pattern = surname_pattern({"Osric Quillet"}, {"Quillet", "Arcy"})
    text = "'Quillet fired,' she said. O'Quillet, D'Arcy, McQuillet and Tulverton-Quillet came."
    assert [text[i:j] for i, j in surname_mentions(text, pattern, Known())] == ["Quillet"]


def test_a_surname_that_reads_as_a_roman_numeral_in_capitals_is_not_sought_in_capitals():
    pattern = surname_pattern({"Osric Quillet"}, {"Quillet", "Xi"})
    text = "Xi came. CHAPTER XI. QUILLET AND HIS MILL. See Chapter XI."
    assert [text[i:j] for i, j in surname_mentions(text, pattern, Known())] == ["Xi", "QUILLET"]


def test_a_common_word_surname_of_a_person_named_in_full_is_found_in_running_prose():
    pattern = surname_pattern({"Osric Glass"}, {"Glass"})
    text = "Osric Glass came. We spoke with Glass, and Glass left. Glass broke; a glass; THE GLASS AGE."
    known = Known(lower_words=frozenset({"glass"}))
    found = [text[i:j] for i, j in surname_mentions(text, pattern, known, frozenset({"Glass"}))]
    assert found == ["Osric Glass", "Glass", "Glass"]            # not at a sentence's start nor in capitals
    assert [text[i:j] for i, j in surname_mentions(text, pattern, known)] == ["Osric Glass"]


def test_no_word_of_the_language_after_a_salute_or_a_title_of_kin():
    text = ("Honoured Sir\nOn receipt of yours, Dear Uncle\nPermit me to say I wrote Uncle Yesterday as I wrote "
            "yesterday, and Aunt Hannah and Uncle Osric came with Sir Osbert Quillet.")
    assert rules(text)["titled"] == ["Hannah", "Osric", "Osbert Quillet"]
    assert rules("Ever my dear Sir\nMost sincerely yours, and Sir Osric's")["titled"] == ["Osric"]   # a closing goes on
    assert rules(text.replace("wrote yesterday", "wrote"))["titled"][0] == "Yesterday"   # no evidence it is a word


def test_a_name_keeps_no_suffix():
    text = "from Osric Quillet, Esqr. and Wm Pellworth Bart on Monday"
    assert persons_model.trim(text, 5, 25) == (5, 18)
    assert without_suffix(text, 30, 47) == (30, 42)
    assert without_suffix(text, 30, 42) == (30, 42)
    assert without_suffix("Bart", 0, 4) == (0, 4)                 # a span of a suffix alone stays for the checks


def test_a_surname_after_a_places_first_word_is_the_places():
    pattern = surname_pattern(set(), {"Quillet"})
    text = "Quillet came to Mt. Quillet, then to Fort Quillet; Quillet left."
    assert [text[i:j] for i, j in surname_mentions(text, pattern, Known())] == ["Quillet", "Quillet"]


def test_a_surname_in_capitals_before_a_states_abbreviation_is_a_datelines_town():
    pattern = surname_pattern(set(), {"Quillet"})
    text = "ST. QUILLET, Pa., May 3. QUILLET. N. D. Then QUILLET, Osric and Quillet. Ont. left."
    assert [text[i:j] for i, j in surname_mentions(text, pattern, Known())] == ["QUILLET", "Quillet"]
    text = "by OSRIC QUILLET, M.A., and QUILLET, Esq."      # a degree, a suffix: the person
    assert [text[i:j] for i, j in surname_mentions(text, pattern, Known())] == ["QUILLET", "QUILLET"]


def test_words_derived_from_a_surname_are_not_persons():
    from teikit.passes.persons import derived_from
    assert derived_from("Pellworthgrad", {"Pellworth"}) and not derived_from("Pellworth", {"Pellworth"})
    assert not derived_from("Pellworth Hall", {"Pellworth"})


def test_the_surname_stage_carries_no_plural_of_a_people(monkeypatch):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Elder Veldanians spoke. A Veldanian came, and the Veldanians left."]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == ["Veldanians"]


def test_no_name_runs_over_the_end_of_a_lists_short_line():
    text = ("Present\nOsric Quillet Chief Judge\nTobias Pellworth\nHannah Quillabee Clerk\n"
            "and the court heard how the petition of Osbert Tulverton came in, which the clerk\n"
            "read aloud, and then the court said, with Judge Tobias\nPellworth there, that the\n"
            "whole of it was in order and that it would sit again in the spring of the year\n")
    doc = document_from_text(text, "t.txt")
    block = Block("p", doc.lines)
    view = reading_view(block)
    line_ends = list_line_ends([block], [view])
    spans = [(view.text.index("Present Osric Quillet"), view.text.index(" Chief")),
             (view.text.index("Tobias Pellworth Hannah"), view.text.index(" Quillabee")),
             (view.text.index("Tobias Pellworth there"), view.text.index(" there"))]
    assert [view.text[slice(*within_line(view.text, i, j, line_ends[0]))] for i, j in spans] \
        == ["Osric Quillet", "Tobias Pellworth", "Tobias Pellworth"]   # a full line's end is crossed


def test_pieces_of_one_name_found_apart_are_joined():
    from teikit.passes.persons import join_adjacent
    text = "President QUINTUS C QUILLET said, and Osbert, Pellworth"
    pieces = [Mention(0, text.index(w), text.index(w) + len(w), w) for w in ("QUINTUS", "QUILLET", "Osbert",
                                                                          "Pellworth")]
    assert [m.text for m in join_adjacent(pieces, [text])] == ["QUINTUS C QUILLET", "Osbert", "Pellworth"]
    text = "Quillet Tulverton Pellworth J.B. Osbert"       # a list, not a name
    pieces = [Mention(0, 0, 27, text[:27]), Mention(0, 28, len(text), text[28:])]
    assert len(join_adjacent(pieces, [text])) == 2


def test_the_surname_stage_carries_no_point_of_the_compass(monkeypatch):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Peter West came. The river flowed West, and West spoke."]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == ["Peter West"]


@pytest.mark.parametrize("text", ["We went down the Quillabee, then home.", "the Quillabee in flood",
                                  "beyond the Quillabee range", "Quillabee mountains rise"])
def test_a_word_where_things_stand_is_a_place(text):
    assert persons_model.place_words([text], persons_model.THING_CONTEXTS) == {"Quillabee"}


@pytest.mark.parametrize("text", ["the Pellworth of old", "the Pellworth Act", "Pellworth's village",
                                  "the Pellworth, Quillet and Osric expeditions"])
def test_a_name_before_of_a_capital_or_as_an_owner_is_no_place(text):
    assert persons_model.place_words([text]) == set()


def test_the_surname_stage_carries_no_place_but_trusts_a_name_after_at(monkeypatch):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Peter Quillabee spoke of the Quillabee range; Quillabee was high.",
             "Peter Pellworth came; they fired at Pellworth, and Pellworth fell."]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == [
        "Peter Quillabee", "Peter Pellworth", "Pellworth", "Pellworth"]


def test_a_title_keeps_a_surname_that_also_names_a_river(monkeypatch):
    # rivers and ranges bear their finders' names: `the Pellworth,` is the river, `Major
    # Pellworth` vouches for the bare surname elsewhere; a queen's forename vouches for no surname
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Major Pellworth led them. They reached the Pellworth, and camped there.",
             "The tracks of Pellworth were plain. Queen Hannah reigned; they crossed the Hannah, "
             "where Hannah rises."]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == [
        "Pellworth", "Pellworth", "Hannah"]


def test_a_surname_owning_a_place_names_the_place(monkeypatch):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Mr. Tobias Quillet rode north to Quillet’s Creek and Quillet' Pillar; Quillet’s horse died."]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == ["Tobias Quillet", "Quillet"]


def test_a_surname_the_text_uses_as_a_place_is_no_person_alone(monkeypatch):
    # `in Quillbury`, `at Quillbury`: the town's, however often; one Peter Quillbury is named
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Peter Quillbury sailed.", "We lived in Quillbury, near the docks; at Quillbury the mills ran. "
             "Quillbury was loud."]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == ["Peter Quillbury"]
    # faith in a person now and then makes no place of his name
    texts = ["Peter Pellworth spoke."] + ["Pellworth said it. Pellworth did it."] * 20 + \
        ["They had faith in Pellworth and trust in Pellworth."]
    assert sum(m.text == "Pellworth" for m in find_mentions(texts, None, Options(), Report())) == 42


def test_a_surname_the_text_uses_as_a_place_links_to_no_register_entry(finder):
    texts = ["Edgar Quill signed.", "In Quill the men met, at Quill they rested; Quill was quiet."]
    assert linked(texts, finder) == ([("Edgar Quill", "quill-edgar")], [])


def test_a_constituency_stays_a_place_where_a_person_bears_its_name(monkeypatch):
    # `member for X` names a place whatever else the text names X (unlike `at X`, which
    # may govern a person)
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Sir GEORGE TULVERTON wrote. The hon. member for Tulverton (Mr. QUILLET) rose."]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == ["GEORGE TULVERTON", "QUILLET"]


def test_a_name_that_speaks_is_found_again_unless_the_text_makes_it_a_place(monkeypatch):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Quillet said no. We met Quillet's men.", "Tulverton declared war; we lived in Tulverton."]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == ["Quillet", "Quillet"]


def test_pick_prefers_leftmost_then_longest_and_never_overlaps():
    taken = Nearby()
    taken.add(11, 13, (11, 13))
    assert pick([(5, 9), (0, 9), (0, 4), (10, 12)], taken) == [(0, 9)]


# ---------------------------------------------------------------- model stage (filters; no model needed)

def test_open_windows_skip_claimed_common_and_repeated_words():
    from collections import Counter
    text = "Yesterday we saw Pellworth at the mill and Pellworth again, then Pellworth once more with Gerrity."
    seen = Counter()
    claimed = text.index("Gerrity")
    windows = persons_model.open_windows(text, [(claimed, claimed + 7)], frozenset({"mill"}), seen)
    assert seen == Counter({"Pellworth": 2})
    assert all(text[i:j].strip() for i, j in windows)
    assert not any(i <= claimed < j for i, j in windows[1:])


@pytest.mark.parametrize("text, span, expected", [
    ("the ship Endeavour sailed", "Endeavour", False),
    ("we met at Tulverton, then", "Tulverton", False),
    ("the Pellworth Act", "Pellworth", False),
    ("R. Ferri sulph. gr. ij.", "R. Ferri", False),
    ("and Quentin Tarrant agreed. Then", "Quentin Tarrant", True),      # a verb ends the sentence
    ("take Quill Borax tinct. twice", "Quill Borax", False),            # a rare word: an abbreviation
    ("take Quill Borax gr. ij.", "Quill Borax", False),                 # a short one too
    ("signs of Pellworthism", "Pellworthism", False),
    ("N. Y.", "N. Y.", False),
    ("see his Memoirs, Vol. 2, p. 40", "Vol", False),
    ("as told in Ch. IV of the", "Ch", False),
    ("2 Ibid., p. 14; Idem, p. 9", "Ibid", False),                     # the Latin of a citation
    ("QUILLABEE QUAY CONCERT.", "QUILLABEE QUAY", False),             # capitals: the model reads them poorly
    ("2 Ibid., p. 14; Idem, p. 9", "Idem", False),
    ("a letter from Ames. 2 The", "Ames", True),
    ("Self- Taught Artisans", "Taught Artisans", False),
    ("the river flowed West for days", "West", False),
    ("camped on the Santa Quillabee that night", "Quillabee", False),
    ("climbed Mt. Pellworth next", "Pellworth", False),
    ("a letter from Lake Pellworth", "Lake Pellworth", False),
    ("we met Osbert Pellworth there", "Osbert Pellworth", True),
    ("President PellwOrth left", "PellwOrth", False),                  # OCR's jumble of a word
    ("and Osbert McQuillet left", "Osbert McQuillet", True),          # a name's prefix
    ("and Osbert DeQuillabee left", "Osbert DeQuillabee", True),
    ("found Lieut. Quillet asleep", "Lieut", False),                  # the title of the next name
    ("from Elders Wm. Quillet and Osric", "Elders", False),
    ("called 'Deacon' Quillet by all", "Deacon", False),
    ("and Deacon said nothing", "Deacon", True),                      # a surname alone
    ("a writ of Habeas Corpus issued", "Habeas Corpus", False),      # the Latin of a writ
    ("thereupon Subpoena issued", "Subpoena", False),
    ("thereupon Quillet issued it", "Quillet", True),
    ("at your peril. Hereof fail not", "Hereof", False),              # the law's adverb
    ("at your peril. Quillet fail not", "Quillet", True),
    ("living in Quillabee Territory since", "Quillabee Territory", False),   # the law's division of land
    ("living with Quillabee Terry since", "Quillabee Terry", True),
    ("to incorporate the Tulverton and Quillbury Railway", "Quillbury Railway", False),   # a body's name
    ("a letter from Osbert Railton", "Osbert Railton", True),
    ("2. Correspondence, etc., of Osric Quillet, IV., 12.", "Correspondence", False),   # a work's title
    ("3. Parliamentary Debates, XII., 40.", "Debates", False),
    ("a letter from Hannah Papworth, who", "Hannah Papworth", True),
    ("kept in the Pellworth Library, Quillbury", "Pellworth Library", False),
    ("read in the Quillbury Gazette of May", "Quillbury Gazette", False),   # a paper's name
    ("Then there are Quillets Lectures? or", "Quillets Lectures", False),  # a work's
    ("not before Michaelmas, when", "Michaelmas", False),             # a feast of the year
    ("not before Quillabee came", "Quillabee", True),
    ("a section of the river Quillabee had", "Quillabee", False),     # a land's noun before it
    ("a word from the driver Quillabee, who", "Quillabee", True),
    ("reached North Lat. 4 in May", "North Lat", False),               # a coordinate
    ("reached North Quillet in May", "North Quillet", True),
    ("fell with Quillets Government in May", "Quillets Government", False),   # a body
    ("a course of his Cordial Quillbury Balm cured him", "Cordial Quillbury Balm", False),   # a remedy's name
    ("a box of Hesper Vegetable Pills", "Hesper Vegetable Pills", False),
    ("a letter from Hesper Balmer of Quillbury", "Hesper Balmer", True),
    ("he walked Avith Hesper to the", "Avith", False),                # OCR's `Av` for a worn `w`
    ("he walked Tbe way home", "Tbe", False),                         # OCR's `b` for `h`
    ("he walked with Tulverton to the", "Tulverton", True),
    ("he said Avlien Hesper came", "Avlien", False),                  # two misreadings deep: `wlien`, `when`
    ("he said Tobias came", "Tobias", True),
])
def test_model_spans_are_filtered_for_print(text, span, expected):
    start = text.index(span)
    assert persons_model.plausible(text, start, start + len(span), Known()) is expected


@pytest.mark.parametrize("text, span, expected", [
    ("a narrow part. Below Quillabee the river", "Below Quillabee", "Quillabee"),
    ("the tale of Bill Pellworth below", "Bill Pellworth", "Bill Pellworth"),
    ("the hill. Osbert Pellworth came below", "Osbert Pellworth", "Osbert Pellworth"),
    ("a memoir (Sce Pellworth's paper) says", "Sce Pellworth", "Pellworth"),     # OCR's `See`, inside too
    ("a memoir (Tulverton Pellworth's paper) says", "Tulverton Pellworth", "Tulverton Pellworth"),
])
def test_a_common_word_opening_a_sentence_is_no_part_of_a_name(text, span, expected):
    start = text.index(span)
    known = Known(forenames=frozenset({"Osbert"}), lower_words=frozenset({"below", "bill"}))
    i, j = persons_model.without_common_first_word(text, start, start + len(span), known)
    assert text[i:j] == expected


@pytest.mark.parametrize("name", ["QUILLABEE ABBEY", "Quillabee Church", "St. Osbert Chapel"])
def test_a_name_ending_in_a_church_is_a_place(name):
    from teikit.passes.persons_rules import names_a_place
    assert names_a_place(name)


def test_trim_leaves_nothing_of_a_span_of_spaces_of_any_kind():
    assert persons_model.trim("a \x85\xa0 b", 1, 5) is None
    assert persons_model.trim("Quillet\x85", 0, 8) == (0, 7)


def test_trim_keeps_the_owner_of_a_possessive():
    text = "see Pellworth's Calendar here"
    i, j = persons_model.trim(text, 4, 21)
    assert text[i:j] == "Pellworth"


def test_trim_drops_titles_possessive_and_punctuation():
    text = "to Grand Duke Michael's house"
    assert persons_model.trim("the Bishops Pellworth", 4, 18) == (12, 18)
    start = text.index("Grand")
    i, j = persons_model.trim(text, start, start + len("Grand Duke Michael's"))
    assert text[i:j] == "Michael"


@pytest.mark.parametrize("span, name", [("Osric Quillet Some", "Osric Quillet"), ("Quillet These", "Quillet"),
                                        ("Some", "Some"), ("Osric Young", "Osric Young")])
def test_trim_drops_a_last_word_that_opens_a_phrase(span, name):
    text = f"the son of {span} of the tribe came"
    i, j = persons_model.trim(text, 11, 11 + len(span))
    assert text[i:j] == name


@pytest.mark.parametrize("cited", ["Vide Osric Pellworth", "Cf. Osric Pellworth"])
def test_trim_drops_the_word_that_cites_an_author(cited):
    text = f"({cited}, p. 12.)"
    i, j = persons_model.trim(text, 1, 1 + len(cited))
    assert text[i:j] == "Osric Pellworth"


def test_a_word_the_text_puts_after_a_preposition_of_place_is_no_person():
    texts = ["Pellworth left for Tulverton.", "We camped at Tulverton; at Pellworth's all was well."]
    entities = [persons_model.Entity(0, 0, 6, "Pellworth", "PERSON"),
                persons_model.Entity(0, 16, 25, "Tulverton", "PERSON")]
    assert persons_model.person_spans(entities, texts, Known()) == {0: [(0, 6)]}


def test_a_constituency_is_no_person():
    texts = ["Pellworth replied to the Hon. member\nfor Tulverton and the members for Quillabee."]
    at = texts[0].index("Tulverton")
    entities = [persons_model.Entity(0, 0, 9, "Pellworth", "PERSON"),
                persons_model.Entity(0, at, at + 9, "Tulverton", "PERSON")]
    assert persons_model.place_words(texts) >= {"Tulverton", "Quillabee"}
    assert persons_model.person_spans(entities, texts, Known()) == {0: [(0, 9)]}


def test_a_plural_of_a_capitalised_word_is_no_person():
    texts = ["The Veldanians came; a Veldanian spoke."]
    entities = [persons_model.Entity(0, 4, 14, "Veldanians", "PERSON")]
    assert persons_model.person_spans(entities, texts, Known()) == {}


def test_the_models_spans_in_a_block_in_title_case_are_dropped():
    # a contents entry, a heading: every long word capitalised; the same words in prose stay
    texts = ["Disorders of the Quillabee Vein", "Remedies", "They sent for Quillabee Vein at once."]
    entities = [persons_model.Entity(0, 17, 31, "Quillabee Vein", "PERSON"),
                persons_model.Entity(2, 14, 28, "Quillabee Vein", "PERSON")]
    assert persons_model.person_spans(entities, texts, Known()) == {2: [(14, 28)]}
    assert not persons_model.in_title_case("Remedies")       # one word proves nothing
    assert not persons_model.in_title_case("Take of Pellworth Tonic, one ounce")
    assert persons_model.in_title_case("Quillet Buys Mill, Which Costs $12,345,678")   # a sum's commas
    assert not persons_model.in_title_case("Osric Pellworth, Tobias Quillet, Dace Quillabee, 1,200 Men")
    # a name after a label is a signature, kept
    texts = ["Witness: Tobias Quillabee", "Witness: Quillabee Vein and Sons"]
    entities = [persons_model.Entity(0, 9, 25, "Tobias Quillabee", "PERSON"),
                persons_model.Entity(1, 9, 23, "Quillabee Vein", "PERSON")]
    assert persons_model.person_spans(entities, texts, Known()) == {0: [(9, 25)]}
    # a list of names parted by commas is no title, however capitalised
    assert not persons_model.in_title_case("Osric Pellworth, Tobias Quillet, Dace Quillabee, Fenn Osbert")


def plurals_of(texts):
    return persons_model.plurals(persons_model.capitalised_words(texts))


def test_a_word_met_only_as_an_owner_makes_no_plural():
    assert plurals_of(["Pellwort's train came; a man named Pellworts led it."]) == set()
    assert plurals_of(["Pellwort came; a man named Pellworts led it."]) == {"Pellworts"}


def test_an_owner_of_every_name_shape_is_left_whole():
    """The owner's `'s` is read after the whole name word (O'Quillet's, Quillet-Osbert's,
    McQuillet's), never after a part of it."""
    owners = "O'Quillet's cart, Quillet-Osbert's cart, McQuillet's cart"
    plural = "the O'Quillets, Quillet-Osberts and McQuillets came"
    assert plurals_of([f"{owners}; {plural}."]) == set()
    assert plurals_of([f"O'Quillet, Quillet-Osbert, McQuillet; {plural}."]) == {
        "O'Quillets", "Quillet-Osberts", "McQuillets"}


def test_a_name_the_model_mostly_calls_a_place_is_dropped():
    texts = ["Pellworth spoke at Tulverton.", "Tulverton is far; Tulverton is cold."]
    entities = [persons_model.Entity(0, 0, 6, "Pellworth", "PERSON"),
                persons_model.Entity(0, 16, 25, "Tulverton", "PERSON"),
                persons_model.Entity(1, 0, 9, "Tulverton", "GPE"), persons_model.Entity(1, 18, 27, "Tulverton", "GPE")]
    assert persons_model.person_spans(entities, texts, Known()) == {0: [(0, 6)]}


@pytest.mark.skipif(persons_model.load_model() is None, reason="the NER model package is not installed")
def test_the_model_runs_its_recogniser_alone():
    # the recogniser embeds tokens itself: a shared tok2vec would be computed for no one
    assert persons_model.load_model().pipe_names == ["ner"]


@pytest.mark.skipif(persons_model.load_model() is None, reason="the NER model package is not installed")
def test_the_model_finds_a_name_no_rule_knows():
    text = "The petition was signed by Ormond Blackwood and two others."
    mentions = find_mentions([text], None, Options(), Report())
    assert [(m.text, m.stage) for m in mentions] == [("Ormond Blackwood", "model")]


def test_without_the_model_package_the_rules_work_alone(monkeypatch):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    report = Report()
    mentions = find_mentions(["Mr. Pellworth came."], None, Options(), report)
    assert [m.text for m in mentions] == ["Pellworth"]
    assert [m.code for m in report.messages] == ["TK171"]


# ---------------------------------------------------------------- keys

def test_a_forename_alone_names_the_one_person_of_that_forename():
    names = ["Osbert Fenwick", "Osbert", "Quentin Pellworth", "Quentin Tarrant", "Quentin"]
    mentions = [Mention(k, 0, 1, name) for k, name in enumerate(names)]
    assign_keys(mentions, set(), [m.text for m in mentions])
    assert [m.key for m in mentions] == ["fenwick-osbert", "fenwick-osbert", "pellworth-quentin", "tarrant-quentin",
                                         "quentin"]


def test_a_forename_after_a_word_of_the_family_is_a_relatives(monkeypatch):
    # `my son Osbert` is no namesake named in full elsewhere (`Osbert Fenwick`), but a person of his own
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Peter Fenwick wrote.", "Fortunately my son Peter, who lives here, came."]
    mentions = find_mentions(texts, None, Options(), Report())
    assign_keys(mentions, set(), texts)
    assert [(m.text, m.key) for m in mentions] == [("Peter Fenwick", "fenwick-peter"), ("Peter", "peter")]
    assert persons_rules.names_a_relative("to her husband Tobias", len("to her husband "))
    assert not persons_rules.names_a_relative("to the husband Tobias", len("to the husband "))


@pytest.mark.parametrize("text, words, keys", [
    ("his children Peter and Sarah. Later Peter came", ["Peter", "Sarah", "Peter"],
     ["peter", "sarah", "tarrant-peter"]),
    ("the two Tarrants, Peter and Quentin. Later Peter came", ["Peter", "Quentin", "Peter"],
     ["tarrant-peter", "tarrant-quentin", "tarrant-peter"]),
    ("agents (Pellworth, Peter) said", ["Pellworth", "Peter"], ["pellworth", "tarrant-peter"]),
])
def test_forenames_in_a_list_are_a_familys_not_the_namesake_in_full(text, words, keys):
    named = [Mention(0, 0, 13, "Peter Tarrant"), Mention(0, 14, 29, "Quentin Tarrant")]
    listed, at = [], 0
    for word in words:
        at = text.index(word, at)
        listed.append(Mention(1, at, at + len(word), word))
        at += len(word)
    assign_keys(named + listed, set(), ["Peter Tarrant Quentin Tarrant", text])
    assert [m.key for m in listed] == keys


def test_a_surname_that_is_a_forename_too_makes_no_list_of_forenames():
    texts = ["Osbert Morris and Peter Tarrant", "the creeds of Morris and Peter differ"]
    mentions = [Mention(0, 0, 13, "Osbert Morris"), Mention(0, 18, 31, "Peter Tarrant"),
                Mention(1, 14, 20, "Morris"), Mention(1, 25, 30, "Peter")]
    assign_keys(mentions, set(), texts)
    assert [m.key for m in mentions[2:]] == ["morris-osbert", "tarrant-peter"]


def test_a_bare_surname_names_the_one_the_text_does_not_call_by_forename():
    names = ["Quentin Pellworth", "Osbert Pellworth", "Osbert", "Pellworth"]
    mentions = [Mention(k, 0, 1, name) for k, name in enumerate(names)]
    assign_keys(mentions, set(), [m.text for m in mentions])
    assert [m.key for m in mentions] == ["pellworth-quentin", "pellworth-osbert", "pellworth-osbert",
                                         "pellworth-quentin"]


def test_a_name_alone_after_a_title_that_takes_a_surname_is_no_forename(monkeypatch):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Mayor Martin spoke. Later Martin Quillet came, and Sir Martin went home."]
    mentions = find_mentions(texts, None, Options(), Report())
    found = assign_keys(mentions, set(), texts)
    assert [(m.text, m.key) for m in mentions] == [
        ("Martin", "martin"), ("Martin Quillet", "quillet-martin"), ("Martin", "quillet-martin")]
    assert sorted(found) == ["martin", "quillet-martin"]


@pytest.mark.parametrize("text", ["Apply to Glass & Co., or to", "sold by Quillet & Sons,", "Pellworth Bros. sell",
                                  "(Quillet & Brothers, 1901)"])
def test_a_firms_name_is_no_person(monkeypatch, text):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    assert find_mentions(["Osbert Glass, Hannah Quillet and Peter Pellworth came. " + text], None, Options(),
                         Report())[3:] == []


def test_a_person_and_co_in_prose_is_a_person(monkeypatch):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Peter Pellworth spoke. Since when were Pellworth and Co. not the old guard? Pellworth and Company lie."]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == [
        "Peter Pellworth", "Pellworth", "Pellworth"]


def test_an_initial_alone_names_the_person_of_that_initial_last_met():
    names = ["Quentin Pellworth", "P.", "Osbert Tarrant", "Peter Prosser", "P.", "T.", "Z."]
    mentions = [Mention(k, 0, 1, name) for k, name in enumerate(names)]
    assign_keys(mentions, set(), names)
    assert [m.key for m in mentions] == ["pellworth-quentin", "pellworth-quentin", "tarrant-osbert", "prosser-peter",
                                         "prosser-peter", "tarrant-osbert", "z"]


def test_titles_keep_a_woman_and_a_man_of_one_surname_apart():
    mentions = [Mention(0, 0, 1, "W. Pellworth", sex="m"), Mention(1, 0, 1, "Pellworth", sex="f"),
                Mention(2, 0, 1, "Pellworth", sex="m"), Mention(3, 0, 1, "Pellworth")]
    assign_keys(mentions, set(), [m.text for m in mentions])
    assert [m.key for m in mentions] == ["pellworth-w", "pellworth", "pellworth-w", "pellworth-w"]


def test_a_letters_kin_and_a_regiments_ranks_are_titles_left_out_of_the_name():
    texts = ["Give my love to Aunt Hannah and Cousin Tobias; Col Pellworth and Corpl. Osbert Quillet are well."]
    mentions = find_mentions(texts, None, Options(model=False), Report())
    assert [m.text for m in mentions] == ["Hannah", "Tobias", "Pellworth", "Osbert Quillet"]
    assert [m.sex for m in mentions][:1] == ["f"]


def test_short_titles_printed_in_capitals_are_titles():
    texts = ["HON. MR. QUILLET and MRS. PELLWORTH came; PRIVATE PROPERTY was sold."]
    mentions = find_mentions(texts, None, Options(model=False), Report())
    assert [(m.text, m.sex) for m in mentions] == [("QUILLET", "m"), ("PELLWORTH", "f")]


def test_a_scots_name_in_capitals_keeps_its_prefix_in_lower_case():
    texts = ["Mr. McQUILLET and Mr. MacPELLWORTH rose together."]
    mentions = find_mentions(texts, None, Options(model=False), Report())
    assert [m.text for m in mentions] == ["McQUILLET", "MacPELLWORTH"]



def test_a_name_in_capitals_ocr_glued_to_its_titles_full_stop_is_a_name():
    texts = ["Mr.QUILLET.—I rise. Mr.McPELLWORTH.—So do I. The Co.Tulverton mill and Mr.quillet's ox stay."]
    mentions = find_mentions(texts, None, Options(model=False), Report())
    assert [m.text for m in mentions] == ["QUILLET", "McPELLWORTH"]

def test_the_sex_a_title_says():
    from teikit.passes.persons_rules import sex_of_title, title_before
    text = "Mrs. Pellworth and Sir W. Pellworth and Dr. Pellworth"
    assert [sex_of_title(title_before(text, text.index(name))) for name in ("Pellworth", "W. Pellworth", "Dr.")] \
        == ["f", "m", ""]
    assert sex_of_title(title_before(text, text.rindex("Pellworth"))) == ""


def test_the_sex_a_forename_says_only_in_a_name_of_several_words():
    from teikit.passes.persons_rules import sex_of_forename
    assert [sex_of_forename(name) for name in ("Ann Pellworth", "Thos. Pellworth", "John Q. Tarrant",
                                               "Jean Pellworth", "George", "Quentin Pellworth")] == \
        ["f", "m", "m", "", "", ""]


def test_a_man_called_by_his_surname_is_not_the_woman_named_in_full_before():
    encoded = encode_text("Ann Pellworth wrote first.\n\nThen Mr. Pellworth answered her, and Ann Pellworth "
                       "wrote again.\n", name="letters.txt")
    refs = [(e.text, e.get("ref")) for e in encoded.tree.getroot().iter(f"{{{TEI_NS}}}persName")
            if e.getparent().tag != f"{{{TEI_NS}}}person"]
    assert refs[0] == refs[2] == ("Ann Pellworth", "#pellworth-ann")
    assert refs[1][0] == "Pellworth" and refs[1][1] != "#pellworth-ann"


def test_name_parts_and_agreement():
    assert name_parts("J. M. PELLWORTH") == (("J.", "M."), "Pellworth")
    assert name_parts("Henry VII") == ((), "Henry VII")
    assert name_parts("Ludwig van Beethoven") == (("Ludwig",), "van Beethoven")
    assert agree(("J.",), ("John",)) and not agree(("James",), ("John",))
    assert agree(("J.", "O."), ("John", "Osric")) and agree(("John",), ("J.", "S."))
    assert not agree(("J.", "S."), ("John", "A."))          # two men of one surname, by their second initial


def test_mentions_of_one_person_share_a_key():
    names = ["Mr. Pellworth", "John Pellworth", "J. Pellworth", "Pellworth", "James Pellworth", "Pellworth", "Tarrant"]
    mentions = [Mention(k, 0, 1, name.removeprefix("Mr. ")) for k, name in enumerate(names)]
    found = assign_keys(mentions, {"tarrant"}, [m.text for m in mentions])
    assert [m.key for m in mentions] == ["pellworth-john", "pellworth-john", "pellworth-john", "pellworth-john",
                                         "pellworth-james", "pellworth-james", "tarrant-2"]
    assert found["pellworth-john"].entry()["note"].endswith("not reviewed.")


def test_a_person_known_by_a_forename_alone_has_it_as_a_name_in_the_register():
    mentions = [Mention(0, 0, 1, "William"), Mention(1, 0, 1, "Quillet")]
    found = assign_keys(mentions, set(), ["William", "Quillet"])
    william, quillet = found["william"].entry(), found["quillet"].entry()
    assert (william["forename"], william["surname"], william["name"]) == ("", "", "William")
    assert (quillet["forename"], quillet["surname"]) == ("", "Quillet")


# ---------------------------------------------------------------- the pass

def _doc(text):
    doc = document_from_text(text)
    doc.body = [Block("div", children=[Block("p", lines=doc.lines)])]
    return doc


def test_name_split_by_line_end_and_ocr_spacing(tmp_path):
    register = tmp_path / "persons.yaml"
    register.write_text("persons:\n  - id: trotsky\n    forename: Leon\n    surname: Trotsky\n", encoding="utf-8")
    doc = _doc("Leon Trotsky said Trot\nsky and T rotsky")
    block = doc.body[0].children[0]
    block.lines[0].hyphen = Hyphen.JOIN
    block.marks.append(Mark("choice", 31, 39, {"corr": "Trotsky"}))
    run(doc, Options(register=str(register), model=False), Report())
    names = [(block.text[m.start:m.end], m.attrs) for m in block.marks if m.tag == "persName"]
    assert names == [("Leon Trotsky", {"ref": "#trotsky"}), ("Trot\nsky", {"ref": "#trotsky"}),
                     ("T rotsky", {"ref": "#trotsky"})]


def test_run_links_on_evidence_and_builds_the_edition_register(tmp_path):
    register = tmp_path / "persons.yaml"
    register.write_text("persons:\n  - id: trotsky\n    forename: Leon\n    surname: Trotsky\n"
                        "    birth: 1879\n    death: 1940\n    idno: {wikidata: Q33391}\n", encoding="utf-8")
    doc = _doc("Leon Trotsky and Comrade Ulrich.")
    run(doc, Options(register=str(register), model=False), Report())
    marks = doc.body[0].children[0].marks
    assert [(m.start, m.end, m.attrs) for m in marks] == [(0, 12, {"ref": "#trotsky"}), (25, 31, {"ref": "#ulrich"})]
    assert doc.persons["trotsky"]["idno"] == {"wikidata": "Q33391"}
    assert doc.persons["ulrich"]["surname"] == "Ulrich" and doc.persons["ulrich"]["idno"] == {}
    assert doc.facts.persons.marked == 2


def test_without_a_register_every_person_gets_an_entry():
    doc = _doc("Mr. Pellworth met Peter Hedlund; Hedlund smiled.")
    run(doc, Options(model=False), Report())
    assert sorted(doc.persons) == ["hedlund-peter", "pellworth"]
    refs = [m.attrs["ref"] for m in doc.body[0].children[0].marks]
    assert refs == ["#pellworth", "#hedlund-peter", "#hedlund-peter"]


def test_missing_register_is_a_warning():
    doc = document_from_text("Trotsky")
    report = Report()
    run(doc, Options(register="/nonexistent/persons.yaml", model=False), report)
    assert [m.code for m in report.messages] == ["TK170"]


def test_shared_register_covers_the_spelling_variants():
    from pathlib import Path

    from teikit.register import load_register
    forms = load_register(Path(__file__).resolve().parents[1] / "editions" / "registers" / "persons.yaml").forms()
    for variant, pid in [("Vishinsky", "vyshinsky"), ("Vyshinsky", "vyshinsky"), ("Orjonokidze", "ordzhonikidze"),
                         ("Ordjonikidze", "ordzhonikidze"), ("Piatakov", "pyatakov"), ("Pyatakov", "pyatakov")]:
        assert forms[variant] == [pid]


# ---------------------------------------------------------------- properties

NAMEISH = st.lists(st.sampled_from(["Mr.", "Mrs.", "J.", "M.", "Pellworth", "PELLWORTH", "Peter", "the", "at", "'s", "-",
                                    "Veldanians", "Springs", "VII", "sulph.", "\n", ",", " ", "Wm.", "Henry"]),
                   max_size=30).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(NAMEISH, st.text(max_size=60)), min_size=1, max_size=4))
def test_mentions_lie_inside_their_text_and_never_overlap(texts):
    mentions = find_mentions(texts, None, Options(model=False), Report())
    assign_keys(mentions, set(), texts)
    for m in mentions:
        assert 0 <= m.start < m.end <= len(texts[m.block]) and m.key
    spans = sorted((m.block, m.start, m.end) for m in mentions)
    assert all(a[0] != b[0] or a[2] <= b[1] for a, b in zip(spans, spans[1:]))


def test_a_short_word_the_model_alone_finds_once_is_no_name_in_a_newspapers_ocr():
    texts = ["Someone Mls their horse; Quil and Tulverton watched it.", "Then Quil went home."]
    spans = [(m.start(), m.end()) for m in re.finditer(r"Mls|Quil|Tulverton", texts[0])]
    entities = [persons_model.Entity(0, i, j, texts[0][i:j], "PERSON") for i, j in spans]
    found = persons_model.person_spans(entities, texts, Known(), places=set(), short_lone_names=False)
    assert found == {0: spans[1:]}      # `Quil` twice, `Tulverton` long: names still
    assert persons_model.person_spans(entities, texts, Known(), places=set()) == {0: spans}


def test_a_names_suffix_is_no_name_alone():
    assert persons_rules.is_surname("Quillet")
    assert not any(map(persons_rules.is_surname, ["Jr", "Jr.", "Esqr", "Bart.", "Knt", "Junior"]))


def model_finds(monkeypatch, *words):
    """The model made to take `words` for persons, each where it first reads it; its finds
    go through the stage's filters as the model's do."""
    def recognise(nlp, pieces):
        found = []
        for word in words:
            hit = next(((block, offset, at) for block, offset, text in pieces
                        if (at := re.search(rf"(?<!\w){word}(?!\w)", text))), None)
            if hit:
                block, offset, at = hit
                found.append(persons_model.Entity(block, offset + at.start(), offset + at.end(), word, "PERSON"))
        return found
    monkeypatch.setattr(persons_model, "load_model", lambda: object())
    monkeypatch.setattr(persons_model, "recognise", recognise)


@pytest.mark.parametrize("texts, expected", [
    # found once, after a word in lower case: the name wherever it stands capitalised
    (["Today I talked with Pellworth about the hall.", "Pellworth will engage it."], ["Pellworth", "Pellworth"]),
    # found once after a dash, where a capital may open a heading: no more
    (["The hall — Pellworth and the rest.", "Pellworth will engage it."], ["Pellworth"]),
    # after a preposition of motion, where a traveller names places: no more
    (["Then we went on to Pellworth by boat.", "Pellworth is far."], ["Pellworth"]),
    # a short word found once: in OCR as often a piece of a word
    (["Then we talked with Pell about it.", "Pell is gone."], ["Pell"]),
    # the text's own use makes it a place: nothing to spread
    (["Today I talked with Pellworth. We lived at Pellworth, then at Pellworth.", "Pellworth is far."], []),
])
def test_a_name_the_model_finds_once_in_prose_is_found_wherever_it_stands(monkeypatch, texts, expected):
    model_finds(monkeypatch, "Pellworth", "Pell")
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == expected


def test_a_forename_after_a_brothers_abbreviated_title_is_not_the_namesake_in_full():
    # a diary's `Bro. William` is the writer's brother; a church's `Brother Osbert` is the Osbert named in full
    texts = ["William Quillet came; Osbert Pellworth preached.",
             "I played the flute with Bro. William; later William left. Brother Osbert spoke."]
    mentions = find_mentions(texts, None, Options(model=False), Report())
    assign_keys(mentions, set(), texts)
    assert [(m.text, m.key) for m in mentions] == [
        ("William Quillet", "quillet-william"), ("Osbert Pellworth", "pellworth-osbert"),
        ("William", "william"), ("William", "quillet-william"), ("Osbert", "pellworth-osbert")]


def test_a_river_abbreviated_in_a_diary_is_a_place():
    assert persons_rules.names_a_place("Quill Rr")
    assert not persons_rules.names_a_place("Osric Quill")


@pytest.mark.parametrize("text, expected", [
    ("What will they do with these Quillabees and the rest? Quillabees came.", []),
    ("What will they do with Quillabees and the rest? Quillabees came.", ["Quillabees", "Quillabees"]),
])
def test_a_capitalised_plural_after_a_demonstrative_is_a_group(monkeypatch, text, expected):
    model_finds(monkeypatch, "Quillabees")
    assert [m.text for m in find_mentions([text], None, Options(), Report())] == expected


@pytest.mark.parametrize("text, expected", [
    ("All day I read Pellworth by fits.", ["Pellworth"]),
    ("Read Quillet & wrote letters.", ["Quillet"]),
    ("finished Tulverton. Then slept.", ["Tulverton"]),
    ("I read Hannah again.", []),                             # a forename: a novel's title as often
    ("the will was read Monday in court.", []),               # a day
    ("reading Hebrew and Genesis with Osbert.", []),          # a language, a book of the Bible
    ("read Pellworth's Essays and Quillet History.", []),     # a title of a work
])
def test_an_author_named_for_the_books_after_reading_is_a_persons(text, expected):
    assert [text[i:j] for i, j in persons_rules.author(text, Known())] == expected


@pytest.mark.parametrize("text, expected", [
    ("the case was first described by Quillet in his lectures", ["Quillet"]),
    ("the researches of Osric and T. Pellworth on the pulse", ["Osric", "T. Pellworth"]),
    ("as recommended by Tulverton, Quillabee, Hesper, &c.", ["Tulverton", "Quillabee", "Hesper"]),
    ("the method of Osric, the oldest, fails", ["Osric"]),
    ("many cases of Typhus were seen", []),                                    # a disease: no cue
    ("the theory of Quilletism is false", []),                                 # a derived word
    ("in the opinion of Messrs. Osric and Hesper", ["Osric", "Hesper"]),       # past a title
    ("the statement of Tobias Quillet against it", ["Tobias Quillet"]),         # a forename too
    ("told by authors, and particularly by Osric, T. Hesper, &c.", ["Osric", "T. Hesper"]),
    ("a cure. Quillet's method is false; Hesper's theory too", ["Quillet", "Hesper"]),   # the owner of works
    ("a cure by nature. Nature's method is slow", []),                        # a word written in lower case
    ("the bill was introduced by Parliament", []),                              # a body: no cue
    ("the method of Cure is simple; a cure", []),                              # a word written in lower case
])
def test_the_names_after_what_authorities_did_are_persons(text, expected):
    known = Known(lower_words=frozenset(re.findall(r"\b[a-z]+\b", text)))
    assert [text[i:j] for i, j in persons_rules.authority(text, known)] == expected


def test_an_authority_or_a_cited_author_is_found_wherever_else_the_text_names_him():
    texts = ["The treatment is long.* Quillabee holds it short.", "* Quillabee, Traité des Fièvres, p. 12."]
    assert [m.text for m in find_mentions(texts, None, Options(model=False), Report())] == ["Quillabee", "Quillabee"]


@pytest.mark.parametrize("text, expected", [
    ("* Quillet, Traité des Ulcères, Paris, 1839, p. 12.", ["Quillet"]),          # a footnote's citation
    ("12 See T. Pellworth, Lectures, vol. ii. p. 40.", ["T. Pellworth"]),
    ("as he says (Osric, op. cit., p. 3; Tulverton, l. c.) the", ["Osric", "Tulverton"]),
    ("Quillbury, May 3, 1841.", []),                                            # a dateline: no reference
    ("Gentlemen, I have read p. 4 of it", []),                                  # a salute
    ("* Ibid., p. 14.", []),                                                    # the Latin of a citation
    ("the Quillet, Pellworth and Osric methods, p. 4", []),                     # inside a sentence
])
def test_the_surname_that_opens_a_citation_is_its_authors(text, expected):
    assert [text[i:j] for i, j in persons_rules.cited_author(text, Known())] == expected


def test_a_month_after_its_day_is_no_person():
    # `9th Feby /71`: the month of a date, whatever stage took the word; a word after no day is not concerned
    assert persons_rules.stands_for_no_person("entered 9th Feby /71", 12, 16)
    assert persons_rules.stands_for_no_person("on the 5th May we went", 11, 14)
    assert not persons_rules.stands_for_no_person("and May went home", 4, 7)
    assert not persons_rules.stands_for_no_person("page 24 Quillet said", 8, 15)


def test_a_names_suffix_found_alone_is_no_person():
    # the model may take `Bart` after a name for a forename: it is the suffix of the name before
    text = "signed Wm Pellworth Bart at noon; Bart came"
    assert persons_rules.stands_for_no_person(text, 20, 24)
    assert not persons_rules.stands_for_no_person(text, 34, 38)


def test_a_name_opened_by_a_vessel_s_noun_is_no_person():
    # `M. Brigantine Hesper`: a title's initial or the model may take the vessel for a person
    text = "came from M. Brigantine Hesper to offer a passage with Hannah Brigham"
    vessel, person = text.index("Brigantine Hesper"), text.index("Hannah Brigham")
    assert persons_rules.stands_for_no_person(text, vessel, vessel + len("Brigantine Hesper"))
    assert not persons_rules.stands_for_no_person(text, person, person + len("Hannah Brigham"))
    mentions = find_mentions([text], None, Options(model=False), Report())
    assert [m.text for m in mentions] == ["Hannah Brigham"]


def test_a_name_after_a_ship_s_designation_is_no_person():
    # `H.M.S. Hesper`, `H. M. Steam Sloop Tobias`: the initials rule or the model may take the vessel for a person
    text = "left H. M. Steam Sloop Tobias at Quillbury; H.M.S. Hesper met U.S.S. Osric and S. S. Quillet came"
    for vessel in ("left H. M. Steam", "H.M.S. Hesper", "Hesper", "Osric"):
        start = text.index(vessel)
        assert persons_rules.stands_for_no_person(text, start, start + len(vessel))
    person = text.index("S. S. Quillet")
    assert not persons_rules.stands_for_no_person(text, person, person + len("S. S. Quillet"))
    assert [m.text for m in find_mentions([text], None, Options(model=False), Report())] == ["S. S. Quillet"]
    assert not persons_rules.stands_for_no_person("met H. M. Quillet there", 4, 17)


def test_a_name_quoted_alone_is_no_person_unless_named_or_signed():
    # a writer quotes a vessel's name, a work's or a word (`the "Hesper,"`, shouts of `"Quillet Ahoy"`)
    text = ('sailed in the "Hesper," amid shouts of “Quillet Ahoy” while a chief named "Osric," '
            'signed "Tobias" and Hannah')
    for name, alone in (("Hesper", True), ("Quillet Ahoy", True), ("Osric", False), ("Tobias", False),
                        ("Hannah", False)):
        start = text.index(name)
        assert persons_rules.stands_for_no_person(text, start, start + len(name)) is alone
    assert not persons_rules.stands_for_no_person('the "Hesper Quillet and', 5, 19)
    for text in ('one of them, "Tobias Osric Quillet," came', 'one of them, "John Quillet," came'):
        start = text.index('"') + 1
        assert not persons_rules.stands_for_no_person(text, start, text.index(',"'))


def test_a_state_s_initials_after_its_town_are_no_person_s():
    # a letter's dateline `Quillbury N.J. June 4`: the state's initials and the month made `Quillbury N.J. June`
    assert rule_spans("Quillbury N.J. June 4 1871", Known())["initials"] == []
    assert rule_spans("at Tulverton, D.C. Hesper came", Known())["initials"] == []
    assert rule_spans("painted by N. C. Quillet", Known())["initials"] == [(11, 24)]


def test_an_initial_before_a_work_s_title_makes_no_person():
    assert rule_spans("by O. Correspondence, etc., of Quillet", Known())["initials"] == []
    assert rule_spans("by O. Pellworth, of Quillet", Known())["initials"] == [(3, 15)]


def test_a_name_spelled_another_way_or_misread_is_its_bearers():
    words = Counter({"Quillabee": 5, "Quillabea": 2, "Ouillabee": 1, "Quillabees": 1, "Thomson": 1, "Thompson": 3,
                     "Tulvertan": 4, "Tulverton": 1, "Pellwort": 1, "Pellworth": 2})
    variants = persons_rules.spelling_variants(words, {"Quillabee", "Thompson", "Tulverton", "Pellworth"}, Known())
    # a plural, a name of the language (`Thomson`) and a spelling the text writes more often than the name are none
    assert variants == {"Quillabea": "Quillabee", "Ouillabee": "Quillabee", "Pellwort": "Pellworth"}
    assert persons_rules.spelling_variants(Counter({"Quillabee": 2, "Quillabea": 1}), {"Quillabee"},
                                           Known(lower_words=frozenset({"quillabea"}))) == {}


def test_a_name_spelled_another_way_shares_its_persons_key(monkeypatch):
    monkeypatch.setattr(persons_model, "load_model", lambda: None)
    texts = ["Mr. Osric Quillabee came to the river.", "We talked with Quillabee there.",
             "The chief Quillabea sent us food, and Quillabee thanked him."]
    mentions = find_mentions(texts, None, Options(), Report())
    assign_keys(mentions, set(), texts)
    assert [(m.text, m.key) for m in mentions] == [("Osric Quillabee", "quillabee-osric"),
                                                   ("Quillabee", "quillabee-osric"),
                                                   ("Quillabea", "quillabee-osric"),
                                                   ("Quillabee", "quillabee-osric")]
    # chapters away from any Quillabee, the other spelling may be another's: not taken for his
    far = texts + ["The rain went on for weeks. " * 150, "Then Quillabea came."]
    assert [m.text for m in find_mentions(far, None, Options(), Report())].count("Quillabea") == 1


def test_a_rank_as_a_journal_keeper_spells_it_is_a_title():
    known = Known()
    spans = rule_spans("we sat up with Serjt. Quillet and Serjeant Pellworth; Captains Osric & Tobias came", known)
    found = {"Quillet", "Pellworth", "Osric"}
    assert found <= {"we sat up with Serjt. Quillet and Serjeant Pellworth; Captains Osric & Tobias came"[i:j]
                     for i, j in spans["titled"]}


@pytest.mark.parametrize("text, found, expected", [
    ("signed Osric Quillet Capt. of the party", "Osric Quillet Capt", "Osric Quillet"),   # a rank after the name
    ("Sert. Tobias Quillet Sergt Osric Pellworth", "Tobias Quillet Sergt Osric", "Tobias Quillet"),  # a list's next
    ("at noon Tobias Quillet Expired quietly", "Tobias Quillet Expired", "Tobias Quillet"),   # a hand's capitalised verb
    ("the party Situated on the bank", "Situated", None),                                    # a verb's past alone
    ("one man Pellworth Confined for it", "Pellworth Confined", "Pellworth"),
    ("then Sergt. Osric Died at the camp", "Osric Died", "Osric"),         # after a title `Osric` is the surname
    # negatives: a surname ending in -ed keeps it, a forename alone is no surname, a written-out rank or a
    # civil title after a name is a surname
    ("we met Hannah Freed and Osric Reed", "Hannah Freed", "Hannah Freed"),
    ("we met Hannah Freed and Osric Reed", "Osric Reed", "Osric Reed"),
    ("we met Osric Sneed at noon", "Osric Sneed", "Osric Sneed"),
    ("we met Osric Major at noon", "Osric Major", "Osric Major"),
    ("Osric Sen spoke", "Osric Sen", "Osric Sen"),
])
def test_a_hands_capitalised_word_after_a_name_is_no_part_of_it(text, found, expected):
    start = text.index(found)
    got = persons_rules.without_hand_tail(text, start, start + len(found), Known())
    assert (text[slice(*got)] if got else None) == expected


def test_a_titled_persons_camp_is_his_and_a_creek_named_for_him_no_mention():
    text = "arrived at Capt. Quillet Camp at noon; we named it Sergt. Pellworth Creek."
    found = [text[i:j] for spans in rule_spans(text, Known()).values() for i, j in spans]
    assert "Quillet" in found and not any("Pellworth" in name for name in found)


@pytest.mark.parametrize("text, expected", [
    ("the cure of MM. Quillet and Osric", ["Quillet"]),
    ("as Drs. Tulverton and Hesper hold", ["Tulverton"]),
    ("as Drs. and nurses hold", []),                                           # no name after it
])
def test_french_and_plural_titles_of_physicians(text, expected):
    assert [m.text for m in find_mentions([text], None, Options(model=False), Report())] == expected


def test_a_lone_m_is_monsieur_where_the_text_gives_french_titles():
    english = ["My friend M. Tulverton says so; so does Thomas M. Pellworth."]
    french = ["MM. Quillet and Osric treat the fever thus.", *english]
    options = Options(model=False)
    assert [m.text for m in find_mentions(french, None, options, Report())][-2:] == ["Tulverton", "Thomas M. Pellworth"]
    assert [m.text for m in find_mentions(english, None, options, Report())] == ["M. Tulverton", "Thomas M. Pellworth"]


def test_a_later_initial_whose_stop_ocr_read_as_a_hyphen():
    texts = ["On the site of the Colonel O. T- Quillet house a mill will stand.",
             "Then Hannah met O. T- Pellworth at the gate.",
             "A- B- Quillbury is a town on the river."]      # no initial with its stop before: no name
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == ["O. T- Quillet", "Hannah",
                                                                                   "O. T- Pellworth"]


def test_an_initial_ocr_read_twice_is_an_initial_and_no_surname():
    texts = ["The widow of Osric Tt. Quillet sold the mill.",
             "Patrolman Tt. h Pellworth came.",              # the doubled initial alone: no name
             "Then Tobias Pellworth came to Tulverton."]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == [
        "Osric Tt. Quillet", "Pellworth", "Tobias Pellworth"]


def test_a_short_word_before_ocrs_hyphen_and_stop_is_a_misread_title():
    texts = ["The home of Mrs. Quillet, a daughter of Mi-. Quillabee."]
    assert [m.text for m in find_mentions(texts, None, Options(), Report())] == ["Quillet", "Quillabee"]


@pytest.mark.parametrize("name, doubled", [("Osric Tt", True), ("TT", True), ("O. II", True), ("Osric II", False),
                                           ("Tobias XX", False), ("Osric Quillet", False)])
def test_which_names_end_in_an_initial_ocr_read_twice(name, doubled):
    assert persons_rules.ends_in_doubled_initial(name) is doubled
def test_a_prescription_s_latin_is_no_person():
    # `R.` (recipe) and `M.` (misce) read as initials before the Latin of a formula, and its directions as a name;
    # the same letters before a surname in prose stay a person's
    texts = ["The draught: R. Tinct. Quillabeae gtt. xx. Aq. Menth. ad ℥j. M. Fiat haustus.",
             "R. Hydrarg. Chlorid. gr. ij. at night; Tobias Pellworth gave Quinae Sulph. by day.",
             "Then R. Quillet and M. Pellworth of Quillbury agreed with him."]
    assert [m.text for m in find_mentions(texts, None, Options(model=False), Report())] == [
        "Tobias Pellworth", "R. Quillet", "M. Pellworth"]
    for name in ("R. Tinct", "R. Hydrarg", "Fiat", "Quinae Sulph", "Aq. Menth", "Digitalis Quillabea", "Nux Vomica"):
        assert persons_rules.in_prescription(name)
    assert not persons_rules.in_prescription("R. Quillet")
    assert not persons_rules.in_prescription("M. Pellworth")


def test_a_formula_s_drug_and_preparation_are_no_person():
    # `Extract of Quillabee`, `Hesper Water`: a drug after a remedy's or a salt's noun, a remedy named by its form
    text = "Take Extract of Quillabee, Sulphate of Hesper and Osbert Water; the spirit of Quillet lived on."
    for name, expected in (("Quillabee", True), ("Hesper", True), ("Quillet", False)):
        start = text.index(name)
        assert persons_rules.stands_for_no_person(text, start, start + len(name)) is expected
    assert persons_rules.names_a_thing("Osbert Water")
    assert not persons_rules.names_a_thing("Osbert Waters")
