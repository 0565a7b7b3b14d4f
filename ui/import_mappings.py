"""The user's column mappings, remembered per header row (by its signature) so
that the same spreadsheet layout is mapped the same way next time."""

import json

from prospect_desk.header_mapping import ImportField, Mapping, auto_map, header_signature
from ui import settings


def _stored() -> dict:
    try:
        stored = json.loads(settings.read(settings.IMPORT_MAPPINGS) or "{}")
    except (TypeError, ValueError):
        return {}
    return stored if isinstance(stored, dict) else {}


def remembered_mapping(headers: list[str]) -> Mapping | None:
    """The mapping last used for this header row, or None if there is none
    (or it no longer fits the core's fields)."""
    saved = _stored().get(header_signature(headers))
    if not isinstance(saved, dict):
        return None
    try:
        mapping = {int(column): (ImportField(value) if value else None)
                   for column, value in saved.items()}
    except ValueError:
        return None
    return {column: mapping.get(column) for column in range(len(headers))}


def initial_mapping(headers: list[str]) -> Mapping:
    """The remembered mapping of this header row, else the automatic one."""
    return remembered_mapping(headers) or auto_map(headers)


def remember_mapping(headers: list[str], mapping: Mapping) -> None:
    stored = _stored()
    stored[header_signature(headers)] = {
        str(column): (target.value if target else "") for column, target in mapping.items()}
    settings.write(settings.IMPORT_MAPPINGS, json.dumps(stored, ensure_ascii=False))
