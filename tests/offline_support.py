"""Shared by the offline tests (tests/core/test_offline.py, tests/ui/test_offline_gui.py): a page
server on 127.0.0.1 that logs every connection, and a recorder that makes every socket entry
point fail. Fixtures `server`, `saved_page` and `no_network` are registered in tests/conftest.py.
"""
from __future__ import annotations

import socket
import threading
import traceback
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

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
