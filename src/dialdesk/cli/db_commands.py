"""``dialdesk db upgrade`` and ``dialdesk db status``."""

import argparse
from typing import Any

from dialdesk.cli.output import admin_engine, print_json
from dialdesk.db import migrate
from dialdesk.db.target import newer_schema_refusal


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
            before = migrate.schema_status(conn)
        if before.state is migrate.SchemaState.NEWER:
            raise newer_schema_refusal(before)
        migrate.upgrade(engine)
        print(
            f"{target.describe()}: schema at revision {before.latest}"
            + ("" if before.current != before.latest else " (already up to date)")
        )
    return 0


def run_status(args: argparse.Namespace) -> int:
    with admin_engine(args.dsn) as (target, engine), engine.connect() as conn:
        status = migrate.schema_status(conn)
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
