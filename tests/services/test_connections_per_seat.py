"""A workstation holds at most three server connections: two for its work (the second only
while two jobs overlap) and one for its listener."""

import threading

from sqlalchemy import Engine, text

from dialdesk.db.listener import NotificationListener
from dialdesk.services.people.accounts import whoami
from dialdesk.services.people.login import log_in
from tests.conftest import Logins


def test_a_seat_uses_at_most_two_connections_for_its_work_and_one_for_news(
    db: Engine, db_dsn: str, logins: Logins
) -> None:
    login, password = logins.add("supervisor")
    seat = log_in(db_dsn, login, password)
    listener = NotificationListener(seat.dsn, ("dialdesk_floor",))
    listener.connect()
    seen: list[int] = []
    busy = threading.Barrier(8)

    def work() -> None:  # eight background tasks at once, as the window starts them
        busy.wait()
        with seat.engine.connect() as conn:
            conn.execute(text("SELECT pg_sleep(0.05)"))
        whoami(seat.engine)
        with db.connect() as conn:
            seen.append(
                conn.execute(
                    text("SELECT count(*) FROM pg_stat_activity WHERE usename = :l"), {"l": login}
                ).scalar_one()
            )

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    listener.close()
    seat.engine.dispose()
    assert len(seen) == 8 and max(seen) <= 3
