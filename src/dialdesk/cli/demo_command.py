"""``dialdesk demo``: load the demo base and print the demo logins once."""

import argparse
from typing import Any

from dialdesk.cli.output import admin_engine, print_json
from dialdesk.demo.base import DEFAULT_LOGIN_PREFIX, load_demo


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    demo = commands.add_parser("demo", parents=[common], help="load demo data into an empty base")
    demo.add_argument("--companies", type=int, default=2000, help="how many (default 2000)")
    demo.add_argument(
        "--login-prefix",
        default=DEFAULT_LOGIN_PREFIX,
        help="start of the demo logins (default demo_); logins are shared by the whole server",
    )
    demo.add_argument("--json", action="store_true", help="print one JSON object")
    demo.set_defaults(handler=run_demo)


def run_demo(args: argparse.Namespace) -> int:
    with admin_engine(args.dsn) as (target, engine):
        result = load_demo(engine, args.companies, login_prefix=args.login_prefix)
    if args.json:
        print_json(
            {
                "database": target.describe(),
                "companies": result.companies,
                "phones": result.phones,
                "contact_persons": result.contact_persons,
                "calls": result.calls,
                "callbacks": result.callbacks,
                "seconds": round(result.seconds, 2),
                "logins": [login.__dict__ for login in result.logins],
            }
        )
        return 0
    print(
        f"Loaded {result.companies} companies, {result.phones} phones, "
        f"{result.calls} past calls into {target.describe()} in {result.seconds:.1f} s."
    )
    print("Demo logins (shown only now; write them down):")
    for login in result.logins:
        print(f"  {login.login:<16} {login.role:<11} {login.password}")
    return 0
