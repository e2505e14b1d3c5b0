"""Qt's visual order of every screen line equals the Unicode Bidirectional Algorithm's.

`reader.ui.layout_probe` reads the order from Qt's glyphs; `bidi_oracle` computes it from
python-bidi with levels resolved over the whole paragraph and the paragraph direction Hamish
chose. Zero-width format characters (LRM, RLM, ZWJ, ZWNJ: general category Cf) have no ink and
no advance, so their place among the others cannot be seen; UAX #9 even removes most of them
(rule X9). The comparison leaves them out; the probe must still report each exactly once.
"""
from __future__ import annotations

import itertools
import json
import unicodedata

import pytest
from bidi_oracle import display, paragraph_levels

from reader.ui.layout_probe import LineLayout, probe_text, to_json

WIDTHS = (280, 420, 700, 1100)
NARROW_WIDTHS = (40, 70, 110, 160, 240, 400, 2000)


def shown(text: str, indices: list[int]) -> str:
    return "".join(text[i] for i in indices)


def visible(text: str, indices: list[int]) -> list[int]:
    return [i for i in indices if unicodedata.category(text[i]) != "Cf"]


def assert_lines_match_oracle(text: str, lines: list[LineLayout]) -> None:
    """Every line: a permutation of its range, the ranges tile each paragraph, and the order
    of its visible characters is the oracle's."""
    paragraphs = text.split("\n")
    starts = [0]
    for paragraph in paragraphs:
        starts.append(starts[-1] + len(paragraph) + 1)
    by_paragraph: dict[int, list[LineLayout]] = {}
    for line in lines:
        by_paragraph.setdefault(line.paragraph, []).append(line)
    assert sorted(by_paragraph) == list(range(len(paragraphs)))
    for number, paragraph in enumerate(paragraphs):
        base = starts[number]
        own = by_paragraph[number]
        # The lines tile the paragraph, top to bottom.
        assert own[0].start == base
        assert own[-1].end == base + len(paragraph)
        for above, below in itertools.pairwise(own):
            assert above.end == below.start
        levels = paragraph_levels(paragraph, own[0].rtl)
        for line in own:
            assert line.rtl == own[0].rtl
            assert sorted(line.visual) == list(range(line.start, line.end)), "each character once"
            expected = [base + i for i in levels.visual_order(line.start - base, line.end - base)]
            assert visible(text, line.visual) == visible(text, expected), (
                f"paragraph {number}, line {line.start}–{line.end}: "
                f"Qt {shown(text, line.visual)!r}, UAX #9 {shown(text, expected)!r}"
            )


# --- the reference article -------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS)
def test_every_line_of_the_sample_article_is_in_bidi_order(sample_text, article_font, width):
    lines = probe_text(sample_text, width, article_font)
    assert len(lines) > sample_text.count("\n") + 1, "the article wraps at this width"
    assert_lines_match_oracle(sample_text, lines)


def test_sample_article_paragraph_directions(sample_text, article_font):
    lines = probe_text(sample_text, 700, article_font)
    first = {line.paragraph: line.rtl for line in reversed(lines)}
    # "بكين توتر على nvidia." and every other paragraph are Arabic.
    assert all(first.values())


# --- mixed cases ------------------------------------------------------------------------

MIXED = {
    "latin first": "Nvidia أعلنت عن أرباح بلغت 8.2 مليار دولار في الربع الثاني من العام",
    "numbers": "بلغت المبيعات 8.2 مليار دولار وارتفعت الأسهم 15 ٪ و 3.5% في يوم واحد",
    "curly quotes": "وقال متحدث باسم الشركة “لقد وصلت المنافسة بلا شك” للصحفيين أمس",
    "parentheses": "قالت الشركة (Nvidia) إن الرقائق (H20) متاحة [الآن] {للجميع} وNvidia (H20) أعلنت",
    "harakat and lam-alef": "لا، الأَمْرِيكِيَّةُ لَا تُزْعَمُ أنّها لا تُرِيدُ الصِّينِيَّةَ إِلَّا قَلِيلًا",
    "astral": "😀 أهلا 😀 بكم في 𝐀𝐁 العالم 👍🏽 نعم x😀y أ😀ب 𝕏",
    "english in arabic": "The company said on Thursday that it would resume sales of H20 chips.",
    "digits only": "2025 / 08 / 14 - 3.5",
    "arabic digits": "٢٠٢٥ و١٥٪ و٣٫٥ مليار",
    "tabs": "كلمة\tكلمة  Nvidia\tH20 كلمة Nvidia  \tH20",
    "zero width": "أهلا\u200c بكم\u200c وأيضا\u200d ب a\u200db \u200fx\u200e ج",
    "trailing spaces": "أهلا Nvidia   ",
    "trailing spaces rtl": "كلمة عربية طويلة Nvidia   ",
    "no-break space": "كلمة عربية Nvidia\u00a0 Intel AMD كلمة عربية أخرى",
}


@pytest.mark.parametrize("width", NARROW_WIDTHS)
@pytest.mark.parametrize("name", sorted(MIXED))
def test_mixed_paragraph_in_an_arabic_article_is_in_bidi_order(article_font, name, width):
    # The Arabic paragraphs around make the article right to left (digits-only paragraphs
    # follow it) and put astral characters before the tested one (code points ≠ Qt positions).
    text = "\n".join(["مقدمة 😀 المقال", MIXED[name], "خاتمة المقال"])
    lines = probe_text(text, width, article_font)
    assert_lines_match_oracle(text, lines)


def test_paragraph_directions_are_hamishs_not_first_strong(article_font):
    # An Arabic article (by its letters) with an English paragraph and a digits-only one.
    text = "\n".join([MIXED["latin first"], MIXED["english in arabic"], MIXED["digits only"],
                      MIXED["harakat and lam-alef"], MIXED["curly quotes"]])
    lines = probe_text(text, 2000, article_font)
    assert [line.rtl for line in lines] == [True, False, True, True, True]
    # "Nvidia" opens the Arabic paragraph, so it is at its right end, in reading order.
    nvidia = list(range(6))
    assert lines[0].visual[-6:] == nvidia


def test_a_number_wrapped_to_a_line_start_keeps_its_arabic_context(article_font):
    """W2 looks back across the line break: after an Arabic word, "3.5" is an Arabic number and
    the % that follows it goes to its left. Resolving the line alone would show "3.5%"."""
    text = "ارتفعت أسهم الشركة بنسبة 3.5% بعد الإعلان عن النتائج"
    number = text.index("3.5%")
    found = None
    for width in range(60, 400, 2):
        for line in probe_text(text, width, article_font):
            if line.start == number and line.end >= number + 4:
                found = line
                break
        if found:
            break
    assert found is not None, "no width puts 3.5% at a line start"
    assert "%3.5" in shown(text, found.visual)
    assert_lines_match_oracle(text, probe_text(text, width, article_font))
    alone = text[found.start : found.end]
    assert "3.5%" in shown(alone, paragraph_levels(alone, True).visual_order(0, len(alone)))


def test_mirrored_brackets_keep_their_indices(article_font):
    text = "قالت الشركة (Nvidia) إن"
    (line,) = probe_text(text, 2000, article_font)
    opening, closing = text.index("("), text.index(")")
    order = line.visual
    # Right to left: the logical ")" is drawn as "(" on the left of "Nvidia".
    assert order.index(closing) < order.index(text.index("N")) < order.index(opening)


def test_astral_characters_are_one_index_each(article_font):
    text = "😀😀 الصين 👍🏽 Nvidia"
    (line,) = probe_text(text, 2000, article_font)
    assert (line.start, line.end) == (0, len(text))
    assert sorted(line.visual) == list(range(len(text)))


def test_oracle_agrees_with_python_bidi_on_one_line_paragraphs(sample_text):
    for paragraph in sample_text.split("\n") + list(MIXED.values()):
        for rtl in (True, False):
            levels = paragraph_levels(paragraph, rtl)
            order = levels.visual_order(0, len(paragraph))
            assert shown(paragraph, order) == display(paragraph, rtl)


def test_to_json_has_exactly_the_documented_keys(article_font):
    text = "Nvidia أعلنت اليوم\nhello 😀"
    lines = probe_text(text, 2000, article_font)
    data = json.loads(json.dumps(to_json(2000, lines)))
    assert set(data) == {"width", "lines"}
    assert data["width"] == 2000
    keys = {"paragraph", "rtl", "start", "end", "visual"}
    assert [set(line) for line in data["lines"]] == [keys, keys]
    assert data["lines"][0] == {"paragraph": 0, "rtl": True, "start": 0, "end": 18,
                                "visual": lines[0].visual}
    assert data["lines"][1]["start"] == 19 and data["lines"][1]["end"] == len(text)
    assert data["lines"][1]["visual"] == list(range(19, len(text)))
