"""The companies detector: gazetteer look-ups, cue-word rules, user gazetteers, the sample article."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.core.errors import HamishError
from reader.core.resources import resource_path, sample_article_path
from reader.core.suggest import companies as companies_module
from reader.core.suggest.companies import Gazetteer, find_companies, shipped_gazetteer
from reader.core.text import fold_for_search

SAMPLE = sample_article_path().read_text(encoding="utf-8")


def found(text: str, gazetteer: Gazetteer | None = None) -> list[tuple[str, str]]:
    """(span text, canonical) of every company found, checking the span conventions on the way."""
    result = find_companies(text, gazetteer)
    for s in result:
        assert s.tag == "company"
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.text
    starts = [s.start for s in result]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(result, result[1:])), "overlapping spans"
    return [(s.text, s.canonical) for s in result]


def empty_gazetteer() -> Gazetteer:
    return Gazetteer()


# --- The reference article ----------------------------------------------------------------


def test_sample_finds_every_nvidia_spelling_with_one_canonical():
    spans = found(SAMPLE)
    nvidia = [t for t, c in spans if c == "Nvidia"]
    expected = re.findall(r"(?i)\bnvidia\b", SAMPLE)
    assert sorted(nvidia) == sorted(expected)
    assert {"nvidia", "Nvidia", "NVIDIA"} <= set(nvidia)


def test_sample_finds_the_other_companies_with_their_canonicals():
    spans = set(found(SAMPLE))
    for expected in [
        ("Tencent", "Tencent"), ("Alibaba", "Alibaba"), ("Baidu", "Baidu"), ("Gizmodo", "Gizmodo"),
        ("Cambricon", "Cambricon"), ("Huawei", "Huawei"), ("Metax", "MetaX"), ("Bytedance", "ByteDance"),
        ("Deepseek", "DeepSeek"), ("AMD", "AMD"), ("رويترز", "Reuters"), ("بلومبرج", "Bloomberg"),
        ("وول ستريت جورنال", "Wall Street Journal"), ("فاينانشيال تايمز", "Financial Times"),
    ]:
        assert expected in spans, expected


def overlapping(result: list, text: str, word: str) -> list[str]:
    """Suggestions overlapping any whole-word occurrence of `word` in `text`."""
    hits = []
    for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
        hits += [s.text for s in result if s.start < m.end() and m.start() < s.end]
    return hits


@pytest.mark.parametrize("gazetteer", [None, Gazetteer()], ids=["shipped", "empty"])
def test_sample_leaves_people_products_and_politicians_alone(gazetteer: Gazetteer | None):
    result = find_companies(SAMPLE, gazetteer)
    for not_a_company in ["Jensen", "Huang", "H20", "H20s", "R1", "ترامب", "بايدن", "China", "Chip", "Chips"]:
        assert re.search(rf"(?<!\w){not_a_company}(?!\w)", SAMPLE), not_a_company
        assert overlapping(result, SAMPLE, not_a_company) == [], not_a_company
    # `لشركة Nvidia Jensen Huang` → only `Nvidia`, with or without the gazetteer.
    huang = SAMPLE.index("Nvidia Jensen Huang")
    assert [(s.start, s.text) for s in result if huang <= s.start < huang + 20] == [(huang, "Nvidia")]


def test_sample_possessive_and_product_stay_outside_the_span():
    result = find_companies(SAMPLE)
    deepseek = next(s for s in result if s.canonical == "DeepSeek")
    assert (deepseek.text, SAMPLE[deepseek.end : deepseek.end + 5]) == ("Deepseek", "'s R1")
    h20 = SAMPLE.index("NVIDIA H20")
    assert [s.text for s in result if s.start == h20] == ["NVIDIA"]


def test_sample_without_a_gazetteer_still_finds_cued_latin_names():
    spans = found(SAMPLE, empty_gazetteer())
    names = {t for t, _ in spans}
    # `شركة Cambricon`, `شركة Metax`, `عمالقة التكنولوجيا مثل Alibaba و Baidu`,
    # `صانع الرقائق الأمريكي AMD`, `شركات التكنولوجيا الصينية مثل Alibaba و Bytedance`.
    assert {"Cambricon", "Metax", "Alibaba", "Baidu", "Huawei", "Bytedance", "AMD", "Tencent"} <= names
    assert ("Metax", "Metax") in spans  # unknown names keep the spelling as canonical
    assert not names & {"Jensen Huang", "China Chip", "H20", "R1", "Deepseek"}
    # Alibaba is cued once; every other `Alibaba` counts too.
    assert [t for t, _ in spans].count("Alibaba") == SAMPLE.count("Alibaba")


# --- Sentences: exact spans and canonicals ------------------------------------------------

CASES = [
    # Gazetteer spellings, clitics, possessives, whole words
    ("وقّعت وإنفيديا اتفاقاً مع بإنفيديا ولإنفيديا.", [("إنفيديا", "Nvidia")] * 3),
    ("ارتفع سهم انفيديا بعد نتائج قوية.", [("انفيديا", "Nvidia")]),
    ("قالت لـإنفيـديا مصادر إن الطلب قوي.", [("إنفيـديا", "Nvidia")]),
    ("وقال متحدث باسم NVIDIA لـ Gizmodo إن المنافسة وصلت.", [("NVIDIA", "Nvidia"), ("Gizmodo", "Gizmodo")]),
    ("جاء نموذج Deepseek's R1 ليغير السوق.", [("Deepseek", "DeepSeek")]),
    ("تعاونت AMD’s مع شركاء جدد.", [("AMD", "AMD")]),
    ("أطلقت Intel وحدة Artificial Intelligence جديدة.", [("Intel", "Intel")]),
    ("باعت المتاجر رقائق AMDs المستعملة.", []),
    ("بعد جهود الرئيس التنفيذي لشركة Nvidia Jensen Huang تغير القرار.", [("Nvidia", "Nvidia")]),
    ("تحتوي على ذاكرة أكبر من NVIDIA H20 ورقائق A100 و iPhone 16.", [("NVIDIA", "Nvidia")]),
    ("وقال الرئيس التنفيذي Jensen Huang إن CEO Jensen Huang متفائل.", []),
    ("ذكرت رويترز ووكالة بلومبيرغ وصحيفة فايننشال تايمز ذلك.",
     [("رويترز", "Reuters"), ("بلومبيرغ", "Bloomberg"), ("فايننشال تايمز", "Financial Times")]),
    ("قالت صحيفة وول ستريت جورنال إن The Wall Street Journal نشرت التقرير.",
     [("وول ستريت جورنال", "Wall Street Journal"), ("The Wall Street Journal", "Wall Street Journal")]),
    ("أعلنت شركة أرامكو السعودية عن أرباح قياسية.", [("أرامكو السعودية", "Saudi Aramco")]),
    ("قالت شركة سامسونغ للإلكترونيات إنها ستستثمر.", [("سامسونغ للإلكترونيات", "Samsung")]),
    ("استحوذت Tencent Holdings على حصة في Alibaba Cloud.",
     [("Tencent Holdings", "Tencent"), ("Alibaba Cloud", "Alibaba Cloud")]),
    ("قال بنك J.P. Morgan إن e& ستوسع أعمالها.", [("J.P. Morgan", "JPMorgan"), ("e&", "e&")]),
    ("وقعت جي ٤٢ اتفاقية مع G٤٢ الإماراتية.", [("جي ٤٢", "G42"), ("G٤٢", "G42")]),
    ("استثمرت مجموعة علي بابا في شركة ناشئة.", [("علي بابا", "Alibaba")]),
    ("وقال مصرف الراجحي إن الأرباح ارتفعت.", [("مصرف الراجحي", "Al Rajhi Bank")]),
    # Cue-only spellings: common words unless a cue comes right before them
    ("بثت قناة الجزيرة تقريراً عن شبه الجزيرة العربية.", [("الجزيرة", "Al Jazeera")]),
    ("تحتاج غزة إلى إعادة إعمار شاملة، بينما ارتفعت أسهم إعمار.", [("إعمار", "Emaar")]),
    ("قال رجل الأعمال سليمان الراجحي إن السوق واعدة.", []),
    ("أعلن زين الدين عن مبادرة، وقالت شركة زين إن أرباحها نمت.", [("زين", "Zain")]),
    ("وقالت العربية إن اللغة العربية تنتشر.", []),
    # Unknown Arabic names after a cue
    ("قالت شركة المراعي إن أرباحها ارتفعت 12 في المئة.", [("المراعي", "Almarai")]),
    ("أعلنت مجموعة الفطيم الإماراتية عن افتتاح متجر.", [("الفطيم", "Al-Futtaim")]),
    ("أعلنت مجموعة الحكير عن نتائجها الفصلية.", [("الحكير", "الحكير")]),
    ("أعلنت شركة جاهز القابضة نتائجها.", [("جاهز القابضة", "Jahez")]),
    ("أعلنت شركة كيان القابضة نتائجها.", [("كيان القابضة", "كيان القابضة")]),
    # One name, one sense per article: named with its cue once, then by name alone.
    ("وقعت شركة سدافكو عقداً جديداً، وتتوقع سدافكو نمو مبيعاتها.", [("سدافكو", "سدافكو"), ("سدافكو", "سدافكو")]),
    ("أعلنت مجموعة بن لادن السعودية عن مشروع جديد.", [("بن لادن", "بن لادن")]),
    ("وقال مصرف أبوظبي الإسلامي إن أرباحه ارتفعت.", [("أبوظبي الإسلامي", "أبوظبي الإسلامي")]),
    ("أعلنت شركة نُون إنها ستتوسع.", [("نُون", "Noon")]),
    ("أعلنت شركة الدَّهْـم عن صفقة.", [("الدَّهْـم", "الدهم")]),
    # A cue before a generic word is not a name
    ("استحوذت شركة ناشئة صينية على شركة التكنولوجيا الأمريكية.", []),
    ("قالت الشركة الأم إن شركات التكنولوجيا وشركة تعمل في الرقائق ستستفيد.", []),
    ("اجتمع قادة مجموعة العشرين، وقالت مجموعة من المستثمرين إنها قلقة.", []),
    ("قال بنك إنجلترا إن التضخم تراجع، وخفض بنك مركزي آخر الفائدة.", []),
    ("أشار مصرف قطر المركزي إلى استقرار الأسعار، وقال مصرف لبنان إن الاحتياطي تراجع.", []),
    ("قال صندوق النقد الدولي إن النمو سيتباطأ، وأسست شركة يملكها رجل أعمال مصنعاً.", []),
    ("تدير شركة تطوير عقاري المشروع مع شركة تأمين وشركة كبرى.", []),
    # Unknown Latin names: a cue, a list, a suffix, a gloss, or an earlier cue
    ("أكدت صحيفة Le Monde أن صانع الرقائق الفرنسي Kalray يتوسع.", [("Le Monde", "Le Monde"), ("Kalray", "Kalray")]),
    ("تتعاون شركات مثل Xiaomi و Oppo و Vivo مع بايدو.",
     [("Xiaomi", "Xiaomi"), ("Oppo", "Oppo"), ("Vivo", "Vivo"), ("بايدو", "Baidu")]),
    ("تتعاون شركتي Cloudwalk و Megvii، Sensetime مع بايدو.",
     [("Cloudwalk", "Cloudwalk"), ("Megvii", "Megvii"), ("Sensetime", "Sensetime"), ("بايدو", "Baidu")]),
    ("قالت إنه يتفوق على Claude من Anthropic و Gemini من Google.", [("Anthropic", "Anthropic"), ("Google", "Google")]),
    ("وقال Sam Altman، الرئيس التنفيذي لـ OpenAI، إن الشركة تعمل مع Microsoft في ولاية Texas.",
     [("OpenAI", "OpenAI"), ("Microsoft", "Microsoft")]),
    ("استحوذت مجموعة SoftBank اليابانية على حصة في شركة Ampere Computing مقابل 6.5 مليار دولار.",
     [("SoftBank", "SoftBank"), ("Ampere Computing", "Ampere Computing")]),
    ("حصلت شركة Moore Threads على تمويل، وقالت Moore Threads إنها ستدرج أسهمها.",
     [("Moore Threads", "Moore Threads"), ("Moore Threads", "Moore Threads")]),
    ("قالت Enflame Tech إنها تطور رقاقة، وقال Foo Bar ذلك أيضاً.", []),
    ("استثمرت Zhongxin Holdings في مصنع، بينما قدم World Bank قرضاً.", [("Zhongxin Holdings", "Zhongxin Holdings")]),
    ("وقعت شركة المراعي (Almarai) اتفاقية.", [("المراعي", "Almarai"), ("Almarai", "Almarai")]),
    ("شهدت أسهم China Chip طفرة كبيرة.", []),
    ("أطلقت وكالة NASA مسباراً بالتعاون مع شركة SpaceX.", [("SpaceX", "SpaceX")]),
    ("تبني شركة TSMC مصنع fab جديداً بينما يعمل FAB على تمويله.", [("TSMC", "TSMC"), ("FAB", "First Abu Dhabi Bank")]),
    ("قالت amd و nvidia إن الطلب قوي.", [("nvidia", "Nvidia")]),
    ('قال المحلل: "the market loves Foo Corp today" وفقاً لـ Goldman Sachs.', [("Goldman Sachs", "Goldman Sachs")]),
    ("قالت شركة Foo's المنافسة إن الطلب قوي.", [("Foo", "Foo")]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_sentence(text: str, expected: list[tuple[str, str]]):
    assert found(text) == expected


def test_offsets_point_at_the_name_without_its_clitic():
    text = "وقال ولإنفيديا شركاء."
    [s] = find_companies(text)
    assert (s.start, s.end) == (text.index("إنفيديا"), text.index("إنفيديا") + len("إنفيديا"))


@pytest.mark.parametrize(("text", "expected"), [
    ("قال الرئيس التنفيذي لشركة Acme Jensen Huang إن الطلب قوي.", [("Acme", "Acme")]),
    ("أكد مؤسس شركة Acme CEO John Smith أن الطلب قوي.", [("Acme", "Acme")]),
    ("أعلن رئيس مجلس إدارة شركة Alibaba Joe Tsai أن الشركة ستستثمر.", [("Alibaba", "Alibaba")]),
    ("قال مصنع الرقائق الرئيس التنفيذي Lisa Su إن الطلب قوي.", []),
    ("قالت شركة Moore Threads إن رئيسها التنفيذي لشركة Moore Threads Zhang Jianzhong متفائل.",
     [("Moore Threads", "Moore Threads"), ("Moore Threads", "Moore Threads")]),
])
def test_people_after_companies_and_titles_without_a_gazetteer(text: str, expected: list[tuple[str, str]]):
    assert found(text, empty_gazetteer()) == expected


def test_latin_paragraph_needs_capitalised_names():
    text = "Apple and Nvidia are big. The apple never falls far from the tree, in total.\nقالت apple إنها ستنمو."
    assert found(text) == [("Apple", "Apple"), ("Nvidia", "Nvidia"), ("apple", "Apple")]


def test_latin_prose_is_no_unknown_name_even_after_a_cue():
    text = "Shares of Foo Corp rose after the company called Moore Threads Limited reported."
    assert found(text, empty_gazetteer()) == []


def test_empty_and_letterless_text():
    assert find_companies("") == []
    assert find_companies("  \n 123 ، . ") == []


# --- The gazetteer ------------------------------------------------------------------------


def test_canonical_folds_case_letters_marks_and_clitics():
    g = shipped_gazetteer()
    for spelling in ["nvidia", "NVIDIA", "إنفيديا", "انفيديا", "وإنفيديا", "الإنفيديا", "بالإنفيديا",
                     "إنفـيديا", "إِنْفِيدْيَا"]:
        assert g.canonical(spelling) == "Nvidia", spelling
    assert g.canonical("Deepseek's") == "DeepSeek"
    assert g.canonical("للراجحي") == "Al Rajhi Bank"
    assert g.canonical("والجزيرة") == "Al Jazeera"
    assert g.canonical("wall street journal") == "Wall Street Journal"
    assert g.canonical("coca cola") == "Coca-Cola"
    for unknown in ["Intelligence", "AMDs", "Jensen Huang", "جزيرة", "", "  "]:
        assert g.canonical(unknown) is None, unknown


def test_shipped_gazetteer_is_cached():
    assert shipped_gazetteer() is shipped_gazetteer()


def test_shipped_file_has_enough_companies_each_in_both_scripts():
    data = json.loads(resource_path("companies.json").read_text(encoding="utf-8"))
    assert data["format"] == "hamish-companies" and data["version"] == 1
    entries = data["companies"]
    assert len(entries) >= 150
    arabic = re.compile("[\u0621-\u064a]")
    for entry in entries:
        spellings = [entry["canonical"], *entry["names"], *entry.get("cue_only", [])]
        assert any(arabic.search(n) for n in spellings), entry["canonical"]
        assert any(re.search("[A-Za-z]", n) for n in spellings), entry["canonical"]
        assert not arabic.search(entry["canonical"]), "canonical names are in Latin script"
    # No spelling belongs to two companies.
    g = Gazetteer.load()
    owners: dict[tuple[str, ...], str] = {}
    for entry in entries:
        for n in [entry["canonical"], *entry["names"], *entry.get("cue_only", [])]:
            key = companies_module._name_key(n)
            assert owners.setdefault(key, entry["canonical"]) == entry["canonical"], n
    assert len(g) == len(entries)


@pytest.mark.parametrize("spelling, canonical", [
    ("أرامكو السعودية", "Saudi Aramco"), ("سابك", "SABIC"), ("الاتصالات السعودية", "STC"),
    ("مصرف الراجحي", "Al Rajhi Bank"), ("البنك الأهلي السعودي", "Saudi National Bank"), ("أدنوك", "ADNOC"),
    ("موانئ دبي العالمية", "DP World"), ("طيران الإمارات", "Emirates"), ("كيو إن بي", "QNB"),
    ("أوراسكوم", "Orascom"), ("البنك التجاري الدولي", "CIB"), ("صندوق الاستثمارات العامة", "Public Investment Fund"),
    ("جهاز قطر للاستثمار", "Qatar Investment Authority"), ("سكاي نيوز عربية", "Sky News Arabia"),
    ("SK Hynix", "SK Hynix"), ("تي إس إم سي", "TSMC"), ("أوبن إيه آي", "OpenAI"), ("أنثروبيك", "Anthropic"),
    ("بايت دانس", "ByteDance"), ("شاومي", "Xiaomi"), ("كامبريكون", "Cambricon"), ("ديب سيك", "DeepSeek"),
    ("CNBC", "CNBC"), ("جيزمودو", "Gizmodo"), ("مبادلة للاستثمار", "Mubadala"),
])
def test_gazetteer_knows_gulf_tech_and_media_names(spelling: str, canonical: str):
    assert shipped_gazetteer().canonical(spelling) == canonical


# --- User gazetteers ----------------------------------------------------------------------


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False) if not isinstance(data, str) else data, encoding="utf-8")
    return path


def test_user_file_adds_spellings_and_companies(tmp_path: Path):
    extra = write(tmp_path / "mine.json", {"format": "hamish-companies", "version": 1, "companies": [
        {"canonical": "Nvidia", "names": ["إنفيدا"]},
        {"canonical": "Al Hokair", "names": ["الحكير", "Alhokair"], "cue_only": ["حكير"]},
    ]})
    g = Gazetteer.load(extra)
    assert g.canonical("إنفيدا") == "Nvidia"
    assert g.canonical("إنفيديا") == "Nvidia"  # the shipped spellings stay
    assert g.canonical("Alhokair") == "Al Hokair"
    assert len(g) == len(shipped_gazetteer()) + 1
    text = "تعاونت إنفيدا مع الحكير، وقالت شركة حكير إن حكير ينمو."
    assert found(text, g) == [("إنفيدا", "Nvidia"), ("الحكير", "Al Hokair"), ("حكير", "Al Hokair")]
    # The shipped gazetteer alone: the cued name, then its other mention (one sense per article).
    assert found(text) == [("حكير", "حكير"), ("حكير", "حكير")]


def test_user_spelling_can_move_to_another_company(tmp_path: Path):
    extra = write(tmp_path / "mine.json", {"format": "hamish-companies", "version": 1, "companies": [
        {"canonical": "Emirates Group", "names": ["طيران الإمارات"]},
    ]})
    g = Gazetteer.load(extra)
    assert g.canonical("طيران الإمارات") == "Emirates Group"
    assert g.canonical("Emirates Airline") == "Emirates"
    assert "طيران الإمارات" not in g.companies()["Emirates"]
    assert found("أعلنت طيران الإمارات عن رحلات.", g) == [("طيران الإمارات", "Emirates Group")]


@pytest.mark.parametrize("content, problem", [
    ("{not json", "not valid JSON"),
    ([], "expected a JSON object"),
    ({"format": "something-else", "version": 1, "companies": []}, '"format"'),
    ({"format": "hamish-companies", "version": 2, "companies": []}, '"version"'),
    ({"format": "hamish-companies", "version": 1, "companies": {}}, '"companies" must be a list'),
    ({"format": "hamish-companies", "version": 1, "companies": ["Nvidia"]}, "company #1"),
    ({"format": "hamish-companies", "version": 1, "companies": [{"names": ["x"]}]}, '"canonical"'),
    ({"format": "hamish-companies", "version": 1, "companies": [{"canonical": "X", "names": "X"}]}, '"names"'),
    ({"format": "hamish-companies", "version": 1, "companies": [{"canonical": "X", "names": ["", "Y"]}]}, '"names"'),
    ({"format": "hamish-companies", "version": 1, "companies": [{"canonical": "X", "names": [], "cue_only": [3]}]},
     '"cue_only"'),
])
def test_malformed_user_file_is_one_clear_error(tmp_path: Path, content: object, problem: str):
    path = write(tmp_path / "bad.json", content)
    with pytest.raises(HamishError) as info:
        Gazetteer.load(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


def test_missing_or_undecodable_user_file(tmp_path: Path):
    with pytest.raises(HamishError, match="cannot read"):
        Gazetteer.load(tmp_path / "absent.json")
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes(b'{"format": "hamish-companies", "version": 1, "companies": [{"canonical": "Caf\xe9"}]}')
    with pytest.raises(HamishError, match="cannot read"):
        Gazetteer.load(latin1)


# --- Folding and size ---------------------------------------------------------------------


@pytest.mark.parametrize("text", [SAMPLE, "إِنْفِيـدْيَا ٢٠٢٤ ۱۲ ﻻ Straße İstanbul ΣΑΣ آبل أُمّ", "لـ ـ ـَ"])
def test_fast_fold_is_fold_for_search(text: str):
    assert companies_module._fold(text) == fold_for_search(text)


@pytest.mark.timeout(60)  # a safety net against runaway patterns, not a timing measurement
def test_two_megabyte_article():
    per_copy = find_companies(SAMPLE)
    copies = 2_000_000 // len(SAMPLE) + 1
    big = "\n".join([SAMPLE] * copies)
    result = find_companies(big)
    assert len(big) > 2_000_000
    assert len(result) == copies * len(per_copy)
    last = result[-len(per_copy):]
    offset = big.rindex(SAMPLE)
    assert [(s.start - offset, s.text) for s in last] == [(s.start, s.text) for s in per_copy]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [
    "شركة " + "Foo " * 300_000,
    "شركة " * 300_000,
    "Nvidia و " * 100_000,
    "ب" * 1_000_000 + " Foo",
    "(" * 500_000 + "Foo" + ")" * 500_000,
])
def test_long_degenerate_lines_finish(text: str):
    result = find_companies(text)
    assert all(text[s.start : s.end] == s.text for s in result)
