"""Drop the first queue index, which nothing reads any more.

``ix_campaign_entries_queue`` (campaign, priority, next attempt; fresh and retry entries)
served the first claim.  Since 0005 and 0007 a claim walks ``queue_order`` and the fresh and
retry indexes by priority, and no other query of the queue picks it (plans compared with and
without it on the 100,000-company benchmark; zero scans in the queue and monitor benches).
It still cost every new entry and every change of state: without it an import's 92,700
new entries are written in 2.5 s instead of 3.0 s.

Revision ID: 0029
Revises: 0028
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0029"
down_revision: str | None = "0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("DROP INDEX dialdesk.ix_campaign_entries_queue")


def downgrade() -> None:
    op.execute(
        "CREATE INDEX ix_campaign_entries_queue ON dialdesk.campaign_entries "
        "(campaign_id, priority DESC, next_attempt_at) WHERE state IN ('fresh', 'retry')"
    )
