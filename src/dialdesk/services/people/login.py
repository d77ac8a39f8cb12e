"""Logging a person in with their own PostgreSQL login."""

import logging
from dataclasses import dataclass

from sqlalchemy import Engine, text

from dialdesk.db.dsn import with_credentials
from dialdesk.db.engine import make_engine
from dialdesk.db.target import require_current_schema
from dialdesk.errors import DatabaseUnavailable, UserError
from dialdesk.services.people.accounts import Identity, whoami

log = logging.getLogger(__name__)


_REFUSED_LOGIN = ("password authentication failed", "does not exist", "no password supplied")


@dataclass
class LoggedIn:
    """A person's open connection to DialDesk: everything the main window needs."""

    engine: Engine
    identity: Identity
    dsn: str = ""  # the same login, for a connection of its own (notifications)


def log_in(login_dsn: str, login: str, password: str) -> LoggedIn:
    """Connect as ``login``; refuse an unusable schema; say plainly why a login failed."""
    login = login.strip()
    if not login:
        raise UserError("Enter your login.")
    dsn = with_credentials(login_dsn, login, password)
    # a workstation holds one connection for its work and opens a second only while two
    # jobs overlap (with the listener's, at most three): a floor of N seats needs 3 N server
    # connections, not 4-14 N (README, "Connections").  Not fewer: a waiter for a pool's only
    # connection is not woken when that connection is dropped (a cut network), and would
    # wait out the whole pool timeout.
    engine = make_engine(dsn, pool_size=1, max_overflow=1)
    try:
        identity = whoami(engine)
        require_current_schema(engine)
    except DatabaseUnavailable as exc:
        engine.dispose()
        message = str(exc)
        if any(marker in message for marker in _REFUSED_LOGIN):
            log.info("a login was refused: wrong login or password")
            raise UserError("Wrong login or password.") from exc
        if "not permitted to log in" in message:
            log.info("a disabled login tried to log in")
            raise UserError("This login is disabled; ask an administrator.") from exc
        raise
    except BaseException:
        engine.dispose()
        raise
    log.info("person %s logged in as %s", identity.person_id, identity.role)
    return LoggedIn(engine, identity, dsn)


def count_people(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM dialdesk.people")).scalar_one())
