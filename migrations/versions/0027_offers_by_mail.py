"""Offers by e-mail: the campaign's offer, letters from the card and to a whole segment, the
do-not-mail list and the admin's mail server.

- ``offers`` (one per campaign: subject, body with merge fields, sender's name, reply-to,
  working days to the follow-up call) and ``offer_attachments`` (at most 10 MB each);
- ``mail_settings`` (one row: the SMTP server, its security, login, sender's address and
  letters per minute; the password stays in each workstation's keyring, never here);
- ``do_not_mail`` (addresses that asked not to be written to, or that the server refused);
- ``mailings`` and ``letters``: one row per letter, written only by ``start_letter``,
  ``take_letter``, ``finish_letter``, ``plan_mailing`` and ``resume_mailing``, so a letter is
  sent once: taken ('sending') before the server is asked, marked after it answered; a sent
  letter schedules its follow-up call.
- Who may: an operator writes to a company on their card, an expert to their own client,
  supervisors, marketers and admins to any; mailings are the marketer's and admin's; the log
  is read by everyone who reads the company (an expert: their companies' only).

Revision ID: 0027
Revises: 0026
"""

from collections.abc import Sequence
from pathlib import Path

from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

HERE = Path(__file__).parent
S = "dialdesk"
ALL = "dialdesk_operator, dialdesk_supervisor, dialdesk_marketer, dialdesk_expert, dialdesk_admin"
READERS = "dialdesk_operator, dialdesk_supervisor, dialdesk_marketer, dialdesk_admin"
MAILERS = "dialdesk_marketer, dialdesk_admin"
ME = f"{S}.current_person_id()"
ATTACHMENT_BYTES = 10 * 1024 * 1024

TABLES = f"""
CREATE TABLE {S}.offers (
    campaign_id integer CONSTRAINT pk_offers PRIMARY KEY
        CONSTRAINT fk_offers_campaign_id_campaigns REFERENCES {S}.campaigns (id) ON DELETE CASCADE,
    subject varchar(300) NOT NULL,
    body text NOT NULL,
    sender_name varchar(200),
    reply_to varchar(200),
    follow_up_days integer DEFAULT 2 NOT NULL,
    updated_at timestamptz DEFAULT now() NOT NULL,
    CONSTRAINT ck_offers_follow_up_days CHECK (follow_up_days BETWEEN 0 AND 30),
    CONSTRAINT ck_offers_subject CHECK (btrim(subject) <> '')
);
CREATE TABLE {S}.offer_attachments (
    id serial CONSTRAINT pk_offer_attachments PRIMARY KEY,
    campaign_id integer NOT NULL CONSTRAINT fk_offer_attachments_campaign_id_offers
        REFERENCES {S}.offers (campaign_id) ON DELETE CASCADE,
    file_name varchar(200) NOT NULL,
    content bytea NOT NULL,
    CONSTRAINT uq_offer_attachments_campaign_id_file_name UNIQUE (campaign_id, file_name),
    CONSTRAINT ck_offer_attachments_size CHECK (octet_length(content) <= {ATTACHMENT_BYTES})
);
CREATE TABLE {S}.mail_settings (
    id integer DEFAULT 1 CONSTRAINT pk_mail_settings PRIMARY KEY,
    host varchar(200),
    port integer DEFAULT 587 NOT NULL,
    security varchar(10) DEFAULT 'starttls' NOT NULL,
    login varchar(200),
    sender_address varchar(200),
    letters_per_minute integer DEFAULT 60 NOT NULL,
    CONSTRAINT ck_mail_settings_one_row CHECK (id = 1),
    CONSTRAINT ck_mail_settings_port CHECK (port BETWEEN 1 AND 65535),
    CONSTRAINT ck_mail_settings_security CHECK (security IN ('ssl', 'starttls', 'none')),
    CONSTRAINT ck_mail_settings_rate CHECK (letters_per_minute BETWEEN 1 AND 100000)
);
INSERT INTO {S}.mail_settings DEFAULT VALUES;
CREATE TABLE {S}.do_not_mail (
    email varchar(200) CONSTRAINT pk_do_not_mail PRIMARY KEY,
    reason varchar(12) DEFAULT 'asked' NOT NULL,
    note text,
    added_by integer DEFAULT {ME} CONSTRAINT fk_do_not_mail_added_by_people
        REFERENCES {S}.people (id),
    added_at timestamptz DEFAULT now() NOT NULL,
    CONSTRAINT ck_do_not_mail_lower CHECK (email = lower(btrim(email)) AND email <> ''),
    CONSTRAINT ck_do_not_mail_reason CHECK (reason IN ('asked', 'refused', 'bounced'))
);
CREATE TABLE {S}.mailings (
    id serial CONSTRAINT pk_mailings PRIMARY KEY,
    campaign_id integer NOT NULL CONSTRAINT fk_mailings_campaign_id_campaigns
        REFERENCES {S}.campaigns (id) ON DELETE CASCADE,
    segment_id integer CONSTRAINT fk_mailings_segment_id_segments
        REFERENCES {S}.segments (id) ON DELETE SET NULL,
    subject varchar(300) NOT NULL,
    created_by integer NOT NULL CONSTRAINT fk_mailings_created_by_people
        REFERENCES {S}.people (id),
    created_at timestamptz DEFAULT now() NOT NULL,
    cancelled_at timestamptz,
    finished_at timestamptz
);
CREATE TABLE {S}.letters (
    id bigserial CONSTRAINT pk_letters PRIMARY KEY,
    mailing_id integer CONSTRAINT fk_letters_mailing_id_mailings
        REFERENCES {S}.mailings (id) ON DELETE CASCADE,
    campaign_id integer NOT NULL CONSTRAINT fk_letters_campaign_id_campaigns
        REFERENCES {S}.campaigns (id) ON DELETE CASCADE,
    company_id integer NOT NULL CONSTRAINT fk_letters_company_id_companies
        REFERENCES {S}.companies (id) ON DELETE CASCADE,
    contact_person_id integer CONSTRAINT fk_letters_contact_person_id_contact_persons
        REFERENCES {S}.contact_persons (id) ON DELETE SET NULL,
    email varchar(200) NOT NULL,
    subject varchar(300) NOT NULL,
    state varchar(10) NOT NULL,
    sent_by integer CONSTRAINT fk_letters_sent_by_people REFERENCES {S}.people (id),
    message_id varchar(300),
    error text,
    follow_up_id integer CONSTRAINT fk_letters_follow_up_id_callbacks
        REFERENCES {S}.callbacks (id) ON DELETE SET NULL,
    created_at timestamptz DEFAULT now() NOT NULL,
    taken_at timestamptz,
    sent_at timestamptz,
    finished_at timestamptz,
    CONSTRAINT uq_letters_mailing_id_email UNIQUE (mailing_id, email),
    CONSTRAINT ck_letters_state CHECK (state IN ('pending', 'sending', 'sent', 'handed',
        'failed', 'refused', 'uncertain', 'skipped')),
    CONSTRAINT ck_letters_sent_when_sent CHECK ((state IN ('sent', 'handed')) = (sent_at IS NOT NULL))
);
CREATE INDEX ix_letters_company_id ON {S}.letters (company_id);
CREATE INDEX ix_letters_campaign_id_sent_at ON {S}.letters (campaign_id, sent_at);
CREATE INDEX ix_letters_mailing_id_state_id ON {S}.letters (mailing_id, state, id);
CREATE INDEX ix_letters_follow_up_id ON {S}.letters (follow_up_id);
"""

FUNCTIONS = {
    "start_letter(integer, integer, integer, text, text)": ALL,
    "finish_letter(bigint, text, text, text, timestamptz)": ALL,
    "take_letter(bigint, text)": MAILERS,
    "plan_mailing(integer, integer, integer[], text)": MAILERS,
    "resume_mailing(integer)": MAILERS,
}

GRANTS = [
    f"GRANT SELECT ON {S}.offers, {S}.offer_attachments, {S}.mail_settings, {S}.do_not_mail "
    f"TO {ALL}",
    f"GRANT INSERT, UPDATE, DELETE ON {S}.offers, {S}.offer_attachments TO {MAILERS}",
    f"GRANT USAGE ON SEQUENCE {S}.offer_attachments_id_seq TO {MAILERS}",
    f"GRANT UPDATE (host, port, security, login, sender_address, letters_per_minute) "
    f"ON {S}.mail_settings TO dialdesk_admin",
    f"GRANT INSERT (email, reason, note) ON {S}.do_not_mail TO {ALL}",
    f"GRANT DELETE ON {S}.do_not_mail TO {MAILERS}",
    f"GRANT SELECT ON {S}.letters TO {ALL}",
    f"GRANT SELECT ON {S}.mailings TO dialdesk_supervisor, {MAILERS}",
    f"GRANT UPDATE (cancelled_at, finished_at) ON {S}.mailings TO {MAILERS}",
]
POLICIES = [
    ("letters", "read", "SELECT", READERS, "true"),
    ("letters", "expert_read", "SELECT", "dialdesk_expert",
     f"EXISTS (SELECT 1 FROM {S}.companies c WHERE c.id = company_id)"),
]  # fmt: skip
AUDITED = ("offers", "mail_settings", "do_not_mail", "mailings")


def upgrade() -> None:
    op.execute(TABLES)
    op.execute((HERE / "0027_offers_by_mail.sql").read_text(encoding="utf-8"))
    op.execute(f"REVOKE ALL ON FUNCTION {S}.may_write_to(integer) FROM PUBLIC")
    op.execute(f"REVOKE ALL ON FUNCTION {S}.mailing_companies(integer, integer[]) FROM PUBLIC")
    op.execute(f"GRANT EXECUTE ON FUNCTION {S}.mailing_companies(integer, integer[]) TO {MAILERS}")
    for signature, roles in FUNCTIONS.items():
        op.execute(f"REVOKE ALL ON FUNCTION {S}.{signature} FROM PUBLIC")
        op.execute(f"GRANT EXECUTE ON FUNCTION {S}.{signature} TO {roles}")
    for statement in GRANTS:
        op.execute(statement)
    op.execute(f"ALTER TABLE {S}.letters ENABLE ROW LEVEL SECURITY")
    for table, name, command, roles, using in POLICIES:
        op.execute(f"CREATE POLICY {name} ON {S}.{table} FOR {command} TO {roles} USING ({using})")
    for table in AUDITED:
        op.execute(
            f"CREATE TRIGGER audit AFTER INSERT OR UPDATE OR DELETE ON {S}.{table} "
            f"FOR EACH ROW EXECUTE FUNCTION {S}.write_audit()"
        )


def downgrade() -> None:
    for signature in FUNCTIONS:
        op.execute(f"DROP FUNCTION {S}.{signature}")
    op.execute(f"DROP FUNCTION {S}.may_write_to(integer)")
    op.execute(f"DROP FUNCTION {S}.mailing_companies(integer, integer[])")
    op.execute(
        f"DROP TABLE {S}.letters, {S}.mailings, {S}.do_not_mail, {S}.mail_settings, "
        f"{S}.offer_attachments, {S}.offers"
    )
