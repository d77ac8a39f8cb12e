"""A record of every backup written (when, where, how big, by whom), so the admin's window
knows how old the newest one is, also when the central server backs up on its own.

Written by the backup itself, run as the database's owner; admins read it.

Revision ID: 0021
Revises: 0020
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE dialdesk.backups_made (
            id bigserial CONSTRAINT pk_backups_made PRIMARY KEY,
            taken_at timestamptz NOT NULL,
            file text NOT NULL,
            bytes bigint NOT NULL,
            revision varchar(32) NOT NULL,
            made_by varchar(63) DEFAULT session_user NOT NULL
        )
        """
    )
    op.execute("CREATE INDEX ix_backups_made_taken_at ON dialdesk.backups_made (taken_at)")
    op.execute("GRANT SELECT ON dialdesk.backups_made TO dialdesk_admin")


def downgrade() -> None:
    op.execute("DROP TABLE dialdesk.backups_made")
