"""Every DialDesk database function has one live source: ``db/functions/NAME.sql``.

The migrated base runs exactly what those files say: the set of functions is the same, and
running every file again over the migrated base changes no definition.
"""

from pathlib import Path

import psycopg
import pytest

import dialdesk.db

FUNCTIONS = Path(dialdesk.db.__file__).parent / "functions"

_DEFINITIONS = """
SELECT p.proname, pg_get_functiondef(p.oid)
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'dialdesk' ORDER BY p.proname
"""


def _definitions(conn: psycopg.Connection) -> dict[str, str]:
    return dict(conn.execute(_DEFINITIONS).fetchall())


def test_each_function_of_the_base_has_a_live_file(database_dsn: str) -> None:
    with psycopg.connect(database_dsn) as conn:
        in_base = set(_definitions(conn))
    assert {path.stem for path in FUNCTIONS.glob("*.sql")} == in_base


@pytest.mark.parametrize("path", sorted(FUNCTIONS.glob("*.sql")), ids=lambda p: p.stem)
def test_the_live_file_is_what_the_migrations_made(database_dsn: str, path: Path) -> None:
    with psycopg.connect(database_dsn) as conn:
        before = _definitions(conn)
        conn.execute(path.read_text(encoding="utf-8"))
        after = _definitions(conn)
        conn.rollback()
    assert after[path.stem] == before[path.stem]
    assert after == before


def test_a_changed_live_file_would_be_noticed(database_dsn: str) -> None:
    source = (FUNCTIONS / "queue_clock.sql").read_text(encoding="utf-8")
    changed = source.replace("least(p_now, now())", "least(now(), p_now)", 1)
    assert changed != source
    with psycopg.connect(database_dsn) as conn:
        before = _definitions(conn)
        conn.execute(changed)
        assert _definitions(conn)["queue_clock"] != before["queue_clock"]
        conn.rollback()
