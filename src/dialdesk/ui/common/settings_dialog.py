"""Where the database is (built-in, or a central server) and which language to use."""

from pathlib import Path

from psycopg.conninfo import conninfo_to_dict, make_conninfo
from PySide6.QtWidgets import QDialog

from dialdesk.settings import Settings
from dialdesk.ui.common.forms import load_form
from dialdesk.ui.common.page import filled


def server_dsn(host: str, port: int, dbname: str) -> str:
    return make_conninfo(host=host, port=str(port), dbname=dbname)


class SettingsDialog(QDialog):
    def __init__(self, settings_path: Path | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ui = load_form("settings_dialog", self)
        self._path = settings_path
        self.settings = Settings.load(settings_path)
        self.ui.language_combo.addItem(self.tr("As the system"), "")
        self.ui.language_combo.addItem("Русский", "ru")
        self.ui.language_combo.addItem("English", "en")
        self.ui.language_combo.setCurrentIndex(
            max(0, self.ui.language_combo.findData(self.settings.language))
        )
        self.ui.softphone_edit.setText(self.settings.softphone_command)
        if self.settings.server_dsn:
            params = conninfo_to_dict(self.settings.server_dsn)
            self.ui.server_radio.setChecked(True)
            self.ui.host_edit.setText(str(params.get("host") or ""))
            self.ui.port_spin.setValue(int(params.get("port") or 5432))
            self.ui.dbname_edit.setText(str(params.get("dbname") or "dialdesk"))
        else:
            self.ui.builtin_radio.setChecked(True)
        self.ui.server_radio.toggled.connect(self._enable_server_fields)
        self._enable_server_fields(self.ui.server_radio.isChecked())
        self.ui.button_box.accepted.connect(self.save)
        self.ui.button_box.rejected.connect(self.reject)

    def _enable_server_fields(self, enabled: bool) -> None:
        for widget in (self.ui.host_edit, self.ui.port_spin, self.ui.dbname_edit):
            widget.setEnabled(enabled)

    def save(self) -> None:
        if self.ui.server_radio.isChecked():
            host = self.ui.host_edit.text().strip()
            dbname = self.ui.dbname_edit.text().strip()
            if not host:
                self.ui.error_label.setText(self.tr("Enter the server address."))
                self.ui.host_edit.setFocus()
                return
            if not dbname:
                self.ui.error_label.setText(self.tr("Enter the database name."))
                self.ui.dbname_edit.setFocus()
                return
            self.settings.server_dsn = server_dsn(host, self.ui.port_spin.value(), dbname)
        else:
            self.settings.server_dsn = ""
        self.settings.language = self.ui.language_combo.currentData()
        self.settings.softphone_command = self.ui.softphone_edit.text().strip()
        try:
            self.settings.save(self._path)
        except OSError as exc:
            self.ui.error_label.setText(filled(self.tr("Cannot save the settings: %1"), str(exc)))
            return
        self.accept()
