"""Finding a company by name, INN or phone, with the entry it opens on and who holds it."""

from sqlalchemy import text

from dialdesk.services.shift.open_entry import open_entry
from dialdesk.services.shift.search import find_caller, find_companies
from tests.services.conftest import Floor


def test_by_name_inn_or_phone_in_any_writing(floor: Floor) -> None:
    company, _, entry = floor.company("ООО «Ромашка-Север»", phone="+73833530367")
    floor.company("ООО Лютик", phone="+74951112233")
    with floor.db.begin() as conn:
        conn.execute(text("UPDATE dialdesk.companies SET inn = '7707083893' WHERE id = :c"),
                     {"c": company})  # fmt: skip
    for query in ("ромашка", "Ромашка-север", "7707083893", "8 (383) 353-03-67", "3530367"):
        found = find_companies(floor.my_engine, floor.me, query)
        assert [(f.company_id, f.entry_id) for f in found] == [(company, entry)], query
    assert found[0].phones == "+73833530367" and found[0].held_by is None
    assert find_companies(floor.my_engine, floor.me, "р") == []  # too short to mean anything
    assert find_companies(floor.my_engine, floor.me, "100%_") == []  # no wildcards


def test_a_caller_is_found_with_the_colleague_who_holds_the_company(floor: Floor) -> None:
    _, _, entry = floor.company("ООО Звонит", phone="+79132097263")
    open_entry(floor.other_engine, floor.other, entry)
    found = find_caller(floor.my_engine, floor.me, "+7 913 209-72-63")
    assert len(found) == 1 and found[0].held_by and not found[0].mine
    mine = find_caller(floor.other_engine, floor.other, "89132097263")
    assert mine[0].mine and mine[0].held_by is None
