"""Re-anchoring: finding where an annotation belongs in a text that may have changed.

An annotation stores its code-point `start`/`end`, the exact `quote` and up to 32 characters of
`prefix`/`suffix` (DESIGN.md, "Data contracts"). `anchor` tries, in order:

1. position — quote and context are still at `start`/`end`: nothing moved.
2. quote    — quote and its whole context occur verbatim elsewhere (text edited before it);
              several: the one closest to the old start.
3. scored candidates — every occurrence of the quote in a *folded* form of both texts
              (harakat and tatweel dropped; alef/ta marbuta/ya forms, digit scripts and case
              folded, so a vocalised re-import matches its bare original), or, when there is
              none, rapidfuzz's best approximate alignments of the quote and of quote + context,
              with each end refined and mapped back to code points of the real text. The best
              score wins ("quote" if the span holds the quote verbatim, else "fuzzy"); ties go
              to the candidate nearest the old start.

Each candidate's score is in [0, 1]: every stored character (quote, prefix, suffix) is one
piece of evidence, weighted by how well it matches at the candidate (folded text),

    score = min(sim_q, (|q|·sim_q + |p|·sim_p + |s|·sim_s) / (|q| + |p| + |s|))

(Levenshtein similarity for the quote, Indel for the contexts). The `min` keeps a span whose
surroundings match but whose text is something else ("Nvidia" replaced by "AMD") out. Below
`MIN_SCORE` there is no anchor and the caller keeps the annotation as an orphan: Hypothesis
re-anchors without a minimum and lands highlights on unrelated text. So a short quote (one name)
whose context is gone is an orphan even if the word occurs elsewhere — we cannot tell which
mention it was, and a wrong highlight is worse than a listed orphan — while a verbatim quote of
`LONG_QUOTE` code points that occurs once is accepted whatever happened around it. Candidates
made of the letters next to where the quote was cut out are dropped (`_without_debris`).
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

# Measured on the sample article, 1000 random word-aligned highlights of 1-10 words per case
# (four seeds): the best candidate for a highlight whose line was deleted scored at most 0.72
# (near-duplicate sentences: the article says "رقائق Nvidia التي تم بيعها إلى الصين" and
# "رقائق NVIDIA التي يتم بيعها إلى الصين"), and 0.71 when only the quote was deleted; true
# re-anchors scored 0.91-0.97 with a word inserted before the quote, 1.0 with the whole article
# vocalised, p5 0.80 with one word of a 5-10 word quote replaced (>= 98 % placed), p5 0.76 with
# a 26-character sentence inserted inside the 32-character prefix (97 % placed, the rest become
# orphans). 0.75 accepts no false candidate seen. The regression test is
# tests/core/test_anchoring.py::test_min_score_separates_true_and_false_re_anchors_on_the_sample.
MIN_SCORE = 0.75

# How far (in folded characters) the fuzzy step may move each end of an approximate match while
# refining it; a quarter of the quote covers a changed word, the cap keeps long quotes cheap.
_MAX_REFINE = 48

# Characters of each context that must meet, with nothing between, to show the quote was cut out
# of that place (see _without_debris).
_SEAM_CHARS = 16
_SEAM_SLACK = 4

# A verbatim quote this long that occurs once is the same passage whatever happened around it
# (its context may be rewritten: a moved paragraph); it scores at least this much.
LONG_QUOTE = 32
UNIQUE_LONG_QUOTE_SCORE = 0.9

# Harakat, Quranic marks, superscript alef and tatweel: dropped by the fold (as in text.py).
_DROPPED = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]")
_MARK_CHARS = "".join(
    chr(c) for c in range(0x0610, 0x06EE) if _DROPPED.fullmatch(chr(c))
)
# One-for-one replacements, so folding never changes a kept character's index. A chain of
# str.replace, not str.translate: ten times faster on a 2 MB text (9 ms against 95 ms).
_ONE_FOR_ONE = (
    ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ة", "ه"), ("ى", "ي"), ("ؤ", "و"), ("ئ", "ي"),
    *((d, str(i % 10)) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹")),
)


@dataclass
class Anchor:
    start: int
    end: int
    score: float
    method: str  # "position" | "quote" | "fuzzy"


def anchor(
    text: str,
    quote: str,
    prefix: str,
    suffix: str,
    start: int | None,
    end: int | None,
    min_score: float = MIN_SCORE,
) -> Anchor | None:
    """Where `quote` (stored with `prefix`/`suffix` at `start`/`end`) belongs in `text`, or None.

    `start`/`end` may be None, negative or out of range (unknown or stale); they then only serve
    as a tie-breaker.
    """
    found = best_anchor(text, quote, prefix, suffix, start, end)
    if found is None or found.score < min_score:
        return None
    return found


def best_anchor(
    text: str, quote: str, prefix: str, suffix: str, start: int | None, end: int | None
) -> Anchor | None:
    """The best candidate whatever its score (`anchor` applies the minimum); None if nothing
    resembles the quote at all. Exposed for diagnostics and for measuring `MIN_SCORE`."""
    if not quote:
        return None
    if (
        start is not None
        and end is not None
        and 0 <= start <= end <= len(text)
        and text[start:end] == quote
        and text[max(0, start - len(prefix)):start] == prefix
        and text[end:end + len(suffix)] == suffix
    ):
        # The context is checked too: after an edit, a short quote ("ا", "في") often finds
        # the same letters at its old offsets by chance.
        return Anchor(start, end, 1.0, "position")
    hint = start if start is not None and start >= 0 else 0

    # Fast path for "text edited elsewhere": quote and its whole context still together.
    whole = _find_all(text, prefix + quote + suffix)
    if whole:
        best = min((s + len(prefix) for s in whole), key=lambda s: (abs(s - hint), s))
        return Anchor(best, best + len(quote), 1.0, "quote")

    folded = _fold_cached(text)
    fq, fp, fs = _fold_plain(quote), _fold_plain(prefix), _fold_plain(suffix)
    if not fq:
        return None
    # Folded spans of the candidates. Verbatim occurrences of the quote are among the folded
    # ones (folding is applied to both sides), so one search finds both kinds.
    spans = {(s, s + len(fq)) for s in _find_all(folded.text, fq)}
    unique = len(spans) == 1
    if not spans:
        spans = _approximate_spans(folded.text, fq, fp, fs)
    spans = _without_debris(spans, folded.text, fq, fp, fs)

    best: tuple[float, int, int, int, str] | None = None
    for f_start, f_end in spans:
        if f_end <= f_start:
            continue
        o_start, o_end = _to_original(text, quote, folded, f_start, f_end)
        sim_q = Levenshtein.normalized_similarity(fq, folded.text[f_start:f_end])
        score = min(sim_q, _score(folded.text, f_start, f_end, fq, fp, fs, sim_q))
        if unique and len(quote) >= LONG_QUOTE:
            score = max(score, UNIQUE_LONG_QUOTE_SCORE)
        method = "quote" if text[o_start:o_end] == quote else "fuzzy"
        key = (score, -abs(o_start - hint), o_start, o_end, method)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        return None
    return Anchor(best[2], best[3], best[0], best[4])


def _find_all(text: str, needle: str) -> list[int]:
    out: list[int] = []
    pos = text.find(needle)
    while pos != -1:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


# -- folded text ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Folded:
    """A text with dropped marks removed and letters folded, plus the way back to code points."""

    text: str
    # For the i-th dropped character: how many kept characters precede it. Non-decreasing, so
    # `bisect` turns a folded index into an original one without a per-character table.
    drops_before: tuple[int, ...]

    def original(self, folded_index: int) -> int:
        """The code-point index in the original text of the folded character at `folded_index`."""
        return folded_index + bisect.bisect_right(self.drops_before, folded_index)


def _fold(text: str) -> _Folded:
    drops = [m.start() for m in _DROPPED.finditer(text)]
    kept = _DROPPED.sub("", text)
    for variant, base in _ONE_FOR_ONE:
        if variant in kept:
            kept = kept.replace(variant, base)
    lowered = kept.lower()
    # `lower` is one-for-one except for a handful of letters (İ); keep the case then.
    folded = lowered if len(lowered) == len(kept) else kept
    return _Folded(folded, tuple(d - i for i, d in enumerate(drops)))


@functools.lru_cache(maxsize=2)
def _fold_cached(text: str) -> _Folded:
    # Every annotation of an article is anchored against the same (possibly 2 MB) text: fold it
    # once. The cache key is the string itself; a hit costs one hash and an identity check.
    return _fold(text)


def _fold_plain(text: str) -> str:
    return _fold(text).text


def _to_original(text: str, quote: str, folded: _Folded, f_start: int, f_end: int) -> tuple[int, int]:
    start = folded.original(f_start)
    end = folded.original(f_end - 1) + 1
    # Harakat (and tatweel, as in "لـ") after the last letter belong to it: never cut a letter
    # from its marks.
    while end < len(text) and _is_mark(text[end]):
        end += 1
    # Marks *before* the first letter belong to the previous letter; only a quote that itself
    # starts with marks (a tatweel, say) takes as many back.
    leading = len(quote) - len(quote.lstrip(_MARK_CHARS))
    while leading and start > 0 and _is_mark(text[start - 1]):
        start -= 1
        leading -= 1
    # Nor does a highlight gain spaces at its ends that the quote did not have.
    if not quote[-1].isspace():
        while end - 1 > start and text[end - 1].isspace():
            end -= 1
    if not quote[0].isspace():
        while start < end - 1 and text[start].isspace():
            start += 1
    return start, end


def _is_mark(ch: str) -> bool:
    return ch in _MARK_CHARS or unicodedata.category(ch) == "Mn"


# -- approximate search -----------------------------------------------------------------------


def _approximate_spans(ft: str, fq: str, fp: str, fs: str) -> set[tuple[int, int]]:
    """Folded spans where the quote most likely went, once it no longer occurs verbatim.

    Two alignments, both in rapidfuzz's C++ over the whole text: the quote alone, and quote +
    context (which picks the right one of several similar passages, frequent in news).
    """
    spans: set[tuple[int, int]] = set()
    found = fuzz.partial_ratio_alignment(fq, ft)
    if found is not None and found.score > 0:
        spans.add(_refine(ft, fq, fp, fs, found.dest_start, found.dest_end))
    if fp or fs:
        found = fuzz.partial_ratio_alignment(fp + fq + fs, ft)
        if found is not None and found.score > 0:
            # Where the quote sits inside the aligned window, give or take the refinement.
            a = found.dest_start + len(fp)
            spans.add(_refine(ft, fq, fp, fs, a, min(len(ft), a + len(fq))))
    return spans


def _without_debris(spans: set[tuple[int, int]], ft: str, fq: str, fp: str, fs: str) -> set[tuple[int, int]]:
    """Drop candidates made of the text next to where the quote was cut out.

    When a quote is deleted, its prefix and suffix now meet, and letters just around that seam
    match both contexts very well: a one-word quote "لـ" would land on the "ل" of the next
    word. Where the end of the prefix runs straight into the start of the suffix, the quote is
    known to be gone from that place, and nothing within a quote's length (plus a few spaces)
    of it is kept.
    """
    left, right = fp.rstrip(), fs.lstrip()
    seam = min(len(left), len(right), _SEAM_CHARS)
    if seam < _SEAM_CHARS // 2:
        return spans  # too little context to be sure the join is not a coincidence
    left, right = left[-seam:], right[:seam]
    cuts: list[tuple[int, int]] = []
    for j in _find_all(ft, left):
        cut = after = j + seam
        # The quote usually goes with one of the spaces around it.
        while after < len(ft) and after - cut < _SEAM_SLACK and ft[after].isspace():
            after += 1
        if ft.startswith(right, after):
            cuts.append((cut, after))
    # Debris lies within a quote's length (and a few spaces) of the seam; a quote that moved
    # somewhere else, even just past its old suffix, does not.
    reach = len(fq) + _SEAM_SLACK
    return {
        (s, e) for s, e in spans
        if not any(cut - reach <= s and e <= after + reach for cut, after in cuts)
    }


def _refine(ft: str, fq: str, fp: str, fs: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends of an approximate match to where the quote's ends really are.

    partial_ratio aligns a window exactly as long as the quote, so an inserted or deleted word
    leaves one end off. Each end is tried within a small radius; Levenshtein (not Indel) so that
    a replaced letter at an end stays inside the span instead of being cut off; ties keep the
    end nearest the first guess. An end that sat between words stays between words when it can:
    edit distance alone would stop "… ذلك ، لم" at the "كلم" of "ذلك كلمة لم".
    """
    radius = min(_MAX_REFINE, max(3, len(fq) // 4))
    starts_word = not fp or _is_word_boundary(fp[-1:] + fq, 1)
    ends_word = not fs or _is_word_boundary(fq + fs[:1], len(fq))

    def similarity(s: int, e: int) -> float:
        return Levenshtein.normalized_similarity(fq, ft[s:e])

    def same_kind(options: range, at_word: bool) -> list[int]:
        kept = [i for i in options if _is_word_boundary(ft, i) == at_word]
        return kept or list(options)

    guess_start, guess_end = start, end
    first_start = max(0, guess_start - radius)
    starts = same_kind(range(first_start, min(guess_end, guess_start + radius + 1)), starts_word)
    if starts:
        start = max(starts, key=lambda s: (similarity(s, guess_end), -abs(s - guess_start)))
    last_end = min(len(ft), guess_end + radius)
    ends = same_kind(range(max(start + 1, guess_end - radius), last_end + 1), ends_word)
    if ends:
        end = max(ends, key=lambda e: (similarity(start, e), -abs(e - guess_end)))
    return start, end


def _is_word_boundary(text: str, i: int) -> bool:
    return i <= 0 or i >= len(text) or not (text[i - 1].isalnum() and text[i].isalnum())


# -- scoring ----------------------------------------------------------------------------------


def _score(text: str, start: int, end: int, quote: str, prefix: str, suffix: str, sim_q: float) -> float:
    """Evidence-weighted similarity of a candidate span and its surroundings (module docstring)."""
    weight = len(quote) * sim_q
    total = len(quote)
    if prefix:
        weight += len(prefix) * Indel.normalized_similarity(prefix, text[max(0, start - len(prefix)):start])
        total += len(prefix)
    if suffix:
        weight += len(suffix) * Indel.normalized_similarity(suffix, text[end:end + len(suffix)])
        total += len(suffix)
    return weight / total
