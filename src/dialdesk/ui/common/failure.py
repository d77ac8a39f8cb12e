"""Showing a failure: plain words for the person, the crash dialog for a bug."""

from collections.abc import Callable

from dialdesk.ui.common.error_text import plain_error


def show_failure(error: BaseException, say: Callable[[str], None]) -> None:
    """Tell the person what went wrong, or re-raise a bug for the crash dialog."""
    text = plain_error(error)
    if text is None:
        raise error
    say(text)
