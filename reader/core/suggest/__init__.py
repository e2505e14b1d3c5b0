"""Suggested annotations: figures, quotes, companies and people found by rules, offline.

`suggest(text)` runs every detector; each lives in its own module and returns `Suggestion`s
following the span conventions in `model.py`.
"""
from __future__ import annotations

from reader.core.suggest.model import TAGS, Suggestion

__all__ = ["TAGS", "Suggestion", "suggest"]


def suggest(text: str, gazetteer=None) -> list[Suggestion]:  # noqa: ANN001 - Gazetteer | None
    """Every candidate in `text`, sorted by position."""
    from reader.core.suggest.companies import find_companies
    from reader.core.suggest.figures import find_figures
    from reader.core.suggest.people import find_people
    from reader.core.suggest.quotes import find_quotes

    people = find_people(text)
    taken = [(p.start, p.end) for p in people]
    # A Latin name after a title is a person; the company detector cannot always tell.
    companies = [c for c in find_companies(text, gazetteer)
                 if not any(c.start < e and s < c.end for s, e in taken)]
    # A candidate must cover something (a stray tatweel after a cue word once made an empty one).
    found = [s for s in find_figures(text) + find_quotes(text) + companies + people if s.end > s.start]
    return sorted(found, key=lambda s: (s.start, -s.end, s.tag))
