"""Past imports: what each brought, and undoing what of one nobody has worked on since."""

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, text

from dialdesk.errors import plain_database_errors

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UndoResult:
    companies_removed: int
    phones_removed: int
    contact_persons_removed: int
    entries_removed: int
    # what stays because calls were made on it since the import
    companies_kept: int = 0
    phones_kept: int = 0
    contact_persons_kept: int = 0
    entries_kept: int = 0

    @property
    def kept_anything(self) -> bool:
        return bool(
            self.companies_kept + self.phones_kept + self.contact_persons_kept + self.entries_kept
        )


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
    """Take away, in one transaction, what import ``batch_id`` added and nobody has called
    since: its new companies, and the phones, contact persons and entries it added to older
    ones.  The rest stays and is counted (``dialdesk.undo_import``, migration 0019)."""
    with plain_database_errors(), engine.begin() as conn:
        row = conn.execute(
            text(
                "SELECT companies_removed, phones_removed, contact_persons_removed, "
                "entries_removed, companies_kept, phones_kept, contact_persons_kept, "
                "entries_kept FROM dialdesk.undo_import(:b)"
            ),
            {"b": batch_id},
        ).one()
    undone = UndoResult(*row)
    log.info("import %s undone: %s", batch_id, undone)
    return undone
