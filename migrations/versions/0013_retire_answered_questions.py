"""Questions that have answers are retired, not deleted.

A campaign's questionnaire is edited while the campaign runs.  A question already answered
on some calls keeps its answers for the reports: taking it out of the questionnaire marks it
retired (operators no longer see it) instead of deleting it.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("ALTER TABLE dialdesk.questions ADD COLUMN retired boolean NOT NULL DEFAULT false")


def downgrade() -> None:
    op.execute("ALTER TABLE dialdesk.questions DROP COLUMN retired")
