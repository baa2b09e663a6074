"""teikit: OCR'd plain text to TEI P5 scholarly editions, validated and rendered.

The library needs no command line (click lives in cli.py and teikit/commands/ only).
From a script:

    from teikit.encode import encode_source, serialize
    encoded = encode_source("book.txt")              # .tree (TEI), .doc (model), .report (messages)
    Path("book.xml").write_bytes(serialize(encoded.tree))

    from teikit.validate import validate_file
    problems = validate_file("book.xml")             # [] if valid; else report.Messages with line and column

    from teikit.render import render_file
    html = render_file("book.xml", Path("_build"))   # the HTML reading edition's path

    from teikit.export import export_file
    csv = export_file("book.xml", "persons-csv")     # any key of teikit.export.FORMATS
"""

__version__ = "0.1.0"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
T = "{%s}" % TEI_NS          #: prefix of a TEI element's Clark name: T + "p"
XML_ID = "{%s}id" % XML_NS   #: xml:id as lxml names it
