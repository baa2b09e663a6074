"""Group the source lines into paragraph-level blocks, across the gaps OCR leaves in them.

OCR puts blank lines inside paragraphs (at column and page ends) and a page's footnote
between the two halves of a paragraph the page cut. A blank line therefore ends a
paragraph only when the text around it says so:

    ... to assassinate Stalin and restore capital        (full width, no sentence end)
                                                          <- blank: the paragraph goes on
    ism in the Soviet Union. As soon as ...

    ... Russia, the revolution marked time.               (sentence end)
    *L. Trotsky: *History of the Russian Revolution* ...  <- a footnote: its own block
    The year 1917 was the fourth year ...                 (capital: a new paragraph)

Every run of non-blank lines starts a candidate block; a candidate continues the block
before it when that block's last text line does not end a sentence (and, in hard-wrapped
text, runs to the full line width), or when the candidate starts in lower case. Footnote
lines (profile option `footnote_pattern`) become blocks of kind "note" placed right after
the paragraph they interrupt, whose halves become one block; the `notes` pass moves them
to their markers. Leaf blocks go to `doc.body` in source order as kind "p"; the
`structure` pass classifies and nests them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, Document, Hyphen, Line
from ..pipeline import PassSpec
from ..report import Report

#: a line that ends a sentence: final punctuation, then closing quotes or brackets
SENTENCE_END = re.compile(r"""[.!?:;…]["'”’)\]*_]*\s*$""")
#: the first letter after opening punctuation is lower case
STARTS_LOWER = re.compile(r"""^[\s"'“‘(\[*_.…-]*[a-zà-ÿ]""")
#: a word split at a printed hyphen: a letter, then the hyphen at the line end
ENDS_HYPHEN = re.compile(r"[A-Za-zÀ-ÿ]-$")


@dataclass(frozen=True)
class Options:
    #: the source has one paragraph per line (web, Markdown-like books): line width says
    #: nothing, and a blank line ends a paragraph unless the next line starts in lower case
    line_per_paragraph: bool = False
    #: a regular expression for a one-line footnote standing where its page ended
    #: (e.g. '^\*+ ?\S' for `*`-marked notes); empty: the source has no such footnotes
    footnote_pattern: str = ""
    #: a line at least this share of the text's usual line width counts as full width
    full_width: float = 0.85
    #: the source shows no page numbers, but a paragraph cut by a blank line (one paragraph
    #: per line) or text resuming after a footnote is where a printed page ended: record an
    #: unnumbered page break there
    page_at_cut: bool = False


def caps_ratio(text: str) -> float:
    """Share of upper-case letters: headings are set in capitals."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(ch.isupper() for ch in letters) / len(letters)


def is_caps_line(text: str) -> bool:
    """A short line in capitals (a heading or part of one), not a sentence in capitals."""
    words = text.split()
    return 0 < len(words) <= 12 and len(text) <= 80 and caps_ratio(text) >= 0.7 and \
        sum(ch.isalpha() for ch in text) >= 2


#: words a title leaves in lower case
MINOR_WORDS = frozenset("a an and as at but by for from in into of on or the to with".split())


def is_title_line(text: str) -> bool:
    """A short line in title case (`Great Discontent in the Soviet Union`): a subhead."""
    words = [word.strip("\"'“”‘’()") for word in text.split()]
    words = [word for word in words if word]
    if not 2 <= len(words) <= 10 or len(text) > 70 or SENTENCE_END.search(text):
        return False
    return words[0][:1].isupper() and all(
        word[:1].isupper() or word.lower() in MINOR_WORDS or not word[:1].isalpha() for word in words)


def usual_width(lines: list[Line]) -> int:
    """The width of a full line: the 80th percentile of text line lengths."""
    lengths = sorted(len(line.text.strip()) for line in lines if line.kind == "text")
    if not lengths:
        return 0
    return lengths[int(len(lengths) * 0.8)]


def footnote_n(text: str) -> str:
    """The footnote's marker: its leading asterisks, less one that opens italics
    (`**Op. cit.* pp. 57` is note `*` on the italic title *Op. cit.*)."""
    stripped = text.lstrip()
    stars = len(stripped) - len(stripped.lstrip("*"))
    rest = stripped[stars:]
    if stars > 1 and rest.count("*") % 2 == 1:
        stars -= 1
    return "*" * stars


class _Grouper:
    def __init__(self, doc: Document, opts: Options):
        self.opts = opts
        self.footnote = re.compile(opts.footnote_pattern) if opts.footnote_pattern else None
        self.width = usual_width(doc.lines)

    def runs(self, lines: list[Line]) -> list[list[Line]]:
        """Maximal runs of text and furniture lines; blank and excluded lines part them."""
        runs: list[list[Line]] = []
        current: list[Line] = []
        for line in lines:
            if line.kind in ("text", "fw"):
                current.append(line)
            elif current:
                runs.append(current)
                current = []
        if current:
            runs.append(current)
        return runs

    def is_footnote(self, run: list[Line]) -> bool:
        text = [line for line in run if line.kind == "text"]
        if self.footnote is None or len(text) != 1:
            return False
        line = text[0].text.strip()
        # a whole line in italics (`*Oh wise master ...*`) is verse, not a note
        whole_italic = line.endswith("*") and line.count("*") == 2 and not line.startswith("**")
        return bool(self.footnote.match(line)) and not whole_italic

    def is_full(self, line: Line) -> bool:
        return len(line.text.strip()) >= self.opts.full_width * self.width

    def continues(self, block: Block, nxt: Line) -> bool:
        """Does the run starting with `nxt` continue the paragraph in `block`?"""
        last = block.text_lines[-1]
        text = last.text.strip()
        lines = [line.text.strip() for line in block.text_lines]
        if len(lines) <= 3 and (all(map(is_caps_line, lines)) or all(map(is_title_line, lines))):
            # a heading goes on over a blank only into another line of capitals
            return not self.opts.line_per_paragraph and is_caps_line(nxt.text.strip()) \
                and all(map(is_caps_line, lines)) and not SENTENCE_END.search(text)
        if STARTS_LOWER.match(nxt.text):
            return True
        if SENTENCE_END.search(text):
            following = nxt.text.strip()
            return not self.opts.line_per_paragraph and self.is_full(last) \
                and not is_caps_line(following) and not is_title_line(following)
        return not self.opts.line_per_paragraph and self.is_full(last) or \
            bool(ENDS_HYPHEN.search(text) and STARTS_LOWER.match(nxt.text))

    def group(self, lines: list[Line]) -> list[Block]:
        blocks: list[Block] = []
        paragraph: Block | None = None      # the block a following run may continue
        notes: list[Block] = []             # footnotes seen since that block's last line
        pending_fw: list[Line] = []
        page_ended = False                  # a footnote closed the printed page
        for run in self.runs(lines):
            text = [line for line in run if line.kind == "text"]
            if not text:
                pending_fw.extend(run)
                continue
            if self.is_footnote(run):
                notes.append(Block("note", pending_fw + run,
                                   {"place": "foot", "n": footnote_n(text[0].text)}))
                pending_fw = []
                page_ended = True
                continue
            if self.opts.page_at_cut and text[0].page_break is None and (page_ended or (
                    paragraph is not None and self.opts.line_per_paragraph and self.continues(paragraph, text[0]))):
                text[0].page_break = ""
            page_ended = False
            if paragraph is not None and self.continues(paragraph, text[0]):
                last = paragraph.text_lines[-1]
                if last.hyphen is Hyphen.NONE and ENDS_HYPHEN.search(last.text) \
                        and STARTS_LOWER.match(text[0].text):
                    # a word split across a footnote or a gap that `dehyphenate` left alone
                    last.hyphen = Hyphen.PRINTED
                paragraph.lines.extend(pending_fw + run)
            else:
                blocks.extend(notes)
                notes = []
                paragraph = Block("p", pending_fw + run)
                blocks.append(paragraph)
            pending_fw = []
        blocks.extend(notes)
        if pending_fw:
            if blocks:
                blocks[-1].lines.extend(pending_fw)
            else:
                blocks.append(Block("p", pending_fw))
        return blocks


def run(doc: Document, opts: Options, report: Report) -> Document:
    blocks = _Grouper(doc, opts).group(doc.lines)
    doc.body = blocks
    notes = sum(1 for block in blocks if block.kind == "note")
    doc.facts["blocks"] = {"paragraphs": len(blocks) - notes, "footnotes": notes,
                           "line_per_paragraph": opts.line_per_paragraph}
    report.info("TK130", f"{len(blocks) - notes} paragraphs, {notes} footnotes")
    return doc


PASS = PassSpec("blocks", run, Options, requires=frozenset({"furniture"}),
                provides=frozenset({"blocks"}))
