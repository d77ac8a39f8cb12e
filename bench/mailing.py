"""A mass mailing of the campaign's offer: ``python bench/mailing.py [--dsn DSN] [--json]
[LETTERS]`` (default 10,000).

Fills a base with that many companies, each with a decision maker and an e-mail, writes the
campaign's offer (with a 200 KB PDF attached), points the mail server at a local SMTP
server (aiosmtpd, on 127.0.0.1, taking every letter), and sends the mailing as a marketer
logs in: one letter per address, each taken and marked in the database, its follow-up call
planned.  Prints letters per second and peak memory; checks every address got exactly one.
"""

import _path  # noqa: F401  (first: see bench/_path.py)

# isort: split

import socket
import sys
import time

from aiosmtpd.controller import Controller
from sqlalchemy import text

from _common import bench_database, parser, peak_mb, report, wipe
from dialdesk.db.dsn import with_credentials
from dialdesk.db.engine import make_engine
from dialdesk.services.mail.mailing import plan_mailing, run_mailing
from dialdesk.services.mail.offer import Attachment, Offer, save_offer
from dialdesk.services.people import accounts as people

LOGIN_PREFIX = "benchmail_"


class Counting:
    def __init__(self) -> None:
        self.received: dict[str, int] = {}

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        for address in envelope.rcpt_tos:  # type: ignore[attr-defined]
            self.received[address] = self.received.get(address, 0) + 1
        return "250 Message accepted"


def _fill(dsn: str, letters: int) -> int:
    engine = make_engine(dsn, pool_size=1)
    with engine.begin() as conn:
        campaign = conn.execute(
            text("INSERT INTO dialdesk.campaigns (name) VALUES ('Рассылка КП') RETURNING id")
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO dialdesk.companies (name, name_key, city) "
                "SELECT 'ООО «Клиент ' || n || '»', 'клиент ' || n, 'Новосибирск' "
                "FROM generate_series(1, :n) n"
            ),
            {"n": letters},
        )
        conn.execute(
            text(
                "INSERT INTO dialdesk.contact_persons (company_id, full_name, email, role) "
                "SELECT id, 'Директор ' || id, 'boss' || id || '@client.test', 'decision_maker' "
                "FROM dialdesk.companies"
            )
        )
        conn.execute(
            text(
                "INSERT INTO dialdesk.campaign_entries (campaign_id, company_id) "
                "SELECT :k, id FROM dialdesk.companies"
            ),
            {"k": campaign},
        )
    offer = Offer(campaign, "Коммерческое предложение для {company}",
                  "Здравствуйте, {person}!\n\nПрайс во вложении.\n\nС уважением, {operator}",
                  "Отдел продаж", "sales@bench.test", 2)  # fmt: skip
    save_offer(engine, offer, [Attachment("Прайс.pdf", b"%PDF-1.4\n" + b"x" * 200_000)], [])
    engine.dispose()
    return int(campaign)


def main() -> int:
    args = parser(__doc__ or "", [10_000]).parse_args()
    letters = args.sizes[0]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Counting()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with bench_database(args.dsn) as dsn:
            wipe(dsn, LOGIN_PREFIX)
            campaign = _fill(dsn, letters)
            admin = make_engine(dsn, pool_size=1)
            with admin.begin() as conn:
                conn.execute(
                    text(
                        "UPDATE dialdesk.mail_settings SET host = '127.0.0.1', port = :p, "
                        "security = 'none', sender_address = 'offers@bench.test', "
                        "letters_per_minute = 100000"
                    ),
                    {"p": port},
                )
            login, password = f"{LOGIN_PREFIX}marketer", "bench-marketer-pw"
            people.add_person(admin, login, "Маркетолог", "marketer", password)
            marketer = make_engine(with_credentials(dsn, login, password), pool_size=2)
            mailing = plan_mailing(marketer, campaign, None)
            started = time.perf_counter()
            result = run_mailing(marketer, mailing)
            seconds = time.perf_counter() - started
            memory = peak_mb()
            marketer.dispose()
            with admin.begin() as conn:
                conn.execute(
                    text(
                        "UPDATE dialdesk.mail_settings SET host = NULL, port = 587, "
                        "security = 'starttls', sender_address = NULL, letters_per_minute = 60"
                    )
                )
            admin.dispose()
            wipe(dsn, LOGIN_PREFIX)
    finally:
        controller.stop()
    once = sum(1 for n in handler.received.values() if n == 1)
    figures = {
        "letters": letters,
        "sent": result.sent,
        "seconds": round(seconds, 2),
        "letters_per_second": round(result.sent / seconds, 1) if seconds else None,
        "peak_mb": round(memory, 1),
        "addresses_with_exactly_one_letter": once,
    }
    print(
        f"mailing: {result.sent} of {letters} letters in {seconds:.1f} s "
        f"({figures['letters_per_second']} letters/s), peak {memory:.0f} MB; "
        f"{once} addresses got exactly one letter"
    )
    report(figures, args.json)
    return 0 if once == letters else 1


if __name__ == "__main__":
    sys.exit(main())
