"""An expert's letter plans its follow-up among the expert's own planned contacts.

``finish_letter`` put every follow-up call into the campaign's queue entry; for an expert
writing to their own client that made the call an operator's to make once its grace passed.
Now an expert's follow-up is a planned contact of theirs (no queue entry, the entry left as
it was), as the steps they record on the desk are.

Revision ID: 0028
Revises: 0027
"""

from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HERE = Path(__file__).parent


def upgrade() -> None:
    op.execute((HERE / "0028_finish_letter.sql").read_text(encoding="utf-8"))


def downgrade() -> None:
    op.execute((HERE / "0028_finish_letter_down.sql").read_text(encoding="utf-8"))
