"""The built-in single-seat server: a password from its first moment, Unix socket or
localhost only, Russian-friendly text, any user folder, never as root, and it comes back
after DialDesk or the server itself was killed."""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import psycopg
import pytest

from dialdesk.db.dsn import DatabaseChoice, with_credentials
from dialdesk.db.embedded import SUPERUSER, EmbeddedServer, hba_rules
from dialdesk.db.engine import make_engine
from dialdesk.db.postmaster import ansi_safe, fits_code_page, read_lock_file, socket_dir_for
from dialdesk.db.target import DatabaseTarget
from dialdesk.services.people import accounts as people
from dialdesk.services.people.passwords import scram_verifier

WINDOWS = sys.platform == "win32"
posix_only = pytest.mark.skipif(WINDOWS, reason="POSIX sockets, accounts and signals")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[EmbeddedServer]:
    embedded = EmbeddedServer(tmp_path / "DialDesk")
    embedded.start()
    try:
        yield embedded
    finally:
        embedded.stop()


def without_password(dsn: str) -> str:
    return with_credentials(dsn, SUPERUSER, None)


def server_pid(embedded: EmbeddedServer) -> int:
    found = read_lock_file(embedded.pgdata)
    assert found is not None
    return found.pid


def is_running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_localhost_rules_demand_a_password_on_localhost_only() -> None:
    rules = [line for line in hba_rules(on_localhost=True).splitlines() if line[:1] != "#"]
    assert rules == ["host all all 127.0.0.1/32 scram-sha-256"]


def test_socket_rules_demand_a_password_on_the_socket_only() -> None:
    rules = [line for line in hba_rules(on_localhost=False).splitlines() if line[:1] != "#"]
    assert rules == ["local all all scram-sha-256"]


def test_superuser_needs_its_password_from_the_first_start(server: EmbeddedServer) -> None:
    with pytest.raises(psycopg.OperationalError, match="password"):
        psycopg.connect(without_password(server.superuser_dsn()))
    with psycopg.connect(server.superuser_dsn()) as conn:
        methods = conn.execute(
            "SELECT DISTINCT type, auth_method FROM pg_hba_file_rules"
        ).fetchall()
        # initdb itself was told scram-sha-256: the rules it wrote never trusted anyone
        init_rules = conn.execute("SHOW password_encryption").fetchone()
    assert methods == [("host" if WINDOWS else "local", "scram-sha-256")]
    assert init_rules == ("scram-sha-256",)
    if not WINDOWS:  # on Windows the user's own AppData folder keeps others out
        assert oct(server.password_file.stat().st_mode & 0o777) == "0o600"


@posix_only
def test_embedded_server_starts_migrated_on_a_socket(tmp_path: Path) -> None:
    target = DatabaseTarget(DatabaseChoice("embedded", None), embedded_folder=tmp_path / "db")
    target.start()
    try:
        with psycopg.connect(target.admin_dsn) as conn:
            listen = conn.execute("SHOW listen_addresses").fetchone()
            revision = conn.execute("SELECT version_num FROM public.alembic_version").fetchone()
        assert listen == ("",)
        assert revision is not None
        engine = make_engine(target.admin_dsn, pool_size=1)
        people.add_person(engine, "t_embedded", "Local", "admin", "good-password")
        engine.dispose()
        with pytest.raises(psycopg.OperationalError, match="password"):
            psycopg.connect(with_credentials(target.login_dsn, "t_embedded", "wrong-password"))
        with psycopg.connect(
            with_credentials(target.login_dsn, "t_embedded", "good-password")
        ) as conn:
            assert conn.execute("SELECT current_user").fetchone() == ("t_embedded",)
        # a DialDesk that crashed earlier never signed off; quitting must still stop the server
        crashed = subprocess.Popen(["true"])
        crashed.wait()
        users = tmp_path / "db" / "users.json"
        users.write_text(users.read_text().replace("]", f", {crashed.pid}]"))
    finally:
        target.stop()
    assert not (tmp_path / "db" / "pgdata" / "postmaster.pid").exists()


def test_on_localhost_it_listens_on_127_0_0_1_with_a_password(tmp_path: Path) -> None:
    """What Windows gets, run here for real."""
    embedded = EmbeddedServer(tmp_path / "DialDesk", on_localhost=True)
    embedded.start()
    try:
        dsn = embedded.superuser_dsn()
        assert "host=127.0.0.1" in dsn
        with psycopg.connect(dsn) as conn:
            assert conn.execute("SHOW listen_addresses").fetchone() == ("127.0.0.1",)
            assert conn.execute("SHOW unix_socket_directories").fetchone() == ("",)
        with pytest.raises(psycopg.OperationalError, match="password"):
            psycopg.connect(without_password(dsn))
    finally:
        embedded.stop()


def test_text_is_utf8_with_cyrillic_case_and_order(server: EmbeddedServer) -> None:
    with psycopg.connect(server.superuser_dsn()) as conn:
        database = conn.execute(
            "SELECT pg_encoding_to_char(encoding), datlocprovider, datlocale "
            "FROM pg_database WHERE datname = current_database()"
        ).fetchone()
        cases = conn.execute(
            "SELECT lower('ООО «РОМАШКА»'), upper('иванова'), 'Ромашка' ILIKE '%РОМАШ%'"
        ).fetchone()
        ordered = conn.execute(
            "SELECT string_agg(w, ' ' ORDER BY w) "
            "FROM unnest(ARRAY['Яблоко', 'арбуз', 'Морковь', 'Арбуз', 'дыня']) AS w"
        ).fetchone()
    assert database == ("UTF8", "b", "PG_UNICODE_FAST")
    assert cases == ("ооо «ромашка»", "ИВАНОВА", True)
    assert ordered == ("Арбуз Морковь Яблоко арбуз дыня",)


@pytest.mark.parametrize(
    "user_folder", ["Иванова Ольга/AppData/Local", "Д'Артаньян Ш. (отдел продаж)/data"]
)
def test_works_from_a_user_folder_with_spaces_and_cyrillic(
    tmp_path: Path, user_folder: str
) -> None:
    folder = tmp_path / user_folder / "DialDesk"
    target = DatabaseTarget(DatabaseChoice("embedded", None), embedded_folder=folder)
    target.start()
    try:
        engine = make_engine(target.admin_dsn, pool_size=1)
        people.add_person(engine, "t_folder", "Иванова Ольга", "operator", "secret-1")
        engine.dispose()
        with psycopg.connect(with_credentials(target.login_dsn, "t_folder", "secret-1")) as c:
            assert c.execute("SELECT current_user").fetchone() == ("t_folder",)
    finally:
        target.stop()
    assert not (folder / "pgdata" / "postmaster.pid").exists()


@posix_only
def test_socket_goes_elsewhere_when_the_folder_path_is_too_long(tmp_path: Path) -> None:
    deep = tmp_path / ("Очень длинное имя папки пользователя " * 3) / "DialDesk" / "pgdata"
    elsewhere = socket_dir_for(deep)
    assert elsewhere != deep
    assert len(os.fsencode(elsewhere / ".s.PGSQL.5432")) < 100
    assert socket_dir_for(tmp_path / "short") == tmp_path / "short"


@posix_only
def test_the_server_never_runs_as_root(server: EmbeddedServer) -> None:
    """PostgreSQL refuses to run with administrator rights: under root, its own account."""
    owner = psutil.Process(server_pid(server)).uids().real
    assert owner != 0
    if os.geteuid() != 0:
        assert owner == os.geteuid()


@posix_only
def test_a_server_left_by_a_killed_dialdesk_is_reused(tmp_path: Path) -> None:
    folder = tmp_path / "DialDesk"
    started = (
        "import os, sys; from pathlib import Path; "
        "from dialdesk.db.embedded import EmbeddedServer; "
        "EmbeddedServer(Path(sys.argv[1])).start(); os.kill(os.getpid(), 9)"
    )
    killed = subprocess.run([sys.executable, "-c", started, str(folder)], check=False)
    assert killed.returncode == -signal.SIGKILL
    left_running = read_lock_file(folder / "pgdata")
    assert left_running is not None and is_running(left_running.pid)

    embedded = EmbeddedServer(folder)
    embedded.start()
    assert server_pid(embedded) == left_running.pid
    with psycopg.connect(embedded.superuser_dsn()) as conn:
        assert conn.execute("SELECT 1").fetchone() == (1,)
    embedded.stop()  # the killed DialDesk no longer counts: the server stops
    assert not is_running(left_running.pid)


@posix_only
def test_a_killed_server_whose_process_number_was_reused_starts_again(tmp_path: Path) -> None:
    embedded = EmbeddedServer(tmp_path / "DialDesk")
    embedded.start()
    postmaster = psutil.Process(server_pid(embedded))
    children = postmaster.children()
    postmaster.kill()
    psutil.wait_procs([postmaster, *children], timeout=15)
    # the lock file stays behind and its number now belongs to an unrelated program
    stranger = subprocess.Popen(["sleep", "60"])
    try:
        lock = embedded.pgdata / "postmaster.pid"
        lines = lock.read_text().splitlines()
        lock.write_text("\n".join([str(stranger.pid), *lines[1:]]) + "\n")

        again = EmbeddedServer(tmp_path / "DialDesk")
        again.start()
        with psycopg.connect(again.superuser_dsn()) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
        assert server_pid(again) != stranger.pid
        again.stop()
        assert stranger.poll() is None  # the stranger was left alone
    finally:
        stranger.kill()
        stranger.wait()


def test_an_initialisation_cut_short_is_started_over(tmp_path: Path) -> None:
    folder = tmp_path / "DialDesk"
    (folder / "pgdata.new" / "base").mkdir(parents=True)
    (folder / "pgdata.new" / "PG_VERSION").write_text("18\n")
    embedded = EmbeddedServer(folder)
    embedded.start()
    try:
        with psycopg.connect(embedded.superuser_dsn()) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
        assert not (folder / "pgdata.new").exists()
    finally:
        embedded.stop()


@posix_only
def test_a_folder_made_by_an_older_dialdesk_gets_a_password(tmp_path: Path) -> None:
    """DialDesk 0.1 trusted the superuser on the socket and gave it no password."""
    folder = tmp_path / "DialDesk"
    embedded = EmbeddedServer(folder)
    embedded.start()
    with psycopg.connect(embedded.superuser_dsn(), autocommit=True) as conn:
        conn.execute(f"ALTER ROLE {SUPERUSER} PASSWORD NULL")
    (embedded.pgdata / "pg_hba.conf").write_text(
        f"local all {SUPERUSER} trust\nlocal all all scram-sha-256\n"
    )
    embedded.password_file.unlink()
    embedded.stop()

    again = EmbeddedServer(folder)
    again.start()
    try:
        assert again.password_file.exists()
        time.sleep(0.2)  # the reload of the rules is asynchronous
        with pytest.raises(psycopg.OperationalError, match="password"):
            psycopg.connect(without_password(again.superuser_dsn()))
        with psycopg.connect(again.superuser_dsn()) as conn:
            assert conn.execute("SELECT 1").fetchone() == (1,)
    finally:
        again.stop()


def test_windows_paths_its_programs_cannot_read_are_spotted() -> None:
    """PostgreSQL's programs read their arguments in the ANSI code page: an English Windows
    (cp1252) cannot carry a Cyrillic user folder, a Russian one (cp1251) can."""
    folder = "C:\\Users\\Иванова Ольга\\AppData\\Local\\DialDesk"
    assert not fits_code_page(folder, "cp1252")
    assert fits_code_page(folder, "cp1251")
    assert fits_code_page("C:\\Users\\Olga Ivanova", "cp1252")
    if not WINDOWS:
        assert ansi_safe(Path("/home/Иванова Ольга")) == Path("/home/Иванова Ольга")


def test_scram_verifier_has_postgres_format() -> None:
    verifier = scram_verifier("secret", salt=b"0123456789abcdef")
    assert verifier.startswith("SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$")
    assert "secret" not in verifier


def test_a_locale_missing_from_the_system_does_not_matter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Seen: LANG named a locale that was not installed, and the first start failed."""
    for name in ("LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LC_COLLATE"):
        monkeypatch.setenv(name, "xx_YY.UTF-8")
    embedded = EmbeddedServer(tmp_path / "embedded")
    embedded.start()
    try:
        with psycopg.connect(embedded.superuser_dsn("postgres")) as conn:
            assert conn.execute("SELECT upper('ёлка')").fetchone() == ("ЁЛКА",)
    finally:
        embedded.stop()


def test_a_failed_first_start_says_the_cause_from_the_log_and_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dialdesk.db import embedded as module
    from dialdesk.db.server_trouble import EmbeddedServerError

    plain = module.initdb_arguments
    monkeypatch.setattr(  # as if initdb took the system's locale, and it was missing
        module, "initdb_arguments", lambda *a: [*plain(*a), "--lc-messages=xx_YY.UTF-8"]
    )
    embedded = EmbeddedServer(tmp_path / "embedded")
    with pytest.raises(EmbeddedServerError) as failed:
        embedded.start()
    text = str(failed.value)
    assert "could not be prepared in" in text and "xx_YY" in text  # the log's own words
    assert "ask the administrator to install them" in text  # and what to do about it
    assert failed.value.step == "initialise"
    assert not (tmp_path / "embedded" / "pgdata").exists()  # nothing half-made left
