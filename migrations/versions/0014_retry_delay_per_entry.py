"""A company's own retry delay in a campaign's queue.

A marketer who puts a segment into a running campaign gives it its own contact frequency:
the entry's ``retry_delay_minutes``, when set, wins over the campaign's.  ``record_outcome``
(0009) is re-created with that one change; its text is taken from 0009, which is frozen.

Revision ID: 0014
Revises: 0013
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CAMPAIGN_DELAY = "c.retry_delay_minutes, c.max_attempts AS campaign_max_attempts,"
ENTRY_DELAY = (
    "coalesce(e.retry_delay_minutes, c.retry_delay_minutes) AS retry_delay_minutes, "
    "c.max_attempts AS campaign_max_attempts,"
)


def _record_outcome_0009() -> str:
    path = next(Path(__file__).parent.glob("0009_*.py"))
    spec = importlib.util.spec_from_file_location("migration_0009", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text: str = module.FUNCTION
    assert CAMPAIGN_DELAY in text
    return text.replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def upgrade() -> None:
    op.execute(
        "ALTER TABLE dialdesk.campaign_entries ADD COLUMN retry_delay_minutes integer "
        "CONSTRAINT ck_campaign_entries_retry_delay CHECK (retry_delay_minutes > 0)"
    )
    op.execute(_record_outcome_0009().replace(CAMPAIGN_DELAY, ENTRY_DELAY))


def downgrade() -> None:
    op.execute(_record_outcome_0009())
    op.execute("ALTER TABLE dialdesk.campaign_entries DROP COLUMN retry_delay_minutes")
