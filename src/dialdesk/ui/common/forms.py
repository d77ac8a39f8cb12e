"""Forms drawn in Qt Designer (``forms/*.ui``), used by composition.

``load_form("login_dialog", self)`` builds the form inside ``self`` and returns an object
whose attributes are the form's named widgets: ``self.ui.login_edit``.
"""

from types import SimpleNamespace

from PySide6.QtCore import QFile, QIODevice, QObject
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from dialdesk.paths import shipped_dir


def load_form(name: str, host: QWidget) -> SimpleNamespace:
    path = shipped_dir("forms") / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"Cannot open the form {path}")
    try:
        form = QUiLoader().load(file, host)
    finally:
        file.close()
    if form is None:
        raise RuntimeError(f"The form {path} could not be built")
    layout = host.layout() or QVBoxLayout(host)
    layout.addWidget(form)
    host.setWindowTitle(form.windowTitle())
    widgets = {
        child.objectName(): child
        for child in form.findChildren(QObject)
        if child.objectName() and not child.objectName().startswith("qt_")
    }
    widgets["form"] = form
    if isinstance(host, QDialog):
        _make_accept_button_default(form)
    return SimpleNamespace(**widgets)


def _make_accept_button_default(form: QWidget) -> None:
    """Enter presses OK: QDialog only finds default buttons among its direct children."""
    for box in form.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if (
                isinstance(button, QPushButton)
                and box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole
            ):
                button.setDefault(True)
                return
