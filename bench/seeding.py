"""Bulk-loading the synthetic corpus into a portal database, for benchmarks.

The services write one petition at a time with its deadline, history and
notifications (about 200 a second): fine for a page benchmark at 5,000, far
too slow for a million. Here rows go straight into the ``petitions`` table
in batches, with the fields search and the lists read (unit, category, kind,
status, dates, publication, an answer deadline). Petition id = corpus key + 1,
so quality judgements on corpus keys map onto ids without a lookup table.

Nothing here goes through the search log: a benchmark builds the index with
``flask search rebuild``'s code path afterwards, as an upgrade would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime, time, timedelta, timezone
from itertools import islice

import sqlalchemy as sa

from bench.corpus import SyntheticPetition
from portal.extensions import db
from portal.petitions.models import Category, Petition
from portal.petitions.states import OPEN_STATUSES, Channel, PetitionKind, PetitionStatus
from portal.units.models import Unit

BATCH = 5_000
# Petitions arrive during office hours, Vietnam time (UTC+7).
_ARRIVAL = time(9, 30)
_VIETNAM = timezone(timedelta(hours=7))
_ANSWER_DAYS = 30


def petition_id(key: int) -> int:
    return key + 1


def corpus_key(petition_id_: int) -> int:
    return petition_id_ - 1


def _rows(petitions: Iterable[SyntheticPetition], units: dict[str, int],
          categories: dict[str, int]) -> Iterable[dict]:
    for p in petitions:
        submitted = datetime.combine(p.submitted_on, _ARRIVAL, _VIETNAM).astimezone(UTC)
        status = PetitionStatus(p.status)
        yield {
            "id": petition_id(p.key), "tracking_code": f"BENCH{p.key:09d}",
            "title": p.title[:200], "body": p.body, "kind": PetitionKind(p.kind),
            "category_id": categories[p.category_code], "unit_id": units[p.commune_code],
            "channel": Channel.WEB, "status": status, "is_identity_hidden": False,
            "is_public": p.is_public, "submitted_at": submitted, "created_at": submitted,
            "updated_at": submitted, "version": 1, "is_complex": False,
            "due_on": (p.submitted_on + timedelta(days=_ANSWER_DAYS)
                       if status in OPEN_STATUSES else None),
        }


def load(petitions: Iterable[SyntheticPetition],
         progress: Callable[[int], None] | None = None) -> int:
    """Insert the corpus (units and categories must exist); the number inserted."""
    units = dict(db.session.execute(sa.select(Unit.code, Unit.id)).all())
    categories = dict(db.session.execute(sa.select(Category.code, Category.id)).all())
    rows = _rows(petitions, units, categories)
    table = Petition.__table__
    count = 0
    while batch := list(islice(rows, BATCH)):
        db.session.execute(table.insert(), batch)
        db.session.commit()
        count += len(batch)
        if progress:
            progress(count)
    return count
