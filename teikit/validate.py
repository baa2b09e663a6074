"""Validate TEI files against teikit's grammar and rules, with messages people can act on.

`validate_file()` and `check_tree()` return problems (`report.Message`s with a column);
`assert_valid()` raises for the encoder; the command `validate` (teikit/commands/) prints
them as `file:line:col: ...`.

Three checks, cheapest first: safe parsing (no entities, no network, no XInclude),
RELAX NG (teikit.rng, tei_all.rng or a given .rng), and for teikit the Schematron
rules of teikit.sch. A grammar is compiled for the elements a file uses (`Grammar.validator`:
tei_all for a book in ~2 s where the whole grammar takes 7-10 s), once per set of names.

teikit.sch is the specification of the rules; `rule_problems` checks the same rules in
one linear pass (lxml.isoschematron's XSLT walks the tree once per pattern and its
page-order rule looks back along the preceding axis for every page: 0.4 s on a book).
`schematron_problems` runs teikit.sch itself; the tests hold the two to the same answers.
The rules read start and end events (`RuleCheck`), so the same code checks a tree and a
file too big for one: over `STREAM_BYTES` a file is read once as it is parsed, the rules
checked and the grammar checked piece by piece (`PiecewiseCheck`), each piece freed once
checked (a 100 MB TEI: 1.2 GB -> 80 MB). That settles a valid file; an invalid one is then
read whole, so that its problems are explained in the same words whatever its size.

libxml2 reports only the first grammar error inside a subtree, often at an ancestor; when
it finds a file invalid, every element is also checked on its own against the grammar (its
name in its parent, its text, its attributes), so each such error is reported at its own
element, and libxml2's errors stay where none of those explains them (order, a missing
child). Schematron problems are all reported. lxml's terse grammar messages are rewritten
from the grammar itself: what the parent element allows, which attribute values are allowed.
"""
from __future__ import annotations

import copy
import os
import re
from collections.abc import Iterator
from functools import cached_property, lru_cache
from pathlib import Path

from lxml import etree

from teikit import TEI_NS, XML_ID, T
from teikit.errors import SourceError, ValidationError
from teikit.files import write_atomically
from teikit.reader import read_bytes
from teikit.report import Message
from teikit.resources import resource_dir, user_cache_dir
from teikit.tei.growing import drop_before
from teikit.tei.reader import iterparse_tei

RNG_NS = "http://relaxng.org/ns/structure/1.0"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"

ERROR, FATAL = "error", "fatal"
"""Levels: an `error` makes a file invalid (exit 1); a `fatal` one makes it unusable (exit 2)."""

_DATATYPE_HELP = {
    "data.temporal": "an ISO 8601 date: YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD or --MM",
    "data.pointer": 'one URI without spaces, e.g. "#id" or "persons.xml#id"',
    "data.word": "one word without spaces",
    "data.words": "space-separated words",
    "data.cert": "high, medium, low or unknown",
}


def problem(file: str, line: int, col: int, level: str, code: str, text: str) -> Message:
    """One thing wrong with a file, located as precisely as the checker allows."""
    return Message(code, level, text, file, line, col)


def problem_dict(found: Message) -> dict:
    """A problem as `teikit validate --format json` lists it."""
    return {"file": found.file, "line": found.line, "col": found.col, "level": found.level,
            "code": found.code, "message": found.text}


class SchemaUnusable(Exception):
    """A schema that is missing or does not compile; one line for the user."""


# ---------------------------------------------------------------- schemas


#: where `fetch_tei_all` takes the official grammar from (TEIKIT_TEI_ALL_URL overrides it)
TEI_ALL_URL = "https://tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"


def tei_all_cache() -> Path:
    """Where a fetched tei_all.rng is kept for the user (`user_cache_dir`)."""
    return user_cache_dir() / "tei_all.rng"


def tei_all_path() -> Path:
    """tei_all.rng: $TEIKIT_TEI_ALL if set, else ../shared/vendor/tei/ beside a checkout, else the
    user's cache (which `teikit validate --fetch-tei-all` fills). teikit never reads or writes
    its own installation for it."""
    configured = os.environ.get("TEIKIT_TEI_ALL")
    if configured:
        return Path(configured)
    beside_checkout = resource_dir("schemas").resolve().parent.parent / "shared" / "vendor" / "tei" / "tei_all.rng"
    return beside_checkout if beside_checkout.is_file() else tei_all_cache()


def fetch_tei_all(url: str | None = None, target: Path | None = None) -> Path:
    """Download the official tei_all.rng once into the user's cache; one line if that fails."""
    import urllib.request  # only when asked: validation itself never touches the network

    url = url or os.environ.get("TEIKIT_TEI_ALL_URL") or TEI_ALL_URL
    target = target or tei_all_cache()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            data = response.read()
        etree.fromstring(data, _safe_parser())
    except (OSError, ValueError) as error:
        raise SchemaUnusable(f"cannot fetch tei_all.rng from {url} ({getattr(error, 'reason', error)}): "
                             "download it yourself and pass --schema PATH or set TEIKIT_TEI_ALL") from None
    except etree.XMLSyntaxError:
        raise SchemaUnusable(f"{url} did not give an XML grammar: nothing kept") from None
    write_atomically(target, data)
    return target


def schema_path(schema: str | os.PathLike) -> Path:
    """The .rng file for "teikit", "tei_all" or a path."""
    if schema == "teikit":
        return resource_dir("schemas") / "teikit.rng"
    if schema == "tei_all":
        return tei_all_path()
    return Path(schema)


class Grammar:
    """A compiled RELAX NG schema plus an index of it, to explain lxml's errors."""

    def __init__(self, path: Path):
        try:
            document = etree.parse(str(path), _safe_parser())
        except OSError as error:
            raise SchemaUnusable(f"schema {path} cannot be read: {error}") from None
        except etree.XMLSyntaxError as error:
            raise SchemaUnusable(f"schema {path} is not a usable RELAX NG grammar: {error}") from None
        self.path = path
        self.document = document
        self._defines: dict[str, list[etree._Element]] = {}
        for define in document.iter(f"{{{RNG_NS}}}define"):
            self._defines.setdefault(define.get("name"), []).append(define)
        self._elements: dict[str, list[etree._Element]] = {}
        for element in document.iter(f"{{{RNG_NS}}}element"):
            if element.get("name"):
                self._elements.setdefault(element.get("name"), []).append(element)
        self._attribute_checkers: dict[tuple[str, str], etree.RelaxNG | None] = {}

    @cached_property
    def relaxng(self) -> etree.RelaxNG:
        """The whole grammar compiled (tei_all: 7-10 s); `validator` is what validation uses."""
        return self._compile(self.document)

    @lru_cache(maxsize=8)
    def validator(self, names: frozenset[str]) -> etree.RelaxNG:
        """The grammar compiled for a document whose elements have these local names: every
        other element's content is emptied first. An element that does not occur cannot
        make the document invalid, so the answer is the whole grammar's, and libxml2
        compiles tei_all for a book in a fraction of the time (benchmarks/bench_validate.py)."""
        return self._compile(self._pruned(names))

    @lru_cache(maxsize=8)
    def piecewise_validator(self, names: frozenset[str]) -> etree.RelaxNG:
        """`validator` for `PiecewiseCheck`: it also accepts a BATCH of finished elements, each
        against its own element pattern, and wherever an element of a `replaceable` name may
        stand, its stand-in (empty, named with STAND_IN after the element's name)."""
        pruned = self._pruned(names)
        batch = etree.Element(f"{{{RNG_NS}}}element", name=etree.QName(BATCH).localname, ns=etree.QName(BATCH).namespace)
        each = etree.SubElement(etree.SubElement(batch, f"{{{RNG_NS}}}oneOrMore"), f"{{{RNG_NS}}}choice")
        for define in list(pruned.iter(f"{{{RNG_NS}}}define")):
            element = _only_pattern(define)
            if element is None or element.get("name") not in names or element.get("name") not in self.replaceable:
                continue   # an element that does not occur needs no stand-in (tei_all: 12 s -> 1.4 s to compile)
            either = etree.Element(f"{{{RNG_NS}}}choice")
            element.addprevious(either)
            either.append(element)
            stand_in = etree.SubElement(either, f"{{{RNG_NS}}}element", name=element.get("name") + STAND_IN)
            etree.SubElement(stand_in, f"{{{RNG_NS}}}empty")
            etree.SubElement(each, f"{{{RNG_NS}}}ref", name=define.get("name"))
        start = pruned.getroot().find(f"{{{RNG_NS}}}start")
        starts = etree.Element(f"{{{RNG_NS}}}choice")
        starts.extend(list(start))
        start.append(starts)
        starts.append(batch)
        return self._compile(pruned)

    @cached_property
    def replaceable(self) -> frozenset[str]:
        """The names of the TEI elements `PiecewiseCheck` may check apart from their parent: the
        name's one element pattern is a define of its own, so an element matching it is valid
        wherever its parent's pattern names it, and a stand-in can take its place there. None
        if a wildcard of the grammar could take a stand-in (which is in the TEI namespace)."""
        if not _wildcards_leave_out_tei(self.document):
            return frozenset()
        patterns: dict[str, int] = {}
        for element in self.document.iter(f"{{{RNG_NS}}}element"):
            patterns[element.get("name")] = patterns.get(element.get("name"), 0) + 1
        names = set()
        for defines in self._defines.values():
            element = _only_pattern(defines[0]) if len(defines) == 1 else None
            if element is not None and element.tag == f"{{{RNG_NS}}}element" and element.get("name") \
                    and ":" not in element.get("name") and patterns[element.get("name")] == 1 \
                    and _pattern_namespace(element) == TEI_NS:
                names.add(element.get("name"))
        return frozenset(names)

    def _pruned(self, names: frozenset[str]) -> etree._ElementTree:
        pruned = copy.deepcopy(self.document)
        for element in pruned.iter(f"{{{RNG_NS}}}element"):
            if element.get("name") and element.get("name") not in names:
                element[:] = [etree.Element(f"{{{RNG_NS}}}empty")]
        return pruned

    def _compile(self, document: etree._ElementTree) -> etree.RelaxNG:
        try:
            return etree.RelaxNG(document)
        except etree.RelaxNGParseError as error:
            raise SchemaUnusable(f"schema {self.path} is not a usable RELAX NG grammar: {error}") from None

    @lru_cache(maxsize=None)
    def children(self, element: str) -> tuple[frozenset[str], bool]:
        """Names of the child elements `element` may hold, and whether it may hold text."""
        names: set[str] = set()
        text = False
        for definition in self._elements.get(element, []):
            for node in self._content(definition):
                kind = etree.QName(node).localname
                if kind == "element":
                    names.add(node.get("name") or "*")
                elif kind in ("text", "mixed", "data", "value", "list"):
                    text = True
        return frozenset(names), text

    def declares(self, element: str) -> bool:
        return element in self._elements

    @lru_cache(maxsize=None)
    def declared_attributes(self, element: str) -> frozenset[str]:
        return frozenset(self.attributes(element))

    def attributes(self, element: str) -> dict[str, etree._Element]:
        """The attribute patterns declared for `element`, by attribute name."""
        found: dict[str, etree._Element] = {}
        for definition in self._elements.get(element, []):
            for node in self._content(definition):
                if etree.QName(node).localname == "attribute" and node.get("name"):
                    found.setdefault(node.get("name"), node)
        return found

    def _content(self, start: etree._Element):
        """Patterns reachable from `start` without entering a child element or attribute."""
        seen: set[str] = set()
        stack = list(reversed(start))
        while stack:
            node = stack.pop()
            if not isinstance(node.tag, str) or etree.QName(node).namespace != RNG_NS:
                continue
            kind = etree.QName(node).localname
            yield node
            if kind in ("element", "attribute"):
                continue
            if kind == "ref":
                name = node.get("name")
                if name not in seen:
                    seen.add(name)
                    for define in reversed(self._defines.get(name, [])):
                        stack.extend(reversed(define))
            else:
                stack.extend(reversed(node))

    def allowed_values(self, attribute: etree._Element) -> list[str]:
        """The fixed values an attribute pattern lists, if it is a closed list."""
        return [
            node.text or ""
            for node in self._content(attribute)
            if etree.QName(node).localname == "value"
        ]

    def describe(self, attribute: etree._Element) -> str:
        """What an attribute's value must be, in words."""
        values = self.allowed_values(attribute)
        if values:
            return "one of " + ", ".join(values)
        for node in self._content(attribute):
            if etree.QName(node).localname == "ref" and node.get("name") in _DATATYPE_HELP:
                return _DATATYPE_HELP[node.get("name")]
        types = [node.get("type") for node in self._content(attribute)
                 if etree.QName(node).localname == "data"]
        return "of type " + " or ".join(sorted(set(types))) if types else "as the schema says"

    def accepts(self, element: str, name: str, value: str) -> bool | None:
        """Whether `value` fits the attribute pattern (None: the schema does not declare it)."""
        key = (element, name)
        if key not in self._attribute_checkers:
            attribute = self.attributes(element).get(name)
            self._attribute_checkers[key] = None if attribute is None else self._attribute_checker(attribute)
        checker = self._attribute_checkers[key]
        if checker is None:
            return None
        probe = etree.Element("probe")
        probe.set("value", value)
        return checker.validate(probe)

    def _attribute_checker(self, attribute: etree._Element) -> etree.RelaxNG:
        """A tiny grammar `<probe value="..."/>` holding just this attribute's value pattern."""
        grammar = etree.Element(f"{{{RNG_NS}}}grammar", nsmap={None: RNG_NS})
        grammar.set("datatypeLibrary", "http://www.w3.org/2001/XMLSchema-datatypes")
        start = etree.SubElement(grammar, f"{{{RNG_NS}}}start")
        probe = etree.SubElement(start, f"{{{RNG_NS}}}element", name="probe", ns="")
        value = etree.SubElement(probe, f"{{{RNG_NS}}}attribute", name="value", ns="")
        pattern = [child for child in attribute if isinstance(child.tag, str)]
        value.extend(_copy(child) for child in pattern)
        if not pattern:
            etree.SubElement(value, f"{{{RNG_NS}}}text")
        needed = {node.get("name") for node in self._content(attribute)
                  if etree.QName(node).localname == "ref"}
        for name in sorted(needed):
            for define in self._defines.get(name, []):
                grammar.append(_copy(define))
        return etree.RelaxNG(grammar)


def _only_pattern(define: etree._Element) -> etree._Element | None:
    """A define's one pattern, its annotations aside (None if it has more)."""
    patterns = [node for node in define if isinstance(node.tag, str) and node.tag.startswith(f"{{{RNG_NS}}}")]
    return patterns[0] if len(patterns) == 1 else None


def _pattern_namespace(node: etree._Element) -> str:
    """The namespace a RELAX NG name (element, nsName) means: its own or its nearest ancestor's ns."""
    return next((found.get("ns") for found in [node, *node.iterancestors()] if found.get("ns") is not None), "")


def _wildcards_leave_out_tei(document: etree._ElementTree) -> bool:
    """Whether no element name class but a name can match an element in the TEI namespace."""
    for wildcard in document.iter(f"{{{RNG_NS}}}anyName", f"{{{RNG_NS}}}nsName"):
        named = next(ancestor for ancestor in wildcard.iterancestors(f"{{{RNG_NS}}}element", f"{{{RNG_NS}}}attribute",
                                                                      f"{{{RNG_NS}}}except"))
        if etree.QName(named).localname != "element":
            continue   # an attribute's name, or left out by an except
        if etree.QName(wildcard).localname == "nsName" and _pattern_namespace(wildcard) == TEI_NS:
            return False
        if etree.QName(wildcard).localname == "anyName" and not any(
                _pattern_namespace(left_out) == TEI_NS
                for left_out in wildcard.iterfind(f"{{{RNG_NS}}}except/{{{RNG_NS}}}nsName")):
            return False
    return True


def _copy(node: etree._Element) -> etree._Element:
    """A deep copy that keeps the datatype library inherited from the source grammar."""
    copied = etree.fromstring(etree.tostring(node))
    for ancestor in node.iterancestors():
        if ancestor.get("datatypeLibrary") is not None and copied.get("datatypeLibrary") is None:
            copied.set("datatypeLibrary", ancestor.get("datatypeLibrary"))
            break
    return copied


@lru_cache(maxsize=None)
def grammar(schema: str | os.PathLike = "teikit") -> Grammar:
    """The grammar and its index, once per process (compiled per file by `Grammar.validator`)."""
    path = schema_path(schema)
    if not path.is_file():
        hint = (" (fetch it once with 'teikit validate --fetch-tei-all', or set TEIKIT_TEI_ALL to its path)"
                if schema == "tei_all" else "")
        raise SchemaUnusable(f"schema {path} not found{hint}")
    return Grammar(path)


@lru_cache(maxsize=1)
def schematron():
    """teikit.sch compiled to XSLT. lxml's own check of the .sch against the ISO grammar is
    skipped: libxml2's interleave support rejects valid schemas (jing accepts ours; tested)."""
    from lxml import isoschematron  # imported when needed: the encoder checks the rules itself

    path = resource_dir("schemas") / "teikit.sch"
    try:
        return isoschematron.Schematron(etree.parse(str(path), _safe_parser()),
                                        store_report=True, validate_schema=False)
    except (OSError, etree.LxmlError) as error:
        raise SchemaUnusable(f"schematron {path} is not usable: {error}") from None


# ---------------------------------------------------------------- parsing


def _safe_parser(*, recover: bool = False) -> etree.XMLParser:
    """No entity expansion, no DTD, no network, no huge trees: hostile files stay inert."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, recover=recover)


def parse(path: str | os.PathLike) -> tuple[etree._ElementTree | None, list[Message]]:
    """Parse a file safely; on failure, the one problem that says why."""
    name = str(path)
    try:
        data = read_bytes(path)
    except SourceError as error:
        code = "missing-file" if error.message == "no such file" else "unreadable"
        return None, [problem(name, 0, 0, FATAL, code, error.message)]
    return parse_bytes(data, name)


def parse_bytes(data: bytes, name: str) -> tuple[etree._ElementTree | None, list[Message]]:
    """Parse serialized XML safely, so problems carry the lines of that serialization."""
    parser = _safe_parser()
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser, base_url=name))
    except etree.XMLSyntaxError:
        entries = [entry for entry in parser.error_log if entry.level_name in ("ERROR", "FATAL")]
        if entries and all(entry.type_name == "DTD_ID_REDEFINED" for entry in entries):
            # libxml2 refuses a repeated xml:id while parsing; parse on so the
            # Schematron rule reports every repetition with its line.
            tree = etree.ElementTree(etree.fromstring(data, _safe_parser(recover=True), base_url=name))
        else:
            first = entries[0] if entries else parser.error_log.last_error
            reason = first.message.split(", see xmlCtxt")[0].strip() if first else "unreadable"
            return None, [problem(name, first.line if first else 0, first.column if first else 0,
                                  FATAL, "malformed", f"not well-formed XML: {reason}")]
    return tree, _refuse_unsafe(tree, name)


def _refuse_unsafe(tree: etree._ElementTree, name: str) -> list[Message]:
    """A DOCTYPE can only declare entities (bombs, local files); teikit's TEI never has one."""
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        return [problem(name, 1, 0, FATAL, "doctype",
                        "has a DOCTYPE declaration; TEI needs none and its entities are not expanded")]
    root = tree.getroot()
    if root.tag != T + "TEI":
        found = etree.QName(root)
        where = f" in namespace {found.namespace}" if found.namespace else " (no namespace)"
        return [problem(name, root.sourceline or 0, 0, FATAL, "not-tei",
                        f"root element is {found.localname}{where}; expected TEI in {TEI_NS}")]
    return []


# ---------------------------------------------------------------- checks


def check_tree(tree: etree._ElementTree | etree._Element, *, schema: str | os.PathLike = "teikit",
               file: str | None = None) -> list[Message]:
    """Grammar, then (for teikit) Schematron problems of a parsed tree, in document order."""
    if isinstance(tree, etree._Element):
        tree = tree.getroottree()
    file = file or tree.docinfo.URL or "<tree>"
    try:
        compiled = grammar(schema)
    except SchemaUnusable as error:
        return [problem(file, 0, 0, FATAL, "bad-schema", str(error))]
    try:
        problems = _grammar_problems(compiled, tree, file)
    except SchemaUnusable as error:
        return [problem(file, 0, 0, FATAL, "bad-schema", str(error))]
    if schema == "teikit":
        problems += rule_problems(tree, file)
    return sorted(problems, key=lambda problem: (problem.line, problem.col))


def check_bytes(data: bytes, name: str, schema: str | os.PathLike = "teikit") -> list[Message]:
    """Problems of a file about to be written, located by its lines (the encoder's check)."""
    tree, problems = parse_bytes(data, name)
    return problems if tree is None or problems else check_tree(tree, schema=schema, file=name)


#: a file larger than this is checked as it is read (`validate_streamed`), in a few times its size
STREAM_BYTES = 16 * 2**20


def validate_file(path: str | os.PathLike, schema: str | os.PathLike = "teikit") -> list[Message]:
    """All problems of one file; an empty list means valid."""
    if os.path.isfile(path) and os.path.getsize(path) > STREAM_BYTES:
        settled = validate_streamed(path, schema)
        if settled is not None:
            return settled
    tree, problems = parse(path)
    if tree is None or problems:
        return problems
    return check_tree(tree, schema=schema, file=str(path))


def validate_streamed(path: str | os.PathLike, schema: str | os.PathLike = "teikit") -> list[Message] | None:
    """`validate_file` for a file too big to hold as a tree, read once as it is parsed: the
    rules checked (`RuleCheck`), the grammar piece by piece (`PiecewiseCheck`). It settles a
    file valid by the grammar, or one `parse` refuses at its root; for any other (not
    well-formed, invalid, an xml:id repeated, which libxml2's grammar check reads, or an
    unusable schema) it gives None, and the whole tree is read to explain the problems in
    the words they have for a small file."""
    return check_streamed(iterparse_tei(path), str(path), schema)


def check_streamed(events: Iterator[tuple[str, etree._Element]], name: str,
                   schema: str | os.PathLike = "teikit") -> list[Message] | None:
    """`validate_streamed` of a document's parse events (`iterparse_tei`, `iterparse_bytes`)."""
    try:
        pieces = PiecewiseCheck(grammar(schema))
    except SchemaUnusable:
        return None   # said after the file is parsed, as for a small file
    rules = RuleCheck()
    try:
        for event, element in events:
            if event == "start" and element.getparent() is None:
                refused = _refuse_unsafe(element.getroottree(), name)
                if refused:
                    return refused if _well_formed(events) else None
            rules.feed(event, element)
            pieces.feed(event, element)
            if not pieces.valid:
                return None
    except (SourceError, SchemaUnusable):
        return None
    if any(count > 1 for count in rules.ids.values()):
        return None
    return sorted(rules.problems(name), key=lambda found: (found.line, found.col)) if schema == "teikit" else []


def _well_formed(events: Iterator[tuple[str, etree._Element]]) -> bool:
    """Whether the rest of a file parses (`parse` says a file is not well-formed before it
    says what else is wrong with it), each element dropped once finished."""
    try:
        for event, element in events:
            if event == "end":
                element.clear(keep_tail=True)   # the tail may still grow (`PiecewiseCheck.replace_finished`)
                drop_before(element)
    except SourceError:
        return False
    return True


#: elements finished inside one open element and kept whole before `PiecewiseCheck` checks them
PIECE = 4096
#: the stand-in of an element checked by `PiecewiseCheck`: the element's name followed by this
STAND_IN = ".teikit-checked"
#: the root of a batch of finished elements that `PiecewiseCheck` checks at once
BATCH = "{urn:x-teikit:validate}batch"


class PiecewiseCheck:
    """RELAX NG validity of a document read as it is parsed, in memory for a few pieces of it.

    Once an open element holds PIECE finished elements, its finished children are checked as
    a batch, each against its own element pattern (`Grammar.piecewise_validator`), and each
    is replaced by an empty stand-in, its tail kept, which the grammar takes where the element
    could stand; the root is checked last with what is left. For a grammar with one pattern
    per element name this is the whole tree's verdict: an element matches its parent's
    pattern if it has a name the pattern allows there and matches the one pattern of that
    name. A file with elements named like stand-ins is found invalid (and read whole).
    """

    def __init__(self, compiled: Grammar):
        self.compiled = compiled
        self.tags: set[str] = set()
        self.names: frozenset[str] = frozenset()
        self.kept: list[int] = []    # per open element: finished elements inside it not yet checked
        self.valid = True

    def feed(self, event: str, element: etree._Element) -> None:
        if event == "start":
            self.tags.add(element.tag)
            self.kept.append(0)
            return
        kept = 1 + self.kept.pop()
        if not self.kept:
            self.check(element)
        elif self.kept[-1] + kept >= PIECE:
            self.replace_finished(element)
            self.kept[-1] = 0
        else:
            self.kept[-1] += kept

    def check(self, root: etree._Element) -> None:
        """Validate `root` (the document's, or a batch) by the grammar compiled for the names
        read so far; a stand-in's name among them makes the document invalid."""
        if len(self.names) != len(self.tags):
            self.names = frozenset(tag.rpartition("}")[2] for tag in self.tags)
            self.valid = self.valid and not any(name.endswith(STAND_IN) for name in self.names)
        self.valid = self.valid and self.compiled.piecewise_validator(self.names)(root)

    def replace_finished(self, last: etree._Element) -> None:
        """Check `last` and the finished siblings before it, and put stand-ins in their place.
        `last` waits for the next time if nothing follows it yet: lxml may still be adding to
        its tail."""
        finished = []
        node = last if last.getnext() is not None else last.getprevious()
        while node is not None and not (isinstance(node.tag, str) and node.tag.endswith(STAND_IN)):
            if isinstance(node.tag, str) and node.tag.startswith(T) and \
                    node.tag[len(T):] in self.compiled.replaceable:
                finished.append(node)
            node = node.getprevious()
        if not finished:
            return
        batch = etree.Element(BATCH)
        for element in reversed(finished):
            stand_in = etree.Element(element.tag + STAND_IN)
            stand_in.tail, element.tail = element.tail, None
            element.addprevious(stand_in)
            batch.append(element)
        self.check(batch)


def assert_valid(tree_or_path, schema: str | os.PathLike = "teikit") -> None:
    """Raise ValidationError listing the problems, so no invalid file is left behind."""
    if isinstance(tree_or_path, (str, os.PathLike)):
        problems = validate_file(tree_or_path, schema)
    else:
        problems = check_tree(tree_or_path, schema=schema)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ValidationError(f"line {first.line}: {first.text}{more}", file=first.file)


def exit_code(problems: list[Message]) -> int:
    """0 valid, 1 invalid, 2 unusable (missing, malformed, not TEI, bad schema)."""
    if any(problem.level == FATAL for problem in problems):
        return 2
    return 1 if problems else 0


def _grammar_problems(compiled: Grammar, tree: etree._ElementTree, file: str) -> list[Message]:
    """libxml2 says whether the file is valid, but names only the first error of a subtree and
    often at an ancestor; every element is then checked on its own (`_local_problems`), and
    libxml2's errors are kept where no local one explains them (order, a missing child)."""
    names = frozenset(etree.QName(element).localname for element in tree.iter(etree.Element))
    validator = compiled.validator(names)
    if validator.validate(tree):
        return []
    local = _local_problems(compiled, tree, file)
    explained = {ancestor for element, _ in local for ancestor in element.iterancestors()} | \
        {element for element, _ in local}
    return [problem for _, problem in local] + [
        problem for node, problem in _libxml2_problems(compiled, validator, tree, file) if node not in explained]


def _local_problems(compiled: Grammar, tree: etree._ElementTree, file: str) -> list[tuple]:
    """(element, problem) for each element whose name, text or attributes its grammar
    definitions cannot allow, wherever it stands: every such error, at its own element."""
    found = []
    for element in tree.iter(etree.Element):
        name, parent = _local(element), element.getparent()
        if parent is not None and compiled.declares(_local(parent)):
            allowed, _ = compiled.children(_local(parent))
            if "*" not in allowed and name not in allowed:
                found.append((element, problem(file, element.sourceline or 0, 0, ERROR, "unexpected-element",
                                               f"element {name} is not allowed in {_local(parent)}; "
                                               + _allows(compiled, _local(parent)))))
                continue
        if not compiled.declares(name):
            continue
        names, text = compiled.children(name)
        stray = (element.text or "").strip() or next((c.tail.strip() for c in element if (c.tail or "").strip()), "")
        if stray and not text:
            found.append((element, problem(file, element.sourceline or 0, 0, ERROR, "unexpected-text",
                                           f'text "{_shorten(stray)}" is not allowed directly in {name}')))
        if element.attrib and _attributes_wrong(compiled, element):
            found.append((element, problem(file, element.sourceline or 0, 0, ERROR, "bad-attribute",
                                           _explain_attributes(compiled, element))))
    return found


def _attributes_wrong(compiled: Grammar, element: etree._Element) -> bool:
    declared = compiled.declared_attributes(_local(element))
    for raw_name, value in element.attrib.items():
        namespace = etree.QName(raw_name).namespace
        if namespace and namespace != "http://www.w3.org/XML/1998/namespace":
            continue    # other vocabularies' attributes: the grammar's wildcards, left to libxml2
        name = _attribute_name(raw_name)
        if name not in declared or compiled.accepts(_local(element), name, value) is False:
            return True
    return False


def _libxml2_problems(compiled: Grammar, validator: etree.RelaxNG, tree: etree._ElementTree,
                      file: str) -> list[tuple]:
    entries = list(validator.error_log)
    specific = [entry for entry in entries if entry.type_name not in _CONSEQUENTIAL] or entries
    problems: list[Message] = []
    lines_seen = set()
    for entry in specific:
        if entry.line in lines_seen:
            continue  # libxml2 echoes one mistake as several errors on its line
        lines_seen.add(entry.line)
        node = _node_at(tree, entry.path)
        if node is None:
            node = _element_on_line(tree, entry.line, entry.message)
        code, message = _explain(compiled, entry, node)
        problems.append((node, problem(file, entry.line, entry.column, ERROR, code, message)))
    return problems


def _element_on_line(tree: etree._ElementTree, line: int, message: str) -> etree._Element | None:
    """When lxml's path does not resolve (foreign namespaces), the element its message names."""
    for element in tree.iter(etree.Element):
        if element.sourceline == line and f" {etree.QName(element).localname} " in f" {message} ":
            return element
    return None


_CONSEQUENTIAL = {"RELAXNG_ERR_CONTENTVALID", "RELAXNG_ERR_INTEREXTRA", "RELAXNG_ERR_INTERSEQ"}
"""lxml follows a real error with "element X failed to validate content"; drop those echoes."""


def _node_at(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    if not path:
        return None
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    return found[0] if found and isinstance(found[0], etree._Element) else None


def _local(node: etree._Element | None) -> str:
    return etree.QName(node).localname if node is not None else "?"


def _explain(compiled: Grammar, entry, node: etree._Element | None) -> tuple[str, str]:
    """Turn one libxml2 message into what is wrong and what the schema expects instead."""
    kind, message = entry.type_name, entry.message
    if kind == "RELAXNG_ERR_ELEMWRONG" and node is not None:
        parent = node.getparent()
        return "unexpected-element", (f"element {_local(node)} is not allowed in {_local(parent)}; "
                                      + _allows(compiled, _local(parent)))
    if kind in ("RELAXNG_ERR_ELEMEXTRA", "RELAXNG_ERR_EXTRACONTENT") and node is not None:
        return "unexpected-element", f"{_local(node)} has content it may not have; {_allows(compiled, _local(node))}"
    if kind == "RELAXNG_ERR_TEXTWRONG" and node is not None:
        text = next((piece.strip() for piece in node.xpath("text()") if piece.strip()), "")
        return "unexpected-text", (f'text "{_shorten(text)}" is not allowed directly in {_local(node)}; '
                                   f"put it in a p or head")
    if kind in ("RELAXNG_ERR_INVALIDATTR", "RELAXNG_ERR_ATTRVALID", "RELAXNG_ERR_NOTALLOWEDATTR") and node is not None:
        return "bad-attribute", _explain_attributes(compiled, node)
    if kind in ("RELAXNG_ERR_NOELEM", "RELAXNG_ERR_ELEMNAME", "RELAXNG_ERR_NOGRAMMAR") and node is not None:
        return "missing-element", f"{_local(node)} is incomplete ({message.strip()}); {_allows(compiled, _local(node))}"
    where = f"{_local(node)}: " if node is not None else ""
    return "invalid", where + message


def _allows(compiled: Grammar, element: str) -> str:
    names, text = compiled.children(element)
    if not names:
        return f"{element} allows {'only text' if text else 'no content'}"
    listed = sorted(names)
    shown = ", ".join(listed[:30]) + (f", ... ({len(listed)} in all)" if len(listed) > 30 else "")
    return f"{element} allows{' text and' if text else ''} {shown}"


def _explain_attributes(compiled: Grammar, node: etree._Element) -> str:
    element = _local(node)
    declared = compiled.attributes(element)
    complaints = []
    for raw_name, value in node.attrib.items():
        name = _attribute_name(raw_name)
        if name not in declared:
            allowed = ", ".join(sorted(declared)) or "none"
            complaints.append(f"attribute {name} is not allowed on {element} (allowed: {allowed})")
        elif name == "xml:id" and len(node.xpath("//*[@xml:id = $value]", value=value)) > 1:
            complaints.append(f'xml:id="{value}" is used more than once')
        elif compiled.accepts(element, name, value) is False:
            complaints.append(f'{element}/@{name}="{value}" is invalid; expected {compiled.describe(declared[name])}')
    return "; ".join(complaints) or f"attributes of {element} are invalid or a required one is missing " \
                                       f"(declared: {', '.join(sorted(declared)) or 'none'})"


def _attribute_name(raw: str) -> str:
    qname = etree.QName(raw)
    return f"xml:{qname.localname}" if qname.namespace == "http://www.w3.org/XML/1998/namespace" else qname.localname


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def schematron_problems(tree: etree._ElementTree, file: str) -> list[Message]:
    """The problems teikit.sch reports, run by lxml.isoschematron (in pattern order)."""
    rules = schematron()
    if rules.validate(tree):
        return []
    problems = []
    for failure in rules.validation_report.getroot().iter(f"{{{SVRL_NS}}}failed-assert"):
        node = _node_at(tree, failure.get("location"))
        text = " ".join(failure.findtext(f"{{{SVRL_NS}}}text", "").split())
        line = node.sourceline if node is not None and node.sourceline else 0
        problems.append(problem(file, line, 0, ERROR, failure.get("id") or "rule", text))
    return problems


# ---------------------------------------------------------------- teikit.sch's rules in Python

_DATE_ATTRIBUTES = frozenset({"when", "from", "to", "notBefore", "notAfter"})
_NINES = str.maketrans("0123456789", "9999999999")
_CONTAINERS = tuple(T + name for name in ("div", "body", "front", "back", "listPerson"))
_XPATH_SPACE = " \t\r\n"
_XPATH_NUMBER = etree.XPath("number($value)")


def rule_problems(tree: etree._ElementTree, file: str) -> list[Message]:
    """The problems teikit.sch reports, in its order: pattern by pattern, in document order."""
    rules = RuleCheck()
    for event, element in etree.iterwalk(tree.getroot(), events=("start", "end")):
        rules.feed(event, element)
    return rules.problems(file)


#: teikit.sch's patterns in its order; a problem list gives each pattern's in document order
RULE_PATTERNS = ("references", "duplicate-id", "bad-date", "date-range-reversed", "page-order", "stray-text")


class RuleCheck:
    """teikit.sch's rules over the start and end events of a document, in one pass.

    Each check cites the rule of teikit.sch it implements; numbers are compared as XPath's
    number() reads them.
    """

    def __init__(self):
        self.order = 0                                        # elements started so far
        self.ids: dict[str, int] = {}
        self.identified: list[tuple[int, int, str]] = []      # (order, line, xml:id)
        self.pointers: list[tuple[int, int, str | None, str]] = []   # (order, line, name, pointer)
        self.found: dict[str, list[tuple[int, int, str, str]]] = {name: [] for name in RULE_PATTERNS}
        self.open: list[int] = []                             # the order of each open element
        self.last_page: tuple[int, float, str] | None = None  # of the closed numbered pbs, the last started

    def feed(self, event: str, element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            return
        if event == "start":
            self.order += 1
            self.open.append(self.order)
            self.start(element)
        else:
            self.end(element, self.open.pop())

    def fail(self, pattern: str, order: int, element: etree._Element, code: str, message: str) -> None:
        self.found[pattern].append((order, element.sourceline or 0, code, message))

    def start(self, element: etree._Element) -> None:
        tag, names = element.tag, element.keys()
        if XML_ID in names:
            value = element.get(XML_ID)
            self.ids[value] = self.ids.get(value, 0) + 1
            self.identified.append((self.order, element.sourceline or 0, value))
        # tei:persName[starts-with(@ref, '#')]; tei:ref | tei:note | tei:ptr [starts-with(@target, '#')]
        pointer = element.get("ref") if tag == T + "persName" else \
            element.get("target") if tag in (T + "ref", T + "note", T + "ptr") else None
        if pointer is not None and pointer.startswith("#"):   # teikit.sch names persName unprefixed
            self.pointers.append((self.order, element.sourceline or 0,
                                  None if tag == T + "persName" else _name(element), pointer))
        if tag.startswith(T) and not _DATE_ATTRIBUTES.isdisjoint(names):
            self.dates(element)
        if tag == T + "pb" and _is_digits(element.get("n") or ""):
            self.page(element)

    def dates(self, element: etree._Element) -> None:
        # tei:*[@when or @from or @to or @notBefore or @notAfter]: the first attribute that is no ISO date
        for name, value in element.attrib.items():
            if name in _DATE_ATTRIBUTES and not _iso_date(value):
                self.fail("bad-date", self.order, element, "bad-date",
                          f'{_name(element)}/@{name}="{value}" is not an ISO date '
                          "(YYYY, YYYY-MM, YYYY-MM-DD, --MM-DD or --MM)")
                break
        # tei:*[@from and @to and starts-with(@from, '--') = starts-with(@to, '--')]:
        # both cut to the shorter length, dashes removed, compared as numbers
        start, end = element.get("from"), element.get("to")
        if start is None or end is None or start.startswith("--") != end.startswith("--"):
            return
        length = min(len(start), len(end))
        if _number(start[:length].replace("-", "")) > _number(end[:length].replace("-", "")):
            self.fail("date-range-reversed", self.order, element, "date-range-reversed",
                      f'{_name(element)}/@from="{start}" is after @to="{end}"')

    def page(self, element: etree._Element) -> None:
        # tei:pb[string-length(@n) > 0 and translate(@n, '0123456789', '') = '']: greater than the
        # @n of the nearest such pb on the preceding axis, which leaves ancestors out: of the
        # numbered pbs closed before this one starts, the one that started last
        previous = self.last_page
        if previous is not None and not _number(element.get("n")) > previous[1]:
            self.fail("page-order", self.order, element, "page-order",
                      f'pb/@n="{element.get("n")}" does not follow the previous page number {previous[2]}')

    def end(self, element: etree._Element, started: int) -> None:
        number = element.get("n") or ""
        if element.tag == T + "pb" and _is_digits(number) and \
                (self.last_page is None or started > self.last_page[0]):
            self.last_page = (started, _number(number), number)
        # tei:div | tei:body | tei:front | tei:back | tei:listPerson: not(text()[normalize-space()])
        if element.tag in _CONTAINERS:
            loose = next((text for text in [element.text] + [child.tail for child in element]
                          if text and text.strip(_XPATH_SPACE)), None)
            if loose is not None:
                shown = " ".join(part for part in re.split(f"[{_XPATH_SPACE}]+", loose) if part)
                self.fail("stray-text", started, element, "stray-text",
                          f'{_name(element)} holds loose text "{shown}"; put it in a p (or head)')

    def problems(self, file: str) -> list[Message]:
        for order, line, name, pointer in self.pointers:
            if pointer[1:] in self.ids:
                continue
            code, what = ("dangling-ref", "persName/@ref") if name is None else ("dangling-target", f"{name}/@target")
            self.found["references"].append((order, line, code, f'{what}="{pointer}" points to no xml:id in this file'))
        for order, line, value in self.identified:
            if self.ids[value] != 1:
                self.found["duplicate-id"].append(
                    (order, line, "duplicate-id", f'xml:id="{value}" is used {self.ids[value]} times'))
        return [problem(file, line, 0, ERROR, code, " ".join(message.split()))
                for pattern in RULE_PATTERNS for _, line, code, message in sorted(self.found[pattern])]


def _name(element: etree._Element) -> str:
    """XPath's name(): the element's name with the prefix the document gives it."""
    local = etree.QName(element).localname
    return f"{element.prefix}:{local}" if element.prefix else local


def _iso_date(value: str) -> bool:
    """teikit.sch's bad-date test: the value's shape, then month 01-12 and day 01-31."""
    shape = value.translate(_NINES)
    if shape == "9999":
        return True
    offset = 3 if value.startswith("--") else 0
    if shape in ("9999-99", "--99", "9999-99-99", "--99-99") and not 1 <= int(value[5 - offset:7 - offset]) <= 12:
        return False
    if shape in ("9999-99", "--99"):
        return True
    return shape in ("9999-99-99", "--99-99") and 1 <= int(value[8 - offset:10 - offset]) <= 31


def _is_digits(text: str) -> bool:
    """One or more of 0-9, nothing else."""
    return text.isascii() and text.isdigit()


def _number(text: str) -> float:
    """XPath's number() of a string: exact in Python for up to 15 digits, else libxml2's."""
    if len(text) <= 15 and _is_digits(text):
        return float(int(text))
    return float(_XPATH_NUMBER(etree.Element("x"), value=text))
