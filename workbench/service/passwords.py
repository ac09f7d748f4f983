"""Passwords and session tokens.

Passwords are stored only as salted bcrypt hashes.  bcrypt reads at most 72 bytes, so
a longer password (Vietnamese or Arabic letters take 2–3 bytes each in UTF-8) is first
reduced to its SHA-256 digest: otherwise two long passphrases sharing their first 72
bytes would be interchangeable.  Session tokens are random; the database keeps only
their SHA-256, so a copy of the database does not let anyone log in.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

import bcrypt

from workbench.errors import PermissionDenied

BCRYPT_ROUNDS = 12
MIN_PASSWORD_LENGTH = 4  # the demo account's password is "demo"
_BCRYPT_MAX_BYTES = 72


def _secret(password: str) -> bytes:
    raw = password.encode("utf-8")
    if len(raw) > _BCRYPT_MAX_BYTES:
        raw = base64.b64encode(hashlib.sha256(raw).digest())
    return raw


def hash_password(password: str, rounds: int = BCRYPT_ROUNDS) -> str:
    """A salted bcrypt hash of ``password`` (refused if shorter than 4 characters)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PermissionDenied(
            f"password too short: use at least {MIN_PASSWORD_LENGTH} characters"
        )
    return bcrypt.hashpw(_secret(password), bcrypt.gensalt(rounds)).decode("ascii")


def verify_password(password: str, password_hash: str) -> bool:
    """Whether ``password`` matches the stored hash (constant time in bcrypt)."""
    try:
        return bcrypt.checkpw(_secret(password), password_hash.encode("ascii"))
    except ValueError:  # a malformed stored hash never matches
        return False


def new_token() -> str:
    """A random, URL-safe session token."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """What the database stores for a token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
