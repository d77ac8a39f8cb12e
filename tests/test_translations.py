"""Every visible string has a finished Russian translation, and the app really uses it."""

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from dialdesk.errors import UserError
from dialdesk.paths import shipped_dir
from dialdesk.ui.common.error_text import translate_user_error
from dialdesk.ui.common.translations import TsTranslator, install_translator, translation_file

PLACEHOLDER = re.compile(r"%\d|\{\w+\}")


def _update_tool():
    path = shipped_dir("resources") / "translations" / "update_ts.py"
    spec = importlib.util.spec_from_file_location("update_ts", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


@pytest.fixture(scope="module")
def current_strings(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """What the sources ask for today, collected as a translator would."""
    fresh = tmp_path_factory.mktemp("ts") / "dialdesk_ru.ts"
    shutil.copy(translation_file("ru"), fresh)
    _update_tool().lupdate(fresh)
    return _messages(fresh)


def test_every_string_in_the_sources_is_in_the_russian_file(current_strings: dict) -> None:
    committed = _messages(translation_file("ru"))
    missing = sorted(set(current_strings) - set(committed))
    assert missing == [], "run resources/translations/update_ts.py and translate the new strings"


def test_every_russian_translation_is_finished(current_strings: dict) -> None:
    unfinished = [
        key
        for key, translation in current_strings.items()
        if translation is None or translation.get("type") == "unfinished" or not translation.text
    ]
    assert unfinished == []


def test_placeholders_survive_translation() -> None:
    broken = [
        source
        for (_, source), translation in _messages(translation_file("ru")).items()
        if translation is not None
        for text in (
            [form.text or "" for form in translation.iter("numerusform")]  # each plural form
            or [translation.text or ""]
        )
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text))
    ]
    assert broken == []


def test_service_messages_are_collected() -> None:
    messages = _update_tool().service_messages()
    assert "Wrong login or password." in messages
    assert (
        "The base already holds {count} companies; demo data is loaded only into an empty base."
        in messages
    )


def test_translator_reads_the_file(qapp) -> None:
    translator = TsTranslator(translation_file("ru"))
    assert translator.translate("LoginDialog", "Enter your login.") == "Введите свой логин."
    assert translator.translate("LoginDialog", "No such string") is None


def test_service_error_is_shown_in_russian(qapp) -> None:
    numbers = QLocale()
    translators = install_translator("ru")
    try:
        error = UserError("Unknown role '{role}': use one of {roles}.", role="boss", roles="x, y")
        assert translate_user_error(error) == "Неизвестная роль «boss»: используйте одну из: x, y."
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(numbers)
    assert translate_user_error(error) == "Unknown role 'boss': use one of x, y."


@pytest.mark.parametrize(
    ("count", "said"),
    [
        (1, "1 результат ждёт отправки"),
        (3, "3 результата ждут отправки"),
        (5, "5 результатов ждут отправки"),
        (11, "11 результатов ждут отправки"),
        (21, "21 результат ждёт отправки"),
        (22, "22 результата ждут отправки"),
        (112, "112 результатов ждут отправки"),
    ],
)
def test_counts_take_their_russian_plural_form(qapp, count: int, said: str) -> None:
    numbers = QLocale()
    translators = install_translator("ru")
    try:
        text = QCoreApplication.translate("", "%n outcome(s) waiting to be sent", "", count)
        assert text == said
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)
        QLocale.setDefault(numbers)
