"""The people detector on realistic Arabic news sentences: exact name spans, no titles, no roles."""
from __future__ import annotations

import pytest

from reader.core.suggest.people import find_people
from reader.core.text import normalize_article_text


def _names(text: str) -> list[tuple[int, int, str]]:
    found = find_people(text)
    for p in found:
        assert p.tag == "person"
        assert p.text == text[p.start:p.end]
    return [(p.start, p.end, p.text) for p in found]


def _expected(text: str, names: list[str]) -> list[tuple[int, int, str]]:
    out = []
    for name in names:
        start = text.index(name)
        out.append((start, start + len(name), name))
    return out


# (sentence, [names exactly as they must be spanned])
CASES = [
    pytest.param("قال الرئيس التنفيذي للشركة أمين الناصر: إن الطلب قوي.", ["أمين الناصر"], id="ceo-of-the-company"),
    pytest.param("وقال وزير المالية السعودي محمد الجدعان خلال مؤتمر صحفي إن الميزانية متوازنة.",
                 ["محمد الجدعان"], id="minister-with-nationality"),
    pytest.param("وأكد المتحدث باسم وزارة الخارجية الصينية ماو نينغ أن بكين ترفض ذلك.",
                 ["ماو نينغ"], id="spokesperson-of-ministry"),
    pytest.param("قال الرئيس ترامب إن الرسوم ستبقى.", ["ترامب"], id="single-surname-after-title"),
    pytest.param("عكس ترامب قراره في يوليو بعد ضغوط من إدارة بايدن.", [], id="surname-without-title-skipped"),
    pytest.param("أكد الرئيس دعمه للخطة.", [], id="noun-with-pronoun-is-not-a-name"),
    pytest.param("زار الرئيس بكين الأسبوع الماضي.", [], id="place-after-title"),
    pytest.param("وقال محمد العلي، المدير العام لشركة أرامكو، إن الإنتاج ارتفع.",
                 ["محمد العلي"], id="speech-verb-then-appositive"),
    pytest.param("وأعلنت أرامكو السعودية عن أرباح قياسية.", [], id="company-after-feminine-verb"),
    pytest.param("قالت سارة أحمد، المحللة لدى Morgan Stanley، إن السوق متقلب.",
                 ["سارة أحمد"], id="feminine-verb-with-appositive-title"),
    pytest.param("قالت سارة أحمد إن السوق متقلب.", [], id="feminine-verb-without-title-skipped"),
    pytest.param("وقال د. خالد الفالح إن الاستثمارات ارتفعت.", ["خالد الفالح"], id="doctor-abbreviation"),
    pytest.param("التقى ولي العهد الأمير محمد بن سلمان بالرئيس الأمريكي دونالد ترامب في الرياض.",
                 ["محمد بن سلمان", "دونالد ترامب"], id="two-titled-names"),
    pytest.param("وقال الرئيس التنفيذي لشركة Apple Tim Cook إن المبيعات قوية.", ["Tim Cook"], id="latin-after-company"),
    pytest.param("قال محافظ البنك المركزي المصري حسن عبد الله إن التضخم تراجع.",
                 ["حسن عبد الله"], id="governor-linked-name"),
    pytest.param("أعلن الرئيس ترامب فرض رسوم جمركية على الصين.", ["ترامب"], id="verb-after-name-stops-it"),
    pytest.param("وقال مسؤول أمريكي كبير إن المحادثات مستمرة.", [], id="unnamed-official"),
    pytest.param("وقال متحدث باسم NVIDIA لـ Gizmodo إن المنافسة وصلت.", [], id="role-is-not-a-person"),
    pytest.param("وقالت المحللة لدى Goldman Sachs ليلى حسن إن الأسعار سترتفع.", ["ليلى حسن"], id="analyst-at-bank"),
    pytest.param("وقال رئيس مجلس إدارة شركة سابك عبد الرحمن الفقيه إن الأرباح تضاعفت.",
                 ["عبد الرحمن الفقيه"], id="chairman-of-the-board"),
    pytest.param("التقى الرئيس الصيني شي جين بينغ نظيره الأمريكي في بكين.", ["شي جين بينغ"], id="three-word-name"),
    pytest.param("وقال الرئيس التنفيذي لشركة Meta Platforms إن الإنفاق سيرتفع.", [], id="two-word-company-no-name"),
    pytest.param("وقالت الرئيسة التنفيذية لشركة Advanced Micro Devices Lisa Su إن الطلب قوي.",
                 ["Lisa Su"], id="long-latin-company-then-name"),
    pytest.param("وقال الدكتور عبد العزيز بن سلمان آل سعود وزير الطاقة إن أوبك مستعدة.",
                 ["عبد العزيز بن سلمان آل سعود"], id="linked-units"),
    pytest.param("وقال خالد الفالح إن الاستثمارات الأجنبية ارتفعت.", ["خالد الفالح"], id="subject-of-said"),
    pytest.param("وقالت هواوي تكنولوجيز إنها ستطلق هاتفا جديدا.", [], id="company-subject"),
    pytest.param("وقال شهود عيان إن الانفجار وقع صباحا.", [], id="eyewitnesses"),
    pytest.param("أكد السيد أحمد المنصوري، عضو مجلس الإدارة، أن الشركة رابحة.", ["أحمد المنصوري"], id="mister"),
    pytest.param("وقال وانغ ون تاو وزير التجارة الصيني إن بلاده سترد.", ["وانغ ون تاو"], id="title-after-name-stops-it"),
    pytest.param("وقال Tim Cook، الرئيس التنفيذي لشركة Apple، إن المبيعات قوية.",
                 ["Tim Cook"], id="latin-subject-with-appositive"),
    pytest.param("وقالت Nvidia في بيان إن المبيعات ارتفعت.", [], id="latin-company-subject"),
    pytest.param("وقال رئيس الوزراء إن الحكومة ستدعم القطاع.", [], id="title-without-name"),
    pytest.param("«الأرقام لا تكذب»، بحسب ما قاله المهندس خالد سعيد.", ["خالد سعيد"], id="according-to-engineer"),
    pytest.param("وقال المدير العام للشركة محمد سالم إن الأرباح تضاعفت.", ["محمد سالم"], id="general-manager"),
    pytest.param("وقال الرئيس التنفيذي للشركة، محمد العلي، إن الطلب قوي.", ["محمد العلي"], id="name-between-commas"),
    pytest.param("وقال المدير العام، خلال المؤتمر، إن الطلب قوي.", [], id="commas-around-no-name"),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_people(text: str, names: list[str]) -> None:
    assert _names(text) == _expected(text, names)


def test_canonical_strips_harakat_and_tatweel_but_span_keeps_them() -> None:
    text = "وقالَ الرئيسُ التنفيذيُّ للشركةِ أمينُ النـاصر إنّ الطلبَ قويٌّ."
    [person] = find_people(text)
    assert person.text == "أمينُ النـاصر"
    assert (person.start, person.end) == (text.index("أمينُ"), text.index("النـاصر") + len("النـاصر"))
    assert person.canonical == "أمين الناصر"


def test_canonical_is_the_name_as_written() -> None:
    [person] = find_people("أكد وزير الخارجية الأمريكي أنتوني بلينكن أن المحادثات مثمرة.")
    assert person.canonical == person.text == "أنتوني بلينكن"


def test_a_name_never_crosses_a_paragraph() -> None:
    text = "وقال الرئيس التنفيذي للشركة\nأمين الناصر يكتب مقالا."
    assert find_people(text) == []


def test_reference_article_people(sample_text: str) -> None:
    text = normalize_article_text(sample_text)
    people = find_people(text)
    assert [(p.text, p.canonical) for p in people] == [("Jensen Huang", "Jensen Huang"), ("وي شوجون", "وي شوجون")]
    huang = people[0]
    assert text[huang.start - len("لشركة Nvidia "):huang.start] == "لشركة Nvidia "
    assert all(p.text not in ("ترامب", "Nvidia", "NVIDIA") for p in people)


def test_long_article_is_read_in_one_pass() -> None:
    paragraph = ("وقال الرئيس التنفيذي لشركة Nvidia Jensen Huang إن الطلب قوي، "
                 "بينما قالت المحللة لدى HSBC ليلى حسن إن الأسعار سترتفع. عكس ترامب قراره.")
    text = "\n".join([paragraph] * (2_000_000 // len(paragraph.encode()) + 1))
    people = find_people(text)
    assert len(people) == 2 * (text.count("\n") + 1)
    assert {p.text for p in people} == {"Jensen Huang", "ليلى حسن"}
