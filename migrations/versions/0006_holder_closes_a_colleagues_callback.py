"""The operator who holds a company may close the callback that brought it to them.

A colleague's personal callback left untaken past the grace period is offered to anyone,
but row-level security let an operator update only callbacks assigned to nobody or to
them: saving the call silently left the colleague's callback "pending" for ever.  Now the
operator holding the company's queue entry may mark its callback taken as well.

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ME = "dialdesk.current_person_id()"
ASSIGNED_TO_ME = f"(assigned_to IS NULL OR assigned_to = {ME})"
TAKEN_BY_ME = f"(taken_by IS NULL OR taken_by = {ME})"
HOLDING_THE_COMPANY = (
    "EXISTS (SELECT 1 FROM dialdesk.campaign_entries e "
    f"WHERE e.id = entry_id AND e.state = 'claimed' AND e.claimed_by = {ME})"
)
ROLES = "dialdesk_operator, dialdesk_marketer"


def _own_update(using: str, check: str) -> None:
    op.execute("DROP POLICY own_update ON dialdesk.callbacks")
    op.execute(
        f"CREATE POLICY own_update ON dialdesk.callbacks FOR UPDATE TO {ROLES} "
        f"USING ({using}) WITH CHECK ({check})"
    )


def upgrade() -> None:
    mine_or_held = f"{ASSIGNED_TO_ME} OR {HOLDING_THE_COMPANY}"
    _own_update(mine_or_held, f"({mine_or_held}) AND {TAKEN_BY_ME}")


def downgrade() -> None:
    _own_update(ASSIGNED_TO_ME, f"{ASSIGNED_TO_ME} AND {TAKEN_BY_ME}")
