"""SCRAM-SHA-256 password verifiers, made on the client so a plain password never reaches
the server's statement log."""

import base64
import hashlib
import hmac
import secrets

_ITERATIONS = 4096


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def scram_verifier(password: str, *, salt: bytes | None = None) -> str:
    """The value PostgreSQL stores for ``password`` (the format of ``pg_authid.rolpassword``)."""
    salt = salt or secrets.token_bytes(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, _ITERATIONS)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    return f"SCRAM-SHA-256${_ITERATIONS}:{_b64(salt)}${_b64(stored_key)}:{_b64(server_key)}"


def generate_password() -> str:
    """A password a person can type: 12 characters without look-alikes."""
    alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(12))
