"""Outcomes that could not reach the server, kept on disk until they can be sent.

The promise is that no outcome is lost: every change to the file is made by one writer at a
time (a lock for the threads of this process, a lock file for other DialDesk processes),
an outcome is appended and flushed to disk before ``add`` returns, and the file is rewritten
only through a temporary file of its own, replaced atomically. Sending takes what is
waiting, oldest first: an outcome the server refuses (the company is now with a colleague,
say) is set aside with its reason in a second file and the others are still sent; a lost
connection stops the round. Each refusal is also reported to the server once, so the
supervisors' monitor counts it; a report that cannot be made yet is made on a later round.
An outcome sent is removed once; sending it again by accident
(a crash between the save and the removal) saves nothing twice, for every outcome carries
its client-made id.
"""

import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import fasteners

from dialdesk.errors import DatabaseUnavailable, UserError
from dialdesk.services.shift.outcomes import OutcomeInput, SavedOutcome

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RefusedOutcome:
    """An outcome the server would not take, and why (the English sentence, for support)."""

    outcome: OutcomeInput
    reason: str
    refused_at: datetime
    reported: bool = False  # the server has the report (the monitor counts it)


@dataclass
class SendResult:
    sent: int = 0
    waiting: int = 0
    refused: list[tuple[OutcomeInput, UserError]] = field(default_factory=list)


class OutcomeJournal:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.refused_path = path.with_name(path.stem + ".refused" + path.suffix)
        self._thread_lock = threading.Lock()

    # -- reading ----------------------------------------------------------------------------
    def pending(self) -> list[OutcomeInput]:
        """What waits to be sent, oldest first, each call once (the latest copy of it)."""
        by_id: dict[Any, OutcomeInput] = {}
        for raw in _lines(self.path):
            outcome = OutcomeInput.from_json(raw)
            by_id.pop(outcome.client_id, None)
            by_id[outcome.client_id] = outcome
        return list(by_id.values())

    def __len__(self) -> int:
        return len(self.pending())

    def refused(self) -> list[RefusedOutcome]:
        return [
            RefusedOutcome(
                OutcomeInput.from_json(raw["outcome"]),
                str(raw.get("reason", "")),
                datetime.fromisoformat(raw["refused_at"]),
                bool(raw.get("reported", False)),
            )
            for raw in _lines(self.refused_path)
        ]

    # -- writing ----------------------------------------------------------------------------
    def add(self, outcome: OutcomeInput) -> None:
        """Keep ``outcome``; on disk when this returns."""
        with self._one_writer():
            _append(self.path, outcome.to_json())

    def send(
        self,
        save: Callable[[OutcomeInput], SavedOutcome],
        report: Callable[[RefusedOutcome], None] | None = None,
    ) -> SendResult:
        """Send what is waiting, oldest first, until the connection fails; then ``report``
        each refusal the server does not know of yet.

        Another thread may add outcomes meanwhile: they wait for the next round. A refusal
        sets that outcome aside (``refused()``) and the round goes on.
        """
        result = SendResult()
        connected = True
        for outcome in self.pending():
            try:
                save(outcome)
            except DatabaseUnavailable:
                connected = False
                break
            except UserError as refusal:
                _log.warning("a kept outcome was refused: %s", refusal)
                self._set_aside(outcome, refusal)
                result.refused.append((outcome, refusal))
                continue
            self._forget(outcome)
            result.sent += 1
        if connected and report is not None:
            self._report(report)
        result.waiting = len(self)
        return result

    def _report(self, report: Callable[[RefusedOutcome], None]) -> None:
        for refused in self.refused():
            if refused.reported:
                continue
            try:
                report(refused)
            except DatabaseUnavailable:
                return
            except UserError as problem:  # tried again next round; the others go on
                _log.warning("a refused outcome could not be reported: %s", problem)
                continue
            self._mark_reported(refused.outcome)

    def _forget(self, outcome: OutcomeInput) -> None:
        with self._one_writer():
            self._drop(outcome)

    def _set_aside(self, outcome: OutcomeInput, refusal: UserError) -> None:
        """Move ``outcome`` to the refused file, in one step of the one writer."""
        with self._one_writer():
            _append(
                self.refused_path,
                {
                    "outcome": outcome.to_json(),
                    "reason": str(refusal),
                    "refused_at": datetime.now(UTC).isoformat(),
                    "reported": False,
                },
            )
            self._drop(outcome)

    def _mark_reported(self, outcome: OutcomeInput) -> None:
        reported = str(outcome.client_id)
        with self._one_writer():
            records = _lines(self.refused_path)
            for record in records:
                if record["outcome"].get("client_id") == reported:
                    record["reported"] = True
            _rewrite(self.refused_path, records)

    def _drop(self, outcome: OutcomeInput) -> None:
        gone = str(outcome.client_id)
        _rewrite(self.path, [raw for raw in _lines(self.path) if raw.get("client_id") != gone])

    @contextmanager
    def _one_writer(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = fasteners.InterProcessLock(str(self.path) + ".lock")
        with self._thread_lock, lock:
            yield


def _lines(path: Path) -> list[dict[str, Any]]:
    """The file's records; a line cut short by a write still under way elsewhere (never yet
    acknowledged) or by a crash is skipped, even when the cut falls inside a letter."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    records = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line.decode("utf-8")))
        except ValueError:  # UnicodeDecodeError is one
            _log.warning("%s line %d is not a complete record; skipped", path.name, number)
    return records


def _append(path: Path, record: dict[str, Any]) -> None:
    line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags, 0o600)
    try:
        os.write(descriptor, line)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _rewrite(path: Path, records: list[dict[str, Any]]) -> None:
    """Replace the file's content at once, through a temporary file of this write's own."""
    descriptor, partial = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
