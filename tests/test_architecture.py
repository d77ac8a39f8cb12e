"""Everything outside ``ui/`` stays free of Qt, so it runs from the CLI, tests and benchmarks."""

import ast
from pathlib import Path

import dialdesk

PACKAGE = Path(dialdesk.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def qt_importers() -> list[str]:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] == "ui":
            continue
        if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path)):
            offenders.append(str(relative))
    return offenders


def test_nothing_outside_ui_imports_qt() -> None:
    assert qt_importers() == []


def test_the_check_would_notice_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imports(sample)


# The ground floor (words, errors, limits, tables, the database, the importer's reading and
# cleaning, backups) stands on nothing above it; services stand on nothing in ``ui/``.
GROUND = ("errors.py", "limits.py", "vocabulary.py", "changes.py", "models", "db", "importing")
ABOVE_GROUND = {"dialdesk.services", "dialdesk.ui", "dialdesk.cli", "dialdesk.demo"}


def _upward_imports(folder: str, forbidden: set[str]) -> list[str]:
    offenders = []
    paths = (
        [PACKAGE / folder] if folder.endswith(".py") else sorted((PACKAGE / folder).rglob("*.py"))
    )
    for path in paths:
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return offenders


def test_the_ground_floor_imports_nothing_above_it() -> None:
    assert [o for folder in GROUND for o in _upward_imports(folder, ABOVE_GROUND)] == []


def test_services_do_not_import_the_windows_or_the_command_line() -> None:
    assert _upward_imports("services", {"dialdesk.ui", "dialdesk.cli"}) == []
    assert _upward_imports("backup", {"dialdesk.ui", "dialdesk.cli", "dialdesk.services"}) == []


def test_no_module_outside_tests_and_migrations_is_over_400_lines() -> None:
    long = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
