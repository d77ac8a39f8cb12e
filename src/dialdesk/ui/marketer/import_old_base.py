"""The import wizard's choices for matched companies and the customer's old base: which
fields the file overwrites (step 3), what the import changed and brought over (its summary),
and the managers' names and groups that match nothing, each mapped by the person to a
person or a group of ours before importing again."""

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QHeaderView, QListWidgetItem, QTableWidgetItem

from dialdesk.services.lists.import_options import ImportResult
from dialdesk.services.lists.import_update import OVERWRITABLE
from dialdesk.services.lists.old_base import Choices, old_base_choices
from dialdesk.ui.common.page import filled

# a field of the columns step -> the company's column an import fills or overwrites
_COLUMN = {"expert": "expert_id"}
_FIELD = {column: name for name, column in _COLUMN.items()}


class OldBaseMixin:
    """Part of ``ImportPage`` (which provides the attributes used here)."""

    if TYPE_CHECKING:  # the page's own attributes, for the type checker only

        def __getattr__(self, name: str) -> Any: ...

    def _setup_old_base(self) -> None:
        ui = self.ui
        ui.overwrite_radio.toggled.connect(ui.overwrite_list.setEnabled)
        table = ui.unknown_table
        table.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportPage", "What"),
                QCoreApplication.translate("ImportPage", "In the file"),
                QCoreApplication.translate("ImportPage", "Rows"),
                QCoreApplication.translate("ImportPage", "Is"),
            ]
        )
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self._choices: Choices | None = None
        self._clear_unknown()

    # -- step 3: matched companies -----------------------------------------------------------
    def _fill_overwrite_list(self) -> None:
        """The fields the file brings, each to tick for overwriting (ticks kept while the
        same fields come back)."""
        ui = self.ui
        ticked = self.overwrite()
        ui.overwrite_list.clear()
        mapped = set(self.mapping().values())
        for column in OVERWRITABLE:
            field = _FIELD.get(column, column)
            if field not in mapped:
                continue
            item = QListWidgetItem(self.field_names[field])
            item.setData(Qt.ItemDataRole.UserRole, column)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if column in ticked else Qt.CheckState.Unchecked
            )
            ui.overwrite_list.addItem(item)

    def overwrite(self) -> frozenset[str]:
        """The fields ticked for overwriting, when overwriting is chosen."""
        ui = self.ui
        if not ui.overwrite_radio.isChecked():
            return frozenset()
        items = (ui.overwrite_list.item(i) for i in range(ui.overwrite_list.count()))
        return frozenset(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        )

    # -- the summary -----------------------------------------------------------------------
    def _old_base_lines(self, result: ImportResult) -> list[str]:
        lines = []
        if result.fields_updated:
            fields = ", ".join(
                f"{self._word(name)} {count}" for name, count in result.fields_updated.items()
            )
            lines.append(
                filled(
                    QCoreApplication.translate(
                        "ImportPage", "companies in the base brought up to date: %1"
                    ),
                    fields,
                )
            )
        if result.history_written or result.groups_set or result.experts_matched:
            lines.append(
                filled(
                    QCoreApplication.translate(
                        "ImportPage",
                        "from the old base: %1 last contacts written to the history, %2 "
                        "groups set, %3 managers matched, %4 former clients",
                    ),
                    str(result.history_written),
                    str(result.groups_set),
                    str(result.experts_matched),
                    str(result.former_clients),
                )
            )
        elif result.former_clients:
            lines.append(
                filled(
                    QCoreApplication.translate("ImportPage", "former clients: %1"),
                    str(result.former_clients),
                )
            )
        if result.contacts_without_outcome:
            lines.append(
                filled(
                    QCoreApplication.translate(
                        "ImportPage", "last contacts with no result or group we know, left out: %1"
                    ),
                    str(result.contacts_without_outcome),
                )
            )
        return lines

    def _word(self, name: str) -> str:
        """A company column as the wizard names it: its field's name where it has one."""
        field = _FIELD.get(name, name)
        if field in self.field_names:
            return str(self.field_names[field])
        words = {
            "notes": QCoreApplication.translate("ImportPage", "notes"),
            "is_former_client": QCoreApplication.translate("ImportPage", "former client"),
        }
        return words.get(name, name)

    # -- what matched nothing -------------------------------------------------------------
    def _clear_unknown(self) -> None:
        self.ui.unknown_table.setRowCount(0)
        self.ui.unknown_table.hide()
        self.ui.unknown_label.hide()

    def _show_unknown(self, result: ImportResult) -> None:
        """List the old base's names and groups that matched nothing, each with its choice
        (kept from before when the same value comes back)."""
        before = (self.chosen_experts(), self.chosen_groups())
        rows = [("expert", v, n) for v, n in result.unknown_experts.items()]
        rows += [("group", v, n) for v, n in result.unknown_groups.items()]
        table = self.ui.unknown_table
        table.setRowCount(0)
        if not rows:
            self._clear_unknown()
            return
        engine = self._session.engine

        def show(choices: Choices) -> None:
            self._choices = choices
            table.setRowCount(len(rows))
            for r, (kind, value, count) in enumerate(rows):
                what = (
                    QCoreApplication.translate("ImportPage", "manager")
                    if kind == "expert"
                    else QCoreApplication.translate("ImportPage", "group")
                )
                for c, text in enumerate((what, value, str(count))):
                    item = QTableWidgetItem(text)
                    item.setData(Qt.ItemDataRole.UserRole, kind)
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    table.setItem(r, c, item)
                table.setCellWidget(r, 3, self._choice_combo(kind, value, choices, before))
            table.show()
            self.ui.unknown_label.setText(
                QCoreApplication.translate(
                    "ImportPage",
                    "These names and groups of the old base match nobody and no group of "
                    "ours. Choose who or what each one is, then go back (Alt+Left) and import "
                    "again:",
                )
                if result.dry_run
                else QCoreApplication.translate(
                    "ImportPage",
                    "These names and groups of the old base matched nobody and no group of "
                    "ours: the companies came in without them. To bring them in, undo this "
                    "import and import the file again, choosing who or what each one is.",
                )
            )
            self.ui.unknown_label.show()
            table.setEnabled(result.dry_run)

        self._side.run(lambda: old_base_choices(engine), show, self.failed)

    def _choice_combo(
        self,
        kind: str,
        value: str,
        choices: Choices,
        before: tuple[dict[str, str], dict[str, str]],
    ) -> QComboBox:
        combo = QComboBox(self.ui.unknown_table)
        combo.addItem(
            QCoreApplication.translate("ImportPage", "— nobody —")
            if kind == "expert"
            else QCoreApplication.translate("ImportPage", "— no group —"),
            "",
        )
        options = choices.people if kind == "expert" else choices.outcomes
        russian = self._language == "ru"
        for key, russian_label, english_label in options:
            combo.addItem(russian_label if russian else english_label, key)
        earlier = before[0 if kind == "expert" else 1].get(value)
        if earlier is not None:
            combo.setCurrentIndex(max(combo.findData(earlier), 0))
        return combo

    def _chosen(self, kind: str) -> dict[str, str]:
        table = self.ui.unknown_table
        chosen: dict[str, str] = {}
        for r in range(table.rowCount()):
            item, combo = table.item(r, 1), table.cellWidget(r, 3)
            if item is None or not isinstance(combo, QComboBox):
                continue
            if item.data(Qt.ItemDataRole.UserRole) == kind and combo.currentData():
                chosen[item.text()] = str(combo.currentData())
        return chosen

    def chosen_experts(self) -> dict[str, str]:
        """Manager's name as the file writes it -> the login chosen; one left at "nobody"
        stays unmatched, and the summary lists it again."""
        return self._chosen("expert")

    def chosen_groups(self) -> dict[str, str]:
        """Group or result as the file writes it -> the outcome code chosen."""
        return self._chosen("group")
