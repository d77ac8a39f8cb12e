"""A real SMTP server on 127.0.0.1 (aiosmtpd) that keeps what it received, can ask for a
login, refuse an address, or cut the line at a chosen letter; and a keyring of the test's
own (a file in the test's folder), so no test touches the workstation's."""

import email
import email.policy
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import keyring
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from keyrings.alt.file import PlaintextKeyring

from dialdesk.services.mail.settings import MailServer


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage


@dataclass
class MailHandler:
    received: list[Received] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)  # addresses answered 550
    cut_at_mail: int | None = None  # the n-th MAIL FROM (from 1) finds the line cut
    cut_in_data: int | None = None  # the n-th DATA is cut before the server answers
    mails: int = 0
    datas: int = 0

    async def handle_MAIL(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        self.mails += 1
        if self.cut_at_mail is not None and self.mails == self.cut_at_mail:
            server.transport.close()
            return "421 closing"
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: list[str]
    ) -> str:
        if address.lower() in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.datas += 1
        if self.cut_in_data is not None and self.datas == self.cut_in_data:
            server.transport.close()
            return "421 closing"
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        return [r.message for r in self.received if address in r.recipients]


@dataclass
class SmtpServer:
    handler: MailHandler
    port: int
    login: str = "sender"
    password: str = "пароль-1"

    def settings(self, **changes: Any) -> MailServer:
        values = {"host": "127.0.0.1", "port": self.port, "security": "none",
                  "login": self.login, "sender_address": "offers@dialdesk.test",
                  "letters_per_minute": 100000}  # fmt: skip
        values.update(changes)
        return MailServer(**values)


def _authenticator(login: str, password: str) -> Any:
    def check(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (
            data.login.decode() == login and data.password.decode() == password
        )
        return AuthResult(success=ok, handled=False)

    return check


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    handler = MailHandler()
    login, password = "sender", "пароль-1"
    with socket.socket() as probe:  # a free port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        authenticator=_authenticator(login, password),
        auth_require_tls=False,
        auth_required=True,
    )
    controller.start()
    try:
        yield SmtpServer(handler, port, login, password)
    finally:
        controller.stop()


@pytest.fixture(autouse=True)
def test_keyring(tmp_path: Path) -> Iterator[PlaintextKeyring]:
    """Every test keeps passwords in a keyring file of its own."""
    before = keyring.get_keyring()
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(ring)
    try:
        yield ring
    finally:
        keyring.set_keyring(before)
