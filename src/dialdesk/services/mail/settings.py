"""The admin's mail server, kept in the database for every workstation; its password kept
in this workstation's keyring (Windows Credential Manager), never in the database or a file."""

import contextlib
from dataclasses import dataclass

import keyring
import keyring.errors
from sqlalchemy import Connection, Engine, text

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.services.mail.addresses import checked_address

KEYRING_SERVICE = "DialDesk mail server"
SECURITY = ("ssl", "starttls", "none")


@dataclass
class MailServer:
    host: str = ""
    port: int = 587
    security: str = "starttls"  # ssl, starttls or none
    login: str = ""
    sender_address: str = ""
    letters_per_minute: int = 60

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender_address)

    @property
    def keyring_user(self) -> str:
        return f"{self.login}@{self.host}:{self.port}"


def load_server(conn: Connection) -> MailServer:
    row = conn.execute(
        text(
            "SELECT coalesce(host, ''), port, security, coalesce(login, ''), "
            "coalesce(sender_address, ''), letters_per_minute FROM dialdesk.mail_settings"
        )
    ).one()
    return MailServer(*row)


def mail_server(engine: Engine) -> MailServer:
    with plain_database_errors(), engine.connect() as conn:
        return load_server(conn)


def save_server(engine: Engine, server: MailServer, password: str | None) -> None:
    """Write the server's settings (the admin's right); ``password``, when given, goes into
    this workstation's keyring."""
    server.host = server.host.strip()
    if server.security not in SECURITY:
        raise UserError("Choose the connection's security: SSL, STARTTLS or none.")
    if not 1 <= server.port <= 65535:
        raise UserError("The port {port} is not a port: 1 to 65535.", port=server.port)
    if server.sender_address:
        server.sender_address = checked_address(server.sender_address)
    if server.host and not server.sender_address:
        raise UserError("Write the sender's address: letters go from it.")
    if not 1 <= server.letters_per_minute <= 100000:
        raise UserError("Letters per minute: 1 to 100000.")
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE dialdesk.mail_settings SET host = nullif(:h, ''), port = :p, "
                "security = :s, login = nullif(:l, ''), sender_address = nullif(:a, ''), "
                "letters_per_minute = :r"
            ),
            {"h": server.host, "p": server.port, "s": server.security, "l": server.login.strip(),
             "a": server.sender_address, "r": server.letters_per_minute},
        )  # fmt: skip
    if password is not None:
        remember_password(server, password)


def remember_password(server: MailServer, password: str) -> None:
    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, server.keyring_user, password)
        else:
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, server.keyring_user)
    except keyring.errors.KeyringError as exc:
        raise UserError(
            "This computer has no safe place for the mail server's password ({detail}); "
            "it was not kept.",
            detail=str(exc) or type(exc).__name__,
        ) from exc


def saved_password(server: MailServer) -> str | None:
    """The password this workstation keeps for the server, or None."""
    if not server.login:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, server.keyring_user)
    except keyring.errors.KeyringError:
        return None
