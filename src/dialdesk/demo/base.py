"""Demo data: a realistic Russian B2B base, two campaigns, call history and one login per role.

Loaded with ``COPY`` in one transaction: either the whole demo is there, or nothing.
"""

import json
import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import phonenumbers
from psycopg import Cursor
from sqlalchemy import Engine, text

from dialdesk.demo import vocabulary as vocab
from dialdesk.demo.deals import load_follow_through
from dialdesk.demo.rows import _Context, _load_base
from dialdesk.errors import UserError, plain_database_errors
from dialdesk.importing.phones import time_zone_for
from dialdesk.services.people.passwords import generate_password, scram_verifier
from dialdesk.services.segments import NOT_CALLED, Criteria

# Logins are shared by the whole PostgreSQL server, so a prefix keeps several demo
# databases on one server apart.
DEFAULT_LOGIN_PREFIX = "demo_"
DEMO_LOGINS = (
    ("operator", "Анна Смирнова", "operator"),
    ("operator2", "Олег Попов", "operator"),
    ("supervisor", "Елена Петрова", "supervisor"),
    ("expert", "Игорь Лебедев", "expert"),
    ("expert2", "Светлана Орлова", "expert"),
    ("marketer", "Мария Иванова", "marketer"),
    ("admin", "Павел Козлов", "admin"),
)
EXPERTS = ("expert", "expert2")  # the sales experts warm and hot companies go to


@dataclass(frozen=True)
class DemoLogin:
    login: str
    role: str
    password: str


@dataclass
class DemoResult:
    companies: int = 0
    phones: int = 0
    contact_persons: int = 0
    calls: int = 0
    callbacks: int = 0
    seconds: float = 0.0
    logins: list[DemoLogin] = field(default_factory=list)


def load_demo(
    engine: Engine,
    companies: int = 2000,
    *,
    seed: int = 7,
    login_prefix: str = DEFAULT_LOGIN_PREFIX,
) -> DemoResult:
    """Fill an empty base with demo data; refuse a base that already holds companies."""
    if companies < 1:
        raise UserError("The number of demo companies must be at least 1.")
    started = time.perf_counter()
    result = DemoResult()
    with plain_database_errors(), engine.begin() as conn:
        existing = conn.execute(text("SELECT count(*) FROM dialdesk.companies")).scalar_one()
        if existing:
            raise UserError(
                "The base already holds {count} companies; demo data is loaded only "
                "into an empty base.",
                count=existing,
            )
        result.logins = _create_logins(conn, login_prefix)
        raw = conn.connection.driver_connection
        assert raw is not None
        with raw.cursor() as cur:
            ctx = _prepare(cur, random.Random(seed), result, login_prefix)
            _load_base(cur, ctx, companies)
            load_follow_through(cur, ctx)
            _add_segments(cur, login_prefix)
            cur.execute(
                "ANALYZE dialdesk.companies, dialdesk.phones, dialdesk.campaign_entries, "
                "dialdesk.calls, dialdesk.callbacks, dialdesk.handoffs, dialdesk.deals, "
                "dialdesk.expert_steps"
            )
    result.seconds = time.perf_counter() - started
    return result


def _create_logins(conn: Any, prefix: str) -> list[DemoLogin]:
    taken = (
        conn.execute(
            text("SELECT rolname FROM pg_roles WHERE rolname = ANY(:names)"),
            {"names": [prefix + suffix for suffix, _, _ in DEMO_LOGINS]},
        )
        .scalars()
        .all()
    )
    if taken:
        raise UserError(
            "Demo logins already exist on this server: {logins}. "
            "Remove them, or load the demo into a fresh server.",
            logins=", ".join(sorted(taken)),
        )
    logins = []
    for suffix, full_name, role in DEMO_LOGINS:
        login = prefix + suffix
        password = generate_password()
        conn.execute(
            text("SELECT dialdesk.create_person(:l, :n, :r, :v)"),
            {"l": login, "n": full_name, "r": role, "v": scram_verifier(password)},
        )
        logins.append(DemoLogin(login, role, password))
    return logins  # the experts take hand-offs from the start (create_person marks them)


def _prepare(cur: Cursor[Any], rng: random.Random, result: DemoResult, prefix: str) -> _Context:
    outcome_ids = dict(cur.execute("SELECT code, id FROM dialdesk.outcome_definitions").fetchall())
    sets_group = {
        code
        for (code,) in cur.execute(
            "SELECT code FROM dialdesk.outcome_definitions WHERE sets_group"
        ).fetchall()
    }
    people = dict(cur.execute("SELECT login, id FROM dialdesk.people").fetchall())
    campaigns = {}
    for key, name, product, script, abandoned in (
        (
            "verify",
            "Новая база: проверка и предложение",
            "Промышленные смазочные материалы",
            "Добрый день! Меня зовут {operator}, компания «ДиалСнаб». Мы поставляем "
            "промышленные масла и смазки заводам и автопаркам вашего региона, со склада и с "
            "доставкой за два дня.\n\nЗвоню, чтобы узнать, кто в {company} отвечает за "
            "закупку смазочных материалов. Подскажите, с кем можно поговорить об этом?\n\n"
            "(Если соединили: «{person}, удобно сейчас две минуты? Какие масла вы берёте и "
            "у кого? Можно я пришлю предложение с ценами под ваши объёмы?»)",
            False,
        ),
        (
            "abandoned",
            "Брошенные клиенты: возврат",
            "Промышленные смазочные материалы",
            "Здравствуйте, {person}! Меня зовут {operator}, компания «ДиалСнаб». Вы раньше "
            "заказывали у нас смазочные материалы для {company}, а в этом году заказов не "
            "было.\n\nСкажите, пожалуйста, почему перестали заказывать? Нам важно понять, "
            "что мы сделали не так.\n\nЕсли вернётесь, первая поставка — со скидкой 10% и "
            "доставкой за наш счёт. Прислать предложение?",
            True,
        ),
    ):
        campaigns[key] = cur.execute(
            "INSERT INTO dialdesk.campaigns (name, product, script, is_abandoned_clients) "
            "VALUES (%s, %s, %s, %s) RETURNING id",
            (name, product, script, abandoned),
        ).fetchone()[0]  # type: ignore[index]
        cur.execute(
            "INSERT INTO dialdesk.campaign_outcomes (campaign_id, outcome_id) "
            "SELECT %s, id FROM dialdesk.outcome_definitions",
            (campaigns[key],),
        )
        cur.execute(
            "INSERT INTO dialdesk.campaign_operators (campaign_id, person_id) "
            "SELECT %s, id FROM dialdesk.people WHERE role IN ('operator', 'supervisor')",
            (campaigns[key],),
        )
    questions = {}
    for key, campaign, position, kind, wording, choices in (
        ("uses", "verify", 1, "yes_no", "Используете ли вы смазочные материалы?", None),
        (
            "volume",
            "verify",
            2,
            "choice",
            "Объём закупок в месяц",
            ["до 100 л", "100-1000 л", "более 1000 л"],
        ),
        ("budget", "verify", 3, "number", "Бюджет на закупки, тыс. руб. в месяц", None),
        ("note", "verify", 4, "text", "Что важно при выборе поставщика?", None),
        (
            "reason",
            "abandoned",
            1,
            "choice",
            "Почему перестали покупать?",
            list(vocab.LEAVING_REASONS),
        ),
        ("return", "abandoned", 2, "yes_no", "Готовы ли рассмотреть новое предложение?", None),
    ):
        questions[key] = cur.execute(
            "INSERT INTO dialdesk.questions (campaign_id, position, kind, text, choices) "
            "VALUES (%s, %s, %s, %s, %s::jsonb) RETURNING id",
            (
                campaigns[campaign],
                position,
                kind,
                wording,
                None if choices is None else _json(choices),
            ),
        ).fetchone()[0]  # type: ignore[index]
    time_zones = {}
    for _, _, code in vocab.CITIES:
        time_zones[code] = time_zone_for(phonenumbers.parse(f"+7{code}{'2' * (10 - len(code))}"))
    return _Context(
        rng=rng,
        now=datetime.now(UTC).replace(microsecond=0),
        outcome_ids=outcome_ids,
        sets_group=sets_group,
        operators=[people[prefix + "operator"], people[prefix + "operator2"]],
        supervisor=people[prefix + "supervisor"],
        experts=[people[prefix + suffix] for suffix in EXPERTS],
        campaigns=campaigns,
        questions=questions,
        time_zones=time_zones,
        result=result,
    )


def _json(values: list[str]) -> str:
    import json

    return json.dumps(values, ensure_ascii=False)


# a marketer's segments, ranked as a marketer would rank them
SEGMENTS = (
    ("Нефть и газ Сибири", "A", Criteria(
        industries=("Нефть и газ",),
        regions=("Новосибирская область", "Омская область", "Красноярский край",
                 "Иркутская область"),
    )),
    ("Тёплые и горячие", "A", Criteria(groups=("warm", "hot"))),
    ("Крупные заводы", "B", Criteria(
        industries=("Машиностроение", "Пищевое производство"),
        staff_bands=("251-1000", "более 1000"),
    )),
    ("Малый бизнес без звонков", "C", Criteria(staff_bands=("до 15",), groups=(NOT_CALLED,))),
)  # fmt: skip


def _add_segments(cur: Cursor[Any], prefix: str) -> None:
    for name, rank, criteria in SEGMENTS:
        cur.execute(
            "INSERT INTO dialdesk.segments (name, rank, criteria, created_by) "
            "SELECT %s, %s, %s, id FROM dialdesk.people WHERE login = %s",
            (name, rank, json.dumps(criteria.as_json(), ensure_ascii=False), prefix + "marketer"),
        )
