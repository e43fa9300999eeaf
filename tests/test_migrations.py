"""The migrations build exactly the schema the models describe, and unwind.

Two empty databases on the same backend: one gets ``upgrade head``, the
other ``create_all`` from the models. Their inspected schemas (columns and
types, nullability, keys, indexes, unique and check constraints, with names)
must be identical, Alembic's autogenerate must find nothing to add, and
``downgrade base`` must leave no table but ``alembic_version``.
"""

from __future__ import annotations

import uuid

import flask_migrate
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from portal import create_app
from portal.extensions import db
from tests.conftest import postgres_url


@pytest.fixture
def scratch_urls(backend, tmp_path):
    """Two empty databases on the current backend."""
    if backend == "sqlite":
        yield [f"sqlite:///{tmp_path / 'migrated.db'}", f"sqlite:///{tmp_path / 'modelled.db'}"]
        return
    base = sa.make_url(postgres_url())
    names = [f"portal_scratch_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        for name in names:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield [base.set(database=name).render_as_string(hide_password=False) for name in names]
    with admin.connect() as connection:
        for name in names:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def snapshot(engine) -> dict:
    inspector = sa.inspect(engine)
    schema = {}
    for table in sorted(inspector.get_table_names()):
        if table == "alembic_version":
            continue
        schema[table] = {
            # Order aside (columns added later come last), every column must match.
            "columns": sorted(
                (c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)
            ),
            "primary_key": inspector.get_pk_constraint(table)["constrained_columns"],
            "foreign_keys": sorted(
                (fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"],
                 tuple(fk["referred_columns"]), fk.get("options", {}).get("ondelete"))
                for fk in inspector.get_foreign_keys(table)
            ),
            "indexes": sorted(
                (ix["name"], tuple(ix["column_names"]), bool(ix["unique"]))
                for ix in inspector.get_indexes(table)
            ),
            "unique": sorted(
                (uq["name"], tuple(uq["column_names"])) for uq in inspector.get_unique_constraints(table)
            ),
            "checks": sorted(
                (ck["name"], " ".join(ck["sqltext"].split()))
                for ck in inspector.get_check_constraints(table)
            ),
        }
    return schema


def test_upgrade_head_builds_the_models_schema_and_downgrade_unwinds(scratch_urls):
    migrated_url, modelled_url = scratch_urls

    modelled = create_app({"SQLALCHEMY_DATABASE_URI": modelled_url}, env="test")
    with modelled.app_context():
        db.create_all()
        expected = snapshot(db.engine)
        db.engine.dispose()

    migrated = create_app({"SQLALCHEMY_DATABASE_URI": migrated_url}, env="test")
    with migrated.app_context():
        flask_migrate.upgrade()
        assert snapshot(db.engine) == expected
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, db.metadata) == []

        flask_migrate.downgrade(revision="base")
        assert sa.inspect(db.engine).get_table_names() == ["alembic_version"]
        db.engine.dispose()

    assert expected, "the models define tables"
    assert {"units", "users", "role_grants", "petitions", "petition_events"} <= set(expected)
