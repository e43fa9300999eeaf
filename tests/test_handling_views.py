"""The staff pages and the tracking page for the responsibility cycle, the
due-date API and the admin calendar, through HTTP."""

from datetime import date

import pytest
import sqlalchemy as sa

from portal.deadlines.models import CalendarDay
from portal.extensions import db
from portal.petitions.models import EventType, PetitionStatus
from tests.conftest import login, post_form
from tests.scenarios import accept, assign, at, submit

ANSWER = "Phường đã thay 3 bóng đèn ngõ 12 Hàng Bạc ngày 05/03/2026 và kiểm tra cả tuyến."


def reload(petition):
    db.session.refresh(petition)
    return petition


def test_tracking_page_explains_the_deadline_in_words(client, world, clock):
    petition = submit(world, clock, date(2026, 2, 13))
    page = client.get(f"/track/{petition.tracking_code}").get_data(as_text=True)
    assert ("Hạn tiếp nhận 06/03/2026: 10 ngày làm việc kể từ ngày 13/02/2026 "
            "(không tính nghỉ Tết 14–22/02 và 2 ngày thứ Bảy, Chủ nhật)") in page


def test_leader_assigns_from_the_page_and_the_official_sees_it_in_the_queue(client, world, accepted):
    login(client, world.leader)
    page = client.get(f"/staff/petitions/{accepted.id}").get_data(as_text=True)
    assert "UBND phường Hoàn Kiếm — Trần Văn Minh" in page
    response = post_form(client, f"/staff/petitions/{accepted.id}/assign",
                         {"assign-holder": f"{world.office_a.id}:{world.official.id}"})
    assert response.status_code == 302
    assert reload(accepted).assignee == world.official
    login(client, world.official)
    queue = client.get("/staff/queue").get_data(as_text=True)
    assert accepted.tracking_code in queue and "23/03/2026" in queue
    tracking = client.get(f"/track/{accepted.tracking_code}").get_data(as_text=True)
    assert "Trần Văn Minh" in tracking and "UBND phường Hoàn Kiếm" in tracking
    assert "Hạn trả lời 23/03/2026: 15 ngày làm việc kể từ ngày 02/03/2026" in tracking


def test_an_unknown_holder_is_refused_next_to_the_field(client, world, accepted):
    login(client, world.leader)
    response = post_form(client, f"/staff/petitions/{accepted.id}/assign",
                         {"assign-holder": f"{world.office_a.id}:{world.other_official.id}"})
    assert response.status_code == 400
    assert "Lựa chọn không hợp lệ" in response.get_data(as_text=True)
    assert reload(accepted).status == PetitionStatus.ACCEPTED


def test_queue_shows_badges_and_what_waits_for_the_leader(client, world, accepted, clock):
    from portal.answers.services import submit_answer

    waiting = submit(world, clock, date(2026, 3, 2), title="Chờ lãnh đạo giao")
    accept(world, clock, waiting, date(2026, 3, 2))
    assign(world, accepted)
    submit_answer(accepted, actor=world.official, body=ANSWER)
    db.session.commit()
    clock.set(at(date(2026, 3, 24)))
    login(client, world.official)
    mine = client.get("/staff/queue").get_data(as_text=True)
    assert accepted.tracking_code in mine and '<span class="deadline deadline-overdue">' in mine
    assert waiting.tracking_code not in mine
    login(client, world.leader)
    page = client.get("/staff/queue").get_data(as_text=True)
    sections = {chunk.split("<h2>")[1].split(" <span")[0]: chunk
                for chunk in page.split("<section>")[1:]}
    assert waiting.tracking_code in sections["Chờ giao xử lý"]
    assert accepted.tracking_code not in sections["Chờ giao xử lý"]
    assert accepted.tracking_code in sections["Dự thảo trả lời chờ duyệt"]
    assert "(0)" in sections["Đề nghị gia hạn chờ quyết định"]


def test_the_tracking_page_hides_staff_notes(client, world, accepted):
    from portal.handling.services import request_extension, transfer_petition

    assign(world, accepted)  # with the note "Kiểm tra thực địa"
    transfer_petition(accepted, office=world.office_b, assignee=world.other_official,
                      actor=world.official, reason="Đẩy sang phường bạn cho nhanh")
    db.session.commit()
    page = client.get(f"/track/{accepted.tracking_code}").get_data(as_text=True)
    assert "Chuyển cơ quan, người xử lý khác" in page, "the move itself is public"
    assert "Kiểm tra thực địa" not in page and "Đẩy sang phường bạn" not in page
    request_extension(accepted, actor=world.other_official, reason="Lý do nội bộ xin gia hạn")
    db.session.commit()
    assert "Lý do nội bộ" not in client.get(f"/track/{accepted.tracking_code}").get_data(as_text=True)


def test_officials_cannot_rate_from_the_tracking_page(client, world, accepted):
    from portal.answers.services import submit_answer

    assign(world, accepted)
    submit_answer(accepted, actor=world.leader, body=ANSWER)
    db.session.commit()
    login(client, world.official)
    page = client.get(f"/track/{accepted.tracking_code}").get_data(as_text=True)
    assert "Đánh giá câu trả lời" not in page
    response = post_form(client, f"/track/{accepted.tracking_code}/rating",
                         {"rating-satisfied": "yes"})
    assert response.status_code == 403
    assert reload(accepted).status == PetitionStatus.ANSWERED


def test_deadline_filter_and_sort_on_the_list(client, world, clock):
    early = submit(world, clock, date(2026, 3, 2), title="Phản ánh gửi sớm")
    later = submit(world, clock, date(2026, 3, 16), title="Phản ánh gửi muộn")
    clock.set(at(date(2026, 3, 17)))
    login(client, world.leader)

    def listed(**query):
        page = client.get("/staff/petitions", query_string=query).get_data(as_text=True)
        return [p.title for p in (early, later) if p.title in page]

    assert listed(deadline="overdue") == ["Phản ánh gửi sớm"]
    assert listed(deadline="on_track") == ["Phản ánh gửi muộn"]
    page = client.get("/staff/petitions", query_string={"sort": "deadline"}).get_data(as_text=True)
    assert page.index("Phản ánh gửi sớm") < page.index("Phản ánh gửi muộn")


def test_official_answers_leader_approves_resident_rates_from_the_pages(client, world, accepted):
    assign(world, accepted)
    login(client, world.official)
    saved = post_form(client, f"/staff/petitions/{accepted.id}/answer",
                      {"answer-body": ANSWER, "answer-action": "save"})
    assert "Đã lưu dự thảo" in client.get(saved.headers["Location"]).get_data(as_text=True)
    sent = post_form(client, f"/staff/petitions/{accepted.id}/answer",
                     {"answer-body": ANSWER, "answer-action": "submit"})
    assert "Đã trình lãnh đạo duyệt" in client.get(sent.headers["Location"]).get_data(as_text=True)
    login(client, world.leader)
    post_form(client, f"/staff/petitions/{accepted.id}/answer/approve")
    assert reload(accepted).status == PetitionStatus.ANSWERED

    client.post("/account/logout")  # the resident, without an account
    with client.session_transaction() as session:
        session.clear()
    tracking = client.get(f"/track/{accepted.tracking_code}").get_data(as_text=True)
    assert ANSWER in tracking and "Đánh giá câu trả lời" in tracking
    refused = post_form(client, f"/track/{accepted.tracking_code}/rating",
                        {"rating-satisfied": "no", "rating-comment": ""})
    assert refused.status_code == 422
    assert "vì sao bạn chưa hài lòng" in refused.get_data(as_text=True)
    rated = post_form(client, f"/track/{accepted.tracking_code}/rating",
                      {"rating-satisfied": "no", "rating-comment": "Đèn vẫn chưa sáng buổi tối"})
    assert rated.status_code == 302
    assert reload(accepted).status == PetitionStatus.IN_PROGRESS
    assert accepted.events[-1].type == EventType.REOPENED


def test_only_the_holder_or_a_leader_sees_the_answer_form(client, world, accepted, colleague):
    assign(world, accepted)
    login(client, colleague)
    page = client.get(f"/staff/petitions/{accepted.id}").get_data(as_text=True)
    assert "Nội dung trả lời" not in page
    response = post_form(client, f"/staff/petitions/{accepted.id}/answer",
                         {"answer-body": ANSWER, "answer-action": "submit"})
    assert response.status_code == 403


def test_transfer_and_send_back_through_the_pages(client, world, accepted):
    assign(world, accepted)
    login(client, world.official)
    post_form(client, f"/staff/petitions/{accepted.id}/transfer", {
        "transfer-holder": f"{world.office_b.id}:{world.other_official.id}",
        "transfer-reason": "Địa chỉ thuộc phường Ba Đình"})
    assert reload(accepted).assignee == world.other_official
    login(client, world.other_official)
    page = client.get(f"/staff/petitions/{accepted.id}").get_data(as_text=True)
    assert "Trả lại nơi chuyển đến" in page
    post_form(client, f"/staff/petitions/{accepted.id}/send-back",
              {"send_back-reason": "Số nhà 12 thuộc phường Hoàn Kiếm"})
    assert reload(accepted).assignee == world.official
    login(client, world.leader)
    page = client.get(f"/staff/petitions/{accepted.id}").get_data(as_text=True)
    assert "Quá trình chịu trách nhiệm" in page
    assert "Lê Thị Hoa" in page and "Bị trả lại" in page


def test_due_date_api(client, db):
    response = client.get("/api/v1/calendar/due-date",
                          query_string={"start": "2026-02-13", "days": 5, "unit": "working"})
    assert response.status_code == 200
    assert response.json["due_date"] == "2026-02-27"
    assert response.json["explanation"] == ("27/02/2026: 5 ngày làm việc kể từ ngày 13/02/2026 "
                                            "(không tính nghỉ Tết 14–22/02)")
    assert {"date": "2026-02-17", "reason": "Tết Nguyên Đán"} in response.json["skipped"]
    calendar = client.get("/api/v1/calendar/due-date",
                          query_string={"start": "2026-03-06", "days": 1, "unit": "calendar"})
    assert calendar.json["due_date"] == "2026-03-09"


@pytest.mark.parametrize("query, bad", [
    ({"start": "13/02/2026", "days": 5, "unit": "working"}, "start"),
    ({"start": "2026-02-13", "days": -1, "unit": "working"}, "days"),
    ({"start": "2026-02-13", "days": "năm", "unit": "working"}, "days"),
    ({"start": "2026-02-13", "days": 99999, "unit": "working"}, "days"),
    ({"start": "2026-02-13", "days": 5, "unit": "weeks"}, "unit"),
    ({"start": "0001-01-01", "days": 5, "unit": "working"}, "start"),
    ({}, "start"),
])
def test_due_date_api_explains_bad_input(client, db, query, bad):
    response = client.get("/api/v1/calendar/due-date", query_string=query)
    assert response.status_code == 400
    assert bad in response.json["error"]["fields"]
    assert response.json["error"]["code"] == "invalid_parameters"


def test_admin_adds_a_day_off_and_open_deadlines_move(client, world, accepted, clock):
    assign(world, accepted)
    clock.set(at(date(2026, 3, 5)))
    login(client, world.admin)
    response = post_form(client, "/admin/calendar", {
        "day": "2026-03-10", "kind": "day_off", "reason": "Nghỉ bầu cử theo quyết định của tỉnh"})
    assert response.status_code == 302
    assert "Hạn của 1 phản ánh đang mở được tính lại" in client.get("/admin/calendar").get_data(as_text=True)
    assert reload(accepted).due_on == date(2026, 3, 24)
    change = accepted.events[-1]
    assert change.type == EventType.DUE_DATE_CHANGED and change.actor_id == world.admin.id
    assert change.data == {"which": "answer", "from": "2026-03-23", "to": "2026-03-24"}
    assert "Hạn mới: 24/03/2026" in client.get(f"/track/{accepted.tracking_code}").get_data(as_text=True)
    again = post_form(client, "/admin/calendar", {
        "day": "2026-03-10", "kind": "day_off", "reason": "Trùng ngày"})
    assert again.status_code == 422 and "đã có trong lịch" in again.get_data(as_text=True)
    absurd = post_form(client, "/admin/calendar", {
        "day": "9999-12-31", "kind": "day_off", "reason": "Ngày không có thật"})
    assert absurd.status_code == 400 and "năm 2000 đến 2100" in absurd.get_data(as_text=True)
    entry = db.session.scalar(sa.select(CalendarDay).where(CalendarDay.day == date(2026, 3, 10)))
    post_form(client, f"/admin/calendar/{entry.id}/delete")
    assert reload(accepted).due_on == date(2026, 3, 23)


def test_admin_adds_a_rule_version(client, world, clock):
    login(client, world.admin)
    data = {"kind": "feedback", "category": "", "valid_from": "2027-01-01", "ack_days": 5,
            "ack_unit": "working", "resolve_days": 10, "resolve_unit": "working",
            "max_extensions": 1, "extension_days": 5,
            "legal_basis": "Quyết định số 12/2026 của UBND tỉnh"}
    assert post_form(client, "/admin/rules", data).status_code == 302
    page = client.get("/admin/rules").get_data(as_text=True)
    assert "Quyết định số 12/2026 của UBND tỉnh" in page
    early = post_form(client, "/admin/rules", {**data, "valid_from": "2026-12-01"})
    assert early.status_code == 422 and "Ngày hiệu lực phải sau" in early.get_data(as_text=True)
    past = post_form(client, "/admin/rules", {**data, "kind": "complaint", "valid_from": "2026-01-01"})
    assert past.status_code == 422 and "từ ngày mai trở đi" in past.get_data(as_text=True)
    before = submit(world, clock, date(2026, 12, 30))
    after = submit(world, clock, date(2027, 1, 4))
    assert before.ack_due_on == date(2027, 1, 14) and after.ack_due_on == date(2027, 1, 11)
