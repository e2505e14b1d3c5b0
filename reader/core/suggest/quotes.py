"""Quotes: speech in quotation marks, and unmarked speech after a speech verb and a colon.

Approach
--------
Marked quotes. One pass over the quotation marks of the text pairs them with a stack that is
emptied at every paragraph end, so a quote never crosses "\\n" and an odd mark can spoil at
most its own paragraph. “ opens and ” closes, « opens and » closes (unambiguous), and a straight
" opens or closes by what surrounds it: an opener has a space, an opening bracket or a lone
clitic (و"…"، بـ"…") before it and a letter after it; a closer has a letter before it and a
space, punctuation or the end after it. Curly marks written the other way round (”…“, as some
right-to-left keyboards do) pair the same way when their surroundings say so. Only the
outermost pair of a nesting counts, and only when the quoted text has at least
`MIN_QUOTE_WORDS` words (model.py: shorter quoted terms are titles or scare quotes).

Unmarked speech. A colon preceded, in the same sentence and within `MAX_SUBJECT_TOKENS`
tokens, by a speech verb (قال، أضافت، وأكد …، see people.py) starts a quote that runs to the
end of the sentence (its . ! ؟ included) or of the paragraph; when a quotation mark follows the
colon the marked rule applies instead. "ما يلي"/"التالي" before the colon announce a list.

Speaker. After a quote, a comma and a speech verb (`”، قال محمد العلي، …`, `” ، أخبر وي شوجون`,
`” بحسب ما قاله X`); otherwise before it, the last speech verb of the sentence with its subject
no more than `MAX_GAP_TOKENS` tokens from the quote (`وقال متحدث باسم NVIDIA لـ Gizmodo “…”`).
The subject is read by people.read_speaker: a name without its title, or an unnamed role as
written. A quote that directly follows or precedes another (nothing but spaces and punctuation
between them, same paragraph) continues the same statement and shares its speaker.

Decisions where model.py leaves room
------------------------------------
- ‘…’ is not a quote mark: Arabic news uses it rarely for speech, and ’ is the apostrophe of
  Latin names (Deepseek’s).
- An unclosed mark gives no quote (rather than a quote to the paragraph end): a stray mark is
  as likely as a quote left open, and a wrong span costs more than a missed one.
- Unmarked speech keeps the sentence's final . ! ؟ (as marked quotes keep what is inside the
  marks), also needs three words, and is dropped when it overlaps a marked quote.
- Speaker text is as written with harakat and tatweel removed (like a person's canonical).
- A bare anaphoric subject (الشركة، الوزير) names nobody: speaker None. A named organisation
  (Nvidia، وزارة الخارجية الصينية) or a single surname (ترامب) is the speaker as written.
- Adjacent quotes share a speaker: in the reference article “لقد وصلت المنافسة بلا شك”.
  “سيختار العملاء …” are one spokesperson's, so both get `متحدث باسم NVIDIA`. Quotes joined by
  a word (“…” و“…”) do not share.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from reader.core.suggest.model import Suggestion
from reader.core.suggest.people import (
    SPEECH_VERB_ANCHOR,
    FoldedView,
    Speaker,
    fold_word,
    read_speaker,
    speech_verb_kind,
)

MIN_QUOTE_WORDS = 3
MAX_SUBJECT_TOKENS = 12  # between a speech verb and its colon (وقال X، مدير … في شركة Y:)
MAX_GAP_TOKENS = 8  # between a speaker phrase and the quote after it (لـ Gizmodo، في بيان …)
MAX_CONNECTORS = 3  # words between a closing mark and its speech verb (بحسب ما قاله)
LOOKBACK_CHARS = 300

_MARKS = re.compile('[“”«»"\n]')
_COLON = re.compile("[:：]")
_QUOTE_MARKS = frozenset('“”«»"')
_OPEN_CONTEXT = frozenset("([{«“—–-:")  # may stand before an opening straight quote
_CLOSE_CONTEXT = frozenset(".,،؛;:!?؟)]}»”—–-…")  # may follow a closing straight quote
_CLITICS = frozenset("وفبلك")
_QUOTED_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*")
_TERMINATOR = re.compile("[.!?؟]")
_BETWEEN_ADJACENT = re.compile(r"[^\S\n]*(?:[.,،؛;:!?؟\-–—][^\S\n]*)*")
_AFTER_QUOTE_PUNCTUATION = frozenset("،,-–—")
_AFTER_QUOTE_CONNECTORS = frozenset(
    fold_word(w) for w in "و هكذا بحسب حسب وفق وفقا ما لما كما حسبما بحسبما على حد".split()
)
_SAYING_NOUNS = frozenset(fold_word(w) for w in ("قول", "تعبير"))  # على حد قول X
_LIST_CUES = frozenset(fold_word(w) for w in "يلي التالي التالية الآتي الآتية".split())


def _ends_sentence(folded: str, i: int) -> bool:
    """! ? ؟ end a sentence; a period too unless it is part of a number (8.2), an ellipsis or an
    abbreviation after a one-letter word (د. محمد)."""
    if folded[i] != ".":
        return True
    after = folded[i + 1] if i + 1 < len(folded) else " "
    if not (after.isspace() or after in "”»\""):
        return False
    before = folded[i - 1] if i else " "
    one_letter_word = before.isalpha() and (i < 2 or not folded[i - 2].isalnum())
    return before != "." and not one_letter_word


class _Breaks:
    """Sentence and paragraph boundaries of the folded text, for bisecting."""

    def __init__(self, folded: str) -> None:
        self.size = len(folded)
        self.newlines = [m.start() for m in re.finditer("\n", folded)]
        self.sentence_ends = [m.end() for m in _TERMINATOR.finditer(folded) if _ends_sentence(folded, m.start())]

    def paragraph_start(self, pos: int) -> int:
        k = bisect_left(self.newlines, pos)
        return self.newlines[k - 1] + 1 if k else 0

    def paragraph_end(self, pos: int) -> int:
        k = bisect_left(self.newlines, pos)
        return self.newlines[k] if k < len(self.newlines) else self.size

    def sentence_start(self, pos: int) -> int:
        k = bisect_right(self.sentence_ends, pos)
        last_end = self.sentence_ends[k - 1] if k else 0
        return max(last_end, self.paragraph_start(pos))

    def sentence_end(self, pos: int) -> int:
        """Just after the terminator of the sentence holding `pos`, or its paragraph's end."""
        k = bisect_right(self.sentence_ends, pos)
        end = self.sentence_ends[k] if k < len(self.sentence_ends) else self.size
        return min(end, self.paragraph_end(pos))


# --- Pairing quotation marks ----------------------------------------------------------------------

def _clitic_before(folded: str, i: int) -> bool:
    """و"…" بـ"…": a one-letter clitic standing alone before the mark."""
    return i >= 1 and folded[i - 1] in _CLITICS and (i == 1 or folded[i - 2].isspace())


def _can_open(folded: str, i: int) -> bool:
    before = folded[i - 1] if i else " "
    after = folded[i + 1] if i + 1 < len(folded) else " "
    opening_context = before.isspace() or before in _OPEN_CONTEXT or _clitic_before(folded, i)
    return opening_context and not after.isspace() and after not in _CLOSE_CONTEXT


def _can_close(folded: str, i: int) -> bool:
    before = folded[i - 1] if i else " "
    after = folded[i + 1] if i + 1 < len(folded) else " "
    return not before.isspace() and (after.isspace() or after in _CLOSE_CONTEXT or after in _QUOTE_MARKS)


class _OpenMarks:
    """The stack of marks still open in the current paragraph, with a count per kind so a
    closer with nothing to close costs O(1) (no quadratic scans on unbalanced text)."""

    def __init__(self) -> None:
        self.stack: list[tuple[str, int]] = []
        self.counts: dict[str, int] = {}

    def push(self, kind: str, pos: int) -> None:
        self.stack.append((kind, pos))
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def has(self, kind: str) -> bool:
        return self.counts.get(kind, 0) > 0

    def pop_to(self, kind: str) -> int:
        """Close the innermost open `kind`, dropping marks opened inside it and never closed."""
        while True:
            open_kind, pos = self.stack.pop()
            self.counts[open_kind] -= 1
            if open_kind == kind:
                return pos

    def clear(self) -> None:
        self.stack.clear()
        self.counts.clear()


def marked_pairs(folded: str) -> list[tuple[int, int]]:
    """(start, end) of every paired quotation, marks included, nested ones too."""
    pairs: list[tuple[int, int]] = []
    marks = _OpenMarks()
    for m in _MARKS.finditer(folded):
        ch, i = m.group(), m.start()
        closing_kind = None
        if ch == "\n":
            marks.clear()
        elif ch == '"':
            if marks.has("straight") and _can_close(folded, i):
                closing_kind = "straight"
            elif _can_open(folded, i):
                marks.push("straight", i)
        elif ch == "«":
            marks.push("guillemet", i)
        elif ch == "»":
            closing_kind = "guillemet" if marks.has("guillemet") else None
        elif ch == "“":
            if marks.has("reversed") and _can_close(folded, i):
                closing_kind = "reversed"
            else:
                marks.push("curly", i)
        elif ch == "”":
            if marks.has("curly"):
                closing_kind = "curly"
            elif _can_open(folded, i):
                marks.push("reversed", i)
        if closing_kind is not None:
            pairs.append((marks.pop_to(closing_kind), i + 1))
    return pairs


def _outermost(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for start, end in sorted(pairs):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def _word_count(folded: str, start: int, end: int, enough: int = MIN_QUOTE_WORDS) -> int:
    count = 0
    for _ in _QUOTED_WORD.finditer(folded, start, end):
        count += 1
        if count == enough:
            break
    return count


# --- Speakers -------------------------------------------------------------------------------------

class _Reader:
    """What the speaker lookups share: the view, its boundaries and its speech verbs."""

    def __init__(self, view: FoldedView) -> None:
        self.view = view
        self.breaks = _Breaks(view.folded)
        self.verb_starts = view.find_words(SPEECH_VERB_ANCHOR)

    def last_verb_between(self, start: int, end: int) -> int | None:
        k = bisect_left(self.verb_starts, end)
        if k and self.verb_starts[k - 1] >= start:
            return self.verb_starts[k - 1]
        return None

    def speaker_after(self, end: int, limit: int) -> Speaker | None:
        """`”، قال محمد العلي` / `” بحسب ما قاله X`: a speech verb right after the quote."""
        tokens = self.view.tokens(end, min(limit, end + LOOKBACK_CHARS))
        k = 0
        while tokens.has(k) and tokens[k].word in _AFTER_QUOTE_PUNCTUATION:
            k += 1
        first_word = k
        while tokens.has(k) and k - first_word <= MAX_CONNECTORS:
            word = tokens[k].word
            if speech_verb_kind(word) is not None or (word in _SAYING_NOUNS and k > 0 and tokens[k - 1].word == "حد"):
                return read_speaker(tokens, k + 1)
            if word not in _AFTER_QUOTE_CONNECTORS:
                return None
            k += 1
        return None

    def speaker_before(self, start: int, floor: int) -> Speaker | None:
        """`وقال متحدث باسم NVIDIA لـ Gizmodo “…”`: the sentence's last speech verb before it."""
        sentence_start = max(self.breaks.sentence_start(start), floor, start - LOOKBACK_CHARS)
        verb = self.last_verb_between(sentence_start, start)
        if verb is None:
            return None
        tokens = self.view.tokens(verb, start, limit=MAX_SUBJECT_TOKENS + MAX_GAP_TOKENS + 1).read_all()
        if tokens and tokens[-1].end < start and self.view.folded[tokens[-1].end:start].strip():
            return None  # the quote is further away than the token limit
        speaker = read_speaker(tokens, 1)
        if speaker is None or len(tokens) - speaker.next_index > MAX_GAP_TOKENS:
            return None
        return speaker


# --- The detector ---------------------------------------------------------------------------------

class _Quote:
    __slots__ = ("start", "end", "speaker")

    def __init__(self, start: int, end: int, speaker: Speaker | None) -> None:
        self.start, self.end, self.speaker = start, end, speaker


def _marked_quotes(reader: _Reader) -> list[_Quote]:
    folded = reader.view.folded
    spans = [(s, e) for s, e in _outermost(marked_pairs(folded))
             if _word_count(folded, s + 1, e - 1) >= MIN_QUOTE_WORDS]
    quotes: list[_Quote] = []
    for k, (start, end) in enumerate(spans):
        limit = min(spans[k + 1][0] if k + 1 < len(spans) else len(folded), reader.breaks.paragraph_end(end))
        floor = spans[k - 1][1] if k else 0
        speaker = reader.speaker_after(end, limit) or reader.speaker_before(start, floor)
        quotes.append(_Quote(start, end, speaker))
    _share_speakers(folded, quotes)
    return quotes


def _share_speakers(folded: str, quotes: list[_Quote]) -> None:
    """Quotes separated only by spaces and punctuation are one statement: one speaker."""
    group: list[_Quote] = []
    for quote in quotes + [None]:
        if quote is not None and group and _BETWEEN_ADJACENT.fullmatch(folded, group[-1].end, quote.start):
            group.append(quote)
            continue
        speakers = {(q.speaker.start, q.speaker.end): q.speaker for q in group if q.speaker is not None}
        if len(speakers) == 1:
            (shared,) = speakers.values()
            for member in group:
                member.speaker = member.speaker or shared
        group = [quote] if quote is not None else []


def _unmarked_quotes(reader: _Reader, marked: list[_Quote]) -> list[_Quote]:
    folded, breaks = reader.view.folded, reader.breaks
    marked_starts = [q.start for q in marked]
    quotes: list[_Quote] = []
    for m in _COLON.finditer(folded):
        colon = m.start()
        if 0 < colon < len(folded) - 1 and folded[colon - 1].isdigit() and folded[colon + 1].isdigit():
            continue  # a time or a ratio: 10:30
        k = bisect_right(marked_starts, colon)
        if (k and marked[k - 1].end > colon) or (quotes and quotes[-1].end > colon):
            continue  # a colon inside a quote already found
        verb = reader.last_verb_between(max(breaks.sentence_start(colon), colon - LOOKBACK_CHARS), colon)
        if verb is None:
            continue
        # The verb and its subject, up to the colon: وقال الرئيس التنفيذي للشركة أمين الناصر:
        tokens = reader.view.tokens(verb, colon, limit=MAX_SUBJECT_TOKENS + 2).read_all()
        if len(tokens) > MAX_SUBJECT_TOKENS + 1 or any(t.word in _LIST_CUES for t in tokens):
            continue  # too far from its verb, or announcing a list (كما يلي:)
        span = _speech_after_colon(folded, breaks, colon)
        if span is None:
            continue
        start, end = span
        if k < len(marked) and marked[k].start < end:
            continue  # overlaps a marked quote, which wins
        quotes.append(_Quote(start, end, read_speaker(tokens, 1)))
    return quotes


def _speech_after_colon(folded: str, breaks: _Breaks, colon: int) -> tuple[int, int] | None:
    paragraph_end = breaks.paragraph_end(colon)
    start = colon + 1
    while start < paragraph_end and folded[start].isspace():
        start += 1
    if start >= paragraph_end or folded[start] in _QUOTE_MARKS:
        return None  # nothing said, or a marked quote follows
    end = breaks.sentence_end(start)
    while end > start and folded[end - 1].isspace():
        end -= 1
    if _word_count(folded, start, end) < MIN_QUOTE_WORDS:
        return None
    return start, end


def _suggestion(view: FoldedView, quote: _Quote) -> Suggestion:
    start, end = view.span(quote.start, quote.end)
    speaker = quote.speaker
    return Suggestion(start, end, view.text[start:end], "quote",
                      speaker=view.raw[speaker.start:speaker.end] if speaker else None)


def find_quotes(text: str) -> list[Suggestion]:
    """Quotes in `text` (tag "quote"), with `speaker` when the sentence names one."""
    view = FoldedView(text)
    reader = _Reader(view)
    marked = _marked_quotes(reader)
    quotes = marked + _unmarked_quotes(reader, marked)
    return [_suggestion(view, q) for q in sorted(quotes, key=lambda q: q.start)]
