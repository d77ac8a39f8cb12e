"""How long ``dialdesk demo`` takes: ``python bench/demo.py [--dsn DSN] [--json] [sizes...]``.

Target (issue 2): 100,000 companies in under 60 seconds on the reference machine.
"""

import _path  # noqa: F401  (first: see bench/_path.py)

# isort: split

import sys
import time

from _common import bench_database, parser, peak_mb, report, wipe
from dialdesk.db.engine import make_engine
from dialdesk.demo.base import load_demo

LOGIN_PREFIX = "bench_"
TARGET_SECONDS_FOR_100K = 60.0


def main() -> int:
    args = parser(__doc__ or "", [100_000]).parse_args()
    runs = []
    with bench_database(args.dsn) as dsn:
        for size in args.sizes:
            wipe(dsn, LOGIN_PREFIX)
            engine = make_engine(dsn, pool_size=1)
            started = time.perf_counter()
            result = load_demo(engine, size, login_prefix=LOGIN_PREFIX)
            seconds = time.perf_counter() - started
            engine.dispose()
            rows = (
                result.companies
                + result.phones
                + result.contact_persons
                + result.calls
                + result.callbacks
            )
            runs.append(
                {
                    "companies": size,
                    "seconds": round(seconds, 2),
                    "companies_per_s": round(size / seconds),
                    "rows_per_s": round(rows / seconds),
                    "peak_mb": round(peak_mb(), 1),
                }
            )
            print(
                f"demo {size:>7} companies: {seconds:6.2f} s, {size / seconds:8.0f} companies/s, "
                f"{rows / seconds:8.0f} rows/s ({rows} rows: phones, contacts, calls...), "
                f"peak {peak_mb():.0f} MB"
            )
            wipe(dsn, LOGIN_PREFIX)
    print(f"target: 100,000 companies in under {TARGET_SECONDS_FOR_100K:.0f} s")
    report(
        {"runs": runs, "seconds": runs[-1]["seconds"], "target_seconds": TARGET_SECONDS_FOR_100K},
        args.json,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
