"""The customer's old base matched to ours: each responsible manager to a person (by full name,
either order of its words, or login), each group or result to an outcome code (by its label
or code, or by the words old bases use: "тёплый", "не дозвонились", "hot"...).  What matches
nothing is listed, for the person to map in the wizard (``ImportOptions.experts`` and
``groups``) or leave out."""

import re
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import Connection, Engine, text

from dialdesk.errors import plain_database_errors
from dialdesk.importing.columns import loose_key
from dialdesk.importing.rows import CleanCompany

# outcome code -> the starts of words old bases write for it (as loose_key gives them)
OUTCOME_WORDS: dict[str, tuple[str, ...]] = {
    "hot": ("горяч", "hot", "оченьинтерес", "готовкупить", "готовыкупить"),
    "warm": ("тепл", "warm", "интерес", "дума", "подума"),
    "competitor": ("конкурент", "рынокконкурент", "competitor", "упоставщик", "естьпоставщик"),
    "cold": ("холодн", "cold", "отказ", "неинтерес", "ненужно", "ненадо", "refused"),
    "no_contact": (
        "нетконтакта", "недозвон", "неотвеча", "неответ", "недоступ", "занято", "секретар",
        "noanswer", "nocontact", "notreached", "busy", "noreply",
    ),
    "nonexistent": (
        "несуществ", "неработает", "закрыт", "ликвидир", "номерне", "неверныйномер",
        "nonexist", "closed", "wrongnumber", "invalid",
    ),
}  # fmt: skip
_NOT_LETTERS = re.compile(r"[^0-9a-zа-я]+")


def _name_key(value: str) -> str:
    """A person's name with its words in order: "Петрова Анна" and "Анна Петрова" meet."""
    return " ".join(sorted(_NOT_LETTERS.sub(" ", value.lower().replace("ё", "е")).split()))


@dataclass(frozen=True)
class Vocabulary:
    """What the base knows to match against: people and outcome codes."""

    people: dict[str, int]  # full name, its words in order (_name_key) -> person id
    logins: dict[str, int]  # login, lower case -> person id
    outcomes: dict[str, int]  # code -> id
    outcome_keys: dict[str, str]  # label or code (as loose_key gives it) -> code

    def person(self, name: str, chosen: dict[str, str]) -> int | None:
        """The person ``name`` is: the wizard's choice (a login) first, then name or login."""
        if name in chosen:
            return self.logins.get(chosen[name].lower())
        return self.people.get(_name_key(name)) or self.logins.get(name.strip().lower())

    def outcome(self, value: str, chosen: dict[str, str]) -> int | None:
        """The outcome ``value`` means: the wizard's choice (a code) first, then our own
        labels and codes, then the words old bases write for them."""
        if value in chosen:
            return self.outcomes.get(chosen[value])
        key = loose_key(value)
        code = self.outcome_keys.get(key)
        if code is None:
            code = next(
                (c for c, words in OUTCOME_WORDS.items() if any(key.startswith(w) for w in words)),
                None,
            )
        return self.outcomes.get(code) if code else None


def load_vocabulary(conn: Connection) -> Vocabulary:
    people: dict[str, int] = {}
    logins: dict[str, int] = {}
    for person_id, login, full_name in conn.execute(
        text(
            "SELECT id, login, full_name FROM dialdesk.people "
            "ORDER BY active DESC, is_expert DESC, id"
        )
    ):
        people.setdefault(_name_key(full_name), person_id)  # an active expert first
        logins[login.lower()] = person_id
    outcomes: dict[str, int] = {}
    keys: dict[str, str] = {}
    for outcome_id, code, label_ru, label_en in conn.execute(
        text("SELECT id, code, label_ru, label_en FROM dialdesk.outcome_definitions ORDER BY id")
    ):
        outcomes[code] = outcome_id
        for word in (code, label_ru, label_en):
            keys.setdefault(loose_key(word), code)
    return Vocabulary(people, logins, outcomes, keys)


@dataclass
class Matched:
    """Per company (by its place in the cleaned list): its expert, its group, and the
    outcome of its imported last contact; and what matched nothing, with how many rows."""

    experts: dict[int, int] = field(default_factory=dict)
    groups: dict[int, int] = field(default_factory=dict)
    contacts: dict[int, int] = field(default_factory=dict)
    unknown_experts: Counter[str] = field(default_factory=Counter)
    unknown_groups: Counter[str] = field(default_factory=Counter)
    contacts_without_outcome: int = 0


def match_old_base(
    vocabulary: Vocabulary,
    companies: list[CleanCompany],
    experts: dict[str, str] | None = None,
    groups: dict[str, str] | None = None,
) -> Matched:
    """Match every company's old-base owner, group and last contact's result.  A last
    contact whose result means nothing known takes the company's group as its outcome;
    with neither it is not written (and counted)."""
    chosen_experts, chosen_groups = experts or {}, groups or {}
    found = Matched()
    for k, company in enumerate(companies):
        old = company.old
        if old.expert:
            person = vocabulary.person(old.expert, chosen_experts)
            if person is not None:
                found.experts[k] = person
            elif chosen_experts.get(old.expert) != "":
                found.unknown_experts[old.expert] += 1
        group = _outcome(vocabulary, old.group, chosen_groups, found)
        contact = old.last_contact
        result = _outcome(vocabulary, contact.result if contact else None, chosen_groups, found)
        group = group or result
        if group is not None:
            found.groups[k] = group
        outcome = result or group
        if contact is not None and outcome is not None:
            found.contacts[k] = outcome
        elif contact is not None:
            found.contacts_without_outcome += 1
    return found


def _outcome(
    vocabulary: Vocabulary, value: str | None, chosen: dict[str, str], found: Matched
) -> int | None:
    if not value:
        return None
    outcome = vocabulary.outcome(value, chosen)
    if outcome is None and chosen.get(value) != "":
        found.unknown_groups[value] += 1
    return outcome


@dataclass(frozen=True)
class Choices:
    """What a name or group of the old base may be mapped to in the wizard: (key, Russian
    label, English label) for each active person (key: login) and outcome (key: code)."""

    people: list[tuple[str, str, str]]
    outcomes: list[tuple[str, str, str]]


def old_base_choices(engine: Engine) -> Choices:
    with plain_database_errors(), engine.connect() as conn:
        people = [
            (login, f"{name} ({login})", f"{name} ({login})")
            for login, name in conn.execute(
                text(
                    "SELECT login, full_name FROM dialdesk.people WHERE active "
                    "ORDER BY NOT is_expert, full_name"
                )
            )
        ]
        outcomes = [
            (code, ru, en)
            for code, ru, en in conn.execute(
                text(
                    "SELECT code, label_ru, label_en FROM dialdesk.outcome_definitions ORDER BY id"
                )
            )
        ]
    return Choices(people, outcomes)
