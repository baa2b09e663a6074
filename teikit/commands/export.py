"""`teikit export`: a TEI file in a format other tools read, to stdout or a file, written as it is made."""
from __future__ import annotations

from pathlib import Path

import click

from teikit.export import FORMATS, export_pieces
from teikit.files import write_atomically


@click.command("export")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--to", "to", required=True, type=click.Choice(list(FORMATS)),
              help="; ".join(f"{name}: {description}" for name, (_, description) in FORMATS.items()))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="File to write (default: stdout).")
@click.option("--xinclude", is_flag=True, help="Follow XIncludes, only to files in FILE's own folder.")
@click.option("--base-uri", default="", help="webanno: IRI prefix for the annotations, text and TEI file "
                                             "(default: relative to where the output is published).")
def export(file: Path, to: str, output: Path | None, xinclude: bool, base_uri: str):
    """Export a TEI FILE (teikit's or another project's) to a format other tools read."""
    pieces = export_pieces(file, to, xinclude=xinclude, base_uri=base_uri, warn=lambda line: click.echo(line, err=True))
    if output is None:
        for piece in pieces:
            click.echo(piece, nl=False)
    else:
        write_atomically(output, (piece.encode("utf-8") for piece in pieces))
        click.echo(f"teikit: wrote {output} ({to})", err=True)
