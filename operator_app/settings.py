"""Settings: command-line flags override environment variables, which override the settings
file, which overrides defaults. Secrets are never here (see ``credentials``)."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from operator_app import paths

log = logging.getLogger("operator_app.settings")

ENV_PREFIX = "OPERATOR_APP_"
DEMO_FEED = "demo"


@dataclass(frozen=True)
class Settings:
    #: websocket URL of the feed, "demo" for the in-process simulator; empty: no feed (the
    #: status bar says so). Never defaults to the demo: fake alarms must be asked for.
    feed_url: str = ""
    #: SQLAlchemy URL; empty means the embedded SQLite file in the data directory
    db_url: str = ""
    operator: str = ""
    #: what people call this desk (events record its workstation id, see workstation_identity)
    workstation_name: str = field(
        default_factory=lambda: os.uname().nodename if hasattr(os, "uname") else "ws")
    #: allow ws:// to a non-loopback host (shown on screen for the whole session)
    insecure: bool = False
    ca_file: str = ""
    language: str = "nb"
    #: the centre's shifts: name=local start time, in order (REFERENCE: day/evening/night)
    shifts: str = "day=07:00,evening=15:00,night=23:00"
    timezone: str = "Europe/Oslo"
    #: answer targets in seconds per priority, and the reminder for a claim left open
    answer_targets: str = "high=60,medium=180,low=600,claim_reminder=900"
    #: seconds after a patient's last alarm within which a further one joins its queue row
    group_window: float = 600.0
    #: shown in the handover's header
    centre_name: str = "Responssenter"
    demo_seed: int = 1
    demo_alarm_rate: float = 6.0
    demo_measurement_rate: float = 20.0

    def effective_db_url(self) -> str:
        return self.db_url or paths.default_database_url()


def pairs(text: str) -> dict[str, str]:
    """``"a=1, b=2"`` -> ``{"a": "1", "b": "2"}``; raises ValueError with the bad part."""
    out: dict[str, str] = {}
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        key, sep, value = part.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ValueError(f"expected name=value, got {part!r}")
        out[key.strip()] = value.strip()
    return out


_FORBIDDEN_KEYS = {"token", "password", "feed_token", "secret"}


def _coerce(name: str, raw: Any, default: Any) -> Any:
    if isinstance(default, bool):
        if isinstance(raw, bool):
            return raw
        return str(raw).strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return str(raw)


def load_file() -> dict[str, Any]:
    path = paths.settings_file()
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        log.error("settings file %s unreadable (%s); using defaults", path, exc)
        return {}
    if not isinstance(data, dict):
        log.error("settings file %s is not an object; using defaults", path)
        return {}
    leaked = _FORBIDDEN_KEYS & set(data)
    if leaked:
        log.error("settings file holds secret-like keys %s; ignored (use the keyring)", sorted(leaked))
    if "workstation" in data:  # the name's key before workstation ids
        data.setdefault("workstation_name", data.pop("workstation"))
    return {k: v for k, v in data.items() if k not in _FORBIDDEN_KEYS}


def load(overrides: dict[str, Any] | None = None) -> Settings:
    """Defaults < settings file < environment (OPERATOR_APP_<NAME>) < overrides (flags)."""
    settings = Settings()
    known = {f.name: getattr(settings, f.name) for f in fields(Settings)}
    layers: list[dict[str, Any]] = [load_file()]
    env = {
        name: os.environ[ENV_PREFIX + name.upper()]
        for name in known
        if ENV_PREFIX + name.upper() in os.environ
    }
    layers.append(env)
    layers.append({k: v for k, v in (overrides or {}).items() if v is not None})
    values: dict[str, Any] = {}
    for layer in layers:
        for name, raw in layer.items():
            if name in known:
                values[name] = _coerce(name, raw, known[name])
    return replace(settings, **values)


def save(settings: Settings, keys: tuple[str, ...]) -> None:
    """Persist the given keys to the settings file (atomically), keeping the others."""
    current = load_file()
    data = asdict(settings)
    for key in keys:
        current[key] = data[key]
    path = paths.settings_file()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(current, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
