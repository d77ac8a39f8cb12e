"""A campaign's questionnaire: the questions operators ask on a contact (yes/no, choice,
number, text), edited by marketers and admins while the campaign runs.

A question that already has answers keeps them for the reports: taken out of the
questionnaire it is retired, not deleted; its kind cannot change and a choice someone
answered cannot be removed.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, delete, null, text, update

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.models.campaigns import Question
from dialdesk.services.rows import insert_row, table_of, update_row
from dialdesk.vocabulary import QUESTION_KINDS

QUESTIONS = table_of(Question)

MAX_QUESTIONS = 50


@dataclass(frozen=True)
class QuestionDraft:
    """One question as the editor holds it; ``id`` None until it is saved."""

    text: str
    kind: str = "yes_no"
    choices: tuple[str, ...] = ()
    required: bool = False
    id: int | None = None
    answered: int = 0  # calls that answered it (read from the database, never written)


def load_questionnaire(engine: Engine, campaign_id: int) -> list[QuestionDraft]:
    """The questions operators see, in order, with how often each was answered."""
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT q.text, q.kind, q.choices, q.required, q.id, "
                "(SELECT count(*) FROM dialdesk.answers a WHERE a.question_id = q.id) "
                "FROM dialdesk.questions q WHERE q.campaign_id = :k AND NOT q.retired "
                "ORDER BY q.position"
            ),
            {"k": campaign_id},
        ).all()
    return [
        QuestionDraft(t, kind, tuple(choices or ()), required, qid, answered)
        for t, kind, choices, required, qid, answered in rows
    ]


def cleaned(drafts: Sequence[QuestionDraft]) -> list[QuestionDraft]:
    """The drafts trimmed and checked; a plain refusal names the question by its number."""
    if len(drafts) > MAX_QUESTIONS:
        raise UserError("A questionnaire holds at most {n} questions.", n=MAX_QUESTIONS)
    result: list[QuestionDraft] = []
    seen: set[str] = set()
    for number, draft in enumerate(drafts, start=1):
        wording = " ".join(draft.text.split())
        if not wording:
            raise UserError("Question {n} has no text.", n=number)
        if wording.casefold() in seen:
            raise UserError("Question {n} repeats an earlier question.", n=number)
        seen.add(wording.casefold())
        if draft.kind not in QUESTION_KINDS:
            raise UserError("Question {n} has an unknown kind '{kind}'.", n=number, kind=draft.kind)
        choices: tuple[str, ...] = ()
        if draft.kind == "choice":
            choices = tuple(dict.fromkeys(c.strip() for c in draft.choices if c.strip()))
            if len(choices) < 2:
                raise UserError("Question {n} offers a choice: give it at least two answers.",
                                n=number)  # fmt: skip
        result.append(QuestionDraft(wording, draft.kind, choices, draft.required, draft.id))
    return result


def save_questionnaire(
    engine: Engine, campaign_id: int, drafts: Sequence[QuestionDraft]
) -> list[QuestionDraft]:
    """Make the campaign's questionnaire exactly ``drafts``, in one transaction; returns it
    as saved.  Answered questions that were left out are retired."""
    questions = cleaned(drafts)
    with plain_database_errors(), engine.begin() as conn:
        stored = {
            row.id: row
            for row in conn.execute(
                text(
                    "SELECT q.id, q.kind, q.retired, (SELECT count(*) FROM dialdesk.answers a "
                    "WHERE a.question_id = q.id) AS answered FROM dialdesk.questions q "
                    "WHERE q.campaign_id = :k FOR UPDATE"
                ),
                {"k": campaign_id},
            )
        }
        for number, question in enumerate(questions, start=1):
            old = stored.get(question.id) if question.id is not None else None
            if question.id is not None and (old is None or old.retired):
                raise UserError(
                    "Question {n} was removed by someone else meanwhile; reload the campaign.",
                    n=number,
                )
            if old is not None and old.answered and old.kind != question.kind:
                raise UserError(
                    "Question {n} has been answered already ({count} times); its kind cannot "
                    "change. Add a new question instead.",
                    n=number,
                    count=old.answered,
                )
            if question.kind == "choice" and question.id is not None:
                _keep_answered_choices(conn, number, question)
        kept = {q.id for q in questions}
        # out of the way of the (campaign, position) uniqueness while positions change
        conn.execute(
            update(QUESTIONS)
            .where(QUESTIONS.c.campaign_id == campaign_id)
            .values(position=-QUESTIONS.c.id)
        )
        for qid, row in stored.items():
            if qid in kept or row.retired:
                continue
            if row.answered:  # kept for the reports, no longer asked
                update_row(conn, QUESTIONS, {"retired": True}, qid)
            else:
                conn.execute(delete(QUESTIONS).where(QUESTIONS.c.id == qid))
        for position, question in enumerate(questions, start=1):
            values = {
                "position": position,
                "kind": question.kind,
                "text": question.text,
                "choices": list(question.choices) if question.choices else null(),
                "required": question.required,
            }
            if question.id is None:
                insert_row(conn, QUESTIONS, {**values, "campaign_id": campaign_id})
            else:
                update_row(conn, QUESTIONS, values, question.id)
    return load_questionnaire(engine, campaign_id)


def _keep_answered_choices(conn: Connection, number: int, question: QuestionDraft) -> None:
    """Refuse to drop a choice that calls have answered: the reports count them."""
    answered = conn.execute(
        text("SELECT DISTINCT value FROM dialdesk.answers WHERE question_id = :id"),
        {"id": question.id},
    ).scalars()
    missing = sorted(v for v in answered if v and v not in question.choices)
    if missing:
        raise UserError(
            "Question {n}: calls have answered {values}; keep those answers among the choices.",
            n=number,
            values=", ".join(f"\u201c{v}\u201d" for v in missing),
        )


@dataclass(frozen=True)
class AnswerableQuestion:
    """A yes/no or choice question of any campaign, to pick in reports and segments."""

    id: int
    campaign: str
    text: str
    kind: str
    choices: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.campaign}: {self.text}"


def answerable_questions(conn: Connection) -> list[AnswerableQuestion]:
    """Every yes/no and choice question, those still asked first, by campaign and order."""
    rows = conn.execute(
        text(
            "SELECT q.id, c.name, q.text, q.kind, q.choices FROM dialdesk.questions q "
            "JOIN dialdesk.campaigns c ON c.id = q.campaign_id "
            "WHERE q.kind IN ('yes_no', 'choice') ORDER BY q.retired, c.name, q.position"
        )
    )
    return [
        AnswerableQuestion(qid, campaign, wording, kind, tuple(choices or ()))
        for qid, campaign, wording, kind, choices in rows
    ]
