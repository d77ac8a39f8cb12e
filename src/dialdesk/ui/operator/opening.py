"""What a claim brings to the screen: the card and, for a promised callback, the promise;
or why there is nothing to call."""

from sqlalchemy import Engine

from dialdesk.services.floor.queue_status import QueueEmpty, explain_empty_queue
from dialdesk.services.shift.card import Card, load_card
from dialdesk.services.shift.open_entry import CallbackReason, callback_reason
from dialdesk.services.shift.queue import Claim

Opened = tuple[Claim | None, Card | QueueEmpty, CallbackReason | None]


def card_or_reason(engine: Engine, me: int, claim: Claim | None) -> Opened:
    """What the screen shows after a claim (run in a worker): the card and, for a promised
    callback, the promise; or why there is no card."""
    if claim is None:
        return None, explain_empty_queue(engine, me), None
    card = load_card(engine, claim.company_id, claim.campaign_id)
    promise = callback_reason(engine, claim.callback_id) if claim.callback_id else None
    return claim, card, promise
