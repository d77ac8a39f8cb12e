"""A company's phone numbers edited on the card: a number added or corrected (checked, with
its extension and time zone), marked not working and back again."""

from sqlalchemy import Engine, text

from dialdesk import limits
from dialdesk.errors import UserError, plain_database_errors
from dialdesk.importing.phones import one_phone


def save_phone(
    engine: Engine,
    company_id: int,
    typed: str,
    extension: str = "",
    phone_id: int | None = None,
    version: int | None = None,
) -> int:
    """Add a number to the company (``phone_id`` None) or correct one; returns its id.  With
    ``version`` (the one the dialog was opened with) a colleague's correction made meanwhile
    is refused, not overwritten."""
    typed, extension = typed.strip(), extension.strip()
    number = one_phone(typed)
    extension = extension or number.extension or ""
    if not (extension.isdigit() or not extension) or len(extension) > limits.PHONE["extension"]:
        raise UserError(
            "The extension {extension} is not one: write up to {limit} digits.",
            extension=extension,
            limit=limits.PHONE["extension"],
        )
    values = {
        "company": company_id,
        "e164": number.e164,
        "extension": extension or None,
        "raw": typed[: limits.PHONE["raw_text"]],
        "tz": number.time_zone,
        "kind": number.kind,
        "id": phone_id,
        "version": version,
    }
    with plain_database_errors(), engine.begin() as conn:
        twin = conn.execute(
            text(
                "SELECT 1 FROM dialdesk.phones WHERE company_id = :company AND e164 = :e164 "
                "AND coalesce(extension, '') = coalesce(:extension, '') "
                "AND id IS DISTINCT FROM :id"
            ),
            values,
        ).first()
        if twin:
            raise UserError("The company already has the number {phone}.", phone=number.e164)
        if phone_id is None:
            return int(
                conn.execute(
                    text(
                        "INSERT INTO dialdesk.phones (company_id, e164, extension, raw_text, "
                        "time_zone, kind) VALUES (:company, :e164, :extension, :raw, :tz, :kind) "
                        "RETURNING id"
                    ),
                    values,
                ).scalar_one()
            )
        changed = conn.execute(
            text(
                "UPDATE dialdesk.phones SET e164 = :e164, extension = :extension, "
                "raw_text = :raw, time_zone = :tz, kind = :kind, is_dead = false "
                "WHERE id = :id AND company_id = :company "
                "AND (CAST(:version AS integer) IS NULL OR row_version = :version)"
            ),
            values,
        ).rowcount
        if not changed:
            now = conn.execute(
                text("SELECT e164 FROM dialdesk.phones WHERE id = :id"), values
            ).first()
            if now is None:
                raise UserError("This number is no longer on the company's card.")
            raise UserError(
                "A colleague has corrected this number meanwhile (now: {phone}); nothing was "
                "overwritten. Close the window and open the number again.",
                phone=now.e164 or "—",
            )
    return phone_id


def set_phone_dead(engine: Engine, phone_id: int, dead: bool = True) -> None:
    """Mark a number as not working (never offered again), or undo that."""
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.phones SET is_dead = :dead WHERE id = :p"),
            {"p": phone_id, "dead": dead},
        )
