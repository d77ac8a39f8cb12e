"""Answers by segment: one company attribute against one yes/no or choice question — how
many companies in each segment gave each answer (their latest answer counts)."""

from sqlalchemy import Connection, text

from dialdesk.errors import UserError, translatable
from dialdesk.services.reports.groups import (
    BASE_ATTRIBUTES,
    IN_SCOPE,
    NOT_GIVEN,
    attribute_option,
)
from dialdesk.services.reports.staff_bands import by_size
from dialdesk.services.reports.table import (
    Cell,
    Chart,
    Column,
    Report,
    ReportFilter,
    in_period,
    share,
)

YES_NO = {"yes": translatable("yes"), "no": translatable("no")}


def answers_report(conn: Connection, f: ReportFilter, language: str = "en") -> Report:
    """Option ``question`` (its id) and ``by`` (industry, region, source, staff_band).
    Columns: companies in the segment, companies that answered, then for each answer the
    companies that gave it and their share of the segment's companies."""
    by = attribute_option(f, "staff_band")
    question = conn.execute(
        text("SELECT id, kind, text, choices FROM dialdesk.questions WHERE id = :q"),
        {"q": f.options.get("question")},
    ).first()
    if question is None or question.kind not in ("yes_no", "choice"):
        raise UserError("Choose a yes/no or choice question of the questionnaire.")
    rows = conn.execute(
        text(
            "WITH latest AS (SELECT DISTINCT ON (k.company_id) k.company_id, a.value "
            "  FROM dialdesk.answers a JOIN dialdesk.calls k ON k.id = a.call_id "
            f"  WHERE a.question_id = :q AND coalesce(a.value, '') <> '' "
            f"  AND {in_period('k.started_at')} "
            "  ORDER BY k.company_id, k.started_at DESC NULLS LAST, k.id DESC) "
            f"SELECT nullif(btrim(c.{by}), '') AS segment, l.value, count(*) "
            "FROM dialdesk.companies c LEFT JOIN latest l ON l.company_id = c.id "
            f"WHERE {IN_SCOPE} GROUP BY 1, 2"
        ),
        {**f.params(), "q": question.id},
    ).all()
    values = list(YES_NO) if question.kind == "yes_no" else list(question.choices or [])
    values += sorted({v for _, v, _ in rows if v is not None and v not in values})
    counts: dict[tuple[str | None, str | None], int] = {(s, v): n for s, v, n in rows}
    segments = sorted({s for s, _, _ in rows}, key=lambda s: (s is None, s or ""))
    if by == "staff_band":
        segments = by_size(segments)
    labels = [YES_NO.get(v, v) if question.kind == "yes_no" else v for v in values]
    columns = [Column(translatable("Companies")), Column(translatable("Answered"))]
    for label in labels:  # each answer: its companies, then their share of the segment
        columns += [Column(label), Column("%", "percent")]
    cells: list[list[Cell]] = []
    for segment in segments:
        total = sum(n for (s, _), n in counts.items() if s == segment)
        answered = sum(n for (s, v), n in counts.items() if s == segment and v is not None)
        row: list[Cell] = [total, answered]
        for value in values:
            n = counts.get((segment, value), 0)
            row += [n, share(n, total)]
        cells.append(row)
    grand = sum(counts.values())
    totals: list[Cell] = [grand, sum(n for (_, v), n in counts.items() if v is not None)]
    for value in values:
        n = sum(c for (_, v), c in counts.items() if v == value)
        totals += [n, share(n, grand)]
    return Report(
        name="answers",
        title=question.text,
        row_header=BASE_ATTRIBUTES[by],
        columns=columns,
        rows=[s or NOT_GIVEN for s in segments],
        cells=cells,
        totals=totals,
        chart=Chart("percent", tuple(2 + 2 * i for i in range(len(values)))),
        fixed_labels=frozenset({NOT_GIVEN, *YES_NO.values()}),
    )
