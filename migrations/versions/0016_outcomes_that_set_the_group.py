"""A company's group is its latest outcome that says something about it.

An unanswered follow-up ("no contact") used to turn a warm company handed to an expert into
"no contact".  Outcome definitions get the flag ``sets_group``: an outcome without it (no
contact) sets the company's group only while the company has no outcome that has it.
``record_outcome`` (0014's text) is re-created with that rule, and every company's group is
worked out again from its calls by the same rule.

Revision ID: 0016
Revises: 0015
"""

import importlib.util
from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

READ_FLAGS = "o.retry_after_days, o.max_attempts, o.marks_phone_dead,"
SET_GROUP = "  WHERE id = r.company_id;\n  RETURN QUERY SELECT v_call, v_state, false;"
SET_GROUP_WHEN_IT_SAYS = (
    "  WHERE id = r.company_id\n"
    "    AND (r.sets_group OR current_outcome_id IS NULL OR NOT EXISTS (\n"
    "         SELECT 1 FROM dialdesk.outcome_definitions g\n"
    "         WHERE g.id = current_outcome_id AND g.sets_group));\n"
    "  RETURN QUERY SELECT v_call, v_state, false;"
)

# the group by the rule: the latest call whose outcome sets the group, else the latest call
REGROUP = """
UPDATE dialdesk.companies c
SET current_outcome_id = g.outcome_id,
    group_changed_at = CASE WHEN c.current_outcome_id IS DISTINCT FROM g.outcome_id
                            THEN coalesce(g.started_at, c.group_changed_at)
                            ELSE c.group_changed_at END
FROM (
    SELECT DISTINCT ON (k.company_id) k.company_id, k.outcome_id, k.started_at
    FROM dialdesk.calls k JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id
    ORDER BY k.company_id, {order} k.started_at DESC NULLS LAST, k.id DESC
) g
WHERE g.company_id = c.id AND c.current_outcome_id IS DISTINCT FROM g.outcome_id
"""


def _record_outcome_0014() -> str:
    here = Path(__file__).parent
    spec = importlib.util.spec_from_file_location("m0014", next(here.glob("0014_*.py")))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text: str = module._record_outcome_0009().replace(module.CAMPAIGN_DELAY, module.ENTRY_DELAY)
    assert READ_FLAGS in text and SET_GROUP in text
    return text


def record_outcome_0016() -> str:
    """``record_outcome`` as this revision makes it (0018 builds on it)."""
    return (
        _record_outcome_0014()
        .replace(READ_FLAGS, READ_FLAGS + " o.sets_group,")
        .replace(SET_GROUP, SET_GROUP_WHEN_IT_SAYS)
    )


def upgrade() -> None:
    op.execute(
        "ALTER TABLE dialdesk.outcome_definitions "
        "ADD COLUMN sets_group boolean NOT NULL DEFAULT true"
    )
    op.execute(
        "UPDATE dialdesk.outcome_definitions SET sets_group = false WHERE code = 'no_contact'"
    )
    op.execute(record_outcome_0016())
    op.execute(REGROUP.format(order="o.sets_group DESC,"))


def downgrade() -> None:
    op.execute(_record_outcome_0014())
    op.execute(REGROUP.format(order=""))
    op.execute("ALTER TABLE dialdesk.outcome_definitions DROP COLUMN sets_group")
