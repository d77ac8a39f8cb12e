"""The mail log: a letter marked once the mail server answered, and for a letter that went,
its follow-up call planned that many working days later."""

from datetime import UTC, datetime

from sqlalchemy import Engine, text

from dialdesk.errors import plain_database_errors
from dialdesk.services.calendar import follow_up_time

SUBJECT_LIMIT = 300  # letters.subject
WENT = ("sent", "handed")  # handed: to the workstation's mail program


def finish_letter(
    engine: Engine,
    letter_id: int,
    state: str,
    *,
    message_id: str | None = None,
    error: str | None = None,
    follow_up_days: int | None = None,
) -> datetime | None:
    """Mark the letter ``state``; when it went and ``follow_up_days`` is given, plan the
    follow-up call and return when it is due."""
    due = (
        follow_up_time(datetime.now(UTC), follow_up_days)
        if state in WENT and follow_up_days is not None
        else None
    )
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text("SELECT dialdesk.finish_letter(:id, :state, :mid, :error, :due)"),
            {"id": letter_id, "state": state, "mid": message_id, "error": error, "due": due},
        )
    return due
