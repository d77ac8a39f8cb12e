"""The Segments tab driven like a marketer: tick criteria, watch the size, save, rank,
compare, and call the segment."""

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text

from dialdesk.services.people.login import log_in
from dialdesk.ui.marketer.segments_page import NEW_CAMPAIGN, SegmentsPage
from tests.conftest import Logins
from tests.services.reports_data import build_report_base


@pytest.fixture
def page(qtbot: QtBot, db: Engine, db_dsn: str, logins: Logins):
    build_report_base(db, logins)
    login, password = logins.add("marketer")
    session = log_in(db_dsn, login, password)
    widget = SegmentsPage(session, "en")
    qtbot.addWidget(widget)
    widget.resize(1300, 850)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.refresh()
    yield widget
    for worker in (widget._loader, widget._counter, widget._actions):
        worker.wait()
    widget.files.wait()
    session.engine.dispose()


def _tick(box, text_shown: str) -> None:
    for row in range(box.count()):
        if box.item(row).text() == text_shown:
            box.item(row).setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(f"{text_shown} is not in the list")


def test_a_segment_is_ticked_counted_saved_and_compared(
    qtbot: QtBot, page: SegmentsPage, tmp_path: Path
) -> None:
    ui = page.ui
    qtbot.keyClick(page, Qt.Key.Key_Insert)
    ui.name_edit.setText("Нефть")
    with qtbot.waitSignal(page.counted, timeout=10000, check_params_cb=lambda n: n == 2):
        _tick(ui.industries_list, "Нефть")
    assert ui.matching_label.text() == "Companies matching: 2"
    with qtbot.waitSignal(page.counted, timeout=10000, check_params_cb=lambda n: n == 1):
        _tick(ui.groups_list, "Hot")  # and hot now
    ui.rank_combo.setCurrentIndex(ui.rank_combo.findData("A"))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.keyClick(ui.name_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 1
    assert [page.model.index(0, c).data() for c in range(4)] == ["Нефть", "A", "1", "20.0"]
    assert page.chart_view.chart().series()  # size, contact rate and warm/hot side by side
    assert page.current is not None  # still on the form
    assert page.criteria().groups == ("hot",)
    with qtbot.waitSignal(page.message, timeout=10000):  # the comparison goes out as XLSX
        page.files.export_xlsx(str(tmp_path / "segments"))
    sheet = load_workbook(tmp_path / "segments.xlsx").active
    assert [c.value for c in sheet[2]][:4] == ["Нефть", "A", 1, 20]


def test_a_segment_goes_into_a_new_campaign_with_its_priority(
    qtbot: QtBot, page: SegmentsPage, db: Engine
) -> None:
    ui = page.ui
    with qtbot.waitSignal(page.counted, timeout=10000, check_params_cb=lambda n: n == 2):
        _tick(ui.staff_list, "до 15")
    ui.target_combo.setCurrentIndex(ui.target_combo.findData(NEW_CAMPAIGN))
    assert ui.new_name_edit.isEnabled()
    ui.new_name_edit.setText("Малые")
    ui.priority_spin.setValue(3)
    ui.frequency_spin.setValue(24)
    with qtbot.waitSignal(page.message, timeout=10000) as said:
        page.add_to_campaign(confirm=False)
    assert said.args == ["2 companies added to “Малые”; 0 were there already."]
    with db.connect() as conn:
        row = conn.execute(
            text(
                "SELECT count(*), min(e.priority), min(e.retry_delay_minutes) FROM "
                "dialdesk.campaign_entries e JOIN dialdesk.campaigns c ON c.id = e.campaign_id "
                "WHERE c.name = 'Малые'"
            )
        ).one()
    assert tuple(row) == (2, 3, 24 * 60)


def test_a_segment_is_deleted_after_asking(
    qtbot: QtBot, page: SegmentsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.ui.name_edit.setText("Временный")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.save()
    assert page.model.rowCount() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.delete()
    assert page.model.rowCount() == 0 and page.current is None


def test_a_nameless_segment_is_refused_in_plain_words(qtbot: QtBot, page: SegmentsPage) -> None:
    page.save()
    qtbot.waitUntil(lambda: page.ui.error_label.text() != "", timeout=10000)
    assert page.ui.error_label.text() == "The segment needs a name."


def test_unsaved_criteria_are_not_dropped_without_asking(
    qtbot: QtBot, page: SegmentsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.ui.name_edit.setText("Первый")
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.save()
    first = page.current
    _tick(page.ui.industries_list, "Банки")  # not saved
    assert page.is_dirty()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    qtbot.keyClick(page, Qt.Key.Key_Insert)
    assert page.current == first and page.criteria().industries == ("Банки",)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()  # F5 reloads the lists and keeps the ticks
    assert page.current == first and page.criteria().industries == ("Банки",)
    assert page.is_dirty()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(page, Qt.Key.Key_Insert)
    assert page.current is None and page.criteria().industries == ()


def test_a_segment_is_archived_after_asking_and_brought_back(
    qtbot: QtBot, page: SegmentsPage, db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    ui = page.ui
    asked: list[str] = []

    def yes(_parent, _title, question):  # type: ignore[no-untyped-def]
        asked.append(question)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    with qtbot.waitSignal(page.counted, timeout=10000, check_params_cb=lambda n: n == 2):
        _tick(ui.industries_list, "Нефть")
    assert ui.archive_button.text() == "Archive…" and ui.campaign_box.isEnabled()
    with (
        qtbot.waitSignal(page.counted, timeout=10000, check_params_cb=lambda n: n == 0),
        qtbot.waitSignal(page.message, timeout=10000) as said,
    ):
        ui.archive_button.click()
    assert asked and asked[0].startswith("Archive 2 companies?")
    assert said.args == ["2 companies archived."]
    with db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM dialdesk.companies WHERE archived_at IS NOT NULL")
            ).scalar_one()
            == 2
        )
    # the archive: only brought back, never called
    with qtbot.waitSignal(page.counted, timeout=10000, check_params_cb=lambda n: n == 2):
        ui.archived_check.setChecked(True)
    assert ui.archive_button.text() == "Bring back from the archive…"
    assert not ui.campaign_box.isEnabled()
    with qtbot.waitSignal(page.message, timeout=10000) as said:
        ui.archive_button.click()
    assert said.args == ["2 companies brought back from the archive."]
    with db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM dialdesk.companies WHERE archived_at IS NOT NULL")
            ).scalar_one()
            == 0
        )


def test_the_add_button_asks_before_filling_a_campaign(
    qtbot: QtBot, page: SegmentsPage, db: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The button's clicked() once answered "don't ask" for the marketer."""
    asked: list[str] = []

    def no(_parent, _title, question):  # type: ignore[no-untyped-def]
        asked.append(question)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    page.ui.target_combo.setCurrentIndex(page.ui.target_combo.findData(NEW_CAMPAIGN))
    page.ui.new_name_edit.setText("Не надо")
    page.ui.add_button.click()
    assert len(asked) == 1
    with db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM dialdesk.campaigns WHERE name = 'Не надо'")
            ).scalar_one()
            == 0
        )
