"""The per-user settings file: server address and interface language."""

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import platformdirs

APP_NAME = "DialDesk"


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


class SettingsError(Exception):
    """The settings file exists but cannot be read."""


@dataclass
class Settings:
    """What a workstation remembers between runs.

    ``server_dsn`` is the central server's address without credentials
    (``postgresql://host:5432/dialdesk``); empty means the embedded single-seat server.
    ``language`` is ``""`` for the system language, else ``"ru"`` or ``"en"``.
    """

    server_dsn: str = ""
    language: str = ""
    last_login: str = ""
    softphone_command: str = ""  # e.g. "microsip.exe {number}"; empty: the system's tel: link
    backup_folder: str = ""  # where backups go (a share, a USB disk); empty: beside the data
    backups_kept: str = ""  # how many daily copies the built-in base keeps; empty: 14

    @classmethod
    def load(cls, path: Path | None = None) -> "Settings":
        path = path or default_path()
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SettingsError(f"Cannot read the settings file {path}: {exc}") from exc
        if not isinstance(raw, dict):
            raise SettingsError(f"The settings file {path} does not hold a JSON object")
        known = {k: str(v) for k, v in raw.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def save(self, path: Path | None = None) -> None:
        path = path or default_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2), encoding="utf-8")
        tmp.replace(path)


def backups_kept(settings: Settings) -> int:
    try:
        return max(1, int(settings.backups_kept))
    except ValueError:
        return 14


def backup_folder(settings: Settings) -> Path:
    return Path(settings.backup_folder) if settings.backup_folder else data_dir() / "backups"


def default_path() -> Path:
    return config_dir() / "settings.json"
