"""Settings: command-line flags override environment variables, which override the settings
file, which overrides defaults. Secrets are never here (see ``credentials``)."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from operator_app import paths
from operator_app.db_password import DatabaseUrlError, refuse_password

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
    #: false (default): claiming a second alarm while this operator holds an open one asks
    #: first; true: centres where one nurse routinely holds several claims are not asked
    allow_several_claims: bool = False
    #: seconds without keyboard or mouse input before the desk locks its screen (0: never)
    lock_after: float = 300.0
    #: shown in the handover's header
    centre_name: str = "Responssenter"
    #: the journal endpoint (VKP) closed alarms and callbacks are POSTed to as FHIR bundles;
    #: empty: none (bundles wait in the outbox). Its token: ``credentials set journal``
    journal_url: str = ""
    #: PEM file of the CA that signed the journal endpoint's certificate; empty: the system's
    journal_ca_file: str = ""
    demo_seed: int = 1
    demo_alarm_rate: float = 6.0
    demo_measurement_rate: float = 20.0
    # -- sign-in against the centre's directory (docs/DIRECTORY.md); empty URL: none ----------
    #: ldaps://host:636, or ldap://host:389 with StartTLS (a clear-text bind is refused)
    directory_url: str = ""
    #: PEM file of the CA that signed the directory's certificate; empty: the system's CAs
    directory_ca_file: str = ""
    #: ldap:// only; false is refused (insecure_directory), kept so the refusal can be named
    directory_starttls: bool = True
    #: a user's DN, e.g. uid={username},ou=people,dc=example,dc=org; empty: search for it
    directory_user_dn: str = ""
    directory_search_base: str = ""
    #: e.g. (sAMAccountName={username}) on Active Directory
    directory_search_filter: str = "(uid={username})"
    #: the attribute holding the account name: uid, or sAMAccountName on Active Directory
    directory_username_attribute: str = "uid"
    #: the account that searches (its password in the OS keyring); empty: anonymous search
    directory_service_dn: str = ""
    #: where groups listing the user as member are searched; empty: the user's memberOf only
    directory_group_base: str = ""
    #: the groups (DNs or CNs, separated by ";") that give each role; the highest role wins
    directory_nurse_groups: str = ""
    directory_shift_lead_groups: str = ""
    directory_admin_groups: str = ""
    #: seconds to connect to the directory and to wait for each of its answers
    directory_timeout: float = 5.0

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


class SettingsError(ValueError):
    """Settings that must not be used (a password in a database URL, an unknown language)."""


#: the languages the desk speaks: code -> its own name (shown in the error that lists them)
LANGUAGES = {"nb": "norsk bokmål", "nn": "norsk nynorsk", "en": "English"}
#: other ways people write them: ``no`` (Norwegian, the macrolanguage; bokmål as most write it)
_LANGUAGE_ALIASES = {"no": "nb", "nob": "nb", "nno": "nn", "eng": "en"}


class UnknownLanguageError(SettingsError):
    """The language setting names a language the desk does not speak."""

    def __init__(self, value: str) -> None:
        self.value = value
        choices = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        super().__init__(f"unknown language {value!r} in the setting 'language' "
                         f"({ENV_PREFIX}LANGUAGE); choose one of {choices}")


def language_code(value: str) -> str:
    """``nb``, ``nn`` or ``en`` for a language setting: a locale name is accepted for its
    language (``nb_NO``, ``nb-NO``, ``nb_NO.UTF-8``, ``NN``, ``en_GB``; ``no`` is bokmål);
    anything else raises UnknownLanguageError (never a silent fallback to English)."""
    base = value.strip().replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    code = _LANGUAGE_ALIASES.get(base, base)
    if code not in LANGUAGES:
        raise UnknownLanguageError(value)
    return code


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
    """Defaults < settings file < environment (OPERATOR_APP_<NAME>) < overrides (flags).

    Raises SettingsError for a database URL holding a password, wherever it comes from, and
    UnknownLanguageError (a SettingsError) for a language the desk does not speak."""
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
    for layer, where in zip(layers, (f"the settings file {paths.settings_file()}",
                                     f"the environment variable {ENV_PREFIX}DB_URL",
                                     "--db on the command line"), strict=True):
        if layer.get("db_url"):
            try:
                refuse_password(str(layer["db_url"]), where)
            except DatabaseUrlError as exc:
                raise SettingsError(str(exc)) from None
    values: dict[str, Any] = {}
    for layer in layers:
        for name, raw in layer.items():
            if name in known:
                values[name] = _coerce(name, raw, known[name])
    if "language" in values:
        values["language"] = language_code(values["language"])
    return replace(settings, **values)


def save(settings: Settings, keys: tuple[str, ...]) -> None:
    """Persist the given keys to the settings file (atomically), keeping the others."""
    current = load_file()
    data = asdict(settings)
    for key in keys:
        current[key] = data[key]
    path = paths.settings_file()
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(current, indent=2, ensure_ascii=False))
    os.replace(tmp, path)
