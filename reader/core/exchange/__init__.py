"""Annotation exchange files: Hamish's native JSON, W3C Web Annotation JSON-LD, Markdown.

Pure functions over records: exporters build a document from `ExportArticle`s (the caller
serialises it as UTF-8 with ensure_ascii=False), and `read_annotations_file` turns the bytes of
a file into `IncomingArticle`s or raises `InvalidExchangeFile` naming the failing field. Merging
into the library (by annotation id, in one transaction, re-anchoring) is the caller's.
"""
from __future__ import annotations

from reader.core.errors import InvalidExchangeFile
from reader.core.exchange.markdown import export_markdown
from reader.core.exchange.native import FORMAT as NATIVE_FORMAT
from reader.core.exchange.native import ExportArticle, export_native, read_native
from reader.core.exchange.reading import IncomingArticle, parse_json
from reader.core.exchange.w3c import UNKNOWN_POSITION, export_w3c, is_w3c, read_w3c

__all__ = [
    "ExportArticle",
    "IncomingArticle",
    "UNKNOWN_POSITION",
    "export_markdown",
    "export_native",
    "export_w3c",
    "read_annotations_file",
]


def read_annotations_file(data: bytes) -> tuple[str, list[IncomingArticle]]:
    """("native" | "w3c", the articles and annotations the file holds), all checked.

    Raises InvalidExchangeFile (field = JSON path such as `articles[0].annotations[3].start`)
    for anything that is not a valid file of either format; nothing is returned half-read.
    """
    doc = parse_json(data)
    if not isinstance(doc, dict):
        raise InvalidExchangeFile("the file must hold a JSON object, not a list or a value")
    if "format" in doc:
        if doc["format"] == NATIVE_FORMAT:
            return "native", read_native(doc)
        raise InvalidExchangeFile(
            f"unknown format {doc['format']!r}; Hamish reads {NATIVE_FORMAT!r} files and W3C Web "
            "Annotation collections",
            "format",
        )
    if is_w3c(doc):
        return "w3c", read_w3c(doc)
    raise InvalidExchangeFile(
        f"unknown format: neither a {NATIVE_FORMAT!r} file (\"format\" is missing) nor a W3C Web "
        "Annotation collection (\"@context\" lacks http://www.w3.org/ns/anno.jsonld)",
        "format",
    )
