"""The figures detector on Arabic news sentences: spans, values, units, and what is not a figure."""
from __future__ import annotations

import pytest

from reader.core.suggest.figures import _fold, find_figures, parse_figure
from reader.core.text import fold_letters, normalize_article_text, strip_tashkeel

# (sentence, [(span text, value, value_high, unit), ...]) — every figure the sentence holds.
CASES = [
    # money: scale words, currency words and their country adjectives
    ("أعلنت الشركة عن صندوق استثمار بقيمة 8.2 مليار دولار في وقت سابق من هذا العام.",
     [("8.2 مليار دولار", 8.2e9, None, "USD")]),
    ("خفضت Nvidia توقعات إيراداتها للربع بنحو 8 مليارات دولار بسبب القيود.",
     [("8 مليارات دولار", 8e9, None, "USD")]),
    ("وصل حجم الصفقة إلى ٣٠٠ مليون دولار أمريكي وفق مصادر مطلعة.",
     [("٣٠٠ مليون دولار أمريكي", 3e8, None, "USD")]),
    ("بلغ سعر برميل النفط 80 دولاراً أمريكياً في تعاملات الخميس.",
     [("80 دولاراً أمريكياً", 80, None, "USD")]),
    ("حقّقت أرامكو أرباحاً بلغت ٨ ملياراتٍ دولارٍ خلال الربع.",
     [("٨ ملياراتٍ دولارٍ", 8e9, None, "USD")]),
    ("رصدت الحكومة 5 ملايين من الدولارات لدعم الشركات الناشئة.",
     [("5 ملايين من الدولارات", 5e6, None, "USD")]),
    ("اشترت المجموعة حصة بقيمة $1.2 مليار في الشركة الصينية.",
     [("$1.2 مليار", 1.2e9, None, "USD")]),
    ("تبلغ قيمة العقد 450 مليون USD بحسب البيان.",
     [("450 مليون USD", 4.5e8, None, "USD")]),
    ("جمعت الشركة US$ 3 مليارات من طرح السندات.",
     [("US$ 3 مليارات", 3e9, None, "USD")]),
    ("سجلت الصادرات 1,234.56 مليون دولار في مارس الماضي.",
     [("1,234.56 مليون دولار", 1.23456e9, None, "USD")]),
    ("وقّع الصندوق السيادي اتفاقية بقيمة 3 مليارات ريال سعودي مع الشركة.",
     [("3 مليارات ريال سعودي", 3e9, None, "SAR")]),
    ("تبلغ كلفة المشروع 750 مليون ريال قطري حسب الوزارة.",
     [("750 مليون ريال قطري", 7.5e8, None, "QAR")]),
    ("رفع البنك رأسماله إلى 2 مليار ريال.",
     [("2 مليار ريال", 2e9, None, "SAR")]),
    ("بلغت أرباح الشركة 10 آلاف درهم إماراتي فقط.",
     [("10 آلاف درهم إماراتي", 1e4, None, "AED")]),
    ("سجل المكتب الوطني للكهرباء عجزاً بقيمة 3,5 مليار درهم مغربي.",
     [("3,5 مليار درهم مغربي", 3.5e9, None, "MAD")]),
    ("خصصت الكويت 200 مليون دينار كويتي لمشاريع البنية التحتية.",
     [("200 مليون دينار كويتي", 2e8, None, "KWD")]),
    ("تحتاج الموازنة إلى 1.5 مليار دينار بحريني إضافية.",
     [("1.5 مليار دينار بحريني", 1.5e9, None, "BHD")]),
    ("تراجعت أرباح البنك إلى 40 مليون دينار أردني.",
     [("40 مليون دينار أردني", 4e7, None, "JOD")]),
    ("ارتفعت إيرادات قناة السويس إلى 9.4 مليار جنيه مصري.",
     [("9.4 مليار جنيه مصري", 9.4e9, None, "EGP")]),
    ("بيعت اللوحة بمبلغ 500 ألف جنيه إسترليني في مزاد لندن.",
     [("500 ألف جنيه إسترليني", 5e5, None, "GBP")]),
    ("استحوذت الشركة على منافستها مقابل 20 مليون يورو و3 مليارات ين ياباني.",
     [("20 مليون يورو", 2e7, None, "EUR"), ("3 مليارات ين ياباني", 3e9, None, "JPY")]),
    ("ضخّت بكين 344 مليار يوان في صندوق الرقائق الثالث.",
     [("344 مليار يوان", 3.44e11, None, "CNY")]),
    ("أعلنت سامسونج استثمار 2.5 تريليون وون كوري في مصانع الرقائق.",
     [("2.5 تريليون وون كوري", 2.5e12, None, "KRW")]),
    ("بلغت قيمة الصفقة 100 ألف ليرة تركية و50 روبية.",
     [("100 ألف ليرة تركية", 1e5, None, "TRY"), ("50 روبية", 50, None, "INR")]),
    ("جمعت الشركة €300 مليون و£5bn و¥2 مليار من المستثمرين.",
     [("€300 مليون", 3e8, None, "EUR"), ("£5bn", 5e9, None, "GBP"), ("¥2 مليار", 2e9, None, "JPY")]),
    ("وقّعت الشركتان صفقة بقيمة USD 5 million.",
     [("USD 5 million", 5e6, None, "USD")]),
    ("كلّف الإصلاح 15 ألف د.إ فقط.",
     [("15 ألف د.إ", 1.5e4, None, "AED")]),
    ("ارتفعت تكلفة البرنامج إلى 2.5 ألف مليار.",
     [("2.5 ألف مليار", 2.5e12, None, None)]),
    ("بلغت الخسائر 1.5 ألف دولار.",
     [("1.5 ألف دولار", 1500, None, "USD")]),
    ("تنتج المصفاة 3 ملايين برميل يومياً.",
     [("3 ملايين", 3e6, None, None)]),
    ("بلغت ميزانية الشركة ٥مليارات دولار هذا العام.",
     [("٥مليارات دولار", 5e9, None, "USD")]),
    ("بلغت قيمة المبيعات ٧ مليـارات دولار.",
     [("٧ مليـارات دولار", 7e9, None, "USD")]),
    ("بلغ رأس المال ۱۲۵ ألف دولار.",
     [("۱۲۵ ألف دولار", 1.25e5, None, "USD")]),
    ("رصد المجلس البلدي 500 دينار لكل أسرة.",
     [("500 دينار", 500, None, None)]),
    ("بلغ الإنفاق 5 000 000 درهم في الربع الأول.",
     [("5 000 000 درهم", 5e6, None, "AED")]),
    ("قدّرت الوكالة الخسائر بـ 5\u00a0000 درهم.",
     [("5\u00a0000 درهم", 5000, None, "AED")]),
    ("بيع العقار بمبلغ 1.000.000 يورو.",
     [("1.000.000 يورو", 1e6, None, "EUR")]),
    # percentages
    ("منح ترامب الحكومة الأمريكية تخفيضًا بنسبة 15 ٪ من جميع إيرادات الرقائق.",
     [("15 ٪", 15, None, "%")]),
    ("تراجع سهم الشركة بنسبة -3.5% في تعاملات اليوم.",
     [("-3.5%", -3.5, None, "%")]),
    ("نما الاقتصاد بنسبة ١٢٫٥ بالمئة خلال العام.",
     [("١٢٫٥ بالمئة", 12.5, None, "%")]),
    ("ارتفع التضخم 7 في المائة والبطالة 8 بالمائة والأجور 9 بالمية.",
     [("7 في المائة", 7, None, "%"), ("8 بالمائة", 8, None, "%"), ("9 بالمية", 9, None, "%")]),
    ("ارتفعت الأسهم +5% عند الافتتاح.",
     [("+5%", 5, None, "%")]),
    ("قفزت الأسهم 25 % خلال 24 ساعة.",
     [("25 %", 25, None, "%"), ("24", 24, None, None)]),
    ("قال إن 70٪ من الشركات الصغيرة تعاني.",
     [("70٪", 70, None, "%")]),
    ("استحوذ الصندوق على %15 من الأسهم.",
     [("%15", 15, None, "%")]),
    ("بلغ التضخم 3,25% وسعر الفائدة 5.5%.",
     [("3,25%", 3.25, None, "%"), ("5.5%", 5.5, None, "%")]),
    ("انكمش الناتج المحلي إلى −2.1% في الربع الثاني.",
     [("−2.1%", -2.1, None, "%")]),
    # ranges
    ("تتراوح الكلفة بين 5 و7 ملايين دولار حسب التقديرات.",
     [("5 و7 ملايين دولار", 5e6, 7e6, "USD")]),
    ("يتوقع المحللون نمواً بنسبة 10-15% خلال العام المقبل.",
     [("10-15%", 10, 15, "%")]),
    ("قدّرت الشركة استثماراتها من 3 إلى 4 مليارات ريال سعودي.",
     [("3 إلى 4 مليارات ريال سعودي", 3e9, 4e9, "SAR")]),
    ("تتراوح الرواتب ما بين 500 ألف و2 مليون دولار سنوياً.",
     [("500 ألف و2 مليون دولار", 5e5, 2e6, "USD")]),
    ("يعمل في المصنع من 10 إلى 20 ألف شخص.",
     [("10 إلى 20 ألف", 1e4, 2e4, None)]),
    ("تراوحت الخسائر بين 5 ملايين - 7 ملايين دولار.",
     [("5 ملايين - 7 ملايين دولار", 5e6, 7e6, "USD")]),
    ("يتراوح العائد بين 5% و7% سنوياً.",
     [("5% و7%", 5, 7, "%")]),
    ("ارتفع معدل التضخم من 3% إلى 4% هذا العام.",
     [("3%", 3, None, "%"), ("4%", 4, None, "%")]),
    # plain counts
    ("وظفت الشركة 1,045 موظفاً في فرعها الجديد.",
     [("1,045", 1045, None, None)]),
    ("يعمل في المصنع 5،000 عامل.",
     [("5،000", 5000, None, None)]),
    ("دخل من باب 5 زوار فقط.",  # "باب" is not the month آب
     [("5", 5, None, None)]),
    ("بلغ عدد المشاركين ١٬٢٠٠ شخص.",
     [("١٬٢٠٠", 1200, None, None)]),
    ("أطلقت الحاضنة 3 شركات ناشئة هذا الشهر.",
     [("3", 3, None, None)]),
    ("سرّحت الشركة نحو 2000 موظف خلال الأزمة.",
     [("2000", 2000, None, None)]),
    ("بلغ عدد سكان القرية 1,00,000 نسمة.",
     [("1,00,000", 1e5, None, None)]),
    ("انخفضت درجة الحرارة إلى سالب 5 درجات.",
     [("سالب 5", -5, None, None)]),
    # a year followed by a currency is still a figure
    ("لم يتجاوز الدعم 2000 دولار للأسرة الواحدة.",
     [("2000 دولار", 2000, None, "USD")]),
    # figures among years, dates, names and models
    ("في عام 2024 باعت Nvidia رقائق H20 بقيمة 12 مليار دولار في 5 يونيو.",
     [("12 مليار دولار", 1.2e10, None, "USD")]),
    ("نما الاقتصاد 3.2% سنوياً خلال الفترة 2020-2024.",
     [("3.2%", 3.2, None, "%")]),
    ("تراجعت الأسهم 4% يوم 5 يونيو/حزيران 2025 بعد إعلان الأرباح.",
     [("4%", 4, None, "%")]),
]

# Sentences that hold digits but no figure.
NOT_FIGURES = [
    "في عام 2024 ارتفعت المبيعات.",
    "في 2024 ارتفعت المبيعات.",
    "قبل 1990 كانت الشركة صغيرة.",
    "عقد الاجتماع في 5 يونيو الماضي.",
    "أُطلق المنتج في يونيو 2025.",
    "وقع الحادث في 5 تشرين الأول 2024.",
    "يبدأ الصيام في رمضان 1445 وينتهي العيد في 10 ذو الحجة.",
    "صدر القرار بتاريخ 2025/06/05 عند الساعة 10:30.",
    "يبدأ البث الساعة 10 صباحاً بتوقيت مكة.",
    "رقائق H20 وR1 وH20s وA100 وتقنية 5G.",
    "جاءت الشركة في المرتبة الـ5 عالمياً.",
    "حلّ الفريق في القرن 21 وفي القرن الـ21.",
    "وفقاً للمادة 5 من القانون رقم 12 لسنة 2020.",
    "اتصلوا على 050-123-4567 أو +966 11 234 5678.",
    "زوروا https://example.com/2024/05/news?id=123 للمزيد.",
    "راسلونا على info2024@example.com.",
    "أطلقت آبل iPhone 15 ومايكروسوفت Windows 11.",
    "حدّثوا الإصدار 1.2.3 أو v2.0 من البرنامج.",
    "أصيب الملايين بفيروس كوفيد-19 واستخدموا GPT-4.",
    "جرى الحدث بين 2020 و2024.",
    "فاز الفريق 3-1 في موسم 2023-24.",
    "تأسست المدينة عام 1445 هـ.",
    "انظر المرجع [3].",
    "بلغت الخسائر مليار دولار ونصف.",
    "صدر التقرير في 2024م ضمن #رؤية_2030 لمجموعة G20.",
    "تحدث خلال 5 من يونيو عن أمن الطاقة.",
]


def _table(found):
    return [(s.text, s.value, s.value_high, s.unit) for s in found]


def _expected(rows):
    return [(text, pytest.approx(value), None if high is None else pytest.approx(high), unit)
            for text, value, high, unit in rows]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_figures_in_news_sentences(sentence, expected):
    found = find_figures(sentence)
    assert _table(found) == _expected(expected)
    for s in found:
        assert sentence[s.start:s.end] == s.text
        assert s.tag == "figure"


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_not_figures(sentence):
    assert find_figures(sentence) == []


def test_reference_article_has_exactly_its_three_figures(sample_text):
    text = normalize_article_text(sample_text)
    found = find_figures(text)
    assert _table(found) == [
        ("8 مليارات دولار", 8e9, None, "USD"),
        ("15 ٪", 15.0, None, "%"),
        ("8.2 مليار دولار", 8.2e9, None, "USD"),
    ]
    for s in found:
        assert text[s.start:s.end] == s.text
    # The article names H20, R1 and H20s: none of them is a figure.
    assert all(token in text for token in ("H20", "R1", "H20s"))


def test_offsets_are_code_points_past_emoji_and_harakat():
    text = "📈📉 حقّقت الشركةُ أرباحاً بلغت ٨ ملياراتٍ دولارٍ، وارتفع السهم 5%."
    found = find_figures(text)
    assert [s.text for s in found] == ["٨ ملياراتٍ دولارٍ", "5%"]
    assert found[0].start == text.index("٨")
    assert found[1].end == text.index("%") + 1
    for s in found:
        assert text[s.start:s.end] == s.text


def test_results_are_sorted_and_never_overlap():
    text = " ".join(sentence for sentence, _ in CASES) + " " + " ".join(NOT_FIGURES)
    found = find_figures(text)
    assert len(found) == sum(len(expected) for _, expected in CASES)
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start
    for s in found:
        assert text[s.start:s.end] == s.text


def test_a_sign_between_numbers_is_a_range_dash_not_a_minus():
    assert _table(find_figures("ارتفع 10 -15 % خلال الأسبوع")) == [("10 -15 %", 10, 15, "%")]


def test_from_to_needs_a_cue_and_a_rising_range():
    # Without "بين"/"من", "و" lists two numbers; a falling "من … إلى" is two figures.
    assert _table(find_figures("باعت 5 و7 ملايين")) == [("5", 5, None, None), ("7 ملايين", 7e6, None, None)]
    assert [s.text for s in find_figures("انخفض من 5 إلى 3 ملايين")] == ["5", "3 ملايين"]


# --- parse_figure -------------------------------------------------------------------------------

@pytest.mark.parametrize(("span", "value", "high", "unit"),
                         [row for _, rows in CASES for row in rows])
def test_parse_figure_reads_every_detected_span_back(span, value, high, unit):
    assert parse_figure(span) == (pytest.approx(value), None if high is None else pytest.approx(high), unit)


@pytest.mark.parametrize(("span", "expected"), [
    ("بنحو 8 مليارات دولار.", (8e9, None, "USD")),
    ("بحوالي 8.2 مليار دولار،", (8.2e9, None, "USD")),
    ("بنسبة 15 ٪ من", (15.0, None, "%")),
    ("بين 5 و7 ملايين دولار", (5e6, 7e6, "USD")),
    ("5 و7 ملايين دولار", (5e6, 7e6, "USD")),
    ("3 إلى 4 مليارات", (3e9, 4e9, None)),
    ("«10-15%»", (10.0, 15.0, "%")),
    (" 1,045 ", (1045.0, None, None)),
    ("عام 2024", (2024.0, None, None)),  # the reader chose it: context rules do not apply
    ("(-3.5%)", (-3.5, None, "%")),
])
def test_parse_figure_ignores_words_and_punctuation_around_the_figure(span, expected):
    value, high, unit = parse_figure(span)
    assert (value, high, unit) == (pytest.approx(expected[0]),
                                   None if expected[1] is None else pytest.approx(expected[1]), expected[2])


@pytest.mark.parametrize("span", ["", "مليار دولار", "رقائق H20", "بنسبة كبيرة", "10:30", "%"])
def test_parse_figure_without_a_number(span):
    assert parse_figure(span) == (None, None, None)


# --- folding and size ---------------------------------------------------------------------------

def test_fast_folding_matches_the_shared_text_helpers(sample_text):
    every_arabic_char = "".join(chr(c) for c in range(0x0600, 0x0700))
    for text in (sample_text, every_arabic_char, "ﻻ أإآٱ ة ى ؤ ئ ٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ مُحَمَّـــد"):
        assert _fold(text) == fold_letters(strip_tashkeel(text))


def test_two_megabyte_article(sample_text):
    text = normalize_article_text(sample_text)
    copies = 2_000_000 // len(text) + 1
    article = "\n".join([text] * copies)
    found = find_figures(article)
    assert len(found) == 3 * copies
    assert all(article[s.start:s.end] == s.text for s in found[:: max(1, len(found) // 50)])


@pytest.mark.parametrize("line", [
    "1" * 200_000,
    "1," * 100_000,
    "5" + " " * 200_000 + "مليون",
    "a" * 200_000 + "5",
    "a." * 100_000 + "@",
    "1-" * 50_000,
    "%5" * 20_000,
    "مليار" * 40_000,
])
def test_long_pathological_lines_finish(line):
    found = find_figures(line)
    assert all(line[s.start:s.end] == s.text for s in found)
