"""The supervisor's floor: operator and campaign rows computed from a base built by hand."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from dialdesk.services.floor.monitor import campaign_zones, load_floor
from dialdesk.services.shift.operator_state import log_state, pause_reasons
from dialdesk.services.shift.queue import claim_next_entry
from tests.conftest import Logins
from tests.services.conftest import Floor


def _call(floor: Floor, operator: int, company: int, code: str) -> None:
    with floor.db.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.calls (client_id, company_id, campaign_id, operator_id, "
                "started_at, ended_at, outcome_id) SELECT gen_random_uuid(), :c, :k, :op, now(), "
                "now(), id FROM dialdesk.outcome_definitions WHERE code = :code"
            ),
            {"c": company, "k": floor.campaign, "op": operator, "code": code},
        )


def test_operator_rows_show_state_work_and_plan(floor: Floor) -> None:
    with floor.db.begin() as conn:  # calls at any hour, so the claim works whenever this runs
        conn.execute(
            text(
                "UPDATE dialdesk.campaigns SET calling_hours_start = '00:00', "
                "calling_hours_end = '23:59:59', working_days_only = false"
            )
        )
    company, _, _ = floor.company("ООО Ромашка")
    _, _, later = floor.company("ООО Лютик")
    claim = claim_next_entry(floor.my_engine, floor.me)
    assert claim is not None and claim.company_id == company
    log_state(floor.my_engine, floor.me, "on_card", entry_id=claim.entry_id)
    lunch = next(r for r in pause_reasons(floor.db) if r.code == "lunch")
    log_state(floor.other_engine, floor.other, "paused", pause_code_id=lunch.id)
    _call(floor, floor.me, company, "hot")
    _call(floor, floor.me, company, "no_contact")
    _call(floor, floor.other, company, "cold")
    floor.callback(later, datetime.now(UTC) - timedelta(hours=1), floor.me, floor.me)
    with floor.db.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.operator_plans (person_id, day, calls_target, "
                "contacts_target) VALUES (:p, (now() AT TIME ZONE 'Europe/Moscow')::date, 80, 20)"
            ),
            {"p": floor.me},
        )
    now = datetime.now(UTC)
    rows = {r.person_id: r for r in load_floor(floor.db, now).operators}
    me, other = rows[floor.me], rows[floor.other]
    assert (me.state, me.company, me.calls, me.contacts) == ("on_card", "ООО Ромашка", 2, 1)
    assert me.outcomes == {"hot": 1, "no_contact": 1}
    assert (me.overdue_callbacks, me.calls_target, me.contacts_target) == (1, 80, 20)
    assert (other.state, other.pause_en, other.calls, other.contacts) == ("paused", "Lunch", 1, 1)
    assert me.alert(now) is None
    assert me.alert(now + timedelta(minutes=11)) == "on_card"  # the campaign's 10 minutes
    assert other.alert(now + timedelta(minutes=14)) is None
    assert other.alert(now + timedelta(minutes=16)) == "paused"  # 15 minutes by default
    with floor.db.begin() as conn:  # a campaign may be stricter
        conn.execute(
            text("UPDATE dialdesk.campaigns SET alert_card_seconds = 120 WHERE id = :k"),
            {"k": floor.campaign},
        )
    strict = {r.person_id: r for r in load_floor(floor.db, now).operators}[floor.me]
    assert strict.alert(now + timedelta(minutes=3)) == "on_card"


def test_campaign_rows_count_entries_by_state_and_todays_calls(floor: Floor) -> None:
    company, _, _ = floor.company("Свежая")
    floor.company("Повтор", state="retry")
    floor.company("Готово", state="done")
    with floor.db.begin() as conn:
        conn.execute(
            text(
                "UPDATE dialdesk.campaign_entries SET next_attempt_at = now() + interval '1 hour' "
                "WHERE state = 'retry'"
            )
        )
    _call(floor, floor.me, company, "warm")
    row = next(c for c in load_floor(floor.db).campaigns if c.campaign_id == floor.campaign)
    assert (row.fresh, row.retry_due, row.retry_waiting, row.done) == (1, 0, 1, 1)
    assert (row.calls_today, row.contacts_today, row.outcomes) == (1, 1, {"warm": 1})
    assert row.dialable == 1 and row.next_retry_at is not None


def test_a_campaign_with_nothing_to_call_says_when_work_comes_back(floor: Floor) -> None:
    _, _, entry = floor.company("Повтор", state="retry")
    _, _, waiting = floor.company("Перезвон")
    due = datetime.now(UTC) + timedelta(hours=2)
    floor.callback(waiting, due, floor.me, floor.me)
    with floor.db.begin() as conn:
        conn.execute(
            text(
                "UPDATE dialdesk.campaign_entries SET next_attempt_at = now() + interval '1 hour' "
                "WHERE id = :e"
            ),
            {"e": entry},
        )
    row = next(c for c in load_floor(floor.db).campaigns if c.campaign_id == floor.campaign)
    assert row.dialable == 0
    assert row.next_callback_at == due and row.next_retry_at is not None


def test_a_campaign_outside_its_calling_hours_says_when_they_open(floor: Floor) -> None:
    floor.company("Москва", tz="Europe/Moscow")
    floor.company("Владивосток", phone="+74232223344", tz="Asia/Vladivostok")
    floor.company("Готово", phone="+74952223355", tz="Asia/Kamchatka", state="done")
    with floor.db.begin() as conn:
        conn.execute(
            text(
                "UPDATE dialdesk.campaigns SET calling_hours_start = '09:00', "
                "calling_hours_end = '18:00', working_days_only = true WHERE id = :k"
            ),
            {"k": floor.campaign},
        )
    zones = campaign_zones(floor.db)[floor.campaign]
    assert zones == {"Europe/Moscow", "Asia/Vladivostok"}  # done entries do not count
    row = next(c for c in load_floor(floor.db).campaigns if c.campaign_id == floor.campaign)
    # Monday 23 November 2026, 20:00 in Moscow = Tuesday 03:00 in Vladivostok: closed for both;
    # Vladivostok opens first: Tuesday 09:00 its time is Monday 23:00 UTC
    evening = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    assert row.opens_at(evening, zones) == datetime(2026, 11, 23, 23, 0, tzinfo=UTC)
    # Monday noon in Moscow is 19:00 in Vladivostok: Moscow may be called, nothing to say
    assert row.opens_at(datetime(2026, 11, 23, 9, 0, tzinfo=UTC), zones) is None
    # Saturday: closed everywhere until Monday 09:00 in Vladivostok (Sunday 23:00 UTC)
    saturday = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)
    assert row.opens_at(saturday, zones) == datetime(2026, 11, 29, 23, 0, tzinfo=UTC)


def test_a_lapsed_claim_is_back_in_the_queue_on_the_monitor(floor: Floor, logins: Logins) -> None:
    """The app was killed holding a company: once its lease runs out the monitor counts the
    company back in the queue, though the entry itself changes only at the next claim."""
    _, _, lapsed = floor.company("Брошенная", holder=floor.me)
    _, _, promised = floor.company("С перезвоном", holder=floor.me)
    floor.callback(promised, datetime.now(UTC) + timedelta(hours=2), floor.me, floor.me)
    _, _, live = floor.company("На карточке", holder=floor.other)
    with floor.db.begin() as conn:
        conn.execute(
            text(
                "UPDATE dialdesk.campaign_entries SET state = 'claimed', "
                "lease_expires_at = now() - interval '1 minute' WHERE id IN (:a, :b)"
            ),
            {"a": lapsed, "b": promised},
        )
        lease = conn.execute(
            text("SELECT lease_expires_at FROM dialdesk.campaign_entries WHERE id = :e"),
            {"e": live},
        ).scalar_one()
    for role in ("supervisor", "admin"):
        engine = logins.engine(*logins.add(role))
        now = datetime.now(UTC)
        seen = load_floor(engine, now)
        row = next(c for c in seen.campaigns if c.campaign_id == floor.campaign)
        assert (row.claimed, row.fresh, row.callbacks) == (1, 1, 1), role
        assert seen.next_lapse_at == lease
        later = load_floor(engine, lease + timedelta(seconds=1))
        row = next(c for c in later.campaigns if c.campaign_id == floor.campaign)
        assert (row.claimed, row.fresh, row.callbacks) == (0, 2, 1), role
        assert later.next_lapse_at is None
    assert floor.entry(lapsed)["state"] == "claimed"  # nothing was written by looking
