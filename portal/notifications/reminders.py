"""Deadline reminders, for cron: ``flask --app wsgi notify due``.

Each reminder has a dedupe key naming the petition, the deadline and the
recipient, so running the command twice (or twice a day) sends nothing twice;
a moved deadline is a new deadline and is reminded again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _

from portal.extensions import db
from portal.notifications.services import leaders_of, notify_user
from portal.petitions.models import (
    ANSWER_CLOCK_STATUSES,
    DeadlineState,
    Petition,
    PetitionStatus,
)


@dataclass
class ReminderCount:
    due_soon: int = 0
    overdue: int = 0
    not_acknowledged: int = 0


def _when(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else "—"


def _remind_leaders_to_assign(petition: Petition, state: DeadlineState) -> int:
    made = 0
    for leader in leaders_of(petition):
        made += notify_user(
            leader, petition, kind="unassigned",
            subject=_("Phản ánh %(code)s chưa được giao người xử lý", code=petition.tracking_code),
            body=_("Hạn trả lời là %(due)s (%(state)s).", due=_when(petition.due_on),
                   state=state.label),
            dedupe_key=f"unassigned:{petition.id}:{petition.due_on}:{state}:{leader.id}",
        ) is not None
    return made


def remind_due(today: date) -> ReminderCount:
    count = ReminderCount()
    handled = db.session.scalars(sa.select(Petition).where(
        Petition.status.in_(ANSWER_CLOCK_STATUSES),
        Petition.warning_on <= today,
    ))
    for petition in handled:
        state = petition.deadline_state(today)
        holder = petition.assignee
        if holder is None:  # acknowledged but never given to anyone
            count.overdue += _remind_leaders_to_assign(petition, state)
            continue
        if state == DeadlineState.OVERDUE:
            subject = _("Phản ánh %(code)s đã quá hạn trả lời", code=petition.tracking_code)
            body = _("Hạn trả lời là %(due)s. Người chịu trách nhiệm: %(who)s.",
                     due=_when(petition.due_on), who=holder.display_name)
            for person in {holder, *leaders_of(petition)}:
                made = notify_user(person, petition, kind="overdue", subject=subject, body=body,
                                   dedupe_key=f"overdue:{petition.id}:{petition.due_on}:{person.id}")
                count.overdue += made is not None
        elif state == DeadlineState.AT_RISK:
            made = notify_user(
                holder, petition, kind="due_soon",
                subject=_("Phản ánh %(code)s sắp đến hạn trả lời", code=petition.tracking_code),
                body=_("Hạn trả lời là %(due)s.", due=_when(petition.due_on)),
                dedupe_key=f"due-soon:{petition.id}:{petition.due_on}:{holder.id}",
            )
            count.due_soon += made is not None
    waiting = db.session.scalars(sa.select(Petition).where(
        Petition.status == PetitionStatus.RECEIVED, Petition.ack_due_on < today))
    for petition in waiting:
        for leader in leaders_of(petition):
            made = notify_user(
                leader, petition, kind="not_acknowledged",
                subject=_("Phản ánh %(code)s quá hạn tiếp nhận", code=petition.tracking_code),
                body=_("Hạn tiếp nhận là %(due)s.", due=_when(petition.ack_due_on)),
                dedupe_key=f"ack-overdue:{petition.id}:{petition.ack_due_on}:{leader.id}",
            )
            count.not_acknowledged += made is not None
    db.session.flush()
    return count
