"""Offers by e-mail through a real SMTP server on 127.0.0.1: from the card with its
follow-up call, to a segment with cancel and resume, each recipient once; refusals by the
mail server and by the database, over real logins."""

import socket
from datetime import datetime
from pathlib import Path

import keyring
import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from dialdesk.errors import UserError
from dialdesk.services.calendar import is_working_day
from dialdesk.services.mail.card_letter import prepare_letter, send_card_letter
from dialdesk.services.mail.do_not_mail import (
    add_do_not_mail,
    do_not_mail_list,
    remove_do_not_mail,
)
from dialdesk.services.mail.mailing import (
    abandon_mailing,
    mailing_progress,
    plan_mailing,
    preview_mailing,
    run_mailing,
    unfinished_mailing,
)
from dialdesk.services.mail.offer import Attachment, Offer, offer_of, read_attachment, save_offer
from dialdesk.services.mail.settings import KEYRING_SERVICE, save_server
from dialdesk.services.reports import ReportFilter, run_report
from dialdesk.vocabulary import CENTRE_ZONE
from tests.conftest import Logins
from tests.mail_server import MailHandler, SmtpServer
from tests.services.conftest import Floor

PDF = b"%PDF-1.4\n% offer\n" + bytes(range(256)) * 40


def _offer(marketer: Engine, campaign: int, days: int = 2) -> None:
    offer = Offer(
        campaign,
        subject="Коммерческое предложение для {company}",
        body="Здравствуйте, {person}!\n\nПо нашему разговору: прайс во вложении.\n\n"
        "С уважением, {operator}\nhttps://dialdesk.test/price",
        sender_name="Отдел продаж «Ромашка»",
        reply_to="sales@dialdesk.test",
        follow_up_days=days,
    )
    save_offer(marketer, offer, [Attachment("Прайс-лист 2026.pdf", PDF)], [])


def _contact(db: Engine, company: int, name: str, email: str | None, role: str = "other") -> int:
    with db.begin() as conn:
        return int(
            conn.execute(
                text(
                    "INSERT INTO dialdesk.contact_persons (company_id, full_name, email, role) "
                    "VALUES (:c, :n, :e, :r) RETURNING id"
                ),
                {"c": company, "n": name, "e": email, "r": role},
            ).scalar_one()
        )


@pytest.fixture
def mail(floor: Floor, logins: Logins, smtp_server: SmtpServer) -> tuple[Engine, Engine]:
    """The admin's mail server set, the campaign's offer written: (admin, marketer)."""
    admin = logins.as_role("admin")
    marketer = logins.as_role("marketer")
    save_server(admin, smtp_server.settings(), smtp_server.password)
    _offer(marketer, floor.campaign)
    return admin, marketer


def test_an_operator_sends_the_offer_from_the_card_and_the_follow_up_call_appears(
    floor: Floor, mail: tuple[Engine, Engine], smtp_server: SmtpServer
) -> None:
    company, _phone, entry = floor.company("ООО «Альфа»", holder=floor.me)
    person = _contact(floor.db, company, "Иван Петров", "ivan@alfa.test", "decision_maker")
    ready = prepare_letter(floor.my_engine, floor.campaign, company, person, "Ivan@Alfa.test")
    assert ready.letter.subject == "Коммерческое предложение для ООО «Альфа»"
    assert ready.letter.body.startswith("Здравствуйте, Иван Петров!")
    sent = send_card_letter(floor.my_engine, ready)

    [message] = smtp_server.handler.to("ivan@alfa.test")
    assert message["Subject"] == "Коммерческое предложение для ООО «Альфа»"
    assert "=?utf-8?" in message.as_string().split("Subject:")[1].splitlines()[0].lower()
    assert message["From"].addresses[0].display_name == "Отдел продаж «Ромашка»"
    assert message["To"].addresses[0].display_name == "Иван Петров"
    assert message["Reply-To"] == "sales@dialdesk.test"
    assert message["List-Unsubscribe"] == "<mailto:sales@dialdesk.test?subject=unsubscribe>"
    assert message["Message-ID"] == sent.message_id
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and "прайс во вложении" in plain.get_content()
    assert html is not None and '<a href="https://dialdesk.test/price">' in html.get_content()
    [attached] = list(message.iter_attachments())
    assert attached.get_filename() == "Прайс-лист 2026.pdf"
    assert attached.get_content() == PDF

    with floor.db.connect() as conn:
        letter = conn.execute(
            text("SELECT state, email, sent_by, message_id, follow_up_id FROM dialdesk.letters")
        ).one()
        callback = conn.execute(
            text("SELECT due_at, assigned_to, entry_id, kind, state FROM dialdesk.callbacks "
                 "WHERE id = :id"), {"id": letter.follow_up_id},
        ).one()  # fmt: skip
    assert (letter.state, letter.email, letter.sent_by) == ("sent", "ivan@alfa.test", floor.me)
    assert letter.message_id == sent.message_id
    assert (callback.assigned_to, callback.entry_id, callback.kind) == (floor.me, entry, "call")
    assert callback.state == "pending" and callback.due_at == sent.follow_up_at
    due = callback.due_at.astimezone(CENTRE_ZONE)
    assert is_working_day(due.date()) and 9 <= due.hour < 18
    assert due.date() > datetime.now(CENTRE_ZONE).date()


def test_the_database_refuses_a_letter_to_a_company_not_on_the_operators_card(
    floor: Floor, mail: tuple[Engine, Engine], smtp_server: SmtpServer
) -> None:
    company, *_ = floor.company("ООО «Чужая»", holder=floor.other)
    ready = prepare_letter(floor.my_engine, floor.campaign, company, None, "boss@other.test")
    with pytest.raises(UserError, match="no longer hold this company"):
        send_card_letter(floor.my_engine, ready)
    with floor.my_engine.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
        conn.execute(
            text("INSERT INTO dialdesk.letters (campaign_id, company_id, email, subject, state) "
                 "VALUES (:k, :c, 'x@y.test', 's', 'sent')"), {"k": floor.campaign, "c": company},
        )  # fmt: skip
    with floor.my_engine.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
        conn.execute(text("SELECT dialdesk.plan_mailing(:k, NULL, NULL, 's')"),
                     {"k": floor.campaign})  # fmt: skip
    assert smtp_server.handler.received == []


def test_do_not_mail_is_honoured_and_a_refused_address_joins_it(
    floor: Floor, mail: tuple[Engine, Engine], smtp_server: SmtpServer
) -> None:
    company, *_ = floor.company("ООО «Бета»", holder=floor.me)
    assert add_do_not_mail(floor.my_engine, "No@Beta.test", "asked", "просили не писать")
    with pytest.raises(UserError, match="do-not-mail"):
        prepare_letter(floor.my_engine, floor.campaign, company, None, "no@beta.test")
    smtp_server.handler.refuse.add("gone@beta.test")
    ready = prepare_letter(floor.my_engine, floor.campaign, company, None, "gone@beta.test")
    with pytest.raises(UserError, match=r"refused the address gone@beta\.test"):
        send_card_letter(floor.my_engine, ready)
    with floor.db.connect() as conn:
        assert conn.execute(text("SELECT state FROM dialdesk.letters")).scalar_one() == "refused"
        assert (
            conn.execute(
                text("SELECT reason FROM dialdesk.do_not_mail WHERE email = 'gone@beta.test'")
            ).scalar_one()
            == "refused"
        )
        assert conn.execute(text("SELECT count(*) FROM dialdesk.callbacks")).scalar_one() == 0
    assert smtp_server.handler.received == []


def test_login_refused_and_server_down_say_so_and_mark_nothing_sent(
    floor: Floor, mail: tuple[Engine, Engine], smtp_server: SmtpServer, logins: Logins
) -> None:
    company, *_ = floor.company("ООО «Гамма»", holder=floor.me)
    ready = prepare_letter(floor.my_engine, floor.campaign, company, None, "a@gamma.test")
    with pytest.raises(UserError, match="refused the login 'sender'"):
        send_card_letter(floor.my_engine, ready, password="не тот")
    admin = mail[0]
    save_server(admin, smtp_server.settings(port=1), None)  # nothing listens there
    ready = prepare_letter(floor.my_engine, floor.campaign, company, None, "a@gamma.test")
    with pytest.raises(UserError, match=r"Cannot reach the mail server 127\.0\.0\.1:1\b"):
        send_card_letter(floor.my_engine, ready)
    with floor.db.connect() as conn:
        states = conn.execute(text("SELECT state FROM dialdesk.letters ORDER BY id")).scalars()
        assert list(states) == ["failed", "failed"]
    assert smtp_server.handler.received == []


def test_without_a_mail_server_the_letter_goes_to_the_mail_program_and_is_logged(
    floor: Floor, logins: Logins
) -> None:
    _offer(logins.as_role("marketer"), floor.campaign)
    company, *_ = floor.company("ООО «Дельта»", holder=floor.me)
    ready = prepare_letter(floor.my_engine, floor.campaign, company, None, "d@delta.test")
    assert ready.by_mail_program and ready.letter.attachments == ()
    sent = send_card_letter(floor.my_engine, ready)
    assert sent.state == "handed" and sent.mailto is not None
    assert sent.mailto.startswith("mailto:d@delta.test?subject=")
    with floor.db.connect() as conn:
        assert conn.execute(text("SELECT state FROM dialdesk.letters")).scalar_one() == "handed"


def test_an_unknown_merge_field_is_named(floor: Floor, logins: Logins) -> None:
    offer = Offer(floor.campaign, subject="КП для {firma}", body="Текст")
    with pytest.raises(UserError, match=r"unknown merge field \{firma\}"):
        save_offer(logins.as_role("marketer"), offer, [], [])


def _segment(floor: Floor, count: int) -> list[int]:
    """Companies in the campaign with a decision maker each; every third has two."""
    companies = []
    for n in range(count):
        company, *_ = floor.company(f"ООО «Клиент {n}»", phone=f"+7495222{n:04d}")
        _contact(floor.db, company, f"Директор {n}", f"boss{n}@client.test", "decision_maker")
        _contact(floor.db, company, f"Секретарь {n}", f"office{n}@client.test")
        if n % 3 == 0:
            _contact(floor.db, company, f"Зам {n}", f"deputy{n}@client.test", "decision_maker")
        companies.append(company)
    return companies


def _expected(companies: list[int]) -> set[str]:
    wanted = {f"boss{n}@client.test" for n in range(len(companies))}
    return wanted | {f"deputy{n}@client.test" for n in range(0, len(companies), 3)}


def _each_once(smtp_server: SmtpServer) -> dict[str, int]:
    counts: dict[str, int] = {}
    for received in smtp_server.handler.received:
        for address in received.recipients:
            counts[address] = counts.get(address, 0) + 1
    return counts


def test_a_marketer_mails_a_segment_cancels_resumes_and_everyone_gets_one_letter(
    floor: Floor, mail: tuple[Engine, Engine], smtp_server: SmtpServer
) -> None:
    marketer = mail[1]
    companies = _segment(floor, 7)
    bare, *_ = floor.company("ООО «Без почты»", phone="+74953330000")
    add_do_not_mail(marketer, "boss1@client.test")
    preview = preview_mailing(marketer, floor.campaign, [*companies, bare])
    assert (preview.companies, preview.without_email, preview.do_not_mail) == (8, 1, 1)
    mailing = plan_mailing(marketer, floor.campaign, [*companies, bare])
    assert mailing_progress(marketer, mailing).total == len(_expected(companies)) - 1

    seen: list[int] = []
    first = run_mailing(
        marketer, mailing, password=smtp_server.password,
        progress=lambda p: seen.append(p.sent), cancelled=lambda: len(seen) > 3,
    )  # fmt: skip
    assert first.cancelled and 0 < first.sent < first.total and first.waiting > 0
    final = run_mailing(marketer, mailing, password=smtp_server.password)
    assert final.sent == final.total and final.waiting == 0 and not final.cancelled
    counts = _each_once(smtp_server)
    assert counts == dict.fromkeys(_expected(companies) - {"boss1@client.test"}, 1)
    with floor.db.connect() as conn:
        follow_ups = conn.execute(
            text("SELECT cb.assigned_to, e.state FROM dialdesk.letters l "
                 "JOIN dialdesk.callbacks cb ON cb.id = l.follow_up_id "
                 "JOIN dialdesk.campaign_entries e ON e.id = cb.entry_id "
                 "WHERE l.mailing_id = :m"), {"m": mailing},
        ).all()  # fmt: skip
    assert len(follow_ups) == final.sent
    assert {tuple(f) for f in follow_ups} == {(None, "callback")}
    with floor.db.connect() as conn:  # the log keeps each letter's own subject
        subjects = conn.execute(
            text("SELECT DISTINCT l.subject FROM dialdesk.letters l "
                 "WHERE l.mailing_id = :m AND l.company_id = :c"),
            {"m": mailing, "c": companies[0]},
        ).scalars().all()  # fmt: skip
    assert subjects == ["Коммерческое предложение для ООО «Клиент 0»"]


def test_a_line_cut_before_a_letter_stops_the_mailing_and_the_resume_sends_each_once(
    floor: Floor, mail: tuple[Engine, Engine], smtp_server: SmtpServer
) -> None:
    marketer = mail[1]
    companies = _segment(floor, 5)
    mailing = plan_mailing(marketer, floor.campaign, companies)
    smtp_server.handler.cut_at_mail = 3
    with pytest.raises(UserError, match="goes on from where it stopped"):
        run_mailing(marketer, mailing, password=smtp_server.password)
    assert mailing_progress(marketer, mailing).sent == 2
    final = run_mailing(marketer, mailing, password=smtp_server.password)
    assert final.sent == final.total
    assert _each_once(smtp_server) == dict.fromkeys(_expected(companies), 1)


def test_a_line_cut_while_the_server_takes_a_letter_leaves_it_uncertain_never_resent(
    floor: Floor, mail: tuple[Engine, Engine], smtp_server: SmtpServer
) -> None:
    marketer = mail[1]
    companies = _segment(floor, 4)
    mailing = plan_mailing(marketer, floor.campaign, companies)
    smtp_server.handler.cut_in_data = 2
    final = run_mailing(marketer, mailing, password=smtp_server.password)
    assert (final.uncertain, final.sent, final.waiting) == (1, final.total - 1, 0)
    again = run_mailing(marketer, mailing, password=smtp_server.password)
    assert again.sent == final.sent and again.uncertain == 1
    assert sum(_each_once(smtp_server).values()) == final.total - 1
    assert set(_each_once(smtp_server).values()) == {1}


def test_a_sender_that_died_mid_letter_leaves_it_uncertain_and_two_senders_never_meet(
    floor: Floor, mail: tuple[Engine, Engine], smtp_server: SmtpServer, logins: Logins
) -> None:
    marketer = mail[1]
    companies = _segment(floor, 2)
    mailing = plan_mailing(marketer, floor.campaign, companies)
    with marketer.begin() as conn:  # a worker took a letter, then its workstation died
        taken = conn.execute(
            text("SELECT id FROM dialdesk.letters WHERE mailing_id = :m ORDER BY id LIMIT 1"),
            {"m": mailing},
        ).scalar_one()
        assert conn.execute(text("SELECT dialdesk.take_letter(:id, 'КП')"), {"id": taken}).scalar()
    with marketer.connect() as busy:  # another workstation is sending this mailing
        busy.execute(text("SELECT pg_advisory_lock(20180, :m)"), {"m": mailing})
        with pytest.raises(UserError, match="another workstation"):
            run_mailing(logins.as_role("marketer"), mailing, password=smtp_server.password)
        busy.execute(text("SELECT pg_advisory_unlock(20180, :m)"), {"m": mailing})
        busy.commit()
    final = run_mailing(marketer, mailing, password=smtp_server.password)
    assert final.uncertain == 1 and final.sent == final.total - 1
    with floor.db.connect() as conn:
        state = conn.execute(
            text("SELECT email, state FROM dialdesk.letters WHERE id = :id"), {"id": taken}
        ).one()
    assert state.state == "uncertain" and state.email not in _each_once(smtp_server)


def test_the_password_is_kept_in_the_keyring_not_in_the_database(
    logins: Logins, smtp_server: SmtpServer, db: Engine
) -> None:
    save_server(logins.as_role("admin"), smtp_server.settings(), "секрет-42")
    with db.connect() as conn:
        row = conn.execute(text("SELECT * FROM dialdesk.mail_settings")).mappings().one()
        audit = conn.execute(text("SELECT count(*) FROM dialdesk.audit_log "
                                  "WHERE new_row::text LIKE '%секрет%'")).scalar_one()  # fmt: skip
    assert "секрет-42" not in str(dict(row)) and audit == 0
    assert keyring.get_password(KEYRING_SERVICE, smtp_server.settings().keyring_user) == "секрет-42"
    operator = logins.as_role("operator")
    with operator.connect() as conn, pytest.raises(DBAPIError, match="permission denied"):
        conn.execute(text("UPDATE dialdesk.mail_settings SET host = 'evil.test'"))


def test_a_server_that_asks_for_no_login_takes_the_letter(floor: Floor, logins: Logins) -> None:
    handler = MailHandler()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        server = SmtpServer(handler, port).settings(login="")
        save_server(logins.as_role("admin"), server, None)
        _offer(logins.as_role("marketer"), floor.campaign)
        company, *_ = floor.company("ООО «Открытая»", holder=floor.me)
        ready = prepare_letter(floor.my_engine, floor.campaign, company, None, "o@open.test")
        assert send_card_letter(floor.my_engine, ready).state == "sent"
    finally:
        controller.stop()
    assert len(handler.to("o@open.test")) == 1


def test_an_address_put_on_do_not_mail_after_the_preview_gets_no_letter(
    floor: Floor, mail: tuple[Engine, Engine], smtp_server: SmtpServer
) -> None:
    company, *_ = floor.company("ООО «Передумали»", holder=floor.me)
    ready = prepare_letter(floor.my_engine, floor.campaign, company, None, "late@no.test")
    add_do_not_mail(mail[1], "late@no.test")  # a colleague, while the preview was open
    with pytest.raises(UserError, match=r"late@no\.test is on the do-not-mail list: no letter"):
        send_card_letter(floor.my_engine, ready)
    with floor.db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM dialdesk.letters")).scalar_one() == 0
    assert smtp_server.handler.received == []


@pytest.mark.parametrize("typed", ["", "ivan@alfa", "ivan,petrov@alfa.ru", "ivan..p@alfa.ru"])
def test_a_typed_address_is_checked_before_the_preview(
    floor: Floor, logins: Logins, typed: str
) -> None:
    _offer(logins.as_role("marketer"), floor.campaign)
    company, *_ = floor.company("ООО «Опечатка»", holder=floor.me)
    with pytest.raises(UserError, match="is not an"):
        prepare_letter(floor.my_engine, floor.campaign, company, None, typed)


def test_an_offer_reads_back_with_its_attachments_and_files_are_checked(
    floor: Floor, logins: Logins, tmp_path: Path
) -> None:
    marketer = logins.as_role("marketer")
    _offer(marketer, floor.campaign, days=3)
    offer = offer_of(marketer, floor.campaign)
    assert offer is not None and offer.follow_up_days == 3
    assert offer.attachments == ["Прайс-лист 2026.pdf"]
    price = tmp_path / "Условия поставки.docx"
    price.write_bytes(b"PK\x03\x04 docx")
    assert read_attachment(price).mime_type.endswith("wordprocessingml.document")
    program = tmp_path / "setup.exe"
    program.write_bytes(b"MZ")
    with pytest.raises(UserError, match=r"setup\.exe cannot be attached"):
        read_attachment(program)
    big = tmp_path / "Каталог.pdf"
    with big.open("wb") as handle:
        handle.truncate(10 * 1024 * 1024 + 1)
    with pytest.raises(UserError, match=r"at most 10 MB"):
        read_attachment(big)


def test_the_do_not_mail_list_reads_and_forgets_an_address(logins: Logins) -> None:
    marketer = logins.as_role("marketer")
    assert add_do_not_mail(marketer, "Ask@Me.test", "asked", "просил по телефону")
    assert not add_do_not_mail(marketer, "ask@me.test")  # there already
    [entry] = do_not_mail_list(marketer)
    assert (entry.email, entry.reason, entry.note) == ("ask@me.test", "asked", "просил по телефону")
    assert remove_do_not_mail(marketer, "ASK@me.test ")
    assert do_not_mail_list(marketer) == []
    operator = logins.as_role("operator")
    add_do_not_mail(operator, "stop@me.test")
    with pytest.raises(UserError, match="permission denied"):
        remove_do_not_mail(operator, "stop@me.test")


def test_only_marketers_and_admins_may_give_up_a_mailing(
    floor: Floor, mail: tuple[Engine, Engine], logins: Logins
) -> None:
    marketer = mail[1]
    mailing = plan_mailing(marketer, floor.campaign, _segment(floor, 2))
    for role in ("operator", "supervisor", "expert"):
        with pytest.raises(UserError, match="permission denied"):
            abandon_mailing(logins.as_role(role), mailing)
    assert unfinished_mailing(marketer, floor.campaign) is not None
    abandon_mailing(marketer, mailing)
    assert unfinished_mailing(marketer, floor.campaign) is None
    assert mailing_progress(marketer, mailing).sent == 0


def _call(floor: Floor, company: int, code: str, minutes_from_now: int) -> None:
    with floor.db.begin() as conn:
        conn.execute(
            text("INSERT INTO dialdesk.calls (client_id, company_id, campaign_id, operator_id, "
                 "started_at, ended_at, outcome_id) SELECT gen_random_uuid(), :c, :k, :op, "
                 "now() + make_interval(mins => :m), now() + make_interval(mins => :m), id "
                 "FROM dialdesk.outcome_definitions WHERE code = :code"),
            {"c": company, "k": floor.campaign, "op": floor.me, "m": minutes_from_now,
             "code": code},
        )  # fmt: skip


def test_the_offers_report_shows_what_followed_the_letters(
    floor: Floor, mail: tuple[Engine, Engine], smtp_server: SmtpServer
) -> None:
    marketer = mail[1]
    card_company, *_ = floor.company("ООО «Карта»", holder=floor.me)
    person = _contact(floor.db, card_company, "Иван", "ivan@card.test", "decision_maker")
    send_card_letter(
        floor.my_engine,
        prepare_letter(floor.my_engine, floor.campaign, card_company, person, "ivan@card.test"),
    )
    companies = _segment(floor, 4)  # 0 and 3 have deputies: 6 letters to 4 companies
    with floor.db.begin() as conn:
        segment = conn.execute(
            text("INSERT INTO dialdesk.segments (name, criteria) VALUES ('Сибирь', '{}') "
                 "RETURNING id")
        ).scalar_one()  # fmt: skip
    mailing = plan_mailing(marketer, floor.campaign, companies, segment)
    run_mailing(marketer, mailing, password=smtp_server.password)
    _call(floor, companies[0], "cold", -600)  # before the letter: not counted
    _call(floor, companies[0], "hot", 5)
    _call(floor, companies[1], "no_contact", 5)
    _call(floor, companies[2], "cold", 5)
    _call(floor, card_company, "warm", 5)
    with floor.db.begin() as conn:  # the first company's follow-up call was made
        conn.execute(
            text("UPDATE dialdesk.callbacks SET state = 'done', done_at = now() WHERE id = "
                 "(SELECT follow_up_id FROM dialdesk.letters WHERE company_id = :c "
                 "ORDER BY id LIMIT 1)"), {"c": companies[0]},
        )  # fmt: skip

    report = run_report(marketer, "offers", ReportFilter(floor.campaign))
    lines = dict(zip(report.rows, report.cells, strict=True))
    campaign = next(iter(report.rows)).split(" — ")[0]
    assert lines[f"{campaign} — from the card"] == [1, 1, 1, 0, 1, 1, 1, 100.0, 100.0, 100.0]
    assert lines[f"{campaign} — Сибирь"] == [6, 4, 6, 1, 3, 2, 1, 50.0, 25.0, 66.7]
    assert report.totals == [7, 5, 7, 1, 4, 3, 2, 60.0, 40.0, 75.0]
