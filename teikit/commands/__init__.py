"""The click commands that drive the library, loaded by `teikit.cli` when used."""
