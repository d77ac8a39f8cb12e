"""What an operator is doing (waiting, on a card, paused with a reason, offline), logged
row by row for the supervisor."""

from dataclasses import dataclass

from sqlalchemy import Engine, text

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.vocabulary import OPERATOR_STATES


@dataclass(frozen=True)
class PauseReason:
    id: int
    code: str
    label_ru: str
    label_en: str


def pause_reasons(engine: Engine) -> list[PauseReason]:
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT id, code, label_ru, label_en FROM dialdesk.pause_codes "
                "WHERE active ORDER BY id"
            )
        ).all()
    return [PauseReason(*row) for row in rows]


def log_state(
    engine: Engine,
    me: int,
    state: str,
    *,
    pause_code_id: int | None = None,
    entry_id: int | None = None,
) -> None:
    """Record that ``me`` is now in ``state`` (the database accepts only one's own state)."""
    if state not in OPERATOR_STATES:
        raise UserError("Unknown operator state '{state}'.", state=state)
    if state == "paused" and pause_code_id is None:
        raise UserError("Choose the reason for the pause.")
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.operator_states (person_id, state, pause_code_id, entry_id) "
                "VALUES (:me, :state, :pause, :entry)"
            ),
            {"me": me, "state": state, "pause": pause_code_id, "entry": entry_id},
        )


def current_state(engine: Engine, person: int) -> tuple[str, int | None] | None:
    """The latest (state, pause code id) of ``person``, or None if never logged."""
    with plain_database_errors(), engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT state, pause_code_id FROM dialdesk.operator_states "
                "WHERE person_id = :p ORDER BY started_at DESC, id DESC LIMIT 1"
            ),
            {"p": person},
        ).first()
    return (row[0], row[1]) if row else None
