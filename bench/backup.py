"""Backing up and restoring a full base: ``python bench/backup.py [--dsn DSN] [--json]
[--companies 100000] [--calls 1000000]``.

Fills the base with ``--companies`` demo companies and ``--calls`` past calls, writes a
checked backup (dialdesk backup) and restores it into a new, empty database on the same
server (dialdesk restore), and prints the seconds of each, the file's size and whether every
table's rows came back.
"""

import _path  # noqa: F401  (first: see bench/_path.py)

# isort: split

import sys
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from _common import add_history, bench_database, parser, peak_mb, report, wipe
from dialdesk.backup.make import make_backup
from dialdesk.backup.restore import restore_backup
from dialdesk.db.engine import make_engine
from dialdesk.demo.base import load_demo

LOGIN_PREFIX = "benchbak_"


def main() -> int:
    p = parser(__doc__ or "", [])
    p.add_argument("--companies", type=int, default=100_000)
    p.add_argument("--calls", type=int, default=1_000_000)
    args = p.parse_args()
    with bench_database(args.dsn) as dsn, tempfile.TemporaryDirectory() as folder:
        wipe(dsn, LOGIN_PREFIX)
        admin = make_engine(dsn, pool_size=1)
        load_demo(admin, args.companies, login_prefix=LOGIN_PREFIX)
        admin.dispose()
        add_history(dsn, args.calls)
        started = time.perf_counter()
        written = make_backup(dsn, Path(folder) / "bench.dialdesk-backup", "bench")
        backup_seconds = time.perf_counter() - started
        name = f"dialdesk_bench_restore_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        target = make_conninfo(dsn, dbname=name)
        try:
            started = time.perf_counter()
            restored = restore_backup(written.path, target)
            restore_seconds = time.perf_counter() - started
        finally:
            with psycopg.connect(dsn, autocommit=True) as conn:
                conn.execute(
                    sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
                )
            wipe(dsn, LOGIN_PREFIX)
    tables = written.manifest.tables
    result = {
        "companies": tables.get("dialdesk.companies"),
        "calls": tables.get("dialdesk.calls"),
        "database": conninfo_to_dict(dsn).get("dbname"),
        "backup_seconds": round(backup_seconds, 1),
        "restore_seconds": round(restore_seconds, 1),
        "file_mb": round(written.size / 2**20, 1),
        "every_table_matches": restored.matches,
        "peak_mb": round(peak_mb(), 1),
    }
    print(
        f"{result['companies']} companies, {result['calls']} calls: backup written and checked "
        f"in {result['backup_seconds']} s ({result['file_mb']} MB), restored in "
        f"{result['restore_seconds']} s; every table's rows back: {restored.matches}"
    )
    report(result, args.json)
    return 0 if restored.matches else 1


if __name__ == "__main__":
    sys.exit(main())
