"""Claim order, calling hours across time zones, working days, leases, do-not-call."""

from datetime import UTC, datetime, time, timedelta
from threading import Barrier, Thread

from sqlalchemy import text

from dialdesk.services.floor.queue_status import explain_empty_queue
from dialdesk.services.shift.queue import claim_next_entry, extend_lease, release_claim
from tests.services.conftest import Floor, make_campaign

# Monday 23 November 2026, 10:00 in Moscow (07:00 UTC): a working day.
MONDAY_10_MSK = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def test_fresh_entries_by_priority(floor: Floor) -> None:
    _, _, low = floor.company("Низкий", priority=0)
    _, _, high = floor.company("Высокий", priority=5)
    first = claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    second = claim_next_entry(floor.other_engine, floor.other, now=MONDAY_10_MSK)
    assert first is not None and second is not None
    assert (first.entry_id, second.entry_id) == (high, low)
    assert floor.entry(high)["claimed_by"] == floor.me


def test_my_due_callback_comes_before_shared_and_fresh(floor: Floor) -> None:
    floor.company("Свежая", priority=9)
    _, _, shared = floor.company("Общий перезвон")
    _, _, mine = floor.company("Мой перезвон")
    floor.callback(shared, MONDAY_10_MSK - timedelta(hours=2), None, floor.other)
    my_callback = floor.callback(mine, MONDAY_10_MSK - timedelta(minutes=5), floor.me, floor.me)
    claim = claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert claim is not None and (claim.entry_id, claim.callback_id) == (mine, my_callback)
    claim = claim_next_entry(floor.other_engine, floor.other, now=MONDAY_10_MSK)
    assert claim is not None and claim.entry_id == shared


def test_someone_elses_callback_is_not_mine_until_the_grace_period_ends(floor: Floor) -> None:
    _, _, entry = floor.company("Чужой перезвон")
    floor.callback(entry, MONDAY_10_MSK - timedelta(minutes=10), floor.other, floor.other)
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is None
    later = MONDAY_10_MSK + timedelta(minutes=25)  # grace is 30 minutes past due
    claim = claim_next_entry(floor.my_engine, floor.me, now=later)
    assert claim is not None and claim.entry_id == entry


def test_future_callback_is_not_offered(floor: Floor) -> None:
    _, _, entry = floor.company("Позже")
    floor.callback(entry, MONDAY_10_MSK + timedelta(hours=3), floor.me, floor.me)
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is None


def test_calling_hours_follow_the_companys_time_zone(floor: Floor) -> None:
    # 07:00 UTC is 10:00 in Moscow, 14:00 in Novosibirsk, 17:00 in Vladivostok, 09:00 in
    # Kaliningrad; at 08:30 UTC Vladivostok is at 18:30, past its 18:00 end.
    _, _, vladivostok = floor.company("Владивосток", "+74232223344", "Asia/Vladivostok", 3)
    _, _, kaliningrad = floor.company("Калининград", "+74012223344", "Europe/Kaliningrad", 1)
    late = MONDAY_10_MSK + timedelta(minutes=90)
    claim = claim_next_entry(floor.my_engine, floor.me, now=late)
    assert claim is not None and claim.entry_id == kaliningrad
    assert claim_next_entry(floor.other_engine, floor.other, now=late) is None
    early = datetime(2026, 11, 23, 5, 30, tzinfo=UTC)  # Kaliningrad 07:30, Vladivostok 15:30
    claim = claim_next_entry(floor.other_engine, floor.other, now=early)
    assert claim is not None and claim.entry_id == vladivostok


def test_holidays_and_weekends_of_the_russian_calendar(floor: Floor) -> None:
    floor.company("Москва")
    unity_day = datetime(2026, 11, 4, 8, 0, tzinfo=UTC)  # Wednesday, national holiday
    saturday = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    assert claim_next_entry(floor.my_engine, floor.me, now=unity_day) is None
    assert claim_next_entry(floor.my_engine, floor.me, now=saturday) is None
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is not None


def test_campaign_may_call_on_days_off(floor: Floor) -> None:
    weekend = make_campaign(floor.db, "Выходные", working_days_only=False)
    _, _, entry = floor.company("Москва", campaign=weekend)
    saturday = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    claim = claim_next_entry(floor.my_engine, floor.me, now=saturday)
    assert claim is not None and claim.entry_id == entry


def test_do_not_call_and_dead_phones_are_never_offered(floor: Floor) -> None:
    _, phone, _ = floor.company("Мёртвый номер", "+74951110000")
    floor.company("Не звонить", "+74952220000")
    with floor.db.begin() as conn:
        conn.execute(text("UPDATE dialdesk.phones SET is_dead = true WHERE id = :p"), {"p": phone})
        conn.execute(text("INSERT INTO dialdesk.do_not_call (e164) VALUES ('+74952220000')"))
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is None


def test_retry_waits_for_its_time(floor: Floor) -> None:
    _, _, entry = floor.company("Повтор", state="retry")
    with floor.db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.campaign_entries SET next_attempt_at = :t WHERE id = :e"),
            {"t": MONDAY_10_MSK + timedelta(hours=1), "e": entry},
        )
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is None
    later = MONDAY_10_MSK + timedelta(hours=1, minutes=1)
    assert claim_next_entry(floor.my_engine, floor.me, now=later) is not None


def test_order_within_and_across_priority_levels(floor: Floor) -> None:
    # level 5: a retry not due yet (must not hold anything back), two due retries, a fresh
    # entry; level 0: a fresh entry.  Expected: fresh 5, due retries 5 by due time, fresh 0.
    def retry(name: str, priority: int, due: datetime) -> int:
        _, _, entry = floor.company(name, priority=priority, state="retry")
        with floor.db.begin() as conn:
            conn.execute(
                text("UPDATE dialdesk.campaign_entries SET next_attempt_at = :t WHERE id = :e"),
                {"t": due, "e": entry},
            )
        return entry

    retry("Не пора", 5, MONDAY_10_MSK + timedelta(hours=1))
    later_retry = retry("Повтор позже", 5, MONDAY_10_MSK - timedelta(minutes=5))
    earlier_retry = retry("Повтор раньше", 5, MONDAY_10_MSK - timedelta(hours=1))
    _, _, low_fresh = floor.company("Свежая, низкий", priority=0)
    _, _, high_fresh = floor.company("Свежая, высокий", priority=5)
    taken = []
    for _ in range(4):
        claim = claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK)
        assert claim is not None
        taken.append(claim.entry_id)
        with floor.db.begin() as conn:  # called: out of the queue
            conn.execute(
                text(
                    "UPDATE dialdesk.campaign_entries SET state = 'done', claimed_by = NULL "
                    "WHERE id = :e"
                ),
                {"e": claim.entry_id},
            )
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is None
    assert taken == [high_fresh, earlier_retry, later_retry, low_fresh]


def test_an_abandoned_claim_returns_after_its_lease(floor: Floor) -> None:
    # leases run on the database's clock (row security compares them with now()), so this
    # test works in real time, in a campaign that calls around the clock
    always = make_campaign(floor.db, "Круглосуточно", time(0), time(23, 59, 59), False)
    _, _, entry = floor.company("Брошенная", campaign=always)
    claim = claim_next_entry(floor.other_engine, floor.other)
    assert claim is not None and claim.entry_id == entry
    assert claim_next_entry(floor.my_engine, floor.me) is None
    with floor.db.begin() as conn:  # the other operator's app died; time passes
        conn.execute(
            text(
                "UPDATE dialdesk.campaign_entries SET lease_expires_at = now() - interval '1 s' "
                "WHERE id = :e"
            ),
            {"e": entry},
        )
    claim = claim_next_entry(floor.my_engine, floor.me)
    assert claim is not None and claim.entry_id == entry


def test_release_by_hand_and_resume_my_own_claim(floor: Floor) -> None:
    floor.company("Одна")
    claim = claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert claim is not None
    again = claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert again is not None and again.entry_id == claim.entry_id  # after a restart
    assert not release_claim(floor.other_engine, floor.other, claim.entry_id)
    assert release_claim(floor.my_engine, floor.me, claim.entry_id)
    assert floor.entry(claim.entry_id)["state"] == "fresh"
    other = claim_next_entry(floor.other_engine, floor.other, now=MONDAY_10_MSK)
    assert other is not None and other.entry_id == claim.entry_id


def test_lease_can_be_extended_only_by_its_holder(floor: Floor) -> None:
    floor.company("Долгий разговор")
    claim = claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert claim is not None
    assert extend_lease(floor.my_engine, floor.me, claim.entry_id)
    assert not extend_lease(floor.other_engine, floor.other, claim.entry_id)


def test_operators_racing_for_the_last_company_never_share_it(floor: Floor) -> None:
    floor.company("Последняя")
    barrier = Barrier(2)
    results: list[object] = []

    def race(engine, me) -> None:  # type: ignore[no-untyped-def]
        barrier.wait()
        results.append(claim_next_entry(engine, me, now=MONDAY_10_MSK))

    threads = [
        Thread(target=race, args=(floor.my_engine, floor.me)),
        Thread(target=race, args=(floor.other_engine, floor.other)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r is None for r in results) == [False, True]


def test_empty_queue_says_when_calling_hours_open(floor: Floor) -> None:
    floor.company("Владивосток", "+74232223344", "Asia/Vladivostok")
    evening = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)  # 19:30 in Vladivostok
    assert claim_next_entry(floor.my_engine, floor.me, now=evening) is None
    status = explain_empty_queue(floor.my_engine, floor.me, now=evening)
    assert status.remaining == 1 and not status.everything_done
    # next working day, 09:00 in Vladivostok = 23:00 UTC today
    assert status.outside_hours_until == datetime(2026, 11, 23, 23, 0, tzinfo=UTC)


def test_empty_queue_names_the_next_retry_and_callback(floor: Floor) -> None:
    _, _, retry = floor.company("Повтор", state="retry")
    _, _, later = floor.company("Перезвон")
    retry_time = MONDAY_10_MSK + timedelta(hours=2)
    with floor.db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.campaign_entries SET next_attempt_at = :t WHERE id = :e"),
            {"t": retry_time, "e": retry},
        )
    callback_time = MONDAY_10_MSK + timedelta(hours=4)
    floor.callback(later, callback_time, floor.me, floor.me)
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is None
    status = explain_empty_queue(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert (status.retry_at, status.callback_at) == (retry_time, callback_time)
    assert status.outside_hours_until is None


def test_everything_done(floor: Floor) -> None:
    floor.company("Готово", state="done")
    status = explain_empty_queue(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert status.everything_done


def test_companies_without_a_callable_number_are_counted(floor: Floor) -> None:
    floor.company("Не звонить", "+74952220000")
    with floor.db.begin() as conn:
        conn.execute(text("INSERT INTO dialdesk.do_not_call (e164) VALUES ('+74952220000')"))
    status = explain_empty_queue(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert status.no_callable_phone == 1


def test_an_overdue_callback_waits_for_calling_hours(floor: Floor) -> None:
    _, _, entry = floor.company("Перезвон ночью", "+74232223344", "Asia/Vladivostok")
    floor.callback(entry, MONDAY_10_MSK - timedelta(hours=3), floor.me, floor.me)
    night = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)  # midnight in Vladivostok
    assert claim_next_entry(floor.my_engine, floor.me, now=night) is None
    claim = claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK)  # 17:00 there
    assert claim is not None and claim.entry_id == entry


def test_due_callbacks_waiting_for_their_clients_hours_are_said_with_the_first_opening(
    floor: Floor,
) -> None:
    """Seen in the evening: "nobody to call" beside "My callbacks (47 due)"."""
    evening = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)  # 19:30 in Vladivostok, 12:30 MSK
    _, _, far = floor.company("Владивосток", "+74232223344", "Asia/Vladivostok")
    _, _, farther = floor.company("Камчатка", "+74152223344", "Asia/Kamchatka")
    floor.callback(far, evening - timedelta(hours=2), floor.me, floor.me)
    floor.callback(farther, evening - timedelta(hours=1), floor.me, floor.me)
    assert claim_next_entry(floor.my_engine, floor.me, now=evening) is None
    status = explain_empty_queue(floor.my_engine, floor.me, now=evening)
    assert status.callbacks_waiting == 2
    # 09:00 on Tuesday in Kamchatka (UTC+12) comes first: 21:00 UTC on Monday
    assert status.callbacks_open_at == datetime(2026, 11, 23, 21, 0, tzinfo=UTC)
