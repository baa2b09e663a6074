"""`teikit validate`: problems as `file:line:col: ...` lines, or JSON, and an exit code."""
from __future__ import annotations

import json

import click

from teikit.validate import SchemaUnusable, exit_code, problem_dict, validate_file
from teikit.validate import fetch_tei_all as fetch


@click.command("validate")
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=str))
@click.option("--schema", default="teikit", show_default=True, metavar="teikit|tei_all|PATH",
              help="Grammar to validate against; teikit also runs the Schematron rules of teikit.sch. "
                   "tei_all is looked for in $TEIKIT_TEI_ALL, beside a checkout, then in the user's cache.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fetch-tei-all", is_flag=True,
              help="Download the official tei_all.rng once into the user's cache (~/.cache/teikit) first.")
def validate_command(files: tuple[str, ...], schema: str, output_format: str, fetch_tei_all: bool) -> None:
    """Validate TEI FILEs: exit 0 if all are valid, 1 if any is invalid, 2 if any is unusable."""
    if fetch_tei_all:
        try:
            click.echo(f"teikit: tei_all.rng kept in {fetch(None)}", err=True)
        except SchemaUnusable as error:
            raise click.ClickException(str(error)) from None
    if not files:
        if fetch_tei_all:
            return
        raise click.UsageError("name at least one TEI FILE")
    results = {file: validate_file(file, schema) for file in files}
    problems = [problem for found in results.values() for problem in found]
    if output_format == "json":
        click.echo(json.dumps({"schema": str(schema),
                               "files": [{"file": file, "valid": not found, "problems": [problem_dict(p) for p in found]}
                                         for file, found in results.items()]}, indent=2))
    else:
        for problem in problems:
            click.echo(str(problem))
        unusable_schema = next((p for p in problems if p.code == "bad-schema"), None)
        if unusable_schema:   # nothing was checked: say so, rather than "0 valid"
            click.echo(f"teikit: no file checked: {unusable_schema.text}", err=True)
        else:
            invalid = sum(1 for found in results.values() if found)
            click.echo(f"{len(files) - invalid} of {len(files)} file(s) valid against {schema}", err=True)
    raise SystemExit(exit_code(problems))
