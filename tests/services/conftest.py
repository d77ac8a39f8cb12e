"""A small base built by hand, where the right answer is known."""

from dataclasses import dataclass
from datetime import time

import pytest
from sqlalchemy import Engine, text

from tests.conftest import Logins


@dataclass
class Floor:
    db: Engine
    campaign: int
    me: int
    my_engine: Engine
    other: int
    other_engine: Engine

    def company(
        self,
        name: str,
        phone: str = "+74952223344",
        tz: str = "Europe/Moscow",
        priority: int = 0,
        state: str = "fresh",
        campaign: int | None = None,
        holder: int | None = None,
    ) -> tuple[int, int, int]:
        """Add a company with one phone and a queue entry; return (company, phone, entry).
        With ``holder``, the entry is that person's claim, as the queue would leave it."""
        with self.db.begin() as conn:
            company = conn.execute(
                text(
                    "INSERT INTO dialdesk.companies (name, name_key) VALUES (:n, :key) RETURNING id"
                ),
                {"n": name, "key": name.lower()},
            ).scalar_one()
            phone_id = conn.execute(
                text(
                    "INSERT INTO dialdesk.phones (company_id, e164, time_zone) "
                    "VALUES (:c, :p, :tz) RETURNING id"
                ),
                {"c": company, "p": phone, "tz": tz},
            ).scalar_one()
            entry = conn.execute(
                text(
                    "INSERT INTO dialdesk.campaign_entries (campaign_id, company_id, priority, "
                    "state, claimed_by, lease_expires_at, last_claimed_by, last_claimed_at) "
                    "VALUES (:camp, :c, :prio, :state, CAST(:holder AS integer), "
                    "CASE WHEN :holder IS NOT NULL THEN now() + interval '10 minutes' END, "
                    "CAST(:holder AS integer), CASE WHEN :holder IS NOT NULL THEN now() END) "
                    "RETURNING id"
                ),
                {
                    "camp": campaign or self.campaign,
                    "c": company,
                    "prio": priority,
                    "state": "claimed" if holder is not None else state,
                    "holder": holder,
                },
            ).scalar_one()
        return company, phone_id, entry

    def callback(self, entry: int, due: object, assigned_to: int | None, created_by: int) -> int:
        with self.db.begin() as conn:
            conn.execute(
                text("UPDATE dialdesk.campaign_entries SET state = 'callback' WHERE id = :e"),
                {"e": entry},
            )
            return int(
                conn.execute(
                    text(
                        "INSERT INTO dialdesk.callbacks (company_id, entry_id, due_at, "
                        "assigned_to, created_by) SELECT company_id, id, :due, :a, :by "
                        "FROM dialdesk.campaign_entries WHERE id = :e RETURNING id"
                    ),
                    {"e": entry, "due": due, "a": assigned_to, "by": created_by},
                ).scalar_one()
            )

    def entry(self, entry: int) -> dict:
        with self.db.connect() as conn:
            return dict(
                conn.execute(
                    text("SELECT * FROM dialdesk.campaign_entries WHERE id = :e"), {"e": entry}
                )
                .mappings()
                .one()
            )


def make_campaign(
    db: Engine,
    name: str = "Проверка",
    start: time = time(9),
    end: time = time(18),
    working_days_only: bool = True,
) -> int:
    with db.begin() as conn:
        return int(
            conn.execute(
                text(
                    "INSERT INTO dialdesk.campaigns (name, calling_hours_start, "
                    "calling_hours_end, working_days_only, retry_delay_minutes, max_attempts) "
                    "VALUES (:n, :s, :e, :w, 60, 3) RETURNING id"
                ),
                {"n": name, "s": start, "e": end, "w": working_days_only},
            ).scalar_one()
        )


@pytest.fixture
def floor(db: Engine, logins: Logins) -> Floor:
    campaign = make_campaign(db)
    me_login, me_pw = logins.add("operator")
    other_login, other_pw = logins.add("operator")
    with db.connect() as conn:
        ids = dict(
            conn.execute(
                text("SELECT login, id FROM dialdesk.people WHERE login IN (:a, :b)"),
                {"a": me_login, "b": other_login},
            ).all()
        )
    return Floor(
        db,
        campaign,
        ids[me_login],
        logins.engine(me_login, me_pw),
        ids[other_login],
        logins.engine(other_login, other_pw),
    )


@pytest.fixture
def shift_floor(db: Engine, logins: Logins) -> Floor:
    """One operator and a campaign that may be called at any hour, any day."""
    campaign = make_campaign(db, "Круглосуточно", time(0), time(23, 59, 59), False)
    login, password = logins.add("operator")
    me = logins.person_id(login)
    engine = logins.engine(login, password)
    return Floor(db, campaign, me, engine, me, engine)


@pytest.fixture
def marketer(logins: Logins) -> Engine:
    """A marketer's own login: imports run as the person who loads the list."""
    return logins.as_role("marketer")
