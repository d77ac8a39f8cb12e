"""Refresh the Qt Linguist files from the sources: ``python resources/translations/update_ts.py``.

Collects every ``tr()`` string of ``src/dialdesk/ui`` and every form in ``forms/`` with
``pyside6-lupdate``, plus the plain-language messages that the services raise (context
"Messages"), which live outside the UI and so are found here by reading the code.
Existing translations are kept; new strings arrive as unfinished for a translator.
"""

import ast
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "dialdesk"
LANGUAGES = ("ru",)
MESSAGE_CLASSES = {"UserError", "DatabaseUnavailable", "translatable"}


def _strings(node: ast.AST) -> list[str]:
    return [
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def service_messages() -> list[str]:
    """The first argument of every ``UserError(...)`` raised outside the UI and of every
    ``translatable(...)`` (a template marked for translation, such as a rejection reason), the
    templates for the database's own refusals (``DATABASE_MESSAGES``)."""
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).parts[0] == "ui":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MESSAGE_CLASSES
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value not in found
            ):
                found.append(node.args[0].value)
            if isinstance(node, ast.ClassDef) and any(
                isinstance(base, ast.Name) and base.id in MESSAGE_CLASSES for base in node.bases
            ):
                found += [
                    call.args[0].value
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "__init__"
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                    and isinstance(call.args[0].value, str)
                    and call.args[0].value not in found
                ]
            if (
                isinstance(node, ast.Assign)
                and any(
                    isinstance(t, ast.Name) and t.id == "DATABASE_MESSAGES" for t in node.targets
                )
                and isinstance(node.value, ast.Dict)
            ):
                found += [
                    text
                    for value in node.value.values
                    for text in _strings(value)
                    if text not in found
                ]
    return found


def lupdate_sources(work: Path) -> list[str]:
    stub = work / "messages.py"
    stub.write_text(
        "".join(f'QT_TRANSLATE_NOOP("Messages", {text!r})\n' for text in service_messages()),
        encoding="utf-8",
    )
    sources = [str(p) for p in sorted((PACKAGE / "ui").rglob("*.py"))]
    sources += [str(p) for p in sorted((ROOT / "forms").glob("*.ui"))]
    return [*sources, str(stub)]


def lupdate(ts_file: Path) -> None:
    """Update ``ts_file`` in place from the current sources."""
    tool = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                tool,
                *lupdate_sources(Path(tmp)),
                "-locations",
                "none",
                "-no-obsolete",
                "-source-language",
                "en",
                "-target-language",
                ts_file.stem.split("_")[-1],
                "-ts",
                str(ts_file),
            ],
            check=True,
            capture_output=True,
        )


if __name__ == "__main__":
    for language in LANGUAGES:
        path = Path(__file__).with_name(f"dialdesk_{language}.ts")
        lupdate(path)
        print(f"updated {path}")
