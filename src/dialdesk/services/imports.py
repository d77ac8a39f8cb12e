"""Importing a list into the base: read, clean, de-duplicate against the base, write in one
transaction (``COPY`` into staging tables, then set-based SQL), record the import batch,
and report every rejected row.  An import can be undone while none of its companies has
been called."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from dialdesk.importing.columns import Header, check_mapping, find_header
from dialdesk.importing.rejects import rejects_path, write_rejects
from dialdesk.importing.rows import Cancelled, clean_rows
from dialdesk.importing.table import read_table
from dialdesk.services import limits
from dialdesk.services.campaigns import campaign_choices
from dialdesk.services.errors import UserError, plain_database_errors
from dialdesk.services.import_templates import load_template
from dialdesk.services.import_writer import Progress, write_import
from dialdesk.services.limits import refuse_too_long


@dataclass(frozen=True)
class ImportOptions:
    campaign: str
    source: str | None = None
    sheet: str | None = None
    template: str | None = None
    mapping: dict[int, str] | None = None  # column index -> field; None: guessed or template
    encoding: str | None = None
    delimiter: str | None = None
    dry_run: bool = False
    rejects_file: Path | None = None  # default: beside the list
    header_row: int | None = None  # 0-based, as the preview found it; None: found again
    translate: Callable[[str], str] | None = None  # rejection reasons into the reader's language


@dataclass
class ImportResult:
    rows_read: int = 0
    companies_created: int = 0
    companies_merged: int = 0
    duplicates_in_file: int = 0
    phones_valid: int = 0
    phones_invalid: int = 0
    phones_do_not_call: int = 0
    rows_rejected: int = 0
    rows_changed: int = 0  # imported with a value cut or left out (said in the rejects file)
    entries_added: int = 0
    archived_not_queued: int = 0  # matched archived companies: updated, not put in the queue
    rejects_file: Path | None = None
    seconds: float = 0.0
    batch_id: int | None = None
    dry_run: bool = False
    campaign_created: bool = False
    mapping: dict[int, str] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)  # read, clean, write, report

    def as_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["rejects_file"] = str(self.rejects_file) if self.rejects_file else None
        data["seconds"] = round(self.seconds, 2)
        data["mapping"] = {str(k): v for k, v in self.mapping.items()}
        data["stage_seconds"] = {k: round(v, 2) for k, v in self.stage_seconds.items()}
        return data


@dataclass(frozen=True)
class ListPreview:
    """What the wizard shows before importing: the sheets, the header found and a sample."""

    sheets: list[str]
    sheet: str
    header_row_number: int  # as the sheet numbers it, from 1
    header: list[str]
    mapping: dict[int, str]
    sample: list[list[str]]
    data_rows: int
    encoding: str | None
    delimiter: str | None
    header_recognised: bool = True  # False: no row named known columns; the first is taken


def preview_list(
    engine: Engine,
    path: Path,
    *,
    sheet: str | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    template: str | None = None,
    sample_rows: int = 20,
) -> ListPreview:
    """Read the list and guess its columns (or take them from ``template``)."""
    table = read_table(path, sheet, encoding=encoding, delimiter=delimiter)
    known = load_template(engine, template) if template else None
    recognised = True
    try:
        header = find_header(table.rows, known)
    except UserError:
        # headers nobody could guess: take the first row; the person maps the columns
        recognised = False
        first = next(i for i, row in enumerate(table.rows) if any(row))
        header = Header(first, table.rows[first], {})
    rows = [row for row in table.rows[header.row_index + 1 :] if any(row)]
    return ListPreview(
        sheets=list(table.sheets),
        sheet=table.sheet,
        header_row_number=header.row_index + 1,
        header=header.names,
        mapping=header.mapping,
        sample=rows[:sample_rows],
        data_rows=len(rows),
        encoding=table.encoding,
        delimiter=table.delimiter,
        header_recognised=recognised,
    )


def campaign_names(engine: Engine) -> list[str]:
    with plain_database_errors(), engine.connect() as conn:
        return [name for _id, name in campaign_choices(conn)]


def _same(template: str) -> str:
    return template


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def _never() -> bool:
    return False


def run_import(
    engine: Engine,
    me: int | None,
    path: Path,
    options: ImportOptions,
    *,
    progress: Progress = _no_progress,
    cancelled: Callable[[], bool] = _never,
) -> ImportResult:
    """Import ``path`` into ``options.campaign``; nothing is written on error or cancel."""
    refuse_too_long(
        {"campaign": options.campaign, "source": options.source or ""},
        {"campaign": limits.CAMPAIGN["name"], "source": limits.COMPANY["source"]},
    )
    started = time.perf_counter()
    progress("read", 0, 1)
    table = read_table(path, options.sheet, encoding=options.encoding, delimiter=options.delimiter)
    if options.header_row is not None and options.header_row < len(table.rows):
        names = table.rows[options.header_row]
        header = Header(options.header_row, names, options.mapping or {})
    else:
        known = load_template(engine, options.template) if options.template else None
        header = find_header(table.rows, known)
    mapping = options.mapping or header.mapping
    check_mapping(mapping)
    read_at = time.perf_counter()
    data_rows = table.rows[header.row_index + 1 :]
    cleaned = clean_rows(
        data_rows,
        header.row_index + 2,
        mapping,
        cancelled=cancelled,
        progress=lambda done, total: progress("clean", done, total),
    )
    result = ImportResult(
        rows_read=cleaned.rows_read,
        duplicates_in_file=cleaned.duplicates_in_file,
        phones_valid=cleaned.phones_valid,
        phones_invalid=cleaned.phones_invalid,
        rows_rejected=cleaned.rows_rejected,
        rows_changed=cleaned.rows_changed,
        dry_run=options.dry_run,
        mapping=mapping,
    )
    if cancelled():
        raise Cancelled
    if not cleaned.rows_read:  # a header and nothing under it: no batch, no campaign
        raise UserError(
            "The file has no rows under its header (row {row}): nothing was imported.",
            row=header.row_index + 1,
        )
    cleaned_at = time.perf_counter()
    with plain_database_errors(), engine.connect() as conn, conn.begin() as transaction:
        write_import(conn, me, path, options, cleaned, result, progress, cancelled)
        if options.dry_run:
            transaction.rollback()
            result.batch_id = None
    written_at = time.perf_counter()
    if cleaned.rejections:
        target = options.rejects_file or rejects_path(path, options.translate or _same)
        result.rejects_file = write_rejects(
            target, header.names, cleaned.rejections, options.translate or _same
        )
    finished = time.perf_counter()
    result.seconds = finished - started
    result.stage_seconds = {
        "read": read_at - started,
        "clean": cleaned_at - read_at,
        "write": written_at - cleaned_at,
        "report": finished - written_at,
    }
    progress("done", 1, 1)
    return result
