"""``dialdesk``: open the app, or run one administrative command without a screen."""

import argparse
import sys
from collections.abc import Sequence

from dialdesk import __version__
from dialdesk.cli import (
    backup_commands,
    db_commands,
    demo_command,
    import_command,
    report_command,
    user_commands,
)
from dialdesk.cli.output import fail, speak_utf8
from dialdesk.errors import UserError, explain_database_error
from dialdesk.running_sign import hold_running_sign


def build_parser() -> argparse.ArgumentParser:
    dsn_help = (
        "PostgreSQL address (default: $DIALDESK_DSN, else the settings file, else the "
        "built-in single-seat database)"
    )
    # Every subcommand accepts --dsn after its own arguments; SUPPRESS keeps a --dsn given
    # before the command from being overwritten by the subcommand's empty default.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--dsn", default=argparse.SUPPRESS, help=dsn_help)
    parser = argparse.ArgumentParser(
        prog="dialdesk",
        description="DialDesk call-centre workstation. Without a command, opens the app.",
    )
    parser.add_argument("--dsn", default=None, help=dsn_help)
    parser.add_argument("--version", action="version", version=f"DialDesk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation on a throwaway built-in database, then exit",
    )
    parser.add_argument(
        "--incoming",
        metavar="NUMBER",
        help="a call from NUMBER is coming in (for the softphone to run): the running "
        "DialDesk comes forward with the caller's company found",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    db_commands.register(commands, common)
    user_commands.register(commands, common)
    demo_command.register(commands, common)
    import_command.register(commands, common)
    report_command.register(commands, common)
    backup_commands.register(commands, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    speak_utf8()
    running_sign = hold_running_sign()  # noqa: F841 - held until the process ends
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from dialdesk.ui.self_test import run_self_test

        return run_self_test()
    if args.command is None:
        from dialdesk.ui.app import run_app  # Qt only when a window is wanted

        return run_app(args.dsn, incoming=args.incoming)
    try:
        code: int = args.handler(args)
    except UserError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("Interrupted; nothing more was written.")
    except Exception as exc:
        plain = explain_database_error(exc)
        if plain is None:
            raise
        return fail(str(plain))
    return code


if __name__ == "__main__":
    sys.exit(main())
