"""Turn the chosen database into addresses to connect to, starting the embedded server if needed."""

from pathlib import Path

from sqlalchemy import Engine

from dialdesk.db import migrate
from dialdesk.db.dsn import DatabaseChoice, choose_database, describe
from dialdesk.db.embedded import EmbeddedServer
from dialdesk.db.engine import make_engine
from dialdesk.errors import UserError, plain_database_errors
from dialdesk.settings import data_dir


class DatabaseTarget:
    """The database DialDesk works with this run.

    ``admin_dsn`` is what the command line uses (the DSN given, or the embedded superuser);
    ``login_dsn`` is the address to which a person's own login and password are added.
    """

    def __init__(self, choice: DatabaseChoice, embedded_folder: Path | None = None) -> None:
        self.choice = choice
        self._embedded: EmbeddedServer | None = None
        if choice.dsn is None:
            self._embedded = EmbeddedServer(embedded_folder or data_dir() / "embedded")

    @classmethod
    def from_option(cls, option: str | None, settings_path: Path | None = None) -> "DatabaseTarget":
        return cls(choose_database(option, settings_path))

    @property
    def is_embedded(self) -> bool:
        return self._embedded is not None

    def start(self) -> None:
        """Start the embedded server (and bring its schema up to date); no-op otherwise."""
        if self._embedded is None:
            return
        try:
            self._embedded.start()
        except Exception as exc:
            raise UserError(
                "The built-in database could not start in {folder}: {detail}",
                folder=self._embedded.folder,
                detail=exc,
            ) from exc
        engine = make_engine(self._embedded.superuser_dsn(), pool_size=1)
        try:
            migrate.upgrade(engine)
        finally:
            engine.dispose()

    @property
    def is_running(self) -> bool:
        """The built-in server is up (a central server is not ours to know)."""
        return self._embedded is not None and self._embedded.is_running

    def stop(self) -> None:
        if self._embedded is not None:
            self._embedded.stop()

    @property
    def admin_dsn(self) -> str:
        if self._embedded is not None:
            return self._embedded.superuser_dsn()
        assert self.choice.dsn is not None
        return self.choice.dsn

    @property
    def login_dsn(self) -> str:
        if self._embedded is not None:
            return self._embedded.login_dsn()
        assert self.choice.dsn is not None
        return self.choice.dsn

    def describe(self) -> str:
        if self._embedded is not None:
            return f"built-in database in {self._embedded.folder}"
        assert self.choice.dsn is not None
        return describe(self.choice.dsn)


def require_current_schema(engine: Engine) -> migrate.SchemaStatus:
    """Refuse a database this client must not use, telling the admin what to do."""
    with plain_database_errors(), engine.connect() as conn:
        status = migrate.schema_status(conn)
    if status.state is migrate.SchemaState.EMPTY:
        raise UserError(
            "This database holds no DialDesk data yet. "
            "An administrator must run: dialdesk db upgrade"
        )
    if status.state is migrate.SchemaState.OLDER:
        raise UserError(
            "The database schema (revision {current}) is older than this DialDesk "
            "(revision {latest}). An administrator must run: dialdesk db upgrade",
            current=status.current,
            latest=status.latest,
        )
    if status.state is migrate.SchemaState.NEWER:
        raise newer_schema_refusal(status)
    return status


def newer_schema_refusal(status: migrate.SchemaStatus) -> UserError:
    return UserError(
        "The database was upgraded by a newer DialDesk (revision {current}); this "
        "DialDesk knows revisions up to {latest}. Install the newer DialDesk.",
        current=status.current,
        latest=status.latest,
    )
