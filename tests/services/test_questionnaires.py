"""A campaign's questionnaire edited while the campaign runs: answers are never lost."""

from dataclasses import replace

import pytest
from sqlalchemy import Engine, text

from dialdesk.errors import UserError
from dialdesk.services.campaigns.questionnaires import (
    QuestionDraft,
    load_questionnaire,
    save_questionnaire,
)
from tests.conftest import Logins
from tests.services.conftest import make_campaign

FLEET = QuestionDraft("Есть ли свой автопарк?", "yes_no", required=True)
SUPPLIER = QuestionDraft("Кто поставщик масел?", "choice", ("Лукойл", "Роснефть", "Другой"))
TRUCKS = QuestionDraft("Сколько грузовиков?", "number")
NOTE = QuestionDraft("Что ещё важно?", "text")


def _answer(db: Engine, question: int, value: str) -> None:
    with db.begin() as conn:
        operator = conn.execute(text("SELECT min(id) FROM dialdesk.people")).scalar_one()
        call = conn.execute(
            text(
                "INSERT INTO dialdesk.calls (client_id, company_id, campaign_id, operator_id, "
                "started_at, ended_at, outcome_id) SELECT gen_random_uuid(), "
                "(SELECT id FROM dialdesk.companies LIMIT 1), q.campaign_id, :op, now(), now(), "
                "(SELECT id FROM dialdesk.outcome_definitions WHERE code = 'warm') "
                "FROM dialdesk.questions q WHERE q.id = :q RETURNING id"
            ),
            {"op": operator, "q": question},
        ).scalar_one()
        conn.execute(
            text("INSERT INTO dialdesk.answers (call_id, question_id, value) VALUES (:c, :q, :v)"),
            {"c": call, "q": question, "v": value},
        )


@pytest.fixture
def campaign(db: Engine) -> int:
    with db.begin() as conn:
        conn.execute(text("INSERT INTO dialdesk.companies (name, name_key) VALUES ('А', 'а')"))
    return make_campaign(db)


def test_a_marketer_writes_reorders_and_removes_questions(
    db: Engine, logins: Logins, campaign: int
) -> None:
    marketer = logins.as_role("marketer")
    saved = save_questionnaire(marketer, campaign, [FLEET, SUPPLIER, TRUCKS, NOTE])
    assert [(q.text, q.kind, q.choices, q.required) for q in saved] == [
        ("Есть ли свой автопарк?", "yes_no", (), True),
        ("Кто поставщик масел?", "choice", ("Лукойл", "Роснефть", "Другой"), False),
        ("Сколько грузовиков?", "number", (), False),
        ("Что ещё важно?", "text", (), False),
    ]
    fleet, supplier, trucks, note = saved
    # the last first, one reworded, one gone (never answered: deleted for good)
    again = [note, fleet, replace(supplier, text="  Кто   сейчас поставщик? ")]
    saved = save_questionnaire(marketer, campaign, again)
    assert [q.text for q in saved] == ["Что ещё важно?", "Есть ли свой автопарк?",
                                       "Кто сейчас поставщик?"]  # fmt: skip
    assert [q.id for q in saved] == [note.id, fleet.id, supplier.id]  # same questions
    with db.connect() as conn:
        left = conn.execute(
            text("SELECT count(*) FROM dialdesk.questions WHERE id = :q"), {"q": trucks.id}
        ).scalar()
    assert left == 0
    assert load_questionnaire(marketer, campaign) == saved
    with db.connect() as conn:  # no choices is no value at all, not a JSON null
        kinds = dict(
            conn.execute(text("SELECT kind, jsonb_typeof(choices) FROM dialdesk.questions")).all()
        )
    assert kinds == {"text": None, "yes_no": None, "choice": "array"}


def test_an_answered_question_is_retired_not_deleted(
    db: Engine, logins: Logins, campaign: int
) -> None:
    marketer = logins.as_role("marketer")
    fleet, supplier = save_questionnaire(marketer, campaign, [FLEET, SUPPLIER])
    _answer(db, fleet.id or 0, "yes")
    _answer(db, supplier.id or 0, "Лукойл")
    assert [q.answered for q in load_questionnaire(marketer, campaign)] == [1, 1]
    assert save_questionnaire(marketer, campaign, [supplier]) == [replace(supplier, answered=1)]
    with db.connect() as conn:
        retired, answers = conn.execute(
            text(
                "SELECT q.retired, count(a.id) FROM dialdesk.questions q "
                "JOIN dialdesk.answers a ON a.question_id = q.id WHERE q.id = :q GROUP BY q.id"
            ),
            {"q": fleet.id},
        ).one()
    assert retired and answers == 1  # kept for the reports, gone from the card


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"kind": "text"},
            r"Question 2 has been answered already \(1 times\); its kind cannot change",
        ),
        ({"choices": ("Роснефть", "Другой")}, "Question 2: calls have answered “Лукойл”"),
    ],
)
def test_answers_decide_what_may_change(
    db: Engine, logins: Logins, campaign: int, change: dict, message: str
) -> None:
    marketer = logins.as_role("marketer")
    fleet, supplier = save_questionnaire(marketer, campaign, [FLEET, SUPPLIER])
    _answer(db, supplier.id or 0, "Лукойл")
    with pytest.raises(UserError, match=message):
        save_questionnaire(marketer, campaign, [fleet, replace(supplier, **change)])
    assert load_questionnaire(marketer, campaign) == [fleet, replace(supplier, answered=1)]
    # a new choice may be added and the others reordered
    wider = replace(supplier, choices=("Другой", "Лукойл", "Роснефть", "Газпромнефть"))
    assert save_questionnaire(marketer, campaign, [fleet, wider])[1].choices == wider.choices


@pytest.mark.parametrize(
    ("questions", "message"),
    [
        ([FLEET, replace(TRUCKS, text="   ")], "Question 2 has no text"),
        ([FLEET, replace(FLEET, kind="text")], "Question 2 repeats an earlier question"),
        ([replace(SUPPLIER, choices=("Лукойл", " ", "Лукойл"))], "Question 1 offers a choice"),
        ([replace(NOTE, kind="date")], "Question 1 has an unknown kind 'date'"),
    ],
)
def test_a_bad_questionnaire_is_refused_by_question_number(
    logins: Logins, campaign: int, questions: list[QuestionDraft], message: str
) -> None:
    marketer = logins.as_role("marketer")
    save_questionnaire(marketer, campaign, [NOTE])
    with pytest.raises(UserError, match=message):
        save_questionnaire(marketer, campaign, questions)
    assert [q.text for q in load_questionnaire(marketer, campaign)] == [NOTE.text]


def test_operators_and_supervisors_may_not_edit_a_questionnaire(
    logins: Logins, campaign: int
) -> None:
    for role in ("operator", "supervisor"):
        with pytest.raises(UserError, match="refused"):
            save_questionnaire(logins.as_role(role), campaign, [FLEET])
