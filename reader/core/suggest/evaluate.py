"""Score the suggestion detectors against the labelled set in tests/data/suggest/.

The set is split into `dev/` (detectors may be tuned on it) and `test/` (held out: the quality
bars are reported on it). Each article is `NAME.txt` (stored text: NFC, `\\n` paragraph ends)
with `NAME.gold.json` beside it:

    {"article": "NAME.txt", "spans": [{"start", "end", "text", "tag",
     optional "value", "value_high", "unit", "canonical", "speaker"}]}

Gold spans follow the conventions in `model.py`; tests/data/suggest/README.md lists the labelling
decisions those conventions leave open.

Matching: a prediction matches a gold span of the same tag when both boundaries are equal once
whitespace and the punctuation `. , ، ؛ : ! ? ؟` are trimmed from both ends of each span. Each
gold span matches at most one prediction (a duplicate prediction is a false positive).

Scores per tag: gold, predicted, true positives, precision, recall, F1 (micro-averaged over the
articles of the set), plus, over matched spans only:
  value accuracy      figures whose value, value_high (relative tolerance 1e-9) and unit are right
  canonical accuracy  companies whose canonical name is right (compared case- and
                      diacritic-insensitively with `fold_for_search`)
  speaker accuracy    quotes with a gold speaker whose predicted speaker is right (same folding)

    python -m reader.core.suggest.evaluate [--set dev|test|all] [--data DIR] [--json] [--show-errors]
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.suggest.model import TAGS, Suggestion
from reader.core.text import fold_for_search

SETS = ("dev", "test")
TRIM_PUNCTUATION = frozenset(".,،؛:!?؟")
VALUE_REL_TOL = 1e-9
CONTEXT_CHARS = 30
GOLD_SUFFIX = ".gold.json"

Detector = Callable[[str], Sequence[Suggestion]]


def default_data_dir() -> Path:
    """tests/data/suggest/ of the source checkout (the labelled set is not installed)."""
    return Path(__file__).resolve().parents[3] / "tests" / "data" / "suggest"


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GoldArticle:
    name: str  # "dev/aramco-results"
    text: str
    spans: tuple[Suggestion, ...]


class GoldError(ValueError):
    """A gold file that does not fit its article or the format."""


def _span_from_json(item: dict, text: str, where: str) -> Suggestion:
    try:
        span = Suggestion(
            start=int(item["start"]), end=int(item["end"]), text=item["text"], tag=item["tag"],
            value=item.get("value"), value_high=item.get("value_high"), unit=item.get("unit"),
            canonical=item.get("canonical"), speaker=item.get("speaker"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldError(f"{where}: malformed span {item!r}: {exc}") from None
    if span.tag not in TAGS:
        raise GoldError(f"{where}: unknown tag {span.tag!r}")
    if text[span.start:span.end] != span.text or not 0 <= span.start < span.end <= len(text):
        raise GoldError(f"{where}: {span.text!r} is not the article text at {span.start}:{span.end}")
    return span


def load_article(gold_path: Path, name: str) -> GoldArticle:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text_path = gold_path.parent / gold["article"]
    # Bytes, not read_text: universal newlines would hide a stray \r from the offsets.
    text = text_path.read_bytes().decode("utf-8")
    spans = tuple(_span_from_json(item, text, name) for item in gold["spans"])
    return GoldArticle(name=name, text=text, spans=spans)


def set_dirs(set_name: str, data_dir: Path) -> list[tuple[str, Path]]:
    """The (set, folder) pairs `set_name` covers; a folder of gold files stands for itself."""
    if set_name not in (*SETS, "all"):
        raise ValueError(f"unknown set {set_name!r}: use dev, test or all")
    names = SETS if set_name == "all" else (set_name,)
    found = [(n, data_dir / n) for n in names if (data_dir / n).is_dir()]
    if not found and any(data_dir.glob(f"*{GOLD_SUFFIX}")):
        return [(data_dir.name, data_dir)]
    if not found:
        raise FileNotFoundError(f"no labelled {set_name!r} set under {data_dir}")
    return found


def load_set(set_name: str = "test", data_dir: Path | str | None = None) -> list[GoldArticle]:
    root = Path(data_dir) if data_dir is not None else default_data_dir()
    articles = []
    for label, folder in set_dirs(set_name, root):
        for gold_path in sorted(folder.glob(f"*{GOLD_SUFFIX}")):
            stem = gold_path.name[: -len(GOLD_SUFFIX)]
            articles.append(load_article(gold_path, f"{label}/{stem}"))
    return articles


# ---------------------------------------------------------------------------------------------
# Matching
# ---------------------------------------------------------------------------------------------
def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) without whitespace and `. , ، ؛ : ! ? ؟` at either end."""
    start, end = max(0, start), min(len(text), end)
    while start < end and (text[start].isspace() or text[start] in TRIM_PUNCTUATION):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in TRIM_PUNCTUATION):
        end -= 1
    return start, end


@dataclass
class ArticleResult:
    name: str
    text: str
    matched: list[tuple[Suggestion, Suggestion]] = field(default_factory=list)  # (gold, predicted)
    missed: list[Suggestion] = field(default_factory=list)
    false_positives: list[Suggestion] = field(default_factory=list)
    predicted: list[Suggestion] = field(default_factory=list)


def match_article(article: GoldArticle, predicted: Iterable[Suggestion]) -> ArticleResult:
    """Pair predictions with gold spans (same tag, same trimmed boundaries, one-to-one).

    Predictions with a tag outside `TAGS` are ignored.
    """
    result = ArticleResult(article.name, article.text)
    waiting: dict[tuple[str, int, int], list[Suggestion]] = {}
    for gold in article.spans:
        waiting.setdefault((gold.tag, *trimmed(article.text, gold.start, gold.end)), []).append(gold)
    for pred in sorted(predicted, key=lambda s: (s.start, s.end, s.tag)):
        if pred.tag not in TAGS:
            continue
        result.predicted.append(pred)
        golds = waiting.get((pred.tag, *trimmed(article.text, pred.start, pred.end)))
        if golds:
            result.matched.append((golds.pop(0), pred))
        else:
            result.false_positives.append(pred)
    result.missed = sorted((g for golds in waiting.values() for g in golds), key=lambda s: s.start)
    return result


# ---------------------------------------------------------------------------------------------
# Attribute checks on matched spans
# ---------------------------------------------------------------------------------------------
def _same_number(gold: float | None, predicted: float | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return math.isclose(gold, predicted, rel_tol=VALUE_REL_TOL)


def _same_name(gold: str | None, predicted: str | None) -> bool:
    def norm(name: str | None) -> str:
        return " ".join(fold_for_search(name or "").split()).strip("".join(TRIM_PUNCTUATION))

    return norm(gold) == norm(predicted)


def value_ok(gold: Suggestion, pred: Suggestion) -> bool:
    return (_same_number(gold.value, pred.value) and _same_number(gold.value_high, pred.value_high)
            and gold.unit == pred.unit)


# Which matched spans each accuracy looks at, and what "right" means for them.
ATTRIBUTE_CHECKS: dict[str, tuple[str, Callable[[Suggestion], bool], Callable[[Suggestion, Suggestion], bool]]] = {
    "value": ("figure", lambda g: True, value_ok),
    "canonical": ("company", lambda g: g.canonical is not None,
                  lambda g, p: _same_name(g.canonical, p.canonical)),
    "speaker": ("quote", lambda g: g.speaker is not None, lambda g, p: _same_name(g.speaker, p.speaker)),
}
# The attributes an error listing shows for each check.
ATTRIBUTE_KEYS = {"value": ("value", "value_high", "unit"), "canonical": ("canonical",),
                  "speaker": ("speaker",)}


def attribute_errors(result: ArticleResult, check: str) -> tuple[int, list[tuple[Suggestion, Suggestion]]]:
    """(how many matched spans were checked, the pairs that were wrong)."""
    tag, applies, right = ATTRIBUTE_CHECKS[check]
    pairs = [(g, p) for g, p in result.matched if g.tag == tag and applies(g)]
    return len(pairs), [(g, p) for g, p in pairs if not right(g, p)]


# ---------------------------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------------------------
def _ratio(part: int, whole: int, empty: float) -> float:
    return part / whole if whole else empty


def tag_scores(gold: int, predicted: int, tp: int) -> dict:
    # Nothing to find and nothing found is perfect; predicting nothing when there is something
    # to find scores precision 0, so an empty detector cannot pass a precision bar.
    precision = _ratio(tp, predicted, 1.0 if gold == 0 else 0.0)
    recall = _ratio(tp, gold, 1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": gold, "predicted": predicted, "tp": tp,
            "precision": precision, "recall": recall, "f1": f1}


def summarise(results: Sequence[ArticleResult], set_name: str) -> dict:
    summary: dict = {"set": set_name, "articles": len(results)}
    totals = {"gold": 0, "predicted": 0, "tp": 0}
    for tag in TAGS:
        gold = sum(1 for r in results for g, _ in r.matched if g.tag == tag) + sum(
            1 for r in results for g in r.missed if g.tag == tag)
        predicted = sum(1 for r in results for p in r.predicted if p.tag == tag)
        tp = sum(1 for r in results for g, _ in r.matched if g.tag == tag)
        summary[tag] = tag_scores(gold, predicted, tp)
        for key, n in (("gold", gold), ("predicted", predicted), ("tp", tp)):
            totals[key] += n
    summary["all"] = tag_scores(**totals)
    for check in ATTRIBUTE_CHECKS:
        checked = wrong = 0
        for r in results:
            n, errors = attribute_errors(r, check)
            checked, wrong = checked + n, wrong + len(errors)
        summary[f"{check}_accuracy"] = (checked - wrong) / checked if checked else None
        summary[f"{check}_checked"] = checked
    return summary


def default_detector() -> Detector:
    from reader.core.suggest import suggest

    return suggest


def run(set_name: str = "test", data_dir: Path | str | None = None,
        detector: Detector | None = None) -> tuple[dict, list[ArticleResult]]:
    """The summary and the per-article results (for error listings)."""
    detect = detector or default_detector()
    results = [match_article(a, detect(a.text)) for a in load_set(set_name, data_dir)]
    return summarise(results, set_name), results


def evaluate(set_name: str = "test", data_dir: Path | str | None = None,
             detector: Detector | None = None) -> dict:
    """tag → {"gold", "predicted", "tp", "precision", "recall", "f1"} (and "all"), plus
    "value_accuracy", "canonical_accuracy", "speaker_accuracy" (None when nothing was checked)
    and how many matched spans each accuracy checked ("value_checked", …)."""
    return run(set_name, data_dir, detector)[0]


# ---------------------------------------------------------------------------------------------
# Reports
# ---------------------------------------------------------------------------------------------
def format_table(summary: dict) -> str:
    lines = [f"set: {summary['set']} ({summary['articles']} articles)",
             f"{'tag':<9}{'gold':>6}{'pred':>6}{'tp':>6}{'precision':>11}{'recall':>8}{'f1':>7}"]
    for tag in (*TAGS, "all"):
        s = summary[tag]
        lines.append(f"{tag:<9}{s['gold']:>6}{s['predicted']:>6}{s['tp']:>6}"
                     f"{s['precision']:>11.3f}{s['recall']:>8.3f}{s['f1']:>7.3f}")
    for check, what in (("value", "matched figures"), ("canonical", "matched companies"),
                        ("speaker", "matched quotes with a gold speaker")):
        accuracy, checked = summary[f"{check}_accuracy"], summary[f"{check}_checked"]
        shown = "n/a" if accuracy is None else f"{accuracy:.3f}"
        lines.append(f"{check} accuracy: {shown} ({checked} {what})")
    return "\n".join(lines)


def _in_context(text: str, span: Suggestion) -> str:
    before = text[max(0, span.start - CONTEXT_CHARS):max(0, span.start)]
    after = text[span.end:span.end + CONTEXT_CHARS]
    return f"{before}[{text[span.start:span.end]}]{after}".replace("\n", " ⏎ ")


def error_records(results: Sequence[ArticleResult]) -> list[dict]:
    """Misses, false positives and wrong attributes, one JSON-friendly record each."""
    records = []
    for r in results:
        for kind, spans in (("miss", r.missed), ("false positive", r.false_positives)):
            for s in spans:
                records.append({"article": r.name, "kind": kind, "tag": s.tag, "start": s.start,
                                "end": s.end, "context": _in_context(r.text, s), "span": s.to_json()})
        for check in ATTRIBUTE_CHECKS:
            for gold, pred in attribute_errors(r, check)[1]:
                keys = ATTRIBUTE_KEYS[check]
                records.append({"article": r.name, "kind": f"wrong {check}", "tag": gold.tag,
                                "start": gold.start, "end": gold.end,
                                "context": _in_context(r.text, gold), "span": gold.to_json(),
                                "expected": {k: getattr(gold, k) for k in keys},
                                "got": {k: getattr(pred, k) for k in keys}})
    return records


def format_errors(records: Sequence[dict]) -> str:
    lines = []
    for rec in records:
        line = f"{rec['article']}:{rec['start']}-{rec['end']} {rec['kind']:<15} {rec['tag']:<8} {rec['context']}"
        if "expected" in rec:
            line += f"  expected {rec['expected']} got {rec['got']}"
        lines.append(line)
    return "\n".join(lines) if lines else "no errors"


def main(argv: Sequence[str] | None = None, detector: Detector | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reader.core.suggest.evaluate",
        description="Score the suggestion detectors against the labelled set.")
    parser.add_argument("--set", default="test", choices=(*SETS, "all"), dest="set_name",
                        help="which part of the labelled set (default: test)")
    parser.add_argument("--data", type=Path, default=None, help="the labelled set's folder")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    parser.add_argument("--show-errors", action="store_true",
                        help="list misses, false positives and wrong attributes")
    args = parser.parse_args(argv)
    try:
        if detector is None:
            detector = default_detector()
        summary, results = run(args.set_name, args.data, detector)
    except ImportError as exc:
        print(f"evaluate: the detectors cannot be imported: {exc}", file=sys.stderr)
        return 2
    except (OSError, GoldError, ValueError) as exc:
        print(f"evaluate: {exc}", file=sys.stderr)
        return 2
    if args.json:
        payload = dict(summary)
        if args.show_errors:
            payload["errors"] = error_records(results)
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(format_table(summary))
        if args.show_errors:
            print()
            print(format_errors(error_records(results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
