"""Programs pull response-time statistics with an inspector's or a leader's
token: the same figures and scope as the inspection pages."""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD
from tests.test_inspection_views import march  # noqa: F401 - the same month of petitions

QUARTER = {"from": "2026-01-01", "to": "2026-03-31", "as_of": "2026-03-31"}


def token_for(client, user) -> str:
    response = client.post("/api/v1/auth/token", json={"email": user.email, "password": PASSWORD})
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["expires_at"]
    return body["token"]


def test_an_inspector_pulls_totals_and_groups(client, world, march):  # noqa: F811
    token = token_for(client, world.inspector)
    response = client.get("/api/v1/stats/response-times",
                          query_string={**QUARTER, "scope": "01", "group_by": "unit"},
                          headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    body = response.get_json()
    assert body["totals"] == {
        "received": 3, "answered": 2, "answered_on_time": 1, "answered_late": 1,
        "open_overdue": 1, "open_in_time": 0, "on_time_rate": 0.5,
        "median_days_to_answer": 14, "p90_days_to_answer": 17}
    [group] = body["groups"]
    assert group["key"] == world.commune_a.code and group["received"] == 3


def test_as_of_an_earlier_day(client, world, march):  # noqa: F811
    token = token_for(client, world.inspector)
    body = client.get("/api/v1/stats/response-times",
                      query_string={**QUARTER, "as_of": "2026-03-24"},
                      headers={"Authorization": f"Bearer {token}"}).get_json()
    assert body["totals"]["answered"] == 1
    assert (body["totals"]["open_overdue"], body["totals"]["open_in_time"]) == (1, 1)


def test_without_a_valid_token_or_outside_the_scope(client, world, march):  # noqa: F811
    url = "/api/v1/stats/response-times"
    assert client.get(url).status_code == 401
    assert client.get(url, headers={"Authorization": "Bearer nope"}).status_code == 401
    official = token_for(client, world.official)
    assert client.get(url, headers={"Authorization": f"Bearer {official}"}).status_code == 403
    leader = token_for(client, world.leader)
    outside = client.get(url, query_string={"scope": world.commune_c.code},
                         headers={"Authorization": f"Bearer {leader}"})
    assert outside.status_code == 403
    assert outside.get_json()["error"]["code"] == "forbidden"


def test_bad_parameters_are_named(client, world):
    token = token_for(client, world.inspector)
    response = client.get("/api/v1/stats/response-times",
                          query_string={"from": "31/03/2026", "group_by": "colour"},
                          headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 400
    assert set(response.get_json()["error"]["fields"]) == {"from", "group_by"}


def test_tokens_are_stored_hashed_and_can_be_revoked(client, world, db):
    from portal.api.tokens import ApiToken

    token = token_for(client, world.inspector)
    stored = db.session.query(ApiToken).one()
    assert token not in stored.token_hash
    headers = {"Authorization": f"Bearer {token}"}
    assert client.delete("/api/v1/auth/token", headers=headers).status_code == 204
    assert client.get("/api/v1/stats/response-times", headers=headers).status_code == 401


@pytest.mark.parametrize("payload", [{}, {"email": "thang@example.com", "password": "sai"}])
def test_wrong_credentials_get_no_token(client, world, payload):
    response = client.post("/api/v1/auth/token", json=payload)
    assert response.status_code in (400, 401)
    assert "token" not in response.get_json()

