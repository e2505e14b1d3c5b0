"""Schema migrations, applied in order; migration N brings `PRAGMA user_version` to N.

Never edit a released migration: append a new one.
"""
from __future__ import annotations

_V1 = [
    """CREATE TABLE articles (
        id          TEXT PRIMARY KEY,
        title       TEXT NOT NULL,
        text        TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        source      TEXT NOT NULL DEFAULT '',
        format      TEXT NOT NULL DEFAULT 'txt',
        imported_at TEXT NOT NULL,
        -- 1 while only annotations referring to this article are known (imported from a file
        -- that did not carry its text); the text is filled in when the article is imported.
        placeholder INTEGER NOT NULL DEFAULT 0
    )""",
    "CREATE INDEX articles_sha256 ON articles(sha256)",
    """CREATE TABLE tags (
        name    TEXT PRIMARY KEY,
        color   TEXT NOT NULL,
        builtin INTEGER NOT NULL DEFAULT 0,
        key     TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE annotations (
        id         TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        quote      TEXT NOT NULL,
        prefix     TEXT NOT NULL DEFAULT '',
        suffix     TEXT NOT NULL DEFAULT '',
        note       TEXT NOT NULL DEFAULT '',
        color      TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        deleted_at TEXT,
        orphan     INTEGER NOT NULL DEFAULT 0,
        CHECK (start >= 0 AND "end" >= start)
    )""",
    "CREATE INDEX annotations_article ON annotations(article_id, start)",
    """CREATE TABLE annotation_tags (
        annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
        tag           TEXT NOT NULL REFERENCES tags(name) ON UPDATE CASCADE,
        position      INTEGER NOT NULL,
        PRIMARY KEY (annotation_id, tag)
    )""",
    "CREATE INDEX annotation_tags_tag ON annotation_tags(tag)",
    # Changes the search index has not applied yet. Written in the same transaction as the
    # change itself, emptied once the index has it: a crash in between heals at next start.
    """CREATE TABLE index_journal (
        seq           INTEGER PRIMARY KEY AUTOINCREMENT,
        annotation_id TEXT NOT NULL
    )""",
    """CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """INSERT INTO tags (name, color, builtin, key) VALUES
        ('company', '#4e9af1', 1, '1'),
        ('figure',  '#f6c343', 1, '2'),
        ('quote',   '#7bc67b', 1, '3'),
        ('person',  '#e57373', 1, '4')""",
]

# Structured data of figures and companies (issue 5), and the suggestions a reader dismissed.
_V2 = [
    "ALTER TABLE annotations ADD COLUMN value REAL",
    "ALTER TABLE annotations ADD COLUMN value_high REAL",
    "ALTER TABLE annotations ADD COLUMN unit TEXT",
    "ALTER TABLE annotations ADD COLUMN canonical TEXT",
    """CREATE TABLE dismissed_suggestions (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start      INTEGER NOT NULL,
        "end"      INTEGER NOT NULL,
        tag        TEXT NOT NULL,
        PRIMARY KEY (article_id, start, "end", tag)
    )""",
    # Filled by Library.open for annotations made before this version (needs Python rules).
    "INSERT INTO settings (key, value) SELECT 'structured-data-pending', '1'"
    " WHERE EXISTS (SELECT 1 FROM annotations)",
]

MIGRATIONS: list[list[str]] = [_V1, _V2]
