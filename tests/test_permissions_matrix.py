"""Every route × every persona → the status each must get.

"login" means a redirect to the login page; any other 302 is the route's own
redirect after success. A new route fails ``test_every_route_is_in_the_matrix``
until it is added here.
"""

from __future__ import annotations

import pytest

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


# endpoint -> (method, url(world, petition), form data(world) or None, expected)
MATRIX = {
    "pages.home": ("GET", lambda w, p: "/", None, everyone(200)),
    "pages.health": ("GET", lambda w, p: "/healthz", None, everyone(200)),
    "pages.language": ("POST", lambda w, p: "/language/en", lambda w: {}, everyone(302)),
    "static": ("GET", lambda w, p: "/static/css/portal.css", None, everyone(200)),
    "petitions.new": ("POST", lambda w, p: "/petitions/new", _petition_form, everyone(302)),
    "petitions.track_lookup": ("GET", lambda w, p: "/track", None, everyone(200)),
    "petitions.track": ("GET", lambda w, p: f"/track/{p.tracking_code}", None, everyone(200)),
    "petitions.mine": ("GET", lambda w, p: "/my/petitions", None,
                       row("login", 200, 200, 200, 200, 200, 200, 200)),
    "accounts.login": ("POST", lambda w, p: "/account/login",
                       lambda w: {"identifier": "x@example.com", "password": "sai-mat-khau"},
                       everyone(400)),
    "accounts.register": ("GET", lambda w, p: "/account/register", None,
                          row(200, 302, 302, 302, 302, 302, 302, 302)),
    "accounts.logout": ("POST", lambda w, p: "/account/logout", lambda w: {},
                        row("login", 302, 302, 302, 302, 302, 302, 302)),
    "staff.petitions": ("GET", lambda w, p: "/staff/petitions", None,
                        row("login", 403, 403, 200, 200, 200, 200, 200)),
    "staff.petition": ("GET", lambda w, p: f"/staff/petitions/{p.id}", None,
                       row("login", 403, 403, 200, 404, 200, 200, 200)),
    "staff.accept": ("POST", lambda w, p: f"/staff/petitions/{p.id}/accept", lambda w: {},
                     row("login", 403, 403, 302, 404, 302, 403, 403)),
    "staff.reject": ("POST", lambda w, p: f"/staff/petitions/{p.id}/reject",
                     lambda w: {"reject-reason": "Đã giải quyết tại văn bản số 12."},
                     row("login", 403, 403, 302, 404, 302, 403, 403)),
    "api.units": ("GET", lambda w, p: "/api/v1/units?parent=01", None, everyone(200)),
}

CASES = [(endpoint, persona) for endpoint in MATRIX for persona in PERSONAS]


def test_every_route_is_in_the_matrix(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints == set(MATRIX), "add new routes to the permission matrix"


@pytest.mark.parametrize(("endpoint", "persona"), CASES, ids=[f"{e}-{p}" for e, p in CASES])
def test_route_answers_each_persona_as_expected(client, world, endpoint, persona):
    method, url, data, expected = MATRIX[endpoint]
    # The resident submitted the petition in commune A; it awaits acknowledgement.
    petition = world.petition(submitter=world.resident)
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
