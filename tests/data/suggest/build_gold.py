"""Build the labelled set's `NAME.gold.json` files from the labels written below.

Labels are (text, tag, occurrence, attributes), written with the helpers F (figure), Q (quote),
C (company) and P (person); offsets are computed here, never typed by hand. A label's text is
found in the article as follows:

    "8.2 مليار دولار"          the exact text; it must occur once unless n= says which
    n=2 / n="all"              the 2nd occurrence (1-based) / every occurrence (those overlapping
                               an explicit label of the same tag are skipped)
    "و[1%] لموظفي"             context: the span is the bracketed part of that (unique) context
    "«دورة…قبل»"               from the first "«دورة" to the first "قبل»" after it (one paragraph)

The script fails loudly when a label is not found, is ambiguous, an occurrence is out of range,
two labels of one tag overlap, or a figure's value/unit disagrees with its text (a check of the
labels, not a detector). Articles are stored NFC-normalised (`normalize_article_text`).

    python tests/data/suggest/build_gold.py            # write every NAME.gold.json
    python tests/data/suggest/build_gold.py --check    # exit 1 if a gold file is out of date
    python tests/data/suggest/build_gold.py --review dev/aramco-results
                                                        # print spans in order, and the digits,
                                                        # Latin words and quote marks left unlabelled

Label conventions beyond model.py are in README.md next to this file.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))  # the repository root, for reader.core.text

from reader.core.text import normalize_article_text  # noqa: E402

ELLIPSIS = "…"
CLITIC_LETTERS = "وفلبك"  # a name may follow one of these clitics (وإنفيديا, لرويترز, بـ, لـ)
TATWEEL = "ـ"


@dataclass(frozen=True)
class Label:
    text: str
    tag: str
    n: int | str | None = None
    attrs: dict = field(default_factory=dict)


def F(text: str, value: float, high: float | None = None, unit: str | None = None, n=None) -> Label:  # noqa: ANN001
    return Label(text, "figure", n, {"value": value, "value_high": high, "unit": unit})


def Q(text: str, speaker: str | None = None, n=None) -> Label:  # noqa: ANN001
    return Label(text, "quote", n, {"speaker": speaker})


def C(text: str, canonical: str | None = None, n=None) -> Label:  # noqa: ANN001
    """A company; `canonical` defaults to the text (Latin names that are already canonical)."""
    return Label(text, "company", n, {"canonical": canonical or _bare(text)})


def P(text: str, canonical: str | None = None, n=None) -> Label:  # noqa: ANN001
    return Label(text, "person", n, {"canonical": canonical or _bare(text)})


def _bare(text: str) -> str:
    """The name a label denotes: the bracketed part of a context label, else the text."""
    return text[text.index("[") + 1:text.index("]")] if "[" in text else text


# ---------------------------------------------------------------------------------------------
# Labels. Every figure, quote, company and person the conventions define is labelled.
# ---------------------------------------------------------------------------------------------
USD, SAR, AED, EGP, KRW, CNY, EUR, PCT = "USD", "SAR", "AED", "EGP", "KRW", "CNY", "EUR", "%"

ARTICLES: dict[str, list[Label]] = {}

ARTICLES["dev/nvidia-china"] = [
    C("nvidia", "Nvidia"),
    C("Nvidia", "Nvidia", n="all"),
    C("NVIDIA", "Nvidia", n="all"),
    C("Tencent"),
    C("رويترز", "Reuters", n="all"),
    C("Alibaba", n="all"),
    C("Baidu"),
    C("Gizmodo"),
    C("Cambricon"),
    C("Huawei"),
    C("Metax"),
    C("وول ستريت جورنال", "The Wall Street Journal"),
    C("Bytedance", "ByteDance"),
    C("Deepseek", "DeepSeek"),
    C("فاينانشيال تايمز", "Financial Times"),
    C("AMD"),
    C("بلومبرج", "Bloomberg"),
    P("ترامب", "دونالد ترامب", n="all"),
    P("بايدن", "جو بايدن"),
    P("Jensen Huang"),
    P("وي شوجون"),
    Q("“لقد وصلت…شك”", speaker="متحدث باسم NVIDIA"),
    Q("“سيختار العملاء…مكان.”"),
    Q("“من المؤسف…الكبيرة”", speaker="وي شوجون"),
    F("8 مليارات دولار", 8e9, unit=USD),
    F("15 ٪", 15, unit=PCT),
    F("8.2 مليار دولار", 8.2e9, unit=USD),
]

ARTICLES["dev/sk-hynix-hbm"] = [
    C("إس كيه هاينكس", "SK Hynix", n="all"),
    C("SK Hynix", n="all"),
    C("بلومبرغ", "Bloomberg"),
    C("إنفيديا", "Nvidia", n="all"),
    C("سامسونج للإلكترونيات", "Samsung Electronics"),
    C("سامسونج", "Samsung Electronics", n="all"),
    C("Micron Technology", "Micron"),
    C("مورغان ستانلي", "Morgan Stanley"),
    C("TrendForce"),
    P("بارك سانغ-مين"),
    P("شون كيم"),
    P("هان جي-وون"),
    Q('"لقد بعنا…2027"', speaker="بارك سانغ-مين"),
    Q("«دورة الذاكرة…قبل»", speaker="شون كيم"),
    F("11.4 تريليون وون", 11.4e12, unit=KRW),
    F("8.2 مليار دولار", 8.2e9, unit=USD),
    F("62%", 62, unit=PCT),
    F("24.4 تريليون وون", 24.4e12, unit=KRW),
    F("23.9 تريليون وون", 23.9e12, unit=KRW),
    F("4.8%", 4.8, unit=PCT),
    F("312,500 وون", 312500, unit=KRW),
    F("60%", 60, unit=PCT),
    F("25%", 25, unit=PCT),
    F("15%", 15, unit=PCT),
    F("30%", 30, unit=PCT),
    F("15 و20%", 15, 20, unit=PCT),
    F("3.9 تريليون وون", 3.9e12, unit=KRW),
    F("٢٠ تريليون وون", 20e12, unit=KRW),
    F("٣٬٥٠٠", 3500),
    F("100 مليار دولار", 100e9, unit=USD),
    F("16 مليار دولار", 16e9, unit=USD),
]

ARTICLES["dev/aramco-results"] = [
    C("أرامكو السعودية", "Saudi Aramco"),
    C("أرامكو", "Saudi Aramco", n="all"),
    C("سابك", "SABIC"),
    C("بلومبرغ", "Bloomberg"),
    P("فهد العبدالكريم"),
    Q("نتائجنا تعكس…السوق", speaker="فهد العبدالكريم"),
    Q("نواصل تنفيذ…تغيير"),
    F("19%", 19, unit=PCT, n="all"),
    F("85 مليار ريال", 85e9, unit=SAR),
    F("22.7 مليار دولار", 22.7e9, unit=USD),
    F("80.1 مليار ريال", 80.1e9, unit=SAR),
    F("116.5 مليار ريال", 116.5e9, unit=SAR),
    F("0.3 مليار دولار", 0.3e9, unit=USD),
    F("12.4 مليون", 12.4e6),
    F("66.7 دولار", 66.7, unit=USD),
    F("85.4 دولار", 85.4, unit=USD),
    F("52 و58 مليار دولار", 52e9, 58e9, unit=USD),
    F("0.8%", 0.8, unit=PCT),
    F("24.12 ريالاً", 24.12, unit=SAR),
    F("5.8 تريليون ريال", 5.8e12, unit=SAR),
    F("548 ألف", 548e3),
    F("12%", 12, unit=PCT),
    F("67 دولاراً", 67, unit=USD),
    F("70%", 70, unit=PCT),
    F("4.07 مليار ريال", 4.07e9, unit=SAR),
    F("3 و4 مليارات ريال سعودي", 3e9, 4e9, unit=SAR),
    F("$5 مليارات", 5e9, unit=USD),
    F("10 مليارات دولار", 10e9, unit=USD),
    F("60%", 60, unit=PCT),
]

ARTICLES["dev/egypt-pound"] = [
    C("البنك الأهلي المصري", "National Bank of Egypt"),
    C("بنك مصر", "Banque Misr"),
    C("البنك التجاري الدولي", "CIB"),
    C("CIB"),
    C("نوران كابيتال"),
    P("أحمد الشناوي"),
    P("منى الغزالي"),
    Q("«الضغوط…المنطقة»", speaker="أحمد الشناوي"),
    Q('"المستثمرون الأجانب…الصرف"', speaker="منى الغزالي"),
    F("[٥٠٫٨٥] مقابل", 50.85),
    F("٥٠٫٨٥ جنيه", 50.85, unit=EGP),
    F("٤٨٫٧ مليار دولار", 48.7e9, unit=USD),
    F("٤٦٫٥ مليار دولار", 46.5e9, unit=USD),
    F("١٢٫٥ في المائة", 12.5, unit=PCT),
    F("١٣٫٩ في المائة", 13.9, unit=PCT),
    F("١٫٢ مليار دولار", 1.2e9, unit=USD),
    F("٨ مليارات دولار", 8e9, unit=USD),
    F("[٢٠٠] نقطة", 200),
    F("٢٢ بالمئة", 22, unit=PCT),
    F("١٧٫٢٥٪", 17.25, unit=PCT),
    F("٧٥٠ مليار جنيه مصري", 750e9, unit=EGP),
    F("٣١٪", 31, unit=PCT),
    F("٤٢٫٦ مليار جنيه", 42.6e9, unit=EGP),
    F("٣٥ و٤٠ مليار دولار", 35e9, 40e9, unit=USD),
    F("١٫٤٪", 1.4, unit=PCT),
    F("٣٤٬٢١٠", 34210),
    F("٤٫٨ مليار جنيه", 4.8e9, unit=EGP),
    F("١٥٠ مليار دولار", 150e9, unit=USD),
    F("١٥٥٫١ مليار دولار", 155.1e9, unit=USD),
]

ARTICLES["dev/dubai-ipo"] = [
    C("مدار", n="all"),
    C("الفطيم", "Al-Futtaim"),
    C("سوق دبي المالي", "Dubai Financial Market"),
    C("بنك الإمارات دبي الوطني", "Emirates NBD"),
    C("HSBC"),
    C("EFG Hermes"),
    C("بنك أبوظبي الأول", "First Abu Dhabi Bank"),
    C('"[الشرق]"', "Asharq"),
    C("LSEG"),
    C("الصقر كابيتال"),
    P("سالم المهيري"),
    P("خالد الحمادي"),
    Q('"نرى شهية…الإمارات"', speaker="سالم المهيري"),
    Q("السوق قادرة…المنطقة", speaker="خالد الحمادي"),
    F("1.9 مليار درهم", 1.9e9, unit=AED, n="all"),
    F("2.45 و2.60 درهم", 2.45, 2.6, unit=AED),
    F("517 مليون دولار", 517e6, unit=USD),
    F("9.8 و10.4 مليار درهم", 9.8e9, 10.4e9, unit=AED),
    F("730 مليون", 730e6),
    F("25%", 25, unit=PCT),
    F("[10%] من الأسهم", 10, unit=PCT),
    F("و[1%] لموظفي", 1, unit=PCT),
    F("8% و10%", 8, 10, unit=PCT),
    F("[42] مستودعاً", 42),
    F("1.2 مليون", 1.2e6),
    F("6,800", 6800),
    F("3.1 مليار درهم", 3.1e9, unit=AED),
    F("18%", 18, unit=PCT),
    F("412 مليون درهم", 412e6, unit=AED),
    F("200 مليون درهم", 200e6, unit=AED),
    F("50%", 50, unit=PCT),
    F("7.3 مليار دولار", 7.3e9, unit=USD),
    F("[26] طرحاً", 26),
    F("60 في المئة", 60, unit=PCT),
    F("28 في المئة", 28, unit=PCT),
]

ARTICLES["dev/saudi-startup-funding"] = [
    C("مرفأ", n="all"),
    C("Sanabil Investments"),
    C("صندوق الاستثمارات العامة", "PIF"),
    C("STV"),
    C("Raed Ventures"),
    C("بيكو كابيتال", "BECO Capital"),
    C('"[الشرق]"', "Asharq"),
    C("MAGNiTT"),
    C("كاشو"),
    C("Global Ventures", n="all"),
    C("بريك"),
    P("عبدالله القحطاني"),
    P("Daniel Weber"),
    Q('"نخطط…2026"', speaker="عبدالله القحطاني"),
    Q("الشركات التي تحقق…فقط"),
    F("45 مليون دولار", 45e6, unit=USD, n="all"),
    F("[18] شهراً", 18),
    F("[200] موظف", 200),
    F("12,000", 12000),
    F("1.5 مليار ريال", 1.5e9, unit=SAR),
    F("1.34 مليار دولار", 1.34e9, unit=USD),
    F("116%", 116, unit=PCT),
    F("$12 مليون", 12e6, unit=USD),
    F("3 و4 ملايين دولار", 3e6, 4e6, unit=USD),
    F("2.3 مليون دولار", 2.3e6, unit=USD),
    F("1.6 مليون دولار", 1.6e6, unit=USD),
    F("[70] صندوقاً", 70),
    F("4 مليارات ريال", 4e9, unit=SAR),
    F("[3] شركات", 3),
]

ARTICLES["dev/alibaba-ai-spending"] = [
    C("علي بابا", "Alibaba", n="all"),
    C("[Alibaba] الصينية", "Alibaba"),
    C("Alibaba Cloud"),
    C("Tencent"),
    C("Baidu"),
    C("ByteDance"),
    C("DeepSeek"),
    C("Counterpoint Research"),
    C("رويترز", "Reuters"),
    C("Nvidia"),
    C("Huawei"),
    C("Cambricon"),
    C("OpenAI"),
    C("Oracle"),
    C("Microsoft"),
    C("Alphabet"),
    C("Amazon"),
    C("Meta"),
    C("Harbor Asset Management"),
    P("إيدي وو"),
    P("Li Wei"),
    P("جيسون تشانغ"),
    Q("«الشركات الصينية…H100»", speaker="Li Wei"),
    Q('"نحن في بداية…كاملاً"', speaker="جيسون تشانغ"),
    F("380 مليار يوان", 380e9, unit=CNY, n="all"),
    F("53 مليار دولار", 53e9, unit=USD),
    F("26%", 26, unit=PCT),
    F("33.4 مليار يوان", 33.4e9, unit=CNY),
    F("85%", 85, unit=PCT),
    F("0.5 يوان", 0.5, unit=CNY),
    F("5.6 مليون دولار", 5.6e6, unit=USD),
    F("30-40%", 30, 40, unit=PCT),
    F("300 مليار دولار", 300e9, unit=USD),
    F("400 مليار دولار", 400e9, unit=USD),
    F("3.2%", 3.2, unit=PCT),
    F("158.40 دولار هونغ كونغ", 158.4, unit="HKD"),
    F("90 في المئة", 90, unit=PCT),
]

ARTICLES["dev/gulf-telecoms"] = [
    C("stc", n="all"),
    C("موبايلي", "Mobily", n="all"),
    C("زين السعودية", "Zain KSA", n="all"),
    C("e&"),
    C("إي آند", "e&"),
    C("du"),
    C("Arqaam Capital"),
    P("ماجد العمري"),
    P("نادية الكعبي"),
    Q("نستهدف…السحابية", speaker="ماجد العمري"),
    Q("«الشركات التي ستنجح…شبكات»", speaker="نادية الكعبي"),
    F("3.6 مليار ريال", 3.6e9, unit=SAR, n=1),
    F("5.2%", 5.2, unit=PCT),
    F("3.6 مليار ريال سعودي", 3.6e9, unit=SAR),
    F("19.4 مليار ريال سعودي", 19.4e9, unit=SAR),
    F("9.1 مليون", 9.1e6),
    F("1.4 مليون", 1.4e6),
    F("85%", 85, unit=PCT),
    F("40%", 40, unit=PCT),
    F("844 مليون ريال", 844e6, unit=SAR),
    F("136 مليون ريال", 136e6, unit=SAR),
    F("1.1%", 1.1, unit=PCT),
    F("41.80 ريال", 41.8, unit=SAR),
    F("+2.4%", 2.4, unit=PCT),
    F("-0.5%", -0.5, unit=PCT),
    F("2.9 مليار درهم", 2.9e9, unit=AED),
    F("[38] دولة", 38),
    F("180 مليون", 180e6),
    F("0.15 درهم", 0.15, unit=AED),
    F("3 آلاف", 3e3),
]

ARTICLES["dev/gulf-ecommerce"] = [
    C("أمازون", "Amazon", n="all"),
    C("أمازون و[نون] تتنافسان", "Noon"),
    C("أمازون و[نون] معاً", "Noon"),
    C("منصة [نون] أكثر", "Noon"),
    C("وقالت [نون]،", "Noon"),
    C("Redseer", n="all"),
    C("صندوق الاستثمارات العامة", "PIF"),
    C("أعلنت [طلبات]،", "Talabat"),
    C("Delivery Hero", n="all"),
    C("رفعت [جاهز] توقعاتها", "Jahez"),
    C("أما [كريم]،", "Careem"),
    C("أوبر", "Uber", n="all"),
    C("e&"),
    P("محمد العبار"),
    P("فراس حداد"),
    P("Niklas Östberg"),
    P("وتابع [حداد]:", "فراس حداد"),
    Q("“المستهلك الخليجي…بالكامل”", speaker="فراس حداد"),
    Q("“السؤال…العملاء”", speaker="حداد"),
    Q("“وهذا ما يفسر…المالية”"),
    F("50 مليار دولار", 50e9, unit=USD, n="all"),
    F("30 مليار دولار", 30e9, unit=USD),
    F("10 و12 في المئة", 10, 12, unit=PCT),
    F("45%", 45, unit=PCT),
    F("12,000", 12000),
    F("[40] مركزاً", 40),
    F("100 ألف", 100e3),
    F("3.6 مليار يورو", 3.6e9, unit=EUR),
    F("16%", 16, unit=PCT),
    F("2.1 مليار دولار", 2.1e9, unit=USD),
    F("2.7 و2.9 مليار ريال", 2.7e9, 2.9e9, unit=SAR),
    F("3.1 مليار دولار", 3.1e9, unit=USD),
    F("35 بالمئة", 35, unit=PCT),
    F("70 بالمئة", 70, unit=PCT),
]

ARTICLES["test/tsmc-outlook"] = [
    C("TSMC", n="all"),
    C("تايوان لصناعة أشباه الموصلات", "TSMC"),
    C("Apple"),
    C("Nvidia"),
    C("AMD"),
    C("Qualcomm"),
    C("سامسونج", "Samsung Electronics"),
    C("TrendForce"),
    C("Morgan Stanley", n="all"),
    P("لين جيا-هاو"),
    P("قال [لين]،", "لين جيا-هاو"),
    P("دونالد ترامب"),
    Q("الطلب على رقائق…فقط", speaker="لين جيا-هاو"),
    Q("«لا نرى…تقدماً»", speaker="لين"),
    Q('"نتوقع أن…2027"', speaker="محللو Morgan Stanley"),
    F("35%", 35, unit=PCT, n="all"),
    F("452.3 مليار دولار تايواني", 452.3e9, unit="TWD"),
    F("14.8 مليار دولار أمريكي", 14.8e9, unit=USD),
    F("39.1%", 39.1, unit=PCT),
    F("30.3%", 30.3, unit=PCT),
    F("33.1 مليار دولار", 33.1e9, unit=USD),
    F("59.5%", 59.5, unit=PCT),
    F("32.2 و33.4 مليار دولار", 32.2e9, 33.4e9, unit=USD),
    F("40-42 مليار دولار", 40e9, 42e9, unit=USD),
    F("165 مليار دولار", 165e9, unit=USD),
    F("1.4%", 1.4, unit=PCT),
    F("1,465 دولاراً تايوانياً", 1465, unit="TWD"),
    F("2.1%", 2.1, unit=PCT),
    F("1.5 تريليون دولار", 1.5e12, unit=USD),
    F("70.2%", 70.2, unit=PCT),
    F("7.3%", 7.3, unit=PCT),
    F("3 و5%", 3, 5, unit=PCT),
    F("25%", 25, unit=PCT),
]

ARTICLES["test/oil-opec"] = [
    C("غولدمان ساكس", "Goldman Sachs"),
    C("باركليز", "Barclays"),
    C("Rystad Energy"),
    C("رويترز", "Reuters"),
    C("أرامكو السعودية", "Saudi Aramco"),
    C("ثقة [أرامكو]", "Saudi Aramco"),
    P("عبدالعزيز بن سلمان"),
    P("هيلين مارتن"),
    Q('"السوق تتجه…آسيا"', speaker="هيلين مارتن"),
    Q("الزيادة تعكس…الفائض", speaker="تاجر في سنغافورة"),
    F("1.12 دولار", 1.12, unit=USD),
    F("1.7%", 1.7, unit=PCT),
    F("64.35 دولار", 64.35, unit=USD),
    F("1.05 دولار", 1.05, unit=USD),
    F("1.6%", 1.6, unit=PCT),
    F("60.63 دولار", 60.63, unit=USD),
    F("137 ألف", 137e3),
    F("1.65 مليون", 1.65e6),
    F("56 دولاراً", 56, unit=USD),
    F("60 و70 دولاراً", 60, 70, unit=USD),
    F("3.5 مليون", 3.5e6),
    F("423.8 مليون", 423.8e6),
    F("1.2 مليون", 1.2e6),
    F("2.20 دولار", 2.2, unit=USD),
    F("3.9%", 3.9, unit=PCT),
    F("11.5 مليون", 11.5e6),
    F("15 في المئة", 15, unit=PCT),
    F("80 و90 دولاراً", 80, 90, unit=USD),
]

ARTICLES["test/uae-banks"] = [
    C("«[الشرق]»", "Asharq"),
    C("بنك الإمارات دبي الوطني", "Emirates NBD", n="all"),
    C("بنك أبوظبي الأول", "First Abu Dhabi Bank"),
    C("بنك أبوظبي التجاري", "ADCB"),
    C("بنك دبي الإسلامي", "Dubai Islamic Bank"),
    C("Arqaam Capital"),
    C("سوق دبي المالي", "Dubai Financial Market"),
    P("ديفيد هاريسون"),
    P("Robert Jenkins"),
    Q("«حققنا…الأصول»", speaker="ديفيد هاريسون"),
    Q("البنوك الإماراتية تدخل…المخاطر", speaker="Robert Jenkins"),
    F("١٢٪", 12, unit=PCT, n="all"),
    F("١٦ مليار درهم", 16e9, unit=AED),
    F("٦٫١ مليار درهم", 6.1e9, unit=AED),
    F("٥٫٢ مليار درهم", 5.2e9, unit=AED),
    F("٢٫٩ مليار درهم", 2.9e9, unit=AED),
    F("١٫٨ مليار درهم", 1.8e9, unit=AED),
    F("بنسبة [٩٪]", 9, unit=PCT),
    F("[٢٥] نقطة", 25),
    F("٤٫١٥٪", 4.15, unit=PCT),
    F("٢٫٣ تريليون درهم", 2.3e12, unit=AED),
    F("٢٫٨ بالمئة", 2.8, unit=PCT),
    F("٣٫٤ بالمئة", 3.4, unit=PCT),
    F("٣٫٢٪", 3.2, unit=PCT),
    F("٢٤٫٦٠ درهم", 24.6, unit=AED),
    F("٠٫٩٪", 0.9, unit=PCT),
    F("٦٬٠١٢", 6012),
    F("٧٨٠ مليون درهم", 780e6, unit=AED),
    F("٤٫٨٪", 4.8, unit=PCT),
    F("٧٥٪", 75, unit=PCT),
    F("٣٨ ألف", 38e3),
]

ARTICLES["test/sovereign-funds"] = [
    C("صندوق الاستثمارات العامة", "PIF", n="all"),
    C("Lucid Group"),
    C("أرامكو", "Saudi Aramco"),
    C("مبادلة", "Mubadala", n="all"),
    C("Zenith Life"),
    C("بلومبرغ", "Bloomberg"),
    C("جهاز قطر للاستثمار", "QIA"),
    C("Global SWF", n="all"),
    P("محمد بن سلمان"),
    P("ياسر الرميان"),
    P("كمال عوض"),
    P("توماس بيرغ"),
    Q("“نرى فرصاً…الرقمية”", speaker="كمال عوض"),
    Q("“سنواصل…الوسطى”"),
    Q('"الصناديق الخليجية…الناشئة"', speaker="توماس بيرغ"),
    F("3.4 تريليون ريال", 3.4e12, unit=SAR),
    F("19%", 19, unit=PCT),
    F("3.42 تريليون ريال", 3.42e12, unit=SAR),
    F("913 مليار دولار", 913e9, unit=USD),
    F("7.2%", 7.2, unit=PCT),
    F("بنسبة [8%]", 8, unit=PCT),
    F("16%", 16, unit=PCT),
    F("68%", 68, unit=PCT),
    F("32%", 32, unit=PCT),
    F("29.2 مليار دولار", 29.2e9, unit=USD),
    F("17.5 مليار دولار", 17.5e9, unit=USD),
    F("1.2 تريليون درهم", 1.2e12, unit=AED),
    F("600 مليون جنيه إسترليني", 600e6, unit="GBP"),
    F("500 مليار دولار", 500e9, unit=USD),
    F("3.5 مليار ريال قطري", 3.5e9, unit="QAR"),
    F("40%", 40, unit=PCT),
    F("136 مليار دولار", 136e9, unit=USD),
    F("4.5 و5 تريليونات دولار", 4.5e12, 5e12, unit=USD),
]

ARTICLES["test/egypt-investment"] = [
    C("ADQ"),
    C("طلعت مصطفى", "Talaat Moustafa Group"),
    C("Siemens Mobility"),
    C("أوراسكوم", "Orascom Construction"),
    C("المقاولون العرب", "Arab Contractors"),
    C("الأفق كابيتال"),
    P("مصطفى مدبولي"),
    P("سارة الجمال"),
    Q("«البيئة…الحكومية»", speaker="سارة الجمال"),
    F("٤٢ مليار دولار", 42e9, unit=USD, n="all"),
    F("٤٦٫١ مليار دولار", 46.1e9, unit=USD),
    F("٣٥ مليار دولار", 35e9, unit=USD),
    F("٤ مليارات يورو", 4e9, unit=EUR),
    F("٧٫٤ مليار يورو", 7.4e9, unit=EUR),
    F("٤٨٫٦ جنيه", 48.6, unit=EGP),
    F("١١٫٧٪", 11.7, unit=PCT),
    F("٦٦٫٢%", 66.2, unit=PCT),
    F("٣٦٫٥ مليار دولار", 36.5e9, unit=USD),
    F("٣٫٩٩ مليار دولار", 3.99e9, unit=USD),
    F("١٠٫٢٥ مليار دولار", 10.25e9, unit=USD),
    F("٨٠٠ مليون دولار", 800e6, unit=USD),
    F("٢١١ مليار جنيه مصري", 211e9, unit=EGP),
    F("٨٥٪", 85, unit=PCT),
    F("٨٫١ مليار يورو", 8.1e9, unit=EUR),
    F("[٦٦٠] كيلومتراً", 660),
    F("في [١٠] شركات", 10),
    F("١٬٢٣٤", 1234),
    F("٨ و١٠ مليارات دولار", 8e9, 10e9, unit=USD),
]

ARTICLES["test/samsung-memory"] = [
    C("سامسونج", "Samsung Electronics", n="all"),
    C("Samsung Electronics"),
    C("إنفيديا", "Nvidia"),
    C("يونهاب", "Yonhap"),
    C("إس كيه هاينكس", "SK Hynix"),
    C("Micron"),
    C("Counterpoint Research"),
    C("TrendForce"),
    C("KB Securities"),
    C("Tesla"),
    P("Park Ji-hoon"),
    P("لي جاي-يونغ"),
    Q('"الذاكرة عادت…للشركة"', speaker="متحدث باسم سامسونج"),
    Q("انتعاش أسعار…المعروض", speaker="Park Ji-hoon"),
    F("158%", 158, unit=PCT, n="all"),
    F("12.1 تريليون وون", 12.1e12, unit=KRW),
    F("8.5 مليار دولار", 8.5e9, unit=USD),
    F("10.1 تريليون وون", 10.1e12, unit=KRW),
    F("86 تريليون وون", 86e12, unit=KRW),
    F("35 مليار دولار", 35e9, unit=USD),
    F("15 و20 بالمئة", 15, 20, unit=PCT),
    F("3.5%", 3.5, unit=PCT),
    F("89,000 وون", 89000, unit=KRW),
    F("500 تريليون وون", 500e12, unit=KRW),
    F("10 تريليونات وون", 10e12, unit=KRW),
    F("16.5 مليار دولار", 16.5e9, unit=USD),
    F("50 تريليون وون", 50e12, unit=KRW),
    F("74,000", 74000),
]

ARTICLES["test/gulf-fintech"] = [
    C("تابي", "Tabby", n="all"),
    C("Tabby"),
    C("Blue Pool Capital"),
    C("Hassana Investment Company"),
    C("تمارا", "Tamara"),
    C("Goldman Sachs"),
    C("Citi"),
    C("Apollo"),
    C("Shorooq Partners"),
    C("دَرْب", "درب"),
    C("خزنة", "Khazna"),
    C("Lorax Capital Partners"),
    C("رصيد", n="all"),
    C("بنك البحرين الوطني", "National Bank of Bahrain"),
    C('"[الشرق]"', "Asharq"),
    C("MAGNiTT"),
    P("Omar Khalil"),
    P("ليلى حداد"),
    P("يوسف المناعي"),
    Q("هذه الجولة…المناسب", speaker="Omar Khalil"),
    Q("“نشهد…الخليج”", speaker="ليلى حداد"),
    Q('"نريد…الخليج"', speaker="يوسف المناعي"),
    F("160 مليون دولار", 160e6, unit=USD, n="all"),
    F("3.3 مليار دولار", 3.3e9, unit=USD, n="all"),
    F("15 مليون", 15e6),
    F("40 ألف", 40e3),
    F("10 مليارات دولار", 10e9, unit=USD),
    F("25-30%", 25, 30, unit=PCT),
    F("2.4 مليار دولار", 2.4e9, unit=USD),
    F("340 مليون دولار", 340e6, unit=USD),
    F("79%", 79, unit=PCT),
    F("4.5 مليون دينار كويتي", 4.5e6, unit="KWD"),
    F("16 مليون دولار", 16e6, unit=USD),
    F("1.2 مليون", 1.2e6),
    F("7 ملايين دولار", 7e6, unit=USD),
    F("250,000", 250000),
    F("35 في المائة", 35, unit=PCT),
    F("700 و800 مليون دولار", 700e6, 800e6, unit=USD),
]

ARTICLES["test/gulf-markets"] = [
    C("أرامكو", "Saudi Aramco"),
    C("مصرف الراجحي", "Al Rajhi Bank"),
    C("إعمار العقارية", "Emaar Properties"),
    C("XTB"),
    C("سهم كابيتال"),
    C("Nvidia"),
    C("Apple"),
    C("CME", "CME Group"),
    P("رامي خوري"),
    P("محمد الصالح"),
    Q('"الأسواق الخليجية…الأمريكية"', speaker="رامي خوري"),
    Q("السيولة ستبقى…الثالث", speaker="محمد الصالح"),
    F("0.8%", 0.8, unit=PCT),
    F("11,237", 11237),
    F("1.1%", 1.1, unit=PCT),
    F("1.4%", 1.4, unit=PCT),
    F("5.2 مليار ريال", 5.2e9, unit=SAR),
    F("0.3%", 0.3, unit=PCT),
    F("5,980", 5980),
    F("2.3%", 2.3, unit=PCT),
    F("-0.6%", -0.6, unit=PCT),
    F("-0.2%", -0.2, unit=PCT),
    F("+0.1%", 0.1, unit=PCT),
    F("1.2%", 1.2, unit=PCT),
    F("36,450", 36450),
    F("412 مليون جنيه", 412e6, unit=EGP),
    F("0.4%", 0.4, unit=PCT),
    F("0.7%", 0.7, unit=PCT),
    F("الصناعي [0.2%]", 0.2, unit=PCT),
    F("0.5%", 0.5, unit=PCT),
    F("4,012.30 دولار", 4012.3, unit=USD),
    F("4,000 دولار", 4000, unit=USD),
    F("2.1%", 2.1, unit=PCT),
    F("$108,500", 108500, unit=USD),
    F("1.3%", 1.3, unit=PCT),
    F("63.80 دولار", 63.8, unit=USD),
    F("14%", 14, unit=PCT),
    F("[25] نقطة", 25),
    F("97%", 97, unit=PCT),
    F("3.75%-4%", 3.75, 4, unit=PCT),
]

ARTICLES["test/china-ev"] = [
    C("BYD", n="all"),
    C("بي واي دي", "BYD"),
    C("Tesla", n="all"),
    C("تسلا", "Tesla", n="all"),
    C("JATO Dynamics"),
    C("Bernstein"),
    C("Contemporary Amperex Technology", "CATL"),
    C("CATL", n="all"),
    C("Xiaomi"),
    C("رويترز", "Reuters", n="all"),
    P("Sophie Laurent"),
    P("إيلون ماسك"),
    P("تشانغ لي"),
    Q("«حرب الأسعار…الأكبر»", speaker="Sophie Laurent"),
    Q('"ستدمر…المنافسة"', speaker="إيلون ماسك"),
    Q("نحن نبني…المقبل", speaker="مسؤول في الشركة"),
    Q('"الشركات الصينية لم…أيضاً"', speaker="تشانغ لي"),
    Q('"وهذا ما يقلق…الجمركية"'),
    F("169%", 169, unit=PCT, n="all"),
    F("7,231", 7231),
    F("7,165", 7165),
    F("23%", 23, unit=PCT),
    F("371.3 مليار يوان", 371.3e9, unit=CNY),
    F("30%", 30, unit=PCT),
    F("6.4 مليار يوان", 6.4e9, unit=CNY),
    F("34%", 34, unit=PCT),
    F("35.3%", 35.3, unit=PCT),
    F("4 مليارات يورو", 4e9, unit=EUR),
    F("150 ألف", 150e3),
    F("4.6 مليار دولار", 4.6e9, unit=USD),
    F("38%", 38, unit=PCT),
    F("200 ألف", 200e3),
    F("253,500 يوان", 253500, unit=CNY),
    F("240 ألف", 240e3),
    F("49%", 49, unit=PCT),
    F("800 ألف و1 مليون", 800e3, 1e6),
    F("417 ألف", 417e3),
    F("1,000", 1000),
]


# ---------------------------------------------------------------------------------------------
# Offsets
# ---------------------------------------------------------------------------------------------
class LabelError(Exception):
    pass


_DIGITS = "0123456789\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
_SEPARATORS = ".,\u066b\u066c"


def _splits(text: str, i: int) -> bool:
    """True when a cut before text[i] splits a number (1|2, 1|.5, 1.|5) or a Latin word."""
    if i <= 0 or i >= len(text):
        return False
    a, b = text[i - 1], text[i]
    if a in _DIGITS and b in _DIGITS:
        return True
    if a in _DIGITS and b in _SEPARATORS and i + 1 < len(text) and text[i + 1] in _DIGITS:
        return True
    if a in _SEPARATORS and b in _DIGITS and i >= 2 and text[i - 2] in _DIGITS:
        return True
    return a.isascii() and b.isascii() and a.isalnum() and b.isalnum()


def _occurrences(text: str, needle: str) -> list[int]:
    """Where `needle` occurs, skipping matches inside a longer number or Latin word."""
    found, pos = [], text.find(needle)
    while pos != -1:
        if not (_splits(text, pos) or _splits(text, pos + len(needle))):
            found.append(pos)
        pos = text.find(needle, pos + 1)
    return found


def _pick(starts: list[int], n, label: Label) -> list[int]:  # noqa: ANN001
    if not starts:
        raise LabelError(f"not found: {label.text!r}")
    if n == "all":
        return starts
    if n is None:
        if len(starts) > 1:
            raise LabelError(f"{label.text!r} occurs {len(starts)} times: give n=1..{len(starts)} or 'all'")
        return starts
    if not isinstance(n, int) or not 1 <= n <= len(starts):
        raise LabelError(f"occurrence n={n!r} out of range for {label.text!r} ({len(starts)} found)")
    return [starts[n - 1]]


def locate(text: str, label: Label) -> list[tuple[int, int]]:
    """Every (start, end) the label denotes in `text`."""
    pattern = label.text
    if "[" in pattern:
        left = pattern.index("[")
        right = pattern.index("]")
        context = pattern.replace("[", "").replace("]", "")
        inner = right - left - 1
        return [(s + left, s + left + inner) for s in _pick(_occurrences(text, context), label.n, label)]
    if ELLIPSIS in pattern:
        head, tail = pattern.split(ELLIPSIS)
        spans = []
        for s in _pick(_occurrences(text, head), label.n, label):
            t = text.find(tail, s + len(head))
            if t == -1:
                raise LabelError(f"end {tail!r} not found after {head!r}")
            if "\n" in text[s:t]:
                raise LabelError(f"{label.text!r} crosses a paragraph end")
            spans.append((s, t + len(tail)))
        return spans
    return [(s, s + len(pattern)) for s in _pick(_occurrences(text, pattern), label.n, label)]


# ---------------------------------------------------------------------------------------------
# Checks of the labels themselves
# ---------------------------------------------------------------------------------------------
_DIGIT = "0-9\u0660-\u0669"
_NUMBER = re.compile(f"[{_DIGIT}]+(?:[,\u066c][{_DIGIT}]{{3}})*(?:[.\u066b][{_DIGIT}]+)?")
_SCALES = [("تريليونات", 1e12), ("تريليون", 1e12), ("مليارات", 1e9), ("مليار", 1e9),
           ("ملايين", 1e6), ("مليون", 1e6), ("آلاف", 1e3), ("ألف", 1e3)]
_UNITS = [("دولار هونغ كونغ", "HKD"), ("دولار تايواني", "TWD"), ("دولاراً تايوانياً", "TWD"),
          ("ريال قطري", "QAR"), ("دينار كويتي", "KWD"), ("جنيه إسترليني", "GBP"),
          ("دولار", "USD"), ("$", "USD"), ("ريال", "SAR"), ("درهم", "AED"), ("جنيه", "EGP"),
          ("يورو", "EUR"), ("وون", "KRW"), ("يوان", "CNY"),
          ("%", "%"), ("٪", "%"), ("بالمئة", "%"), ("بالمائة", "%"), ("في المئة", "%"),
          ("في المائة", "%")]
_FOLD_DIGITS = str.maketrans("\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u066b", "0123456789.")


def _number(token: str) -> float:
    return float(token.translate(_FOLD_DIGITS).replace(",", "").replace("\u066c", ""))


def expected_figure(span: str) -> tuple[float, float | None, str | None]:
    """(value, value_high, unit) as the span's own text says: a cross-check for typed labels."""
    numbers = list(_NUMBER.finditer(span))
    # The words after each number, up to the next number.
    tails = [span[m.end():(numbers[i + 1].start() if i + 1 < len(numbers) else len(span))]
             for i, m in enumerate(numbers)]
    values = []
    for i, m in enumerate(numbers):
        # A number's own scale word, or the one it shares with a later number ("5 و7 ملايين").
        scale = next((s for tail in tails[i:] for w, s in _SCALES if w in tail), 1.0)
        values.append(_number(m.group()) * scale)
    if span.lstrip().startswith("-"):
        values[0] = -values[0]
    unit = next((u for w, u in _UNITS if w in span), None)
    return values[0], (values[-1] if len(values) > 1 else None), unit


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def check_span(text: str, start: int, end: int, label: Label) -> None:
    piece = text[start:end]
    if piece != piece.strip():
        raise LabelError(f"{piece!r} starts or ends with whitespace")
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if label.tag == "figure":
        if _splits(text, start) or _splits(text, end):
            raise LabelError(f"figure {piece!r} cuts a number")
        value, high, unit = expected_figure(piece)
        a = label.attrs
        if not (_close(a["value"], value) and _close(a["value_high"], high) and a["unit"] == unit):
            raise LabelError(f"figure {piece!r}: labelled {a}, text says {(value, high, unit)}")
    elif label.tag in ("company", "person"):
        if after.isalnum():
            raise LabelError(f"{label.tag} {piece!r} is followed by a letter {after!r}")
        if before.isalnum() and before not in CLITIC_LETTERS:
            raise LabelError(f"{label.tag} {piece!r} is preceded by a letter {before!r}")


def build_article(key: str) -> dict:
    path = HERE / f"{key}.txt"
    text = normalize_article_text(path.read_bytes().decode("utf-8"))
    if "[" in text or "]" in text or ELLIPSIS in text:
        raise LabelError(f"{key}: the article may not contain [ ] or {ELLIPSIS} (label syntax)")
    taken: dict[str, list[tuple[int, int]]] = {}
    spans = []
    labels = sorted(ARTICLES[key], key=lambda lab: lab.n == "all")  # explicit labels first
    for label in labels:
        try:
            found = locate(text, label)
            mine = taken.setdefault(label.tag, [])
            if label.n == "all":
                found = [(s, e) for s, e in found if not any(s < te and ts < e for ts, te in mine)]
                if not found:
                    raise LabelError(f"n='all' left nothing for {label.text!r}")
            for s, e in found:
                if any(s < te and ts < e for ts, te in mine):
                    raise LabelError(f"{text[s:e]!r} overlaps another {label.tag} span")
                check_span(text, s, e, label)
                mine.append((s, e))
                span = {"start": s, "end": e, "text": text[s:e], "tag": label.tag}
                span.update({k: v for k, v in label.attrs.items() if v is not None})
                spans.append(span)
        except LabelError as exc:
            raise LabelError(f"{key}: {exc}") from None
    spans.sort(key=lambda d: (d["start"], d["end"], d["tag"]))
    return {"article": f"{path.name}", "spans": spans}


def normalise_articles() -> None:
    for key in ARTICLES:
        path = HERE / f"{key}.txt"
        raw = path.read_bytes().decode("utf-8")
        text = normalize_article_text(raw)
        if text != raw:
            path.write_bytes(text.encode("utf-8"))


def gold_path(key: str) -> Path:
    return HERE / f"{key}.gold.json"


def dump(gold: dict) -> str:
    """JSON with one span per line, so label edits show as small diffs."""
    spans = ",\n".join("  " + json.dumps(span, ensure_ascii=False) for span in gold["spans"])
    return f'{{\n "article": {json.dumps(gold["article"])},\n "spans": [\n{spans}\n ]\n}}\n'


# ---------------------------------------------------------------------------------------------
# Review
# ---------------------------------------------------------------------------------------------
_UNLABELLED = {
    "digits": (re.compile(f"[{_DIGIT}](?:[.,٫٬]?[{_DIGIT}])*"), "figure"),
    "latin": (re.compile(r"[A-Za-z][A-Za-z0-9&'\-]*"), None),
    "quote marks": (re.compile("[\"“”«»]"), "quote"),
}


def review(key: str) -> None:
    gold = build_article(key)
    text = (HERE / f"{key}.txt").read_text(encoding="utf-8")
    print(f"== {key}: {len(gold['spans'])} spans")
    for s in gold["spans"]:
        extra = {k: v for k, v in s.items() if k not in ("start", "end", "text", "tag")}
        ctx = text[max(0, s["start"] - 15):s["start"]].replace("\n", "⏎")
        print(f"  {s['start']:5} {s['tag']:8} [{s['text']}] {extra or ''}  …{ctx}")
    for what, (pattern, tag) in _UNLABELLED.items():
        covered = [(s["start"], s["end"]) for s in gold["spans"] if tag is None or s["tag"] == tag]
        left = [m for m in pattern.finditer(text)
                if not any(a <= m.start() and m.end() <= b for a, b in covered)]
        print(f"  unlabelled {what}: " + " | ".join(
            text[max(0, m.start() - 8):m.end() + 8].replace("\n", "⏎") for m in left))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a gold file is out of date")
    parser.add_argument("--review", nargs="*", metavar="SET/NAME", help="print spans for review")
    args = parser.parse_args(argv)
    try:
        if args.review is not None:
            for key in args.review or ARTICLES:
                review(key)
            return 0
        stale = []
        if not args.check:
            normalise_articles()
        for key in ARTICLES:
            content = dump(build_article(key))
            path = gold_path(key)
            if args.check:
                if not path.exists() or path.read_text(encoding="utf-8") != content:
                    stale.append(key)
            else:
                path.write_text(content, encoding="utf-8")
    except LabelError as exc:
        print(f"build_gold: {exc}", file=sys.stderr)
        return 2
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
