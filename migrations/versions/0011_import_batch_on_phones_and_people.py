"""Remember which import added a phone or a contact person, so an import can be undone.

An import merges new phones and contact persons into companies already in the base;
undoing it must take those away too, and only those.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("phones", "contact_persons")


INDEXED = (*TABLES, "companies", "campaign_entries")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table,
            sa.Column("import_batch_id", sa.Integer(), nullable=True),
            schema="dialdesk",
        )
        op.create_foreign_key(
            f"fk_{table}_import_batch_id_import_batches",
            table,
            "import_batches",
            ["import_batch_id"],
            ["id"],
            source_schema="dialdesk",
            referent_schema="dialdesk",
        )
    for table in INDEXED:
        op.create_index(
            f"ix_{table}_import_batch_id",
            table,
            ["import_batch_id"],
            schema="dialdesk",
            postgresql_where=sa.text("import_batch_id IS NOT NULL"),
        )


def downgrade() -> None:
    for table in INDEXED:
        op.drop_index(f"ix_{table}_import_batch_id", table, schema="dialdesk")
    for table in TABLES:
        op.drop_constraint(f"fk_{table}_import_batch_id_import_batches", table, schema="dialdesk")
        op.drop_column(table, "import_batch_id", schema="dialdesk")
