"""Passwords and session tokens.

Passwords are stored only as salted bcrypt hashes.  bcrypt reads at most 72 bytes, so
a longer password (Vietnamese or Arabic letters take 2–3 bytes each in UTF-8) is first
reduced to its SHA-256 digest: otherwise two long passphrases sharing their first 72
bytes would be interchangeable.  Session tokens are random; the database keeps only
their SHA-256, so a copy of the database does not let anyone log in.

A new password must pass the :class:`PasswordPolicy`: at least 12 characters (the
setting ``min_password_length``) and not one of the 10,000 most common passwords
(``common_passwords.txt`` beside this module; its header says where it comes from).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import bcrypt

from workbench.errors import PermissionDenied

BCRYPT_ROUNDS = 12
MIN_PASSWORD_LENGTH = 12
COMMON_PASSWORDS = Path(__file__).with_name("common_passwords.txt")
_BCRYPT_MAX_BYTES = 72


def _secret(password: str) -> bytes:
    raw = password.encode("utf-8")
    if len(raw) > _BCRYPT_MAX_BYTES:
        raw = base64.b64encode(hashlib.sha256(raw).digest())
    return raw


def hash_password(password: str, rounds: int = BCRYPT_ROUNDS) -> str:
    """A salted bcrypt hash of ``password`` (an empty one is refused; the strength of
    a new password is :class:`PasswordPolicy`'s business)."""
    if not password:
        raise PermissionDenied("a password is needed")
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


@lru_cache(maxsize=4)
def dummy_hash(rounds: int) -> str:
    """A hash of a random secret with ``rounds``: checked for an unknown user name, so
    the answer takes as long as for a known one (no user-name probing by timing)."""
    return hash_password(secrets.token_urlsafe(16), rounds)


def load_common_passwords(path: str | Path = COMMON_PASSWORDS) -> frozenset[str]:
    """The refused passwords of a list file (one a line, ``#`` comments), lower case."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines
                     if line.strip() and not line.startswith("#"))


@dataclass(frozen=True)
class PasswordPolicy:
    """What a new password must be: ``min_length`` characters or more, not in
    ``common`` (compared in lower case, also with digits and signs around it taken
    off), not the user name (unless ``check_name`` is false: the test suite's policy)."""

    min_length: int = MIN_PASSWORD_LENGTH
    common: frozenset[str] = frozenset()
    check_name: bool = True

    @classmethod
    def from_settings(cls, min_length: int, common_passwords: str) -> PasswordPolicy:
        """The policy of the settings: ``common_passwords`` is a list file, '' the
        shipped list, ``none`` no list and no user-name check (the test suite)."""
        if common_passwords.lower() == "none":
            return cls(min_length, check_name=False)
        return cls(min_length, _shipped() if not common_passwords
                   else load_common_passwords(common_passwords))

    def check(self, password: str, name: str = "") -> None:
        """Raise :class:`PermissionDenied` saying what to change."""
        if len(password) < self.min_length:
            raise PermissionDenied(
                f"password too short ({len(password)} characters): use at least "
                f"{self.min_length}, e.g. a few unrelated words")
        folded = password.strip().lower()
        # "Password1234!" is "password" with digits and signs added: as common.
        core = folded.strip("0123456789!@#$%^&*()_-+=.,?~ ")
        if (folded in self.common or (len(core) >= 4 and core in self.common)
                or (self.check_name and name and name.strip().lower() in (folded, core))):
            raise PermissionDenied(
                "this password is one of the most common ones (or the user name), which "
                "are tried first by anyone guessing: choose another")


@lru_cache(maxsize=1)
def _shipped() -> frozenset[str]:
    return load_common_passwords()
