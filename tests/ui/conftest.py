"""What the screen tests share."""

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from dialdesk.ui.common.translations import install_translator
from tests.services.conftest import floor  # noqa: F401  (the queue, for the mail screens)


@pytest.fixture
def russian(qapp):
    """The screens in Russian, as most of our people use them (Qt's own words too)."""
    numbers = QLocale()
    translators = install_translator("ru")
    yield
    for translator in translators:
        QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(numbers)
