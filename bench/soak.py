"""A floor at full strength for a long stretch: ``python bench/soak.py [--dsn DSN] [--json]
[--operators 50] [--minutes 10] [--companies 100000] [--think-ms 100]``.

Every simulated operator logs in as a person of their own (the app's own connection pool,
``log_in``) and claims and saves for ``--minutes``, pausing ``--think-ms`` on average
between calls; a save that fails is sent again under the same client-made id, as the
journal does.  One real monitor widget (offscreen) listens all the while as a supervisor.
Checked and printed, with JSON at the end:

- errors (by kind) and double claims (one entry held by two operators at once): target 0;
- lost or extra outcomes: the saves the operators were told succeeded, the calls rows
  added and the attempts added to the queue entries must be the same number;
- the client's memory (resident size, this process) over the first and the last minute;
- the server's connections to the base: the most seen, beside the bound of three per seat.
"""

import _path  # noqa: F401  (first: see bench/_path.py)

# isort: split

import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import psycopg

from _common import (
    BenchOperator,
    add_operators,
    bench_database,
    open_the_floor,
    parser,
    report,
    simulated_outcome,
    wipe,
)
from dialdesk.db.engine import make_engine
from dialdesk.demo.base import load_demo
from dialdesk.services.people import accounts as people
from dialdesk.services.people.login import log_in
from dialdesk.services.shift.outcomes import OutcomeInput, save_and_claim_next
from dialdesk.services.shift.queue import Claim, claim_next_entry

LOGIN_PREFIX = "benchsoak_"
SAMPLE_SECONDS = 5.0
SEATS_BOUND = 3  # connections one workstation may hold (README, "Connections")


def resident_mb() -> float | None:
    """This process's resident memory now (Linux), in MB."""
    statm = Path("/proc/self/statm")
    if not statm.exists():
        return None
    return int(statm.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def totals(dsn: str) -> tuple[int, int]:
    """(calls rows, attempts summed over the queue entries)."""
    with psycopg.connect(dsn) as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM dialdesk.calls), "
            "(SELECT coalesce(sum(attempts), 0) FROM dialdesk.campaign_entries)"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


class Floor:
    """What the operators did, gathered from their threads."""

    def __init__(self) -> None:
        self.guard = threading.Lock()
        self.holders: dict[int, int] = {}
        self.doubles = 0
        self.saved: set[object] = set()  # client-made ids the database said it kept
        self.errors: Counter[str] = Counter()
        self.step_ms: list[float] = []

    def hold(self, person: int, claim: Claim | None) -> None:
        if claim is None:
            return
        with self.guard:
            if self.holders.get(claim.entry_id, person) != person:
                self.doubles += 1
            self.holders[claim.entry_id] = person

    def let_go(self, claim: Claim) -> None:
        with self.guard:
            self.holders.pop(claim.entry_id, None)

    def kept(self, data: OutcomeInput, elapsed_ms: float) -> None:
        with self.guard:
            self.saved.add(data.client_id)
            self.step_ms.append(elapsed_ms)

    def failed(self, error: BaseException) -> None:
        with self.guard:
            self.errors[f"{type(error).__name__}: {str(error).splitlines()[0][:120]}"] += 1


def operator(floor: Floor, me: BenchOperator, dsn: str, stop: threading.Event, think: int) -> None:
    person = me.person
    rng = random.Random(person)
    session = log_in(dsn, me.login, me.password)
    engine = session.engine
    claim: Claim | None = None
    try:
        claim = claim_next_entry(engine, person)
        floor.hold(person, claim)
        while claim is not None and not stop.is_set():
            time.sleep(rng.uniform(0.5, 1.5) * think / 1000)
            data = simulated_outcome(rng, claim)
            floor.let_go(claim)
            nxt: Claim | None = None
            for _ in range(5):  # as the journal does: the same call again, never a second
                started = time.perf_counter()
                try:
                    _, nxt = save_and_claim_next(engine, person, data)
                except Exception as exc:  # counted, then sent again
                    floor.failed(exc)
                    time.sleep(0.5)
                    continue
                floor.kept(data, (time.perf_counter() - started) * 1000)
                break
            claim = nxt
            floor.hold(person, claim)
    except Exception as exc:
        floor.failed(exc)
    finally:
        engine.dispose()


def main() -> int:
    p = parser(__doc__ or "", [])
    p.add_argument("--operators", type=int, default=50)
    p.add_argument("--minutes", type=float, default=10.0)
    p.add_argument("--companies", type=int, default=100_000)
    p.add_argument("--think-ms", type=int, default=100)
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from dialdesk.ui.supervisor.monitor_page import MonitorPage

    app = QApplication.instance() or QApplication([])

    def pump(seconds: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()

    with bench_database(args.dsn) as dsn:
        wipe(dsn, LOGIN_PREFIX)
        admin = make_engine(dsn, pool_size=1)
        started = time.perf_counter()
        load_demo(admin, args.companies, login_prefix=LOGIN_PREFIX)
        open_the_floor(dsn)
        operators = add_operators(admin, dsn, LOGIN_PREFIX, args.operators)
        people.add_person(admin, f"{LOGIN_PREFIX}sup", "Supervisor", "supervisor", "bench-sup-pw")
        admin.dispose()
        print(f"base: {args.companies} companies in {time.perf_counter() - started:.0f} s")
        calls_before, attempts_before = totals(dsn)

        supervisor = log_in(dsn, f"{LOGIN_PREFIX}sup", "bench-sup-pw")
        monitor = MonitorPage(supervisor, "ru")
        refreshes = 0

        def counted() -> None:
            nonlocal refreshes
            refreshes += 1

        monitor.refreshed.connect(counted)
        monitor.show()
        while monitor.notifications is not None and not monitor.notifications.is_listening:
            pump(0.05)

        floor = Floor()
        stop = threading.Event()
        threads = [
            threading.Thread(target=operator, args=(floor, me, dsn, stop, args.think_ms))
            for me in operators
        ]
        memory: list[tuple[float, float]] = []  # (seconds in, MB)
        connections: list[int] = []
        watcher = psycopg.connect(dsn, autocommit=True)
        run_started = time.perf_counter()
        for thread in threads:
            thread.start()
        while (elapsed := time.perf_counter() - run_started) < args.minutes * 60:
            pump(SAMPLE_SECONDS)
            mb = resident_mb()
            if mb is not None:
                memory.append((elapsed, mb))
            row = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid()"
            ).fetchone()
            connections.append(int(row[0]) if row else 0)
        stop.set()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - run_started
        pump(1.0)
        watcher.close()
        monitor.shutdown()
        monitor.close()
        monitor.deleteLater()
        app.processEvents()
        supervisor.engine.dispose()
        calls_after, attempts_after = totals(dsn)
        wipe(dsn, LOGIN_PREFIX)

    minute = 60.0
    first = [mb for at, mb in memory if at <= minute]
    last = [mb for at, mb in memory if at >= seconds - minute]
    result = {
        "operators": args.operators,
        "companies": args.companies,
        "minutes": round(seconds / 60, 2),
        "think_ms": args.think_ms,
        "saves_reported": len(floor.saved),
        "calls_added": calls_after - calls_before,
        "attempts_added": attempts_after - attempts_before,
        "errors": sum(floor.errors.values()),
        "error_kinds": dict(floor.errors),
        "double_claims": floor.doubles,
        "step_p50_ms": round(statistics.median(floor.step_ms), 1) if floor.step_ms else None,
        "step_p95_ms": round(sorted(floor.step_ms)[int(0.95 * len(floor.step_ms))], 1)
        if floor.step_ms
        else None,
        "monitor_refreshes": refreshes,
        "memory_first_minute_mb": round(statistics.mean(first), 1) if first else None,
        "memory_last_minute_mb": round(statistics.mean(last), 1) if last else None,
        "server_connections_max": max(connections, default=0),
        "server_connections_bound": SEATS_BOUND * (args.operators + 1),
    }
    lost_or_extra = len({result["saves_reported"], result["calls_added"], result["attempts_added"]})
    print(
        f"{args.operators} operators for {result['minutes']} min: {result['saves_reported']} "
        f"saves reported, {result['calls_added']} calls rows added, "
        f"{result['attempts_added']} attempts added "
        f"({'equal' if lost_or_extra == 1 else 'NOT EQUAL'}); errors {result['errors']}, "
        f"double claims {result['double_claims']}"
    )
    for kind, count in floor.errors.most_common(5):
        print(f"  {count} x {kind}")
    print(
        f"save and next: p50 {result['step_p50_ms']} ms, p95 {result['step_p95_ms']} ms; the "
        f"monitor redrew {refreshes} times"
    )
    print(
        f"client memory: {result['memory_first_minute_mb']} MB over the first minute, "
        f"{result['memory_last_minute_mb']} MB over the last; server connections at most "
        f"{result['server_connections_max']} (bound {result['server_connections_bound']})"
    )
    report(result, args.json)
    ok = lost_or_extra == 1 and not floor.errors and not floor.doubles
    return 0 if ok else 1


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # PySide6 can crash tearing its objects down at interpreter exit; the figures are out
    os._exit(code)
