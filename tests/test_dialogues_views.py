"""Dialogue sessions through the web: what residents see and send, and the
leader's pages from planning to the published conclusion."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

import sqlalchemy as sa

from portal.dialogues import room, services
from portal.dialogues.models import DialogueSession, ItemStage, SessionStatus
from portal.extensions import db
from portal.petitions.models import Channel, Petition, PetitionKind, PetitionStatus
from portal.petitions.services import PetitionDraft
from tests.conftest import login, post_form
from tests.scenarios import at, planned, raise_in_room

TODAY = date(2026, 3, 2)
DAY = date(2026, 3, 20)


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _announced(world, clock):
    session = planned(world, clock, TODAY, DAY)
    services.announce_session(session, actor=world.leader)
    db.session.commit()
    return session


def _room_form(world, **overrides):
    data = {"title": "Thoát nước phố Hàng Bạc",
            "body": "Mỗi khi mưa to, phố Hàng Bạc ngập sâu, đề nghị cải tạo cống.",
            "speaker_name": "Ông Nguyễn Văn Tư", "category": str(world.category.id),
            "outcome": "committed", "holder": f"{world.office_a.id}:{world.official.id}",
            "promised_on": "2026-05-15", "answer": ""}
    data.update(overrides)
    return data


# Residents ------------------------------------------------------------------------

def test_drafts_stay_hidden_from_the_public(client, world, clock):
    session = planned(world, clock, TODAY, DAY)
    assert client.get(f"/dialogues/{session.id}").status_code == 404
    assert session.title not in _text(client.get("/dialogues"))
    login(client, world.leader)
    assert client.get(f"/dialogues/{session.id}").status_code == 404  # not announced yet


def test_the_notice_shows_the_agenda_and_takes_questions(client, world, clock):
    session = _announced(world, clock)
    page = _text(client.get(f"/dialogues/{session.id}"))
    assert "Báo cáo tình hình giải quyết kiến nghị" in page
    assert "Hội trường UBND phường, 126 Hàng Trống" in page
    assert "Bà Lê Thị Thu – Chủ tịch Ủy ban MTTQ phường" in page
    assert session.title in _text(client.get("/dialogues", query_string={"province": "01"}))
    assert session.title not in _text(client.get("/dialogues", query_string={"province": "56"}))
    response = post_form(client, f"/dialogues/{session.id}/questions", {
        "question-kind": "recommendation", "question-title": "Lát lại vỉa hè Hàng Bông",
        "question-body": "Vỉa hè phố Hàng Bông hỏng nhiều đoạn, người đi bộ dễ vấp ngã.",
        "question-category": str(world.category.id), "question-contact_name": "Trần Thị Mai"})
    assert response.status_code == 302 and response.headers["Location"].startswith("/track/")
    petition = db.session.scalar(sa.select(Petition).where(Petition.title == "Lát lại vỉa hè Hàng Bông"))
    assert petition.channel == Channel.SESSION and petition.unit == world.commune_a
    assert session.items[0].stage == ItemStage.QUESTION


def test_a_question_with_errors_comes_back_with_messages(client, world, clock):
    session = _announced(world, clock)
    response = post_form(client, f"/dialogues/{session.id}/questions", {
        "question-kind": "recommendation", "question-title": "", "question-body": "ngắn",
        "question-category": str(world.category.id)})
    assert response.status_code == 400
    assert "Vui lòng nhập tiêu đề." in _text(response)


def test_questions_close_when_the_session_starts(client, world, clock):
    session = _announced(world, clock)
    clock.set(at(DAY, 9))
    page = _text(client.get(f"/dialogues/{session.id}"))
    assert "Gửi câu hỏi" not in page
    response = post_form(client, f"/dialogues/{session.id}/questions", {
        "question-kind": "recommendation", "question-title": "Muộn rồi",
        "question-body": "Câu hỏi gửi sau khi hội nghị đã bắt đầu diễn ra.",
        "question-category": str(world.category.id)})
    assert response.status_code == 422
    assert "không còn nhận câu hỏi" in _text(response)


def test_the_calendar_places_sessions_on_their_day(client, world, clock):
    session = _announced(world, clock)
    page = _text(client.get("/dialogues/calendar", query_string={"month": "2026-03"}))
    assert "Tháng 3/2026" in page and session.title in page
    assert session.title not in _text(client.get("/dialogues/calendar",
                                                 query_string={"month": "2026-04"}))
    assert client.get("/dialogues/calendar", query_string={"month": "abc"}).status_code == 200


def test_requesting_a_session_needs_an_account_and_counts(client, world, clock):
    clock.set(at(TODAY))
    world.commune_a.voter_count = 30
    db.session.commit()
    assert client.get("/dialogues/request").status_code == 302
    login(client, world.resident)
    form = {"province": "01", "commune": "hoan kiem", "reason": "Ngập úng kéo dài"}
    response = post_form(client, "/dialogues/request", form)
    assert response.status_code == 302
    page = _text(client.get(response.headers["Location"]))
    assert "Đã có 1 / 3 đề nghị cần thiết." in page
    again = post_form(client, "/dialogues/request", form)
    assert again.status_code == 422 and "Bạn đã đề nghị" in _text(again)


# The leader -------------------------------------------------------------------------

def test_a_leader_plans_a_session_from_the_form(client, world, clock):
    clock.set(at(TODAY))
    login(client, world.leader)
    page = _text(client.get("/staff/dialogues/new"))
    assert "Phạm Quốc Hùng" in page
    response = post_form(client, "/staff/dialogues/new", {
        "commune": str(world.commune_a.id), "title": "Đối thoại về trật tự đô thị",
        "starts_on": "2026-03-20", "starts_time": "08:00", "ends_time": "11:00",
        "format": "hybrid", "venue": "Hội trường phường",
        "online_link": "https://hop.hoankiem.gov.vn/doi-thoai", "chair": str(world.leader.id),
        "chair_title": "Chủ tịch UBND phường", "co_chairs": "Bà Lê Thị Thu – MTTQ phường",
        "expected_participants": "120"})
    assert response.status_code == 302
    session = db.session.scalar(sa.select(DialogueSession))
    assert session.starts_at == at(DAY, 8) and session.ends_at == at(DAY, 11)
    assert session.notice_due_on == date(2026, 3, 13)


def test_the_planning_form_explains_errors(client, world, clock):
    clock.set(at(TODAY))
    login(client, world.leader)
    response = post_form(client, "/staff/dialogues/new", {
        "commune": str(world.commune_a.id), "title": "Đối thoại", "starts_on": "2026-03-20",
        "starts_time": "08:00", "format": "online", "online_link": "",
        "chair": str(world.leader.id)})
    assert response.status_code == 422
    assert "đường dẫn tham dự trực tuyến" in _text(response)


def test_agenda_editing_and_announcing_from_the_session_page(client, world, clock):
    session = planned(world, clock, TODAY, DAY)
    login(client, world.leader)
    url = f"/staff/dialogues/{session.id}"
    assert post_form(client, url + "/agenda", {"agenda-title": "Người dân phát biểu",
                                               "agenda-starts": "09:00", "agenda-ends": "10:30",
                                               "agenda-presenter": ""}).status_code == 302
    second = session.agenda[1]
    assert post_form(client, f"{url}/agenda/{second.id}/move", {"direction": "up"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(DialogueSession, session.id).agenda[0].title == "Người dân phát biểu"
    bad = post_form(client, url + "/agenda", {"agenda-title": "Sai giờ", "agenda-starts": "10:00",
                                              "agenda-ends": "09:00"})
    assert bad.status_code == 422 and "Giờ kết thúc phải sau giờ bắt đầu." in _text(bad)
    clock.set(at(DAY - timedelta(days=3)))
    assert post_form(client, url + "/announce", {}).status_code == 302
    page = _text(client.get(url))
    assert "Thông báo muộn" in page  # announced 3 days ahead: flagged


def test_the_briefing_pack_gathers_what_the_chair_needs(client, world, clock):
    clock.set(at(date(2026, 1, 5)))
    overdue = world.petition(title="Rác thải tồn đọng ngõ Hội Vũ")
    session = _announced(world, clock)
    hidden_draft = PetitionDraft(
        title="Câu hỏi ẩn danh", body="Câu hỏi của người muốn giữ bí mật danh tính.",
        kind=overdue.kind, category=world.category, unit=None, contact_name="Người Bí Mật",
        hide_identity=True)
    hidden = room.send_question(session, hidden_draft, actor=None)
    db.session.commit()
    login(client, world.leader)
    page = _text(client.get(f"/staff/dialogues/{session.id}/briefing"))
    assert "Câu hỏi ẩn danh" in page and "Người Bí Mật" not in page
    assert overdue.tracking_code in page and "quá hạn: 1" in page
    assert world.category.name in page
    assert 'data-print' in page
    assert hidden.status == PetitionStatus.RECEIVED


def test_the_room_screen_records_many_in_a_row(client, world, clock):
    session = _announced(world, clock)
    login(client, world.leader)
    url = f"/staff/dialogues/{session.id}/raised"
    assert post_form(client, url, _room_form(world)).status_code == 422  # not the day yet
    clock.set(at(DAY, 9))
    page = _text(client.get(url))
    assert 'autofocus' in page and 'id="raised-form"' in page
    first = post_form(client, url, _room_form(world))
    assert first.status_code == 302 and first.headers["Location"].endswith("/raised")
    answered = post_form(client, url, _room_form(
        world, title="Đèn đường ngõ Tạm Thương", outcome="answered", promised_on="",
        answer="Phường đã bố trí kinh phí, thay đèn trong tuần tới."))
    assert answered.status_code == 302
    missing = post_form(client, url, _room_form(world, title="Thiếu hạn", promised_on=""))
    assert missing.status_code == 422 and "hạn hoàn thành" in _text(missing)
    listed = _text(client.get(url))
    assert "Đã ghi (2)" in listed and "Trả lời tại hội nghị" in listed


def test_conclusion_published_on_the_public_page_with_commitments(client, world, clock):
    session = _announced(world, clock)
    clock.set(at(DAY, 9))
    raise_in_room(world, session, title="Thoát nước phố Hàng Bạc", promised=date(2026, 5, 15))
    login(client, world.leader)
    url = f"/staff/dialogues/{session.id}"
    assert post_form(client, url + "/held", {"held-attendance_count": "140",
                                             "held-organisations": "Ủy ban MTTQ phường"}
                     ).status_code == 302
    assert post_form(client, url + "/record", {
        "attendance_count": "140", "organisations": "Ủy ban MTTQ phường",
        "minutes": "## Ý kiến\n**Ông Tư** phản ánh ngập úng.<script>x</script>",
        "conclusion_text": "Dự thảo kết luận"}).status_code == 302
    clock.set(at(DAY + timedelta(days=4)))
    assert post_form(client, url + "/conclusion", {
        "number": "25/TB-UBND", "issued_on": "2026-03-24",
        "text": "UBND phường giao các cơ quan giải quyết các kiến nghị như sau."}
    ).status_code == 302
    public = _text(client.get(f"/dialogues/{session.id}"))
    assert "Thông báo kết luận số 25/TB-UBND ngày 24/03/2026" in public
    assert "Thoát nước phố Hàng Bạc" in public and world.official.full_name in public
    assert "15/05/2026" in public and "Đang xử lý" in public
    assert "Ông Tư" not in public  # minutes and speakers stay internal
    staff_page = client.get(url).get_data(as_text=True)
    assert "<strong>Ông Tư</strong>" in staff_page and "<script>x" not in staff_page


def test_inspectors_see_sessions_but_cannot_manage_them(client, world, clock):
    session = _announced(world, clock)
    login(client, world.inspector)
    page = _text(client.get(f"/staff/dialogues/{session.id}"))
    assert session.title in page and "Huỷ hội nghị" not in page and "Sửa thông tin" not in page
    assert post_form(client, f"/staff/dialogues/{session.id}/cancel",
                     {"cancel-reason": "Không có quyền huỷ"}).status_code == 403
    compliance = _text(client.get("/staff/dialogues/compliance"))
    assert "Phường Hoàn Kiếm" in compliance and "Phường Ba Đình" in compliance
    assert "Xã Diên Khánh" not in compliance


def test_the_staff_list_filters_flagged_sessions_and_a_leaders_history(client, world, clock):
    late = planned(world, clock, TODAY, DAY)
    on_time = planned(world, clock, TODAY, date(2026, 6, 1))
    clock.set(at(DAY - timedelta(days=2)))
    login(client, world.leader)
    flagged = _text(client.get("/staff/dialogues", query_string={"flagged": "y"}))
    assert re.search(rf'/staff/dialogues/{late.id}"', flagged)
    assert not re.search(rf'/staff/dialogues/{on_time.id}"', flagged)
    history = _text(client.get(f"/staff/dialogues/leaders/{world.leader.id}"))
    assert "2 hội nghị" in history
    assert client.get(f"/staff/dialogues/leaders/{world.official.id}").status_code == 404


def test_voter_count_is_set_by_the_communes_leader(client, world, clock):
    login(client, world.official)
    url = f"/staff/dialogues/communes/{world.commune_a.id}"
    assert client.get(url).status_code == 200
    assert post_form(client, url, {"voters": "20000"}).status_code == 403
    login(client, world.leader)
    assert post_form(client, url, {"voters": "0"}).status_code == 400
    assert post_form(client, url, {"voters": "20000"}).status_code == 302
    db.session.refresh(world.commune_a)
    assert world.commune_a.voter_count == 20000
    assert client.get(f"/staff/dialogues/communes/{world.commune_c.id}").status_code == 404


def test_cancelled_sessions_show_why(client, world, clock):
    session = _announced(world, clock)
    services.cancel_session(session, actor=world.leader, reason="Trùng lịch bầu cử bổ sung")
    db.session.commit()
    page = _text(client.get(f"/dialogues/{session.id}"))
    assert "Hội nghị đã bị huỷ." in page and "Trùng lịch bầu cử bổ sung" in page
    assert session.status == SessionStatus.CANCELLED


def test_the_public_page_never_prints_notes_written_to_the_speaker(client, world, clock):
    from portal.handling import services as handling

    session = _announced(world, clock)
    clock.set(at(DAY, 9))
    petition = raise_in_room(world, session, title="Thoát nước phố Hàng Bạc",
                             promised=date(2026, 5, 15)).petition
    handling.pause_petition(petition, actor=world.official,
                            reason="Đề nghị ông Tư (SĐT 0912 345 678) gửi ảnh hiện trường")
    services.record_held(session, attendance=10, organisations="", actor=world.leader)
    services.conclude_session(session, number="1/TB", issued_on=DAY,
                              text="Kết luận hội nghị đối thoại năm 2026.", actor=world.leader)
    db.session.commit()
    page = _text(client.get(f"/dialogues/{session.id}"))
    assert "Thoát nước phố Hàng Bạc" in page and "Tạm dừng" in page
    assert "0912 345 678" not in page and "Ông Nguyễn Văn Tư" not in page


def test_long_lists_of_sessions_page_without_errors(client, world, clock):
    for n in range(27):
        planned(world, clock, TODAY, DAY + timedelta(days=n), title=f"Hội nghị số {n}")
    login(client, world.inspector)
    for url in (f"/staff/dialogues/leaders/{world.leader.id}",
                f"/staff/dialogues/communes/{world.commune_a.id}"):
        first = _text(client.get(url))
        assert "Trang 1 / 2" in first
        assert client.get(url + "?page=2").status_code == 200
    assert client.get("/staff/dialogues/compliance?page=" + "9" * 5000).status_code == 200
    assert client.get("/staff/dialogues/compliance?year=" + "9" * 5000).status_code == 200


def test_the_edit_form_keeps_what_was_planned(client, world, clock):
    session = planned(world, clock, TODAY, DAY)
    login(client, world.leader)
    page = client.get(f"/staff/dialogues/{session.id}/edit").get_data(as_text=True)
    assert f'<option selected value="{world.leader.id}">' in page
    assert 'value="Hội trường UBND phường, 126 Hàng Trống"' in page


def test_the_request_form_offers_close_names_and_staff_read_the_reasons(client, world, clock):
    clock.set(at(TODAY))
    login(client, world.resident)
    vague = post_form(client, "/dialogues/request", {"province": "01", "commune": "hoan"})
    assert vague.status_code == 422
    assert 'name="commune_code"' in vague.get_data(as_text=True) and "Hoàng Mai" in _text(vague)
    assert post_form(client, "/dialogues/request", {
        "province": "01", "commune_code": "00070", "commune": "hoan",
        "reason": "Ngập úng phố Hàng Bạc mỗi khi mưa"}).status_code == 302
    login(client, world.leader)
    page = _text(client.get(f"/staff/dialogues/communes/{world.commune_a.id}"))
    assert "Ngập úng phố Hàng Bạc mỗi khi mưa" in page
    assert world.resident.full_name not in page


def test_the_room_screen_settles_questions_sent_beforehand(client, world, clock):
    session = _announced(world, clock)
    question = room.send_question(session, PetitionDraft(
        title="Lát lại vỉa hè Hàng Bông", body="Vỉa hè phố Hàng Bông hỏng nhiều đoạn, dễ vấp ngã.",
        kind=PetitionKind.RECOMMENDATION, category=world.category, unit=None), actor=None)
    db.session.commit()
    item = session.items[0]
    clock.set(at(DAY, 9))
    login(client, world.leader)
    page = _text(client.get(f"/staff/dialogues/{session.id}/raised"))
    assert "Câu hỏi gửi trước chưa có kết quả (1)" in page and "Lát lại vỉa hè Hàng Bông" in page
    url = f"/staff/dialogues/{session.id}/questions/{item.id}/outcome"
    missing = post_form(client, url, {f"q{item.id}-outcome": "committed",
                                      f"q{item.id}-holder": f"{world.office_a.id}:{world.official.id}"})
    assert missing.status_code == 422 and "hạn hoàn thành" in _text(missing)
    done = post_form(client, url, {f"q{item.id}-outcome": "committed",
                                   f"q{item.id}-holder": f"{world.office_a.id}:{world.official.id}",
                                   f"q{item.id}-promised_on": "2026-06-30"})
    assert done.status_code == 302
    db.session.refresh(question)
    assert question.due_on == date(2026, 6, 30)
    assert "Câu hỏi gửi trước chưa có kết quả" not in _text(client.get(done.headers["Location"]))


def test_a_late_notice_reaches_the_inspectors_notifications(client, world, clock):
    session = planned(world, clock, TODAY, DAY)
    clock.set(at(DAY - timedelta(days=3)))
    services.announce_session(session, actor=world.leader)
    db.session.commit()
    login(client, world.inspector)
    page = client.get("/staff/notifications").get_data(as_text=True)
    assert "thông báo muộn" in html.unescape(page)
    assert f'href="/staff/dialogues/{session.id}"' in page
