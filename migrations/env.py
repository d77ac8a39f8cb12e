"""Alembic environment: DialDesk passes an open connection through ``config.attributes``."""

from alembic import context

from dialdesk.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when someone runs bare `alembic`
    raise SystemExit("Run migrations with `dialdesk db upgrade`, not with alembic directly.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    version_table_schema="public",
    include_schemas=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
