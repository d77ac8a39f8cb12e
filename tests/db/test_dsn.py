"""Which database is used: --dsn, else DIALDESK_DSN, else the settings file, else embedded."""

from pathlib import Path

import pytest

from dialdesk.db.dsn import choose_database, describe, with_credentials
from dialdesk.settings import Settings, SettingsError


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    path = tmp_path / "settings.json"
    Settings(server_dsn="postgresql://central:5432/dialdesk").save(path)
    return path


def test_option_wins_over_everything(monkeypatch: pytest.MonkeyPatch, settings_file: Path) -> None:
    monkeypatch.setenv("DIALDESK_DSN", "postgresql://env/dialdesk")
    choice = choose_database("postgresql://option/dialdesk", settings_file)
    assert (choice.source, choice.dsn) == ("option", "postgresql://option/dialdesk")


def test_environment_before_settings(monkeypatch: pytest.MonkeyPatch, settings_file: Path) -> None:
    monkeypatch.setenv("DIALDESK_DSN", "postgresql://env/dialdesk")
    assert choose_database(None, settings_file).source == "environment"


def test_settings_before_embedded(monkeypatch: pytest.MonkeyPatch, settings_file: Path) -> None:
    monkeypatch.delenv("DIALDESK_DSN", raising=False)
    choice = choose_database(None, settings_file)
    assert (choice.source, choice.dsn) == ("settings", "postgresql://central:5432/dialdesk")


def test_embedded_when_nothing_is_configured(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DIALDESK_DSN", raising=False)
    choice = choose_database(None, tmp_path / "missing.json")
    assert (choice.source, choice.dsn) == ("embedded", None)


def test_broken_settings_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"settings\.json"):
        Settings.load(path)


def test_credentials_are_added_and_never_described() -> None:
    dsn = with_credentials("postgresql://central:5432/dialdesk", "ivan", "s3cret")
    assert "user=ivan" in dsn and "password=s3cret" in dsn
    assert "s3cret" not in describe(dsn)
    assert describe(dsn) == "dialdesk @ central:5432"
