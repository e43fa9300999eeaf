"""Search as a person sees it: the index narrows by what they may find, then
every hit is loaded from the database and checked again before it is shown,
so an index that lags behind a change of visibility never shows too much.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask import url_for
from markupsafe import Markup

from portal import clock
from portal.dialogues.models import DialogueSession
from portal.extensions import db
from portal.pagination import PageNumbers
from portal.permissions import can_view_petition, can_view_session_record, is_submitter, staff_scope
from portal.petitions.models import Petition
from portal.petitions.queries import is_published
from portal.search import engine
from portal.search.analysis import ParsedQuery, analyse, parse_query
from portal.search.documents import PETITION, SESSION, notice_texts, published_answers
from portal.search.engine import Audience, Filters
from portal.search.snippets import best_passage, highlight
from portal.units.models import Unit


def audience_of(user) -> Audience:
    scope = staff_scope(user)
    user_id = user.id if getattr(user, "is_authenticated", False) else None
    return Audience(everything=scope.national, unit_ids=scope.unit_ids, user_id=user_id)


@dataclass
class Result:
    type: str  # petition | session
    part: str  # petition | session | minutes
    id: int
    title: Markup
    snippet: Markup
    score: float
    url: str
    tracking_code: str | None = None
    record: object = None


@dataclass
class SearchPage(PageNumbers):
    results: list[Result]
    total: int
    page: int
    per_page: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)


def _petition_result(user, petition: Petition, hit, parsed, answers) -> Result | None:
    staff_view = can_view_petition(user, petition)
    if not staff_view and not is_published(petition):
        return None
    if is_submitter(user, petition):
        url = url_for("petitions.track", code=petition.tracking_code)
    elif staff_view:
        url = url_for("staff.petition", petition_id=petition.id)
    else:
        url = url_for("petitions.public_detail", petition_id=petition.id)
    return Result(
        type=PETITION, part=PETITION, id=petition.id, score=hit.score, url=url, record=petition,
        tracking_code=petition.tracking_code if staff_view else None,
        title=highlight(petition.title, parsed),
        snippet=best_passage([petition.body, *answers.get(petition.id, [])], parsed))


def _session_result(user, session: DialogueSession, hit, parsed) -> Result | None:
    staff_view = can_view_session_record(user, session)
    if hit.part == "minutes":
        if not staff_view:
            return None
        texts = [session.minutes_source]
    else:
        if not (staff_view or session.is_public):
            return None
        texts = notice_texts(session)
    url = (url_for("dialogues_staff.session", session_id=session.id) if staff_view
           else url_for("dialogues.session", session_id=session.id))
    return Result(type=SESSION, part=hit.part, id=session.id, score=hit.score, url=url,
                  record=session, title=highlight(session.title, parsed),
                  snippet=best_passage([t for t in texts if t] or [session.title], parsed))


def _load(model, ids: list[int]) -> dict[int, object]:
    if not ids:
        return {}
    return {r.id: r for r in db.session.scalars(sa.select(model).where(model.id.in_(ids)))}


def _results(user, hits: list[engine.Hit], parsed: ParsedQuery) -> list[Result]:
    petition_ids = [h.record_id for h in hits if h.part == PETITION]
    session_ids = [h.record_id for h in hits if h.part != PETITION]
    petitions = _load(Petition, petition_ids)
    sessions = _load(DialogueSession, session_ids)
    answers = published_answers(petition_ids, db.session)
    results = []
    for hit in hits:
        if hit.part == PETITION:
            record = petitions.get(hit.record_id)
            result = record and _petition_result(user, record, hit, parsed, answers)
        else:
            record = sessions.get(hit.record_id)
            result = record and _session_result(user, record, hit, parsed)
        if result:
            results.append(result)
    return results


def search(user, parsed: ParsedQuery, filters: Filters, *, page: int = 1, per_page: int = 20,
           by_date: bool = False, facets: bool = True, titles_only: bool = False,
           today: date | None = None) -> SearchPage:
    found = engine.run(parsed, audience=audience_of(user), filters=filters,
                       today=today or clock.today_in_vietnam(), page=page, per_page=per_page,
                       by_date=by_date, facets=facets, titles_only=titles_only)
    return SearchPage(_results(user, found.hits, parsed), found.total, page, per_page,
                      found.facets)


def similar(user, title: str, body: str, unit: Unit, *, limit: int = 5) -> list[Result]:
    """Existing petitions of ``unit`` like the one being written, that
    ``user`` may read: a resident may follow one instead of sending another."""
    terms = analyse(title, body)
    hits = engine.more_like(terms, audience=audience_of(user), unit=unit.id, limit=limit)
    return _results(user, hits, parse_query(title))
