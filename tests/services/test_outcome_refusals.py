"""Every refusal ``record_outcome`` can give, each proven over an operator's own login, and
each leaving nothing written."""

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

import dialdesk.db
from dialdesk.errors import DATABASE_MESSAGES, UserError
from dialdesk.services.shift.outcomes import OutcomeInput, record_outcome
from tests.services.conftest import Floor, make_campaign
from tests.services.test_outcomes import _claimed, _outcome

FUNCTIONS = Path(dialdesk.db.__file__).parent / "functions"


def _hints(*names: str) -> set[str]:
    found: set[str] = set()
    for name in names:
        source = (FUNCTIONS / f"{name}.sql").read_text(encoding="utf-8")
        found.update(re.findall(r"HINT = 'dialdesk:(\w+)'", source))
    return found


def _question(floor: Floor, wording: str, campaign: int | None = None, **flags: bool) -> int:
    with floor.db.begin() as conn:
        return int(
            conn.execute(
                text(
                    "INSERT INTO dialdesk.questions (campaign_id, position, kind, text, "
                    "required, retired) SELECT :k, count(*) + 1, 'text', :t, :r, :gone "
                    "FROM dialdesk.questions WHERE campaign_id = :k RETURNING id"
                ),
                {
                    "k": campaign or floor.campaign,
                    "t": wording,
                    "r": flags.get("required", False),
                    "gone": flags.get("retired", False),
                },
            ).scalar_one()
        )


def _held_by_another(floor: Floor) -> tuple[int, OutcomeInput]:
    _, _, entry = _claimed(floor)
    return floor.other, _outcome(entry, "cold", spoke_with="Петров")


def _unknown_outcome(floor: Floor) -> tuple[int, OutcomeInput]:
    _, _, entry = _claimed(floor)
    return floor.me, _outcome(entry, "no_such_code", spoke_with="Петров")


def _no_spoke_with(floor: Floor) -> tuple[int, OutcomeInput]:
    _, _, entry = _claimed(floor)
    return floor.me, _outcome(entry, "cold", spoke_with="  ")


def _required_unanswered(floor: Floor) -> tuple[int, OutcomeInput]:
    _, _, entry = _claimed(floor)
    asked = _question(floor, "Сколько менеджеров?", required=True)
    return floor.me, _outcome(entry, "cold", spoke_with="Петров", answers={asked: "  "})


def _answer_of_another_campaign(floor: Floor) -> tuple[int, OutcomeInput]:
    _, _, entry = _claimed(floor)
    elsewhere = _question(floor, "Чужой вопрос", campaign=make_campaign(floor.db, "Другая"))
    return floor.me, _outcome(entry, "cold", spoke_with="Петров", answers={elsewhere: "да"})


def _no_next_contact(floor: Floor) -> tuple[int, OutcomeInput]:
    _, _, entry = _claimed(floor)
    return floor.me, _outcome(entry, "warm", spoke_with="Петров")


def _never_given(floor: Floor) -> tuple[int, OutcomeInput]:
    _, _, entry = floor.company("Не выданная")
    return floor.me, _outcome(entry, "cold", spoke_with="Петров")


def _times_outside_the_claim(floor: Floor) -> tuple[int, OutcomeInput]:
    _, _, entry = _claimed(floor)
    data = _outcome(entry, "cold", spoke_with="Петров")
    # a workstation clock hours fast: the call ends long after now
    return floor.me, replace(data, ended_at=data.ended_at + timedelta(hours=3))


def _phone_of_another_company(floor: Floor) -> tuple[int, OutcomeInput]:
    _, _, entry = _claimed(floor)
    _, foreign_phone, _ = floor.company("Чужая", phone="+74957778899", state="done")
    return floor.me, _outcome(entry, "cold", spoke_with="Петров", phone_id=foreign_phone)


def _not_an_expert(floor: Floor) -> tuple[int, OutcomeInput]:
    _, _, entry = _claimed(floor)
    return floor.me, _outcome(entry, "cold", spoke_with="Петров", expert_id=floor.other)


def _in_a_colleagues_name(floor: Floor) -> tuple[int, OutcomeInput]:
    _, _, entry = _claimed(floor)
    return -1, _outcome(entry, "cold", spoke_with="Петров")


REFUSALS: dict[str, Callable[[Floor], tuple[int, OutcomeInput]]] = {
    "held_by_another": _held_by_another,
    "unknown_outcome_or_entry": _unknown_outcome,
    "spoke_with_required": _no_spoke_with,
    "answer_required": _required_unanswered,
    "answers_not_this_campaign": _answer_of_another_campaign,
    "next_contact_required": _no_next_contact,
    "not_your_entry": _never_given,
    "call_time_outside_claim": _times_outside_the_claim,
    "not_this_company": _phone_of_another_company,
    "not_an_expert": _not_an_expert,
    "not_in_your_name": _in_a_colleagues_name,
}


def test_the_list_holds_every_refusal_the_function_can_give() -> None:
    assert set(REFUSALS) == _hints("record_outcome", "queue_caller")
    assert set(REFUSALS) <= set(DATABASE_MESSAGES)


@pytest.mark.parametrize("key", sorted(REFUSALS))
def test_each_refusal(floor: Floor, key: str) -> None:
    person, data = REFUSALS[key](floor)
    if person == -1:  # my login, in my colleague's name
        person, engine = floor.other, floor.my_engine
    else:
        engine = floor.my_engine if person == floor.me else floor.other_engine
    with pytest.raises(UserError) as refused:
        record_outcome(engine, person, data)
    assert refused.value.template == DATABASE_MESSAGES[key]
    with floor.db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.calls")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM dialdesk.answers")).scalar_one() == 0


def test_the_required_question_is_named(floor: Floor) -> None:
    person, data = _required_unanswered(floor)
    with pytest.raises(UserError, match="Сколько менеджеров"):
        record_outcome(floor.my_engine, person, data)


def test_required_answers_bind_only_contacts_and_live_questions(floor: Floor) -> None:
    _, _, entry = _claimed(floor)
    _question(floor, "Снятый вопрос", required=True, retired=True)
    asked = _question(floor, "Бюджет", required=True)
    saved = record_outcome(floor.my_engine, floor.me, _outcome(entry, "no_contact"))
    assert saved.entry_state == "retry"
    _, _, second = _claimed(floor, "ООО Вторая")
    answered = _outcome(second, "cold", spoke_with="Петров", answers={asked: "100 000"})
    assert record_outcome(floor.my_engine, floor.me, answered).entry_state == "done"
