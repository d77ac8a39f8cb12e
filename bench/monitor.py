"""The supervisor's monitor under load: ``python bench/monitor.py [--dsn DSN] [--json]
[--operators 30] [--companies 20000] [--seconds 20] [--think-ms 500]``.

Simulated operators (each with its own login and connection) save outcomes and take the
next company, pausing ``--think-ms`` on average between calls, while one real monitor
(the Qt widget, offscreen) listens for the database's notifications.  Reports the delay
from an operator's commit to the monitor's model showing it (p50, p95), and the monitor's
own load on the database: refreshes per second and time spent reading.
Target (issue 5): p95 under 500 ms.
"""

import _path  # noqa: F401  (first: see bench/_path.py)

# isort: split

import os
import random
import statistics
import sys
import threading
import time

from _common import (
    add_operators,
    bench_database,
    open_the_floor,
    parser,
    peak_mb,
    percentile,
    report,
    simulated_outcome,
    wipe,
)
from dialdesk.db.engine import make_engine
from dialdesk.demo.base import load_demo
from dialdesk.services.floor import monitor as monitor_service
from dialdesk.services.people import accounts as people
from dialdesk.services.people.login import log_in
from dialdesk.services.shift.outcomes import save_and_claim_next
from dialdesk.services.shift.queue import claim_next_entry

LOGIN_PREFIX = "benchmon_"


def main() -> int:
    p = parser(__doc__ or "", [])
    p.add_argument("--operators", type=int, default=30)
    p.add_argument("--companies", type=int, default=20_000)
    p.add_argument("--seconds", type=float, default=20.0)
    p.add_argument("--think-ms", type=int, default=500)
    args = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from dialdesk.ui.supervisor import monitor_page

    app = QApplication.instance() or QApplication([])
    with bench_database(args.dsn) as dsn:
        wipe(dsn, LOGIN_PREFIX)
        admin = make_engine(dsn, pool_size=1)
        load_demo(admin, args.companies, login_prefix=LOGIN_PREFIX)
        open_the_floor(dsn)
        operators = add_operators(admin, dsn, LOGIN_PREFIX, args.operators)
        people.add_person(admin, f"{LOGIN_PREFIX}sup", "Supervisor", "supervisor", "bench-sup-pw")
        admin.dispose()

        # the monitor, with its reads timed: (started, finished) of every load of the floor
        loads: list[tuple[float, float]] = []
        original = monitor_service.load_floor

        def timed_load(engine, now=None):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            floor = original(engine, now)
            loads.append((started, time.perf_counter()))
            return floor

        monitor_page.load_floor = timed_load  # type: ignore[assignment]
        session = log_in(dsn, f"{LOGIN_PREFIX}sup", "bench-sup-pw")
        page = monitor_page.MonitorPage(session, "en")
        shown: list[tuple[float, float]] = []  # (load started, model updated)
        page.refreshed.connect(lambda: shown.append((loads[-1][0], time.perf_counter())))
        page.show()

        def pump(seconds: float) -> None:
            loop = QEventLoop()
            QTimer.singleShot(int(seconds * 1000), loop.quit)
            loop.exec()

        while page.notifications is not None and not page.notifications.is_listening:
            pump(0.05)
        page.refresh()
        pump(1.0)

        commits: list[float] = []
        guard = threading.Lock()
        stop = threading.Event()

        def work(person: int, login_dsn: str) -> None:
            engine = make_engine(login_dsn, pool_size=1)
            rng = random.Random(person)
            claim = claim_next_entry(engine, person)
            while claim is not None and not stop.is_set():
                time.sleep(rng.uniform(0.5, 1.5) * args.think_ms / 1000)
                data = simulated_outcome(rng, claim)
                _, claim = save_and_claim_next(engine, person, data)
                with guard:
                    commits.append(time.perf_counter())
            engine.dispose()

        threads = [threading.Thread(target=work, args=op[:2]) for op in operators]
        started = time.perf_counter()
        loads.clear()
        shown.clear()
        for thread in threads:
            thread.start()
        pump(args.seconds)
        stop.set()
        for thread in threads:
            thread.join()
        pump(1.5)  # the last changes reach the screen
        elapsed = time.perf_counter() - started
        page.shutdown()
        page._background.wait()
        page.close()
        page.deleteLater()
        app.processEvents()
        session.engine.dispose()
        wipe(dsn, LOGIN_PREFIX)
    delays = []
    for committed in commits:
        after = [updated for load_started, updated in shown if load_started >= committed]
        if after:
            delays.append((min(after) - committed) * 1000)
    if not delays:
        print("the monitor showed no change: nothing was measured", file=sys.stderr)
        return 1
    read_seconds = sum(end - begin for begin, end in loads)
    result = {
        "operators": args.operators,
        "companies": args.companies,
        "seconds": round(elapsed, 1),
        "commits": len(commits),
        "commits_seen": len(delays),
        "delay_p50_ms": round(statistics.median(delays), 1),
        "delay_p95_ms": round(percentile(delays, 0.95), 1),
        "monitor_refreshes": len(loads),
        "monitor_refreshes_per_second": round(len(loads) / elapsed, 2),
        "monitor_read_ms_mean": round(read_seconds / len(loads) * 1000, 1) if loads else None,
        "monitor_db_share": round(read_seconds / elapsed, 3),
        "peak_mb": round(peak_mb(), 1),
    }
    print(
        f"{len(commits)} outcomes saved by {args.operators} operators in {elapsed:.0f} s; the "
        f"monitor showed each after p50 {result['delay_p50_ms']} ms, p95 "
        f"{result['delay_p95_ms']} ms (target p95 < 500 ms)"
    )
    print(
        f"monitor load: {len(loads)} reads ({result['monitor_refreshes_per_second']}/s), "
        f"{result['monitor_read_ms_mean']} ms each, busy {result['monitor_db_share']:.1%} of "
        "the time"
    )
    report(result, args.json)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    # PySide6 can crash tearing its objects down at interpreter exit; the figures are out
    os._exit(code)
