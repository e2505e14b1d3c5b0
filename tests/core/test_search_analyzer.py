"""Arabic-aware search: one row per spelling rule, checked through a real index, plus the analyzer.

Each row of `RULES` indexes a quote and searches for a query; the row's annotation must be found
(or not). All rows share one index, and a row only looks at its own annotation.
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.models import IndexDoc
from reader.core.search import SearchIndex
from reader.core.search.analyzer import iter_words, prefix_terms, word_terms
from reader.core.text import strip_tashkeel

COMPANY_FORMS = ["الشركات", "شركة", "والشركة", "للشركة", "بالشركة"]

RULES: list[tuple[str, str, str, bool]] = [
    # (rule, indexed quote, query, should match)
    ("harakat in text", "تبدو الصِّينُ متضاربة", "الصين", True),
    ("harakat in query", "تبدو الصين متضاربة", "الصِّينُ", True),
    ("shadda and sukun", "أكَّدت البلادْ", "اكدت البلاد", True),
    ("tatweel in text", "تبدو الصـــين متضاربة", "الصين", True),
    ("tatweel in query", "تبدو الصين متضاربة", "الصـين", True),
    ("alef hamza above", "من أكبر أسواق Nvidia", "اكبر", True),
    ("alef hamza below", "إدارة ترامب", "ادارة", True),
    ("alef madda", "في آسيا", "اسيا", True),
    ("bare alef finds hamza", "في اسيا", "آسيا", True),
    ("alef wasla", "ٱلصين تتجه", "الصين", True),
    ("alef inside a word", "قيود الصادرات الأمريكية", "الامريكية", True),
    ("ta marbuta written as ha", "مدرسة جديدة", "مدرسه", True),
    ("ha written for ta marbuta", "المدرسه الجديدة", "المدرسة", True),
    ("alef maqsura in text", "مستشفى المدينة", "مستشفي", True),
    ("ya for alef maqsura in text", "مستشفي المدينة", "مستشفى", True),
    ("arabic-indic digits in text", "تخفيضًا بنسبة ١٥ ٪ من جميع الإيرادات", "15", True),
    ("arabic-indic digits in query", "تخفيضًا بنسبة 15 ٪ من جميع الإيرادات", "١٥", True),
    ("extended arabic-indic digits", "بنسبة ۱۵ ٪", "15", True),
    ("latin lower finds upper", "شراء رقائق NVIDIA التي", "nvidia", True),
    ("latin upper finds mixed", "من أكبر أسواق Nvidia", "NVIDIA", True),
    ("digits inside a latin word", "رقائق H20 من Nvidia", "h٢٠", True),
    ("proclitic on a latin name", "وNvidia أعلنت", "nvidia", True),
    ("presentation forms (pdf copy)", "ﺍﻟﺼﻴﻦ", "الصين", True),
    ("possessive suffix", "مبيعاتها في الصين", "المبيعات", True),
    ("ta marbuta before a suffix", "شركته الجديدة", "الشركة", True),
    ("the sample's ة before a suffix", "قرارات سياسةها التجارية", "سياسة", True),
    ("plural and singular", "عمالقة التكنولوجيا", "عملاق", False),  # broken plural: not a light stemmer's job
    ("sound plural", "المسؤولين الصينيين", "مسؤول", True),
    ("nisba adjective", "التنمية الصينية تتجه", "الصين", True),
    # negatives: nothing matches just because it is Arabic
    ("unrelated word", "رقائق NVIDIA التي", "الصين", False),
    ("one letter apart", "الشركات الصينية", "شرطة", False),
    ("lam-dal is not و + لد", "ولد صغير", "لد", False),
    ("bint is not ب + نت", "بنت صغيرة", "نت", False),
    ("a near word is another word", "رقائق Nvidia", "رقيق", False),
    ("stop word finds nothing", "في الصين", "في", False),
    ("ala is a stop word", "على رقائق Nvidia", "على", False),
    ("the name Ali is not the stop word", "قال علي", "علي", True),
    ("latin is not stemmed into another word", "Alibaba و Baidu", "alibab", False),
]
RULES += [
    (f"{a} finds {b}", f"تثبيط {a} المحلية", b, True)
    for a, b in itertools.product(COMPANY_FORMS, COMPANY_FORMS)
]


@pytest.fixture(scope="module")
def rules_index(tmp_path_factory: pytest.TempPathFactory) -> SearchIndex:
    index = SearchIndex(tmp_path_factory.mktemp("rules") / "index")
    docs = [
        IndexDoc(f"rule-{i}", "a1", "", quote, "", [], 0, len(quote))
        for i, (_, quote, _, _) in enumerate(RULES)
    ]
    index.rebuild(docs)
    yield index
    index.close()


@pytest.mark.parametrize(
    ("row", "quote", "query", "should_match"),
    [(i, q, k, m) for i, (_, q, k, m) in enumerate(RULES)],
    ids=[rule for rule, _, _, _ in RULES],
)
def test_arabic_spelling_rule(
    rules_index: SearchIndex, row: int, quote: str, query: str, should_match: bool
) -> None:
    found = {hit.annotation_id for hit in rules_index.search(query, limit=1000)}
    assert (f"rule-{row}" in found) == should_match


def test_harakat_stay_inside_words() -> None:
    # Python's \w+ splits "الصِّينُ" at its marks; the search tokenizer must not.
    assert re.findall(r"\w+", "الصِّينُ") != ["الصِّينُ"]
    assert list(iter_words("تبدو الصِّينُ، و NVIDIA")) == [
        ("تبدو", 0, 4), ("الصِّينُ", 5, 13), ("و", 15, 16), ("NVIDIA", 17, 23)
    ]


def test_short_words_are_not_stripped_to_two_letters() -> None:
    # A proclitic plus two letters is a word of its own: ولد, بنت, لبن keep every letter.
    for word in ("ولد", "بنت", "لبن", "فقط"):
        assert word_terms(word) == (word,)


def test_a_sure_article_leaves_a_single_reading() -> None:
    # With ال in front there is no doubt about the proclitics: no extra (junk) readings.
    for word in ("الشركات", "والشركة", "بالشركة", "وبالشركات", "فالشركة"):
        assert word_terms(word) == ("شرك",), word
    # Without it, a doubtful proclitic keeps both readings: وزير (minister) is not و + زير.
    assert set(word_terms("وزير")) >= set(word_terms("الوزير"))


def test_stop_words_and_cut_off_proclitics_index_nothing() -> None:
    for word in ("في", "من", "على", "إلى", "عن", "أن", "إن", "التي", "الذي", "وفي", "لـ"):
        assert word_terms(word) == (), word
    assert word_terms("علي") != ()


def test_prefix_terms_are_folded_and_need_two_letters() -> None:
    assert "شرك" in prefix_terms("الشرك")
    assert prefix_terms("NVid") == ("nvid",)
    assert prefix_terms("أمري") == ("امري",)
    assert "شرك" in prefix_terms("شركات") and "شرك" in prefix_terms("شركة")
    assert prefix_terms("ش") == ()


SAMPLE_WORDS = sorted(
    {w for w, _, _ in iter_words(Path(__file__).resolve().parents[2].joinpath(
        "resources", "samples", "nvidia-china.ar.txt").read_text(encoding="utf-8"))}
)
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(SAMPLE_WORDS),
    st.lists(st.tuples(st.integers(0, 30), st.sampled_from(HARAKAT)), max_size=4),
)
def test_harakat_and_tatweel_never_change_a_words_terms(word: str, marks: list[tuple[int, str]]) -> None:
    decorated = word
    for pos, mark in marks:
        pos = min(pos, len(decorated))
        # Marks follow a letter; one at the very start is not part of the word.
        decorated = decorated[: max(pos, 1)] + mark + decorated[max(pos, 1):]
    assert word_terms(decorated) == word_terms(word)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_gives_clean_terms(text: str) -> None:
    for word, start, end in iter_words(text):
        assert text[start:end] == word
        for term in word_terms(word):
            assert term and term == strip_tashkeel(term) and term == term.casefold()


def test_stems_are_the_same_when_threads_stem_at_once() -> None:
    # Snowball's stemmer object is not thread-safe: a rebuild worker, the index sync and a
    # search stemming at the same moment garbled each other's words (and the cache kept them).
    import sys
    import threading

    from reader.core.resources import sample_article_path
    from reader.core.search import analyzer

    sample = sample_article_path().read_text(encoding="utf-8")
    words = sorted({w for w in re.findall(r"[\u0621-\u064a]{4,}", sample)})[:400]
    assert len(words) > 200
    analyzer._stem_base.cache_clear()
    expected = {w: analyzer._stem_base(w) for w in words}
    results: dict[int, dict[str, str]] = {}
    errors: list[BaseException] = []

    def stem_all(n: int) -> None:
        try:
            for _ in range(3):
                out = {}
                for w in words:
                    analyzer._stem_base.cache_clear()
                    out[w] = analyzer._stem_base(w)
                results.setdefault(n, {}).update(out)
                for w in words:
                    assert out[w] == expected[w], w
        except BaseException as err:  # noqa: BLE001 - reported below
            errors.append(err)

    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        threads = [threading.Thread(target=stem_all, args=(n,)) for n in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        sys.setswitchinterval(old)
        analyzer._stem_base.cache_clear()
    assert not errors, errors[:3]
