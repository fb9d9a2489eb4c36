"""Sign-in against the centre's directory (LDAP / Active Directory): the password stays there.

``authenticate(config, username, password)`` binds as the user over TLS (ldaps://, or ldap://
with StartTLS; never in clear text), reads the user's name and groups and gives an ``Account``
whose role is the highest one its groups map to. Every refusal is an ``AccountError``:

* ``bad_credentials``: wrong password, unknown user or an empty password (one code, so the
  screen cannot tell which accounts exist). An empty password is refused before any bind: an
  LDAP bind with a DN and no password is an *unauthenticated* bind that many servers accept.
* ``no_role``: the password is right but the user is in no group mapped to a role.
* ``directory_unreachable``: network, timeout or TLS failure (the message says which).
* ``insecure_directory``: no TLS (settings ask for clear text, or the server refuses StartTLS).
* ``directory_misconfigured``: the settings cannot work (see ``directory_config``).

The username is escaped wherever it goes (RFC 4515 in filters, RFC 4514 in DNs), so ``*``,
``(``, ``)``, ``,`` or ``=`` in it match only themselves. Nothing here logs a password, and a
failed sign-in is logged without the typed name (it may be a password typed in the wrong field).
"""

from __future__ import annotations

import contextlib
import logging
import math
import ssl
import warnings
from typing import Any

from operator_app import credentials
from operator_app.auth.directory_config import (
    SERVICE_SECRET_KIND,
    USERNAME_PLACEHOLDER,
    DirectoryConfig,
    from_settings,
)
from operator_app.domain.accounts import Account, AccountError, AccountSource, Role

with warnings.catch_warnings():
    # ldap3 2.9.1 imports pyasn1's old names (tagMap, typeMap), deprecated since pyasn1 0.6
    warnings.filterwarnings("ignore", message=r"(tagMap|typeMap) is deprecated", category=DeprecationWarning)
    import ldap3
    from ldap3.core import exceptions as ldap_errors
    from ldap3.utils.conv import escape_filter_chars
    from ldap3.utils.dn import escape_rdn, to_dn

__all__ = ["DirectoryConfig", "authenticate", "from_settings", "highest_role"]

log = logging.getLogger("operator_app.auth.directory")

#: "the highest role of the user's groups"
ROLE_RANK = {Role.NURSE: 1, Role.SHIFT_LEAD: 2, Role.ADMIN: 3}
#: LDAP result codes of a bind that mean "not this user with this password"
_NOT_THIS_USER = {
    32,  # noSuchObject
    34,  # invalidDNSyntax
    48,  # inappropriateAuthentication
    49,  # invalidCredentials (AD also for a locked or expired account)
    53,  # unwillingToPerform (e.g. a disabled account)
}
_CONFIDENTIALITY_REQUIRED = 13
_MAX_USERNAME = 256


def _unreachable(config: DirectoryConfig, exc: BaseException) -> AccountError:
    text = str(exc) or type(exc).__name__
    lowered = text.lower()
    where = config.where
    tls = isinstance(exc, ssl.SSLError) or any(word in lowered for word in ("ssl", "tls", "certificate"))
    if isinstance(exc, (ldap_errors.LDAPResponseTimeoutError, TimeoutError)) or "timed out" in lowered:
        during = " (TLS handshake)" if tls else ""
        return AccountError("directory_unreachable",
                            f"the directory at {where} did not answer in time{during}")
    if tls:
        return AccountError("directory_unreachable", f"TLS failure with the directory at {where}: {text}")
    return AccountError("directory_unreachable", f"cannot reach the directory at {where}: {text}")


class _VerifiedTls(ldap3.Tls):  # type: ignore[misc]
    """ldap3's TLS with the standard library's certificate *and host name* check.

    ldap3 turns the SSL context's host name check off and calls the deprecated
    ``ssl.match_hostname`` itself; here OpenSSL checks the name (DNS or IP) during the handshake.
    """

    def __init__(self, config: DirectoryConfig) -> None:
        super().__init__(validate=ssl.CERT_REQUIRED)
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH, cafile=config.ca_file or None)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        self._context = context
        self._host = config.host

    def wrap_socket(self, connection: Any, do_handshake: bool = False) -> None:
        connection.socket = self._context.wrap_socket(
            connection.socket, server_side=False, do_handshake_on_connect=do_handshake,
            server_hostname=self._host)


def _connection(config: DirectoryConfig, user: str | None, password: str | None) -> Any:
    """An open connection, TLS up (ldaps:// or StartTLS), not yet bound."""
    try:
        tls = _VerifiedTls(config)
    except (OSError, ssl.SSLError) as exc:
        raise AccountError("directory_misconfigured",
                           f"cannot load the directory CA file {config.ca_file!r}: {exc}") from exc
    server = ldap3.Server(config.host, port=config.port, use_ssl=config.use_ssl, tls=tls,
                          get_info=ldap3.NONE, connect_timeout=config.timeout)
    conn = ldap3.Connection(server, user=user, password=password, authentication=ldap3.SIMPLE,
                            auto_bind=ldap3.AUTO_BIND_NONE, read_only=True, raise_exceptions=False,
                            # whole seconds: ldap3 packs it into SO_RCVTIMEO
                            receive_timeout=max(1, math.ceil(config.timeout)), auto_referrals=False)
    try:
        conn.open()
        if not config.use_ssl:
            conn.start_tls()
    except ldap_errors.LDAPStartTLSError as exc:
        _close(conn)
        if str(exc).startswith("startTLS failed"):  # the server answered: no StartTLS here
            raise AccountError("insecure_directory",
                               f"the directory at {config.where} refuses StartTLS ({exc}); "
                               "passwords are not sent in clear text") from exc
        raise _unreachable(config, exc) from exc
    except (ldap_errors.LDAPException, OSError) as exc:
        _close(conn)
        raise _unreachable(config, exc) from exc
    if not conn.server.ssl and not conn.tls_started:  # never bind without TLS, whatever ldap3 did
        _close(conn)
        raise AccountError("insecure_directory", f"no TLS to the directory at {config.where}")
    return conn


def _close(conn: Any) -> None:
    with contextlib.suppress(ldap_errors.LDAPException, OSError):  # gone either way
        conn.unbind()
    sock = getattr(conn, "socket", None)
    if sock is not None:  # ldap3 leaves the socket of a failed open behind
        sock.close()


def _bind(conn: Any, config: DirectoryConfig, *, service: bool) -> None:
    try:
        bound = conn.bind()
    except (ldap_errors.LDAPException, OSError) as exc:
        raise _unreachable(config, exc) from exc
    if bound:
        return
    code = conn.result.get("result") if conn.result else None
    if code == _CONFIDENTIALITY_REQUIRED:
        raise AccountError("insecure_directory", f"the directory at {config.where} wants a stronger TLS")
    if service:
        # the desk's own account was refused: a setting or keyring matter, not the user's password
        raise AccountError("directory_misconfigured",
                           f"the directory refused the service account {config.service_dn!r}: "
                           f"{conn.result.get('description') if conn.result else 'no answer'}")
    if code in _NOT_THIS_USER:
        raise AccountError("bad_credentials")
    raise AccountError("directory_unreachable",
                       f"the directory at {config.where} refused the sign-in: "
                       f"{conn.result.get('description') if conn.result else 'no answer'}")


def _search(conn: Any, config: DirectoryConfig, base: str, query: str, scope: Any,
            attributes: list[str], size_limit: int = 0) -> list[Any]:
    try:
        conn.search(base, query, search_scope=scope, attributes=attributes, size_limit=size_limit)
    except (ldap_errors.LDAPException, OSError) as exc:
        raise _unreachable(config, exc) from exc
    code = conn.result.get("result") if conn.result else None
    if code not in (0, 4, 32):  # success, sizeLimitExceeded (checked by the caller), noSuchObject
        raise AccountError("directory_unreachable",
                           f"the directory at {config.where} refused a search: "
                           f"{conn.result.get('description') if conn.result else 'no answer'}")
    return [entry for entry in conn.response or [] if entry.get("type") == "searchResEntry"]


def _find_user_dn(config: DirectoryConfig, username: str) -> str:
    """The user's DN: the template with the escaped name, or the one entry the search finds."""
    if config.user_dn_template:
        return config.user_dn_template.replace(USERNAME_PLACEHOLDER, escape_rdn(username))
    service_password: str | None = None
    if config.service_dn:
        try:
            service_password = credentials.get_secret(SERVICE_SECRET_KIND, config.service_dn)
        except credentials.CredentialError as exc:
            raise AccountError("directory_misconfigured", str(exc)) from exc
        if not service_password:
            raise AccountError("directory_misconfigured",
                               f"no password in the OS keyring for the directory service account "
                               f"{config.service_dn!r} (keyring entry {SERVICE_SECRET_KIND}:<service DN>)")
    conn = _connection(config, config.service_dn or None, service_password)
    try:
        if config.service_dn:
            _bind(conn, config, service=True)
        query = config.search_filter.replace(USERNAME_PLACEHOLDER, escape_filter_chars(username))
        found = _search(conn, config, config.search_base, query, ldap3.SUBTREE, [], size_limit=2)
    finally:
        _close(conn)
    if len(found) != 1:  # nobody, or a name that is not unique: both are "no such account"
        if len(found) > 1:
            log.warning("directory search for a sign-in matched %d entries; refused", len(found))
        raise AccountError("bad_credentials")
    return str(found[0]["dn"])


def _rdns(dn: str) -> list[tuple[str, str]]:
    """``"CN=Leads, OU=Groups"`` -> ``[("cn", "leads"), ("ou", "groups")]``; [] if not a DN."""
    try:
        parts = to_dn(dn, decompose=True, remove_space=True)
    except (ldap_errors.LDAPException, ValueError):
        return []
    return [(str(kind).strip().lower(), str(value).strip().lower()) for kind, value in parts]


def _normal_dn(dn: str) -> str:
    return ",".join(f"{kind}={value}" for kind, value in _rdns(dn)) or dn.strip().lower()


def _common_name(dn: str) -> str:
    rdns = _rdns(dn)
    return rdns[0][1] if rdns and rdns[0][0] == "cn" else ""


def highest_role(config: DirectoryConfig, group_dns: list[str]) -> Role | None:
    """The highest role any of the groups maps to (by DN, or by CN when the mapping names a CN)."""
    by_dn = {_normal_dn(key): role for key, role in config.group_roles.items() if "=" in key}
    by_cn = {key.strip().lower(): role for key, role in config.group_roles.items() if "=" not in key}
    roles = {by_dn.get(_normal_dn(dn)) or by_cn.get(_common_name(dn)) for dn in group_dns}
    ranked = sorted((role for role in roles if role is not None), key=ROLE_RANK.__getitem__)
    return ranked[-1] if ranked else None


def _first(attributes: dict[str, Any], name: str) -> str:
    value = attributes.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip() if value else ""


def _stored_name(attributes: dict[str, Any], attribute: str, typed: str) -> str:
    """The directory's spelling of the typed name (so "Kari" and "kari" are one actor)."""
    raw = attributes.get(attribute) or []
    values: list[str] = [str(v) for v in (raw if isinstance(raw, list) else [raw])]
    same = [v for v in values if v.casefold() == typed.casefold()]
    return (same or values or [typed])[0]


def _check_input(username: str, password: str) -> None:
    if not password:
        raise AccountError("bad_credentials")  # never an unauthenticated bind
    if (not username.strip() or len(username) > _MAX_USERNAME
            or any(ord(ch) < 32 or ord(ch) == 127 for ch in username + password)):
        raise AccountError("bad_credentials")


def authenticate(config: DirectoryConfig, username: str, password: str) -> Account:
    """The directory's account for ``username`` if ``password`` is its password.

    Blocks for up to a few times ``config.timeout``: call it off the UI thread.
    """
    _check_input(username, password)
    user_dn = _find_user_dn(config, username)
    conn = _connection(config, user_dn, password)
    try:
        _bind(conn, config, service=False)
        wanted = ["displayName", "cn", "memberOf", config.username_attribute]
        entries = _search(conn, config, user_dn, "(objectClass=*)", ldap3.BASE, wanted)
        attributes: dict[str, Any] = dict(entries[0]["attributes"]) if entries else {}
        groups = [str(dn) for dn in attributes.get("memberOf") or []]
        if config.group_base:
            escaped = escape_filter_chars(user_dn)
            query = f"(|(member={escaped})(uniqueMember={escaped}))"
            groups += [str(entry["dn"]) for entry in
                       _search(conn, config, config.group_base, query, ldap3.SUBTREE, [])]
    finally:
        _close(conn)
    role = highest_role(config, groups)
    if role is None:
        log.info("directory sign-in refused: the account is in no group mapped to a role")
        raise AccountError("no_role", "the account is in no directory group that gives a role at the desk")
    name = _stored_name(attributes, config.username_attribute, username)
    display = _first(attributes, "displayName") or _first(attributes, "cn") or name
    return Account(username=name, display_name=display, role=role, source=AccountSource.DIRECTORY)
