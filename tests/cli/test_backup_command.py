"""``dialdesk backup`` and ``dialdesk restore`` as the admin runs them: against a central
server (into an empty database) and on the built-in one (in place, asked and kept first)."""

import io
import json
from pathlib import Path

import pytest

from dialdesk.cli.main import main
from tests.conftest import create_database, drop_database


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_and_restore_on_a_central_server(
    db_dsn: str, pg_server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.StringIO("correct-horse\n"))
    assert run(capsys, "user", "add", "t_boss", "--role", "admin", "--password-stdin",
               "--dsn", db_dsn)[0] == 0  # fmt: skip
    file = tmp_path / "база.dialdesk-backup"
    code, out, err = run(capsys, "backup", str(file), "--json", "--dsn", db_dsn)
    assert code == 0, err
    written = json.loads(out)
    assert written["file"] == str(file) and written["people"] == 1
    assert written["tables"]["dialdesk.people"] == 1
    empty = create_database(pg_server, "dialdesk_restored")
    try:
        code, out, err = run(capsys, "restore", str(file), "--dsn", empty)
        assert code == 0, err
        assert "Restored the backup of" in out
        assert "dialdesk.people" in out and "DIFFERS" not in out
        code, out, _ = run(capsys, "restore", str(file), "--dsn", empty)  # not empty any more
        assert code == 1 and "Traceback" not in out
    finally:
        drop_database(pg_server, empty)
    damaged = tmp_path / "cut.dialdesk-backup"
    damaged.write_bytes(file.read_bytes()[:1000])
    code, _, err = run(capsys, "restore", str(damaged), "--dsn", db_dsn)
    assert code == 1 and "damaged" in err and "Traceback" not in err


def test_the_built_in_base_is_replaced_only_when_confirmed_and_kept_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIALDESK_DSN", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr("sys.stdin", io.StringIO("correct-horse\n"))
    assert run(capsys, "user", "add", "t_first", "--role", "admin", "--password-stdin")[0] == 0
    code, out, err = run(capsys, "backup", "--json")
    assert code == 0, err
    file = Path(json.loads(out)["file"])
    assert file.parent == tmp_path / "data" / "DialDesk" / "backups"
    monkeypatch.setattr("sys.stdin", io.StringIO("correct-horse\n"))
    assert run(capsys, "user", "add", "t_later", "--role", "operator", "--password-stdin")[0] == 0

    code, _, err = run(capsys, "restore", str(file))  # no terminal to ask on
    assert code == 1 and "--yes" in err
    code, out, err = run(capsys, "restore", str(file), "--yes", "--json")
    assert code == 0, err
    assert json.loads(out)["matches"] is True
    assert "backed up first" in err
    code, out, _ = run(capsys, "user", "list", "--json")
    assert [p["login"] for p in json.loads(out)["people"]] == ["t_first"]
    kept = sorted(p.name for p in file.parent.iterdir())
    assert len(kept) == 2 and kept[0].startswith("before-restore-")
