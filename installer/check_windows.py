"""Check the Windows installer under Wine, as an office admin would use it, one line a check.

    python installer/check_windows.py [--installer dist/DialDesk-Setup-<version>.exe]
                                      [--server postgresql://postgres@127.0.0.1:5432/postgres]

On a fresh Wine prefix: install silently; the files (exactly the build's list), shortcuts and
the "Apps & features" entry (64-bit registry view); refusal while DialDesk runs; the
installed ``dialdesk-cli.exe``: --version, db upgrade, user add, import of a small XLSX,
report groups --json, Cyrillic through a pipe, backup and restore, against the PostgreSQL
server given (this proves the frozen program carries its migrations, libpq, calamine,
translations and PostgreSQL's pg_dump, pg_restore and psql), and
nothing written into the install folder; an upgrade to a second build that keeps settings,
logs and data; a silent uninstall that removes the program and keeps the data; and
``/DELETEDATA``, which removes the data too; and a refusal on 32-bit Windows. Exit status 1
when any check failed.
What Wine 8 cannot run (the Qt window, the Windows PostgreSQL) is checked by
.github/workflows/windows.yml with the same steps.
"""

import argparse
import getpass
import json
import os
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
from build_support import BUILD, DIST  # noqa: E402
from wine import STAND_INS, Wine, run_until_it_ends  # noqa: E402

from dialdesk.running_sign import MUTEX_NAME  # noqa: E402

UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall\DialDesk"
LOGINS = ("installer_check_admin", "installer_check_waiting")
START_MENU = Path("Microsoft/Windows/Start Menu/Programs/DialDesk.lnk")
GONE_IN_SECOND_BUILD = "_internal/dialdesk/_data/resources/icons/dialdesk.ico"
WINE_LAUNCH_FAILED = "ShellExecuteEx failed"  # Wine's own words: the program never ran
WINE_LAUNCH_TRIES = 3


class Checks:
    def __init__(self) -> None:
        self.failed = 0

    def check(self, title: str, passed: bool, detail: str = "") -> bool:
        print(f"{'ok  ' if passed else 'FAIL'} {title}" + (f": {detail}" if detail else ""))
        self.failed += not passed
        return passed


class Machine:
    """The Windows PC the installer is checked on: this one, or one under Wine."""

    def __init__(self, wine: Wine | None) -> None:
        self.wine = wine
        if wine is not None:
            drive = wine.prefix / "drive_c"
            self.program_dir = drive / "Program Files" / "DialDesk"
            self.start_menu = drive / "ProgramData" / START_MENU
            self.desktop = drive / "users" / "Public" / "Desktop" / "DialDesk.lnk"
            self.data_dir = drive / "users" / getpass.getuser() / "AppData" / "Local" / "DialDesk"
            self.launch, self.env = ["wine"], wine.env
        else:
            self.program_dir = Path(os.environ["PROGRAMFILES"]) / "DialDesk"
            self.start_menu = Path(os.environ["PROGRAMDATA"]) / START_MENU
            self.desktop = Path(os.environ["PUBLIC"]) / "Desktop" / "DialDesk.lnk"
            self.data_dir = Path(os.environ["LOCALAPPDATA"]) / "DialDesk"
            self.launch, self.env = [], dict(os.environ)

    def windows_path(self, path: Path) -> str:
        return self.wine.path(path) if self.wine is not None else str(path.resolve())

    def install(self, installer: Path) -> int:
        return self.run_windows([self.windows_path(installer), "/S"]).returncode

    def cli(self, *arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        return self.run_windows(
            [self.windows_path(self.program_dir / "dialdesk-cli.exe"), *arguments], stdin=stdin
        )

    def start(self, command: list[str]) -> subprocess.Popen[bytes]:
        """Start a program and leave it running, its standard input open."""
        return subprocess.Popen(
            [*self.launch, *command],
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def run_windows(
        self, command: list[str], stdin: str | None = None, timeout: float = 600
    ) -> subprocess.CompletedProcess[str]:
        for _ in range(WINE_LAUNCH_TRIES):
            done = run_until_it_ends([*self.launch, *command], self.env, stdin, timeout)
            # now and then Wine itself fails to start a program (it never ran): again
            if self.wine is None or WINE_LAUNCH_FAILED not in done.stderr:
                break
            print(f"wine could not start {Path(command[0]).name}; starting it again", flush=True)
            self.wine.wait()
        return done

    def mutex_held(self) -> bool:
        """True while a DialDesk holds its "running" mutex (dialdesk/running_sign.py)."""
        probe = (
            "import ctypes, sys; sys.exit(0 if ctypes.windll.kernel32.OpenMutexW("
            f"0x100000, 0, {MUTEX_NAME!r}) else 1)"
        )
        if self.wine is None:
            return subprocess.run([sys.executable, "-c", probe], check=False).returncode == 0
        python = BUILD / "windows" / "python" / "python.exe"
        return self.run_windows([self.windows_path(python), "-c", probe]).returncode == 0

    def uninstall_entry(self, view: str = "64") -> dict[str, str] | None:
        """The "Apps & features" entry as the 64-bit (or 32-bit) registry view holds it."""
        done = self.run_windows(["reg", "query", f"HKLM\\{UNINSTALL_KEY}", f"/reg:{view}"])
        if done.returncode != 0:
            return None
        entry: dict[str, str] = {}
        for line in done.stdout.splitlines():
            value = re.match(r"^\s+(\S+)\s+(REG_SZ|REG_DWORD)\s+(.*)$", line)
            if value:
                name, kind, text = value.groups()
                entry[name] = str(int(text, 16)) if kind == "REG_DWORD" else text.strip()
        return entry

    def installed_files(self) -> set[str]:
        return {
            p.relative_to(self.program_dir).as_posix()
            for p in self.program_dir.rglob("*")
            if p.is_file()
        }


def listed_files(list_file: Path) -> set[str]:
    """The build's own list of what the installer puts into the program folder."""
    lines = list_file.read_text(encoding="utf-8").split("\n")
    return {line.removeprefix("$INSTDIR\\").replace("\\", "/") for line in lines if line.strip()}


def small_workbook(path: Path) -> int:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Наименование", "ИНН", "Телефон", "Город"])
    rows = [
        ("ООО «Ромашка»", "7707083893", "+7 495 123-45-67", "Москва"),
        ("АО «Северный завод»", "7736207543", "8 (812) 555-12-34", "Санкт-Петербург"),
        ("ИП Иванова О. В.", "", "+7 343 222-33-44", "Екатеринбург"),
    ]
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return len(rows)


CHECK_DATABASES = ("dialdesk_installer_check", "dialdesk_installer_restored")


def fresh_databases(server: str) -> list[str]:
    """The check's databases, new and empty: the one it works in and one to restore into."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    with psycopg.connect(server, autocommit=True) as conn:
        for name in CHECK_DATABASES:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        for login in LOGINS:  # logins are the server's: an earlier check's would be in the way
            conn.execute(f"DROP ROLE IF EXISTS {login}")
        for name in CHECK_DATABASES:
            conn.execute(f"CREATE DATABASE {name}")
    params = conninfo_to_dict(server)
    return [make_conninfo("", **{**params, "dbname": name}) for name in CHECK_DATABASES]


def second_build(frozen: Path, label: str, out: Path) -> Path:
    """The same program one file lighter, as version ``label``: installing it over the
    first proves the old uninstaller ran (the file it alone had is gone)."""
    copy = out / "frozen" / "DialDesk"
    shutil.rmtree(copy.parent, ignore_errors=True)
    shutil.copytree(frozen, copy)
    (copy / GONE_IN_SECOND_BUILD).unlink()
    build = [sys.executable, str(HERE / "build.py"), "--windows", "--frozen", str(copy),
             "--label", label, "--out", str(out), "--fast"]  # fmt: skip
    subprocess.run(build, check=True, stdout=subprocess.DEVNULL)
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
    work = Path(tempfile.mkdtemp(prefix="dialdesk-installer-check-"))
    wine = None if sys.platform == "win32" else Wine(work / "prefix")
    if wine is not None:
        wine.prepare()
    pc = Machine(wine)
    expected = listed_files(BUILD / "windows" / "nsis" / version / "installed_files.txt")

    # -- install ----------------------------------------------------------------------------
    code = pc.install(args.installer)
    check("silent install", code == 0, f"exit status {code}")
    files = pc.installed_files()
    differ = sorted(expected ^ (files - {"uninstall.exe"}))
    check(
        "every listed file installed, nothing else",
        not differ,
        f"{len(files)} files" + (f"; differ: {', '.join(differ[:5])}" if differ else ""),
    )
    for program in ("DialDesk.exe", "dialdesk-cli.exe", "uninstall.exe"):
        check(f"{program} in Program Files\\DialDesk", (pc.program_dir / program).is_file())
    carried = [p.name for p in pc.program_dir.rglob("*") if p.name.lower() in STAND_INS]
    check("no Wine stand-in library shipped", not carried, ", ".join(carried))
    check("Start-menu shortcut", pc.start_menu.is_file())
    check("no desktop shortcut unless ticked", not pc.desktop.exists())
    entry = pc.uninstall_entry() or {}
    uninstaller = "C:\\Program Files\\DialDesk\\uninstall.exe"
    check("Apps & features entry in the 64-bit registry view", bool(entry))
    check("and not in the 32-bit view", pc.uninstall_entry("32") is None)
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
    check(
        "entry EstimatedSize",
        int(entry.get("EstimatedSize", "0")) > 50_000,
        f"{entry.get('EstimatedSize')} KB",
    )

    # -- the installed command line ---------------------------------------------------------
    done = pc.cli("--version")
    check(
        "dialdesk-cli.exe --version",
        done.stdout.strip() == f"DialDesk {version}",
        done.stdout.strip() or done.stderr.strip()[-300:],
    )
    dsn, empty_dsn = fresh_databases(args.server)
    done = pc.cli("db", "upgrade", "--dsn", dsn)
    check("db upgrade (migrations carried)", done.returncode == 0, _tail(done))
    done = pc.cli("user", "add", LOGINS[0], "--role", "admin", "--full-name", "Иванова Ольга",
                  "--password-stdin", "--dsn", dsn, stdin="Проверка-2026\n")  # fmt: skip
    check("user add", done.returncode == 0, _tail(done))
    workbook = work / "база.xlsx"
    rows = small_workbook(workbook)
    done = pc.cli(
        "import", pc.windows_path(workbook), "--campaign", "Проверка", "--json", "--dsn", dsn
    )
    imported = _json(done)
    created = imported.get("companies_created")
    check(
        "import of an XLSX (calamine carried)",
        created == rows,
        _tail(done) if not imported else f"{rows} rows, {created} companies",
    )
    done = pc.cli("report", "groups", "--json", "--dsn", dsn)
    report = _json(done)
    totals = report.get("totals") or [None]
    check(
        "report groups --json counts the imported companies",
        totals[0] == created,
        _tail(done) if not report else f"totals {totals}",
    )
    done = pc.cli("user", "list", "--dsn", dsn)
    check("Cyrillic through a pipe (UTF-8)", "Иванова Ольга" in done.stdout, _tail(done))
    backup_file = work / "копия.dialdesk-backup"
    done = pc.cli("backup", pc.windows_path(backup_file), "--json", "--dsn", dsn)
    written = _json(done)
    check(
        "backup (pg_dump.exe carried) written and checked",
        (written.get("tables") or {}).get("dialdesk.companies") == created,
        _tail(done) if not written else f"{written.get('bytes')} bytes",
    )
    done = pc.cli("restore", pc.windows_path(backup_file), "--json", "--dsn", empty_dsn)
    restored = _json(done)
    check(
        "restore into an empty database (pg_restore.exe, psql.exe): every table's rows back",
        restored.get("matches") is True,
        _tail(done) if not restored else "all tables match",
    )
    if wine is None:  # what Wine 8 cannot run: the Qt window and Windows PostgreSQL
        done = pc.run_windows([str(pc.program_dir / "DialDesk.exe"), "--self-test"])
        check(
            "DialDesk.exe --self-test (window, built-in server)",
            done.returncode == 0,
            f"exit status {done.returncode}",
        )
        done = pc.cli("db", "status", "--json")
        check(
            "dialdesk-cli.exe on the built-in server in the data folder",
            done.returncode == 0 and (pc.data_dir / "embedded" / "pgdata").is_dir(),
            _tail(done),
        )

    check(
        "nothing written into the install folder",
        pc.installed_files() == files,
        ", ".join(sorted(pc.installed_files() - files)),
    )

    # -- refusal while DialDesk runs ---------------------------------------------------------
    holder = pc.start(
        [
            pc.windows_path(pc.program_dir / "dialdesk-cli.exe"),
            "user",
            "add",
            LOGINS[1],
            "--role",
            "operator",
            "--password-stdin",
            "--dsn",
            dsn,
        ]
    )
    _wait_until(pc.mutex_held, 60)
    check("DialDesk's running sign is up", pc.mutex_held())
    code = pc.install(args.installer)
    check("install refused while DialDesk runs", code == 3, f"exit status {code}")
    assert holder.stdin is not None
    holder.stdin.close()  # its password never comes: it gives up and ends
    try:
        holder.wait(timeout=60)
    except subprocess.TimeoutExpired:
        holder.kill()

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
    check(
        "entry shows the new version",
        entry.get("DisplayVersion") == label,
        repr(entry.get("DisplayVersion")),
    )
    check(
        "old files removed by the old uninstaller",
        not (pc.program_dir / GONE_IN_SECOND_BUILD).exists(),
    )
    check(
        "new program in place",
        (pc.program_dir / "dialdesk-cli.exe").is_file() and pc.cli("--version").returncode == 0,
    )
    kept = [
        settings,
        pc.data_dir / "Logs" / "dialdesk.log",
        pc.data_dir / "embedded" / "pgdata" / "PG_VERSION",
    ]
    check("settings, logs and built-in database kept", all(p.exists() for p in kept))

    # -- uninstall --------------------------------------------------------------------------
    quiet = (pc.uninstall_entry() or {}).get("QuietUninstallString", "")
    program = quiet.rsplit(" /S", 1)[0].strip('"')
    pc.run_windows([program, "/S"])
    _wait_until(lambda: not (pc.program_dir / "uninstall.exe").exists(), 120)
    check(
        "silent uninstall removes the program",
        not pc.program_dir.exists() or not any(pc.program_dir.iterdir()),
    )
    check(
        "uninstall removes the entry and shortcuts",
        pc.uninstall_entry() is None and not pc.start_menu.exists(),
    )
    check("silent uninstall keeps settings, logs and data", all(p.exists() for p in kept))

    pc.install(newer)
    pc.run_windows([program, "/S", "/DELETEDATA"])
    _wait_until(lambda: not pc.data_dir.exists(), 120)
    check("uninstall /DELETEDATA removes the data too", not pc.data_dir.exists())

    if wine is not None:  # a 32-bit Windows, as Wine can make one
        old_pc = Wine(work / "prefix32", arch="win32")
        old_pc.prepare()
        done = Machine(old_pc).run_windows([old_pc.path(args.installer), "/S"])
        check("refused on 32-bit Windows", done.returncode == 4, f"exit status {done.returncode}")

    shutil.rmtree(work, ignore_errors=True)
    print(f"{'all checks passed' if not checks.failed else f'{checks.failed} checks FAILED'}")
    return 1 if checks.failed else 0


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
    """What a failed command said, without Wine's own remarks."""
    said = [
        line
        for line in (done.stderr + done.stdout).splitlines()
        if line.strip() and not line.startswith("unrecognized win32 error code")
    ]
    return " | ".join(said)[-300:]


if __name__ == "__main__":
    sys.exit(main())
