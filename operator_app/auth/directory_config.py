"""How the desk reaches the centre's directory (LDAP / Active Directory) and reads its people.

Built from the ``directory_*`` keys of the settings file (docs/DIRECTORY.md). Checked when it
is made, so a wrong setting is named before anyone tries to sign in: the URL must be
``ldaps://`` or ``ldap://`` with StartTLS (a bind in clear text is refused, code
``insecure_directory``), and a user's entry must be findable, either by a DN template or by a
search. Every other mistake is ``directory_misconfigured``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from operator_app.domain.accounts import AccountError, Role
from operator_app.settings import Settings

USERNAME_PLACEHOLDER = "{username}"
#: the keyring entry of the service account's password: credentials.get_secret(KIND, service_dn)
SERVICE_SECRET_KIND = "directory"
#: a group list in the settings file: DNs contain commas, so groups are separated by ";"
GROUP_SEPARATOR = ";"


def _misconfigured(detail: str) -> AccountError:
    return AccountError("directory_misconfigured", detail)


@dataclass(frozen=True)
class DirectoryConfig:
    #: ``ldaps://host:636`` or ``ldap://host:389`` (then StartTLS, always)
    url: str
    #: PEM file of the CA that signed the directory's certificate; empty: the system's CAs
    ca_file: str = ""
    #: ``ldap://`` only: False asks for a bind in clear text, which is refused
    starttls: bool = True
    #: e.g. ``uid={username},ou=people,dc=example,dc=org``; empty: search for the user
    user_dn_template: str = ""
    search_base: str = ""
    #: e.g. ``(uid={username})`` or ``(sAMAccountName={username})``
    search_filter: str = "(uid={username})"
    #: the attribute holding the account name (its stored spelling becomes the desk's name)
    username_attribute: str = "uid"
    #: the account that searches for users; empty: an anonymous search
    service_dn: str = ""
    #: where groups naming the user as ``member``/``uniqueMember`` are searched; empty: the
    #: user's ``memberOf`` only (Active Directory, OpenLDAP's memberof overlay)
    group_base: str = ""
    #: group DN or group CN (case-insensitive) -> the role it gives
    group_roles: dict[str, Role] = field(default_factory=dict)
    #: seconds to connect, and to wait for each answer
    timeout: float = 5.0

    def __post_init__(self) -> None:
        parts = urlsplit(self.url)
        if parts.scheme not in {"ldap", "ldaps"} or not parts.hostname:
            raise _misconfigured(f"directory URL must be ldaps://host[:port] or ldap://host[:port], "
                                 f"got {self.url!r}")
        if parts.path not in {"", "/"} or parts.query or parts.username:
            raise _misconfigured(f"directory URL takes only a host and a port, got {self.url!r}")
        try:
            parts.port  # noqa: B018 - raises on a bad port
        except ValueError as exc:
            raise _misconfigured(f"directory URL has a bad port: {self.url!r}") from exc
        if parts.scheme == "ldap" and not self.starttls:
            raise AccountError("insecure_directory",
                               f"{self.url} without StartTLS would send passwords in clear text; "
                               "use ldaps:// or turn StartTLS on")
        if self.user_dn_template:
            if self.user_dn_template.count(USERNAME_PLACEHOLDER) != 1:
                raise _misconfigured(f"the user DN template needs {USERNAME_PLACEHOLDER} once")
        elif not self.search_base:
            raise _misconfigured("set a user DN template or a search base to find a user's entry")
        elif USERNAME_PLACEHOLDER not in self.search_filter or not self.search_filter.startswith("("):
            raise _misconfigured(f"the search filter must be an LDAP filter with {USERNAME_PLACEHOLDER}")
        if not self.group_roles:
            raise _misconfigured("no directory group is mapped to a role")
        if not self.timeout > 0:
            raise _misconfigured("the directory timeout must be positive")

    @property
    def use_ssl(self) -> bool:
        return urlsplit(self.url).scheme == "ldaps"

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def port(self) -> int:
        return urlsplit(self.url).port or (636 if self.use_ssl else 389)

    @property
    def where(self) -> str:
        """host:port, for messages."""
        return f"{self.host}:{self.port}"


def parse_groups(text: str) -> list[str]:
    """``"cn=a,dc=x; cn=b,dc=x"`` -> the groups, blanks dropped."""
    return [group.strip() for group in text.split(GROUP_SEPARATOR) if group.strip()]


def from_settings(settings: Settings) -> DirectoryConfig | None:
    """The directory of the settings; None when none is configured (``directory_url`` empty).

    Raises ``AccountError`` (``directory_misconfigured`` / ``insecure_directory``) naming the
    wrong setting. A group mapped to two roles gives the higher one.
    """
    if not settings.directory_url.strip():
        return None
    roles: dict[str, Role] = {}
    for role, text in ((Role.NURSE, settings.directory_nurse_groups),
                       (Role.SHIFT_LEAD, settings.directory_shift_lead_groups),
                       (Role.ADMIN, settings.directory_admin_groups)):
        for group in parse_groups(text):
            roles[group] = role  # in rising order: a later, higher role wins
    return DirectoryConfig(
        url=settings.directory_url.strip(),
        ca_file=settings.directory_ca_file.strip(),
        starttls=settings.directory_starttls,
        user_dn_template=settings.directory_user_dn.strip(),
        search_base=settings.directory_search_base.strip(),
        search_filter=settings.directory_search_filter.strip(),
        username_attribute=settings.directory_username_attribute.strip() or "uid",
        service_dn=settings.directory_service_dn.strip(),
        group_base=settings.directory_group_base.strip(),
        group_roles=roles,
        timeout=settings.directory_timeout,
    )
