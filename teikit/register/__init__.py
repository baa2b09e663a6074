"""The person register: model and loader (`model`), what is harvested from a text
(`harvest`), an editor's changes (`edit`) and merging other registers in (`merge`).
The passes read only the model; the `teikit persons` commands live in
`teikit.commands.persons` and only parse arguments."""
from __future__ import annotations

from .model import (AUTO, ENTRY_KEYS, ID_PATTERN, Person, Register, ascii_key, dump_register, load_register,
                    normalise_form, person_from_dict, person_key, read_entries)

__all__ = ["AUTO", "ENTRY_KEYS", "ID_PATTERN", "Person", "Register", "ascii_key", "dump_register",
           "load_register", "normalise_form", "person_from_dict", "person_key", "read_entries"]
