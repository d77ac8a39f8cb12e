"""Operators' work over a period (or day by day): calls, contacts, contact rate, outcomes by
code, contacts per hour, time on cards and on each kind of pause, plan against fact."""

from collections import defaultdict
from datetime import date

from sqlalchemy import Connection, text

from dialdesk.errors import translatable
from dialdesk.services.reports.groups import group_labels, person_names
from dialdesk.services.reports.periods import day_bounds, days_with_calls
from dialdesk.services.reports.table import (
    Cell,
    Chart,
    Column,
    Report,
    ReportFilter,
    in_campaign,
    in_period,
    share,
)

PAUSE_MINUTES = translatable("%1, min")  # minutes on one kind of pause
MIN_HOURS = 0.25  # contacts per hour over less work than this say nothing
RATE_NOTE = translatable(
    "Contacts per hour are shown for at least a quarter of an hour of work (waiting and on "
    "cards, or the calls' own length when longer)."
)
Key = tuple[int, date | None]  # an operator, and the day with the option per_day
DAY = "(({t}) AT TIME ZONE 'Europe/Moscow')::date"

# calls by operator and outcome (and day: its bucket among :bounds, the days' starts)
CALLS = """
SELECT k.operator_id, {day} AS day, k.outcome_id, count(*),
       coalesce(sum(extract(epoch FROM least(k.ended_at - k.started_at, interval '2 hours'))
                    ) FILTER (WHERE k.ended_at > k.started_at), 0) AS seconds
FROM dialdesk.calls k
WHERE {period} AND {campaign} AND k.started_at IS NOT NULL AND k.operator_id IS NOT NULL
GROUP BY 1, 2, 3
"""

# each state lasts until the person's next state, and never past the end of its day or now
STATES = f"""
SELECT person_id, day, state, pause_code_id,
       sum(extract(epoch FROM least(next_at, day_end, now()) - started_at)) / 60.0 AS minutes
FROM (
    SELECT s.person_id, s.state, s.pause_code_id, s.started_at,
           {DAY.format(t="s.started_at")} AS day,
           (date_trunc('day', s.started_at AT TIME ZONE 'Europe/Moscow') + interval '1 day')
               AT TIME ZONE 'Europe/Moscow' AS day_end,
           coalesce(lead(s.started_at) OVER (PARTITION BY s.person_id ORDER BY s.started_at,
                                                  s.id), 'infinity') AS next_at
    FROM dialdesk.operator_states s
    WHERE {in_period("s.started_at")}
) spans
WHERE state <> 'offline'
GROUP BY 1, 2, 3, 4
"""

PLANS = """
SELECT person_id, day, calls_target, contacts_target FROM dialdesk.operator_plans
WHERE (CAST(:from_day AS date) IS NULL OR day >= :from_day)
  AND (CAST(:to_day AS date) IS NULL OR day <= :to_day)
"""


def operators_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """One row per operator (option ``per_day``: per operator and day)."""
    per_day = bool(f.options.get("per_day"))
    params = {**f.params(), "from_day": f.date_from, "to_day": f.date_to}
    labels = group_labels(conn, language)
    names = person_names(conn)
    pause_label = "label_ru" if language == "ru" else "label_en"
    pauses: dict[int, str] = dict(
        conn.execute(text(f"SELECT id, {pause_label} FROM dialdesk.pause_codes ORDER BY id")).all()
    )

    def key(person: int, day: date) -> Key:
        return (person, day if per_day else None)

    calls: dict[Key, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    outcomes = {
        oid: (code, contact)
        for oid, code, contact in conn.execute(
            text("SELECT id, code, is_contact FROM dialdesk.outcome_definitions")
        )
    }
    days = days_with_calls(conn, params) if per_day else []
    calls_sql = CALLS.format(
        # a day by its bucket: comparing times is far cheaper than converting each call's
        day="width_bucket(k.started_at, CAST(:bounds AS timestamptz[]))" if per_day else "0",
        period=in_period("k.started_at"),
        campaign=in_campaign("k.campaign_id"),
    )
    if per_day:  # few operators, days and outcomes: hashing beats sorting a million calls
        conn.exec_driver_sql("SET LOCAL enable_sort = off")
    rows = conn.execute(text(calls_sql), {**params, "bounds": day_bounds(days)}).all()
    conn.exec_driver_sql("RESET enable_sort")
    talked: dict[Key, float] = defaultdict(float)  # minutes the calls themselves took
    for person, bucket, outcome_id, n, seconds in rows:
        code, is_contact = outcomes[outcome_id]
        day = days[bucket - 1] if per_day and 0 < bucket <= len(days) else date.min
        talked[key(person, day)] += float(seconds) / 60
        line = calls[key(person, day)]
        line["calls"] += n
        line["contacts"] += n if is_contact else 0
        line[code] += n
    minutes: dict[Key, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for person, day, state, pause, spent in conn.execute(text(STATES), params):
        line_m = minutes[key(person, day)]
        line_m[state] += float(spent)
        if state == "paused":
            line_m[f"pause:{pause}"] += float(spent)
    plans: dict[Key, list[int]] = defaultdict(lambda: [0, 0])
    for person, day, calls_target, contacts_target in conn.execute(text(PLANS), params):
        targets = plans[key(person, day)]
        targets[0] += calls_target
        targets[1] += contacts_target
    # time and plans are not per campaign: with a campaign, only those who called in it
    keys = set(calls) if f.campaign_id is not None else set(calls) | set(minutes) | set(plans)
    order = sorted(keys, key=lambda k: (names.get(k[0], ""), k[1] or date.min))
    codes = [c for c in labels if any(calls[k].get(c) for k in order)]
    pause_ids = [p for p in pauses if any(minutes[k].get(f"pause:{p}") for k in order)]
    columns = [
        Column(translatable("Calls")),
        Column(translatable("Contacts")),
        Column(translatable("Contact rate, %"), "percent"),
        Column(translatable("Contacts per hour"), "float1"),
        Column(translatable("On cards, min"), "minutes"),
        Column(translatable("Waiting, min"), "minutes"),
        Column(translatable("Paused, min"), "minutes"),
        *(Column(PAUSE_MINUTES.replace("%1", pauses[p]), "minutes") for p in pause_ids),
        *(Column(labels[c]) for c in codes),
        Column(translatable("Plan: calls")),
        Column(translatable("Plan: contacts")),
    ]
    cells: list[list[Cell]] = []
    for k in order:
        c, m = calls[k], minutes[k]
        # the hour counted honestly: never shorter than the calls themselves took (a state
        # log cut short, calls sent later from the journal), and not shown under a quarter
        worked_hours = max(m["waiting"] + m["on_card"], talked[k]) / 60
        plan: list[Cell] = list(plans[k]) if k in plans else [None, None]
        cells.append(
            [
                c["calls"],
                c["contacts"],
                share(c["contacts"], c["calls"]),
                round(c["contacts"] / worked_hours, 1) if worked_hours >= MIN_HOURS else None,
                round(m["on_card"]),
                round(m["waiting"]),
                round(m["paused"]),
                *(round(m[f"pause:{p}"]) for p in pause_ids),
                *(c.get(code, 0) for code in codes),
                *plan,
            ]
        )
    total_calls = sum(calls[k]["calls"] for k in order)
    total_contacts = sum(calls[k]["contacts"] for k in order)
    totals: list[Cell] = [total_calls, total_contacts, share(total_contacts, total_calls), None]
    for index in range(4, len(columns)):
        numbers = [row[index] for row in cells if isinstance(row[index], int | float)]
        totals.append(sum(numbers) if numbers else None)  # type: ignore[arg-type]
    return Report(
        name="operators",
        title=translatable("Operators"),
        row_header=translatable("Operator"),
        columns=columns,
        rows=[f"{names.get(p, '?')} · {d:%d.%m.%Y}" if d else names.get(p, "?") for p, d in order],
        cells=cells,
        totals=totals,
        chart=Chart("bar", (0, 1)),
        fixed_labels=frozenset({PAUSE_MINUTES}),
        notes=[RATE_NOTE] if any(row[3] is None and row[1] for row in cells) else [],
    )
