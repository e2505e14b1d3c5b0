"""What a tag name is: the one normalisation every layer (services, file import, search) uses."""
from __future__ import annotations

import unicodedata

from reader.core.errors import InvalidAnnotation

MAX_TAG_LENGTH = 40
_SEARCH_SYNTAX = ':"()*'


def normalize_tag(name: str) -> str:
    """The stored form of a tag name: NFC, trimmed, lower case, inner spaces as '-'.

    Raises InvalidAnnotation for an empty name, one over 40 characters, or one holding search
    syntax (it could not be searched with `tag:`)."""
    cleaned = "-".join(unicodedata.normalize("NFC", name).strip().lower().split())
    if not cleaned:
        raise InvalidAnnotation("a tag name cannot be empty")
    if len(cleaned) > MAX_TAG_LENGTH:
        raise InvalidAnnotation(f"tag {cleaned[:20]!r}… is longer than {MAX_TAG_LENGTH} characters")
    if any(c in cleaned for c in _SEARCH_SYNTAX):
        raise InvalidAnnotation(f'tag {cleaned!r} contains one of : " ( ) * (they are search syntax)')
    return cleaned
