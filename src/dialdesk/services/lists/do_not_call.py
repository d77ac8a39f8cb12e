"""The do-not-call list: numbers loaded from a file are never offered to an operator."""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.importing.columns import guess_mapping
from dialdesk.importing.phones import parse_phone_cell
from dialdesk.importing.table import read_table


@dataclass(frozen=True)
class DoNotCallResult:
    rows_read: int
    numbers_found: int
    numbers_added: int  # new on the list; the rest were there already
    invalid: int
    companies_affected: int  # companies in the base with one of these numbers


def load_do_not_call(
    engine: Engine, me: int | None, path: Path, reason: str | None = None
) -> DoNotCallResult:
    """Add every valid number in ``path`` (its phone column, or every cell when no column is
    named like one) to the do-not-call list, in one transaction."""
    table = read_table(path)
    rows = [row for row in table.rows if any(row)]
    phone_columns = [
        i for row in rows[:30] for i, f in guess_mapping(row).items() if f == "phones"
    ][:1]
    numbers: set[str] = set()
    invalid = 0
    for row in rows:
        cells = [row[i] for i in phone_columns if i < len(row)] if phone_columns else row
        for cell in cells:
            parsed = parse_phone_cell(cell)
            numbers.update(p.e164 for p in parsed.valid)
            invalid += len(parsed.invalid)
    if not numbers:
        raise UserError("No phone numbers found in {path}.", path=path.name)
    with plain_database_errors(), engine.begin() as conn:
        added = conn.execute(
            text(
                "INSERT INTO dialdesk.do_not_call (e164, reason, added_by) "
                "SELECT n, :reason, :me FROM unnest(CAST(:numbers AS text[])) n "
                "ON CONFLICT (e164) DO NOTHING"
            ),
            {"numbers": sorted(numbers), "reason": reason or path.name, "me": me},
        ).rowcount
        affected = conn.execute(
            text(
                "SELECT count(DISTINCT company_id) FROM dialdesk.phones "
                "WHERE e164 = ANY(CAST(:numbers AS text[]))"
            ),
            {"numbers": sorted(numbers)},
        ).scalar_one()
    return DoNotCallResult(len(rows), len(numbers), added, invalid, int(affected))
