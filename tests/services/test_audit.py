"""Administrators read and filter the audit log; nobody else may."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from dialdesk.errors import UserError
from dialdesk.services.people.audit import AuditFilter, audit_tables, read_audit
from tests.conftest import Logins
from tests.services.conftest import Floor


def test_admins_see_who_changed_what_and_filter_it(floor: Floor, logins: Logins) -> None:
    company, _, _ = floor.company("ООО Ромашка", holder=floor.me)
    with floor.my_engine.begin() as conn:  # an operator corrects the company's city
        conn.execute(
            text("UPDATE dialdesk.companies SET city = 'Томск_100%' WHERE id = :c"),
            {"c": company},
        )
    admin = logins.as_role("admin")
    assert "companies" in audit_tables(admin)
    lines = read_audit(admin, AuditFilter(table="companies"))
    line = next(item for item in lines if item.action == "UPDATE")
    assert line.row_id == str(company) and line.login.startswith("t_operator_")
    assert line.changes()["city"] == (None, "Томск_100%")
    assert 'city: ∅ → "Томск_100%"' in line.summary()
    assert read_audit(admin, AuditFilter(contains="_100%"))  # typed text, not a pattern
    assert not read_audit(admin, AuditFilter(contains="Т%100"))
    assert not read_audit(admin, AuditFilter(login="nobody"))
    soon = datetime.now(UTC) + timedelta(minutes=5)
    assert not read_audit(admin, AuditFilter(since=soon))


def test_only_administrators_read_the_audit_log(floor: Floor, logins: Logins) -> None:
    for role in ("operator", "supervisor", "marketer"):
        with pytest.raises(UserError, match="refused"):
            read_audit(logins.as_role(role), AuditFilter())
