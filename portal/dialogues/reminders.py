"""Session reminders, run by ``flask --app wsgi notify due`` (cron, daily).

Leaders are reminded in the days before the notice and the results must be
published; once a deadline has passed unmet, the leaders and the commune's
inspectors are told it was missed. Dedupe keys name the session, the deadline
and the person, so a second run sends nothing twice and a moved date is
reminded afresh.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from portal import clock
from portal.dialogues.models import AWAITING_RESULTS, DialogueSession, SessionStatus
from portal.extensions import db
from portal.notifications.services import inspectors_of_unit, leaders_of_unit, notify_user, path_for

REMIND_DAYS_BEFORE = 3


@dataclass
class SessionReminderCount:
    notice_soon: int = 0
    results_soon: int = 0
    missed: int = 0


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def _tell(people, session: DialogueSession, *, kind: str, due: date, subject: str,
          body: str) -> int:
    link = path_for("dialogues_staff.session", session_id=session.id)
    made = 0
    for person in people:
        made += notify_user(person, None, kind=kind, subject=subject, body=body, link=link,
                            dedupe_key=f"{kind}:{session.id}:{due}:{person.id}") is not None
    return made


def remind_sessions(today: date) -> SessionReminderCount:
    count = SessionReminderCount()
    horizon = today + timedelta(days=REMIND_DAYS_BEFORE)
    drafts = db.session.scalars(sa.select(DialogueSession).where(
        DialogueSession.status == SessionStatus.DRAFT, DialogueSession.notice_due_on <= horizon))
    for session in drafts:
        due = session.notice_due_on
        if today <= due:
            count.notice_soon += _tell(
                leaders_of_unit(session.unit), session, kind="session_notice_due", due=due,
                subject=_("Hạn thông báo hội nghị đối thoại «%(title)s»: %(due)s",
                          title=session.title, due=_day(due)),
                body=_("Hội nghị dự kiến ngày %(day)s; thông báo phải được đăng chậm nhất ngày "
                       "%(due)s.", day=_day(clock.local_date(session.starts_at)), due=_day(due)))
        else:
            count.missed += _tell(
                {*leaders_of_unit(session.unit), *inspectors_of_unit(session.unit)}, session,
                kind="session_notice_missed", due=due,
                subject=_("Hội nghị đối thoại «%(title)s» chưa được thông báo đúng hạn",
                          title=session.title),
                body=_("Hạn thông báo là %(due)s và đã qua.", due=_day(due)))
    held = db.session.scalars(sa.select(DialogueSession).where(
        DialogueSession.status.in_(AWAITING_RESULTS), DialogueSession.results_due_on <= horizon))
    for session in held:
        due = session.results_due_on
        if today <= due:
            count.results_soon += _tell(
                leaders_of_unit(session.unit), session, kind="session_results_due", due=due,
                subject=_("Hạn công bố kết quả hội nghị đối thoại «%(title)s»: %(due)s",
                          title=session.title, due=_day(due)),
                body=_("Kết quả hội nghị phải được công bố chậm nhất ngày %(due)s.",
                       due=_day(due)))
        else:
            count.missed += _tell(
                {*leaders_of_unit(session.unit), *inspectors_of_unit(session.unit)}, session,
                kind="session_results_missed", due=due,
                subject=_("Kết quả hội nghị đối thoại «%(title)s» chưa được công bố đúng hạn",
                          title=session.title),
                body=_("Hạn công bố kết quả là %(due)s và đã qua.", due=_day(due)))
    db.session.flush()
    return count
