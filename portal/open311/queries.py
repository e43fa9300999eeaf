"""What Open311 may read: the petitions the public may read, plus those the
presented key sent itself."""

from __future__ import annotations

import sqlalchemy as sa

from portal.extensions import db
from portal.open311.models import Open311Client
from portal.open311.params import MAX_RESULTS, RequestFilters
from portal.petitions.models import OPEN_STATUSES, Category, Petition
from portal.petitions.queries import public_petitions


def _visible(client: Open311Client | None):
    # The public rule is taken from public_petitions itself, so the two can
    # never drift apart.
    public = public_petitions().whereclause
    if client is None:
        return public
    return sa.or_(public, Petition.open311_client_id == client.id)


def visible_request(petition_id: int, client: Open311Client | None) -> Petition | None:
    return db.session.scalar(
        sa.select(Petition).where(Petition.id == petition_id, _visible(client)))


def visible_requests(filters: RequestFilters, client: Open311Client | None) -> list[Petition]:
    """Newest first, at most MAX_RESULTS."""
    query = sa.select(Petition).where(_visible(client))
    if filters.ids is not None:
        query = query.where(Petition.id.in_(filters.ids))
    else:
        query = query.where(Petition.submitted_at >= filters.start,
                            Petition.submitted_at <= filters.end)
        if filters.service_codes:
            query = query.where(Petition.category_id.in_(
                sa.select(Category.id).where(Category.code.in_(filters.service_codes))))
        if filters.statuses == {"open"}:
            query = query.where(Petition.status.in_(OPEN_STATUSES))
        elif filters.statuses == {"closed"}:
            query = query.where(Petition.status.not_in(OPEN_STATUSES))
    query = query.order_by(Petition.submitted_at.desc(), Petition.id.desc()).limit(MAX_RESULTS)
    return list(db.session.scalars(query))


def unknown_service_codes(codes: list[str]) -> list[str]:
    known = set(db.session.scalars(sa.select(Category.code).where(Category.code.in_(codes))))
    return [code for code in codes if code not in known]
