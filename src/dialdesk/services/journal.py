"""Outcomes that could not reach the server, kept on disk until they can be sent.

One JSON object per line; rewritten atomically, so a crash never loses a line that was
written. Sending is safe to repeat: every outcome carries its client-made id.
"""

import json
import os
from collections.abc import Callable
from pathlib import Path

from dialdesk.services.errors import DatabaseUnavailable
from dialdesk.services.outcomes import OutcomeInput, SavedOutcome


class OutcomeJournal:
    def __init__(self, path: Path) -> None:
        self.path = path

    def pending(self) -> list[OutcomeInput]:
        if not self.path.exists():
            return []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        return [OutcomeInput.from_json(json.loads(line)) for line in lines if line.strip()]

    def __len__(self) -> int:
        return len(self.pending())

    def add(self, outcome: OutcomeInput) -> None:
        kept = [o for o in self.pending() if o.client_id != outcome.client_id]
        self._write([*kept, outcome])

    def send(self, save: Callable[[OutcomeInput], SavedOutcome]) -> tuple[int, int]:
        """Send what is waiting, oldest first; stop at the first connection failure.

        Returns (sent, still waiting). An outcome the server refuses outright (not a
        connection problem) stays in the journal too, so nothing is ever dropped silently.
        """
        waiting = self.pending()
        sent = 0
        for outcome in list(waiting):
            try:
                save(outcome)
            except DatabaseUnavailable:
                break
            waiting.remove(outcome)
            sent += 1
            self._write(waiting)
        return sent, len(waiting)

    def _write(self, outcomes: list[OutcomeInput]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            for outcome in outcomes:
                handle.write(json.dumps(outcome.to_json(), ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(self.path)
