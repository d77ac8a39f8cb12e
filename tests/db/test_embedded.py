"""The built-in single-seat server: Unix socket only, and personal logins need their password."""

import json
import platform
import subprocess
from pathlib import Path

import psycopg
import pytest

from dialdesk.db.dsn import DatabaseChoice, with_credentials
from dialdesk.db.embedded import hba_rules
from dialdesk.db.engine import make_engine
from dialdesk.db.target import DatabaseTarget
from dialdesk.services import people
from dialdesk.services.passwords import scram_verifier


def test_windows_rules_demand_a_password_on_localhost_only() -> None:
    rules = [line for line in hba_rules(windows=True).splitlines() if not line.startswith("#")]
    assert rules == ["host all all 127.0.0.1/32 scram-sha-256"]


def test_posix_rules_use_the_socket_only() -> None:
    rules = [line for line in hba_rules(windows=False).splitlines() if not line.startswith("#")]
    assert all(line.startswith("local ") for line in rules)
    assert "local all all scram-sha-256" in rules


@pytest.mark.skipif(platform.system() == "Windows", reason="POSIX socket behaviour")
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
        handles = tmp_path / "db" / "pgdata" / ".handle_pids.json"
        handles.write_text(json.dumps([*json.loads(handles.read_text()), crashed.pid]))
    finally:
        target.stop()
    assert not (tmp_path / "db" / "pgdata" / "postmaster.pid").exists()


def test_scram_verifier_has_postgres_format() -> None:
    verifier = scram_verifier("secret", salt=b"0123456789abcdef")
    assert verifier.startswith("SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$")
    assert "secret" not in verifier
