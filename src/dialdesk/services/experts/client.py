"""The card an expert opens on a client: the company, its phones (with the client's local
time) and people, its whole history and its deals."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.services.experts.steps import DealLine, deals_of
from dialdesk.services.shift.card import (
    EDITABLE_FIELDS,
    ContactLine,
    HistoryLine,
    PhoneLine,
    company_contacts,
    company_history,
    company_phones,
)


@dataclass(frozen=True)
class ClientCard:
    company_id: int
    company: dict[str, Any]
    row_version: int  # for the conflict check of an edit
    mine: bool  # False: handed to me, not accepted yet (nothing to record on it)
    phones: list[PhoneLine]
    contacts: list[ContactLine]
    history: list[HistoryLine]
    deals: list[DealLine]


def load_client(engine: Engine, me: int, company_id: int) -> ClientCard:
    with plain_database_errors(), engine.connect() as conn:
        row = (
            conn.execute(
                text(
                    f"SELECT {', '.join(EDITABLE_FIELDS)}, expert_id, row_version "
                    "FROM dialdesk.companies WHERE id = :c"
                ),
                {"c": company_id},
            )
            .mappings()
            .one_or_none()
        )
        if row is None:  # another expert's, or handed on since the list was read
            raise UserError("This company is no longer yours to see; read the lists again.")
        return ClientCard(
            company_id,
            {k: row[k] for k in EDITABLE_FIELDS},
            int(row["row_version"]),
            row["expert_id"] == me,
            company_phones(conn, company_id),
            company_contacts(conn, company_id),
            company_history(conn, company_id),
            deals_of(conn, company_id),
        )
