"""The desk's sign-in with a directory configured, against the real slapd: a directory user is
kept as an account with the role its groups give, then acts through the store like any other;
local accounts still sign in locally; a refusal in the directory is a refusal at the desk."""

from __future__ import annotations

from pathlib import Path

import pytest
from accounts_seed import PASSWORD, seed
from ldap_directory_server import Slapd
from test_directory import password, template_config

from operator_app.auth.directory import authenticate
from operator_app.auth.sign_in import Authenticator
from operator_app.domain.accounts import AccountError, AccountSource, NotPermittedError, Role
from operator_app.domain.shifts import DEFAULT_SCHEDULE
from operator_app.store import Store

pytestmark = pytest.mark.unit


def test_directory_users_become_accounts_with_their_groups_role(slapd: Slapd, tmp_path: Path) -> None:
    config = template_config(slapd)
    with seed(Store.open(f"sqlite:///{tmp_path / 'desk.db'}")) as store:
        auth = Authenticator(store.accounts, lambda u, p: authenticate(config, u, p))
        lars = auth.sign_in("lars", password("lars"), "ws-1")
        assert lars.role is Role.SHIFT_LEAD and lars.source is AccountSource.DIRECTORY
        nora = auth.sign_in("nora", password("nora"), "ws-1")
        assert nora.role is Role.NURSE
        stored = store.accounts.get("nora")
        assert stored is not None and stored.source is AccountSource.DIRECTORY
        shift = str(DEFAULT_SCHEDULE.shift_for(store._now()))
        with pytest.raises(NotPermittedError):
            store.shift.sign_off(DEFAULT_SCHEDULE, shift, "nora")
        assert store.shift.sign_off(DEFAULT_SCHEDULE, shift, "lars").lead == "lars"
        with pytest.raises(AccountError) as refused:
            auth.sign_in("nora", "not her password", "ws-1")
        assert refused.value.code == "bad_credentials"
        # a local account of the centre still signs in against the database
        assert auth.sign_in("kari", PASSWORD, "ws-1").source is AccountSource.LOCAL
