"""Fixtures shared by the whole suite.

Every test that uses the database runs once per backend: ``[sqlite]`` always,
``[postgresql]`` when ``TEST_DATABASE_URL`` is set (the run fails if that
server does not answer; without the variable those tests are skipped with a
visible reason). The database named there is wiped: use a test database.
Under pytest-xdist each worker uses its own database, the name with the
worker's id appended (``test_gw0``, ``test_gw1``), created when missing.
"""

from __future__ import annotations

import contextvars
import os
import re
from datetime import date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient

from portal import clock as portal_clock
from portal import create_app
from portal.config import database_url as normalise_url
from portal.extensions import db as _db
from portal.extensions import limiter
from portal.search import indexer as search_indexer
from tests import factories

BACKENDS = ("sqlite", "postgresql")
CSRF_META = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


def postgres_url() -> str | None:
    raw = os.environ.get("TEST_DATABASE_URL", "").strip()
    return normalise_url(raw) if raw else None


def _compile_translations() -> None:
    """`make test` compiles the catalogues; a bare `pytest` run gets them too."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po_path in Path(__file__).resolve().parent.parent.glob(
            "portal/translations/*/LC_MESSAGES/messages.po"):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            with po_path.open("rb") as po, mo_path.open("wb") as mo:
                write_mo(mo, read_po(po))


def pytest_sessionstart(session):
    _compile_translations()
    url = postgres_url()
    if url is None:
        return
    try:
        engine = sa.create_engine(url)
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001 - any failure means "unreachable"
        pytest.exit(f"TEST_DATABASE_URL is set but PostgreSQL does not answer: {exc}", returncode=1)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets fixtures see whether the test failed (browser tests keep a screenshot).
    report = yield
    if call.when == "call":
        item.rep_call = report
    return report


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request) -> str:
    if request.param == "postgresql" and postgres_url() is None:
        pytest.skip("PostgreSQL run skipped: TEST_DATABASE_URL is not set")
    return request.param


def _reset_postgres(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("DROP SCHEMA public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()


def _worker_database(url: str) -> str:
    """Under pytest-xdist (``make test`` runs one worker per core) each worker
    gets its own database beside the one named, created on first use: the
    workers wipe tables between tests and must not wipe each other's."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return url
    base = sa.make_url(url)
    name = f"{base.database}_{worker}"
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :name"),
                                   {"name": name})
        if not exists:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def database_url(backend, tmp_path_factory) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'portal.db'}"
    url = _worker_database(postgres_url())
    _reset_postgres(url)
    return url


class IsolatedClient(FlaskClient):
    """Each request runs in a fresh context, as in production.

    Flask reuses an app context that is already pushed, and the ``db``
    fixture keeps one open for factories; without this, requests in a test
    would share ``g`` and the database session with the test and with each
    other, hiding bugs that real requests would show.
    """

    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)


@pytest.fixture(scope="session")
def app(database_url, tmp_path_factory):
    application = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SEARCH_INDEX_DIR": str(tmp_path_factory.mktemp("index")),
            "OUTBOX_DIR": str(tmp_path_factory.mktemp("outbox")),
        },
        env="test",
    )
    application.test_client_class = IsolatedClient
    with application.app_context():
        _db.create_all()
    yield application
    with application.app_context():
        _db.engine.dispose()


def _wipe(database) -> None:
    """Empty every table, children first, and restart the ids. DELETE, not
    TRUNCATE, on PostgreSQL too: a test leaves a handful of rows, and
    TRUNCATE's new files cost about 250 ms a test against 12 ms (measured
    on this machine), a third of the suite's time."""
    tables = list(reversed(database.metadata.sorted_tables))
    with database.engine.begin() as connection:
        for table in tables:
            connection.execute(table.delete())
        if connection.dialect.name == "postgresql":
            sequences = connection.execute(sa.text(
                "SELECT schemaname || '.' || sequencename FROM pg_sequences"
                " WHERE schemaname = current_schema()")).scalars().all()
            if sequences:
                restart = ", ".join(f"setval('{name}', 1, false)" for name in sequences)
                connection.execute(sa.text(f"SELECT {restart}"))


@pytest.fixture
def db(app):
    """The database, empty at the start of each test; an app context is open."""
    with app.app_context():
        yield _db
        _db.session.remove()
        _wipe(_db)


@pytest.fixture
def search(app, db):
    """An empty search index, kept up to date after each commit as in production."""
    search_indexer.reset()
    app.config["SEARCH_APPLY_AFTER_COMMIT"] = True
    yield
    app.config["SEARCH_APPLY_AFTER_COMMIT"] = False


@pytest.fixture
def client(app, db):
    limiter.reset()
    return app.test_client()


@pytest.fixture
def world(db) -> factories.World:
    return factories.build_world()


@pytest.fixture
def accepted(world, clock):
    """A feedback petition of commune A, sent and acknowledged on 02/03/2026."""
    from tests.scenarios import accept, submit

    petition = submit(world, clock, date(2026, 3, 2))
    return accept(world, clock, petition, date(2026, 3, 2))


@pytest.fixture
def colleague(world):
    """A second official in the same office as world.official."""
    from portal.accounts.models import Role

    user = factories.user(role=Role.OFFICIAL, unit_scope=world.commune_a,
                          office_scope=world.office_a, full_name="Đỗ Thu Hà")
    _db.session.commit()
    return user


@pytest.fixture
def clock():
    """Pin "now": ``clock.set(datetime(..., tzinfo=UTC))``."""

    class Clock:
        def set(self, moment: datetime) -> None:
            portal_clock.freeze(moment)

    yield Clock()
    portal_clock.unfreeze()


def csrf_token(client) -> str:
    page = client.get("/").get_data(as_text=True)
    match = CSRF_META.search(page)
    assert match, "the page carries no CSRF token"
    return match.group(1)


def login(client, user) -> None:
    """Sign ``user`` in for this client without going through the form."""
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
        session["_fresh"] = True


def post_form(client, url: str, data: dict | None = None, **kwargs):
    payload = {"csrf_token": csrf_token(client), **(data or {})}
    return client.post(url, data=payload, **kwargs)
