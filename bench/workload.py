"""The benchmark's workload, generated from the sample article's vocabulary, deterministically.

Words are drawn with the sample's own word frequencies (so a few words are very frequent and
most are rare, as in news), in sentences, paragraphs and articles. Annotations are spans of the
generated articles (1–10 words), tagged company/figure/quote/person or one of three tags of the
user's own, a second tag on some, a note on some. Everything comes from one seeded
`random.Random`, so the same arguments give the same libraries, byte for byte.

Libraries are written through `reader.core.storage.repository` inside one transaction (the
fast way in, not the user's way: the user's way is measured by the import row), and each folder
carries a manifest so `--workdir` can reuse it between runs.
"""
from __future__ import annotations

import json
import random
import re
import shutil
import sqlite3
import sys
import time
import unicodedata
import uuid
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

GENERATOR_VERSION = 1
MANIFEST = "bench-workload.json"
EDGE = " \t\n.,،؛:!?؟\"'“”«»()[]"
CUSTOM_TAGS = (("تقنية", "#b39ddb", "5"), ("اقتصاد", "#4dd0e1", "6"), ("سياسة", "#ffb74d", "7"))
TAG_COLORS = {"company": "#4e9af1", "figure": "#f6c343", "quote": "#7bc67b", "person": "#e57373",
              **{name: color for name, color, _ in CUSTOM_TAGS}}
TAG_WEIGHTS = {"quote": 30, "company": 22, "figure": 14, "person": 14, "تقنية": 8, "اقتصاد": 7, "سياسة": 5}
QUOTE_WORDS = (1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8, 10)  # words per highlight, drawn uniformly
NOTE_SHARE = 0.2
SECOND_TAG_SHARE = 0.15
# Unique words planted in the first article of each library: the save row highlights one and
# searches for it, so "found" means exactly "the new annotation is in the index".
TOKEN_PREFIX = "qzbench"
TOKENS = 40
ARABIC_WORD = re.compile("^[\u0621-\u064a]+$")
# Used only when reader's own list cannot be imported (it is being reworked meanwhile).
_FALLBACK_STOP = set("""في من على الى إلى عن ان أن إن لا لم لن ما قد ثم او أو مع بين حتى بعد قبل عند كل
بعض غير لكن كما اذا إذا اي أي ايضا أيضا مثل منذ حيث هناك هنا التي الذي الذين هذا هذه ذلك تلك هو هي هم
وقال قال كان كانت يكون وفي ومن""".split())


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


class Progress:
    """Prints `label: n of total` to stderr about every tenth of the way."""

    def __init__(self, label: str, total: int) -> None:
        self.label, self.total = label, max(total, 1)
        self.step = max(self.total // 10, 1)
        self.next = self.step
        self.started = time.perf_counter()

    def __call__(self, done: int) -> None:
        if done >= self.next or done == self.total:
            while self.next <= done:
                self.next += self.step
            elapsed = time.perf_counter() - self.started
            log(f"{self.label}: {done:,} of {self.total:,} ({elapsed:.1f} s)")


# -- vocabulary and text ----------------------------------------------------------------------


class Vocabulary:
    """The sample article's words (edge punctuation stripped) with their counts."""

    def __init__(self, text: str) -> None:
        counts = Counter(w.strip(EDGE) for w in unicodedata.normalize("NFC", text).split())
        counts.pop("", None)
        self.counts = counts
        self.words = sorted(counts, key=lambda w: (-counts[w], w))
        self.cum = list(accumulate(counts[w] for w in self.words))

    def sample(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cum, k=k)

    def content_words(self) -> list[str]:
        """Arabic words of 3+ letters that are not stop words, most frequent first."""
        stop = stop_words()
        return [w for w in self.words if ARABIC_WORD.match(w) and len(w) >= 3 and fold_alef(w) not in stop]


def stop_words() -> set[str]:
    try:
        from reader.core.search.analyzer import STOP_WORDS

        return set(STOP_WORDS) | {fold_alef(w) for w in _FALLBACK_STOP}
    except Exception:  # noqa: BLE001 - the analyzer is being reworked: fall back, never fail
        return {fold_alef(w) for w in _FALLBACK_STOP}


def fold_alef(word: str) -> str:
    return word.translate(str.maketrans("أإآ", "ااا"))


def sentence(rng: random.Random, vocab: Vocabulary) -> str:
    words = vocab.sample(rng, rng.randint(8, 24))
    for i in range(2, len(words) - 2):
        if rng.random() < 0.06:
            words[i] += " ،"
    return " ".join(words) + "."


def paragraph(rng: random.Random, vocab: Vocabulary) -> str:
    return " ".join(sentence(rng, vocab) for _ in range(rng.randint(2, 6)))


def article_text(rng: random.Random, vocab: Vocabulary, utf8_bytes: int) -> str:
    """Paragraphs (one per line) until the text is at least `utf8_bytes` long in UTF-8."""
    paragraphs, size = [], 0
    while size < utf8_bytes:
        para = paragraph(rng, vocab)
        paragraphs.append(para)
        size += len(para.encode("utf-8")) + 1
    return unicodedata.normalize("NFC", "\n".join(paragraphs))


def title(rng: random.Random, vocab: Vocabulary) -> str:
    return " ".join(vocab.sample(rng, rng.randint(4, 9)))


def plant_tokens(rng: random.Random, text: str, count: int) -> tuple[str, list[tuple[str, int, int]]]:
    """`text` with `count` unique words inserted, spread evenly; returns (text, [(token, start, end)])."""
    words = [m.start() for m in re.finditer(r"\S+", text)]
    every = max(len(words) // (count + 1), 1)
    places = [words[min((i + 1) * every, len(words) - 1)] for i in range(count)]
    out, last, spans = [], 0, []
    for i, place in enumerate(places):
        token = TOKEN_PREFIX + "".join(chr(ord("a") + d) for d in (i // 676, i // 26 % 26, i % 26))
        out.append(text[last:place])
        start = sum(len(part) for part in out)
        out.append(token + " ")
        spans.append((token, start, start + len(token)))
        last = place
    out.append(text[last:])
    return "".join(out), spans


def make_uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def stamp(seconds: int) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(1_700_000_000 + seconds)) + ".000Z"


def annotations_for(rng: random.Random, vocab: Vocabulary, article_id: str, text: str, count: int,
                    avoid: list[tuple[int, int]] = (), clock: int = 0) -> list:
    """`count` annotations on spans of `text` (none overlapping a span in `avoid`)."""
    from reader.core.models import Annotation
    from reader.core.text import context

    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    tags_pool, weights = list(TAG_WEIGHTS), list(TAG_WEIGHTS.values())
    avoid = sorted(avoid)
    out = []
    while len(out) < count:
        i = rng.randrange(len(words))
        j = min(i + rng.choice(QUOTE_WORDS) - 1, len(words) - 1)
        start, end = words[i][0], words[j][1]
        while end > start and text[end - 1] in EDGE:
            end -= 1
        while start < end and text[start] in EDGE:
            start += 1
        if end <= start:
            continue
        k = bisect_left(avoid, (start, -1))
        if any(a < end and start < b for a, b in avoid[max(k - 1, 0):k + 1]):
            continue
        tags = [rng.choices(tags_pool, weights)[0]]
        if rng.random() < SECOND_TAG_SHARE:
            second = rng.choices(tags_pool, weights)[0]
            if second not in tags:
                tags.append(second)
        note = " ".join(vocab.sample(rng, rng.randint(3, 15))) if rng.random() < NOTE_SHARE else ""
        prefix, suffix = context(text, start, end)
        when = stamp(clock + len(out))
        out.append(Annotation(
            id=make_uuid(rng), article_id=article_id, start=start, end=end, quote=text[start:end],
            prefix=prefix, suffix=suffix, tags=tags, note=note, color=TAG_COLORS[tags[0]],
            created_at=when, updated_at=when,
        ))
    return out


# -- libraries --------------------------------------------------------------------------------


def _manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _fresh(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, mode=0o700)


def _insert_tags(db) -> None:  # noqa: ANN001
    from reader.core.models import Tag
    from reader.core.storage import repository as repo

    for name, color, key in CUSTOM_TAGS:
        if repo.tag_by_name(db, name) is None:
            repo.insert_tag(db, Tag(name=name, color=color, builtin=False, key=key))


@dataclass
class SizedLibrary:
    folder: Path
    annotations: int
    articles: int
    save_article_id: str
    tokens: list[tuple[str, int, int]]  # planted unique words in the save article
    build_seconds: float | None  # None when reused from --workdir

    @property
    def db_path(self) -> Path:
        from reader.core.paths import DATABASE_NAME

        return self.folder / DATABASE_NAME


def build_library(folder: Path, vocab: Vocabulary, annotations: int, articles: int, seed: int) -> SizedLibrary:
    """A library of `articles` articles (about 5 KB each) and `annotations` annotations; reused
    when `folder` already holds the same one. Its search index is not built here."""
    wanted = {"generator": GENERATOR_VERSION, "seed": seed, "annotations": annotations, "articles": articles}
    found = _manifest(folder)
    if found and all(found.get(k) == v for k, v in wanted.items()) and (folder / "hamish.db").is_file():
        log(f"reusing the library of {annotations:,} annotations in {folder}")
        return SizedLibrary(folder, annotations, articles, found["save_article_id"],
                            [tuple(t) for t in found["tokens"]], None)
    from reader.core.models import Article
    from reader.core.services import Library
    from reader.core.storage import repository as repo
    from reader.core.text import sha256_text

    log(f"building a library of {articles:,} articles and {annotations:,} annotations in {folder}")
    _fresh(folder)
    rng = random.Random(f"{seed}:library:{annotations}:{articles}")
    started = time.perf_counter()
    progress = Progress(f"  annotations written ({annotations:,})", annotations)
    lib = Library(folder)
    written, tokens, save_article_id = 0, [], ""
    try:
        with lib.db.transaction():
            _insert_tags(lib.db)
            for n in range(articles):
                text = article_text(rng, vocab, rng.randint(4000, 12000))
                spans: list[tuple[str, int, int]] = []
                if n == 0:
                    text, spans = plant_tokens(rng, text, TOKENS)
                article = Article(id=make_uuid(rng), title=title(rng, vocab), text=text,
                                  sha256=sha256_text(text), source=f"bench-{n:05d}.txt", format="txt",
                                  imported_at=stamp(n))
                repo.insert_article(lib.db, article)
                if n == 0:
                    save_article_id, tokens = article.id, spans
                count = annotations // articles + (1 if n < annotations % articles else 0)
                for ann in annotations_for(rng, vocab, article.id, text, count,
                                           [(s, e) for _, s, e in spans], clock=written):
                    repo.save_annotation(lib.db, ann)
                    written += 1
                    progress(written)
    finally:
        lib.close()
    seconds = time.perf_counter() - started
    (folder / MANIFEST).write_text(json.dumps(
        {**wanted, "save_article_id": save_article_id, "tokens": tokens, "build_seconds": seconds},
        ensure_ascii=False), encoding="utf-8")
    return SizedLibrary(folder, annotations, articles, save_article_id, tokens, seconds)


@dataclass
class BigLibrary:
    folder: Path
    big_id: str  # the long article with its highlights
    small_id: str  # the sample article, to switch to between opens
    text_path: Path  # the long article's text, for the references
    chars: int
    utf8_bytes: int
    highlights: int


def build_big(folder: Path, vocab: Vocabulary, sample_text: str, utf8_bytes: int, highlights: int,
              seed: int) -> BigLibrary:
    """A library holding one long article (`utf8_bytes` of UTF-8) with `highlights` highlights,
    and the sample article."""
    wanted = {"generator": GENERATOR_VERSION, "seed": seed, "bytes": utf8_bytes, "highlights": highlights}
    text_path = folder / "big-article.txt"
    found = _manifest(folder)
    if found and all(found.get(k) == v for k, v in wanted.items()) and text_path.is_file():
        log(f"reusing the long article in {folder}")
        return BigLibrary(folder, found["big_id"], found["small_id"], text_path, found["chars"],
                          found["utf8_bytes"], highlights)
    from reader.core.models import Article
    from reader.core.services import Library
    from reader.core.storage import repository as repo
    from reader.core.text import normalize_article_text, sha256_text

    log(f"building a {utf8_bytes / 1e6:.1f} MB article with {highlights:,} highlights in {folder}")
    _fresh(folder)
    rng = random.Random(f"{seed}:big:{utf8_bytes}:{highlights}")
    text = article_text(rng, vocab, utf8_bytes)
    small_text = normalize_article_text(sample_text)
    lib = Library(folder)
    try:
        with lib.db.transaction():
            _insert_tags(lib.db)
            small = Article(id=make_uuid(rng), title="Nvidia (sample)", text=small_text,
                            sha256=sha256_text(small_text), source="sample.txt", imported_at=stamp(0))
            big = Article(id=make_uuid(rng), title=title(rng, vocab), text=text, sha256=sha256_text(text),
                          source="big-article.txt", imported_at=stamp(1))
            repo.insert_article(lib.db, small)
            repo.insert_article(lib.db, big)
            for ann in annotations_for(rng, vocab, big.id, text, highlights):
                repo.save_annotation(lib.db, ann)
        lib.reindex()
    finally:
        lib.close()
    text_path.write_text(text, encoding="utf-8")
    info = {**wanted, "big_id": big.id, "small_id": small.id, "chars": len(text),
            "utf8_bytes": len(text.encode("utf-8"))}
    (folder / MANIFEST).write_text(json.dumps(info), encoding="utf-8")
    return BigLibrary(folder, big.id, small.id, text_path, info["chars"], info["utf8_bytes"], highlights)


def build_cold(folder: Path) -> Path:
    """A library as after a first start: the sample article imported, its index built.
    Made afresh every run (reading positions and settings of earlier runs must not count)."""
    from reader.core.resources import sample_article_path
    from reader.core.services import Library

    _fresh(folder)
    with Library.open(folder) as lib:
        lib.import_file(sample_article_path())
    return folder


def import_files(folder: Path, vocab: Vocabulary, count: int, seed: int) -> list[Path]:
    """`count` generated .txt articles (title on the first line), about 5 KB each."""
    wanted = {"generator": GENERATOR_VERSION, "seed": seed, "files": count}
    found = _manifest(folder)
    files = [folder / f"article-{n:04d}.txt" for n in range(count)]
    if found == wanted and all(f.is_file() for f in files):
        return files
    _fresh(folder)
    rng = random.Random(f"{seed}:import:{count}")
    for path in files:
        path.write_text(title(rng, vocab) + "\n" + article_text(rng, vocab, rng.randint(4000, 12000)) + "\n",
                        encoding="utf-8")
    (folder / MANIFEST).write_text(json.dumps(wanted), encoding="utf-8")
    return files


# -- the FTS5 reference -----------------------------------------------------------------------

FTS_SCHEMA = ("CREATE VIRTUAL TABLE fts USING fts5(id UNINDEXED, quote, note, title, tags,"
              " tokenize = 'unicode61 remove_diacritics 2')")
FTS_FILL = """INSERT INTO fts (id, quote, note, title, tags)
    SELECT n.id, n.quote, n.note, a.title,
           (SELECT group_concat(t.tag, ' ') FROM lib.annotation_tags t WHERE t.annotation_id = n.id)
    FROM lib.annotations n JOIN lib.articles a ON a.id = n.article_id
    WHERE n.deleted_at IS NULL ORDER BY n.rowid"""
FTS_SEARCH = ("SELECT id, quote, note, title, snippet(fts, -1, '[', ']', '…', 16) FROM fts"
              " WHERE fts MATCH ? ORDER BY rank LIMIT ?")


def build_fts(library_db: Path, fts_db: Path) -> tuple[float, int]:
    """The same live rows (quote, note, title, tags) in an SQLite FTS5 table; (seconds, rows)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(str(fts_db) + suffix).unlink(missing_ok=True)
    conn = sqlite3.connect(str(fts_db), isolation_level=None)
    try:
        started = time.perf_counter()
        conn.execute("ATTACH DATABASE ? AS lib", (str(library_db),))
        conn.execute("BEGIN")
        conn.execute(FTS_SCHEMA)
        conn.execute(FTS_FILL)
        conn.execute("COMMIT")
        seconds = time.perf_counter() - started
        rows = conn.execute("SELECT count(*) FROM fts").fetchone()[0]
        conn.execute("DETACH DATABASE lib")
    finally:
        conn.close()
    return seconds, rows


# -- queries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Query:
    kind: str  # "1 frequent", "1 mid", "1 rare", "2 from a quote", "3 from a quote", "2 frequent+rare"
    words: tuple[str, ...]
    tag: str = ""

    @property
    def hamish(self) -> str:
        return (f"tag:{self.tag} " if self.tag else "") + " ".join(self.words)

    @property
    def fts(self) -> str:
        words = " ".join('"' + w.replace('"', '""') + '"' for w in self.words)
        expr = "{quote note title} : (" + words + ")"
        return expr + (f' AND tags : "{self.tag}"' if self.tag else "")


QUERY_TAGS = ("company", "quote", "person", "figure", CUSTOM_TAGS[0][0])


def make_queries(vocab: Vocabulary, quotes: list[str], seed: int) -> list[Query]:
    """1–3 word queries: single words by frequency class, runs of 2–3 content words taken from
    real quotes (a user searches for what they remember), and frequent+rare pairs; then each
    again with a `tag:` filter."""
    rng = random.Random(f"{seed}:queries")
    content = vocab.content_words()
    stop = stop_words()
    frequent = content[:12]
    rare = [w for w in content if vocab.counts[w] == 1] or content[-12:]
    mid = [w for w in content if w not in frequent and w not in rare] or content
    plain = [Query("1 frequent", (w,)) for w in rng.sample(frequent, min(4, len(frequent)))]
    plain += [Query("1 mid", (w,)) for w in rng.sample(mid, min(4, len(mid)))]
    plain += [Query("1 rare", (w,)) for w in rng.sample(rare, min(4, len(rare)))]
    runs: dict[int, list[tuple[str, ...]]] = {2: [], 3: []}
    for quote in quotes:
        words = [w.strip(EDGE) for w in quote.split()]
        words = [w for w in words if ARABIC_WORD.match(w) and len(w) >= 3 and fold_alef(w) not in stop]
        for n in (2, 3):
            if len(words) >= n:
                i = rng.randrange(len(words) - n + 1)
                run = tuple(words[i:i + n])
                if len(set(run)) == n:
                    runs[n].append(run)
    for n, want in ((2, 8), (3, 6)):
        picked = list(dict.fromkeys(runs[n]))
        plain += [Query(f"{n} from a quote", r) for r in rng.sample(picked, min(want, len(picked)))]
    plain += [Query("2 frequent+rare", (rng.choice(frequent), rng.choice(rare))) for _ in range(2)]
    tagged = [Query(q.kind, q.words, QUERY_TAGS[i % len(QUERY_TAGS)]) for i, q in enumerate(plain)]
    return plain + tagged


def sample_quotes(db_path: Path, count: int = 3000) -> list[str]:
    conn = sqlite3.connect(str(db_path))
    try:
        return [r[0] for r in conn.execute("SELECT quote FROM annotations ORDER BY rowid LIMIT ?", (count,))]
    finally:
        conn.close()
