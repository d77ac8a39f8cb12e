"""The rejected-rows file is written beside the import's database work, and never costs the
import: a file that cannot be written is said, the import stays saved; an import that fails
leaves no file, and an earlier file of the same name as it was."""

import errno
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, text

from dialdesk.cli.main import main
from dialdesk.errors import UserError
from dialdesk.importing.rejects import PendingRejects, why_not_written
from dialdesk.importing.sheet_row import Rejection
from dialdesk.services.lists.import_options import ImportOptions
from dialdesk.services.lists.imports import run_import
from tests.importing.files import xlsx
from tests.services.import_runs import cancel_import_at

ROWS: list[list[object]] = [
    ["ООО Ромашка", "7707083893", "+7 913 209-72-63", "Торговля", "Новосибирск"],
    ["ИП Сидоров", None, "353-03-67", None, "Казань"],  # no area code: rejected
    [None, None, "+7 495 123-45-67", None, "Москва"],  # no name: rejected
]


def _companies(db: Engine) -> int:
    with db.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM dialdesk.companies")).scalar_one())


def test_a_rejects_file_that_cannot_be_written_is_said_and_the_import_stays(
    db: Engine, marketer: Engine, tmp_path: Path
) -> None:
    """Seen: the file of rejected rows aimed at a folder that is gone (or a file open in
    Excel) failed the import's window with an error after the import was saved."""
    target = tmp_path / "нет такой папки" / "отклонённые.xlsx"
    options = ImportOptions("Выставка", rejects_file=target)
    result = run_import(marketer, None, xlsx(tmp_path / "list.xlsx", ROWS), options)
    assert result.batch_id is not None and result.companies_created == 1
    assert result.rows_rejected == 2
    assert result.rejects_file is None
    assert result.rejects_error == "its folder does not exist"
    assert result.rejects_unwritten == target
    assert _companies(db) == 1
    assert not target.parent.exists()


def test_an_import_that_fails_leaves_no_rejects_file_and_an_earlier_one_as_it_was(
    db: Engine, marketer: Engine, tmp_path: Path
) -> None:
    path = xlsx(tmp_path / "list.xlsx", ROWS)
    earlier = tmp_path / "list - rejected rows.xlsx"
    earlier.write_bytes(b"the earlier import's rejects")
    with pytest.raises(UserError, match="Choose the campaign"):
        run_import(marketer, None, path, ImportOptions("   "))  # refused inside the write
    assert earlier.read_bytes() == b"the earlier import's rejects"
    assert sorted(p.name for p in tmp_path.iterdir()) == [earlier.name, path.name]
    assert _companies(db) == 0


def test_an_import_cancelled_while_its_rejects_file_is_written_leaves_none(
    db: Engine, marketer: Engine, tmp_path: Path
) -> None:
    path = xlsx(tmp_path / "list.xlsx", ROWS)
    cancel_import_at(marketer, path, "Выставка", "write", 0)  # rows staged, the file begun
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert _companies(db) == 0


def test_a_trial_run_writes_its_rejects_file_and_nothing_else(
    db: Engine, marketer: Engine, tmp_path: Path
) -> None:
    path = xlsx(tmp_path / "list.xlsx", ROWS)
    result = run_import(marketer, None, path, ImportOptions("Выставка", dry_run=True))
    assert result.rejects_file == tmp_path / "list - rejected rows.xlsx"
    sheet = load_workbook(result.rejects_file).active
    assert sheet is not None and sheet.max_row == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [result.rejects_file.name, path.name]
    assert _companies(db) == 0


def test_the_command_line_says_a_rejects_file_it_could_not_write(
    db_dsn: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = xlsx(tmp_path / "list.xlsx", ROWS)
    target = tmp_path / "gone" / "r.xlsx"
    args = ["import", str(path), "--campaign", "Осень", "--dsn", db_dsn, "--rejects", str(target)]
    assert main(args) == 0
    out, _ = capsys.readouterr()
    assert "could not be written" in out and str(target) in out
    assert main([*args, "--json"]) == 0
    report = json.loads(capsys.readouterr()[0])
    assert report["rejects_file"] is None and report["rejects_unwritten"] == str(target)
    assert report["rejects_error"] == "its folder does not exist"


def _rejection(row: int) -> Rejection:
    return Rejection(row, ["", "7707083893"], "No company name.")


def test_a_pending_file_is_put_in_place_only_when_kept(tmp_path: Path) -> None:
    kept = PendingRejects(tmp_path / "kept.xlsx", ["Название", "ИНН"], [_rejection(3)])
    dropped = PendingRejects(tmp_path / "dropped.xlsx", ["Название", "ИНН"], [_rejection(4)])
    assert kept.keep() == (tmp_path / "kept.xlsx", None)
    dropped.discard()
    assert [p.name for p in tmp_path.iterdir()] == ["kept.xlsx"]
    sheet = load_workbook(tmp_path / "kept.xlsx").active
    assert sheet is not None and sheet["A2"].value == 3


def test_a_pending_file_over_a_folder_of_that_name_is_said_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    (tmp_path / "r.xlsx").mkdir()
    pending = PendingRejects(tmp_path / "r.xlsx", ["Название"], [_rejection(3)])
    assert pending.keep() == (None, "a folder has that name")
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]
    assert (tmp_path / "r.xlsx").is_dir()


@pytest.mark.parametrize(
    ("error", "said"),
    [
        (PermissionError(errno.EACCES, "Permission denied"), "no right to write there, or"),
        (OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
        (OSError(errno.EIO, "Input/output error"), "the system refused to write it"),
    ],
)  # fmt: skip
def test_why_a_file_was_not_written_is_said_in_our_words(error: OSError, said: str) -> None:
    assert why_not_written(error).startswith(said)
