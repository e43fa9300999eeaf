"""Dialogue sessions through /api/v1: a leader's program plans, announces,
records the room and publishes the conclusion; anyone reads the notices
and sends questions beforehand."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from portal.dialogues.models import ItemStage, SessionItem
from portal.extensions import db
from portal.petitions.models import Channel, Petition
from tests.scenarios import at
from tests.test_api_petitions import NEW, bearer
from tests.test_api_stats import token_for

TODAY = date(2026, 3, 2)
DAY = date(2026, 3, 20)

PLAN = {
    "commune_code": "00070",
    "title": "Hội nghị đối thoại giữa Chủ tịch UBND phường với Nhân dân",
    "theme": "Chiếu sáng và vệ sinh môi trường",
    "starts_on": DAY.isoformat(), "starts_time": "08:00", "ends_time": "11:00",
    "format": "in_person", "venue": "Hội trường UBND phường",
    "chair_title": "Chủ tịch UBND phường",
    "agenda": [{"title": "Báo cáo tình hình giải quyết kiến nghị",
                "presenter": "Chủ tịch UBND phường"}],
}


def _plan(client, world, clock, **changes):
    clock.set(at(TODAY))
    leader = token_for(client, world.leader)
    return leader, client.post("/api/v1/sessions", headers=bearer(leader),
                               json={**PLAN, **changes})


def test_a_leader_plans_announces_holds_and_concludes(client, world, clock):
    leader, planned = _plan(client, world, clock)
    assert planned.status_code == 201, planned.get_json()
    session = planned.get_json()
    url = f"/api/v1/sessions/{session['id']}"
    assert session["status"]["code"] == "draft"
    assert session["agenda"][0]["title"].startswith("Báo cáo")
    assert session["starts_at"] == "2026-03-20T08:00:00+07:00"
    # A draft is not public yet.
    assert client.get(url).status_code == 404
    assert client.get("/api/v1/sessions").get_json()["meta"]["total"] == 0

    announced = client.post(url + "/announce", headers=bearer(leader))
    assert announced.status_code == 200, announced.get_json()
    listed = client.get("/api/v1/sessions", query_string={"upcoming": "true",
                                                          "commune": "00070"}).get_json()
    assert [s["id"] for s in listed["items"]] == [session["id"]]
    assert client.get(url).get_json()["accepts_questions"] is True

    question = client.post("/api/v1/petitions", json={**NEW, "commune_code": None,
                                                      "session_id": session["id"]})
    assert question.status_code == 201, question.get_json()
    asked = db.session.scalar(sa.select(Petition).where(
        Petition.tracking_code == question.get_json()["tracking_code"]))
    assert asked.channel == Channel.SESSION
    assert db.session.scalar(sa.select(SessionItem.stage).where(
        SessionItem.petition_id == asked.id)) == ItemStage.QUESTION

    clock.set(at(DAY, 9))
    raised = client.post(url + "/raised", headers=bearer(leader), json={
        "title": "Thoát nước phố Hàng Bạc",
        "body": "Mỗi khi mưa to, phố Hàng Bạc ngập sâu, đề nghị cải tạo cống.",
        "speaker_name": "Ông Nguyễn Văn Tư", "category": "chieu-sang",
        "outcome": "committed", "office_id": world.office_a.id,
        "official_id": world.official.id, "promised_on": "2026-05-15"})
    assert raised.status_code == 201, raised.get_json()
    assert raised.get_json()["outcome"] == "committed"

    held = client.post(url + "/held", headers=bearer(leader),
                       json={"attendance": 140, "organisations": "Ủy ban MTTQ phường"})
    assert held.status_code == 200, held.get_json()
    clock.set(at(DAY + timedelta(days=4)))
    concluded = client.post(url + "/conclusion", headers=bearer(leader), json={
        "number": "25/TB-UBND", "issued_on": "2026-03-24",
        "text": "UBND phường giao các cơ quan giải quyết các kiến nghị như sau."})
    assert concluded.status_code == 200, concluded.get_json()

    public = client.get(url).get_json()
    assert public["conclusion"]["number"] == "25/TB-UBND"
    assert [c["title"] for c in public["commitments"]] == ["Thoát nước phố Hàng Bạc"]
    assert public["commitments"][0]["promised_on"] == "2026-05-15"
    assert "Ông Nguyễn Văn Tư" not in client.get(url).get_data(as_text=True)


def test_planning_errors_are_named(client, world, clock):
    _leader, response = _plan(client, world, clock, starts_on="20/03/2026", title="",
                              format="by-pigeon")
    assert response.status_code == 400
    assert {"starts_on", "title", "format"} <= set(response.get_json()["error"]["fields"])
    _leader, outside = _plan(client, world, clock, commune_code=world.commune_c.code)
    assert "commune_code" in outside.get_json()["error"]["fields"]


def test_only_the_communes_leaders_manage_its_sessions(client, world, clock):
    leader, planned = _plan(client, world, clock)
    url = f"/api/v1/sessions/{planned.get_json()['id']}"
    official = token_for(client, world.official)
    assert client.post("/api/v1/sessions", headers=bearer(official),
                       json=PLAN).status_code == 403
    assert client.post(url + "/announce", headers=bearer(official)).status_code == 403
    inspector = token_for(client, world.inspector)
    assert client.get(url, headers=bearer(inspector)).get_json()["status"]["code"] == "draft"
    assert client.post(url + "/announce").status_code == 401
    early = client.post(url + "/conclusion", headers=bearer(leader), json={
        "number": "1/TB", "issued_on": "2026-03-02", "text": "Kết luận"})
    assert early.status_code == 422


def test_bad_list_filters_are_named(client, world):
    response = client.get("/api/v1/sessions", query_string={"upcoming": "soon",
                                                            "province": "99"})
    assert response.status_code == 400
    assert set(response.get_json()["error"]["fields"]) == {"upcoming", "province"}


def test_minutes_are_recorded_and_a_planned_session_can_be_cancelled(client, world, clock):
    leader, planned = _plan(client, world, clock)
    url = f"/api/v1/sessions/{planned.get_json()['id']}"
    client.post(url + "/announce", headers=bearer(leader))
    clock.set(at(DAY, 9))
    recorded = client.post(url + "/record", headers=bearer(leader), json={
        "attendance": 120, "minutes": "## Ý kiến\n**Ông Tư** phản ánh ngập úng.<script>x</script>"})
    assert recorded.status_code == 200, recorded.get_json()
    assert "<strong>Ông Tư</strong>" in recorded.get_json()["minutes_html"]
    assert "<script>" not in recorded.get_json()["minutes_html"]
    # The public notice never carries the minutes.
    assert "minutes_html" not in client.get(url).get_json()

    clock.set(at(TODAY))
    other, second = _plan(client, world, clock, title="Hội nghị đối thoại bổ sung")
    second_url = f"/api/v1/sessions/{second.get_json()['id']}"
    client.post(second_url + "/announce", headers=bearer(other))
    cancelled = client.post(second_url + "/cancel", headers=bearer(other),
                            json={"reason": "Trùng lịch tiếp xúc cử tri của HĐND"})
    assert cancelled.status_code == 200, cancelled.get_json()
    assert cancelled.get_json()["status"]["code"] == "cancelled"
    assert cancelled.get_json()["cancel_reason"].startswith("Trùng lịch")
