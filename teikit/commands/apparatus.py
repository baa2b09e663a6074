"""`teikit apparatus`: every editorial intervention in a TEI file, as lines or JSON."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from teikit.apparatus import interventions


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="One line per intervention (default), or a JSON list.")
def apparatus(file: Path, fmt: str):
    """List every editorial intervention in a TEI FILE with its source page and line."""
    items = interventions(file)
    if fmt == "json":
        click.echo(json.dumps([asdict(item) for item in items], ensure_ascii=False, indent=1))
    else:
        for item in items:
            click.echo(str(item))
