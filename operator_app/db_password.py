"""The database password lives in the OS keyring, never in a URL the desk is given.

A password inside a database URL in the settings file, the environment or on the command line
(where ``ps`` shows it to every user of the machine) is refused with the fix. The desk and
every command connect to a PostgreSQL URL without a password by adding the one stored with
``operator-app credentials set db --target URL`` for that URL's *target*:

    USER@HOST:PORT/DATABASE

independent of the driver (``postgresql://``, ``postgresql+psycopg://`` ... name the same
target). Missing parts take libpq's defaults: USER the operating-system user, HOST
``localhost``, PORT 5432, DATABASE the user name. The host is lower-cased. SQLite needs no
password: it has no target.
"""

from __future__ import annotations

import getpass
import logging
from typing import TYPE_CHECKING

from operator_app import credentials

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

log = logging.getLogger("operator_app.db_password")

KIND = "db"
DEFAULT_PORT = 5432


class DatabaseUrlError(ValueError):
    """A database URL that holds a password, or has no keyring target."""


def _parse(url: str | URL) -> URL:
    import sqlalchemy as sa  # loaded here: settings are read before the desk's first paint

    try:
        return sa.engine.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise DatabaseUrlError("not a database URL (e.g. postgresql+psycopg://user@host/db)") from exc


def _without_password(url: URL) -> str:
    return url._replace(password=None).render_as_string(hide_password=False)


def refuse_password(url: str | URL, where: str) -> None:
    """Raise DatabaseUrlError if ``url`` holds a password; ``where`` names where it came from."""
    parsed = _parse(url)
    if parsed.password is None:
        return
    safe = parsed.render_as_string(hide_password=True)
    raise DatabaseUrlError(
        f"the database URL in {where} holds a password ({safe}); a password is never taken from "
        f"a URL. Remove it from the URL and store it in the OS keyring with: "
        f"operator-app credentials set db --target {_without_password(parsed)}")


def db_target(url: str | URL) -> str:
    """The keyring target of a PostgreSQL URL: ``user@host:port/database`` (see above)."""
    parsed = _parse(url)
    if parsed.get_backend_name() != "postgresql":
        raise DatabaseUrlError(
            f"a {parsed.get_backend_name()} database has no password; only PostgreSQL URLs have one")
    user = parsed.username or getpass.getuser()
    host = (parsed.host or "localhost").lower()
    return f"{user}@{host}:{parsed.port or DEFAULT_PORT}/{parsed.database or user}"


def connect_url(url: str | URL) -> URL:
    """``url`` ready to connect: for a PostgreSQL URL (with no password, see
    ``refuse_password``) the password stored in the keyring for its target, if any; an
    unusable keyring is logged and the connection tried without one."""
    parsed = _parse(url)
    if parsed.get_backend_name() != "postgresql" or parsed.password is not None:
        return parsed
    target = db_target(parsed)
    try:
        password = credentials.get_secret(KIND, target)
    except credentials.CredentialError as exc:
        log.warning("no database password for %s: %s", target, exc)
        return parsed
    if password is None:
        log.info("no database password stored for %s; connecting without one", target)
        return parsed
    return parsed.set(password=password)
