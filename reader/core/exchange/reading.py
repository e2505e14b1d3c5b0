"""Reading annotation files, whatever their format: bytes → JSON → schema → checked records.

Owns `IncomingArticle` (what an import hands to the library), the JSON-path names used in every
error (`articles[0].annotations[3].start`), validation against the shipped JSON Schemas, and the
checks a schema cannot express (offsets against the text, the text against its sha256, duplicate
ids). The format modules (`native`, `w3c`) use these helpers to turn a document into records; any
failure is an `InvalidExchangeFile` naming the failing field, and nothing is half-read.
"""
from __future__ import annotations

import functools
import math
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from typing import TYPE_CHECKING

from reader.core.errors import InvalidAnnotation, InvalidExchangeFile
from reader.core.models import Annotation
from reader.core.resources import resource_path
from reader.core.tags import normalize_tag
from reader.core.text import normalize_article_text, sha256_text

# The one version of both formats this Hamish reads and writes.
SUPPORTED_VERSION = 1

JsonPath = Sequence[str | int]


@dataclass
class IncomingArticle:
    """An article as an annotations file describes it, with its annotations (article_id = id).

    `text` is None when the file does not carry it: its annotations can then only attach to an
    article already in the library (found by id, else by sha256; sha256 is "" when a W3C file
    from elsewhere does not say).
    """

    id: str
    title: str
    sha256: str
    source: str
    text: str | None
    annotations: list[Annotation]


# -- JSON paths -------------------------------------------------------------------------------


def field_name(path: Iterable[str | int]) -> str:
    """`["articles", 0, "annotations", 3, "start"]` → `articles[0].annotations[3].start`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def fail(message: str, path: JsonPath) -> InvalidExchangeFile:
    """The error to raise for `path` (returned, so callers write `raise fail(...)`)."""
    return InvalidExchangeFile(message, field_name(path))


# -- bytes → JSON -----------------------------------------------------------------------------


def parse_json(data: bytes) -> Any:
    """UTF-8 (a BOM is fine) JSON, or an error saying where it stops being that."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InvalidExchangeFile(
            f"not UTF-8 text: byte 0x{data[err.start]:02x} at offset {err.start} cannot be decoded"
        ) from None
    if not text.strip():
        raise InvalidExchangeFile("the file is empty; expected a JSON annotations file")

    def reject_constant(name: str) -> Any:
        # Python's json accepts NaN/Infinity, which are not JSON.
        raise ValueError(f"{name} is not allowed in JSON")

    try:
        doc = json.loads(text, parse_constant=reject_constant)
    except json.JSONDecodeError as err:
        raise InvalidExchangeFile(
            f"not JSON: {err.msg} at line {err.lineno}, column {err.colno}"
        ) from None
    except ValueError as err:
        raise InvalidExchangeFile(f"not JSON: {err}") from None
    _reject_lone_surrogates(doc, [])
    return doc


def _reject_lone_surrogates(value: Any, path: list[str | int]) -> None:
    """JSON may escape half a UTF-16 pair ("\\ud800"): no text can hold it, so name its place."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise fail("holds half of a UTF-16 surrogate pair, which is not text", path) from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _reject_lone_surrogates(key, path)
            _reject_lone_surrogates(item, [*path, key])
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _reject_lone_surrogates(item, [*path, i])


# -- schema -----------------------------------------------------------------------------------


if TYPE_CHECKING:  # jsonschema costs 0.1 s to import: only once a file is actually checked
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError


@functools.lru_cache(maxsize=None)
def _validator(schema_name: str) -> Draft202012Validator:
    from jsonschema import Draft202012Validator

    schema = json.loads(resource_path("schema", schema_name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def validate(doc: Any, schema_name: str) -> None:
    """Check `doc` against a schema in resources/schema; the most relevant error names its field."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator(schema_name).iter_errors(doc))
    if error is not None:
        path = list(error.absolute_path)
        raise fail(_describe(error, path), path)


def _describe(error: ValidationError, path: list[str | int]) -> str:
    """A one-line message for a schema error. Appends a missing property's name to `path`.

    jsonschema's own messages quote the whole failing instance, which for an article is its
    full text: so the common cases get short messages of their own.
    """
    found = _show(error.instance)
    description = error.schema.get("description") if isinstance(error.schema, dict) else None
    if error.validator == "required":
        present = error.instance if isinstance(error.instance, dict) else {}
        missing = [name for name in error.validator_value if name not in present]
        path.append(missing[0] if missing else "?")
        return "is required but missing"
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return f"must be of type {expected}, found {_json_type(error.instance)} {found}"
    if error.validator == "const":
        return f"must be {_show(error.validator_value)}, found {found}"
    if error.validator == "minimum":
        return f"must be at least {error.validator_value}, found {found}"
    if error.validator == "minLength":
        return "must not be empty"
    if error.validator == "pattern" and description:
        return f"must be {description}, found {found}"
    return _clip(error.message)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return {str: "string", list: "array", dict: "object"}.get(type(value), type(value).__name__)


def _show(value: Any) -> str:
    return _clip(json.dumps(value, ensure_ascii=False), 60)


def _clip(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# -- checks the schema cannot express ---------------------------------------------------------


def check_version(version: Any, path: JsonPath) -> None:
    """An integer other than ours gets its own message (before the schema says "must be 1")."""
    if isinstance(version, int) and not isinstance(version, bool) and version != SUPPORTED_VERSION:
        raise fail(
            f"unsupported version {version}, this Hamish reads version {SUPPORTED_VERSION}", path
        )


def check_text(text: str | None, sha256: str | None, path: JsonPath) -> None:
    """An article text must be stored-form (offsets would not survive normalising) and match
    its sha256 when both are given. `path` is the article's."""
    if text is None:
        return
    if normalize_article_text(text) != text:
        raise fail("is not normalised (NFC, \\n line ends, no BOM) as Hamish stores texts", [*path, "text"])
    if sha256 and sha256_text(text) != sha256:
        raise fail(
            f"does not match the article text (the text's sha256 is {sha256_text(text)})",
            [*path, "sha256"],
        )


def parse_timestamp(value: str) -> datetime | None:
    """An RFC 3339 date-time with a time zone, as an aware datetime; None if it is not one."""
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"  # fromisoformat reads "Z" only from Python 3.11
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def check_timestamps(doc: dict[str, Any], path: JsonPath, names: tuple[str, ...] = ("created_at", "updated_at")) -> None:
    """Timestamps decide which copy of an annotation wins a merge: they must be real ones."""
    for name in names:
        value = doc.get(name, "")
        if value and parse_timestamp(value) is None:
            raise fail(f"is not an RFC 3339 date-time with a time zone, found {_show(value)}", [*path, name])


def structured_fields(doc: dict[str, Any], path: JsonPath, names: tuple[str, str, str, str]) -> dict[str, Any]:
    """A figure's value, value_high, unit and a company's canonical name, read from the properties
    `names` (the schema checked their types); a number too large for a float is refused."""
    out: dict[str, Any] = {}
    for attribute, name in zip(("value", "value_high", "unit", "canonical"), names):
        if name not in doc:
            continue
        item = doc[name]
        if attribute.startswith("value"):
            try:
                number = float(item)
            except OverflowError:
                number = math.inf
            if not math.isfinite(number):
                raise fail(f"{_clip(str(item), 40)} is not a finite number", [*path, name])
            item = number
        elif not item.strip():
            raise fail("must not be blank", [*path, name])
        out[attribute] = item
    if "value_high" in out and out["value_high"] < out.get("value", -math.inf):
        raise fail("the high end of a range is below its low end (value)", [*path, names[1]])
    return out


def check_span(start: int, end: int, text: str | None, path: JsonPath) -> None:
    """0 ≤ start < end ≤ len(text); `path` is the object holding the two offsets."""
    if start < 0:
        raise fail(f"must be at least 0, found {start}", [*path, "start"])
    if end <= start:
        raise fail(f"must be greater than start ({start}), found {end}", [*path, "end"])
    if text is not None and end > len(text):
        raise fail(
            f"is past the end of the article text ({len(text)} code points), found {end}",
            [*path, "end"],
        )


def clean_tags(tags: Iterable[str], path: JsonPath) -> list[str]:
    """Normalised as Hamish stores tags, without duplicates, in their first order; a tag that
    cannot be one (blank, too long, search syntax) is an error naming its place."""
    out: list[str] = []
    for i, tag in enumerate(tags):
        if not tag.strip():
            raise fail("must not be blank", [*path, i])
        try:
            name = normalize_tag(tag)
        except InvalidAnnotation as err:
            raise fail(str(err), [*path, i]) from None
        if name not in out:
            out.append(name)
    return out


class IdRegistry:
    """Remembers ids seen in one file so a second use names its field."""

    def __init__(self, what: str) -> None:
        self._what = what
        self._seen: dict[str, str] = {}

    def add(self, value: str, path: JsonPath) -> None:
        name = field_name(path)
        if value in self._seen:
            raise InvalidExchangeFile(
                f"duplicate {self._what} id {_show(value)} (first used at {self._seen[value]})", name
            )
        self._seen[value] = name
