"""Importing a list into the base: read, clean, de-duplicate against the base, write in one
transaction (``COPY`` into staging tables, then set-based SQL), record the import batch,
and report every rejected row.  An import can be undone while none of its companies has
been called."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, text

from dialdesk.importing.columns import check_mapping, find_header
from dialdesk.importing.rejects import rejects_path, write_rejects
from dialdesk.importing.rows import Cancelled, Cleaned, clean_rows
from dialdesk.importing.table import read_table, sheet_names
from dialdesk.services.errors import UserError, plain_database_errors
from dialdesk.services.import_templates import load_template

Progress = Callable[[str, int, int], None]  # stage, done, total


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
    entries_added: int = 0
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
    sheets = sheet_names(path)
    table = read_table(path, sheet, encoding=encoding, delimiter=delimiter)
    known = load_template(engine, template) if template else None
    header = find_header(table.rows, known)
    rows = [row for row in table.rows[header.row_index + 1 :] if any(row)]
    return ListPreview(
        sheets=sheets,
        sheet=table.sheet,
        header_row_number=header.row_index + 1,
        header=header.names,
        mapping=header.mapping,
        sample=rows[:sample_rows],
        data_rows=len(rows),
        encoding=table.encoding,
        delimiter=table.delimiter,
    )


def campaign_names(engine: Engine) -> list[str]:
    with plain_database_errors(), engine.connect() as conn:
        return list(
            conn.execute(
                text("SELECT name FROM dialdesk.campaigns ORDER BY is_active DESC, name")
            ).scalars()
        )


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
    started = time.perf_counter()
    progress("read", 0, 1)
    table = read_table(path, options.sheet, encoding=options.encoding, delimiter=options.delimiter)
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
        rows_rejected=len(cleaned.rejections),
        dry_run=options.dry_run,
        mapping=mapping,
    )
    if cancelled():
        raise Cancelled
    cleaned_at = time.perf_counter()
    with plain_database_errors(), engine.connect() as conn, conn.begin() as transaction:
        _write(conn, me, path, options, cleaned, result, progress, cancelled)
        if options.dry_run:
            transaction.rollback()
            result.batch_id = None
    written_at = time.perf_counter()
    if cleaned.rejections:
        target = options.rejects_file or rejects_path(path)
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


def _campaign_id(conn: Connection, name: str, result: ImportResult) -> int:
    name = name.strip()
    if not name:
        raise UserError("Choose the campaign the companies go to.")
    found = conn.execute(
        text("SELECT id FROM dialdesk.campaigns WHERE lower(name) = lower(:n)"), {"n": name}
    ).scalar()
    if found is not None:
        return int(found)
    result.campaign_created = True
    return int(
        conn.execute(
            text("INSERT INTO dialdesk.campaigns (name) VALUES (:n) RETURNING id"), {"n": name}
        ).scalar_one()
    )


STAGING = """
CREATE TEMP TABLE import_companies (
    k integer PRIMARY KEY, name text, name_key text, legal_form text, inn text,
    industry text, city text, region text, address text, website text, staff_band text,
    email text, company_id integer, is_new boolean NOT NULL DEFAULT false
) ON COMMIT DROP;
CREATE TEMP TABLE import_phones (
    k integer, pos integer, e164 text, extension text, kind text, time_zone text
) ON COMMIT DROP;
CREATE TEMP TABLE import_contacts (
    k integer, pos integer, full_name text, position text, email text
) ON COMMIT DROP;
"""

# Against the base: same INN; else a shared phone; else the same name in the same city.
# Two different INNs are two companies, whatever else they share.
MATCH = [
    """
    UPDATE import_companies s SET company_id = c.id
    FROM dialdesk.companies c
    WHERE s.inn IS NOT NULL AND c.inn = s.inn
    """,
    """
    UPDATE import_companies s SET company_id = m.company_id
    FROM (
        SELECT DISTINCT ON (ip.k) ip.k, p.company_id
        FROM import_phones ip
        JOIN import_companies s2 ON s2.k = ip.k AND s2.company_id IS NULL
        JOIN dialdesk.phones p ON p.e164 = ip.e164
        JOIN dialdesk.companies c ON c.id = p.company_id
        WHERE s2.inn IS NULL OR c.inn IS NULL OR c.inn = s2.inn
        ORDER BY ip.k, p.company_id
    ) m
    WHERE s.k = m.k
    """,
    """
    UPDATE import_companies s SET company_id = m.id
    FROM (
        SELECT DISTINCT ON (s2.k) s2.k, c.id
        FROM import_companies s2
        JOIN dialdesk.companies c
          ON c.name_key = s2.name_key AND c.city IS NOT DISTINCT FROM s2.city
        WHERE s2.company_id IS NULL AND (s2.inn IS NULL OR c.inn IS NULL OR c.inn = s2.inn)
        ORDER BY s2.k, c.id
    ) m
    WHERE s.k = m.k
    """,
]

WRITE = [
    """
    UPDATE import_companies
    SET company_id = nextval(pg_get_serial_sequence('dialdesk.companies', 'id')), is_new = true
    WHERE company_id IS NULL
    """,
    """
    INSERT INTO dialdesk.companies (id, name, name_key, legal_form, inn, industry, region,
        city, address, website, staff_band, source, notes, import_batch_id)
    SELECT company_id, name, name_key, legal_form, inn, industry, region, city, address,
        website, staff_band, :source, CASE WHEN email IS NOT NULL THEN 'E-mail: ' || email END,
        :batch
    FROM import_companies WHERE is_new ORDER BY k
    """,
    """
    INSERT INTO dialdesk.phones (company_id, e164, extension, kind, time_zone, import_batch_id)
    SELECT company_id, e164, extension, kind, time_zone, :batch
    FROM (
        SELECT DISTINCT ON (s.company_id, ip.e164) s.company_id, ip.e164, ip.extension,
            ip.kind, ip.time_zone, ip.k, ip.pos
        FROM import_phones ip JOIN import_companies s ON s.k = ip.k
        WHERE NOT EXISTS (SELECT 1 FROM dialdesk.phones p
                          WHERE p.company_id = s.company_id AND p.e164 = ip.e164)
        ORDER BY s.company_id, ip.e164, ip.k, ip.pos
    ) fresh
    ORDER BY k, pos
    """,
    """
    INSERT INTO dialdesk.contact_persons (company_id, full_name, position, email,
        import_batch_id)
    SELECT company_id, full_name, position, email, :batch
    FROM (
        SELECT DISTINCT ON (s.company_id, lower(ic.full_name)) s.company_id, ic.full_name,
            ic.position, ic.email, ic.k, ic.pos
        FROM import_contacts ic JOIN import_companies s ON s.k = ic.k
        WHERE NOT EXISTS (SELECT 1 FROM dialdesk.contact_persons cp
                          WHERE cp.company_id = s.company_id
                            AND lower(cp.full_name) = lower(ic.full_name))
        ORDER BY s.company_id, lower(ic.full_name), ic.k, ic.pos
    ) fresh
    ORDER BY k, pos
    """,
]

ENTRIES = """
INSERT INTO dialdesk.campaign_entries (campaign_id, company_id, import_batch_id)
SELECT DISTINCT :campaign, company_id, :batch FROM import_companies
ON CONFLICT (campaign_id, company_id) DO NOTHING
"""


def _write(
    conn: Connection,
    me: int | None,
    path: Path,
    options: ImportOptions,
    cleaned: Cleaned,
    result: ImportResult,
    progress: Progress,
    cancelled: Callable[[], bool],
) -> None:
    def step(stage: str, done: int, total: int) -> None:
        if cancelled():
            raise Cancelled
        progress(stage, done, total)

    campaign = _campaign_id(conn, options.campaign, result)
    batch = conn.execute(
        text(
            "INSERT INTO dialdesk.import_batches (file_name, source, campaign_id, created_by) "
            "VALUES (:file, :source, :campaign, :me) RETURNING id"
        ),
        {"file": path.name, "source": options.source, "campaign": campaign, "me": me},
    ).scalar_one()
    result.batch_id = batch
    conn.exec_driver_sql(STAGING)
    step("write", 0, 4)
    _copy_staging(conn, cleaned)
    step("write", 1, 4)
    for statement in MATCH:
        conn.execute(text(statement))
    step("write", 2, 4)
    counts = conn.execute(
        text(
            "SELECT count(DISTINCT company_id) FILTER (WHERE company_id IS NOT NULL), "
            "(SELECT count(DISTINCT ip.e164) FROM import_phones ip "
            " JOIN dialdesk.do_not_call d ON d.e164 = ip.e164) FROM import_companies"
        )
    ).one()
    result.companies_merged, result.phones_do_not_call = counts
    params = {"batch": batch, "source": options.source, "campaign": campaign}
    for statement in WRITE:
        conn.execute(text(statement), params)
    result.companies_created = conn.execute(
        text("SELECT count(*) FROM import_companies WHERE is_new")
    ).scalar_one()
    step("write", 3, 4)
    result.entries_added = conn.execute(text(ENTRIES), params).rowcount
    conn.execute(
        text(
            "UPDATE dialdesk.import_batches SET rows_read = :read, companies_created = :created, "
            "companies_merged = :merged, rows_rejected = :rejected WHERE id = :batch"
        ),
        {
            "read": result.rows_read,
            "created": result.companies_created,
            "merged": result.companies_merged,
            "rejected": result.rows_rejected,
            "batch": batch,
        },
    )
    step("write", 4, 4)


def _copy_staging(conn: Connection, cleaned: Cleaned) -> None:
    """Stream the cleaned companies into the staging tables with ``COPY``."""
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        with cursor.copy(
            "COPY import_companies (k, name, name_key, legal_form, inn, industry, city, "
            "region, address, website, staff_band, email) FROM STDIN"
        ) as copy:
            for k, company in enumerate(cleaned.companies):
                v = company.values
                copy.write_row(
                    (k, company.name, company.name_key, company.legal_form, company.inn,
                     v.get("industry"), v.get("city"), v.get("region"), v.get("address"),
                     v.get("website"), v.get("staff_band"), company.email)
                )  # fmt: skip
        with cursor.copy(
            "COPY import_phones (k, pos, e164, extension, kind, time_zone) FROM STDIN"
        ) as copy:
            for k, company in enumerate(cleaned.companies):
                for pos, phone in enumerate(company.phones):
                    copy.write_row(
                        (k, pos, phone.e164, phone.extension, phone.kind, phone.time_zone)
                    )
        with cursor.copy(
            "COPY import_contacts (k, pos, full_name, position, email) FROM STDIN"
        ) as copy:
            for k, company in enumerate(cleaned.companies):
                for pos, person in enumerate(company.contacts):
                    copy.write_row((k, pos, person.full_name, person.position, person.email))
