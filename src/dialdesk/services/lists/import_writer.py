"""Writing an import: campaign, import batch, ``COPY`` into staging tables, matching against
the base (INN, then a shared phone, then name and city) and set-based inserts, all inside
the caller's transaction."""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, text

from dialdesk.errors import UserError
from dialdesk.importing.rows import Cancelled, CleanCompany, Cleaned
from dialdesk.services.lists.import_options import ImportOptions, ImportResult
from dialdesk.services.lists.import_update import count_updates, update_matched
from dialdesk.services.lists.old_base import Matched
from dialdesk.vocabulary import CENTRE_ZONE

Progress = Callable[[str, int, int], None]  # stage, done, total


def _campaign_id(conn: Connection, name: str, result: "ImportResult") -> int:
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
    email text, kpp text, ogrn text, okved text, listed_on date, client_since date,
    last_purchase_on date, total_bought numeric(14, 2), is_former_client boolean NOT NULL,
    expert_id integer, note text, group_id integer, contact_outcome integer,
    contact_at timestamptz, contact_comment text, contact_who text,
    company_id integer NOT NULL DEFAULT nextval('dialdesk.companies_id_seq'),
    is_new boolean NOT NULL DEFAULT true
) ON COMMIT DROP;
CREATE TEMP TABLE import_phones (
    k integer, pos integer, e164 text, extension text, kind text, time_zone text
) ON COMMIT DROP;
CREATE TEMP TABLE import_contacts (
    k integer, pos integer, full_name text, position text, email text
) ON COMMIT DROP;
"""

# Each staged company comes with the id it takes if it is new (the matched ones leave a gap
# in the sequence, as a rolled-back insert does): an update of every staged row afterwards
# cost half a second per 100,000.
# Against the base: same INN; else a shared phone; else the same name in the same city.
# Two different INNs are two companies, whatever else they share.
MATCH = [
    """
    UPDATE import_companies s SET company_id = c.id, is_new = false
    FROM dialdesk.companies c
    WHERE s.inn IS NOT NULL AND c.inn = s.inn
    """,
    """
    UPDATE import_companies s SET company_id = m.company_id, is_new = false
    FROM (
        SELECT DISTINCT ON (ip.k) ip.k, p.company_id
        FROM import_phones ip
        JOIN import_companies s2 ON s2.k = ip.k AND s2.is_new
        JOIN dialdesk.phones p ON p.e164 = ip.e164
        JOIN dialdesk.companies c ON c.id = p.company_id
        WHERE s2.inn IS NULL OR c.inn IS NULL OR c.inn = s2.inn
        ORDER BY ip.k, p.company_id
    ) m
    WHERE s.k = m.k
    """,
    """
    UPDATE import_companies s SET company_id = m.id, is_new = false
    FROM (
        SELECT DISTINCT ON (s2.k) s2.k, c.id
        FROM import_companies s2
        JOIN dialdesk.companies c
          ON c.name_key = s2.name_key AND c.city IS NOT DISTINCT FROM s2.city
        WHERE s2.is_new AND (s2.inn IS NULL OR c.inn IS NULL OR c.inn = s2.inn)
        ORDER BY s2.k, c.id
    ) m
    WHERE s.k = m.k
    """,
]

WRITE = [
    """
    INSERT INTO dialdesk.companies (id, name, name_key, legal_form, inn, industry, region,
        city, address, website, staff_band, source, notes, import_batch_id, kpp, ogrn, okved,
        listed_on, client_since, last_purchase_on, total_bought, is_former_client, expert_id)
    SELECT company_id, name, name_key, legal_form, inn, industry, region, city, address,
        website, staff_band, :source,
        nullif(concat_ws(E'\n', note, 'E-mail: ' || email), ''), :batch, kpp, ogrn, okved,
        listed_on, client_since, last_purchase_on, total_bought, is_former_client, expert_id
    FROM import_companies WHERE is_new ORDER BY k
    """,
    # a new company's phones and people are its row's own, each once (the cleaning saw to
    # it): no company to compare with; only a matched company's need the checks
    """
    INSERT INTO dialdesk.phones (company_id, e164, extension, kind, time_zone, import_batch_id)
    SELECT s.company_id, ip.e164, ip.extension, ip.kind, ip.time_zone, :batch
    FROM import_phones ip JOIN import_companies s ON s.k = ip.k
    WHERE s.is_new ORDER BY ip.k, ip.pos
    """,
    """
    INSERT INTO dialdesk.phones (company_id, e164, extension, kind, time_zone, import_batch_id)
    SELECT company_id, e164, extension, kind, time_zone, :batch
    FROM (
        SELECT DISTINCT ON (s.company_id, ip.e164) s.company_id, ip.e164, ip.extension,
            ip.kind, ip.time_zone, ip.k, ip.pos
        FROM import_phones ip JOIN import_companies s ON s.k = ip.k AND NOT s.is_new
        WHERE NOT EXISTS (SELECT 1 FROM dialdesk.phones p
                          WHERE p.company_id = s.company_id AND p.e164 = ip.e164)
        ORDER BY s.company_id, ip.e164, ip.k, ip.pos
    ) fresh
    ORDER BY k, pos
    """,
    """
    INSERT INTO dialdesk.contact_persons (company_id, full_name, position, email,
        import_batch_id)
    SELECT s.company_id, ic.full_name, ic.position, ic.email, :batch
    FROM import_contacts ic JOIN import_companies s ON s.k = ic.k
    WHERE s.is_new ORDER BY ic.k, ic.pos
    """,
    """
    INSERT INTO dialdesk.contact_persons (company_id, full_name, position, email,
        import_batch_id)
    SELECT company_id, full_name, position, email, :batch
    FROM (
        SELECT DISTINCT ON (s.company_id, lower(ic.full_name)) s.company_id, ic.full_name,
            ic.position, ic.email, ic.k, ic.pos
        FROM import_contacts ic JOIN import_companies s ON s.k = ic.k AND NOT s.is_new
        WHERE NOT EXISTS (SELECT 1 FROM dialdesk.contact_persons cp
                          WHERE cp.company_id = s.company_id
                            AND lower(cp.full_name) = lower(ic.full_name))
        ORDER BY s.company_id, lower(ic.full_name), ic.k, ic.pos
    ) fresh
    ORDER BY k, pos
    """,
]

# the old base's last contacts and groups, for the companies this import created or queued
HISTORY = """
SELECT dialdesk.import_history(:batch, array_agg(company_id), array_agg(contact_outcome),
           array_agg(contact_at), array_agg(contact_comment), array_agg(contact_who),
           array_agg(group_id)),
       count(*) FILTER (WHERE group_id IS NOT NULL AND current_outcome_id IS NULL)
FROM (
    SELECT DISTINCT ON (ic.company_id) ic.company_id, ic.contact_outcome, ic.contact_at,
        ic.contact_comment, ic.contact_who, ic.group_id, c.current_outcome_id
    FROM import_companies ic JOIN dialdesk.companies c ON c.id = ic.company_id
    WHERE (ic.contact_outcome IS NOT NULL OR ic.group_id IS NOT NULL)
      AND c.archived_at IS NULL
    ORDER BY ic.company_id, ic.k
) h
"""

# archived companies take the list's new phones and people but stay out of the queue
ENTRIES = [
    # a new company: its first entry, in the file's order
    """
    INSERT INTO dialdesk.campaign_entries (campaign_id, company_id, import_batch_id)
    SELECT :campaign, company_id, :batch FROM import_companies WHERE is_new ORDER BY k
    """,
    """
    INSERT INTO dialdesk.campaign_entries (campaign_id, company_id, import_batch_id)
    SELECT DISTINCT :campaign, ic.company_id, :batch
    FROM import_companies ic JOIN dialdesk.companies c ON c.id = ic.company_id
    WHERE NOT ic.is_new AND c.archived_at IS NULL
    ON CONFLICT (campaign_id, company_id) DO NOTHING
    """,
]

ARCHIVED = """
SELECT count(DISTINCT ic.company_id)
FROM import_companies ic JOIN dialdesk.companies c ON c.id = ic.company_id
WHERE c.archived_at IS NOT NULL
"""


def write_import(
    conn: Connection,
    me: int | None,
    path: Path,
    options: "ImportOptions",
    cleaned: Cleaned,
    matched: Matched,
    result: "ImportResult",
    progress: Progress,
    cancelled: Callable[[], bool],
    staged: Callable[[], None] = lambda: None,
) -> None:
    """Write the import; ``staged`` is called once the rows are in the staging tables, when
    the rest is the database's work and this process would only wait."""

    def step(stage: str, done: int, total: int) -> None:
        if cancelled():
            raise Cancelled
        progress(stage, done, total)

    campaign = _campaign_id(conn, options.campaign, result)
    batch = conn.execute(
        text(
            "INSERT INTO dialdesk.import_batches (file_name, source, campaign_id, created_by) "
            "VALUES (:file, :source, :campaign, coalesce(:me, dialdesk.current_person_id())) "
            "RETURNING id"
        ),
        {"file": path.name, "source": options.source, "campaign": campaign, "me": me},
    ).scalar_one()
    result.batch_id = batch
    conn.exec_driver_sql(STAGING)
    step("write", 0, 4)
    _copy_staging(conn, cleaned, matched)
    staged()
    step("write", 1, 4)
    for statement in MATCH:
        conn.execute(text(statement))
    step("write", 2, 4)
    result.fields_updated = count_updates(conn, options.overwrite)
    update_matched(conn, options.overwrite, result.fields_updated)
    counts = conn.execute(
        text(
            "SELECT count(DISTINCT company_id) FILTER (WHERE NOT is_new), "
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
    result.entries_added = sum(conn.execute(text(sql), params).rowcount for sql in ENTRIES)
    result.archived_not_queued = conn.execute(text(ARCHIVED)).scalar_one()
    if matched.groups or matched.contacts:
        history = conn.execute(text(HISTORY), {"batch": batch}).one()
        result.history_written, result.groups_set = int(history[0] or 0), int(history[1])
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


def _copy_staging(conn: Connection, cleaned: Cleaned, matched: Matched) -> None:
    """Stream the cleaned companies into the staging tables with ``COPY``."""
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cursor:
        with cursor.copy(
            "COPY import_companies (k, name, name_key, legal_form, inn, industry, city, "
            "region, address, website, staff_band, email, kpp, ogrn, okved, listed_on, "
            "client_since, last_purchase_on, total_bought, is_former_client, expert_id, note, "
            "group_id, contact_outcome, contact_at, contact_comment, contact_who) FROM STDIN"
        ) as copy:
            for k, company in enumerate(cleaned.companies):
                v = company.values
                copy.write_row(
                    (k, company.name, company.name_key, company.legal_form, company.inn,
                     v.get("industry"), v.get("city"), v.get("region"), v.get("address"),
                     v.get("website"), v.get("staff_band"), company.email, v.get("kpp"),
                     v.get("ogrn"), v.get("okved"), company.listed_on,
                     *_old_base_row(k, company, matched))
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


def _old_base_row(k: int, company: CleanCompany, matched: Matched) -> tuple[object, ...]:
    """The staging columns of the old base: purchases, the owner, the note, the group and
    the last contact (its time taken as Moscow's when the file gave no zone)."""
    old = company.old
    former, contact = old.former, old.last_contact
    at: datetime | None = contact.at if contact else None
    if at is not None and at.tzinfo is None:
        at = at.replace(tzinfo=CENTRE_ZONE)
    return (
        former.client_since if former else None,
        former.last_purchase_on if former else None,
        former.total_bought if former else None,
        former is not None,
        matched.experts.get(k),
        old.note,
        matched.groups.get(k),
        matched.contacts.get(k),
        at,
        contact.comment if contact else None,
        contact.who if contact else None,
    )
