"""The one place that decides what goes into the search index.

Only text anyone who finds the record may read goes in: a petition's title,
content, category, place and published answers; a session's notice, agenda
and published conclusion; minutes as a separate staff-only document. Names,
phone numbers and addresses of senders are never indexed, whatever the
petition's settings. Alongside the text go the fields that decide who may
find a record (``public``, unit, province, holder, sender).

Documents are always built from the current database state, so applying the
same change twice, or late, gives the same index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from portal import clock
from portal.answers.models import Response, ResponseStatus
from portal.dialogues.models import DialogueSession
from portal.dialogues.states import SessionStatus
from portal.petitions.models import Category, Petition
from portal.petitions.queries import is_published
from portal.search.analysis import Terms, analyse
from portal.units.models import Unit

PETITION = "petition"
SESSION = "session"
KINDS = (PETITION, SESSION)
_EPOCH = date(2000, 1, 1)


def day_number(day: date | datetime | None) -> int:
    if day is None:
        return 0
    if isinstance(day, datetime):
        day = clock.local_date(day)
    return max((day - _EPOCH).days, 0)


def key(kind: str, record_id: int, *, part: str | None = None) -> str:
    return f"{part or kind}:{record_id}"


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _people(**ids: int | None) -> dict[str, str]:
    """Account fields that are set: an empty term would be one more posting
    in every document for nothing."""
    return {name: str(value) for name, value in ids.items() if value}


def _document(terms: Terms, title: str, **fields) -> dict:
    heading = analyse(title)
    return {"folded": " ".join(terms.folded), "pairs": " ".join(terms.pairs),
            "title": " ".join(heading.folded + heading.pairs),
            "written": " ".join(heading.exact), **fields}


def published_answers(ids: list[int], session: Session) -> dict[int, list[str]]:
    """Published answer texts of each petition, oldest first."""
    found: dict[int, list[str]] = {}
    if not ids:
        return found
    rows = session.execute(
        sa.select(Response.petition_id, Response.body)
        .where(Response.petition_id.in_(ids), Response.status == ResponseStatus.PUBLISHED)
        .order_by(Response.id))
    for petition_id, body in rows:
        found.setdefault(petition_id, []).append(body)
    return found


def petition_document(petition: Petition, answers: list[str]) -> dict:
    unit = petition.unit
    province = unit.province
    terms = analyse(petition.title, petition.body, petition.category.name,
                    unit.full_name, province.full_name, *answers)
    submitted = petition.submitted_at
    return _document(
        terms, petition.title,
        key=key(PETITION, petition.id), type=PETITION,
        public=_flag(is_published(petition)),
        unit=str(unit.id), province=str(province.id),
        **_people(holder=petition.assignee_id, submitter=petition.submitter_id),
        category=str(petition.category_id), kind=str(petition.kind), status=str(petition.status),
        year=str(clock.local_date(submitted).year),
        is_open=_flag(petition.is_open),
        deadline=day_number(petition.deadline_on), date=day_number(submitted),
    )


def _session_fields(session: DialogueSession, part: str, public: bool) -> dict:
    unit = session.unit
    return dict(
        key=key(SESSION, session.id, part=part), type=SESSION, public=_flag(public),
        unit=str(unit.id), province=str(unit.province.id),
        category="", kind="", status=str(session.status),
        year=str(clock.local_date(session.starts_at).year),
        is_open=_flag(session.status not in (SessionStatus.CONCLUDED, SessionStatus.CANCELLED)),
        deadline=0, date=day_number(session.starts_at),
    )


def notice_texts(session: DialogueSession) -> list[str]:
    """What the public notice says beyond its title: theme, agenda, and the
    conclusion once published."""
    conclusion = session.conclusion_text if session.concluded_at else ""
    return [session.theme, *(item.title for item in session.agenda), conclusion]


def session_documents(session: DialogueSession) -> list[dict]:
    """The notice (public once announced) and, when there are minutes, the
    minutes as a staff-only document of their own, so a word found only in
    the minutes never reveals itself to the public."""
    unit = session.unit
    notice = analyse(session.title, *notice_texts(session), unit.full_name,
                     unit.province.full_name)
    documents = [_document(notice, session.title,
                           **_session_fields(session, SESSION, session.is_public))]
    if session.minutes_source.strip():
        minutes = analyse(session.title, session.minutes_source)
        documents.append(_document(minutes, session.title,
                                   **_session_fields(session, "minutes", False)))
    return documents


@dataclass(frozen=True)
class Change:
    """What the index must do for one record: replace its documents with
    ``documents`` (none: the record is gone) and drop the keys in ``stale``."""

    documents: list[dict]
    stale: list[str]


def petition_changes(ids: Iterable[int], *, session: Session) -> Iterator[Change]:
    ids = sorted(set(ids))
    petitions = {p.id: p for p in session.scalars(
        sa.select(Petition).where(Petition.id.in_(ids))
        .options(selectinload(Petition.unit).joinedload(Unit.parent)))}
    answers = published_answers(list(petitions), session)
    for petition_id in ids:
        petition = petitions.get(petition_id)
        if petition is None:
            yield Change([], [key(PETITION, petition_id)])
        else:
            yield Change([petition_document(petition, answers.get(petition_id, []))], [])


def session_changes(ids: Iterable[int], *, session: Session) -> Iterator[Change]:
    ids = sorted(set(ids))
    sessions = {s.id: s for s in session.scalars(
        sa.select(DialogueSession).where(DialogueSession.id.in_(ids))
        .options(selectinload(DialogueSession.agenda)))}
    for session_id in ids:
        record = sessions.get(session_id)
        all_keys = [key(SESSION, session_id), key(SESSION, session_id, part="minutes")]
        if record is None:
            yield Change([], all_keys)
            continue
        documents = session_documents(record)
        kept = {d["key"] for d in documents}
        yield Change(documents, [k for k in all_keys if k not in kept])


class _PetitionRow:
    """A petition's indexed columns as plain attributes, read by
    ``petition_document`` as it reads the model. For a rebuild, which reads
    every petition: loaded as ORM objects (eager joins to unit, office and
    holder, the identity map), a petition's document took ~260 µs, read as a
    row ~180 µs. Slots: a column the document starts to need fails loudly
    here instead of being left out."""

    __slots__ = ("id", "title", "body", "kind", "category_id", "unit_id", "status",
                 "submitter_id", "assignee_id", "is_public", "submitted_at", "ack_due_on",
                 "due_on", "unit", "category")
    is_open = Petition.is_open
    deadline_on = property(Petition.__dict__["deadline_on"].fget)


_ROW_FIELDS = _PetitionRow.__slots__[:-2]  # all but unit and category
_ROW_COLUMNS = [getattr(Petition, name) for name in _ROW_FIELDS]


@dataclass
class BulkReader:
    """Documents of many records at once, for a rebuild: the same documents
    as ``CHANGES`` (the tests compare the index built from each), petitions
    read as rows with units and categories loaded once."""

    session: Session
    units: dict[int, Unit] | None = None
    categories: dict[int, Category] | None = None

    def changes(self, kind: str, ids: list[int]) -> Iterator[Change]:
        if kind != PETITION:
            yield from CHANGES[kind](ids, session=self.session)
            return
        rows = {}
        for values in self.session.execute(
                sa.select(*_ROW_COLUMNS).where(Petition.id.in_(ids))):
            row = _PetitionRow()
            for name, value in zip(_ROW_FIELDS, values, strict=True):
                setattr(row, name, value)
            if (self.units is None or row.unit_id not in self.units
                    or row.category_id not in self.categories):
                self._load_places()  # once, and again for one added since
            row.unit, row.category = self.units[row.unit_id], self.categories[row.category_id]
            rows[row.id] = row
        answers = published_answers(list(rows), self.session)
        for petition_id in sorted(set(ids)):
            row = rows.get(petition_id)
            if row is None:
                yield Change([], [key(PETITION, petition_id)])
            else:
                yield Change([petition_document(row, answers.get(petition_id, []))], [])

    def _load_places(self) -> None:
        # With their provinces, and kept (detached) between batches.
        self.units = {u.id: u for u in self.session.scalars(
            sa.select(Unit).options(selectinload(Unit.parent)))}
        self.categories = {c.id: c for c in self.session.scalars(sa.select(Category))}


CHANGES = {PETITION: petition_changes, SESSION: session_changes}
_MODELS = {PETITION: Petition, SESSION: DialogueSession}


def all_ids(kind: str, *, session: Session, batch: int = 1000, after: int = 0,
            upto: int | None = None) -> Iterator[list[int]]:
    """Every record id of a kind (above ``after``, up to ``upto`` when
    given), in batches, for a rebuild."""
    model = _MODELS[kind]
    last = after
    while True:
        query = sa.select(model.id).where(model.id > last)
        if upto is not None:
            query = query.where(model.id <= upto)
        ids = list(session.scalars(query.order_by(model.id).limit(batch)))
        if not ids:
            return
        yield ids
        last = ids[-1]


def nth_id(kind: str, position: int, *, session: Session) -> int:
    """The id at ``position`` (from 0) in id order: where a rebuild splits
    the records between processes."""
    model = _MODELS[kind]
    return session.scalar(sa.select(model.id).order_by(model.id).offset(position).limit(1))


def record_count(kind: str, session: Session) -> int:
    model = _MODELS[kind]
    return session.scalar(sa.select(sa.func.count()).select_from(model)) or 0
