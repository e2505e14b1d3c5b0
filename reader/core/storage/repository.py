"""Reading and writing rows: articles, annotations (with their tags), tags, the index journal.

Functions here do SQL only; rules (validation, colours, anchoring) live in `reader.core.services`.
Writers must be called inside `Database.transaction()`.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from reader.core.errors import Ambiguous, NotFound
from reader.core.models import Annotation, Article, ArticleSummary, IndexDoc, Tag
from reader.core.storage.db import Database

# -- articles -----------------------------------------------------------------------------------


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"], title=row["title"], text=row["text"], sha256=row["sha256"],
        source=row["source"], format=row["format"], imported_at=row["imported_at"],
        placeholder=bool(row["placeholder"]),
    )


def insert_article(db: Database, article: Article, placeholder: bool = False) -> None:
    db.execute(
        "INSERT INTO articles (id, title, text, sha256, source, format, imported_at, placeholder)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (article.id, article.title, article.text, article.sha256, article.source,
         article.format, article.imported_at, int(placeholder)),
    )


def fill_placeholder(db: Database, article: Article) -> None:
    db.execute(
        "UPDATE articles SET title = ?, text = ?, source = ?, format = ?, imported_at = ?,"
        " placeholder = 0 WHERE id = ?",
        (article.title, article.text, article.source, article.format, article.imported_at, article.id),
    )


def article_by_sha(db: Database, sha256: str) -> tuple[Article, bool] | None:
    row = db.execute("SELECT * FROM articles WHERE sha256 = ? ORDER BY placeholder LIMIT 1", (sha256,)).fetchone()
    return (_article(row), bool(row["placeholder"])) if row else None


def article_by_id(db: Database, article_id: str) -> Article | None:
    row = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    return _article(row) if row else None


def unique_article_by(db: Database, column: str, value: str) -> Article | None:
    """The one real (not placeholder) article whose `column` is `value`; None if none or several."""
    assert column in ("title", "source")
    rows = db.execute(
        f"SELECT * FROM articles WHERE {column} = ? AND placeholder = 0 LIMIT 2", (value,)
    ).fetchall()
    return _article(rows[0]) if len(rows) == 1 else None


def is_placeholder(db: Database, article_id: str) -> bool:
    row = db.execute("SELECT placeholder FROM articles WHERE id = ?", (article_id,)).fetchone()
    return bool(row and row["placeholder"])


def resolve_id(db: Database, table: str, ref: str, what: str) -> str:
    """The full id for an id or an unambiguous id prefix."""
    ref = ref.strip()
    if not ref:
        raise NotFound(f"no {what} id given")
    row = db.execute(f"SELECT id FROM {table} WHERE id = ?", (ref,)).fetchone()
    if row:
        return str(row["id"])
    escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = db.execute(
        f"SELECT id FROM {table} WHERE id LIKE ? ESCAPE '\\' LIMIT 3", (escaped + "%",)
    ).fetchall()
    if not rows:
        raise NotFound(f"no {what} with id {ref!r}")
    if len(rows) > 1:
        raise Ambiguous(f"{what} id prefix {ref!r} matches several: {', '.join(r['id'] for r in rows)}…")
    return str(rows[0]["id"])


_SUMMARY_SQL = """SELECT a.id, a.title, a.sha256, a.source, a.format, a.imported_at, length(a.text) AS length,
                  (SELECT count(*) FROM annotations n WHERE n.article_id = a.id AND n.deleted_at IS NULL)
                      AS annotation_count
           FROM articles a"""


def article_summaries(db: Database, article_id: str | None = None) -> list[ArticleSummary]:
    """Every article (or the one with `article_id`), oldest import first."""
    where, params = (" WHERE a.id = ?", (article_id,)) if article_id else ("", ())
    rows = db.execute(_SUMMARY_SQL + where + " ORDER BY a.imported_at, a.rowid", params).fetchall()
    return [ArticleSummary(**dict(row)) for row in rows]


def rename_article(db: Database, article_id: str, title: str) -> None:
    db.execute("UPDATE articles SET title = ? WHERE id = ?", (title, article_id))


def delete_article(db: Database, article_id: str) -> None:
    db.execute("DELETE FROM articles WHERE id = ?", (article_id,))


# -- annotations --------------------------------------------------------------------------------

_ANNOTATION_COLUMNS = (
    'id, article_id, start, "end", quote, prefix, suffix, note, color, created_at, updated_at,'
    " deleted_at, orphan, value, value_high, unit, canonical"
)


def _tags_for(db: Database, ids: list[str]) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {i: [] for i in ids}
    # Chunk to stay below SQLite's host-parameter limit.
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            f"SELECT annotation_id, tag FROM annotation_tags WHERE annotation_id IN ({marks})"
            " ORDER BY annotation_id, position",
            tuple(chunk),
        ):
            tags[row["annotation_id"]].append(row["tag"])
    return tags


def _annotations(db: Database, where: str, params: tuple) -> list[Annotation]:
    rows = db.execute(f"SELECT {_ANNOTATION_COLUMNS} FROM annotations {where}", params).fetchall()
    tags = _tags_for(db, [r["id"] for r in rows])
    return [
        Annotation(
            id=r["id"], article_id=r["article_id"], start=r["start"], end=r["end"], quote=r["quote"],
            prefix=r["prefix"], suffix=r["suffix"], tags=tags[r["id"]], note=r["note"],
            color=r["color"], created_at=r["created_at"], updated_at=r["updated_at"],
            deleted_at=r["deleted_at"], orphan=bool(r["orphan"]), value=r["value"],
            value_high=r["value_high"], unit=r["unit"], canonical=r["canonical"],
        )
        for r in rows
    ]


def annotation_by_id(db: Database, annotation_id: str) -> Annotation | None:
    found = _annotations(db, "WHERE id = ?", (annotation_id,))
    return found[0] if found else None


def annotations_for(
    db: Database, article_id: str | None = None, *, deleted: bool = False, orphans_only: bool = False
) -> list[Annotation]:
    clauses = ["deleted_at IS NOT NULL" if deleted else "deleted_at IS NULL"]
    params: list[object] = []
    if article_id is not None:
        clauses.append("article_id = ?")
        params.append(article_id)
    if orphans_only:
        clauses.append("orphan = 1")
    order = "ORDER BY article_id, orphan, start, \"end\" DESC, created_at, id"
    return _annotations(db, "WHERE " + " AND ".join(clauses) + " " + order, tuple(params))


def save_annotation(db: Database, a: Annotation) -> None:
    """Insert or replace an annotation and its tags, and journal it for the index."""
    db.execute(
        f"""INSERT INTO annotations ({_ANNOTATION_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
            ON CONFLICT(id) DO UPDATE SET article_id=excluded.article_id, start=excluded.start,
              "end"=excluded."end", quote=excluded.quote, prefix=excluded.prefix,
              suffix=excluded.suffix, note=excluded.note, color=excluded.color,
              created_at=excluded.created_at, updated_at=excluded.updated_at,
              deleted_at=excluded.deleted_at, orphan=excluded.orphan, value=excluded.value,
              value_high=excluded.value_high, unit=excluded.unit, canonical=excluded.canonical""",
        (a.id, a.article_id, a.start, a.end, a.quote, a.prefix, a.suffix, a.note, a.color,
         a.created_at, a.updated_at, a.deleted_at, int(a.orphan), a.value, a.value_high, a.unit,
         a.canonical),
    )
    db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", (a.id,))
    db.executemany(
        "INSERT INTO annotation_tags (annotation_id, tag, position) VALUES (?, ?, ?)",
        [(a.id, tag, i) for i, tag in enumerate(a.tags)],
    )
    journal(db, [a.id])


def purge_annotation(db: Database, annotation_id: str) -> None:
    db.execute("DELETE FROM annotations WHERE id = ?", (annotation_id,))
    journal(db, [annotation_id])


# -- tags ---------------------------------------------------------------------------------------


def all_tags(db: Database) -> list[tuple[Tag, int]]:
    rows = db.execute(
        """SELECT t.name, t.color, t.builtin, t.key,
                  (SELECT count(*) FROM annotation_tags x JOIN annotations a ON a.id = x.annotation_id
                   WHERE x.tag = t.name AND a.deleted_at IS NULL) AS uses
           FROM tags t ORDER BY t.builtin DESC, t.key = '', t.key, t.name"""
    ).fetchall()
    return [(Tag(r["name"], r["color"], bool(r["builtin"]), r["key"]), r["uses"]) for r in rows]


def tag_list(db: Database) -> list[Tag]:
    """Tags in key order, without counting their uses (what every save needs, cheaply)."""
    rows = db.execute("SELECT name, color, builtin, key FROM tags"
                      " ORDER BY builtin DESC, key = '', key, name").fetchall()
    return [Tag(r["name"], r["color"], bool(r["builtin"]), r["key"]) for r in rows]


def tag_by_name(db: Database, name: str) -> Tag | None:
    r = db.execute("SELECT name, color, builtin, key FROM tags WHERE name = ?", (name,)).fetchone()
    return Tag(r["name"], r["color"], bool(r["builtin"]), r["key"]) if r else None


def insert_tag(db: Database, tag: Tag) -> None:
    db.execute(
        "INSERT INTO tags (name, color, builtin, key) VALUES (?, ?, ?, ?)",
        (tag.name, tag.color, int(tag.builtin), tag.key),
    )


# -- index journal ------------------------------------------------------------------------------


def journal(db: Database, annotation_ids: Iterable[str]) -> None:
    db.executemany("INSERT INTO index_journal (annotation_id) VALUES (?)", [(i,) for i in annotation_ids])


def journal_article(db: Database, article_id: str) -> None:
    """Journal every annotation of an article (its title is part of their index entries)."""
    db.execute(
        "INSERT INTO index_journal (annotation_id) SELECT id FROM annotations WHERE article_id = ?",
        (article_id,),
    )


def pending_journal(db: Database) -> tuple[int, set[str]]:
    rows = db.execute("SELECT seq, annotation_id FROM index_journal ORDER BY seq").fetchall()
    if not rows:
        return 0, set()
    return rows[-1]["seq"], {r["annotation_id"] for r in rows}


def clear_journal(db: Database, up_to_seq: int | None = None) -> None:
    if up_to_seq is None:
        db.execute("DELETE FROM index_journal")
    else:
        db.execute("DELETE FROM index_journal WHERE seq <= ?", (up_to_seq,))


_DOC_SQL = """SELECT n.id, n.article_id, a.title, n.quote, n.note, n.start, n."end",
                     n.value, n.value_high, n.unit, n.canonical
              FROM annotations n JOIN articles a ON a.id = n.article_id
              WHERE n.deleted_at IS NULL"""


def index_docs(db: Database, annotation_ids: Iterable[str] | None = None) -> Iterator[IndexDoc]:
    """The search index's view of live annotations (all, or those among `annotation_ids`)."""
    if annotation_ids is None:
        # Everything (a rebuild): one pass over each table, rows as plain tuples.
        grouped: dict[str, list[tuple[int, str]]] = {}
        for annotation_id, tag, position in db.execute(
                "SELECT annotation_id, tag, position FROM annotation_tags").fetchall():
            grouped.setdefault(annotation_id, []).append((position, tag))
        tags = {key: [tag for _, tag in sorted(found)] if len(found) > 1 else [found[0][1]]
                for key, found in grouped.items()}
        rows = db.execute(_DOC_SQL + " ORDER BY n.rowid").fetchall()
        for row in rows:
            yield _index_doc(tuple(row), tags.get(row[0], []))
        return
    ids = list(annotation_ids)
    for i in range(0, len(ids), 500):
        batch = ids[i : i + 500]
        marks = ",".join("?" * len(batch))
        rows = db.execute(_DOC_SQL + f" AND n.id IN ({marks})", tuple(batch)).fetchall()
        batch_tags = _tags_for(db, [r[0] for r in rows])
        for row in rows:
            yield _index_doc(tuple(row), batch_tags[row[0]])


def _index_doc(row: tuple, names: list[str]) -> IndexDoc:
    annotation_id, article_id, title, quote, note, start, end, value, value_high, unit, canonical = row
    figure = "figure" in names
    return IndexDoc(
        annotation_id=annotation_id, article_id=article_id, article_title=title, quote=quote, note=note,
        tags=names, start=start, end=end, value=value if figure else None,
        value_high=value_high if figure else None, unit=unit if figure else None,
        company=(canonical or "") if "company" in names else "",
    )


def live_annotation_ids(db: Database) -> set[str]:
    return {r["id"] for r in db.execute("SELECT id FROM annotations WHERE deleted_at IS NULL")}


# -- suggestions and structured data ------------------------------------------------------------


def dismissed_suggestions(db: Database, article_id: str) -> set[tuple[int, int, str]]:
    rows = db.execute('SELECT start, "end", tag FROM dismissed_suggestions WHERE article_id = ?',
                      (article_id,))
    return {(r["start"], r["end"], r["tag"]) for r in rows}


def dismiss_suggestion(db: Database, article_id: str, start: int, end: int, tag: str) -> None:
    db.execute('INSERT OR IGNORE INTO dismissed_suggestions (article_id, start, "end", tag)'
               " VALUES (?, ?, ?, ?)", (article_id, start, end, tag))


def undismiss_suggestion(db: Database, article_id: str, start: int, end: int, tag: str) -> None:
    db.execute('DELETE FROM dismissed_suggestions WHERE article_id = ? AND start = ? AND "end" = ?'
               " AND tag = ?", (article_id, start, end, tag))


def tagged_rows(db: Database, tag: str) -> list[sqlite3.Row]:
    """Live, anchored annotations with `tag`, with their article's title: the data views' rows."""
    return db.execute(
        """SELECT n.id, n.article_id, a.title, n.start, n."end", n.quote, n.prefix, n.suffix,
                  n.value, n.value_high, n.unit, n.canonical
           FROM annotations n JOIN annotation_tags t ON t.annotation_id = n.id
                JOIN articles a ON a.id = n.article_id
           WHERE t.tag = ? AND n.deleted_at IS NULL AND n.orphan = 0
           ORDER BY a.title, n.start""", (tag,)).fetchall()
