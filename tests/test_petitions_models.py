"""The status table and the append-only history."""

import itertools

import pytest

from portal.errors import InvalidTransition
from portal.extensions import db
from portal.petitions.models import (
    ALLOWED_TRANSITIONS,
    FINAL_STATUSES,
    OPEN_STATUSES,
    EventType,
    PetitionStatus,
)

ALL_PAIRS = list(itertools.product(PetitionStatus, PetitionStatus))


def test_every_status_has_a_row_in_the_table():
    assert set(ALLOWED_TRANSITIONS) == set(PetitionStatus)


def test_rejected_and_closed_are_final_and_not_open():
    assert FINAL_STATUSES == {PetitionStatus.REJECTED, PetitionStatus.CLOSED}
    assert not OPEN_STATUSES & FINAL_STATUSES


def test_every_non_final_status_can_be_left():
    for status in set(PetitionStatus) - FINAL_STATUSES:
        assert ALLOWED_TRANSITIONS[status], status


@pytest.mark.parametrize(("source", "target"), ALL_PAIRS, ids=lambda s: str(s))
def test_change_status_follows_the_table(world, source, target):
    petition = world.petition()
    petition.status = source
    if target in ALLOWED_TRANSITIONS[source]:
        event = petition.change_status(target, event_type=EventType.ACCEPTED, actor=world.official)
        assert petition.status == target
        assert (event.from_status, event.to_status) == (source, target)
        assert event.actor is world.official
    else:
        with pytest.raises(InvalidTransition):
            petition.change_status(target, event_type=EventType.ACCEPTED, actor=world.official)
        assert petition.status == source
    db.session.rollback()


def test_history_rows_cannot_be_edited(world):
    petition = world.petition()
    event = petition.events[0]
    event.note = "rewritten"
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()


def test_history_rows_cannot_be_deleted(world):
    petition = world.petition()
    db.session.delete(petition.events[0])
    with pytest.raises(RuntimeError, match="append-only"):
        db.session.flush()
    db.session.rollback()


def test_datetimes_come_back_timezone_aware_in_utc(world):
    petition = world.petition()
    db.session.expire_all()
    assert petition.submitted_at.utcoffset().total_seconds() == 0
    assert petition.events[0].occurred_at.tzinfo is not None
