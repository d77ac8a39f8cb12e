"""People and their PostgreSQL logins; only admins may manage them (the database checks)."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.services.people.passwords import scram_verifier
from dialdesk.vocabulary import ROLES


@dataclass(frozen=True)
class Identity:
    """Who is logged in: shown in the window and used to choose what the UI offers."""

    login: str
    role: str
    full_name: str
    person_id: int | None
    is_superuser: bool


@dataclass(frozen=True)
class PersonRow:
    id: int
    login: str
    full_name: str
    role: str
    active: bool
    is_expert: bool


@contextmanager
def _plain_errors(connection_engine: Engine) -> Iterator[Connection]:
    with plain_database_errors(), connection_engine.begin() as conn:
        yield conn


def whoami(engine: Engine) -> Identity:
    """Identify the current login; the role comes from its group membership in the database."""
    with _plain_errors(engine) as conn:
        row = conn.execute(
            text(
                "SELECT r.rolname, r.rolsuper, p.id, p.full_name, "
                "  CASE WHEN pg_has_role(current_user, 'dialdesk_admin', 'member') THEN 'admin' "
                "       WHEN pg_has_role(current_user, 'dialdesk_supervisor', 'member') "
                "            THEN 'supervisor' "
                "       WHEN pg_has_role(current_user, 'dialdesk_marketer', 'member') "
                "            THEN 'marketer' "
                "       WHEN pg_has_role(current_user, 'dialdesk_expert', 'member') "
                "            THEN 'expert' "
                "       WHEN pg_has_role(current_user, 'dialdesk_operator', 'member') "
                "            THEN 'operator' END AS role "
                "FROM pg_roles r LEFT JOIN dialdesk.people p ON p.login = r.rolname "
                "WHERE r.rolname = current_user"
            )
        ).one()
    login, superuser, person_id, full_name, role = row
    if superuser:
        return Identity(login, "admin", full_name or login, person_id, True)
    if role is None or person_id is None:
        raise UserError(
            "The login '{login}' is not a DialDesk user; ask an administrator.", login=login
        )
    return Identity(login, role, full_name, person_id, False)


def add_person(engine: Engine, login: str, full_name: str, role: str, password: str) -> int:
    if role not in ROLES:
        raise UserError(
            "Unknown role '{role}': use one of {roles}.", role=role, roles=", ".join(ROLES)
        )
    if len(password) < 8:
        raise UserError("The password must be at least 8 characters long.")
    with _plain_errors(engine) as conn:
        person_id: int = conn.execute(
            text("SELECT dialdesk.create_person(:login, :name, :role, :verifier)"),
            {
                "login": login,
                "name": full_name or login,
                "role": role,
                "verifier": scram_verifier(password),
            },
        ).scalar_one()
    return person_id


def list_people(engine: Engine) -> list[PersonRow]:
    with _plain_errors(engine) as conn:
        rows = conn.execute(
            text(
                "SELECT id, login, full_name, role, active, is_expert "
                "FROM dialdesk.people ORDER BY login"
            )
        ).all()
    return [PersonRow(*row) for row in rows]


def set_active(engine: Engine, login: str, active: bool) -> None:
    """Let a person in or keep them out; a disabled person's open sessions end at once
    (again after the commit, so none slips back in before NOLOGIN holds)."""
    with _plain_errors(engine) as conn:
        conn.execute(
            text("SELECT dialdesk.set_person_active(:login, :active)"),
            {"login": login, "active": active},
        )
    if not active:
        with _plain_errors(engine) as conn:
            conn.execute(text("SELECT dialdesk.end_sessions(:login)"), {"login": login})


def set_role(engine: Engine, login: str, role: str) -> None:
    """Move a person to another group role (admins only; the database checks)."""
    with _plain_errors(engine) as conn:
        conn.execute(
            text("SELECT dialdesk.set_person_role(:login, :role)"), {"login": login, "role": role}
        )


def set_password(engine: Engine, login: str, password: str) -> None:
    if len(password) < 8:
        raise UserError("The password must be at least 8 characters long.")
    with _plain_errors(engine) as conn:
        conn.execute(
            text("SELECT dialdesk.set_person_password(:login, :verifier)"),
            {"login": login, "verifier": scram_verifier(password)},
        )
