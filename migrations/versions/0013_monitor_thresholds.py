"""Per-campaign thresholds for the supervisor's monitor: how long an operator may wait for
a company, stay paused, or stay on one card before the row changes colour.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (("alert_wait_minutes", "5"), ("alert_pause_minutes", "20"), ("alert_card_minutes", "10"))


def upgrade() -> None:
    for name, default in COLUMNS:
        op.add_column(
            "campaigns",
            sa.Column(name, sa.Integer(), server_default=default, nullable=False),
            schema="dialdesk",
        )


def downgrade() -> None:
    for name, _default in COLUMNS:
        op.drop_column("campaigns", name, schema="dialdesk")
