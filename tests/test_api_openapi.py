"""The OpenAPI document describes every route of /api/v1 and nothing else,
is a schema a tool can load and drive, and a property-based fuzz run over
it finds no server error, signed in or not."""

from __future__ import annotations

import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from portal.api import tokens
from portal.api.openapi import PATHS
from portal.extensions import db
from tests.conftest import postgres_url

METHODS = {"get", "post", "put", "patch", "delete"}


def _template(rule: str) -> str:
    # /petitions/<int(max=...):petition_id> → /petitions/{petition_id}
    return re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.removeprefix("/api/v1"))


def test_every_api_route_is_documented_and_nothing_else(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    documented = {(path, method) for path, item in spec["paths"].items()
                  for method in item if method in METHODS}
    routed = {(_template(rule.rule), method.lower()) for rule in app.url_map.iter_rules()
              if rule.rule.startswith("/api/v1/")
              for method in rule.methods if method.lower() in METHODS}
    assert routed - documented == set(), "document these routes in portal/api/openapi.py"
    assert documented - routed == set(), "these documented routes do not exist"


def test_the_developer_page_lists_every_operation(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    page = client.get("/developers/api")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    for path, item in spec["paths"].items():
        for method in item:
            assert f"{method.upper()} {path}" in text


# Invalid input needs an input to spoil: operations without any are fuzzed
# with valid requests only.
OPERATIONS = [(path, method, mode) for path, item in PATHS.items() for method, op in item.items()
              for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
              if mode == GenerationMode.POSITIVE or op["parameters"] or "requestBody" in op]


@pytest.mark.parametrize(("path", "method", "mode"), OPERATIONS,
                         ids=[f"{m.upper()} {p} {mode.value}" for p, m, mode in OPERATIONS])
def test_fuzzing_the_api_finds_no_server_error(app, backend, world, path, method, mode):
    """Generated requests, valid by the document and deliberately invalid,
    sent as nobody and as a leader (whose token reaches the deepest checks):
    whatever comes in, the answer is JSON and never a 5xx."""
    if backend == "sqlite" and postgres_url():
        pytest.skip("fuzzed on PostgreSQL, the stricter of the two (NUL, integer range)")
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operation = schema[path][method]
    token, _record = tokens.issue(world.leader)
    db.session.commit()
    app.config["RATELIMIT_ENABLED"] = False

    @given(operation.as_strategy(generation_mode=mode))
    @settings(max_examples=20, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def no_server_error(case):
        for headers in ({}, {"Authorization": f"Bearer {token}"}):
            response = case.call(headers=headers)
            assert response.status_code < 500, (case.path, response.text[:500])
            kind = {k.lower(): v for k, v in response.headers.items()}.get("content-type")
            kind = kind[0] if isinstance(kind, list) else kind
            assert response.status_code == 204 or kind.startswith("application/json"), kind

    try:
        no_server_error()
    finally:
        app.config["RATELIMIT_ENABLED"] = True
