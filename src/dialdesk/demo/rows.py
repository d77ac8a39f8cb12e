"""The demo base's rows, made up and written with ``COPY``: companies, phones, contact persons,
queue entries, and a few weeks of calls with their answers and callbacks."""

import random
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from psycopg import Cursor

from dialdesk.demo import vocabulary as vocab
from dialdesk.importing.inn import complete_inn10
from dialdesk.importing.names import name_key

if TYPE_CHECKING:
    from dialdesk.demo.base import DemoResult

OUTCOME_WEIGHTS = {
    "no_contact": 35,
    "cold": 20,
    "competitor": 15,
    "warm": 12,
    "hot": 8,
    "nonexistent": 10,
}


@dataclass
class _Context:
    rng: random.Random
    now: datetime
    outcome_ids: dict[str, int]
    sets_group: set[str]  # codes that say something about the company (not "no contact")
    operators: list[int]
    supervisor: int
    experts: list[int]  # the sales experts warm and hot companies go to, the first most
    campaigns: dict[str, int]
    questions: dict[str, int]
    time_zones: dict[str, str]
    result: "DemoResult"


def _reserve_ids(cur: Cursor[Any], table: str, count: int) -> int:
    """Take ``count`` ids from the table's sequence in one step; return the first."""
    row = cur.execute(
        "SELECT setval(pg_get_serial_sequence(%s, 'id'), "
        "nextval(pg_get_serial_sequence(%s, 'id')) + %s - 1)",
        (f"dialdesk.{table}", f"dialdesk.{table}", count),
    ).fetchone()
    assert row is not None
    last: int = row[0]
    return last - count + 1


def _copy(cur: Cursor[Any], table: str, columns: str, rows: Iterable[tuple[Any, ...]]) -> int:
    count = 0
    with cur.copy(f"COPY dialdesk.{table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


@dataclass
class _Company:
    id: int
    city_code: str
    abandoned: bool
    history: list[tuple[datetime, str]]  # (started_at, outcome code), oldest first
    phone_ids: list[int] = field(default_factory=list)
    decision_maker: str = ""


def _load_base(cur: Cursor[Any], ctx: _Context, count: int) -> None:
    rng = ctx.rng
    first_company = _reserve_ids(cur, "companies", count)
    companies: list[_Company] = []
    codes = list(OUTCOME_WEIGHTS)
    weights = list(OUTCOME_WEIGHTS.values())
    for offset in range(count):
        calls = rng.choice((0, 0, 0, 0, 0, 1, 1, 2, 3)) if rng.random() < 0.55 else 0
        history = sorted(
            (_past_working_moment(rng, ctx.now), rng.choices(codes, weights)[0])
            for _ in range(calls)
        )
        city = rng.choice(vocab.CITIES)
        companies.append(_Company(first_company + offset, city[2], rng.random() < 0.1, history))
    ctx.result.companies = _copy(
        cur,
        "companies",
        "id, name, name_key, legal_form, inn, industry, region, city, address, website, "
        "staff_band, source, current_outcome_id, group_changed_at",
        _company_rows(ctx, companies),
    )
    first_phone = _reserve_ids(cur, "phones", 2 * count)
    ctx.result.phones = _copy(
        cur,
        "phones",
        "id, company_id, e164, extension, raw_text, kind, is_dead, time_zone",
        _phone_rows(ctx, companies, first_phone),
    )
    ctx.result.contact_persons = _copy(
        cur,
        "contact_persons",
        "company_id, full_name, position, role, phone, email",
        _contact_rows(ctx, companies),
    )
    first_entry = _reserve_ids(cur, "campaign_entries", count)
    _copy(
        cur,
        "campaign_entries",
        "id, campaign_id, company_id, state, priority, attempts, next_attempt_at, last_outcome_id",
        _entry_rows(ctx, companies, first_entry),
    )
    _load_history(cur, ctx, companies, first_entry)


def _past_working_moment(rng: random.Random, now: datetime) -> datetime:
    while True:
        day = now - timedelta(days=rng.randint(1, 60))
        if day.weekday() < 5:
            break
    # 06:00-15:00 UTC is 09:00-18:00 in Moscow
    return day.replace(hour=rng.randint(6, 14), minute=rng.randint(0, 59), second=0)


def _company_rows(ctx: _Context, companies: list[_Company]) -> Iterator[tuple[Any, ...]]:
    rng = ctx.rng
    industries = list(vocab.INDUSTRIES)
    by_code = {code: (city, region) for city, region, code in vocab.CITIES}
    for company in companies:
        industry = rng.choice(industries)
        city, region = by_code[company.city_code]
        form = rng.choice(vocab.LEGAL_FORMS)
        noun = rng.choice(vocab.INDUSTRIES[industry])
        adjective = rng.choice(vocab.CITY_WORDS)[vocab.GENDER.get(noun, 0)]
        name = f"{form} «{adjective} {noun}{rng.choice(vocab.NAME_ENDINGS)}»"
        inn = complete_inn10(f"{rng.randint(10, 99)}{company.id:07d}"[-9:])
        telling = [call for call in company.history if call[1] in ctx.sets_group]
        calls = telling or company.history  # the group's rule (migration 0016)
        group = calls[-1] if calls else None
        yield (
            company.id,
            name,
            name_key(name),
            form,
            inn,
            industry,
            region,
            city,
            f"г. {city}, ул. Промышленная, д. {rng.randint(1, 120)}",
            f"https://company{company.id}.example.ru",
            rng.choice(vocab.STAFF_BANDS),
            "Собственная база" if company.abandoned else rng.choice(vocab.SOURCES[:3]),
            ctx.outcome_ids[group[1]] if group else None,
            group[0] if group else None,
        )


def _phone_rows(
    ctx: _Context, companies: list[_Company], first_id: int
) -> Iterator[tuple[Any, ...]]:
    rng = ctx.rng
    next_id = first_id
    for company in companies:
        dead = bool(company.history) and company.history[-1][1] == "nonexistent"
        for index in range(rng.choice((1, 1, 2))):
            code = company.city_code
            subscriber = str(rng.randint(2, 9)) + "".join(
                str(rng.randint(0, 9)) for _ in range(9 - len(code))
            )
            national = code + subscriber
            extension = str(rng.randint(10, 999)) if rng.random() < 0.1 else None
            raw = f"8 ({code}) {subscriber[:-4]}-{subscriber[-4:-2]}-{subscriber[-2:]}"
            if extension:
                raw += f" доб. {extension}"
            company.phone_ids.append(next_id)
            yield (
                next_id,
                company.id,
                "+7" + national,
                extension,
                raw,
                "work",
                dead and index == 0,
                ctx.time_zones[code],
            )
            next_id += 1


def _person_name(rng: random.Random) -> str:
    if rng.random() < 0.4:
        surname, first = rng.choice(vocab.FEMALE)
        patronymic = rng.choice(vocab.PATRONYMICS)[:-2] + "на"
        return f"{surname} {first} {patronymic}"
    return f"{rng.choice(vocab.SURNAMES)} {rng.choice(vocab.FIRST_NAMES)} " + rng.choice(
        vocab.PATRONYMICS
    )


def _contact_rows(ctx: _Context, companies: list[_Company]) -> Iterator[tuple[Any, ...]]:
    rng = ctx.rng
    for company in companies:
        roles = ["decision_maker"] + (["secretary"] if rng.random() < 0.5 else [])
        if rng.random() < 0.3:
            roles.append("influencer")
        for role in roles:
            full_name = _person_name(rng)
            if role == "decision_maker":
                company.decision_maker = full_name
            yield (
                company.id,
                full_name,
                rng.choice(vocab.POSITIONS[role]),
                role,
                None,
                f"info{company.id}@company{company.id}.example.ru" if role != "secretary" else None,
            )


def _entry_state(ctx: _Context, company: _Company) -> tuple[str, datetime | None]:
    if not company.history:
        return "fresh", None
    when, code = company.history[-1]
    if code == "no_contact":
        return "retry", when + timedelta(hours=2)
    if code == "competitor":
        return "retry", when + timedelta(days=90)
    if code == "warm":
        return "callback", None
    return "done", None


def _entry_rows(
    ctx: _Context, companies: list[_Company], first_id: int
) -> Iterator[tuple[Any, ...]]:
    for offset, company in enumerate(companies):
        state, next_attempt = _entry_state(ctx, company)
        campaign = ctx.campaigns["abandoned" if company.abandoned else "verify"]
        last = company.history[-1][1] if company.history else None
        yield (
            first_id + offset,
            campaign,
            company.id,
            state,
            1 if company.abandoned else 0,
            len(company.history),
            next_attempt,
            ctx.outcome_ids[last] if last else None,
        )


def _load_history(
    cur: Cursor[Any], ctx: _Context, companies: list[_Company], first_entry: int
) -> None:
    rng = ctx.rng
    total_calls = sum(len(c.history) for c in companies)
    next_call = _reserve_ids(cur, "calls", max(total_calls, 1))
    calls: list[tuple[Any, ...]] = []
    answers: list[tuple[Any, ...]] = []
    callbacks: list[tuple[Any, ...]] = []
    handoffs: list[tuple[Any, ...]] = []
    for offset, company in enumerate(companies):
        entry_id = first_entry + offset
        campaign_key = "abandoned" if company.abandoned else "verify"
        for started, code in company.history:
            operator = rng.choice(ctx.operators)
            contact = code in ("hot", "warm", "competitor", "cold")
            calls.append(
                (
                    next_call,
                    uuid.uuid4(),
                    entry_id,
                    ctx.campaigns[campaign_key],
                    company.id,
                    company.phone_ids[0],
                    operator,
                    company.decision_maker if contact else None,
                    started,
                    started + timedelta(seconds=rng.randint(20, 400)),
                    ctx.outcome_ids[code],
                    vocab.COMMENTS[code],
                )
            )
            if contact:
                answers.extend(_answers(ctx, next_call, campaign_key, code))
            if code == "warm" and (started, code) == company.history[-1]:
                due = started + timedelta(days=rng.randint(2, 12))
                assigned = operator if rng.random() < 0.7 else None
                callbacks.append(
                    (company.id, entry_id, next_call, due, assigned, operator, "call", "pending")
                )
            if code in ("hot", "warm"):
                expert = ctx.experts[0] if rng.random() < 0.7 else rng.choice(ctx.experts)
                handed = started + timedelta(minutes=rng.randint(2, 30))
                handoffs.append((company.id, next_call, expert, operator, "new", handed))
            next_call += 1
    ctx.result.calls = _copy(
        cur,
        "calls",
        "id, client_id, entry_id, campaign_id, company_id, phone_id, operator_id, spoke_with, "
        "started_at, ended_at, outcome_id, comment",
        calls,
    )
    _copy(cur, "answers", "call_id, question_id, value", answers)
    ctx.result.callbacks = _copy(
        cur,
        "callbacks",
        "company_id, entry_id, call_id, due_at, assigned_to, created_by, kind, state",
        callbacks,
    )
    _copy(cur, "handoffs", "company_id, call_id, expert_id, created_by, state, created_at",
          handoffs)  # fmt: skip


def _answers(
    ctx: _Context, call_id: int, campaign_key: str, code: str
) -> Iterator[tuple[Any, ...]]:
    rng, q = ctx.rng, ctx.questions
    interested = code in ("hot", "warm")
    if campaign_key == "abandoned":
        yield call_id, q["reason"], rng.choice(vocab.LEAVING_REASONS)
        yield call_id, q["return"], "yes" if interested else "no"
        return
    uses = code != "cold"
    yield call_id, q["uses"], "yes" if uses else "no"
    if uses:
        yield call_id, q["volume"], rng.choice(("до 100 л", "100-1000 л", "более 1000 л"))
        yield call_id, q["budget"], str(rng.randint(20, 900))
