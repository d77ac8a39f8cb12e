"""Errors a person can act on, split as DESIGN.md asks: environment problems versus refusals."""

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
        super().__init__(template.format(**params))


class DatabaseUnavailable(UserError):
    """The server cannot be reached (down, network, wrong address): worth a retry."""


def explain_database_error(exc: BaseException) -> UserError | None:
    """Turn a database error into a plain message, or None when it is a bug."""
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(exc, OperationalError) or isinstance(original, psycopg.OperationalError):
        return DatabaseUnavailable(
            "Cannot reach the database: {detail}", detail=_first_line(original)
        )
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


def _first_line(exc: BaseException | None) -> str:
    text = str(exc or "").strip()
    return text.splitlines()[0] if text else type(exc).__name__
