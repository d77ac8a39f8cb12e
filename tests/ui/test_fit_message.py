"""A refusal in the card's small dialogs shows whole, however many lines it wraps to."""

import pytest
from pytestqt.qtbot import QtBot

from dialdesk.errors import UserError
from dialdesk.services.people.login import log_in
from dialdesk.ui.operator.contact_dialog import ContactDialog
from dialdesk.ui.operator.phone_dialog import PhoneDialog
from tests.conftest import Logins

LONG = UserError(
    "A colleague has corrected this number meanwhile (now: {phone}); nothing was "
    "overwritten. Close the window and open the number again. " * 2,
    phone="+74952223355",
)


@pytest.mark.parametrize("kind", [PhoneDialog, ContactDialog])
def test_a_long_refusal_makes_the_dialog_tall_enough(
    qtbot: QtBot, db_dsn: str, logins: Logins, kind: type
) -> None:
    session = log_in(db_dsn, *logins.add("operator"))
    dialog = kind(session, 1)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog._failed(LONG)
    label = dialog.ui.error_label
    assert label.height() >= label.heightForWidth(label.width()) > 3 * label.fontMetrics().height()
    session.engine.dispose()
