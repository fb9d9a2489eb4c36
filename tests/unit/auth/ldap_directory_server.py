"""A private OpenLDAP ``slapd`` for the directory sign-in tests (the fixture is in conftest.py).

One per test session, from a temporary directory: a self-signed CA and a server certificate for
127.0.0.1/localhost (``openssl``), an mdb database loaded with ``slapadd`` (people, a service
account), groups added over the wire with ``ldapadd`` so the memberof overlay gives each person
an Active-Directory-like ``memberOf``, served on ldaps:// and on ldap:// (for StartTLS), and on
ldaps://127.0.0.2, an address the certificate does not name. Skipped with a reason when
``slapd``, ``slapadd``, ``ldapadd`` or ``openssl`` is missing (CI installs them).
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SUFFIX = "dc=example,dc=org"
ROOT_DN = f"cn=admin,{SUFFIX}"
ROOT_PW = "root-secret-pw"
SERVICE_DN = f"cn=desk-service,ou=services,{SUFFIX}"
SERVICE_PW = "service-secret-pw"
#: uid -> (password, cn, displayName or "")
PEOPLE = {
    "nora": ("nurse-password-1", "Nora Nurse", "Nora N."),
    "lars": ("lead-password-22", "Lars Lead", ""),
    "ada": ("admin-password-333", "Ada Admin", "Ada A."),
    "gus": ("guest-password-4444", "Gus Nogroup", ""),
    "two": ("two-password-55555", "Tove Two", ""),  # nurse and shift lead
    # a real uid holding filter and DN specials: found only when the username is escaped
    "o*(k),=x": ("odd-password-666666", "Odd Name", ""),
}
GROUPS = {
    "nurses": ["nora", "two", "o*(k),=x"],
    "leads": ["lars", "two"],
    "admins": ["ada"],
}
SCHEMAS = ("core", "cosine", "inetorgperson", "nis")


@dataclass(frozen=True)
class Slapd:
    ldaps_url: str
    ldap_url: str
    #: the same server at an address its certificate does not name
    unnamed_url: str
    ca_file: Path
    other_ca_file: Path  # a CA that did not sign the server's certificate
    suffix: str = SUFFIX

    @staticmethod
    def user_dn(uid: str) -> str:
        from operator_app.auth.directory import escape_rdn  # ldap3, its import warning silenced

        return f"uid={escape_rdn(uid)},ou=people,{SUFFIX}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run(*args: str, cwd: Path, stdin: str | None = None) -> None:
    done = subprocess.run(args, cwd=cwd, input=stdin, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()[-800:]}")


def _make_ca(tmp: Path, name: str) -> None:
    _run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", f"{name}.key", "-out", f"{name}.pem", "-days", "2",
         "-subj", f"/CN=Operator Desk test {name}", cwd=tmp)


def _make_certificates(tmp: Path) -> None:
    _make_ca(tmp, "ca")
    _make_ca(tmp, "other-ca")
    _run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost", cwd=tmp)
    (tmp / "server.ext").write_text(
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
        "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n", encoding="utf-8")
    _run("openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
         "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext", cwd=tmp)


def _config(tmp: Path, *, tls: bool = True) -> str:
    includes = "\n".join(f"include /etc/ldap/schema/{name}.schema" for name in SCHEMAS)
    certificates = (f"TLSCACertificateFile {tmp}/ca.pem\nTLSCertificateFile {tmp}/server.pem\n"
                    f"TLSCertificateKeyFile {tmp}/server.key") if tls else ""
    return f"""{includes}
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
pidfile {tmp}/slapd.pid
{certificates}
database mdb
suffix "{SUFFIX}"
rootdn "{ROOT_DN}"
rootpw {ROOT_PW}
directory {tmp}/db
maxsize 10485760
overlay memberof
access to attrs=userPassword by anonymous auth by self read by * none
access to * by users read by * none
"""


def _people_ldif() -> str:
    parts = [
        f"dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n",
        f"dn: ou=people,{SUFFIX}\nobjectClass: organizationalUnit\nou: people\n",
        f"dn: ou=groups,{SUFFIX}\nobjectClass: organizationalUnit\nou: groups\n",
        f"dn: ou=services,{SUFFIX}\nobjectClass: organizationalUnit\nou: services\n",
        f"dn: {SERVICE_DN}\nobjectClass: simpleSecurityObject\nobjectClass: organizationalRole\n"
        f"cn: desk-service\nuserPassword: {SERVICE_PW}\n",
    ]
    for uid, (password, cn, display) in PEOPLE.items():
        entry = (f"dn: {Slapd.user_dn(uid)}\nobjectClass: inetOrgPerson\nuid: {uid}\ncn: {cn}\n"
                 f"sn: {cn.split()[-1]}\nuserPassword: {password}\n")
        parts.append(entry + (f"displayName: {display}\n" if display else ""))
    return "\n".join(parts)


def _groups_ldif() -> str:
    return "\n".join(
        f"dn: cn={group},ou=groups,{SUFFIX}\nobjectClass: groupOfNames\ncn: {group}\n"
        + "".join(f"member: {Slapd.user_dn(uid)}\n" for uid in members)
        for group, members in GROUPS.items()
    )


def _wait_listening(port: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            detail = proc.stderr.read()[-800:] if proc.stderr else ""
            raise RuntimeError(f"slapd exited ({proc.returncode}): {detail}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("slapd did not listen within 20 s")


def _binaries() -> tuple[str, str]:
    missing = [tool for tool in ("slapd", "slapadd", "ldapadd", "openssl")
               if shutil.which(tool) is None and not Path("/usr/sbin", tool).exists()]
    if missing:
        pytest.skip(f"directory tests need OpenLDAP: {', '.join(missing)} not installed "
                    "(apt-get install slapd ldap-utils)")
    return shutil.which("slapd") or "/usr/sbin/slapd", shutil.which("slapadd") or "/usr/sbin/slapadd"


@contextlib.contextmanager
def _serving(slapd_bin: str, tmp: Path, urls: str, ports: list[int]) -> Iterator[None]:
    proc = subprocess.Popen([slapd_bin, "-f", str(tmp / "slapd.conf"), "-h", urls, "-d", "0"],
                            cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for port in ports:
            _wait_listening(port, proc)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stderr:
            proc.stderr.close()


def run_slapd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Slapd]:
    """Start, load, yield, stop (the session fixture ``slapd`` in conftest.py)."""
    slapd_bin, slapadd = _binaries()
    tmp = tmp_path_factory.mktemp("slapd")
    (tmp / "db").mkdir()
    _make_certificates(tmp)
    (tmp / "slapd.conf").write_text(_config(tmp), encoding="utf-8")
    _run(slapadd, "-f", "slapd.conf", "-b", SUFFIX, cwd=tmp, stdin=_people_ldif())
    ldaps_port, ldap_port = _free_port(), _free_port()
    urls = f"ldaps://127.0.0.1:{ldaps_port}/ ldap://127.0.0.1:{ldap_port}/ ldaps://127.0.0.2:{ldaps_port}/"
    with _serving(slapd_bin, tmp, urls, [ldaps_port, ldap_port]):
        _run("ldapadd", "-x", "-H", f"ldap://127.0.0.1:{ldap_port}", "-D", ROOT_DN, "-w", ROOT_PW,
             cwd=tmp, stdin=_groups_ldif())
        yield Slapd(ldaps_url=f"ldaps://127.0.0.1:{ldaps_port}", ldap_url=f"ldap://127.0.0.1:{ldap_port}",
                    unnamed_url=f"ldaps://127.0.0.2:{ldaps_port}",
                    ca_file=tmp / "ca.pem", other_ca_file=tmp / "other-ca.pem")


def run_slapd_without_tls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A slapd with the same people and no TLS at all: yields its ldap:// URL."""
    slapd_bin, slapadd = _binaries()
    tmp = tmp_path_factory.mktemp("slapd-plain")
    (tmp / "db").mkdir()
    (tmp / "slapd.conf").write_text(_config(tmp, tls=False), encoding="utf-8")
    _run(slapadd, "-f", "slapd.conf", "-b", SUFFIX, cwd=tmp, stdin=_people_ldif())
    port = _free_port()
    with _serving(slapd_bin, tmp, f"ldap://127.0.0.1:{port}/", [port]):
        yield f"ldap://127.0.0.1:{port}"
