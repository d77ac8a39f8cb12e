"""One DialDesk per person on a computer.  A second start brings the running window
forward instead of opening another; ``dialdesk --incoming NUMBER`` (what MicroSIP and
similar softphones run on an incoming call) hands the caller's number to it.

The running app listens on a local socket (a named pipe on Windows) that only its own user
may open; a message is one line of UTF-8: ``show`` or ``incoming <number>``."""

import getpass
import hashlib
import logging
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from dialdesk.settings import data_dir

_log = logging.getLogger(__name__)
TIMEOUT_MS = 1500
MAX_MESSAGE = 200  # bytes: a number, never a document


def instance_name() -> str:
    """The socket's name: per person and data folder (tests give their own)."""
    given = os.environ.get("DIALDESK_INSTANCE", "").strip()
    if given:
        return given
    who = f"{getpass.getuser()}@{data_dir()}".encode()
    return "dialdesk-" + hashlib.sha256(who).hexdigest()[:16]


def send_to_running(message: str) -> bool:
    """Give ``message`` to the DialDesk already running; False when none is."""
    socket = QLocalSocket()
    socket.connectToServer(instance_name())
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write((message.strip() + "\n").encode("utf-8")[:MAX_MESSAGE])
    delivered = socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(TIMEOUT_MS)
    return delivered


class InstanceServer(QObject):
    """The running app's end: ``shown`` when asked to come forward, ``incoming`` with a
    caller's number."""

    shown = Signal()
    incoming = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a socket left behind by a crashed DialDesk is cleared first.
        Call only once ``send_to_running`` found no DialDesk running."""
        name = instance_name()
        if self._server.listen(name):
            return True
        QLocalServer.removeServer(name)
        if self._server.listen(name):
            return True
        _log.warning("cannot listen for other starts on %s: %s", name, self._server.errorString())
        return False

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            received = bytearray()

            def read(socket: QLocalSocket = socket, received: bytearray = received) -> None:
                received.extend(bytes(socket.readAll().data()))
                if b"\n" in received or len(received) > MAX_MESSAGE:
                    line = received.split(b"\n", 1)[0].decode("utf-8", "replace").strip()
                    received.clear()
                    socket.disconnectFromServer()
                    self._handle(line)

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()

    def _handle(self, line: str) -> None:
        command, _, argument = line.partition(" ")
        if command == "show":
            self.shown.emit()
        elif command == "incoming" and argument.strip():
            self.incoming.emit(argument.strip())
        else:
            _log.warning("unknown message from another start: %r", line[:60])
