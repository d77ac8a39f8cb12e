"""The command line that scripts and the admin rely on, run against a real database."""

import io
import json

import psycopg
import pytest
from sqlalchemy import Engine, text

from dialdesk.cli.main import main
from dialdesk.db.dsn import with_credentials
from dialdesk.db.engine import make_engine
from dialdesk.services.people import accounts as people
from tests.conftest import create_database, drop_database


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_db_status_json(db_dsn: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "db", "status", "--json", "--dsn", db_dsn)
    assert code == 0
    status = json.loads(out)
    assert status["state"] == "current" and status["current"] == status["latest"]


def test_dsn_given_before_the_command_is_used(
    db_dsn: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--dsn", db_dsn, "db", "status", "--json")
    assert code == 0 and json.loads(out)["state"] == "current"


def test_dsn_from_environment(
    db_dsn: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIALDESK_DSN", db_dsn)
    code, out, _ = run(capsys, "db", "status", "--json")
    assert code == 0 and json.loads(out)["state"] == "current"


def test_db_upgrade_is_idempotent(db_dsn: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "db", "upgrade", "--dsn", db_dsn)
    assert code == 0 and "already up to date" in out


def test_unreachable_server_gets_a_plain_message(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "db", "status", "--dsn", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2"
    )
    assert code == 1
    assert err.startswith("dialdesk: Cannot reach the database")
    assert "Traceback" not in err


def test_user_add_list_disable(
    db: Engine, db_dsn: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("correct-horse\n"))
    code, out, _ = run(
        capsys,
        "user",
        "add",
        "anna",
        "--role",
        "supervisor",
        "--full-name",
        "Анна К.",
        "--password-stdin",
        "--dsn",
        db_dsn,
    )
    assert code == 0, out
    anna = make_engine(with_credentials(db_dsn, "anna", "correct-horse"), pool_size=1)
    assert people.whoami(anna).role == "supervisor"
    anna.dispose()

    code, out, _ = run(capsys, "user", "list", "--json", "--dsn", db_dsn)
    listed = json.loads(out)["people"]
    assert [(p["login"], p["role"], p["active"]) for p in listed] == [("anna", "supervisor", True)]

    code, out, _ = run(capsys, "user", "disable", "anna", "--dsn", db_dsn)
    assert code == 0
    with db.connect() as conn:
        can_login = conn.execute(
            text("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'anna'")
        ).scalar_one()
    assert can_login is False


def test_user_add_refuses_a_short_password(
    db_dsn: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    code, _, err = run(
        capsys, "user", "add", "bob", "--role", "operator", "--password-stdin", "--dsn", db_dsn
    )
    assert code == 1 and "at least 8 characters" in err


def test_user_disable_unknown(db_dsn: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "user", "disable", "ghost", "--dsn", db_dsn)
    assert code == 1 and "There is no DialDesk user 'ghost'" in err


def test_role_must_be_known(db_dsn: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["user", "add", "x", "--role", "boss", "--dsn", db_dsn])
    assert caught.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_demo_json(db_dsn: str, demo_prefix: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys,
        "demo",
        "--companies",
        "300",
        "--login-prefix",
        demo_prefix,
        "--json",
        "--dsn",
        db_dsn,
    )
    assert code == 0
    result = json.loads(out)
    assert result["companies"] == 300
    assert {login["role"] for login in result["logins"]} == {
        "operator",
        "supervisor",
        "marketer",
        "expert",
        "admin",
    }
    assert result["logins"][0]["login"] == f"{demo_prefix}operator"
    code, _, err = run(capsys, "demo", "--login-prefix", "x" + demo_prefix, "--dsn", db_dsn)
    assert code == 1 and "already holds 300 companies" in err


def test_upgrade_refuses_a_newer_schema(pg_server: str, capsys: pytest.CaptureFixture[str]) -> None:
    dsn = create_database(pg_server, "dialdesk_newer")
    try:
        assert run(capsys, "db", "upgrade", "--dsn", dsn)[0] == 0
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute("UPDATE public.alembic_version SET version_num = '9999'")
        code, _, err = run(capsys, "db", "upgrade", "--dsn", dsn)
        assert code == 1 and "newer DialDesk (revision 9999)" in err
        code, out, _ = run(capsys, "db", "status", "--json", "--dsn", dsn)
        assert json.loads(out)["state"] == "newer"
    finally:
        drop_database(pg_server, dsn)
