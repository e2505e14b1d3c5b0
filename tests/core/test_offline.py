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
import threading
import traceback
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader import cli

HOST = "127.0.0.1"

PAGE_TEXT = "أعلنت شركة Nvidia اليوم عن رقائق جديدة للسوق الصينية بقيمة 8.2 مليار دولار."
SECOND_TEXT = "وقال المتحدث إن الشركة ستلتزم بقواعد التصدير الأمريكية."
SCRIPT_MARK = "SCRIPT_SOURCE_MUST_NOT_APPEAR"


def page_html(base: str) -> str:
    """A page whose every way of pulling something in points at `base` (the test server)."""
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url={base}/refresh">
<title>صفحة اختبار</title>
<link rel="stylesheet" href="{base}/style.css">
<link rel="preload" href="{base}/preload.woff2" as="font">
<link rel="icon" href="{base}/favicon.ico">
<link rel="prefetch" href="{base}/prefetch">
<style>
@font-face {{ font-family: Remote; src: url("{base}/font.woff2") format("woff2"); }}
@import url("{base}/imported.css");
body {{ font-family: Remote; background-image: url("{base}/bg.png"); }}
</style>
<script src="{base}/script.js"></script>
</head>
<body style="background: url('{base}/body-bg.png')">
<article>
<h1>صفحة اختبار</h1>
<p>{PAGE_TEXT}</p>
<img src="{base}/image.png" srcset="{base}/image-2x.png 2x, {base}/image-800.png 800w" alt="صورة">
<picture><source srcset="{base}/picture.webp" type="image/webp"><img src="{base}/picture.png" alt=""></picture>
<p>{SECOND_TEXT}</p>
<iframe src="{base}/frame.html"></iframe>
<object data="{base}/object.bin"></object>
<embed src="{base}/embed.bin">
<video src="{base}/video.mp4" poster="{base}/poster.png"></video>
<audio src="{base}/audio.mp3"></audio>
<input type="image" src="{base}/input.png">
<svg><image href="{base}/svg-image.png"/></svg>
</article>
<script>
// {SCRIPT_MARK}
fetch("{base}/fetch");
new Image().src = "{base}/js-image.png";
var x = new XMLHttpRequest(); x.open("GET", "{base}/xhr"); x.send();
document.write('<img src="{base}/document-write.png">');
</script>
<noscript><img src="{base}/noscript.png"></noscript>
</body></html>
"""


class RecordingServer:
    """A ThreadingHTTPServer on 127.0.0.1, port 0, that records every accepted connection and
    every request. Accepts are logged on the serving thread, in order, before any handler runs."""

    def __init__(self) -> None:
        self.accepted: list[tuple[str, int]] = []
        self.requests: list[str] = []
        self._lock = threading.Lock()
        server_self = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                with server_self._lock:
                    server_self.requests.append(self.path)
                if self.path == "/page.html":
                    body = page_html(server_self.base).encode("utf-8")
                    ctype = "text/html; charset=utf-8"
                else:
                    body, ctype = b"", "application/octet-stream"
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET  # noqa: N815

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request, client_address) -> bool:  # noqa: ANN001
                with server_self._lock:
                    server_self.accepted.append(client_address)
                return True

        self.httpd = Server((HOST, 0), Handler)
        self.port = self.httpd.server_address[1]
        self.base = f"http://{HOST}:{self.port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       name="offline-test-server", daemon=True)

    def start(self) -> RecordingServer:
        self.thread.start()
        return self

    def reset(self) -> None:
        with self._lock:
            self.accepted.clear()
            self.requests.clear()

    def fetch(self, path: str) -> bytes:
        """A request of our own (never through the app)."""
        with urllib.request.urlopen(f"{self.base}{path}", timeout=10) as resp:  # noqa: S310
            return resp.read()

    def seen_since_reset(self) -> tuple[list[tuple[str, int]], list[str]]:
        """Every connection made since reset(), app's only. A sentinel request of our own goes
        last: the listen backlog is FIFO and accepts are logged in order on the serving thread,
        so once the sentinel is answered every earlier connection has been logged."""
        self.fetch("/__sentinel__")
        with self._lock:
            accepted, requests = list(self.accepted), list(self.requests)
        assert requests and requests[-1] == "/__sentinel__"
        return accepted[:-1], requests[:-1]

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)


@pytest.fixture
def server() -> Iterator[RecordingServer]:
    srv = RecordingServer().start()
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture
def saved_page(server: RecordingServer, tmp_path: Path) -> Path:
    """The page, fetched once by the test itself, saved as a file; the log then emptied."""
    data = server.fetch("/page.html")
    assert server.requests == ["/page.html"]
    path = tmp_path / "page.html"
    path.write_bytes(data)
    server.reset()
    return path


class NetworkRecorder:
    """Every socket entry point, patched to record the attempt (with its stack) and fail."""

    def __init__(self) -> None:
        self.attempts: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()

    def hook(self, name: str):  # noqa: ANN201
        def _blocked(*args: object, **kwargs: object):  # noqa: ANN202
            shown = ", ".join([repr(a) for a in args if not isinstance(a, socket.socket)]
                              + [f"{k}={v!r}" for k, v in kwargs.items()])
            with self._lock:
                self.attempts.append((name, shown, "".join(traceback.format_stack(limit=25))))
            raise OSError(f"network disabled by test: {name}({shown})")

        return _blocked

    def install(self, monkeypatch: pytest.MonkeyPatch) -> NetworkRecorder:
        for meth in ("connect", "connect_ex", "sendto", "sendmsg"):
            monkeypatch.setattr(socket.socket, meth, self.hook(f"socket.{meth}"))
        for func in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                     "gethostbyaddr", "getnameinfo"):
            monkeypatch.setattr(socket, func, self.hook(f"socket.{func}"))
        return self

    def report(self) -> str:
        return "\n\n".join(f"{name}({args})\n{stack}" for name, args, stack in self.attempts)


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> NetworkRecorder:
    return NetworkRecorder().install(monkeypatch)


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
