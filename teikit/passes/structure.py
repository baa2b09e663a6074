"""Classify the paragraph blocks and nest them into front, body and back.

The `blocks` pass leaves a flat list of `p` (and footnote) blocks. This pass names what
each one is by its form alone, then builds divisions at the headings:

    p "ON THE ATLANTIC18"          ->  div type=article
    p "December 28, 1936"               head "ON THE ATLANTIC18"
    p "These lines are being ..."       dateline "December 28, 1936"
    p "Comradely,\\nL. Trotsky"          p "These lines are being ..."
                                        closer (salute "Comradely,", signed "L. Trotsky")

The work is an ordered table of named rules (`LEAF_RULES` over the flat list of
paragraphs, then the divisions, then `DIVISION_RULES`), each a small method.

Headings are short lines in capitals (a full stop may end them, as old print sets them;
OCR debris such as `CI` or `CONTENTS. x i` is none), or in title case where the profile
says subheads are set so; a chapter label with its numeral as OCR reads it (`CHAPTER vn.`)
is one even where OCR ran it into the paragraph after it, and so are the title lines that
follow it. Where the profile looks for headlines (a newspaper page with no blank lines),
a run of capitals, the title-case deck under it down to a full stop, and a title-case
line between two sentences are cut out of the paragraph as headings, and each headline
in capitals starts an article of its own, also where OCR ran its first line onto the last
line of the article before, after a finished sentence (the line is shared). On such a page
a picture's credit line and the lines describing the picture are its caption (a `figure`),
and classified ads run into an
article leave it for a division of their own (`div type="advertisement"`); where a country
column signs its items with a pen name in capitals over the next item's heading, each closes
the item it ends (`closer`/`signed`). A heading
between a paragraph that does not end and one that goes on in lower case is a running
head, kept as a paragraph. Datelines are
a lone date, letters an opening salute ("Dear Comrade Cannon,") and a closing salute with
its signature, dialogue a run of paragraphs that open with a speaker's label
("Vishinsky: ..."). Heads named like front matter (PREFACE, CHRONOLOGY)
start divs in `front`, short lines before them make the title page, and heads named like
back matter (NOTES, Other writings) start `back`, where numbered paragraphs become
endnotes (`notes.split_endnotes` reads their numbers and labels them). A plate's caption
on a page of its own is a `figure`; a chapter label's numeral that OCR misread (`Chapter
111.`) is read again from the sequence of the book's labels, a recorded correction. Each
div is then checked against TEI's div content model: a dateline, salute or signature that
stands amid paragraphs is kept as a paragraph.

OCR often loses the blank line before an article's heading or dateline, gluing it to the
end of the text before it (`... in their judgment.` / ` INDUSTRIAL SABOTAGE134`): such a
tail is cut off when the block after it confirms it (a dateline, more capitals) or when
it names front or back matter. Where the OCR lost a heading altogether, a dateline
between paragraphs still starts a new (headless) division (profile option). A body
heading that repeats the book's title is a half-title of its own; a chronology's dated
entries make a list per year; letter-spaced lines ending the text (a back cover) make a
back division of their own.
"""
from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Iterable

from ..facts import StructureDone
from ..lexicon import word_zipf
from ..model import RESP, Block, Document, Hyphen, Line, Mark
from ..pipeline import PassSpec
from ..report import Report
from .blocks import (ENDS_IN_INITIAL, MINOR_WORDS, SENTENCE_END, STARTS_CAPITAL, STARTS_LOWER, YEAR_LINE,
                     ends_sentence, is_caps_line, is_title_line)
from .date_grammar import PLACE_NAMES
from .dehyphenate import glued_junk, is_inner_speck
from .furniture import read_roman, to_roman
from .notes import split_endnotes
from .persons_rules import ABBREVIATED_FORENAMES, COMMON_FORENAMES, COMMON_WORD_ZIPF, TITLE_ALT, TITLE_BEFORE

MONTHS = ("January|February|March|April|May|June|July|August|September|October|"
          "November|December")
#: months as abbreviated, before a day or a year ("Aug 3d 1862", "Sept. 9, 1790")
MONTHS_SHORT = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec"
#: a masthead's line that dates the issue: a month and its day (`MONDAY, JANUARY 3, 1916`),
#: a weekday and a month (`SUNDAY, JANUARY`), or a weekday alone
WEEKDAY = re.compile(r"(?i:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)")
MONTH_DAY = re.compile(rf"(?i:\b(?:{MONTHS})\b\.?,?\s?\d{{1,2}}\b)")
MASTHEAD_DATE = re.compile(rf"{MONTH_DAY.pattern}|{WEEKDAY.pattern}.*(?i:\b(?:{MONTHS})\b)|^\W*{WEEKDAY.pattern}\W*$")
#: a masthead's line that numbers the issue (`VOL. XL`, `No. 72`, `NUMBER 64`), and one that
#: gives its price or edition (`PRICE ONE CENT`, `$1.00 Per Year`, `HOME EDITION`)
MASTHEAD_ISSUE = re.compile(r"(?i:\bvol(?:ume)?\b|\bno\.\s?\d|\bnumber\s+\d)")
#: OCR misreads a price's last letter (`TWO CENTa`)
MASTHEAD_DETAIL = re.compile(r"(?i:\bprice\b|\bcent\w?\b|\bedition\b|\bper (?:year|annum|copy)\b|\$\s?\d)")
#: the most lines a masthead takes at the top of a page
MASTHEAD_LINES = 40
#: the most lines that give the issue's number, date and price together under a masthead's ears,
#: and the evidence they give (`issue_evidence`)
ISSUE_LINES = 3
ISSUE_EVIDENCE = 3
#: a paper's imprint under its title, where and when it is published (`PUBLISHED EVERY MORNING,` /
#: `AT THE QUILLBURY BUILDINGS,`), in capitals as a headline is
MASTHEAD_IMPRINT = re.compile(r"\W*PUBLISHED\b")
#: the most lines of words (the paper's title in display type) between a masthead's date,
#: number or price and the first headline below it
MASTHEAD_TITLE_LINES = 2
#: a word in lower case: a line with PROSE_WORDS of them is running text
LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
PROSE_WORDS = 4
#: a lone date: "December 28, 1�36", "February 1 ,  1937", "December 1936", "June 18, 1937", "Aug 3d 1862"
DATE_LINE = re.compile(rf"^(?:[A-Z][a-z]+, )?(?:(?:{MONTHS})\b|(?:{MONTHS_SHORT})\.?\s*(?=\d))[\s\d\S]{{0,16}}$")
#: a newspaper's dateline alone on its line: a place in capitalised words, its state after a
#: comma, and a month and day (`St. Quillbury, Minn., Jan. 3.`, `PELLWORTH, December 28.--`)
PLACE_DATELINE = re.compile(rf"^{PLACE_NAMES},\s?(?:(?:{MONTHS})\b|(?:{MONTHS_SHORT})\b\.?)"
                            r"\s?\d{1,2}(?:st|nd|rd|th|d)?[.,]?\s?[-—–.]*$")
#: a chronology entry: a date, a dash, the event ("January 9-Trotsky arrives", "April 10-17-The ...")
CHRONOLOGY_ENTRY = re.compile(rf"^(?:{MONTHS})\b[^-]{{0,24}}(?:-[^-A-Z]{{1,12}})*-\s?[A-Z\"“(]")
#: a letter standing alone between spaces, as OCR reads letter-spaced display type
#: ("t h e  f i rst"); "a", "A" and "I" are words
STRAY_LETTER = re.compile(r"(?<!\S)[b-zB-HJ-Z](?!\S)")
#: a postscript: text after a letter's closing dateline that still belongs to the letter
POSTSCRIPT = re.compile(r"^P\. ?S\.")
#: a shop's price as papers print it: `$1.25`, `$ 12`, `25c`, `49 cents`; not a sum in the
#: news (`$240,000`: thousands make a budget, not a price tag)
PRICE = re.compile(r"\$\s?\d{1,3}(?:\.\d\d)?(?!\d)(?![,.]\d)|\b\d{1,3}(?:\.\d\d)?\s?(?:c\b|cts\b|cents\b|¢)",
                   re.IGNORECASE)
#: an article that names this many prices, at least this many per hundred words, is an advertisement
AD_PRICES, AD_PRICES_PER_100_WORDS = 3, 2.0
#: a dash as OCR reads one after a heading run in: em or en dash, two hyphens, a spaced hyphen
_DASH = r"\s?(?:—|–|--|-\s|\s-)"
#: a classified advertisement's heading in capitals opening a line, before a dash or colon:
#: `FOR SALE—`, `WANTED-`, `HELP WANTED:`, `FOR RENT:`, `LOST—`, `FOUND—`, `PERSONAL—`
CLASSIFIED_HEADING = re.compile(
    r"^(?:FOR (?:SALE|RENT|EXCHANGE)|TO (?:LET|RENT)|(?:[A-Z]+ )?WANTED|LOST(?: AND FOUND)?|FOUND|STRAYED|"
    rf"PERSONAL)[.,]?(?:{_DASH}|\s?[-:])")
#: a short run of capitals then a dash opening a line: a display advertisement's catchword
#: (`DRESSMAKING—`, `COAL AND WOOD--`), or a news item's place (`PELLWORTH—`)
CAPITALS_DASH = re.compile(rf"^[A-Z][A-Z'’&.]+(?:,? [A-Z][A-Z'’&.]*){{0,3}}{_DASH}")
#: a picture's credit line, its name capitalised: `PHOTO BY OSRIC GLASS`, `Photo by O. Glass.`,
#: `(Photograph by OSRIC GLASS)`, `Copyright, 1912, by TULVERTON STUDIO`, `Drawn by PELLWORTH`
PICTURE_CREDIT = re.compile(
    r"^[(\[—-]*\s?(?i:photo(?:graph)?|copyright(?:,? \d{4},?)?|drawn|sketched|engraved)\s+(?i:by)\s+"
    r"[A-Z][\w.'’-]*(?:\s+(?:&|and|[A-Z][\w.'’-]*))*[.)\]]*$")
#: a plate's credit or label, as OCR may cut it (`Photo by`, `From a drawing`, `Fig. 3.`, `Plate IV.`)
PLATE_MARK = re.compile(r"^[(\[]*(?i:(?:photo(?:graph)?|drawn|sketched|engraved)\s+by\b|"
                        r"from an? (?:photo(?:graph)?|drawing|sketch|painting|engraving)\b|"
                        r"fig\.\s?\d|plate\s+[ivxlc\d])")
#: the most lines of a caption's description under its credit line: more, and no full stop,
#: are a paragraph of prose
CAPTION_LINES = 6
#: a glued endnote number or OCR debris after a heading's last word ("ATLANTIC18", "yl")
HEAD_TAIL = re.compile(r"(?<=[A-Za-z?!'’\"])\s?[0-9lIoO][0-9lIoO :.,]*$")
#: a letter's opening salute ("Dear Comrade Cannon,"; a hand may leave out the comma: "Dear Mother")
OPENING_SALUTE = re.compile(
    r"^(?:(?:Dear|My dear)\b[^.;,:!]{0,40}[,:!]?|(?:Esteemed|Gentlemen|Sirs?\b|Madame?\b|Comrades?\b)[^.;]{0,50}[,:!])$")
#: a letter's closing salute ("Yours truly,", "Very truly yours,", "Your affectionate son", "I remain, dear Sir,")
CLOSING_SALUTE = re.compile(
    r"^(?:Yours|Sincerely|Comradely|Fraternally|Cordially|Respectfully|Faithfully|I remain|Believe me|"
    r"(?:Very )?(?:truly|sincerely|respectfully|faithfully|cordially) yours|"
    r"Your (?:affectionate|obedient|loving|devoted|dutiful|humble|faithful|sincere|true|most)|"
    r"With (?:comradely|fraternal|best|warm)|(?:Warm |Best )?(?:regards|greetings))\b.{0,30}$",
    re.IGNORECASE)
#: the most characters of a line of a letter's frame: under its closing salute (a signature, a
#: unit, an address), or a place stacked over its date
CLOSING_LINE = 40
#: a signature: a name or initials ("L. Trotsky", "L. T.", "Crux", "C.L.R.J.", "The Editors")
SIGNATURE = re.compile(r"^(?:[A-Z][\w’'.-]*\.?)(?: (?:[A-Z][\w’'.-]*\.?|de|van|von)){0,3}$")
BYLINE = re.compile(r"(?:^|, )by [A-Z]", re.IGNORECASE)
#: a writer's name on a line of its own under a headline: `By Osric T. Quillet.`, `BY OSRIC
#: QUILLET`, or a wire service's credit, maybe in brackets and with the correspondent's name
#: (`By Quill News.`, `(By Osric Quillet, Quill Wire`, `By Private Wire to The Quill Star`): two
#: to seven capitalised words or initials, none a minor word but the `to` of a wire's credit,
#: commas between; OCR misreads the B of `By` (`8y`, `Ey`, `fly`), a letter as a quote
#: (`Ne"s`), and leaves a speck or two between the words or after the full stop (`Quill - News. -`)
BYLINE_NAME = re.compile(r"^\(?(?:By|BY|[8E]y|fly) (?!(?:A|An|And|The|Of|For|From|To|With|In|On|At)\b)"
                         r"(?:(?:to |[^\w\s(]{1,2} )?[A-Z](?:[a-z’'\"-]+|[A-Z’'-]+|\.)[.,]? ?){2,7}\)?[^\w(]{0,3}$")
#: the line that closes a bracketed credit run over two lines (`Staff Correspondent.)`)
CREDIT_CLOSE = re.compile(r"^[^()]{1,40}\)[^\w(]{0,3}$")
#: a correspondent's pen name in capitals alone on a line (`QUILLER.`, `OLD SUBSCRIBER.`): a word
#: or two and a full stop, OCR's specks before it (`, QUILLER.`, `. t QUILLER.`)
SIGN_OFF = re.compile(r"^[\W\d]*(?:[A-Z] )?[A-Z][A-Z0-9'’&-]+(?: [A-Z][A-Z0-9'’&-]+)?\.$")
#: the most characters of a pen name's line
SIGN_OFF_CHARS = 24
#: how many items a page must close with a pen name before the heading of the next for one so
#: placed to be taken for a signature (a one-word headline over a one-line deck is shaped alike)
SIGN_OFF_HABIT = 2
#: a speaker's label opening a paragraph: "Vishinsky:", "VOICES:", "Question:", "Q.", and
#: printed debates' titles and a name in capitals run into the speech by a dash
#: ("Hon. Mr. QUILLET—The hon. gentleman said", "Mr. PELLWORTH.—I did not") or before it
#: after a full stop or a colon ("Mr. QUILLET, of Ohio. I move", "The PRESIDENT pro tempore. The
#: question", "Mr. D. D. McQUILLET (Tulverton): I rise")
#: a name in capitals as debates print it: initials before it, a Scots prefix in lower case
#: (`D. D. McQUILLET`, `MacPELLWORTH`)
_CAPITALS_NAME = r"(?:[A-Z]\.\s?)*(?:Ma?c)?[A-Z][A-Z’'-]+"
#: OCR may lose the space after a title's full stop (`Mr.QUILLET.—`)
_TITLES_THEN_NAME = rf"(?:(?:{TITLE_ALT})(?:\s+|(?<=\.)))+(?!(?:{TITLE_ALT})\s){_CAPITALS_NAME}"
#: what may follow a member's name: his State or riding (`, of Ohio`, `(Tulverton)`), or a
#: note that he speaks in translation (`(translation)`)
_MEMBER_OF = r"(?:,\s+of\s+[A-Z][\w.]*(?: [A-Z][\w.]*)?)?(?:\s?\([^()\n]{1,40}\))*"
#: the chair or an officer named by his office (`The SPEAKER`, `The PRESIDING OFFICER`,
#: `The PRESIDENT pro tempore`), a word of five capitals at least, which an acronym is not
#: (`The USSR. The`), and the House speaking as one (`Some hon. MEMBERS`)
_OFFICE = r"The [A-Z][A-Z-]{4,}(?: [A-Z][A-Z-]+){0,2}(?: pro tempore)?|(?:Some|An|Several) hon\. MEMBERS?"
_DEBATE_LABEL = rf"(?:{_TITLES_THEN_NAME}(?: {_CAPITALS_NAME}){{0,2}}{_MEMBER_OF}|{_OFFICE})"
DEBATE_SPEAKER = (rf"{_TITLES_THEN_NAME}(?: [A-Z][A-Z’'.-]+){{0,2}}{_MEMBER_OF}\.?\s?—(?=\s*\S)"
                  rf"|{_DEBATE_LABEL}[.:;](?=\s+[A-Z\"“])")
SPEAKER = re.compile(r"""^(?P<label>["“]?(?:[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,2}:|[QA]\.)(?=\s+\S)"""
                     rf"|{DEBATE_SPEAKER})")
#: a paragraph that opens with a debate's speaker label, however many capitals: no heading
OPENS_WITH_DEBATE_SPEAKER = re.compile(rf"\s*(?:{DEBATE_SPEAKER})")
#: a speaker's label printed inside a paragraph after the last speech's closing sentence
#: (`... the motion. Mr. QUILLET. I move`): OCR or the printer ran two speeches together
RUN_IN_SPEAKER = re.compile(rf"(?<=[.!?] )(?:{DEBATE_SPEAKER})")
#: a line of titles alone (`Mr.`, `Hon. Mr.`): a run-in label the line's end split
TITLES_ALONE = re.compile(rf"(?:(?:{TITLE_ALT})\s*)+")
#: a debate's speaker label alone on its line, the speech below it (`Mr. QUILLET:`,
#: `MR. PELLWORTH`, `Some hon. MEMBERS:`); OCR reads a colon as a semicolon (`Some hon. MEMBERS;`)
DEBATE_LABEL_ALONE = re.compile(rf"\s*(?P<label>{_DEBATE_LABEL}(?:[.:;]|\.?—)?)\s*")
#: a sitting's date alone on its line, its weekday first (`Thursday, 11th March, 1875.`,
#: `THURSDAY, March 11, 1875.`): under the House's name, the sitting's heading
SITTING_DATE = re.compile(rf"\s*{WEEKDAY.pattern},?(?=.*\b(?i:{MONTHS})\b)"
                          rf"(?:\s+(?:\d{{1,2}}(?:st|nd|rd|th|d)?|(?i:{MONTHS})|1\d{{3}})[,.]?)+\s*")
#: this many speeches labelled as debates print them make the text a debate, where a speech
#: stands alone among the House's proceedings (`Mr. QUILLET. I move that the House adjourn.`)
DEBATE_EVIDENCE = 3
#: a year alone on a title page, the imprint's date (`1834.`, `MDCCCXXXIV.`)
TITLE_PAGE_YEAR = re.compile(r"(?:1[4-9]\d\d|20\d\d|M[DCLXVI]{2,12})\.?")
#: a title page's imprint: publisher, place, copyright
IMPRINT = re.compile(r"publish|press\b|copyright|printed (?:in|for|by)|sold by|avenue|street|\bn\. ?y\.|"
                     r"new york|london", re.IGNORECASE)
#: a title page's motto, in quotation marks
MOTTO = re.compile(r"\s*[\"“‘]")
#: the longest imprint (publishers and booksellers, their addresses)
IMPRINT_LENGTH = 300
NAME_WORD = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z][a-z’'-]+$")
#: a chapter's (section's, part's, lecture's, letter's) label alone on its line, its numeral
#: as OCR reads it: `CHAPTER VII`, `Chapter 12.`, `SECTION vn.` (vii), `PART n.` (ii), `CHAP. l` (I),
#: `Chapter IY.` (IV: OCR's Y for V)
CHAPTER_LABEL = re.compile(r"^(?:CHAPTER|Chapter|CHAP\.|Chap\.|SECTION|Section|SECT\.|Sect\.|PART|Part|"
                           r"BOOK|Book|LECTURE|Lecture|LETTER|Letter)\s*"
                           r"(?<=\s|\.)(?P<numeral>[IVXLCDMivxlcdmnuY1l|!]{1,8}|\d{1,3})\s?[.:]?$")
#: the strokes of a roman numeral as OCR reads them: `1`, `l`, `|`, `!` for I, `Y` for V,
#: `n`, `u`, `U` for II (`vn` is vii)
ROMAN_LOOKALIKES = str.maketrans({"1": "I", "l": "I", "|": "I", "!": "I", "Y": "V", "n": "II", "u": "II", "U": "II"})
#: a lower-case letter standing alone: two in a line of capitals are OCR debris (`CONTENTS. x i`),
#: while capitals OCR parted (`NATIO N S`) still make a heading
LOWER_STRAY = re.compile(r"(?<!\S)[b-z](?!\S)")
#: a word of three letters or more: a heading says something (not `CI`, `IT`, OCR debris)
REAL_WORD = re.compile(r"[^\W\d_]{3,}")
#: a heading's last line may end in a full stop: `THEFT AND ROBBERY.`, `Here Tuesday.`
HEAD_STOP = re.compile(r"\.[\"'”’]*$")
#: a headline's last line may end in a full stop, or ask or cry out (`Mill to Close?`)
HEADLINE_STOP = re.compile(r"[.?!][\"'”’]*$")
#: a title in capitals a paragraph opens with, closed by a full stop or a comma, before the
#: sentence the paragraph goes on with (`QUILLABEE FEVER. This disease is`, `MARSH CRAMPS,`
#: / `As they come`): a run-in heading
RUN_IN_TITLE = re.compile(r"\s*(?P<title>[A-Z][A-Z'’&-]+(?:,? [A-Z][A-Z'’&-]*){0,7}[.,])(?=\s|$)")
#: the words after a run-in title open a sentence: a capital, then lower case or a word of one letter
SENTENCE_OPENING = re.compile(r"""\s*["“(]?[A-Z](?:[a-z]|\s)""")
#: a date after a place in capitals: a dispatch's dateline (`QUILLBURY, Jan. 3.--`), no title
DATE_AFTER_PLACE = re.compile(rf"\s*(?:{MONTHS}|{MONTHS_SHORT})\b\.?\s?\d")
#: the fewest titles a book runs into paragraphs, each its own, for it to be the book's habit
RUN_IN_HABIT = 3
#: how many years alone between paragraphs make a text's habit of heading its entries so
YEAR_HEAD_HABIT = 2
#: how many different title-case subheads between sentences make a book's habit of them
SUBHEAD_HABIT = 3
#: a subhead of one word (`Beginnings.`): a capital, then three letters or more, and a full stop
ONE_WORD_HEAD = re.compile(r"[A-Z][a-z]{3,}\.")
#: a letter's line in title case that is no subhead: its salute (`Dear Uncle`), an address
#: opening with a title (`Mr. Osric Quillet, Tulverton.`), a place and date (`Quillbury July 1805.`)
LETTER_LINE = re.compile(rf"(?:Dear|My dear|{TITLE_ALT})\b|.*\b1[5-9]\d\d\.?$")
#: a contents list's heading, OCR's specks and its column's label (`PAGE`) aside
CONTENTS_NAME = re.compile(r"\W*(?:table\W+of\W+)?contents\b(?:\W*(?:pages?\b|[^\W\d_]{1,2}\b))*\W*",
                           re.IGNORECASE)
#: a line that ends in a page number, or in dot leaders (a contents entry)
ENDS_IN_NUMBER = re.compile(r"(?:\d+|\.\s?\.)\W*$")
#: a line of names, opening with an initial (`J. Quillet 156`) or ending in one or in a title
#: (`Clerk Osric R.`, `Messrs.`), the name going on: headings in title case do neither
NAMES_LINE = re.compile(rf"^[A-Z]\.\s|{ENDS_IN_INITIAL.pattern}")
#: an entry of a list of pairs, two names joined by a hyphen (`Quillet-Pellworth.`, `O. Quillet-
#: Tobias Pellworth,`): the players of a draw, the couples of a dance, a match's sides
NAME_PAIR = re.compile(r"^(?:[A-Z][\w'’]*\.? ?){1,3}-\s?(?:[A-Z][\w'’]*\.? ?){1,3}[.,]$")
#: the most lines a heading may take
HEAD_LINES = 3
#: the most lines of a headline's deck (and of a speech's title in capitals), the share of
#: its major words capitalised, and the least share on any one of its lines (OCR misreads a
#: word or two)
DECK_LINES = 6
DECK_CAPITALS = 0.75
DECK_LINE_CAPITALS = 0.5
#: the most lines of a correspondent's bureau under a byline
BUREAU_LINES = 2
#: a newspaper's jump line, where an article goes on or comes from another page (`Continued on
#: Page Three.`, `(Concluded from page 2)`), OCR's misread page word too (`Paqe`): no heading
JUMP_LINE = re.compile(r"^\(?(?:Continued|Concluded)\s+(?:on|from)\s+(?:the\s+)?[Pp][a-z]{2,3}\s+[\w-]+[.)]*$",
                       re.IGNORECASE)
#: a story's alternative title on the line under its title in capitals (`THE MILLER'S LUCK;` / `Or,
#: the Quillbury Wager.`), as tales and poems were titled
ALTERNATIVE_TITLE = re.compile(r"(?:Or|OR),\s+\W?[A-Za-z]")
#: the line under a tale's titles that names its kind, short and closed by a stop (`A Quillbury
#: Tale.`, `A LEGEND OF THE TULL.`, `AN OLD SAILOR'S STORY.`); OCR may misread the words before the kind
TALE_GENRE = re.compile(r"^(?:A|An|AN)\s+(?:\S+\s+){0,4}?(?i:tale|story|sketch|romance|talk|legend|ballad|"
                        r"narrative|reminiscence|incident|fable|allegory)(?:\s+(?i:of|for)\s[^.]{1,30})?\.$")
#: the most lines of a headline set in title case alone
TITLE_HEADLINE_LINES = 4
#: a line's last word, OCR's specks and a stray hyphen after it (`Mill- at`, `Mill at ,`)
LAST_WORD = re.compile(r"([A-Za-z]+)[\W\d]*$")
#: a headline's last line of one capitalised word, after a line that ended in a minor word
ONE_TITLE_WORD = re.compile(r"[A-Z][A-Za-z'’-]+")
#: a line that ends in a hyphen with OCR's speck glued after it (`Pro-:`): its word goes on
HYPHEN_SPECK = re.compile(r"\w-[^\w\s]$")
#: the longest line of OCR's debris inside a deck
DECK_SPECK = 6
#: a line of a headline set in title case without one in capitals above it is centred short
#: of the column: at most this share of the paragraph's median line (its body lines fill it)
TITLE_DECK_WIDTH = 0.8
YEAR = re.compile(r"^1[5-9]\d\d$|^20\d\d$")

#: kinds TEI allows before a div's paragraphs, and after them
DIV_TOP = frozenset({"head", "dateline", "byline", "opener", "salute"})
DIV_BOTTOM = frozenset({"closer", "dateline", "signed", "byline", "salute", "trailer"})
#: kinds that may stand anywhere in a div, among its other blocks (TEI's model.global)
FLOATING = frozenset({"note", "figure"})


@dataclass(frozen=True)
class Options:
    #: the `type` of the div each heading starts (`article`, `chapter`, `section`)
    div_type: str = "article"
    #: wrap the whole body in one div of this type, headings then start sub-divisions
    #: (a newspaper column with subheads); empty: headings start top-level divs
    enclosing_div: str = ""
    #: headings may be set in title case, not only in capitals
    title_case_heads: bool = False
    #: each line of a several-line heading is a head of its own (sources with one unit
    #: per line: `MARCH 1917` / `THE HEADLESS REVOLUTION`)
    head_per_line: bool = False
    #: short lines before the first heading make a title page in `front`
    title_page: bool = True
    #: headings (case-insensitive regex, whole text) whose divisions go to `front`
    front_heads: str = (r"preface|foreword|introduction|chronology|contents|acknowledge?ments|"
                        r"dedication|a note about the author|(?:publisher|editor|translator)'?s note")
    #: headings whose divisions, and all that follows, go to `back`
    back_heads: str = (r"notes?|notes and acknowledge?ments|appendix\b.*|appendices|index|"
                       r"bibliography|glossary|other writings\b.*")
    #: an endnote paragraph in a notes division: group 1 is its number
    endnote_pattern: str = r"^\s*(\d{1,3})\s?\.\s+\S"
    #: endnotes that stand at the end of the text without a NOTES heading ("[1] See ...")
    trailing_endnote_pattern: str = r"^\s*\[(\d{1,3})\]\s+\S"
    #: a paragraph that states where the text was first published: kept as a note
    source_note_pattern: str = ""
    #: a dateline between two paragraphs starts a new division without a heading (books of
    #: dated articles whose OCR lost some headings); else it stays a paragraph
    dateline_starts_div: bool = False
    #: the `type` of the back division made of letter-spaced lines ending the text (a back
    #: cover's display type); empty: no such division
    cover_div_type: str = "colophon"
    #: headlines in capitals and their title-case decks, and one-line subheads, stand
    #: inside paragraphs (a newspaper page with no blank lines): cut them out as headings;
    #: and cut out pictures' captions and classified ads likewise
    headline_decks: bool = False
    #: the page opens with a newspaper's masthead (its title, the issue's date, number and
    #: price): it goes to `front` as a title page of type `masthead` (`masthead_end`)
    masthead: bool = False


def head_text(block: Block) -> str:
    """A heading's words without a glued note number: what the heading says."""
    return " ".join(HEAD_TAIL.sub("", line.text.strip()) for line in block.text_lines).strip()



#: a roman numeral: a label's number (`BOOK IV`), never a name's word
ROMAN = re.compile(r"[IVXLC]+\.?", re.IGNORECASE)


def is_signed_name(block: Block) -> bool:
    """Whether a block is one line holding only a person's name, as one signs it
    (`OSBERT QUILLET.`, `Jno. Pellworth`, `C. T. GLASS`): a signature's shape (SIGNATURE)
    of two words or more, no digit; it starts with a forename, one abbreviated as printers
    do, or an initial, or none of its words is a common word or a numeral (a heading's
    words are: `GENERAL REMARKS`, `BOOK IV`)."""
    lines = block.text_lines
    return len(lines) == 1 and is_name_line(lines[0].text.strip())


def is_name_line(text: str) -> bool:
    """A line holding only a person's name (`is_signed_name`)."""
    text = text.rstrip(".,")
    words = text.split()
    if len(words) < 2 or not SIGNATURE.match(text) or any(ch.isdigit() for ch in text):
        return False
    first = words[0]
    return first.title() in COMMON_FORENAMES or first.rstrip(".").title() + "." in ABBREVIATED_FORENAMES \
        or bool(re.fullmatch(r"[A-Z]\.", first)) \
        or not any(ROMAN.fullmatch(word) or word_zipf(part) >= COMMON_WORD_ZIPF
                   for word in words for part in re.split(r"[-.]", word) if part)


def text_length(blocks: list[Block]) -> int:
    return sum(len(line.text) for block in blocks for line in block.text_lines)


def first_text(block: Block) -> str:
    lines = block.text_lines
    return lines[0].text.strip() if lines else ""


def opening_text(block: Block) -> str:
    """A paragraph's first line, and the second after a space where the first is titles alone:
    a speaker's label the line's end split (`Mr.` / `OSBERT. He said`)."""
    lines = block.text_lines
    if len(lines) > 1 and TITLES_ALONE.fullmatch(lines[0].text.strip()):
        return f"{lines[0].text.strip()} {lines[1].text.strip()}"
    return first_text(block)


def is_name(text: str, allow_year: bool = False) -> bool:
    """`C.L.R. James`, `Victor Serge`, `C.L.R. James 1937`: a name (and a year) alone."""
    words = text.replace(".", ". ").split()
    if allow_year and words and YEAR.match(words[-1]):
        words = words[:-1]
    return 1 <= len(words) <= 5 and all(NAME_WORD.match(word) and word.lower() not in MINOR_WORDS
                                        for word in words)


def is_letter_spaced(text: str) -> bool:
    """`t h e  f i rst t ime`: two or more stray letters on the line."""
    return len(STRAY_LETTER.findall(text)) >= 2


def normalized(text: str) -> str:
    return " ".join(text.lower().split())


def chronology_lists(content: list[Block]) -> list[Block]:
    """A chronology's dated entries become items, a list per year line (its head).

    Lines are regrouped: OCR runs several entries into one paragraph and cuts one entry
    over a blank line, so an item starts at each line that opens with a date and a dash.
    """
    entries = [line for block in content if block.kind in ("p", "dateline")
               for line in block.text_lines if CHRONOLOGY_ENTRY.match(line.text.strip())]
    if not entries:
        return content
    out: list[Block] = []
    current: Block | None = None        # the list being filled
    item: Block | None = None
    for block in content:
        text = block.text_lines
        if block.kind in ("p", "dateline") and len(text) == 1 and YEAR.match(text[0].text.strip()):
            current = Block("list", children=[Block("head", block.lines)])
            out.append(current)
            item = None
            continue
        if block.kind not in ("p", "dateline"):
            out.append(block)
            current = item = None
            continue
        pending: list[Line] = []        # furniture goes with the text line after it
        for line in block.lines:
            if line.kind == "text" and (item is None or CHRONOLOGY_ENTRY.match(line.text.strip())):
                if current is None:
                    current = Block("list", children=[])
                    out.append(current)
                item = Block("item", [])
                current.children.append(item)
            if item is None:
                pending.append(line)
            else:
                item.lines.extend(pending + [line])
                pending = []
        if pending and item is not None:
            item.lines.extend(pending)
        elif pending:
            out.append(Block("p", pending))
    return out


class _Classifier:
    def __init__(self, opts: Options):
        self.opts = opts
        self.endnote = re.compile(opts.endnote_pattern)
        self.trailing_endnote = re.compile(opts.trailing_endnote_pattern) \
            if opts.trailing_endnote_pattern else None
        self.source_note = re.compile(opts.source_note_pattern) if opts.source_note_pattern else None
        # a front heading may close with the full stop older books print (`PREFACE.`); a back
        # one may not: `NOTE.` over a note in the body would send all that follows to back
        self.front = re.compile(rf"(?:{opts.front_heads})\.?$", re.IGNORECASE)
        self.back = re.compile(rf"(?:{opts.back_heads})$", re.IGNORECASE)

    def is_head(self, block: Block) -> bool:
        lines = [line.text.strip() for line in block.text_lines]
        if not 1 <= len(lines) <= HEAD_LINES or block.kind != "p":
            return False
        text = head_text(block)
        if len(lines) == 1 and CHAPTER_LABEL.match(lines[0]):
            return True
        if not text or not REAL_WORD.search(text) or len(LOWER_STRAY.findall(text)) >= 2 or \
                text.endswith(","):      # a sentence in capitals that goes on
            return False
        if self.opts.headline_decks and MASTHEAD_ISSUE.search(text):
            return False        # a newspaper's `VOL. XII—NO. 38.` is its masthead's, not a book's VOLUME II
        if all(is_caps_line(line) for line in lines):
            # old print ends a heading with a full stop: `THEFT AND ROBBERY.`
            return not SENTENCE_END.search(HEAD_STOP.sub("", text)) or text.endswith(("?", "!"))
        if SENTENCE_END.search(text) and not text.endswith(("?", "!")):
            return False
        if self.front.match(text) or self.back.match(text):
            return True
        return self.opts.title_case_heads and all(map(is_title_line, lines))

    def leaf_kind(self, block: Block) -> str:
        """The kind a block has by its form alone, before its place is known."""
        if block.kind != "p":
            return block.kind
        lines = [line.text.strip() for line in block.text_lines]
        if not lines:
            return "p"
        if len(lines) == 1 and (DATE_LINE.match(lines[0]) or PLACE_DATELINE.match(lines[0])):
            return "dateline"
        if self.opts.headline_decks and opens_column_item(lines[0]) or OPENS_WITH_DEBATE_SPEAKER.match(lines[0]):
            return "p"          # an advertisement's or a news item's opening: `WANTED—A Good Cook`;
                                # a speech: `HON. MR. QUILLET—I am not.`
        if self.is_head(block):
            return "head"
        if len(lines) == 1 and OPENING_SALUTE.match(lines[0]):
            return "salute"
        if self.source_note and self.source_note.match(lines[0]):
            return "source"
        return "p"


#: front-matter divisions named by their heading; anything else in front is a "section"
FRONT_DIV_TYPES = {"preface": "preface", "chronology": "chronology", "introduction": "preface",
                   "foreword": "preface", "a note about the author": "biography", "about the author": "biography"}


def front_div_type(heading: str) -> str:
    """The type of a front division named by its heading (`PREFACE.` -> preface)."""
    if CONTENTS_NAME.fullmatch(heading):
        return "contents"
    return FRONT_DIV_TYPES.get(re.sub(r"\s+", " ", heading.strip().lower()).rstrip("."), "section")


def is_closed(div: Block) -> bool:
    """Whether a division ends in what TEI lets only end one (a closer, a signature after its
    text): nothing more may follow in it, a section neither."""
    kinds = [child.kind for child in div.children]
    return bool(kinds) and kinds[-1] in DIV_BOTTOM and not set(kinds) <= DIV_TOP


def is_prose(block: Block) -> bool:
    """A paragraph of running text: not short, its lines, the last above all, not ending in a
    page number as a contents list's entries do."""
    lines = block.text_lines
    return block.kind == "p" and len(block.text) >= 120 and not ENDS_IN_NUMBER.search(lines[-1].text.strip()) \
        and sum(bool(ENDS_IN_NUMBER.search(line.text.strip())) for line in lines) < len(lines) / 2


#: the share of its words a title page's part capitalises at least (`PRINTED FOR Q. OSRIC`,
#: `With plain Directions for the Cure of Agues`); running text capitalises a tenth or so
TITLE_WORDS_CAPITALISED = 0.5


def is_title_like(text: str) -> bool:
    """Whether most words of a text are capitalised, as a title page sets even its long parts."""
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and sum(word[0].isupper() for word in words) >= TITLE_WORDS_CAPITALISED * len(words)


def is_running_text(block: Block) -> bool:
    """A paragraph of running text, as the first after a title page is: not short, and
    not title-like."""
    return block.kind == "p" and len(block.text) >= 100 and not is_title_like(block.text)


def is_imprint(block: Block) -> bool:
    """A title page's imprint (`LONDON:`, `PRINTED FOR Q. OSRIC, 4, FLEET-STREET`) or its
    year alone: the title page's end."""
    return len(block.text) <= IMPRINT_LENGTH and (
        bool(IMPRINT.search(block.text)) or bool(TITLE_PAGE_YEAR.fullmatch(block.text.strip())))


#: a contents entry's or a heading's leading `Of the`, and its trailing page number and leaders
TITLE_FRAME = re.compile(r"^(?:of\s+)?(?:the\s+)?|[\s\W\d]*$", re.IGNORECASE)
#: the fewest letters a title must keep to be compared
TITLE_KEY_LETTERS = 6


def title_key(text: str) -> str:
    """A title as a contents list and a heading both print it, to compare them: its
    letters in lower case, less a leading `Of the` and the page number (`Of Quillet Fever,
    - 12` and `QUILLET FEVER.` -> `quilletfever`); empty if too short to tell."""
    key = re.sub(r"[^a-z]", "", TITLE_FRAME.sub("", text.strip()).lower())
    return key if len(key) >= TITLE_KEY_LETTERS else ""


def is_speck(block: Block) -> bool:
    """A short paragraph of OCR's specks (`f. • ' I J`): no word in it, and no number (a
    contents list's page numbers are no specks)."""
    return block.kind == "p" and len(block.text) <= 20 and not REAL_WORD.search(block.text) \
        and not any(ch.isdigit() for ch in block.text)


def next_words(leaves: list[Block], i: int) -> Block:
    """The first block from `i` on that is not OCR's specks: what a heading stands over."""
    while i + 1 < len(leaves) and is_speck(leaves[i]):
        i += 1
    return leaves[i]


def close_div(ending: list[Block]) -> list[Block]:
    """A div's closing blocks: a dateline, salute or byline after the text goes in a closer;
    a note or figure among them stands between closers, in its place (TEI lets model.global
    follow a closer)."""
    loose = [block for block in ending if block.kind in ("dateline", "salute", "byline", "trailer")]
    if not loose:
        return ending
    out: list[Block] = []
    closer: list[Block] = []
    for block in ending:
        if block.kind in FLOATING:
            if closer:
                out.append(Block("closer", children=closer))
                closer = []
            out.append(block)
        elif block.kind == "closer":
            closer.extend(block.children)
        else:
            if block.kind in ("byline", "trailer"):
                block.kind = "signed"
            closer.append(block)
    return out + ([Block("closer", children=closer)] if closer else [])


def split_speaker(block: Block, label: str) -> Block:
    """`Vishinsky: I have a question` -> sp(speaker "Vishinsky:", p "I have a question").

    The label's last line is shared: the speaker and the speech get a Line each with the
    source line's number, the speech's line being the rest of it, marked `continues` so the
    writer gives it no `lb` of its own and the diplomatic view reads one line. A label
    that is its whole line (`Mr. QUILLET:` over the speech) keeps it; one split at the
    first line's end (`Mr.` / `OSBERT. I rise`, see `opening_text`) ends on the second.
    """
    text = block.text_lines
    last, rest = (text[0], label) if label in text[0].text else (text[1], label[len(text[0].text.strip()):].lstrip())
    index = block.lines.index(last)
    cut = last.text.index(rest) + len(rest)     # the label may follow the line's indentation
    if not last.text[cut:].strip():
        return Block("sp", children=[Block("speaker", block.lines[:index + 1]),
                                     Block("p", block.lines[index + 1:], marks=[])])
    speech_first = Line(n=last.n, orig=last.text[cut:], kind="text", hyphen=last.hyphen, continues=True)
    last_label = Line(n=last.n, orig=last.text[:cut], kind="text", page_break=last.page_break,
                      continues=last.continues)
    speaker = Block("speaker", block.lines[:index] + [last_label])
    speech = Block("p", [speech_first] + block.lines[index + 1:], marks=[])
    return Block("sp", children=[speaker, speech])


def run_in_title(leaves: list[Block], i: int) -> str:
    """The title in capitals the paragraph `leaves[i]` of running text opens with
    (`RUN_IN_TITLE`), the sentence going on after it on its line, on the next, or in the next
    paragraph, where a title alone closed by a comma follows a finished paragraph (one
    closed by a full stop is a heading already, or was found no heading); or ``. Not a
    place and date (a dispatch's `QUILLBURY, Jan. 3.--`) nor a speaker's label."""
    block, lines = leaves[i], leaves[i].text_lines
    found = RUN_IN_TITLE.match(lines[0].text) if block.kind == "p" and lines else None
    if not found or not title_key(found.group("title")) or OPENS_WITH_DEBATE_SPEAKER.match(lines[0].text) \
            or DATE_AFTER_PLACE.match(lines[0].text[found.end():]):
        return ""
    title, rest = found.group("title"), lines[0].text[found.end():]
    if rest.strip():
        paragraph, opening = block, rest
    elif len(lines) > 1:
        paragraph, opening = block, lines[1].text
    else:
        before = leaves[i - 1] if i else None
        paragraph = leaves[i + 1] if i + 1 < len(leaves) else None
        if not title.endswith(",") or paragraph is None or before is None or before.kind != "p" \
                or not before.text_lines or not ends_sentence(before.text_lines[-1].text):
            return ""
        opening = first_text(paragraph)
    return title if is_prose(paragraph) and SENTENCE_OPENING.match(opening) else ""


def heads_a_year(leaves: list[Block], i: int) -> bool:
    """Is `leaves[i]` a year alone (`1834.`) after a finished paragraph or a heading, with a
    paragraph of sentences after it, as annals head each year's entry? Not a chronology's
    dated entries."""
    block = leaves[i]
    if block.kind != "p" or len(block.text_lines) != 1 or not YEAR_LINE.match(first_text(block)) \
            or not 0 < i < len(leaves) - 1:
        return False
    before, after = leaves[i - 1], leaves[i + 1]
    finished = before.kind == "head" or before.kind == "p" and bool(before.text_lines) \
        and ends_sentence(before.text_lines[-1].text)
    return finished and after.kind == "p" and len(after.text_lines) > 1 \
        and bool(SENTENCE_OPENING.match(first_text(after))) and not CHRONOLOGY_ENTRY.match(first_text(after))


def split_run_in_head(block: Block, title: str) -> list[Block]:
    """`QUILLABEE FEVER. This disease is` -> head `QUILLABEE FEVER.`, p `This disease is`: the
    line shared as `split_speaker` shares it, the paragraph's marks kept over its words."""
    if title.strip() == first_text(block):
        return [Block("head", block.lines, marks=block.marks)]
    head, paragraph = split_speaker(block, title).children
    head.kind = "head"
    cut = len(block.text) - len(paragraph.text)
    paragraph.marks = [replace(mark, start=mark.start - cut, end=mark.end - cut)
                       for mark in block.marks if mark.start >= cut]
    head.marks = [mark for mark in block.marks if mark.end <= len(head.text)]
    return [head, paragraph]


def split_salute(block: Block) -> list[Block]:
    """`Dear Comrade Cannon,` on the first line of a letter's first paragraph stands apart,
    as do a closing salute and the short lines after it (`Your affectionate son` / a name)
    that end a paragraph after a finished sentence."""
    text = block.text_lines
    if block.kind != "p" or len(text) < 2:
        return [block]
    if OPENING_SALUTE.match(text[0].text.strip()):
        cut = block.lines.index(text[0]) + 1
        return [Block("p", block.lines[:cut]), *split_salute(Block("p", block.lines[cut:]))]
    for k in range(len(text) - 1, max(0, len(text) - 4), -1):
        if len(text[k].text.strip()) > CLOSING_LINE:
            break
        if CLOSING_SALUTE.match(text[k].text.strip()) and SENTENCE_END.search(text[k - 1].text):
            cut = block.lines.index(text[k])
            return [Block("p", block.lines[:cut]), Block("p", block.lines[cut:])]
    return [block]


def label_alone(block: Block, after: Block | None) -> str:
    """A debate's speaker label that is a paragraph's first line, the speech under it or in
    the next paragraph: a colon, a full stop or a dash closes it (`Mr. QUILLET:`), or it names
    a member in mixed case (`Mr. QUILLET`), or the speech goes on in lower case (`MR. QUILLET`
    / `said, that he`); a name alone in capitals over a capitalised paragraph is a heading."""
    lines = block.text_lines
    alone = DEBATE_LABEL_ALONE.fullmatch(lines[0].text) if lines else None
    if not alone:
        return ""
    label = alone.group("label")
    speech = lines[1].text if len(lines) > 1 else first_text(after) if after and after.kind == "p" else ""
    if not speech or DEBATE_LABEL_ALONE.fullmatch(speech):
        return ""
    closed = label[-1] in ".:;—" or not label.isupper()
    return lines[0].text if closed or STARTS_LOWER.match(speech) else ""


def speaker_labels(blocks: list[Block]) -> list[tuple[str, bool]]:
    """Each paragraph's speaker label (or ``), and whether it is printed as debates print them."""
    labels = []
    for at, block in enumerate(blocks):
        if block.kind != "p" or opens_classified_ad(first_text(block)):
            labels.append(("", False))
            continue
        alone = label_alone(block, blocks[at + 1] if at + 1 < len(blocks) else None)
        opening = opening_text(block)
        match = SPEAKER.match(opening)
        labels.append((alone, True) if alone else (match.group("label"), bool(OPENS_WITH_DEBATE_SPEAKER.match(
            opening))) if match else ("", False))
    return labels


def run_in_cuts(lines: list[Line]) -> dict[int, list[int]]:
    """Where the labels run into a paragraph start: offsets by line index. Each text line is
    read with the next after it, so a label the line's end splits (`... adjourn. Mr.` /
    `OSBERT. He said`) is found on the line its title ends, and one that opens the next line
    after a finished sentence (`... adjourn.` / `Mr. OSBERT. He said`) at offset 0 of that line.
    A cut inside a line falls before the space that opens the label, which the label keeps: the
    sentence's part would lose it as a line end's space. A title's full stop ends no sentence:
    `Hon. Mr. QUILLET—` is one label."""
    texts = [(i, line.text) for i, line in enumerate(lines) if line.kind == "text"]
    cuts: dict[int, list[int]] = {}
    for (i, text), (after_at, after) in zip(texts, texts[1:] + [(len(lines), "")]):
        joined = f"{text} {after}"
        for found in RUN_IN_SPEAKER.finditer(joined):
            if found.start() <= len(text) + 1 and not TITLE_BEFORE.search(joined, 0, found.start()):
                at, offset = (i, found.start() - 1) if found.start() < len(text) else (after_at, 0)
                cuts.setdefault(at, []).append(offset)
    return cuts


def line_piece(line: Line, start: int, end: int | None = None) -> Line:
    """The part of a line shared between elements from `start` to `end`: the first part keeps
    the line's page break and `lb`, the others continue it; the last keeps its hyphen."""
    return Line(n=line.n, orig=line.orig[start:end], kind="text", page_break=None if start else line.page_break,
                continues=bool(start) or line.continues, hyphen=line.hyphen if end is None else Hyphen.NONE)


def split_run_in_speeches(block: Block) -> list[Block]:
    """A paragraph in which another speaker's label follows a finished sentence is two (or
    more): the line is shared, its rest marked `continues` as `split_speaker` marks a
    speech's first line. One pass over the lines, however many speeches run together."""
    cuts = run_in_cuts(block.lines) if block.kind == "p" else {}
    if not cuts:
        return [block]
    parts: list[Block] = []
    current: list[Line] = []
    for i, line in enumerate(block.lines):
        start = 0
        for offset in cuts.get(i, []):
            parts.append(Block("p", current + ([line_piece(line, start, offset)] if offset else [])))
            current, start = [], offset
        current.append(line_piece(line, start) if start else line)
    return parts + [Block("p", current)]


def is_sitting_date(block: Block) -> bool:
    """A heading that is a sitting's date (`sitting_dates`)."""
    lines = block.text_lines
    return block.kind == "head" and len(lines) == 1 and bool(SITTING_DATE.fullmatch(lines[0].text))


def is_debate(blocks: list[Block]) -> bool:
    """Whether enough paragraphs open with labels as debates print them (DEBATE_EVIDENCE)."""
    return sum(printed for _, printed in speaker_labels(blocks)) >= DEBATE_EVIDENCE


def mark_dialogue(blocks: list[Block], debate: bool) -> list[Block]:
    """Turn runs of two or more labelled paragraphs into `sp`s, and in a debate (`is_debate`)
    every labelled paragraph, a label run into a paragraph opening a speech of its own; a
    label alone on its line takes the next paragraph for its speech; a classified ad's
    heading (`FOR RENT:`) is no speaker."""
    labels = speaker_labels(blocks)
    if debate:
        blocks = [part for block in blocks for part in split_run_in_speeches(block)]
        labels = speaker_labels(blocks)
    out: list[Block] = []
    taken = False
    for i, block in enumerate(blocks):
        if taken:
            taken = False
            continue
        label, printed = labels[i]
        neighbour = (i > 0 and labels[i - 1][0]) or (i + 1 < len(labels) and labels[i + 1][0])
        if not label or not (neighbour or printed and debate):
            out.append(block)
        elif len(block.text_lines) == 1 and block.text_lines[0].text == label:
            sp = split_speaker(Block("p", block.lines + blocks[i + 1].lines), label)
            taken = True
            out.append(sp)
        else:
            out.append(split_speaker(block, label))
    return out


#: the most lines of a letter's place stacked over its date
DATELINE_LINES = 3


def is_stacked_dateline(block: Block) -> bool:
    """A paragraph of a few short lines, the last a date, the others not a sentence: a
    letter's place over its date (`Camp near Quillbury` / `Aug 3d 1862`), which `order`
    takes for the dateline where it opens a division."""
    lines = [line.text.strip() for line in block.text_lines]
    return block.kind == "p" and 1 < len(lines) <= DATELINE_LINES and bool(DATE_LINE.match(lines[-1])) \
        and all(len(line) <= CLOSING_LINE and not SENTENCE_END.search(line) for line in lines[:-1])


def letter_ending(blocks: list[Block]) -> list[Block]:
    """A div's last blocks that close a letter: closing salute, signature, date (no note or
    figure among them: a closer holds neither)."""
    if any(block.kind in FLOATING for block in blocks):
        return []
    out: list[Block] = []
    lines = [line for block in blocks for line in block.lines]
    kinds = []
    for line in lines:
        text = line.text.strip()
        if line.kind != "text":
            kinds.append("fw")
        elif CLOSING_SALUTE.match(text):
            kinds.append("salute")
        elif DATE_LINE.match(text):
            kinds.append("dateline")
        elif len(text) <= 30 and SIGNATURE.match(text):
            kinds.append("signed")
        elif kinds and kinds[-1] in ("signed", "signed more") and len(text) <= CLOSING_LINE:
            kinds.append("signed more")     # under the name: a rank, a unit, an address
        else:
            return []
    current: Block | None = None
    for line, kind in zip(lines, kinds):
        if kind in ("fw", "signed more"):
            if current is None:
                current = Block("signed", [])
            current.lines.append(line)
            continue
        if current is not None and current.text_lines:
            out.append(current)
        carried = current.lines if current is not None and not current.text_lines else []
        current = Block(kind, carried + [line])
    if current is not None:
        out.append(current)
    return out


#: the div types (of those the schema allows) that a label names; a part, book or lecture
#: has none
LABEL_DIV_TYPES = {"chapter": "chapter", "chap.": "chapter", "section": "section", "sect.": "section",
                   "letter": "letter"}


def label_div_type(heads: list[Block]) -> str:
    """`chapter`, `section` or `letter` where the first heading is such a label."""
    first = first_text(heads[0]) if heads else ""
    return LABEL_DIV_TYPES.get(first.split()[0].lower(), "") if CHAPTER_LABEL.match(first) else ""


def is_title(text: str) -> bool:
    """A heading's title line: capitals, or title case (a full stop may end it)."""
    return bool(REAL_WORD.search(text)) and (is_caps_line(text) or is_title_line(HEAD_STOP.sub("", text)))


def is_advertisement(div: Block) -> bool:
    """Whether a division's text is mostly prices: at least AD_PRICES of them, and
    AD_PRICES_PER_100_WORDS for every hundred words."""
    text = " ".join(block.text for block in div.walk() if block.lines)
    prices = len(PRICE.findall(text))
    return prices >= AD_PRICES and prices * 100 >= AD_PRICES_PER_100_WORDS * max(len(text.split()), 1)


def split_advertisements(div: Block) -> list[Block]:
    """A division cut around its runs of classified ads: the text before a run (its heads
    go with the ads where no text follows them: `WANT ADS`), the run as a division of type
    `advertisement`, the text after. Each part is a slice of a division whose children
    stand in TEI's order, so each stands in it too."""
    runs = advertisement_runs(div.children)
    if not runs:
        return [div]
    parts: list[Block] = []
    at = 0
    for start, end in runs:
        before = div.children[at:start]
        if any(block.kind not in DIV_TOP | FLOATING for block in before):
            parts.append(Block("div", attrs=dict(div.attrs), children=before))
            before = []
        parts.append(Block("div", attrs={"type": "advertisement"}, children=before + div.children[start:end]))
        at = end
    if at < len(div.children):
        parts.append(Block("div", attrs=dict(div.attrs), children=div.children[at:]))
    return parts


def opens_classified_ad(text: str) -> bool:
    """Whether a line opens a classified advertisement (`FOR SALE—`, `WANTED-`, `LOST:`)."""
    return bool(CLASSIFIED_HEADING.match(text))


def opens_with_catchword(text: str) -> bool:
    """Whether a line opens with a few words in capitals run into lower-case text by a dash
    (`DRESSMAKING—Neat work done`): an advertisement's catchword or a news item's place. A
    line all in capitals with a dash in it is a headline (`FIRE AT QUILLBURY—TWO DEAD`)."""
    match = CAPITALS_DASH.match(text)
    return match is not None and bool(REAL_WORD.search(match.group())) and not is_caps_line(text)


def opens_column_item(text: str) -> bool:
    """Whether a line opens a small item of a column, its first words in capitals run into
    it: a classified ad (`FOR SALE—`) or a catchword (`DRESSMAKING—`, `PELLWORTH—`)."""
    return opens_classified_ad(text) or opens_with_catchword(text)


def classified_ad_starts(lines: list[str]) -> list[int]:
    """The lines of a paragraph (after its first) where an advertisement begins that OCR ran
    into the text before it: a classified heading anywhere (an ad's last line seldom ends a
    sentence: `Phone 212`), a catchword after a finished sentence."""
    return [i for i in range(1, len(lines)) if opens_classified_ad(lines[i]) or
            opens_with_catchword(lines[i]) and SENTENCE_END.search(lines[i - 1])]


def advertisement_runs(blocks: list[Block]) -> list[tuple[int, int]]:
    """[start, end) runs of consecutive paragraphs that open like advertisements, a classified
    heading among them: a column of small ads (a run of catchwords alone is news items)."""
    opens_ad = [block.kind == "p" and opens_column_item(first_text(block)) for block in blocks]
    runs: list[tuple[int, int]] = []
    start = None
    for i, is_ad in enumerate(opens_ad + [False]):
        if is_ad and start is None:
            start = i
        elif not is_ad and start is not None:
            if any(opens_classified_ad(first_text(block)) for block in blocks[start:i]):
                runs.append((start, i))
            start = None
    return runs


def caption_end(lines: list[str], credit: int) -> int:
    """Where the caption under the credit line at `credit` ends: its descriptive lines run
    down to a full stop, a headline or the paragraph's end; with no full stop within
    CAPTION_LINES they are prose, and the credit stands alone."""
    end = credit + 1
    while end < len(lines) and end - credit <= CAPTION_LINES and not is_headline(lines[end]):
        end += 1
        if SENTENCE_END.search(lines[end - 1]):
            return end
    return end if end == len(lines) or is_headline(lines[end]) else credit + 1


def split_caption(block: Block) -> list[Block]:
    """A paragraph with a picture's credit line among its lines, cut into the text before it,
    the caption (a `figure`: the credit as its `byline`, the lines describing the picture as
    its `p`) and the text after it."""
    if block.kind != "p":
        return [block]
    lines = [line.text.strip() for line in block.text_lines]
    credit = next((i for i, text in enumerate(lines) if PICTURE_CREDIT.match(text)), None)
    if credit is None:
        return [block]
    end = caption_end(lines, credit)
    starts = sorted({0, credit, credit + 1, end} - {len(lines)})
    parts = cut_block(block, [], starts)
    at = starts.index(credit)
    parts[at].kind = "byline"
    caption = parts[at:at + 1 + (end > credit + 1)]
    after = parts[at + len(caption):]
    return parts[:at] + [Block("figure", children=caption)] + [
        piece for part in after for piece in split_caption(part)]


def portrait_caption_at(lines: list[str]) -> int | None:
    """The line of a portrait's caption among a paragraph's lines, if one is there: a name in
    capitals alone, closed by a full stop (`OSRIC QUILLET.`), right above a headline in
    capitals with no full stop on any line, as papers set it from the 1890s on, and not
    after capitals (the stacked decks of older papers close each line with a stop)."""
    for at, text in enumerate(lines[:-1]):
        if HEAD_STOP.search(text) and is_caps_line(text) and is_name_line(text) \
                and not (at and is_caps_line(lines[at - 1])):
            run = list(itertools.takewhile(is_caps_line, lines[at + 1:]))
            if len(REAL_WORD.findall(" ".join(run))) >= 2 and not any(HEAD_STOP.search(line) for line in run):
                return at
    return None


def split_portrait_caption(block: Block) -> list[Block]:
    """A paragraph with a portrait's caption among its lines (`portrait_caption_at`), cut into
    the lines before it, the caption (a `figure`) and the lines after it."""
    lines = [line.text.strip() for line in block.text_lines] if block.kind == "p" else []
    at = portrait_caption_at(lines)
    if at is None:
        return [block]
    parts = cut_block(block, [], sorted({0, at, at + 1}))
    index = 1 if at else 0
    return parts[:index] + [Block("figure", children=[parts[index]])] + parts[index + 1:]


def numeral_value(shown: str) -> int | None:
    """A label's numeral read as printed: arabic, or roman written the usual way."""
    if shown.isdigit():
        return int(shown)
    return read_roman(shown) if set(shown.lower()) <= set("ivxl") else None


def lookalike_value(shown: str) -> int | None:
    """A label's numeral read with OCR's look-alikes of roman strokes undone (`111` is III,
    `IY` IV), where that reading differs from the printed one."""
    read = shown.translate(ROMAN_LOOKALIKES)
    return read_roman(read) if read != shown and set(read.lower()) <= set("ivxl") else None


def misread_numerals(shown: list[str]) -> dict[int, tuple[int, str]]:
    """The numerals OCR misread in one sequence of labels (a book's chapters), each read
    again (value, cert) where the labels beside it, read without doubt, make the reading
    sure: `111`, `IY`, `V` is III, IV, V. A numeral with no look-alike reading is read as
    printed; one whose printed reading fits the sequence stays as printed (`11` between
    10 and 12); neighbours that disagree (a chapter missing) leave it as printed."""
    printed = [numeral_value(numeral) for numeral in shown]
    alike = [lookalike_value(numeral) for numeral in shown]
    known = {i: value for i, value in enumerate(printed) if value is not None and alike[i] is None}
    read: dict[int, tuple[int, str]] = {}
    changed = True
    while changed:
        changed = False
        for i in (i for i in range(len(shown)) if i not in known):
            expected = {known[j] + i - j for j in (i - 1, i + 1) if j in known}
            if len(expected) != 1:
                continue
            if printed[i] in expected:
                known[i] = printed[i]
            elif alike[i] in expected:
                known[i] = alike[i]
                read[i] = (alike[i], "high" if {i - 1, i + 1} <= known.keys() else "medium")
            else:
                continue
            changed = True
    return read


def starts_page(block: Block) -> bool:
    lines = block.text_lines
    return bool(lines) and any(line.page_break is not None for line in block.lines[:block.lines.index(lines[0]) + 1])


def is_plate(block: Block) -> bool:
    """A paragraph that starts a page, of at most CAPTION_LINES short lines, one a plate's
    credit or label (`PLATE_MARK`): a plate's caption, the plate's page parted from the text."""
    lines = [line.text.strip() for line in block.text_lines]
    return block.kind == "p" and starts_page(block) and 0 < len(lines) <= CAPTION_LINES \
        and any(PLATE_MARK.match(line) for line in lines)


def is_headline(text: str) -> bool:
    """A line of a headline set in capitals: words, not OCR debris, nor a classified heading
    (`FOR SALE—A FARM`), nor the writer's name under it (`BY OSRIC QUILLET`), nor the
    masthead's number of the issue (`VOLUME XII—NO. 38.`), wherever OCR set it."""
    return is_caps_line(text) and len(REAL_WORD.findall(text)) >= 2 and len(LOWER_STRAY.findall(text)) < 2 \
        and not opens_classified_ad(text) and not is_byline(text) and not MASTHEAD_ISSUE.search(text)


def is_byline(text: str) -> bool:
    """The writer's name on a line of its own under a headline (`BYLINE_NAME`): no line of
    the headline nor of its deck, though capitalised as they are."""
    return bool(BYLINE_NAME.match(text))


def byline_end(lines: list[str], at: int) -> int:
    """Where the byline at line `at` ends: on its own line, or on the next where it opened a
    bracket that line closes (`(By Osric Quillet, Quill Wire` / `Staff Correspondent.)`)."""
    if "(" in lines[at] and ")" not in lines[at] and at + 1 < len(lines) and CREDIT_CLOSE.match(lines[at + 1]):
        return at + 2
    return at + 1


def bureau_end(lines: list[str], start: int) -> int:
    """Where the writer's bureau under a byline ends, if one starts at `start` (else `start`): a
    line or two in capitals naming the office and where it is (`QUILLBURY BUREAU, PELLWORTH
    HOTEL.`), a comma between them, a full stop at the end, before the dateline or the text:
    where the story was written, as a dateline says, not a headline."""
    for end in range(start + 1, min(start + BUREAU_LINES, len(lines) - 1) + 1):
        bureau = lines[start:end]
        if all(map(is_caps_line, bureau)) and "," in " ".join(bureau) and HEAD_STOP.search(bureau[-1]) \
                and not is_caps_line(lines[end]):
            return end
    return start


def capitals_run_end(lines: list[str], start: int) -> int:
    """Where a headline in capitals starting at `start` ends (else `start`), judged as a whole
    run, since a narrow column sets a word or two a line (`MONEY` / `RECOVERED`, `RECEPTION` /
    `TO MEMBERS`): the whole run of capital lines, each with a word, at most HEAD_LINES, two
    words in all, no OCR debris, not the tail of a longer run (fragments of a headline set
    across columns), and its deck or its article's first line after it, not a lower-case
    speck. A longer run is a headline where each line is one (`is_headline`)."""
    if start and is_caps_line(lines[start - 1]):
        return start
    end = start
    while end < len(lines) and is_caps_line(lines[end]) and REAL_WORD.search(lines[end]) \
            and not opens_classified_ad(lines[end]) and not is_byline(lines[end]) \
            and not MASTHEAD_ISSUE.search(lines[end]):
        end += 1
    run = " ".join(lines[start:end])
    if not start < end <= min(start + HEAD_LINES, len(lines) - 1) or is_caps_line(lines[end]) \
            or STARTS_LOWER.match(lines[end]) or len(REAL_WORD.findall(run)) < 2 \
            or len(LOWER_STRAY.findall(run)) >= 2:
        return start
    return end


def masthead_run_end(lines: list[str], end: int, stop: int) -> int:
    """Where the masthead goes on past its last dated or priced line at `end`: over a run of
    capitals under it (at most MASTHEAD_TITLE_LINES) and OCR's debris (lines with no word)
    that parts the run from a headline in capitals below (else `end`): the masthead's own
    lines OCR misread (a price's: `ON TRAINS AND NEWS` / `STANKS FIVK CKNTS`), since a
    headline runs on into its deck or its article, not into debris and another headline."""
    run = end
    while run < stop and run - end < MASTHEAD_TITLE_LINES and is_headline(lines[run]):
        run += 1
    after = run
    while after < stop and not REAL_WORD.search(lines[after]):
        after += 1
    return after if end < run < after < stop and is_headline(lines[after]) else end


def issue_evidence(lines: list[str]) -> int:
    """How surely `lines` are a masthead's: the issue's number (MASTHEAD_ISSUE) counts twice, its
    price or edition (MASTHEAD_DETAIL), a month's day and a weekday on a dated line once each."""
    dated = [line for line in lines if MASTHEAD_DATE.search(line)]
    return 2 * any(MASTHEAD_ISSUE.search(line) for line in lines) \
        + any(MASTHEAD_DETAIL.search(line) for line in lines) \
        + any(MONTH_DAY.search(line) for line in dated) + any(WEEKDAY.search(line) for line in dated)


def ears_end(lines: list[str], start: int, stop: int) -> int:
    """Where a masthead whose ears hold running text (a weather forecast, a wire service's
    notice, set beside the paper's title) ends, if running text starts at `start` (else `start`):
    past the issue's lines under the ears, at most ISSUE_LINES of them that give a weekday and
    ISSUE_EVIDENCE in all (`No. 3,174.` / `QUILLBURY, MONDAY, MAY 6, 1912.` / `TWO CENTS`),
    among the first `stop` lines; an article's text never sets its number, day and price so."""
    for k in (k for k in range(start, stop) if issue_evidence([lines[k]])):
        issue = lines[k:min(k + ISSUE_LINES, stop)]
        if issue_evidence(issue) >= ISSUE_EVIDENCE and any(WEEKDAY.search(line) for line in issue):
            return k + max(at for at, line in enumerate(issue) if issue_evidence([line])) + 1
    return start


def masthead_end(lines: list[str]) -> int:
    """How many of a page's first lines are its masthead: down to the last that dates the
    issue (MASTHEAD_DATE), numbers it (MASTHEAD_ISSUE) or gives its price or edition, among
    the first MASTHEAD_LINES before running text (two lines of words in lower case) or past
    the running text of its ears to the issue's lines under them (`ears_end`), past
    its own lines in capitals OCR misread (`masthead_run_end`), and on down to the first
    headline among them (the paper's title in display type, OCR's debris of its ornaments),
    unless more than MASTHEAD_TITLE_LINES lines of words stand between: a story's headline
    that no rule knew; and over the paper's imprint in capitals under it (MASTHEAD_IMPRINT,
    at most HEAD_LINES), no headline though set as one. None
    unless the issue's number, or two of its day, weekday, price or edition, show it, nor
    where running text follows: a heading over a dated line opens an article or a letter
    (`A LETTER FROM THE VALLEY` / `March 3, 1921`)."""
    stop = min(len(lines), MASTHEAD_LINES)
    prose = [len(LOWER_WORD.findall(line)) >= PROSE_WORDS for line in lines[:stop + 1]]
    text_starts = next((k for k in range(stop) if prose[k] and prose[k + 1:k + 2] == [True]), stop)
    stop = ears_end(lines, text_starts, stop)
    if issue_evidence(lines[:stop]) < 2:
        return 0
    end = masthead_run_end(lines, 1 + max(k for k in range(stop) if issue_evidence([lines[k]])), stop)
    title = next((start for start, _ in headline_spans(lines[end:]) if end + start < stop), 0)
    if sum(len(REAL_WORD.findall(line)) >= 2 for line in lines[end:end + title]) <= MASTHEAD_TITLE_LINES:
        end += title
    if end < stop and MASTHEAD_IMPRINT.match(lines[end]):
        end = next((k for k in range(end, min(end + HEAD_LINES, stop)) if not is_caps_line(lines[k])),
                   min(end + HEAD_LINES, stop))
    return 0 if end < len(prose) and prose[end] else end


def deck_words(text: str, continued: bool = False, word_goes_on: bool = False) -> list[str] | None:
    """The major words of a line that may stand in a headline's deck by its form (None where it
    may not): not a dateline (`PLACE_DATELINE`: a place is capitalised too) nor a byline; a
    line that continues the deck may open with a minor word (`at the Old Mill`), or, where the
    line before ended inside a word (`word_goes_on`), with that word's tail (`Quil` / `lets Are
    Taken`), which may be all its words as the deck's last line (`Quilla` / `bee at $4,500.`).
    A lone lower-case letter is OCR's speck, no word."""
    words = [w for w in (word.strip("\"'“”‘’()?.,;:!") for word in text.split()) if w[:1].isalpha()
             and not (len(w) == 1 and w.islower() and w not in MINOR_WORDS)]     # OCR's specks: `j ! Police.`
    tail = word_goes_on and continued
    words = words[tail:]
    major = [w for w in words if w.lower() not in MINOR_WORDS]
    opens = not words or words[0][:1].isupper() or continued and words[0] in MINOR_WORDS
    fits = opens and bool(major or tail and HEAD_STOP.search(text)) and not PLACE_DATELINE.match(text) \
        and not is_byline(text) and len(text) <= 70
    return major if fits else None


def capitalised_share(words: list[str]) -> float:
    """The share of `words` that open with a capital: a deck's are mostly capitalised (all
    of none)."""
    return sum(w[:1].isupper() for w in words) / len(words) if words else 1.0


def is_deck_speck(text: str) -> bool:
    """A short line with no word in it (`7.`, `1 vv`): OCR's debris between a deck's lines,
    which neither ends the deck nor stands as text of its own."""
    return len(text) <= DECK_SPECK and not REAL_WORD.search(text)


def deck_end(lines: list[str], start: int, split_ends: frozenset[int] = frozenset()) -> int:
    """Where the deck under a headline ending at `start` ends (else `start`): its lines
    (`deck_words`) down to the first with a full stop or, in title case, to the next headline
    in capitals or the writer's name (`By Osric Quillet`), at most DECK_LINES, OCR's specks
    among them (`is_deck_speck`) taken with them; its major words mostly capitalised as a whole
    (DECK_CAPITALS), each line's at least DECK_LINE_CAPITALS, since OCR misreads a word or two
    (`Caucuses atj`); a line that ended inside a word (`split_ends`, or a hyphen before a
    speck on the next line or glued after it: `Pro-:`) goes on in the next."""
    end = start
    major: list[str] = []
    while end < len(lines) and end - start < DECK_LINES:
        at = end + (is_deck_speck(lines[end]) and end + 1 < len(lines))
        word_goes_on = end - 1 in split_ends or end > start and (
            at > end and lines[end - 1].endswith("-") or bool(HYPHEN_SPECK.search(lines[end - 1])))
        words = deck_words(lines[at], end > start, word_goes_on)
        if words is None or capitalised_share(words) < DECK_LINE_CAPITALS:
            return start
        major += words
        end = at + 1
        if HEAD_STOP.search(lines[at]) or end < len(lines) and not is_caps_line(lines[at]) and (
                is_headline(lines[end]) or is_byline(lines[end])):
            return end if capitalised_share(major) >= DECK_CAPITALS else start
    return start


def title_deck(lines: list[str], start: int, width: float, split_ends: frozenset[int] = frozenset()) -> int:
    """Where a headline set in title case alone ends, if one starts at `start` (else `start`):
    two lines or more (`Quillbury Council` / `Votes New Bridge`), none a headline in capitals
    (`is_headline`: one starts there) nor a jump line (`JUMP_LINE`), none ending in a comma
    (an address, a list of names) nor a line of names (`NAMES_LINE`: `B. Quillet 169`, a
    table of scores), before a line that opens with a capital (the article's first) or its byline
    (`8y Quill News.`); each line short
    of the column's `width`, or, after a finished sentence, as wide as the column (`County
    Court Fixes the Levy` / `At Nine Mills After Changes`). A full stop (`?`, `!`) ends it; a
    line after the first may open with a minor word (`Mill Sold` / `to Tulverton Men.`) or,
    where the line before ended inside a word (`split_ends`), with its tail (`Full Lib` /
    `erty of Port.`), and may end in a semicolon between the headline's clauses; after a line
    that ends in a minor word (`Mill at`), where no headline stops, one capitalised word
    alone ends it (`Quillbury.`)."""
    def is_title_part(at: int) -> bool:
        if JUMP_LINE.match(lines[at]):
            return False
        text = HEADLINE_STOP.sub("", lines[at])
        if at > start:
            text = " ".join(text.removesuffix(";").split()[at - 1 in split_ends:])
            if ends_in_minor_word(lines[at - 1]) and ONE_TITLE_WORD.fullmatch(text):
                return True
        return is_title_line(text, continued=at > start)

    def deck_end(fits: Callable[[str], bool]) -> int:
        end = start
        while end < len(lines) and end - start < TITLE_HEADLINE_LINES and fits(lines[end]) and is_title_part(end) \
                and not lines[end].endswith(",") and not NAMES_LINE.search(lines[end]) and not is_headline(lines[end]) \
                and not is_byline(lines[end]):
            end += 1
            if HEADLINE_STOP.search(lines[end - 1]):
                break
        return end if end - start >= 2 and end < len(lines) and (
            STARTS_CAPITAL.match(lines[end]) or is_byline(lines[end])) else start

    end = deck_end(lambda line: len(line) <= TITLE_DECK_WIDTH * width)
    if end == start and (start == 0 or ends_sentence(lines[start - 1])):
        end = deck_end(lambda line: True)
    return end


def ends_in_minor_word(line: str) -> bool:
    """A line whose last word is a minor one (`Quillet Speaks at`): a heading does not stop there."""
    last = LAST_WORD.search(line)
    return bool(last) and last.group(1) in MINOR_WORDS


def in_pairs_list(lines: list[str], i: int) -> bool:
    """Whether line `i` is an entry of a list of name pairs (`NAME_PAIR`): a pair with a pair
    beside it, or any line between two (OCR lost its hyphen: `Osric Quillet Pellworth.`); a
    pair alone may head its item (a wedding's `Quillet-Pellworth.`)."""
    pairs = [0 <= k < len(lines) and bool(NAME_PAIR.match(lines[k])) for k in (i - 1, i, i + 1)]
    return pairs[1] and (pairs[0] or pairs[2]) or pairs[0] and pairs[2]


def is_subhead(lines: list[str], i: int, width: float, before: str = "", after: str = "") -> bool:
    """Whether line `i` is a subhead in title case between two sentences (`Awarded First
    Prize.`): the line before (`before`, for the paragraph's first) ends a sentence, not in
    an initial or a title (`Messrs. O.`), and the line after (`after`, for the paragraph's
    last) opens with a capital or is a byline (`By Quill News.`: it opens the text under the
    subhead); it is no line of names (`NAMES_LINE`: `Clerk Osric R.`) nor a byline nor an
    entry of a list of pairs (`in_pairs_list`) nor a jump line (`Continued on Page 3.`), holds
    no comma (a dateline, a list) nor the issue's number (`Vol. XII—No. 38.`, a masthead's line
    OCR set apart), and, as wide as the
    column, it ends in a full stop (else it is the first line of text that goes on: `Rev.
    Osric Quillet of`)."""
    line = lines[i]
    return ends_sentence(lines[i - 1] if i else before) \
        and is_title_line(HEAD_STOP.sub("", line)) and len(REAL_WORD.findall(line)) >= 2 \
        and not DATE_LINE.match(line) and ((nxt := following(lines, i, after))[:1].isupper() or is_byline(nxt)) \
        and not NAMES_LINE.search(line) and not is_byline(line) and not in_pairs_list([before, *lines], i + 1) \
        and "," not in line and not MASTHEAD_ISSUE.search(line) and not JUMP_LINE.match(line) \
        and (len(line) <= TITLE_DECK_WIDTH * width or bool(HEAD_STOP.search(line)))


def following(lines: list[str], i: int, after: str) -> str:
    """The line after line `i`: the next paragraph's first (`after`) after the last."""
    return lines[i + 1] if i + 1 < len(lines) else after


def is_book_subhead(lines: list[str], i: int, width: float, before: str = "", after: str = "") -> bool:
    """A book's subhead in title case between two sentences (`is_subhead`), or one word
    alone that ends in a full stop (`ONE_WORD_HEAD`: `Beginnings.`) between them, between
    lines of prose: not one of a list of titles (a bibliography's), nor capitals (headings
    of their own), nor a letter's line (`LETTER_LINE`)."""
    line, nxt = lines[i], following(lines, i, after)
    one_word = bool(ONE_WORD_HEAD.fullmatch(line)) and ends_sentence(lines[i - 1] if i else before) \
        and nxt[:1].isupper()
    return (one_word or is_subhead(lines, i, width, before, after)) and not is_caps_line(line) \
        and not LETTER_LINE.match(line) and not is_title(lines[i - 1] if i else before) and not is_title(nxt)


def signature_end(lines: list[str], i: int, before: str = "") -> int:
    """Where a signature under a letter's closing salute ends, if one starts at line `i` (else
    `i`): the signer's name, printed in capitals as a headline is (`OSRIC QUILLET,`), and
    under it a word or two of office or an agent's `By` (`"Mayor."`, `By His Attorney.`);
    `before` is the line before the paragraph. A letter quoted in an article opens its
    salute with the quotation mark."""
    if not CLOSING_SALUTE.match((lines[i - 1] if i else before).lstrip("\"'“‘")) or len(lines[i]) > CLOSING_LINE:
        return i
    end = i + 1
    if end < len(lines) and len(lines[end]) <= CLOSING_LINE and (
            len(lines[end].split()) <= 2 or lines[end].startswith("By ")):
        end += 1
    return end


def alternative_title(lines: list[str], i: int, before: str = "") -> bool:
    """Whether line `i` is a tale's title in capitals over its alternative title (`ALTERNATIVE_TITLE`:
    `LOST AT SEA!` / `Or, the Quillbury Wager.`), after a finished sentence or none: a title of a
    word or one with OCR's misreadings, no headline by its words, is one by the `Or,` under it."""
    return i + 1 < len(lines) and is_caps_line(lines[i]) and bool(ALTERNATIVE_TITLE.match(lines[i + 1])) \
        and (not (lines[i - 1] if i else before) or ends_sentence(lines[i - 1] if i else before))


def names_tales_kind(block: Block, before: Block) -> bool:
    """Whether a paragraph of one line is the line naming a tale's kind (`TALE_GENRE`) under
    its titles, the block before it ending in the alternative title (`alternative_title`)."""
    titles = [line.text.strip() for line in before.text_lines[-2:]]
    return block.kind == "p" and len(block.text_lines) == 1 and len(titles) == 2 \
        and bool(TALE_GENRE.match(block.text_lines[0].text.strip())) and alternative_title(titles, 0)


def headline_spans(lines: list[str], subheads: bool = True, before: str = "",
                   split_ends: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Where headings stand among a paragraph's lines, as [start, end) line spans: a run of
    capitals (a headline: `capitals_run_end`), the title-case lines after it (its deck:
    `deck_end`; `split_ends` are the lines that end inside a word), and, if `subheads`,
    a headline in title case alone (`title_deck`) or a title-case line between two sentences
    (`is_subhead`; `before` is the line before the paragraph), or a tale's title and its
    alternative (`alternative_title`) and the line naming its kind (`TALE_GENRE`); not a letter's signature
    (`signature_end`) nor the writer's bureau under a byline (`bureau_end`)."""
    width = statistics.median(map(len, lines)) if lines else 0
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if (signed := signature_end(lines, i, before)) > i:
            i = signed
            continue
        if is_byline(lines[i]):     # and the bureau under it
            i = bureau_end(lines, byline_end(lines, i))
            continue
        if alternative_title(lines, i, before):
            spans.append((i, i + 2))
            i += 2
            if i < len(lines) - 1 and TALE_GENRE.match(lines[i]):     # and the tale's kind under them
                spans.append((i, i + 1))
                i += 1
            continue
        end = capitals_run_end(lines, i)
        if end == i:            # a longer run: each line a headline's
            while end < len(lines) and end - i < HEAD_LINES and is_headline(lines[end]):
                end += 1
        if end > i:
            deck = deck_end(lines, end, split_ends)
            if all(is_caps_line(line) or is_deck_speck(line) for line in lines[end:deck]):
                end = deck      # a deck in capitals goes on with its headline: where one
            elif deck > end:    # ends and the other starts, capitals do not tell
                spans.append((i, end))
                i = end
            spans.append((i, deck))
            i = deck
            continue
        deck = title_deck(lines, i, width, split_ends)
        if subheads and deck > i:
            spans.append((i, deck))
            i = deck
            continue
        if subheads and is_subhead(lines, i, width, before):
            spans.append((i, i + 1))
        i += 1
    return spans


def split_headlines(block: Block, before: str = "") -> list[Block]:
    """A paragraph with headlines, decks or subheads among its lines, cut into its parts;
    `before` is the last line of the paragraph before it. A small ad's or news item's
    title-case line is its own (an address: `Miss Quill, 3 Bank Row.`). The writer's name
    under a headline is a byline, and the bureau under it a dateline."""
    if block.kind != "p" or len(block.text_lines) < 2:
        return [block]
    lines = [line.text.strip() for line in block.text_lines]
    split_ends = frozenset(i for i, line in enumerate(block.text_lines) if line.hyphen is not Hyphen.NONE)
    spans = headline_spans(lines, subheads=not opens_column_item(lines[0]), before=before, split_ends=split_ends)
    if spans == [(0, len(block.text_lines))]:
        return [block]          # a heading as it stands: the classifier names it
    bylines = [end for _, end in spans if end < len(lines) and is_byline(lines[end])]
    bureaus = [(byline_end(lines, at), bureau_end(lines, byline_end(lines, at))) for at in bylines]
    parts = cut_block(block, spans, starts=[at for at, _ in bureaus] + [end for _, end in bureaus])
    kinds = {id(block.text_lines[at]): "byline" for at in bylines}      # in capitals as a headline, no heading
    kinds |= {id(block.text_lines[start]): "dateline" for start, end in bureaus if end > start}
    for part in parts:
        if part.kind == "p" and part.text_lines:
            part.kind = kinds.get(id(part.text_lines[0]), part.kind)
    return parts


#: where a line may part a finished sentence from capitals after it: the space after its
#: final stop (and closing marks)
SENTENCE_STOP_SPACE = re.compile(r"""[.!?]["'”’)\]]*(?=\s+\S)""")
#: a word of two letters or more: a sentence has one before its stop
WORD = re.compile(r"[^\W\d_]{2,}")


def run_in_headline_cut(lines: list[str], i: int) -> int:
    """Where a headline in capitals that OCR ran onto line `i` after the last sentence of the
    article before starts (an offset into the line, at the space before it; else 0):
    `...and went home. QUILLET WINS PRIZE` / `AT TULVERTON FAIR`. The line's first part ends a
    sentence (not an initial's or a title's stop: `the U. S. ARMY`; nor OCR's speck with no
    word before it, opening a headline's line: `! AT TULVERTON`) and is no capitals of its
    own; its rest is a line in capitals that the next line goes on as a headline or its deck
    (`headline_spans` over it and the lines after: a dateline in capitals, a name, or capitals
    that no deck continues are followed by text, and stay in the line)."""
    text = lines[i]
    for stop in SENTENCE_STOP_SPACE.finditer(text):
        before, tail = text[:stop.end()], text[stop.end():].strip()
        if not ends_sentence(before) or not WORD.search(before) or is_caps_line(before) or not is_caps_line(tail):
            continue
        after = [tail, *(line.strip() for line in lines[i + 1:i + 1 + HEAD_LINES + DECK_LINES])]
        spans = headline_spans(after, subheads=False)
        reach = 0
        for start, end in spans:
            if start == reach:
                reach = end
        return stop.end() if reach >= 2 else 0
    return 0


def split_run_in_headlines(block: Block, after: str = "") -> list[Block]:
    """A paragraph whose lines run a headline in capitals on after a finished sentence
    (`run_in_headline_cut`) is cut there, the line shared as `split_run_in_speeches` shares it:
    the headline then opens a paragraph of its own, where `split_headlines` finds it. `after` is
    the next paragraph's first line, which may be the headline's article's."""
    lines = [*(line.text for line in block.text_lines), after]
    cuts = {id(block.text_lines[i]): cut for i in range(len(lines) - 1) if (cut := run_in_headline_cut(lines, i))}
    if not cuts:
        return [block]
    parts: list[Block] = []
    current: list[Line] = []
    for line in block.lines:
        if id(line) in cuts:
            parts.append(Block("p", current + [line_piece(line, 0, cuts[id(line)])]))
            current = [line_piece(line, cuts[id(line)])]
        else:
            current.append(line)
    return parts + [Block("p", current)]


def cut_block(block: Block, heads: list[tuple[int, int]], starts: Iterable[int] = ()) -> list[Block]:
    """`block` cut into paragraphs and headings: `heads` are [start, end) spans of its text
    lines, in order, `starts` more lines where a paragraph starts; furniture goes with the
    text line after it."""
    bounds = {0} | {at for span in heads for at in span} | set(starts)
    head_starts = {start for start, _ in heads}
    parts: list[Block] = []
    pending: list[Line] = []
    at = 0                  # the index of the next text line
    for line in block.lines:
        pending.append(line)
        if line.kind != "text":
            continue
        if at in bounds:
            parts.append(Block("head" if at in head_starts else "p", pending))
        else:
            parts[-1].lines.extend(pending)
        pending = []
        at += 1
    if pending:
        parts[-1].lines.extend(pending)
    return parts


class _Builder:
    def __init__(self, doc: Document, opts: Options, report: Report):
        self.opts = opts
        self.report = report
        self.classify = _Classifier(opts)
        self.counts: Counter = Counter()
        self.run_in_decks: set[int] = set()   #: ids of headlines of two lines or more cut out of paragraphs
        self.front: list[Block] = []
        self.body: list[Block] = []
        self.back: list[Block] = []
        self.preamble: list[Block] = []      #: what stands before the first heading
        self.cover: list[Block] = []         #: a back cover's letter-spaced lines
        self.masthead: list[Block] = []      #: a newspaper page's masthead, a line a block
        self.contents: list[str] = []        #: a contents list's entries, as `title_key` reads them
        self.debate = False                  #: a legislature's printed debates (`is_debate`)

    def make_div(self, div_type: str, heads: list[Block], content: list[Block]) -> Block:
        return Block("div", attrs={"type": div_type}, children=self.order(heads + content))

    def order(self, children: list[Block]) -> list[Block]:
        """Give each child a kind TEI allows where it stands in the div."""
        body_kinds = {"p", "sp", "list", "quote", "lg", "div"}
        top = next((i for i, child in enumerate(children) if child.kind in body_kinds), len(children))
        if top + 1 < len(children) and is_stacked_dateline(children[top]):
            children[top].kind = "dateline"
        kinds = [child.kind for child in children]
        body_at = [i for i, kind in enumerate(kinds) if kind in body_kinds]
        first = body_at[0] if body_at else len(children)
        last = body_at[-1] if body_at else -1
        # the div's last blocks may close a letter
        tail_start = last + 1
        while tail_start > first and kinds[tail_start - 1] == "p" and \
                len(children[tail_start - 1].text_lines) <= 3 and letter_ending(children[tail_start - 1:]):
            tail_start -= 1
        out: list[Block] = []
        opener: list[Block] = []
        for i, child in enumerate(children):
            if i < first:
                if child.kind == "salute":
                    opener.append(child)
                    continue
                if opener:          # blocks keep their source order
                    out.append(Block("opener", children=opener))
                    opener = []
                if child.kind not in DIV_TOP | FLOATING:
                    child.kind = "p"
                out.append(child)
                continue
            if opener:
                out.append(Block("opener", children=opener))
                opener = []
            if i == tail_start and tail_start <= last:
                ending = letter_ending(children[tail_start:])
                if any(block.kind == "salute" for block in ending):
                    out.append(Block("closer", children=ending))
                    self.counts["closer"] += 1
                else:
                    out.extend(close_div(ending))
                break
            if i > last and child.kind in DIV_BOTTOM | FLOATING:
                out.extend(close_div(children[i:]))
                break
            if child.kind not in body_kinds | FLOATING:
                child.kind = "p"
            out.append(child)
        if opener:
            out.append(Block("opener", children=opener))
        self.counts["opener"] += sum(1 for block in out if block.kind == "opener")
        return out

    def endnotes(self, blocks: list[Block], pattern: re.Pattern) -> list[Block]:
        """A notes division's numbered paragraphs as endnotes (`notes.split_endnotes`), counted."""
        blocks = split_endnotes(blocks, pattern)
        self.counts["endnotes"] += sum(1 for block in blocks if block.kind == "note" and
                                       block.attrs.get("type") == "endnote")
        return blocks

    def title_page(self, blocks: list[Block]) -> list[Block]:
        """Short lines before the first heading: the title page (anything else stays a p).
        A title page sets its lines in capitals, full stops and all (`DISEASES OF THE
        HARBOUR.`, `BY A. QUILLET, M.D.`): those are its parts, not sentences; the lines in
        capitals under the byline are the author's degrees and offices, of the byline; and
        what stands between two of its parts with most of its words capitalised, or a motto
        in quotation marks, is one too, however long (`With plain Directions for the Cure of
        Agues, Chills, and all Fevers of the Marsh,`)."""
        parts = []
        for block in blocks:
            text = " ".join(line.text.strip() for line in block.text_lines)
            in_capitals = all(is_caps_line(line.text.strip()) for line in block.text_lines)
            if block.kind == "note" or len(text) > 200 and not is_imprint(block):
                parts.append(("p", block))
            elif IMPRINT.search(text):
                parts.append(("docImprint", block))
            elif TITLE_PAGE_YEAR.fullmatch(text):
                parts.append(("docDate", block))
            elif len(text) <= 80 and (BYLINE.search(text) or text.lower().startswith("translated")):
                parts.append(("byline", block))
            elif parts and parts[-1][0] == "byline" and in_capitals:
                parts.append(("byline", block))         # the author's degrees and offices
            elif len(text) > 80 and not in_capitals or SENTENCE_END.search(text) and not (is_name(text) or in_capitals):
                parts.append(("p", block))
            elif is_name(text):
                parts.append(("docAuthor", block))
            else:
                parts.append(("titlePart", block))
        for at in range(1, len(parts) - 1):
            if parts[at][0] == "p" and parts[at - 1][0] != "p" and parts[at + 1][0] != "p" and \
                    parts[at][1].kind != "note" and (is_title_like(parts[at][1].text) or
                                                     MOTTO.match(parts[at][1].text)):
                parts[at] = ("titlePart", parts[at][1])
        if not any(kind == "titlePart" for kind, _ in parts):
            for _, block in parts:
                if block.kind != "note":      # a footnote stays one, wherever it stands
                    block.kind = "p"
            return [block for _, block in parts]
        out: list[Block] = []
        page: Block | None = None
        for kind, block in parts:
            if kind == "p":
                if block.kind != "note":
                    block.kind = "p"        # a heading of the preamble too: front holds no bare head
                out.append(block)
                page = None
                continue
            block.kind = kind
            if page is None:
                page = Block("titlePage", children=[])
                out.append(page)
            page.children.append(block)
        return out

    def glued_tail(self, block: Block, after: Block | None) -> int:
        """Where a heading or dateline glued to the end of `block` starts (an index into
        its lines), or 0: the tail must follow a finished line and be confirmed."""
        text = block.text_lines
        if block.kind != "p" or len(text) < 2 or after is None:
            return 0
        start = len(text) - 1
        if DATE_LINE.match(text[-1].text.strip()):
            confirmed = SENTENCE_END.search(text[-2].text) and after.kind == "p"
        else:
            start = len(text)
            while start > 1 and len(text) - start < 3 and is_caps_line(text[start - 1].text.strip()):
                start -= 1
            tail = " ".join(HEAD_TAIL.sub("", line.text.strip()) for line in text[start:]).strip()
            before = text[start - 1].text.strip()
            following = first_text(after)
            confirmed = start < len(text) and not is_caps_line(before) and bool(tail) and \
                (not SENTENCE_END.search(tail) or tail.endswith(("?", "!"))) and \
                (SENTENCE_END.search(before) or before.endswith(",") or len(before) <= 40) and (
                    self.classify.front.match(tail) or self.classify.back.match(tail) or
                    after.kind == "p" and (DATE_LINE.match(following) or is_caps_line(following)))
        return block.lines.index(text[start]) if confirmed else 0

    def split_glued(self, leaves: list[Block]) -> list[Block]:
        """Glued tails become blocks of their own (out of a speech, when glued to one)."""
        out: list[Block] = []
        for i, block in enumerate(leaves):
            last = block.children[-1] if block.kind == "sp" else block
            cut = self.glued_tail(last, leaves[i + 1] if i + 1 < len(leaves) else None)
            out.append(block)
            if cut:
                tail = Block("p", last.lines[cut:])
                del last.lines[cut:]
                out.append(tail)
                self.counts["glued"] += 1
        return out

    def split_cover(self, leaves: list[Block]) -> tuple[list[Block], list[Block]]:
        """Letter-spaced lines ending the text (mostly: a plain line or two may stand
        among them) are a back cover: they leave the last block for a block of their own."""
        if not self.opts.cover_div_type:
            return leaves, []
        lines = [line for block in leaves if block.kind == "p" for line in block.text_lines]
        spaced, start = 0, None
        for count, line in enumerate(reversed(lines), 1):
            if is_letter_spaced(line.text):
                spaced += 1
                if spaced >= 3 and spaced / count >= 0.6:
                    start = line
        if start is None:
            return leaves, []
        at = next(i for i, block in enumerate(leaves) if start in block.lines)
        cut = leaves[at].lines.index(start)
        cover = [Block("p", leaves[at].lines[cut:])] + leaves[at + 1:]
        kept = leaves[:at] + ([Block("p", leaves[at].lines[:cut])] if cut else [])
        return kept, cover

    def build(self, doc: Document) -> None:
        """Run the leaf rules over the paragraphs, make the divisions, then the division rules."""
        leaves = doc.body
        for _name, rule in LEAF_RULES:
            leaves = rule(self, leaves)
        self.divide(leaves)
        for _name, rule in DIVISION_RULES:
            rule(self)
        doc.front, doc.body, doc.back = self.front, self.body, self.back

    # -- leaf rules: a flat list of leaf blocks in, the same list reshaped out --

    def cut_masthead(self, leaves: list[Block]) -> list[Block]:
        """A newspaper page's masthead (`masthead_end`) leaves the text, a line a block (a word
        split over two lines, as its ears' text splits one, keeps them together): its date lines
        `docDate`, the others `titlePart`; `place_masthead` puts it in front."""
        if not self.opts.masthead:
            return leaves
        top: list[tuple[int, int]] = []         # (block, line) of the page's first text lines
        for at, block in enumerate(leaves):
            if block.kind != "p" or len(top) >= MASTHEAD_LINES:
                break
            top += [(at, k) for k in range(len(block.text_lines))]
        top = top[:MASTHEAD_LINES]
        end = masthead_end([leaves[at].text_lines[k].text.strip() for at, k in top])
        if not end:
            return leaves
        last, cut = top[end - 1][0], top[end - 1][1] + 1
        head = cut_block(leaves[last], [], [cut])
        for block in leaves[:last] + head[:1]:
            lines = block.text_lines
            starts = [k for k in range(len(lines)) if not k or lines[k - 1].hyphen is Hyphen.NONE]
            for part in cut_block(block, [], starts):
                part.kind = "docDate" if MASTHEAD_DATE.search(first_text(part)) else "titlePart"
                self.masthead.append(part)
        return head[1:] + leaves[last + 1:]

    def dialogue(self, leaves: list[Block]) -> list[Block]:
        self.debate = is_debate(leaves)
        return mark_dialogue(leaves, self.debate)

    def heads_per_line(self, leaves: list[Block]) -> list[Block]:
        if not self.opts.head_per_line:
            return leaves
        return [part for block in leaves for part in self.split_head(block)]

    def salutes(self, leaves: list[Block]) -> list[Block]:
        return [part for block in leaves for part in split_salute(block)]

    def back_cover(self, leaves: list[Block]) -> list[Block]:
        leaves, self.cover = self.split_cover(leaves)
        return leaves

    def junk_after_hyphens(self, leaves: list[Block]) -> list[Block]:
        """Junk OCR glued after a line-end hyphen (`re- n`), or left on a line of its own
        inside the split word (`at-`/`i`/`tacked`), reads as nothing: a correction."""
        for block in (b for leaf in leaves for b in leaf.walk() if b.lines):
            offset, before = 0, None
            for line in block.text_lines:
                span = glued_junk(line.text) if line.hyphen in (Hyphen.PRINTED, Hyphen.KEEP) else None
                if span:
                    span = (span[0] - (line.hyphen is Hyphen.PRINTED), span[1])   # the printer's hyphen goes too
                elif before is not None and is_inner_speck(before, line):
                    span = (0, len(line.text))
                if span:
                    block.marks.append(Mark("choice", offset + span[0], offset + span[1],
                                            {"corr": "", "resp": RESP, "cert": "high"}))
                    self.counts["junk"] += 1
                offset, before = offset + len(line.text) + 1, line
        return leaves

    def chapter_labels(self, leaves: list[Block]) -> list[Block]:
        """A chapter label that OCR ran into a paragraph (no blank line after it, or before
        it after a finished sentence or a line in capitals) leaves it, with the title lines
        that follow it."""
        return [part for block in leaves for part in self.split_chapter(block)]

    def captions(self, leaves: list[Block]) -> list[Block]:
        """On a page of articles, a picture's credit line and the lines describing the picture
        are its caption (`split_caption`), and so is a portrait's name above a headline
        (`split_portrait_caption`): neither headline nor article text."""
        if not self.opts.headline_decks:
            return leaves
        return [piece for block in leaves for part in split_caption(block) for piece in split_portrait_caption(part)]

    def plates(self, leaves: list[Block]) -> list[Block]:
        """A page of its own that holds a few short lines, one of them a plate's credit or
        label (`is_plate`), is a plate's caption (a `figure`), no paragraph of the text."""
        for at, block in enumerate(leaves):
            after = leaves[at + 1] if at + 1 < len(leaves) else None
            if is_plate(block) and (after is None or starts_page(after)):
                leaves[at] = Block("figure", children=[block])
                self.counts["plates"] += 1
        return leaves

    def split_classified_ads(self, leaves: list[Block]) -> list[Block]:
        """On a page of articles, an advertisement that OCR ran into the text before it (no
        blank line) starts a paragraph of its own (`classified_ad_starts`)."""
        if not self.opts.headline_decks:
            return leaves
        return [part for block in leaves for part in (
            cut_block(block, [], classified_ad_starts([line.text.strip() for line in block.text_lines]))
            if block.kind == "p" else [block])]

    def run_in_headlines(self, leaves: list[Block]) -> list[Block]:
        """Headlines in capitals OCR ran onto the last line of the article before start a
        paragraph of their own (`split_run_in_headlines`), for `headline_decks` to cut out."""
        if not self.opts.headline_decks:
            return leaves
        return [part for at, block in enumerate(leaves) for part in (
            split_run_in_headlines(block, first_text(leaves[at + 1]) if at + 1 < len(leaves) else "")
            if block.kind == "p" else [block])]

    def headline_decks(self, leaves: list[Block]) -> list[Block]:
        """Headlines cut out of the paragraphs they were run into; those of two lines or more
        are remembered: on a page that parts nothing by blank lines, nothing else shows
        where an article ends (`enclose`)."""
        if not self.opts.headline_decks:
            return leaves
        parts = []
        for at, block in enumerate(leaves):
            before = leaves[at - 1] if at else None
            cut = split_headlines(block, before.text_lines[-1].text.strip()
                                  if before is not None and before.kind == "p" and before.text_lines else "")
            self.run_in_decks.update(id(part) for part in cut
                                     if part is not block and part.kind == "head" and len(part.text_lines) > 1)
            if parts and names_tales_kind(block, parts[-1]):
                block.kind = "head"
            parts.extend(cut)
        return parts

    def sign_offs(self, leaves: list[Block]) -> list[Block]:
        """A country column's correspondent signs each item with a pen name in capitals
        (`SIGN_OFF`) after its last sentence, right over the next item's heading: where the page
        does so SIGN_OFF_HABIT times, each such line is cut out as the item's signature (a
        byline at the end, which `close_div` signs in its closer), not a heading of the next
        item nor text."""
        if not self.opts.headline_decks:
            return leaves
        at = [(b, j) for b, block in enumerate(leaves) for j in range(len(block.text_lines))]
        text = [leaves[b].text_lines[j].text.strip() for b, j in at]

        def heading_under(k: int) -> bool:
            b, j = at[k]
            under = leaves[b].text_lines[j + 1:] or leaves[b + 1].text_lines
            return (leaves[b].kind if j + 1 < len(leaves[b].text_lines) else leaves[b + 1].kind) == "head" \
                or self.classify.leaf_kind(Block("p", under)) == "head"

        found = [k for k in range(1, len(at) - 1)
                 if len(text[k]) <= SIGN_OFF_CHARS and SIGN_OFF.match(text[k])
                 and leaves[at[k - 1][0]].kind == "p" and ends_sentence(text[k - 1]) and heading_under(k)]
        if len(found) < SIGN_OFF_HABIT:
            return leaves
        cuts: dict[int, list[int]] = {}
        for k in found:
            cuts.setdefault(at[k][0], []).append(at[k][1])
        out = []
        for b, block in enumerate(leaves):
            if b not in cuts:
                out.append(block)
                continue
            signed = {id(block.text_lines[j]) for j in cuts[b]}
            for part in cut_block(block, [], [j + step for j in cuts[b] for step in (0, 1)
                                              if j + step < len(block.text_lines)]):
                part.kind = "byline" if id(part.text_lines[0]) in signed else block.kind
                out.append(part)
        self.counts["sign_offs"] += len(found)
        return out

    def book_subheads(self, leaves: list[Block]) -> list[Block]:
        """In a book, a line in title case between two sentences (`is_book_subhead`: `The
        Church in the Valley.`) is a subhead where the book sets several different ones so
        (its habit): one alone may be a line of text. A page of articles finds its own."""
        if self.opts.headline_decks:
            return leaves
        found = []
        for at, block in enumerate(leaves):
            before = leaves[at - 1] if at else None
            last = before.text_lines[-1].text.strip() if before is not None and before.kind == "p" \
                and before.text_lines else "." if before is not None and before.kind == "figure" else ""
            nxt = leaves[at + 1] if at + 1 < len(leaves) else None
            after = nxt.text_lines[0].text.strip() if nxt is not None and nxt.kind == "p" and nxt.text_lines else ""
            lines = [line.text.strip() for line in block.text_lines] if block.kind == "p" else []
            width = statistics.median(map(len, lines)) if lines else 0
            found.append([i for i in range(len(lines)) if is_book_subhead(lines, i, width, last, after)])
        titles = {title_key(block.text_lines[i].text) for block, cuts in zip(leaves, found) for i in cuts}
        if len(titles) < SUBHEAD_HABIT:
            return leaves
        self.counts["book_subheads"] += sum(map(len, found))
        return [part for block, cuts in zip(leaves, found)
                for part in (cut_block(block, [(i, i + 1) for i in cuts]) if cuts else [block])]

    def kinds(self, leaves: list[Block]) -> list[Block]:
        for block in leaves:
            if block.kind == "p":
                block.kind = self.classify.leaf_kind(block)
                if block.kind == "source":
                    block.kind, block.attrs = "note", {"type": "source"}
        return leaves

    def chapter_numerals(self, leaves: list[Block]) -> list[Block]:
        """Chapter labels' numerals OCR misread (`Chapter 111.`, `Chapter IY.`) read again from
        the sequence of the book's labels of that name (`misread_numerals`): a correction."""
        labels: dict[str, list[tuple[Block, Line, re.Match]]] = {}
        for block in leaves:
            if block.kind == "head" and block.text_lines \
                    and (m := CHAPTER_LABEL.match(block.text_lines[0].text.strip())):
                labels.setdefault(m.group(0).split()[0].rstrip(".").lower(), []).append((block, block.text_lines[0], m))
        for found in labels.values():
            for i, (value, cert) in misread_numerals([m["numeral"] for _, _, m in found]).items():
                block, line, m = found[i]
                start = len(line.text) - len(line.text.lstrip()) + m.start("numeral")
                numeral = to_roman(value) if m["numeral"].islower() else to_roman(value).upper()
                block.marks.append(Mark("choice", start, start + len(m["numeral"]),
                                        {"corr": numeral, "resp": RESP, "cert": cert}))
                self.report.info("TK141", f"chapter numeral {m['numeral']!r} read as {numeral}, "
                                 "from the sequence of the labels", line.n)
                self.counts["numerals"] += 1
        return leaves

    def sitting_dates(self, leaves: list[Block]) -> list[Block]:
        """In a debate, a sitting's date alone under a heading (`HOUSE OF ASSEMBLY.` /
        `Thursday, 11th March, 1875.`) is the heading's second line: the sitting's."""
        if self.debate:
            for above, block in zip(leaves, leaves[1:]):
                if above.kind == "head" and block.kind in ("p", "dateline") and len(block.text_lines) == 1 \
                        and SITTING_DATE.fullmatch(block.text_lines[0].text):
                    block.kind = "head"
        return leaves

    def long_decks(self, leaves: list[Block]) -> list[Block]:
        """Capitals too long for a heading alone (a speech's title and occasion, set over
        four to six lines) are one where they follow a heading and prose follows them."""
        for i in range(1, len(leaves) - 1):
            before, block, after = leaves[i - 1], leaves[i], leaves[i + 1]
            lines = [line.text.strip() for line in block.text_lines]
            if block.kind == "p" and before.kind == "head" and after.kind == "p" and \
                    HEAD_LINES < len(lines) <= DECK_LINES and all(map(is_caps_line, lines)) and \
                    len(after.text_lines) >= HEAD_LINES:
                block.kind = "head"
        return leaves

    def heads_within_sentences(self, leaves: list[Block]) -> list[Block]:
        """A heading never stands inside a sentence: between a paragraph that does not end
        and one that goes on in lower case it is a page's running head, not a heading."""
        for i in range(1, len(leaves) - 1):
            before, block, after = leaves[i - 1], leaves[i], next_words(leaves, i + 1)
            if block.kind == "head" and before.kind == after.kind == "p" and before.text_lines and \
                    not SENTENCE_END.search(before.text_lines[-1].text) and \
                    STARTS_LOWER.match(first_text(after)):
                block.kind = "p"
                self.counts["running_heads"] += 1
        return leaves

    def signatures(self, leaves: list[Block]) -> list[Block]:
        """A name alone where a heading would stand, after a finished paragraph, closes the
        text before it as a signature does, where less text follows it (to the next
        heading) than half what precedes it (from the last): a heading opens what follows
        it. It stays a paragraph (only a div's last blocks may be `signed`; the letter
        ending makes it one there): a petition's signer above the jurat, not a division."""
        heads = [i for i, block in enumerate(leaves) if block.kind == "head"]
        for k, i in enumerate(heads):
            before = leaves[i - 1] if i else None
            if before is None or before.kind != "p" or not before.text_lines \
                    or not SENTENCE_END.search(before.text_lines[-1].text) or not is_signed_name(leaves[i]) \
                    or self.in_contents(leaves[i]):
                continue
            since = heads[k - 1] + 1 if k else 0
            until = heads[k + 1] if k + 1 < len(heads) else len(leaves)
            if 2 * text_length(leaves[i + 1:until]) < text_length(leaves[since:i]):
                leaves[i].kind = "p"
                self.counts["signatures"] += 1
        return leaves

    def contents_lists(self, leaves: list[Block]) -> list[Block]:
        """A contents list's entries are no headings: after a heading CONTENTS, its chapter
        labels and titles (`CHAPTER II.`, `APPENDIX.`, `Of Mills 30`) are paragraphs down to
        the first heading that prose follows, or to prose itself."""
        i = 0
        while i < len(leaves):
            if leaves[i].kind != "head" or not CONTENTS_NAME.fullmatch(head_text(leaves[i])):
                i += 1
                continue
            k = i + 1
            while k < len(leaves) and not is_prose(leaves[k]):
                end = k
                while end < len(leaves) and leaves[end].kind == "head":
                    end += 1
                if end > k and end < len(leaves) and is_prose(next_words(leaves, end)):
                    break            # the heading the text after the list opens with
                for block in leaves[k:max(end, k + 1)]:
                    if block.kind == "head":
                        block.kind = "p"
                        self.counts["contents_entries"] += 1
                    self.contents.extend(filter(None, map(title_key, (line.text for line in block.text_lines))))
                k = max(end, k + 1)
            i = k
        return leaves

    def in_contents(self, head: Block) -> bool:
        """Does the book's contents list name this heading (`Of Quillet Fever, 12` for
        `QUILLET FEVER.`)? Then it is a chapter's, whatever its words look like."""
        return self.names_in_contents(head_text(head))

    def names_in_contents(self, title: str) -> bool:
        key = title_key(title)
        return bool(key) and any(key in entry or entry in key for entry in self.contents)

    def run_in_heads(self, leaves: list[Block]) -> list[Block]:
        """A title in capitals run into its paragraph (`run_in_title`) is a heading where the
        book's contents list names it, or where several paragraphs of the book, each with a
        title of its own, open so (its habit; a play's few names, each said many times, are
        no such habit); an emphatic opening in capitals alone is none."""
        titles = [run_in_title(leaves, i) for i in range(len(leaves))]
        keys = [title_key(title) for title in titles if title]
        habit = len(set(keys)) >= RUN_IN_HABIT and 2 * len(set(keys)) >= len(keys)
        out: list[Block] = []
        for block, title in zip(leaves, titles):
            taken = title and (habit or self.names_in_contents(title))
            out.extend(split_run_in_head(block, title) if taken else [block])
            self.counts["run_in_heads"] += bool(taken)
        return out

    def year_heads(self, leaves: list[Block]) -> list[Block]:
        """Years alone between paragraphs (`heads_a_year`) head annals' entries where the text
        does so at least `YEAR_HEAD_HABIT` times, the years never going back: one such year
        alone may be a date's line."""
        found = [i for i in range(len(leaves)) if heads_a_year(leaves, i)]
        years = [int(first_text(leaves[i]).rstrip(".")) for i in found]
        if len(found) >= YEAR_HEAD_HABIT and years == sorted(years):
            for i in found:
                leaves[i].kind = "head"
            self.counts["year_heads"] += len(found)
        return leaves

    # -- divisions --

    def divide(self, leaves: list[Block]) -> None:
        """Sections start at runs of heads and go to front, body or back by their names."""
        start = self.first_section(leaves)
        # sections: a run of heads starts one; what precedes the first is the preamble
        sections: list[tuple[list[Block], list[Block]]] = []
        self.preamble = leaves[:start]
        for block in leaves[start:]:
            if block.kind == "head":
                if sections and not sections[-1][1]:
                    sections[-1][0].append(block)
                else:
                    sections.append(([block], []))
            elif sections:
                sections[-1][1].append(block)
            else:
                self.preamble.append(block)
        front, body, back = self.front, self.body, self.back
        where = "front"
        titles = {normalized(" ".join(line.text for line in block.text_lines)) for block in self.preamble}
        for heads, content in sections:
            name = " ".join(head_text(head) for head in heads)
            if where != "back" and self.classify.back.match(name):
                where = "back"
            elif where == "front" and not self.classify.front.match(name) and not CONTENTS_NAME.fullmatch(name):
                where = "body"
                if len(heads) > 1 and normalized(head_text(heads[0])) in titles:
                    # the book's title again before the first chapter: a half-title
                    body.append(self.make_div("titlepage", heads[:1], []))
                    heads = heads[1:]
            self.counts["heads"] += len(heads)
            if where == "back":
                content = self.endnotes(content, self.classify.endnote)
                div_type = "notes" if re.match(r"notes?\b", name, re.IGNORECASE) else "appendix"
            elif where == "front":
                div_type = front_div_type(name)
                if div_type == "chronology":
                    content = chronology_lists(content)
            else:
                div_type = label_div_type(heads) or self.opts.div_type
                if self.opts.dateline_starts_div:
                    *earlier, content = self.split_at_datelines(content)
                    for part in earlier:
                        body.append(self.make_div(div_type, heads, part))
                        heads = []
            {"front": front, "body": body, "back": back}[where].append(
                self.make_div(div_type, heads, content))

    # -- division rules: they reshape self.front, self.body and self.back --

    def trailing_endnotes(self) -> None:
        """Endnotes at the very end with no heading of their own ("[1] See ...")."""
        trailing: list[Block] = []
        tail_owner = self.body[-1].children if self.body else self.preamble
        if self.classify.trailing_endnote:
            while tail_owner and tail_owner[-1].kind == "p" and \
                    self.classify.trailing_endnote.match(first_text(tail_owner[-1])):
                trailing.insert(0, tail_owner.pop())
        if trailing:
            self.back.insert(0, Block("div", attrs={"type": "notes"},
                                      children=self.endnotes(trailing, self.classify.trailing_endnote)))

    def place_masthead(self) -> None:
        if self.masthead:
            self.front.insert(0, Block("titlePage", attrs={"type": "masthead"}, children=self.masthead))

    def place_preamble(self) -> None:
        """What precedes the first heading: a title page, or the first division's top. A
        title page holds no speech (an excerpt may open on a catechism's questions), so a
        preamble with one is the text itself, begun before its first heading: the end of a
        division whose heading the excerpt lacks, a division of its own."""
        preamble, front, body = self.preamble, self.front, self.body
        if not preamble:
            return
        speech = any(block.kind == "sp" for block in preamble)
        if self.opts.title_page and (front or body) and not speech:
            front[:0] = self.title_page(preamble)
        elif body and not self.opts.enclosing_div and not speech:
            first = body[0]
            first.children[:0] = preamble
            first.children[:] = self.order(self.reclassify_top(first.children))
        else:
            body.insert(0, self.make_div(self.opts.div_type, [], self.reclassify_top(preamble)))

    def set_apart_classified_ads(self) -> None:
        """On a page of articles, a run of classified advertisements (`advertisement_runs`)
        leaves the division it stands in for one of its own (`div type="advertisement"`);
        the text after it, if any, is a division of its own too: the ads stood between."""
        if not self.opts.headline_decks:
            return
        self.body[:] = [part for div in self.body for part in split_advertisements(div)]

    def sittings(self) -> None:
        """In a debate, a division whose heading holds a sitting's date holds the divisions after
        it (the subjects debated, `ORDERS OF THE DAY.`) up to the next sitting's."""
        if not self.debate:
            return
        body: list[Block] = []
        for div in self.body:
            if div.kind == "div" and any(map(is_sitting_date, div.children)):
                div.attrs["type"] = "sitting"
                body.append(div)
            elif body and body[-1].attrs.get("type") == "sitting":
                body[-1].children.append(div)
            else:
                body.append(div)
        self.body[:] = body

    def enclosing_div(self) -> None:
        if self.opts.enclosing_div and self.body:
            self.body[:] = self.enclose(self.body)

    def advertisements(self) -> None:
        """On a page of articles, a division that is mostly prices is an advertisement
        (`div type="advertisement"`), kept apart from the news."""
        if not self.opts.headline_decks:
            return
        for div in self.body:
            if div.kind == "div" and is_advertisement(div):
                div.attrs["type"] = "advertisement"

    def empty_body(self) -> None:
        if not self.body:
            self.body.append(self.make_div(self.opts.div_type, [], []))

    def cover_div(self) -> None:
        if self.cover:
            self.back.append(self.make_div(self.opts.cover_div_type, [], self.cover))

    def split_chapter(self, block: Block) -> list[Block]:
        """[text before], the label, its title lines (each a heading), [the rest]."""
        text = block.text_lines
        if block.kind != "p" or len(text) < 2:
            return [block]
        at = next((i for i, line in enumerate(text) if CHAPTER_LABEL.match(line.text.strip()) and
                   (i == 0 or SENTENCE_END.search(text[i - 1].text) or
                    is_caps_line(text[i - 1].text.strip()))), None)
        if at is None:
            return [block]
        end = at + 1
        while end < len(text) and end - at <= HEAD_LINES and is_title(text[end].text.strip()):
            end += 1
        return cut_block(block, [(at, at + 1)] + [(i, i + 1) for i in range(at + 1, end)])

    def split_at_datelines(self, content: list[Block]) -> list[list[Block]]:
        """A div's content cut before each dateline that stands after finished text and
        before more (not a postscript): the datelines of articles whose headings OCR lost.
        A subtitle between a heading and its dateline is no finished text."""
        parts: list[list[Block]] = [[]]
        for i, block in enumerate(content):
            after = content[i + 1] if i + 1 < len(content) else None
            finished = any(b.kind == "sp" or b.kind == "p" and SENTENCE_END.search(b.text_lines[-1].text)
                           for b in parts[-1] if b.text_lines)
            if block.kind == "dateline" and finished and parts[-1][-1].kind == "p" and \
                    after is not None and after.kind in ("p", "salute") and \
                    not POSTSCRIPT.match(first_text(after)):
                parts.append([])
                self.counts["headless"] += 1
            parts[-1].append(block)
        return parts

    def split_head(self, block: Block) -> list[Block]:
        if len(block.text_lines) < 2 or not self.classify.is_head(block):
            return [block]
        parts: list[Block] = []
        pending: list[Line] = []
        for line in block.lines:
            pending.append(line)
            if line.kind == "text":
                parts.append(Block("p", pending))
                pending = []
        parts[-1].lines.extend(pending)
        return parts

    def first_section(self, leaves: list[Block]) -> int:
        """Where the divisions start: with a title page, the first heading named like
        front or back matter or over a sitting's date, or followed by a real paragraph;
        else the first heading."""
        heads = [i for i, block in enumerate(leaves) if block.kind == "head"]
        if not heads:
            return len(leaves)
        if not self.opts.title_page:
            return heads[0]
        text_at = next((i for i, block in enumerate(leaves) if is_running_text(block)), len(leaves))
        for i in heads:
            name = head_text(leaves[i])
            if i < text_at and (self.classify.front.match(name) or self.classify.back.match(name)
                                or CONTENTS_NAME.fullmatch(name)
                                or i + 1 < len(leaves) and is_sitting_date(leaves[i + 1])):
                return i
        # the title page goes down to its imprint: what it sets in capitals before is no heading
        imprint = max((i for i in range(text_at) if is_imprint(leaves[i])), default=-1)
        start = text_at
        while start > imprint + 1 and leaves[start - 1].kind == "head":
            start -= 1
        return start if start < text_at else next((i for i in heads if i > imprint), heads[0])

    def reclassify_top(self, blocks: list[Block]) -> list[Block]:
        """Before the first paragraph, a name alone or a line "by ..." is a byline; a chapter
        label never is, though `Chapter V.` reads as a name and an initial."""
        for block in blocks:
            if block.kind in ("p", "head") and len(block.text_lines) == 1:
                text = first_text(block)
                if CHAPTER_LABEL.match(text):
                    continue
                if BYLINE.search(text) and len(text) <= 80 or is_name(text, allow_year=True):
                    block.kind = "byline"
            elif block.kind == "p":
                break
        return blocks

    def enclose(self, divs: list[Block]) -> list[Block]:
        """The divisions inside one enclosing div (a column with subheads), or, where
        headlines are looked for, inside one per headline in capitals or headline of two
        lines or more run into the text (a page of articles): a leading unheaded part stays
        at the top, subheads make sub-divisions."""
        articles: list[Block] = []
        for at, div in enumerate(divs):
            heads = [child for child in div.children if child.kind == "head"]
            if div.attrs.get("type") == "advertisement":
                articles.append(div)
                continue
            if self.opts.headline_decks and heads and (
                    all(is_caps_line(line.text.strip()) for line in heads[0].text_lines)
                    or id(heads[0]) in self.run_in_decks):
                div.attrs["type"] = self.opts.enclosing_div
                articles.append(div)
                continue
            if not articles or articles[-1].attrs.get("type") == "advertisement" or is_closed(articles[-1]):
                articles.append(Block("div", attrs={"type": self.opts.enclosing_div}, children=[]))
            # a closing signature or closer may not precede the sections: it keeps its own div
            closed = any(child.kind in ("closer", "signed") for child in div.children)
            if heads or closed and at + 1 < len(divs):
                div.attrs["type"] = self.opts.div_type
                articles[-1].children.append(div)
            else:
                articles[-1].children.extend(div.children)
        return articles


#: the jobs on the flat list of paragraphs, in order (each takes and returns the list)
LEAF_RULES: tuple[tuple[str, Callable[[_Builder, list[Block]], list[Block]]], ...] = (
    ("masthead", _Builder.cut_masthead),
    ("chapter labels", _Builder.chapter_labels),     # before dialogue: a label ends a speech
    ("dialogue", _Builder.dialogue),
    ("heads per line", _Builder.heads_per_line),
    ("salutes", _Builder.salutes),
    ("back cover", _Builder.back_cover),
    ("captions", _Builder.captions),                  # before headlines: a caption holds none
    ("plates", _Builder.plates),
    ("classified ads", _Builder.split_classified_ads),
    ("run-in headlines", _Builder.run_in_headlines),
    ("headline decks", _Builder.headline_decks),
    ("sign-offs", _Builder.sign_offs),                # over the headings the decks cut out
    ("book subheads", _Builder.book_subheads),
    ("glued tails", _Builder.split_glued),
    ("junk after hyphens", _Builder.junk_after_hyphens),     # once no rule cuts blocks anew
    ("kinds", _Builder.kinds),
    ("sitting dates", _Builder.sitting_dates),
    ("long decks", _Builder.long_decks),
    ("heads within sentences", _Builder.heads_within_sentences),
    ("contents lists", _Builder.contents_lists),
    ("signatures", _Builder.signatures),
    ("run-in heads", _Builder.run_in_heads),           # after the contents list, which names them
    ("year heads", _Builder.year_heads),
    ("bylines", _Builder.reclassify_top),
    ("chapter numerals", _Builder.chapter_numerals),   # once the headings are final
)
#: the jobs on the divisions once made, in order
DIVISION_RULES: tuple[tuple[str, Callable[[_Builder], None]], ...] = (
    ("trailing endnotes", _Builder.trailing_endnotes),
    ("preamble", _Builder.place_preamble),
    ("masthead", _Builder.place_masthead),            # after the preamble: the page's first lines
    ("classified ads", _Builder.set_apart_classified_ads),
    ("sittings", _Builder.sittings),
    ("enclosing div", _Builder.enclosing_div),
    ("advertisements", _Builder.advertisements),
    ("empty body", _Builder.empty_body),
    ("back cover", _Builder.cover_div),
)


def run(doc: Document, opts: Options, report: Report) -> Document:
    builder = _Builder(doc, opts, report)
    builder.build(doc)
    kinds = Counter(block.kind for block in doc.blocks())
    doc.facts.structure = StructureDone(
        divs=kinds["div"], heads=kinds["head"], paragraphs=kinds["p"],
        datelines=kinds["dateline"], bylines=kinds["byline"], openers=kinds["opener"],
        closers=kinds["closer"], speeches=kinds["sp"], footnotes=sum(
            1 for b in doc.blocks() if b.kind == "note" and b.attrs.get("place") == "foot"),
        endnotes=builder.counts["endnotes"], title_page=kinds["titlePage"] > 0,
        glued_tails_cut=builder.counts["glued"], headless_divisions=builder.counts["headless"],
        hyphen_junk_corrected=builder.counts["junk"],
        running_heads_kept=builder.counts["running_heads"], signatures_kept=builder.counts["signatures"],
    )
    report.info("TK140", f"{kinds['div']} divisions, {kinds['head']} headings, "
                         f"{builder.counts['endnotes']} endnotes")
    return doc


PASS = PassSpec("structure", run, Options, requires=frozenset({"blocks"}),
                provides=frozenset({"structure"}))
