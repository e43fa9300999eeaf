"""Open311 keys: an admin issues them on /admin/open311 or from the command
line, sees each clear key once, and revokes them."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from portal.open311.models import Open311Client
from tests.conftest import login, post_form
from tests.test_open311 import georeport, send

KEY = re.compile(r"o311_[A-Za-z0-9_-]{43}")


def _issue_on_the_page(client, name="Ứng dụng Phản ánh hiện trường Hà Nội"):
    response = post_form(client, "/admin/open311", {"name": name})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    [key] = KEY.findall(page)
    return key, page


@pytest.mark.parametrize(("persona", "status"), [
    ("resident", 403), ("official", 403), ("leader", 403), ("inspector", 403), ("admin", 200)])
def test_only_admins_open_the_key_page(client, world, persona, status):
    login(client, getattr(world, persona))
    assert client.get("/admin/open311").status_code == status


def test_anonymous_visitors_are_sent_to_log_in(client, world):
    response = client.get("/admin/open311")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/account/login")


def test_an_issued_key_is_shown_once_and_works(client, world, db):
    login(client, world.admin)
    key, page = _issue_on_the_page(client)
    assert "không hiển thị lại" in page
    # Shown once: the next visit lists the program, never its key.
    again = client.get("/admin/open311").get_data(as_text=True)
    assert key not in again and "Ứng dụng Phản ánh hiện trường Hà Nội" in again
    stored = db.session.scalar(sa.select(Open311Client))
    assert key not in stored.key_hash and len(stored.key_hash) == 64
    assert stored.created_by_id == world.admin.id
    georeport(send(client, key), "created")
    listed = client.get("/admin/open311").get_data(as_text=True)
    assert "Chưa dùng" not in listed  # its last use is shown


def test_a_name_is_required(client, world):
    login(client, world.admin)
    response = post_form(client, "/admin/open311", {"name": "  "})
    assert response.status_code == 400
    assert "Vui lòng ghi tên ứng dụng" in response.get_data(as_text=True)


def test_revoking_stops_the_key(client, world, db):
    login(client, world.admin)
    key, _page = _issue_on_the_page(client)
    record = db.session.scalar(sa.select(Open311Client))
    response = post_form(client, f"/admin/open311/{record.id}/revoke")
    assert response.status_code == 302
    assert "Đã thu hồi" in client.get("/admin/open311").get_data(as_text=True)
    georeport(send(client, key), "errors", 403)
    assert client.get("/open311/v2/requests.json",
                      query_string={"api_key": key}).status_code == 403


def test_revoking_needs_the_form_token(client, world, db):
    login(client, world.admin)
    _issue_on_the_page(client)
    record = db.session.scalar(sa.select(Open311Client))
    forged = client.post(f"/admin/open311/{record.id}/revoke",
                         headers={"Origin": "https://evil.example"})
    assert forged.status_code == 400
    client.post(f"/admin/open311/{record.id}/revoke")  # same site, token missing
    db.session.expire_all()
    assert db.session.get(Open311Client, record.id).revoked_at is None


def invoke(app, *args):
    return app.test_cli_runner().invoke(args=["open311", *args])


def test_the_command_line_issues_lists_and_revokes(app, client, world, db):
    issued = invoke(app, "issue-key", "Tổng đài 1022")
    assert issued.exit_code == 0, issued.output
    [key] = KEY.findall(issued.output)
    georeport(send(client, key), "created")

    listed = invoke(app, "list-keys")
    assert "Tổng đài 1022" in listed.output and "đang dùng" in listed.output
    assert "đã gửi 1 phản ánh" in listed.output and key not in listed.output

    record = db.session.scalar(sa.select(Open311Client))
    revoked = invoke(app, "revoke-key", str(record.id))
    assert revoked.exit_code == 0 and "Đã thu hồi" in revoked.output
    assert "từ trước" in invoke(app, "revoke-key", str(record.id)).output
    assert "thu hồi" in invoke(app, "list-keys").output
    georeport(send(client, key), "errors", 403)

    assert invoke(app, "revoke-key", "999").exit_code != 0
    assert invoke(app, "issue-key", "").exit_code != 0
