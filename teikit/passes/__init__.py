"""The passes, in their default order: one phenomenon per module, named after the pass."""
from __future__ import annotations

from . import blocks, corrections, dates, dehyphenate, exclude, furniture, notes, persons, structure

#: the default order; `pipeline.build_pipeline` checks each pass's requirements
PASSES = [
    exclude.PASS,
    furniture.PASS,
    dehyphenate.PASS,
    blocks.PASS,
    structure.PASS,
    corrections.PASS,
    notes.PASS,
    persons.PASS,
    dates.PASS,
]
BY_NAME = {spec.name: spec for spec in PASSES}
