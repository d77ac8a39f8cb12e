"""``dialdesk user add|list|disable|password``: personal PostgreSQL logins (admins only)."""

import argparse
import getpass
import sys
from typing import Any

from dialdesk.cli.output import admin_engine, print_json
from dialdesk.errors import UserError
from dialdesk.services.people import accounts as people
from dialdesk.vocabulary import ROLES


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    user = commands.add_parser("user", help="people and their logins")
    actions = user.add_subparsers(dest="user_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help="add a person with their own login")
    add.add_argument("name", help="login: lower-case Latin letters, digits, '_' or '.'")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--full-name", default="", help="name shown in the app")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    add.set_defaults(handler=run_add)
    listing = actions.add_parser("list", parents=[common], help="list people")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    listing.set_defaults(handler=run_list)
    disable = actions.add_parser(
        "disable", parents=[common], help="stop a person from logging in (history is kept)"
    )
    disable.add_argument("name")
    disable.set_defaults(handler=run_disable)
    password = actions.add_parser(
        "password",
        parents=[common],
        help="set a new password and let the person log in (after a restore, for example)",
    )
    password.add_argument("name")
    password.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    password.set_defaults(handler=run_password)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UserError("No password on standard input.")
        return password
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat the password: "):
        raise UserError("The two passwords differ; nothing was changed.")
    return first


def run_add(args: argparse.Namespace) -> int:
    password = _read_password(args.password_stdin)
    with admin_engine(args.dsn) as (_, engine):
        people.add_person(engine, args.name, args.full_name, args.role, password)
    print(f"Added {args.name} ({args.role}).")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with admin_engine(args.dsn) as (_, engine):
        rows = people.list_people(engine)
    if args.json:
        print_json({"people": [row.__dict__ for row in rows]})
        return 0
    if not rows:
        print("No people yet. Add one with: dialdesk user add NAME --role admin")
    for row in rows:
        state = "active" if row.active else "disabled"
        print(f"{row.login:<24} {row.role:<11} {state:<9} {row.full_name}")
    return 0


def run_disable(args: argparse.Namespace) -> int:
    with admin_engine(args.dsn) as (_, engine):
        people.set_active(engine, args.name, False)
    print(f"{args.name} can no longer log in; their history is kept.")
    return 0


def run_password(args: argparse.Namespace) -> int:
    password = _read_password(args.password_stdin)
    with admin_engine(args.dsn) as (_, engine):
        people.set_password(engine, args.name, password)
        people.set_active(engine, args.name, True)
    print(f"{args.name} has a new password and can log in.")
    return 0
