"""Typed SQLAlchemy models of the whole DialDesk domain."""

from dialdesk.models.admin import AuditEntry, ImportBatch, ImportTemplate, Segment
from dialdesk.models.base import SCHEMA, Base
from dialdesk.models.calls import Answer, Call, Callback, Handoff, RefusedOutcome
from dialdesk.models.campaigns import (
    Campaign,
    CampaignEntry,
    CampaignOperator,
    CampaignOutcome,
    OutcomeDefinition,
    Question,
)
from dialdesk.models.companies import Company, ContactPerson, DoNotCall, Phone
from dialdesk.models.deals import (
    ClientHandover,
    Deal,
    ExpertStep,
    LostReason,
    SalesSettings,
    SleepingProduct,
)
from dialdesk.models.mail import (
    DoNotMail,
    Letter,
    Mailing,
    MailSettings,
    Offer,
    OfferAttachment,
)
from dialdesk.models.people import OperatorPlan, OperatorState, PauseCode, Person

__all__ = [
    "SCHEMA",
    "Answer",
    "AuditEntry",
    "Base",
    "Call",
    "Callback",
    "Campaign",
    "CampaignEntry",
    "CampaignOperator",
    "CampaignOutcome",
    "ClientHandover",
    "Company",
    "ContactPerson",
    "Deal",
    "DoNotCall",
    "DoNotMail",
    "ExpertStep",
    "Handoff",
    "ImportBatch",
    "ImportTemplate",
    "Letter",
    "LostReason",
    "MailSettings",
    "Mailing",
    "Offer",
    "OfferAttachment",
    "OperatorPlan",
    "OperatorState",
    "OutcomeDefinition",
    "PauseCode",
    "Person",
    "Phone",
    "Question",
    "RefusedOutcome",
    "SalesSettings",
    "Segment",
    "SleepingProduct",
]
