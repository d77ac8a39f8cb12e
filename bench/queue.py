"""Operators working the queue at once: ``python bench/queue.py [--dsn DSN] [--json]
[--operators 20] [--companies 100000] [--calls 1000000] [--rounds 150] [--think-ms 0]
[--two-steps]``.

Each simulated operator has its own login and connection and loops "save outcome + claim
next" ("Save and next", one transaction; ``--two-steps``: save, then claim), back to back
or with ``--think-ms`` between steps, on a base of ``--companies`` companies with
``--calls`` past calls.  Reports the latency of that step (p50/p95/p99),
of "claim + load the card's data", of "Next" to a filled card in the real widget, and
double claims (one entry held by two operators at once).  Targets (issue 3): p95 under
30 ms, zero double claims, under 100 ms to a filled card.

In the same run, a baseline: the very same claim and save SQL sent by bare psycopg
clients (no SQLAlchemy, no service layer) with DialDesk's triggers (notifications,
audit) switched off, the same number of operators, back to back; and the ratio of our
p95 to the baseline's (target, issue 13: at most 1.5).
"""

import _path  # noqa: F401  (first: see bench/_path.py)

# isort: split

import random
import re
import statistics
import sys
import threading
import time
from pathlib import Path

import psycopg

from _common import (
    BenchOperator,
    add_history,
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
from dialdesk.services.shift.card import load_card
from dialdesk.services.shift.outcomes import (
    RECORD,
    outcome_params,
    record_outcome,
    save_and_claim_next,
)
from dialdesk.services.shift.queue import CLAIM_NEXT, Claim, claim_next_entry, claim_params

LOGIN_PREFIX = "bench_"
TRIGGERED = ("calls", "campaign_entries", "callbacks", "operator_states", "companies", "handoffs")


def widget_next_to_card_ms(login_dsn: str, login: str, password: str, times: int) -> list[float]:
    """Press "Next" in the real operator widget (offscreen) and time until the card is filled."""
    import os
    import tempfile

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from dialdesk.services.people.login import log_in
    from dialdesk.ui.operator.work_page import WorkPage

    app = QApplication.instance() or QApplication([])
    session = log_in(login_dsn, login, password)
    page = WorkPage(session, "ru", Path(tempfile.mkdtemp()) / "journal.jsonl")
    page.show()
    timings: list[float] = []

    def wait_for(signal_or_check: object) -> None:
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if signal_or_check() else None)  # type: ignore[operator]
        timer.start(1)
        loop.exec()
        timer.stop()

    for _ in range(times):
        started = time.perf_counter()
        page.next_company()
        wait_for(lambda: page.card is not None or not page._background.busy)
        if page.card is None:
            break
        timings.append((time.perf_counter() - started) * 1000)
        page.release()
        wait_for(lambda: page.claim is None and not page._background.busy)
    page.shutdown()
    page.close()
    session.engine.dispose()
    del app
    return timings


def psycopg_sql(statement: str) -> str:
    """A SQLAlchemy ``:name`` statement with psycopg's ``%(name)s`` placeholders."""
    return re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", statement)


def bare_baseline(dsn: str, operators: list[BenchOperator], rounds: int) -> list[float]:
    """The step's latencies when the same claim and save SQL is all there is: one bare
    psycopg connection per operator, DialDesk's triggers switched off meanwhile."""
    record_sql, claim_sql = psycopg_sql(RECORD), psycopg_sql(CLAIM_NEXT)
    with psycopg.connect(dsn, autocommit=True) as conn:
        for table in TRIGGERED:
            conn.execute(f"ALTER TABLE dialdesk.{table} DISABLE TRIGGER USER")
    step_ms: list[float] = []
    guard = threading.Lock()
    barrier = threading.Barrier(len(operators))

    def work(person: int, login_dsn: str) -> None:
        rng = random.Random(-person)
        with psycopg.connect(login_dsn) as conn:
            row = conn.execute(claim_sql, claim_params(person, None, None)).fetchone()
            conn.commit()
            barrier.wait()
            for _ in range(rounds):
                if row is None:
                    break
                data = simulated_outcome(rng, Claim(*row))
                t0 = time.perf_counter()
                conn.execute(record_sql, outcome_params(person, data)).fetchone()
                row = conn.execute(claim_sql, claim_params(person, None, None)).fetchone()
                conn.commit()
                elapsed = (time.perf_counter() - t0) * 1000
                with guard:
                    step_ms.append(elapsed)

    try:
        threads = [threading.Thread(target=work, args=op[:2]) for op in operators]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            for table in TRIGGERED:
                conn.execute(f"ALTER TABLE dialdesk.{table} ENABLE TRIGGER USER")
    return step_ms


def main() -> int:
    p = parser(__doc__ or "", [])
    p.add_argument("--operators", type=int, default=20)
    p.add_argument("--companies", type=int, default=100_000)
    p.add_argument("--calls", type=int, default=1_000_000)
    p.add_argument("--rounds", type=int, default=150, help="save+claim steps per operator")
    p.add_argument(
        "--two-steps",
        action="store_true",
        help="save, then claim in a second transaction (Ctrl+Enter, then F9)",
    )
    p.add_argument(
        "--think-ms",
        type=int,
        default=0,
        help="pause between an operator's steps (0: back to back, the worst case)",
    )
    args = p.parse_args()
    with bench_database(args.dsn) as dsn:
        wipe(dsn, LOGIN_PREFIX)
        admin = make_engine(dsn, pool_size=1)
        started = time.perf_counter()
        load_demo(admin, args.companies, login_prefix=LOGIN_PREFIX)
        add_history(dsn, args.calls)
        open_the_floor(dsn)
        print(
            f"base: {args.companies} companies, {args.calls} calls "
            f"in {time.perf_counter() - started:.1f} s"
        )
        operators = add_operators(admin, dsn, LOGIN_PREFIX, args.operators)
        admin.dispose()
        step_ms: list[float] = []
        card_ms: list[float] = []
        holders: dict[int, int] = {}
        doubles = 0
        guard = threading.Lock()
        barrier = threading.Barrier(len(operators))

        def work(person: int, login_dsn: str) -> None:
            nonlocal doubles
            engine = make_engine(login_dsn, pool_size=1)
            rng = random.Random(person)
            with engine.connect():  # log in first: "Next" is measured, not the login
                pass
            barrier.wait()
            t0 = time.perf_counter()
            claim = claim_next_entry(engine, person)
            if claim is not None:
                load_card(engine, claim.company_id, claim.campaign_id)
            first_card = (time.perf_counter() - t0) * 1000
            with guard:
                card_ms.append(first_card)
            for _ in range(args.rounds):
                if claim is None:
                    break
                with guard:
                    if holders.get(claim.entry_id, person) != person:
                        doubles += 1
                    holders[claim.entry_id] = person
                data = simulated_outcome(rng, claim)
                with guard:
                    holders.pop(claim.entry_id, None)
                if args.think_ms:
                    time.sleep(rng.uniform(0.5, 1.5) * args.think_ms / 1000)
                t0 = time.perf_counter()
                if args.two_steps:
                    record_outcome(engine, person, data)
                    claim = claim_next_entry(engine, person)
                else:  # "Save and next": one transaction
                    _, claim = save_and_claim_next(engine, person, data)
                elapsed = (time.perf_counter() - t0) * 1000
                with guard:
                    step_ms.append(elapsed)
            engine.dispose()

        threads = [threading.Thread(target=work, args=op[:2]) for op in operators]
        run_started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - run_started
        bare_ms = bare_baseline(dsn, operators, args.rounds)
        widget_ms = widget_next_to_card_ms(
            dsn, f"{LOGIN_PREFIX}op00", "bench-password-0", min(30, args.rounds)
        )
        wipe(dsn, LOGIN_PREFIX)
    if not step_ms:
        print("no operator got a company to call: nothing was measured", file=sys.stderr)
        return 1
    result = {
        "operators": args.operators,
        "think_ms": args.think_ms,
        "two_steps": args.two_steps,
        "companies": args.companies,
        "calls": args.calls,
        "steps": len(step_ms),
        "seconds": round(seconds, 2),
        "p50_ms": round(statistics.median(step_ms), 2),
        "p95_ms": round(percentile(step_ms, 0.95), 2),
        "p99_ms": round(percentile(step_ms, 0.99), 2),
        "next_to_card_data_p95_ms": round(percentile(card_ms, 0.95), 2),
        "widget_next_to_card_p50_ms": round(statistics.median(widget_ms), 2) if widget_ms else None,
        "widget_next_to_card_p95_ms": round(percentile(widget_ms, 0.95), 2) if widget_ms else None,
        "bare_p50_ms": round(statistics.median(bare_ms), 2) if bare_ms else None,
        "bare_p95_ms": round(percentile(bare_ms, 0.95), 2) if bare_ms else None,
        "p95_ratio_to_bare": round(percentile(step_ms, 0.95) / percentile(bare_ms, 0.95), 2)
        if bare_ms
        else None,
        "double_claims": doubles,
        "peak_mb": round(peak_mb(), 1),
    }
    print(
        f"{result['steps']} steps 'save outcome + claim next' by {args.operators} operators "
        f"in {seconds:.1f} s: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
        f"p99 {result['p99_ms']} ms (target p95 < 30 ms); double claims: {doubles}"
    )
    print(
        f"The same SQL from bare psycopg clients without triggers: p50 {result['bare_p50_ms']} "
        f"ms, p95 {result['bare_p95_ms']} ms; ours / bare at p95: "
        f"{result['p95_ratio_to_bare']} (target <= 1.5)"
    )
    print(
        "First 'Next' of every operator at the same moment (cold caches) to the card's data, "
        f"p95: {result['next_to_card_data_p95_ms']} ms"
    )
    print(
        f"'Next' to a filled card in the real widget: p50 {result['widget_next_to_card_p50_ms']} "
        f"ms, p95 {result['widget_next_to_card_p95_ms']} ms (target < 100 ms)"
    )
    report(result, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
