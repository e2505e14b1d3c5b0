"""Company names in Arabic news text: a gazetteer of known spellings plus a few cue-word rules.

Three sources of candidates are merged (overlaps go to the longest span, then to the gazetteer):

1. **Gazetteer** — every known spelling of a company, anywhere in the text. Text is cut into
   tokens (runs of Arabic letters, or of Latin letters/digits/`&`), and tokens are compared in
   the folded form of `reader.core.text.fold_for_search` (case, harakat, tatweel, alef/ya/ta
   marbuta forms, digit scripts), so `انفيديا`, `إنفيديا` and `إنفـيديا` are one spelling and
   `Intel` never matches inside `Intelligence`. An Arabic token may carry the prefixes و ف ب ل ك
   (and لل for a name starting with ال); they stay outside the span (`وإنفيديا` → `إنفيديا`).
   A Latin possessive stays outside too (`Deepseek's` → `Deepseek`); a plural does not match
   (`AMDs` is not `AMD`: whole tokens only). Spellings that are also ordinary words
   (`الجزيرة` the peninsula, `إعمار` reconstruction, `زين` a first name) are *cue-only*: they
   count right after a cue word (`قناة الجزيرة`, `شركة إعمار`, `أسهم زين`). In a paragraph of
   Latin prose (see below) a Latin spelling must be capitalised (`Apple`, not `apple`).
2. **Unknown Latin names** — a run of capitalised Latin words inside Arabic text (`Metax`,
   `Moore Threads`), emitted only when there is evidence it is a company:
   - a cue before it: a company noun (`شركة Cambricon`), possibly through up to three
     definite describing words (`صانع الرقائق الأمريكي AMD`), or a list opener after a plural
     cue (`عمالقة التكنولوجيا مثل Alibaba`), or a list continuing (`و`, comma) after a company
     that is itself in such a list (`مثل Alibaba و Foo`, `شركتي Foo و Bar`; but not
     `Claude من Anthropic و Gemini`), or brackets right after a company (`المراعي (Almarai)`);
   - a corporate suffix ending the run (`Zhongxin Holdings`, `Foo Technologies`);
   - the same name cued elsewhere in the article (once `شركة Metax` is seen, `Metax` counts
     everywhere).
   Repetition alone is *not* evidence: repeated Latin runs in Arabic articles are as often
   products (`Blackwell`), people (`Huang`) or jargon (`China Chip`, which the sample uses
   once, after أسهم, meaning "chip stocks"). Never emitted: words with digits (`H20`, `R1`,
   `A100` — products) or a lowercase start (`iPhone`), a run after a person title
   (`الرئيس التنفيذي Jensen Huang`, `CEO Jensen Huang`), whatever follows a known company in the
   same run (`Nvidia Jensen Huang`, `NVIDIA H20`), the last two words of a run of three or more
   after "title + لشركة" (`الرئيس التنفيذي لشركة Foo Jensen Huang` → `Foo`), and Latin prose:
   a run with lowercase words or more than five words, or any run in a paragraph of Latin prose
   (mostly Latin script once its capitalised words are set aside, so an Arabic sentence full of
   Latin names stays Arabic).
3. **Unknown Arabic names after a cue** — `شركة`, `مجموعة`, `بنك`, `مصرف` followed by one to
   three words (`مجموعة الفطيم` → `الفطيم`). The name stops at punctuation, a function word or
   anything that is not a name-forming word: a following word joins only when it is a
   corporate word (`القابضة`, `الإسلامي`, `موتورز`), a "for …" word ending the name
   (`مبادلة للاستثمار`), or a family name after a first name (`ماجد الفطيم`); so nationality
   adjectives stay out (`مجموعة الفطيم الإماراتية` → `الفطيم`). A cue followed by a generic word
   is not a name: listed nouns and adjectives (`شركة التكنولوجيا`, `مجموعة العشرين`,
   `بنك إنجلترا`), and by shape plurals, feminine nouns and adjectives (`شركة ناشئة`,
   `شركة صينية`), verbal nouns (`شركة التأمين`, `شركة تطوير`), a masculine nisba after a bank
   (`بنك مركزي`), a word with a pronoun suffix (`شركة يملكها`), a verb before a preposition
   (`شركة تعمل في`). `صندوق` and `مؤسسة` are not cues for Arabic names: in Arabic news they
   mostly introduce state bodies (`صندوق النقد الدولي`, `مؤسسة النقد`); the companies among them
   (`صندوق الاستثمارات العامة`) are in the gazetteer. They remain cues for Latin names.
   An unknown Arabic name's canonical is the name as written without tatweel and harakat.

Gazetteer file format (`resources/companies.json`, and a user's own file that extends it)::

    {"format": "hamish-companies", "version": 1,
     "companies": [
        {"canonical": "Nvidia", "names": ["Nvidia", "NVIDIA", "إنفيديا", "انفيديا", "نفيديا"]},
        {"canonical": "Al Jazeera", "names": ["Al Jazeera", "الجزيرة نت"],
         "cue_only": ["الجزيرة"]}]}

`canonical` is the name every spelling folds to (its usual Latin form; it is itself a spelling);
`names` are spellings matched anywhere; the optional `cue_only` are spellings that are also
common words and count only after a cue word. A user entry whose canonical already exists adds
spellings to it; a new canonical adds a company; a spelling the user gives to a different
canonical moves to it (the user's file wins).

Performance: the text is cut into tokens by one `re.split`, each distinct word is folded once,
and only tokens that can start a name or are cue words are looked at further, by dictionary
look-ups. No pattern can backtrack, so a 2 MB article takes a fraction of a second.
"""
from __future__ import annotations

import bisect
import copy
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from reader.core.errors import HamishError
from reader.core.resources import resource_path
from reader.core.suggest.model import Suggestion
from reader.core.text import fold_for_search, letter_direction, strip_tashkeel

FILE_FORMAT = "hamish-companies"
FILE_VERSION = 1
SHIPPED_FILE = ("companies.json",)
TAG = "company"

# --- Tokens ----------------------------------------------------------------------------------

# Arabic letters with their marks; Latin letters with digits of both scripts (`G42`, `G٤٢`).
_ARABIC_RANGE = "\u0621-\u063a\u0640-\u065f\u066e-\u06d3\u06d5-\u06ed\u06fa-\u06ff"
_LATIN_RANGE = "A-Za-z0-9\u00c0-\u024f&\u0660-\u0669\u06f0-\u06f9"
_TOKEN = f"[{_LATIN_RANGE}]+|[{_ARABIC_RANGE}]+"
_TOKEN_SPLIT = re.compile(f"({_TOKEN})")
_ARABIC_TOKEN = re.compile(f"[{_ARABIC_RANGE}]")
_FIRST_ARABIC = "\u0621"  # folded keys at or above it are Arabic words

# Per-character fold of the Arabic block, derived from fold_for_search so the two never drift:
# harakat and tatweel map to "", hamza carriers to their base, Arabic-Indic digits to ASCII.
_ARABIC_FOLD = {cp: fold_for_search(chr(cp)) for cp in range(0x0600, 0x0700)}

# What may separate the words of one multi-word name: spaces, a hyphen, an apostrophe
# (`McDonald's`), or a dot after a single-letter initial (`J.P. Morgan`).
_NAME_GAP = re.compile(r"[ \u00a0\u200c-\u200f]+|[ \u00a0]*[-\u2010\u2013'\u2019][ \u00a0]*")
_INITIAL_GAP = re.compile(r"\.[ \u00a0]*")
_SPACE_GAP = re.compile(r"[ \u00a0\u200c-\u200f]+")

# Prefixes an Arabic name may carry: conjunctions و ف, prepositions ب ل ك and their pairs.
# `لل` stands for ل + the name's own ال (للراجحي = ل + الراجحي).
_PARTICLE_PREFIXES = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
_LAM_ARTICLE_PREFIXES = ("لل", "ولل", "فلل")
_CLITIC_INITIALS = frozenset("وفبلك")
_ARTICLE = "ال"
_MIN_STEM = 2


def _fold(text: str) -> str:
    """fold_for_search, computed with one translate (the same result, faster on long text)."""
    return text.translate(_ARABIC_FOLD).casefold()


def _name_key(name: str) -> tuple[str, ...]:
    """A spelling as the tuple of its folded tokens (what the text scan compares)."""
    return tuple(_fold(m.group()) for m in re.finditer(_TOKEN, name))


def _prefix_variants(key: str) -> Iterator[tuple[int, str]]:
    """(letters stripped, remaining key) for each clitic reading of a token, bare first."""
    yield 0, key
    if key[:1] not in _CLITIC_INITIALS:
        return
    for prefix in _PARTICLE_PREFIXES:
        if key.startswith(prefix) and len(key) - len(prefix) >= _MIN_STEM:
            yield len(prefix), key[len(prefix):]
    for prefix in _LAM_ARTICLE_PREFIXES:
        if key.startswith(prefix) and len(key) - len(prefix) >= _MIN_STEM:
            # `للراجحي` is ل + `الراجحي` with its alef elided: the whole prefix leaves the span
            # and the name is looked up with its article restored.
            yield len(prefix), _ARTICLE + key[len(prefix):]


class _Tokens:
    """An article cut into tokens, kept as parallel lists (cheap for hundreds of thousands)."""

    def __init__(self, text: str) -> None:
        parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, …, gap
        offsets = list(accumulate(map(len, parts), initial=0))
        self.text = text
        self.words: list[str] = parts[1::2]
        self.gaps: list[str] = parts[0::2]  # gaps[i] is the text right before token i
        self.starts: list[int] = offsets[1::2]
        self.ends: list[int] = offsets[2::2]
        # Each distinct word is folded once: an article repeats its words many times over.
        distinct = set(self.words)
        folded = {w: _fold(w) for w in distinct}
        arabic = {w: _ARABIC_TOKEN.match(w) is not None for w in distinct}
        self.keys: list[str] = list(map(folded.__getitem__, self.words))
        self.arabic: list[bool] = list(map(arabic.__getitem__, self.words))

    def __len__(self) -> int:
        return len(self.words)

    def spaced(self, i: int) -> bool:
        """Whether token i follows token i-1 with only spaces between them."""
        if not 0 < i < len(self.words):
            return False
        gap = self.gaps[i]
        return gap == " " or _SPACE_GAP.fullmatch(gap) is not None

    def joined(self, first: int, last: int) -> bool:
        """Whether tokens first..last are written as one name (only name gaps between them)."""
        for j in range(first + 1, last + 1):
            gap = self.gaps[j]
            if gap == " " or _NAME_GAP.fullmatch(gap):
                continue
            if len(self.words[j - 1]) == 1 and not self.arabic[j - 1] and _INITIAL_GAP.fullmatch(gap):
                continue
            return False
        return True

    def raw_offset(self, i: int, folded_chars: int) -> int:
        """The offset in the text after the first `folded_chars` folded letters of token i."""
        word = self.words[i]
        if len(self.keys[i]) == len(word):
            return self.starts[i] + folded_chars
        seen = 0
        for k, ch in enumerate(word):
            folded = _fold(ch)
            if seen == folded_chars and folded:  # tatweel and harakat stay with the clitic
                return self.starts[i] + k
            seen += len(folded)
        return self.ends[i]

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.starts[first] : self.ends[last]]


# --- The gazetteer ---------------------------------------------------------------------------


class _Match(NamedTuple):
    start: int
    end: int
    last: int  # index of the last token
    canonical: str
    cue_only: bool
    capitals_only: bool


class Gazetteer:
    """Known companies: folded spelling → canonical name."""

    def __init__(self) -> None:
        self._spellings: dict[tuple[str, ...], str] = {}
        self._cue_only: set[tuple[str, ...]] = set()
        # Spellings known only in capitals (`AMD`, `FAB`, `AP`) must be in capitals in the text
        # too: `fab` is a chip plant, not First Abu Dhabi Bank. `Nvidia` makes `nvidia` fine.
        self._capitals_only: set[tuple[str, ...]] = set()
        self._any_case: set[tuple[str, ...]] = set()
        self._longest: dict[str, int] = {}  # first token → most tokens of a spelling it starts
        self._names: dict[str, list[str]] = {}
        self._entry_cache: dict[str, tuple[tuple[int, str, int], ...]] = {}

    # Loading ----------------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Path | None = None) -> Gazetteer:
        """The shipped gazetteer, extended by the user's file `extra` when given."""
        gazetteer = cls()
        gazetteer.add_file(resource_path(*SHIPPED_FILE))
        if extra is not None:
            gazetteer.add_file(Path(extra))
        return gazetteer

    def add_file(self, path: Path) -> None:
        """Add every company of a `hamish-companies` file; HamishError names the file and problem."""
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise HamishError(f"{path}: cannot read the companies file ({err})") from err
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as err:
            raise HamishError(f"{path}: not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})") from err
        for canonical, names, cue_only in _parse_companies(data, path):
            self.add(canonical, names, cue_only)

    def add(self, canonical: str, names: Iterable[str], cue_only: Iterable[str] = ()) -> None:
        """Add spellings of `canonical` (the canonical itself is always a spelling)."""
        listed = self._names.setdefault(canonical, [])
        spellings = [(canonical, False), *((n, False) for n in names), *((n, True) for n in cue_only)]
        for name, needs_cue in spellings:
            key = _name_key(name)
            if not key:
                continue
            previous = self._spellings.get(key)
            if previous is not None and previous != canonical:  # the spelling moves to this company
                self._names[previous] = [n for n in self._names[previous] if _name_key(n) != key]
            self._spellings[key] = canonical
            if needs_cue:
                self._cue_only.add(key)
            else:
                self._cue_only.discard(key)
            if _is_acronym(name) and key not in self._any_case:
                self._capitals_only.add(key)
            else:
                self._any_case.add(key)
                self._capitals_only.discard(key)
            self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
            if name not in listed:
                listed.append(name)
        self._entry_cache.clear()

    # Queries ------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._names)

    def companies(self) -> dict[str, list[str]]:
        """Canonical name → its spellings (a copy)."""
        return {c: list(n) for c, n in self._names.items()}

    def canonical(self, name: str) -> str | None:
        """The canonical name of a spelling, or None. Case, Arabic letter forms, harakat, tatweel,
        a Latin possessive and Arabic clitics (و ب ل ف ال لل بال وال) do not matter."""
        key = _name_key(name)
        if len(key) > 1 and key[-1] == "s" and re.search(r"['\u2019]s\W*$", name):
            key = key[:-1]
        if not key:
            return None
        found = self._spellings.get(key)
        if found is not None:
            return found
        for _, rest in _prefix_variants(key[0]):
            bare = rest[len(_ARTICLE):] if rest.startswith(_ARTICLE) else rest
            for first in (rest, bare):
                if len(first) >= _MIN_STEM and (found := self._spellings.get((first, *key[1:]))):
                    return found
        return None

    def entry_points(self, key: str) -> tuple[tuple[int, str, int], ...]:
        """(letters of clitic, first name token, most tokens) for each way token `key` can start
        a spelling; empty for the vast majority of tokens."""
        cached = self._entry_cache.get(key)
        if cached is None:
            variants = _prefix_variants(key) if key >= _FIRST_ARABIC else ((0, key),)
            cached = tuple((n, first, self._longest[first]) for n, first in variants if first in self._longest)
            self._entry_cache[key] = cached
        return cached

    def match_at(self, tokens: _Tokens, i: int) -> _Match | None:
        """The longest spelling starting at token i."""
        keys = tokens.keys
        best = None
        for stripped, first, most in self.entry_points(keys[i]):
            for last in range(min(i + most, len(keys)) - 1, i - 1, -1):
                key = (first, *keys[i + 1 : last + 1]) if last > i else (first,)
                canonical = self._spellings.get(key)
                if canonical is None or (last > i and not tokens.joined(i, last)):
                    continue
                if best is None or tokens.ends[last] > best.end:
                    start = tokens.raw_offset(i, stripped)
                    best = _Match(start, tokens.ends[last], last, canonical, key in self._cue_only,
                                  key in self._capitals_only)
                break
        return best


def _is_acronym(name: str) -> bool:
    """A Latin spelling written in capitals only: `AMD`, `TSMC`, `AT&T`."""
    return name.isupper() and name.isascii()


def _parse_companies(data: object, path: Path) -> Iterator[tuple[str, list[str], list[str]]]:
    def fail(problem: str) -> HamishError:
        return HamishError(f"{path}: {problem}")

    if not isinstance(data, dict):
        raise fail("expected a JSON object with format, version and companies")
    if data.get("format") != FILE_FORMAT:
        raise fail(f'"format" must be "{FILE_FORMAT}", not {data.get("format")!r}')
    if data.get("version") != FILE_VERSION:
        raise fail(f'unsupported "version" {data.get("version")!r} (this Hamish reads version {FILE_VERSION})')
    companies = data.get("companies")
    if not isinstance(companies, list):
        raise fail('"companies" must be a list')
    for n, entry in enumerate(companies, start=1):
        where = f"company #{n}"
        if not isinstance(entry, dict):
            raise fail(f"{where} must be an object with canonical and names")
        canonical = entry.get("canonical")
        if not isinstance(canonical, str) or not _name_key(canonical):
            raise fail(f'{where}: "canonical" must be a non-empty name')
        where = f"company #{n} ({canonical})"
        lists = []
        for field, required in (("names", True), ("cue_only", False)):
            value = entry.get(field, None if required else [])
            if not isinstance(value, list) or not all(isinstance(v, str) and _name_key(v) for v in value):
                raise fail(f'{where}: "{field}" must be a list of non-empty names')
            lists.append(value)
        yield canonical.strip(), lists[0], lists[1]


@lru_cache(maxsize=1)
def shipped_gazetteer() -> Gazetteer:
    """The gazetteer in resources/, loaded once."""
    return Gazetteer.load()


# --- Word lists (compared folded: ة→ه, ى→ي, أإآ→ا) -------------------------------------------


def _folded_set(words: str) -> frozenset[str]:
    return frozenset(fold_for_search(w) for w in words.split())


def _with_clitics(words: frozenset[str]) -> dict[str, str]:
    """Every form of the words with a particle prefix (لشركة، وبنك) → the bare word."""
    forms = {w: w for w in words}
    for prefix in _PARTICLE_PREFIXES:
        forms.update({prefix + w: w for w in words})
    return forms


# Nouns right before a company name (`شركة Cambricon`, `مجموعة الفطيم`); Arabic unknown names
# are only taken after these.
_COMPANY_CUES = _folded_set("شركة شركتي شركتا مجموعة بنك مصرف")
# Nouns that also introduce a Latin name, possibly through describing words (`صانع الرقائق
# الأمريكي AMD`), and a cue-only gazetteer spelling (`قناة الجزيرة`).
_NAME_CUES = _COMPANY_CUES | _folded_set(
    """صندوق مؤسسة وكالة صحيفة جريدة مجلة موقع قناة شبكة عملاق عملاقة صانع صانعة مصنع مطور
    مطورة مزود مشغل منافس منافسة منافستها منافسه منافسيها"""
)
# Cue-only gazetteer spellings also count after a share: `أسهم إعمار`. Not a cue for unknown
# names: `أسهم China Chip` in the sample means chip stocks.
_SPELLING_CUES = _NAME_CUES | _folded_set("سهم أسهم")
# Plural nouns whose examples follow a list opener: `عمالقة التكنولوجيا مثل Alibaba`.
_PLURAL_CUES = _COMPANY_CUES | _folded_set(
    """شركات عمالقة جبابرة صانعي صانعو مصنعي منافسين منافسي منافسيها بنوك مصارف مجموعات صناديق مؤسسات
    وكالات صحف مطوري مزودي مشغلي"""
)
_LIST_OPENERS = _folded_set("مثل منها ومنها بينها وبينها خاصة سيما")
# Dual and plural nouns that open a list of names directly: `شركتي Foo و Bar`.
_LIST_CUES = _PLURAL_CUES - _folded_set("شركة مجموعة بنك مصرف")
_NAME_CUE_FORMS = _with_clitics(_NAME_CUES)
_SPELLING_CUE_FORMS = _with_clitics(_SPELLING_CUES)
_PLURAL_CUE_FORMS = _with_clitics(_PLURAL_CUES)
_LIST_CUE_FORMS = _with_clitics(_LIST_CUES)
_COMPANY_CUE_FORMS = _with_clitics(_COMPANY_CUES)
_BANK_CUES = _folded_set("بنك مصرف")
# A Latin run right after these names a person: `الرئيس التنفيذي Jensen Huang`.
_PERSON_TITLES = _folded_set(
    """الرئيس رئيس التنفيذي التنفيذية المدير مدير مديرة المؤسس مؤسس السيد السيدة الدكتور الملياردير
    المحلل المحللة محلل الخبير الوزير وزير النائب نائب المتحدث الكاتب الصحفي البروفيسور الأستاذ
    مستشار المستشار الشريك"""
) | frozenset({"ceo", "cfo", "cto", "mr", "mrs", "ms", "dr", "prof", "sir"})
# Words that end an Arabic name and stop the backward search for a cue.
_FUNCTION_WORDS = _folded_set(
    """في من على إلى عن مع التي الذي الذين اللذين اللتين اللاتي أن إن أنها أنه إنها إنه قد لم لن ما لا
    ليس هي هو هم هما كما كان كانت يكون تكون ثم أو أم بل حتى منذ عند لدى بين بعد قبل خلال حول ضد عبر
    نحو مثل أي كل بعض غير ذلك تلك هذا هذه هؤلاء فقط أيضا اليوم أمس غدا حاليا و ف ب ل ك وفي ومن
    وعلى وإلى وهي وهو لكن لكنها ولكن بينما حيث إذ إذا لو كي لأن بأن وأن وإن وقد يوم الأسبوع الشهر
    العام السنة عام سنة وفقا بحسب حسب"""
)
# Words right after a cue that show the cue is a common noun, not a name's label.
_GENERIC_AFTER_CUE = _folded_set(
    """التكنولوجيا تكنولوجيا التقنية تقنية النفط نفط الغاز غاز الطيران طيران الاتصالات اتصالات
    الاستثمار استثمار التأمين تأمين الكهرباء كهرباء المياه الطاقة طاقة العقارات عقارات الأدوية أدوية
    السيارات سيارات البرمجيات برمجيات الرقائق رقائق الشحن شحن النقل نقل البناء بناء الحديد الصلب
    الأسمنت الإسمنت الذهب الغذاء الأغذية الدواء الإعلام إعلام الأبحاث أبحاث الأمن أمن المال مال
    الأعمال أعمال الذكاء ذكاء الهاتف الهواتف الإنترنت الأم أم الأب ناشئ كبرى صغرى عملاق رائد تابع
    كبير صغير جديد أخرى آخر واحد مملوك مدرج خاص عام حكومي محلي عالمي دولي أولى البنك بنك الشركة
    شركة الدول الدولي العشرين السبع الثماني العمل عمل الخبراء البحث بحث الضغط المركزي مركزي النقد
    الشعب الصناعة التجارة الكبرى الصغرى الأخرى العظمى الأولى نفسها ذاتها ضخم سيادي أجنبي وطني
    إنجلترا اليابان كندا فرنسا لبنان سوريا العراق ليبيا السودان الصين روسيا تركيا إيران المغرب
    الجزائر تونس الأردن اليمن الكويت البحرين عمان الإمارات السعودية إسرائيل أمريكا أميركا قطر مصر
    الهند باكستان ألمانيا إيطاليا إسبانيا كوريا سويسرا بريطانيا الاتحاد
    الأمريكي الصيني الياباني الكوري العالمي المحلي الحكومي العملاق الرائد الناشئ إنتاج ذات لديها لها
    له مقرها مقره"""
)
# Words that continue an Arabic company name (`الدار العقارية`, `هيونداي موتورز`).
_CORPORATE_WORDS = _folded_set(
    """القابضة العقارية المتحدة الدولية الوطنية المالية التجارية الصناعية الإسلامية الأول الإسلامي
    التجاري الوطني الأهلي المتحد كابيتال جروب غروب هولدينغ
    هولدنغ موتورز إلكتريك باور تكنولوجيز إنترناشونال إنرجي فارما ميديا سيستمز لابز"""
)
_FOR_PREFIX = "لل"  # `مبادلة للاستثمار`: a "for …" word completes a name
_NAME_JOINERS = _folded_set("بن ابن بنت أبو آل عبد")
_CENTRAL = _folded_set("المركزي المركزية")
# Cities that start bank names (`مصرف أبوظبي الإسلامي`) although they end like a nisba adjective.
_CITIES = _folded_set("دبي أبوظبي")
_POSSESSIVE_ENDINGS = ("ها", "هم", "هما", "كم")  # `شركة يملكها …`: names take no pronoun
_MASDAR_LENGTH = 5  # تفعيل: تصنيع، تطوير، تسويق
_LATIN_CONNECTORS = frozenset({"of", "and", "&", "de", "du", "la", "der", "von"})
# A multi-word Latin run ending in one of these is a company even without a cue. Not `Bank`:
# `World Bank`, `Asian Development Bank` are not businesses.
_CORPORATE_SUFFIXES = frozenset(
    """inc corp corporation ltd limited llc plc ag gmbh sa nv se holdings holding group technologies
    capital partners ventures airlines airways motors labs semiconductor semiconductors
    pharmaceuticals electronics industries""".split()
)
# Legal-form words that extend a known Latin name: `Tencent Holdings`, `Foo Inc`.
_LEGAL_SUFFIXES = frozenset({"inc", "corp", "corporation", "ltd", "limited", "llc", "plc", "ag", "gmbh",
                             "sa", "nv", "se", "co", "holdings", "group"})
# Public bodies that cue words can introduce (`وكالة NASA`, `هيئة SEC`): never an unknown company.
_PUBLIC_BODIES = frozenset(
    """nasa esa fda sec ftc fcc fbi cia nsa imf who wto opec nato eu un darpa iea bis doj faa epa ecb fed
    cftc cma ofcom cnil""".split()
)
_MAX_LATIN_RUN = 5
# After "title + لشركة", a run of three or more words is a company and its person's two names.
_COMPANY_AND_PERSON_WORDS = 3
_PERSON_NAME_WORDS = 2
_TITLE_DISTANCE = 3  # `رئيس مجلس إدارة شركة`
_MAX_DESCRIBING_WORDS = 3
_MAX_ARABIC_NAME_WORDS = 3
_IMPERFECT_PREFIXES = ("ي", "ت", "ن")
_VERB_MIN_LETTERS = 4
_PLURAL_ENDINGS = ("ات", "ين", "ون")
_FEMININE_ENDING = "ه"  # ة folded
_NISBA_ENDING = "ي"
_MASDAR_STARTS = ("ت", "است", "ان", "ا")  # after ال: التأمين، الاستثمار، الانتاج، الاعلام
_CAPITALISED_WORD = re.compile(r"[A-Z][A-Za-z0-9&'\u2019-]*")
_LIST_AND = re.compile(r"[ \u00a0]*")
_LIST_COMMA = re.compile(r"[ \u00a0]*[،,][ \u00a0]*")
_OPEN_BRACKET = re.compile(r"[ \u00a0]*\([ \u00a0]*")
_CLOSE_BRACKET = re.compile(r"[ \u00a0]*\)")
_AND = "و"
_POSSESSIVE_S = "s"
_APOSTROPHES = frozenset({"'", "\u2019"})

# Merge priorities: on equal spans the gazetteer's canonical wins.
_FROM_GAZETTEER, _FROM_ARABIC, _FROM_LATIN = 0, 1, 2


# --- Detection -------------------------------------------------------------------------------


def find_companies(text: str, gazetteer: Gazetteer | None = None) -> list[Suggestion]:
    """Every company mention in `text`, sorted by start (see the module docstring).

    One name, one sense per article: a name the rules found somewhere (after a cue word, in a
    list of companies) is a company wherever else the article writes it, cue or not — news names
    a company with its cue once (`شركة مدار`), then by name alone (`وتدير مدار …`)."""
    known = shipped_gazetteer() if gazetteer is None else gazetteer
    found = _scan(text, known)
    discovered: dict[str, list[str]] = {}
    for item in found:
        if item.canonical.strip() and known.canonical(item.text) is None:
            discovered.setdefault(item.canonical, []).append(item.text)
    if not discovered:
        return found
    extended = copy.deepcopy(known)
    for canonical, spellings in discovered.items():
        extended.add(canonical, spellings)
    return _scan(text, extended)


def _scan(text: str, gazetteer: Gazetteer) -> list[Suggestion]:
    scan = _Scan(text, gazetteer)
    found = scan.gazetteer_matches()
    found += scan.arabic_names()
    found += scan.latin_names()
    return [s for s in _merge(found, text) if s.end > s.start]


class _Candidate(NamedTuple):
    start: int
    end: int
    canonical: str
    priority: int


class _Scan:
    """One article being scanned: its tokens, paragraph scripts, and the companies found so far."""

    def __init__(self, text: str, gazetteer: Gazetteer) -> None:
        self.text = text
        self.gazetteer = gazetteer
        self.tokens = _Tokens(text)
        self._paragraph_starts, self._latin_paragraph = _paragraphs(text)
        self.known_starts: set[int] = set()  # token indexes where a gazetteer match starts
        self.company_ends: dict[int, int] = {}  # last token → first token of each accepted company
        self._in_list: dict[int, bool] = {}  # first token of a company → whether it is in a list
        self._canonicals: dict[str, str] = {}

    def canonical(self, name: str) -> str:
        """The gazetteer's canonical for an unknown name's spelling, else the name itself."""
        found = self._canonicals.get(name)
        if found is None:
            found = self._canonicals[name] = self.gazetteer.canonical(name) or name
        return found

    # Helpers ----------------------------------------------------------------------------

    def in_latin_paragraph(self, offset: int) -> bool:
        return self._latin_paragraph[bisect.bisect_right(self._paragraph_starts, offset) - 1]

    def arabic_word_before(self, i: int) -> bool:
        """Whether token i-1 is an Arabic word separated from token i by spaces only."""
        return i > 0 and self.tokens.arabic[i - 1] and self.tokens.spaced(i)

    def next_arabic_word(self, i: int) -> bool:
        """Whether token i exists and is an Arabic word following token i-1 after spaces only."""
        return i < len(self.tokens) and self.tokens.arabic[i] and self.tokens.spaced(i)

    def cue_before(self, i: int) -> bool:
        """Whether a name starting at token i follows a cue noun, directly or through up to three
        definite describing words (`صانع الرقائق الأمريكي AMD`), or a list opener after a plural
        cue (`شركات التكنولوجيا الصينية مثل Alibaba`)."""
        keys = self.tokens.keys
        j = i - 1
        describing = 0
        while self.arabic_word_before(j + 1):
            key = keys[j]
            if key in _PERSON_TITLES:
                return False
            if key in _NAME_CUE_FORMS:
                return True
            if key in _LIST_OPENERS:
                return self._plural_cue_before(j)
            if describing == _MAX_DESCRIBING_WORDS or not key.startswith(_ARTICLE) or key in _FUNCTION_WORDS:
                return False
            describing += 1
            j -= 1
        return False

    def _plural_cue_before(self, opener: int) -> bool:
        keys = self.tokens.keys
        for k in range(opener - 1, opener - 2 - _MAX_DESCRIBING_WORDS, -1):
            if not self.arabic_word_before(k + 1):
                return False
            if keys[k] in _PLURAL_CUE_FORMS:
                return True
            if keys[k] in _FUNCTION_WORDS:
                return False
        return False

    def directly_after_cue(self, i: int) -> bool:
        """Whether the word right before token i is a cue (for cue-only gazetteer spellings)."""
        return self.arabic_word_before(i) and self.tokens.keys[i - 1] in _SPELLING_CUE_FORMS

    # Source 1: the gazetteer --------------------------------------------------------------

    def gazetteer_matches(self) -> list[_Candidate]:
        tokens, gazetteer = self.tokens, self.gazetteer
        starters = {key for key in set(tokens.keys) if gazetteer.entry_points(key)}
        found: list[_Candidate] = []
        free = 0  # first token not inside a match already taken
        for i in [i for i, key in enumerate(tokens.keys) if key in starters]:
            if i < free:
                continue
            match = gazetteer.match_at(tokens, i)
            if match is None or not self._acceptable(i, match):
                continue
            last, end = self._legal_suffix(i, match.last, match.end)
            self.known_starts.add(i)
            self.company_ends[last] = i
            found.append(_Candidate(match.start, end, match.canonical, _FROM_GAZETTEER))
            free = last + 1
        return found

    def _acceptable(self, i: int, match: _Match) -> bool:
        tokens = self.tokens
        if match.cue_only and not (match.start == tokens.starts[i] and self.directly_after_cue(i)):
            return False
        if match.capitals_only and not self.text[match.start : match.end].isupper():
            return False
        if not tokens.arabic[i] and self.in_latin_paragraph(tokens.starts[i]):
            # In Latin prose `apple` and `total` are words; a company is capitalised.
            return not tokens.words[i][0].islower()
        return True

    def _legal_suffix(self, first: int, last: int, end: int) -> tuple[int, int]:
        """Extend a Latin match over a legal-form word: `Tencent Holdings`, `Foo Inc`."""
        tokens = self.tokens
        nxt = last + 1
        if tokens.arabic[first] or nxt >= len(tokens) or tokens.arabic[nxt]:
            return last, end
        if tokens.keys[nxt] in _LEGAL_SUFFIXES and tokens.words[nxt][0].isupper() and tokens.spaced(nxt):
            return nxt, tokens.ends[nxt]
        return last, end

    # Source 3: unknown Arabic names after a cue -------------------------------------------

    def arabic_names(self) -> list[_Candidate]:
        tokens = self.tokens
        found = []
        for i in [i for i, key in enumerate(tokens.keys) if key in _COMPANY_CUE_FORMS]:
            if self.in_latin_paragraph(tokens.starts[i]):
                continue
            span = self._arabic_name_after(i, _COMPANY_CUE_FORMS[tokens.keys[i]])
            if span is not None:
                first, last = span
                name = strip_tashkeel(tokens.span_text(first, last))
                self.company_ends[last] = first
                found.append(_Candidate(tokens.starts[first], tokens.ends[last], self.canonical(name), _FROM_ARABIC))
        return found

    def _arabic_name_after(self, cue: int, cue_word: str) -> tuple[int, int] | None:
        keys = self.tokens.keys
        first = cue + 1
        if not self.next_arabic_word(first) or first in self.known_starts:
            return None
        key = keys[first]
        if key in _FUNCTION_WORDS or key in _GENERIC_AFTER_CUE or _looks_generic(key, cue_word):
            return None
        if self._looks_like_verb(first):
            return None
        last = first
        if key in _NAME_JOINERS:  # `مجموعة بن لادن`
            if not self.next_arabic_word(first + 1):
                return None
            last = first + 1
        elif not key.startswith(_ARTICLE) and self.next_arabic_word(first + 1) and _joins_person_name(keys[first + 1]):
            last = first + 1  # `مجموعة محمد العبار`
        while last - first + 1 < _MAX_ARABIC_NAME_WORDS and self.next_arabic_word(last + 1):
            word = keys[last + 1]
            if word in _CENTRAL:
                return None  # `مصرف قطر المركزي`: a central bank is not a business
            if word in _NAME_JOINERS and self.next_arabic_word(last + 2):
                last += 2
            elif word in _CORPORATE_WORDS:
                last += 1
            elif word.startswith(_FOR_PREFIX) and len(word) > len(_FOR_PREFIX) + _MIN_STEM:
                return first, last + 1  # `X للاستثمار`: the "for …" word ends the name
            else:
                break
        return first, last

    def _looks_like_verb(self, i: int) -> bool:
        """`شركة تعمل في …`: an imperfect verb followed by a function word."""
        key = self.tokens.keys[i]
        if not key.startswith(_IMPERFECT_PREFIXES) or len(key) < _VERB_MIN_LETTERS:
            return False
        return self.next_arabic_word(i + 1) and self.tokens.keys[i + 1] in _FUNCTION_WORDS

    # Source 2: unknown Latin names --------------------------------------------------------

    def latin_names(self) -> list[_Candidate]:
        tokens = self.tokens
        segments = []
        cued: set[tuple[str, ...]] = set()
        for first, last in self._latin_segments():
            key = tuple(tokens.keys[first : last + 1])
            if self._has_evidence(first, last):
                cued.add(key)
                self.company_ends[last] = first
            segments.append((first, last, key))
        found = []
        for first, last, key in segments:
            if key in cued:  # a name cued once counts wherever it recurs
                name = tokens.span_text(first, last)
                found.append(_Candidate(tokens.starts[first], tokens.ends[last], self.canonical(name), _FROM_LATIN))
        return found

    def _latin_runs(self) -> Iterator[tuple[int, int]]:
        """Maximal runs of Latin tokens written as one name (spaces, hyphens between them)."""
        tokens = self.tokens
        latin = [i for i, arabic in enumerate(tokens.arabic) if not arabic]
        k = 0
        while k < len(latin):
            first = last = latin[k]
            k += 1
            while k < len(latin) and latin[k] == last + 1 and tokens.joined(last, last + 1):
                if tokens.keys[last + 1] == _POSSESSIVE_S and tokens.gaps[last + 1] in _APOSTROPHES:
                    break  # `Foo's`: the possessive is not part of the name
                last += 1
                k += 1
            yield first, last

    def _latin_segments(self) -> Iterator[tuple[int, int]]:
        """The leading capitalised words of each Latin run in Arabic text.

        Whatever follows a known company or a product code in the same run describes it
        (`Nvidia Jensen Huang`, `H20 Chips`), so only a run's leading words can be a new name.
        """
        tokens = self.tokens
        for first, last in self._latin_runs():
            if first in self.known_starts or not _is_name_word(tokens.words[first]):
                continue
            if tokens.keys[first] in _PERSON_TITLES or tokens.keys[first] in _PUBLIC_BODIES:
                continue  # `CEO Jensen Huang`, `وكالة NASA`
            if self.in_latin_paragraph(tokens.starts[first]) or self._is_prose(first, last):
                continue
            j = first
            while j < last and j + 1 not in self.known_starts and tokens.keys[j + 1] not in _PERSON_TITLES and (
                _is_name_word(tokens.words[j + 1]) or tokens.keys[j + 1] in _LATIN_CONNECTORS
            ):
                j += 1
            while tokens.keys[j] in _LATIN_CONNECTORS:
                j -= 1
            if j - first + 1 >= _COMPANY_AND_PERSON_WORDS and self._after_title_and_cue(first):
                j -= _PERSON_NAME_WORDS  # `الرئيس التنفيذي لشركة Nvidia Jensen Huang`
            yield first, j

    def _after_title_and_cue(self, i: int) -> bool:
        """`التنفيذي لشركة <run>`, `رئيس مجلس إدارة شركة <run>`: a cue right before token i,
        and a person title among the few words before the cue."""
        if not (self.arabic_word_before(i) and self.tokens.keys[i - 1] in _COMPANY_CUE_FORMS):
            return False
        j = i - 2
        while j >= max(0, i - 1 - _TITLE_DISTANCE) and self.arabic_word_before(j + 1):
            if self.tokens.keys[j] in _PERSON_TITLES:
                return True
            j -= 1
        return False

    def _is_prose(self, first: int, last: int) -> bool:
        """A run too long for a name, or with ordinary lowercase words, is Latin text."""
        if last - first + 1 > _MAX_LATIN_RUN:
            return True
        words = self.tokens.words[first : last + 1]
        return any(w.islower() and w not in _LATIN_CONNECTORS for w in words)

    def _has_evidence(self, first: int, last: int) -> bool:
        if last > first and self.tokens.keys[last] in _CORPORATE_SUFFIXES:
            return True
        return self.cue_before(first) or self._continues_list(first) or self._glossed(first, last)

    def _continues_list(self, i: int) -> bool:
        """`مثل Alibaba و Foo`, `شركتي Foo و Bar`: a name listed after a company that is itself in
        a list. A company alone is not enough: in `Claude من Anthropic و Gemini` Gemini is a product."""
        previous = self._previous_in_list(i)
        return previous is not None and self._is_list_member(previous)

    def _previous_in_list(self, i: int) -> int | None:
        """The first token of the company right before token i across `و` or a comma, if any."""
        tokens = self.tokens
        if i == 0:
            return None
        prev = i - 1
        if tokens.keys[prev] == _AND and _LIST_AND.fullmatch(tokens.gaps[i]):
            if prev == 0 or not _LIST_AND.fullmatch(tokens.gaps[prev]):
                return None
            prev -= 1
        elif not _LIST_COMMA.fullmatch(tokens.gaps[i]):
            return None
        return self.company_ends.get(prev)

    def _is_list_member(self, first: int) -> bool:
        """Whether the company starting at token `first` opens or continues a list: it follows a
        list opener (`مثل`) or a plural cue (`شركتي`), or a company that does."""
        chain = []
        current: int | None = first
        while current is not None and current not in self._in_list:
            chain.append(current)
            if self.arabic_word_before(current) and (
                self.tokens.keys[current - 1] in _LIST_OPENERS or self.tokens.keys[current - 1] in _LIST_CUE_FORMS
            ):
                self._in_list[current] = True
                break
            current = self._previous_in_list(current)
        answer = self._in_list.get(current, False) if current is not None else False
        for start in chain:  # remember the answer for the whole chain: long lists stay linear
            self._in_list[start] = answer
        return answer

    def _glossed(self, first: int, last: int) -> bool:
        """`المراعي (Almarai)`: a Latin name in brackets right after a company name."""
        tokens = self.tokens
        if first == 0 or not _OPEN_BRACKET.fullmatch(tokens.gaps[first]):
            return False
        closing = _CLOSE_BRACKET.match(self.text, tokens.ends[last])
        return closing is not None and first - 1 in self.company_ends


def _is_name_word(word: str) -> bool:
    """A capitalised Latin word that is not a product code (`H20`, `A100`, `R1`)."""
    return word[0].isupper() and not any(ch.isdigit() for ch in word)


def _looks_generic(key: str, cue_word: str) -> bool:
    """A common noun or adjective by its shape, right after a cue."""
    if key.endswith(_PLURAL_ENDINGS) or key.endswith(_FEMININE_ENDING):
        return True  # plurals (الاتصالات، المستثمرين), feminine words (ناشئة، الطاقة، صينية)
    definite = key.startswith(_ARTICLE)
    if not definite and key.endswith(_POSSESSIVE_ENDINGS):
        return True  # a pronoun suffix: شركة يملكها
    if definite and key[len(_ARTICLE):].startswith(_MASDAR_STARTS) and not key.endswith(_NISBA_ENDING):
        return True  # verbal nouns (التأمين، الاستثمار); family names in ي stay (التميمي)
    if not definite and (key.startswith("است") or (len(key) == _MASDAR_LENGTH and key[0] == "ت" and key[3] == "ي")):
        return True  # indefinite verbal nouns: استثمار، تصنيع، تطوير
    if not definite and key.endswith(_NISBA_ENDING) and cue_word in _BANK_CUES and key not in _CITIES:
        return True  # masculine nisba after بنك: بنك مركزي، مصرف إسلامي
    return key.isdigit()


def _joins_person_name(key: str) -> bool:
    """Whether a definite word can be the family name after a first name (`ماجد الفطيم`), not an
    adjective (`المالكة`, `الأمريكي`) or a common noun."""
    return (key.startswith(_ARTICLE) and not key.endswith((_FEMININE_ENDING, _NISBA_ENDING, *_PLURAL_ENDINGS))
            and key not in _GENERIC_AFTER_CUE and key not in _FUNCTION_WORDS)


def _paragraphs(text: str) -> tuple[list[int], list[bool]]:
    """Paragraph start offsets, and whether each paragraph is Latin prose: mostly Latin script once
    capitalised words are set aside (an Arabic sentence full of Latin names is still Arabic)."""
    starts = list(accumulate((len(p) + 1 for p in text.split("\n")), initial=0))[:-1]
    without_names = _CAPITALISED_WORD.sub("", text).split("\n")
    return starts, [letter_direction(p) == "ltr" for p in without_names]


def _merge(candidates: list[_Candidate], text: str) -> list[Suggestion]:
    """Non-overlapping candidates, longest first, the gazetteer first on ties; sorted by start."""
    occupied = bytearray(len(text))
    kept = []
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.priority, c.start)):
        if occupied.find(1, cand.start, cand.end) != -1:
            continue
        occupied[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        kept.append(cand)
    return [
        Suggestion(start=c.start, end=c.end, text=text[c.start : c.end], tag=TAG, canonical=c.canonical)
        for c in sorted(kept, key=lambda c: c.start)
    ]
