"""`teikit validate`: problems as `file:line:col: ...` lines, or JSON, and an exit code."""
from __future__ import annotations

import json

import click

from teikit.validate import exit_code, problem_dict, validate_file


@click.command("validate")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=str))
@click.option("--schema", default="teikit", show_default=True, metavar="teikit|tei_all|PATH",
              help="Grammar to validate against; teikit also runs the Schematron rules of teikit.sch.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def validate_command(files: tuple[str, ...], schema: str, output_format: str) -> None:
    """Validate TEI FILEs: exit 0 if all are valid, 1 if any is invalid, 2 if any is unusable."""
    results = {file: validate_file(file, schema) for file in files}
    problems = [problem for found in results.values() for problem in found]
    if output_format == "json":
        click.echo(json.dumps({"schema": str(schema),
                               "files": [{"file": file, "valid": not found, "problems": [problem_dict(p) for p in found]}
                                         for file, found in results.items()]}, indent=2))
    else:
        for problem in problems:
            click.echo(str(problem))
        invalid = sum(1 for found in results.values() if found)
        click.echo(f"{len(files) - invalid} of {len(files)} file(s) valid against {schema}", err=True)
    raise SystemExit(exit_code(problems))
