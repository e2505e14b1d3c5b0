"""People: persons' names in Arabic news text, found by rules (no model, no network).

Arabic script has no capital letters, so a run of words is taken for a name only where the
sentence announces one. Two places do, and they are the only two this module trusts:

1. After a title or role. A title is a head word (الرئيس، وزير، المحلل، الدكتور، د.، السيد…)
   followed by its modifiers: definite words (التنفيذي، المالية، الأمريكي), and an organisation
   introduced by a cue (لشركة X، باسم X، لدى X، بنك X، وزارة X). What follows the title is the
   name: a run of capitalised Latin words (`Jensen Huang`), or one to four Arabic name units.
   A unit is one word or a linked pair (عبد الله، بن سلمان، أبو X، آل سعود); a definite word
   (العلي، الناصر) is a family name and closes the name. When a Latin run after an organisation
   cue has three words or more, its last two are the person's (`لشركة Nvidia Jensen Huang`).
2. After a speech verb (قال، أضاف، أخبر، بحسب ما قاله…): the subject when it reads as a name of
   two units or more and nothing marks it as an organisation. A feminine verb (قالت، أعلنت) is
   far more often a company's, so its subject counts only with an appositive title
   (`قالت سارة أحمد، المحللة لدى …`). Latin subjects count only with a title either side.

Precision over recall: a name that runs on past four units without a stop, a word with an
attached pronoun (دعمه، نظيره), a place (بكين), a name ending in a nisba adjective (أرامكو
السعودية) and any subject without a title that is a single word (ترامب) are skipped. A role
with no name (`متحدث باسم NVIDIA`) is never a person; `read_speaker` reports it as a role for
the quote detector, which shares this module's reading of speakers.

The text is read through `FoldedView`: harakat and tatweel removed and letter forms folded
with `reader.core.text`'s helpers, so the word lists below match every spelling; spans are
mapped back to the original text. Anchors (title heads, speech verbs) are found in one regex
pass (a trie of the listed forms); words are tokenised lazily from each anchor, and only as
far as the reading needs, so a 2 MB article stays fast.

Known gaps: a definite surname right after a title (الرئيس السيسي) is read as part of the
title; an organisation name of several indefinite words (بنك الإمارات دبي الوطني) hides the
name after it; female speakers without a title are left out with the companies.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from reader.core.suggest.model import Suggestion
from reader.core.text import fold_letters, strip_tashkeel


def fold_word(word: str) -> str:
    """The folded form the word lists are compared in."""
    return fold_letters(strip_tashkeel(word))


def _words(text: str) -> frozenset[str]:
    return frozenset(fold_word(w) for w in text.split())


# --- Word lists (written as in the text; folded when loaded) -----------------------------------

# Speech verbs. Masculine and feminine are kept apart: a feminine verb's subject is usually a
# company (أعلنت أرامكو), so it only counts as a person with a title. Plural verbs have a pronoun
# subject in Arabic's verb-first order; they mark speech but name nobody.
SPEECH_VERBS_MASCULINE = _words(
    "قال يقول أضاف يضيف أكد يؤكد أوضح يوضح صرح يصرح أشار يشير لفت يلفت تابع يتابع ذكر يذكر"
    " أعلن يعلن كشف يكشف شدد يشدد أفاد يفيد اعتبر يعتبر رأى يرى أخبر يخبر حذر يحذر تساءل"
    " يتساءل علق يعلق استطرد يستطرد أردف يردف أجاب يجيب قاله قالها أخبره أخبرها أخبرهم أخبرنا"
)
SPEECH_VERBS_FEMININE = _words(
    "قالت تقول أضافت تضيف أكدت تؤكد أوضحت توضح صرحت تصرح أشارت تشير لفتت تلفت تابعت تتابع"
    " ذكرت تذكر أعلنت تعلن كشفت تكشف شددت تشدد أفادت تفيد اعتبرت تعتبر رأت ترى أخبرت تخبر"
    " حذرت تحذر تساءلت تتساءل علقت تعلق استطردت أردفت أجابت تجيب"
)
SPEECH_VERBS_PLURAL = _words(
    "قالوا يقولون أضافوا أكدوا يؤكدون أوضحوا أشاروا يشيرون ذكروا أعلنوا حذروا يحذرون اعتبروا رأوا"
)
# Participles that follow a speech verb before the colon: وأضاف قائلاً: …
SPEECH_ADVERBS = _words("قائلا قائلة مضيفا مضيفة مؤكدا مؤكدة موضحا موضحة مشيرا مشيرة")

# Title heads after which a name may follow at once (الرئيس ترامب، الدكتور محمد).
DEFINITE_HEADS = _words(
    "الرئيس الرئيسة المدير المديرة الوزير الوزيرة المحافظ المحلل المحللة الخبير الخبيرة المؤسس"
    " الدكتور الدكتورة السيد السيدة المتحدث المتحدثة الناطق الناطقة المستشار المستشارة الأمين"
    " الملك الملكة الأمير الأميرة الشيخ الشيخة السفير السفيرة الأستاذ الأستاذة البروفيسور"
    " المهندس المهندسة العضو القاضي اللواء العميد الجنرال المفوض المفوضة المبعوث المبعوثة"
    " النائب الباحث الباحثة الشريك"
)
# Heads in the construct state: a title only with a modifier (وزير المالية، رئيس مجلس الإدارة).
CONSTRUCT_HEADS = _words(
    "رئيس رئيسة مدير مديرة وزير وزيرة محافظ نائب عضو مؤسس مستشار مستشارة سفير ولي قائد"
)
# Indefinite roles: they name a speaker without naming a person (متحدث باسم NVIDIA).
ROLE_HEADS = _words(
    "متحدث متحدثة ناطق ناطقة مصدر مصادر مسؤول مسؤولة مسؤولون محلل محللة محللون خبير خبيرة خبراء"
    " شاهد شهود"
)
# Words that introduce an organisation inside a title (also with a clitic: لشركة، بشركة).
ORGANISATION_CUES = _words(
    "شركة مجموعة بنك مصرف وزارة هيئة صندوق مجلس جامعة وكالة مؤسسة منظمة معهد مركز إدارة قسم"
    " جهاز دائرة حكومة تحالف اتحاد برنامج مشروع مكتب فريق نادي حزب مختبر مصنع سلطة لجنة محكمة"
    " غرفة بورصة سوق صحيفة قناة موقع شبكة مجلة إذاعة تلفزيون منصة"
)
ORGANISATION_LINKS = _words("باسم لدى")
# Indefinite nouns of a title's construct chain: وزير خارجية الصين، مدير عام الشركة.
CONSTRUCT_NOUNS = _words("خارجية مالية داخلية دفاع تجارة طاقة اقتصاد صناعة عام شؤون قطاع")
# Title adjectives that are also time words elsewhere (العام = the year): المدير العام.
TITLE_ADJECTIVES = _words("العام العامة")
# Outlets a speaker talks to: وقال لرويترز …
OUTLETS = _words("رويترز بلومبرغ بلومبيرغ بلومبرج فرانس")
ADDRESSEE_PRONOUNS = _words("له لها لهم لنا لي لكم")

# Words that link two name words into one unit (عبد الله، بن سلمان، آل سعود).
NAME_LINKS = _words("عبد أبو بن بنت ابن آل")
FUNCTION_WORDS = _words(
    "في من إلى الى على عن مع ل ب ك و ف أن إن أنه إنه أنها إنها أنهم إنهم بأن بأنه لأن الذي التي"
    " الذين اللذين اللتين ما ماذا لماذا لا لم لن قد لقد هذا هذه ذلك تلك هؤلاء هو هي هم هن نحن أنا"
    " أو أم ثم حتى بعد قبل خلال منذ عند لدى حول بين ضد عبر أمام وراء دون بشأن حيث كما لكن بل إذ"
    " إذا لو كل غير أي أيضا بحسب حسب وفق وفقا نقلا حسبما بينما عندما كيف هل سوف ليس يا لما"
)
TIME_WORDS = _words(
    "يوم اليوم أمس غدا الأسبوع أسبوع الشهر شهر العام عام السنة سنة الماضي الماضية المقبل المقبلة"
    " الحالي الحالية صباح مساء صباحا مساء ليلة السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء"
    " الخميس الجمعة يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر"
    " ديسمبر"
)
# Common verbs that follow a subject's name: a stop, so `الرئيس ترامب فرض رسوما` ends at ترامب.
COMMON_VERBS = _words(
    "كان كانت يكون تكون أصبح بات ظل زار يزور التقى يلتقي استقبل بحث ناقش وقع يوقع فرض يفرض عكس"
    " دعا يدعو طالب يطالب أعرب رفض يرفض نفى ينفي اتهم أمر قرر وافق يوافق عين أقال استقال توقع"
    " يتوقع تتوقع يعتقد اعتقد اعترف أقر وصف يصف يعتزم سيزور أجرى يجري شارك يشارك ترأس افتتح"
    " أطلق يطلق أصدر يصدر قام يقوم تولى يتولى غادر وصل يصل تم يتم سيتم أعرب"
)
# Words that begin no name: quantifiers and generic nouns a speech verb often takes.
NOT_NAME_WORDS = _words(
    "كبار أحد إحدى بعض عدد جميع أكثر أبرز نحو حوالي بيان تقرير تصريح تصريحات مقابلة رسالة مذكرة"
    " وثيقة دراسة استطلاع مراقبون مستثمرون مسؤولين محللين"
)
# Places that follow a title as the object of a verb (زار الرئيس بكين) rather than a name.
PLACES = _words(
    "بكين واشنطن موسكو لندن باريس طوكيو برلين روما دبي أبوظبي بيروت دمشق بغداد عمان طهران أنقرة"
    " إسطنبول سنغافورة تايوان إيران روسيا أمريكا أميركا أوروبا آسيا إسرائيل مصر سوريا تركيا فرنسا"
    " ألمانيا بريطانيا كوريا نيويورك شنغهاي شنتشن هونغ كونغ تايبيه سيول جدة مكة قطر لبنان ليبيا"
    " تونس المغرب الجزائر"
)
# A word ending in an attached pronoun is a noun (أكد الرئيس دعمه), checked as written (not ة).
PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما")
ARTICLE_PREFIXES = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل")
CLITIC_ARTICLES = ARTICLE_PREFIXES[1:]  # للخطة، والشركة: never inside a name
CLITIC_PREFIXES = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل", "ك")
COMMA = frozenset("،,")

MAX_NAME_UNITS = 4
MAX_LATIN_NAME_WORDS = 4
MAX_ROLE_ADJECTIVES = 2
WINDOW_CHARS = 160
WINDOW_TOKENS = 20

_STOPS = FUNCTION_WORDS | TIME_WORDS | COMMON_VERBS | SPEECH_ADVERBS | ADDRESSEE_PRONOUNS
_ALL_SPEECH_VERBS = SPEECH_VERBS_MASCULINE | SPEECH_VERBS_FEMININE | SPEECH_VERBS_PLURAL
_NOT_NAME = _STOPS | _ALL_SPEECH_VERBS | NOT_NAME_WORDS | ORGANISATION_LINKS | CONSTRUCT_NOUNS
_LATIN_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")


def _with_clitics(words: frozenset[str]) -> frozenset[str]:
    """Every clitic-prefixed spelling of `words`, so anchors are found by one set lookup."""
    out = set(words)
    for word in words:
        for prefix in CLITIC_PREFIXES:
            out.add(prefix + word)
        if word.startswith("ال"):
            out.update(prefix + word[2:] for prefix in ("لل", "ولل", "فلل"))
    return frozenset(out)


_DEFINITE_HEAD_FORMS = _with_clitics(DEFINITE_HEADS)
_CONSTRUCT_HEAD_FORMS = _with_clitics(CONSTRUCT_HEADS)
_ROLE_HEAD_FORMS = _with_clitics(ROLE_HEADS)
_HEAD_FORMS = _DEFINITE_HEAD_FORMS | _CONSTRUCT_HEAD_FORMS | _ROLE_HEAD_FORMS
_ORGANISATION_CUE_FORMS = _with_clitics(ORGANISATION_CUES)
SPEECH_VERB_FORMS = frozenset(p + v for v in _ALL_SPEECH_VERBS for p in ("", "و", "ف"))


def word_pattern(words: frozenset[str]) -> re.Pattern:
    """A regex finding any of `words` as a whole word.

    The alternation is nested as a trie (one branch per shared prefix), so scanning a long
    text costs a few character tests per word instead of one test per listed word.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?" if len(branches) == 1 else body + "?"
        return body

    return re.compile(r"(?<![^\W\d_])" + render(trie) + r"(?![^\W\d_])")


_HEAD_ANCHOR = word_pattern(_HEAD_FORMS | {"د"})  # د. = الدكتور
SPEECH_VERB_ANCHOR = word_pattern(SPEECH_VERB_FORMS)


def speech_verb_kind(word: str) -> str | None:
    """'m', 'f' or 'p' for a (folded) speech verb, with or without و/ف; None otherwise."""
    for form in (word, word[1:] if word[:1] in ("و", "ف") else ""):
        if form in SPEECH_VERBS_MASCULINE:
            return "m"
        if form in SPEECH_VERBS_FEMININE:
            return "f"
        if form in SPEECH_VERBS_PLURAL:
            return "p"
    return None


# --- The folded view ------------------------------------------------------------------------------

# The characters strip_tashkeel removes, derived from it rather than listed a second time.
_REMOVED = "".join(ch for ch in map(chr, range(0x0600, 0x0700)) if not strip_tashkeel(ch))
_KEPT_RUN = re.compile(f"[^{_REMOVED}]+")
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|\S")


# fold_letters as (letter, folded) pairs, derived from it: str.replace per pair is ~10x faster
# than str.translate on a 2 MB article and gives the same text.
_LETTER_FOLDS = [(ch, fold_letters(ch)) for ch in map(chr, range(0x0600, 0x0700)) if fold_letters(ch) != ch]


def _fold_letters_fast(text: str) -> str:
    for letter, folded in _LETTER_FOLDS:
        if letter in text:
            text = text.replace(letter, folded)
    return text


class Token(NamedTuple):
    """A word, number or punctuation mark; offsets are in the folded view."""

    start: int
    end: int
    word: str  # folded
    raw: str  # as written, harakat and tatweel removed

    @property
    def is_arabic(self) -> bool:
        return "\u0600" <= self.word[0] <= "\u06ff" and self.word[0].isalpha()

    @property
    def is_latin(self) -> bool:
        return self.word[0].isascii() and self.word[0].isalpha()


class FoldedView:
    """The article as the detectors read it.

    `raw` is the text without harakat and tatweel; `folded` is `raw` with letter forms folded
    (the two have the same length, so an offset means the same character in both).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.raw = strip_tashkeel(text)
        self.folded = _fold_letters_fast(self.raw)
        self._index: list[int] | None = None
        if len(self.raw) != len(text):
            index: list[int] = []
            for run in _KEPT_RUN.finditer(text):
                index.extend(range(run.start(), run.end()))
            self._index = index

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original-text range of a folded range (marks after its last letter included)."""
        if self._index is None:
            return start, end
        size = len(self._index)
        return (self._index[start] if start < size else len(self.text),
                self._index[end] if end < size else len(self.text))

    def find_words(self, pattern: re.Pattern) -> list[int]:
        """Start offsets of every match of `pattern` (see `word_pattern`), in one pass."""
        return [m.start() for m in pattern.finditer(self.folded)]

    def tokens(self, start: int, end: int | None = None, limit: int = WINDOW_TOKENS) -> Tokens:
        """At most `limit` tokens from `start`, never past `end` or the paragraph's end."""
        folded = self.folded
        stop = min(len(folded), start + WINDOW_CHARS) if end is None else end
        newline = folded.find("\n", start, stop)
        return Tokens(self, start, stop if newline == -1 else newline, limit)


class Tokens(list):
    """The tokens of a window, read lazily: most anchors are settled after a word or two.

    Indexing is a plain list's, over the tokens read so far; `has(k)` reads up to token k and
    says whether it exists, `read_all()` reads the whole window (at most `limit` tokens).
    """

    def __init__(self, view: FoldedView, start: int, stop: int, limit: int) -> None:
        super().__init__()
        self._view, self._stop, self._limit = view, stop, limit
        self._matches = _TOKEN.finditer(view.folded, start, stop)
        self._done = False

    def has(self, k: int) -> bool:
        if k < len(self):
            return True
        folded, raw, stop = self._view.folded, self._view.raw, self._stop
        while len(self) <= k and not self._done:
            m = next(self._matches, None)
            if m is None or len(self) == self._limit or (
                    m.end() == stop < len(folded) and folded[stop].isalnum()):
                self._done = True  # window exhausted, or its last word would be cut off
                break
            start, end = m.span()
            self.append(Token(start, end, m.group(), raw[start:end]))
        return k < len(self)

    def read_all(self) -> Tokens:
        self.has(self._limit)
        return self


# --- Reading titles and names ---------------------------------------------------------------------

def _is_stop(word: str) -> bool:
    return word in _STOPS or (word[:1] in ("و", "ف") and word[1:] in _STOPS)


def _has_article(token: Token) -> bool:
    return token.raw.startswith(ARTICLE_PREFIXES)


def _is_definite_modifier(token: Token) -> bool:
    """التنفيذي، المالية، للشركة: a definite word that is part of a title, not a stop."""
    return token.is_arabic and _has_article(token) and not _is_stop(token.word)


def _is_organisation_cue(token: Token) -> bool:
    return token.word in _ORGANISATION_CUE_FORMS


def _is_outlet(token: Token) -> bool:
    """لرويترز، لصحيفة: who a statement was made to, never part of a name or role."""
    word = token.word
    return word in OUTLETS or (word[:1] == "ل" and (word[1:] in OUTLETS or word[1:] in ORGANISATION_CUES))


def _has_pronoun_suffix(token: Token) -> bool:
    """دعمه، نظيره، استعدادها: a noun with an attached pronoun.

    The two-letter طه is a name, and a definite word (الله، الفقيه) never takes a pronoun.
    """
    return len(token.raw) > 2 and token.raw.endswith(PRONOUN_SUFFIXES) and not _has_article(token)


def _is_name_word(token: Token) -> bool:
    word = token.word
    return (token.is_arabic and len(word) >= 2 and word not in _NOT_NAME and not _is_stop(word)
            and not token.raw.startswith(CLITIC_ARTICLES) and not _has_pronoun_suffix(token)
            and speech_verb_kind(word) is None and token.word not in _HEAD_FORMS
            and not _is_organisation_cue(token) and not _is_outlet(token))


def _is_latin_name_word(token: Token) -> bool:
    return _LATIN_NAME_WORD.fullmatch(token.word) is not None


def _latin_run_end(tokens: Tokens, k: int) -> int:
    while tokens.has(k) and tokens[k].is_latin:
        k += 1
    return k


@dataclass(frozen=True)
class Title:
    start: int  # token index of the head
    end: int  # token index after the head and its modifiers
    kind: str  # "definite", "construct" or "role"
    modifiers: int


@dataclass(frozen=True)
class Name:
    start: int  # token indexes
    end: int
    units: int
    latin: bool


def _skip_organisation(tokens: Tokens, k: int) -> int:
    """The token index after an organisation's name that starts at `k`."""
    while tokens.has(k) and _is_organisation_cue(tokens[k]):
        k += 1  # بنك، وزارة …: the name proper follows
    if not tokens.has(k):
        return k
    token = tokens[k]
    if token.is_latin:
        run_end = _latin_run_end(tokens, k)
        # "لشركة Nvidia Jensen Huang": the last two words of a longer run are the person's.
        if run_end - k >= 3 and all(_is_latin_name_word(tokens[x]) for x in (run_end - 2, run_end - 1)):
            return run_end - 2
        return run_end
    if not token.is_arabic or _is_stop(token.word):
        return k
    if not _has_article(token):
        k += 1  # the organisation's own word: أرامكو
    while tokens.has(k) and _is_definite_modifier(tokens[k]):
        k += 1  # its definite adjectives or complements: السعودية، الخارجية الصينية
    return k


def _read_modifiers(tokens: Tokens, j: int) -> tuple[int, int]:
    """The index after a title's modifiers starting at `j`, and how many there were."""
    count = 0
    while tokens.has(j):
        token = tokens[j]
        if token.word in ORGANISATION_LINKS or token.word == "ل" or _is_organisation_cue(token):
            j = _skip_organisation(tokens, j + 1)  # لشركة X، باسم X، لدى X، لـ X
        elif (_is_definite_modifier(token) or token.word in TITLE_ADJECTIVES or token.word in CONSTRUCT_NOUNS
              or token.word in _CONSTRUCT_HEAD_FORMS):
            j += 1
        else:
            break
        count += 1
    return j, count


def _ends_phrase(tokens: Tokens, k: int) -> bool:
    """Whether a speaker phrase clearly ends before token `k` (punctuation, a stop, the end)."""
    if not tokens.has(k):
        return True
    token = tokens[k]
    return (not token.word[0].isalpha() or _is_stop(token.word) or _is_outlet(token)
            or speech_verb_kind(token.word) is not None)


def _role_end(tokens: Tokens, j: int) -> int:
    """The end of an unnamed role phrase that starts at `j`, after its head: up to
    `MAX_ROLE_ADJECTIVES` adjectives, then at most one organisation (مصدر مطلع، مسؤول أمريكي كبير،
    متحدث باسم NVIDIA، مسؤول في الشركة — not في بيان)."""
    adjectives = 0
    while tokens.has(j):
        token = tokens[j]
        if token.word in ORGANISATION_LINKS or token.is_latin:
            return _skip_organisation(tokens, j + 1 if token.word in ORGANISATION_LINKS else j)
        if token.word == "في" and tokens.has(j + 1) and (
                tokens[j + 1].is_latin or _has_article(tokens[j + 1]) or _is_organisation_cue(tokens[j + 1])):
            return _skip_organisation(tokens, j + 1)
        if (adjectives == MAX_ROLE_ADJECTIVES or not token.is_arabic or _is_stop(token.word)
                or _is_outlet(token) or speech_verb_kind(token.word) is not None):
            return j
        adjectives += 1
        j += 1
    return j


def read_title(tokens: Tokens, i: int) -> Title | None:
    """The title or role starting at token `i`, if one does."""
    if not tokens.has(i):
        return None
    token = tokens[i]
    if token.word == "د" and tokens.has(i + 1) and tokens[i + 1].word == ".":
        end, count = _read_modifiers(tokens, i + 2)
        return Title(i, end, "definite", count)
    if token.word in _ROLE_HEAD_FORMS:
        return Title(i, _role_end(tokens, i + 1), "role", 0)
    if token.word in _DEFINITE_HEAD_FORMS:
        kind = "definite"
    elif token.word in _CONSTRUCT_HEAD_FORMS:
        kind = "construct"
    else:
        return None
    end, count = _read_modifiers(tokens, i + 1)
    if kind == "construct" and count == 0:
        return None
    return Title(i, end, kind, count)


def _is_plausible_name(tokens: Tokens, name: Name) -> bool:
    words = [tokens[k] for k in range(name.start, name.end)]
    if name.latin:
        return True
    if any(t.word in PLACES for t in words):
        return False
    if _has_article(words[-1]) and words[-1].raw.endswith("ية"):
        return False  # a nisba adjective: أرامكو السعودية is a company
    return True


def read_name(tokens: Tokens, j: int) -> Name | None:
    """The person's name starting at token `j`: Latin capitalised words or Arabic name units."""
    if not tokens.has(j):
        return None
    if tokens[j].is_latin:
        k = j
        while tokens.has(k) and _is_latin_name_word(tokens[k]):
            k += 1
        if k == j or k - j > MAX_LATIN_NAME_WORDS:
            return None
        return Name(j, k, k - j, True)
    k, units, closed = j, 0, False
    while tokens.has(k) and units < MAX_NAME_UNITS and not closed:
        token = tokens[k]
        if not _is_name_word(token) and token.word not in NAME_LINKS:
            break
        if token.word in NAME_LINKS:
            if not tokens.has(k + 1) or not _is_name_word(tokens[k + 1]):
                break
            k += 2
        elif _has_article(token):
            if units == 0:
                return None  # a definite word starts no name
            k += 1
            closed = True  # a family name (العلي) ends the name
        else:
            k += 1
        units += 1
    if units == 0:
        return None
    if not closed and units == MAX_NAME_UNITS and tokens.has(k) and _is_name_word(tokens[k]):
        return None  # runs on past four units: not sure where the name ends
    name = Name(j, k, units, False)
    return name if _is_plausible_name(tokens, name) else None


def name_after_title(tokens: Tokens, title: Title) -> Name | None:
    """The name right after `title`, or between commas after it (المدير العام، محمد العلي، …)."""
    if title.kind == "role":
        return None
    name = read_name(tokens, title.end)
    if name is None and tokens.has(title.end) and tokens[title.end].word in COMMA:
        name = read_name(tokens, title.end + 1)
        if name is not None and not (tokens.has(name.end) and tokens[name.end].word in COMMA):
            return None  # the apposition must close with a comma too
    return name


def titled_name(tokens: Tokens, i: int) -> Name | None:
    """The name after the title starting at token `i` (None when there is no title or name)."""
    title = read_title(tokens, i)
    return None if title is None else name_after_title(tokens, title)


# --- Speakers (shared with the quote detector) ----------------------------------------------------

@dataclass(frozen=True)
class Speaker:
    """Who a speech verb's sentence names as the speaker; offsets are in the folded view."""

    start: int
    end: int
    is_name: bool  # a person's name (else an unnamed role or an organisation)
    titled: bool  # a title before the name, or an appositive one after it
    units: int
    latin: bool
    next_index: int  # token index after the speaker phrase


def _skip_addressee(tokens: Tokens, i: int) -> int:
    """Skip who was spoken to and how: لـ Gizmodo، لرويترز، له، قائلاً."""
    for _ in range(2):
        if not tokens.has(i):
            break
        word = tokens[i].word
        if word in ADDRESSEE_PRONOUNS or word in SPEECH_ADVERBS:
            i += 1
        elif word == "ل":
            i = _skip_organisation(tokens, i + 1)
        elif _is_outlet(tokens[i]):
            i = _skip_organisation(tokens, i + 1) if word[1:] in ORGANISATION_CUES else i + 1
    return i


def _appositive_title(tokens: Tokens, k: int) -> bool:
    """محمد العلي، المدير العام …: a comma and a title right after a name."""
    return tokens.has(k + 1) and tokens[k].word in COMMA and read_title(tokens, k + 1) is not None


def _speaker(tokens: Tokens, first: int, end: int, **kind) -> Speaker:
    return Speaker(tokens[first].start, tokens[end - 1].end, next_index=end, **kind)


def read_speaker(tokens: Tokens, i: int) -> Speaker | None:
    """The speaker named from token `i` on (just after a speech verb), or None when unsure.

    A title's name wins (`الرئيس التنفيذي للشركة أمين الناصر` → أمين الناصر); a title without a
    name is the speaker as written (`متحدث باسم NVIDIA`), except a bare anaphoric one (الوزير).
    """
    i = _skip_addressee(tokens, i)
    title = read_title(tokens, i)
    if title is not None:
        name = name_after_title(tokens, title)
        if name is not None:
            return _speaker(tokens, name.start, name.end, is_name=True, titled=True,
                            units=name.units, latin=name.latin)
        if (title.kind == "role" or title.modifiers > 0) and _ends_phrase(tokens, title.end):
            return _speaker(tokens, title.start, title.end, is_name=False, titled=True, units=0, latin=False)
        return None  # a bare anaphoric title (الوزير), or unsure where the role ends
    name = read_name(tokens, i)
    if name is not None:
        return _speaker(tokens, name.start, name.end, is_name=True,
                        titled=_appositive_title(tokens, name.end), units=name.units, latin=name.latin)
    if not tokens.has(i):
        return None
    if tokens[i].is_latin:  # NVIDIA, Goldman Sachs: a speaker, not known to be a person
        return _speaker(tokens, i, _latin_run_end(tokens, i), is_name=False, titled=False, units=0, latin=True)
    if _is_organisation_cue(tokens[i]):
        end = _skip_organisation(tokens, i + 1)  # وزارة الخارجية الصينية
        if end > i + 1:
            return _speaker(tokens, i, end, is_name=False, titled=False, units=0, latin=False)
    return None


# --- The detector ---------------------------------------------------------------------------------

def _person(view: FoldedView, start: int, end: int) -> Suggestion:
    orig_start, orig_end = view.span(start, end)
    name = view.text[orig_start:orig_end]
    return Suggestion(orig_start, orig_end, name, "person", canonical=strip_tashkeel(name))


def _names_after_titles(view: FoldedView) -> list[tuple[int, int]]:
    spans = []
    for anchor in view.find_words(_HEAD_ANCHOR):
        tokens = view.tokens(anchor)
        name = titled_name(tokens, 0)
        if name is not None:
            spans.append((tokens[name.start].start, tokens[name.end - 1].end))
    return spans


def _names_after_speech_verbs(view: FoldedView) -> list[tuple[int, int]]:
    spans = []
    for anchor in view.find_words(SPEECH_VERB_ANCHOR):
        tokens = view.tokens(anchor)
        if tokens.has(1) and tokens[1].word in _HEAD_FORMS:
            continue  # قال الرئيس …: a title, whose name the title pass finds
        speaker = read_speaker(tokens, 1)
        if speaker is None or not speaker.is_name:
            continue
        untitled_ok = (not speaker.latin and speaker.units >= 2
                       and speech_verb_kind(tokens[0].word) == "m")
        if speaker.titled or untitled_ok:
            spans.append((speaker.start, speaker.end))
    return spans


def find_people(text: str) -> list[Suggestion]:
    """Names of persons in `text` (tag "person", canonical = the name without harakat/tatweel)."""
    view = FoldedView(text)
    found = _names_after_titles(view) + _names_after_speech_verbs(view)
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(found), key=lambda s: (s[0], -s[1])):
        if kept and start < kept[-1][1]:
            continue  # overlaps a name already kept (the longer one at the same start wins)
        kept.append((start, end))
    return [_person(view, start, end) for start, end in kept]


__all__ = ["SPEECH_VERB_ANCHOR", "FoldedView", "Speaker", "Token", "Tokens", "find_people", "fold_word",
           "read_name", "read_speaker", "read_title", "speech_verb_kind", "titled_name"]
