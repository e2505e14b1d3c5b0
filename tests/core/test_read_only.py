"""A library that cannot be written — a read-only mount, someone else's folder, or --read-only:
it opens, reads, searches and exports; every change is refused with one clear line; nothing on
disk changes. The real fault is inflicted with a read-only bind mount (root) or chmod (others)."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader import cli
from reader.core.errors import StorageError
from reader.core.search import IndexLocked
from reader.core.services import Library
from reader.core.storage import db as db_module
from reader.core.storage.db import Database

ROOT = Path(__file__).resolve().parents[2]


def _folder_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _read_only_runner(folder: Path):
    """A function running `hamish ARGS` with `folder` truly read-only, or None if impossible."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    hamish = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(folder)]
    if os.geteuid() != 0:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)

        def run(*args: str) -> subprocess.CompletedProcess:
            return subprocess.run([*hamish, *args], capture_output=True, text=True, env=env, timeout=120)

        return run
    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-m", "true"], capture_output=True).returncode != 0:
        return None
    # root ignores file modes: a read-only bind mount in a private mount namespace is what a
    # read-only disk looks like to it (EROFS).
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" "$0" && exec "$@"'

    def run_mounted(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["unshare", "-m", "sh", "-c", script, str(folder), *hamish, *args],
                              capture_output=True, text=True, env=env, timeout=120)

    return run_mounted


@pytest.fixture
def filled(tmp_path: Path, sample_path: Path) -> tuple[Path, str, str]:
    folder = tmp_path / "library"
    with Library.open(folder) as lib:
        article = lib.import_file(sample_path).article
        ann = lib.annotate(article.id, quote="Tencent", tags=["company"], note="ملاحظة محفوظة")
    return folder, article.id, ann.id


def test_a_read_only_folder_reads_searches_and_refuses_changes(filled, sample_path: Path) -> None:
    folder, article_id, ann_id = filled
    shutil.rmtree(folder / "index")  # and its index is gone: search must still work
    before = _folder_digest(folder)
    run = _read_only_runner(folder)
    if run is None:
        pytest.skip("no way to make a read-only folder here (root without mount namespaces)")
    listed = run("list")
    assert listed.returncode == 0, listed.stderr
    assert article_id in listed.stdout
    found = run("search", "تينسنت OR tencent")
    assert found.returncode == 0 and ann_id in found.stdout, found.stderr
    exported = run("export")
    assert exported.returncode == 0 and "ملاحظة محفوظة" in exported.stdout
    again = run("import", str(sample_path))  # the same article: already there, nothing to write
    assert again.returncode == 0 and article_id in again.stdout
    for args in (("annotate", article_id, "--quote", "Nvidia", "--tag", "company"),
                 ("delete", ann_id), ("reindex",), ("backup",)):
        refused = run(*args)
        assert refused.returncode == 1, args
        assert "read-only" in refused.stderr and "Traceback" not in refused.stderr, refused.stderr
        assert refused.stderr.count("\n") == 1, refused.stderr
    assert _folder_digest(folder) == before


def test_read_only_library_refuses_every_kind_of_write(filled) -> None:
    folder, article_id, ann_id = filled
    with Library.open(folder, read_only=True) as lib:
        assert lib.read_only
        for change in (lambda: lib.annotate(article_id, quote="Nvidia", tags=["company"]),
                       lambda: lib.edit_annotation(ann_id, note="x"),
                       lambda: lib.delete_annotation(ann_id),
                       lambda: lib.rename_article(article_id, "x"),
                       lambda: lib.import_annotations(lib.export().encode()),
                       lambda: lib.restore("anything.db"),
                       lib.reindex, lib.backup):
            with pytest.raises(StorageError, match="read-only"):
                change()
        # Reading goes on, and view settings last for the session without being written.
        assert lib.annotation(ann_id).note == "ملاحظة محفوظة"
        lib.set_setting("theme", "dark")
        assert lib.setting("theme") == "dark"
    with Library.open(folder) as lib:
        assert lib.setting("theme", "light") == "light"
        assert [a.id for a in lib.annotations()] == [ann_id]


def test_read_only_search_includes_changes_the_index_had_not_caught_up_with(filled, monkeypatch) -> None:
    folder, article_id, _ = filled
    with Library.open(folder) as lib:
        def locked(*_args, **_kwargs):
            raise IndexLocked("busy")

        monkeypatch.setattr(lib.index, "apply", locked)
        late = lib.annotate(article_id, quote="Baidu", tags=["company"])
        assert lib.index_behind  # saved in SQLite, still in the journal
    monkeypatch.undo()
    with Library.open(folder, read_only=True) as lib:
        assert lib.index.in_memory
        assert [h.annotation_id for h in lib.search("baidu")] == [late.id]
    with Library.open(folder, read_only=True) as lib:  # nothing was written meanwhile
        assert lib.index.in_memory


def test_a_read_only_library_of_another_schema_says_what_to_do(filled, monkeypatch) -> None:
    folder, _, _ = filled
    # This Hamish knows one migration more than the library has had.
    monkeypatch.setattr(db_module, "MIGRATIONS", [*db_module.MIGRATIONS, ["SELECT 1"]])
    with pytest.raises(StorageError, match="cannot be upgraded while it is read-only"):
        Library.open(folder, read_only=True)
    monkeypatch.undo()
    conn = Database(folder / "hamish.db").conn
    conn.execute(f"PRAGMA user_version = {len(db_module.MIGRATIONS) + 1}")
    conn.close()
    with pytest.raises(StorageError, match="newer Hamish"):
        Library.open(folder, read_only=True)


def test_no_library_in_a_read_only_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(StorageError, match="no library"):
        Library.open(empty, read_only=True)


def test_cli_read_only_flag(filled, capsys) -> None:
    folder, article_id, _ = filled
    code = cli.main(["--data-dir", str(folder), "--read-only", "annotate", article_id,
                     "--quote", "Nvidia", "--tag", "company"])
    assert code == 1
    assert "read-only" in capsys.readouterr().err
    assert cli.main(["--data-dir", str(folder), "--read-only", "search", "tencent"]) == 0
    assert "Tencent" in capsys.readouterr().out
