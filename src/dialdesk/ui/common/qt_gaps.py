"""Qt's own words that its Russian translation misses in this Qt (the file dialog's labels
gained an "&" that qtbase_ru.qm does not know): listed here so that they come into our
translation file, which Qt asks before its own."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
