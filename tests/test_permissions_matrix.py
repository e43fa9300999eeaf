"""Every route × every persona → the status each must get.

"login" means a redirect to the login page; any other 302 is the route's own
redirect after success. A new route fails ``test_every_route_is_in_the_matrix``
until it is added here.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from portal import clock
from portal.answers import services as answers
from portal.deadlines.models import CalendarDay
from portal.dialogues import planning, room
from portal.dialogues import services as dialogues
from portal.dialogues.models import SessionItem
from portal.extensions import db
from portal.handling import services as handling
from portal.petitions.models import PetitionKind
from portal.petitions.services import PetitionDraft, accept_petition
from tests.conftest import login, post_form

PERSONAS = ("anonymous", "resident", "other_resident", "official", "other_official", "leader",
            "inspector", "admin")


def row(*statuses):
    assert len(statuses) == len(PERSONAS)
    return dict(zip(PERSONAS, statuses, strict=True))


def everyone(status):
    return row(*([status] * len(PERSONAS)))


def _petition_form(world):
    return {"kind": "feedback", "title": "Đường ngập khi mưa", "province": "01",
            "body": "Mỗi khi mưa to, đoạn đường trước chợ ngập sâu nửa mét.",
            "category": str(world.category.id), "commune": "Hoàn Kiếm"}


ANSWER = "Phường đã cho thay bóng đèn ngõ 12 và kiểm tra lại toàn tuyến chiếu sáng."


def prepare_session(world, state: str):
    """A session of commune A, planned for a month ahead by its leader, then
    brought to ``state`` (started: its start moved an hour into the past)."""
    from tests.scenarios import session_details

    day = clock.today_in_vietnam() + timedelta(days=30)
    session = planning.plan_session(world.commune_a, session_details(world, day),
                                     actor=world.leader)
    planning.add_agenda_item(session, title="Khai mạc", starts=None, ends=None, presenter="",
                              actor=world.leader)
    if state != "session_draft":
        dialogues.announce_session(session, actor=world.leader)
    if state == "session_question":
        room.send_question(session, PetitionDraft(
            title="Lát lại vỉa hè", body="Vỉa hè phố Hàng Bông hỏng nhiều đoạn, dễ vấp ngã.",
            kind=PetitionKind.RECOMMENDATION, category=world.category, unit=None), actor=None)
    if state in ("session_started", "session_held", "session_question"):
        session.starts_at = clock.now() - timedelta(hours=1)
        session.ends_at = None
    if state == "session_held":
        dialogues.record_held(session, attendance=50, organisations="", actor=world.leader)
    db.session.commit()
    return session


def prepare(world, state: str):
    """The resident's petition in commune A, brought to ``state``; a session
    for the "session_*" states."""
    if state.startswith("session_"):
        return prepare_session(world, state)
    if state == "finding":
        return prepare_finding(world)
    kind = PetitionKind.COMPLAINT if state == "complaint" else PetitionKind.FEEDBACK
    sender = None if state == "anonymous_answered" else world.resident
    petition = world.petition(submitter=sender, kind=kind, is_public=state == "public")
    if state == "received":
        return petition
    accept_petition(petition, actor=world.official)
    if state != "accepted":
        handling.assign_petition(petition, office=world.office_a, assignee=world.official,
                                 actor=world.leader)
    if state == "transferred":
        handling.transfer_petition(petition, office=world.office_b, assignee=world.other_official,
                                   actor=world.official, reason="Thuộc địa bàn phường Ba Đình")
    elif state == "paused":
        handling.pause_petition(petition, actor=world.official, reason="Chờ người dân bổ sung ảnh")
    elif state == "pending_extension":
        handling.request_extension(petition, actor=world.official, reason="Chờ kết quả đo đạc")
    elif state == "pending_answer":
        answers.submit_answer(petition, actor=world.official, body=ANSWER)
    elif state in ("answered", "anonymous_answered"):
        answers.submit_answer(petition, actor=world.leader, body=ANSWER)
    db.session.commit()
    return petition


def prepare_finding(world):
    """An inspector's finding about the resident's petition, awaiting the reply
    of commune A's leader."""
    from portal.inspection import findings
    from portal.inspection.models import Severity

    petition = world.petition(submitter=world.resident)
    finding = findings.record_finding(actor=world.inspector, severity=Severity.NOTE,
                                      petition=petition,
                                      text="Hồ sơ chưa được giao người xử lý sau ba ngày.")
    db.session.commit()
    return finding


def _calendar_entry(world):
    return db.session.query(CalendarDay).first().id


def _holder(office, person):
    return lambda w: {f"{office}-holder": f"{getattr(w, 'office_' + person[0]).id}:"
                                         f"{getattr(w, person[1]).id}"}


def _with(prefix, **fields):
    return lambda w: {f"{prefix}-{name}": value for name, value in fields.items()}


def _open311_key(world):
    """A live Open311 key and its number."""
    from portal.open311.keys import issue_key

    key, client = issue_key("Ứng dụng phản ánh hiện trường", actor=None)
    db.session.commit()
    return key, client.id


def _open311_request(world):
    return {"api_key": _open311_key(world)[0], "service_code": world.category.code,
            "description": "Cây đổ chắn ngang đường sau cơn bão tối qua, chưa ai dọn.",
            "address_id": world.commune_a.code}


STAFF = row("login", 403, 403, 200, 200, 200, 200, 200)
INSPECTS = row("login", 403, 403, 403, 403, 200, 200, 200)
# A session of commune A: staff whose scope covers it see it; its leader manages it.
SEES_A = row("login", 403, 403, 200, 404, 200, 200, 200)
MANAGES_A = row("login", 403, 403, 403, 404, 302, 403, 403)


def _question_outcome(world):
    item = db.session.scalar(sa.select(SessionItem))
    return {f"q{item.id}-outcome": "committed",
            f"q{item.id}-holder": f"{world.office_a.id}:{world.official.id}",
            f"q{item.id}-promised_on": str(clock.today_in_vietnam() + timedelta(days=30))}


def _session_form(world):
    day = clock.today_in_vietnam() + timedelta(days=40)
    return {"commune": str(world.commune_a.id), "title": "Đối thoại về trật tự đô thị",
            "starts_on": str(day), "starts_time": "08:00", "format": "in_person",
            "venue": "Hội trường phường", "chair": str(world.leader.id)}
ADMIN_ONLY = row("login", 403, 403, 403, 403, 403, 403, 200)
ACTION = "/staff/petitions/{id}/"

# key -> (method, url(world, petition), form data(world) or None, expected, state)
# A key is an endpoint, with " POST" when a second method of it is listed.
MATRIX = {
    "pages.home": ("GET", lambda w, p: "/", None, everyone(200), "received"),
    "pages.health": ("GET", lambda w, p: "/healthz", None, everyone(200), "received"),
    "pages.language": ("POST", lambda w, p: "/language/en", lambda w: {}, everyone(302),
                       "received"),
    "static": ("GET", lambda w, p: "/static/css/portal.css", None, everyone(200), "received"),
    "petitions.new": ("POST", lambda w, p: "/petitions/new", _petition_form, everyone(302),
                      "received"),
    "petitions.track_lookup": ("GET", lambda w, p: "/track", None, everyone(200), "received"),
    "petitions.track": ("GET", lambda w, p: f"/track/{p.tracking_code}", None, everyone(200),
                        "answered"),
    "petitions.rate": ("POST", lambda w, p: f"/track/{p.tracking_code}/rating",
                       _with("rating", satisfied="yes"),
                       row(403, 302, 403, 403, 403, 403, 403, 403), "answered"),
    "petitions.public_list": ("GET", lambda w, p: "/public", None, everyone(200), "public"),
    "petitions.public_detail": ("GET", lambda w, p: f"/public/{p.id}", None, everyone(200),
                                "public"),
    # Sent without an account: whoever has the code rates, except staff who
    # can see the petition anyway (officials must not close their own cases).
    "petitions.rate anonymous": ("POST", lambda w, p: f"/track/{p.tracking_code}/rating",
                                 _with("rating", satisfied="yes"),
                                 row(302, 302, 302, 403, 302, 403, 403, 403),
                                 "anonymous_answered"),
    "petitions.mine": ("GET", lambda w, p: "/my/petitions", None,
                       row("login", 200, 200, 200, 200, 200, 200, 200), "received"),
    "accounts.login": ("POST", lambda w, p: "/account/login",
                       lambda w: {"identifier": "x@example.com", "password": "sai-mat-khau"},
                       everyone(400), "received"),
    "accounts.register": ("GET", lambda w, p: "/account/register", None,
                          row(200, 302, 302, 302, 302, 302, 302, 302), "received"),
    "accounts.logout": ("POST", lambda w, p: "/account/logout", lambda w: {},
                        row("login", 302, 302, 302, 302, 302, 302, 302), "received"),
    "staff.petitions": ("GET", lambda w, p: "/staff/petitions", None, STAFF, "received"),
    "staff.petition": ("GET", lambda w, p: f"/staff/petitions/{p.id}", None,
                       row("login", 403, 403, 200, 404, 200, 200, 200), "in_progress"),
    "staff.accept": ("POST", lambda w, p: f"/staff/petitions/{p.id}/accept", lambda w: {},
                     row("login", 403, 403, 302, 404, 302, 403, 403), "received"),
    "staff.reject": ("POST", lambda w, p: f"/staff/petitions/{p.id}/reject",
                     _with("reject", reason="Đã giải quyết tại văn bản số 12."),
                     row("login", 403, 403, 302, 404, 302, 403, 403), "received"),
    "staff.merge": ("POST", lambda w, p: f"/staff/petitions/{p.id}/merge",
                    _with("merge", target="KN-00-0000-0000"),
                    # Handlers get through to the form: an unknown code is a 422.
                    row("login", 403, 403, 422, 404, 422, 403, 403), "received"),
    "handling.queue": ("GET", lambda w, p: "/staff/queue", None, STAFF, "in_progress"),
    "handling.assign": ("POST", lambda w, p: ACTION.format(id=p.id) + "assign",
                        _holder("assign", ("a", "official")),
                        row("login", 403, 403, 403, 404, 302, 403, 403), "accepted"),
    "handling.transfer": ("POST", lambda w, p: ACTION.format(id=p.id) + "transfer",
                          lambda w: {**_holder("transfer", ("b", "other_official"))(w),
                                     "transfer-reason": "Thuộc địa bàn phường Ba Đình"},
                          row("login", 403, 403, 302, 404, 302, 403, 403), "in_progress"),
    "handling.send_back": ("POST", lambda w, p: ACTION.format(id=p.id) + "send-back",
                           _with("send_back", reason="Không thuộc địa bàn Ba Đình"),
                           row("login", 403, 403, 403, 302, 403, 403, 403), "transferred"),
    "handling.mark_complex": ("POST", lambda w, p: ACTION.format(id=p.id) + "complex",
                              _with("complex", reason="Nhiều hộ dân liên quan"),
                              row("login", 403, 403, 403, 404, 302, 403, 403), "complaint"),
    "handling.request_extension": ("POST", lambda w, p: ACTION.format(id=p.id) + "extension",
                                   _with("extension", reason="Chờ kết quả đo đạc"),
                                   row("login", 403, 403, 302, 404, 403, 403, 403), "in_progress"),
    "handling.decide_extension": ("POST", lambda w, p: ACTION.format(id=p.id) + "extension/decide",
                                  _with("decision", decision="approve"),
                                  row("login", 403, 403, 403, 404, 302, 403, 403),
                                  "pending_extension"),
    "handling.pause": ("POST", lambda w, p: ACTION.format(id=p.id) + "pause",
                       _with("pause", reason="Chờ người dân bổ sung ảnh"),
                       row("login", 403, 403, 302, 404, 302, 403, 403), "in_progress"),
    "handling.resume": ("POST", lambda w, p: ACTION.format(id=p.id) + "resume", lambda w: {},
                        row("login", 403, 403, 302, 404, 302, 403, 403), "paused"),
    "answers.answer": ("POST", lambda w, p: ACTION.format(id=p.id) + "answer",
                       _with("answer", body=ANSWER, action="save"),
                       row("login", 403, 403, 302, 404, 302, 403, 403), "in_progress"),
    "answers.approve": ("POST", lambda w, p: ACTION.format(id=p.id) + "answer/approve",
                        lambda w: {}, row("login", 403, 403, 403, 404, 302, 403, 403),
                        "pending_answer"),
    "answers.return_draft": ("POST", lambda w, p: ACTION.format(id=p.id) + "answer/return",
                             _with("return", note="Ghi rõ ngày thay bóng đèn"),
                             row("login", 403, 403, 403, 404, 302, 403, 403), "pending_answer"),
    "notifications.index": ("GET", lambda w, p: "/staff/notifications", None, STAFF,
                            "in_progress"),
    "notifications.mark_read": ("POST", lambda w, p: "/staff/notifications/read", lambda w: {},
                                row("login", 403, 403, 302, 302, 302, 302, 302), "in_progress"),
    "deadlines.calendar": ("GET", lambda w, p: "/admin/calendar", None, ADMIN_ONLY, "received"),
    "deadlines.calendar POST": ("POST", lambda w, p: "/admin/calendar",
                                lambda w: {"day": "2026-12-31", "kind": "day_off",
                                           "reason": "Nghỉ theo quyết định của tỉnh"},
                                row("login", 403, 403, 403, 403, 403, 403, 302), "in_progress"),
    "deadlines.delete_calendar_day": ("POST", lambda w, p: f"/admin/calendar/{_calendar_entry(w)}/delete",
                                      lambda w: {}, row("login", 403, 403, 403, 403, 403, 403, 302),
                                      "received"),
    "deadlines.rules": ("GET", lambda w, p: "/admin/rules", None, ADMIN_ONLY, "received"),
    # Dialogue sessions: public pages, then the leaders' side (p is the session).
    "dialogues.index": ("GET", lambda w, p: "/dialogues?province=01", None, everyone(200),
                        "session_announced"),
    "dialogues.calendar": ("GET", lambda w, p: "/dialogues/calendar", None, everyone(200),
                           "session_announced"),
    "dialogues.session": ("GET", lambda w, p: f"/dialogues/{p.id}", None, everyone(200),
                          "session_announced"),
    "dialogues.question": ("POST", lambda w, p: f"/dialogues/{p.id}/questions",
                           lambda w: {f"question-{k}": v for k, v in _petition_form(w).items()},
                           everyone(302), "session_announced"),
    "dialogues.request_session": ("POST", lambda w, p: "/dialogues/request",
                                  lambda w: {"province": "01", "commune": "Hoàn Kiếm"},
                                  row("login", 302, 302, 302, 302, 302, 302, 302),
                                  "session_draft"),
    "dialogues_staff.index": ("GET", lambda w, p: "/staff/dialogues", None, STAFF,
                              "session_draft"),
    "dialogues_staff.calendar": ("GET", lambda w, p: "/staff/dialogues/calendar", None, STAFF,
                                 "session_draft"),
    "dialogue_oversight.compliance_page": ("GET", lambda w, p: "/staff/dialogues/compliance", None,
                                        STAFF, "session_draft"),
    "dialogues_staff.leader_history": ("GET", lambda w, p: f"/staff/dialogues/leaders/{w.leader.id}",
                                       None, SEES_A, "session_draft"),
    "dialogues_staff.new": ("POST", lambda w, p: "/staff/dialogues/new", _session_form,
                            row("login", 403, 403, 403, 403, 302, 403, 403), "session_draft"),
    "dialogues_staff.session": ("GET", lambda w, p: f"/staff/dialogues/{p.id}", None, SEES_A,
                                "session_draft"),
    "dialogues_staff.briefing": ("GET", lambda w, p: f"/staff/dialogues/{p.id}/briefing", None,
                                 SEES_A, "session_announced"),
    "dialogues_staff.edit": ("POST", lambda w, p: f"/staff/dialogues/{p.id}/edit", _session_form,
                             MANAGES_A, "session_draft"),
    "dialogues_staff.add_agenda_item": ("POST", lambda w, p: f"/staff/dialogues/{p.id}/agenda",
                                        _with("agenda", title="Người dân phát biểu"), MANAGES_A,
                                        "session_draft"),
    "dialogues_staff.move_agenda_item": (
        "POST", lambda w, p: f"/staff/dialogues/{p.id}/agenda/{p.agenda[0].id}/move",
        lambda w: {"direction": "down"}, MANAGES_A, "session_draft"),
    "dialogues_staff.remove_agenda_item": (
        "POST", lambda w, p: f"/staff/dialogues/{p.id}/agenda/{p.agenda[0].id}/delete",
        lambda w: {}, MANAGES_A, "session_draft"),
    "dialogues_staff.matters_arising": ("POST",
                                        lambda w, p: f"/staff/dialogues/{p.id}/matters-arising",
                                        lambda w: {}, MANAGES_A, "session_draft"),
    "dialogues_staff.announce": ("POST", lambda w, p: f"/staff/dialogues/{p.id}/announce",
                                 lambda w: {}, MANAGES_A, "session_draft"),
    "dialogues_staff.cancel": ("POST", lambda w, p: f"/staff/dialogues/{p.id}/cancel",
                               _with("cancel", reason="Trùng lịch tiếp xúc cử tri"), MANAGES_A,
                               "session_announced"),
    "dialogues_staff.held": ("POST", lambda w, p: f"/staff/dialogues/{p.id}/held",
                             _with("held", attendance_count="80"), MANAGES_A, "session_started"),
    "dialogue_room.raised": ("POST", lambda w, p: f"/staff/dialogues/{p.id}/raised",
                               lambda w: {"title": "Ngập úng phố Hàng Bạc",
                                          "body": "Mưa to là phố Hàng Bạc ngập sâu nửa mét.",
                                          "category": str(w.category.id), "outcome": "committed",
                                          "holder": f"{w.office_a.id}:{w.official.id}",
                                          "promised_on": str(clock.today_in_vietnam()
                                                             + timedelta(days=30))},
                               MANAGES_A, "session_started"),
    "dialogue_room.question_outcome": (
        "POST", lambda w, p: f"/staff/dialogues/{p.id}/questions/{p.items[0].id}/outcome",
        _question_outcome, MANAGES_A, "session_question"),
    "dialogue_room.record": ("POST", lambda w, p: f"/staff/dialogues/{p.id}/record",
                               lambda w: {"minutes": "## Ý kiến cử tri", "attendance_count": "80"},
                               MANAGES_A, "session_held"),
    "dialogue_room.conclusion": ("POST", lambda w, p: f"/staff/dialogues/{p.id}/conclusion",
                                   lambda w: {"number": "25/TB-UBND",
                                              "issued_on": str(clock.today_in_vietnam()),
                                              "text": "UBND phường giao các cơ quan giải quyết."},
                                   MANAGES_A, "session_held"),
    "dialogue_oversight.commune": ("GET", lambda w, p: f"/staff/dialogues/communes/{w.commune_a.id}",
                                None, SEES_A, "session_draft"),
    "dialogue_oversight.commune POST": ("POST",
                                     lambda w, p: f"/staff/dialogues/communes/{w.commune_a.id}",
                                     lambda w: {"voters": "20000"},
                                     row("login", 403, 403, 403, 404, 302, 403, 302),
                                     "session_draft"),
    "dialogue_rules.dialogue_rules": ("GET", lambda w, p: "/admin/dialogue-rules", None,
                                      ADMIN_ONLY, "session_draft"),
    "dialogue_rules.dialogue_rules POST": (
        "POST", lambda w, p: "/admin/dialogue-rules",
        lambda w: {"province": str(w.province.id), "notice_days": "7", "results_days": "10",
                   "min_sessions_per_year": "2", "request_threshold_percent": "10",
                   "valid_from": str(clock.today_in_vietnam() + timedelta(days=1)),
                   "legal_basis": "Quyết định của UBND Thành phố"},
        row("login", 403, 403, 403, 403, 403, 403, 302), "session_draft"),
    # Search is open to all; what each persona finds is tested in test_search_*.
    "search.index": ("GET", lambda w, p: "/search?q=den+duong", None, everyone(200), "received"),
    "search.suggest": ("GET", lambda w, p: "/search/suggest?q=den", None, everyone(200),
                       "received"),
    "search.similar_petitions": ("GET", lambda w, p: "/search/similar?unit=00070&title=Den+duong+hong",
                                 None, everyone(200), "received"),
    "api.search": ("GET", lambda w, p: "/api/v1/search?q=den+duong", None, everyone(200),
                   "received"),
    # Inspection: inspectors, leaders and admins read figures in their scope.
    "inspection.dashboard": ("GET", lambda w, p: "/staff/inspection/", None, INSPECTS, "received"),
    "inspection.drill": ("GET", lambda w, p: "/staff/inspection/petitions?figure=received", None,
                         INSPECTS, "received"),
    "inspection.overdue": ("GET", lambda w, p: "/staff/inspection/overdue", None, INSPECTS,
                           "received"),
    "inspection.scorecard": ("GET", lambda w, p: "/staff/inspection/scorecard", None, INSPECTS,
                             "received"),
    "inspection.findings": ("GET", lambda w, p: "/staff/inspection/findings", None, INSPECTS,
                            "received"),
    "inspection.new_finding": ("GET", lambda w, p: f"/staff/inspection/findings/new?petition={p.id}",
                               None, INSPECTS, "received"),
    # Only an inspector records findings; a leader or an admin is refused.
    "inspection.new_finding POST": (
        "POST", lambda w, p: f"/staff/inspection/findings/new?petition={p.id}",
        lambda w: {"severity": "note", "text": "Hồ sơ chưa được giao người xử lý sau ba ngày."},
        row("login", 403, 403, 403, 403, 403, 302, 403), "received"),
    "inspection.finding": ("GET", lambda w, p: f"/staff/inspection/findings/{p.id}", None,
                           INSPECTS, "finding"),
    # Only the leader of the unit replies.
    "inspection.finding POST": (
        "POST", lambda w, p: f"/staff/inspection/findings/{p.id}",
        lambda w: {"reply": "Đã giao cán bộ xử lý ngay trong ngày và nhắc nhở bộ phận một cửa."},
        row("login", 403, 403, 403, 403, 302, 403, 403), "finding"),
    "transparency.transparency": ("GET", lambda w, p: "/transparency?province=01", None,
                                  everyone(200), "received"),
    # Tokens: bad credentials for everyone (the matrix client has no JSON body).
    "api.issue_token": ("POST", lambda w, p: "/api/v1/auth/token", lambda w: {}, everyone(400),
                        "received"),
    "api.revoke_token": ("GET", lambda w, p: "/api/v1/auth/token", None, everyone(405),
                         "received"),
    # Session cookies are not bearer tokens: every persona needs a token.
    "api.response_times": ("GET", lambda w, p: "/api/v1/stats/response-times", None,
                           everyone(401), "received"),
    "api.units": ("GET", lambda w, p: "/api/v1/units?parent=01", None, everyone(200), "received"),
    "api.due_date": ("GET", lambda w, p: "/api/v1/calendar/due-date?start=2026-02-13&days=5&unit=working",
                     None, everyone(200), "received"),
    "api.categories": ("GET", lambda w, p: "/api/v1/categories", None, everyone(200), "received"),
    "api.openapi": ("GET", lambda w, p: "/api/v1/openapi.json", None, everyone(200), "received"),
    "api_docs.page": ("GET", lambda w, p: "/developers/api", None, everyone(200), "received"),
    # The matrix posts forms; the API reads JSON and names the body as wrong.
    "api.submit": ("POST", lambda w, p: "/api/v1/petitions", lambda w: {}, everyone(400),
                   "received"),
    "api.petition": ("GET", lambda w, p: f"/api/v1/petitions/{p.tracking_code}", None,
                  everyone(200), "received"),
    "api.rate": ("POST", lambda w, p: f"/api/v1/petitions/{p.tracking_code}/rating",
                 lambda w: {}, everyone(400), "answered"),
    "api.sessions": ("GET", lambda w, p: "/api/v1/sessions", None, everyone(200),
                     "session_announced"),
    "api.session": ("GET", lambda w, p: f"/api/v1/sessions/{p.id}", None, everyone(200),
                    "session_announced"),
    # Staff routes of the API: a signed-in browser is no identity there. Who
    # may do what with a token is in test_api_permissions.
    **{f"api.{name}": (method, lambda w, p, tail=tail: f"/api/v1/{tail.format(p=p)}",
                       None if method == "GET" else (lambda w: {}), everyone(401), state)
       for name, method, tail, state in (
           ("staff_petitions", "GET", "petitions", "received"),
           ("petition staff", "GET", "petitions/{p.id}", "received"),
           ("holders", "GET", "petitions/{p.id}/holders", "accepted"),
           ("acknowledge", "POST", "petitions/{p.id}/acknowledge", "received"),
           ("reject", "POST", "petitions/{p.id}/reject", "received"),
           ("assign", "POST", "petitions/{p.id}/assign", "accepted"),
           ("transfer", "POST", "petitions/{p.id}/transfer", "assigned"),
           ("answer", "POST", "petitions/{p.id}/answer", "assigned"),
           ("approve", "POST", "petitions/{p.id}/answer/approve", "pending_answer"),
           ("return_answer", "POST", "petitions/{p.id}/answer/return", "pending_answer"),
           ("merge", "POST", "petitions/{p.id}/merge", "received"),
           ("send_back", "POST", "petitions/{p.id}/send-back", "transferred"),
           ("mark_complex", "POST", "petitions/{p.id}/complex", "complaint"),
           ("request_extension", "POST", "petitions/{p.id}/extension", "in_progress"),
           ("decide_extension", "POST", "petitions/{p.id}/extension/decide",
            "pending_extension"),
           ("pause", "POST", "petitions/{p.id}/pause", "in_progress"),
           ("resume", "POST", "petitions/{p.id}/resume", "paused"),
           ("mine", "GET", "my/petitions", "received"),
           ("cancel_session", "POST", "sessions/{p.id}/cancel", "session_announced"),
           ("session_record", "POST", "sessions/{p.id}/record", "session_held"),
           ("create_session", "POST", "sessions", "session_draft"),
           ("announce_session", "POST", "sessions/{p.id}/announce", "session_draft"),
           ("session_held", "POST", "sessions/{p.id}/held", "session_started"),
           ("raised", "POST", "sessions/{p.id}/raised", "session_started"),
           ("conclusion", "POST", "sessions/{p.id}/conclusion", "session_held"),
       )},
    # Open311: programs hold a key; a signed-in browser gets nothing more
    # (a private petition stays 404 even for its sender's or its handler's session).
    "open311.discovery": ("GET", lambda w, p: "/open311/v2/discovery.json", None, everyone(200),
                          "received"),
    "open311.services_list": ("GET", lambda w, p: "/open311/v2/services.xml", None,
                              everyone(200), "received"),
    "open311.service_definition": ("GET", lambda w, p: f"/open311/v2/services/{w.category.code}.json",
                                   None, everyone(200), "received"),
    "open311.list_requests": ("GET", lambda w, p: "/open311/v2/requests.json", None,
                              everyone(200), "public"),
    "open311.get_request": ("GET", lambda w, p: f"/open311/v2/requests/{p.id}.json", None,
                            everyone(200), "public"),
    "open311.get_request private": ("GET", lambda w, p: f"/open311/v2/requests/{p.id}.xml", None,
                                    everyone(404), "in_progress"),
    "open311.create_request": ("POST", lambda w, p: "/open311/v2/requests.json", _open311_request,
                               everyone(200), "received"),
    "open311.fallback": ("GET", lambda w, p: "/open311/v2/nothing.json", None, everyone(404),
                         "received"),
    "open311_admin.open311_keys": ("GET", lambda w, p: "/admin/open311", None, ADMIN_ONLY,
                                   "received"),
    "open311_admin.open311_keys POST": ("POST", lambda w, p: "/admin/open311",
                                        lambda w: {"name": "Ứng dụng phản ánh hiện trường"},
                                        row("login", 403, 403, 403, 403, 403, 403, 302),
                                        "received"),
    "open311_admin.revoke_open311_key": ("POST",
                                         lambda w, p: f"/admin/open311/{_open311_key(w)[1]}/revoke",
                                         lambda w: {},
                                         row("login", 403, 403, 403, 403, 403, 403, 302),
                                         "received"),
}

def _cookie_refused(endpoint: str) -> bool:
    """An API route that takes only a bearer token: every signed-in persona's
    cookie is the same nobody there, so one signed-in persona stands for all
    (test_api_permissions checks each persona's token)."""
    return endpoint.startswith("api.") and MATRIX[endpoint][3] == everyone(401)


CASES = [(endpoint, persona) for endpoint in MATRIX for persona in PERSONAS
         if not _cookie_refused(endpoint) or persona in ("anonymous", "leader")]


def test_every_route_is_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints == {key.split()[0] for key in MATRIX}, "add new routes to the matrix"


@pytest.mark.parametrize(("endpoint", "persona"), CASES, ids=[f"{e}-{p}" for e, p in CASES])
def test_route_answers_each_persona_as_expected(client, world, endpoint, persona):
    method, url, data, expected, state = MATRIX[endpoint]
    # The resident's petition in commune A, in the state the route acts on;
    # when handled, world.official holds it.
    petition = prepare(world, state)
    if persona != "anonymous":
        login(client, getattr(world, persona))
    target = url(world, petition)
    if method == "GET":
        response = client.get(target)
    else:
        response = post_form(client, target, data(world))
    want = expected[persona]
    if want == "login":
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/account/login")
    else:
        assert response.status_code == want, response.get_data(as_text=True)[:500]
        if want == 302:
            assert not response.headers["Location"].startswith("/account/login")
