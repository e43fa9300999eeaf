"""Every staff route of the API answers each persona's token as the web page
for the same action answers that persona's session: same permission checks,
per role and per unit. The web side's expectations are the permission
matrix's, so the two cannot drift apart."""

from __future__ import annotations

from datetime import timedelta

import pytest

from portal import clock
from portal.api import tokens
from portal.extensions import db
from tests.test_permissions_matrix import ANSWER, MATRIX, PERSONAS, prepare


def _session_plan(w):
    day = clock.today_in_vietnam() + timedelta(days=40)
    return {"commune_code": w.commune_a.code, "title": "Hội nghị đối thoại quý II",
            "starts_on": day.isoformat(), "starts_time": "08:00", "format": "in_person",
            "venue": "Hội trường UBND phường"}


# API endpoint: (its web twin in the matrix, method, path, JSON body).
TWINS = {
    "api.staff_petitions": ("staff.petitions", "GET", lambda w, p: "petitions", None),
    "api.petition staff": ("staff.petition", "GET", lambda w, p: f"petitions/{p.id}", None),
    "api.acknowledge": ("staff.accept", "POST", lambda w, p: f"petitions/{p.id}/acknowledge",
                        lambda w: {}),
    "api.reject": ("staff.reject", "POST", lambda w, p: f"petitions/{p.id}/reject",
                   lambda w: {"reason": "Đã giải quyết tại văn bản số 12."}),
    "api.assign": ("handling.assign", "POST", lambda w, p: f"petitions/{p.id}/assign",
                   lambda w: {"office_id": w.office_a.id, "official_id": w.official.id}),
    "api.transfer": ("handling.transfer", "POST", lambda w, p: f"petitions/{p.id}/transfer",
                     lambda w: {"office_id": w.office_b.id, "official_id": w.other_official.id,
                                "reason": "Thuộc địa bàn phường Ba Đình"}),
    "api.answer": ("answers.answer", "POST", lambda w, p: f"petitions/{p.id}/answer",
                   lambda w: {"body": ANSWER, "submit": False}),
    "api.approve": ("answers.approve", "POST", lambda w, p: f"petitions/{p.id}/answer/approve",
                    lambda w: {}),
    "api.return_answer": ("answers.return_draft", "POST",
                          lambda w, p: f"petitions/{p.id}/answer/return",
                          lambda w: {"note": "Ghi rõ ngày thay bóng đèn"}),
    "api.merge": ("staff.merge", "POST", lambda w, p: f"petitions/{p.id}/merge",
                  lambda w: {"target": "KN-00-0000-0000"}),
    "api.send_back": ("handling.send_back", "POST", lambda w, p: f"petitions/{p.id}/send-back",
                      lambda w: {"reason": "Không thuộc địa bàn Ba Đình"}),
    "api.mark_complex": ("handling.mark_complex", "POST",
                         lambda w, p: f"petitions/{p.id}/complex",
                         lambda w: {"reason": "Nhiều hộ dân liên quan"}),
    "api.request_extension": ("handling.request_extension", "POST",
                              lambda w, p: f"petitions/{p.id}/extension",
                              lambda w: {"reason": "Chờ kết quả đo đạc"}),
    "api.decide_extension": ("handling.decide_extension", "POST",
                             lambda w, p: f"petitions/{p.id}/extension/decide",
                             lambda w: {"decision": "approve"}),
    "api.pause": ("handling.pause", "POST", lambda w, p: f"petitions/{p.id}/pause",
                  lambda w: {"reason": "Chờ người dân bổ sung ảnh"}),
    "api.resume": ("handling.resume", "POST", lambda w, p: f"petitions/{p.id}/resume",
                   lambda w: {}),
    "api.cancel_session": ("dialogues_staff.cancel", "POST",
                           lambda w, p: f"sessions/{p.id}/cancel",
                           lambda w: {"reason": "Trùng lịch tiếp xúc cử tri"}),
    "api.session_record": ("dialogue_room.record", "POST", lambda w, p: f"sessions/{p.id}/record",
                           lambda w: {"minutes": "## Ý kiến cử tri", "attendance": 80}),
    "api.create_session": ("dialogues_staff.new", "POST", lambda w, p: "sessions", _session_plan),
    "api.announce_session": ("dialogues_staff.announce", "POST",
                             lambda w, p: f"sessions/{p.id}/announce", lambda w: {}),
    "api.session_held": ("dialogues_staff.held", "POST", lambda w, p: f"sessions/{p.id}/held",
                         lambda w: {"attendance": 80}),
    "api.raised": ("dialogue_room.raised", "POST", lambda w, p: f"sessions/{p.id}/raised",
                   lambda w: {"title": "Ngập úng phố Hàng Bạc",
                              "body": "Mưa to là phố Hàng Bạc ngập sâu nửa mét.",
                              "category": w.category.code, "outcome": "committed",
                              "office_id": w.office_a.id, "official_id": w.official.id,
                              "promised_on": str(clock.today_in_vietnam()
                                                 + timedelta(days=30))}),
    "api.conclusion": ("dialogue_room.conclusion", "POST",
                       lambda w, p: f"sessions/{p.id}/conclusion",
                       lambda w: {"number": "25/TB-UBND",
                                  "issued_on": str(clock.today_in_vietnam()),
                                  "text": "UBND phường giao các cơ quan giải quyết."}),
}

CASES = [(endpoint, persona) for endpoint in TWINS for persona in PERSONAS]


def test_every_staff_route_of_the_api_has_a_twin(app):
    token_routes = {key for key, entry in MATRIX.items()
                    if key.startswith("api.") and entry[3]["resident"] == 401
                    and key not in ("api.response_times", "api.holders", "api.mine")}
    assert token_routes == set(TWINS)


@pytest.mark.parametrize(("persona", "status"), [
    ("resident", 403), ("official", 403), ("other_official", 404), ("leader", 200),
    ("inspector", 403)])
def test_who_may_list_the_possible_holders(client, world, persona, status):
    """Those who may assign or transfer the petition; the page shows the same
    list only inside those two forms."""
    record = prepare(world, "accepted")
    token, _record = tokens.issue(getattr(world, persona))
    db.session.commit()
    response = client.get(f"/api/v1/petitions/{record.id}/holders",
                          headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == status
    if status == 200:
        assert {h["official_id"] for h in response.get_json()["items"]} >= {world.official.id}


def _expected(web_status, method: str):
    if web_status == "login":
        return {401}
    if web_status == 302:
        return {200, 201}
    return {web_status}


@pytest.mark.parametrize(("endpoint", "persona"), CASES, ids=[f"{e}-{p}" for e, p in CASES])
def test_the_api_answers_as_the_web_page_does(client, world, endpoint, persona):
    web, method, path, body = TWINS[endpoint]
    web_statuses, state = MATRIX[web][3], MATRIX[web][4]
    record = prepare(world, state)
    headers = {}
    if persona != "anonymous":
        token, _record = tokens.issue(getattr(world, persona))
        db.session.commit()
        headers["Authorization"] = f"Bearer {token}"
    url = "/api/v1/" + path(world, record)
    if method == "GET":
        response = client.get(url, headers=headers)
    else:
        response = client.post(url, headers=headers, json=body(world))
    assert response.status_code in _expected(web_statuses[persona], method), (
        response.get_json())
    assert response.is_json or response.status_code == 204
