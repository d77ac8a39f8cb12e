"""Outcome definitions and pause codes, kept by administrators.  Behaviour lives in an
outcome's flags, never in its label; a code in use is hidden, never deleted (nobody holds
the right to delete one)."""

import re
from dataclasses import asdict, dataclass

from sqlalchemy import Engine, text

from dialdesk.errors import UserError, plain_database_errors, translatable
from dialdesk.models.campaigns import OutcomeDefinition as OutcomeRow
from dialdesk.models.people import PauseCode as PauseRow
from dialdesk.services.rows import insert_row, refuse_taken, table_of, update_row

OUTCOMES = table_of(OutcomeRow)
PAUSES = table_of(PauseRow)
CODE_TAKEN = translatable("The code '{code}' is already used; choose another.")

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
_HOTKEY = re.compile(r"^F([1-9]|1[0-2])$")


@dataclass(frozen=True)
class OutcomeDefinition:
    code: str
    label_ru: str
    label_en: str
    sort_order: int = 0
    hotkey: str | None = None
    is_contact: bool = False
    is_final: bool = False
    hands_to_expert: bool = False
    needs_callback: bool = False
    retry_after_days: int | None = None
    max_attempts: int | None = None
    marks_phone_dead: bool = False
    hidden: bool = False
    sets_group: bool = True  # says something about the company: it becomes its group


@dataclass(frozen=True)
class PauseCode:
    code: str
    label_ru: str
    label_en: str
    active: bool = True


OUTCOME_COLUMNS = tuple(OutcomeDefinition.__dataclass_fields__)
PAUSE_COLUMNS = tuple(PauseCode.__dataclass_fields__)


def _check_names(code: str, label_ru: str, label_en: str) -> None:
    if not _CODE.match(code):
        raise UserError(
            "The code '{code}' is not allowed: use 2 to 40 lower-case Latin letters, digits "
            "or '_', starting with a letter.",
            code=code,
        )
    if not label_ru.strip() or not label_en.strip():
        raise UserError("Give the code a Russian and an English label.")


def check_outcome(outcome: OutcomeDefinition) -> None:
    _check_names(outcome.code, outcome.label_ru, outcome.label_en)
    if outcome.hotkey is not None and not _HOTKEY.match(outcome.hotkey):
        raise UserError("The key '{key}' is not allowed: use F1 to F12.", key=outcome.hotkey)
    for name in ("retry_after_days", "max_attempts"):
        value = getattr(outcome, name)
        if value is not None and value < 1:
            raise UserError("The setting {field} must be at least 1 or empty.", field=name)


def list_outcome_definitions(engine: Engine) -> list[tuple[int, OutcomeDefinition]]:
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                f"SELECT id, {', '.join(OUTCOME_COLUMNS)} FROM dialdesk.outcome_definitions "
                "ORDER BY sort_order, id"
            )
        ).all()
    return [(row[0], OutcomeDefinition(*row[1:])) for row in rows]


def save_outcome_definition(
    engine: Engine, outcome_id: int | None, outcome: OutcomeDefinition
) -> int:
    """Add (``outcome_id`` None) or change an outcome code; a visible key is used once."""
    check_outcome(outcome)
    values = asdict(outcome)
    with plain_database_errors(), engine.begin() as conn:
        refuse_taken(conn, OUTCOMES.c.code, outcome.code, outcome_id, CODE_TAKEN, code=outcome.code)
        if outcome.hotkey and not outcome.hidden:
            taken = conn.execute(
                text(
                    "SELECT code FROM dialdesk.outcome_definitions WHERE hotkey = :key "
                    "AND NOT hidden AND id IS DISTINCT FROM :id"
                ),
                {"key": outcome.hotkey, "id": outcome_id},
            ).scalar()
            if taken:
                raise UserError(
                    "The key {key} already chooses '{code}'.", key=outcome.hotkey, code=taken
                )
        if outcome_id is None:
            return insert_row(conn, OUTCOMES, values)
        update_row(conn, OUTCOMES, values, outcome_id)
    return outcome_id


def list_pause_codes(engine: Engine) -> list[tuple[int, PauseCode]]:
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(f"SELECT id, {', '.join(PAUSE_COLUMNS)} FROM dialdesk.pause_codes ORDER BY id")
        ).all()
    return [(row[0], PauseCode(*row[1:])) for row in rows]


def save_pause_code(engine: Engine, pause_id: int | None, pause: PauseCode) -> int:
    _check_names(pause.code, pause.label_ru, pause.label_en)
    values = asdict(pause)
    with plain_database_errors(), engine.begin() as conn:
        refuse_taken(conn, PAUSES.c.code, pause.code, pause_id, CODE_TAKEN, code=pause.code)
        if pause_id is None:
            return insert_row(conn, PAUSES, values)
        update_row(conn, PAUSES, values, pause_id)
    return pause_id
