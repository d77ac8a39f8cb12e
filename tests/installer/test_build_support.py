"""The installer's build helpers: the exact file lists the uninstaller relies on, the version
Windows shows, and a template with nothing left unfilled."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "installer"))

import build_support
from build import package_version

from dialdesk import __version__


def frozen_folder(root: Path) -> Path:
    folder = root / "DialDesk"
    for relative in ("DialDesk.exe", "_internal/python311.dll", "_internal/PySide6/plugins/a.dll"):
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(b"x" * 2048)
    (folder / "_internal" / "empty").mkdir()
    return folder


def test_uninstall_removes_exactly_the_installed_files_then_their_folders(tmp_path: Path) -> None:
    install, remove, size_kb = build_support.file_lists(frozen_folder(tmp_path))
    assert install.count("File ") == 3
    assert remove.splitlines() == [
        'Delete "$INSTDIR\\DialDesk.exe"',
        'Delete "$INSTDIR\\_internal\\python311.dll"',
        'Delete "$INSTDIR\\_internal\\PySide6\\plugins\\a.dll"',
        'RMDir "$INSTDIR\\_internal\\PySide6\\plugins"',
        'RMDir "$INSTDIR\\_internal\\PySide6"',
        'RMDir "$INSTDIR\\_internal\\empty"',
        'RMDir "$INSTDIR\\_internal"',
    ]
    assert "RMDir /r" not in remove
    assert size_kb == 6


def test_the_version_has_one_source() -> None:
    assert package_version() == __version__
    assert build_support.four_part("0.1.0") == (0, 1, 0, 0)
    assert build_support.four_part("1.2.3.4") == (1, 2, 3, 4)
    resource = build_support.version_resource("0.1.0")
    assert "filevers=(0, 1, 0, 0)" in resource and "'ProductVersion', '0.1.0'" in resource


def test_the_installer_script_has_every_placeholder_filled(tmp_path: Path) -> None:
    folder = frozen_folder(tmp_path)
    script = build_support.render_installer_script(
        folder, "0.1.0", tmp_path / "Setup.exe", tmp_path / "nsis"
    )
    text = script.read_text(encoding="utf-8")
    assert "@" not in "".join(line for line in text.splitlines() if not line.startswith(";"))
    assert '!define VERSION "0.1.0"' in text and 'VIProductVersion "0.1.0.0"' in text
    listed = (tmp_path / "nsis" / "installed_files.txt").read_text(encoding="utf-8")
    assert listed.split() == [
        "$INSTDIR\\DialDesk.exe",
        "$INSTDIR\\_internal\\python311.dll",
        "$INSTDIR\\_internal\\PySide6\\plugins\\a.dll",
    ]


def test_a_placeholder_nobody_fills_stops_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = tmp_path / "t.nsi.in"
    template.write_text('Name "@VERSION@"\nOutFile "@FORGOTTEN@"\n', encoding="utf-8")
    monkeypatch.setattr(build_support, "TEMPLATE", template)
    with pytest.raises(SystemExit, match="@FORGOTTEN@"):
        build_support.render_installer_script(
            frozen_folder(tmp_path), "0.1.0", tmp_path / "S.exe", tmp_path / "nsis"
        )
