"""Importing a big list: ``python bench/import.py [--dsn DSN] [--json] [--rows 100000]
[--base 100000] [--baseline-rows 10000] [--no-contacts]``.

Writes a workbook shaped like a real list (a title row, several phones per cell in mixed
formats, phones typed as numbers, 5% duplicates written differently, 2.5% rows to reject;
every row with a contact person and an e-mail unless ``--no-contacts``), imports it into a
base that already holds ``--base`` companies, and prints rows/s, seconds, seconds by stage
and peak memory.  Target (issues 4 and 16): 100,000 rows in under 8 s end to end, under
1 GB, with and without the contacts.
The baseline is a plain row-by-row ORM import (openpyxl, one query per lookup, one flush
per row) of the first ``--baseline-rows`` rows of the same file (0: all of them).
"""

import _path  # noqa: F401  (first: see bench/_path.py)

# isort: split

import random
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from _common import bench_database, parser, peak_mb, report, wipe
from dialdesk.db.engine import make_engine
from dialdesk.demo.base import load_demo
from dialdesk.importing.inn import complete_inn10
from dialdesk.importing.names import name_key, tidy_name
from dialdesk.importing.phones import parse_phone_cell
from dialdesk.models.campaigns import Campaign, CampaignEntry
from dialdesk.models.companies import Company, ContactPerson, Phone
from dialdesk.services.lists.import_options import ImportOptions
from dialdesk.services.lists.imports import run_import

LOGIN_PREFIX = "benchimp_"
AREAS = ["495", "499", "812", "383", "343", "843", "861", "423", "401", "3812", "863", "846"]
CITIES = ["Москва", "Санкт-Петербург", "Новосибирск", "Екатеринбург", "Казань", "Краснодар"]
INDUSTRIES = ["Торговля", "Строительство", "Производство", "Логистика", "Услуги", "IT"]
HEADER = ["Название организации", "ИНН", "Тел.", "Сфера деятельности", "Город",
          "Контактное лицо", "Должность", "E-mail", "Численность"]  # fmt: skip


def _number(rng: random.Random) -> tuple[str, str]:
    """A Russian number as (area code, rest): 10 national digits in all."""
    area = rng.choice(AREAS) if rng.random() < 0.6 else f"9{rng.randint(10, 99)}"
    rest = "".join(str(rng.randint(0, 9)) for _ in range(10 - len(area)))
    return area, rest


def _written(rng: random.Random, area: str, rest: str) -> str | int:
    """The same number the way people type it."""
    style = rng.randrange(6)
    if style == 0:
        return int("8" + area + rest)  # typed as a number
    if style == 1:
        return f"8 ({area}) {rest[:-4]}-{rest[-4:-2]}-{rest[-2:]}"
    if style == 2:
        return f"+7 {area} {rest[:-4]}-{rest[-4:-2]}-{rest[-2:]}"
    if style == 3:
        return f"8-{area}-{rest} доб. {rng.randint(1, 999)}"
    if style == 4:
        return f"+7({area}){rest}"
    return f"7{area}{rest}"


def make_list(path: Path, rows: int, seed: int = 7, contacts: bool = True) -> None:
    """The list; with ``contacts`` False its rows have no contact person, position or
    e-mail (the columns are there, empty)."""
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Компании")
    sheet.append(["Выгрузка из справочника"])
    sheet.append([])
    sheet.append(HEADER)
    made: list[tuple[str, str, list[tuple[str, str]], str]] = []
    for n in range(rows):
        if made and rng.random() < 0.05:  # a duplicate, phones written another way
            name, inn, numbers, city = rng.choice(made)
            phones = "; ".join(str(_written(rng, a, r)) for a, r in numbers)
            sheet.append([name.upper(), "", phones, "", city, "", "", "", ""])
            continue
        numbers = [_number(rng) for _ in range(rng.choice((1, 1, 2, 3)))]
        name = f"{rng.choice(['ООО', 'АО', 'ИП', 'ЗАО'])} «Компания {n}»"
        inn = (
            complete_inn10(f"{rng.randint(100_000_000, 999_999_999)}") if rng.random() < 0.7 else ""
        )
        city = rng.choice(CITIES)
        cell: str | int = (
            _written(rng, *numbers[0])
            if len(numbers) == 1
            else "; ".join(str(_written(rng, a, r)) for a, r in numbers)
        )
        email = f"info{n}@example.ru"
        if rng.random() < 0.02:
            cell, email = "353-03-67", ""  # no area code, no e-mail: the row is rejected
        if rng.random() < 0.005:
            name = ""  # no name: rejected
        made.append((name, inn, numbers, city))
        person = (f"Контакт {n}", "Директор", email) if contacts else ("", "", "")
        sheet.append(
            [name, inn, cell, rng.choice(INDUSTRIES), city, *person,
             rng.choice(["до 15", "16-100", "101-250", "250+"])]
        )  # fmt: skip
    book.save(path)


def baseline_import(engine_dsn: str, path: Path, limit: int) -> tuple[int, float]:
    """The plain way: openpyxl, then per row a lookup query for each rule and a flush."""
    engine = make_engine(engine_dsn, pool_size=1)
    started = time.perf_counter()
    rows = load_workbook(path, read_only=True).active.iter_rows(min_row=4, values_only=True)  # type: ignore[union-attr]
    done = 0
    with Session(engine) as session:
        campaign = Campaign(name="Базовая линия")
        session.add(campaign)
        session.flush()
        for raw in rows:
            if limit and done >= limit:
                break
            done += 1
            name = tidy_name(str(raw[0] or ""))
            parsed = parse_phone_cell.__wrapped__(str(raw[2] or ""), "RU")  # no cache
            if not name or not parsed.valid:
                continue
            inn = str(raw[1] or "") or None
            company = None
            if inn:
                company = session.scalars(select(Company).where(Company.inn == inn)).first()
            for phone in parsed.valid:
                if company is None:
                    found = session.scalars(select(Phone).where(Phone.e164 == phone.e164)).first()
                    company = session.get(Company, found.company_id) if found else None
            if company is None:
                company = session.scalars(
                    select(Company).where(
                        Company.name_key == name_key(name), Company.city == raw[4]
                    )
                ).first()
            if company is None:
                company = Company(name=name, name_key=name_key(name), inn=inn, city=raw[4])
                session.add(company)
                session.flush()
            for phone in parsed.valid:
                session.add(
                    Phone(company_id=company.id, e164=phone.e164, time_zone=phone.time_zone)
                )
            if raw[5]:
                session.add(ContactPerson(company_id=company.id, full_name=str(raw[5])))
            entry = select(CampaignEntry).where(
                CampaignEntry.campaign_id == campaign.id, CampaignEntry.company_id == company.id
            )
            if session.scalars(entry).first() is None:
                session.add(CampaignEntry(campaign_id=campaign.id, company_id=company.id))
            session.flush()
        session.rollback()  # the baseline is measured, not kept
    engine.dispose()
    return done, time.perf_counter() - started


def main() -> int:
    p = parser(__doc__ or "", [])
    p.add_argument("--rows", type=int, default=100_000)
    p.add_argument("--base", type=int, default=100_000, help="companies already in the base")
    p.add_argument("--baseline-rows", type=int, default=10_000, help="0: the whole file")
    p.add_argument(
        "--no-contacts", action="store_true", help="rows without contact person and e-mail"
    )
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="dialdesk-import-") as folder:
        path = Path(folder) / "list.xlsx"
        started = time.perf_counter()
        make_list(path, args.rows, contacts=not args.no_contacts)
        print(f"list: {args.rows} rows written in {time.perf_counter() - started:.1f} s")
        with bench_database(args.dsn) as dsn:
            wipe(dsn, LOGIN_PREFIX)
            engine = make_engine(dsn, pool_size=1)
            started = time.perf_counter()
            load_demo(engine, args.base, login_prefix=LOGIN_PREFIX)
            print(f"base: {args.base} companies in {time.perf_counter() - started:.1f} s")
            started = time.perf_counter()
            result = run_import(engine, None, path, ImportOptions("Большой список"))
            seconds = time.perf_counter() - started
            memory = peak_mb()
            base_rows, base_seconds = baseline_import(dsn, path, args.baseline_rows)
            engine.dispose()
            wipe(dsn, LOGIN_PREFIX)
    figures = {
        "rows": args.rows,
        "contacts": not args.no_contacts,
        "base_companies": args.base,
        "seconds": round(seconds, 2),
        "rows_per_second": round(args.rows / seconds),
        "peak_mb": round(memory, 1),
        "companies_created": result.companies_created,
        "companies_merged": result.companies_merged,
        "duplicates_in_file": result.duplicates_in_file,
        "rows_rejected": result.rows_rejected,
        "phones_valid": result.phones_valid,
        "stage_seconds": {k: round(v, 2) for k, v in result.stage_seconds.items()},
        "baseline_rows": base_rows,
        "baseline_seconds": round(base_seconds, 2),
        "baseline_rows_per_second": round(base_rows / base_seconds) if base_seconds else None,
    }
    print(
        f"import: {args.rows} rows in {seconds:.2f} s ({figures['rows_per_second']} rows/s), "
        f"peak {memory:.0f} MB (target < 8 s, < 1 GB): {result.companies_created} created, "
        f"{result.companies_merged} merged, {result.duplicates_in_file} duplicate rows joined, "
        f"{result.rows_rejected} rejected"
    )
    print("  by stage: " + ", ".join(f"{k} {v:.2f} s" for k, v in result.stage_seconds.items()))
    print(
        f"baseline (row-by-row ORM, openpyxl): {base_rows} rows in {base_seconds:.1f} s "
        f"({figures['baseline_rows_per_second']} rows/s)"
    )
    report(figures, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
