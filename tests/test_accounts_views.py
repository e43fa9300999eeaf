"""Registering, logging in and out through the pages."""

import pytest

from tests.conftest import csrf_token, login, post_form
from tests.factories import PASSWORD

WRONG_LOGIN = "Email/số điện thoại hoặc mật khẩu không đúng."


def test_register_then_land_on_my_petitions(client):
    response = post_form(client, "/account/register", {
        "full_name": "Đỗ Minh Châu", "email": "chau@example.com", "phone": "",
        "password": "mua-thu-ha-noi", "confirm": "mua-thu-ha-noi"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/my/petitions")
    page = client.get("/my/petitions").get_data(as_text=True)
    assert "Phản ánh của tôi" in page


def test_register_errors_are_shown_next_to_fields_in_vietnamese(client):
    response = post_form(client, "/account/register", {
        "email": "", "phone": "", "password": "ngan", "confirm": "khac"})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Vui lòng nhập email hoặc số điện thoại (ít nhất một)." in page
    assert "Hai mật khẩu không khớp." in page
    assert 'aria-invalid="true"' in page


def test_register_reports_a_taken_email_on_the_email_field(client, world):
    response = post_form(client, "/account/register", {
        "email": "lan@example.com", "password": "mua-thu-ha-noi", "confirm": "mua-thu-ha-noi"})
    assert response.status_code == 400
    assert "Email này đã có tài khoản" in response.get_data(as_text=True)


def test_login_with_phone_number(client, world):
    response = post_form(client, "/account/login",
                         {"identifier": "0912000001", "password": PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/my/petitions")


def test_staff_land_on_their_list(client, world):
    response = post_form(client, "/account/login",
                         {"identifier": "minh@example.com", "password": PASSWORD})
    assert response.headers["Location"].endswith("/staff/petitions")


def test_login_failure_does_not_reveal_whether_the_account_exists(client, world):
    wrong_password = post_form(client, "/account/login",
                               {"identifier": "lan@example.com", "password": "sai-mat-khau"})
    no_account = post_form(client, "/account/login",
                           {"identifier": "ghost@example.com", "password": "sai-mat-khau"})
    assert wrong_password.status_code == no_account.status_code == 400
    for response in (wrong_password, no_account):
        page = response.get_data(as_text=True)
        assert WRONG_LOGIN in page
        assert "không tồn tại" not in page


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/track", "/track"),
        ("/staff/petitions?status=received", "/staff/petitions?status=received"),
        ("https://evil.example.com/", "/my/petitions"),
        ("//evil.example.com/", "/my/petitions"),
        ("/\\evil.example.com", "/my/petitions"),
        ("javascript:alert(1)", "/my/petitions"),
    ],
)
def test_next_only_accepts_local_paths(client, world, next_url, expected):
    response = post_form(client, "/account/login",
                         {"identifier": "lan@example.com", "password": PASSWORD, "next": next_url})
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_login_attempts_on_one_account_are_limited_from_any_address(client, world, app):
    app.config["RATE_LIMIT_LOGIN_ACCOUNT"] = "2 per minute"
    try:
        statuses = []
        for n in range(3):
            token = csrf_token(client)
            response = client.post("/account/login", data={
                "csrf_token": token, "identifier": "LAN@example.com ", "password": "sai-mat-khau"},
                environ_base={"REMOTE_ADDR": f"10.0.0.{n + 1}"})
            statuses.append(response.status_code)
        assert statuses == [400, 400, 429]
        other = post_form(client, "/account/login",
                          {"identifier": "binh@example.com", "password": PASSWORD})
        assert other.status_code == 302, "other accounts are not affected"
    finally:
        app.config["RATE_LIMIT_LOGIN_ACCOUNT"] = "1000 per minute"


def test_login_page_carries_next_from_the_redirect(client, world):
    response = client.get("/my/petitions")
    assert response.status_code == 302
    login_page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="/my/petitions"' in login_page


def test_logout_needs_a_post_with_csrf(client, world):
    login(client, world.resident)
    assert client.get("/account/logout").status_code == 405
    forged = client.post("/account/logout", data={})
    assert client.get("/my/petitions").status_code == 200, "a forged logout must not log out"
    assert forged.status_code == 302
    response = post_form(client, "/account/logout")
    assert response.status_code == 302
    assert client.get("/my/petitions").status_code == 302


def raw_session(client) -> dict:
    with client.session_transaction() as session:
        return dict(session)


def test_session_is_renewed_at_login(client, world):
    csrf_token(client)
    planted = raw_session(client)["csrf_token"]
    post_form(client, "/account/login", {"identifier": "lan@example.com", "password": PASSWORD})
    after = raw_session(client)
    assert after["_user_id"] == str(world.resident.id)
    assert after.get("csrf_token") != planted
