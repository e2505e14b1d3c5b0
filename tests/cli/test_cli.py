"""The command line, end to end, through `reader.cli.main` and as a real process."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli
from reader.terminal import Output

ROOT = Path(__file__).resolve().parents[2]


def hamish(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def imported_id(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    code, out, _ = hamish(capsys, "import", str(path))
    assert code == 0
    return out.split("\t")[0]


def test_import_prints_id_tab_title_and_says_when_already_there(capsys, sample_path: Path) -> None:
    code, out, err = hamish(capsys, "import", str(sample_path))
    assert code == 0 and err == ""
    article_id, title = out.rstrip("\n").split("\t")
    assert title == "بكين توتر على nvidia." and len(article_id) == 36
    code, out2, err2 = hamish(capsys, "import", str(sample_path))
    assert code == 0 and out2 == out and "already in the library" in err2


def test_bad_files_give_one_line_each_and_exit_1(capsys, tmp_path: Path, sample_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    code, out, err = hamish(capsys, "import", str(tmp_path / "empty.txt"), str(sample_path), str(tmp_path / "pic.txt"))
    assert code == 1
    assert len(out.splitlines()) == 1  # the good file was still imported
    lines = err.splitlines()
    assert len(lines) == 2 and "empty.txt" in lines[0] and "pic.txt" in lines[1]
    assert "Traceback" not in err


def test_usage_errors_exit_2(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["annotate"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        cli.main(["search"])
    assert exc.value.code == 2


def test_unknown_article_is_a_user_error(capsys) -> None:
    code, out, err = hamish(capsys, "show", "nope")
    assert code == 1 and err.startswith("hamish: error:") and len(err.splitlines()) == 1


def test_annotate_list_search_json_contracts(capsys, sample_path: Path) -> None:
    art = imported_id(capsys, sample_path)
    code, out, _ = hamish(capsys, "annotate", art[:8], "--quote", "8.2 مليار دولار", "--tag", "figure",
                          "--note", "صندوق", "--json")
    assert code == 0
    ann = json.loads(out)
    assert ann["quote"] == "8.2 مليار دولار" and ann["article_id"] == art and ann["tags"] == ["figure"]
    code, out, _ = hamish(capsys, "list", "--json")
    (article,) = json.loads(out)
    assert {"id", "title", "annotation_count"} <= article.keys() and article["annotation_count"] == 1
    code, out, _ = hamish(capsys, "annotations", art, "--json")
    (listed,) = json.loads(out)
    assert set(listed) >= {"id", "article_id", "start", "end", "quote", "prefix", "suffix", "tags", "note",
                           "color", "created_at", "updated_at"}
    code, out, _ = hamish(capsys, "search", "مليار", "--json")
    (hit,) = json.loads(out)
    assert set(hit) == {"annotation_id", "article_id", "article_title", "quote", "note", "tags", "start",
                        "end", "score", "snippet"}
    assert hit["annotation_id"] == ann["id"] and "**" in hit["snippet"]


def test_edit_delete_restore_orphans_tags(capsys, sample_path: Path) -> None:
    art = imported_id(capsys, sample_path)
    code, out, _ = hamish(capsys, "annotate", art, "--quote", "Huawei", "--tag", "company", "--json")
    ann_id = json.loads(out)["id"]
    code, out, _ = hamish(capsys, "edit", ann_id, "--tag", "منافس", "--note", "شركة صينية", "--json")
    assert json.loads(out)["tags"] == ["company", "منافس"]
    code, out, _ = hamish(capsys, "tags", "--json")
    counts = {t["name"]: t["count"] for t in json.loads(out)}
    assert counts["company"] == 1 and counts["منافس"] == 1 and counts["figure"] == 0
    assert hamish(capsys, "delete", ann_id)[0] == 0
    assert json.loads(hamish(capsys, "annotations", "--json")[1]) == []
    assert [a["id"] for a in json.loads(hamish(capsys, "trash", "--json")[1])] == [ann_id]
    assert hamish(capsys, "restore", ann_id)[0] == 0
    assert [a["id"] for a in json.loads(hamish(capsys, "annotations", "--json")[1])] == [ann_id]
    assert json.loads(hamish(capsys, "orphans", "--json")[1]) == []


def test_export_import_round_trip_through_files(capsys, sample_path: Path, tmp_path: Path, monkeypatch) -> None:
    art = imported_id(capsys, sample_path)
    hamish(capsys, "annotate", art, "--quote", "Nvidia", "--occurrence", "3", "--tag", "company")
    hamish(capsys, "annotate", art, "--quote", "15 ٪", "--tag", "figure", "--note", "حصة الحكومة")
    before = json.loads(hamish(capsys, "annotations", "--json")[1])
    for fmt in ("native", "w3c"):
        out_file = tmp_path / f"export-{fmt}.json"
        assert hamish(capsys, "export", "--format", fmt, "-o", str(out_file))[0] == 0
        assert "Nvidia" in out_file.read_text(encoding="utf-8")
        fresh = tmp_path / f"fresh-{fmt}"
        monkeypatch.setenv("HAMISH_DATA_DIR", str(fresh))
        code, out, err = hamish(capsys, "import-annotations", str(out_file))
        assert code == 0, err
        assert "2 added" in out
        after = json.loads(hamish(capsys, "annotations", "--json")[1])
        assert after == before
    md = hamish(capsys, "export", "--format", "markdown")[1]
    assert "15 ٪" in md and "حصة الحكومة" in md


def test_invalid_annotations_file_names_the_field(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "hamish.annotations", "version": 1, "exported_at": "x",
                               "articles": [{"id": "a", "title": "t", "sha256": "0" * 64, "source": "",
                                             "annotations": [{"id": "n", "start": "zero"}]}]}), encoding="utf-8")
    code, out, err = hamish(capsys, "import-annotations", str(bad))
    assert code == 1 and "articles[0].annotations[0]" in err
    assert json.loads(hamish(capsys, "list", "--json")[1]) == []


def test_reindex(capsys, sample_path: Path) -> None:
    art = imported_id(capsys, sample_path)
    hamish(capsys, "annotate", art, "--quote", "Tencent", "--tag", "company")
    code, out, _ = hamish(capsys, "reindex")
    assert code == 0 and out.strip() == "indexed 1 annotation(s)"


def test_terminal_output_is_shaped_and_reordered_but_pipes_stay_logical() -> None:
    line = "قال متحدث باسم NVIDIA"

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty, pipe, forced = Tty(), io.StringIO(), io.StringIO()
    Output("auto", tty).line(line)
    Output("auto", pipe).line(line)
    Output("visual", forced).line(line)
    assert pipe.getvalue() == line + "\n"
    shown = tty.getvalue().rstrip("\n")
    assert shown == forced.getvalue().rstrip("\n")
    # Display order: the Latin run stays readable and comes first (leftmost) in an RTL line.
    assert shown.startswith("NVIDIA ")
    # Shaped: presentation forms replace the logical letters.
    assert any(0xFE70 <= ord(c) <= 0xFEFF for c in shown) and "قال" not in shown
    logical_tty = Tty()
    Output("logical", logical_tty).line(line)
    assert logical_tty.getvalue() == line + "\n"


def test_main_py_runs_as_a_process(tmp_path: Path, sample_path: Path) -> None:
    env = {**os.environ, "HAMISH_DATA_DIR": str(tmp_path / "lib")}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(sample_path)],
                          capture_output=True, text=True, env=env, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    article_id = proc.stdout.split("\t")[0]
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(tmp_path / "lib"),
                           "show", article_id], capture_output=True, text=True, env=env, encoding="utf-8")
    assert proc.returncode == 0
    # Piped: logical order, unshaped.
    assert "تبدو الصين" in proc.stdout


def test_export_to_a_file_is_atomic_and_a_failure_keeps_the_old_file(capsys, sample_path: Path, tmp_path: Path,
                                                                      monkeypatch) -> None:
    art = imported_id(capsys, sample_path)
    hamish(capsys, "annotate", art, "--quote", "Tencent", "--tag", "company")
    target = tmp_path / "out.json"
    target.write_text("previous good export", encoding="utf-8")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    code, _, err = hamish(capsys, "export", "-o", str(target))
    assert code == 1 and "No space left on device" in err
    assert target.read_text(encoding="utf-8") == "previous good export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []
    monkeypatch.undo()
    old_umask = os.umask(0o022)
    try:
        assert hamish(capsys, "export", "-o", str(target))[0] == 0
    finally:
        os.umask(old_umask)
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "hamish.annotations"
    assert target.stat().st_mode & 0o777 == 0o644  # an ordinary file, not mkstemp's 0600


def test_mistyped_subcommand_is_a_usage_error_not_the_window(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["lsit"])
    assert exc.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_arguments_that_are_not_utf8_are_refused(capsys, sample_path: Path) -> None:
    art = imported_id(capsys, sample_path)
    bad_note = b"bad\xff".decode("utf-8", "surrogateescape")  # how Python hands over such argv
    code = cli.main(["annotate", art, "--quote", "Nvidia", "--tag", "company", "--note", bad_note])
    assert code == 2 and "not valid UTF-8" in capsys.readouterr().err
    assert json.loads(hamish(capsys, "annotations", "--json")[1]) == []


def test_lone_surrogate_in_a_file_names_the_field(capsys, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "hamish.annotations", "version": 1, "exported_at": "2026-11-28T12:00:00Z",'
                   ' "articles": [{"id": "a", "title": "t", "sha256": "", "annotations":'
                   ' [{"id": "n", "start": 0, "end": 2, "quote": "ab", "note": "\\ud800"}]}]}', encoding="utf-8")
    code, _, err = hamish(capsys, "import-annotations", str(bad))
    assert code == 1 and "articles[0].annotations[0].note" in err and "Traceback" not in err


def test_file_name_that_is_not_utf8_imports(capsys, tmp_path: Path, sample_path: Path) -> None:
    odd = os.fsdecode(bytes(tmp_path) + b"/\xff\xfe-article.txt")
    Path(odd).write_bytes(sample_path.read_bytes())
    code, out, err = hamish(capsys, "import", odd)
    assert code == 0, err
    (article,) = json.loads(hamish(capsys, "list", "--json")[1])
    assert article["source"].endswith("\ufffd\ufffd-article.txt")  # stored readable
