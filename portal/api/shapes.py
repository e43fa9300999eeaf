"""What the API sends back for each record, for each kind of reader. A
resident's personal data appears only where the web pages show it too."""

from __future__ import annotations

from flask import url_for

from portal import clock
from portal.answers import services as answers
from portal.api.inputs import day, moment
from portal.deadlines.wording import deadline_lines
from portal.dialogues.models import DialogueSession, SessionStatus
from portal.handling import services as handling
from portal.permissions import actor_name, can_rate, can_see_identity
from portal.petitions import queries
from portal.petitions.models import Category, Petition, PetitionEvent
from portal.petitions.staff_page import available_actions
from portal.petitions.states import RESIDENT_NOTE_EVENTS
from portal.units.models import Unit


def unit(value: Unit | None) -> dict | None:
    if value is None:
        return None
    return {"code": value.code, "name": value.full_name}


def category(value: Category) -> dict:
    return {"code": value.code, "name": value.label}


def labelled(member) -> dict:
    return {"code": member.value, "label": member.label}


def _responsible(petition: Petition) -> dict | None:
    if petition.office is None:
        return None
    return {"office": petition.office.name,
            "official": petition.assignee.display_name if petition.assignee else None}


def _deadlines(petition: Petition) -> dict:
    return {
        "acknowledge_by": day(petition.ack_due_on),
        "answer_by": day(petition.due_on),
        "promised_on": day(petition.promised_on),
        "lines": [{"label": line.label, "due_on": day(line.due), "explanation": line.text}
                  for line in deadline_lines(petition)],
    }


def _answers(petition: Petition) -> list[dict]:
    return [{"published_at": moment(r.published_at), "body": r.body}
            for r in answers.published_responses(petition)]


def _event(event: PetitionEvent, *, viewer=None, notes: str) -> dict:
    shown = notes == "all" or (notes == "resident" and event.type in RESIDENT_NOTE_EVENTS)
    line = {
        "at": moment(event.occurred_at),
        "type": event.type.value,
        "label": event.type.label,
        "from_status": event.from_status.value if event.from_status else None,
        "to_status": event.to_status.value if event.to_status else None,
        "note": event.note if shown else None,
    }
    if viewer is not None:
        line["by"] = actor_name(viewer, event)
        line["internal"] = not event.is_public
    return line


def _common(petition: Petition) -> dict:
    return {
        "title": petition.title,
        "kind": labelled(petition.kind),
        "category": category(petition.category),
        "status": labelled(petition.status),
        "commune": unit(petition.unit),
        "province": unit(petition.unit.province),
        "submitted_at": moment(petition.submitted_at),
        "acknowledged_at": moment(petition.acknowledged_at),
        "answered_at": moment(petition.answered_at),
        "closed_at": moment(petition.closed_at),
    }


def petition_for_sender(petition: Petition, viewer) -> dict:
    """What the tracking page shows to whoever holds the code."""
    rate_until = answers.rating_deadline(petition)
    return {
        "tracking_code": petition.tracking_code,
        **_common(petition),
        "body": petition.body,
        "deadlines": _deadlines(petition),
        "responsible": _responsible(petition),
        "answers": _answers(petition),
        "rating": {"open": answers.can_still_rate(petition) and can_rate(viewer, petition),
                   "until": moment(rate_until) if answers.can_still_rate(petition) else None},
        "history": [_event(e, notes="resident") for e in queries.public_history(petition)],
    }


def petition_of_sender(petition: Petition) -> dict:
    """One line of a resident's own list; the code leads to the rest."""
    return {
        "tracking_code": petition.tracking_code,
        **_common(petition),
        "answer_by": day(petition.due_on),
        "url": url_for("api.petition", ref=petition.tracking_code, _external=True),
    }


def petition_in_list(petition: Petition, today) -> dict:
    state = petition.deadline_state(today)
    return {
        "id": petition.id,
        "tracking_code": petition.tracking_code,
        **_common(petition),
        "deadline_on": day(petition.deadline_on),
        "deadline_state": state.value if state else None,
        "responsible": _responsible(petition),
        "url": url_for("api.petition", ref=str(petition.id), _external=True),
    }


def petition_for_staff(petition: Petition, viewer) -> dict:
    """The staff page's facts: the sender only where the viewer may know them."""
    pending = handling.pending_extension(petition)
    working = answers.working_response(petition)
    shows_sender = can_see_identity(viewer, petition)
    return {
        **petition_in_list(petition, clock.today_in_vietnam()),
        "body": petition.body,
        "channel": labelled(petition.channel),
        "is_public": petition.is_public,
        "identity_hidden": petition.is_identity_hidden,
        "contact": ({"name": petition.contact_name, "email": petition.contact_email,
                     "phone": petition.contact_phone} if shows_sender else None),
        "deadlines": _deadlines(petition),
        "custody": [{"office": a.office.name, "official": a.assignee.display_name,
                     "from": moment(a.started_at), "until": moment(a.ended_at),
                     "ended_by": a.end_reason.value if a.end_reason else None}
                    for a in handling.custody_chain(petition)],
        "working_answer": ({"status": working.status.value, "body": working.body,
                            "return_note": working.return_note}
                           if working is not None else None),
        "answers": _answers(petition),
        "actions": sorted(available_actions(viewer, petition, pending_extension=pending,
                                            working=working)),
        "history": [_event(e, viewer=viewer, notes="all") for e in petition.events],
    }


def session_summary(session: DialogueSession) -> dict:
    return {
        "id": session.id,
        "title": session.title,
        "status": labelled(session.status),
        "commune": unit(session.unit),
        "province": unit(session.unit.province),
        "starts_at": moment(session.starts_at),
        "ends_at": moment(session.ends_at),
        "venue": session.venue,
        "format": labelled(session.format),
        "url": url_for("api.session", session_id=session.id, _external=True),
    }


def session_detail(session: DialogueSession, commitments: list) -> dict:
    concluded = session.status == SessionStatus.CONCLUDED
    return {
        **session_summary(session),
        "theme": session.theme,
        "online_link": session.online_link,
        "chair": {"name": session.chair.display_name, "title": session.chair_title},
        "co_chairs": session.co_chairs,
        "announced_at": moment(session.announced_at),
        "cancel_reason": session.cancel_reason,
        "agenda": [{"title": item.title, "presenter": item.presenter,
                    "starts": item.starts_at.isoformat() if item.starts_at else None,
                    "ends": item.ends_at.isoformat() if item.ends_at else None}
                   for item in session.agenda],
        "accepts_questions": (session.status == SessionStatus.ANNOUNCED
                              and session.starts_at > clock.now()),
        "conclusion": ({"number": session.conclusion_number,
                        "issued_on": day(session.conclusion_date),
                        "text": session.conclusion_text,
                        "attendance": session.attendance_count}
                       if concluded else None),
        "commitments": [{"title": item.petition.title,
                         "status": labelled(item.petition.status),
                         "promised_on": day(item.petition.promised_on)}
                        for item in commitments],
    }
