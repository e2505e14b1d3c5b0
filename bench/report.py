"""Rows, statistics, targets, and the table and JSON they are reported in."""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field

# Every row the benchmark reports (--only takes these ids; "save" also gives "searchable").
ROW_IDS = ("cold_start", "open", "scroll", "search", "save", "searchable", "rebuild", "import", "memory")
ONLY_CHOICES = ("cold_start", "open", "scroll", "search", "save", "rebuild", "import", "memory")


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile: with fewer than 20 samples p95 is the largest."""
    ordered = sorted(samples)
    return ordered[max(math.ceil(q / 100 * len(ordered)), 1) - 1]


def size_label(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else f"{n:,}"


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        if value >= 1:
            return f"{value:.2f} s"
        if value >= 0.01:
            return f"{value * 1000:.0f} ms"
        return f"{value * 1000:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:,.0f} {unit}"


@dataclass
class Row:
    id: str
    label: str
    unit: str  # "s", "MB", or a rate such as "ann/s"
    samples: list[float] = field(default_factory=list)
    stat: str = "median"  # the statistic the ratio and the targets use
    reference_label: str = ""
    reference: list[float] = field(default_factory=list)
    size: int | None = None
    higher_is_better: bool = False
    notes: list[str] = field(default_factory=list)
    details: list[Row] = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def p95(self) -> float | None:
        return percentile(self.samples, 95) if len(self.samples) > 1 else None

    def value(self, stat: str | None = None) -> float | None:
        stat = stat or self.stat
        if stat == "p95" and len(self.samples) == 1:
            return self.samples[0]
        return self.p95 if stat == "p95" else self.median

    def reference_value(self) -> float | None:
        if not self.reference:
            return None
        if self.stat == "p95" and len(self.reference) > 1:
            return percentile(self.reference, 95)
        return statistics.median(self.reference)

    @property
    def ratio(self) -> float | None:
        """Hamish's cost ÷ the reference's (above 1: Hamish is slower or bigger)."""
        mine, ref = self.value(), self.reference_value()
        if mine is None or ref is None or mine <= 0 or ref <= 0:
            return None
        return ref / mine if self.higher_is_better else mine / ref

    def to_json(self) -> dict:
        out = {
            "id": self.id, "label": self.label, "size": self.size, "unit": self.unit, "stat": self.stat,
            "runs": len(self.samples), "single_run": len(self.samples) == 1,
            "median": self.median, "p95": self.p95, "samples": self.samples,
            "reference": {"label": self.reference_label, "samples": self.reference,
                          "median": statistics.median(self.reference) if self.reference else None,
                          "p95": percentile(self.reference, 95) if len(self.reference) > 1 else None,
                          "value": self.reference_value()} if self.reference_label else None,
            "ratio": self.ratio, "notes": self.notes, "extra": self.extra, "error": self.error,
        }
        if self.details:
            out["details"] = [d.to_json() for d in self.details]
        return out


@dataclass(frozen=True)
class Target:
    label: str  # as in the issue
    short: str  # for the table's target column
    row: str
    size: int | None
    stat: str  # "median", "p95", "value" (a single-run row) or "ratio"
    op: str  # "<=" or ">="
    limit: float
    full_workload: bool = False  # only meaningful with the 2 MB article and 10,000 highlights


TARGETS = (
    Target("cold start ≤ 0.5 s (median)", "≤ 0.5 s", "cold_start", None, "median", "<=", 0.5),
    Target("cold start ≤ 4× the bare window (median)", "≤ 4× bare", "cold_start", None, "ratio", "<=", 4.0),
    Target("open 2 MB + 10,000 highlights ≤ 1.0 s (median)", "≤ 1.0 s", "open", None, "median", "<=", 1.0, True),
    Target("open ≤ 1.5× the bare layout (median)", "≤ 1.5× bare", "open", None, "ratio", "<=", 1.5, True),
    Target("viewport paint ≤ 8 ms (p95)", "p95 ≤ 8 ms", "scroll", None, "p95", "<=", 0.008, True),
    Target("search p95 ≤ 30 ms at 100k, snippets included", "p95 ≤ 30 ms", "search", 100_000, "p95", "<=", 0.030),
    Target("search p95 ≤ 3× FTS5 p95 at 100k", "≤ 3× FTS5", "search", 100_000, "ratio", "<=", 3.0),
    Target("search p95 ≤ 100 ms at 500k", "p95 ≤ 100 ms", "search", 500_000, "p95", "<=", 0.100),
    Target("save ≤ 5 ms on the GUI thread at 100k (median)", "≤ 5 ms", "save", 100_000, "median", "<=", 0.005),
    Target("saved highlight searchable ≤ 200 ms at 100k (median)", "≤ 200 ms", "searchable", 100_000, "median",
           "<=", 0.200),
    Target("rebuild ≥ 5,000 annotations/s at 100k", "≥ 5,000/s", "rebuild", 100_000, "value", ">=", 5000.0),
    Target("peak memory ≤ 250 MB with the 2 MB article open", "≤ 250 MB", "memory", None, "value", "<=", 250.0,
           True),
)


def evaluate(targets: tuple[Target, ...], rows: list[Row], full_workload: bool) -> list[dict]:
    out = []
    for t in targets:
        row = next((r for r in rows if r.id == t.row and r.size == t.size), None)
        item = {"target": t.label, "row": t.row, "size": t.size, "stat": t.stat, "op": t.op, "limit": t.limit,
                "value": None, "status": "not measured", "why": ""}
        if row is None:
            item["why"] = "row not run" + (f" at {size_label(t.size)}" if t.size else "")
        elif row.error:
            item["why"] = "row failed"
        elif t.full_workload and not full_workload:
            item["why"] = "smaller workload than the target's"
        else:
            value = row.ratio if t.stat == "ratio" else row.value(None if t.stat == "value" else t.stat)
            if value is None:
                item["why"] = "no value"
            else:
                item["value"] = value
                met = value <= t.limit if t.op == "<=" else value >= t.limit
                item["status"] = "met" if met else "missed"
        out.append(item)
    return out


def _row_targets(row: Row, targets: tuple[Target, ...], results: list[dict]) -> tuple[str, str]:
    here = [(t, r) for t, r in zip(targets, results) if t.row == row.id and t.size == row.size]
    if here:
        statuses = [r["status"] for _, r in here]
        met = sum(s == "met" for s in statuses)
        measured = sum(s != "not measured" for s in statuses)
        if not measured:
            verdict = "n/m"
        elif met == len(here):
            verdict = "yes"
        elif met == 0 and measured == len(here):
            verdict = "no"
        else:
            verdict = f"{met} of {len(here)}"
        return "; ".join(t.short for t, _ in here), verdict
    elsewhere = [t for t in targets if t.row == row.id and t.size is not None]
    if elsewhere:
        return "; ".join(f"{t.short} @{size_label(t.size)}" for t in elsewhere), "—"
    return "", ""


def _cells(row: Row, targets: tuple[Target, ...], results: list[dict], indent: str = "") -> list[str]:
    if row.error:
        return [indent + row.label, "", "error", "", "", "", "", ""]
    ref = ""
    if row.reference_label:
        ref = f"{row.reference_label} {fmt(row.reference_value(), row.unit)}"
        if row.stat == "p95" and len(row.reference) > 1:
            ref = f"{row.reference_label} p95 {fmt(row.reference_value(), row.unit)}"
    ratio = f"{row.ratio:.1f}×" if row.ratio is not None else ""
    target, met = _row_targets(row, targets, results) if not indent else ("", "")
    return [indent + row.label, str(len(row.samples)), fmt(row.median, row.unit), fmt(row.p95, row.unit), ref,
            ratio, target, met]


def table(rows: list[Row], targets: tuple[Target, ...], results: list[dict]) -> str:
    header = ["row", "n", "median", "p95", "reference", "ratio", "target", "met?"]
    lines: list[list[str]] = [header]
    notes: list[str] = []
    for row in rows:
        lines.append(_cells(row, targets, results))
        for detail in row.details:
            lines.append(_cells(detail, targets, results, "  · "))
        if row.error:
            notes.append(f"{row.label}: error: {row.error}")
        notes += [f"{row.label}: {n}" for n in row.notes]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    right = {1, 2, 3, 5}
    out = []
    for n, line in enumerate(lines):
        cells = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(line, widths))]
        out.append("  ".join(cells).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    if notes:
        out += ["", "notes:"] + [f"  {n}" for n in notes]
    return "\n".join(out)


def targets_block(results: list[dict]) -> str:
    out = ["targets:"]
    for r in results:
        if r["status"] == "not measured":
            state = f"not measured ({r['why']})"
        else:
            unit = "s" if r["stat"] in ("median", "p95") and r["row"] != "memory" else ""
            if r["stat"] == "ratio":
                shown = f"{r['value']:.1f}×"
            elif r["row"] == "memory":
                shown = fmt(r["value"], "MB")
            elif r["row"] == "rebuild":
                shown = fmt(r["value"], "ann/s")
            else:
                shown = fmt(r["value"], unit)
            state = f"{r['status']} ({shown})"
        out.append(f"  [{'x' if r['status'] == 'met' else ' '}] {r['target']}: {state}")
    met = sum(r["status"] == "met" for r in results)
    unmeasured = sum(r["status"] == "not measured" for r in results)
    out.append("")
    if unmeasured:
        out.append(f"{unmeasured} target(s) not measured in this run: they count as not met.")
    out.append(f"targets met: {met} of {len(results)}")
    return "\n".join(out)


def summary(results: list[dict]) -> dict:
    return {
        "met": sum(r["status"] == "met" for r in results),
        "missed": sum(r["status"] == "missed" for r in results),
        "not_measured": sum(r["status"] == "not measured" for r in results),
        "total": len(results),
        "items": results,
    }
