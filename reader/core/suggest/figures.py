"""Figures: numbers with their sign, scale word, currency and percent sign, found by rules.

How it works
------------
1. **Fold.** Matching runs on a folded copy of the text: harakat and tatweel removed and
   letters and digits folded exactly as `strip_tashkeel` and `fold_letters` do (the character
   pairs are taken from those functions; they are applied with `str.replace`, which is twenty
   times faster on a 2 MB article). One pattern then covers `ملياراً`/`مليارا` and
   `١٥`/`۱۵`/`15`. Every pattern below is written in ordinary spelling and folded the same way
   when compiled. Offsets are mapped back to code points of the original text at the end.
2. **Numbers.** Each run of digits and separators (`_RUN`) is parsed on its own
   (`_parse_number`): a run that is not one well-formed number (`10:30`, `2025/06/05`, `1.2.3`,
   `05`) is not a figure. A run glued to Latin letters (`H20`, `R1`, `5G`, `A100`, `GPT-4`) is a
   name, not a figure.
3. **Around each number.** On the left: a sign (`-`, `+`, `−`, the word `سالب`), a currency
   symbol or ISO code (`$`, `US$`, `€`, `USD `), or a percent sign typed first (`%15`). On the
   right: up to two scale words, then a percent sign or word, a currency symbol, ISO code,
   abbreviation (`ر.س`) or currency word with its country adjective (`دولار أمريكي`).
4. **Ranges.** Two neighbouring numbers become one span when joined by a dash (`10-15%`), by
   `و` after `بين` (`بين 5 و7 ملايين`), or by `إلى`/`حتى` after `من` or `بين`. The first end
   borrows the second end's scale and unit; the low end must be below the high end.
5. **Context.** A *bare* number (no scale, currency or percent) is dropped when it is a year,
   a date, a time, an ordinal or label (`الـ5`, `المادة 5`), a product name (`iPhone 15`), part
   of a phone number or a footnote mark. A number with a scale, currency or percent is always
   kept (`2000 دولار`).

Every regular expression is linear: no nested unbounded repetition, and look-ups around a
number read a bounded window, so a 2 MB article costs a few microseconds per number.

Decisions where the conventions leave room
------------------------------------------
* **Comma.** `,`/`٬` followed by exactly three digits groups thousands (`1,045` = 1045,
  `١٬٢٠٠` = 1200, and Indian `1,00,000`); so does the Arabic comma `،` with no space around it
  (`5،000`), which is otherwise a list separator. `,` followed by one or two digits is a European
  decimal comma (`3,5` = 3.5; common in Maghreb news). `1.000.000` (two or more dot groups) is
  European grouping; a single `1.500` is the decimal 1.5. Digit groups separated by no-break or
  thin spaces (`5 000`) are one number; by plain spaces only with at least two groups
  (`5 000 000`) or when the group starts with 0 (`5 000`), since `15 200` in prose is more
  often two numbers.
* **Signs.** `+`, `-` and `−` count when glued to the number (or to its currency symbol) and
  not preceded by another number (then the dash joins a range). The word `سالب` is a sign and
  is part of the span (`سالب 5 درجات` → `سالب 5`, -5). `ناقص` is not (it is also "minus"
  between two numbers).
* **Years.** A bare number is a year when it follows `عام/العام/عامي/سنة` (any integer of up to
  four digits, so Hijri `عام 1445` too), when an era mark follows it (`م`, `هـ`, `ميلادي`,
  `هجري`), or when it is a four-digit integer 1900–2100 written without separators — unless an
  approximation word comes before it (`نحو/حوالي/قرابة/أكثر من …`: `نحو 2000 موظف` is a
  count). So `في 2024` is a year, `1,950 موظفاً` is a count, and `2000 موظف` with nothing
  before it is (wrongly) taken as a year.
* **Plain counts** are figures, single digits included (`3 شركات` → `3`, unit None), as in the
  labelled set.
* **Currency without a country** takes the usual code (`دولار` USD, `ريال` SAR, `درهم` AED,
  `جنيه` EGP, `روبية` INR, `¥` JPY); `دينار`, `ليرة` and `فرنك` alone are ambiguous, so they
  stay in the span as money but with unit None.
* **`من A إلى B`** is a range only when A has no unit of its own (`من 3 إلى 4 مليارات`); with
  two full figures (`من 3% إلى 4%`) it is a change from one value to another: two figures.
* **`نقطة مئوية`** (percentage points) is not a percent unit; the number stays a plain count.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from reader.core.suggest.model import Suggestion
from reader.core.text import fold_letters, strip_tashkeel

TAG = "figure"

# --- folding ----------------------------------------------------------------------------------

# Everything `strip_tashkeel` removes and `fold_letters` changes lies in the Arabic block; the
# tables are read off those two functions so the folding here cannot drift from theirs.
_ARABIC_BLOCK = [chr(c) for c in range(0x0600, 0x0700)]
_MARKS = re.compile("[" + re.escape("".join(ch for ch in _ARABIC_BLOCK if strip_tashkeel(ch) == "")) + "]")
_FOLDED_PAIRS = [(ch, fold_letters(ch)) for ch in _ARABIC_BLOCK if fold_letters(ch) != ch]


def _fold(text: str) -> str:
    """`fold_letters(strip_tashkeel(text))`, fast: used on whole articles and on patterns."""
    text = _MARKS.sub("", text)
    for char, folded in _FOLDED_PAIRS:
        if char in text:
            text = text.replace(char, folded)
    return text


def _words(*words: str) -> frozenset[str]:
    return frozenset(_fold(w) for w in words)


class _FoldedText:
    """The text folded for matching, with the way back to original code points."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = _fold(text)
        # removed[k] - k is non-decreasing, and the number of its entries <= a folded index is
        # the number of characters removed before the character that index stands for.
        self._shift = [m.start() - k for k, m in enumerate(_MARKS.finditer(text))]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of folded [start, end): trailing harakat stay with their letter."""
        orig_start = start + bisect_right(self._shift, start)
        orig_end = end - 1 + bisect_right(self._shift, end - 1) + 1
        while orig_end < len(self.text) and _MARKS.match(self.text, orig_end):
            orig_end += 1
        return orig_start, orig_end


# --- character classes (on folded text) -------------------------------------------------------

# Spaces that may sit between the parts of a figure: ordinary, no-break, thin, zero-width and
# the bidi marks (LRM, RLM, ALM) that Arabic editors scatter around numbers. Never a newline.
_SPACE_CHARS = " \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
               "\u200b\u200c\u200d\u200e\u200f\u202f\u205f\u2060\u3000\u061c"
_SP = "[" + _SPACE_CHARS + "]"
_LETTERS = r"A-Za-z\u00c0-\u024f\u0620-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06fa-\u06ff"
_WORD_END = f"(?![{_LETTERS}])"
_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
_SIGNS = {"+": 1, "-": -1, "\u2212": -1}
_OPENERS = "([{«“‘\"'"
_PERCENT_SIGNS = "%\u066a\ufe6a\uff05"

_MAX_INTEGER_DIGITS = 18  # longer digit runs are identifiers, not amounts
_MIN_PHONE_DIGITS = 7     # "+9665…": a plus sign before this many digits dials a number
_YEARS = range(1900, 2101)
_GAP_LIMIT = 12           # how far the look-ups around a number skip spaces and brackets
_WORD_LIMIT = 30          # the longest word the look-ups read
_PREFIX_WINDOW = 16       # how far left a currency code or "سالب" is looked for

# --- numbers ----------------------------------------------------------------------------------

# A run starts at a digit (so the scan is fast) and swallows every digit next to it, so a match
# never starts inside another run.
_RUN = re.compile(
    r"""
    [0-9] (?: [0-9]{0,2} (?:[\u00a0\u202f\u2009][0-9]{3})+ (?:[.,\u066b][0-9]+)? (?![0-9])  # 5 000 (no-break, thin)
            | [0-9]{0,2} (?:\x20[0-9]{3}){2,} (?:[.,\u066b][0-9]+)? (?![0-9])              # 5 000 000
            | [0-9]{0,2} \x20 (?=0) [0-9]{3} (?![0-9])                                     # 5 000: "000" is no number
            | [0-9]* (?:[.,\u066b\u066c:/][0-9]+|\u060c[0-9]{3}(?![0-9]))*  # everything else, parsed afterwards
          )
    """,
    re.VERBOSE,
)
_GROUP_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")

# Written forms a number may take once spaces are removed and "٫" is read as ".".
_PLAIN = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[,\u066c\u060c][0-9]{3})+(?:\.[0-9]+)?")
_INDIAN_THOUSANDS = re.compile(r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?")
_DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]{1,2}")
_EUROPEAN = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+,[0-9]{1,2}|[0-9]{1,3}(?:\.[0-9]{3}){2,}")


def _parse_number(run: str) -> Decimal | None:
    """The value of one digit run, or None when the run is not a single well-formed number."""
    if len(run) > 1 and run[0] == "0" and run[1].isdigit():
        return None  # phone numbers, codes, the "05" of a date
    if run.isdigit():
        digits = run
    elif ":" in run or "/" in run:
        return None  # times, dates, ratios, fractions
    else:
        s = run.translate(_GROUP_SPACES).replace("\u066b", ".")
        if _PLAIN.fullmatch(s):
            digits = s
        elif _THOUSANDS.fullmatch(s) or _INDIAN_THOUSANDS.fullmatch(s):
            digits = s.replace(",", "").replace("\u066c", "").replace("\u060c", "")
        elif _DECIMAL_COMMA.fullmatch(s):
            digits = s.replace(",", ".")
        elif _EUROPEAN.fullmatch(s):
            digits = s.replace(".", "").replace(",", ".")
        else:
            return None  # versions, IP addresses, lists such as 1,2,3
    if len(digits.partition(".")[0]) > _MAX_INTEGER_DIGITS:
        return None
    return Decimal(digits)


# --- what may stand right of a number -------------------------------------------------------

_SCALES = {
    "thousand": (r"آلاف|ألف(?:اً|ا|ين|ي)?", 10**3),
    "million": (r"ملايين|مليون(?:اً|ا|ين|ي)?", 10**6),
    "billion": (r"مليارات|مليار(?:اً|ا|ين|ي)?|بلايين|بليون(?:ات|اً|ا|ين|ي)?", 10**9),
    "trillion": (r"تري?ليونات|تري?ليون(?:اً|ا|ين|ي)?", 10**12),
    "thousand_latin": (r"(?i:thousand)", 10**3),
    "million_latin": (r"(?i:million|mn)", 10**6),
    "billion_latin": (r"(?i:billion|bn)", 10**9),
    "trillion_latin": (r"(?i:trillion)", 10**12),  # a spaced "tn" is more often tonnes
}
_SCALE = re.compile(
    f"{_SP}*(?:" + "|".join(f"(?P<{name}>{_fold(p)})" for name, (p, _) in _SCALES.items()) + f"){_WORD_END}"
)
_SCALE_VALUES = {name: value for name, (_, value) in _SCALES.items()}
# "$5m", "€3bn", "£2k": one-letter scales only right after a number that has a currency symbol.
_GLUED_SCALE = re.compile(r"(?i:(?P<billion>bn|b)|(?P<million>mn|m)|(?P<trillion>tn)|(?P<thousand>k))(?![A-Za-z])")

_SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₹": "INR", "₺": "TRY",
            "₽": "RUB", "₪": "ILS", "\ufdfc": "SAR"}
_SYMBOL_CLASS = "[" + re.escape("".join(_SYMBOLS)) + "]"
_ISO_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "RMB", "KRW", "INR", "SAR", "AED", "QAR", "KWD",
              "BHD", "OMR", "JOD", "EGP", "MAD", "TND", "DZD", "LYD", "IQD", "TRY", "CHF", "RUB",
              "CAD", "AUD", "HKD", "SGD", "TWD", "ILS", "IRR", "PKR", "BRL")
_ISO_ALIASES = {"RMB": "CNY"}
_ISO = "(?:" + "|".join(_ISO_CODES) + ")"
_ABBREVIATIONS = {_fold(k): v for k, v in {
    "ر.س": "SAR", "ر.ق": "QAR", "ر.ع": "OMR", "د.إ": "AED", "د.ك": "KWD", "د.ب": "BHD", "ج.م": "EGP"}.items()}


@dataclass(frozen=True)
class _Currency:
    noun: str                           # the currency's name with its plural, dual and tanween forms
    default: str | None                 # the code when no country follows (None: ambiguous)
    adjectives: tuple[tuple[str, str], ...] = ()  # (country adjective, code): part of the span


def _adj(stem: str) -> str:
    """A nationality adjective with its feminine and tanween forms: أمريكي، أمريكية، أمريكياً."""
    return f"{stem}ي(?:ة|اً|ا)?"


_CURRENCIES = {
    "dollar": _Currency(r"دولار(?:ات|ين|اً|ا)?", "USD", (
        (_adj("أمي?ري?ك"), "USD"), (_adj("كند"), "CAD"), (_adj("أسترال"), "AUD"),
        (_adj("سنغافور"), "SGD"), (_adj("تايوان"), "TWD"), (_adj("نيوزيلند"), "NZD"),
        (r"هونغ ?كونغ|هونج ?كونج", "HKD"))),
    "riyal": _Currency(r"ريال(?:ات|ين|اً|ا)?", "SAR", (
        (_adj("سعود"), "SAR"), (_adj("قطر"), "QAR"), (_adj("عمان"), "OMR"), (_adj("يمن"), "YER"),
        (_adj("إيران"), "IRR"), (_adj("برازيل"), "BRL"))),
    "dirham": _Currency(r"دراهم|درهم(?:ين|اً|ا)?", "AED", ((_adj("إمارات"), "AED"), (_adj("مغرب"), "MAD"))),
    "dinar": _Currency(r"دنانير|دينار(?:ين|اً|ا)?", None, (
        (_adj("كويت"), "KWD"), (_adj("بحرين"), "BHD"), (_adj("أردن"), "JOD"), (_adj("عراق"), "IQD"),
        (_adj("ليب"), "LYD"), (_adj("تونس"), "TND"), (_adj("جزائر"), "DZD"))),
    "pound": _Currency(r"جنيه(?:ات|ين|اً|ا)?", "EGP", (
        (_adj("مصر"), "EGP"), (_adj("إسترلين"), "GBP"), (_adj("سودان"), "SDG"))),
    "sterling": _Currency(_adj("إسترلين"), "GBP"),
    "euro": _Currency(r"يورو", "EUR"),
    "yen": _Currency(r"ين", "JPY", ((_adj("يابان"), "JPY"),)),
    "yuan": _Currency(r"يوان|رنمينبي", "CNY", ((_adj("صين"), "CNY"),)),
    "won": _Currency(r"وون", "KRW", ((_adj("كور") + f"(?:{_SP}+" + _adj("جنوب") + ")?", "KRW"),)),
    "lira": _Currency(r"ليرة|ليرات|ليرتين", None, ((_adj("ترك"), "TRY"), (_adj("لبنان"), "LBP"), (_adj("سور"), "SYP"))),
    "rupee": _Currency(r"روبية|روبيات", "INR", (
        (_adj("هند"), "INR"), (_adj("باكستان"), "PKR"), (_adj("إندونيس"), "IDR"))),
    "rouble": _Currency(r"روبل(?:ات|اً|ا)?", "RUB", ((_adj("روس"), "RUB"),)),
    "franc": _Currency(r"فرنك(?:ات|اً|ا)?", None, ((_adj("سويسر"), "CHF"),)),
    "shekel": _Currency(r"شيكل|شيقل", "ILS"),
}
_ADJECTIVES = {
    key: tuple((re.compile(f"{_SP}+(?:{_fold(adj)}){_WORD_END}"), code) for adj, code in c.adjectives)
    for key, c in _CURRENCIES.items()
}

# What may follow a number (after its scale words): one alternative per kind of unit.
_UNIT = re.compile(
    f"{_SP}*(?:"
    f"(?P<percent>[{_PERCENT_SIGNS}]|" + _fold(f"(?:بال|في{_SP}+ال)(?:مئة|مائة|مية)") + f"{_WORD_END})"
    f"|(?P<symbol>{_SYMBOL_CLASS})"
    f"|(?P<code>{_ISO})(?![A-Za-z])"
    f"|(?P<abbreviation>" + "|".join(re.escape(k) for k in _ABBREVIATIONS) + f"){_WORD_END}"
    f"|(?:" + "|".join(f"(?P<{key}>{_fold(c.noun)})" for key, c in _CURRENCIES.items()) + f"){_WORD_END}"
    ")"
)
# "5 ملايين من الدولارات": a scale word, "من", and the currency's definite plural.
_OF_CURRENCY = re.compile(
    f"{_SP}+من{_SP}+" + _fold(r"(?:(?P<USD>الدولارات)|(?P<SAR>الريالات)|(?P<AED>الدراهم)|(?P<EGP>الجنيهات)"
                               r"|(?P<EUR>اليوروهات)|(?P<dinar>الدنانير)|(?P<lira>الليرات))") + _WORD_END
)

# --- what may stand left of a number --------------------------------------------------------

_CURRENCY_BEFORE = re.compile(
    f"(?:(?<![A-Za-z])(?P<code>{_ISO}){_SP}+|(?P<us>US)?(?P<symbol>{_SYMBOL_CLASS}){_SP}*)\\Z"
)
_SIGN_WORD = _fold("سالب")
_SIGN_WORD_BEFORE = re.compile(_SIGN_WORD + f"{_SP}+\\Z")

# --- ranges -----------------------------------------------------------------------------------

_RANGE_GAP = re.compile(
    f"(?P<dash>{_SP}*[{_DASHES}]{_SP}*)|(?P<and>{_SP}*و{_SP}*)|(?P<to>{_SP}+" + _fold("(?:إلى|حتى)") + f"{_SP}+)"
)
_RANGE_GAP_LIMIT = 12
_RANGE_CUES = {"and": _words("بين"), "to": _words("من", "بين")}
# Three or more digit runs in a row joined by these are a phone number, a date or a code.
_CHAIN_GAP = re.compile(f"{_SP}*[{_DASHES}]{_SP}*|\\)?\x20")

# Web and e-mail addresses (and @handles) hold digits but no figures: the whole
# whitespace-delimited token around one of these marks is skipped.
_ADDRESS_MARKS = ("://", "www.", "@")
_ADDRESS_LIMIT = 300  # how far back the token around a mark is looked for
_TOKEN_BREAKS = " \n\t\u00a0\u202f\u2009\u3000"
_TOKEN_HEAD = re.compile(r"\S*")

# --- context words (folded) -----------------------------------------------------------------

_YEAR_CUES = _words("عام", "العام", "عامي", "سنة", "السنة", "سنتي", "العامين")
_ERA_MARKS = _words("م", "ه", "ق", "ميلادي", "ميلادية", "هجري", "هجرية")
_QUANTITY_CUES = _words("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "يقارب", "تقارب", "يناهز", "تناهز")
_COMPARATIVES = _words("أكثر", "أقل", "أزيد", "يزيد", "تزيد", "يقل", "تقل")
_COMPARATIVE_PARTICLES = _words("من", "عن", "على")
_MONTHS = _words(
    # Egypt and the Gulf; the Maghreb; Algeria and Tunisia
    "يناير", "فبراير", "مارس", "أبريل", "إبريل", "مايو", "يونيو", "يونيه", "يوليو", "يوليه", "أغسطس",
    "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر", "ماي", "يوليوز", "غشت", "شتنبر", "نونبر", "دجنبر",
    "جانفي", "فيفري", "أفريل", "جوان", "جويلية", "أوت",
    # the Levant and Iraq (كانون and تشرين take a second word)
    "كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
    # Hijri (ذو/ذي القعدة, ذو/ذي الحجة are found by their second word)
    "محرم", "صفر", "ربيع", "جمادى", "رجب", "شعبان", "رمضان", "شوال", "القعدة", "الحجة",
)
_MONTH_FIRST_WORDS = _words("كانون", "تشرين", "ربيع", "جمادى")
_MONTH_SECOND_WORDS = _words("الأول", "الثاني", "الآخر", "الآخرة", "الأولى", "الثانية")
_TIME_CUES_BEFORE = _words("الساعة", "ساعة")
_TIME_WORDS_AFTER = _words("صباحا", "صباح", "مساء", "مساءا", "ظهرا", "عصرا", "فجرا", "ليلا", "ص", "بتوقيت")
_LABEL_WORDS = _words(
    "ال", "رقم", "الرقم", "المرتبة", "المركز", "الترتيب", "الجولة", "المادة", "البند", "الفقرة",
    "الفصل", "الصفحة", "صفحة", "القرن", "الدورة", "النسخة", "الإصدار", "إصدار", "الطبعة", "الحلقة",
    "الجزء", "المجلد", "الطابق", "المرحلة", "القرار", "الموسم",
)
_PRODUCT_WORDS = _words("آيفون", "أيفون", "جالاكسي", "غالاكسي", "ويندوز", "بلايستيشن", "بوينغ", "بوينج",
                        "إيرباص", "طراز", "موديل")
_CLITICS = frozenset("وفبلك")
_MIN_STEM = 3  # letters left after a clitic is taken off
_BEFORE_GAP_CHARS = _SPACE_CHARS + "()/«»\"“”"
_AFTER_GAP_CHARS = _SPACE_CHARS + "()/"


# --- records ----------------------------------------------------------------------------------

@dataclass(slots=True)
class _Number:
    """One number with what stands around it, in folded offsets."""

    start: int
    end: int
    digits_start: int
    digits_end: int
    number: Decimal          # signed, before the scale
    scale: int | None        # None when no scale word follows
    kind: str                # "plain", "money" or "percent"
    unit: str | None
    is_integer_run: bool     # written as bare digits: no separator, no decimal point
    in_chain: bool           # one of three or more digit runs in a row: a phone number, a date

    @property
    def is_bare(self) -> bool:
        return self.kind == "plain" and self.scale is None

    @property
    def value(self) -> Decimal:
        return self.number * (self.scale or 1)

    @property
    def looks_like_year(self) -> bool:
        return self.is_bare and self.is_integer_run and self.digits_end - self.digits_start == 4 \
            and int(self.number) in _YEARS


@dataclass(slots=True)
class _Figure:
    """A figure or a range, in folded offsets, with the numbers it was built from."""

    start: int
    end: int
    low: Decimal
    high: Decimal | None
    unit: str | None
    parts: tuple[_Number, ...]

    @property
    def is_bare(self) -> bool:
        return all(p.is_bare for p in self.parts)


# --- reading around a number ------------------------------------------------------------------

def _is_latin(ch: str) -> bool:
    return ch.isalpha() and (ch.isascii() or "\u00c0" <= ch <= "\u024f")


def _glued_to_name(folded: str, start: int, end: int) -> bool:
    """Digits that are part of a name or code: H20, R1, A100, GPT-4, COVID-19, 5G, 3-D, site24.com."""
    if start:
        before = folded[start - 1]
        if _is_latin(before) or before in "_#@&":
            return True
        if start >= 2 and before in _DASHES and folded[start - 2].isalpha():
            return True
        if start >= 2 and before in ".," and (_is_latin(folded[start - 2]) or folded[start - 2].isdigit()):
            return True
    after = folded[end:end + 2]
    if after[:1] in ("@", "_"):
        return True
    return len(after) == 2 and after[0] in _DASHES + "./" and _is_latin(after[1])


def _skip_back(folded: str, pos: int, chars: str) -> int:
    """The position before the `chars` (at most _GAP_LIMIT of them) that end at `pos`."""
    i = pos
    while i > 0 and folded[i - 1] in chars and pos - i < _GAP_LIMIT:
        i -= 1
    return i


def _left(folded: str, start: int, floor: int) -> tuple[int, int, str | None, str | None]:
    """(new start, sign, kind, unit) for what stands just left of the digits at `start`."""
    if start <= floor:
        return start, 1, None, None
    prev = folded[start - 1]
    if prev in _PERCENT_SIGNS and not folded[start - 2:start - 1].isdigit():
        return start - 1, 1, "percent", "%"  # "%15": the percent sign typed first
    pos, sign, kind, unit = start, None, None, None
    if prev in _SIGNS and start - 2 >= floor and folded[start - 2] in _SYMBOLS:
        sign, pos = _SIGNS[prev], start - 1  # "$-5": the sign after the currency symbol
    # The character before any spaces tells whether a currency or "سالب" may be there at all.
    lead_at = _skip_back(folded, pos, _SPACE_CHARS) - 1
    lead = folded[lead_at] if lead_at >= 0 else ""
    if lead in _SYMBOLS or lead.isupper():
        m = _CURRENCY_BEFORE.search(folded, max(floor, pos - _PREFIX_WINDOW), pos)
        if m:
            pos, kind = m.start(), "money"
            unit = _ISO_ALIASES.get(m["code"], m["code"]) if m["code"] else _SYMBOLS[m["symbol"]]
    if sign is None and pos > floor and folded[pos - 1] in _SIGNS and _sign_is_attached(folded, pos - 1):
        sign, pos = _SIGNS[folded[pos - 1]], pos - 1
    elif sign is None and kind is None and lead == _SIGN_WORD[-1]:
        m = _SIGN_WORD_BEFORE.search(folded, max(floor, pos - _PREFIX_WINDOW), pos)
        if m:
            sign, pos = -1, m.start()
    return pos, sign or 1, kind, unit


def _sign_is_attached(folded: str, sign_at: int) -> bool:
    """A sign starts a token and does not follow a number (then it is a range dash)."""
    if sign_at and folded[sign_at - 1] not in _SPACE_CHARS + "\n" + _OPENERS:
        return False
    i = _skip_back(folded, sign_at, _SPACE_CHARS)
    return not (i > 0 and (folded[i - 1].isdigit() or folded[i - 1] in _PERCENT_SIGNS))


def _right(folded: str, end: int, currency_before: bool) -> tuple[int, int | None, str, str | None]:
    """(new end, scale, kind, unit) for the scale words and unit just right of `end`."""
    pos, scale = end, None
    for _ in range(2):  # "ألف مليار" multiplies
        m = _SCALE.match(folded, pos)
        if not m:
            break
        scale, pos = (scale or 1) * _SCALE_VALUES[m.lastgroup], m.end()
    if currency_before:
        if scale is None and (m := _GLUED_SCALE.match(folded, pos)):
            scale, pos = _SCALE_VALUES[m.lastgroup], m.end()
        return pos, scale, "money", None
    m = _UNIT.match(folded, pos)
    if m is None:
        if scale is not None and (m := _OF_CURRENCY.match(folded, pos)):
            return m.end(), scale, "money", m.lastgroup if m.lastgroup.isupper() else None
        return pos, scale, "plain", None
    group, pos = m.lastgroup, m.end()
    if group == "percent":
        return pos, scale, "percent", "%"
    if group == "symbol":
        return pos, scale, "money", _SYMBOLS[m[group]]
    if group == "code":
        return pos, scale, "money", _ISO_ALIASES.get(m[group], m[group])
    if group == "abbreviation":
        return pos, scale, "money", _ABBREVIATIONS[m[group]]
    unit = _CURRENCIES[group].default
    for adjective, code in _ADJECTIVES[group]:
        if a := adjective.match(folded, pos):
            unit, pos = code, a.end()
            break
    return pos, scale, "money", unit


def _chained_runs(folded: str, runs: list[re.Match]) -> set[int]:
    """Indexes of digit runs in rows of three or more joined by dashes or single spaces:
    phone numbers (050-123-4567, +966 11 234 5678), dates (5-6-2025), codes."""
    chained: set[int] = set()
    i = 0
    while i < len(runs):
        j = i
        while j + 1 < len(runs) and runs[j + 1].start() - runs[j].end() <= _GAP_LIMIT \
                and _CHAIN_GAP.fullmatch(folded, runs[j].end(), runs[j + 1].start()):
            j += 1
        if j - i >= 2:
            chained.update(range(i, j + 1))
        i = j + 1
    return chained


def _address_spans(folded: str) -> list[tuple[int, int]]:
    """Disjoint (start, end) of every token holding "://", "www." or "@", sorted by start."""
    spans = []
    for mark in _ADDRESS_MARKS:
        i = folded.find(mark)
        while i != -1:
            lowest = max(0, i - _ADDRESS_LIMIT)
            last_break = max(folded.rfind(ws, lowest, i) for ws in _TOKEN_BREAKS)
            start = last_break + 1 if last_break >= 0 else lowest
            end = _TOKEN_HEAD.match(folded, i).end()
            spans.append((start, end))
            i = folded.find(mark, max(end, i + 1))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _in_spans(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][1] > pos


def _numbers(folded: str) -> list[_Number]:
    """Every number in the folded text with its sign, scale and unit, left to right."""
    addresses = _address_spans(folded)
    address_starts = [s for s, _ in addresses]
    runs = list(_RUN.finditer(folded))
    chained = _chained_runs(folded, runs)
    found: list[_Number] = []
    floor = 0
    for index, m in enumerate(runs):
        run = m.group()
        digits_start, digits_end = m.span()
        if addresses and _in_spans(addresses, address_starts, digits_start):
            continue
        if _glued_to_name(folded, digits_start, digits_end):
            continue
        number = _parse_number(run)
        if number is None:
            continue
        start, sign, kind, unit = _left(folded, digits_start, floor)
        if sign == 1 and folded[digits_start - 1:digits_start] == "+" and len(run) >= _MIN_PHONE_DIGITS:
            continue  # "+9665…" is a phone number
        end, scale, right_kind, right_unit = _right(folded, digits_end, kind == "money")
        if end == digits_end and _is_latin(folded[end:end + 1]):
            continue  # 5G, 4K, 3nm: a code, or a unit glued to the digits
        if kind is None:
            kind, unit = right_kind, right_unit
        found.append(_Number(start, end, digits_start, digits_end, sign * number, scale, kind, unit,
                             is_integer_run=run.isdigit(), in_chain=index in chained))
        floor = end
    return found


# --- ranges -----------------------------------------------------------------------------------

def _range_gap(folded: str, a: _Number, b: _Number, strict: bool) -> str | None:
    """"dash", "and" or "to" when the text between a and b can join them into a range."""
    if b.start - a.end > _RANGE_GAP_LIMIT:
        return None
    m = _RANGE_GAP.fullmatch(folded, a.end, b.start)
    if m is None:
        return None
    gap = m.lastgroup
    if strict and gap != "dash" and not _word_forms(_word_before(folded, a.start)[0]) & _RANGE_CUES[gap]:
        return None  # "و" and "إلى" make a range only after "بين" / "من"
    return gap


def _join(a: _Number, b: _Number, gap: str) -> _Figure | None:
    """The range a–b, or None when the two numbers are not the two ends of one range."""
    if a.kind != "plain" and (gap == "to" or (a.kind, a.unit) != (b.kind, b.unit)):
        return None  # "من 3% إلى 4%" is a change from one figure to another
    low = a.number * (a.scale or b.scale or 1)
    high = b.value
    if not low < high:
        return None
    return _Figure(a.start, b.end, low, high, b.unit, (a, b))


def _figures(folded: str, strict: bool) -> list[_Figure]:
    """Numbers joined into ranges; in strict mode, numbers that are not figures are dropped."""
    numbers = [n for n in _numbers(folded) if not (strict and n.in_chain)]
    figures: list[_Figure] = []
    i = 0
    while i < len(numbers):
        a = numbers[i]
        b = numbers[i + 1] if i + 1 < len(numbers) else None
        gap = _range_gap(folded, a, b, strict) if b else None
        if gap:
            joined = _join(a, b, gap)
            if joined:
                figures.append(joined)
                i += 2
                continue
            if strict and gap == "dash" and a.is_bare and b.is_bare:
                i += 2  # 3-1, 2023-24: a score or a span of years, not a range
                continue
        figures.append(_Figure(a.start, a.end, a.value, None, a.unit, (a,)))
        i += 1
    if strict:
        figures = [f for f in figures if not (f.is_bare and _not_a_figure(folded, f))]
    return figures


# --- context ----------------------------------------------------------------------------------

def _word_before(folded: str, pos: int, gap_chars: str = _BEFORE_GAP_CHARS) -> tuple[str, int]:
    """The word that ends just before `pos` past spaces and brackets, and where it starts."""
    end = i = _skip_back(folded, pos, gap_chars)
    while i > 0 and folded[i - 1].isalpha() and end - i < _WORD_LIMIT:
        i -= 1
    return folded[i:end], i


def _word_after(folded: str, pos: int) -> tuple[str, int]:
    """The word that starts just after `pos` past spaces and brackets, and where it ends."""
    i = pos
    while i < len(folded) and folded[i] in _AFTER_GAP_CHARS and i - pos < _GAP_LIMIT:
        i += 1
    start = i
    while i < len(folded) and folded[i].isalpha() and i - start < _WORD_LIMIT:
        i += 1
    return folded[start:i], i


def _word_forms(word: str) -> set[str]:
    """The word and the word without a leading clitic: لعام → عام، للعام → العام، وبنحو → نحو.

    What is left must have three letters or more, so "باب" (door) does not become "آب" (August).
    """
    forms = {word}
    if len(word) > _MIN_STEM and word[0] in _CLITICS:
        forms.add(word[1:])
        if len(word) > _MIN_STEM + 1 and word[1] in _CLITICS:
            forms.add(word[2:])
    if word.startswith("لل") and len(word) > _MIN_STEM:
        forms.add("ال" + word[2:])
    return forms


def _is_month_before(folded: str, word: str, word_start: int) -> bool:
    if _word_forms(word) & _MONTHS:
        return True
    if word in _MONTH_SECOND_WORDS:  # تشرين الأول 2024
        return bool(_word_forms(_word_before(folded, word_start)[0]) & _MONTH_FIRST_WORDS)
    return False


def _is_month_after(folded: str, pos: int) -> bool:
    word, word_end = _word_after(folded, pos)
    if word == "من":  # 5 من يونيو
        word, word_end = _word_after(folded, word_end)
    if word in ("ذو", "ذي"):  # 10 ذو الحجة
        word = _word_after(folded, word_end)[0]
    return bool(_word_forms(word) & _MONTHS)


def _has_quantity_cue(folded: str, word: str, word_start: int) -> bool:
    if _word_forms(word) & _QUANTITY_CUES:
        return True
    if word in _COMPARATIVE_PARTICLES:  # أكثر من 2000
        return bool(_word_forms(_word_before(folded, word_start)[0]) & _COMPARATIVES)
    return False


def _glued_article(folded: str, pos: int) -> bool:
    """"الـ5" (folded to "ال5"): the article glued to a number makes it an ordinal."""
    return folded[max(0, pos - 2):pos] == "ال" and (pos < 3 or not folded[pos - 3].isalpha())


def _is_latin_word(word: str) -> bool:
    return any(form and all(_is_latin(ch) for ch in form) for form in _word_forms(word))


def _not_a_figure(folded: str, figure: _Figure) -> bool:
    """A bare number (or range) that is a year, date, time, ordinal, label or product name."""
    first, last = figure.parts[0], figure.parts[-1]
    before, before_start = _word_before(folded, figure.start)
    before_forms = _word_forms(before)
    after = _word_after(folded, figure.end)[0]
    if before_forms & _YEAR_CUES and all(p.is_integer_run and p.digits_end - p.digits_start <= 4
                                         for p in figure.parts):
        return True
    if after in _ERA_MARKS:
        return True
    if all(p.looks_like_year for p in figure.parts) and not _has_quantity_cue(folded, before, before_start):
        return True
    if _is_month_before(folded, before, before_start) or _is_month_after(folded, figure.end):
        return True
    if before_forms & _TIME_CUES_BEFORE or after in _TIME_WORDS_AFTER:
        return True
    if before_forms & (_LABEL_WORDS | _PRODUCT_WORDS) or _glued_article(folded, first.start):
        return True
    if _is_latin_word(_word_before(folded, figure.start, _SPACE_CHARS)[0]):
        return True  # iPhone 15, وWindows 11, RTX 4090
    return folded[first.start - 1:first.start] == "[" and folded[last.end:last.end + 1] == "]"  # footnote


# --- public API -------------------------------------------------------------------------------

def _to_suggestion(source: _FoldedText, figure: _Figure) -> Suggestion:
    start, end = source.span(figure.start, figure.end)
    return Suggestion(
        start=start, end=end, text=source.text[start:end], tag=TAG,
        value=float(figure.low),
        value_high=float(figure.high) if figure.high is not None else None,
        unit=figure.unit,
    )


def find_figures(text: str) -> list[Suggestion]:
    """Every figure in `text` (tag "figure"), sorted by start and not overlapping."""
    source = _FoldedText(text)
    return [_to_suggestion(source, f) for f in _figures(source.folded, strict=True)]


def parse_figure(span: str) -> tuple[float | None, float | None, str | None]:
    """(value, value_high, unit) of the figure in a span a person selected.

    Words around the figure (بنحو، حوالي، punctuation) are ignored, and the context rules that
    make `find_figures` pass over a number (a year cue, a date) are not applied: the reader said
    it is a figure. A range needs no "بين"/"من" before it. The first figure in the span wins.
    (None, None, None) when the span holds no number.
    """
    source = _FoldedText(span)
    figures = _figures(source.folded, strict=False)
    if not figures:
        return None, None, None
    s = _to_suggestion(source, figures[0])
    return s.value, s.value_high, s.unit
