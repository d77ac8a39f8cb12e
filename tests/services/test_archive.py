"""Companies are archived, not deleted: out of every queue and callback list with their
history kept, and back with their places and callbacks; only marketers and admins, and
only through ``set_archived``."""

import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from dialdesk.errors import UserError
from dialdesk.services.lists.import_options import ImportOptions
from dialdesk.services.lists.imports import run_import
from dialdesk.services.segments import Criteria, segment_to_campaign, set_segment_archived
from dialdesk.services.shift.queue import claim_next_entry
from tests.conftest import Logins
from tests.importing.files import csv_file
from tests.services.conftest import Floor
from tests.services.test_queue import MONDAY_10_MSK

EVERYONE = Criteria()
THE_ARCHIVE = Criteria(archived=True)


def _state(floor: Floor, entry: int) -> str:
    return str(floor.entry(entry)["state"])


def test_archived_companies_leave_the_queue_and_come_back_as_they_were(
    floor: Floor, logins: Logins
) -> None:
    marketer = logins.as_role("marketer")
    _, _, fresh = floor.company("Свежая", phone="+74951110001")
    _, _, retry = floor.company("Перезвонить позже", phone="+74951110002", state="retry")
    _, _, promised = floor.company("Обещали", phone="+74951110003")
    callback = floor.callback(promised, MONDAY_10_MSK - timedelta(hours=1), floor.me, floor.me)
    held_company, _, held = floor.company("На карточке", phone="+74951110004", holder=floor.other)

    done = set_segment_archived(marketer, EVERYONE, True)
    assert (done.changed, done.held) == (3, 1)  # the one on a card stays as it is
    assert [_state(floor, e) for e in (fresh, retry, promised, held)] == [
        "done", "done", "done", "claimed"
    ]  # fmt: skip
    with floor.db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT state FROM dialdesk.callbacks WHERE id = :c"), {"c": callback}
            ).scalar_one()
            == "cancelled"
        )
        archived_by = conn.execute(
            text("SELECT count(*) FROM dialdesk.companies WHERE archived_by IS NOT NULL")
        ).scalar_one()
        audited = conn.execute(
            text(
                "SELECT count(*) FROM dialdesk.audit_log WHERE table_name = 'companies' "
                "AND new_row ? 'archived_at' AND new_row ->> 'archived_at' IS NOT NULL"
            )
        ).scalar_one()
    assert archived_by == 3 and audited == 3
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is None

    back = set_segment_archived(marketer, THE_ARCHIVE, False)
    assert (back.changed, back.held) == (3, 0)
    assert [_state(floor, e) for e in (fresh, retry, promised)] == ["fresh", "retry", "callback"]
    claim = claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK)
    assert claim is not None and claim.callback_id == callback  # my promise comes first again
    assert held_company not in {claim.company_id}


def test_only_marketers_and_admins_archive_and_only_through_the_function(
    floor: Floor, logins: Logins
) -> None:
    floor.company("Любая")
    with pytest.raises(UserError, match="refused"):
        set_segment_archived(floor.my_engine, EVERYONE, True)  # an operator
    for role in ("marketer", "admin"):
        engine = logins.as_role(role)
        with pytest.raises(DBAPIError, match="permission denied"), engine.begin() as conn:
            conn.execute(text("UPDATE dialdesk.companies SET archived_at = now()"))
    assert set_segment_archived(logins.as_role("admin"), EVERYONE, True).changed == 1


def test_segments_and_imports_leave_archived_companies_out_of_campaigns(
    floor: Floor, logins: Logins, tmp_path: Path
) -> None:
    marketer = logins.as_role("marketer")
    floor.company("Архивная", phone="+74951234567")
    set_segment_archived(marketer, EVERYONE, True)
    floor.company("Живая", phone="+74957654321")
    added = segment_to_campaign(marketer, EVERYONE, new_campaign=f"Сегмент {uuid.uuid4().hex[:4]}")
    assert (added.added, added.already_there) == (1, 0)
    with pytest.raises(UserError, match="bring them back"):
        segment_to_campaign(marketer, THE_ARCHIVE, new_campaign="Архив")
    rows = [["Архивная", "", "+7 495 123-45-67", "", "Москва", "Иванов Иван", "Директор"],
            ["Новая", "", "+7 495 000-11-22", "", "Москва", "", ""]]  # fmt: skip
    result = run_import(marketer, None, csv_file(tmp_path / "л.csv", rows, "utf-8"),
                        ImportOptions("Весна"))  # fmt: skip
    assert (result.companies_merged, result.archived_not_queued) == (1, 1)
    assert result.entries_added == 1  # only the new company is queued
    with floor.db.connect() as conn:  # what the list brought still reached the archived one
        people = (
            conn.execute(
                text(
                    "SELECT p.full_name FROM dialdesk.contact_persons p JOIN dialdesk.companies c "
                    "ON c.id = p.company_id WHERE c.name = 'Архивная'"
                )
            )
            .scalars()
            .all()
        )
    assert people == ["Иванов Иван"]
