"""Outcome definitions and pause codes: administrators change them, nobody deletes them."""

from dataclasses import replace

import pytest
from sqlalchemy import text

from dialdesk.errors import UserError
from dialdesk.services.campaigns.codes import (
    OutcomeDefinition,
    PauseCode,
    list_outcome_definitions,
    list_pause_codes,
    save_outcome_definition,
    save_pause_code,
)
from tests.conftest import Logins


def test_an_admin_adds_relabels_and_hides_an_outcome(logins: Logins) -> None:
    admin = logins.as_role("admin")
    callback_later = OutcomeDefinition(
        "call_later", "Перезвонить позже", "Call later", sort_order=7, hotkey="F8",
        needs_callback=True,
    )  # fmt: skip
    new_id = save_outcome_definition(admin, None, callback_later)
    save_outcome_definition(admin, new_id, replace(callback_later, label_en="Later", hidden=True))
    found = dict(list_outcome_definitions(admin))[new_id]
    assert (found.label_en, found.hidden, found.needs_callback) == ("Later", True, True)
    hot = next(o for _, o in list_outcome_definitions(admin) if o.code == "hot")
    assert hot.hotkey == "F1" and hot.is_contact


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"code": "Hot!"}, "not allowed"),
        ({"label_en": " "}, "Russian and an English label"),
        ({"hotkey": "Ctrl+1"}, "use F1 to F12"),
        ({"hotkey": "F1"}, "already chooses 'hot'"),
        ({"code": "cold"}, "already used"),
        ({"max_attempts": 0}, "max_attempts must be at least 1"),
    ],
)
def test_bad_outcome_definitions_are_refused(
    logins: Logins, change: dict[str, object], message: str
) -> None:
    outcome = replace(OutcomeDefinition("later", "Позже", "Later"), **change)  # type: ignore[arg-type]
    with pytest.raises(UserError, match=message):
        save_outcome_definition(logins.as_role("admin"), None, outcome)


def test_codes_are_never_deleted_and_only_admins_change_them(logins: Logins) -> None:
    for role in ("operator", "supervisor", "marketer"):
        with pytest.raises(UserError, match="refused"):
            save_pause_code(logins.as_role(role), None, PauseCode("smoke", "Перекур", "Smoke"))
    admin = logins.as_role("admin")
    with pytest.raises(Exception, match="permission denied"), admin.begin() as conn:
        conn.execute(text("DELETE FROM dialdesk.outcome_definitions WHERE code = 'cold'"))


def test_an_admin_adds_and_retires_a_pause_code(logins: Logins) -> None:
    admin = logins.as_role("admin")
    new_id = save_pause_code(admin, None, PauseCode("standup", "Планёрка", "Stand-up"))
    save_pause_code(admin, new_id, PauseCode("standup", "Планёрка", "Team stand-up", active=False))
    assert dict(list_pause_codes(admin))[new_id] == PauseCode(
        "standup", "Планёрка", "Team stand-up", active=False
    )
    with pytest.raises(UserError, match="already used"):
        save_pause_code(admin, None, PauseCode("lunch", "Обед", "Lunch"))
