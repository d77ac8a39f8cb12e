"""Saved column mappings: a list from the same directory imports the same way every time."""

import json

from sqlalchemy import Engine, text

from dialdesk.errors import UserError, plain_database_errors
from dialdesk.importing.columns import FIELDS


def save_template(engine: Engine, name: str, header: list[str], mapping: dict[int, str]) -> None:
    """Keep ``mapping`` under ``name`` as header name -> field (replacing one of that name)."""
    name = name.strip()
    if not name:
        raise UserError("Give the template a name.")
    by_name = {header[i].strip(): field for i, field in mapping.items() if i < len(header)}
    with plain_database_errors(), engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO dialdesk.import_templates (name, mapping) "
                "VALUES (:name, CAST(:mapping AS jsonb)) "
                "ON CONFLICT (name) DO UPDATE SET mapping = EXCLUDED.mapping"
            ),
            {"name": name, "mapping": json.dumps(by_name, ensure_ascii=False)},
        )


def load_template(engine: Engine, name: str) -> dict[str, str]:
    """Header name -> field of the template ``name``."""
    with plain_database_errors(), engine.connect() as conn:
        mapping = conn.execute(
            text("SELECT mapping FROM dialdesk.import_templates WHERE name = :name"),
            {"name": name.strip()},
        ).scalar()
    if mapping is None:
        raise UserError("There is no import template '{name}'.", name=name)
    return {str(k): str(v) for k, v in mapping.items() if v in FIELDS}


def template_names(engine: Engine) -> list[str]:
    with plain_database_errors(), engine.connect() as conn:
        return list(
            conn.execute(text("SELECT name FROM dialdesk.import_templates ORDER BY name")).scalars()
        )
