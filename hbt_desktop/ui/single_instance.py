"""One window per data file: a second copy of the program hands over to the first.

The copy that holds the file's lock (``store.file.lock``) listens on a local socket named
after the file (``store.file.lock.handover_key``). A second copy started on the same file
finds the lock taken, asks the first copy through that socket to bring its window to the
front, and exits once the first one answers: the clerk who double-clicked the icon
again gets the window that is already open, not a second one writing the same file. If
nobody answers (the file is held from another computer, or by another user here), the
second copy offers to open the file read-only.

Local sockets (a named pipe on Windows, a socket file on Linux) reach only this
computer; ``UserAccessOption`` keeps other users of it out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

REQUEST = b"hbt-desktop: show your window\n"
ANSWER = b"hbt-desktop: shown\n"
TIMEOUT_MS = 2000


class HandoverServer(QObject):
    """Listens for a second copy and calls ``on_request`` (raise the window) for it."""

    def __init__(self, key: str, on_request: Callable[[], None]) -> None:
        super().__init__()
        self.key = key
        self.on_request = on_request
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # This copy holds the file's lock, so a server already listening under this name
        # cannot be another live copy: it is the socket file of one that crashed, which
        # would otherwise make listen() fail on Linux.
        QLocalServer.removeServer(key)
        self.listening = self.server.listen(key)
        if not self.listening:
            log.warning("cannot listen for a second copy on %s: %s", key, self.server.errorString())
        self.server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if REQUEST.strip() not in data:
            log.info("ignored a message on the handover socket: %r", data[:80])
            return
        log.info("a second copy was started on this file: showing this window")
        self.on_request()
        socket.write(ANSWER)
        socket.flush()

    def close(self) -> None:
        self.server.close()


def ask_running_copy(key: str, timeout_ms: int = TIMEOUT_MS) -> bool:
    """Ask the copy that has the file to show its window; True once it said it did."""
    socket = QLocalSocket()
    socket.connectToServer(key)
    if not socket.waitForConnected(timeout_ms):
        log.info("no running copy answers on %s: %s", key, socket.errorString())
        return False
    socket.write(REQUEST)
    socket.waitForBytesWritten(timeout_ms)
    received = b""
    while ANSWER.strip() not in received and socket.waitForReadyRead(timeout_ms):
        received += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    answered = ANSWER.strip() in received
    if not answered:
        log.info("the running copy on %s did not answer in time", key)
    return answered
