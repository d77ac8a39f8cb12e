"""Where DialDesk finds its shipped files (forms, translations, migrations).

An installed wheel carries them under ``dialdesk/_data``; a source checkout (editable
install, tests) keeps them at the repository root.
"""

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def shipped_dir(name: str) -> Path:
    """Return the folder ``forms``, ``resources`` or ``migrations`` wherever it was installed."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"DialDesk is missing its '{name}' folder; reinstall the application")
