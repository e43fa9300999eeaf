"""The benchmark corpus (bench/generate.py) is a portal database people could
use: every figure the benches time is computed over data the portal itself
would have written. A small corpus on each backend, then read through the
real pages and services."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from bench import corpus_rows, generate, quality
from portal.extensions import db
from portal.petitions import tracking
from portal.petitions.models import Petition
from tests.conftest import postgres_url

PETITIONS = 400


@pytest.fixture
def corpus_folder(backend, tmp_path):
    url = None
    if backend == "postgresql":
        url = sa.make_url(postgres_url()).set(database=f"bench_test_{uuid.uuid4().hex[:10]}")
        url = url.render_as_string(hide_password=False)
    summary = generate.generate(PETITIONS, 11, tmp_path, url, procs=1)
    yield tmp_path, summary
    if url:
        admin = sa.create_engine(sa.make_url(url).set(database="postgres"),
                                 isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(sa.text(
                f'DROP DATABASE IF EXISTS "{sa.make_url(url).database}" WITH (FORCE)'))
        admin.dispose()


def test_generated_corpus_is_consistent_and_served_by_the_portal(corpus_folder):
    folder, summary = corpus_folder
    counts = summary["counts"]
    assert counts["petitions"] == PETITIONS
    # Facts and clock spans equal what the portal reads from each history.
    assert summary["checked"] == PETITIONS and summary["facts_differing"] == 0
    assert counts["petition_events"] > 3 * PETITIONS
    assert 0 < counts["ratings"] < counts["responses"] < PETITIONS * 1.2
    assert counts["dialogue_sessions"] == PETITIONS // corpus_rows.SESSION_SHARE_PETITIONS
    assert summary["index_records"] == PETITIONS + counts["dialogue_sessions"]

    app = generate.make_app(summary["database_url"], folder)
    client = app.test_client()
    with app.app_context():
        answered = db.session.execute(
            sa.text("SELECT p.tracking_code, r.body FROM petitions p JOIN responses r "
                    "ON r.petition_id = p.id WHERE p.is_public AND p.kind <> 'denunciation' "
                    "ORDER BY p.id LIMIT 1")).one()
        codes = list(db.session.scalars(sa.select(Petition.tracking_code)))
        needle_key = next(iter(quality.needle_keys(PETITIONS).values()))
        needle = db.session.get(Petition, needle_key + 1)
        needle_title = needle.title
        db.session.remove()
        db.engine.dispose()
    assert len(set(codes)) == PETITIONS
    assert all(tracking.normalise(code) == code for code in codes)
    page = client.get(f"/track/{answered.tracking_code}")
    assert page.status_code == 200
    assert answered.body[:60] in page.get_data(as_text=True)
    # The quality set's petitions are public and found by their title's words.
    found = client.get("/api/v1/search", query_string={"q": needle_title}).get_json()
    assert needle_key + 1 in [item["id"] for item in found["items"]]
    with app.app_context():
        db.engine.dispose()
