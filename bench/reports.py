"""Every report on a big base: ``python bench/reports.py [--dsn DSN] [--json]
[--companies 100000] [--calls 1000000] [--repeat 5]``.

Builds the demo base of ``--companies`` companies topped up to ``--calls`` past calls, then
runs each report as a marketer would (their own login, row-level security on): over all
time and all campaigns, and for one campaign over the last 90 days.  Prints the median and
the slowest run of each in milliseconds.  Target (issues 6 and 17): each under 500 ms,
the reports past the hand-off (funnel, experts, payback, retention) with the demo's deals.
"""

import _path  # noqa: F401  (first: see bench/_path.py)

# isort: split

import statistics
import time
from datetime import date, timedelta

from sqlalchemy import Engine, text

from _common import add_history, bench_database, parser, report, wipe
from dialdesk.db.dsn import with_credentials
from dialdesk.db.engine import make_engine
from dialdesk.demo.base import load_demo
from dialdesk.services.people import accounts as people
from dialdesk.services.reports import REPORTS, ReportFilter, run_report

LOGIN_PREFIX = "bench_"
VARIANTS = {
    "industry-months": ("all_organisations", {"count": "organisations"}),
    "operators": ("all_per_day", {"per_day": True}),
}


def options_for(engine: Engine, name: str) -> dict[str, object]:
    """What a marketer would pick for the reports that need a choice."""
    if name == "company":  # the company with the longest history, by its name
        with engine.connect() as conn:
            company = conn.execute(
                text(
                    "SELECT c.name FROM dialdesk.companies c JOIN dialdesk.calls k "
                    "ON k.company_id = c.id GROUP BY c.id ORDER BY count(*) DESC LIMIT 1"
                )
            ).scalar()
        return {"company": company}
    if name != "answers":
        return {}
    with engine.connect() as conn:
        question = conn.execute(
            text("SELECT min(id) FROM dialdesk.questions WHERE kind IN ('yes_no', 'choice')")
        ).scalar()
    return {"question": question, "by": "staff_band"}


def time_report(engine: Engine, name: str, report_filter: ReportFilter, repeat: int) -> list[float]:
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        run_report(engine, name, report_filter, "ru")
        runs.append((time.perf_counter() - started) * 1000)
    return runs


def main() -> int:
    p = parser(__doc__ or "", [])
    p.add_argument("--companies", type=int, default=100_000)
    p.add_argument("--calls", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=5, help="runs of each report (after one warm-up)")
    p.add_argument(
        "--keep", action="store_true", help="leave the base in --dsn and reuse it next time"
    )
    args = p.parse_args()
    with bench_database(args.dsn) as dsn:
        admin = make_engine(dsn, pool_size=1)
        started = time.perf_counter()
        login, password = f"{LOGIN_PREFIX}reports", "bench-password-reports"
        with admin.connect() as conn:
            have = conn.execute(text("SELECT count(*) FROM dialdesk.companies")).scalar()
        if not (args.keep and have == args.companies):
            wipe(dsn, LOGIN_PREFIX)
            load_demo(admin, args.companies, login_prefix=LOGIN_PREFIX)
            add_history(dsn, args.calls)
            people.add_person(admin, login, login, "marketer", password)
        with admin.connect() as conn:
            calls = conn.execute(text("SELECT count(*) FROM dialdesk.calls")).scalar()
            campaign = conn.execute(text("SELECT min(id) FROM dialdesk.campaigns")).scalar()
        took = time.perf_counter() - started
        print(f"base: {args.companies} companies, {calls} calls, ready in {took:.1f} s")
        admin.dispose()
        marketer = make_engine(with_credentials(dsn, login, password), pool_size=1)
        today = date.today()
        results: dict[str, dict[str, float]] = {}
        for name in REPORTS:
            options = options_for(marketer, name)
            scopes = [
                ("all", ReportFilter(options=options)),
                ("campaign_90d", ReportFilter(campaign, today - timedelta(90), today, options)),
            ]
            if name in VARIANTS:  # the heavier option too
                label, extra = VARIANTS[name]
                scopes.append((label, ReportFilter(options={**options, **extra})))
            for scope, report_filter in scopes:
                run_report(marketer, name, report_filter, "ru")  # warm-up: plans, caches
                runs = time_report(marketer, name, report_filter, args.repeat)
                key = f"{name}:{scope}"
                results[key] = {
                    "median_ms": round(statistics.median(runs), 1),
                    "max_ms": round(max(runs), 1),
                }
                median, slowest_run = results[key]["median_ms"], results[key]["max_ms"]
                print(f"{key:34} median {median:7.1f} ms, slowest {slowest_run:7.1f} ms")
        marketer.dispose()
        slowest = max(r["max_ms"] for r in results.values())
        print(f"slowest run of any report: {slowest:.1f} ms (target < 500 ms)")
        if not args.keep:
            wipe(dsn, LOGIN_PREFIX)
    report(
        {
            "companies": args.companies,
            "calls": calls,
            "reports": results,
            "slowest_ms": slowest,
        },
        args.json,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
