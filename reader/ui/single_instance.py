"""One window per library: a second `hamish` hands its files to the running one and exits.

The running window listens on a local socket (a Unix socket or a Windows named pipe, never the
network) named after the library's folder; a second start connects, sends its file paths as
one line of JSON, and waits for the window's "ok". A library in another folder gets its own
window. A socket left by a crashed window is removed when nobody answers on it.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QDir, QObject, Signal

TIMEOUT_MS = 2000


def server_name(folder: Path) -> str:
    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return f"hamish-{digest}"


def hand_over(folder: Path, files: list[str]) -> bool:
    """True when a window for `folder` is running and took `files` (made absolute)."""
    if os.name == "posix" and not (Path(QDir.tempPath()) / server_name(folder)).exists():
        # Qt puts the socket in its temporary folder: none there, no window (and no 60 ms of
        # QtNetwork to import before the first paint).
        return False
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(folder))
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    paths = [str(Path(f).resolve()) for f in files]
    socket.write((json.dumps({"files": paths}, ensure_ascii=False) + "\n").encode("utf-8"))
    socket.flush()
    answered = socket.waitForReadyRead(TIMEOUT_MS) and bytes(socket.readAll().data()).startswith(b"ok")
    socket.disconnectFromServer()
    return answered


def _answers(name: str) -> bool:
    from PySide6.QtNetwork import QLocalSocket

    probe = QLocalSocket()
    probe.connectToServer(name)
    alive = probe.waitForConnected(TIMEOUT_MS)
    probe.abort()
    return alive


class InstanceServer(QObject):
    """Listens for later starts; emits the files they bring."""

    filesReceived = Signal(list)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(folder)
        # A window that opened while this one was starting keeps its socket (Qt's listen would
        # take the name over): later starts go to it. A socket nobody answers on is a crashed
        # window's leftover, replaced.
        if _answers(name):
            return
        if not self.server.listen(name):
            type(self.server).removeServer(name)
            self.server.listen(name)
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))

    def _read(self, connection) -> None:  # noqa: ANN001 - QLocalSocket
        if not connection.canReadLine():
            return
        try:
            message = json.loads(bytes(connection.readLine().data()).decode("utf-8"))
            files = [str(f) for f in message.get("files", [])]
        except (ValueError, AttributeError):
            connection.write(b"error\n")
            connection.disconnectFromServer()
            return
        connection.write(b"ok\n")
        connection.flush()
        connection.disconnectFromServer()
        self.filesReceived.emit(files)

    def close(self) -> None:
        self.server.close()
