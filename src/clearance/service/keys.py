"""API keys: random secrets shown once, stored only as SHA-256, each with one role.

Roles nest: a reviewer may do what a screener may, an admin what a reviewer may.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, bindparam, insert, select, update
from sqlalchemy.exc import IntegrityError

from clearance.errors import AccessDenied, InputError, NotFound
from clearance.service.tables import api_keys

ROLES = ("screener", "reviewer", "admin")
PREFIX = "clr_"
_NAME = re.compile(r"^[A-Za-z0-9_.@-]{1,100}$")


class Unauthenticated(AccessDenied):
    """No key, or a key that is unknown or revoked (HTTP 401)."""

    status = 401


class Conflict(InputError):
    """The name is taken (HTTP 409)."""

    status = 409


@dataclass(frozen=True, slots=True)
class Principal:
    """Who is calling: the key's name and role."""

    name: str
    role: str

    def allows(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def create_key(engine: Engine, role: str, name: str | None = None) -> tuple[str, str]:
    """A new key for ``role``; returns (name, key). The key is not stored, only its hash."""
    if role not in ROLES:
        raise InputError(f"role: must be one of {', '.join(ROLES)}, got {role!r}")
    key = PREFIX + secrets.token_urlsafe(32)
    name = name or f"{role}-{secrets.token_hex(3)}"
    if not _NAME.match(name):
        raise InputError(f"name: 1-100 of A-Z a-z 0-9 _ . @ -, got {name!r}")
    try:
        with engine.begin() as conn:
            conn.execute(
                insert(api_keys).values(
                    name=name,
                    role=role,
                    key_hash=hash_key(key),
                    prefix=key[:8],
                    created_at=_now(),
                )
            )
    except IntegrityError as exc:
        raise Conflict(f"name: a key named {name!r} already exists") from exc
    return name, key


def list_keys(engine: Engine) -> list[dict[str, str | None]]:
    with engine.connect() as conn:
        rows = conn.execute(select(api_keys).order_by(api_keys.c.id)).all()
    return [
        {
            "name": r.name,
            "role": r.role,
            "prefix": r.prefix,
            "created_at": r.created_at,
            "revoked_at": r.revoked_at,
        }
        for r in rows
    ]


def revoke_key(engine: Engine, name: str) -> None:
    with engine.begin() as conn:
        done = conn.execute(
            update(api_keys)
            .where(api_keys.c.name == name, api_keys.c.revoked_at.is_(None))
            .values(revoked_at=_now())
        )
    if done.rowcount != 1:
        raise NotFound(f"no active key named {name!r}")


_BY_HASH = select(api_keys.c.name, api_keys.c.role, api_keys.c.revoked_at).where(
    api_keys.c.key_hash == bindparam("h")
)


def authenticate(engine: Engine, key: str | None) -> Principal:
    """The principal for a presented key; Unauthenticated when missing, unknown or revoked."""
    if not key:
        raise Unauthenticated("missing API key: send 'Authorization: Bearer KEY'")
    with engine.connect() as conn:
        row = conn.execute(_BY_HASH, {"h": hash_key(key)}).first()
    if row is None or row.revoked_at is not None:
        raise Unauthenticated("invalid or revoked API key")
    return Principal(row.name, row.role)


def require(principal: Principal, role: str) -> None:
    if not principal.allows(role):
        raise AccessDenied(f"role {principal.role!r} may not do this: needs {role!r} or above")
