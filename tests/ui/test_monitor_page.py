"""The supervisor's monitor follows the floor through real database notifications."""

import signal
import subprocess
import sys
from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from dialdesk.db.dsn import with_credentials
from dialdesk.db.engine import make_engine
from dialdesk.services.experts.desk import accept_handoff
from dialdesk.services.floor.monitor import CampaignRow
from dialdesk.services.people.login import log_in
from dialdesk.services.shift.operator_state import log_state, pause_reasons
from dialdesk.services.shift.queue import claim_next_entry
from dialdesk.ui.supervisor.monitor_page import MonitorPage
from tests.conftest import Logins, dialable_company
from tests.services.expert_floor import ExpertFloor


@pytest.fixture
def monitor(qtbot: QtBot, db_dsn: str, logins: Logins):
    login, password = logins.add("supervisor")
    session = log_in(db_dsn, login, password)
    page = MonitorPage(session, "en")
    qtbot.addWidget(page)
    page.show()
    assert page.notifications is not None
    qtbot.waitUntil(lambda: page.notifications.is_listening, timeout=10000)  # type: ignore[union-attr]
    yield page
    page.shutdown()
    page._background.wait()
    session.engine.dispose()


def test_a_pause_appears_without_pressing_anything(
    qtbot: QtBot, monitor: MonitorPage, logins: Logins, db_dsn: str, db: Engine
) -> None:
    login, password = logins.add("operator")
    operator = make_engine(with_credentials(db_dsn, login, password), pool_size=1)
    me = logins.person_id(login)
    with qtbot.waitSignal(monitor.refreshed, timeout=10000):
        monitor.refresh()
    rows = {monitor.operators.row_at(r).person_id: r for r in range(monitor.operators.rowCount())}
    assert monitor.operators.index(rows[me], 1).data() == "offline"
    lunch = next(r for r in pause_reasons(db) if r.code == "lunch")
    with qtbot.waitSignal(monitor.refreshed, timeout=5000):  # NOTIFY, not a timer
        log_state(operator, me, "paused", pause_code_id=lunch.id)
    rows = {monitor.operators.row_at(r).person_id: r for r in range(monitor.operators.rowCount())}
    assert monitor.operators.index(rows[me], 1).data() == "paused: Lunch"
    colour = Qt.ItemDataRole.BackgroundRole
    assert monitor.operators.index(rows[me], 0).data(colour) is None  # a fresh pause
    monitor.now = datetime.now(UTC) + timedelta(minutes=25)  # past the 15 minutes allowed
    assert monitor.operators.index(rows[me], 0).data(colour) is not None
    operator.dispose()


def test_the_supervisor_sets_a_plan_and_frees_a_claim(
    qtbot: QtBot, monitor: MonitorPage, logins: Logins, db: Engine
) -> None:
    login, _password = logins.add("operator")
    me = logins.person_id(login)
    with db.begin() as conn:
        campaign = conn.execute(
            text("INSERT INTO dialdesk.campaigns (name) VALUES ('Проверка') RETURNING id")
        ).scalar_one()
        company = conn.execute(
            text("INSERT INTO dialdesk.companies (name, name_key) VALUES ('A', 'a') RETURNING id")
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO dialdesk.campaign_entries (campaign_id, company_id, state, "
                "claimed_by, lease_expires_at) "
                "VALUES (:k, :c, 'claimed', :p, now() + interval '1 hour')"
            ),
            {"k": campaign, "c": company, "p": me},
        )
    with qtbot.waitSignal(monitor.refreshed, timeout=10000):
        monitor.refresh()
    line = next(r for r in range(monitor.operators.rowCount())
                if monitor.operators.row_at(r).person_id == me)  # fmt: skip
    monitor.ui.operators_table.selectRow(line)
    monitor.plan_selected()
    dialog = monitor.plan_dialog
    assert dialog is not None
    dialog.ui.calls_spin.setValue(90)
    dialog.ui.contacts_spin.setValue(30)
    with qtbot.waitSignal(monitor.refreshed, timeout=10000):
        qtbot.keyClick(dialog.ui.contacts_spin, Qt.Key.Key_Return)
    row = next(monitor.operators.row_at(r) for r in range(monitor.operators.rowCount())
               if monitor.operators.row_at(r).person_id == me)  # fmt: skip
    assert (row.calls_target, row.contacts_target) == (90, 30)
    monitor.ui.operators_table.selectRow(line)
    with qtbot.waitSignal(monitor.message, timeout=10000) as said:
        monitor.release_selected()
    assert "1 companies back in the queue" in said.args[0]
    with db.connect() as conn:
        assert conn.execute(text("SELECT state FROM dialdesk.campaign_entries")).scalar() == (
            "fresh"
        )


def test_a_floor_that_never_goes_quiet_is_still_redrawn(qtbot: QtBot, monitor: MonitorPage) -> None:
    # changes every 50 ms without pause: the screen must still follow within a second
    burst = QTimer(monitor, interval=50)
    burst.timeout.connect(lambda: monitor._on_notification("dialdesk_floor", {}))
    burst.start()
    with qtbot.waitSignal(monitor.refreshed, timeout=1000):
        pass
    burst.stop()


def test_after_a_dropped_connection_the_monitor_listens_again_and_catches_up(
    qtbot: QtBot, monitor: MonitorPage, logins: Logins, db_dsn: str, db: Engine
) -> None:
    assert monitor.notifications is not None
    # reconnected, the monitor refreshes at once: what changed meanwhile was not announced
    with (
        qtbot.waitSignal(monitor.refreshed, timeout=15000),
        qtbot.waitSignal(monitor.notifications.reconnected, timeout=15000),
        db.begin() as conn,
    ):
        dropped = conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE usename = :login AND query LIKE 'LISTEN%'"
            ),
            {"login": monitor._session.identity.login},
        ).all()
        assert dropped == [(True,)]
    login, password = logins.add("operator")
    operator = make_engine(with_credentials(db_dsn, login, password), pool_size=1)
    me = logins.person_id(login)
    with qtbot.waitSignal(monitor.refreshed, timeout=5000):  # and follows new changes again
        log_state(operator, me, "waiting")
    states = {monitor.operators.row_at(r).person_id: monitor.operators.row_at(r).state
              for r in range(monitor.operators.rowCount())}  # fmt: skip
    assert states[me] == "waiting"
    operator.dispose()


def test_a_campaign_row_says_why_nothing_is_dialable(monitor: MonitorPage) -> None:
    done = CampaignRow(1, "A", 0, 0, 0, 0, 0, 10, 0, 0)
    assert monitor.why_idle(done) == "everything done"
    later = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    waiting = CampaignRow(2, "B", 0, 0, 3, 1, 0, 10, 0, 0, next_retry_at=later)
    local = later.astimezone().strftime("%d.%m %H:%M")
    assert monitor.why_idle(waiting) == f"next retry {local}"
    busy = CampaignRow(3, "C", 5, 0, 0, 0, 0, 0, 0, 0)
    assert monitor.why_idle(busy) == ""
    # companies to call, but only in Moscow, and it is night there
    night = CampaignRow(4, "D", 5, 0, 0, 0, 0, 0, 0, 0, calling_hours_start=time(9),
                        calling_hours_end=time(18))  # fmt: skip
    monitor.zones = {4: frozenset({"Europe/Moscow"})}
    monitor.now = datetime(2026, 11, 23, 20, 0, tzinfo=UTC)  # 23:00 in Moscow
    opens = datetime(2026, 11, 24, 6, 0, tzinfo=UTC).astimezone().strftime("%d.%m %H:%M")
    assert monitor.why_idle(night) == f"outside calling hours until {opens}"
    monitor.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # 10:00 in Moscow
    assert monitor.why_idle(night) == ""


def test_a_callback_is_shared_from_the_monitor(
    qtbot: QtBot, monitor: MonitorPage, logins: Logins, db: Engine
) -> None:
    login, _password = logins.add("operator")
    me = logins.person_id(login)
    with db.begin() as conn:
        company = conn.execute(
            text("INSERT INTO dialdesk.companies (name, name_key) VALUES ('Б', 'б') RETURNING id")
        ).scalar_one()
        callback = conn.execute(
            text(
                "INSERT INTO dialdesk.callbacks (company_id, due_at, assigned_to, created_by) "
                "VALUES (:c, now() - interval '1 hour', :p, :p) RETURNING id"
            ),
            {"c": company, "p": me},
        ).scalar_one()
    with qtbot.waitSignal(monitor.refreshed, timeout=10000):
        monitor.refresh()
    assert monitor.callbacks.rowCount() == 1
    assert monitor.callbacks.index(0, 3).data() == "Test operator"
    monitor.ui.callbacks_table.selectRow(0)
    with qtbot.waitSignal(monitor.refreshed, timeout=10000):
        qtbot.mouseClick(monitor.ui.share_button, Qt.MouseButton.LeftButton)
    assert monitor.callbacks.index(0, 3).data() == "anyone"
    with db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT assigned_to FROM dialdesk.callbacks WHERE id = :c"), {"c": callback}
            ).scalar()
            is None
        )


def test_a_supervisor_moves_an_operators_callbacks_to_a_colleague(
    qtbot: QtBot, monitor: MonitorPage, logins: Logins, db: Engine
) -> None:
    with db.begin() as conn:
        ids = {}
        for role in ("leaving", "staying"):
            login, _password = logins.add("operator")
            ids[role] = conn.execute(
                text("UPDATE dialdesk.people SET full_name = :n WHERE login = :l RETURNING id"),
                {"n": role.title(), "l": login},
            ).scalar_one()
        for name in ("Альфа", "Бета"):
            company = conn.execute(
                text(
                    "INSERT INTO dialdesk.companies (name, name_key) VALUES (:n, :n) RETURNING id"
                ),
                {"n": name},
            ).scalar_one()
            conn.execute(
                text(
                    "INSERT INTO dialdesk.callbacks (company_id, due_at, assigned_to, created_by) "
                    "VALUES (:c, now() + interval '1 hour', :p, :p)"
                ),
                {"c": company, "p": ids["leaving"]},
            )
    with qtbot.waitSignal(monitor.refreshed, timeout=10000):
        monitor.refresh()
    rows = {monitor.operators.row_at(r).person_id: r for r in range(monitor.operators.rowCount())}
    monitor.ui.operators_table.selectRow(rows[ids["leaving"]])
    qtbot.keyClick(monitor, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: monitor.move_dialog is not None, timeout=10000)
    dialog = monitor.move_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.ui.held_list.count() == 2, timeout=10000)
    assert dialog.ui.from_combo.currentData() == ids["leaving"]
    assert dialog.ui.held_list.item(0).text().startswith("Альфа — callback ")
    dialog.ui.button_box.accepted.emit()  # nobody chosen to receive them yet
    assert dialog.ui.error_label.text() == "Choose who receives the companies."
    dialog.ui.to_combo.setCurrentIndex(dialog.ui.to_combo.findData(ids["staying"]))
    qtbot.keyClick(dialog.ui.held_list, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert dialog.ui.all_check.isChecked() and len(dialog.ticked()) == 2
    with qtbot.waitSignal(monitor.message, timeout=10000) as said:
        dialog.ui.button_box.accepted.emit()
    assert said.args == ["Handed to Staying: 2 callbacks, 0 hand-offs."]
    with db.connect() as conn:
        holders = conn.execute(
            text("SELECT DISTINCT assigned_to FROM dialdesk.callbacks WHERE state = 'pending'")
        ).scalars()
        assert list(holders) == [ids["staying"]]


KILLED_HOLDING_A_CLAIM = """
import os, signal, sys
from datetime import UTC, datetime, timedelta
from dialdesk.db.engine import make_engine
from dialdesk.services.shift.queue import claim_next_entry
engine = make_engine(sys.argv[1], pool_size=1)
# the campaign's 15-minute lease, taken so that it runs out 4 seconds from now
at = datetime.now(UTC) - timedelta(minutes=15, seconds=-4)
claim = claim_next_entry(engine, int(sys.argv[2]), now=at)
print(claim.entry_id if claim else "", flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_claim_left_by_a_killed_app_leaves_the_cards_when_its_lease_runs_out(
    qtbot: QtBot, monitor: MonitorPage, logins: Logins, db_dsn: str, db: Engine
) -> None:
    campaign, company = dialable_company(db, "В")
    login, password = logins.add("operator")

    def counts() -> tuple[int, int] | None:
        for number in range(monitor.campaigns.rowCount()):
            row: CampaignRow = monitor.campaigns.row_at(number)
            if row.campaign_id == campaign:
                return row.claimed, row.fresh
        return None

    child = subprocess.run(
        [sys.executable, "-c", KILLED_HOLDING_A_CLAIM,
         with_credentials(db_dsn, login, password), str(logins.person_id(login))],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert child.returncode == -signal.SIGKILL and child.stdout.strip(), child.stderr
    qtbot.waitUntil(lambda: counts() == (1, 0), timeout=5000)  # the claim, announced
    # nobody saves, nobody claims: the monitor reads the floor again when the lease runs out
    qtbot.waitUntil(lambda: counts() == (0, 1), timeout=10000)
    other_login, other_password = logins.add("operator")
    other = make_engine(with_credentials(db_dsn, other_login, other_password), pool_size=1)
    claim = claim_next_entry(other, logins.person_id(other_login))  # the lease came back
    assert claim is not None and claim.company_id == company
    other.dispose()


def test_a_late_hand_off_turns_red_and_goes_when_taken_live(
    qtbot: QtBot, monitor: MonitorPage, experts: ExpertFloor, db: Engine
) -> None:
    with qtbot.waitSignal(monitor.refreshed, timeout=10000):  # NOTIFY, not a timer
        _, handoff = experts.handed("ООО Ждёт эксперта")
    pane = monitor.experts_pane
    assert pane.handoffs.rowCount() == 1
    colour = Qt.ItemDataRole.BackgroundRole
    assert pane.handoffs.index(0, 0).data(colour) is None  # just handed
    with qtbot.waitSignal(monitor.refreshed, timeout=10000), db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.handoffs SET created_at = now() - interval '10 days' "
                 "WHERE id = :h"), {"h": handoff},
        )  # fmt: skip
    assert pane.handoffs.index(0, 0).data(colour) is not None  # late: red
    with qtbot.waitSignal(monitor.refreshed, timeout=10000):
        accept_handoff(experts.expert_engine, handoff)
    assert pane.handoffs.rowCount() == 0
