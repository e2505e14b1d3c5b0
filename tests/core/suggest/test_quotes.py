"""The quote detector on realistic Arabic news sentences: exact spans and speakers."""
from __future__ import annotations

import pytest

from reader.core.suggest.model import Suggestion
from reader.core.suggest.quotes import find_quotes
from reader.core.text import normalize_article_text


def _spans(text: str) -> list[tuple[int, int, str, str | None]]:
    found = find_quotes(text)
    for q in found:
        assert q.tag == "quote"
        assert q.text == text[q.start:q.end]
    return [(q.start, q.end, q.text, q.speaker) for q in found]


def _expected(text: str, quotes: list[tuple[str, str | None]]) -> list[tuple[int, int, str, str | None]]:
    out = []
    for quoted, speaker in quotes:
        start = text.index(quoted)
        out.append((start, start + len(quoted), quoted, speaker))
    return out


# (sentence, [(quote exactly as it must be spanned, speaker)])
CASES = [
    pytest.param(
        "وقال الرئيس التنفيذي للشركة أمين الناصر: إن الطلب على النفط سيبقى قوياً. وأضاف أن الشركة ستواصل الاستثمار.",
        [("إن الطلب على النفط سيبقى قوياً.", "أمين الناصر")], id="colon-title-stripped"),
    pytest.param(
        "“نحن ملتزمون بالسوق الصينية”، قال محمد العلي، المدير العام للشركة.",
        [("“نحن ملتزمون بالسوق الصينية”", "محمد العلي")], id="speaker-after-quote"),
    pytest.param(
        "وقال وزير المالية محمد الجدعان في كلمته أمام المؤتمر إن «الاقتصاد السعودي يسير في الاتجاه الصحيح».",
        [("«الاقتصاد السعودي يسير في الاتجاه الصحيح»", "محمد الجدعان")], id="guillemets-speaker-before"),
    pytest.param(
        'وأضاف: "لن نتراجع عن هذا القرار مهما كانت الضغوط".',
        [('"لن نتراجع عن هذا القرار مهما كانت الضغوط"', None)], id="pronoun-subject-no-speaker"),
    pytest.param(
        'ووصف المحلل الخطوة بأنها "مفاجئة"، لكنه قال إن الأسواق "ستتكيف مع الوضع الجديد خلال أسابيع".',
        [('"ستتكيف مع الوضع الجديد خلال أسابيع"', None)], id="scare-quote-skipped"),
    pytest.param(
        'وقالت الشركة في بيان: "نتوقع نمواً قوياً في الربع المقبل".',
        [('"نتوقع نمواً قوياً في الربع المقبل"', None)], id="anaphoric-company-no-speaker"),
    pytest.param(
        "«الأرقام لا تكذب أبداً»، بحسب ما قاله الخبير الاقتصادي خالد الفهد.",
        [("«الأرقام لا تكذب أبداً»", "خالد الفهد")], id="according-to-what-he-said"),
    pytest.param(
        'وقال مصدر مطلع لرويترز: "المحادثات وصلت إلى طريق مسدود".',
        [('"المحادثات وصلت إلى طريق مسدود"', "مصدر مطلع")], id="unnamed-source-without-addressee"),
    pytest.param(
        "وقال ترامب: سنفرض رسوماً جديدة على الواردات الصينية!",
        [("سنفرض رسوماً جديدة على الواردات الصينية!", "ترامب")], id="colon-exclamation"),
    pytest.param(
        "وتساءل الوزير: هل يمكن أن نستمر بهذا الشكل؟ ثم صمت.",
        [("هل يمكن أن نستمر بهذا الشكل؟", None)], id="colon-question-bare-title"),
    pytest.param(
        "”سنواصل العمل مع شركائنا في المنطقة“ قال المتحدث.",
        [("”سنواصل العمل مع شركائنا في المنطقة“", None)], id="reversed-curly-marks"),
    pytest.param(
        "“إنها لحظة تاريخية للصناعة”. “سنبني على هذا النجاح”، قالت وزيرة الاقتصاد سارة المري.",
        [("“إنها لحظة تاريخية للصناعة”", "سارة المري"), ("“سنبني على هذا النجاح”", "سارة المري")],
        id="adjacent-quotes-share-speaker"),
    pytest.param(
        "وقالت وزارة الخارجية الصينية في بيان: نرفض أي تدخل في شؤوننا الداخلية.",
        [("نرفض أي تدخل في شؤوننا الداخلية.", "وزارة الخارجية الصينية")], id="organisation-speaker"),
    pytest.param(
        "وقال متحدث باسم NVIDIA لـ Gizmodo “لقد وصلت المنافسة بلا شك”.",
        [("“لقد وصلت المنافسة بلا شك”", "متحدث باسم NVIDIA")], id="unnamed-role-kept-whole"),
    pytest.param(
        "أعلنت الشركة عن ثلاثة قرارات كما يلي: خفض الأسعار وزيادة الإنتاج وتوسيع التوزيع.",
        [], id="colon-introducing-a-list"),
    pytest.param(
        'قال "إن الوضع صعب جدا ولكن الأمل قائم.',
        [], id="unclosed-straight-quote"),
    pytest.param(
        "قال “سوف نرى ما يحدث\nفي الفقرة التالية” ثم انتهى.",
        [], id="no-quote-across-paragraphs"),
    pytest.param(
        "أطلقت الحكومة برنامج «رؤية 2030» لتنويع الاقتصاد.",
        [], id="two-word-title-not-a-quote"),
    pytest.param(
        '«قال الوزير "لن نتراجع أبدا" أمام الصحفيين»، بحسب ما قاله شاهد عيان.',
        [('«قال الوزير "لن نتراجع أبدا" أمام الصحفيين»', "شاهد عيان")], id="nested-marks-outermost-only"),
    pytest.param(
        'ووصف الخطوة بـ"الضربة القوية للاقتصاد المحلي" في تصريح صحفي.',
        [('"الضربة القوية للاقتصاد المحلي"', None)], id="straight-quote-after-clitic"),
    pytest.param(
        "وقال المتحدث في الساعة 10:30 صباحا إن الاجتماع انتهى.",
        [], id="time-colon-not-speech"),
    pytest.param(
        "وقال الوزير محمد العلي: «سنعمل على خفض الأسعار قريبا».",
        [("«سنعمل على خفض الأسعار قريبا»", "محمد العلي")], id="colon-then-marks-one-quote"),
    pytest.param(
        "“من المؤسف أن نرى ذلك يحدث”، أخبر وي شوجون، مستشار الحكومة، منتدى في سنغافورة.",
        [("“من المؤسف أن نرى ذلك يحدث”", "وي شوجون")], id="told-after-quote"),
    pytest.param(
        "«الاقتصاد في أفضل حالاته» على حد قول رئيس الوزراء البريطاني كير ستارمر.",
        [("«الاقتصاد في أفضل حالاته»", "كير ستارمر")], id="in-the-words-of"),
    pytest.param(
        'وقال الرئيس التنفيذي لشركة Nvidia Jensen Huang للصحفيين: "الطلب على رقائقنا هائل".',
        [('"الطلب على رقائقنا هائل"', "Jensen Huang")], id="latin-name-after-company"),
    pytest.param(
        "«نحن مستعدون. لقد استثمرنا الكثير. وسنواصل»، قال السيد أحمد المنصوري.",
        [("«نحن مستعدون. لقد استثمرنا الكثير. وسنواصل»", "أحمد المنصوري")], id="several-sentences-in-marks"),
    pytest.param(
        'بلغ حجم الشاشة 6" تقريباً، وقال المدير: "المبيعات فاقت التوقعات هذا العام".',
        [('"المبيعات فاقت التوقعات هذا العام"', None)], id="inch-mark-ignored"),
    pytest.param(
        'قال "بصراحة ثم توقف. وأضاف الوزير "نحن ملتزمون بالاتفاق تماما".',
        [('"نحن ملتزمون بالاتفاق تماما"', None)], id="stray-opener-before-a-pair"),
    pytest.param(
        'قال "الوضع صعب جدا\nوقال الوزير «سنعمل على حل الأزمة قريبا».',
        [("«سنعمل على حل الأزمة قريبا»", None)], id="unclosed-mark-spoils-only-its-paragraph"),
    pytest.param(
        "وقال إن ‘الأمر انتهى تماما الآن’ ثم غادر.",
        [], id="single-curly-quotes-are-not-marks"),
    pytest.param(
        "وأضاف الوزير محمد العلي: الأسعار ستنخفض قريبا\nفقرة أخرى.",
        [("الأسعار ستنخفض قريبا", "محمد العلي")], id="colon-speech-to-paragraph-end"),
    pytest.param(
        "“سنواصل الاستثمار في المنطقة”، قالت Nvidia في بيان.",
        [("“سنواصل الاستثمار في المنطقة”", "Nvidia")], id="latin-organisation-speaker"),
    pytest.param(
        "«لا نرى أي تغيير في استراتيجيتنا»، قال مسؤول في الشركة.",
        [("«لا نرى أي تغيير في استراتيجيتنا»", "مسؤول في الشركة")], id="official-in-the-company"),
    pytest.param(
        "وقال مسؤول أمريكي كبير: المحادثات مستمرة حتى الآن.",
        [("المحادثات مستمرة حتى الآن.", "مسؤول أمريكي كبير")], id="official-with-adjectives"),
    pytest.param(
        "«لا نرى أي تغيير في استراتيجيتنا»، قال مسؤول في الشركة طلب عدم الكشف عن هويته.",
        [("«لا نرى أي تغيير في استراتيجيتنا»", None)], id="unsure-where-the-role-ends"),
    pytest.param(
        'قال المحلل لدى بنك الإمارات دبي الوطني إدموند كريستو إن "الأرقام جاءت أفضل من المتوقع".',
        [('"الأرقام جاءت أفضل من المتوقع"', None)], id="unsure-where-the-bank-name-ends"),
    pytest.param(
        "وقال الرئيس التنفيذي للشركة، محمد العلي، إن «الطلب على منتجاتنا قوي جدا».",
        [("«الطلب على منتجاتنا قوي جدا»", "محمد العلي")], id="name-between-commas"),
    pytest.param(
        "وقال: نعم.",
        [], id="unmarked-speech-needs-three-words"),
    pytest.param(
        "“سنبني مصنعا جديدا”، و“سنوظف ألف عامل”، قال المدير العام للشركة خالد سعيد.",
        [("“سنبني مصنعا جديدا”", None), ("“سنوظف ألف عامل”", "خالد سعيد")],
        id="quotes-joined-by-wa-are-not-one-statement"),
]


@pytest.mark.parametrize(("text", "quotes"), CASES)
def test_quotes_and_speakers(text: str, quotes: list[tuple[str, str | None]]) -> None:
    assert _spans(text) == _expected(text, quotes)


def test_quoted_text_needs_three_words() -> None:
    assert find_quotes("وصف الخطوة بأنها «مفاجئة تماما» للسوق.") == []
    assert [q.text for q in find_quotes("وصف الخطوة بأنها «مفاجئة تماما للجميع» للسوق.")] == ["«مفاجئة تماما للجميع»"]


def test_harakat_and_tatweel_keep_original_offsets() -> None:
    text = "وقالَ الرئيسُ التنفيذيُّ للشركةِ أمينُ النـاصر: إنّ الطلبَ قويٌّ جداً."
    [quote] = find_quotes(text)
    assert quote.text == "إنّ الطلبَ قويٌّ جداً."
    assert (quote.start, quote.end) == (text.index("إنّ"), len(text))
    assert quote.speaker == "أمين الناصر"  # harakat and tatweel removed


def test_astral_characters_before_a_quote_do_not_shift_offsets() -> None:
    text = "🙂🙂 قال المدير العام محمد سالم: «الأرباح تضاعفت هذا العام»."
    [quote] = find_quotes(text)
    assert text[quote.start:quote.end] == "«الأرباح تضاعفت هذا العام»"
    assert quote.speaker == "محمد سالم"


def test_suggestion_json_leaves_out_a_missing_speaker() -> None:
    [quote] = find_quotes('وأضاف: "لن نتراجع عن هذا القرار".')
    assert quote == Suggestion(7, 32, '"لن نتراجع عن هذا القرار"', "quote")
    assert "speaker" not in quote.to_json()


# --- The reference article --------------------------------------------------------------------

def test_reference_article_has_exactly_its_three_quotes(sample_text: str) -> None:
    text = normalize_article_text(sample_text)
    first = "“لقد وصلت المنافسة بلا شك”"
    second_start = text.index("“سيختار العملاء")
    second_end = text.index("في كل مكان.”") + len("في كل مكان.”")
    third_start = text.index("“من المؤسف")
    third_end = text.index("والنماذج الكبيرة”") + len("والنماذج الكبيرة”")
    assert _spans(text) == [
        (text.index(first), text.index(first) + len(first), first, "متحدث باسم NVIDIA"),
        # Only a space and the period lie between the first two: one statement, one speaker.
        (second_start, second_end, text[second_start:second_end], "متحدث باسم NVIDIA"),
        (third_start, third_end, text[third_start:third_end], "وي شوجون"),
    ]


def test_reference_article_one_word_in_marks_is_not_a_quote(sample_text: str) -> None:
    text = normalize_article_text(sample_text)
    deadly = text.index("“مميتًا”")
    assert all(not (q.start <= deadly < q.end) for q in find_quotes(text))


def test_reference_article_colon_without_speech_verb_is_not_speech(sample_text: str) -> None:
    text = normalize_article_text(sample_text)
    colon = text.index("إلى Nvidia:") + len("إلى Nvidia")
    assert all(q.start > colon or q.end < colon for q in find_quotes(text))


# --- Long and unbalanced articles --------------------------------------------------------------

PARAGRAPH = (
    "وقال المدير العام محمد سالم: «الأرباح تضاعفت هذا العام». "
    'وأضاف "نحن نستثمر في المصانع الجديدة" قبل أن يغادر. '
    "“سيختار العملاء أفضل المنتجات دائما”، قالت المحللة لدى HSBC ليلى حسن. "
    "ووصف السوق بأنها \"متقلبة\" و«صعبة»."
)


def test_two_megabyte_article_with_one_unbalanced_mark() -> None:
    paragraphs = [PARAGRAPH] * (2_000_000 // len(PARAGRAPH.encode()) + 1)
    broken = len(paragraphs) // 2
    paragraphs[broken] = 'قال "بداية بلا نهاية ' + PARAGRAPH  # the odd mark opens before everything
    text = "\n".join(paragraphs)
    assert len(text.encode()) > 2_000_000

    quotes = find_quotes(text)

    assert len(quotes) == 3 * len(paragraphs)  # the odd mark swallowed nothing
    assert all("\n" not in q.text for q in quotes)
    assert {q.speaker for q in quotes} == {"محمد سالم", None, "ليلى حسن"}
    starts = [q.start for q in quotes]
    assert starts == sorted(starts)


def test_one_long_paragraph_with_an_unbalanced_opener_keeps_pairing() -> None:
    pair = 'وأضاف "نص مقتبس من المصدر" ثم «كلام آخر بين علامتين» و'
    text = "كلمة “بلا إغلاق " + pair * 20_000
    quotes = find_quotes(text)
    assert len(quotes) == 40_000
    assert max(q.end - q.start for q in quotes) == len("«كلام آخر بين علامتين»")


def test_many_colons_after_speech_verbs_give_one_quote_per_sentence() -> None:
    text = "قال الرئيس: " * 50_000 + "انتهى الأمر هنا."
    quotes = find_quotes(text)
    assert len(quotes) == 1  # quotes never overlap, even without a sentence end in sight
    assert quotes[0].text.endswith("انتهى الأمر هنا.")
