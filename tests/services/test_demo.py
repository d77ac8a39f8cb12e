"""Demo data is realistic enough to show the product, and its logins really work."""

import re

import phonenumbers
import pytest
from sqlalchemy import Engine, text

from dialdesk.db import migrate
from dialdesk.db.dsn import with_credentials
from dialdesk.db.engine import make_engine
from dialdesk.demo.base import load_demo
from dialdesk.errors import UserError
from dialdesk.importing.inn import is_valid_inn
from dialdesk.services.people import accounts as people
from tests.conftest import create_database, drop_database


def _scalars(db: Engine, query: str) -> list:
    with db.connect() as conn:
        return list(conn.execute(text(query)).scalars())


def test_demo_base_content(db: Engine, demo_prefix: str) -> None:
    result = load_demo(db, 1500, login_prefix=demo_prefix)
    assert result.companies == 1500
    assert result.phones >= 1500 and result.contact_persons >= 1500 and result.calls > 100
    industries = _scalars(db, "SELECT DISTINCT industry FROM dialdesk.companies")
    assert len(industries) == 9 and "Нефть и газ" in industries and "Фармацевтика" in industries
    zones = _scalars(db, "SELECT DISTINCT time_zone FROM dialdesk.phones")
    assert {"Europe/Moscow", "Asia/Novosibirsk", "Asia/Vladivostok", "Europe/Kaliningrad"} <= set(
        zones
    )
    phones = _scalars(db, "SELECT e164 FROM dialdesk.phones LIMIT 300")
    assert all(phonenumbers.is_valid_number(phonenumbers.parse(p)) for p in phones)
    assert all(is_valid_inn(i) for i in _scalars(db, "SELECT inn FROM dialdesk.companies"))
    roles = _scalars(db, "SELECT DISTINCT role FROM dialdesk.contact_persons")
    assert {"decision_maker", "secretary", "influencer"} <= set(roles)
    names = _scalars(db, "SELECT name FROM dialdesk.companies")
    assert not any(re.search(r"\d", name) for name in names)  # no "Машзавод-295"
    for wrong in ("Северный Телесистемы", "Сибирский Автоколонна", "Уральский Кондитерская"):
        assert not any(wrong in name for name in names)
    people = _scalars(db, "SELECT full_name FROM dialdesk.people")
    assert "Анна Смирнова" in people and not any(" " in p and p.split()[0] in (
        "Оператор", "Супервайзер", "Маркетолог", "Администратор") for p in people)  # fmt: skip
    experts = _scalars(db, "SELECT full_name FROM dialdesk.people WHERE is_expert")
    assert len(experts) == 2
    segments = _scalars(db, "SELECT name FROM dialdesk.segments")
    assert len(segments) >= 3
    script = _scalars(db, "SELECT script FROM dialdesk.campaigns WHERE NOT is_abandoned_clients")[0]
    assert script.startswith("Добрый день!") and "{company}" in script and "?" in script


def test_demo_campaigns_and_history(db: Engine, demo_prefix: str) -> None:
    load_demo(db, 1500, login_prefix=demo_prefix)
    with db.connect() as conn:
        campaigns = conn.execute(
            text(
                "SELECT c.is_abandoned_clients, count(e.id) FROM dialdesk.campaigns c "
                "JOIN dialdesk.campaign_entries e ON e.campaign_id = c.id GROUP BY 1"
            )
        ).all()
        reason = conn.execute(
            text(
                "SELECT q.text FROM dialdesk.questions q JOIN dialdesk.campaigns c "
                "ON c.id = q.campaign_id WHERE c.is_abandoned_clients AND q.kind = 'choice'"
            )
        ).scalar_one()
        groups = (
            conn.execute(
                text(
                    "SELECT DISTINCT o.code FROM dialdesk.companies c "
                    "JOIN dialdesk.outcome_definitions o ON o.id = c.current_outcome_id"
                )
            )
            .scalars()
            .all()
        )
        pending = conn.execute(
            text("SELECT count(*) FROM dialdesk.callbacks WHERE state = 'pending'")
        ).scalar_one()
    assert dict(campaigns).keys() == {True, False}
    assert "перестали покупать" in reason
    assert set(groups) == {"hot", "warm", "competitor", "cold", "no_contact", "nonexistent"}
    assert pending > 0


def test_demo_logins_work_with_their_roles(db: Engine, db_dsn: str, demo_prefix: str) -> None:
    result = load_demo(db, 50, login_prefix=demo_prefix)
    for login in result.logins:
        engine = make_engine(with_credentials(db_dsn, login.login, login.password), pool_size=1)
        assert people.whoami(engine).role == login.role
        engine.dispose()


def test_demo_logins_taken_by_another_database_are_named(
    db: Engine, pg_server: str, demo_prefix: str
) -> None:
    load_demo(db, 20, login_prefix=demo_prefix)
    other_dsn = create_database(pg_server, "dialdesk_other")
    other = make_engine(other_dsn, pool_size=1)
    try:
        migrate.upgrade(other)
        with pytest.raises(UserError, match="Demo logins already exist") as caught:
            load_demo(other, 20, login_prefix=demo_prefix)
        assert f"{demo_prefix}admin" in str(caught.value)
        with other.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM dialdesk.companies")).scalar() == 0
    finally:
        other.dispose()
        drop_database(pg_server, other_dsn)


def test_demo_refuses_a_base_with_companies(db: Engine, demo_prefix: str) -> None:
    load_demo(db, 20, login_prefix=demo_prefix)
    with pytest.raises(UserError, match="already holds 20 companies"):
        load_demo(db, 20, login_prefix="x" + demo_prefix)


def test_demo_experts_follow_hand_offs_to_deals(db: Engine, demo_prefix: str) -> None:
    load_demo(db, 1500, login_prefix=demo_prefix)
    experts = _scalars(db, "SELECT role FROM dialdesk.people WHERE is_expert")
    assert experts == ["expert", "expert"]  # real experts, not a supervisor standing in
    states = set(_scalars(db, "SELECT DISTINCT state FROM dialdesk.handoffs"))
    assert {"new", "accepted", "returned"} <= states
    stages = set(_scalars(db, "SELECT DISTINCT stage FROM dialdesk.deals"))
    assert {"open", "offer", "won", "lost"} <= stages
    with db.connect() as conn:
        broken = conn.execute(
            text(  # every accepted hand-off's company belongs to its expert, with a deal
                "SELECT count(*) FROM dialdesk.handoffs h JOIN dialdesk.companies c "
                "ON c.id = h.company_id WHERE h.state = 'accepted' AND (c.expert_id <> "
                "h.expert_id OR NOT EXISTS (SELECT 1 FROM dialdesk.deals d "
                "WHERE d.handoff_id = h.id))"
            )
        ).scalar_one()
        twice = conn.execute(
            text(
                "SELECT count(*) FROM (SELECT company_id FROM dialdesk.deals WHERE stage = "
                "'won' GROUP BY 1 HAVING count(*) > 1) t"
            )
        ).scalar_one()
        sleeping = conn.execute(
            text(
                "SELECT count(*) FROM dialdesk.companies WHERE last_purchase_on < "
                "current_date - 180 AND expert_id IS NOT NULL"
            )
        ).scalar_one()
        future = conn.execute(
            text("SELECT count(*) FROM dialdesk.expert_steps WHERE made_at > now()")
        ).scalar_one()
    assert broken == 0 and twice > 0 and sleeping > 0 and future == 0
