"""A supervisor wakes sleeping clients: ticks them and puts them into the campaign of
former clients; the database refuses another kind of campaign and an operator."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QThreadPool
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from dialdesk.errors import UserError
from dialdesk.services.experts.sleeping import queue_sleeping
from dialdesk.ui.supervisor.sleeping_dialog import SleepingDialog
from tests.conftest import Logins
from tests.services.conftest import make_campaign


def _sleeping_base(db: Engine) -> tuple[list[int], int, int]:
    """Two sleeping clients, one awake; a campaign of former clients and another one."""
    long_ago = date.today() - timedelta(days=400)
    ids = []
    with db.begin() as conn:
        for name, last in (("Спит раз", long_ago), ("Спит два", long_ago),
                           ("Не спит", date.today())):  # fmt: skip
            ids.append(conn.execute(
                text("INSERT INTO dialdesk.companies (name, name_key, client_since, "
                     "last_purchase_on) VALUES (:n, :n, :s, :l) RETURNING id"),
                {"n": name, "s": long_ago, "l": last},
            ).scalar_one())  # fmt: skip
    former, plain = make_campaign(db, "Брошенные"), make_campaign(db, "Новая база")
    with db.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.campaigns SET is_abandoned_clients = true WHERE id = :k"),
            {"k": former},
        )
    return ids, former, plain


def test_a_supervisor_wakes_the_ticked_sleeping_clients(
    qtbot: QtBot, db: Engine, logins: Logins
) -> None:
    ids, former, _ = _sleeping_base(db)
    dialog = SleepingDialog(logins.as_role("supervisor"))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10000):
        dialog.show()
    assert dialog.ui.clients_list.count() == 2  # the awake one is not offered
    assert dialog.ui.campaign_combo.currentData() == former
    dialog.ui.clients_list.item(0).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(dialog.queued, timeout=10000) as added:
        dialog.ui.button_box.accepted.emit()
    assert added.args == [1]
    with db.connect() as conn:
        queued = (
            conn.execute(
                text("SELECT company_id FROM dialdesk.campaign_entries WHERE campaign_id = :k"),
                {"k": former},
            )
            .scalars()
            .all()
        )
    assert len(queued) == 1 and queued[0] in ids[:2]
    QThreadPool.globalInstance().waitForDone(10000)


def test_only_a_campaign_of_former_clients_and_not_an_operator(db: Engine, logins: Logins) -> None:
    ids, former, plain = _sleeping_base(db)
    supervisor = logins.as_role("supervisor")
    with pytest.raises(UserError, match="campaign of former clients"):
        queue_sleeping(supervisor, plain, ids)
    assert queue_sleeping(supervisor, former, ids) == 2  # the awake one stays out
    with (
        logins.as_role("operator").connect() as conn,
        pytest.raises(DBAPIError, match="permission"),
    ):
        conn.execute(text("SELECT dialdesk.queue_sleeping_clients(:k, :ids)"),
                     {"k": former, "ids": ids})  # fmt: skip
