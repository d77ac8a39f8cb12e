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
