"""Sign-in against a real OpenLDAP slapd (conftest.py): roles, refusals, escaping and TLS.

Each way of finding a user is exercised: a DN template with groups searched by ``member``, and a
search by a service account (password from the keyring) with the memberof overlay's
``memberOf`` (as on Active Directory).
"""

from __future__ import annotations

import socket
from dataclasses import replace

import pytest
from ldap_directory_server import PEOPLE, SERVICE_DN, SERVICE_PW, SUFFIX, Slapd

from operator_app import credentials
from operator_app.auth.directory import DirectoryConfig, authenticate
from operator_app.auth.directory_config import SERVICE_SECRET_KIND
from operator_app.domain.accounts import AccountError, AccountSource, Role

pytestmark = pytest.mark.unit

ROLES = {
    f"cn=nurses,ou=groups,{SUFFIX}": Role.NURSE,
    # a DN written with other case and spaces is the same group
    f"CN=Leads, OU=Groups, {SUFFIX.upper()}": Role.SHIFT_LEAD,
    "admins": Role.ADMIN,  # by CN
}
EXPECTED_ROLE = {"nora": Role.NURSE, "lars": Role.SHIFT_LEAD, "ada": Role.ADMIN, "two": Role.SHIFT_LEAD}


def template_config(slapd: Slapd, **changes: object) -> DirectoryConfig:
    config = DirectoryConfig(
        url=slapd.ldaps_url, ca_file=str(slapd.ca_file),
        user_dn_template=f"uid={{username}},ou=people,{SUFFIX}",
        group_base=f"ou=groups,{SUFFIX}", group_roles=dict(ROLES), timeout=5.0)
    return replace(config, **changes)  # type: ignore[arg-type]


def search_config(slapd: Slapd, **changes: object) -> DirectoryConfig:
    credentials.set_secret(SERVICE_SECRET_KIND, SERVICE_DN, SERVICE_PW)
    config = DirectoryConfig(
        url=slapd.ldaps_url, ca_file=str(slapd.ca_file), search_base=f"ou=people,{SUFFIX}",
        search_filter="(&(objectClass=inetOrgPerson)(uid={username}))", service_dn=SERVICE_DN,
        group_roles=dict(ROLES), timeout=5.0)
    return replace(config, **changes)  # type: ignore[arg-type]


CONFIGS = [template_config, search_config]


def password(uid: str) -> str:
    return PEOPLE[uid][0]


def code_of(config: DirectoryConfig, username: str, secret: str) -> AccountError:
    with pytest.raises(AccountError) as caught:
        authenticate(config, username, secret)
    return caught.value


@pytest.mark.parametrize("make", CONFIGS, ids=["dn_template", "search"])
@pytest.mark.parametrize("uid", sorted(EXPECTED_ROLE))
def test_each_group_gives_its_role_and_the_highest_wins(slapd: Slapd, make: object, uid: str) -> None:
    config = make(slapd)  # type: ignore[operator]
    account = authenticate(config, uid, password(uid))
    assert account.username == uid
    assert account.role is EXPECTED_ROLE[uid]
    assert account.source is AccountSource.DIRECTORY
    cn, display = PEOPLE[uid][1], PEOPLE[uid][2]
    assert account.display_name == (display or cn)


def test_the_directory_spelling_of_the_name_is_the_account_name(slapd: Slapd) -> None:
    account = authenticate(search_config(slapd), "NORA", password("nora"))
    assert account.username == "nora"  # one actor however the name is typed


@pytest.mark.parametrize("make", CONFIGS, ids=["dn_template", "search"])
def test_wrong_password_and_unknown_user_are_told_apart_by_nothing(slapd: Slapd, make: object) -> None:
    config = make(slapd)  # type: ignore[operator]
    wrong = code_of(config, "nora", "not-the-password")
    unknown = code_of(config, "nobody-here", "not-the-password")
    assert wrong.code == unknown.code == "bad_credentials"
    assert str(wrong) == str(unknown)


@pytest.mark.parametrize("make", CONFIGS, ids=["dn_template", "search"])
@pytest.mark.parametrize("empty", ["", "\x00"])
def test_an_empty_password_is_refused_before_any_bind(slapd: Slapd, make: object, empty: str) -> None:
    # ldap3 would raise its own error (read as "unreachable"); an LDAP server would take a DN with
    # no password as an unauthenticated bind, which many accept
    assert code_of(make(slapd), "nora", empty).code == "bad_credentials"  # type: ignore[operator]


def test_a_server_down_refuses_an_empty_password_too(slapd: Slapd) -> None:
    config = template_config(slapd, url=f"ldaps://127.0.0.1:{_closed_port()}")
    assert code_of(config, "nora", "").code == "bad_credentials"  # no network was needed


@pytest.mark.parametrize("make", CONFIGS, ids=["dn_template", "search"])
def test_a_user_in_no_mapped_group_has_no_role(slapd: Slapd, make: object) -> None:
    error = code_of(make(slapd), "gus", password("gus"))  # type: ignore[operator]
    assert error.code == "no_role"


@pytest.mark.parametrize("make", CONFIGS, ids=["dn_template", "search"])
@pytest.mark.parametrize("username", ["*", "nor*", "n*a", "*)(uid=*", ")(uid=*", "nora)(|(uid=*",
                                      "nora,ou=people", "uid=nora", "nora\\2a", "(uid=nora)"])
def test_filter_and_dn_specials_in_a_username_match_only_themselves(
    slapd: Slapd, make: object, username: str
) -> None:
    # nora's password with a name that, unescaped, would find or name nora's entry
    assert code_of(make(slapd), username, password("nora")).code == "bad_credentials"  # type: ignore[operator]


@pytest.mark.parametrize("make", CONFIGS, ids=["dn_template", "search"])
def test_a_real_name_holding_specials_signs_in(slapd: Slapd, make: object) -> None:
    odd = "o*(k),=x"
    account = authenticate(make(slapd), odd, password(odd))  # type: ignore[operator]
    assert (account.username, account.role) == (odd, Role.NURSE)


def test_group_membership_from_member_of_alone(slapd: Slapd) -> None:
    config = template_config(slapd, group_base="")  # memberOf only, as on Active Directory
    assert authenticate(config, "lars", password("lars")).role is Role.SHIFT_LEAD
    assert code_of(config, "gus", password("gus")).code == "no_role"


@pytest.mark.parametrize("make", CONFIGS, ids=["dn_template", "search"])
def test_starttls_on_plain_ldap_port_signs_in(slapd: Slapd, make: object) -> None:
    account = authenticate(make(slapd, url=slapd.ldap_url), "ada", password("ada"))  # type: ignore[operator]
    assert account.role is Role.ADMIN


def test_plain_ldap_without_starttls_is_refused(slapd: Slapd) -> None:
    with pytest.raises(AccountError) as caught:
        template_config(slapd, url=slapd.ldap_url, starttls=False)
    assert caught.value.code == "insecure_directory"
    assert "clear text" in str(caught.value)


def test_a_directory_without_tls_is_refused_before_any_password_is_sent(
    slapd: Slapd, slapd_without_tls: str
) -> None:
    # the same people (nora's password would bind in clear text) on a server that has no StartTLS
    error = code_of(template_config(slapd, url=slapd_without_tls), "nora", password("nora"))
    assert error.code == "insecure_directory"
    assert "StartTLS" in str(error)


@pytest.mark.parametrize("url_of", [lambda s: s.ldaps_url, lambda s: s.ldap_url], ids=["ldaps", "starttls"])
def test_a_certificate_from_another_ca_is_a_tls_failure(slapd: Slapd, url_of: object) -> None:
    config = template_config(slapd, url=url_of(slapd), ca_file=str(slapd.other_ca_file))  # type: ignore[operator]
    error = code_of(config, "nora", password("nora"))
    assert error.code == "directory_unreachable"
    assert "TLS" in str(error)
    assert password("nora") not in str(error)


def test_the_system_cas_do_not_trust_a_private_directory(slapd: Slapd) -> None:
    error = code_of(template_config(slapd, ca_file=""), "nora", password("nora"))
    assert (error.code, "TLS" in str(error)) == ("directory_unreachable", True)


def test_the_certificate_must_name_the_host(slapd: Slapd) -> None:
    # the same server, reached at 127.0.0.2, which its certificate does not name
    error = code_of(template_config(slapd, url=slapd.unnamed_url), "nora", password("nora"))
    assert error.code == "directory_unreachable"
    assert "TLS" in str(error)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # closed again when this returns: nobody listens


@pytest.mark.parametrize("scheme", ["ldaps", "ldap"])
def test_a_server_that_is_down_is_unreachable(slapd: Slapd, scheme: str) -> None:
    config = template_config(slapd, url=f"{scheme}://127.0.0.1:{_closed_port()}", timeout=2.0)
    error = code_of(config, "nora", password("nora"))
    assert error.code == "directory_unreachable"
    assert "cannot reach" in str(error)


def test_a_service_account_without_its_keyring_password_is_misconfigured(slapd: Slapd) -> None:
    config = search_config(slapd)
    credentials.delete_secret(SERVICE_SECRET_KIND, SERVICE_DN)
    error = code_of(config, "nora", password("nora"))
    assert error.code == "directory_misconfigured"
    assert "keyring" in str(error)


def test_a_refused_service_account_is_misconfigured_not_a_bad_password(slapd: Slapd) -> None:
    config = search_config(slapd)
    credentials.set_secret(SERVICE_SECRET_KIND, SERVICE_DN, "stale-service-password")
    error = code_of(config, "nora", password("nora"))
    assert error.code == "directory_misconfigured"
    assert "stale-service-password" not in str(error)


def test_an_anonymous_search_the_directory_does_not_allow_finds_nobody(slapd: Slapd) -> None:
    # this slapd lets only bound users read entries: an anonymous search sees no one
    config = search_config(slapd, service_dn="")
    assert code_of(config, "nora", password("nora")).code == "bad_credentials"
