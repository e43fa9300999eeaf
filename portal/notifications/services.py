"""Creating notifications with the change they tell about, and delivering
them after commit.

Services call ``notify_*``; the rows are part of the same transaction, so a
rolled-back change sends nothing. After a web request commits, the new rows
are e-mailed once the response has gone out (``register_delivery``); what
fails stays pending for ``flask --app wsgi notify due``.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import Flask, current_app, g, has_request_context
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from portal import clock
from portal.accounts.models import Role, RoleGrant, User
from portal.extensions import db
from portal.notifications import mail
from portal.notifications.models import Notification
from portal.petitions.models import Petition
from portal.units.models import Unit

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


def _add(notification: Notification) -> Notification | None:
    """Add unless a notification with the same dedupe key exists."""
    if notification.dedupe_key is not None:
        exists = db.session.scalar(
            sa.select(Notification.id).where(Notification.dedupe_key == notification.dedupe_key)
        )
        if exists:
            return None
        try:
            with db.session.begin_nested():
                db.session.add(notification)
        except IntegrityError:  # another process made the same reminder meanwhile
            return None
    else:
        db.session.add(notification)
    db.session.info.setdefault("new_notifications", []).append(notification)
    return notification


def _path(endpoint: str, **values) -> str:
    """A site-relative link, with or without a request (commands, cron)."""
    return current_app.url_map.bind("").build(endpoint, values)


def _staff_link(petition: Petition) -> str:
    return _path("staff.petition", petition_id=petition.id)


def notify_user(user: User, petition: Petition | None, *, kind: str, subject: str, body: str,
                dedupe_key: str | None = None, link: str | None = None) -> Notification | None:
    if link is None and petition is not None:
        link = _staff_link(petition)
    return _add(Notification(
        user=user, petition_id=petition.id if petition else None, kind=kind, subject=subject,
        body=body, link=link, created_at=clock.now(), dedupe_key=dedupe_key,
    ))


def path_for(endpoint: str, **values) -> str:
    """A site-relative link for a notification about something else than a petition."""
    return _path(endpoint, **values)


def resident_email(petition: Petition) -> str | None:
    if petition.contact_email:
        return petition.contact_email
    return petition.submitter.email if petition.submitter else None


def notify_resident(petition: Petition, *, kind: str, subject: str, body: str) -> Notification | None:
    email = resident_email(petition)
    if not email:
        return None
    return _add(Notification(
        email=email, petition_id=petition.id, kind=kind, subject=subject, body=body,
        link=_path("petitions.track", code=petition.tracking_code), created_at=clock.now(),
    ))


def leaders_of(petition: Petition) -> list[User]:
    return leaders_of_unit(petition.unit)


def leaders_of_unit(unit: Unit) -> list[User]:
    grants = db.session.scalars(
        sa.select(RoleGrant).where(
            RoleGrant.role == Role.LEADER,
            sa.or_(RoleGrant.unit_id == unit.id, RoleGrant.unit_id == unit.parent_id),
        )
    ).all()
    # Commune leaders first; the province's leaders only when the commune has none.
    local = [gr.user for gr in grants if gr.unit_id == unit.id]
    return local or [gr.user for gr in grants]


def inspectors_of_unit(unit: Unit) -> list[User]:
    """Inspectors of the commune or of its province (national inspectors
    follow the country on their pages rather than by message)."""
    grants = db.session.scalars(sa.select(RoleGrant).where(
        RoleGrant.role == Role.INSPECTOR,
        RoleGrant.unit_id.in_([unit.id] + ([unit.parent_id] if unit.parent_id else [])),
    )).all()
    return list({gr.user_id: gr.user for gr in grants}.values())


def notify_leaders(petition: Petition, *, kind: str, subject: str, body: str) -> None:
    for leader in leaders_of(petition):
        notify_user(leader, petition, kind=kind, subject=subject, body=body)


def _claim(notification_id: int, attempts: int) -> bool:
    """Take a pending notification for sending, so that two senders (a web
    worker after a response, the cron job) never both send it. Committed at
    once: a crash while sending counts as an attempt."""
    claimed = db.session.execute(
        sa.update(Notification)
        .where(Notification.id == notification_id, Notification.emailed_at.is_(None),
               Notification.attempts == attempts)
        .values(attempts=attempts + 1)
    ).rowcount == 1
    db.session.commit()
    return claimed


def deliver(notification: Notification) -> bool | None:
    """E-mail one notification: True if sent, False if it failed (kept
    pending with the error), None if someone else is sending it. Commits."""
    if not _claim(notification.id, notification.attempts):
        return None
    db.session.refresh(notification)
    address = notification.recipient_email
    if address:
        base = current_app.config.get("PUBLIC_BASE_URL", "").rstrip("/")
        body = notification.body + (f"\n\n{base}{notification.link}" if notification.link else "")
        try:
            mail.send(mail.build_message(to=address, subject=notification.subject, body=body))
        except Exception as exc:  # noqa: BLE001 - one bad message must not stop the others
            notification.last_error = f"{type(exc).__name__}: {exc}"[:500]
            db.session.commit()
            log.warning("mail for notification %s failed: %s", notification.id, exc)
            return False
    notification.emailed_at = clock.now()  # sent, or in-app only
    notification.last_error = None
    db.session.commit()
    return True


def _pending(limit: int, ids: list[int] | None = None) -> list[tuple[int, int]]:
    query = (sa.select(Notification.id, Notification.attempts)
             .where(Notification.emailed_at.is_(None), Notification.attempts < MAX_ATTEMPTS)
             .order_by(Notification.id).limit(limit))
    if ids is not None:
        query = query.where(Notification.id.in_(ids))
    return list(db.session.execute(query))


def deliver_pending(limit: int = 500) -> tuple[int, int]:
    """Send what is still pending (cron); returns (sent, failed)."""
    sent = failed = 0
    for notification_id, _attempts in _pending(limit):
        outcome = deliver(db.session.get(Notification, notification_id))
        sent += outcome is True
        failed += outcome is False
    return sent, failed


def _deliver_ids(app: Flask, ids: list[int]) -> None:
    """After a response: send this request's notifications; stop at the first
    failure (the mail server is likely down) and leave the rest to cron."""
    with app.app_context():
        try:
            for notification_id, _attempts in _pending(len(ids), ids):
                if deliver(db.session.get(Notification, notification_id)) is False:
                    break
        finally:
            db.session.remove()


@event.listens_for(Session, "before_commit")
def _note_ids(session: Session) -> None:
    # Ids are read before the commit expires the objects, so handing them on
    # after the commit needs no query.
    created = session.info.pop("new_notifications", None)
    if created:
        session.flush()
        session.info["new_notification_ids"] = [n.id for n in created if n.id]


@event.listens_for(Session, "after_commit")
def _remember_committed(session: Session) -> None:
    ids = session.info.pop("new_notification_ids", None)
    if ids and has_request_context():
        g.setdefault("deliver_notifications", []).extend(ids)


@event.listens_for(Session, "after_rollback")
def _forget_rolled_back(session: Session) -> None:
    session.info.pop("new_notifications", None)
    session.info.pop("new_notification_ids", None)


def register_delivery(app: Flask) -> None:
    @app.after_request
    def _deliver_after_response(response):
        ids = g.pop("deliver_notifications", None)
        if ids:
            application = current_app._get_current_object()
            response.call_on_close(lambda: _deliver_ids(application, ids))
        return response


def unread_count(user: User) -> int:
    return db.session.scalar(
        sa.select(sa.func.count(Notification.id)).where(
            Notification.user_id == user.id, Notification.read_at.is_(None)
        )
    ) or 0

