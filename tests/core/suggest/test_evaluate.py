"""The labelled set (tests/data/suggest/) and the evaluator, independent of the detectors.

The gold files are checked against their articles and the span conventions; the matcher and the
scores are checked on small hand-made articles with fake detectors; the CLI runs in-process.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from reader.core.suggest.evaluate import (
    default_data_dir,
    evaluate,
    load_set,
    main,
    tag_scores,
    trimmed,
)
from reader.core.suggest.model import TAGS, Suggestion
from reader.core.text import normalize_article_text

DATA = default_data_dir()
GOLD_FILES = sorted(DATA.glob("*/*.gold.json"))
REFERENCE = "dev/nvidia-china"
SPAN_KEYS = {"start", "end", "text", "tag", "value", "value_high", "unit", "canonical", "speaker"}
ISO_4217 = re.compile(r"^[A-Z]{3}$")
QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"'}
MIN_QUOTE_WORDS = 3


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name.removesuffix('.gold.json')}"


def _load(path: Path) -> tuple[str, list[dict]]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["article"]).read_bytes().decode("utf-8")
    return text, gold["spans"]


# ---------------------------------------------------------------------------------------------
# The labelled set
# ---------------------------------------------------------------------------------------------
def test_the_set_has_enough_articles_in_dev_and_test():
    names = [_name(p) for p in GOLD_FILES]
    dev = [n for n in names if n.startswith("dev/")]
    test = [n for n in names if n.startswith("test/")]
    assert len(dev) >= 8 and len(test) >= 8
    assert REFERENCE in dev
    # An article is in one half only.
    assert not {n.split("/")[1] for n in dev} & {n.split("/")[1] for n in test}


def test_the_reference_article_is_the_shipped_sample_verbatim(sample_text: str):
    assert (DATA / f"{REFERENCE}.txt").read_bytes().decode("utf-8") == sample_text


@pytest.mark.parametrize("path", GOLD_FILES, ids=_name)
def test_article_is_stored_text_of_news_length(path: Path):
    text, _ = _load(path)
    assert normalize_article_text(text) == text
    assert "\r" not in text and not text.endswith("\n")
    if _name(path) != REFERENCE:  # the reference article is copied as it is
        assert 200 <= len(text.split()) <= 600


@pytest.mark.parametrize("path", GOLD_FILES, ids=_name)
def test_gold_spans_fit_the_article_and_the_conventions(path: Path):
    text, spans = _load(path)
    assert spans
    seen = set()
    for span in spans:
        assert set(span) <= SPAN_KEYS and span["tag"] in TAGS, span
        start, end, piece = span["start"], span["end"], span["text"]
        assert 0 <= start < end <= len(text) and text[start:end] == piece, span
        assert piece == piece.strip(), span
        assert (start, end, span["tag"]) not in seen, f"duplicate {span}"
        seen.add((start, end, span["tag"]))
        if span["tag"] == "figure":
            assert isinstance(span["value"], (int, float)) and not isinstance(span["value"], bool)
            assert "unit" not in span or span["unit"] == "%" or ISO_4217.match(span["unit"]), span
            if "value_high" in span:
                assert span["value_high"] > span["value"], span
            assert not {"canonical", "speaker"} & set(span)
        elif span["tag"] == "quote":
            opening = piece[0]
            if opening in QUOTE_PAIRS:
                assert piece.endswith(QUOTE_PAIRS[opening]), span
                assert len(piece[1:-1].split()) >= MIN_QUOTE_WORDS, span
            assert span.get("speaker", "x").strip(), span
        else:
            assert span["canonical"].strip(), span
            assert not {"value", "value_high", "unit", "speaker"} & set(span)
    # Spans are listed in order, and two spans of one tag never overlap.
    assert spans == sorted(spans, key=lambda s: (s["start"], s["end"], s["tag"]))
    for tag in TAGS:
        mine = [(s["start"], s["end"]) for s in spans if s["tag"] == tag]
        assert all(a[1] <= b[0] for a, b in zip(mine, mine[1:])), tag


def test_every_tag_and_the_traps_are_represented():
    spans = [s for p in GOLD_FILES for s in _load(p)[1]]
    for tag in TAGS:
        assert sum(s["tag"] == tag for s in spans) >= 20, tag
    units = {s.get("unit") for s in spans if s["tag"] == "figure"}
    assert {"USD", "SAR", "AED", "EGP", "EUR", "KRW", "CNY", "%", None} <= units
    figures = {s["text"] for s in spans if s["tag"] == "figure"}
    assert "15 ٪" in figures and "١٢٫٥ في المائة" in figures and "$5 مليارات" in figures
    assert any("value_high" in s for s in spans)
    # Years, model names and one-word quoted terms of the reference article are not labelled.
    reference = _load(DATA / f"{REFERENCE}.gold.json")[1]
    assert not any(s["text"] in ("H20", "R1", "“مميتًا”") for s in reference)


@pytest.fixture(scope="module")
def build():
    """tests/data/suggest/build_gold.py as a module (it is a script, not a package member)."""
    name = "suggest_build_gold"
    spec = importlib.util.spec_from_file_location(name, DATA / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file executes
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        del sys.modules[name]


def test_gold_files_are_what_build_gold_makes_of_the_labels(build):  # noqa: ANN001
    assert build.main(["--check"]) == 0


def test_build_gold_fails_loudly_on_a_bad_label(build):  # noqa: ANN001
    text = "ارتفع السهم 15% ثم 15% ثم 5% وقال المدير: نتوقع نمواً."
    five = text.index(" 5%") + 1
    # "5%" inside "15%" is not an occurrence of "5%".
    assert build.locate(text, build.F("5%", 5, unit="%")) == [(five, five + 2)]
    second = text.index("15%", text.index("15%") + 1)
    assert build.locate(text, build.F("15%", 15, unit="%", n=2)) == [(second, second + 3)]
    assert build.locate(text, build.F("ثم [5%] وقال", 5, unit="%")) == [(five, five + 2)]
    for label in (build.C("أرامكو"), build.F("15%", 15, unit="%"), build.F("15%", 15, unit="%", n=3),
                  build.Q("نتوقع…غداً")):
        with pytest.raises(build.LabelError):
            build.locate(text, label)
    with pytest.raises(build.LabelError, match="text says"):
        build.check_span(text, five, five + 2, build.F("5%", 50, unit="%"))


# ---------------------------------------------------------------------------------------------
# Matching and scores on hand-made articles
# ---------------------------------------------------------------------------------------------
ARTICLE = ('أعلنت شركة أرامكو أن أرباحها بلغت 8.2 مليار دولار، بارتفاع 15%.\n'
           'وقال أمين الناصر: "نتوقع نمواً قوياً هذا العام".')


def _span(text: str, piece: str, tag: str, **attrs) -> Suggestion:  # noqa: ANN003
    start = text.index(piece)
    return Suggestion(start, start + len(piece), piece, tag, **attrs)


GOLD = [
    _span(ARTICLE, "أرامكو", "company", canonical="Saudi Aramco"),
    _span(ARTICLE, "8.2 مليار دولار", "figure", value=8.2e9, unit="USD"),
    _span(ARTICLE, "15%", "figure", value=15, unit="%"),
    _span(ARTICLE, "أمين الناصر", "person", canonical="أمين الناصر"),
    _span(ARTICLE, '"نتوقع نمواً قوياً هذا العام"', "quote", speaker="أمين الناصر"),
]


@pytest.fixture
def tiny_set(tmp_path: Path) -> Path:
    folder = tmp_path / "dev"
    folder.mkdir()
    (folder / "tiny.txt").write_bytes(ARTICLE.encode("utf-8"))
    gold = {"article": "tiny.txt", "spans": [s.to_json() for s in GOLD]}
    (folder / "tiny.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def fake_detector(text: str) -> list[Suggestion]:
    assert text == ARTICLE
    return [
        # Right, with the canonical name in other case: counts as right.
        _span(text, "أرامكو", "company", canonical="SAUDI ARAMCO"),
        # Trailing Arabic comma is trimmed before comparing; value within 1e-9.
        _span(text, "8.2 مليار دولار،", "figure", value=8.2e9 * (1 + 1e-12), unit="USD"),
        # Right span, wrong unit; then the same span again: a false positive.
        _span(text, "15%", "figure", value=15),
        _span(text, "15%", "figure", value=15, unit="%"),
        # A boundary off by the clitic-less first name: a miss and a false positive.
        _span(text, "الناصر", "person", canonical="الناصر"),
        # Right quote, wrong speaker.
        _span(text, '"نتوقع نمواً قوياً هذا العام"', "quote", speaker="الناصر"),
        # A company labelled as a person.
        Suggestion(text.index("أرامكو"), text.index("أرامكو") + 6, "أرامكو", "person"),
    ]


def test_trimming_ignores_whitespace_and_edge_punctuation_only():
    text = " «قال: نعم، حسناً.» ؟"
    assert trimmed(text, 0, len(text)) == (1, len(text) - 2)
    assert trimmed("، .", 0, 3) == (3, 3)
    inner = "8.2 مليار"
    assert trimmed(f"،{inner}؛", 0, len(inner) + 2) == (1, len(inner) + 1)


def test_counts_precision_recall_and_accuracies(tiny_set: Path):
    r = evaluate("dev", tiny_set, detector=fake_detector)
    assert r["articles"] == 1
    assert r["company"] == tag_scores(1, 1, 1)
    assert r["figure"]["gold"] == 2 and r["figure"]["predicted"] == 3 and r["figure"]["tp"] == 2
    assert r["figure"]["precision"] == pytest.approx(2 / 3) and r["figure"]["recall"] == 1.0
    assert r["person"] == {"gold": 1, "predicted": 2, "tp": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert r["quote"]["tp"] == 1 and r["quote"]["f1"] == 1.0
    assert (r["all"]["gold"], r["all"]["predicted"], r["all"]["tp"]) == (5, 7, 4)
    assert r["all"]["f1"] == pytest.approx(2 * (4 / 7) * (4 / 5) / (4 / 7 + 4 / 5))
    # The first 15% prediction took the gold span: its missing unit makes the value wrong.
    assert (r["value_accuracy"], r["value_checked"]) == (0.5, 2)
    assert (r["canonical_accuracy"], r["canonical_checked"]) == (1.0, 1)
    assert (r["speaker_accuracy"], r["speaker_checked"]) == (0.0, 1)


def test_value_tolerance_is_relative_1e_9(tiny_set: Path):
    def detector(scale: float):
        return lambda text: [_span(text, "8.2 مليار دولار", "figure", value=8.2e9 * scale, unit="USD")]

    assert evaluate("dev", tiny_set, detector(1 + 1e-11))["value_accuracy"] == 1.0
    assert evaluate("dev", tiny_set, detector(1 + 1e-6))["value_accuracy"] == 0.0


def test_value_high_must_match_too(tiny_set: Path):
    def ranged(text: str) -> list[Suggestion]:
        return [_span(text, "8.2 مليار دولار", "figure", value=8.2e9, value_high=9e9, unit="USD")]

    assert evaluate("dev", tiny_set, ranged)["value_accuracy"] == 0.0


def test_scores_for_empty_sides():
    assert tag_scores(0, 0, 0) == {"gold": 0, "predicted": 0, "tp": 0, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert tag_scores(4, 0, 0)["precision"] == 0.0 and tag_scores(4, 0, 0)["f1"] == 0.0
    assert tag_scores(0, 3, 0)["precision"] == 0.0


def test_an_oracle_scores_perfectly_on_the_real_set_and_nothing_scores_zero():
    articles = load_set("all")
    by_text = {a.text: list(a.spans) for a in articles}
    assert len(by_text) == len(articles) == len(GOLD_FILES)
    perfect = evaluate("all", detector=lambda text: by_text[text])
    for tag in (*TAGS, "all"):
        assert perfect[tag]["precision"] == perfect[tag]["recall"] == perfect[tag]["f1"] == 1.0
    assert perfect["value_accuracy"] == perfect["canonical_accuracy"] == perfect["speaker_accuracy"] == 1.0
    assert perfect["speaker_checked"] > 0

    empty = evaluate("test", detector=lambda text: [])
    assert empty["articles"] == len([p for p in GOLD_FILES if p.parent.name == "test"])
    assert all(empty[tag]["recall"] == 0.0 and empty[tag]["gold"] > 0 for tag in TAGS)
    assert empty["value_accuracy"] is None


def test_a_gold_file_that_does_not_fit_its_article_is_refused(tiny_set: Path):
    gold_path = tiny_set / "dev" / "tiny.gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gold["spans"][0]["start"] += 1
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ValueError, match="not the article text"):
        load_set("dev", tiny_set)


# ---------------------------------------------------------------------------------------------
# The command line, in-process
# ---------------------------------------------------------------------------------------------
def test_cli_prints_a_table(tiny_set: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--set", "dev", "--data", str(tiny_set)], detector=fake_detector) == 0
    out = capsys.readouterr().out
    assert "set: dev (1 articles)" in out
    assert re.search(r"^tag\s+gold\s+pred\s+tp\s+precision\s+recall\s+f1$", out, re.M)
    assert re.search(r"^figure\s+2\s+3\s+2\s+0\.667\s+1\.000\s+0\.800$", out, re.M)
    assert re.search(r"^person\s+1\s+2\s+0\s+0\.000\s+0\.000\s+0\.000$", out, re.M)
    assert "value accuracy: 0.500 (2 matched figures)" in out
    assert "speaker accuracy: 0.000 (1 matched quotes with a gold speaker)" in out
    assert "miss" not in out  # errors only on request


def test_cli_show_errors_lists_misses_false_positives_and_wrong_attributes(
        tiny_set: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--set", "dev", "--data", str(tiny_set), "--show-errors"], detector=fake_detector) == 0
    out = capsys.readouterr().out
    errors = [line for line in out.splitlines() if line.startswith("dev/tiny:")]
    kinds = sorted(line.split()[1] + (" " + line.split()[2] if line.split()[1] in ("false", "wrong") else "")
                   for line in errors)
    assert kinds == ["false positive", "false positive", "false positive", "miss",
                     "wrong speaker", "wrong value"]
    miss = next(line for line in errors if " miss " in line)
    assert "وقال [أمين الناصر]:" in miss  # the span in its context
    assert any("expected {'speaker': 'أمين الناصر'} got {'speaker': 'الناصر'}" in line for line in errors)


def test_cli_json(tiny_set: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--set", "dev", "--data", str(tiny_set), "--json", "--show-errors"],
                detector=fake_detector) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["figure"]["tp"] == 2 and payload["value_accuracy"] == 0.5
    assert {e["kind"] for e in payload["errors"]} == {"miss", "false positive", "wrong value", "wrong speaker"}


def test_cli_reports_a_missing_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["--set", "test", "--data", str(tmp_path)], detector=fake_detector) == 2
    assert "no labelled 'test' set" in capsys.readouterr().err
