"""The `hamish` command line: thin subcommands over `reader.core.services.Library`.

Exit codes: 0 success, 1 a user error (one clear line on stderr), 2 usage. Human output goes
through `reader.terminal.Output` (display order on a terminal); `--json` and exports are always
logical-order UTF-8.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from reader import __version__
from reader.core.errors import HamishError
from reader.core.files import write_text_atomically
from reader.core.models import Annotation, SearchHit
from reader.terminal import BIDI_MODES, Output

SUBCOMMANDS = (
    "import", "list", "show", "annotate", "annotations", "edit", "delete", "restore", "trash",
    "purge", "orphans", "tags", "add-tag", "search", "export", "import-annotations", "reindex",
    "layout", "screenshot", "backup", "backups", "restore-backup", "suggest", "figures", "entities",
)
SUGGEST_TAGS = ("company", "figure", "quote", "person")
GUI_COMMANDS = ("layout", "screenshot")


def annotation_json(a: Annotation) -> dict[str, object]:
    """An annotation as in the native export, plus `article_id` (CLI `--json` contract)."""
    out: dict[str, object] = {
        "id": a.id, "article_id": a.article_id, "start": a.start, "end": a.end, "quote": a.quote,
        "prefix": a.prefix, "suffix": a.suffix, "tags": a.tags, "note": a.note, "color": a.color,
        "created_at": a.created_at, "updated_at": a.updated_at,
    }
    for name in ("value", "value_high", "unit", "canonical"):
        if getattr(a, name) is not None:
            out[name] = getattr(a, name)
    if a.orphan:
        out["orphan"] = True
    if a.deleted_at:
        out["deleted_at"] = a.deleted_at
    return out


def hit_json(h: SearchHit) -> dict[str, object]:
    return {
        "annotation_id": h.annotation_id, "article_id": h.article_id, "article_title": h.article_title,
        "quote": h.quote, "note": h.note, "tags": h.tags, "start": h.start, "end": h.end,
        "score": round(h.score, 4), "snippet": h.snippet,
    }


def dump_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# -- parser ---------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS: an option given before the subcommand is not reset by the subparser's default.
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="library folder (default: $HAMISH_DATA_DIR or the user data folder)")
    common.add_argument("--read-only", action="store_true", default=argparse.SUPPRESS,
                        help="change nothing in the library (chosen by itself when it cannot be written)")
    common.add_argument("--bidi", choices=BIDI_MODES, default=argparse.SUPPRESS,
                        help="terminal text order: auto (display order on a terminal), logical, visual")

    parser = argparse.ArgumentParser(
        prog="hamish", parents=[common],
        description="Hamish (هامش): read, annotate and search Arabic news, offline.",
    )
    parser.add_argument("--version", action="version", version=f"hamish {__version__}")
    parser.add_argument("--lang", choices=("ar", "en"), help="interface language (default: the system's)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[common], help=help_text, description=help_text)

    p = add("import", "import article files (.txt, .md, .html); prints ID<TAB>TITLE per file")
    p.add_argument("files", nargs="+", metavar="FILE")

    p = add("list", "list the articles in the library")
    p.add_argument("--json", action="store_true")

    p = add("show", "print an article's text")
    p.add_argument("article", metavar="ARTICLE", help="article id or unambiguous id prefix")

    p = add("annotate", "highlight a passage by quote or by code-point offsets, with tags")
    p.add_argument("article", metavar="ARTICLE")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", metavar="TEXT", help="the passage (harakat and alef forms forgiven)")
    where.add_argument("--start", type=int, metavar="N", help="first code point (with --end)")
    p.add_argument("--end", type=int, metavar="N", help="code point after the last one")
    p.add_argument("--occurrence", type=int, default=1, metavar="N", help="which occurrence of --quote (1-based)")
    p.add_argument("--tag", action="append", required=True, metavar="T", help="tag (repeatable)")
    p.add_argument("--note", default="", metavar="TEXT")
    p.add_argument("--color", metavar="#RRGGBB", help="colour (default: the first tag's)")
    _structured_options(p)
    p.add_argument("--json", action="store_true")

    p = add("annotations", "list live annotations (of one article, or all)")
    p.add_argument("article", nargs="?", metavar="ARTICLE")
    p.add_argument("--json", action="store_true")

    p = add("edit", "change an annotation's tags, note or colour")
    p.add_argument("annotation", metavar="ANNOTATION")
    p.add_argument("--tag", action="append", default=[], metavar="T", help="add a tag")
    p.add_argument("--untag", action="append", default=[], metavar="T", help="remove a tag")
    p.add_argument("--note", metavar="TEXT", help="replace the note ('' clears it)")
    p.add_argument("--color", metavar="#RRGGBB")
    _structured_options(p)
    p.add_argument("--json", action="store_true")

    add("delete", "move an annotation to the trash").add_argument("annotation", metavar="ANNOTATION")
    add("restore", "bring an annotation back from the trash").add_argument("annotation", metavar="ANNOTATION")
    p = add("trash", "list annotations in the trash")
    p.add_argument("--json", action="store_true")
    p = add("purge", "delete annotations from the trash for good")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("annotation", nargs="?", metavar="ANNOTATION")
    target.add_argument("--all", action="store_true", help="empty the whole trash")

    p = add("orphans", "list annotations whose text could not be found again")
    p.add_argument("--json", action="store_true")

    p = add("tags", "list tags with their colours, keys and use counts")
    p.add_argument("--json", action="store_true")
    p = add("add-tag", "create a tag of your own")
    p.add_argument("name")
    p.add_argument("--color", metavar="#RRGGBB")

    p = add("search", "search every highlight (words, tag:, article:, note:, quote:, AND/OR/NOT, \"…\", pre*)")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--json", action="store_true")

    p = add("suggest", "find companies, figures, quotes and people in an article (and accept them)")
    p.add_argument("article", metavar="ARTICLE")
    p.add_argument("--tag", action="append", choices=SUGGEST_TAGS, metavar="TAG",
                   help="only this kind (repeatable): company, figure, quote, person")
    p.add_argument("--accept", nargs="+", choices=(*SUGGEST_TAGS, "all"), metavar="TAG",
                   help="store the suggestions of these kinds (or all) as annotations")
    p.add_argument("--json", action="store_true")

    p = add("figures", "every figure in the library with its value and unit")
    form = p.add_mutually_exclusive_group()
    form.add_argument("--json", action="store_true")
    form.add_argument("--csv", action="store_true", help="CSV (UTF-8 with BOM, for spreadsheets)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")

    p = add("entities", "companies and people highlighted in the library, most frequent first")
    p.add_argument("--tag", choices=("company", "person"), help="only companies or only people")
    p.add_argument("--json", action="store_true")

    p = add("export", "export annotations (native JSON, W3C JSON-LD, or Markdown)")
    p.add_argument("--format", choices=("native", "w3c", "markdown"), default="native")
    p.add_argument("--article", metavar="ID", help="one article (default: the whole library)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")

    p = add("import-annotations", "merge an exported annotations file (native or W3C) into the library")
    p.add_argument("file", metavar="FILE")

    add("reindex", "rebuild the search index from the database")

    add("backup", "back up the library database now (prints the file)")
    p = add("backups", "list the library's backups, newest first")
    p.add_argument("--json", action="store_true")
    p = add("restore-backup", "go back to a backup (the current state is backed up first)")
    p.add_argument("backup", metavar="BACKUP", help="a file from `hamish backups`, by name or path")

    p = add("layout", "lay FILE out in the article view at a width and print each screen line's visual order")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--width", type=int, required=True, metavar="PX")
    p.add_argument("--json", action="store_true")

    p = add("screenshot", "render the main window with FILE (default: the sample article) to a PNG")
    p.add_argument("out", metavar="OUT.png")
    p.add_argument("file", nargs="?", metavar="FILE")
    p.add_argument("--width", type=int, default=1280)
    p.add_argument("--height", type=int, default=800)
    p.add_argument("--lang", choices=("ar", "en"), default=argparse.SUPPRESS)
    p.add_argument("--demo", action="store_true", help="add a few demo highlights first")
    p.add_argument("--suggest", action="store_true", help="show suggestions (as Ctrl+G does)")
    return parser


def _structured_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--value", type=float, metavar="N", help="a figure's value (default: read from the quote)")
    p.add_argument("--unit", metavar="UNIT", help="a figure's unit: USD, SAR, %%, …")
    p.add_argument("--canonical", metavar="NAME", help="a company's or person's canonical name")


def run_gui_command(args: argparse.Namespace, out: Output) -> int:
    from reader import app

    if args.command == "layout":
        if args.width < 50:
            raise HamishError("--width must be at least 50 pixels")
        data = app.layout(args.file, args.width)
        if args.json:
            out.raw(json.dumps(data, ensure_ascii=False) + "\n")
        else:
            for line in data["lines"]:
                direction = "rtl" if line["rtl"] else "ltr"
                out.raw(f"{line['paragraph']}\t{direction}\t{line['start']}-{line['end']}\t"
                        f"{' '.join(map(str, line['visual']))}\n")
        return 0
    return app.screenshot(args.out, args.file, args.width, args.height, getattr(args, "lang", None),
                          args.demo, getattr(args, "data_dir", None), args.suggest)


# -- commands -------------------------------------------------------------------------------------


def _print_annotation(out: Output, a: Annotation) -> None:
    flag = " (orphan)" if a.orphan else ""
    out.line(f"{a.id}\t{a.start}-{a.end}\t{','.join(a.tags)}{flag}\t{a.quote}")
    if a.note:
        out.line(f"\tnote: {a.note}")


def run(args: argparse.Namespace, out: Output, err: Output) -> int:
    # Imported here so `hamish --help` stays instant.
    from reader.core.services import Library

    cmd = args.command
    read_only = True if getattr(args, "read_only", False) else None
    with Library.open(getattr(args, "data_dir", None), sync_index=cmd != "reindex", read_only=read_only) as lib:
        if lib.index_rebuilt_because:
            err.line(f"hamish: search index rebuilt ({lib.index_rebuilt_because})")
        try:
            return _run_command(cmd, args, lib, out, err)
        finally:
            if lib.index_behind:
                err.line(f"hamish: {lib.index_behind_because}; your changes are saved"
                         " and search will include them once it is free")


def _run_command(cmd: str, args: argparse.Namespace, lib, out: Output, err: Output) -> int:  # noqa: ANN001
    if cmd == "import":
        failed = 0
        for name in args.files:
            try:
                result = lib.import_file(name)
            except HamishError as e:
                err.line(f"hamish: {e}")
                failed += 1
                continue
            out.line(f"{result.article.id}\t{result.article.title}")
            if not result.created:
                err.line(f"hamish: {name}: already in the library as {result.article.id}")
            elif result.reattached:
                err.line(f"hamish: {name}: {result.reattached} orphan annotation(s) found their place")
        return 1 if failed else 0
    if cmd == "list":
        articles = lib.list_articles()
        if args.json:
            out.raw(dump_json([asdict(a) for a in articles]))
        for a in [] if args.json else articles:
            out.line(f"{a.id}\t{a.title}\t{a.annotation_count} annotations\t{a.imported_at}")
        return 0
    if cmd == "show":
        article = lib.article(args.article)
        out.line(article.title)
        out.line(f"id {article.id} · {len(article.text)} characters · {article.source or 'no source'}")
        out.line("")
        out.line(article.text)
        return 0
    if cmd == "annotate":
        if args.start is not None and args.end is None:
            raise HamishError("--start needs --end")
        ann = lib.annotate(
            args.article, tags=args.tag, quote=args.quote, occurrence=args.occurrence,
            start=args.start, end=args.end, note=args.note, color=args.color,
            value=args.value, unit=args.unit, canonical=args.canonical,
        )
        if args.json:
            out.raw(dump_json(annotation_json(ann)))
        else:
            _print_annotation(out, ann)
        return 0
    if cmd in ("annotations", "trash", "orphans"):
        if cmd == "annotations":
            items = lib.annotations(args.article)
        else:
            items = lib.trash() if cmd == "trash" else lib.orphans()
        if args.json:
            out.raw(dump_json([annotation_json(a) for a in items]))
        else:
            for a in items:
                _print_annotation(out, a)
        return 0
    if cmd == "edit":
        ann = lib.edit_annotation(
            args.annotation, add_tags=args.tag, remove_tags=args.untag, note=args.note, color=args.color,
            value=args.value, unit=args.unit, canonical=args.canonical,
        )
        if args.json:
            out.raw(dump_json(annotation_json(ann)))
        else:
            _print_annotation(out, ann)
        return 0
    if cmd == "delete":
        ann = lib.delete_annotation(args.annotation)
        out.line(f"{ann.id}\tmoved to the trash (restore with: hamish restore {ann.id})")
        return 0
    if cmd == "restore":
        ann = lib.restore_annotation(args.annotation)
        _print_annotation(out, ann)
        return 0
    if cmd == "purge":
        if args.all:
            out.line(f"{lib.empty_trash()} annotation(s) deleted for good")
        else:
            lib.purge_annotation(args.annotation)
            out.line("1 annotation deleted for good")
        return 0
    if cmd == "tags":
        tags = lib.tags()
        if args.json:
            out.raw(dump_json([{**asdict(t), "count": n} for t, n in tags]))
        for t, n in [] if args.json else tags:
            key = f"key {t.key}" if t.key else "no key"
            out.line(f"{t.name}\t{t.color}\t{key}\t{n}\t{'built-in' if t.builtin else 'yours'}")
        return 0
    if cmd == "add-tag":
        tag = lib.add_tag(args.name, args.color)
        out.line(f"{tag.name}\t{tag.color}")
        return 0
    if cmd == "search":
        if args.limit < 1:
            raise HamishError("--limit must be at least 1")
        hits = lib.search(args.query, limit=args.limit)
        if args.json:
            out.raw(dump_json([hit_json(h) for h in hits]))
        else:
            for h in hits:
                out.line(f"{h.annotation_id}\t{h.article_title}\t{','.join(h.tags)}\t{h.snippet}")
            if not hits:
                err.line("hamish: no highlight matches")
        return 0
    if cmd == "suggest":
        return _suggest(args, lib, out)
    if cmd == "figures":
        from reader.core.exchange.figures import figures_csv, format_value

        rows = lib.figures()
        if args.csv:
            text = figures_csv(rows)
        elif args.json:
            text = dump_json([asdict(r) for r in rows])
        else:
            text = "".join(f"{format_value(r.value)}{'–' + format_value(r.value_high) if r.value_high else ''}"
                           f"\t{r.unit or ''}\t{r.text}\t{r.article_title}\n" for r in rows)
        if args.output:
            write_text_atomically(args.output, text)
        elif args.json or args.csv:
            out.raw(text)
        else:
            for line in text.splitlines():
                out.line(line)
        return 0
    if cmd == "entities":
        rows = [e for e in lib.entities() if args.tag in (None, e.tag)]
        if args.json:
            out.raw(dump_json([asdict(e) for e in rows]))
        for e in [] if args.json else rows:
            out.line(f"{e.count}\t{e.tag}\t{e.name}\t{len(e.articles)} article(s)\t{' · '.join(e.spellings)}")
        return 0
    if cmd == "export":
        text = lib.export(args.format, args.article)
        if args.output:
            write_text_atomically(args.output, text)
        else:
            out.raw(text)
        return 0
    if cmd == "import-annotations":
        try:
            data = Path(args.file).read_bytes()
        except OSError as e:
            raise HamishError(f"{args.file}: {e.strerror or e}") from e
        report = lib.import_annotations(data)
        out.line(
            f"{report.format}: {report.added} added, {report.updated} updated, {report.unchanged} unchanged,"
            f" {report.articles_created} article(s) created, {len(report.orphans)} orphan(s)"
        )
        for orphan_id in report.orphans:
            err.line(f"hamish: orphan (its text was not found): {orphan_id}")
        return 0
    if cmd == "backup":
        out.line(str(lib.backup()))
        return 0
    if cmd == "backups":
        found = lib.backups()
        if args.json:
            out.raw(dump_json([{"file": b.path.name, "path": str(b.path), "taken_at": b.taken_at,
                                "label": b.label, "size": b.size} for b in found]))
        for b in [] if args.json else found:
            out.line(f"{b.path.name}\t{b.taken_at} UTC\t{b.label}\t{b.size // 1024} KB")
        return 0
    if cmd == "restore-backup":
        safety = lib.restore(args.backup)
        out.line(f"restored {args.backup}; the state before it is in {safety}")
        return 0
    if cmd == "reindex":
        count = lib.reindex()
        out.line(f"indexed {count} annotation(s)")
        return 0
    raise AssertionError(f"unhandled command {cmd}")


def _not_utf8(arg: str) -> bool:
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _opens_window(argv: list[str]) -> bool:
    """No subcommand: the window, with FILEs. A word that is neither a subcommand nor an
    existing file is a mistyped subcommand (`hamish lsit`), left to the parser to report."""
    if any(a in SUBCOMMANDS for a in argv) or {"-h", "--help", "--version"} & set(argv):
        return False
    positional, expect_value = [], False
    for a in argv:
        if expect_value:
            expect_value = False
        elif a in ("--data-dir", "--lang", "--bidi"):
            expect_value = True
        elif not a.startswith("-"):
            positional.append(a)
    return all(Path(p).is_file() for p in positional)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    argv = list(sys.argv[1:] if argv is None else argv)
    bad = next((a for a in argv if _not_utf8(a) and not Path(a).exists()), None)
    if bad is not None:
        # Python keeps undecodable bytes as lone surrogates: fine in a file name (the file
        # exists), but text to store (a note, a tag, a quote) must be real text.
        sys.stderr.write(f"hamish: error: argument {bad.encode('utf-8', 'replace').decode()!r} is not valid UTF-8\n")
        return 2
    if _opens_window(argv):
        # No subcommand: the desktop window, with any FILEs imported and opened.
        gui = argparse.ArgumentParser(prog="hamish", description="Open the Hamish window.")
        gui.add_argument("--data-dir", metavar="DIR")
        gui.add_argument("--lang", choices=("ar", "en"))
        gui.add_argument("--bidi", choices=BIDI_MODES)
        gui.add_argument("--read-only", action="store_true", help="change nothing in the library")
        gui.add_argument("files", nargs="*", metavar="FILE")
        gui_args = gui.parse_args(argv)
        from reader.app import run_gui

        try:
            return run_gui(gui_args.data_dir, gui_args.lang, gui_args.files, gui_args.read_only)
        except HamishError as e:
            sys.stderr.write(f"hamish: error: {e}\n")
            return 1
    args = parser.parse_args(argv)
    mode = getattr(args, "bidi", "auto")
    out, err = Output(mode, sys.stdout), Output(mode, sys.stderr)
    try:
        if args.command in GUI_COMMANDS:
            return run_gui_command(args, out)
        return run(args, out, err)
    except HamishError as e:
        err.line(f"hamish: error: {e}")
        return 1
    except KeyboardInterrupt:
        err.line("hamish: interrupted")
        return 130
    except BrokenPipeError:
        # `hamish list | head`: the reader went away; not an error of ours.
        sys.stderr.close()
        return 0


def _suggest(args: argparse.Namespace, lib, out: Output) -> int:  # noqa: ANN001
    from reader.core.exchange.figures import format_value

    found = [s for s in lib.suggestions(args.article) if not args.tag or s.tag in args.tag]
    if args.accept:
        wanted = set(SUGGEST_TAGS) if "all" in args.accept else set(args.accept)
        # Overlapping candidates of one kind (never produced, but a user list could) are kept once.
        accepted = [lib.accept_suggestion(args.article, s) for s in found if s.tag in wanted]
        if args.json:
            out.raw(dump_json([annotation_json(a) for a in accepted]))
        else:
            for a in accepted:
                _print_annotation(out, a)
        return 0
    if args.json:
        out.raw(dump_json([s.to_json() for s in found]))
        return 0
    for s in found:
        details = []
        if s.value is not None:
            span = format_value(s.value) + (f"–{format_value(s.value_high)}" if s.value_high is not None else "")
            details.append(f"{span} {s.unit or ''}".strip())
        if s.canonical:
            details.append(s.canonical)
        if s.speaker:
            details.append(f"speaker: {s.speaker}")
        out.line(f"{s.start}-{s.end}\t{s.tag}\t{s.text}\t{' · '.join(details)}".rstrip("\t"))
    return 0
