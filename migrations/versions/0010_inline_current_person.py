"""Let the planner inline ``current_person_id()`` into row-level policies.

Every policy asks "who is this login?".  Declared with ``SET search_path``, the function
could not be inlined and ran once per row a policy looked at (a fifth of the server's time
in a claim).  Written as a SQL-standard body, its names are resolved once, when it is
created, so it needs no ``SET`` to be safe, and the planner evaluates it once per query.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute(
        "CREATE OR REPLACE FUNCTION dialdesk.current_person_id() RETURNS integer "
        "LANGUAGE sql STABLE PARALLEL SAFE "
        "RETURN (SELECT p.id FROM dialdesk.people p "
        "WHERE p.login OPERATOR(pg_catalog.=) CAST(current_user AS pg_catalog.text) "
        "AND p.active)"
    )


def downgrade() -> None:
    op.execute(
        "CREATE OR REPLACE FUNCTION dialdesk.current_person_id() RETURNS integer "
        "LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$ "
        "SELECT id FROM dialdesk.people WHERE login = current_user AND active $$"
    )
