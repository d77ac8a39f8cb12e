"""Index the queue in the order "Next" takes it, so a claim reads a handful of rows.

Without it every "Next" sorted all dialable entries of all campaigns (about 0.7 s on a
base of 100,000 companies); with it the claim stops at the first dialable one.

Revision ID: 0005
Revises: 0004
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE INDEX ix_campaign_entries_queue_order ON dialdesk.campaign_entries "
        "(priority DESC, next_attempt_at NULLS FIRST, id) WHERE state IN ('fresh', 'retry')"
    )


def downgrade() -> None:
    op.execute("DROP INDEX dialdesk.ix_campaign_entries_queue_order")
