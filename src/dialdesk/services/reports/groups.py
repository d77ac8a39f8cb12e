"""Where the base stands and how it moves: companies by current group, and movement from
group to group over a period.  A company's group is the outcome of its latest call that
says something about it (``sets_group``); an outcome that does not (no contact) is its group
only while it has no call that does (migration 0016 keeps ``current_outcome_id`` so)."""

from datetime import UTC, datetime

from sqlalchemy import Connection, text

from dialdesk.errors import UserError, translatable
from dialdesk.services.reports.staff_bands import by_size
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

NOT_CALLED = translatable("not called yet")

# one colour per group, the warmest for hot; codes added later share the spare ones
GROUP_COLOURS = {
    "hot": "#d7301f",
    "warm": "#fc8d59",
    "competitor": "#8c6bb1",
    "cold": "#4575b4",
    "no_contact": "#969696",
    "nonexistent": "#252525",
    None: "#d9d9d9",  # not called yet
}
SPARE_COLOURS = ("#1b9e77", "#e6ab02", "#66a61e", "#e7298a", "#a6761d", "#17becf")


def group_colours(codes: list[str | None]) -> tuple[str, ...]:
    spare = iter(SPARE_COLOURS * (len(codes) // len(SPARE_COLOURS) + 1))
    return tuple(GROUP_COLOURS[c] if c in GROUP_COLOURS else next(spare) for c in codes)


# the companies a report looks at: those of the campaign, or the whole base
IN_SCOPE = (
    "(CAST(:campaign_id AS integer) IS NULL OR c.id IN (SELECT e.company_id FROM "
    "dialdesk.campaign_entries e WHERE e.campaign_id = :campaign_id))"
)


def ends_now(bound: datetime | None) -> bool:
    """A period that ends today or later: the group at its end is the current group."""
    return bound is None or bound > datetime.now(UTC)


def group_labels(conn: Connection, language: str) -> dict[str, str]:
    """Outcome code -> label in ``language``, in the outcomes' own order (hidden ones too:
    old calls may carry them)."""
    label = "label_ru" if language == "ru" else "label_en"
    rows = conn.execute(
        text(f"SELECT code, {label} FROM dialdesk.outcome_definitions ORDER BY sort_order, id")
    ).all()
    return {code: name for code, name in rows}


def person_names(conn: Connection) -> dict[int, str]:
    """Person id -> full name, for the reports that name operators."""
    return {
        pid: name for pid, name in conn.execute(text("SELECT id, full_name FROM dialdesk.people"))
    }


def _last_call_before(bound: str, alias: str) -> str:
    """A LATERAL join giving the company's group as it stood at the timestamp parameter
    ``bound``: the outcome of its latest call before then that sets the group, else of its
    latest call (calls imported without a date count as the oldest)."""
    return (
        f"LEFT JOIN LATERAL (SELECT o.code FROM dialdesk.calls k "
        f"JOIN dialdesk.outcome_definitions o ON o.id = k.outcome_id "
        f"WHERE k.company_id = c.id AND (k.started_at < :{bound} OR k.started_at IS NULL) "
        f"ORDER BY o.sets_group DESC, k.started_at DESC NULLS LAST, k.id DESC LIMIT 1) "
        f"{alias} ON true"
    )


def groups_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """Companies by their group: now, or at the end of the period; with a period start,
    only the companies called in the period."""
    params = f.params()
    labels = group_labels(conn, language)
    called_in_period = (
        f"c.id IN (SELECT k.company_id FROM dialdesk.calls k WHERE {in_period('k.started_at')} "
        f"AND {in_campaign('k.campaign_id')})"
        if f.date_from
        else "true"
    )
    if ends_now(params["end"]):
        sql = (
            "SELECT o.code, count(*) FROM dialdesk.companies c LEFT JOIN "
            "dialdesk.outcome_definitions o ON o.id = c.current_outcome_id "
            f"WHERE {IN_SCOPE} AND {called_in_period} GROUP BY o.code"
        )
    else:
        sql = (
            f"SELECT g.code, count(*) FROM dialdesk.companies c {_last_call_before('end', 'g')} "
            f"WHERE {IN_SCOPE} AND {called_in_period} GROUP BY g.code"
        )
    counts = {code: n for code, n in conn.execute(text(sql), params)}
    total = sum(counts.values())
    order = [code for code in labels if counts.get(code)] + ([None] if counts.get(None) else [])
    return Report(
        name="groups",
        title=translatable("Companies by group"),
        row_header=translatable("Group"),
        columns=[Column(translatable("Companies")), Column(translatable("Share, %"), "percent")],
        rows=[labels[code] if code else NOT_CALLED for code in order],
        cells=[[counts[code], share(counts[code], total)] for code in order],
        totals=[total, 100.0 if total else None],
        chart=Chart("pie", (0,), colours=group_colours(order)),
        fixed_labels=frozenset({NOT_CALLED}),
    )


def movement_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """For the companies called in the period: their group before it (rows) against their
    group at its end (columns)."""
    params = f.params()
    labels = group_labels(conn, language)
    before = (
        _last_call_before("start", "b")
        if params["start"] is not None
        else "LEFT JOIN LATERAL (SELECT NULL::text AS code) b ON true"
    )
    after = (
        "LEFT JOIN dialdesk.outcome_definitions a ON a.id = c.current_outcome_id"
        if ends_now(params["end"])
        else _last_call_before("end", "a")
    )
    sql = (
        f"SELECT b.code, a.code, count(*) FROM dialdesk.companies c {before} {after} "
        "WHERE EXISTS (SELECT 1 FROM dialdesk.calls k WHERE k.company_id = c.id AND "
        f"{in_period('k.started_at')} AND {in_campaign('k.campaign_id')}) "
        "GROUP BY b.code, a.code"
    )
    moves = {(b, a): n for b, a, n in conn.execute(text(sql), params)}
    to_codes = [code for code in labels if any(a == code for _, a in moves)]
    from_codes: list[str | None] = [code for code in labels if any(b == code for b, _ in moves)]
    if any(b is None for b, _ in moves):
        from_codes.append(None)
    cells: list[list[Cell]] = []
    for b in from_codes:
        counts = [moves.get((b, a), 0) for a in to_codes]
        cells.append([*counts, sum(counts)])
    totals: list[Cell] = [sum(moves.get((b, a), 0) for b in from_codes) for a in to_codes]
    totals.append(sum(moves.values()))
    return Report(
        name="movement",
        title=translatable("Movement between groups"),
        row_header=translatable("From \\ to"),
        columns=[*(Column(labels[a]) for a in to_codes), Column(translatable("Total"))],
        rows=[labels[b] if b else NOT_CALLED for b in from_codes],
        cells=cells,
        totals=totals,
        chart=Chart("stacked", tuple(range(len(to_codes)))),
        fixed_labels=frozenset({NOT_CALLED}),
    )


BASE_ATTRIBUTES = {
    "industry": translatable("Industry"),
    "region": translatable("Region"),
    "source": translatable("Source"),
    "staff_band": translatable("Staff size"),
}
NOT_GIVEN = translatable("(not given)")


def attribute_option(f: ReportFilter, default: str) -> str:
    """The company attribute the option ``by`` names (one of BASE_ATTRIBUTES)."""
    by = str(f.options.get("by", default))
    if by not in BASE_ATTRIBUTES:
        raise UserError(
            "Unknown attribute '{by}'; use one of: {names}.",
            by=by,
            names=", ".join(BASE_ATTRIBUTES),
        )
    return by


def base_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """Companies by industry, region, source or staff-size band (option ``by``), with how
    many were called and how many are warm or hot; a period counts companies added in it."""
    by = attribute_option(f, "industry")
    rows = conn.execute(
        text(
            f"SELECT nullif(btrim(c.{by}), '') AS v, count(*), "
            "count(*) FILTER (WHERE c.current_outcome_id IS NOT NULL), "
            "count(*) FILTER (WHERE o.hands_to_expert) "
            "FROM dialdesk.companies c LEFT JOIN dialdesk.outcome_definitions o "
            f"ON o.id = c.current_outcome_id WHERE {IN_SCOPE} AND {in_period('c.created_at')} "
            "GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST"
        ),
        f.params(),
    ).all()
    if by == "staff_band":  # bands read in order of size
        order = by_size([r[0] for r in rows])
        rows = sorted(rows, key=lambda r: order.index(r[0]))
    total = sum(r[1] for r in rows)
    return Report(
        name="base",
        title=translatable("Structure of the base"),
        row_header=BASE_ATTRIBUTES[by],
        columns=[
            Column(translatable("Companies")),
            Column(translatable("Share, %"), "percent"),
            Column(translatable("Called")),
            Column(translatable("Warm or hot")),
        ],
        rows=[r[0] or NOT_GIVEN for r in rows],
        cells=[[r[1], share(r[1], total), r[2], r[3]] for r in rows],
        totals=[total, 100.0 if total else None, sum(r[2] for r in rows), sum(r[3] for r in rows)],
        chart=Chart("bar", (0,)),
        fixed_labels=frozenset({NOT_GIVEN}),
    )
