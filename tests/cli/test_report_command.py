"""``dialdesk report``: the same figures as the screen, as text, JSON or an XLSX workbook."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine, text

from dialdesk.db.engine import make_engine
from dialdesk.services.people import accounts as people
from dialdesk.services.reports.table import Chart, Column, Report
from dialdesk.services.reports.xlsx import write_report_xlsx
from tests.cli.test_cli import run
from tests.conftest import Logins
from tests.services.reports_data import build_report_base


def test_report_json_is_one_object_with_rows_columns_cells_and_totals(
    db: Engine, db_dsn: str, logins: Logins, capsys: pytest.CaptureFixture[str]
) -> None:
    build_report_base(db, logins)
    code, out, _ = run(capsys, "report", "groups", "--language", "ru", "--json", "--dsn", db_dsn)
    assert code == 0
    payload = json.loads(out)
    assert payload["columns"] == ["Companies", "Share, %"]
    assert payload["rows"][0] == "Горячие" and payload["cells"][0] == [1, 20.0]
    assert payload["totals"] == [5, 100.0]
    code, out, _ = run(
        capsys, "report", "movement", "--campaign", "смазки", "--from", "2026-11-01",
        "--to", "30.11.2026", "--json", "--dsn", db_dsn,
    )  # fmt: skip
    assert code == 0 and json.loads(out)["totals"] == [1, 1, 1, 1, 4]


def test_report_as_text_and_as_xlsx(
    db: Engine, db_dsn: str, logins: Logins, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    build_report_base(db, logins)
    code, out, _ = run(capsys, "report", "industry-months", "--dsn", db_dsn)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Contacts by industry and month"
    assert lines[-1].split() == [
        "Contacts",
        "per",
        "working",
        "day",
        "1.0",
        "1.7",
        "—",
        "1.8",
    ]  # 7/4: undated too
    target = tmp_path / "out" / "months.xlsx"
    code, out, _ = run(capsys, "report", "industry-months", "--xlsx", str(target), "--dsn", db_dsn)
    assert code == 0 and target.exists()
    sheet = load_workbook(target).active
    assert [c.value for c in sheet[1]] == ["Industry", "2026-10", "2026-11", "no date", "Total"]
    assert [c.value for c in sheet[2]] == ["Нефть", 0, 4, 0, 4]
    assert sheet["E2"].data_type == "n"  # numbers stay numbers
    assert sheet.freeze_panes == "B2"


def test_report_mistakes_get_plain_messages(
    db_dsn: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "report", "groups", "--campaign", "Нет такой", "--dsn", db_dsn)
    assert code == 1 and "no campaign named 'Нет такой'" in err
    code, _, err = run(capsys, "report", "answers", "--dsn", db_dsn)
    assert code == 1 and "yes/no or choice question" in err
    code, _, err = run(
        capsys, "report", "groups", "--from", "2026-11-30", "--to", "2026-11-01", "--dsn", db_dsn
    )
    assert code == 1 and "start before it ends" in err
    with pytest.raises(SystemExit):
        run(capsys, "report", "groups", "--from", "yesterday", "--dsn", db_dsn)


def test_xlsx_keeps_formula_like_text_as_text_and_dates_as_dates(
    db: Engine, tmp_path: Path
) -> None:
    with db.connect() as conn:
        day = conn.execute(text("SELECT date '2026-11-23'")).scalar()
    report = Report(
        name="check",
        title="Check: a/b [1]",
        row_header="Company",
        columns=[Column("Note", "text"), Column("Day", "date"), Column("Share", "percent")],
        rows=['=HYPERLINK("http://x")', "+7 913 000-00-00", "-минус", "@home", "ООО Ромашка"],
        cells=[
            ["=1+2", day, 12.5],
            ["x", None, None],
            ["y", None, 0.0],
            ["z", None, 100.0],
            ["обычный", day, 33.3],
        ],
        totals=[None, None, 100.0],
        chart=Chart("bar"),
    )
    path = write_report_xlsx(report, tmp_path / "check.xlsx")
    sheet = load_workbook(path).active
    assert sheet.title == "Check  a b  1"
    for row, start in ((2, "="), (3, "+"), (4, "-"), (5, "@")):
        cell = sheet.cell(row=row, column=1)
        assert cell.value.startswith(start) and cell.data_type == "s" and cell.quotePrefix
    assert sheet["B2"].data_type == "s" and sheet["B2"].quotePrefix  # "=1+2" is not run
    assert not sheet["A6"].quotePrefix  # ordinary text is left alone
    assert sheet["C2"].is_date and sheet["C2"].value.date() == day
    assert sheet["D2"].value == 12.5 and sheet["D2"].number_format == "0.0"
    assert [c.value for c in sheet[7]] == ["Total", None, None, 100.0]
    assert sheet.column_dimensions["A"].width >= len('=HYPERLINK("http://x")')


def test_cyrillic_reaches_a_pipe_whatever_the_code_page(db_dsn: str) -> None:
    """Windows gives a pipe its ANSI code page (cp1252 on an English Windows, where
    Cyrillic cannot be written); the command line writes UTF-8 instead."""
    engine = make_engine(db_dsn, pool_size=1)
    people.add_person(engine, "t_pipe", "Иванова Ольга", "operator", "secret-password")
    engine.dispose()
    env = dict(os.environ, PYTHONIOENCODING="cp1252")
    done = subprocess.run(
        [sys.executable, "-m", "dialdesk.cli.main", "user", "list", "--dsn", db_dsn],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert "Иванова Ольга" in done.stdout.decode("utf-8")
