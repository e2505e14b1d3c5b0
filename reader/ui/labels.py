"""How names and mixed-direction text are shown in the interface.

Built-in tags are stored in English (`company`, …) and shown in the interface language; tags of
the user's own are shown as typed. Labels that put a quote or a tag beside interface text are
isolated (FSI…PDI) so a Latin quote in an Arabic menu, or the reverse, keeps its own order.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP

BUILTIN_TAG_LABELS = {
    "company": QT_TRANSLATE_NOOP("Tags", "company"),
    "figure": QT_TRANSLATE_NOOP("Tags", "figure"),
    "quote": QT_TRANSLATE_NOOP("Tags", "quote"),
    "person": QT_TRANSLATE_NOOP("Tags", "person"),
}
FSI, PDI = "\u2068", "\u2069"


def tag_label(name: str) -> str:
    """A tag's name as shown: built-in ones translated."""
    source = BUILTIN_TAG_LABELS.get(name)
    return QCoreApplication.translate("Tags", source) if source else name


def isolate(text: str) -> str:
    """Text laid out on its own, whatever the direction around it (Unicode FSI…PDI)."""
    return f"{FSI}{text}{PDI}"


def short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
