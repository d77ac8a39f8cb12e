"""``dialdesk db upgrade`` and ``dialdesk db status``."""

import argparse
from typing import Any

from dialdesk.cli.output import admin_engine, print_json
from dialdesk.db import migrate
from dialdesk.services.errors import UserError, explain_database_error


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    db = commands.add_parser("db", help="database schema: upgrade or show its revision")
    actions = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    upgrade = actions.add_parser(
        "upgrade", parents=[common], help="bring the schema up to this version"
    )
    upgrade.set_defaults(handler=run_upgrade)
    status = actions.add_parser(
        "status", parents=[common], help="current and latest schema revision"
    )
    status.add_argument("--json", action="store_true", help="print one JSON object")
    status.set_defaults(handler=run_status)


def run_upgrade(args: argparse.Namespace) -> int:
    with admin_engine(args.dsn) as (target, engine):
        with engine.connect() as conn:
            before = _status(conn)
        if before.state is migrate.SchemaState.NEWER:
            raise UserError(
                "The database is at revision {current}, newer than this DialDesk "
                "({latest}); install the newer DialDesk instead.",
                current=before.current,
                latest=before.latest,
            )
        try:
            migrate.upgrade(engine)
        except Exception as exc:
            plain = explain_database_error(exc)
            if plain is None:
                raise
            raise plain from exc
        print(
            f"{target.describe()}: schema at revision {before.latest}"
            + ("" if before.current != before.latest else " (already up to date)")
        )
    return 0


def run_status(args: argparse.Namespace) -> int:
    with admin_engine(args.dsn) as (target, engine), engine.connect() as conn:
        status = _status(conn)
    if args.json:
        print_json(
            {
                "database": target.describe(),
                "current": status.current,
                "latest": status.latest,
                "state": status.state.value,
            }
        )
    else:
        print(f"database: {target.describe()}")
        print(f"current revision: {status.current or 'none'}")
        print(f"latest revision:  {status.latest}")
        print(f"state: {status.state.value}")
    return 0


def _status(conn: Any) -> migrate.SchemaStatus:
    try:
        return migrate.schema_status(conn)
    except Exception as exc:
        plain = explain_database_error(exc)
        if plain is None:
            raise
        raise plain from exc
