"""An official closes a duplicate into the petition answered instead: both
histories stay, the sender is told, and reads the answer where it is."""

from __future__ import annotations

from datetime import date

import pytest

from portal.answers.services import submit_answer
from portal.errors import PermissionDenied, RuleViolation
from portal.extensions import db
from portal.notifications.models import Notification
from portal.petitions.merging import merge_into
from portal.petitions.models import EventType, PetitionStatus
from tests.conftest import login, post_form
from tests.scenarios import accept, assign


@pytest.fixture
def pair(world, clock):
    original = accept(world, clock, world.petition(
        title="Đèn đường ngõ 12 Hàng Bạc hỏng", is_public=True), date(2026, 3, 2))
    duplicate = world.petition(title="Ngõ 12 Hàng Bạc tối vì đèn hỏng",
                               contact_email="an@example.com")
    return original, duplicate


def test_merging_closes_the_duplicate_and_keeps_both_histories(world, pair):
    original, duplicate = pair
    merge_into(duplicate, original.tracking_code.lower(), actor=world.official,
               note="Cùng một cột đèn.")
    db.session.commit()
    assert duplicate.status == PetitionStatus.CLOSED and duplicate.duplicate_of_id == original.id
    merged = duplicate.events[-1]
    assert merged.type == EventType.MERGED and merged.actor == world.official
    assert "Cùng một cột đèn." in merged.note
    assert [e.type for e in duplicate.events] == [EventType.SUBMITTED, EventType.MERGED]
    joined = original.events[-1]
    assert joined.type == EventType.DUPLICATE_JOINED and not joined.is_public
    assert joined.data["from_code"] == duplicate.tracking_code
    told = db.session.scalars(db.select(Notification).where(
        Notification.petition_id == duplicate.id, Notification.kind == "merged")).all()
    assert len(told) == 1 and told[0].email == "an@example.com"


def test_a_merged_petitions_holder_stops_holding_it(world, clock, pair):
    from portal.handling.models import CustodyEnd
    from portal.handling.services import custody_chain

    original, _duplicate = pair
    in_hand = accept(world, clock, world.petition(title="Đèn ngõ 12 vẫn tắt"), date(2026, 3, 3))
    assign(world, in_hand)
    merge_into(in_hand, original.tracking_code, actor=world.official)
    db.session.commit()
    [custody] = custody_chain(in_hand)
    assert custody.end_reason == CustodyEnd.MERGED and not custody.is_current


def test_what_cannot_be_merged_is_refused_in_words(world, clock, pair):
    original, duplicate = pair
    elsewhere = world.petition(at=world.commune_c, title="Đèn đường hỏng ở Diên Khánh")
    for code, reason in ((duplicate.tracking_code, "chính nó"),
                         ("KN-00-0000-0000", "Không tìm thấy"),
                         (elsewhere.tracking_code, "Không tìm thấy")):
        with pytest.raises(RuleViolation, match=reason):
            merge_into(duplicate, code, actor=world.official)
    with pytest.raises(PermissionDenied):
        merge_into(duplicate, original.tracking_code, actor=world.other_official)
    merge_into(duplicate, original.tracking_code, actor=world.official)
    third = world.petition(title="Lại đèn ngõ 12")
    with pytest.raises(RuleViolation, match="phản ánh gốc"):
        merge_into(third, duplicate.tracking_code, actor=world.official)
    with pytest.raises(RuleViolation, match="đang xử lý"):
        merge_into(duplicate, original.tracking_code, actor=world.official)


def test_the_sender_of_the_duplicate_reads_the_answer_on_their_tracking_page(
        client, world, clock, pair):
    original, duplicate = pair
    merge_into(duplicate, original.tracking_code, actor=world.official)
    db.session.commit()
    assign(world, original)
    submit_answer(original, actor=world.leader, body="Phường đã thay bóng đèn ngõ 12.")
    db.session.commit()
    page = client.get(f"/track/{duplicate.tracking_code}")
    assert "trùng với một phản ánh đã có" in page.text
    assert "Phường đã thay bóng đèn ngõ 12." in page.text
    assert f"/public/{original.id}" in page.text


def test_the_staff_page_offers_likely_duplicates_and_merges(client, world, search, pair):
    original, duplicate = pair
    login(client, world.official)
    page = client.get(f"/staff/petitions/{duplicate.id}")
    assert "Gộp vào phản ánh trùng đã có" in page.text
    assert original.tracking_code in page.text  # offered as a likely duplicate
    answer = post_form(client, f"/staff/petitions/{duplicate.id}/merge",
                       {"merge-target": original.tracking_code})
    assert answer.status_code == 302
    db.session.expire_all()
    assert duplicate.status == PetitionStatus.CLOSED
    wrong = post_form(client, f"/staff/petitions/{original.id}/merge", {"merge-target": "xyz"})
    assert wrong.status_code == 422 and "Không tìm thấy phản ánh có mã này" in wrong.text
