"""Outcomes the server refused from an operator's offline journal, reported for the monitor.

An outcome kept on a workstation while the server was away may be refused when it is sent
(the company went to a colleague meanwhile).  The workstation keeps it with its reason and
reports it here once (its client-made id is unique), so the supervisors see it counted.
An operator adds only their own reports and reads only those; no one changes or deletes one.

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

S = "dialdesk"
ME = f"{S}.current_person_id()"


def upgrade() -> None:
    op.execute(
        f"""
        CREATE TABLE {S}.refused_outcomes (
            id bigserial CONSTRAINT pk_refused_outcomes PRIMARY KEY,
            client_id uuid NOT NULL CONSTRAINT uq_refused_outcomes_client_id UNIQUE,
            operator_id integer NOT NULL DEFAULT {ME}
                CONSTRAINT fk_refused_outcomes_operator_id_people REFERENCES {S}.people (id),
            entry_id integer CONSTRAINT fk_refused_outcomes_entry_id_campaign_entries
                REFERENCES {S}.campaign_entries (id),
            outcome_code varchar(40) NOT NULL,
            reason text NOT NULL,
            refused_at timestamptz NOT NULL,
            reported_at timestamptz NOT NULL DEFAULT now()
        )
        """
    )
    op.execute(f"CREATE INDEX ix_refused_outcomes_refused_at ON {S}.refused_outcomes (refused_at)")
    op.execute(f"ALTER TABLE {S}.refused_outcomes ENABLE ROW LEVEL SECURITY")
    op.execute(
        f"GRANT SELECT, INSERT ON {S}.refused_outcomes TO dialdesk_operator, dialdesk_supervisor"
    )
    op.execute(f"GRANT SELECT ON {S}.refused_outcomes TO dialdesk_admin")
    op.execute(f"GRANT USAGE ON SEQUENCE {S}.refused_outcomes_id_seq TO dialdesk_operator, "
               "dialdesk_supervisor")  # fmt: skip
    op.execute(
        f"CREATE POLICY own_insert ON {S}.refused_outcomes FOR INSERT "
        f"TO dialdesk_operator, dialdesk_supervisor WITH CHECK (operator_id = {ME})"
    )
    op.execute(
        f"CREATE POLICY own_read ON {S}.refused_outcomes FOR SELECT TO dialdesk_operator "
        f"USING (operator_id = {ME})"
    )
    op.execute(
        f"CREATE POLICY read ON {S}.refused_outcomes FOR SELECT "
        "TO dialdesk_supervisor, dialdesk_admin USING (true)"
    )


def downgrade() -> None:
    op.execute(f"DROP TABLE {S}.refused_outcomes")
