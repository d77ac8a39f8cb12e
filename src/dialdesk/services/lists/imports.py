"""Importing a list into the base: read, clean, de-duplicate against the base, write in one
transaction (``COPY`` into staging tables, then set-based SQL), record the import batch,
and report every rejected row.  An import can be undone while none of its companies has
been called."""

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from sqlalchemy import Engine

from dialdesk import limits
from dialdesk.errors import UserError, plain_database_errors
from dialdesk.importing.collector import collector_paused
from dialdesk.importing.columns import HEADER_SEARCH_ROWS, Header, check_mapping, find_header
from dialdesk.importing.rejects import PendingRejects, rejects_path
from dialdesk.importing.rows import Cancelled, Cleaned, clean_rows
from dialdesk.importing.table import RowStream, read_table, stream_table
from dialdesk.limits import refuse_too_long
from dialdesk.services.campaigns.settings import campaign_choices
from dialdesk.services.lists.import_options import ImportOptions, ImportResult
from dialdesk.services.lists.import_templates import load_template
from dialdesk.services.lists.import_writer import Progress, write_import
from dialdesk.services.lists.old_base import Matched, load_vocabulary, match_old_base

log = logging.getLogger(__name__)


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


@collector_paused()
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


def _report_old_base(result: ImportResult, cleaned: Cleaned, matched: Matched) -> None:
    result.experts_matched = len(matched.experts)
    result.former_clients = sum(1 for c in cleaned.companies if c.old.former is not None)
    result.unknown_experts = dict(matched.unknown_experts.most_common())
    result.unknown_groups = dict(matched.unknown_groups.most_common())
    result.contacts_without_outcome = matched.contacts_without_outcome


def _head(stream: RowStream, rows: int) -> list[list[str]]:
    """The sheet's first rows, at least ``rows`` of them when it has that many: where the
    header is looked for.  The rest of the stream stays to be read."""
    head: list[list[str]] = []
    for chunk in stream.chunks:
        head += chunk
        if len(head) >= rows:
            break
    return head


@collector_paused()
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
    with stream_table(
        path, options.sheet, encoding=options.encoding, delimiter=options.delimiter
    ) as stream:
        head = _head(stream, max(HEADER_SEARCH_ROWS, (options.header_row or 0) + 1))
        if options.header_row is not None and options.header_row < len(head):
            names = head[options.header_row]
            header = Header(options.header_row, names, options.mapping or {})
        else:
            known = load_template(engine, options.template) if options.template else None
            header = find_header(head, known)
        mapping = options.mapping or header.mapping
        check_mapping(mapping)
        read_at = time.perf_counter()  # the rest is cleaned as it is read
        cleaned = clean_rows(
            chain(head[header.row_index + 1 :], chain.from_iterable(stream.chunks)),
            header.row_index + 2,
            mapping,
            header=header.names,
            total=stream.rows - header.row_index - 1,
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
    rejects: PendingRejects | None = None

    def write_rejects() -> None:  # while the database works on the staged rows
        nonlocal rejects
        if cleaned.rejections:
            translate = options.translate or _same
            target = options.rejects_file or rejects_path(path, translate)
            rejects = PendingRejects(target, header.names, cleaned.rejections, translate)

    try:
        with plain_database_errors(), engine.connect() as conn, conn.begin() as transaction:
            matched = match_old_base(
                load_vocabulary(conn), cleaned.companies, options.experts, options.groups
            )
            _report_old_base(result, cleaned, matched)
            write_import(
                conn, me, path, options, cleaned, matched, result, progress, cancelled,
                write_rejects,
            )  # fmt: skip
            if options.dry_run:
                transaction.rollback()
                result.batch_id = None
    except BaseException:
        if rejects is not None:
            rejects.discard()
        raise
    written_at = time.perf_counter()
    if rejects is not None:  # the import is saved, whatever the file says
        result.rejects_file, result.rejects_error = rejects.keep()
        if result.rejects_error is not None:
            result.rejects_unwritten = rejects.target
    finished = time.perf_counter()
    result.seconds = finished - started
    result.stage_seconds = {
        "read": read_at - started,
        "clean": cleaned_at - read_at,
        "write": written_at - cleaned_at,
        "report": finished - written_at,
    }
    progress("done", 1, 1)
    log.info(
        "import %s by person %s%s: %d rows, %d companies created, %d merged, %d rejected, "
        "%d entries added, %.1f s",
        result.batch_id, me, " (trial run)" if result.dry_run else "", result.rows_read,
        result.companies_created, result.companies_merged, result.rows_rejected,
        result.entries_added, result.seconds,
    )  # fmt: skip
    return result
