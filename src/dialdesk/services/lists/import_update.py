"""Matched companies brought up to date by an import: each field the base leaves empty is
filled from the file (the default), and the fields the person chose are overwritten with the
file's values.  Never silently: the counts per field are what the trial run shows, and the
audit log records each change as it records any other.

Runs inside the import's transaction, after matching (``import_writer``) and before the
new companies are written, on the staging table ``import_companies``."""

from sqlalchemy import Connection, text

# field -> what the staging table calls it (the old base's comment is the company's note)
UPDATABLE: dict[str, str] = {
    "name": "name", "inn": "inn", "industry": "industry", "region": "region", "city": "city",
    "address": "address", "website": "website", "staff_band": "staff_band", "kpp": "kpp",
    "ogrn": "ogrn", "okved": "okved", "listed_on": "listed_on", "client_since": "client_since",
    "last_purchase_on": "last_purchase_on", "total_bought": "total_bought",
    "expert_id": "expert_id", "notes": "note", "is_former_client": "is_former_client",
}  # fmt: skip
# fields a file may overwrite when the person asks; notes and the former-client mark only
# ever add to what the base has
OVERWRITABLE = tuple(f for f in UPDATABLE if f not in ("notes", "is_former_client"))

# the first of the file's rows that matched each company of the base
_FIRST = """
(SELECT DISTINCT ON (company_id) * FROM import_companies
 WHERE NOT is_new ORDER BY company_id, k) s
"""


def _condition(name: str, overwrite: frozenset[str]) -> str:
    """When the file changes field ``name`` of a matched company (names from UPDATABLE
    only, never from what a person typed)."""
    staged = f"s.{UPDATABLE[name]}"
    if name == "is_former_client":
        return "(s.is_former_client AND NOT c.is_former_client)"
    differs = f"c.{name} IS DISTINCT FROM {staged}" if name in overwrite else f"c.{name} IS NULL"
    condition = f"{staged} IS NOT NULL AND {differs}"
    if name == "inn":  # an INN another company holds stays with it
        condition += f" AND NOT EXISTS (SELECT 1 FROM dialdesk.companies o WHERE o.inn = {staged})"
    return f"({condition})"


def _fields(overwrite: frozenset[str]) -> list[str]:
    unknown = overwrite - set(OVERWRITABLE)
    if unknown:
        raise ValueError(f"fields that cannot be overwritten: {sorted(unknown)}")
    return list(UPDATABLE)


def count_updates(conn: Connection, overwrite: frozenset[str]) -> dict[str, int]:
    """Field -> how many matched companies the file would change."""
    fields = _fields(overwrite)
    counts = ", ".join(f"count(*) FILTER (WHERE {_condition(f, overwrite)})" for f in fields)
    row = conn.execute(
        text(f"SELECT {counts} FROM {_FIRST} JOIN dialdesk.companies c ON c.id = s.company_id")
    ).one()
    return {f: int(n) for f, n in zip(fields, row, strict=True) if n}


def update_matched(conn: Connection, overwrite: frozenset[str], counts: dict[str, int]) -> None:
    """Change the fields ``counts`` says the file changes, and nothing else: a column the
    file leaves alone is not even assigned (a marketer may not assign every column)."""
    fields = [f for f in _fields(overwrite) if counts.get(f)]
    if not fields:
        return
    assignments = [
        f"{f} = CASE WHEN {_condition(f, overwrite)} THEN s.{UPDATABLE[f]} ELSE c.{f} END"
        for f in fields
    ]
    if "name" in fields:  # a new name is matched by its new key, its legal form with it
        condition = _condition("name", overwrite)
        assignments += [
            f"name_key = CASE WHEN {condition} THEN s.name_key ELSE c.name_key END",
            f"legal_form = CASE WHEN {condition} THEN s.legal_form ELSE c.legal_form END",
        ]
    changes = " OR ".join(_condition(f, overwrite) for f in fields)
    conn.execute(
        text(
            f"UPDATE dialdesk.companies c SET {', '.join(assignments)} FROM {_FIRST} "
            f"WHERE c.id = s.company_id AND ({changes})"
        )
    )
