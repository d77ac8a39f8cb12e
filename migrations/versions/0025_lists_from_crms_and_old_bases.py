"""Lists from CRMs, 1C and the customer's old base: registration numbers, owners, groups,
former clients and the last contact brought over as history.

- Companies keep their KPP, OGRN and OKVED code (checked on import like the INN), the date
  the customer's own base first had them (``listed_on``), and, for former clients, since
  when they bought, their last purchase and the total bought (``is_former_client`` marks
  them for the abandoned-clients campaign).
- A call may be *imported*: the last contact the old base recorded, made by nobody of ours
  (``operator_id`` empty, ``imported_who`` says who it was in the old base), dated or not,
  tied to the import that brought it.  ``import_history`` writes these calls and the group
  the old base gave, only into the caller's own open import and only for its companies;
  ``undo_import`` takes them away first, and the group with them unless a call of ours has
  set one since (``group_import_batch_id`` remembers which import gave the group).
- Marketers may set these columns and the company's expert (the old base's responsible
  manager): they load the old base with its owners, and an import may bring a matched
  company up to date (its name with the key it is matched by).

Revision ID: 0025
Revises: 0024
"""

from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HERE = Path(__file__).parent
IMPORT_HISTORY = (
    "dialdesk.import_history(integer, integer[], integer[], timestamptz[], text[], text[], "
    "integer[])"
)
MARKETER_COLUMNS = (
    "kpp, ogrn, okved, listed_on, client_since, last_purchase_on, total_bought, "
    "is_former_client, name_key"
)


def _undo_import_of_0019() -> str:
    text = (HERE / "0019_queue_functions.sql").read_text(encoding="utf-8")
    start = text.index("CREATE FUNCTION dialdesk.undo_import(")
    end = text.index("$$;", start) + len("$$;")
    return "CREATE OR REPLACE" + text[start + len("CREATE") : end]


def upgrade() -> None:
    op.execute(
        "ALTER TABLE dialdesk.companies ADD COLUMN kpp varchar(9), "
        "ADD COLUMN ogrn varchar(15), ADD COLUMN okved varchar(20), ADD COLUMN listed_on date, "
        "ADD COLUMN client_since date, ADD COLUMN last_purchase_on date, "
        "ADD COLUMN total_bought numeric(14, 2), "
        "ADD COLUMN is_former_client boolean DEFAULT false NOT NULL, "
        "ADD COLUMN group_import_batch_id integer "
        "CONSTRAINT fk_companies_group_import_batch_id_import_batches "
        "REFERENCES dialdesk.import_batches (id)"
    )
    op.execute(
        "ALTER TABLE dialdesk.calls ALTER COLUMN operator_id DROP NOT NULL, "
        "ADD COLUMN imported_who varchar(300), ADD COLUMN import_batch_id integer "
        "CONSTRAINT fk_calls_import_batch_id_import_batches "
        "REFERENCES dialdesk.import_batches (id), "
        "ADD CONSTRAINT ck_calls_made_or_imported "
        "CHECK (operator_id IS NOT NULL OR import_batch_id IS NOT NULL)"
    )
    op.execute(
        "CREATE INDEX ix_calls_import_batch_id ON dialdesk.calls (import_batch_id) "
        "WHERE import_batch_id IS NOT NULL"
    )
    op.execute(
        f"GRANT UPDATE ({MARKETER_COLUMNS}, expert_id) ON dialdesk.companies TO dialdesk_marketer"
    )
    op.execute(f"GRANT UPDATE ({MARKETER_COLUMNS}) ON dialdesk.companies TO dialdesk_admin")
    op.execute((HERE / "0025_import_history.sql").read_text(encoding="utf-8"))
    op.execute(f"REVOKE ALL ON FUNCTION {IMPORT_HISTORY} FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {IMPORT_HISTORY} TO dialdesk_marketer, dialdesk_admin")
    op.execute((HERE / "0025_undo_import.sql").read_text(encoding="utf-8"))


def downgrade() -> None:
    op.execute(_undo_import_of_0019())
    op.execute(f"DROP FUNCTION {IMPORT_HISTORY}")
    op.execute("DELETE FROM dialdesk.calls WHERE operator_id IS NULL")
    op.execute(
        "ALTER TABLE dialdesk.calls DROP CONSTRAINT ck_calls_made_or_imported, "
        "DROP COLUMN import_batch_id, DROP COLUMN imported_who, "
        "ALTER COLUMN operator_id SET NOT NULL"
    )
    op.execute(
        "ALTER TABLE dialdesk.companies DROP COLUMN group_import_batch_id, "
        "DROP COLUMN is_former_client, DROP COLUMN total_bought, DROP COLUMN last_purchase_on, "
        "DROP COLUMN client_since, DROP COLUMN listed_on, DROP COLUMN okved, DROP COLUMN ogrn, "
        "DROP COLUMN kpp"
    )
