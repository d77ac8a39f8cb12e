"""The operator's screen, worked from the keyboard only, against a real database."""

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from dialdesk.db.engine import make_engine
from dialdesk.services.people.accounts import whoami
from dialdesk.services.people.login import LoggedIn, log_in
from dialdesk.ui.operator.work_page import WorkPage
from tests.conftest import Logins
from tests.services.conftest import Floor, make_campaign
from tests.services.test_journal import kept_outcome


@pytest.fixture
def page(qtbot: QtBot, db: Engine, db_dsn: str, logins: Logins, tmp_path: Path):
    campaign = make_campaign(db, "Круглосуточно", time(0), time(23, 59, 59), False)
    with db.begin() as conn:
        conn.execute(
            text(
                "UPDATE dialdesk.campaigns SET script = 'Добрый день, {person}! Это {operator}.' "
                "WHERE id = :k"
            ),
            {"k": campaign},
        )
        conn.execute(
            text(
                "INSERT INTO dialdesk.questions (campaign_id, position, kind, text) "
                "VALUES (:k, 1, 'yes_no', 'Используете продукт?')"
            ),
            {"k": campaign},
        )
    login, password = logins.add("operator")
    session = log_in(db_dsn, login, password)
    widget = WorkPage(session, "ru", tmp_path / "journal.jsonl")
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    me = session.identity.person_id
    assert me is not None
    widget.start()
    widget.floor = Floor(db, campaign, me, session.engine, me, session.engine)  # type: ignore[attr-defined]
    yield widget
    widget.shutdown()
    widget._background.wait()
    session.engine.dispose()


def _next(qtbot: QtBot, page: WorkPage) -> None:
    with qtbot.waitSignal(page.card_shown, timeout=10000):
        qtbot.keyClick(page, Qt.Key.Key_F9)


def _save(qtbot: QtBot, page: WorkPage) -> str:
    with qtbot.waitSignal(page.outcome_saved, timeout=10000) as saved:
        qtbot.keyClick(page.ui.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    return str(saved.args[0])


def test_next_fills_the_card_and_one_key_saves_the_outcome(qtbot: QtBot, page: WorkPage) -> None:
    page.floor.company("ООО Ромашка", "+73832223344", "Asia/Novosibirsk")  # type: ignore[attr-defined]
    _next(qtbot, page)
    assert page.field_edits["name"].text() == "ООО Ромашка"
    assert page.phones.rowCount() == 1 and page.phones.row_at(0).e164 == "+73832223344"
    assert "Это Test operator." in page.ui.script_view.toPlainText()
    assert next(b.text() for b in page.outcome_buttons.values()) == "Горячие (F1)"

    qtbot.keyClick(page, Qt.Key.Key_F5)  # Нет контакта
    assert page.outcome_code == "no_contact" and page.outcome_buttons["no_contact"].isChecked()
    qtbot.keyClicks(page.ui.comment_edit, "busy")
    assert _save(qtbot, page) == "retry"
    assert page.claim is None and page.field_edits["name"].text() == ""

    qtbot.keyClick(page, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "next retry at" in page.ui.status_label.text(), timeout=10000)


def test_save_and_next_takes_the_next_company_at_once(qtbot: QtBot, page: WorkPage) -> None:
    page.floor.company("ООО Первая", priority=5)  # type: ignore[attr-defined]
    page.floor.company("ООО Вторая")  # type: ignore[attr-defined]
    _next(qtbot, page)
    assert page.field_edits["name"].text() == "ООО Первая"
    first = page.claim
    qtbot.keyClick(page, Qt.Key.Key_F5)  # Нет контакта
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignals([page.outcome_saved, page.card_shown], timeout=10000):
        qtbot.keyClick(page.ui.comment_edit, Qt.Key.Key_Return, shift_ctrl)
    assert page.field_edits["name"].text() == "ООО Вторая"
    assert page.claim is not None and first is not None
    assert page.claim.entry_id != first.entry_id
    assert page.outcome_code is None and page.ui.save_next_button.isEnabled()


def test_f7_shows_the_history_with_outcomes_in_the_operators_language(
    qtbot: QtBot, page: WorkPage, db: Engine
) -> None:
    _, _, entry = page.floor.company("ООО Повтор")  # type: ignore[attr-defined]
    _next(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_F5)  # Нет контакта
    assert _save(qtbot, page) == "retry"
    with db.begin() as conn:  # the retry time comes
        conn.execute(
            text("UPDATE dialdesk.campaign_entries SET next_attempt_at = now() WHERE id = :e"),
            {"e": entry},
        )
    _next(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_F7)
    assert page.ui.right_tabs.currentWidget() is page.ui.history_tab
    assert page.history.rowCount() == 1
    outcome = page.history.index(0, 3).data()
    assert outcome == "Нет контакта"


def test_a_contact_outcome_asks_whom_we_spoke_with(
    qtbot: QtBot, page: WorkPage, db: Engine
) -> None:
    page.floor.company("ООО Лютик")  # type: ignore[attr-defined]
    _next(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_F2)  # Тёплые: needs a callback, counts as a contact
    assert page.ui.next_check.isChecked()
    qtbot.keyClick(page.ui.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "spoke with" in page.ui.outcome_error_label.text(), timeout=10000)
    assert page.claim is not None  # nothing lost: the card is still there
    page.ui.spoke_edit.setFocus()
    qtbot.keyClicks(page.ui.spoke_edit, "Ivanov, director")
    assert page.ui.outcome_error_label.text() == ""  # fixed: the red error goes
    assert _save(qtbot, page) == "callback"
    qtbot.waitUntil(lambda: page.callbacks.rowCount() == 1, timeout=10000)
    with db.connect() as conn:
        assert conn.execute(text("SELECT spoke_with FROM dialdesk.calls")).scalar() == (
            "Ivanov, director"
        )


def test_unreachable_server_keeps_the_outcome_until_it_returns(
    qtbot: QtBot, page: WorkPage, db: Engine
) -> None:
    page.floor.company("ООО Василёк")  # type: ignore[attr-defined]
    _next(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_F4)  # Холодные
    qtbot.keyClicks(page.ui.spoke_edit, "Petrov")
    live = page.session
    page.session = LoggedIn(
        make_engine("postgresql://nobody@127.0.0.1:1/none?connect_timeout=1", pool_size=1),
        live.identity,
    )
    qtbot.keyClick(page.ui.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.pending_count() == 1, timeout=10000)
    assert page.ui.pending_label.text() == "1 outcome(s) waiting to be sent"
    page.session.engine.dispose()
    page.session = live
    page.send_journal()
    qtbot.waitUntil(lambda: page.ui.pending_label.text() == "", timeout=10000)
    with db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.calls")).scalar() == 1
    assert whoami(live.engine).login == live.identity.login


def test_a_kept_outcome_refused_is_said_and_the_next_is_still_sent(
    qtbot: QtBot, page: WorkPage, db: Engine, logins: Logins
) -> None:
    taken = page.floor.company("ООО Занято")[2]  # type: ignore[attr-defined]
    free = page.floor.company("ООО Свободно", phone="+74952223355")[2]  # type: ignore[attr-defined]
    me = page.me
    for entry in (taken, free):
        page.journal.add(kept_outcome(entry))
    colleague = logins.person_id(logins.add("operator")[0])
    with db.begin() as conn:  # both were on this operator's card; one went to a colleague
        conn.execute(
            text("UPDATE dialdesk.campaign_entries SET state = 'claimed', claimed_by = :p, "
                 "lease_expires_at = now() + interval '10 minutes' WHERE id IN (:a, :b)"),
            {"p": me, "a": taken, "b": free},
        )  # fmt: skip
        conn.execute(
            text("UPDATE dialdesk.campaign_entries SET claimed_by = :o WHERE id = :a"),
            {"o": colleague, "a": taken},
        )
    page.send_journal()
    qtbot.waitUntil(lambda: "refused" in page.ui.status_label.text(), timeout=10000)
    assert "another operator" in page.ui.status_label.text()
    assert page.pending_count() == 0
    assert len(page.journal.refused()) == 1
    with db.connect() as conn:
        saved = conn.execute(text("SELECT entry_id FROM dialdesk.calls")).scalars().all()
    assert saved == [free]


def test_release_gives_the_company_back(qtbot: QtBot, page: WorkPage) -> None:
    _, _, entry = page.floor.company("ООО Одуванчик")  # type: ignore[attr-defined]
    _next(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.claim is None, timeout=10000)
    assert page.floor.entry(entry)["state"] == "fresh"  # type: ignore[attr-defined]


def test_empty_queue_says_everything_is_done(qtbot: QtBot, page: WorkPage) -> None:
    page.floor.company("Готово", state="done")  # type: ignore[attr-defined]
    qtbot.keyClick(page, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: "every company" in page.ui.status_label.text(), timeout=10000)


def test_callbacks_panel_follows_the_database_live(
    qtbot: QtBot, page: WorkPage, db: Engine
) -> None:
    from datetime import UTC, datetime, timedelta

    assert page.notifications is not None
    _, _, entry = page.floor.company("ООО Перезвон")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.notifications.is_listening, timeout=10000)  # type: ignore[union-attr]
    soon = datetime.now(UTC) + timedelta(seconds=3)
    # someone (here: a supervisor's tool) gives this operator a callback; the panel polls
    # only once a minute, so seeing it within seconds means the notification arrived
    page.floor.callback(entry, soon, page.me, page.me)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.callbacks.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: page.reminder_box is not None, timeout=10000)
    assert "ООО Перезвон" in page.reminder_box.text()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: "(1 due)" in page.ui.right_tabs.tabText(2), timeout=10000)


def test_listening_resumes_after_a_dropped_connection(
    qtbot: QtBot, page: WorkPage, db: Engine
) -> None:
    assert page.notifications is not None
    qtbot.waitUntil(lambda: page.notifications.is_listening, timeout=10000)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not page._side.busy, timeout=10000)  # the first load is done
    refreshes: list[bool] = []
    page.callbacks_shown.connect(lambda: refreshes.append(True))
    with qtbot.waitSignal(page.notifications.reconnected, timeout=15000):
        with db.begin() as conn:
            dropped = conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE usename = :login AND query LIKE 'LISTEN%'"
                ),
                {"login": page.session.identity.login},
            ).all()
        assert dropped == [(True,)]
    # reconnecting refreshes the panel: what changed meanwhile was not announced
    qtbot.waitUntil(lambda: bool(refreshes), timeout=10000)


def _states(db: Engine, person: int) -> list[tuple[str, str | None]]:
    with db.connect() as conn:
        return [
            (row[0], row[1])
            for row in conn.execute(
                text(
                    "SELECT s.state, p.code FROM dialdesk.operator_states s "
                    "LEFT JOIN dialdesk.pause_codes p ON p.id = s.pause_code_id "
                    "WHERE s.person_id = :p ORDER BY s.id"
                ),
                {"p": person},
            )
        ]


def test_pause_with_a_reason_is_logged_and_stops_next(
    qtbot: QtBot, page: WorkPage, db: Engine
) -> None:
    page.floor.company("ООО Пауза")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: page.ui.pause_combo.count() >= 5, timeout=10000)
    page.ui.pause_combo.setCurrentIndex(page.ui.pause_combo.findText("Обед"))
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert page.state == "paused"
    qtbot.keyClick(page, Qt.Key.Key_F9)
    assert page.claim is None and "pause" in page.ui.status_label.text()
    qtbot.keyClick(page, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    _next(qtbot, page)
    qtbot.waitUntil(lambda: len(_states(db, page.me)) == 4, timeout=10000)
    assert _states(db, page.me) == [
        ("waiting", None),
        ("paused", "lunch"),
        ("waiting", None),
        ("on_card", None),
    ]


def test_add_a_contact_person_from_the_keyboard(qtbot: QtBot, page: WorkPage) -> None:
    page.floor.company("ООО Контакт")  # type: ignore[attr-defined]
    _next(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = page.contact_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.ui.name_edit, "Ivan Petrov")
    dialog.ui.role_combo.setCurrentIndex(dialog.ui.role_combo.findData("decision_maker"))
    with qtbot.waitSignal(page.contacts_changed, timeout=10000):
        qtbot.keyClick(dialog.ui.name_edit, Qt.Key.Key_Return)
    assert page.contacts.rowCount() == 1
    assert page.contacts.row_at(0).full_name == "Ivan Petrov"


def test_enter_on_a_phone_runs_the_configured_softphone(
    qtbot: QtBot, page: WorkPage, tmp_path: Path
) -> None:
    page.floor.company("ООО Звонок", "+74952223344")  # type: ignore[attr-defined]
    dialled = tmp_path / "dialled"
    dialled.mkdir()
    page.softphone_command = f"touch {dialled}/{{number}}"
    _next(qtbot, page)
    page.ui.phones_table.setFocus()
    qtbot.keyClick(page.ui.phones_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (dialled / "+74952223344").exists(), timeout=5000)


def test_a_required_question_must_be_answered_on_a_contact(
    qtbot: QtBot, page: WorkPage, db: Engine
) -> None:
    with db.begin() as conn:
        conn.execute(text("UPDATE dialdesk.questions SET required = true"))
    page.floor.company("ООО Василёк")  # type: ignore[attr-defined]
    _next(qtbot, page)
    ((question_id, widget),) = page.question_widgets.items()
    qtbot.waitUntil(widget.isVisible)  # a widget added to a shown form appears a moment later
    label = page.ui.questions_layout.labelForField(widget)
    assert label.text() == "Используете продукт? *"
    qtbot.keyClick(page, Qt.Key.Key_F2)  # Тёплые: a contact
    page.ui.spoke_edit.setText("Иванов")
    qtbot.keyClick(page.ui.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "Используете продукт?" in page.ui.outcome_error_label.text()
    assert page.claim is not None and widget.hasFocus()
    widget.setCurrentIndex(widget.findData("yes"))  # type: ignore[attr-defined]
    assert _save(qtbot, page) == "callback"
    with db.connect() as conn:
        answer = conn.execute(
            text("SELECT value FROM dialdesk.answers WHERE question_id = :q"), {"q": question_id}
        ).scalar()
    assert answer == "yes"


def test_a_required_question_does_not_hold_up_a_call_without_contact(
    qtbot: QtBot, page: WorkPage, db: Engine
) -> None:
    with db.begin() as conn:
        conn.execute(text("UPDATE dialdesk.questions SET required = true"))
    page.floor.company("ООО Ландыш")  # type: ignore[attr-defined]
    _next(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_F5)  # Нет контакта: nobody to ask
    assert _save(qtbot, page) == "retry"


def _callback_in(page: WorkPage, name: str, phone: str, minutes: float) -> int:
    _, _, entry = page.floor.company(name, phone=phone)  # type: ignore[attr-defined]
    due = datetime.now(UTC) + timedelta(minutes=minutes)
    return int(page.floor.callback(entry, due, page.me, page.me))  # type: ignore[attr-defined]


def test_the_reminder_opens_the_callback_that_fell_due(qtbot: QtBot, page: WorkPage) -> None:
    _callback_in(page, "ООО Давний", "+74952220001", -60)  # older: F9 would give it first
    _callback_in(page, "ООО Пора", "+74952220002", 0.05)
    page.refresh_callbacks()
    qtbot.waitUntil(lambda: page.reminder_box is not None, timeout=10000)
    box = page.reminder_box
    assert box is not None and "ООО Пора" in box.text()
    open_now = box.defaultButton()
    assert open_now.text() == "&Open now"
    with qtbot.waitSignal(page.card_shown, timeout=10000):
        qtbot.mouseClick(open_now, Qt.MouseButton.LeftButton)
    assert page.field_edits["name"].text() == "ООО Пора"
    assert page.claim is not None and page.claim.callback_id is not None
    assert not page.reason_label.isHidden()
    assert "Promised callback" in page.reason_label.text()


def test_enter_or_double_click_in_my_callbacks_opens_that_company(
    qtbot: QtBot, page: WorkPage
) -> None:
    _callback_in(page, "ООО Первый", "+74952220001", -30)
    _callback_in(page, "ООО Второй", "+74952220002", -10)
    page.refresh_callbacks()
    qtbot.waitUntil(lambda: page.callbacks.rowCount() == 2, timeout=10000)
    table = page.ui.callbacks_table
    page.ui.right_tabs.setCurrentWidget(page.ui.callbacks_tab)
    table.setFocus()
    table.setCurrentIndex(page.callbacks.index(1, 0))
    with qtbot.waitSignal(page.card_shown, timeout=10000):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert page.field_edits["name"].text() == "ООО Второй"

    page.release()
    qtbot.waitUntil(lambda: page.claim is None, timeout=10000)
    assert page.reason_label.isHidden()
    rect = table.visualRect(page.callbacks.index(0, 2))
    with qtbot.waitSignal(page.card_shown, timeout=10000):  # a real double-click: press first
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.field_edits["name"].text() == "ООО Первый"


def test_a_callback_a_colleague_holds_is_refused_plainly(
    qtbot: QtBot, page: WorkPage, db: Engine, logins: Logins
) -> None:
    _callback_in(page, "ООО Занятый", "+74952220001", -5)
    colleague = logins.person_id(logins.add("operator")[0])
    with db.begin() as conn:
        conn.execute(
            text(
                "UPDATE dialdesk.campaign_entries SET state = 'claimed', claimed_by = :p, "
                "lease_expires_at = now() + interval '10 minutes'"
            ),
            {"p": colleague},
        )
        name = conn.execute(
            text("SELECT full_name FROM dialdesk.people WHERE id = :p"), {"p": colleague}
        ).scalar()
    page.refresh_callbacks()
    qtbot.waitUntil(lambda: page.callbacks.rowCount() == 1, timeout=10000)
    page.ui.callbacks_table.setCurrentIndex(page.callbacks.index(0, 0))
    qtbot.keyClick(page.ui.callbacks_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: f"{name} is on this company now" in page.ui.status_label.text())
    assert page.claim is None


def test_typing_stops_at_each_fields_limit(qtbot: QtBot, page: WorkPage) -> None:
    page.floor.company("ООО Предел")  # type: ignore[attr-defined]
    _next(qtbot, page)
    name = page.field_edits["name"]
    name.clear()
    name.insert("Я" * 600)  # a paste of a whole page
    assert len(name.text()) == 500
    assert page.field_edits["inn"].maxLength() == 12
    assert page.ui.spoke_edit.maxLength() == 300


def test_ctrl_f_finds_a_company_by_name_and_opens_its_card(qtbot: QtBot, page: WorkPage) -> None:
    page.floor.company("ООО Ромашка", phone="+74952220001")  # type: ignore[attr-defined]
    page.floor.company("ООО Лютик", phone="+74952220002")  # type: ignore[attr-defined]
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dialog = page.search_dialog
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(dialog.found, timeout=10000):
        dialog.ui.query_edit.insert("лютик")  # typed (QTest types Latin letters only)
    assert [dialog.results.row_at(r).name for r in range(dialog.results.rowCount())] == [
        "ООО Лютик"
    ]
    with qtbot.waitSignal(page.card_shown, timeout=10000):
        qtbot.keyClick(dialog.ui.query_edit, Qt.Key.Key_Return)
    assert page.field_edits["name"].text() == "ООО Лютик"
    assert page.claim is not None
    assert page.floor.entry(page.claim.entry_id)["claimed_by"] == page.me  # type: ignore[attr-defined]


def test_a_caller_is_found_by_number_and_a_colleagues_company_is_refused(
    qtbot: QtBot, page: WorkPage, db: Engine, logins: Logins
) -> None:
    _, _, entry = page.floor.company("ООО Звонит", phone="+79132097263")  # type: ignore[attr-defined]
    colleague = logins.person_id(logins.add("operator")[0])
    with db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.campaign_entries SET state = 'claimed', claimed_by = :p, "
                 "lease_expires_at = now() + interval '10 minutes' WHERE id = :e"),
            {"p": colleague, "e": entry},
        )  # fmt: skip
    page.show_caller("8 913 209 72 63")
    dialog = page.search_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.results.rowCount() == 1, timeout=10000)
    assert dialog.results.row_at(0).held_by
    qtbot.keyClick(dialog.ui.results_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "is on this company now" in page.ui.status_label.text())
    assert page.claim is None


def test_the_card_history_speaks_russian(
    qtbot: QtBot, russian: None, page: WorkPage, db: Engine
) -> None:
    """Seen: "new" and "call · pending" on a Russian card."""
    company, _, _ = page.floor.company("ООО История")  # type: ignore[attr-defined]
    with db.begin() as conn:
        conn.execute(
            text("INSERT INTO dialdesk.callbacks (company_id, due_at, created_by, kind, note) "
                 "VALUES (:c, now() + interval '1 day', :p, 'meeting', 'в офисе')"),
            {"c": company, "p": page.me},
        )  # fmt: skip
        conn.execute(
            text("INSERT INTO dialdesk.handoffs (company_id, expert_id, created_by) "
                 "VALUES (:c, :p, :p)"),
            {"c": company, "p": page.me},
        )  # fmt: skip
    _next(qtbot, page)
    cells = [
        page.history.index(r, c).data() for r in range(page.history.rowCount()) for c in (1, 4)
    ]
    assert sorted(cells) == sorted(["перезвон · встреча", "ожидается · в офисе",
                                    "передача эксперту", "новая"])  # fmt: skip


def test_nobody_to_call_says_the_due_callbacks_wait_for_their_clients_hours(
    russian: None, page: WorkPage
) -> None:
    from dialdesk.services.floor.queue_status import QueueEmpty

    opens = datetime(2026, 12, 2, 6, 0, tzinfo=UTC)
    said = page.describe_empty(QueueEmpty(3, opens, None, None, 0, 47, opens))
    local = opens.astimezone().strftime("%d.%m %H:%M")
    assert f"47 перезвонов ждут часов звонков клиентов, первый — с {local}" in said


def test_a_save_the_server_is_slow_to_answer_goes_to_the_journal_and_the_work_goes_on(
    qtbot: QtBot, page: WorkPage, db: Engine
) -> None:
    _, _, entry = page.floor.company("ООО Медленная")  # type: ignore[attr-defined]
    _next(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_F4)  # Холодные
    qtbot.keyClicks(page.ui.spoke_edit, "Petrov")
    page.slow_save_ms = 500
    with db.connect() as blocker:  # another transaction holds the company's queue entry
        blocker.execute(
            text("SELECT 1 FROM dialdesk.campaign_entries WHERE id = :e FOR UPDATE"), {"e": entry}
        )
        qtbot.keyClick(page.ui.comment_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert page.ui.status_label.text() == "Saving…"
        qtbot.waitUntil(lambda: page.pending_count() == 1, timeout=10000)
        assert page.claim is None and "slow" in page.ui.status_label.text()
        blocker.rollback()  # the server answers after all
    qtbot.waitUntil(lambda: page._saver.busy is False, timeout=10000)
    page.send_journal()
    qtbot.waitUntil(lambda: page.pending_count() == 0, timeout=10000)
    with db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.calls")).scalar() == 1  # once


def test_a_phone_is_corrected_with_ctrl_e_and_added_with_ins(qtbot: QtBot, page: WorkPage) -> None:
    page.floor.company("ООО Номера", phone="+74952223344")  # type: ignore[attr-defined]
    _next(qtbot, page)
    table = page.ui.phones_table
    table.selectRow(0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = page.phone_dialog
    assert dialog is not None and dialog.ui.number_edit.text() == "+74952223344"
    qtbot.keyClicks(dialog.ui.extension_edit, "13")
    with qtbot.waitSignal(page.phones_changed, timeout=10000):
        qtbot.keyClick(dialog.ui.extension_edit, Qt.Key.Key_Return)
    assert [(p.e164, p.extension) for p in page.phones_rows()] == [("+74952223344", "13")]


def test_a_phone_is_added_with_ins(qtbot: QtBot, page: WorkPage) -> None:
    page.floor.company("ООО Номера", phone="+74952223344")  # type: ignore[attr-defined]
    _next(qtbot, page)
    table = page.ui.phones_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    dialog = page.phone_dialog
    assert dialog is not None and dialog.ui.number_edit.text() == ""
    qtbot.keyClicks(dialog.ui.number_edit, "8 (383) 353-03-67")
    qtbot.keyClicks(dialog.ui.extension_edit, "12")
    with qtbot.waitSignal(page.phones_changed, timeout=10000):
        qtbot.keyClick(dialog.ui.extension_edit, Qt.Key.Key_Return)
    assert ("+73833530367", "12") in [(p.e164, p.extension) for p in page.phones_rows()]


def test_a_wrong_number_is_refused_in_the_phone_dialog(qtbot: QtBot, page: WorkPage) -> None:
    page.floor.company("ООО Номера")  # type: ignore[attr-defined]
    _next(qtbot, page)
    page.edit_phone(None, adding=True)
    dialog = page.phone_dialog
    dialog.ui.number_edit.setText("123")
    dialog.ui.button_box.accepted.emit()
    qtbot.waitUntil(lambda: "not a phone number" in dialog.ui.error_label.text(), timeout=10000)
    assert dialog.isVisible()


def test_ctrl_d_asks_first_and_ctrl_z_gives_the_number_back(
    qtbot: QtBot, page: WorkPage, monkeypatch
) -> None:
    page.floor.company("ООО Номера", phone="+74952223344")  # type: ignore[attr-defined]
    _next(qtbot, page)
    monkeypatch.setattr(page, "confirm_dead", lambda number: False)
    qtbot.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not page.phones_rows()[0].is_dead  # "no": nothing changed
    monkeypatch.setattr(page, "confirm_dead", lambda number: True)
    with qtbot.waitSignal(page.phones_changed, timeout=10000):
        qtbot.keyClick(page, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert page.phones_rows()[0].is_dead
    page.ui.phones_table.setFocus()
    with qtbot.waitSignal(page.phones_changed, timeout=10000):
        qtbot.keyClick(page.ui.phones_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not page.phones_rows()[0].is_dead


def test_enter_without_a_softphone_says_what_to_set_up(qtbot: QtBot, page: WorkPage) -> None:
    page.floor.company("ООО Звонок", "+74952223344")  # type: ignore[attr-defined]
    _next(qtbot, page)
    page.softphone_command = ""
    page.ui.phones_table.setFocus()
    qtbot.keyClick(page.ui.phones_table, Qt.Key.Key_Return)
    assert "Settings" in page.ui.status_label.text()


def test_notes_take_several_lines(qtbot: QtBot, page: WorkPage, db: Engine) -> None:
    company, _, _ = page.floor.company("ООО Заметки")  # type: ignore[attr-defined]
    _next(qtbot, page)
    notes = page.field_edits["notes"]
    notes.setText("Звонить после 11\nСекретарь Ольга")
    with qtbot.waitSignal(page.message, timeout=10000):
        qtbot.keyClick(page, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page._background.busy is False)
    with db.connect() as conn:
        saved = conn.execute(
            text("SELECT notes FROM dialdesk.companies WHERE id = :c"), {"c": company}
        ).scalar()
    assert saved == "Звонить после 11\nСекретарь Ольга"


def test_spoke_with_is_picked_from_the_contact_persons_or_typed(
    qtbot: QtBot, page: WorkPage, db: Engine
) -> None:
    company, _, _ = page.floor.company("ООО Люди")  # type: ignore[attr-defined]
    with db.begin() as conn:
        person = conn.execute(
            text("INSERT INTO dialdesk.contact_persons (company_id, full_name, position) "
                 "VALUES (:c, 'Иванова Ольга', 'директор') RETURNING id"),
            {"c": company},
        ).scalar_one()  # fmt: skip
    _next(qtbot, page)
    qtbot.keyClick(page, Qt.Key.Key_F4)  # Холодные: a contact
    page.ui.spoke_edit.setFocus()
    qtbot.keyClick(page.ui.spoke_edit, Qt.Key.Key_Down)
    popup = page.spoke_with.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    assert popup.model().index(0, 0).data() == "Иванова Ольга, директор"
    popup.setCurrentIndex(popup.model().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert page.ui.spoke_edit.text() == "Иванова Ольга, директор"
    _save(qtbot, page)
    with db.connect() as conn:
        row = conn.execute(text("SELECT contact_person_id, spoke_with FROM dialdesk.calls")).one()
    assert tuple(row) == (person, "Иванова Ольга, директор")


def test_a_next_contact_is_set_in_the_clients_time_and_the_form_says_so(
    qtbot: QtBot, russian: None, page: WorkPage, db: Engine
) -> None:
    from zoneinfo import ZoneInfo

    company, _, _ = page.floor.company(  # type: ignore[attr-defined]
        "ООО Байкал", phone="+73952223344", tz="Asia/Irkutsk"
    )
    with db.begin() as conn:
        conn.execute(text("UPDATE dialdesk.companies SET city = 'Иркутск' WHERE id = :c"),
                     {"c": company})  # fmt: skip
    _next(qtbot, page)
    assert page.client_time_label.text() == "по времени клиента: Иркутск, МСК+5"
    assert page.ui.next_edit.time().toString("HH:mm") == "10:00"
    qtbot.keyClick(page, Qt.Key.Key_F2)  # Тёплые: a next contact
    qtbot.keyClicks(page.ui.spoke_edit, "Petrov")
    _save(qtbot, page)
    with db.connect() as conn:
        due = conn.execute(text("SELECT due_at FROM dialdesk.callbacks")).scalar_one()
    local = due.astimezone(ZoneInfo("Asia/Irkutsk"))
    assert (local.hour, local.minute) == (10, 0)  # ten on the client's clock


def test_a_long_call_keeps_its_company(qtbot: QtBot, page: WorkPage, db: Engine) -> None:
    page.floor.company("ООО Долгий звонок")  # type: ignore[attr-defined]
    page._lease_timer.setInterval(100)  # renewed every two minutes in the real shift
    _next(qtbot, page)
    assert page.claim is not None
    entry = page.claim.entry_id

    def lease_left() -> timedelta:
        with db.connect() as conn:
            lease = conn.execute(
                text("SELECT lease_expires_at FROM dialdesk.campaign_entries WHERE id = :e"),
                {"e": entry},
            ).scalar_one()
        return lease - datetime.now(UTC)

    with db.begin() as conn:  # fourteen minutes into the call
        conn.execute(
            text(
                "UPDATE dialdesk.campaign_entries "
                "SET lease_expires_at = now() + interval '1 minute' WHERE id = :e"
            ),
            {"e": entry},
        )
    qtbot.waitUntil(lambda: lease_left() > timedelta(minutes=10), timeout=10000)


def test_a_state_the_database_refuses_is_said(qtbot: QtBot, page: WorkPage) -> None:
    page.ui.pause_combo.addItem("нет такой причины", 999_999)
    page.ui.pause_combo.setCurrentIndex(page.ui.pause_combo.count() - 1)
    with qtbot.waitSignal(page.message, timeout=10000, check_params_cb=lambda t: "state" in t):
        page.ui.pause_button.click()
    assert page.state == "paused"
