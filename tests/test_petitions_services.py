"""Submitting, acknowledging and rejecting petitions (the service layer)."""

import unicodedata
from datetime import UTC, datetime

import pytest

from portal.errors import InvalidTransition, PermissionDenied, RuleViolation
from portal.extensions import db
from portal.petitions import services, tracking
from portal.petitions.models import Channel, EventType, PetitionKind, PetitionStatus


def draft(world, **overrides):
    values = {
        "title": "Rác thải tập kết sai giờ",
        "body": "Rác được để ra đầu phố từ 3 giờ chiều, đến 10 giờ đêm mới thu gom.",
        "kind": PetitionKind.FEEDBACK,
        "category": world.category,
        "unit": world.commune_a,
    }
    values.update(overrides)
    return services.PetitionDraft(**values)


def test_anonymous_submission_waits_for_acknowledgement_with_a_tracking_code(world, clock):
    clock.set(datetime(2026, 3, 2, 1, 0, tzinfo=UTC))
    petition = services.submit_petition(draft(world), actor=None)
    db.session.commit()
    assert petition.status == PetitionStatus.RECEIVED
    assert petition.submitter is None
    assert tracking.normalise(petition.tracking_code) == petition.tracking_code
    assert petition.tracking_code.startswith("KN-26-")
    assert petition.submitted_at == datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    [event] = petition.events
    assert (event.type, event.actor, event.to_status) == (EventType.SUBMITTED, None, "received")


def test_year_in_the_code_is_vietnam_local(world, clock):
    # 31/12/2026 18:00 UTC is already 1 January 2027 in Hà Nội.
    clock.set(datetime(2026, 12, 31, 18, 0, tzinfo=UTC))
    petition = services.submit_petition(draft(world), actor=None)
    assert petition.tracking_code.startswith("KN-27-")


def test_signed_in_resident_is_the_submitter(world):
    petition = services.submit_petition(draft(world), actor=world.resident)
    assert petition.submitter is world.resident
    assert petition.events[0].actor is world.resident


def test_text_is_stored_composed_and_trimmed(world):
    decomposed = unicodedata.normalize("NFD", "  Giải phóng mặt bằng  ")
    petition = services.submit_petition(draft(world, title=decomposed), actor=None)
    assert petition.title == "Giải phóng mặt bằng"


def test_contact_details_are_normalised(world):
    petition = services.submit_petition(
        draft(world, contact_phone="0912 345 678", contact_email="An@Example.COM"), actor=None
    )
    assert petition.contact_phone == "+84912345678"
    assert petition.contact_email == "an@example.com"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"body": "ngắn quá"}, "body"),
        ({"contact_phone": "12345"}, "contact_phone"),
        ({"contact_email": "not-an-email"}, "contact_email"),
        ({"category": None}, "category"),
        ({"unit": None}, "commune"),
    ],
)
def test_bad_input_is_refused_on_the_right_field(world, overrides, field):
    with pytest.raises(RuleViolation) as caught:
        services.submit_petition(draft(world, **overrides), actor=None)
    assert caught.value.field == field
    assert caught.value.message


def test_a_petition_must_be_about_a_commune_not_a_province(world):
    with pytest.raises(RuleViolation) as caught:
        services.submit_petition(draft(world, unit=world.province), actor=None)
    assert caught.value.field == "commune"


def test_inactive_category_is_refused(world):
    world.category.is_active = False
    with pytest.raises(RuleViolation) as caught:
        services.submit_petition(draft(world), actor=None)
    assert caught.value.field == "category"


def test_denunciation_always_hides_identity(world):
    petition = services.submit_petition(
        draft(world, kind=PetitionKind.DENUNCIATION, hide_identity=False), actor=None
    )
    assert petition.is_identity_hidden


def test_channel_is_recorded(world):
    petition = services.submit_petition(draft(world, channel=Channel.PHONE), actor=None)
    assert petition.channel == Channel.PHONE
    assert petition.events[0].data == {"channel": "phone"}


def test_official_of_the_commune_accepts(world, clock):
    petition = world.petition()
    clock.set(datetime(2026, 3, 3, 2, 0, tzinfo=UTC))
    services.accept_petition(petition, actor=world.official, note="Đã chuyển tổ công tác")
    db.session.commit()
    assert petition.status == PetitionStatus.ACCEPTED
    assert petition.acknowledged_at == datetime(2026, 3, 3, 2, 0, tzinfo=UTC)
    event = petition.events[-1]
    assert (event.type, event.actor, event.from_status, event.to_status) == (
        EventType.ACCEPTED, world.official, "received", "accepted")
    assert event.note == "Đã chuyển tổ công tác"


def test_official_of_another_commune_cannot_accept(world):
    petition = world.petition()
    with pytest.raises(PermissionDenied):
        services.accept_petition(petition, actor=world.other_official)
    assert petition.status == PetitionStatus.RECEIVED
    assert len(petition.events) == 1


@pytest.mark.parametrize("who", ["inspector", "admin", "resident"])
def test_readers_cannot_acknowledge(world, who):
    petition = world.petition()
    with pytest.raises(PermissionDenied):
        services.accept_petition(petition, actor=getattr(world, who))


def test_reject_needs_a_reason_the_resident_can_read(world):
    petition = world.petition()
    with pytest.raises(RuleViolation) as caught:
        services.reject_petition(petition, actor=world.leader, reason="không")
    assert caught.value.field == "reason"
    services.reject_petition(petition, actor=world.leader,
                             reason="Nội dung đã được giải quyết tại đơn số 12 ngày 02/11.")
    assert petition.status == PetitionStatus.REJECTED
    assert petition.closed_at is not None
    assert petition.events[-1].note.startswith("Nội dung đã được giải quyết")


def test_an_accepted_petition_cannot_be_accepted_or_rejected_again(world):
    petition = world.petition()
    services.accept_petition(petition, actor=world.official)
    with pytest.raises(InvalidTransition):
        services.accept_petition(petition, actor=world.official)
    with pytest.raises(InvalidTransition):
        services.reject_petition(petition, actor=world.official, reason="Lý do đủ dài để ghi.")
    assert [e.type for e in petition.events] == [EventType.SUBMITTED, EventType.ACCEPTED]


def test_a_province_grant_covers_its_communes(world):
    from portal.accounts.models import Role
    from tests import factories

    provincial = factories.user(role=Role.OFFICIAL, unit_scope=world.province)
    petition = world.petition(at=world.commune_b)
    services.accept_petition(petition, actor=provincial)
    assert petition.status == PetitionStatus.ACCEPTED
    other = world.petition(at=world.commune_c)
    with pytest.raises(PermissionDenied):
        services.accept_petition(other, actor=provincial)
