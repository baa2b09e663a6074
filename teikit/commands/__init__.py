"""The click commands that drive the library: click is imported here and in cli.py only.

Each command parses its options, calls a library function a script could call as well
(`teikit.validate.validate_file`, `teikit.render.render_file`, `teikit.export.export_file`,
`teikit.apparatus.interventions`) and prints the result. cli.py loads them lazily.
"""
