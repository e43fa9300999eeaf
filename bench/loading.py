"""Rows straight into a portal database, many at a time, for the benchmarks.

Generating a million petitions with their histories spends more time in
SQLAlchemy's per-value bind processing than in everything else, so rows
go through the driver as plain tuples: ``executemany`` on SQLite, ``COPY``
on PostgreSQL. The values are converted here the way the column types
store them; ``bench/generate.py --check`` and ``flask inspection verify``
read them back through the models.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa

from portal.database import UTCDateTime
from portal.extensions import db


def _utc_text(value: datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.isoformat(" ", "microseconds")[:26]  # naive UTC, as UTCDateTime stores it


def _sqlite_value(column: sa.Column) -> Callable | None:
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return _utc_text
    if isinstance(kind, sa.Date):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(kind, sa.Boolean):
        return lambda v: None if v is None else int(v)
    if isinstance(kind, sa.Enum):
        return lambda v: None if v is None else str(v)
    if isinstance(kind, sa.JSON):
        return json.dumps
    return None


def _postgres_value(column: sa.Column) -> Callable | None:
    # COPY adapts dates, times, numbers and text itself; enums (str
    # subclasses) and JSON need their text form.
    kind = column.type
    if isinstance(kind, sa.Enum):
        return lambda v: None if v is None else str(v)
    if isinstance(kind, sa.JSON):
        return lambda v: json.dumps(v, ensure_ascii=False)
    return None


class BulkInsert:
    """Insert many rows (dicts) of one table with the given columns."""

    def __init__(self, table: sa.Table, names: list[str]):
        self.table = table
        self.postgres = db.engine.dialect.name == "postgresql"
        # The driver knows nothing of the models' Python-side defaults: the
        # constant ones are sent with every row, and a column whose default
        # is computed (a clock, a token) must be in the rows.
        self.fixed = {c.name: c.default.arg for c in table.c
                      if c.name not in names and c.default is not None and c.default.is_scalar}
        computed = [c.name for c in table.c if c.name not in names and c.name not in self.fixed
                    and c.default is not None and not c.nullable]
        if computed:
            raise ValueError(f"{table.name}: rows must give {', '.join(computed)}")
        names = [*names, *self.fixed]
        if self.postgres:
            self.names = list(names)
            columns = ", ".join(f'"{name}"' for name in self.names)
            self.sql = f'COPY "{table.name}" ({columns}) FROM STDIN'
        else:
            compiled = table.insert().compile(dialect=db.engine.dialect, column_keys=names)
            self.sql = str(compiled)
            self.names = list(compiled.positiontup)
        value = _postgres_value if self.postgres else _sqlite_value
        self.convert = [(i, f) for i, name in enumerate(self.names)
                        if (f := value(table.c[name])) is not None]

    def _records(self, rows: list[dict]):
        fixed = self.fixed
        for row in rows:
            record = [row[name] if name in row else fixed.get(name) for name in self.names]
            for i, convert in self.convert:
                record[i] = convert(record[i])
            yield tuple(record)

    def __call__(self, rows: list[dict]) -> None:
        if not rows:
            return
        connection = db.session.connection()
        if not self.postgres:
            connection.exec_driver_sql(self.sql, list(self._records(rows)))
            return
        cursor = connection.connection.driver_connection.cursor()
        with cursor.copy(self.sql) as copy:
            for record in self._records(rows):
                copy.write_row(record)


def restart_ids(tables: list[sa.Table]) -> None:
    """After rows went in with explicit ids, PostgreSQL's sequences must
    start past them or the app's next insert collides."""
    if db.engine.dialect.name != "postgresql":
        return
    for table in tables:
        if "id" not in table.c:
            continue
        sql = (f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "  # noqa: S608 - our tables
               f'COALESCE((SELECT MAX(id) FROM "{table.name}"), 0) + 1, false)')
        db.session.execute(sa.text(sql))  # noqa: S608 - our table names
