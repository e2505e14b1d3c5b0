"""`python -m bench`: build the workload, measure every row beside its reference, check the targets.

Rows (each with the reference measured in the same run on the same data, and the ratio
Hamish ÷ reference on the statistic its target uses):

  cold start      `python main.py --data-dir DIR` (a library holding the sample article, as after
                  a first start), from just before the process is spawned to the end of the
                  article view's first paint (HAMISH_BENCH_FIRST_PAINT=1, see reader/app.py);
                  vs `bench/bare_window.py`: QApplication + QTextBrowser with the same text.
                  One untimed warm-up start of each first (it takes the day's backup, and fills the
                  OS file cache as any second start of a day would find it).
  open            MainWindow.open_article(long article) until the view has painted, in process,
                  switching to the sample article in between; vs setPlainText + full layout of
                  the same text in a bare QTextDocument with the same font and width, no
                  highlights. Detail: until the layout is complete (Qt lays out the rest lazily).
  scroll          scroll bar set + viewport repaint at 20 positions top to bottom, per paint;
                  vs a bare QTextBrowser with the same text, font and viewport size.
  search @N       Library.search over N annotations (1–3 Arabic words, half with `tag:`,
                  snippets included, limit 20), after one untimed first query (opening the index:
                  reported as a note); vs SQLite FTS5 over the same rows (quote, note, title, tags;
                  `unicode61 remove_diacritics 2`; bm25 rank, same limit, snippet()).
  save @N         window.tag_selection("company") on a selected word: the call's time on the GUI
                  thread; and (searchable @N) from the call until a separate reader of the index
                  finds it (polled every ~2 ms, processing events in between).
  rebuild @N      Library.reindex(), annotations per second, single run; vs building the FTS5 table.
  import          Library.import_file over generated .txt articles into a new library, articles
                  per second, single run.
  memory          peak RSS (ru_maxrss) of a process opening the long article in the real window;
                  vs a process showing the same text in a bare QTextBrowser. Single run.

Statistics: median and nearest-rank p95 (with fewer than 20 samples, p95 is the largest);
targets use the median, except search and viewport paint (p95). Nothing is averaged away:
every sample is in the JSON.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

from bench import workload
from bench.report import ONLY_CHOICES, TARGETS, Row, evaluate, size_label, summary, table, targets_block
from bench.workload import Progress, log

ROOT = Path(__file__).resolve().parents[1]
SEED = 6
MB = 1_000_000


@dataclass(frozen=True)
class Plan:
    name: str
    sizes: tuple[int, ...]
    big_bytes: int
    big_highlights: int
    cold_runs: int
    cold_warmup: bool
    open_runs: int
    scroll_passes: int
    search_rounds: int
    save_runs: int
    import_files: int
    memory_runs: int


PLANS = {
    "full": Plan("full", (10_000, 100_000, 500_000), 2 * MB, 10_000, 7, True, 7, 3, 3, 15, 200, 3),
    "quick": Plan("quick", (10_000,), 2 * MB, 10_000, 5, True, 5, 2, 2, 10, 50, 3),
    # For the test suite: seconds in all; its numbers mean nothing.
    "tiny": Plan("tiny", (400,), 100_000, 300, 2, False, 2, 1, 1, 3, 3, 1),
}


def articles_for(annotations: int) -> int:
    return max(annotations // 100, 1)  # 100 annotations per article: 1,000 articles at 100k


def parse_sizes(text: str) -> tuple[int, ...]:
    sizes = []
    for part in text.split(","):
        part = part.strip().lower().replace("_", "")
        if part:
            sizes.append(int(float(part[:-1]) * 1000) if part.endswith("k") else int(part))
    if not sizes or min(sizes) < 10:
        raise argparse.ArgumentTypeError("sizes are annotation counts of at least 10, e.g. 10000,100000")
    return tuple(sizes)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="100 articles / 10,000 annotations (about a minute or two)")
    mode.add_argument("--tiny", action="store_true", help="a few seconds, for the test suite (numbers mean nothing)")
    parser.add_argument("--json", metavar="FILE", help="write every row, sample and target here")
    parser.add_argument("--only", nargs="+", metavar="ROW", choices=ONLY_CHOICES,
                        help=f"run only these rows: {', '.join(ONLY_CHOICES)} (save includes searchable)")
    parser.add_argument("--sizes", type=parse_sizes, metavar="N,N,…",
                        help="annotation counts for search, save and rebuild (full: 10000,100000,500000)")
    parser.add_argument("--workdir", metavar="DIR",
                        help="keep the generated libraries here and reuse them next time (default: a temp folder)")
    parser.add_argument("--search-limit", type=int, default=20, metavar="N",
                        help="hits per search, for Hamish and FTS5 alike (the window asks for 50)")
    parser.add_argument("--seed", type=int, default=SEED, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


# -- machine ----------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.lower().startswith(("model name", "hardware", "cpu model")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except (OSError, AttributeError):
        return None


def machine() -> dict:
    info = {"cpu": cpu_model(), "cores": os.cpu_count(), "os": platform.platform(),
            "python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
            "qt_platform": os.environ.get("QT_QPA_PLATFORM", "(default)"), "load_at_start": load_average()}
    try:
        import PySide6
        from PySide6 import QtCore

        info["qt"], info["pyside6"] = QtCore.qVersion(), PySide6.__version__
    except ImportError:
        info["qt"] = info["pyside6"] = "missing"
    try:
        import whoosh

        info["whoosh"] = whoosh.versionstring()
    except ImportError:
        info["whoosh"] = "missing"
    return info


# -- rows -------------------------------------------------------------------------------------


def _first_paint(cmd: list[str], env: dict) -> float:
    """Seconds from just before spawning `cmd` to the first-paint time it prints (same clock)."""
    started = time.monotonic()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    for line in proc.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - started
    tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
    raise RuntimeError(f"{Path(cmd[1]).name} exited {proc.returncode} without painting: {' | '.join(tail)}")


def row_cold_start(plan: Plan, workdir: Path) -> list[Row]:
    from reader.core.resources import sample_article_path

    folder = workload.build_cold(workdir / "cold")
    env = {**os.environ, "HAMISH_BENCH_FIRST_PAINT": "1"}
    env.pop("HAMISH_DATA_DIR", None)
    hamish = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder)]
    bare = [sys.executable, str(ROOT / "bench" / "bare_window.py"), str(sample_article_path())]
    if plan.cold_warmup:
        log("cold start: one untimed warm-up start of each")
        _first_paint(hamish, env)
        _first_paint(bare, env)
    mine, ref = [], []
    for run in range(plan.cold_runs):
        log(f"cold start: run {run + 1} of {plan.cold_runs}")
        mine.append(_first_paint(hamish, env))
        ref.append(_first_paint(bare, env))
    row = Row("cold_start", "cold start → first paint", "s", mine, "median", "bare window", ref)
    row.notes.append("spawn to the end of the first paint of the article view; after "
                     + ("one untimed warm-up start (OS file cache warm, day's backup taken)"
                        if plan.cold_warmup else "no warm-up"))
    if plan.cold_runs < 5:
        row.notes.append(f"only {plan.cold_runs} runs ({plan.name} mode)")
    return [row]


def row_memory(big: workload.BigLibrary, runs: int) -> list[Row]:
    from reader.core.services import Library

    with Library(big.folder) as lib:
        lib.set_setting("last_article", big.big_id)

    def peak(mode: str, target: Path) -> tuple[float, str]:
        proc = subprocess.run([sys.executable, "-m", "bench.memory_child", mode, str(target)], cwd=ROOT,
                              capture_output=True, text=True, timeout=600)
        lines = proc.stdout.splitlines()
        found = [ln for ln in lines if ln.startswith("peak-rss-kb ")]
        if not found:
            tail = (proc.stderr or proc.stdout).strip().splitlines()[-3:]
            raise RuntimeError(f"memory child ({mode}) exited {proc.returncode}: {' | '.join(tail)}")
        drawn = next((ln.split()[1] for ln in lines if ln.startswith("highlights ")), "")
        return int(found[0].split()[1]) * 1024 / MB, drawn

    mine, ref, drawn = [], [], ""
    for run in range(runs):
        log(f"peak memory: the real window with the long article, then a bare QTextBrowser ({run + 1} of {runs})")
        value, drawn = peak("hamish", big.folder)
        mine.append(value)
        ref.append(peak("bare", big.text_path)[0])
    row = Row("memory", f"peak memory, {big.utf8_bytes / MB:.1f} MB article open", "MB", mine, "median",
              "bare browser", ref)
    row.notes.append(f"ru_maxrss (MB = 10^6 bytes) of a whole process after first paint and full layout; "
                     f"{drawn} highlights drawn; one process per sample")
    return [row]


def rows_open_scroll(app, big: workload.BigLibrary, plan: Plan, want: set[str]) -> list[Row]:  # noqa: ANN001
    from bench import gui

    log(f"open and scroll: the {big.utf8_bytes / MB:.1f} MB article with {big.highlights:,} highlights")
    found = gui.open_and_scroll(app, big, plan.open_runs if "open" in want else 1,
                                plan.scroll_passes if "scroll" in want else 1)
    what = f"{big.utf8_bytes / MB:.1f} MB + {big.highlights:,} highlights"
    rows = []
    if "open" in want:
        row = Row("open", f"open {what} → painted", "s", found["painted"], "median", "bare layout",
                  found["bare_layout"])
        row.details.append(Row("open_laid_out", "… → layout complete", "s", found["laid_out"], "median",
                               "bare layout", found["bare_layout"]))
        lazy = statistics.median(found["laid_out"]) - statistics.median(found["painted"])
        row.notes.append(
            f"{big.chars:,} characters; viewport {found['viewport'][0]}×{found['viewport'][1]}; "
            f"{found['highlights_drawn']:,} highlights in the view; first open {found['painted'][0]:.2f} s "
            "(included); 'layout complete' forces whatever layout Qt left for later after the first paint ("
            + (f"{lazy * 1000:.0f} ms here)" if lazy >= 0.005 else "none here: the view laid out everything first)"))
        row.extra = {k: found[k] for k in ("viewport", "highlights_drawn")}
        rows.append(row)
    if "scroll" in want:
        row = Row("scroll", "viewport paint (scroll)", "s", found["scroll"], "p95", "bare browser",
                  found["bare_scroll"])
        row.notes.append(f"{gui.SCROLL_POSITIONS} positions × {plan.scroll_passes} pass(es); each sample is "
                         "setValue() + viewport().repaint() on the fully laid-out article")
        rows.append(row)
    return rows


def row_import(workdir: Path, vocab: workload.Vocabulary, plan: Plan, seed: int) -> list[Row]:
    from reader.core.services import Library

    files = workload.import_files(workdir / "import-files", vocab, plan.import_files, seed)
    folder = workdir / "import-lib"
    if folder.exists():
        shutil.rmtree(folder)
    log(f"bulk import: {len(files)} articles into a new library")
    per_file = []
    with Library.open(folder) as lib:
        started = time.perf_counter()
        for path in files:
            mark = time.perf_counter()
            lib.import_file(path)
            per_file.append(time.perf_counter() - mark)
        total = time.perf_counter() - started
    row = Row("import", f"bulk import ({len(files)} articles)", "articles/s", [len(files) / total])
    row.extra = {"per_file_seconds": per_file, "total_seconds": total}
    row.notes.append(f"single run; per article median {statistics.median(per_file) * 1000:.1f} ms,"
                     f" slowest {max(per_file) * 1000:.1f} ms")
    return [row]


def rebuild_index(sized: workload.SizedLibrary, measured: bool) -> Row | None:
    """Rebuild the library's index (always needed after building it); a row when `measured`."""
    from reader.core.services import Library

    with Library(sized.folder) as lib:
        if not measured and lib.index.problem() is None and not _journal_pending(lib):
            return None
        log(f"rebuilding the index of {sized.annotations:,} annotations" + ("" if measured else " (not measured)"))
        started = time.perf_counter()
        count = lib.reindex(Progress(f"  indexed ({sized.annotations:,})", sized.annotations))
        seconds = time.perf_counter() - started
    if not measured:
        return None
    log("building the FTS5 reference")
    fts_seconds, fts_rows = workload.build_fts(sized.db_path, sized.folder / "fts5.db")
    row = Row("rebuild", f"index rebuild @{size_label(sized.annotations)}", "ann/s", [count / seconds], "median",
              "FTS5 build", [fts_rows / fts_seconds], size=sized.annotations, higher_is_better=True)
    row.extra = {"seconds": seconds, "count": count, "fts5_seconds": fts_seconds, "fts5_rows": fts_rows}
    row.notes.append(f"single run: {count:,} annotations in {seconds:.1f} s (FTS5: {fts_seconds:.1f} s)")
    return row


def _journal_pending(lib) -> bool:  # noqa: ANN001
    return bool(lib.db.execute("SELECT 1 FROM index_journal LIMIT 1").fetchone())


def row_search(sized: workload.SizedLibrary, vocab: workload.Vocabulary, rounds: int, limit: int,
               seed: int) -> list[Row]:
    from reader.core.services import Library

    fts_path = sized.folder / "fts5.db"
    if not fts_path.is_file():
        workload.build_fts(sized.db_path, fts_path)
    queries = workload.make_queries(vocab, workload.sample_quotes(sized.db_path), seed)
    log(f"search @{size_label(sized.annotations)}: {len(queries)} queries × {rounds} round(s), Hamish and FTS5")
    mine: dict[int, list[float]] = {i: [] for i in range(len(queries))}
    ref: dict[int, list[float]] = {i: [] for i in range(len(queries))}
    hits_mine, hits_ref = {}, {}
    lib = Library(sized.folder)
    conn = sqlite3.connect(str(fts_path))
    try:
        started = time.perf_counter()
        lib.search(queries[0].hamish, limit)
        first_mine = time.perf_counter() - started
        started = time.perf_counter()
        conn.execute(workload.FTS_SEARCH, (queries[0].fts, limit)).fetchall()
        first_ref = time.perf_counter() - started
        for _ in range(rounds):
            for i, q in enumerate(queries):
                started = time.perf_counter()
                hits = lib.search(q.hamish, limit)
                mine[i].append(time.perf_counter() - started)
                started = time.perf_counter()
                rows = conn.execute(workload.FTS_SEARCH, (q.fts, limit)).fetchall()
                ref[i].append(time.perf_counter() - started)
                hits_mine[i], hits_ref[i] = len(hits), len(rows)
    finally:
        conn.close()
        lib.close()

    def subset(label: str, keep) -> Row:  # noqa: ANN001
        idx = [i for i, q in enumerate(queries) if keep(q)]
        return Row("search", label, "s", [t for i in idx for t in mine[i]], "p95", "FTS5",
                   [t for i in idx for t in ref[i]], size=sized.annotations)

    row = subset(f"search @{size_label(sized.annotations)}", lambda q: True)
    row.details = [
        subset("words only", lambda q: not q.tag),
        subset("with tag:", lambda q: bool(q.tag)),
        subset("1 frequent word", lambda q: q.kind == "1 frequent"),
        subset("2–3 words from a quote", lambda q: "from a quote" in q.kind),
    ]
    for d in row.details:
        d.id, d.size = "search_detail", None
    empty_mine = sum(1 for i in hits_mine if hits_mine[i] == 0)
    empty_ref = sum(1 for i in hits_ref if hits_ref[i] == 0)
    row.notes.append(f"p50 {row.median * 1000:.1f} ms, p95 {row.p95 * 1000:.1f} ms over {len(queries)} queries × "
                     f"{rounds}; first query after opening the index {first_mine * 1000:.0f} ms (FTS5 "
                     f"{first_ref * 1000:.1f} ms), not in the samples; queries with no hit: Hamish {empty_mine}, "
                     f"FTS5 {empty_ref} (Hamish stems and folds Arabic, FTS5 matches exact words)")
    row.extra = {
        "first_query_seconds": first_mine, "fts5_first_query_seconds": first_ref, "limit": limit,
        "queries": [{"hamish": q.hamish, "fts5": q.fts, "kind": q.kind, "tag": q.tag, "seconds": mine[i],
                     "fts5_seconds": ref[i], "hits": hits_mine[i], "fts5_hits": hits_ref[i]}
                    for i, q in enumerate(queries)],
    }
    return [row]


def rows_save(app, sized: workload.SizedLibrary, runs: int) -> list[Row]:  # noqa: ANN001
    from bench import gui

    log(f"save @{size_label(sized.annotations)}: {runs} highlights through the window")
    found = gui.save(app, sized, runs)
    at = f"@{size_label(sized.annotations)}"
    gui_row = Row("save", f"save highlight, GUI thread {at}", "s", found["gui"], "median", size=sized.annotations)
    gui_row.details.append(Row("save_events", "GUI events until searchable", "s", found["events_after"]))
    gui_row.notes.append("time inside window.tag_selection('company'); the detail row is the GUI thread's time in "
                         "event processing after it (queued refreshes, background-sync signals) until searchable")
    ready = Row("searchable", f"save → searchable {at}", "s", found["searchable"], "median", size=sized.annotations)
    ready.notes.append("from the call until a separate SearchIndex on the folder finds the new highlight "
                       "(polled every ~2 ms; includes one search)")
    ready.extra = {"polls": found["polls"]}
    return [gui_row, ready]


# -- main -------------------------------------------------------------------------------------


def _attempt(rows: list[Row], placeholders: list[Row], fn, *args) -> None:  # noqa: ANN001
    """Run one measurement; a failure becomes error rows and the run goes on."""
    try:
        rows.extend(fn(*args))
    except Exception as err:  # noqa: BLE001 - report it, measure the rest
        traceback.print_exc(file=sys.stderr)
        for row in placeholders:
            row.error = f"{type(err).__name__}: {err}"[:300]
            rows.append(row)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    plan = PLANS["tiny" if args.tiny else "quick" if args.quick else "full"]
    sizes = args.sizes or plan.sizes
    want = set(args.only or ONLY_CHOICES)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or sys.platform == "darwin":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.workdir:
        workdir = Path(args.workdir).resolve()
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        workdir = Path(tempfile.mkdtemp(prefix="hamish-bench-"))
    info = machine()
    started = time.perf_counter()
    rows: list[Row] = []
    big = None
    try:
        vocab = workload.Vocabulary(_sample_text())
        if "cold_start" in want:
            _attempt(rows, [Row("cold_start", "cold start → first paint", "s")], row_cold_start, plan, workdir)
        app = None
        if want & {"open", "scroll", "memory"}:
            try:
                big = workload.build_big(workdir / "big", vocab, _sample_text(), plan.big_bytes,
                                         plan.big_highlights, args.seed)
            except Exception as err:  # noqa: BLE001
                traceback.print_exc(file=sys.stderr)
                for rid in sorted(want & {"open", "scroll", "memory"}):
                    rows.append(Row(rid, rid, "s", error=f"building the long article failed: {err}"))
        if big is not None and "memory" in want:
            _attempt(rows, [Row("memory", "peak memory", "MB")], row_memory, big, plan.memory_runs)
        if big is not None and want & {"open", "scroll"}:
            app = _application()
            _attempt(rows, [Row(rid, rid, "s") for rid in ("open", "scroll") if rid in want],
                     rows_open_scroll, app, big, plan, want)
        if "import" in want:
            _attempt(rows, [Row("import", "bulk import", "articles/s")], row_import, workdir, vocab, plan, args.seed)
        for size in sizes:
            if not want & {"search", "save", "rebuild"}:
                break
            at = size_label(size)
            try:
                sized = workload.build_library(workdir / f"lib-{size}", vocab, size, articles_for(size), args.seed)
                measured = rebuild_index(sized, "rebuild" in want)
            except Exception as err:  # noqa: BLE001
                traceback.print_exc(file=sys.stderr)
                for rid in sorted(want & {"search", "save", "rebuild"}):
                    rows.append(Row(rid, f"{rid} @{at}", "s", size=size, error=f"building the library failed: {err}"))
                continue
            if measured is not None:
                rows.append(measured)
            if "search" in want:
                _attempt(rows, [Row("search", f"search @{at}", "s", size=size)], row_search, sized, vocab,
                         plan.search_rounds, args.search_limit, args.seed)
            if "save" in want:
                app = app or _application()
                _attempt(rows, [Row("save", f"save @{at}", "s", size=size),
                                Row("searchable", f"save → searchable @{at}", "s", size=size)], rows_save, app, sized, plan.save_runs)
    finally:
        if not args.workdir:
            shutil.rmtree(workdir, ignore_errors=True)
    info["load_at_end"] = load_average()
    info["seconds"] = time.perf_counter() - started
    full_workload = big is not None and big.utf8_bytes >= 2 * MB and big.highlights >= 10_000
    results = evaluate(TARGETS, rows, full_workload)
    order = {rid: n for n, rid in enumerate(("cold_start", "open", "scroll", "memory", "search", "save", "searchable",
                                             "rebuild", "import"))}
    rows.sort(key=lambda r: (order.get(r.id, 99), r.size or 0))
    print(_header(info, plan, sizes, big, args))
    print()
    print(table(rows, TARGETS, results))
    print()
    print(targets_block(results))
    if args.json:
        config = {"mode": plan.name, "sizes": list(sizes), "articles": {str(s): articles_for(s) for s in sizes},
                  "plan": plan.__dict__, "only": sorted(want), "seed": args.seed, "search_limit": args.search_limit,
                  "workdir": str(workdir) if args.workdir else None,
                  "long_article": {"chars": big.chars, "utf8_bytes": big.utf8_bytes,
                                   "highlights": big.highlights} if big else None}
        data = {"machine": info, "config": config, "rows": [r.to_json() for r in rows],
                "targets": summary(results)}
        Path(args.json).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 1 if any(r.error for r in rows) else 0


def _sample_text() -> str:
    from reader.core.resources import sample_article_path

    return sample_article_path().read_text(encoding="utf-8")


def _application():  # noqa: ANN202
    from bench import gui

    return gui.application()


def _header(info: dict, plan: Plan, sizes: tuple[int, ...], big, args) -> str:  # noqa: ANN001
    libs = ", ".join(f"{articles_for(s):,} articles / {s:,} annotations" for s in sizes)
    long = (f"a {big.utf8_bytes / MB:.2f} MB article ({big.chars:,} characters) with {big.highlights:,} highlights"
            if big else "no long article (not needed by the rows run)")
    load = " → ".join(f"{v:.2f}" for v in (info.get("load_at_start"), info.get("load_at_end")) if v is not None)
    lines = [
        f"Hamish benchmark ({plan.name} mode" + (f", only {' '.join(args.only)}" if args.only else "") + ")",
        f"workload: libraries of {libs}; {long}; seed {args.seed}",
        f"machine: {info['cpu']}, {info['cores']} cores, {info['os']}; load average {load or 'unknown'}",
        f"versions: Python {info['python']} · Qt {info['qt']} · PySide6 {info['pyside6']} · Whoosh {info['whoosh']}"
        f" · SQLite {info['sqlite']} · Qt platform {info['qt_platform']}",
        f"took {info['seconds']:.0f} s. Ratio = Hamish ÷ reference on the statistic the target uses (p95 for search"
        " and paint, else median); n = samples; p95 is nearest-rank (the largest below 20 samples).",
    ]
    if plan.name == "tiny":
        lines.append("TINY MODE: a smoke test of the benchmark itself; these numbers say nothing about Hamish.")
    return "\n".join(lines)
