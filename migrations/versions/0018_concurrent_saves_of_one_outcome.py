"""Two saves of one outcome at the same moment (a resend from the journal racing the
original) both succeed, and the call is written once.

Both wait on the queue entry's lock; the second then did not see the first's call (its
snapshot was older) and stopped on the unique client-made id.  ``record_outcome`` (0016's
text) now inserts the call ``ON CONFLICT (client_id) DO NOTHING`` and, when the call is
already there, answers "already saved" without doing anything else.

Revision ID: 0018
Revises: 0017
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INSERT_END = """  FROM dialdesk.campaign_entries e WHERE e.id = p_entry
  RETURNING id INTO v_call;
"""
INSERT_ONCE = """  FROM dialdesk.campaign_entries e WHERE e.id = p_entry
  ON CONFLICT (client_id) DO NOTHING
  RETURNING id INTO v_call;
  IF v_call IS NULL THEN  -- a save of this very call committed while we waited
    RETURN QUERY
      SELECT k.id, e.state::text, true
      FROM dialdesk.calls k LEFT JOIN dialdesk.campaign_entries e ON e.id = k.entry_id
      WHERE k.client_id = p_client_id;
    RETURN;
  END IF;
"""


def _record_outcome_0016() -> str:
    here = Path(__file__).parent
    spec = importlib.util.spec_from_file_location("m0016", next(here.glob("0016_*.py")))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text: str = module.record_outcome_0016()
    assert INSERT_END in text
    return text


def upgrade() -> None:
    op.execute(_record_outcome_0016().replace(INSERT_END, INSERT_ONCE))


def downgrade() -> None:
    op.execute(_record_outcome_0016())
