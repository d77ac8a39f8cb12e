"""Talking to the customer's mail server: connect, log in, hand over one letter and say
exactly what became of it: sent, refused (the address), failed before the server took
anything (safe to try again), or uncertain (cut while the server was taking it)."""

import base64
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from types import TracebackType

from dialdesk.errors import UserError
from dialdesk.services.mail.settings import MailServer

TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class Handed:
    state: str  # sent, refused, pending (nothing went: try again), uncertain
    message_id: str
    error: str | None = None


class Connection:
    """One session with the mail server; ``with Connection(server, password) as c``."""

    def __init__(self, server: MailServer, password: str | None) -> None:
        self.server = server
        self.password = password
        self.smtp: smtplib.SMTP | None = None

    def __enter__(self) -> "Connection":
        self.open()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def open(self) -> None:
        server = self.server
        where = f"{server.host}:{server.port}"
        try:
            if server.security == "ssl":
                context = ssl.create_default_context()
                self.smtp = smtplib.SMTP_SSL(
                    server.host, server.port, timeout=TIMEOUT_SECONDS, context=context
                )
            else:
                self.smtp = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_SECONDS)
                if server.security == "starttls":
                    self.smtp.starttls(context=ssl.create_default_context())
            self.smtp.ehlo_or_helo_if_needed()  # MAIL comes next: the server wants a greeting
            if server.login:
                _log_in(self.smtp, server.login, self.password or "")
        except smtplib.SMTPAuthenticationError as exc:
            self.close()
            raise UserError(
                "The mail server {server} refused the login '{login}': the admin checks the "
                "password kept on this computer.",
                server=where,
                login=server.login,
            ) from exc
        except smtplib.SMTPNotSupportedError as exc:
            self.close()
            raise UserError(
                "The mail server {server} does not offer {what}: the admin changes the "
                "connection's security or the login.",
                server=where,
                what="STARTTLS" if server.security == "starttls" else "login",
            ) from exc
        except (OSError, smtplib.SMTPException) as exc:
            self.close()
            raise UserError(
                "Cannot reach the mail server {server}: {detail}. The admin checks its address "
                "and port, or the network.",
                server=where,
                detail=_detail(exc),
            ) from exc

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.smtp.close()
            self.smtp = None

    def hand(self, message: EmailMessage, sender: str, recipient: str) -> Handed:
        """Hand one letter over: MAIL and RCPT first (a failure there sent nothing), then
        DATA (a cut there may or may not have delivered it)."""
        message_id = str(message["Message-ID"])
        smtp = self.smtp
        if smtp is None:
            return Handed("pending", message_id, "not connected")
        try:
            code, reply = smtp.mail(sender)
            if code != 250:
                smtp.rset()
                return Handed("pending", message_id, _reply(code, reply))
            code, reply = smtp.rcpt(recipient)
            if code not in (250, 251):
                smtp.rset()
                state = "refused" if 500 <= code < 600 else "pending"
                return Handed(state, message_id, _reply(code, reply))
        except (OSError, smtplib.SMTPException) as exc:
            self.smtp = None
            return Handed("pending", message_id, _detail(exc))
        try:
            code, reply = smtp.data(message.as_bytes(policy=SMTP_POLICY))
        except smtplib.SMTPDataError as exc:  # the server answered: it did not take it
            return Handed("pending" if exc.smtp_code < 500 else "failed", message_id, _detail(exc))
        except (OSError, smtplib.SMTPException) as exc:
            self.smtp = None
            return Handed("uncertain", message_id, _detail(exc))
        return Handed("sent", message_id)

    @property
    def connected(self) -> bool:
        return self.smtp is not None


def _log_in(smtp: smtplib.SMTP, login: str, password: str) -> None:
    """Log in; a password in Cyrillic goes as UTF-8 with AUTH PLAIN (smtplib's own login
    takes ASCII only)."""
    if login.isascii() and password.isascii():
        smtp.login(login, password)
        return
    smtp.ehlo_or_helo_if_needed()
    secret = base64.b64encode(b"\0" + login.encode() + b"\0" + password.encode()).decode()
    code, reply = smtp.docmd("AUTH", "PLAIN " + secret)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


def _reply(code: int, reply: bytes | str) -> str:
    said = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    return f"{code} {said}".strip()


def _detail(exc: BaseException) -> str:
    if isinstance(exc, socket.timeout):
        return "no answer in time"
    if isinstance(exc, smtplib.SMTPResponseException):
        return _reply(exc.smtp_code, exc.smtp_error)
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    return str(exc) or type(exc).__name__


def check_server(server: MailServer, password: str | None) -> None:
    """Connect and log in as a letter would, then leave; a UserError says what failed."""
    with Connection(server, password):
        pass
