"""What an import is asked to do, and what it did: shared by the import and its writer."""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ImportOptions:
    campaign: str
    source: str | None = None
    sheet: str | None = None
    template: str | None = None
    mapping: dict[int, str] | None = None  # column index -> field; None: guessed or template
    encoding: str | None = None
    delimiter: str | None = None
    dry_run: bool = False
    rejects_file: Path | None = None  # default: beside the list
    header_row: int | None = None  # 0-based, as the preview found it; None: found again
    translate: Callable[[str], str] | None = None  # rejection reasons into the reader's language
    # the old base: a manager's name as the file writes it -> a login ("" leaves it out),
    # a group or result as written -> an outcome code ("" leaves it out)
    experts: dict[str, str] | None = None
    groups: dict[str, str] | None = None
    # fields of matched companies the file's values overwrite; the others are only filled
    # where the base has nothing
    overwrite: frozenset[str] = frozenset()


@dataclass
class ImportResult:
    rows_read: int = 0
    companies_created: int = 0
    companies_merged: int = 0
    duplicates_in_file: int = 0
    phones_valid: int = 0
    phones_invalid: int = 0
    phones_do_not_call: int = 0
    rows_rejected: int = 0
    rows_changed: int = 0  # imported with a value cut or left out (said in the rejects file)
    entries_added: int = 0
    archived_not_queued: int = 0  # matched archived companies: updated, not put in the queue
    rejects_file: Path | None = None
    rejects_unwritten: Path | None = None  # the rejects file it could not write, and why
    rejects_error: str | None = None  # (a ``translatable`` phrase)
    seconds: float = 0.0
    batch_id: int | None = None
    dry_run: bool = False
    campaign_created: bool = False
    mapping: dict[int, str] = field(default_factory=dict)
    # read (to the header row; the rest is read while it is cleaned), clean, write, report
    stage_seconds: dict[str, float] = field(default_factory=dict)
    # matched companies brought up to date: field -> how many companies it changed
    fields_updated: dict[str, int] = field(default_factory=dict)
    # the old base
    history_written: int = 0  # imported last contacts
    contacts_without_outcome: int = 0  # last contacts with no result or group known: not written
    groups_set: int = 0
    experts_matched: int = 0
    former_clients: int = 0
    unknown_experts: dict[str, int] = field(default_factory=dict)  # name -> rows
    unknown_groups: dict[str, int] = field(default_factory=dict)  # value -> rows

    def as_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["rejects_file"] = str(self.rejects_file) if self.rejects_file else None
        data["rejects_unwritten"] = str(self.rejects_unwritten) if self.rejects_unwritten else None
        data["seconds"] = round(self.seconds, 2)
        data["mapping"] = {str(k): v for k, v in self.mapping.items()}
        data["stage_seconds"] = {k: round(v, 2) for k, v in self.stage_seconds.items()}
        return data
