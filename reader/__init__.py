"""Hamish (هامش): an offline reader and annotator for Arabic news."""
from __future__ import annotations

__version__ = "0.1.0"
