"""``dialdesk backup [FILE]`` and ``dialdesk restore FILE``."""

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dialdesk.backup.make import Written, backup_name, make_backup
from dialdesk.backup.replace import replace_base
from dialdesk.backup.restore import Restored, restore_backup
from dialdesk.cli.output import print_json
from dialdesk.db.target import DatabaseTarget
from dialdesk.errors import UserError
from dialdesk.settings import Settings, backup_folder


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup", parents=[common], help="write a checked backup of the whole base to a file"
    )
    backup.add_argument("file", nargs="?", help="where (default: the backup folder, dated)")
    backup.add_argument("--json", action="store_true", help="print one JSON object")
    backup.set_defaults(handler=run_backup)
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="restore a backup: into an empty database, or in place of the built-in base",
    )
    restore.add_argument("file")
    restore.add_argument(
        "--yes", action="store_true", help="replace the built-in base without asking"
    )
    restore.add_argument("--json", action="store_true", help="print one JSON object")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    target = DatabaseTarget.from_option(args.dsn)
    target.start()
    try:
        path = (
            Path(args.file)
            if args.file
            else backup_folder(Settings.load()) / backup_name(datetime.now(UTC))
        )
        written = make_backup(target.admin_dsn, path, target.describe())
    finally:
        target.stop()
    if args.json:
        print_json(_written_json(written))
    else:
        tables = written.manifest.tables
        print(
            f"Backup of {target.describe()} written to {written.path} "
            f"({written.size / 2**20:.1f} MB) and checked: "
            f"{tables.get('dialdesk.companies', 0)} companies, "
            f"{tables.get('dialdesk.calls', 0)} calls, {len(written.manifest.people)} people."
        )
    return 0


def run_restore(args: argparse.Namespace) -> int:
    target = DatabaseTarget.from_option(args.dsn)
    target.start()
    try:
        if target.is_embedded:
            _confirm(Path(args.file), args.yes)
            replaced = replace_base(target.admin_dsn, Path(args.file),
                                    backup_folder(Settings.load()), target.describe())  # fmt: skip
            print(f"The base it replaces was backed up first to {replaced.kept.path}.",
                  file=sys.stderr)  # fmt: skip
            restored = replaced.restored
        else:
            restored = restore_backup(Path(args.file), target.admin_dsn)
    finally:
        target.stop()
    if args.json:
        print_json(_restored_json(restored))
        return 0 if restored.matches else 1
    manifest = restored.manifest
    print(f"Restored the backup of {manifest.created_at:%Y-%m-%d %H:%M} ({manifest.database}).")
    print(f"{'table':<32} {'in backup':>12} {'restored':>12}")
    for table, expected in manifest.tables.items():
        got = restored.counts.get(table)
        mark = "" if got == expected else "  DIFFERS"
        print(f"{table:<32} {expected:>12} {got if got is not None else '-':>12}{mark}")
    if restored.upgraded_from:
        print(f"The schema was brought up from revision {restored.upgraded_from}.")
    if restored.recreated_logins:
        print(
            "These logins were missing on this server and were made again, disabled: "
            + ", ".join(restored.recreated_logins)
        )
        print("Give each a new password with: dialdesk user password LOGIN")
    return 0 if restored.matches else 1


def _confirm(path: Path, yes: bool) -> None:
    """The built-in base makes way for the backup only when the person says so."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise UserError(
            "Restoring replaces the built-in base; add --yes to confirm it without a prompt."
        )
    answer = input(
        f"Restoring {path} replaces the whole built-in base (a backup of it is written "
        "first). Type yes to go on: "
    )
    if answer.strip().lower() not in ("yes", "да"):
        raise UserError("Nothing was restored.")


def _written_json(written: Written) -> dict[str, Any]:
    return {
        "file": str(written.path),
        "bytes": written.size,
        "revision": written.manifest.revision,
        "tables": written.manifest.tables,
        "people": len(written.manifest.people),
    }


def _restored_json(restored: Restored) -> dict[str, Any]:
    return {
        "backup_taken_at": restored.manifest.created_at.isoformat(),
        "revision": restored.manifest.revision,
        "upgraded_from": restored.upgraded_from,
        "tables": {
            table: {"in_backup": count, "restored": restored.counts.get(table)}
            for table, count in restored.manifest.tables.items()
        },
        "matches": restored.matches,
        "recreated_logins": restored.recreated_logins,
    }
