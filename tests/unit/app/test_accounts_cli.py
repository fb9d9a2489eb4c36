"""``operator-app accounts`` and the desk's unattended sign-in, on a real SQLite file."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from operator_app import cli
from operator_app.auth.sign_in import Authenticator

pytestmark = pytest.mark.unit


def _file(path: Path, text: str) -> str:
    path.write_text(text + "\n", encoding="utf-8")
    path.chmod(0o600)
    return str(path)


def test_accounts_command_first_admin_then_changes_as_an_admin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'desk.db'}"
    admin_pw = _file(tmp_path / "a", "admin password 1")
    nurse_pw = _file(tmp_path / "n", "nurse password 1")
    base = ["accounts", "--db", db]
    assert cli.main([*base, "add", "kari", "--role", "nurse", "--password-file", nurse_pw]) == 2
    assert "first account must be an admin" in capsys.readouterr().err
    assert cli.main([*base, "add", "anna", "--role", "admin", "--password-file", admin_pw]) == 0
    assert cli.main([*base, "add", "kari", "--role", "nurse", "--password-file", nurse_pw]) == 2
    assert "--as ADMIN" in capsys.readouterr().err
    as_admin = [*base, "--as", "anna", "--admin-password-file", admin_pw]
    assert cli.main([*as_admin, "add", "kari", "--role", "nurse", "--display-name", "Kari N",
                     "--password-file", nurse_pw]) == 0
    wrong = _file(tmp_path / "w", "not the admin password")
    assert cli.main([*base, "--as", "anna", "--admin-password-file", wrong, "disable", "kari"]) == 2
    assert cli.main([*as_admin, "disable", "kari"]) == 0
    capsys.readouterr()
    assert cli.main([*base, "list"]) == 0
    listed = capsys.readouterr().out
    assert "kari" in listed and "disabled" in listed and "nurse" in listed
    assert "nurse password" not in listed and "$argon2" not in listed
    assert cli.main([*as_admin, "enable", "kari"]) == 0
    assert cli.main([*as_admin, "role", "kari", "shift_lead"]) == 0
    capsys.readouterr()
    cli.main([*base, "list"])
    assert "shift_lead" in capsys.readouterr().out


def test_no_abbreviated_flags() -> None:
    from operator_app.cli.desk_args import desk_parser

    with pytest.raises(SystemExit):
        desk_parser().parse_args(["--token", "x"])  # never taken for --token-file
    with pytest.raises(SystemExit):
        desk_parser().parse_args(["--operator", "x"])  # gone: the account signs in


def test_unattended_sign_in(tmp_path: Path) -> None:
    from accounts_seed import PASSWORD, seed

    from operator_app import app_sign_in
    from operator_app.store import Store

    with Store.open(f"sqlite:///{tmp_path / 'desk.db'}") as store:
        seed(store)
        auth = Authenticator(store.accounts)
        good = argparse.Namespace(account="kari", password_file=_file(tmp_path / "p", PASSWORD))
        account = app_sign_in.unattended(good, auth, "ws")
        assert account is not None and account.username == "kari"
        bad = argparse.Namespace(account="kari", password_file=_file(tmp_path / "q", "nope nope nope"))
        assert app_sign_in.unattended(bad, auth, "ws") is None
        admin = argparse.Namespace(account="admin", password_file=_file(tmp_path / "r", PASSWORD))
        assert app_sign_in.unattended(admin, auth, "ws") is None  # admins do not take the desk


def test_demo_accounts_are_made_once(tmp_path: Path) -> None:
    from operator_app import app_sign_in
    from operator_app.store import Store

    with Store.open(f"sqlite:///{tmp_path / 'demo.db'}") as store:
        app_sign_in.ensure_demo_accounts(store)
        app_sign_in.ensure_demo_accounts(store)
        names = sorted(i.account.username for i in store.accounts.all())
        assert names == ["demo", "demo-admin", "demo-leder"]
        auth = Authenticator(store.accounts)
        account, code = app_sign_in.sign_in_code(auth, "demo", app_sign_in.DEMO_PASSWORD, "ws")
        assert account is not None and code == ""
