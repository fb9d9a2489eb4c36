"""Secrets (feed token, database password) live only in the OS keyring.

On a machine without a usable keyring (headless, locked) the keyring raises ``KeyringError``:
we say so and ask for the secret each time; we never fall back to a plaintext file.
"""

from __future__ import annotations

import logging
from pathlib import Path

import keyring
import keyring.errors

log = logging.getLogger("operator_app.credentials")

SERVICE = "operator-app"


class CredentialError(RuntimeError):
    pass


def _account(kind: str, target: str) -> str:
    return f"{kind}:{target}"


def get_secret(kind: str, target: str) -> str | None:
    """The stored secret, None if absent; raises CredentialError if no keyring is usable."""
    try:
        return keyring.get_password(SERVICE, _account(kind, target))
    except keyring.errors.KeyringError as exc:
        raise CredentialError(f"the OS keyring is not available: {exc}") from exc


def set_secret(kind: str, target: str, secret: str) -> None:
    if not secret:
        raise CredentialError("an empty secret cannot be stored")
    try:
        keyring.set_password(SERVICE, _account(kind, target), secret)
    except keyring.errors.KeyringError as exc:
        raise CredentialError(f"the OS keyring is not available: {exc}") from exc


def delete_secret(kind: str, target: str) -> None:
    try:
        keyring.delete_password(SERVICE, _account(kind, target))
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        raise CredentialError(f"the OS keyring is not available: {exc}") from exc


def read_token_file(path: str | Path) -> str:
    """A token from a file (for unattended runs): its first line, stripped."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CredentialError(f"cannot read token file {path}: {exc.strerror}") from exc
    token = text.splitlines()[0].strip() if text.strip() else ""
    if not token:
        raise CredentialError(f"token file {path} is empty")
    return token
