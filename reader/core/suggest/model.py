"""What a detector returns, and the span conventions every detector and the labelled set share.

A `Suggestion` is a candidate annotation: offsets are code points into the article's stored
text (NFC, `\\n` paragraph ends), `text == article_text[start:end]`.

Span conventions (the labelled set under tests/data/suggest/ follows them exactly):

figure   The number with its sign, scale word, currency and percent sign:
         `8.2 مليار دولار`, `15 ٪`, `-3.5%`, `$1.2 مليار`, `١٢٫٥ بالمئة`, `1,045 موظفاً` is
         `1,045` (a plain count: the counted noun is not part of the span, unit None).
         Ranges are one span: `بين 5 و7 ملايين دولار` → `5 و7 ملايين دولار`, `10-15%` →
         `10-15%`; `value` is the low end and `value_high` the high end.
         Words before the number (بنحو، حوالي، بنسبة) are not part of the span. Not figures:
         years and dates
         (`عام 2024`, `5 يونيو`), times, ordinals, model and product names (`H20`, `R1`,
         `5G`), phone numbers, numbers spelled only in words.
         `value` is the number the span denotes (scale applied: `8.2 مليار دولار` → 8.2e9), unit
         is an ISO 4217 code for money (`USD`, `SAR`, `EUR`, `KRW`, `CNY`, `AED`, `EGP`, …), `%` for
         percentages, None for plain quantities.
quote    Speech in quotation marks (“…”, «…», "…"), the marks included, when the quoted text has
         at least three words (shorter quoted terms — titles, scare quotes — are not quotes);
         two adjacent quoted passages are two quotes. Unmarked speech after a speech verb and a
         colon (`وقال الرئيس التنفيذي: ...`) is the text after the colon to the end of the
         sentence. `speaker` is who said it when the same sentence names them (as written in the
         text, without titles: `وي شوجون`; an unnamed speaker as written: `متحدث باسم NVIDIA`).
company  A business organisation (news agencies and media companies included; governments,
         universities, countries, products not): only the name, without a cue word before it
         (`شركة Cambricon` → `Cambricon`), without an attached clitic (`لـ Gizmodo` → `Gizmodo`,
         `وإنفيديا` → `إنفيديا`) or a Latin possessive (`Deepseek's` → `Deepseek`).
         `canonical` is the one name every spelling folds to (`NVIDIA`, `Nvidia`, `إنفيديا` →
         `Nvidia`).
person   A person's name (`Jensen Huang`, `وي شوجون`), without titles; `canonical` the name.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

TAGS = ("company", "figure", "quote", "person")


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    text: str
    tag: str
    value: float | None = None
    value_high: float | None = None
    unit: str | None = None
    canonical: str | None = None
    speaker: str | None = None

    def to_json(self) -> dict:
        """The `suggest --json` object: absent attributes are left out."""
        return {k: v for k, v in asdict(self).items() if v is not None}
