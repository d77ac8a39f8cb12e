"""Saving a contact checks the questionnaire's required answers in the database.

Only the operator's window checked that the questions marked required were answered on a
contact; a save from anything else (the CLI, a journal sent later, plain SQL) went through
without them.  ``record_outcome`` now refuses a contact with a required question of the
campaign unanswered (``answer_required``, naming the question) and answers to questions of
another campaign (``answers_not_this_campaign``).

From this revision on, the live source of every DialDesk database function is
``src/dialdesk/db/functions/NAME.sql``; a migration that changes one runs its own frozen copy
(here ``0024_record_outcome.sql``) so history replays the same way whatever the live file
says later.

Revision ID: 0024
Revises: 0023
"""

from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HERE = Path(__file__).parent


def _record_outcome_of_0019() -> str:
    text = (HERE / "0019_queue_functions.sql").read_text(encoding="utf-8")
    start = text.index("CREATE FUNCTION dialdesk.record_outcome(")
    end = text.index("$$;", start) + len("$$;")
    return "CREATE OR REPLACE" + text[start + len("CREATE") : end]


def upgrade() -> None:
    op.execute((HERE / "0024_record_outcome.sql").read_text(encoding="utf-8"))


def downgrade() -> None:
    op.execute(_record_outcome_of_0019())
