"""Campaign settings: created, changed, checked with messages that name the setting."""

from dataclasses import replace
from datetime import time

import pytest

from dialdesk.errors import UserError
from dialdesk.services.campaigns.codes import list_outcome_definitions
from dialdesk.services.campaigns.scripts import fill_merge_fields, unknown_fields
from dialdesk.services.campaigns.settings import (
    CampaignLinks,
    CampaignSettings,
    campaign_links,
    list_campaigns,
    save_campaign,
    save_campaign_links,
)
from dialdesk.services.people.accounts import list_people
from tests.conftest import Logins


def test_an_admin_creates_and_changes_a_campaign(logins: Logins) -> None:
    admin = logins.as_role("admin")
    settings = CampaignSettings(
        name="Осень", product="Смазки", script="Добрый день, {person}! Это {operator}.",
        calling_hours_start=time(10), calling_hours_end=time(17), max_attempts=4,
    )  # fmt: skip
    campaign = save_campaign(admin, None, settings)
    save_campaign(admin, campaign, replace(settings, is_active=False, alert_card_seconds=300))
    line = next(c for c in list_campaigns(admin) if c.id == campaign)
    assert line.settings == replace(settings, is_active=False, alert_card_seconds=300)
    assert line.entries == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": "  "}, "needs a name"),
        ({"calling_hours_start": time(18), "calling_hours_end": time(9)}, "start before"),
        ({"max_attempts": 0}, "max_attempts must be between 1 and 1000"),
        ({"script": "Здравствуйте, {compnay}!"}, "unknown merge fields: {compnay}"),
    ],
)
def test_bad_settings_are_refused_by_name(
    logins: Logins, change: dict[str, object], message: str
) -> None:
    with pytest.raises(UserError, match=message.replace("{", r"\{").replace("}", r"\}")):
        save_campaign(logins.as_role("admin"), None, replace(CampaignSettings("X"), **change))  # type: ignore[arg-type]


def test_names_are_unique_whatever_the_case(logins: Logins) -> None:
    admin = logins.as_role("admin")
    save_campaign(admin, None, CampaignSettings("Осень"))
    with pytest.raises(UserError, match="already exists"):
        save_campaign(admin, None, CampaignSettings("осень"))


def test_operators_may_not_change_campaigns(logins: Logins) -> None:
    with pytest.raises(UserError, match="refused"):
        save_campaign(logins.as_role("operator"), None, CampaignSettings("Моя"))


def test_merge_fields() -> None:
    script = "{person}, это {operator} из {company}. {компания}"
    assert fill_merge_fields(script, "Ромашка", "Иван", "Анна") == (
        "Иван, это Анна из Ромашка. {компания}"
    )
    assert unknown_fields(script) == ["компания"]


def test_a_campaign_offers_chosen_codes_to_chosen_operators(logins: Logins) -> None:
    admin = logins.as_role("admin")
    campaign = save_campaign(admin, None, CampaignSettings("Узкая"))
    ids = {code: id_ for id_, o in list_outcome_definitions(admin) for code in [o.code]}
    operator_login, _ = logins.add("operator")
    person = next(p.id for p in list_people(admin) if p.login == operator_login)
    links = CampaignLinks(frozenset({ids["hot"], ids["cold"]}), frozenset({person}))
    save_campaign_links(admin, campaign, links)
    assert campaign_links(admin, campaign) == links
    save_campaign_links(admin, campaign, CampaignLinks(frozenset({ids["hot"]}), frozenset()))
    assert campaign_links(admin, campaign) == CampaignLinks(frozenset({ids["hot"]}), frozenset())
    marketer = logins.as_role("marketer")  # may choose codes, not operators
    save_campaign_links(marketer, campaign, CampaignLinks(frozenset({ids["warm"]}), frozenset()))
    with pytest.raises(UserError, match="refused"):
        save_campaign_links(marketer, campaign, CampaignLinks(frozenset(), frozenset({person})))
