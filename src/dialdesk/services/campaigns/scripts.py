"""Call scripts: merge fields ({company}, {person}, {operator}) filled in, typos found."""

import re

MERGE_FIELDS = ("company", "person", "operator")
_FIELD = re.compile(r"\{([^{}\s]+)\}")


def fill_merge_fields(script: str, company: str, person: str, operator: str) -> str:
    values = {"company": company, "person": person, "operator": operator}
    for key, value in values.items():
        script = script.replace("{" + key + "}", value)
    return script


def unknown_fields(script: str) -> list[str]:
    """Names in braces that are no merge field ("{compnay}"), in order, once each."""
    seen: list[str] = []
    for name in _FIELD.findall(script):
        if name not in MERGE_FIELDS and name not in seen:
            seen.append(name)
    return seen
