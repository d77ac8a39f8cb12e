"""Seed the outcome codes of DESIGN.md and the usual pause codes.

Revision ID: 0002
Revises: 0001
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OUTCOMES = """
INSERT INTO dialdesk.outcome_definitions
  (code, label_ru, label_en, sort_order, hotkey, is_contact, is_final, hands_to_expert,
   needs_callback, retry_after_days, max_attempts, marks_phone_dead)
VALUES
  ('hot',         'Горячие',           'Hot',         1, 'F1', true,  false, true,  false, NULL, NULL, false),
  ('warm',        'Теплые',            'Warm',        2, 'F2', true,  false, true,  true,  NULL, NULL, false),
  ('competitor',  'Рынок конкурентов', 'Competitor',  3, 'F3', true,  false, false, false, 90,   NULL, false),
  ('cold',        'Холодные',          'Cold',        4, 'F4', true,  true,  false, false, 180,  NULL, false),
  ('no_contact',  'Нет контакта',      'No contact',  5, 'F5', false, false, false, false, NULL, NULL, false),
  ('nonexistent', 'Не существующие',   'Nonexistent', 6, 'F6', false, true,  false, false, NULL, NULL, true)
"""

PAUSES = """
INSERT INTO dialdesk.pause_codes (code, label_ru, label_en) VALUES
  ('break',    'Перерыв',   'Break'),
  ('lunch',    'Обед',      'Lunch'),
  ('training', 'Обучение',  'Training'),
  ('meeting',  'Совещание', 'Meeting'),
  ('technical','Технические проблемы', 'Technical problem')
"""


def upgrade() -> None:
    op.execute(OUTCOMES)
    op.execute(PAUSES)


def downgrade() -> None:
    op.execute("DELETE FROM dialdesk.pause_codes")
    op.execute("DELETE FROM dialdesk.outcome_definitions")
