"""Officials' and leaders' side: their list, the detail, accept and reject."""

from datetime import UTC, datetime

import pytest

from portal.accounts.models import Role
from portal.extensions import db
from portal.petitions.models import EventType, PetitionKind, PetitionStatus
from tests import factories
from tests.conftest import login, post_form


def test_official_sees_only_their_communes_petitions(client, world):
    mine = world.petition(title="Ổ gà đường Lý Thái Tổ")
    theirs = world.petition(at=world.commune_b, title="Nước đục ở tổ dân phố 5")
    login(client, world.official)
    page = client.get("/staff/petitions").get_data(as_text=True)
    assert mine.tracking_code in page
    assert theirs.tracking_code not in page
    assert "1 hồ sơ" in page


def test_provincial_inspector_sees_every_commune_of_the_province(client, world):
    a = world.petition()
    b = world.petition(at=world.commune_b)
    c = world.petition(at=world.commune_c)
    login(client, world.inspector)
    page = client.get("/staff/petitions").get_data(as_text=True)
    assert a.tracking_code in page and b.tracking_code in page
    assert c.tracking_code not in page


def test_filters_narrow_the_list(client, world, clock):
    clock.set(datetime(2026, 3, 1, 3, 0, tzinfo=UTC))
    old = world.petition(title="Phản ánh tháng ba")
    clock.set(datetime(2026, 5, 10, 3, 0, tzinfo=UTC))
    complaint = world.petition(title="Khiếu nại tháng năm", kind=PetitionKind.COMPLAINT)
    login(client, world.leader)

    def listed(**query):
        page = client.get("/staff/petitions", query_string=query).get_data(as_text=True)
        return {p.title for p in (old, complaint) if p.tracking_code in page}

    assert listed() == {old.title, complaint.title}
    assert listed(kind="complaint") == {complaint.title}
    assert listed(submitted_from="2026-04-01") == {complaint.title}
    assert listed(submitted_to="2026-03-01") == {old.title}
    assert listed(status="accepted") == set()
    assert listed(commune=str(world.commune_a.id)) == {old.title, complaint.title}


def test_date_filter_uses_vietnam_days(client, world, clock):
    # 16:30 UTC on 31 March is 23:30 in Hà Nội: still 31 March locally.
    clock.set(datetime(2026, 3, 31, 16, 30, tzinfo=UTC))
    late = world.petition(title="Gửi lúc khuya")
    login(client, world.official)
    on_day = client.get("/staff/petitions", query_string={"submitted_from": "2026-03-31",
                                                          "submitted_to": "2026-03-31"})
    assert late.tracking_code in on_day.get_data(as_text=True)


def test_bad_filters_explain_themselves_and_never_fail(client, world):
    login(client, world.official)
    response = client.get("/staff/petitions", query_string={
        "status": "nonsense", "submitted_from": "31/02/2026", "category": "abc",
        "submitted_to": "2020-01-01", "commune": "999999"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Lựa chọn không hợp lệ" in page
    assert "Ngày không hợp lệ." in page


def test_list_is_paginated(client, world, app):
    for n in range(app.config["PER_PAGE"] + 2):
        factories.petition(at=world.commune_a, topic=world.category, title=f"Phản ánh số {n}")
    db.session.commit()
    login(client, world.official)
    first = client.get("/staff/petitions").get_data(as_text=True)
    assert "Trang 1 / 2" in first
    second = client.get("/staff/petitions", query_string={"page": 2}).get_data(as_text=True)
    assert "Phản ánh số 0" in second and "Phản ánh số 0" not in first
    assert client.get("/staff/petitions", query_string={"page": "x"}).status_code == 200


def test_detail_shows_contact_and_the_full_history(client, world):
    petition = world.petition()
    login(client, world.official)
    page = client.get(f"/staff/petitions/{petition.id}").get_data(as_text=True)
    assert "Nguyễn Văn An" in page and "+84912345678" in page and "an@example.com" in page
    assert "Đã gửi phản ánh, kiến nghị" in page
    assert "Tiếp nhận" in page and "Không tiếp nhận" in page


def test_hidden_identity_stays_hidden_from_handlers(client, world):
    petition = world.petition(hide_identity=True, submitter=world.resident)
    for who in (world.official, world.leader, world.inspector, world.admin):
        login(client, who)
        page = client.get(f"/staff/petitions/{petition.id}").get_data(as_text=True)
        assert "giữ bí mật danh tính" in page
        for private in ("Nguyễn Văn An", "912345678", "an@example.com", "Nguyễn Thị Lan",
                        "lan@example.com"):
            assert private not in page, (who.email, private)


def test_inspectors_do_not_see_contact_details(client, world):
    petition = world.petition()
    login(client, world.inspector)
    page = client.get(f"/staff/petitions/{petition.id}").get_data(as_text=True)
    assert "Nguyễn Văn An" not in page and "912345678" not in page
    assert "Tiếp nhận hồ sơ" not in page, "inspectors only read"


def test_accept_from_the_detail_page(client, world):
    petition = world.petition()
    login(client, world.official)
    response = post_form(client, f"/staff/petitions/{petition.id}/accept",
                         {"accept-note": "Giao tổ công tác số 2 kiểm tra"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đã tiếp nhận phản ánh" in page
    db.session.refresh(petition)
    assert petition.status == PetitionStatus.ACCEPTED
    event = petition.events[-1]
    assert (event.type, event.actor_id, event.note) == (
        EventType.ACCEPTED, world.official.id, "Giao tổ công tác số 2 kiểm tra")
    assert "Trần Văn Minh" in page, "the history names who acted"


def test_reject_without_reason_keeps_the_page_with_an_error(client, world):
    petition = world.petition()
    login(client, world.leader)
    response = post_form(client, f"/staff/petitions/{petition.id}/reject", {"reject-reason": ""})
    assert response.status_code == 400
    assert "Vui lòng ghi rõ lý do không tiếp nhận." in response.get_data(as_text=True)
    short = post_form(client, f"/staff/petitions/{petition.id}/reject", {"reject-reason": "ngắn"})
    assert short.status_code == 422
    assert "ít nhất 10 ký tự" in short.get_data(as_text=True)
    db.session.refresh(petition)
    assert petition.status == PetitionStatus.RECEIVED


def test_reject_with_reason(client, world):
    petition = world.petition()
    login(client, world.leader)
    response = post_form(client, f"/staff/petitions/{petition.id}/reject",
                         {"reject-reason": "Nội dung trùng với phản ánh đã trả lời ngày 02/11."})
    assert response.status_code == 302
    db.session.refresh(petition)
    assert petition.status == PetitionStatus.REJECTED


def test_second_accept_is_refused_kindly(client, world):
    petition = world.petition()
    login(client, world.official)
    post_form(client, f"/staff/petitions/{petition.id}/accept")
    again = post_form(client, f"/staff/petitions/{petition.id}/accept")
    assert again.status_code == 422
    assert "Không thể chuyển từ trạng thái «Đã tiếp nhận» sang «Đã tiếp nhận»" in again.get_data(as_text=True)


@pytest.mark.parametrize("action", ["accept", "reject"])
def test_official_of_another_commune_gets_404(client, world, action):
    petition = world.petition()
    login(client, world.other_official)
    response = post_form(client, f"/staff/petitions/{petition.id}/{action}",
                         {"reject-reason": "Lý do đủ dài để ghi nhận."})
    assert response.status_code == 404
    db.session.refresh(petition)
    assert petition.status == PetitionStatus.RECEIVED


def test_commune_filter_lists_only_communes_in_scope(client, world):
    provincial = factories.user(role=Role.LEADER, unit_scope=world.province)
    db.session.commit()
    login(client, provincial)
    page = client.get("/staff/petitions").get_data(as_text=True)
    assert "Phường Hoàn Kiếm" in page and "Phường Ba Đình" in page
    assert "Xã Diên Khánh" not in page
