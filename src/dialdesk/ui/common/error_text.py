"""What to tell a person about an error, in their language; None means it is a bug."""

from PySide6.QtCore import QCoreApplication

from dialdesk.errors import Phrase, UserError, explain_database_error, fill


def translate_user_error(error: UserError) -> str:
    def translated(text: str) -> str:
        return QCoreApplication.translate("Messages", text)

    template = translated(error.template)
    params = {k: Phrase(translated(v)) if isinstance(v, Phrase) else v
              for k, v in error.params.items()}  # fmt: skip
    try:
        return fill(template, params)
    except (KeyError, IndexError, ValueError):  # a broken translation must not hide the error
        return str(error)


def plain_error(exc: BaseException) -> str | None:
    if isinstance(exc, UserError):
        return translate_user_error(exc)
    explained = explain_database_error(exc)
    return translate_user_error(explained) if explained is not None else None
