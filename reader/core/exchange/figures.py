"""The Figures table as CSV: every figure of the library with its value, unit and context."""
from __future__ import annotations

import csv
import math
import io
from collections.abc import Iterable

COLUMNS = ("article", "text", "value", "value_high", "unit", "context", "annotation_id", "article_id",
           "start", "end")


def format_value(value: float | None) -> str:
    """A value as a reader would type it: 8200000000, 15, 12.5 (no float noise, no exponent)."""
    if value is None:
        return ""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.15g}"


def figures_csv(rows: Iterable) -> str:  # noqa: ANN001 - services.FigureRow
    """UTF-8 CSV with a byte-order mark, so spreadsheet programs read the Arabic right."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow([r.article_title, r.text, format_value(r.value), format_value(r.value_high),
                         r.unit or "", r.context, r.annotation_id, r.article_id, r.start, r.end])
    return buffer.getvalue()
