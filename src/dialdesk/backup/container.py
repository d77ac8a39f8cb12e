"""The backup file: a zip (stored, not compressed again) holding ``manifest.json`` and
``base.dump`` (pg_dump's custom format).  Opening one checks it whole: a truncated, damaged
or foreign file is refused with a plain message before anything is restored."""

import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from dialdesk.backup.manifest import Manifest
from dialdesk.backup.tools import ToolFailed, run
from dialdesk.errors import UserError

MANIFEST = "manifest.json"
DUMP = "base.dump"
SUFFIX = ".dialdesk-backup"


def write_container(path: Path, manifest: Manifest, dump: Path) -> None:
    """Write the file whole or not at all (a half-written copy never has the final name)."""
    partial = path.with_name(path.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr(MANIFEST, manifest.to_json())
        archive.write(dump, DUMP)
    partial.replace(path)


@contextmanager
def opened_backup(path: Path) -> Iterator[tuple[Manifest, Path]]:
    """The manifest and the dump (unpacked into a temporary folder) of a checked backup."""
    if not path.is_file():
        raise UserError("There is no backup file {file}.", file=path)
    with tempfile.TemporaryDirectory(prefix="dialdesk-restore-") as folder:
        try:
            with zipfile.ZipFile(path) as archive:
                manifest = Manifest.from_json(archive.read(MANIFEST).decode("utf-8"))
                dump = Path(archive.extract(DUMP, folder))  # checks every byte (CRC)
        except (zipfile.BadZipFile, KeyError, OSError, EOFError, UnicodeDecodeError) as exc:
            raise UserError(
                "{file} is not a DialDesk backup, or it is damaged (cut short?): {detail}",
                file=path,
                detail=exc,
            ) from exc
        check_dump(path, manifest, dump)
        yield manifest, dump


def check_dump(path: Path, manifest: Manifest, dump: Path) -> None:
    """pg_restore reads the dump's table of contents; every table the manifest counts must
    have its data in it."""
    try:
        listing = run("pg_restore", ["--list"], reading=dump)
    except ToolFailed as exc:
        raise UserError("{file} is damaged: {detail}", file=path, detail=exc) from exc
    carried = set(re.findall(r"TABLE DATA (\S+) (\S+) ", listing))
    missing = [name for name in manifest.tables if tuple(name.split(".", 1)) not in carried]
    if missing:
        raise UserError(
            "{file} is damaged: the data of {tables} is missing.",
            file=path,
            tables=", ".join(missing),
        )
