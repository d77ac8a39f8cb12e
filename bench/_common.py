"""What every benchmark needs: a database (given, or a throwaway embedded one) and a clean base."""

import _path  # noqa: F401  (first: see bench/_path.py)

# isort: split

import argparse
import json
import random
import resource
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple

import psycopg
from psycopg import sql
from sqlalchemy import Engine

from dialdesk.db import migrate
from dialdesk.db.dsn import with_credentials
from dialdesk.db.embedded import EmbeddedServer
from dialdesk.db.engine import make_engine
from dialdesk.db.logins import drop_login
from dialdesk.services.people import accounts as people
from dialdesk.services.shift.outcomes import NextContact, OutcomeInput
from dialdesk.services.shift.queue import Claim


def parser(description: str, default_sizes: list[int]) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=description)
    p.add_argument("sizes", nargs="*", type=int, default=default_sizes)
    p.add_argument("--dsn", help="database to fill and wipe (default: a throwaway embedded one)")
    p.add_argument("--json", action="store_true", help="end with one JSON object on stdout")
    return p


@contextmanager
def bench_database(dsn: str | None) -> Iterator[str]:
    """A migrated database: the one given, or a fresh embedded server removed afterwards."""
    if dsn:
        engine = make_engine(dsn, pool_size=1)
        migrate.upgrade(engine)
        engine.dispose()
        yield dsn
        return
    with tempfile.TemporaryDirectory(prefix="dialdesk-bench-") as folder:
        server = EmbeddedServer(Path(folder))
        server.start()
        try:
            engine = make_engine(server.superuser_dsn(), pool_size=1)
            migrate.upgrade(engine)
            engine.dispose()
            yield server.superuser_dsn()
        finally:
            server.stop()


def wipe(dsn: str, login_prefix: str) -> None:
    """Empty every DialDesk table (seed rows excepted) and drop the benchmark's logins."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        # logins are server-wide: drop every one with the prefix, also those a run that
        # stopped half-way left behind after its people rows were gone
        logins = [
            r[0]
            for r in conn.execute(
                "SELECT rolname FROM pg_roles WHERE rolname LIKE %s",
                (login_prefix.replace("_", "\\_") + "%",),
            )
        ]
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'dialdesk' "
                "AND tablename NOT IN ('outcome_definitions', 'pause_codes', 'lost_reasons', "
                "'sales_settings', 'mail_settings')"
            )
        ]
        conn.execute(
            sql.SQL("TRUNCATE {} CASCADE").format(
                sql.SQL(", ").join(sql.Identifier("dialdesk", t) for t in tables)
            )
        )
        for login in logins:
            drop_login(conn, login)


def open_the_floor(dsn: str) -> None:
    """Every operator works every campaign, round the clock, with no attempt limit."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute("DELETE FROM dialdesk.campaign_operators")
        conn.execute(
            "UPDATE dialdesk.campaigns SET calling_hours_start = '00:00', "
            "calling_hours_end = '23:59:59', working_days_only = false, max_attempts = 1000"
        )
        # vacuumed now, so autovacuum does not wake up over the fresh rows mid-measurement
        conn.execute("VACUUM (ANALYZE)")


class BenchOperator(NamedTuple):
    person: int
    dsn: str  # the base's DSN as this person
    login: str
    password: str


def add_operators(admin: Engine, dsn: str, prefix: str, count: int) -> list[BenchOperator]:
    """``count`` operators with logins of their own."""
    made = []
    for n in range(count):
        login, password = f"{prefix}op{n:02d}", f"bench-password-{n}"
        person = people.add_person(admin, login, login, "operator", password)
        made.append(BenchOperator(person, with_credentials(dsn, login, password), login, password))
    return made


def add_history(dsn: str, calls: int) -> None:
    """Top the demo's call history up to ``calls`` past calls (spread over the last 500
    days, the operators and the outcomes), in one statement."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        have = conn.execute("SELECT count(*) FROM dialdesk.calls").fetchone()[0]  # type: ignore[index]
        missing = max(0, calls - have)
        if missing:
            conn.execute(
                "CREATE TEMP TABLE bench_entries AS SELECT row_number() OVER (ORDER BY id) AS rn, "
                "company_id, campaign_id FROM dialdesk.campaign_entries"
            )
            conn.execute("CREATE INDEX ON bench_entries (rn)")
            conn.execute(
                "INSERT INTO dialdesk.calls (client_id, company_id, campaign_id, operator_id, "
                "  started_at, ended_at, outcome_id, comment) "
                "SELECT gen_random_uuid(), e.company_id, e.campaign_id, "
                "  op.ids[1 + g %% array_length(op.ids, 1)], "
                "  now() - (g %% 500) * interval '1 day' - (g %% 480) * interval '1 minute', "
                "  now() - (g %% 500) * interval '1 day' - (g %% 480) * interval '1 minute' "
                "    + interval '90 seconds', "
                "  o.ids[1 + g %% array_length(o.ids, 1)], 'история' "
                "FROM generate_series(1, %s) g "
                "JOIN bench_entries e ON e.rn = 1 + g %% (SELECT count(*) FROM bench_entries) "
                "CROSS JOIN (SELECT array_agg(id) AS ids FROM dialdesk.people "
                "  WHERE role = 'operator') op "
                "CROSS JOIN (SELECT array_agg(id) AS ids FROM dialdesk.outcome_definitions) o",
                (missing,),
            )
        conn.execute("ANALYZE")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(payload: dict[str, Any], as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(payload) + "\n")


# What simulated operators record: half the calls reach nobody, as on a real floor.
OUTCOMES = ["no_contact"] * 5 + ["cold", "competitor", "nonexistent", "warm", "hot"]


def simulated_outcome(rng: random.Random, claim: Claim) -> OutcomeInput:
    """A plausible outcome for the company ``claim`` holds, as an operator would save it."""
    code = rng.choice(OUTCOMES)
    now = datetime.now(UTC)
    return OutcomeInput(
        client_id=uuid.uuid4(),
        entry_id=claim.entry_id,
        outcome_code=code,
        started_at=now - timedelta(seconds=60),
        ended_at=now,
        spoke_with="ЛПР" if code in ("hot", "warm", "cold", "competitor") else "",
        next_contact=NextContact(now + timedelta(days=3)) if code == "warm" else None,
        callback_id=claim.callback_id,
    )


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]
