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

from .config import EditionConfig
from .model import Document
from .passes import BY_NAME, PASSES
from .pipeline import build_pipeline, run_pipeline
from .profiles import detect_profile, profile_options
from .reader import decode_source, document_from_text, read_bytes
from .report import Report
from .tei.header import add_schema_models, write_header, write_register
from .tei.writer import tei, write_text_element


@dataclass
class Encoded:
    """What encoding a text made: the TEI, the model it was written from, the messages."""

    tree: etree._ElementTree
    doc: Document            #: doc.facts says what each pass did
    report: Report
    profile_reason: str      #: why this profile (detected, or set in edition.yaml)


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
                  encoding: str | None = None) -> Encoded:
    """Encode a source file: `.tree` is the TEI (`serialize` gives its bytes), `.report` the
    messages; `cfg` is an edition's configuration (`config.load_config`), default none."""
    cfg = cfg or EditionConfig()
    doc, checksum = read_document(path, encoding or cfg.encoding)
    return encode_document(doc, cfg, checksum, corrections=corrections)


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


def encode_document(doc: Document, cfg: EditionConfig, checksum: str, *, corrections: bool = True) -> Encoded:
    """Run the passes over a source's model and write its TEI; `checksum` is the source's sha256."""
    if cfg.profile:
        doc.profile, reason = cfg.profile, "set in edition.yaml"
    else:
        doc.profile, reason = detect_profile(doc)
    report = Report(file=doc.source, suppress=frozenset(cfg.suppress))
    disabled = frozenset() if corrections else frozenset({"corrections"})
    steps = build_pipeline(PASSES, pass_options(cfg, doc.profile), disabled)
    doc = run_pipeline(doc, steps, report)
    return Encoded(build_tree(doc, cfg, checksum, report), doc, report, reason)


def build_tree(doc: Document, cfg: EditionConfig, checksum: str, report: Report) -> etree._ElementTree:
    """The TEI of an encoded model; `checksum` is the sha256 of the source's bytes."""
    root = tei("TEI", {"xml:lang": cfg.language})
    root.text = "\n"
    etree.indent(write_header(root, doc, cfg, checksum, doc.source))
    register = write_register(root, doc.persons)
    if register is not None:
        etree.indent(register)
    for part in root:
        part.tail = "\n"
    write_text_element(root, doc, report)
    tree = etree.ElementTree(root)
    add_schema_models(tree, cfg.schema_base)
    return tree


def serialize(tree: etree._ElementTree) -> bytes:
    """The TEI's bytes, a line end after the root. Written into one growing buffer, not by
    `tostring`, which holds the whole text twice (its buffer, its bytes) before the line end
    copies it a third time."""
    buffer = io.BytesIO()
    tree.write(buffer, xml_declaration=True, encoding="UTF-8")
    buffer.write(b"\n")
    return buffer.getvalue()
