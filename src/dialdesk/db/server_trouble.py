"""Why the built-in server could not be prepared or started, in words a person can act on:
what it was doing, the cause its own log gives, and what to do about that cause."""

import re

from dialdesk.errors import Phrase, UserError, translatable

STEPS = {
    "install": translatable(
        "The built-in database is missing from this installation ({cause}). {advice}"
    ),
    "initialise": translatable(
        "The built-in database could not be prepared in {folder}. Its log says: {cause}. {advice}"
    ),
    "start": translatable(
        "The built-in database in {folder} did not start. Its log says: {cause}. {advice}"
    ),
}

# what the server's log says -> what the person can do about it
ADVICE = [
    (
        re.compile(r"locale|setlocale|LC_[A-Z]+", re.IGNORECASE),
        translatable(
            "The language settings (locale) the log names are missing on this computer: ask "
            "the administrator to install them, then start DialDesk again."
        ),
    ),
    (
        re.compile(r"no space left on device|disk full", re.IGNORECASE),
        translatable("The disk is full: free some space on it and start DialDesk again."),
    ),
    (
        re.compile(r"permission denied|access is denied|could not (open|create|write)", re.I),
        translatable(
            "DialDesk may not write in {folder}: ask the administrator to let your user "
            "change that folder, then start DialDesk again."
        ),
    ),
    (
        re.compile(r"could not bind|address already in use|could not create listen", re.I),
        translatable(
            "Another program holds what the database listens on: restart the computer and "
            "start DialDesk again."
        ),
    ),
    (
        re.compile(r"lock file .* already exists|another server might be running", re.I),
        translatable(
            "Another DialDesk is still starting or stopping the database: wait a minute and "
            "start DialDesk again."
        ),
    ),
]
DEFAULT_ADVICE = translatable(
    "Restart the computer and start DialDesk again; if it happens again, send the file "
    "{log} to your administrator."
)
NO_LOG = translatable("nothing")


class EmbeddedServerError(UserError):
    """The built-in server could not be prepared or started; the text says why, from its
    own log, and what to do."""

    def __init__(self, step: str, cause: str, folder: object = "", log: object = "") -> None:
        cause = cause.strip()
        advice = next((text for pattern, text in ADVICE if pattern.search(cause)), DEFAULT_ADVICE)
        super().__init__(
            STEPS[step],
            cause=cause or Phrase(NO_LOG),
            advice=Phrase(advice),
            folder=folder,
            log=log,
        )
        self.step = step
