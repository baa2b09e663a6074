"""One walk over a TEI document: the events every reader of the TEI consumes.

The diplomatic and reading views (`tei/reader.py`), the HTML renderer (`render/text.py`)
and the list of interventions (`apparatus.py`) all read the same tree in document order.
They share this walk, which yields one event per step and keeps no state of its own
beyond the open elements:

    <p>Amer<pc>-</pc><lb break="no"/>ican</p>
    -> (START, p) (TEXT, p) (START, pc) (TEXT, pc) (END, pc) (START, lb) (END, lb) (TAIL, lb) (END, p)

TEXT is an element's `.text`, TAIL its `.tail` (never the tail of the element the walk
started at, which lies outside it); ENTITY an unexpanded entity reference, whose tail
follows as TAIL. Comments and processing instructions give only their tail. A consumer
that does not read an element's content calls `skip()` on its START: the element's END
and tail still come. The walk runs off an explicit stack, so nesting as deep as the
parser allows costs no Python stack. It reads a tree parsed whole (`WholeTree`) or one
still growing as its file is parsed (`tei.growing.GrowingTree`).

What a line or page break means for the word it falls in (`line_end`), and what an editor
exchanged in a `choice` (`choice_intervention`), are decided here too, once, for every reader.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import etree

from ..ocr import LINE_END_HYPHENS
from .rules import (
    LineEnds, choice_sides, ends_with_plain_hyphen, is_ocr_correction, is_source_markup, joins_word, local_name,
    marked_hyphen, text_after,
)

START, END, TEXT, TAIL, ENTITY = "start", "end", "text", "tail", "entity"

#: how a break falls in a word (`line_end`): "" between words, else how the halves join
BETWEEN_WORDS = ""
PRINTED_HYPHEN = "printed"      #: a hyphen the printer set at the line end: not read
RESTORED_HYPHEN = "restored"    #: a hyphen the OCR lost, supplied by the editor: read
DROPPED_HYPHEN = "dropped"      #: a plain hyphen the rules find the printer's: not read
COMPOUND_HYPHEN = "compound"    #: a plain hyphen that belongs to the word: read
JOINED = "joined"               #: the halves meet with no hyphen

#: the reading a choice shows -> the kind of intervention
CHOICE_KINDS = {"corr": "correction", "expan": "expansion", "reg": "regularisation"}

_WORD_END = re.compile(rf"[\w{re.escape(LINE_END_HYPHENS)}]*$")
_WORD_START = re.compile(r"^[\w\-]*")


class WholeTree:
    """How a walk reads a tree parsed whole: an element's children and next sibling as they
    stand (`tei.growing.GrowingTree` reads a tree still being parsed)."""
    children = staticmethod(iter)
    next_sibling = staticmethod(etree._Element.getnext)


class Walk:
    """The events of `root` and everything in it, in document order (see the module doc),
    its elements' children read through `tree`."""

    def __init__(self, root: etree._Element, tree=WholeTree):
        self.root = root
        self.children = tree.children
        self._skipping = False

    def skip(self) -> None:
        """Leave out the content of the element whose START was just yielded."""
        self._skipping = True

    def __iter__(self) -> Iterator[tuple[str, etree._Element]]:
        self._skipping = False
        yield START, self.root
        if self._skipping:
            self._skipping = False
            yield END, self.root
            return
        if self.root.text:
            yield TEXT, self.root
        stack = [(self.root, self.children(self.root))]
        while stack:
            parent, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                yield END, parent
                if stack and parent.tail:
                    yield TAIL, parent
                continue
            if not isinstance(child.tag, str):
                if isinstance(child, etree._Entity):
                    yield ENTITY, child
                if child.tail:
                    yield TAIL, child
                continue
            yield START, child
            if self._skipping:
                self._skipping = False
                yield END, child
                if child.tail:
                    yield TAIL, child
            else:
                if child.text:
                    yield TEXT, child
                stack.append((child, self.children(child)))


def line_end(milestone: etree._Element, before: str, rules: LineEnds,
             next_sibling: Callable[[etree._Element], etree._Element | None] = WholeTree.next_sibling) -> str:
    """How a line, page or column break falls in the word around it, given the text read
    `before` it (and the text after it, reached by `next_sibling`): one of the constants
    above. The one place where teikit decides this, for every view."""
    if not (joins_word(milestone) or rules.bare_break_joins(milestone, before)):
        return BETWEEN_WORDS
    marked = marked_hyphen(milestone)
    if marked:
        return PRINTED_HYPHEN if marked == "pc" else RESTORED_HYPHEN
    if ends_with_plain_hyphen(before):
        following = text_after(milestone, next_sibling)
        return DROPPED_HYPHEN if rules.drops_plain_hyphen(before, following) else COMPOUND_HYPHEN
    return JOINED


def split_word(before: str, milestone: etree._Element) -> tuple[str, str]:
    """The two halves of the word a break splits: the end of the text read `before` it and
    the start of the text after it, as an apparatus shows them (`Amer-`, `ican`)."""
    return _WORD_END.search(before.rstrip()).group(), _WORD_START.match(text_after(milestone).lstrip()).group()


@dataclass(frozen=True)
class ChoiceIntervention:
    """What an editor exchanged in a `choice`: the reading `shown` for the source's `replaced`."""
    kind: str                  #: correction, expansion or regularisation
    shown: etree._Element
    replaced: etree._Element
    ocr: bool                  #: an OCR misreading corrected (`reg type="ocr"`)


def choice_intervention(choice: etree._Element) -> ChoiceIntervention | None:
    """The intervention a `choice` records, or None when it exchanges nothing (one side
    only, or the empty reading of a source's markup character)."""
    shown, replaced = choice_sides(choice)
    if shown is None or replaced is None or is_source_markup(shown):
        return None
    ocr = is_ocr_correction(shown)
    return ChoiceIntervention(CHOICE_KINDS["corr" if ocr else local_name(shown)], shown, replaced, ocr)
