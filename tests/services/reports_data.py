"""A small base whose every report figure is known by hand (see the comments), around the
Unity Day holiday of Wednesday 4 November 2026.

Companies (industry, staff size) and their calls, Moscow time:
  C1 Нефть, до 15:  30 Oct no_contact (A, spoke with the secretary); 2 Nov warm (A,
                    answered "yes"); 5 Nov hot (B, answered "no"); handed to an expert
  C2 Нефть, 16-100: 3 Nov cold (B, "yes"); 4 Nov cold (A, the holiday)
  C3 Банки, до 15:  a warm call imported without a date; 30 Oct cold (B);
                    2 Nov competitor (A, "yes")
  C4 (no industry): 5 Nov nonexistent (B, spoke with the number's new owner)
  C5 (no industry), 16-100: never called
Operator A on 2 Nov: waiting 09:00, on a card 09:10, lunch 09:40, offline 10:40; plan for
2 Nov 50 calls and 10 contacts.
Callbacks: A due 2 Nov 12:00 done 12:20 (on time); A due 3 Nov 12:00 done 14:00 (late);
B due 5 Nov 12:00 still pending (missed); anyone's due 5 Nov 12:00 cancelled; B due
a month from now, 12:00, pending (still to come, whatever the day the tests run).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, Engine, text

from tests.conftest import Logins
from tests.services.conftest import make_campaign

MSK = ZoneInfo("Europe/Moscow")


def msk(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=MSK)


@dataclass
class ReportBase:
    campaign: int
    a: int
    b: int
    companies: dict[str, int]
    question: int
    future_due: datetime  # the callback still to come


def _person(conn: Connection, login: str, name: str) -> int:
    return int(
        conn.execute(
            text("UPDATE dialdesk.people SET full_name = :n WHERE login = :l RETURNING id"),
            {"n": name, "l": login},
        ).scalar_one()
    )


def build_report_base(db: Engine, logins: Logins) -> ReportBase:
    campaign = make_campaign(db, "Смазки")
    a_login, _ = logins.add("operator")
    b_login, _ = logins.add("operator")
    with db.begin() as conn:
        a = _person(conn, a_login, "Анна")
        b = _person(conn, b_login, "Борис")
        companies: dict[str, int] = {}
        for name, industry, staff in (
            ("C1", "Нефть", "до 15"),
            ("C2", "Нефть", "16-100"),
            ("C3", "Банки", "до 15"),
            ("C4", None, None),
            ("C5", None, "16-100"),
        ):
            companies[name] = conn.execute(
                text(
                    "INSERT INTO dialdesk.companies (name, name_key, industry, staff_band) "
                    "VALUES (:n, :n, :i, :s) RETURNING id"
                ),
                {"n": name, "i": industry, "s": staff},
            ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO dialdesk.campaign_entries (campaign_id, company_id) "
                    "VALUES (:k, :c)"
                ),
                {"k": campaign, "c": companies[name]},
            )
        question = conn.execute(
            text(
                "INSERT INTO dialdesk.questions (campaign_id, position, kind, text) "
                "VALUES (:k, 1, 'yes_no', 'Есть автопарк?') RETURNING id"
            ),
            {"k": campaign},
        ).scalar_one()

        def call(
            company: str,
            who: int,
            code: str,
            at: datetime | None,
            spoke: str | None = None,
            answer: str | None = None,
        ) -> None:
            call_id = conn.execute(
                text(
                    "INSERT INTO dialdesk.calls (client_id, company_id, campaign_id, operator_id, "
                    "started_at, ended_at, outcome_id, spoke_with) SELECT gen_random_uuid(), :c, "
                    ":k, :op, :at, :at, id, :spoke FROM dialdesk.outcome_definitions "
                    "WHERE code = :code RETURNING id"
                ),
                {
                    "c": companies[company],
                    "k": campaign,
                    "op": who,
                    "at": at,
                    "code": code,
                    "spoke": spoke,
                },
            ).scalar_one()
            if answer:
                conn.execute(
                    text(
                        "INSERT INTO dialdesk.answers (call_id, question_id, value) "
                        "VALUES (:c, :q, :v)"
                    ),
                    {"c": call_id, "q": question, "v": answer},
                )

        call("C1", a, "no_contact", msk(10, 30, 10), spoke="секретарь")
        call("C1", a, "warm", msk(11, 2, 11), answer="yes")
        call("C1", b, "hot", msk(11, 5, 12), answer="no")
        call("C2", b, "cold", msk(11, 3, 10), answer="yes")
        call("C2", a, "cold", msk(11, 4, 10))
        call("C3", a, "warm", None)
        call("C3", b, "cold", msk(10, 30, 14))
        call("C3", a, "competitor", msk(11, 2, 15), answer="yes")
        call("C4", b, "nonexistent", msk(11, 5, 16), spoke="новый владелец номера")
        # each company's group is the outcome of its latest call, as saving an outcome sets it
        conn.execute(
            text(
                "UPDATE dialdesk.companies c SET current_outcome_id = (SELECT k.outcome_id "
                "FROM dialdesk.calls k WHERE k.company_id = c.id "
                "ORDER BY k.started_at DESC NULLS LAST LIMIT 1)"
            )
        )
        conn.execute(
            text(
                "INSERT INTO dialdesk.handoffs (company_id, expert_id, created_by, created_at) "
                "VALUES (:c, :b, :a, :at)"
            ),
            {"c": companies["C1"], "a": a, "b": b, "at": msk(11, 5, 12, 5)},
        )
        lunch = conn.execute(
            text("SELECT id FROM dialdesk.pause_codes WHERE code = 'lunch'")
        ).scalar_one()
        for state, at, pause in (
            ("waiting", msk(11, 2, 9), None),
            ("on_card", msk(11, 2, 9, 10), None),
            ("paused", msk(11, 2, 9, 40), lunch),
            ("offline", msk(11, 2, 10, 40), None),
        ):
            conn.execute(
                text(
                    "INSERT INTO dialdesk.operator_states (person_id, state, pause_code_id, "
                    "started_at) VALUES (:p, :s, :pc, :at)"
                ),
                {"p": a, "s": state, "pc": pause, "at": at},
            )
        conn.execute(
            text(
                "INSERT INTO dialdesk.operator_plans (person_id, day, calls_target, "
                "contacts_target) VALUES (:p, '2026-11-02', 50, 10)"
            ),
            {"p": a},
        )
        entry = conn.execute(
            text("SELECT id FROM dialdesk.campaign_entries WHERE company_id = :c"),
            {"c": companies["C1"]},
        ).scalar_one()
        future = (datetime.now(MSK) + timedelta(days=30)).replace(
            hour=12, minute=0, second=0, microsecond=0
        )
        for who, due, state, done in (
            (a, msk(11, 2, 12), "done", msk(11, 2, 12, 20)),
            (a, msk(11, 3, 12), "done", msk(11, 3, 14)),
            (b, msk(11, 5, 12), "pending", None),
            (None, msk(11, 5, 12), "cancelled", None),
            (b, future, "pending", None),
        ):
            conn.execute(
                text(
                    "INSERT INTO dialdesk.callbacks (company_id, entry_id, due_at, assigned_to, "
                    "created_by, state, done_at) VALUES (:c, :e, :due, :who, :a, :state, :done)"
                ),
                {
                    "c": companies["C1"],
                    "e": entry,
                    "due": due,
                    "who": who,
                    "a": a,
                    "state": state,
                    "done": done,
                },
            )
    return ReportBase(campaign, a, b, companies, question, future)
