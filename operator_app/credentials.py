"""Secrets (feed token, database password) live only in the OS keyring.

On a machine without a usable keyring (headless, locked) the keyring raises ``KeyringError``:
we say so and ask for the secret each time; we never fall back to a plaintext file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from operator_app.secret_files import SecretFileError, read_secret_file

log = logging.getLogger("operator_app.credentials")

SERVICE = "operator-app"


class CredentialError(RuntimeError):
    pass


def _account(kind: str, target: str) -> str:
    return f"{kind}:{target}"


def get_secret(kind: str, target: str) -> str | None:
    """The stored secret, None if absent; raises CredentialError if no keyring is usable."""
    import keyring.errors  # loaded on first use: not before the desk's first paint

    try:
        return keyring.get_password(SERVICE, _account(kind, target))
    except keyring.errors.KeyringError as exc:
        raise CredentialError(f"the OS keyring is not available: {exc}") from exc


def set_secret(kind: str, target: str, secret: str) -> None:
    import keyring.errors  # loaded on first use: not before the desk's first paint

    if not secret:
        raise CredentialError("an empty secret cannot be stored")
    try:
        keyring.set_password(SERVICE, _account(kind, target), secret)
    except keyring.errors.KeyringError as exc:
        raise CredentialError(f"the OS keyring is not available: {exc}") from exc


def delete_secret(kind: str, target: str) -> None:
    import keyring.errors  # loaded on first use: not before the desk's first paint

    try:
        keyring.delete_password(SERVICE, _account(kind, target))
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise CredentialError(f"the OS keyring is not available: {exc}") from exc


def read_token_file(path: str | Path) -> str:
    """A token from a file (for unattended runs): its first line, stripped. The file must be
    private to this user, as ssh demands of a key (``secret_files.read_secret_file``)."""
    return read_private_secret(path, "token file")


def read_private_secret(path: str | Path, what: str) -> str:
    """The secret in a private file (token file, password file), CredentialError if refused."""
    try:
        return read_secret_file(path, what)
    except SecretFileError as exc:
        raise CredentialError(str(exc)) from exc
