"""The table from SCAIP codes to rc-feed.v1 kinds, priorities and updates
(``scaip_mapping.toml`` in this package; a centre's copy by ``--mapping PATH``).

``load_mapping`` checks the table when the gateway starts (a priority or update it does not
know is refused, with the file and the code named), so a typo never turns into a silent
mis-mapping at the time of an alarm.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

PRIORITIES = frozenset({"high", "medium", "low"})
UPDATES = frozenset({"reset_at_device", "presence", "restored"})


class MappingError(ValueError):
    """The mapping table is wrong; the message names the file and the entry."""


@dataclass(frozen=True)
class Code:
    name: str
    kind: str | None = None
    priority: str | None = None
    update: str | None = None


@dataclass(frozen=True)
class Place:
    code: str
    text: str


@dataclass(frozen=True)
class Mapping:
    dty: dict[str, Code]
    stc: dict[str, Code]
    lco: dict[str, Place]
    alarm_priority: str
    info_kind: str
    info_priority: str
    reset_kind: str
    reset_priority: str
    source: str


def _priority(value: object, where: str) -> str | None:
    if value is None:
        return None
    if value not in PRIORITIES:
        raise MappingError(f"{where}: priority {value!r} is not high, medium or low")
    return str(value)


def _codes(table: dict[str, Any], section: str, width: int, source: str) -> dict[str, Code]:
    codes: dict[str, Code] = {}
    for key, entry in table.get(section, {}).items():
        where = f"{source} [{section}] {key!r}"
        if not (key.isdigit() and len(key) <= width) or not isinstance(entry, dict):
            raise MappingError(f"{where}: a code is up to {width} digits with a table of values")
        unknown = set(entry) - {"name", "kind", "priority", "update"}
        if unknown:
            raise MappingError(f"{where}: unknown keys {sorted(unknown)}")
        update = entry.get("update")
        if update is not None and update not in UPDATES:
            raise MappingError(f"{where}: update {update!r} is not one of {sorted(UPDATES)}")
        kind = entry.get("kind")
        if kind is not None and (not isinstance(kind, str) or not kind):
            raise MappingError(f"{where}: kind must be a non-empty text")
        codes[key.zfill(width)] = Code(str(entry.get("name", key)), kind,
                                       _priority(entry.get("priority"), where), update)
    return codes


def parse_mapping(text: str, source: str) -> Mapping:
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(f"{source}: not TOML ({exc})") from None
    unknown = table.get("unknown", {})
    places = {key.zfill(3): Place(str(v.get("code", key)), str(v.get("text", key)))
              for key, v in table.get("lco", {}).items()}
    return Mapping(
        dty=_codes(table, "dty", 4, source), stc=_codes(table, "stc", 4, source), lco=places,
        alarm_priority=_priority(unknown.get("alarm_priority", "high"), source) or "high",
        info_kind=str(unknown.get("info_kind", "scaip_info")),
        info_priority=_priority(unknown.get("info_priority", "low"), source) or "low",
        reset_kind=str(unknown.get("reset_kind", "scaip_reset_without_alarm")),
        reset_priority=_priority(unknown.get("reset_priority", "low"), source) or "low",
        source=source,
    )


def load_mapping(path: str | Path | None = None) -> Mapping:
    """The shipped table, or the one at ``path``."""
    if path is None:
        text = resources.files(__package__).joinpath("scaip_mapping.toml").read_text("utf-8")
        return parse_mapping(text, "scaip_mapping.toml (shipped)")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise MappingError(f"{path}: cannot read ({exc.strerror})") from None
    return parse_mapping(text, str(path))
