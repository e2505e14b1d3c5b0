"""Text rules: stored form, Arabic folding for find, paragraph direction of mixed text."""
from __future__ import annotations

import unicodedata

import pytest

from reader.core.text import (
    context,
    find_folded,
    fold_for_search,
    letter_direction,
    normalize_article_text,
    paragraph_directions,
)


def test_stored_form_is_nfc_with_newline_paragraphs() -> None:
    raw = "\ufeff" + unicodedata.normalize("NFD", "إدارة") + "\r\nسطر\rآخر\u2029نهاية"
    assert normalize_article_text(raw) == "إدارة\nسطر\nآخر\nنهاية"


@pytest.mark.parametrize(
    "paragraph,expected",
    [
        ("تبدو الصين متضاربة حول رقائق H20", "rtl"),
        ("Nvidia أعلنت اليوم عن رقائق جديدة للسوق الصينية", "rtl"),  # first strong char is Latin
        ("NVIDIA said the H20 chips are cleared — الصين", "ltr"),
        ("Tencent و Alibaba و Baidu", "ltr"),  # more Latin letters than Arabic
        ("8.2 — 15 ٪ (2025)", None),  # no letters: follows the article
        ("", None),
    ],
)
def test_letter_direction_weighs_letters_not_the_first_one(paragraph: str, expected: str | None) -> None:
    assert letter_direction(paragraph) == expected


def test_paragraph_without_letters_follows_the_article(sample_text: str) -> None:
    text = sample_text + "\n8.2 مليار\n2025 — 15 ٪\nThe end of an English aside."
    directions = paragraph_directions(text)
    assert directions[:-1] == ["rtl"] * (len(directions) - 1)
    assert directions[-2] == "rtl"  # digits only: the article's direction
    assert directions[-1] == "ltr"


def test_find_folded_ignores_harakat_alef_forms_digits_and_case() -> None:
    text = "قالَ الرَّئيسُ إنّ أرباح NVIDIA بلغت ١٥ ٪ في مدينةٍ"
    assert [text[a:b] for a, b in find_folded(text, "الرئيس")] == ["الرَّئيسُ"]
    assert [text[a:b] for a, b in find_folded(text, "ارباح")] == ["أرباح"]
    assert [text[a:b] for a, b in find_folded(text, "nvidia")] == ["NVIDIA"]
    assert [text[a:b] for a, b in find_folded(text, "15")] == ["١٥"]
    assert [text[a:b] for a, b in find_folded(text, "مدينه")] == ["مدينةٍ"]
    assert find_folded(text, "Samsung") == [] and find_folded(text, "  ") == []
    assert fold_for_search("الصـــين") == "الصين"


def test_find_folded_offsets_are_code_points_after_emoji() -> None:
    text = "📈📈 سهم Nvidia"
    assert find_folded(text, "nvidia") == [(7, 13)]


def test_context_is_32_code_points_each_side(sample_text: str) -> None:
    start = sample_text.index("8.2 مليار")
    prefix, suffix = context(sample_text, start, start + 9)
    assert len(prefix) == 32 and len(suffix) == 32
    assert sample_text[start - 32 : start + 9 + 32] == prefix + "8.2 مليار" + suffix
    assert context("abc", 0, 1) == ("", "bc")


def _reference_direction(text: str) -> str | None:
    """The rule spelled out per character with unicodedata (slow, obviously right).
    Tatweel is a modifier letter to Unicode but only stretches a joint: not counted."""
    text = text.replace("ـ", "")
    rtl = sum(1 for c in text if c.isalpha() and unicodedata.bidirectional(c) in ("R", "AL"))
    ltr = sum(1 for c in text if c.isalpha() and unicodedata.bidirectional(c) == "L")
    if rtl == ltr == 0:
        return None
    return "rtl" if rtl >= ltr else "ltr"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_MIXED = st.text(
    alphabet=st.sampled_from(
        list("نفيدياالشركةأإآىةـ") + list("NVIDIAnvidiaÉé") + list("שלום") + list("Привет")
        + list("0123456789٠١٢٣٪،؟.,;:-—“”«» \u064e\u0650\u0651\u0652")
    ),
    max_size=60,
)


@given(_MIXED)
@settings(max_examples=300, deadline=None)
def test_fast_direction_agrees_with_the_per_character_rule(text: str) -> None:
    assert letter_direction(text) == _reference_direction(text)
