"""The demo base past the hand-off: hand-offs new, accepted and returned; deals at every
stage with the experts' contacts that moved them; won clients (some buying twice) and
sleeping clients who bought long ago and stopped."""

import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from psycopg import Cursor

from dialdesk.demo.rows import _Context, _copy, _reserve_ids

STAGES = {"open": 18, "meeting": 12, "offer": 22, "invoice": 8, "won": 26, "lost": 14}
STEPS_TO = {  # the steps an expert made to bring a deal to its stage
    "open": ("call",),
    "meeting": ("call", "meeting"),
    "offer": ("call", "meeting", "offer"),
    "invoice": ("call", "offer", "invoice"),
    "won": ("call", "meeting", "offer", "won"),
    "lost": ("call", "offer", "lost"),
}
COMMENTS = {
    "call": "Созвонились, уточнили объёмы и сроки",
    "meeting": "Встреча у клиента: показали образцы",
    "offer": "Отправили КП с ценами под их объёмы",
    "invoice": "Выставили счёт на первую поставку",
    "won": "Счёт оплачен, первая поставка согласована",
    "lost": "Отказались",
}
RETURNS = ("Не наш профиль: им нужна другая продукция", "Уже работают с нашим дилером")
PRODUCTS = ("Моторные масла", "Гидравлические масла", "Смазки для подшипников", "СОЖ")


class _Made:
    def __init__(self) -> None:
        self.deals: list[tuple[Any, ...]] = []
        self.steps: list[tuple[Any, ...]] = []
        self.plans: list[tuple[Any, ...]] = []
        self.owners: dict[int, int] = {}
        self.bought: dict[int, list[tuple[datetime, Decimal]]] = {}


def load_follow_through(cur: Cursor[Any], ctx: _Context) -> None:
    rng, now = ctx.rng, ctx.now
    latest = cur.execute(
        "SELECT DISTINCT ON (h.company_id) h.id, h.company_id, h.expert_id, h.created_at, "
        "c.campaign_id FROM dialdesk.handoffs h JOIN dialdesk.calls c ON c.id = h.call_id "
        "ORDER BY h.company_id, h.created_at DESC, h.id DESC"
    ).fetchall()
    cur.execute(  # an earlier hand-off of the same company was dealt with before
        "UPDATE dialdesk.handoffs SET state = 'closed' WHERE NOT id = ANY(%s)",
        ([row[0] for row in latest],),
    )
    reasons = [r[0] for r in cur.execute("SELECT id FROM dialdesk.lost_reasons").fetchall()]
    made = _Made()
    first_deal = _reserve_ids(cur, "deals", 2 * len(latest) + 200)
    next_deal = first_deal
    accepted: list[tuple[Any, ...]] = []
    returned: list[tuple[Any, ...]] = []
    for handoff, company, expert, handed, campaign in latest:
        roll = rng.random()
        if now - handed < timedelta(hours=6) or roll < 0.22:
            continue  # new: waiting for the expert (the older ones overdue on the monitor)
        taken = min(handed + timedelta(hours=rng.randint(1, 30)), now - timedelta(hours=2))
        if roll < 0.3:
            returned.append((taken, rng.choice(RETURNS), handoff))
            continue
        accepted.append((taken, handoff))
        made.owners[company] = expert
        stage = rng.choices(list(STAGES), list(STAGES.values()))[0]
        _deal(made, ctx, next_deal, company, expert, handoff, campaign, stage, taken, reasons)
        next_deal += 1
    for company, expert in _sleeping(cur, ctx):
        made.owners[company] = expert
        long_ago = now - timedelta(days=rng.randint(200, 500))
        _deal(made, ctx, next_deal, company, expert, None, None, "won", long_ago, reasons)
        next_deal += 1
    for company, purchases in list(made.bought.items()):  # a third buy again: retention
        if rng.random() < 0.35 and purchases[-1][0] < now - timedelta(days=20):
            again = purchases[-1][0] + timedelta(days=rng.randint(10, 19))
            _deal(made, ctx, next_deal, company, made.owners[company], None, None, "won",
                  again, reasons, steps=("call", "won"))  # fmt: skip
            next_deal += 1
    _write(cur, made, accepted, returned)


def _deal(
    made: _Made, ctx: _Context, deal: int, company: int, expert: int, handoff: int | None,
    campaign: int | None, stage: str, opened: datetime, reasons: list[int],
    steps: tuple[str, ...] | None = None,
) -> None:  # fmt: skip
    rng, now = ctx.rng, ctx.now
    amount = Decimal(rng.randrange(40, 900) * 1000)
    at = opened
    for number, kind in enumerate(steps or STEPS_TO[stage]):
        at = min(at + timedelta(days=rng.randint(0, 4), hours=rng.randint(1, 6)), now)
        if number:  # the expert had planned this contact at the one before, and kept it
            planned = at - timedelta(minutes=rng.choice((0, 10, 90)))
            made.plans.append((company, planned, expert, expert, _plan_kind(kind), "done",
                               COMMENTS["call"], at))  # fmt: skip
        step_amount = amount if kind in ("offer", "invoice", "won") else None
        reason = rng.choice(reasons) if kind == "lost" else None
        made.steps.append((uuid.uuid4(), company, expert, deal, kind, at, step_amount,
                           COMMENTS[kind], reason))  # fmt: skip
    closed = at if stage in ("won", "lost") else None
    made.deals.append((deal, company, expert, handoff, campaign, rng.choice(PRODUCTS),
                       amount if stage != "open" else None, stage, closed,
                       made.steps[-1][8] if stage == "lost" else None, opened))  # fmt: skip
    if stage == "won":
        made.bought.setdefault(company, []).append((at, amount))
    elif stage != "lost":  # an open deal has its next contact planned: today, late or later
        due = now + timedelta(hours=rng.choice((-30, -3, 2, 5, 26, 75, 170)))
        kind = rng.choice(("call", "call", "meeting", "send_offer"))
        made.plans.append((company, due, expert, expert, kind, "pending", COMMENTS["call"], None))


def _plan_kind(step: str) -> str:
    return {"meeting": "meeting", "offer": "send_offer"}.get(step, "call")


def _sleeping(cur: Cursor[Any], ctx: _Context) -> list[tuple[int, int]]:
    """Companies nobody has phoned yet that bought from us long ago and stopped."""
    rows = cur.execute(
        "SELECT c.id FROM dialdesk.companies c WHERE NOT EXISTS (SELECT 1 FROM "
        "dialdesk.handoffs h WHERE h.company_id = c.id) ORDER BY c.id LIMIT 60"
    ).fetchall()
    return [(row[0], ctx.rng.choice(ctx.experts)) for row in rows[::3]]


def _write(
    cur: Cursor[Any], made: _Made, accepted: list[tuple[Any, ...]], returned: list[tuple[Any, ...]]
) -> None:
    cur.executemany(
        "UPDATE dialdesk.handoffs SET state = 'accepted', accepted_at = %s WHERE id = %s",
        accepted,
    )
    cur.executemany(
        "UPDATE dialdesk.handoffs SET state = 'returned', returned_at = %s, return_reason = %s "
        "WHERE id = %s",
        returned,
    )
    cur.executemany(
        "UPDATE dialdesk.companies SET expert_id = %s WHERE id = %s",
        [(expert, company) for company, expert in made.owners.items()],
    )
    _copy(cur, "deals", "id, company_id, expert_id, handoff_id, campaign_id, product, amount, "
          "stage, closed_at, lost_reason_id, created_at", made.deals)  # fmt: skip
    _copy(cur, "expert_steps", "client_id, company_id, expert_id, deal_id, kind, made_at, "
          "amount, comment, lost_reason_id", made.steps)  # fmt: skip
    _copy(cur, "callbacks", "company_id, due_at, assigned_to, created_by, kind, state, note, "
          "done_at", made.plans)  # fmt: skip
    cur.executemany(
        "UPDATE dialdesk.companies SET client_since = %s, last_purchase_on = %s, "
        "total_bought = %s WHERE id = %s",
        [
            (bought[0][0].date(), bought[-1][0].date(), sum(a for _, a in bought), company)
            for company, bought in made.bought.items()
        ],
    )
