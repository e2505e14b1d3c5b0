"""Files → article text: the one entry point the services call to read an article from disk.

The format is chosen by the file's suffix, never by sniffing: a `.txt` holding HTML is plain
text. Every problem with the file becomes `ImportFailed(path, reason)` with a one-line,
lower-case reason; anything else escaping from here is a bug.

Article text model: one paragraph per line, `\\n` between lines, NFC, no BOM
(`text.normalize_article_text`). Markdown and HTML never produce blank lines; plain text keeps
its lines as they are, apart from blank lines at the very start and end (see `txt.py`).
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from reader.core.errors import ImportFailed

from . import html, md, txt
from .common import Rejected

MAX_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

_CONVERTERS: dict[str, tuple[str, Callable[[bytes, str], tuple[str, str, str]]]] = {
    ".txt": ("txt", txt.convert),
    ".md": ("md", md.convert),
    ".markdown": ("md", md.convert),
    ".html": ("html", html.convert),
    ".htm": ("html", html.convert),
}


@dataclass
class ImportedText:
    title: str  # one line, stripped, never empty (fallback: the file's stem)
    text: str  # the article text exactly as it will be stored
    format: str  # "txt" | "md" | "html"
    encoding: str  # Python codec name: "utf-8", "utf-8-sig", "utf-16", "cp1256"…
    source: str  # load_file: the path as given, made absolute; load_bytes: the name as given


def load_file(path: str | os.PathLike[str]) -> ImportedText:
    """Read and convert one article file. Raises ImportFailed(str(path), reason)."""
    given = os.fsdecode(path)

    def fail(reason: str) -> ImportFailed:
        return ImportFailed(given, reason)

    try:
        info = os.stat(given)
    except (FileNotFoundError, NotADirectoryError):
        raise fail("file not found") from None
    except PermissionError:
        raise fail("permission denied") from None
    except OSError as err:
        raise fail(_os_reason(err)) from None
    if stat.S_ISDIR(info.st_mode):
        raise fail("is a directory")
    suffix = _check_suffix(given, fail)
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or device would block or never end.
        raise fail("not a regular file")
    # Checked before reading: a huge file is refused without loading it.
    if info.st_size > MAX_BYTES:
        raise fail(_too_large(info.st_size))
    if info.st_size == 0:
        raise fail("empty file")
    try:
        with open(given, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise fail("permission denied") from None
    except IsADirectoryError:
        raise fail("is a directory") from None
    except OSError as err:
        raise fail(_os_reason(err)) from None
    if len(data) > MAX_BYTES:  # it grew since stat
        raise fail(_too_large(len(data)))
    return _convert(data, given, suffix, source=os.path.abspath(given), fail=fail)


def load_bytes(data: bytes, name: str) -> ImportedText:
    """Convert an article already in memory; `name`'s suffix chooses the format.
    Raises ImportFailed(name, reason), like load_file."""

    def fail(reason: str) -> ImportFailed:
        return ImportFailed(name, reason)

    suffix = _check_suffix(name, fail)
    if len(data) > MAX_BYTES:
        raise fail(_too_large(len(data)))
    return _convert(data, name, suffix, source=name, fail=fail)


def _convert(
    data: bytes, name: str, suffix: str, *, source: str, fail: Callable[[str], ImportFailed]
) -> ImportedText:
    fmt, converter = _CONVERTERS[suffix]
    try:
        title, text, encoding = converter(data, PurePath(name).stem)
    except Rejected as rejected:
        raise fail(rejected.reason) from None
    return ImportedText(title=title, text=text, format=fmt, encoding=encoding, source=source)


def _check_suffix(name: str, fail: Callable[[str], ImportFailed]) -> str:
    suffix = PurePath(name).suffix.lower()
    if suffix not in _CONVERTERS:
        shown = f"'{suffix}'" if suffix else "without a suffix"
        raise fail(f"unsupported file type {shown} (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    return suffix


def _too_large(size: int) -> str:
    return f"larger than {MAX_BYTES // (1024 * 1024)} MB ({size / (1024 * 1024):.1f} MB)"


def _os_reason(err: OSError) -> str:
    detail = (err.strerror or err.__class__.__name__).lower()
    return f"unreadable ({detail})"
