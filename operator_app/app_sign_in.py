"""Who sits at the desk: the sign-in at start-up (composition root helper for ``app.py``).

- The demo, on its own demo database, creates a demo admin, a demo nurse and a demo shift lead
  (password ``demo-passord``, in the demo database only) and signs the nurse in by itself; the
  window and the log say so.
- Unattended runs sign in with ``--account NAME --password-file PATH`` (the file under the same
  rule as a token file).
- Otherwise the sign-in dialog asks. A new database with no accounts says how to create the
  first admin (``operator-app accounts add --role admin NAME``).
"""

from __future__ import annotations

import argparse
import logging

from operator_app import credentials, settings
from operator_app.auth import directory
from operator_app.auth.sign_in import UNAVAILABLE, Authenticator
from operator_app.domain.accounts import Account, Role
from operator_app.store import Store

log = logging.getLogger("operator_app.app")

DEMO_NURSE, DEMO_LEAD, DEMO_ADMIN = "demo", "demo-leder", "demo-admin"
#: the demo database's accounts only; never created in a centre's database
DEMO_PASSWORD = "demo-passord"


def ensure_demo_accounts(store: Store) -> None:
    accounts = store.accounts
    if accounts.get(DEMO_ADMIN) is None:
        accounts.add(DEMO_ADMIN, "Demo admin", Role.ADMIN, DEMO_PASSWORD,
                     None if accounts.count() == 0 else DEMO_ADMIN)
    for name, display, role in ((DEMO_NURSE, "Demo sykepleier", Role.NURSE),
                                (DEMO_LEAD, "Demo vaktleder", Role.SHIFT_LEAD)):
        if accounts.get(name) is None:
            accounts.add(name, display, role, DEMO_PASSWORD, DEMO_ADMIN)


def authenticator(store: Store, cfg: settings.Settings) -> Authenticator:
    """Local accounts, and the centre's directory when ``directory_url`` is set (a wrong
    directory setting raises ``AccountError`` naming it)."""
    config = directory.from_settings(cfg)
    if config is None:
        return Authenticator(store.accounts)
    return Authenticator(store.accounts,
                         lambda user, password: directory.authenticate(config, user, password))


def read_password_file(path: str) -> str:
    """The password in ``path`` (its first line), under the token file's rules: owned by this
    user, readable by nobody else (``secret_files``)."""
    return credentials.read_private_secret(path, "password file")


def sign_in_code(auth: Authenticator, username: str, password: str, workstation: str
                 ) -> tuple[Account | None, str]:
    """(the account, "") or (None, a refusal code) for a desk sign-in; a database that cannot
    be asked is ``unavailable`` (its text is never shown: it may hold names)."""
    try:
        return auth.desk_sign_in(username, password, workstation)
    except Exception as exc:
        log.warning("sign-in could not be checked: %s", type(exc).__name__)
        return None, UNAVAILABLE


def unattended(args: argparse.Namespace, auth: Authenticator, workstation: str) -> Account | None:
    """``--account`` with ``--password-file``: the account, or None (the reason is logged)."""
    try:
        password = read_password_file(args.password_file)
    except credentials.CredentialError as exc:
        log.error("%s", exc)
        return None
    account, code = sign_in_code(auth, args.account, password, workstation)
    if account is None:
        log.error("sign-in of %r refused: %s", args.account, code)
    return account
