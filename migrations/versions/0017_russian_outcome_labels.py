"""Russian outcome labels as Russians write them: "Тёплые", "Несуществующие".

Only labels still as 0002 seeded them change; an administrator's own wording stays.

Revision ID: 0017
Revises: 0016
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RENAMED = (("warm", "Теплые", "Тёплые"), ("nonexistent", "Не существующие", "Несуществующие"))


def _relabel(old_index: int, new_index: int) -> None:
    for row in RENAMED:
        code, old, new = row[0], row[old_index], row[new_index]
        op.execute(
            f"UPDATE dialdesk.outcome_definitions SET label_ru = '{new}' "
            f"WHERE code = '{code}' AND label_ru = '{old}'"
        )


def upgrade() -> None:
    _relabel(1, 2)


def downgrade() -> None:
    _relabel(2, 1)
