"""The benchmark must not rot: `python -m bench --tiny` runs, reports every row, and writes JSON.

Nothing here looks at a time: a tiny run's numbers mean nothing, and a loaded test machine
must not fail a test.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_tiny_benchmark_runs_and_reports_every_row(tmp_path: Path) -> None:
    from bench.report import ROW_IDS, TARGETS

    out = tmp_path / "bench.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "bench", "--tiny", "--json", str(out), "--workdir", str(tmp_path / "work")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=240,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]

    data = json.loads(out.read_text(encoding="utf-8"))
    rows = data["rows"]
    assert {r["id"] for r in rows} == set(ROW_IDS)
    for row in rows:
        assert row["error"] is None, row
        assert row["samples"], row["id"]
        assert row["label"] in proc.stdout, row["label"]
    for rid in ("cold_start", "open", "scroll", "search", "rebuild", "memory"):
        row = next(r for r in rows if r["id"] == rid)
        assert row["reference"]["samples"] and row["ratio"] is not None, rid

    targets = data["targets"]
    assert targets["total"] == len(TARGETS) == len(targets["items"])
    assert targets["met"] + targets["missed"] + targets["not_measured"] == targets["total"]
    # A tiny run is not the targets' workload: those rows must say "not measured", not "met".
    by_row = {t["row"]: t for t in targets["items"]}
    assert by_row["memory"]["status"] == "not measured"
    assert by_row["rebuild"]["status"] == "not measured"
    for key in ("cpu", "cores", "python", "qt", "pyside6", "whoosh", "sqlite"):
        assert data["machine"][key], key

    lines = proc.stdout.strip().splitlines()
    assert lines[-1] == f"targets met: {targets['met']} of {targets['total']}"
    for key in ("Python", "Qt", "PySide6", "Whoosh", "SQLite", "machine:"):
        assert key in proc.stdout, key
