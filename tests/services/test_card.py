"""The card: everything about the company, and edits that never silently overwrite."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from dialdesk.errors import UserError
from dialdesk.services.shift.card import (
    EditConflict,
    list_contacts,
    load_card,
    save_company,
    save_contact,
)
from dialdesk.services.shift.outcomes import OutcomeInput, record_outcome
from dialdesk.services.shift.phones import save_phone, set_phone_dead
from dialdesk.services.shift.queue import claim_next_entry
from tests.services.conftest import Floor
from tests.services.test_queue import MONDAY_10_MSK


def test_card_holds_company_phones_campaign_outcomes_and_history(floor: Floor) -> None:
    company, phone, entry = floor.company("ООО Ромашка", "+73832223344", "Asia/Novosibirsk")
    with floor.db.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.contact_persons (company_id, full_name, role) VALUES "
                "(:c, 'Секретарь Анна', 'secretary'), (:c, 'Директор Иван', 'decision_maker')"
            ),
            {"c": company},
        )
        conn.execute(
            text("UPDATE dialdesk.campaigns SET script = 'Здравствуйте, {person}!' WHERE id = :k"),
            {"k": floor.campaign},
        )
    assert claim_next_entry(floor.my_engine, floor.me, now=MONDAY_10_MSK) is not None
    now = datetime.now(UTC)
    record_outcome(
        floor.my_engine,
        floor.me,
        OutcomeInput(
            uuid.uuid4(),
            entry,
            "no_contact",
            now - timedelta(minutes=1),
            now,
            phone_id=phone,
            comment="занято",
        ),
    )
    card = load_card(floor.my_engine, company, floor.campaign)
    assert card.company["name"] == "ООО Ромашка" and card.row_version == 1
    assert [p.e164 for p in card.phones] == ["+73832223344"]
    assert card.phones[0].local_time(MONDAY_10_MSK) == "14:00"
    assert [c.role for c in card.contacts] == ["decision_maker", "secretary"]
    assert card.script == "Здравствуйте, {person}!"
    assert [o.code for o in card.outcomes][:2] == ["hot", "warm"]
    assert card.outcomes[0].hotkey == "F1"
    assert [(h.kind, h.outcome_code) for h in card.history] == [("call", "no_contact")]
    assert "занято" in card.history[0].text


def test_concurrent_edit_is_a_conflict_not_an_overwrite(floor: Floor) -> None:
    company, _, _ = floor.company("ООО Ромашка", holder=floor.me)
    card = load_card(floor.my_engine, company, floor.campaign)
    # a supervisor corrects the company while it is on my card
    theirs = save_company(floor.db, company, card.row_version, {"city": "Омск"})
    assert theirs == card.row_version + 1
    with pytest.raises(EditConflict) as conflict:
        save_company(floor.my_engine, company, card.row_version, {"city": "Томск"})
    assert conflict.value.current["city"] == "Омск"
    assert conflict.value.version == theirs
    assert save_company(floor.my_engine, company, theirs, {"city": "Томск"}) == theirs + 1


def test_empty_name_and_unknown_fields_are_refused(floor: Floor) -> None:
    company, _, _ = floor.company("ООО Ромашка")
    with pytest.raises(UserError, match="name cannot be empty"):
        save_company(floor.my_engine, company, 1, {"name": "  "})
    with pytest.raises(UserError, match="cannot be edited"):
        save_company(floor.my_engine, company, 1, {"current_outcome_id": 1})


def test_mark_a_number_dead(floor: Floor) -> None:
    company, phone, _ = floor.company("ООО Ромашка", holder=floor.me)
    set_phone_dead(floor.my_engine, phone)
    assert load_card(floor.my_engine, company, floor.campaign).phones[0].is_dead


def test_add_and_edit_contact_persons(floor: Floor) -> None:
    company, _, _ = floor.company("ООО Ромашка", holder=floor.me)
    secretary = save_contact(
        floor.my_engine, company, "Анна", "secretary", phone="8 (495) 123-45-67 доб. 12"
    )
    boss = save_contact(floor.my_engine, company, "Иван Петров", "decision_maker")
    phones = {c.id: c.phone for c in list_contacts(floor.my_engine, company)}
    assert phones[secretary] == "+74951234567 доб. 12"  # checked, kept as a number
    assert [c.full_name for c in list_contacts(floor.my_engine, company)] == ["Иван Петров", "Анна"]
    save_contact(
        floor.my_engine,
        company,
        "Анна Сергеевна",
        "secretary",
        email="a@x.ru",
        contact_id=secretary,
    )
    contacts = {c.id: c for c in list_contacts(floor.my_engine, company)}
    assert (contacts[secretary].full_name, contacts[secretary].email) == (
        "Анна Сергеевна",
        "a@x.ru",
    )
    assert contacts[boss].role == "decision_maker"
    with pytest.raises(UserError, match="name"):
        save_contact(floor.my_engine, company, " ", "other")


@pytest.mark.parametrize(
    ("change", "refusal"),
    [
        ({"phone": "123"}, "The phone 123 is not a phone number"),
        ({"phone": "+7 495 1"}, "The phone +7 495 1 is not a phone number"),
        ({"email": "sidorov@"}, "The e-mail sidorov@ is not an address"),
        ({"email": "sidorov@romashka"}, "is not an address"),
        ({"position": "Д" * 301}, "The field position is 301 characters long; at most 300 fit."),
    ],
)
def test_a_contact_persons_phone_and_email_are_checked(
    floor: Floor, change: dict[str, str], refusal: str
) -> None:
    company, _, _ = floor.company("ООО Ромашка")
    with pytest.raises(UserError) as refused:
        save_contact(floor.my_engine, company, "Сидоров", "other", **change)
    assert refusal in str(refused.value)
    assert list_contacts(floor.my_engine, company) == []


def test_a_card_field_longer_than_its_limit_is_refused_by_name(floor: Floor) -> None:
    company, _, _ = floor.company("ООО Ромашка")
    card = load_card(floor.my_engine, company, floor.campaign)
    with pytest.raises(UserError, match="The field name is 501 characters long"):
        save_company(floor.my_engine, company, card.row_version, {"name": "Я" * 501})


def test_a_phone_is_added_corrected_and_marked_dead_and_back(floor: Floor) -> None:
    company, first, _ = floor.company("ООО Ромашка", phone="+74952223344", holder=floor.me)
    added = save_phone(floor.my_engine, company, "8 (913) 209-72-63", "12")
    card = load_card(floor.my_engine, company, floor.campaign)
    phone = next(p for p in card.phones if p.id == added)
    assert (phone.e164, phone.extension) == ("+79132097263", "12")
    assert phone.time_zone == "Europe/Moscow"  # a mobile says nothing of its region
    save_phone(floor.my_engine, company, "+7 383 353-03-67 доб. 5", phone_id=added)
    card = load_card(floor.my_engine, company, floor.campaign)
    phone = next(p for p in card.phones if p.id == added)
    assert (phone.e164, phone.extension) == ("+73833530367", "5")
    assert phone.time_zone == "Asia/Novosibirsk"  # corrected to a Novosibirsk number
    with pytest.raises(UserError, match="not a phone number"):
        save_phone(floor.my_engine, company, "123")
    with pytest.raises(UserError, match="already has the number"):
        save_phone(floor.my_engine, company, "+7 495 222-33-44")
    set_phone_dead(floor.my_engine, first)
    set_phone_dead(floor.my_engine, first, dead=False)  # undone
    card = load_card(floor.my_engine, company, floor.campaign)
    assert not next(p for p in card.phones if p.id == first).is_dead


def test_a_stale_contact_dialog_does_not_overwrite_a_colleagues_edit(floor: Floor) -> None:
    company, _, _ = floor.company("ООО Ромашка", holder=floor.me)
    contact = save_contact(floor.my_engine, company, "Анна", "secretary")
    opened = list_contacts(floor.my_engine, company)[0]  # my dialog opens with this
    # a supervisor corrects the same person meanwhile, from the version they saw
    save_contact(floor.db, company, "Анна Сергеевна", "secretary", phone="+7 495 123-45-67",
                 contact_id=contact, version=opened.row_version)  # fmt: skip
    with pytest.raises(UserError, match="changed this contact person meanwhile"):
        save_contact(floor.my_engine, company, "Аня", "other", contact_id=contact,
                     version=opened.row_version)  # fmt: skip
    now = list_contacts(floor.my_engine, company)[0]
    assert (now.full_name, now.row_version) == ("Анна Сергеевна", opened.row_version + 1)
    save_contact(floor.my_engine, company, "Аня", "other", contact_id=contact,
                 version=now.row_version)  # fmt: skip
    assert list_contacts(floor.my_engine, company)[0].full_name == "Аня"


def test_a_stale_phone_dialog_does_not_overwrite_a_colleagues_correction(floor: Floor) -> None:
    company, phone, _ = floor.company("ООО Ромашка", phone="+74952223344", holder=floor.me)
    opened = load_card(floor.my_engine, company, floor.campaign).phones[0]
    save_phone(floor.db, company, "+7 495 222-33-55", phone_id=phone, version=opened.row_version)
    with pytest.raises(UserError, match=r"corrected this number meanwhile \(now: \+74952223355"):
        save_phone(floor.my_engine, company, "+7 495 222-33-66", phone_id=phone,
                   version=opened.row_version)  # fmt: skip
    assert load_card(floor.my_engine, company, floor.campaign).phones[0].e164 == "+74952223355"
