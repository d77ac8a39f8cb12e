"""Past imports: what each brought, and undoing one while none of its companies was called."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from dialdesk.services.errors import UserError, plain_database_errors


@dataclass(frozen=True)
class UndoResult:
    companies_removed: int
    phones_removed: int
    contact_persons_removed: int
    entries_removed: int


@dataclass(frozen=True)
class BatchLine:
    id: int
    created_at: datetime
    file_name: str
    source: str | None
    campaign: str | None
    rows_read: int
    companies_created: int
    companies_merged: int
    rows_rejected: int
    undone_at: datetime | None


def list_batches(engine: Engine, limit: int = 200) -> list[BatchLine]:
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT b.id, b.created_at, b.file_name, b.source, c.name, b.rows_read, "
                "b.companies_created, b.companies_merged, b.rows_rejected, b.undone_at "
                "FROM dialdesk.import_batches b "
                "LEFT JOIN dialdesk.campaigns c ON c.id = b.campaign_id "
                "ORDER BY b.id DESC LIMIT :limit"
            ),
            {"limit": limit},
        )
        return [BatchLine(*row) for row in rows]


def undo_import(engine: Engine, batch_id: int) -> UndoResult:
    """Take away everything import ``batch_id`` added, in one transaction; refused once any
    of its companies has been called."""
    with plain_database_errors(), engine.begin() as conn:
        batch = conn.execute(
            text("SELECT undone_at FROM dialdesk.import_batches WHERE id = :b FOR UPDATE"),
            {"b": batch_id},
        ).first()
        if batch is None:
            raise UserError("There is no import number {batch}.", batch=batch_id)
        if batch.undone_at is not None:
            raise UserError("Import number {batch} has already been undone.", batch=batch_id)
        called = conn.execute(
            text(
                "SELECT count(DISTINCT k.company_id) FROM dialdesk.calls k "
                "WHERE k.company_id IN ("
                "  SELECT company_id FROM dialdesk.campaign_entries WHERE import_batch_id = :b "
                "  UNION SELECT id FROM dialdesk.companies WHERE import_batch_id = :b)"
            ),
            {"b": batch_id},
        ).scalar_one()
        if called:
            raise UserError(
                "Import number {batch} can no longer be undone: {count} of its companies "
                "have been called.",
                batch=batch_id,
                count=called,
            )
        # entries first, companies last: what the import merged into older companies goes,
        # the older companies stay
        removed = {
            table: conn.execute(
                text(f"DELETE FROM dialdesk.{table} WHERE import_batch_id = :b"), {"b": batch_id}
            ).rowcount
            for table in ("campaign_entries", "phones", "contact_persons", "companies")
        }
        conn.execute(
            text("UPDATE dialdesk.import_batches SET undone_at = now() WHERE id = :b"),
            {"b": batch_id},
        )
    return UndoResult(
        removed["companies"],
        removed["phones"],
        removed["contact_persons"],
        removed["campaign_entries"],
    )
