"""A floor with an operator who hands companies on and two experts who take them, all with
real logins: hand-offs made the way an operator makes them (claim, save hot or warm)."""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

import pytest
from sqlalchemy import Engine, text

from dialdesk.services.shift.outcomes import NextContact, OutcomeInput, record_outcome
from dialdesk.services.shift.queue import claim_next_entry
from tests.conftest import Logins
from tests.services.conftest import Floor, make_campaign


@dataclass
class ExpertFloor:
    floor: Floor  # the operator's
    expert: int
    expert_engine: Engine
    other_expert: int
    other_engine: Engine
    expert_login: tuple[str, str] = ("", "")  # login and password of the first expert

    @property
    def db(self) -> Engine:
        return self.floor.db

    def handed(
        self,
        name: str,
        code: str = "hot",
        expert: int | None = None,
        comment: str = "",
        campaign: int | None = None,
    ) -> tuple[int, int]:
        """A company the operator phoned and handed to ``expert`` (mine by default), in
        ``campaign`` (the floor's by default): (company, hand-off)."""
        floor = self.floor
        company, phone, entry = floor.company(name, campaign=campaign)
        claim = claim_next_entry(floor.my_engine, floor.me)
        assert claim is not None and claim.entry_id == entry
        started = datetime.now(UTC)
        due = started + timedelta(days=2)
        record_outcome(
            floor.my_engine,
            floor.me,
            OutcomeInput(
                client_id=uuid.uuid4(),
                entry_id=entry,
                outcome_code=code,
                started_at=started,
                ended_at=started + timedelta(seconds=1),
                phone_id=phone,
                spoke_with="Петров П.П., директор",
                comment=comment or f"{name}: ждут предложение",
                next_contact=NextContact(due, "meeting", for_me=False),
                expert_id=self.expert if expert is None else expert,
            ),
        )
        with self.db.connect() as conn:
            handoff = conn.execute(
                text("SELECT max(id) FROM dialdesk.handoffs WHERE company_id = :c"),
                {"c": company},
            ).scalar_one()
        return company, int(handoff)

    def scalar(self, query: str, **params: object) -> object:
        with self.db.connect() as conn:
            return conn.execute(text(query), params).scalar()


@pytest.fixture
def experts(db: Engine, logins: Logins) -> ExpertFloor:
    campaign = make_campaign(db, "Круглосуточно", time(0), time(23, 59, 59), False)
    operator_login, operator_pw = logins.add("operator")
    operator = logins.person_id(operator_login)
    operator_engine = logins.engine(operator_login, operator_pw)
    one_login, one_pw = logins.add("expert")
    two_login, two_pw = logins.add("expert")
    with db.begin() as conn:
        for login, name in ((one_login, "Игорь Экспертов"), (two_login, "Светлана Орлова")):
            conn.execute(
                text("UPDATE dialdesk.people SET full_name = :n WHERE login = :l"),
                {"n": name, "l": login},
            )
    return ExpertFloor(
        Floor(db, campaign, operator, operator_engine, operator, operator_engine),
        logins.person_id(one_login),
        logins.engine(one_login, one_pw),
        logins.person_id(two_login),
        logins.engine(two_login, two_pw),
        (one_login, one_pw),
    )
