"""Undoable annotation changes. Each command holds the annotation's state before and after
(None = does not exist) and asks the library to store one or the other; the library stays the
source of truth, and the window refreshes its views from it after every step."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from reader.core.models import Annotation
from reader.core.services import Library


class AnnotationChange(QUndoCommand):
    def __init__(
        self,
        library: Library,
        text: str,
        before: Annotation | None,
        after: Annotation | None,
        on_change: Callable[[Annotation | None], None],
    ) -> None:
        super().__init__(text)
        self.library = library
        self.before = before
        self.after = after
        self.on_change = on_change
        self._first = True

    def _store(self, state: Annotation | None, other: Annotation | None) -> None:
        if state is None:
            if other is not None:
                self.library.forget_annotation(other.id)
        else:
            self.library.put_annotation(state)
        self.on_change(state or other)

    def redo(self) -> None:
        if self._first:
            # The change was already made by the caller (it needed the new id); only refresh.
            self._first = False
            self.on_change(self.after or self.before)
            return
        self._store(self.after, self.before)

    def undo(self) -> None:
        self._store(self.before, self.after)


class SuggestionDismissal(QUndoCommand):
    """Dismissing a suggestion (already done by the caller): undo brings it back."""

    def __init__(self, library: Library, text: str, article_id: str, suggestion,  # noqa: ANN001
                 on_change: Callable[[], None]) -> None:
        super().__init__(text)
        self.library = library
        self.article_id = article_id
        self.suggestion = suggestion
        self.on_change = on_change
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            self.on_change()
            return
        self.library.dismiss_suggestion(self.article_id, self.suggestion, dismissed=True)
        self.on_change()

    def undo(self) -> None:
        self.library.dismiss_suggestion(self.article_id, self.suggestion, dismissed=False)
        self.on_change()
