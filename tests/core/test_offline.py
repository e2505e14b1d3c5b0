"""Nothing ever touches the network (non-GUI half; the window's half is tests/ui/test_offline_gui.py).

1. An HTML page whose every resource (img, srcset, stylesheet, @font-face, script, iframe, an
   inline script that would fetch()) points back at a server on 127.0.0.1 is imported: the
   server sees no request, and the article holds the page's text, not the script's source.
2. The CLI flows (import, annotate, search, export, import-annotations) run with every socket
   entry point patched to record and fail: nothing tried to connect or resolve a name.
"""
from __future__ import annotations

import json
import socket
import urllib.request
from pathlib import Path

import pytest
from offline_support import HOST, PAGE_TEXT, SCRIPT_MARK, SECOND_TEXT, NetworkRecorder, RecordingServer

from reader import cli

# -- 1. imported HTML fetches nothing --------------------------------------------------------

def test_imported_html_fetches_nothing_and_keeps_text_not_script(
        server: RecordingServer, saved_page: Path, library) -> None:  # noqa: ANN001
    result = library.import_file(saved_page)
    article = library.article(result.article.id)
    accepted, requests = server.seen_since_reset()
    assert accepted == [] and requests == [], f"the import reached the server: {requests or accepted}"
    assert PAGE_TEXT in article.text and SECOND_TEXT in article.text
    assert SCRIPT_MARK not in article.text
    for leaked in ("fetch(", "XMLHttpRequest", "document.write", "@font-face", server.base, str(server.port)):
        assert leaked not in article.text, leaked


def test_cli_import_of_the_html_with_sockets_failing(
        server: RecordingServer, saved_page: Path, capsys, monkeypatch) -> None:  # noqa: ANN001
    recorder = NetworkRecorder().install(monkeypatch)
    code = cli.main(["import", str(saved_page)])
    monkeypatch.undo()  # the sentinel request below is ours, and needs a socket
    out, err = capsys.readouterr()
    assert code == 0, err
    assert recorder.attempts == [], recorder.report()
    accepted, requests = server.seen_since_reset()
    assert accepted == [] and requests == []


# -- 2. the CLI flows make no connection -----------------------------------------------------

def test_cli_flows_make_no_connection(no_network: NetworkRecorder, sample_path: Path, tmp_path: Path,
                                      capsys) -> None:  # noqa: ANN001
    def hamish(*args: str) -> str:
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        assert code == 0, f"hamish {' '.join(args)} → {code}: {err}"
        return out

    article_id = hamish("import", str(sample_path)).split("\t")[0]
    created = json.loads(hamish("annotate", article_id, "--quote", "Nvidia", "--tag", "company", "--json"))
    assert created["tags"] == ["company"]
    hits = json.loads(hamish("search", "nvidia", "--json"))
    assert len(hits) >= 1
    hamish("list")
    hamish("annotations", "--json")
    exported = tmp_path / "export.w3c.json"
    hamish("export", "--format", "w3c", "-o", str(exported))
    assert exported.stat().st_size > 0
    hamish("export", "--format", "markdown")
    # Into a fresh library, so the merge really creates articles and annotations.
    hamish("import-annotations", str(exported), "--data-dir", str(tmp_path / "other"))
    hamish("import-annotations", str(exported))  # and back into the same one: a no-op merge
    hamish("reindex")
    assert no_network.attempts == [], no_network.report()


def test_recorder_catches_a_real_connection_attempt(no_network: NetworkRecorder) -> None:
    """The patch works (guards against a test that passes because nothing was patched)."""
    with pytest.raises(OSError):
        socket.create_connection((HOST, 9), timeout=1)
    with pytest.raises(OSError):
        urllib.request.urlopen(f"http://{HOST}:9/", timeout=1)  # noqa: S310
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(OSError):
            s.connect((HOST, 9))
    finally:
        s.close()
    assert len(no_network.attempts) >= 3


def test_server_log_catches_a_stray_connection(server: RecordingServer) -> None:
    """The sentinel check sees a connection made behind the test's back, even one that never
    sends a request (guards against a log that is empty because it never records)."""
    stray = socket.create_connection((HOST, server.port), timeout=5)
    try:
        server.fetch("/page.html")
        accepted, requests = server.seen_since_reset()
        assert len(accepted) == 2 and requests == ["/page.html"]
    finally:
        stray.close()
