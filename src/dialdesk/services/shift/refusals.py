"""Reporting to the server an outcome it refused from an operator's offline journal, and
counting those reports for the monitor."""

from sqlalchemy import Engine, text

from dialdesk.errors import plain_database_errors
from dialdesk.services.shift.journal import RefusedOutcome

REPORT = """
INSERT INTO dialdesk.refused_outcomes
    (client_id, operator_id, entry_id, outcome_code, reason, refused_at)
VALUES (:client_id, :me,
        (SELECT id FROM dialdesk.campaign_entries WHERE id = :entry_id),  -- gone: none
        :code, :reason, :refused_at)
ON CONFLICT (client_id) DO NOTHING
"""


def report_refused(engine: Engine, me: int, refused: RefusedOutcome) -> None:
    """Tell the server about ``refused``; reporting it again changes nothing."""
    outcome = refused.outcome
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text(REPORT),
            {
                "client_id": outcome.client_id,
                "me": me,
                "entry_id": outcome.entry_id,
                "code": outcome.outcome_code,
                "reason": refused.reason,
                "refused_at": refused.refused_at,
            },
        )
