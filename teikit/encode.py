"""Source text -> TEI tree: read, run the passes, write header, register and text.

This is the library entry point behind `teikit encode` and `teikit build`; it knows
nothing about click.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from . import TEI_NS, T
from .config import EditionConfig
from .model import Document
from .passes import BY_NAME, PASSES
from .pipeline import build_pipeline, run_pipeline
from .profiles import detect_profile, profile_options
from .reader import decode_source, document_from_text, read_bytes
from .report import Report
from .tei.header import add_schema_models, write_header, write_register
from .tei.writer import tei, text_element, text_sections, write_block, write_text_element


@dataclass
class Encoded:
    """What encoding a text made: the TEI, the model it was written from, the messages."""

    tree: etree._ElementTree | None   #: None where the TEI's bytes were asked for instead (`data`)
    doc: Document            #: doc.facts says what each pass did
    report: Report
    profile_reason: str      #: why this profile (detected, or set in edition.yaml)
    #: the TEI's bytes, written without a tree of the whole text (`as_bytes`), or None
    data: bytes | None = None


def pass_options(cfg: EditionConfig, profile: str) -> dict[str, dict]:
    """Profile defaults, then the edition's own options key by key, then its facts."""
    options = profile_options(profile)
    for name, values in cfg.passes.items():
        options.setdefault(name, {}).update(values)
    derived = {
        "exclude": {"rules": cfg.exclude},
        "persons": {"register": str(cfg.path(cfg.register)) if cfg.register else ""},
        "dates": {"calendar": cfg.calendar},
    }
    for name, values in derived.items():
        known = {f.name for f in dataclasses.fields(BY_NAME[name].options)}
        options.setdefault(name, {}).update({k: v for k, v in values.items() if k in known and v})
    return options


def encode_source(path: str | Path, cfg: EditionConfig | None = None, *, corrections: bool = True,
                  encoding: str | None = None, as_bytes: bool = False) -> Encoded:
    """Encode a source file: `.tree` is the TEI (`serialize` gives its bytes), `.report` the
    messages; `cfg` is an edition's configuration (`config.load_config`), default none.
    With `as_bytes`, `.data` is the TEI's bytes, written a piece at a time (`serialize_streamed`)
    for a caller that needs no tree: the peak memory is then the model's and the bytes'."""
    cfg = cfg or EditionConfig()
    doc, checksum = read_document(path, encoding or cfg.encoding)
    return encode_document(doc, cfg, checksum, corrections=corrections, as_bytes=as_bytes)


def read_document(path: str | Path, encoding: str) -> tuple[Document, str]:
    """The model of a source file, and the checksum of its bytes (sha256) for the header.

    Neither the bytes nor the decoded text outlive the call: the model holds the lines, and
    the two would take three times the file while the passes run."""
    name = str(path)
    data = read_bytes(path)
    return document_from_text(decode_source(data, name, encoding), name), hashlib.sha256(data).hexdigest()


def encode_text(text: str, cfg: EditionConfig | None = None, *, name: str = "<text>",
                source_bytes: bytes | None = None, corrections: bool = True) -> Encoded:
    """Encode decoded text; `source_bytes` (for the header's checksum) default to its UTF-8."""
    checksum = hashlib.sha256(text.encode("utf-8") if source_bytes is None else source_bytes).hexdigest()
    doc = document_from_text(text, name)
    del text, source_bytes   # the model holds the lines: the caller's temporaries can go
    return encode_document(doc, cfg or EditionConfig(), checksum, corrections=corrections)


def encode_document(doc: Document, cfg: EditionConfig, checksum: str, *, corrections: bool = True,
                    as_bytes: bool = False) -> Encoded:
    """Run the passes over a source's model and write its TEI (a tree, or with `as_bytes` its
    bytes); `checksum` is the source's sha256."""
    if cfg.profile:
        doc.profile, reason = cfg.profile, "set in edition.yaml"
    else:
        doc.profile, reason = detect_profile(doc)
    report = Report(file=doc.source, suppress=frozenset(cfg.suppress))
    disabled = frozenset() if corrections else frozenset({"corrections"})
    steps = build_pipeline(PASSES, pass_options(cfg, doc.profile), disabled)
    doc = run_pipeline(doc, steps, report)
    if as_bytes:
        return Encoded(None, doc, report, reason, serialize_streamed(doc, cfg, checksum, report))
    return Encoded(build_tree(doc, cfg, checksum, report), doc, report, reason)


def build_tree(doc: Document, cfg: EditionConfig, checksum: str, report: Report) -> etree._ElementTree:
    """The TEI of an encoded model; `checksum` is the sha256 of the source's bytes."""
    tree = header_tree(doc, cfg, checksum)
    write_text_element(tree.getroot(), doc, report)
    return tree


def header_tree(doc: Document, cfg: EditionConfig, checksum: str) -> etree._ElementTree:
    """The TEI's root with its header and register, and its schemas named; no text yet."""
    root = tei("TEI", {"xml:lang": cfg.language})
    root.text = "\n"
    etree.indent(write_header(root, doc, cfg, checksum, doc.source))
    register = write_register(root, doc.persons)
    if register is not None:
        etree.indent(register)
    for part in root:
        part.tail = "\n"
    tree = etree.ElementTree(root)
    add_schema_models(tree, cfg.schema_base)
    return tree


#: where `serialize_streamed` writes a section's blocks into the bytes of the tree around them
BLOCKS_GO_HERE = "teikit-blocks"
#: the declaration `tostring` gives an element of the text on its own, which its root makes
_OWN_NAMESPACE = f' xmlns="{TEI_NS}"'.encode()


def serialize_streamed(doc: Document, cfg: EditionConfig, checksum: str, report: Report) -> bytes:
    """`serialize(build_tree(...))`'s bytes, the text written a top-level block at a time, each
    block's elements serialised and dropped before the next: the tree of the whole text, which
    libxml2 holds in some seven times its bytes, never stands at once.

    The tree around the blocks (header, register, `text` and its sections) is serialised
    with a processing instruction where each section's blocks go, and the blocks' bytes are
    put in its place, each element without the namespace declaration its root makes."""
    tree = header_tree(doc, cfg, checksum)
    sections = text_sections(text_element(tree.getroot(), doc), doc)
    for section, _ in sections:
        section.append(etree.ProcessingInstruction(BLOCKS_GO_HERE))
    around = serialize(tree).split(f"<?{BLOCKS_GO_HERE} ?>".encode())
    if len(around) != len(sections) + 1:
        raise ValueError("a text holds the stand-in for its blocks")   # a programmer's error
    out = io.BytesIO()
    out.write(around[0])
    for (section, blocks), after in zip(sections, around[1:]):
        section.remove(section[0])
        for block in blocks:
            write_block(section, block, report)
            for element in section:
                out.write(_without_own_namespace(element))
            for element in list(section):
                section.remove(element)
        out.write(after)
    return out.getvalue()


def _without_own_namespace(element: etree._Element) -> bytes:
    """An element of the text and its tail as the whole tree's serialisation writes them."""
    data = etree.tostring(element, encoding="UTF-8", with_tail=True)
    start = len(element.tag) - len(T) + 1       # after `<` and the element's name
    if data[start:start + len(_OWN_NAMESPACE)] != _OWN_NAMESPACE:
        raise ValueError(f"{element.tag} is not serialised as expected")   # a programmer's error
    return data[:start] + data[start + len(_OWN_NAMESPACE):]


def serialize(tree: etree._ElementTree) -> bytes:
    """The TEI's bytes, a line end after the root. Written into one growing buffer, not by
    `tostring`, which holds the whole text twice (its buffer, its bytes) before the line end
    copies it a third time."""
    buffer = io.BytesIO()
    tree.write(buffer, xml_declaration=True, encoding="UTF-8")
    buffer.write(b"\n")
    return buffer.getvalue()
