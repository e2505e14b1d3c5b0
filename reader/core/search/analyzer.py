"""Arabic-aware text analysis for search: which words a text holds and the terms each one indexes as.

This module owns the rule that decides when two spellings are "the same word" for search.
It is pure Python (no Whoosh), and the index tokenizer (`schema.py`), the query compiler
(`query.py`) and the snippet marker (`snippet.py`) all call it, so indexing, querying and
highlighting can never disagree.

A word becomes a small set of terms (usually one):

1. NFKC only when the word holds presentation forms or ligatures (PDF copy-paste), then
   case folding (`NVIDIA` → `nvidia`), stripping harakat and tatweel (`الصِّينُ`, `الصـــين`),
   and alef wasla → ا.
2. Stop words (checked with alef forms folded but ى kept, so the name علي is not the stop word على)
   index nothing.
3. Arabic words are split into candidate *bases* by removing proclitics (و ف ب ك ل ال and their
   combinations وال بال لل وبال …). A prefix is ambiguous (وزير is one word, ولد is not و+لد), so
   instead of guessing, every plausible reading is kept; a single-letter proclitic must leave at
   least 3 letters and the article at least 2, and once a group holding the article (وال بال لل…)
   leaves 3 letters, the whole word is not also read as unprefixed. A base ending in ه is also
   read as ending in ة, one ending in ي as ending in ى (common misspellings), and a possessive
   suffix (ها هم كم نا …) may be dropped. A word then matches another when any of their readings
   share a stem.
4. Each base is stemmed by Snowball Arabic *as a definite noun* (`ال` + base): its verb reading is
   what turns شركات into شركا while الشركات becomes شرك, so forcing the noun reading makes the
   bare and prefixed forms agree. News search is mostly about nouns.
5. Letters are folded after stemming (أ إ آ → ا, ة → ه, ى → ي; folding first breaks the stemmer),
   and Arabic-Indic digits become ASCII (`١٥` → `15`).

Known limits (light stemming): broken plurals are other words (عمالقة ≠ عملاق); Snowball cuts
ين/ان/ون from longer bases, so a few names share a stem with a word (لبنان and لبن). Latin words
are only case-folded.
"""
from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from reader.core.text import fold_letters, strip_tashkeel

# A word: letters/digits plus the marks that live inside Arabic words. The default `\w+` splits
# a word at every haraka (they are combining marks, not letters), so marks are listed explicitly;
# ZWNJ/ZWJ and Latin combining accents belong to words too.
_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670"
    "\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640\u200c\u200d"
)
WORD_RE = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")

_ARABIC_LETTERS = re.compile(r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
_HAS_ARABIC = re.compile(r"[\u0600-\u06ff]")
# Proclitics glued to a Latin word or a number: "وNvidia", "بـ15".
_CLITICS_BEFORE_LATIN = re.compile(r"^(?:[وفبكل]|ال)+(?=[^\u0600-\u06ff])")
_ALEF_ONLY = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# Alef wasla is folded before proclitics are read ("ٱلصين" starts with the article); the
# stemmer normalises the hamza forms itself, so they are folded after it (fact 5).
_WASLA = str.maketrans({"ٱ": "ا"})

# (proclitic, shortest base it may leave). Longest first only for readability: all are tried.
_PROCLITICS: tuple[tuple[str, int], ...] = (
    ("وبال", 3), ("وكال", 3), ("فبال", 3), ("فكال", 3), ("ولل", 3), ("فلل", 3),
    ("وال", 3), ("فال", 3), ("بال", 3), ("كال", 3),
    ("لل", 2), ("ال", 2),
    ("وب", 3), ("وك", 3), ("ول", 3), ("فب", 3), ("فك", 3), ("فل", 3),
    ("و", 3), ("ف", 3), ("ب", 3), ("ك", 3), ("ل", 3),
)
_WITH_ARTICLE = frozenset(p for p, _ in _PROCLITICS if p.endswith("ال") or p.endswith("لل"))
_POSSESSIVES = ("هما", "كما", "هم", "هن", "كم", "ها", "نا")

# Small on purpose: prepositions, pronouns, demonstratives, relatives and particles. Written with
# alef forms folded (the form `_stop_form` compares), and also listed with و/ف attached below.
_STOP_BASE = """
في من على الى عن ان الا لا لم لن ما ماذا قد ثم او ام بل مع بين حتى بعد قبل عند عندما كل بعض غير
لكن كما اذا اذ اي ايضا مثل منذ لدى حيث هناك هنا كي لكي لان سوف نحو خلال ضد دون حول تحت فوق ليس
ليست يا كذلك هكذا التي الذي الذين اللذان اللتان اللاتي اللواتي هذا هذه هذان هاتان هولاء هؤلاء ذلك
تلك اولئك هو هي هم هما هن انا نحن انت انتم عليه عليها عليهم منه منها منهم فيه فيها فيهم له لها لهم
به بها بهم عنه عنها عنهم اليه اليها اليهم لديه لديها لديهم معه معها معهم بينما التى الى
""".split()
STOP_WORDS: frozenset[str] = frozenset(
    _STOP_BASE + ["و" + w for w in _STOP_BASE] + ["ف" + w for w in _STOP_BASE]
)

_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff\uff00-\uffef]")


def iter_words(text: str) -> Iterator[tuple[str, int, int]]:
    """Every word of `text` as (word, start, end), offsets in code points; harakat stay inside."""
    for match in WORD_RE.finditer(text):
        yield match.group(0), match.start(), match.end()


def normalize_word(word: str) -> str:
    """Case-folded, harakat/tatweel/joiners removed; presentation forms decomposed."""
    if _PRESENTATION_FORMS.search(word):
        word = unicodedata.normalize("NFKC", word)
    word = strip_tashkeel(word.casefold()).translate(_WASLA)
    return word.replace("\u200c", "").replace("\u200d", "")


def _stop_form(word: str) -> str:
    return word.translate(_ALEF_ONLY)


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    # Imported on first use: the snowballstemmer package loads every language (~30 ms).
    from snowballstemmer.arabic_stemmer import ArabicStemmer

    return ArabicStemmer()


# A Snowball stemmer keeps its working word in the object: two threads stemming at once (a
# rebuild worker, the index sync worker, a search) garbled each other's stems or raised
# IndexError, and the cache below then kept a wrong stem for good.
_STEMMER_LOCK = threading.Lock()


@lru_cache(maxsize=65536)
def _stem_base(base: str) -> str:
    """Snowball Arabic stem of a base read as a definite noun, letters folded afterwards."""
    definite = base if base.startswith("ال") else "ال" + base
    with _STEMMER_LOCK:
        stem = _stemmer().stemWord(definite)
    if stem.startswith("ال") and len(stem) > 2:
        # The stemmer leaves the article on short bases (it only strips it from 5+ letters).
        stem = stem[2:]
    return fold_letters(stem)


def _bases(word: str) -> list[str]:
    """Every plausible reading of `word` with its proclitics removed, the surest first."""
    bases: list[str] = []
    confident_article = False
    for prefix, shortest in _PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= shortest:
            base = word[len(prefix):]
            # و + "بالشركات" is the same reading as وبال + "شركات", minus the stemmer's help.
            if not _starts_with_sure_article(base):
                bases.append(base)
            if prefix in _WITH_ARTICLE and len(word) - len(prefix) >= 3:
                confident_article = True
    # "بالشركة" read as one unprefixed word only adds a junk stem; "الدم" or "ولد" keep it.
    if not confident_article:
        bases.append(word)
    return bases


def _starts_with_sure_article(base: str) -> bool:
    """Begins with a proclitic group holding the article (بال, لل, وال…), not bare ال
    (which the stemmer reads itself), and leaves at least 3 letters."""
    return any(
        base.startswith(p) and len(base) - len(p) >= 3 for p in _WITH_ARTICLE if p != "ال"
    )


def _spellings(base: str) -> list[str]:
    """The base plus the readings that undo common misspellings and possessive suffixes."""
    out = [base]
    if base.endswith("ه") and len(base) >= 3:
        out.append(base[:-1] + "ة")
    elif base.endswith("ي") and len(base) >= 3:
        out.append(base[:-1] + "ى")
    if base.endswith("ته") and len(base) >= 4:
        out.append(base[:-2] + "ة")  # شركته (his company): ة turns into ت before a suffix
    for suffix in _POSSESSIVES:
        if base.endswith(suffix) and len(base) - len(suffix) >= 3:
            rest = base[: -len(suffix)]
            out.append(rest)
            if rest.endswith("ت"):
                out.append(rest[:-1] + "ة")  # شركتها → شركة
            break
    return out


@lru_cache(maxsize=262144)
def word_terms(word: str) -> tuple[str, ...]:
    """The index terms of one word as it appears in text (any case, harakat, tatweel…).

    Empty for stop words and for lone Arabic letters (a proclitic cut off by a tatweel: "لـ").
    """
    norm = normalize_word(word)
    if not norm or _stop_form(norm) in STOP_WORDS:
        return ()
    if not _ARABIC_LETTERS.fullmatch(norm):
        if _HAS_ARABIC.search(norm):
            norm = _CLITICS_BEFORE_LATIN.sub("", norm)
            if not norm:
                return ()
        return (fold_letters(norm),)
    if len(norm) < 2:
        return ()
    terms: dict[str, None] = {}
    for base in _bases(norm):
        for spelling in _spellings(base):
            stem = _stem_base(spelling)
            if stem:
                terms[stem] = None
    return tuple(terms)


def text_terms(text: str) -> list[tuple[str, ...]]:
    """`word_terms` of each word of `text` that is not a stop word, in order."""
    out = []
    for word, _, _ in iter_words(text):
        terms = word_terms(word)
        if terms:
            out.append(terms)
    return out


@lru_cache(maxsize=4096)
def prefix_terms(word: str) -> tuple[str, ...]:
    """Term prefixes a `word*` query looks for; each has at least 2 characters.

    The typed letters are normalised and folded like indexed terms, with each proclitic reading
    (`الشر*` looks for `شر`); a whole word typed before the `*` is also stemmed, so `شركة*`
    finds the stem `شرك` of شركات.
    """
    norm = normalize_word(word)
    if not norm:
        return ()
    if not _ARABIC_LETTERS.fullmatch(norm):
        if _HAS_ARABIC.search(norm):
            norm = _CLITICS_BEFORE_LATIN.sub("", norm)
        candidates = [fold_letters(norm)]
    else:
        candidates = []
        for base in _bases(norm):
            candidates.append(fold_letters(base))
            # A prefix ending in ة or ات is a whole word whose indexed stem lost that ending;
            # stemming any other prefix would loosen it (أمري* must not find أمر).
            if len(base) >= 3 and base.endswith(("ة", "ات")):
                candidates.append(_stem_base(base))
    out: dict[str, None] = {}
    for candidate in candidates:
        if len(candidate) >= 2:
            out[candidate] = None
    return tuple(out)


def tag_key(name: str) -> str:
    """How a tag name is indexed and queried: as stored (`reader.core.tags.normalize_tag`:
    lower case, spaces as '-'), so `tag:"China Tech"` finds the tag stored as china-tech."""
    return "-".join(unicodedata.normalize("NFC", name).casefold().split())
