"""What every part of the work screen may use of ``WorkPage`` (for the type checker: the
page provides each of these)."""

from typing import Any

from dialdesk.services.shift.shift import Shift


class WorkParts:
    ui: Any
    session: Any
    me: int
    shift: Shift
    claim: Any
    card: Any
    state: Any
    journal: Any
    outcome_code: str | None
    _background: Any
    _side: Any
    _claimed: Any
    _say: Any
    client_zone: Any
    contacts: Any
    field_edits: Any
    history: Any
    outcome_buttons: Any
    phones: Any
    question_widgets: Any
