"""An operator's shift with no screen: what they hold, the state they are in, and each step's
database calls: claim, card, save, next; pause, release, keeping a long call's lease; the
journal of outcomes the server did not take yet.

The steps that ask the database (``find_next``, ``find_callback``, ``save``...) change
nothing here, so a window may run them in a worker; the steps that change the shift
(``took``, ``saved``, ``kept``, ``dropped``) run where the shift lives.  ``next`` and
``save_and_next`` do both, for a caller without a screen.  The state log is written through
``run_log`` (inline by default; the window passes its serial worker so a slow log never
holds up "Next"), and a line that could not be written is reported to ``on_log_failed``.
"""

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Engine

from dialdesk.errors import UserError
from dialdesk.services.floor.queue_status import QueueEmpty, explain_empty_queue
from dialdesk.services.shift.card import Card, load_card
from dialdesk.services.shift.journal import OutcomeJournal, SendResult
from dialdesk.services.shift.open_entry import (
    CallbackReason,
    callback_reason,
    open_callback,
    open_entry,
)
from dialdesk.services.shift.operator_state import PauseReason, log_state, pause_reasons
from dialdesk.services.shift.outcomes import (
    OutcomeInput,
    SavedOutcome,
    record_outcome,
    save_and_claim_next,
)
from dialdesk.services.shift.queue import Claim, claim_next_entry, extend_lease, release_claim
from dialdesk.services.shift.refusals import report_refused

log = logging.getLogger(__name__)

LEASE_REFRESH_SECONDS = 120  # a held company's lease is renewed this often (leases: minutes)


@dataclass(frozen=True)
class Opened:
    """What a claim brings: the card and, for a promised callback, the promise; or, with no
    claim, why there is nothing to call."""

    claim: Claim | None
    card: Card | None = None
    promise: CallbackReason | None = None
    empty: QueueEmpty | None = None


def _run_now(job: Callable[[], object], failed: Callable[[BaseException], None]) -> None:
    try:
        job()
    except Exception as error:
        failed(error)


@dataclass
class Shift:
    engine: Engine
    me: int
    journal: OutcomeJournal
    on_log_failed: Callable[[BaseException], None] = lambda error: None
    run_log: Callable[[Callable[[], object], Callable[[BaseException], None]], None] = _run_now
    state: str = "offline"
    claim: Claim | None = None
    card: Card | None = None
    client_id: uuid.UUID = field(default_factory=uuid.uuid4)
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    # -- the operator's state --------------------------------------------------------------
    def log(self, state: str, pause: int | None = None, entry: int | None = None) -> None:
        self.state = state
        engine, me = self.engine, self.me
        log.info("person %s is %s (pause %s, entry %s)", me, state, pause, entry)

        def failed(error: BaseException) -> None:
            log.warning("the state log of person %s lost %r: %s", me, state, error)
            self.on_log_failed(error)

        self.run_log(
            lambda: log_state(engine, me, state, pause_code_id=pause, entry_id=entry), failed
        )

    def start(self) -> list[PauseReason]:
        """The shift begins: waiting for the first company; the pause reasons to offer."""
        self.log("waiting")
        return pause_reasons(self.engine)

    def pause(self, reason: int | None) -> None:
        if self.claim is not None:
            raise UserError("Save an outcome or release this company first.")
        self.log("paused", pause=reason)

    def resume(self) -> None:
        self.log("waiting")

    # -- the queue: asking (changes nothing here) -------------------------------------------
    def check_may_claim(self) -> None:
        if self.state == "paused":
            raise UserError("You are on a pause; press Ctrl+P to go back to work.")
        if self.claim is not None:
            raise UserError("Save an outcome or release this company first.")

    def opened(self, claim: Claim | None) -> Opened:
        """The card for a claim, or why there is none (asks the database)."""
        if claim is None:
            return Opened(None, empty=explain_empty_queue(self.engine, self.me))
        card = load_card(self.engine, claim.company_id, claim.campaign_id)
        promise = callback_reason(self.engine, claim.callback_id) if claim.callback_id else None
        return Opened(claim, card, promise)

    def find_next(self) -> Opened:
        return self.opened(claim_next_entry(self.engine, self.me))

    def find_callback(self, callback_id: int) -> Opened:
        claim, promise = open_callback(self.engine, self.me, callback_id)
        return Opened(claim, load_card(self.engine, claim.company_id, claim.campaign_id), promise)

    # -- the queue: taking -------------------------------------------------------------------
    def took(self, opened: Opened) -> bool:
        """Hold what a claim brought (False: there was nothing to call)."""
        if opened.claim is None:
            log.info("person %s: nothing to call", self.me)
            return False
        self.claim, self.card = opened.claim, opened.card
        self.client_id = uuid.uuid4()
        self.started_at = datetime.now(UTC)
        log.info(
            "person %s took entry %s (company %s, callback %s)",
            self.me,
            opened.claim.entry_id,
            opened.claim.company_id,
            opened.claim.callback_id,
        )
        self.log("on_card", entry=opened.claim.entry_id)
        return True

    def next(self) -> Opened:
        """Claim the next company and hold it (for a caller without a screen)."""
        self.check_may_claim()
        opened = self.find_next()
        self.took(opened)
        return opened

    def find_entry(self, entry_id: int) -> Opened:
        """Open one company found by search (its queue entry), if nobody holds it."""
        claim = open_entry(self.engine, self.me, entry_id)
        return Opened(claim, load_card(self.engine, claim.company_id, claim.campaign_id))

    def dropped(self) -> None:
        """The card is empty again; the operator waits."""
        self.claim = self.card = None
        self.log("waiting")

    def give_back(self, entry_id: int) -> None:
        """Give a company back to the queue (asks the database only)."""
        release_claim(self.engine, self.me, entry_id)
        log.info("person %s released entry %s", self.me, entry_id)

    def release(self) -> None:
        """Give the company held back to the queue, and wait."""
        if self.claim is not None:
            self.give_back(self.claim.entry_id)
            self.dropped()

    def keep_lease(self) -> bool:
        """Renew the held company's lease (a long call must not lose it to a colleague);
        False when the claim was lost meanwhile or nothing is held."""
        claim = self.claim
        if claim is None:
            return False
        kept = extend_lease(self.engine, self.me, claim.entry_id)
        if not kept:
            log.warning("person %s lost the claim on entry %s", self.me, claim.entry_id)
        return kept

    # -- saving ------------------------------------------------------------------------------
    def save(self, data: OutcomeInput) -> SavedOutcome:
        saved = record_outcome(self.engine, self.me, data)
        log.info(
            "person %s saved %s on entry %s: call %s, entry now %s%s",
            self.me,
            data.outcome_code,
            data.entry_id,
            saved.call_id,
            saved.entry_state,
            " (saved before)" if saved.already_saved else "",
        )
        return saved

    def save_and_find_next(self, data: OutcomeInput) -> tuple[SavedOutcome, Opened]:
        saved, claim = save_and_claim_next(self.engine, self.me, data)
        log.info("person %s saved %s on entry %s and claimed again", self.me,
                 data.outcome_code, data.entry_id)  # fmt: skip
        return saved, self.opened(claim)

    def saved(self) -> None:
        self.dropped()

    def save_and_next(self, data: OutcomeInput) -> tuple[SavedOutcome, Opened]:
        """Save and hold the next company at once (for a caller without a screen)."""
        saved, opened = self.save_and_find_next(data)
        self.saved()
        self.took(opened)
        return saved, opened

    def kept(self, data: OutcomeInput) -> None:
        """The server did not take the outcome in time: the journal sends it later, once."""
        self.journal.add(data)
        log.info("person %s: outcome on entry %s kept in the journal", self.me, data.entry_id)
        self.dropped()

    def send_journal(self) -> SendResult:
        engine, me = self.engine, self.me
        result = self.journal.send(
            lambda o: record_outcome(engine, me, o), lambda r: report_refused(engine, me, r)
        )
        log.info("person %s: journal sent %s, refused %s, left %s", me, result.sent,
                 len(result.refused), len(self.journal))  # fmt: skip
        return result

    def end(self) -> None:
        """The shift ends: the company held goes back at once, the state is "offline"."""
        if self.claim is not None:
            entry, self.claim, self.card = self.claim.entry_id, None, None
            try:
                self.give_back(entry)
            except Exception as error:
                log.warning("person %s could not give entry %s back: %s", self.me, entry, error)
        if self.state != "offline":
            self.log("offline")
