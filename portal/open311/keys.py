"""Open311 keys: issued by an admin (page or command line), shown once in
clear, stored as a SHA-256 hash, revocable. Each use is timestamped so an
admin can see which programs still call."""

from __future__ import annotations

import secrets

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock, vietnamese
from portal.accounts.models import User
from portal.errors import RuleViolation
from portal.extensions import db
from portal.open311.models import Open311Client
from portal.petitions.models import Petition
from portal.security import secret_digest

NAME_MAX = 120
# Recognisable in a leaked log or repository, so it can be found and revoked.
PREFIX = "o311_"


def issue_key(name: str, *, actor: User | None) -> tuple[str, Open311Client]:
    """A new key for the program ``name``; the clear key is returned once and
    never stored."""
    name = vietnamese.clean(name) or ""
    if not name or len(name) > NAME_MAX:
        raise RuleViolation(_("Vui lòng ghi tên ứng dụng (tối đa %(n)d ký tự).", n=NAME_MAX),
                            field="name")
    if vietnamese.has_control_characters(name):
        raise RuleViolation(_("Nội dung có ký tự điều khiển không hợp lệ, vui lòng xoá."),
                            field="name")
    key = PREFIX + secrets.token_urlsafe(32)
    client = Open311Client(name=name, key_hash=secret_digest(key), created_at=clock.now(),
                           created_by=actor)
    db.session.add(client)
    db.session.flush()
    return key, client


def revoke_key(client: Open311Client) -> bool:
    """Stop the key working; False if it was already revoked."""
    if client.revoked_at is not None:
        return False
    client.revoked_at = clock.now()
    db.session.flush()
    return True


def authenticate(key: str | None) -> Open311Client | None:
    """The live client holding ``key``, marked as used now; None for a
    missing, unknown or revoked key."""
    if not key:
        return None
    client = db.session.scalar(sa.select(Open311Client).where(
        Open311Client.key_hash == secret_digest(key.strip())))
    if client is None or not client.is_active:
        return None
    client.last_used_at = clock.now()
    return client


def all_clients() -> list[tuple[Open311Client, int]]:
    """Every key, newest first, with the number of petitions it sent."""
    sent = (sa.select(Petition.open311_client_id, sa.func.count().label("n"))
            .where(Petition.open311_client_id.is_not(None))
            .group_by(Petition.open311_client_id).subquery())
    rows = db.session.execute(
        sa.select(Open311Client, sa.func.coalesce(sent.c.n, 0))
        .outerjoin(sent, sent.c.open311_client_id == Open311Client.id)
        .order_by(Open311Client.id.desc()))
    return [(client, count) for client, count in rows]
