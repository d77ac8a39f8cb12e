"""The admin's settings of the sales desk: the office hours an expert has to take a
hand-off, the days without a purchase after which a client sleeps, and the reasons a deal
may be lost.  Only admins may change them; the database refuses anyone else."""

import logging
from dataclasses import dataclass

from sqlalchemy import Engine, text

from dialdesk.errors import UserError, plain_database_errors

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SalesSettings:
    handoff_accept_hours: int = 4
    sleeping_days: int = 180


@dataclass(frozen=True)
class ReasonRow:
    id: int
    label_ru: str
    label_en: str
    active: bool


def load_sales_settings(engine: Engine) -> tuple[SalesSettings, list[ReasonRow]]:
    with plain_database_errors(), engine.connect() as conn:
        hours, days = conn.execute(
            text("SELECT handoff_accept_hours, sleeping_days FROM dialdesk.sales_settings")
        ).one()
        reasons = [
            ReasonRow(*row)
            for row in conn.execute(
                text(
                    "SELECT id, label_ru, label_en, active FROM dialdesk.lost_reasons "
                    "ORDER BY sort_order, id"
                )
            )
        ]
    return SalesSettings(int(hours), int(days)), reasons


def save_sales_settings(engine: Engine, settings: SalesSettings) -> None:
    if not 1 <= settings.handoff_accept_hours <= 200:
        raise UserError("An expert's time to take a hand-off is from 1 to 200 working hours.")
    if not 7 <= settings.sleeping_days <= 3650:
        raise UserError("A client sleeps after 7 to 3650 days without a purchase.")
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE dialdesk.sales_settings SET handoff_accept_hours = :h, sleeping_days = :d"
            ),
            {"h": settings.handoff_accept_hours, "d": settings.sleeping_days},
        )
    log.info("sales settings: %s", settings)


def add_lost_reason(engine: Engine, label_ru: str, label_en: str) -> int:
    label_ru, label_en = label_ru.strip(), label_en.strip() or label_ru.strip()
    if not label_ru:
        raise UserError("Write the reason as people will read it.")
    if len(label_ru) > 100 or len(label_en) > 100:
        raise UserError("A reason is at most 100 characters long.")
    code = "r_" + "".join(ch if ch.isalnum() else "_" for ch in label_en.lower())[:36]
    with plain_database_errors(), engine.begin() as conn:
        taken = conn.execute(
            text("SELECT 1 FROM dialdesk.lost_reasons WHERE lower(label_ru) = lower(:l)"),
            {"l": label_ru},
        ).first()
        if taken:
            raise UserError("The reason '{label}' is on the list already.", label=label_ru)
        return int(
            conn.execute(
                text(
                    "INSERT INTO dialdesk.lost_reasons (code, label_ru, label_en, sort_order) "
                    "SELECT :code || '_' || (count(*) + 1), :ru, :en, "
                    "coalesce(max(sort_order), 0) + 10 FROM dialdesk.lost_reasons "
                    "RETURNING id"
                ),
                {"code": code, "ru": label_ru, "en": label_en},
            ).scalar_one()
        )


def set_reason_active(engine: Engine, reason_id: int, active: bool) -> None:
    """A reason no longer offered stays on the deals lost for it."""
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text("UPDATE dialdesk.lost_reasons SET active = :a WHERE id = :r"),
            {"a": active, "r": reason_id},
        )


@dataclass(frozen=True)
class ProductPeriod:
    id: int
    product: str
    sleeping_days: int


def product_periods(engine: Engine) -> list[ProductPeriod]:
    """The products whose clients sleep after a period of their own."""
    with plain_database_errors(), engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, product, sleeping_days FROM dialdesk.sleeping_products "
                 "ORDER BY lower(product)")
        )  # fmt: skip
        return [ProductPeriod(*row) for row in rows]


def set_product_period(engine: Engine, product: str, days: int) -> None:
    """Give ``product`` its own sleeping period (or change it); the product as the deals
    name it, whatever the letter case."""
    product = product.strip()
    if not product:
        raise UserError("Write the product as the deals name it.")
    if len(product) > 200:
        raise UserError("A product is at most 200 characters long.")
    if not 7 <= days <= 3650:
        raise UserError("A client sleeps after 7 to 3650 days without a purchase.")
    with plain_database_errors(), engine.begin() as conn:
        changed = conn.execute(
            text("UPDATE dialdesk.sleeping_products SET sleeping_days = :d "
                 "WHERE lower(product) = lower(:p)"),
            {"p": product, "d": days},
        ).rowcount  # fmt: skip
        if not changed:
            conn.execute(
                text("INSERT INTO dialdesk.sleeping_products (product, sleeping_days) "
                     "VALUES (:p, :d)"),
                {"p": product, "d": days},
            )  # fmt: skip


def drop_product_period(engine: Engine, period_id: int) -> None:
    """The product's clients sleep after the overall period again."""
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(text("DELETE FROM dialdesk.sleeping_products WHERE id = :i"), {"i": period_id})
