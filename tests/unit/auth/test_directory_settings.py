"""The directory's settings: read from the settings file, each wrong one named before sign-in,
groups mapped to roles, the service account's password from the keyring only. No server needed
except for the last tests, which use a loopback socket that never answers."""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from operator_app import cli, credentials, paths, settings
from operator_app.auth.directory import authenticate, from_settings, highest_role
from operator_app.auth.directory_config import SERVICE_SECRET_KIND, DirectoryConfig, parse_groups
from operator_app.domain.accounts import AccountError, Role

pytestmark = pytest.mark.unit

AD = {
    "directory_url": "ldaps://dc1.kommune.example:636",
    "directory_ca_file": "/etc/operator-desk/kommune-ca.pem",
    "directory_search_base": "OU=Ansatte,DC=kommune,DC=example",
    "directory_search_filter": "(&(objectClass=user)(sAMAccountName={username}))",
    "directory_username_attribute": "sAMAccountName",
    "directory_service_dn": "CN=svc-operator-desk,OU=Tjenester,DC=kommune,DC=example",
    "directory_nurse_groups": "CN=RS-Sykepleiere,OU=Grupper,DC=kommune,DC=example; RS-Vikarer",
    "directory_shift_lead_groups": "CN=RS-Vaktledere,OU=Grupper,DC=kommune,DC=example",
    "directory_admin_groups": "CN=RS-Admin,OU=Grupper,DC=kommune,DC=example",
    "directory_timeout": 3,
}


@pytest.fixture
def base(tmp_path: Path) -> Iterator[Path]:
    paths.set_base_dir(tmp_path)
    try:
        yield tmp_path
    finally:
        paths.set_base_dir(None)


def write_settings(values: dict[str, object]) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(json.dumps(values), encoding="utf-8")


def config(**changes: object) -> DirectoryConfig:
    values: dict[str, object] = {
        "url": "ldaps://127.0.0.1:636", "user_dn_template": "uid={username},ou=people,dc=x",
        "group_roles": {"nurses": Role.NURSE}}
    values.update(changes)
    return DirectoryConfig(**values)  # type: ignore[arg-type]


def test_no_directory_url_means_no_directory(base: Path) -> None:
    assert from_settings(settings.load()) is None


def test_an_active_directory_is_read_from_the_settings_file(base: Path) -> None:
    write_settings(AD)
    loaded = from_settings(settings.load())
    assert loaded is not None
    assert (loaded.host, loaded.port, loaded.use_ssl) == ("dc1.kommune.example", 636, True)
    assert loaded.username_attribute == "sAMAccountName"
    assert loaded.timeout == 3.0
    assert loaded.group_roles == {
        "CN=RS-Sykepleiere,OU=Grupper,DC=kommune,DC=example": Role.NURSE,
        "RS-Vikarer": Role.NURSE,
        "CN=RS-Vaktledere,OU=Grupper,DC=kommune,DC=example": Role.SHIFT_LEAD,
        "CN=RS-Admin,OU=Grupper,DC=kommune,DC=example": Role.ADMIN,
    }


def test_the_environment_overrides_the_file(base: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_settings(AD)
    monkeypatch.setenv("OPERATOR_APP_DIRECTORY_URL", "ldap://dc2.kommune.example")
    loaded = from_settings(settings.load())
    assert loaded is not None
    assert (loaded.port, loaded.use_ssl, loaded.starttls) == (389, False, True)


def test_clear_text_in_the_settings_file_is_refused_by_name(base: Path) -> None:
    write_settings({**AD, "directory_url": "ldap://dc1.kommune.example", "directory_starttls": False})
    with pytest.raises(AccountError) as caught:
        from_settings(settings.load())
    assert caught.value.code == "insecure_directory"


@pytest.mark.parametrize(("changes", "named"), [
    ({"url": "http://dc1:389"}, "ldaps://"),
    ({"url": "ldaps://"}, "ldaps://"),
    ({"url": "ldaps://dc1:99999"}, "port"),
    ({"url": "ldaps://dc1/dc=x?uid"}, "only a host"),
    ({"user_dn_template": "uid=kari,ou=people"}, "{username}"),
    ({"user_dn_template": "", "search_base": ""}, "search base"),
    ({"user_dn_template": "", "search_base": "dc=x", "search_filter": "uid={username}"}, "filter"),
    ({"group_roles": {}}, "no directory group"),
    ({"timeout": 0.0}, "timeout"),
])
def test_each_wrong_setting_is_named(changes: dict[str, object], named: str) -> None:
    with pytest.raises(AccountError) as caught:
        config(**changes)
    assert caught.value.code == "directory_misconfigured"
    assert named in str(caught.value)


def test_groups_are_separated_by_semicolons_because_dns_hold_commas() -> None:
    assert parse_groups(" cn=a,dc=x ;; cn=b,dc=x; ") == ["cn=a,dc=x", "cn=b,dc=x"]


def test_the_highest_mapped_role_wins_and_dns_match_whatever_their_case_and_spaces() -> None:
    roles = config(group_roles={"CN=Nurses, OU=Groups, DC=X": Role.NURSE, "leads": Role.SHIFT_LEAD,
                                "cn=admins,ou=groups,dc=x": Role.ADMIN})
    assert highest_role(roles, ["cn=nurses,ou=groups,dc=x"]) is Role.NURSE
    assert highest_role(roles, ["cn=nurses,ou=groups,dc=x", "CN=Leads,OU=Elsewhere,DC=Y"]) is Role.SHIFT_LEAD
    assert highest_role(roles, ["cn=leads,dc=x", "cn=admins,ou=groups,dc=x"]) is Role.ADMIN
    assert highest_role(roles, ["cn=nurses,ou=other,dc=x", "ou=leads,dc=x", "not a dn"]) is None
    assert highest_role(roles, []) is None


def test_the_service_password_is_set_through_the_credentials_command(
    base: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_settings(AD)
    monkeypatch.setattr("sys.stdin", io.StringIO("svc-pw-123\n"))
    assert cli.main(["credentials", "set", "directory", "--data-dir", str(base)]) == 0
    assert credentials.get_secret(SERVICE_SECRET_KIND, str(AD["directory_service_dn"])) == "svc-pw-123"
    assert "svc-pw-123" not in paths.settings_file().read_text(encoding="utf-8")


def test_a_missing_ca_file_is_misconfigured() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
        missing = config(url=f"ldaps://127.0.0.1:{port}", ca_file="/nonexistent/ca.pem")
        with pytest.raises(AccountError) as caught:
            authenticate(missing, "kari", "a-password-1")
    assert caught.value.code == "directory_misconfigured"
    assert "/nonexistent/ca.pem" in str(caught.value)


@pytest.mark.parametrize("scheme", ["ldaps", "ldap"])
def test_a_directory_that_accepts_but_never_answers_is_unreachable(scheme: str) -> None:
    with socket.socket() as listener:  # the kernel completes the TCP handshake; nobody speaks
        listener.bind(("127.0.0.1", 0))
        listener.listen(4)
        silent = config(url=f"{scheme}://127.0.0.1:{listener.getsockname()[1]}", timeout=1.0)
        with pytest.raises(AccountError) as caught:
            authenticate(silent, "kari", "a-password-1")
    assert caught.value.code == "directory_unreachable"
    assert "did not answer in time" in str(caught.value)
