"""A claim finds the next due callback by walking the pending callbacks in due order.

``claim_next`` weighed every due callback of the base in one query (every queue entry
scanned, every candidate's phone and calling hours worked out, then sorted) before taking
one: 25-45 ms a claim once a few thousand callbacks are overdue, as after a holiday or in
the 100,000-company benchmark.  Now ``due_callback`` walks the pending callbacks through
their due-time index and stops at the first one the operator may call: their own first,
then any they may take.  The order is the same.

Revision ID: 0023
Revises: 0022
"""

from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HERE = Path(__file__).parent
DUE_CALLBACK = "dialdesk.due_callback(integer, integer, timestamptz, date[], boolean)"


def _claim_next_of_0019() -> str:
    text = (HERE / "0019_queue_functions.sql").read_text(encoding="utf-8")
    start = text.index("CREATE FUNCTION dialdesk.claim_next(")
    end = text.index("$$;", start) + len("$$;")
    return "CREATE OR REPLACE" + text[start + len("CREATE") : end]


def upgrade() -> None:
    op.execute((HERE / "0023_claim_walks_callbacks.sql").read_text(encoding="utf-8"))
    op.execute(f"REVOKE ALL ON FUNCTION {DUE_CALLBACK} FROM PUBLIC")


def downgrade() -> None:
    op.execute(_claim_next_of_0019())
    op.execute(f"DROP FUNCTION {DUE_CALLBACK}")
