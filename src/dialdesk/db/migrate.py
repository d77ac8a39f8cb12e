"""Schema revisions: upgrade, downgrade, and how the database compares with this client."""

import enum
from dataclasses import dataclass

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from dialdesk.paths import shipped_dir


class SchemaState(enum.Enum):
    EMPTY = "empty"  # no DialDesk schema at all
    OLDER = "older"  # the admin must run `dialdesk db upgrade`
    CURRENT = "current"
    NEWER = "newer"  # made by a newer DialDesk; this client must not touch it


@dataclass(frozen=True)
class SchemaStatus:
    current: str | None
    latest: str
    state: SchemaState


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(shipped_dir("migrations")))
    cfg.attributes["connection"] = connection
    return cfg


def latest_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def all_revisions() -> list[str]:
    """Every revision id, oldest first."""
    script = ScriptDirectory.from_config(_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def schema_status(connection: Connection) -> SchemaStatus:
    context = MigrationContext.configure(connection, opts={"version_table_schema": "public"})
    current = context.get_current_revision()
    latest = latest_revision()
    script = ScriptDirectory.from_config(_config())
    if current is None:
        state = SchemaState.EMPTY
    elif current == latest:
        state = SchemaState.CURRENT
    elif _known(script, current):
        state = SchemaState.OLDER
    else:
        state = SchemaState.NEWER
    return SchemaStatus(current, latest, state)


def _known(script: ScriptDirectory, revision: str) -> bool:
    try:
        return script.get_revision(revision) is not None
    except Exception:  # alembic raises its own error types for unknown ids
        return False


def upgrade(engine: Engine, target: str = "head") -> None:
    with engine.begin() as connection:
        command.upgrade(_config(connection), target)


def downgrade(engine: Engine, target: str = "base") -> None:
    with engine.begin() as connection:
        command.downgrade(_config(connection), target)
