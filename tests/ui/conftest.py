"""Demo data and logged-in sessions for the widget tests."""

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from dialdesk.services.demo import DemoResult, load_demo
from dialdesk.services.login import LoggedIn, log_in


@pytest.fixture
def demo(db: Engine, demo_prefix: str) -> DemoResult:
    return load_demo(db, 300, login_prefix=demo_prefix)


@pytest.fixture
def session_as(db_dsn: str, demo: DemoResult) -> Iterator:
    opened: list[LoggedIn] = []

    def open_session(role: str) -> LoggedIn:
        login = next(item for item in demo.logins if item.role == role)
        session = log_in(db_dsn, login.login, login.password)
        opened.append(session)
        return session

    yield open_session
    for session in opened:
        session.engine.dispose()
