"""The inspector's pages as inspectors and leaders use them: figures with
drill-down, the overdue register as of a day, CSV exports, the scorecard and
findings answered by the unit's leader."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
import sqlalchemy as sa

from portal.accounts.models import Role
from portal.extensions import db
from portal.inspection.models import Finding
from portal.notifications.models import Notification
from tests import factories
from tests.conftest import login, post_form
from tests.scenarios import accept, answer, assign, at, submit


@pytest.fixture
def march(world, clock):
    """Commune A: one answered on time, one late, one overdue; commune C
    (another province) one overdue."""
    on_time = accept(world, clock, submit(world, clock, date(2026, 3, 2)), date(2026, 3, 2))
    late = accept(world, clock, submit(world, clock, date(2026, 3, 2), title="Rác thải ùn ứ chợ"),
                  date(2026, 3, 4))
    overdue = accept(world, clock, submit(world, clock, date(2026, 3, 2), title="Nắp cống vỡ"),
                     date(2026, 3, 2))
    for petition in (on_time, late, overdue):
        assign(world, petition)
    answer(world, clock, on_time, date(2026, 3, 20))
    answer(world, clock, late, date(2026, 3, 27))
    clock.set(at(date(2026, 3, 2)))
    elsewhere = world.petition(at=world.commune_c, title="Đường liên xã sạt lở")
    clock.set(at(date(2026, 4, 10)))
    return on_time, late, overdue, elsewhere


Q1 = {"start": "2026-01-01", "end": "2026-03-31", "as_of": "2026-03-31"}


def rows_of(response) -> list[list[str]]:
    body = response.get_data(as_text=True)
    assert body.startswith("\ufeff"), "Excel needs the byte-order mark to read Vietnamese"
    return list(csv.reader(io.StringIO(body[1:])))


def test_the_dashboard_shows_on_time_rates_per_commune_with_drill_down(client, world, march):
    login(client, world.inspector)
    page = client.get("/staff/inspection/", query_string=Q1)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Phường Hoàn Kiếm" in html
    assert "Xã Diên Khánh" not in html, "commune C lies outside the inspector's province"
    assert "50.0%" in html  # one of two answered on time
    assert "Ai giữ hồ sơ và bao lâu" in html and "Trần Văn Minh" in html
    drill = client.get("/staff/inspection/petitions",
                       query_string={**Q1, "figure": "answered_late"})
    text = drill.get_data(as_text=True)
    assert march[1].tracking_code in text and march[0].tracking_code not in text


def test_the_overdue_register_shows_an_earlier_day(client, world, march):
    login(client, world.inspector)
    on_24_march = client.get("/staff/inspection/overdue", query_string={"as_of": "2026-03-24"})
    html = on_24_march.get_data(as_text=True)
    assert march[2].tracking_code in html, "due 23/03, overdue on 24/03"
    assert march[1].tracking_code not in html, "due 25/03, still in time on 24/03"
    assert "Trần Văn Minh" in html  # who held it
    later = client.get("/staff/inspection/overdue", query_string={"as_of": "2026-03-26"})
    assert march[1].tracking_code in later.get_data(as_text=True)


def test_exports_are_excel_ready_and_leave_out_residents_details(client, world, march):
    login(client, world.inspector)
    register = rows_of(client.get("/staff/inspection/overdue",
                                  query_string={"as_of": "2026-03-31", "format": "csv"}))
    assert register[0][:3] == ["ma_ho_so", "tieu_de", "xa_phuong"]
    assert [r[0] for r in register[1:]] == [march[2].tracking_code]
    listed = rows_of(client.get("/staff/inspection/petitions",
                                query_string={**Q1, "figure": "received", "format": "csv"}))
    assert len(listed) == 4
    flat = repr(listed)
    assert "Nguyễn Văn An" not in flat and "0912345678" not in flat and "an@example.com" not in flat
    figures = rows_of(client.get("/staff/inspection/", query_string={**Q1, "format": "csv"}))
    total = figures[-1]
    assert total[0] == "Tổng cộng" and total[2:6] == ["3", "2", "1", "1"]


def test_a_leader_sees_the_senders_name_in_exports_unless_hidden(client, world, march):
    login(client, world.leader)
    listed = rows_of(client.get("/staff/inspection/petitions",
                                query_string={**Q1, "figure": "received", "format": "csv"}))
    assert {r[-1] for r in listed[1:]} == {"Nguyễn Văn An"}


def test_a_title_cannot_become_a_spreadsheet_formula(client, world, clock):
    clock.set(at(date(2026, 3, 2)))
    world.petition(title="=HYPERLINK(\"http://x\")")
    clock.set(at(date(2026, 4, 10)))
    login(client, world.inspector)
    listed = rows_of(client.get("/staff/inspection/petitions", query_string={
        "start": "2026-03-01", "end": "2026-03-31", "as_of": "2026-03-31", "figure": "received",
        "format": "csv"}))
    assert listed[1][1].startswith("'=")


def test_bad_dates_get_a_clear_message_not_an_error(client, world, march):
    login(client, world.inspector)
    response = client.get("/staff/inspection/", query_string={"start": "2026-03-31",
                                                               "end": "2026-01-01"})
    assert response.status_code == 400
    assert "Ngày kết thúc phải sau ngày bắt đầu" in response.get_data(as_text=True)
    outside = client.get("/staff/inspection/", query_string={"unit": world.commune_c.code})
    assert outside.status_code == 400
    assert "ngoài phạm vi" in outside.get_data(as_text=True)


def test_officials_and_residents_may_not_read_the_figures(client, world):
    login(client, world.official)
    assert client.get("/staff/inspection/").status_code == 403
    login(client, world.resident)
    assert client.get("/staff/inspection/overdue").status_code == 403


def test_inspectors_read_petitions_but_cannot_act_on_them(client, world, march):
    login(client, world.inspector)
    petition = march[2]
    page = client.get(f"/staff/petitions/{petition.id}")
    assert page.status_code == 200
    assert "Nguyễn Văn An" not in page.get_data(as_text=True)
    response = post_form(client, f"/staff/petitions/{petition.id}/transfer",
                         {"holder": f"{world.office_a.id}:{world.leader.id}",
                          "reason": "Thử chuyển hồ sơ khi chỉ có quyền xem"})
    assert response.status_code in (403, 404)


def test_the_monthly_scorecard_lists_officials_and_units(client, world, march):
    login(client, world.inspector)
    page = client.get("/staff/inspection/scorecard", query_string={"month": "2026-03"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Trần Văn Minh" in html and "Phường Hoàn Kiếm" in html
    assert "03/2026" in html


def test_a_finding_is_answered_by_the_units_leader(client, world, march):
    petition = march[2]
    login(client, world.inspector)
    response = post_form(client, f"/staff/inspection/findings/new?petition={petition.id}",
                         {"severity": "serious",
                          "text": "Hồ sơ quá hạn 8 ngày mà không có văn bản gia hạn."})
    assert response.status_code == 302
    finding = db.session.scalar(sa.select(Finding))
    assert finding.unit == world.commune_a and finding.is_open
    assert db.session.scalar(sa.select(Notification).where(
        Notification.user_id == world.leader.id, Notification.kind == "finding"))

    login(client, world.official)
    assert client.get(f"/staff/inspection/findings/{finding.id}").status_code == 403

    login(client, world.leader)
    listed = client.get("/staff/inspection/findings").get_data(as_text=True)
    assert f"#{finding.id}" in listed
    short = post_form(client, f"/staff/inspection/findings/{finding.id}", {"reply": "Đã rõ"})
    assert short.status_code == 422
    reply = post_form(client, f"/staff/inspection/findings/{finding.id}",
                      {"reply": "Đã giao trả lời trước ngày 15/04 và kiểm điểm cán bộ."})
    assert reply.status_code == 302
    assert f"#{finding.id}" not in client.get("/staff/inspection/findings").get_data(as_text=True)

    login(client, world.inspector)
    closed = post_form(client, f"/staff/inspection/findings/{finding.id}", {"action": "close"})
    assert closed.status_code == 302
    db.session.expire_all()
    assert db.session.get(Finding, finding.id).closed_at is not None


def test_inspectors_elsewhere_cannot_see_or_record_findings(client, world, march):
    stranger = factories.user(role=Role.INSPECTOR, unit_scope=world.other_province)
    db.session.commit()
    login(client, stranger)
    response = post_form(client, f"/staff/inspection/findings/new?petition={march[2].id}",
                         {"severity": "note", "text": "Không thuộc phạm vi thanh tra của tôi."})
    assert response.status_code == 404
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Finding)) == 0


def test_a_finding_about_an_official_goes_to_their_units_leader(client, world, march):
    login(client, world.inspector)
    response = post_form(client, f"/staff/inspection/findings/new?official={world.official.id}",
                         {"severity": "note",
                          "text": "Cán bộ giữ nhiều hồ sơ quá hạn trong quý I năm 2026."})
    assert response.status_code == 302
    finding = db.session.scalar(sa.select(Finding))
    assert finding.official == world.official and finding.unit == world.commune_a


def test_the_transparency_page_shows_each_communes_figures_without_names(client, world, march):
    from portal.inspection.transparency import forget

    forget()
    page = client.get("/transparency", query_string={"province": "01"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Phường Hoàn Kiếm" in html and "Phường Ba Đình" in html
    assert "50.0%" in html  # two answered in the last twelve months, one on time
    for private in ("Nguyễn Văn An", "Trần Văn Minh", march[0].tracking_code, "Rác thải"):
        assert private not in html
    national = client.get("/transparency").get_data(as_text=True)
    assert "Thành phố Hà Nội" in national and "Tỉnh Khánh Hoà" in national
