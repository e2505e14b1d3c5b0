"""The bundled reading font (IBM Plex Sans Arabic, SIL OFL 1.1, licence in resources/fonts/).

It has Arabic and Latin glyphs, Arabic-Indic digits and ٪, so an article renders the same on a
machine with no Arabic fonts (DESIGN.md fact 6).
"""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from reader.core.resources import resource_path

FONT_FILES = ("IBMPlexSansArabic-Regular.ttf", "IBMPlexSansArabic-Bold.ttf")
READING_FAMILY = "IBM Plex Sans Arabic"
_loaded: list[str] = []


def load_fonts() -> str:
    """Register the bundled fonts once (needs a QGuiApplication); returns the family name."""
    if not _loaded:
        for name in FONT_FILES:
            font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
            if font_id >= 0:
                _loaded.extend(QFontDatabase.applicationFontFamilies(font_id))
    return _loaded[0] if _loaded else READING_FAMILY


def reading_font(point_size: float = 15.0) -> QFont:
    font = QFont(load_fonts())
    font.setPointSizeF(point_size)
    # Kerning and shaping as the font designer intended; no synthetic hinting games.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font
