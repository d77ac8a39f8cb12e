"""The words every layer shares: roles, states and kinds, as the database stores them.

The tables (``models/``) check their columns against these; services, the importer and the
windows read them from here, so none of them has to import another layer for a word.
"""

from zoneinfo import ZoneInfo

# the call centre's own clock: the days reports and the monitor count in, and the zone of a
# time an old base wrote without one
CENTRE_ZONE = ZoneInfo("Europe/Moscow")

ROLES = ("operator", "supervisor", "marketer", "expert", "admin")

HANDOFF_STATES = ("new", "accepted", "returned", "closed")
DEAL_STAGES = ("open", "meeting", "offer", "invoice", "won", "lost")
EXPERT_STEP_KINDS = ("call", "meeting", "offer", "invoice", "won", "lost")
OPERATOR_STATES = ("offline", "waiting", "on_card", "paused")

ENTRY_STATES = ("fresh", "claimed", "retry", "callback", "done")
QUESTION_KINDS = ("yes_no", "choice", "number", "text")

CALLBACK_KINDS = ("call", "meeting", "send_offer")
CALLBACK_STATES = ("pending", "done", "cancelled", "missed")

CONTACT_ROLES = ("decision_maker", "influencer", "secretary", "other")
PHONE_KINDS = ("work", "mobile", "fax", "other")
