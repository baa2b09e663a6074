"""A TEI file's tree while lxml builds it from the file, read by a `walk.Walk` as it grows and
dropped behind the walk: a file of any size is read in about the memory of its largest block.

lxml builds the tree ahead of the parse events it hands out (`reader.iterparse_tei`), and a
text or tail at the edge of what is parsed may still grow. What the walk may read is judged
by the tree: a node is whole, its tail too, once a node follows it or its parent has ended
(the one thing told by the events), and an element's own text once it has a child.

- An element the walk enters (`enters`: a block it reads where it stands) is handed over
  once its own text is parsed, and its children one by one as they are parsed. The walk
  must not skip such an element: its end and tail may not be parsed yet.
- Any other element, comment or entity is handed over whole, with its tail.
- A sibling the rules look at ahead of the walk (`next_sibling`: `rules.text_after`,
  `rules.is_printed_line_end_hyphen`) is parsed whole first.
- Once the walk is past DROP_AFTER more children, the siblings before the last are dropped,
  unless the rules may look back past that child to them
  (`rules.stands_between_hyphen_and_break`). An element the walk still holds (a note read
  after its block) stays whole, out of the tree.

Elements are only dropped, never emptied: one whose events are still to come keeps its
attributes for whoever reads them (`reader.file_reading_text` gathers the xml:ids).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from lxml import etree

from .rules import stands_between_hyphen_and_break


#: children the walk passes between two drops of those behind it (dropping each costs more)
DROP_AFTER = 32


class GrowingTree:
    """The tree of a file being parsed (`events`: start and end events, `reader.iterparse_tei`),
    for a walk that starts at an element whose start is the last event parsed (`enter`).
    Elements handed to the walk in no namespace are moved into `namespace`, if given."""

    def __init__(self, events: Iterator[tuple[str, etree._Element]], enters: Callable[[etree._Element], bool],
                 namespace: str | None = None):
        self._events = events
        self._enters = enters
        self._namespace = namespace
        self._parsing: dict[etree._Element, bool] = {}   #: an element entered -> its end is still to come

    def pull(self) -> bool:
        """Parse one event further; False at the end of the file."""
        step = next(self._events, None)
        if step is None:
            return False
        event, el = step
        if event == "end" and el in self._parsing:
            self._parsing[el] = False
        return True

    def enter(self, root: etree._Element) -> None:
        """Make `root`, whose start is the last event parsed, ready to walk."""
        if self._namespace is not None:
            move_into_namespace((root,), self._namespace)
        self._parsing[root] = True
        while len(root) == 0 and self._parsing[root] and self.pull():
            pass

    def children(self, el: etree._Element) -> Iterator[etree._Element]:
        return self._children_as_parsed(el) if el in self._parsing else iter(el)

    def next_sibling(self, node: etree._Element) -> etree._Element | None:
        """The sibling after `node`, parsed whole with its tail (None after the last)."""
        parent = node.getparent()
        if parent not in self._parsing:
            return node.getnext()
        parsing, pull = self._parsing, self.pull
        while node.getnext() is None and parsing[parent] and pull():
            pass
        following = node.getnext()
        while following is not None and following.getnext() is None and parsing[parent] and pull():
            pass
        return following

    def _children_as_parsed(self, parent: etree._Element) -> Iterator[etree._Element]:
        parsing, pull, namespace = self._parsing, self.pull, self._namespace
        child, passed = None, 0
        while True:
            following = next(iter(parent), None) if child is None else child.getnext()
            while following is None and parsing[parent] and pull():
                following = next(iter(parent), None) if child is None else child.getnext()
            if following is None:
                break
            child = following
            element = isinstance(child.tag, str)
            if element and namespace is not None:
                move_into_namespace((child,), namespace)
            if element and self._enters(child):
                # no wait ends at an end event of a child not entered yet: if the end of this
                # one is parsed, so is a start after it (a node follows it) or its parent's end
                parsing[child] = child.getnext() is None and parsing[parent]
                while len(child) == 0 and parsing[child] and pull():   # its own text
                    pass
            else:
                while child.getnext() is None and parsing[parent] and pull():   # whole, with its tail
                    pass
                if element and namespace is not None:
                    move_into_namespace(child.iter(), namespace)
            yield child
            passed += 1
            if passed >= DROP_AFTER and not stands_between_hyphen_and_break(child):
                drop_before(child)
                passed = 0
        del parsing[parent]
        grandparent = parent.getparent()
        while grandparent in parsing and parent.getnext() is None and parsing[grandparent] and pull():
            pass   # the tail of `parent`, which the walk reads next


def move_into_namespace(nodes: Iterable[etree._Element], namespace: str) -> None:
    """Each element among `nodes` that is in no namespace, moved into `namespace` ("{...}")."""
    for node in nodes:
        if isinstance(node.tag, str) and not node.tag.startswith("{"):
            node.tag = namespace + node.tag


def drop_before(el: etree._Element, forget: Callable[[etree._Element], None] = lambda dropped: None) -> None:
    """Remove the siblings before `el` from the tree (`forget` hears of each first)."""
    parent = el.getparent()
    while el.getprevious() is not None:
        forget(parent[0])
        del parent[0]
