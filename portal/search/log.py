"""The search log: every change to searchable records leaves a row, written in
the same database transaction as the change itself.

The index is only ever brought up to date from this log (see
``portal.search.indexer``), so a change that committed is never lost to the
index, whatever happens to the process, the index lock or the index files.

Rows must appear in commit order, because each index remembers the last row
it applied and continues after it. SQLite has one writer at a time, so its
row ids are in commit order already. On PostgreSQL two transactions could
take ids 10 and 11 and commit 11 first; an indexer reading then would skip
10 for ever. So the rows are written at the very end of the transaction,
under a transaction-scoped advisory lock: whoever takes an id commits before
anyone else can take the next one. The lock is held only for the commit
itself, after every other row lock of the transaction, so it cannot deadlock.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, Session, mapped_column

from portal import clock
from portal.answers.models import Response
from portal.database import UTCDateTime
from portal.dialogues.models import AgendaItem, DialogueSession
from portal.extensions import db
from portal.petitions.models import Petition
from portal.search.documents import PETITION, SESSION

# Any constant shared by every process of the portal.
_ADVISORY_KEY = 0x5EA2C4
_PENDING = "search_pending"
_LOGGED = "search_logged"


class SearchLog(db.Model):
    __tablename__ = "search_log"

    # SQLite only numbers INTEGER PRIMARY KEY from the rowid.
    id: Mapped[int] = mapped_column(
        sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    record_id: Mapped[int]
    logged_at: Mapped[datetime] = mapped_column(UTCDateTime)


def _targets(obj) -> tuple[str, int] | None:
    """Which indexed record a changed row belongs to."""
    if isinstance(obj, Petition):
        return PETITION, obj.id
    if isinstance(obj, Response):
        return PETITION, obj.petition_id
    if isinstance(obj, DialogueSession):
        return SESSION, obj.id
    if isinstance(obj, AgendaItem):
        return SESSION, obj.session_id
    return None


@event.listens_for(Session, "after_flush")
def _collect(session: Session, flush_context) -> None:
    pending = session.info.setdefault(_PENDING, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        target = _targets(obj)
        if target is None or target[1] is None:
            continue
        if obj in session.dirty and not session.is_modified(obj, include_collections=False):
            continue
        pending.add(target)


@event.listens_for(Session, "before_commit")
def _write_log(session: Session) -> None:
    session.flush()
    pending = session.info.pop(_PENDING, None)
    if not pending:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_KEY})
    now = clock.now()
    session.execute(sa.insert(SearchLog), [
        {"kind": kind, "record_id": record_id, "logged_at": now}
        for kind, record_id in sorted(pending)])
    session.info[_LOGGED] = True


@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    # A real rollback only: a savepoint rolled back leaves the outer changes.
    session.info.pop(_PENDING, None)
    session.info.pop(_LOGGED, None)


@event.listens_for(Session, "after_commit")
def _apply(session: Session) -> None:
    if session.info.pop(_LOGGED, False):
        from portal.search.indexer import apply_after_commit

        apply_after_commit()


def pending_count(session: Session, after: int) -> int:
    return session.scalar(sa.select(sa.func.count()).where(SearchLog.id > after)) or 0


def last_id(session: Session) -> int:
    return session.scalar(sa.select(sa.func.max(SearchLog.id))) or 0
