"""Password hashes: Argon2id (argon2-cffi) with the library's current RFC 9106 parameters.

A hash made with older parameters is replaced at the next good sign-in (``needs_rehash``)."""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()  # Argon2id


@cache
def _dummy() -> str:
    """Verified against when an account has no usable hash, so a refusal costs the same time
    (made at the first sign-in, not at import: a full Argon2 hash)."""
    return _HASHER.hash("not a password of anyone")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify(stored: str | None, password: str) -> bool:
    """Whether ``password`` matches ``stored``; a missing or broken hash never matches."""
    try:
        return _HASHER.verify(stored or _dummy(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _HASHER.check_needs_rehash(stored)
