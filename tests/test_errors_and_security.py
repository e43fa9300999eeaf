"""Errors people see, CSRF, rate limits and response headers."""

import re

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from portal import create_app
from portal.extensions import db
from portal.petitions.models import Category, Petition
from tests.conftest import csrf_token, login, post_form
from tests.test_petitions_views import form_data


def count_petitions() -> int:
    return db.session.scalar(sa.select(sa.func.count(Petition.id)))


def test_expired_form_says_so_and_keeps_what_was_typed(client, world):
    client.get("/")  # a session exists, but the page's token is stale
    data = form_data(world, title="Nội dung tôi đã gõ rất lâu", csrf_token="expired-token")
    response = client.post("/petitions/new", data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Biểu mẫu đã hết hạn" in page
    assert 'value="Nội dung tôi đã gõ rất lâu"' in page
    assert count_petitions() == 0
    # The page carries a fresh token: sending again works.
    fresh = post_form(client, "/petitions/new", form_data(world))
    assert fresh.status_code == 302


def test_a_signed_in_official_without_token_changes_nothing(client, world):
    petition = world.petition()
    login(client, world.official)
    client.get("/")
    for action, data in [("accept", {}), ("reject", {"reject-reason": "Lý do đủ dài để ghi."})]:
        response = client.post(f"/staff/petitions/{petition.id}/{action}", data=data)
        assert response.status_code == 400, action
        assert "Biểu mẫu đã hết hạn" in response.get_data(as_text=True)
    db.session.refresh(petition)
    assert petition.status == "received" and len(petition.events) == 1


def test_language_and_logout_need_the_token(client, world):
    login(client, world.resident)
    client.post("/language/en", data={})
    client.post("/account/logout", data={})
    with client.session_transaction() as session:
        assert "lang" not in session
        assert session.get("_user_id") == str(world.resident.id)


@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example.com"},
    {"Sec-Fetch-Site": "cross-site"},
    {"Referer": "https://evil.example.com/form.html"},
])
def test_a_forged_cross_site_post_gets_no_prefilled_form(client, world, headers):
    data = form_data(world, title="Tiêu đề do kẻ xấu điền sẵn")
    response = client.post("/petitions/new", data=data, headers=headers)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Tiêu đề do kẻ xấu điền sẵn" not in page
    assert 'name="title"' not in page, "no petition form to send with one click"
    assert count_petitions() == 0


def test_concurrent_handlers_cannot_both_win(client, world):
    from sqlalchemy.orm.exc import StaleDataError

    from portal.petitions.services import reject_petition

    petition = world.petition()
    assert petition.status == "received"  # the leader has the page open
    login(client, world.official)
    assert post_form(client, f"/staff/petitions/{petition.id}/accept").status_code == 302
    with pytest.raises(StaleDataError):
        reject_petition(petition, actor=world.leader, reason="Trùng với đơn đã giải quyết trước đó.")
        db.session.flush()
    db.session.rollback()
    db.session.refresh(petition)
    assert petition.status == "accepted"
    assert [e.type for e in petition.events] == ["submitted", "accepted"]


def test_rate_limit_on_submission_answers_in_vietnamese(client, world, app):
    app.config["RATE_LIMIT_SUBMIT"] = "2 per minute"
    try:
        statuses = [post_form(client, "/petitions/new", form_data(world)).status_code
                    for _ in range(3)]
        assert statuses == [302, 302, 429]
        blocked = post_form(client, "/petitions/new", form_data(world))
        assert "quá nhiều yêu cầu" in blocked.get_data(as_text=True)
        assert "Retry-After" in blocked.headers
        assert count_petitions() == 2
        assert client.get("/petitions/new").status_code == 200, "reading the form is not limited"
    finally:
        app.config["RATE_LIMIT_SUBMIT"] = "1000 per minute"


def test_security_headers(client, db):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|\son[a-z]+=|<style", re.IGNORECASE)


def test_pages_have_no_inline_script_or_style(client, world):
    petition = world.petition()
    pages = ["/", "/petitions/new", "/track", f"/track/{petition.tracking_code}",
             "/account/login", "/account/register"]
    for url in pages:
        assert not INLINE.search(client.get(url).get_data(as_text=True)), url
    login(client, world.official)
    for url in ["/staff/petitions", f"/staff/petitions/{petition.id}"]:
        assert not INLINE.search(client.get(url).get_data(as_text=True)), url


def test_api_errors_use_the_json_envelope(client, db):
    response = client.get("/api/v1/units", query_string={"parent": "99"})
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"
    assert "99" in response.json["error"]["message"]
    bad = client.get("/api/v1/units", query_string={"per_page": "lots"})
    assert bad.status_code == 400 and bad.json["error"]["code"] == "bad_request"
    missing = client.get("/api/v1/nothing-here")
    assert missing.status_code == 404 and missing.is_json


def test_html_404_is_in_vietnamese(client, db):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.get_data(as_text=True)


def test_invalid_utf8_in_a_form_is_a_clear_error_not_a_crash(client, world):
    token = csrf_token(client)
    body = f"csrf_token={token}&title=%FF%FE%FD&body=%C3%28&kind=feedback".encode()
    response = client.post("/petitions/new", data=body,
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "Vui lòng" in response.get_data(as_text=True)


@pytest.fixture
def fragile_app(database_url):
    """An app with routes that fail, to see what people get when they do."""
    application = create_app({"SQLALCHEMY_DATABASE_URI": database_url,
                              "PROPAGATE_EXCEPTIONS": False}, env="test")

    @application.route("/boom")
    def boom():
        db.session.add(Category(code="half-written", name="Không được lưu"))
        db.session.flush()
        raise RuntimeError("bug")

    @application.route("/busy")
    def busy():
        raise OperationalError("SELECT 1", {}, Exception("database is locked"))

    @application.route("/clash")
    def clash():
        from sqlalchemy.orm.exc import StaleDataError

        raise StaleDataError("petitions row changed")

    return application


def test_a_crash_shows_a_kind_page_and_writes_nothing(fragile_app, db):
    response = fragile_app.test_client().get("/boom")
    assert response.status_code == 500
    assert "Nội dung chưa được lưu" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(Category).where(Category.code == "half-written")) is None


def test_a_busy_database_asks_to_retry(fragile_app, db):
    response = fragile_app.test_client().get("/busy")
    assert response.status_code == 503
    assert "vui lòng thử lại" in response.get_data(as_text=True).lower()


def test_a_write_conflict_asks_to_reload(fragile_app, db):
    response = fragile_app.test_client().get("/clash")
    assert response.status_code == 409
    assert "tải lại trang" in response.get_data(as_text=True)


@pytest.mark.parametrize("url", [
    "/track/KN-\u0662\u0666-7F3K-9QXM",
    "/track?code=KN\uff12\uff167F3K9QXM",
    "/api/v1/units?page=\u00b2",
    "/api/v1/units?per_page=\u00b9",
    "/my/petitions?page=99999999999999999999",
    "/staff/petitions?page=99999999999999999999",
    "/staff/petitions?submitted_from=0001-01-01&submitted_to=9999-12-31",
    "/staff/petitions/99999999999999999999999",
    "/staff/petitions?endpoint=x&_anchor=y&_external=1&page=2",
])
def test_odd_urls_never_fail(client, world, url):
    login(client, world.leader)
    for n in range(30):  # more than one page, so the pager renders
        world.petition(title=f"Phản ánh {n}")
    response = client.get(url)
    assert response.status_code in (200, 301, 302, 400, 404), response.status_code
    if response.status_code == 200 and "staff/petitions?" in url:
        pager = re.findall(r'<a href="([^"]+)" rel="(?:prev|next)"', response.get_data(as_text=True))
        assert not any("endpoint" in link or "_external" in link for link in pager)
        assert pager or "endpoint" not in url
