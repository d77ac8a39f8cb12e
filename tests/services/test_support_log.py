"""The log says what a support person needs (login, claim, save, release, import, undo,
report with its time) and never a password or a company's or person's details."""

import logging
from pathlib import Path

import pytest
from sqlalchemy import Engine

from dialdesk.logs import log_tail, setup_logging
from dialdesk.services.lists.import_batches import undo_import
from dialdesk.services.lists.import_options import ImportOptions
from dialdesk.services.lists.imports import run_import
from dialdesk.services.people.login import log_in
from dialdesk.services.reports import ReportFilter, run_report
from dialdesk.services.shift.shift import Shift
from tests.conftest import Logins
from tests.importing.files import xlsx
from tests.services.conftest import Floor
from tests.services.test_imports import ROWS
from tests.services.test_shift import _cold, _shift


@pytest.fixture
def support_log(tmp_path: Path):
    path = setup_logging(tmp_path / "logs")
    yield path
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", "") == str(path)]:
        root.removeHandler(handler)
        handler.close()


def test_a_shift_is_in_the_log_without_personal_data(
    support_log: Path,
    shift_floor: Floor,
    tmp_path: Path,
) -> None:
    floor = shift_floor
    floor.company("ООО Секретная", phone="+74951112233")
    shift: Shift = _shift(floor, tmp_path)
    shift.start()
    opened = shift.next()
    assert opened.claim is not None
    shift.save(_cold(shift))
    shift.saved()
    tail = log_tail(support_log)
    entry = opened.claim.entry_id
    assert f"person {floor.me} took entry {entry}" in tail
    assert f"person {floor.me} saved cold on entry {entry}" in tail
    assert f"person {floor.me} is waiting" in tail
    for private in ("Секретная", "74951112233", "Петров"):
        assert private not in tail


def test_login_import_undo_and_report_are_in_the_log(
    support_log: Path, db_dsn: str, logins: Logins, tmp_path: Path
) -> None:
    login, password = logins.add("marketer")
    session = log_in(db_dsn, login, password)
    engine: Engine = session.engine
    path = xlsx(tmp_path / "выставка.xlsx", ROWS)
    result = run_import(engine, session.identity.person_id, path, ImportOptions("Выставка"))
    assert result.batch_id is not None
    undo_import(engine, result.batch_id)
    run_report(engine, "groups", ReportFilter())
    session.engine.dispose()
    tail = log_tail(support_log)
    assert f"person {session.identity.person_id} logged in as marketer" in tail
    assert f"import {result.batch_id} by person {session.identity.person_id}: 5 rows" in tail
    assert f"import {result.batch_id} undone" in tail
    assert "report groups" in tail and " s: " in tail
    assert password not in tail and "Ромашка" not in tail
