"""Use cases shared by the CLI and the GUI: import, annotate, tag, search, export, exchange.

`Library` owns one data folder: the SQLite database (the source of truth) and the Whoosh index
(a view of it). Every change is one SQLite transaction that also journals the touched
annotations; the index then catches up from the journal, so a crash between the two heals the
next time the library is opened.
"""
from __future__ import annotations

import bisect
import json
import math
import os
import re
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

from reader.core.errors import HamishError, InvalidAnnotation, StorageError
from reader.core.exchange import (
    ExportArticle,
    IncomingArticle,
    export_markdown,
    export_native,
    export_w3c,
    read_annotations_file,
)
from reader.core.exchange.reading import parse_timestamp
from reader.core.models import Annotation, Article, ArticleSummary, SearchHit, Tag
from reader.core.paths import BACKUP_DIR_NAME, DATABASE_NAME, INDEX_DIR_NAME, data_dir
from reader.core.search import IndexLocked, IndexUnusable, SearchIndex
from reader.core.storage import Database
from reader.core.storage import backups as backup_store
from reader.core.storage import repository as repo
from reader.core.tags import normalize_tag
from reader.core.text import context, find_folded, sha256_text, strip_tashkeel

BUILTIN_TAGS = ("company", "figure", "quote", "person")
# Colours offered to user tags in turn; distinct from the built-in four.
TAG_PALETTE = ("#b39ddb", "#4dd0e1", "#ffb74d", "#a1887f", "#f48fb1", "#aed581", "#90a4ae", "#ff8a65")
EXPORT_FORMATS = ("native", "w3c", "markdown")
CUSTOM_TAG_KEYS = ("5", "6", "7", "8", "9", "0")
_COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
# A user's own companies, extending the shipped list (same format as resources/companies.json).
COMPANIES_FILE = "companies.json"
# Tags whose annotations carry structured data (see Library.structured_data).
STRUCTURED_TAGS = ("figure", "company", "person")
MAX_UNIT_LENGTH = 16  # as the annotation file schemas say
MAX_CANONICAL_LENGTH = 200
_EDGE_PUNCTUATION = " \t\n.,،؛:!?؟\"'“”«»()[]"


@dataclass
class FigureRow:
    """One figure of the library, for the Figures view and its CSV."""

    annotation_id: str
    article_id: str
    article_title: str
    start: int
    end: int
    text: str
    value: float | None
    value_high: float | None
    unit: str | None
    context: str


@dataclass
class EntityRow:
    """A company or person and where it is highlighted."""

    tag: str  # "company" or "person"
    name: str  # the canonical name
    count: int  # highlights
    articles: list[str]  # article titles, first seen first
    spellings: list[str]  # as written in the articles


def _newer(incoming: str, local: str) -> bool:
    """Is the incoming edit strictly newer than ours? Compared as instants, not strings
    ("…T17:15+03:00" is earlier than "…T14:45Z"); an unknown time counts as oldest."""
    theirs, ours = parse_timestamp(incoming), parse_timestamp(local)
    if theirs is None:
        return False
    return ours is None or theirs > ours


class _Intervals:
    """Does [start, end) overlap any of these intervals? O(log n) per question."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []  # the furthest end among the first i+1 intervals
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.max_end.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.starts, end)  # intervals starting before `end`
        return before > 0 and self.max_end[before - 1] > start


def _writable(folder: Path) -> bool:
    """Can this process write the library in `folder` (a read-only mount, someone else's folder)?"""
    database = folder / DATABASE_NAME
    return os.access(folder, os.W_OK) and (not database.exists() or os.access(database, os.W_OK))


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass
class ImportResult:
    article: ArticleSummary
    created: bool
    reattached: int = 0  # orphan annotations that found their place in a placeholder's text


@dataclass
class ExchangeReport:
    format: str
    articles_created: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    orphans: list[str] = field(default_factory=list)


class Library:
    """One user's library in one data folder."""

    def __init__(self, folder: Path, *, read_only: bool = False) -> None:
        self.folder = folder
        # Nothing is written (database, index, backups); set when the folder or the database
        # cannot be written, or asked for. Settings changed meanwhile last for the session.
        self.read_only = read_only
        self._session_settings: dict[str, str] = {}
        self.db = Database(folder / DATABASE_NAME, folder / BACKUP_DIR_NAME, read_only=read_only)
        self._gazetteer = None
        # The detectors' last result, (article id, text hash) → candidates: re-filtering against
        # highlights and dismissals after each change is cheap, detecting again is not.
        self._suggested: tuple[tuple[str, str], list] | None = None
        self.gazetteer_problem: str | None = None  # why the user's companies file was not used
        self.index = SearchIndex(folder / INDEX_DIR_NAME)
        self.index_rebuilt_because: str | None = None
        self.index_behind = False  # changes saved but not yet in the index (it was locked)
        self.index_behind_because = ""
        # Set by the window: a needed rebuild is left to it (index_needs_rebuild says why)
        # instead of blocking here.
        self.rebuild_elsewhere = False
        self.index_needs_rebuild: str | None = None
        # Set by the window: called after each change instead of syncing the index here, so a
        # save costs the GUI thread no index write; a worker syncs from the journal.
        self.index_sync_elsewhere: Callable[[], None] | None = None

    @classmethod
    def open(cls, folder: str | os.PathLike[str] | None = None, *, sync_index: bool = True,
             read_only: bool | None = None) -> Library:
        """The library in `folder`; `read_only` None: read-only only if it cannot be written."""
        path = data_dir(folder)
        if read_only is None:
            read_only = not _writable(path)
        lib = cls(path, read_only=read_only)
        if read_only:
            # The index on disk may be missing or behind SQLite, and cannot be fixed here.
            lib.sync_index()
            return lib
        try:
            backup_store.daily_backup(lib.db)
        except (OSError, sqlite3.Error):
            pass  # a full disk must not stop the library opening
        if lib.setting("structured-data-pending"):
            lib._fill_structured_data()
        if sync_index:
            lib.sync_index()
        return lib

    def close(self) -> None:
        self.index.close()
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- articles ------------------------------------------------------------------------------
    def import_file(self, path: str | os.PathLike[str]) -> ImportResult:
        """Import an article; the same content again returns the existing article."""
        from reader.core import importers  # selectolax, charset-normalizer: only when importing

        loaded = importers.load_file(path)
        # A file name that is not valid UTF-8 (say cp1256 from an old zip) is kept readable.
        loaded.source = loaded.source.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        sha = sha256_text(loaded.text)
        reattached = 0
        if self.read_only:  # an article already in the library still opens
            existing = repo.article_by_sha(self.db, sha)
            if existing and not existing[1]:
                return ImportResult(self._summary(existing[0].id), created=False)
            self.db._refuse_write()  # noqa: SLF001 - the same refusal as every write
        with self.db.transaction():
            existing = repo.article_by_sha(self.db, sha)
            if existing and not existing[1]:
                return ImportResult(self._summary(existing[0].id), created=False)
            if existing:  # a placeholder created by an annotations import: fill in its text
                article = replace(existing[0], title=loaded.title, text=loaded.text,
                                  source=loaded.source, format=loaded.format, imported_at=now_iso())
                repo.fill_placeholder(self.db, article)
                repo.journal_article(self.db, article.id)  # their indexed title changed
                reattached = self._reanchor_orphans(article)
            else:
                article = Article(id=str(uuid.uuid4()), title=loaded.title, text=loaded.text, sha256=sha,
                                  source=loaded.source, format=loaded.format, imported_at=now_iso())
                repo.insert_article(self.db, article)
        self._index_changed()
        return ImportResult(self._summary(article.id), created=True, reattached=reattached)

    def list_articles(self) -> list[ArticleSummary]:
        return repo.article_summaries(self.db)

    def article(self, ref: str) -> Article:
        article_id = repo.resolve_id(self.db, "articles", ref, "article")
        found = repo.article_by_id(self.db, article_id)
        assert found is not None
        return found

    def _summary(self, article_id: str) -> ArticleSummary:
        return repo.article_summaries(self.db, article_id)[0]

    def rename_article(self, ref: str, title: str) -> Article:
        title = " ".join(title.split())
        if not title:
            raise HamishError("a title cannot be empty")
        article = self.article(ref)
        with self.db.transaction():
            repo.rename_article(self.db, article.id, title)
            repo.journal_article(self.db, article.id)
        self._index_changed()
        return replace(article, title=title)

    def delete_article(self, ref: str) -> Article:
        """Delete an article and all its annotations (the GUI asks first)."""
        article = self.article(ref)
        with self.db.transaction():
            ids = [a.id for a in repo.annotations_for(self.db, article.id)]
            ids += [a.id for a in repo.annotations_for(self.db, article.id, deleted=True)]
            repo.delete_article(self.db, article.id)
            repo.journal(self.db, ids)
        self._index_changed()
        return article

    # -- tags ----------------------------------------------------------------------------------
    def tags(self) -> list[tuple[Tag, int]]:
        """Every tag with the number of live annotations using it."""
        return repo.all_tags(self.db)

    def tag_list(self) -> list[Tag]:
        """Tags in key order, without use counts."""
        return repo.tag_list(self.db)

    def add_tag(self, name: str, color: str | None = None, key: str = "") -> Tag:
        name = normalize_tag(name)
        with self.db.transaction():
            return self._ensure_tag(name, color, key)

    def _ensure_tag(self, name: str, color: str | None = None, key: str = "") -> Tag:
        existing = repo.tag_by_name(self.db, name)
        if existing:
            return existing
        if color is not None and not _COLOR_RE.match(color):
            raise InvalidAnnotation(f"colour {color!r} is not of the form #rrggbb")
        existing_tags = [t for t, _ in repo.all_tags(self.db)]
        used = {t.color.lower() for t in existing_tags}
        if color is None:
            color = next((c for c in TAG_PALETTE if c not in used), TAG_PALETTE[len(used) % len(TAG_PALETTE)])
        if not key:
            # Tags of your own get the next free number key after the built-in 1–4.
            taken = {t.key for t in existing_tags}
            key = next((k for k in CUSTOM_TAG_KEYS if k not in taken), "")
        tag = Tag(name=name, color=color, builtin=False, key=key)
        repo.insert_tag(self.db, tag)
        return tag

    # -- annotations ---------------------------------------------------------------------------
    def annotate(
        self,
        article_ref: str,
        *,
        tags: Iterable[str],
        start: int | None = None,
        end: int | None = None,
        quote: str | None = None,
        occurrence: int = 1,
        note: str = "",
        color: str | None = None,
        value: float | None = None,
        value_high: float | None = None,
        unit: str | None = None,
        canonical: str | None = None,
    ) -> Annotation:
        """Create an annotation by code-point offsets or by quote (the Nth occurrence).

        A figure's value and unit, and a company's or person's canonical name, are worked out
        from the quote unless given."""
        article = self.article(article_ref)
        text = article.text
        if quote is not None:
            start, end = self._locate_quote(text, quote, occurrence)
        if start is None or end is None:
            raise InvalidAnnotation("give either a quote or both start and end")
        if not (0 <= start < end <= len(text)):
            raise InvalidAnnotation(
                f"offsets {start}..{end} are outside the article (0 ≤ start < end ≤ {len(text)})"
            )
        tag_names = self._tag_list(tags)
        if not tag_names:
            raise InvalidAnnotation("an annotation needs at least one tag")
        stamp = now_iso()
        prefix, suffix = context(text, start, end)
        with self.db.transaction():
            tag_objs = [self._ensure_tag(t) for t in tag_names]
            ann = Annotation(
                id=str(uuid.uuid4()), article_id=article.id, start=start, end=end, quote=text[start:end],
                prefix=prefix, suffix=suffix, tags=tag_names, note=note.strip(),
                color=self._checked_color(color) or tag_objs[0].color, created_at=stamp, updated_at=stamp,
                value=value, value_high=value_high, unit=unit, canonical=canonical,
            )
            ann = self.structured_data(ann)
            repo.save_annotation(self.db, ann)
        self._index_changed()
        return ann

    @staticmethod
    def _locate_quote(text: str, quote: str, occurrence: int) -> tuple[int, int]:
        if not quote.strip():
            raise InvalidAnnotation("the quote is empty")
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(quote), text)]
        if not spans:
            # Forgive harakat, alef forms and case the way search does.
            spans = find_folded(text, quote)
        if not spans:
            raise InvalidAnnotation(f"the quote {quote!r} is not in the article")
        if not 1 <= occurrence <= len(spans):
            raise InvalidAnnotation(
                f"the quote occurs {len(spans)} time(s); occurrence must be between 1 and {len(spans)}"
            )
        return spans[occurrence - 1]

    @staticmethod
    def _checked_color(color: str | None) -> str | None:
        if color is not None and not _COLOR_RE.match(color):
            raise InvalidAnnotation(f"colour {color!r} is not of the form #rrggbb")
        return color

    @staticmethod
    def _tag_list(tags: Iterable[str]) -> list[str]:
        out: list[str] = []
        for t in tags:
            name = normalize_tag(t)
            if name not in out:
                out.append(name)
        return out

    def annotation(self, ref: str) -> Annotation:
        annotation_id = repo.resolve_id(self.db, "annotations", ref, "annotation")
        found = repo.annotation_by_id(self.db, annotation_id)
        assert found is not None
        return found

    def find_annotation(self, annotation_id: str) -> Annotation | None:
        """This annotation as stored (in the trash too), or None when it does not exist."""
        return repo.annotation_by_id(self.db, annotation_id)

    def annotations(self, article_ref: str | None = None) -> list[Annotation]:
        """Live annotations (not in the trash), in text order per article."""
        article_id = self.article(article_ref).id if article_ref else None
        return repo.annotations_for(self.db, article_id)

    def trash(self) -> list[Annotation]:
        return repo.annotations_for(self.db, deleted=True)

    def orphans(self) -> list[Annotation]:
        return repo.annotations_for(self.db, orphans_only=True)

    def edit_annotation(
        self,
        ref: str,
        *,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
        set_tags: Iterable[str] | None = None,
        note: str | None = None,
        color: str | None = None,
        value: float | None = None,
        value_high: float | None = None,
        unit: str | None = None,
        canonical: str | None = None,
    ) -> Annotation:
        """Change tags, note, colour, or structured data (None: unchanged)."""
        ann = self.annotation(ref)
        tags = self._tag_list(set_tags) if set_tags is not None else list(ann.tags)
        for t in self._tag_list(add_tags):
            if t not in tags:
                tags.append(t)
        removed = set(self._tag_list(remove_tags))
        unknown = removed - set(tags)
        if unknown:
            raise InvalidAnnotation(f"the annotation has no tag {sorted(unknown)[0]!r}")
        tags = [t for t in tags if t not in removed]
        if not tags:
            raise InvalidAnnotation("an annotation needs at least one tag; add another before removing the last")
        with self.db.transaction():
            tag_objs = [self._ensure_tag(t) for t in tags]
            new_color = self._checked_color(color)
            if new_color is None:
                # Colour follows the first tag unless the user chose one explicitly.
                old_first = repo.tag_by_name(self.db, ann.tags[0]) if ann.tags else None
                follows_tag = old_first is None or ann.color == old_first.color or not ann.color
                new_color = tag_objs[0].color if follows_tag else ann.color
            updated = replace(
                ann, tags=tags, note=ann.note if note is None else note.strip(), color=new_color,
                updated_at=now_iso(),
                value=ann.value if value is None else value,
                value_high=ann.value_high if value_high is None and value is None else value_high,
                unit=ann.unit if unit is None else unit,
                canonical=ann.canonical if canonical is None else canonical.strip() or None,
            )
            updated = self.structured_data(updated)
            repo.save_annotation(self.db, updated)
        self._index_changed()
        return updated

    def delete_annotation(self, ref: str) -> Annotation:
        """Move to the trash (restorable)."""
        ann = self.annotation(ref)
        if ann.deleted_at:
            return ann
        stamp = now_iso()
        updated = replace(ann, deleted_at=stamp, updated_at=stamp)
        with self.db.transaction():
            repo.save_annotation(self.db, updated)
        self._index_changed()
        return updated

    def restore_annotation(self, ref: str) -> Annotation:
        ann = self.annotation(ref)
        if not ann.deleted_at:
            return ann
        updated = replace(ann, deleted_at=None, updated_at=now_iso())
        with self.db.transaction():
            repo.save_annotation(self.db, updated)
        self._index_changed()
        return updated

    def put_annotation(self, snapshot: Annotation) -> Annotation:
        """Store this exact state of an annotation (undo/redo bring back earlier states)."""
        article = self.article(snapshot.article_id)
        if not snapshot.orphan and not (0 <= snapshot.start < snapshot.end <= len(article.text)):
            raise InvalidAnnotation("the annotation no longer fits its article")
        with self.db.transaction():
            for name in snapshot.tags:
                self._ensure_tag(name)
            repo.save_annotation(self.db, snapshot)
        self._index_changed()
        return snapshot

    def forget_annotation(self, ref: str) -> None:
        """Remove an annotation entirely, trash or not (undoing its creation)."""
        ann = self.annotation(ref)
        with self.db.transaction():
            repo.purge_annotation(self.db, ann.id)
        self._index_changed()

    def purge_annotation(self, ref: str) -> None:
        """Delete for good; only from the trash."""
        ann = self.annotation(ref)
        if not ann.deleted_at:
            raise InvalidAnnotation("only annotations in the trash can be purged; delete it first")
        with self.db.transaction():
            repo.purge_annotation(self.db, ann.id)
        self._index_changed()

    def empty_trash(self) -> int:
        trashed = self.trash()
        with self.db.transaction():
            for ann in trashed:
                repo.purge_annotation(self.db, ann.id)
        self._index_changed()
        return len(trashed)

    # -- search --------------------------------------------------------------------------------
    def sync_index(self, progress: Callable[[int], None] | None = None) -> str | None:
        """Bring the index in step with SQLite; returns why it was rebuilt, or None."""
        if self.read_only:
            return self._index_in_memory_if_needed()
        problem = self.index.problem()
        if problem and self.rebuild_elsewhere:
            # The window rebuilds in a worker with progress; changes wait in the journal.
            self.index_needs_rebuild = problem
            return None
        if problem:
            count = self.reindex(progress)
            # A new library has no index yet: nothing worth telling the user.
            if count or problem != "missing":
                self.index_rebuilt_because = problem
                return problem
            return None
        seq, ids = repo.pending_journal(self.db)
        if not ids:
            return None
        live = {doc.annotation_id: doc for doc in repo.index_docs(self.db, ids)}
        try:
            self.index.apply(live.values(), ids - live.keys())
        except (IndexLocked, StorageError) as err:
            # Another Hamish is writing the index, or it cannot be written (a lock file left by
            # another user, a full disk). The change is saved in SQLite and stays in the journal:
            # whoever syncs next applies it. Only search is behind meanwhile.
            self.index_behind = True
            self.index_behind_because = str(err)
            return None
        except IndexUnusable as err:
            # Damage that only showed on write: rebuild from SQLite, which has everything.
            self.reindex(progress)
            self.index_rebuilt_because = err.reason
            return err.reason
        with self.db.transaction():
            repo.clear_journal(self.db, seq)
        self.index_behind = False
        return None

    def _index_changed(self) -> None:
        if self.index_sync_elsewhere is not None:
            self.index_sync_elsewhere()
        else:
            self.sync_index()

    def _index_in_memory_if_needed(self) -> None:
        if self.index.in_memory:
            return None
        problem = self.index.problem()
        if problem is None and not repo.pending_journal(self.db)[1]:
            return None
        self.index.load_in_memory(repo.index_docs(self.db))
        return None

    def reindex(self, progress: Callable[[int], None] | None = None) -> int:
        """Rebuild the index from SQLite."""
        if self.read_only:
            raise StorageError(f"the library {self.folder} is read-only; its search index cannot be rebuilt")
        seq, _ = repo.pending_journal(self.db)
        count = self.index.rebuild(repo.index_docs(self.db), progress)
        with self.db.transaction():
            repo.clear_journal(self.db, seq)
        return count

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        if self.index_sync_elsewhere is not None and not self.read_only:
            self.sync_index()  # what this caller saved is found, whoever syncs usually
        try:
            return self.index.search(query, limit=limit)
        except IndexUnusable as err:
            # Whoosh has no checksums: some damage only shows while searching.
            self.reindex()
            self.index_rebuilt_because = err.reason
            return self.index.search(query, limit=limit)

    # -- exchange ------------------------------------------------------------------------------
    def _export_items(self, article_ref: str | None) -> list[ExportArticle]:
        articles = [self.article(article_ref)] if article_ref else [
            self.article(s.id) for s in self.list_articles()
        ]
        return [ExportArticle(a, repo.annotations_for(self.db, a.id)) for a in articles]

    def export(self, fmt: str = "native", article_ref: str | None = None) -> str:
        """The library (or one article) as native JSON, W3C JSON-LD or Markdown text."""
        items = self._export_items(article_ref)
        if fmt == "native":
            return json.dumps(export_native(items, now_iso()), ensure_ascii=False, indent=2) + "\n"
        if fmt == "w3c":
            return json.dumps(export_w3c(items, now_iso()), ensure_ascii=False, indent=2) + "\n"
        if fmt == "markdown":
            return export_markdown(items)
        raise HamishError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")

    def import_annotations(self, data: bytes) -> ExchangeReport:
        """Merge an annotations file by annotation id, all in one transaction."""
        fmt, incoming = read_annotations_file(data)
        report = ExchangeReport(format=fmt)
        with self.db.transaction():
            for inc in incoming:
                article = self._article_for_incoming(inc, report)
                for ann in inc.annotations:
                    self._merge_annotation(article, ann, report)
        self._index_changed()
        return report

    def _article_for_incoming(self, inc: IncomingArticle, report: ExchangeReport) -> Article:
        found = repo.article_by_id(self.db, inc.id)
        if found is None and inc.sha256:
            by_sha = repo.article_by_sha(self.db, inc.sha256)
            found = by_sha[0] if by_sha else None
        if found is None and inc.text is None:
            # A file without the article's text (another tool's, or an older copy of the
            # article): attach to the article of that source or title, if exactly one, and let
            # anchoring find each quote in the text as it is now.
            found = (inc.source and repo.unique_article_by(self.db, "source", inc.source)) or (
                inc.title and repo.unique_article_by(self.db, "title", inc.title)) or None
        if found is not None:
            if inc.text is not None and repo.is_placeholder(self.db, found.id) and (
                sha256_text(inc.text) == found.sha256
            ):
                # A placeholder whose text this file now carries.
                found = replace(found, text=inc.text, title=inc.title or found.title)
                repo.fill_placeholder(self.db, found)
                repo.journal_article(self.db, found.id)
                self._reanchor_orphans(found)
            return found
        article_id = inc.id or str(uuid.uuid4())
        text = inc.text or ""
        article = Article(
            id=article_id, title=inc.title or "(untitled)", text=text,
            sha256=sha256_text(text) if inc.text is not None else inc.sha256,
            source=inc.source, format="txt", imported_at=now_iso(),
        )
        repo.insert_article(self.db, article, placeholder=inc.text is None)
        report.articles_created += 1
        return article

    def _merge_annotation(self, article: Article, ann: Annotation, report: ExchangeReport) -> None:
        local = repo.annotation_by_id(self.db, ann.id)
        if local is not None and not _newer(ann.updated_at, local.updated_at):
            report.unchanged += 1  # ours is as new or newer: keep it
            return
        tag_names = self._tag_list(ann.tags) or ["quote"]
        for t in tag_names:
            self._ensure_tag(t)
        from reader.core import anchoring  # rapidfuzz: only when placing imported annotations

        placed = anchoring.anchor(article.text, ann.quote, ann.prefix, ann.suffix, ann.start, ann.end)
        if placed is None:
            start, end, orphan = ann.start, ann.end, True
        else:
            start, end, orphan = placed.start, placed.end, False
        merged = self.structured_data(replace(
            ann, article_id=article.id, start=start, end=end, tags=tag_names, orphan=orphan,
            deleted_at=local.deleted_at if local else None,
        ))
        if orphan:
            report.orphans.append(ann.id)
        if local is not None and local == merged:
            report.unchanged += 1
            return
        repo.save_annotation(self.db, merged)
        if local is None:
            report.added += 1
        else:
            report.updated += 1

    def _reanchor_orphans(self, article: Article) -> int:
        placed_count = 0
        for ann in repo.annotations_for(self.db, article.id, orphans_only=True):
            from reader.core import anchoring

            placed = anchoring.anchor(article.text, ann.quote, ann.prefix, ann.suffix, ann.start, ann.end)
            if placed is not None:
                repo.save_annotation(self.db, replace(ann, start=placed.start, end=placed.end, orphan=False))
                placed_count += 1
        return placed_count

    # -- structured data and suggestions -------------------------------------------------------
    @property
    def gazetteer(self):  # noqa: ANN201 - reader.core.suggest.companies.Gazetteer
        """The shipped companies list, extended by the user's `companies.json` in the data folder."""
        if self._gazetteer is None:
            from reader.core.suggest.companies import Gazetteer

            extra = self.folder / COMPANIES_FILE
            try:
                self._gazetteer = Gazetteer.load(extra if extra.is_file() else None)
            except HamishError as err:
                # A broken file of one's own must not stop highlighting: say so, use the shipped list.
                self.gazetteer_problem = str(err)
                self._gazetteer = Gazetteer.load(None)
        return self._gazetteer

    def warm_up(self) -> None:
        """Load what the first search and the first figure or company highlight need (≈ 0.3 s
        of imports — numpy and Whoosh's queries, regular expressions — and the companies list)
        ahead of time; safe to call from another thread."""
        import reader.core.search.query  # noqa: F401
        import reader.core.search.ranking  # noqa: F401
        import reader.core.suggest.figures  # noqa: F401

        try:
            self.gazetteer  # noqa: B018 - loads and keeps it
        except Exception:  # noqa: BLE001 - a warm-up must never fail; the real use reports
            pass

    def structured_data(self, ann: Annotation) -> Annotation:
        """`ann` with its structured data made consistent with its tags: a figure keeps (or gets,
        parsed from its quote) a value and unit, a company or person a canonical name; data of
        a tag it no longer has is dropped."""
        from reader.core.suggest.figures import parse_figure

        value, value_high, unit, canonical = ann.value, ann.value_high, ann.unit, ann.canonical
        for number in (value, value_high):
            if number is not None and not math.isfinite(number):
                raise InvalidAnnotation(f"a figure's value must be a finite number, not {number}")
        if unit is not None:
            unit = unit.strip()
            if not 1 <= len(unit) <= MAX_UNIT_LENGTH:
                raise InvalidAnnotation(f"a unit is 1 to {MAX_UNIT_LENGTH} characters (USD, SAR, %…)")
        if canonical is not None:
            canonical = " ".join(canonical.split()) or None
            if canonical and len(canonical) > MAX_CANONICAL_LENGTH:
                raise InvalidAnnotation(f"a canonical name is at most {MAX_CANONICAL_LENGTH} characters")
        if "figure" in ann.tags:
            if value is None or unit is None:
                parsed_value, parsed_high, parsed_unit = parse_figure(ann.quote)
                if value is None:
                    value, value_high = parsed_value, parsed_high
                # A value given for a plain count keeps no unit the text does not show.
                unit = unit if unit is not None else parsed_unit
        else:
            value = value_high = unit = None
        if "company" in ann.tags or "person" in ann.tags:
            if not canonical:
                written = " ".join(strip_tashkeel(ann.quote).split()).strip(_EDGE_PUNCTUATION)
                known = self.gazetteer.canonical(written) if "company" in ann.tags else None
                # A long passage tagged person is not a name: no canonical rather than one that
                # exports cannot carry.
                canonical = known or (written if len(written) <= MAX_CANONICAL_LENGTH else None) or None
        else:
            canonical = None
        if (value, value_high, unit, canonical) == (ann.value, ann.value_high, ann.unit, ann.canonical):
            return ann
        return replace(ann, value=value, value_high=value_high, unit=unit, canonical=canonical)

    def _fill_structured_data(self) -> None:
        """Once, after the upgrade that added structured data: fill it for older annotations."""
        with self.db.transaction():
            # The trash too: a figure restored later must come back with its value.
            for ann in repo.annotations_for(self.db) + repo.annotations_for(self.db, deleted=True):
                if set(ann.tags) & set(STRUCTURED_TAGS):
                    filled = self.structured_data(ann)
                    if filled != ann:
                        repo.save_annotation(self.db, filled)
            self.db.execute("DELETE FROM settings WHERE key = 'structured-data-pending'")

    def has_suggestions_ready(self, article_id: str, sha256: str) -> bool:
        """Whether `suggestions` can answer without running the detectors."""
        return self._suggested is not None and self._suggested[0] == (article_id, sha256)

    def remember_suggestions(self, article_id: str, sha256: str, found: list) -> None:
        """The detectors' result for an article, computed elsewhere (the window's worker)."""
        self._suggested = ((article_id, sha256), found)

    def suggestions(self, article_ref: str):  # noqa: ANN201 - list[Suggestion]
        """Candidates in an article that the reader has neither dismissed nor highlighted already
        with the same tag (overlapping counts: a hand-made `8.2 مليار` hides `8.2 مليار دولار`)."""
        from reader.core.suggest import suggest

        article = self.article(article_ref)
        if not self.has_suggestions_ready(article.id, article.sha256):
            self.remember_suggestions(article.id, article.sha256, suggest(article.text, self.gazetteer))
        dismissed = repo.dismissed_suggestions(self.db, article.id)
        live = [a for a in repo.annotations_for(self.db, article.id) if not a.orphan]
        # A span highlighted exactly, under any tag, is the reader's answer to its suggestion.
        exact = {(a.start, a.end) for a in live}
        taken = {tag: _Intervals([(a.start, a.end) for a in live if tag in a.tags])
                 for tag in {t for a in live for t in a.tags}}
        return [
            s for s in self._suggested[1]
            if (s.start, s.end, s.tag) not in dismissed and (s.start, s.end) not in exact
            and not (s.tag in taken and taken[s.tag].overlaps(s.start, s.end))
        ]

    def accept_suggestion(self, article_ref: str, suggestion) -> Annotation:  # noqa: ANN001 - Suggestion
        """The suggestion made an ordinary annotation, with its parsed value or canonical name."""
        return self.annotate(
            article_ref, start=suggestion.start, end=suggestion.end, tags=[suggestion.tag],
            value=suggestion.value, value_high=suggestion.value_high, unit=suggestion.unit,
            canonical=suggestion.canonical,
        )

    def dismiss_suggestion(self, article_ref: str, suggestion, dismissed: bool = True) -> None:  # noqa: ANN001
        """Never suggest this span with this tag in this article again (or again, when False)."""
        article = self.article(article_ref)
        with self.db.transaction():
            if dismissed:
                repo.dismiss_suggestion(self.db, article.id, suggestion.start, suggestion.end, suggestion.tag)
            else:
                repo.undismiss_suggestion(self.db, article.id, suggestion.start, suggestion.end, suggestion.tag)

    def figures(self) -> list[FigureRow]:
        """Every figure highlighted in the library, by article then position."""
        return [
            FigureRow(annotation_id=r["id"], article_id=r["article_id"], article_title=r["title"],
                      start=r["start"], end=r["end"], text=r["quote"], value=r["value"],
                      value_high=r["value_high"], unit=r["unit"],
                      context=f"{r['prefix']}{r['quote']}{r['suffix']}".replace("\n", " "))
            for r in repo.tagged_rows(self.db, "figure")
        ]

    def entities(self) -> list[EntityRow]:
        """Companies and people with how often, and in which articles, they are highlighted;
        most highlighted first."""
        rows: dict[tuple[str, str], EntityRow] = {}
        for tag in ("company", "person"):
            for r in repo.tagged_rows(self.db, tag):
                written = " ".join(r["quote"].split())
                name = r["canonical"] or written
                row = rows.setdefault((tag, name), EntityRow(tag, name, 0, [], []))
                row.count += 1
                if r["title"] not in row.articles:
                    row.articles.append(r["title"])
                if written not in row.spellings:
                    row.spellings.append(written)
        return sorted(rows.values(), key=lambda e: (-e.count, e.tag, e.name.casefold()))

    # -- backups -------------------------------------------------------------------------------
    def backup(self) -> Path:
        """A backup now (never pruned)."""
        if self.read_only:
            raise StorageError(f"the library {self.folder} is read-only; a backup cannot be written there")
        try:
            return self.db.backup("manual")
        except (OSError, sqlite3.Error) as err:
            raise StorageError(f"could not write a backup: {err}") from err

    def backups(self) -> list[backup_store.Backup]:
        return backup_store.list_backups(self.db.backup_dir)

    def restore(self, name_or_path: str) -> Path:
        """Go back to a backup (a path, or a file name from `backups()`); the current state is
        backed up first, then the index is rebuilt from the restored database."""
        self.db._refuse_write()  # noqa: SLF001 - the same refusal as every write
        path = Path(name_or_path)
        if not path.is_file():
            path = self.db.backup_dir / name_or_path
        safety = backup_store.restore_into(self.db, path)
        # An older backup may predate a schema upgrade: reopen to migrate it.
        self.db.close()
        self.db = Database(self.folder / DATABASE_NAME, self.folder / BACKUP_DIR_NAME)
        if self.setting("structured-data-pending"):
            self._fill_structured_data()
        self.reindex()
        return safety

    # -- settings ------------------------------------------------------------------------------
    def setting(self, key: str, default: str = "") -> str:
        if key in self._session_settings:
            return self._session_settings[key]
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row["value"]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        if self.read_only:
            self._session_settings[key] = value
            return
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- maintenance ---------------------------------------------------------------------------
    def check_index(self) -> tuple[set[str], set[str]]:
        """(missing from the index, ghosts in the index) compared with SQLite."""
        live = repo.live_annotation_ids(self.db)
        indexed = self.index.doc_ids()
        return live - indexed, indexed - live

    def remove_index(self) -> None:
        self.index.close()
        shutil.rmtree(self.folder / INDEX_DIR_NAME, ignore_errors=True)
