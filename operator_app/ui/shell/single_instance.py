"""One desk per data directory.

Two desks on one data directory would share one outbox and one feed cursor (a decision replayed
twice, an alarm handled twice). The first desk holds a lock file in the data directory and
listens on a local socket named after the directory; a second start finds the lock taken, asks
the first (over the socket) to bring its window to the front, and exits 0. A lock left by a
crashed desk is taken over (QLockFile checks that its process is gone).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from operator_app.logging_setup import log_event

log = logging.getLogger("operator_app.ui.shell")

RAISE_REQUEST = b"raise\n"
ANSWER_TIMEOUT_S = 5.0


def server_name(data_dir: Path) -> str:
    """The local socket's name: per user and data directory, short enough for every platform."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"operator-app-{digest}"


class DeskInstance(QObject):
    """The lock and the listening socket of the desk that runs on a data directory."""

    def __init__(self, lock: QLockFile, name: str) -> None:
        super().__init__()
        self._lock = lock
        self._on_request: Callable[[], object] | None = None
        self.server = QLocalServer(self)
        QLocalServer.removeServer(name)  # a socket left by a crashed desk (we hold the lock)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(name):
            log.warning("cannot listen for a second start: %s", self.server.errorString())
        self.server.newConnection.connect(self._accept)

    def on_raise_request(self, callback: Callable[[], object]) -> None:
        self._on_request = callback

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)

    def _read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll().data()).startswith(RAISE_REQUEST.strip()):
            log_event(log, "raised_by_second_start", "a second start on this data directory: "
                      "this desk brought to the front")
            if self._on_request is not None:
                self._on_request()
        socket.disconnectFromServer()

    def release(self) -> None:
        self.server.close()
        self._lock.unlock()


def claim(data_dir: Path) -> DeskInstance | None:
    """This desk's instance, or None when a desk already runs on ``data_dir`` (it was asked to
    come to the front). Raises RuntimeError when the directory is locked by a desk that does not
    answer."""
    lock = QLockFile(str(data_dir / "desk.lock"))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
    name = server_name(data_dir)
    if lock.tryLock(0):
        return DeskInstance(lock, name)
    if _ask_to_raise(name):
        return None
    if lock.tryLock(0):  # the other desk ended meanwhile
        return DeskInstance(lock, name)
    raise RuntimeError(f"another desk holds {data_dir} but does not answer; "
                       f"close it first (lock file {data_dir / 'desk.lock'})")


def _ask_to_raise(name: str) -> bool:
    """Connect to the running desk (it may still be starting) and send the request."""
    deadline = time.monotonic() + ANSWER_TIMEOUT_S
    while time.monotonic() < deadline:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if socket.waitForConnected(500):
            socket.write(RAISE_REQUEST)
            sent = socket.waitForBytesWritten(1000)
            socket.waitForDisconnected(1000)
            socket.abort()
            if sent:
                return True
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.2)
    return False


def bring_to_front(window: object) -> Callable[[], None]:
    """The callback that shows ``window`` in front (restored if minimized)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)

    def raise_window() -> None:
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

    return raise_window
