"""``dialdesk import FILE --campaign NAME``: load a list without a screen;
``dialdesk undo-import N``: take import N away while none of its companies was called;
``dialdesk do-not-call FILE``: numbers never to be offered again."""

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from dialdesk.cli.output import admin_engine, print_json
from dialdesk.db.target import require_current_schema
from dialdesk.errors import UserError
from dialdesk.services.lists.do_not_call import load_do_not_call
from dialdesk.services.lists.import_batches import undo_import
from dialdesk.services.lists.import_options import ImportOptions, ImportResult
from dialdesk.services.lists.import_update import OVERWRITABLE
from dialdesk.services.lists.imports import run_import


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    load = commands.add_parser(
        "import",
        parents=[common],
        help="import a list of companies (XLSX, XLS, ODS, CSV, HTML or Excel 2003 XML)",
    )
    load.add_argument("file", type=Path)
    load.add_argument("--campaign", required=True, help="campaign to add the companies to")
    load.add_argument("--sheet", help="sheet of the workbook (default: the first)")
    load.add_argument("--template", help="saved column mapping to use")
    load.add_argument("--source", help="where the list comes from, kept with each company")
    load.add_argument("--encoding", help="CSV encoding (default: detected)")
    load.add_argument("--delimiter", help="CSV delimiter (default: detected)")
    load.add_argument("--rejects", type=Path, help="where to write the rejected rows (XLSX)")
    load.add_argument(
        "--expert",
        action="append",
        default=[],
        metavar="NAME=LOGIN",
        help="the old base's manager NAME is the person LOGIN (LOGIN empty: nobody); repeatable",
    )
    load.add_argument(
        "--group",
        action="append",
        default=[],
        metavar="VALUE=CODE",
        help="the old base's group or result VALUE is outcome CODE (hot, warm, competitor, "
        "cold, no_contact, nonexistent; empty: none); repeatable",
    )
    load.add_argument(
        "--overwrite",
        action="append",
        default=[],
        choices=OVERWRITABLE,
        metavar="FIELD",
        help="overwrite FIELD of matched companies with the file's value (default: only "
        f"empty fields are filled); repeatable; one of: {', '.join(OVERWRITABLE)}",
    )
    load.add_argument("--dry-run", action="store_true", help="report without writing")
    load.add_argument("--json", action="store_true", help="print one JSON object")
    load.set_defaults(handler=run_load)
    undo = commands.add_parser(
        "undo-import", parents=[common], help="undo an import none of whose companies was called"
    )
    undo.add_argument("batch", type=int, help="import number (printed by dialdesk import)")
    undo.add_argument("--json", action="store_true", help="print one JSON object")
    undo.set_defaults(handler=run_undo)
    dnc = commands.add_parser(
        "do-not-call", parents=[common], help="add the numbers in a file to the do-not-call list"
    )
    dnc.add_argument("file", type=Path)
    dnc.add_argument("--reason", help="why these numbers must not be called")
    dnc.add_argument("--json", action="store_true", help="print one JSON object")
    dnc.set_defaults(handler=run_do_not_call)


def _me(engine: Engine) -> int | None:
    with engine.connect() as conn:
        found = conn.execute(text("SELECT dialdesk.current_person_id()")).scalar()
    return None if found is None else int(found)


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print(f"\r{stage}: {done * 100 // total}%   ", end="", file=sys.stderr, flush=True)


def _pairs(values: list[str], option: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for value in values:
        name, equals, target = value.partition("=")
        if not equals or not name.strip():
            raise UserError("{option} wants NAME=VALUE, not '{value}'.", option=option, value=value)
        pairs[name.strip()] = target.strip()
    return pairs


def run_load(args: argparse.Namespace) -> int:
    options = ImportOptions(
        campaign=args.campaign,
        source=args.source,
        sheet=args.sheet,
        template=args.template,
        encoding=args.encoding,
        delimiter=args.delimiter,
        dry_run=args.dry_run,
        rejects_file=args.rejects,
        experts=_pairs(args.expert, "--expert"),
        groups=_pairs(args.group, "--group"),
        overwrite=frozenset(args.overwrite),
    )
    with admin_engine(args.dsn) as (_, engine):
        require_current_schema(engine)
        result = run_import(engine, _me(engine), args.file, options, progress=_progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print_json(result.as_json())
        return 0
    verb = "Would import" if result.dry_run else f"Import {result.batch_id}:"
    print(
        f"{verb} {result.rows_read} rows in {result.seconds:.1f} s: "
        f"{result.companies_created} companies created, {result.companies_merged} merged into "
        f"the base, {result.duplicates_in_file} duplicate rows joined, "
        f"{result.rows_rejected} rows rejected, {result.rows_changed} imported with a value cut "
        f"or left out; phones: {result.phones_valid} valid, "
        f"{result.phones_invalid} invalid, {result.phones_do_not_call} on the do-not-call list."
    )
    if result.archived_not_queued:
        print(
            f"{result.archived_not_queued} companies of the list are archived: their data was "
            "added, but they were not put in the campaign's queue."
        )
    _print_old_base(result)
    if result.rejects_file:
        print(f"Rejected and changed rows, with the reasons: {result.rejects_file}")
    if result.rejects_error:
        print(
            f"The file of rejected and changed rows could not be written to "
            f"{result.rejects_unwritten}: {result.rejects_error}. The import itself is saved."
        )
    return 0


def _print_old_base(result: ImportResult) -> None:
    if result.fields_updated:
        fields = ", ".join(f"{name} {n}" for name, n in result.fields_updated.items())
        print(f"Matched companies brought up to date, per field: {fields}.")
    if result.history_written or result.groups_set or result.experts_matched:
        print(
            f"From the old base: {result.history_written} last contacts written as imported "
            f"calls, {result.groups_set} groups set, {result.experts_matched} managers matched, "
            f"{result.former_clients} former clients."
        )
    if result.contacts_without_outcome:
        print(
            f"{result.contacts_without_outcome} last contacts have no result or group we know: "
            "not written (map them with --group)."
        )
    for what, unknown, option in (
        ("Managers", result.unknown_experts, "--expert NAME=LOGIN"),
        ("Groups and results", result.unknown_groups, "--group VALUE=CODE"),
    ):
        if unknown:
            listed = "; ".join(f"{name} ({n})" for name, n in unknown.items())
            print(f"{what} that match nothing (map them with {option}): {listed}")


def run_undo(args: argparse.Namespace) -> int:
    with admin_engine(args.dsn) as (_, engine):
        require_current_schema(engine)
        undone = undo_import(engine, args.batch)
    if args.json:
        print_json({"batch": args.batch, **dataclasses.asdict(undone)})
        return 0
    print(
        f"Import {args.batch} undone: {undone.companies_removed} companies, "
        f"{undone.phones_removed} phones, {undone.contact_persons_removed} contact persons and "
        f"{undone.entries_removed} campaign entries removed."
    )
    if undone.kept_anything:
        print(
            f"Kept, because calls were made on them: {undone.companies_kept} companies, "
            f"{undone.phones_kept} phones, {undone.contact_persons_kept} contact persons and "
            f"{undone.entries_kept} campaign entries."
        )
    return 0


def run_do_not_call(args: argparse.Namespace) -> int:
    with admin_engine(args.dsn) as (_, engine):
        require_current_schema(engine)
        result = load_do_not_call(engine, _me(engine), args.file, args.reason)
    if args.json:
        print_json(result.__dict__)
        return 0
    print(
        f"{result.numbers_found} numbers read, {result.numbers_added} new on the do-not-call "
        f"list, {result.invalid} not valid; {result.companies_affected} companies in the base "
        "have one of them."
    )
    return 0
