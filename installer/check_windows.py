"""Check the Windows installer under Wine, as an office admin would use it, one line a check.

    python installer/check_windows.py [--installer dist/DialDesk-Setup-<version>.exe]
                                      [--server postgresql://postgres@127.0.0.1:5432/postgres]

On a fresh Wine prefix: install silently; the files (exactly the build's list), shortcuts and
the "Apps & features" entry (64-bit registry view); refusal while DialDesk runs; the
installed ``dialdesk-cli.exe``: --version, db upgrade, user add, import of a small XLSX,
report groups --json and Cyrillic through a pipe, against the PostgreSQL server given (this
proves the frozen program carries its migrations, libpq, calamine and translations), and
nothing written into the install folder; an upgrade to a second build that keeps settings,
logs and data; a silent uninstall that removes the program and keeps the data; and
``/DELETEDATA``, which removes the data too. Exit status 1 when any check failed.
What Wine 8 cannot run (the Qt window, the Windows PostgreSQL, 32-bit Windows) is checked by
.github/workflows/windows.yml with the same steps.
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build import package_version  # noqa: E402
from build_support import BUILD, DIST, ROOT  # noqa: E402
from wine import Wine  # noqa: E402

UNINSTALL_KEY = r"Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\DialDesk"
STAND_INS = ("icuuc.dll", "bcryptprimitives.dll")
GONE_IN_SECOND_BUILD = "_internal/dialdesk/_data/resources/icons/dialdesk.ico"


class Checks:
    def __init__(self) -> None:
        self.failed = 0

    def check(self, title: str, passed: bool, detail: str = "") -> bool:
        print(f"{'ok  ' if passed else 'FAIL'} {title}" + (f": {detail}" if detail else ""))
        self.failed += not passed
        return passed


class Machine:
    """One Windows PC under Wine: its disk, registry and programs."""

    def __init__(self, wine: Wine) -> None:
        self.wine = wine
        drive = wine.prefix / "drive_c"
        self.program_dir = drive / "Program Files" / "DialDesk"
        self.start_menu = drive / "ProgramData/Microsoft/Windows/Start Menu/Programs/DialDesk.lnk"
        self.desktop = drive / "users/Public/Desktop/DialDesk.lnk"
        self.data_dir = drive / "users" / _wine_user() / "AppData/Local/DialDesk"

    def install(self, installer: Path) -> int:
        return self.run_windows([self.wine.path(installer), "/S"]).returncode

    def cli(self, *arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return self.run_windows(
            [self.wine.path(self.program_dir / "dialdesk-cli.exe"), *arguments], stdin=stdin
        )

    def run_windows(
        self, command: list[str], stdin: str | None = None
    ) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            ["wine", *command],
            env=self.wine.env,
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=600,
            check=False,
        )
        self.wine.wait()
        return done

    def uninstall_entry(self) -> dict[str, str] | None:
        """The "Apps & features" entry as the 64-bit registry view holds it."""
        self.wine.wait()
        registry = (self.wine.prefix / "system.reg").read_text(encoding="utf-8", errors="replace")
        found = re.search(
            r"^\[" + re.escape(UNINSTALL_KEY) + r"\][^\n]*\n(.*?)(?:\n\n|\Z)",
            registry,
            re.MULTILINE | re.DOTALL,
        )
        if found is None:
            return None
        entry: dict[str, str] = {}
        for line in found.group(1).splitlines():
            value = re.match(r'^"([^"]+)"=(?:"(.*)"|dword:([0-9a-f]+))$', line)
            if value:
                text = value.group(2)
                entry[value.group(1)] = (
                    text.replace('\\"', '"').replace("\\\\", "\\")
                    if text is not None
                    else str(int(value.group(3), 16))
                )
        return entry

    def installed_files(self) -> set[str]:
        return {
            p.relative_to(self.program_dir).as_posix()
            for p in self.program_dir.rglob("*")
            if p.is_file()
        }


def _wine_user() -> str:
    import getpass

    return getpass.getuser()


def listed_files(list_file: Path) -> set[str]:
    """The build's own list of what the installer puts into the program folder."""
    lines = list_file.read_text(encoding="utf-8").split("\n")
    return {
        line.removeprefix("$INSTDIR\\").replace("\\", "/") for line in lines if line.strip()
    }


def small_workbook(path: Path) -> int:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Наименование", "ИНН", "Телефон", "Город"])
    rows = [
        ("ООО «Ромашка»", "7707083893", "+7 495 123-45-67", "Москва"),
        ("АО «Северный завод»", "7802100146", "8 (812) 555-12-34", "Санкт-Петербург"),
        ("ИП Иванова О. В.", "", "+7 343 222-33-44", "Екатеринбург"),
    ]
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return len(rows)


def fresh_database(server: str) -> str:
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    name = "dialdesk_wine_check"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    params = conninfo_to_dict(server)
    params["dbname"] = name
    return make_conninfo("", **params)


def second_build(frozen: Path, label: str, out: Path) -> Path:
    """The same program one file lighter, as version ``label``: installing it over the
    first proves the old uninstaller ran (the file it alone had is gone)."""
    copy = out / "frozen" / "DialDesk"
    shutil.rmtree(copy.parent, ignore_errors=True)
    shutil.copytree(frozen, copy)
    (copy / GONE_IN_SECOND_BUILD).unlink()
    subprocess.run(
        [sys.executable, str(HERE / "build.py"), "--windows", "--frozen", str(copy),
         "--label", label, "--out", str(out), "--fast"],
        check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    return out / f"DialDesk-Setup-{label}.exe"


def main() -> int:
    version = package_version()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--installer", type=Path, default=DIST / f"DialDesk-Setup-{version}.exe")
    parser.add_argument("--frozen", type=Path, default=BUILD / "windows" / "dist" / "DialDesk")
    parser.add_argument("--server", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    checks = Checks()
    check = checks.check
    work = Path(tempfile.mkdtemp(prefix="dialdesk-wine-check-"))
    wine = Wine(work / "prefix")
    wine.prepare()
    pc = Machine(wine)
    expected = listed_files(BUILD / "windows" / "nsis" / "installed_files.txt")

    # -- install ----------------------------------------------------------------------------
    code = pc.install(args.installer)
    check("silent install", code == 0, f"exit status {code}")
    files = pc.installed_files()
    check("every listed file installed, nothing else", files == expected | {"uninstall.exe"},
          f"{len(files)} files, {len(expected ^ (files - {'uninstall.exe'}))} differ")  # fmt: skip
    for program in ("DialDesk.exe", "dialdesk-cli.exe", "uninstall.exe"):
        check(f"{program} in Program Files\\DialDesk", (pc.program_dir / program).is_file())
    carried = [p.name for p in pc.program_dir.rglob("*") if p.name.lower() in STAND_INS]
    check("no Wine stand-in library shipped", not carried, ", ".join(carried))
    check("Start-menu shortcut", pc.start_menu.is_file())
    check("no desktop shortcut unless ticked", not pc.desktop.exists())
    entry = pc.uninstall_entry() or {}
    uninstaller = "C:\\Program Files\\DialDesk\\uninstall.exe"
    check("Apps & features entry in the 64-bit registry view", bool(entry))
    for key, wanted in (
        ("DisplayName", "DialDesk"),
        ("DisplayVersion", version),
        ("Publisher", "DialDesk"),
        ("DisplayIcon", "C:\\Program Files\\DialDesk\\DialDesk.exe,0"),
        ("InstallLocation", "C:\\Program Files\\DialDesk"),
        ("UninstallString", f'"{uninstaller}"'),
        ("QuietUninstallString", f'"{uninstaller}" /S'),
    ):
        check(f"entry {key}", entry.get(key) == wanted, repr(entry.get(key)))
    check("entry EstimatedSize", int(entry.get("EstimatedSize", "0")) > 50_000,
          f"{entry.get('EstimatedSize')} KB")  # fmt: skip

    # -- the installed command line ---------------------------------------------------------
    done = pc.cli("--version")
    check("dialdesk-cli.exe --version", done.stdout.strip() == f"DialDesk {version}",
          done.stdout.strip() or done.stderr.strip()[-300:])  # fmt: skip
    dsn = fresh_database(args.server)
    done = pc.cli("db", "upgrade", "--dsn", dsn)
    check("db upgrade (migrations carried)", done.returncode == 0, _tail(done))
    done = pc.cli("user", "add", "ivanova", "--role", "admin", "--full-name", "Иванова Ольга",
                  "--password-stdin", "--dsn", dsn, stdin="Проверка-2026\n")  # fmt: skip
    check("user add", done.returncode == 0, _tail(done))
    workbook = work / "база.xlsx"
    rows = small_workbook(workbook)
    done = pc.cli("import", wine.path(workbook), "--campaign", "Проверка", "--json",
                  "--dsn", dsn)  # fmt: skip
    imported = _json(done)
    check("import of an XLSX (calamine carried)", imported.get("companies_created") == rows,
          _tail(done) if not imported else f"{imported.get('companies_created')} companies")  # fmt: skip
    done = pc.cli("report", "groups", "--json", "--dsn", dsn)
    report = _json(done)
    totals = report.get("totals") or [None]
    check("report groups --json counts the imported companies", totals[0] == rows,
          _tail(done) if not report else f"totals {totals}")  # fmt: skip
    done = pc.cli("user", "list", "--dsn", dsn)
    check("Cyrillic through a pipe (UTF-8)", "Иванова Ольга" in done.stdout, _tail(done))
    check("nothing written into the install folder",
          pc.installed_files() == files, ", ".join(sorted(pc.installed_files() - files)))  # fmt: skip

    # -- refusal while DialDesk runs ---------------------------------------------------------
    holder = subprocess.Popen(
        ["wine", wine.path(pc.program_dir / "dialdesk-cli.exe"), "user", "add", "waiting",
         "--role", "operator", "--password-stdin", "--dsn", dsn],
        env=wine.env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _wait_until(lambda: _mutex_held(pc), 60)
    code = pc.install(args.installer)
    check("install refused while DialDesk runs", code == 3, f"exit status {code}")
    assert holder.stdin is not None
    holder.stdin.close()
    holder.wait(timeout=120)

    # -- upgrade ----------------------------------------------------------------------------
    settings = pc.data_dir / "settings.json"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text('{"server_dsn": "postgresql://dbserver/dialdesk", "language": "ru"}')
    (pc.data_dir / "Logs").mkdir(exist_ok=True)
    (pc.data_dir / "Logs" / "dialdesk.log").write_text("a shift's log\n")
    (pc.data_dir / "embedded" / "pgdata").mkdir(parents=True, exist_ok=True)
    (pc.data_dir / "embedded" / "pgdata" / "PG_VERSION").write_text("18\n")
    label = f"{version}.1"
    newer = second_build(args.frozen, label, work / "second")
    code = pc.install(newer)
    check("upgrade to a second build", code == 0, f"exit status {code}")
    entry = pc.uninstall_entry() or {}
    check("entry shows the new version", entry.get("DisplayVersion") == label,
          repr(entry.get("DisplayVersion")))  # fmt: skip
    check("old files removed by the old uninstaller",
          not (pc.program_dir / GONE_IN_SECOND_BUILD).exists())  # fmt: skip
    check("new program in place", (pc.program_dir / "dialdesk-cli.exe").is_file()
          and pc.cli("--version").returncode == 0)  # fmt: skip
    kept = [settings, pc.data_dir / "Logs" / "dialdesk.log",
            pc.data_dir / "embedded" / "pgdata" / "PG_VERSION"]  # fmt: skip
    check("settings, logs and built-in database kept", all(p.exists() for p in kept))

    # -- uninstall --------------------------------------------------------------------------
    quiet = (pc.uninstall_entry() or {}).get("QuietUninstallString", "")
    program = quiet.rsplit(" /S", 1)[0].strip('"')
    pc.run_windows([program, "/S"])
    _wait_until(lambda: not (pc.program_dir / "uninstall.exe").exists(), 120)
    check("silent uninstall removes the program",
          not pc.program_dir.exists() or not any(pc.program_dir.iterdir()))  # fmt: skip
    check("uninstall removes the entry and shortcuts",
          pc.uninstall_entry() is None and not pc.start_menu.exists())  # fmt: skip
    check("silent uninstall keeps settings, logs and data", all(p.exists() for p in kept))

    pc.install(newer)
    pc.run_windows([program, "/S", "/DELETEDATA"])
    _wait_until(lambda: not pc.data_dir.exists(), 120)
    check("uninstall /DELETEDATA removes the data too", not pc.data_dir.exists())

    shutil.rmtree(work, ignore_errors=True)
    print(f"{'all checks passed' if not checks.failed else f'{checks.failed} checks FAILED'}")
    return 1 if checks.failed else 0


def _mutex_held(pc: Machine) -> bool:
    probe = "import ctypes,sys; sys.exit(0 if ctypes.windll.kernel32.OpenMutexW(0x100000,0,'Global\\\\DialDesk-running') else 1)"
    python = BUILD / "windows" / "python" / "python.exe"
    return pc.run_windows([pc.wine.path(python), "-c", probe]).returncode == 0


def _wait_until(condition: Callable[[], bool], seconds: float) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.5)


def _json(done: subprocess.CompletedProcess[str]) -> dict:
    try:
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {}


def _tail(done: subprocess.CompletedProcess[str]) -> str:
    return (done.stderr.strip() or done.stdout.strip())[-300:]


if __name__ == "__main__":
    sys.exit(main())
