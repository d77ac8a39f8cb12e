"""Russian and English: translations are Qt Linguist ``.ts`` files in ``resources/``,
read directly so that no compile step stands between ``pip install`` and a Russian window."""

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dialdesk.paths import shipped_dir

LANGUAGES = ("ru", "en")  # English is the source language of every string
SOURCE_LANGUAGE = "en"


def translation_file(language: str) -> Path:
    return shipped_dir("resources") / "translations" / f"dialdesk_{language}.ts"


def plural_form(language: str, n: int) -> int:
    """Which of a language's plural forms a count takes: Russian has three ("1 звонок,
    3 звонка, 5 звонков"), English two."""
    if language.startswith("ru"):
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    return 0 if n == 1 else 1


class TsTranslator(QTranslator):
    """A translator that reads a ``.ts`` file; unfinished entries fall back to English.
    A string with ``%n`` takes the plural form its count asks for."""

    def __init__(self, path: Path, parent=None) -> None:
        super().__init__(parent)
        self._messages: dict[tuple[str, str], str] = {}
        self._plurals: dict[tuple[str, str], list[str]] = {}
        root = ET.parse(path).getroot()
        self._language = root.get("language", "")
        for context in root.iter("context"):
            name = context.findtext("name", "")
            for message in context.iter("message"):
                source = message.findtext("source", "")
                translation = message.find("translation")
                if translation is None or translation.get("type") in (
                    "unfinished",
                    "obsolete",
                    "vanished",
                ):
                    continue
                forms = [form.text or "" for form in translation.iter("numerusform")]
                if forms and all(forms):
                    self._plurals[(name, source)] = forms
                elif translation.text and translation.text.strip():
                    self._messages[(name, source)] = translation.text

    def isEmpty(self) -> bool:
        return not self._messages

    def translate(self, context, source_text, disambiguation=None, n=-1):
        # None, not "": Qt takes an empty string as a translation and would blank the text
        # of every string it does not know (Qt's own "OK", "Cancel", ...).
        forms = self._plurals.get((context, source_text))
        if forms is not None:
            return forms[min(plural_form(self._language, max(n, 0)), len(forms) - 1)]
        return self._messages.get((context, source_text))


def choose_language(setting: str) -> str:
    """The language the settings ask for, else the system's when we have it, else English."""
    if setting in LANGUAGES:
        return setting
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else SOURCE_LANGUAGE


def number_locale(language: str) -> QLocale:
    if language == "ru":
        return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def install_translator(language: str) -> list[QTranslator]:
    """Install Qt's own translator (standard buttons, dialogs) and ours for ``language``;
    numbers and dates follow the language too (decimal comma in Russian)."""
    QLocale.setDefault(number_locale(language))
    if language == SOURCE_LANGUAGE:
        return []
    installed: list[QTranslator] = []
    app = QCoreApplication.instance()
    qt_own = QTranslator(app)
    if qt_own.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        QCoreApplication.installTranslator(qt_own)
        installed.append(qt_own)
    translator = TsTranslator(translation_file(language), app)
    QCoreApplication.installTranslator(translator)
    installed.append(translator)
    return installed
