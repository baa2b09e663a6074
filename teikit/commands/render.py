"""`teikit render`: a TEI file as a print-style HTML reading edition (and a PDF)."""
from __future__ import annotations

from pathlib import Path

import click

from teikit.render.html import render_file
from teikit.render.pdf import MAX_DEFAULT_JOBS, write_pdf


@click.command("render")
@click.argument("tei_file", metavar="FILE.xml", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("_build"),
              show_default=True, help="Folder for the HTML and its stylesheets.")
@click.option("--templates", "template_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A folder of templates searched before teikit's own (repeatable).")
@click.option("--hyphenation/--no-hyphenation", "hyphenation_in_apparatus", default=True, show_default=True,
              help="List the end-of-line hyphenation decisions in the apparatus.")
@click.option("--pdf", is_flag=True, help="Also print a PDF with WeasyPrint, part by part (pip install 'teikit[pdf]').")
@click.option("-j", "--jobs", type=click.IntRange(1),
              help=f"Parts of the PDF printed at once, in parallel processes  [default: one per core, at most "
                   f"{MAX_DEFAULT_JOBS}].")
def render_command(tei_file: Path, out_dir: Path, template_dirs: tuple[Path, ...],
                   hyphenation_in_apparatus: bool, pdf: bool, jobs: int | None) -> None:
    """Render FILE.xml (TEI) as a print-style HTML reading edition."""
    html_path = render_file(tei_file, out_dir, template_dirs=template_dirs,
                            hyphenation_in_apparatus=hyphenation_in_apparatus,
                            warn=lambda line: click.echo(line, err=True))
    click.echo(html_path)
    if pdf:
        click.echo(write_pdf(html_path, jobs))
