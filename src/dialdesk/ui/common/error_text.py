"""What to tell a person about an error, in their language; None means it is a bug."""

from PySide6.QtCore import QCoreApplication

from dialdesk.services.errors import UserError, explain_database_error


def translate_user_error(error: UserError) -> str:
    template = QCoreApplication.translate("Messages", error.template)
    try:
        return template.format(**error.params)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
        return str(error)


def plain_error(exc: BaseException) -> str | None:
    if isinstance(exc, UserError):
        return translate_user_error(exc)
    explained = explain_database_error(exc)
    return translate_user_error(explained) if explained is not None else None
