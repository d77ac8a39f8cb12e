"""An import reads a workbook in parts and cleans each as it comes: every row is taken, and a
cancel while rows still arrive writes nothing and stops the reader."""

from pathlib import Path

from sqlalchemy import Engine, text

from dialdesk.services.lists.import_options import ImportOptions
from dialdesk.services.lists.imports import run_import
from tests.importing.files import company, no_reader_left, xlsx
from tests.services.import_runs import cancel_import_at


def test_an_import_cancelled_while_the_rows_still_arrive_writes_nothing_and_stops_the_reader(
    marketer: Engine, db: Engine, tmp_path: Path
) -> None:
    path = xlsx(tmp_path / "list.xlsx", [company(n) for n in range(12000)])
    cancel_import_at(marketer, path, "Осень", "clean", 2000)
    assert no_reader_left()
    with db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.companies")).scalar() == 0


def test_a_long_import_reads_in_parts_and_takes_every_row(marketer: Engine, tmp_path: Path) -> None:
    rows = [company(n) for n in range(12000)]  # three parts of the reader's 5,000
    result = run_import(marketer, None, xlsx(tmp_path / "list.xlsx", rows), ImportOptions("Осень"))
    assert (result.rows_read, result.companies_created, result.rows_rejected) == (12000, 12000, 0)
    assert no_reader_left()
