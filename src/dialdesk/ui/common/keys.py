"""Keyboard shortcuts that say what they do, so Help → Keys can list every one of them for
the screen the person is on."""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

Keys = str | QKeySequence | QKeySequence.StandardKey


def shortcut(
    keys: Keys,
    parent: QWidget,
    slot: Callable[[], Any],
    what: str,
    context: Qt.ShortcutContext | None = None,
) -> QShortcut:
    """A shortcut on ``parent`` that runs ``slot``; ``what`` says what it does."""
    made = QShortcut(keys if isinstance(keys, QKeySequence) else QKeySequence(keys), parent, slot)
    made.setWhatsThis(what)
    if context is not None:
        made.setContext(context)
    return made


def described_keys(page: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) of every shortcut on ``page`` and the widgets in it, in order."""
    found: list[tuple[str, str]] = []
    for item in page.findChildren(QShortcut):
        keys = item.key().toString(QKeySequence.SequenceFormat.NativeText)
        entry = (keys, item.whatsThis())
        if keys and entry not in found:
            found.append(entry)
    return found


def menu_keys(actions: list[QAction]) -> list[tuple[str, str]]:
    return [
        (a.shortcut().toString(QKeySequence.SequenceFormat.NativeText), a.text().replace("&", ""))
        for a in actions
        if not a.shortcut().isEmpty()
    ]
