"""Running an import in tests: one cancelled once its progress has reached a given point."""

from pathlib import Path

import pytest
from sqlalchemy import Engine

from dialdesk.importing.rows import Cancelled
from dialdesk.services.lists.import_options import ImportOptions
from dialdesk.services.lists.imports import run_import


def cancel_import_at(engine: Engine, path: Path, campaign: str, stage: str, done: int) -> None:
    """Import ``path``, cancelling at the first check after progress said ``(stage, done)``;
    the import must end cancelled."""
    seen: list[tuple[str, int]] = []
    with pytest.raises(Cancelled):
        run_import(
            engine,
            None,
            path,
            ImportOptions(campaign),
            progress=lambda at, count, total: seen.append((at, count)),
            cancelled=lambda: (stage, done) in seen,
        )
