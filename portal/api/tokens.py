"""Bearer tokens for programs: issued for an account's e-mail and password,
stored only as a SHA-256 hash (a stolen table gives no usable token),
expiring, revocable, sent as ``Authorization: Bearer <token>``."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import request
from sqlalchemy.orm import Mapped, mapped_column, relationship

from portal import clock
from portal.accounts.models import User
from portal.database import UTCDateTime
from portal.extensions import db
from portal.security import secret_digest

LIFETIME = timedelta(days=30)


class ApiToken(db.Model):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"),
                                         index=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()


def issue(user: User) -> tuple[str, ApiToken]:
    """A new token for ``user``: the clear text is returned once, never stored."""
    token = secrets.token_urlsafe(32)
    now = clock.now()
    record = ApiToken(user=user, token_hash=secret_digest(token), created_at=now,
                      expires_at=now + LIFETIME)
    db.session.add(record)
    db.session.flush()
    return token, record


def presented() -> ApiToken | None:
    """The live token in this request's Authorization header, if any."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    record = db.session.scalar(sa.select(ApiToken).where(
        ApiToken.token_hash == secret_digest(token.strip())))
    if record is None or record.revoked_at is not None or record.expires_at <= clock.now():
        return None
    if not record.user.is_active:
        return None
    return record


def revoke(record: ApiToken) -> None:
    record.revoked_at = clock.now()
