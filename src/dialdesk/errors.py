"""Errors a person can act on, split as DESIGN.md asks: environment problems versus refusals."""

import json
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy.exc import DBAPIError, OperationalError


class UserError(Exception):
    """Something the person asked for cannot be done; the message says why in plain words.

    ``template`` is an English sentence with ``{named}`` fields; the UI translates the
    template (context "Messages") and then fills in ``params``.
    """

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(fill(template, params))


class Phrase(str):
    """A field of a ``UserError`` that is itself an English template (advice, say): the UI
    translates it as well, and fills it from the same fields."""


def fill(template: str, params: dict[str, object]) -> str:
    """``template`` with ``params`` filled in; a ``Phrase`` among them filled first."""
    plain = {k: v for k, v in params.items() if not isinstance(v, Phrase)}
    phrases = {k: v.format(**plain) for k, v in params.items() if isinstance(v, Phrase)}
    return template.format(**plain, **phrases)


def translatable(template: str) -> str:
    """Mark an English template with ``{named}`` fields for the translation file; the UI
    translates it (context "Messages") before filling it in."""
    return template


class DatabaseUnavailable(UserError):
    """The server cannot be reached (down, network, wrong address): worth a retry."""


# Refusals raised by DialDesk's own database functions carry HINT "dialdesk:KEY" and their
# values as a JSON DETAIL, so the person reads them in their own language.
DATABASE_MESSAGES = {
    "unknown_role": "Unknown role '{role}': use operator, supervisor, marketer, expert or admin.",
    "login_not_allowed": (
        "The login '{login}' is not allowed: use lower-case Latin letters, digits, '_' or '.'."
    ),
    "login_reserved": "The login '{login}' is reserved for DialDesk itself; choose another.",
    "login_exists": "The login '{login}' already exists on this database server.",
    "no_such_user": "There is no DialDesk user '{login}'.",
    "held_by_another": "This company is now with another operator; your outcome was not saved.",
    "unknown_outcome_or_entry": "Unknown outcome '{code}' or queue entry {entry}.",
    "spoke_with_required": "Write whom you spoke with: this outcome counts as a contact.",
    "answer_required": "Answer \u201c{question}\u201d first: it must be answered on a contact.",
    "answers_not_this_campaign": (
        "The answers given are not to this campaign's questions; the outcome was not saved."
    ),
    "next_contact_required": "Set the date and time of the next contact for this outcome.",
    "not_in_your_name": "You can work only in your own name.",
    "not_your_entry": "This company was not given to you by the queue; the outcome was not saved.",
    "call_time_outside_claim": (
        "The call's times lie outside the time you held this company: check this "
        "workstation's clock. The outcome was not saved."
    ),
    "not_this_company": "The phone or contact person chosen is not this company's.",
    "not_an_expert": "The person chosen for the hand-off is not an expert.",
    "cannot_end_sessions": (
        "'{login}' cannot log in any more, but the database's owner ({owner}) may not end "
        "their open sessions: the server's administrator must grant it the "
        "pg_signal_backend role."
    ),
    "not_held": (
        "You no longer hold this company (your claim has ended), so it cannot be changed; "
        "open it again from the queue or the search."
    ),
    "no_such_import": "There is no import number {batch}.",
    "import_already_undone": "Import number {batch} has already been undone.",
    "handoff_not_yours": "This hand-off is not yours: it was made for another expert.",
    "handoff_taken": "This hand-off has already been accepted or returned.",
    "return_reason_required": "Write why you return this company: the supervisor reads it.",
    "not_your_client": "This company is not your client, so nothing was saved on it.",
    "unknown_step": "Unknown result '{kind}': choose what happened on this contact.",
    "step_in_future": "A contact is recorded when it was made: its time may not be ahead.",
    "amount_below_zero": "An amount cannot be below zero.",
    "won_needs_amount": "Write the deal's amount: a won deal counts in the reports by it.",
    "lost_needs_reason": "Choose why the deal was lost.",
    "not_your_plan": "The planned contact chosen is not your pending one for this company.",
    "cannot_take_clients": "Choose another active expert to take the client.",
    "not_a_reactivation_campaign": (
        "Sleeping clients go only into a campaign of former clients; choose one of those."
    ),
    "do_not_mail": "{email} is on the do-not-mail list: no letter goes to it.",
    "not_your_letter": "This letter is not being sent by you, so it was not marked.",
}


def _own_refusal(error: psycopg.Error) -> UserError | None:
    hint = error.diag.message_hint or ""
    if not hint.startswith("dialdesk:"):
        return None
    template = DATABASE_MESSAGES.get(hint.removeprefix("dialdesk:"))
    if template is None:
        return None
    try:
        params = json.loads(error.diag.message_detail or "{}")
    except ValueError:
        params = {}
    try:
        return UserError(template, **params)
    except KeyError:
        return None


def explain_database_error(exc: BaseException) -> UserError | None:
    """Turn a database error into a plain message, or None when it is a bug."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(exc, OperationalError) or isinstance(original, psycopg.OperationalError):
        return DatabaseUnavailable(
            "Cannot reach the database: {detail}", detail=_first_line(original)
        )
    if isinstance(original, psycopg.Error) and (own := _own_refusal(original)) is not None:
        return own
    if isinstance(original, psycopg.errors.InsufficientPrivilege):
        return UserError("The database refused: {detail}", detail=_first_line(original))
    if isinstance(
        original,
        psycopg.errors.InvalidParameterValue
        | psycopg.errors.DuplicateObject
        | psycopg.errors.UndefinedObject
        | psycopg.errors.RaiseException,
    ):
        return UserError("{detail}", detail=_first_line(original))
    return None


@contextmanager
def plain_database_errors() -> Iterator[None]:
    """Inside: database errors a person can act on become ``UserError``; bugs stay as they are."""
    try:
        yield
    except UserError:
        raise
    except Exception as exc:
        plain = explain_database_error(exc)
        if plain is None:
            raise
        raise plain from exc


def _first_line(exc: BaseException | None) -> str:
    text = str(exc or "").strip()
    return text.splitlines()[0] if text else type(exc).__name__
