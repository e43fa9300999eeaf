"""One writer at a time on an embedded SQLite database, handed over at once.

SQLite lets one connection write at a time. The others wait in SQLite's
busy handler, which sleeps 1, 2, 5, 10, 15, 20, 25 ... 100 ms between tries
whatever happens meanwhile: with four gunicorn workers sending petitions,
a write that takes 3 ms waited tens of milliseconds, and 11 of 17 seconds
of a worker's wall time went to those sleeps (bench/submission.py with
--profile). Here a writer first takes an exclusive lock on a file beside the
database (``<database>-writer.lock``), held from its first write statement
to its commit or rollback, and the next one polls that lock every half
millisecond, so the hand-over costs at most that.

Every connection the portal opens to a SQLite file goes through this
(``connection_options``); other programs writing to the same file still
meet SQLite's own lock, and its busy handler, as before.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time

_POLL_SECONDS = 0.0005
_READS = ("SELECT", "PRAGMA", "EXPLAIN")


class _WriterLock:
    def __init__(self, database: str, timeout: float):
        self.path = f"{database}-writer.lock"
        self.timeout = timeout
        self.handle: int | None = None

    def acquire(self) -> None:
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(handle)
                    # What SQLite itself says when its busy timeout runs out.
                    raise sqlite3.OperationalError("database is locked") from None
                time.sleep(_POLL_SECONDS)
                continue
            self.handle = handle
            return

    def release(self) -> None:
        if self.handle is not None:
            os.close(self.handle)  # closing lets go of the lock
            self.handle = None


class SerialisedConnection(sqlite3.Connection):
    """A SQLite connection that takes the writer lock before writing."""

    def __init__(self, database, *args, **kwargs):
        super().__init__(database, *args, **kwargs)
        name = os.fspath(database)
        in_memory = name in ("", ":memory:") or name.startswith("file:")
        self._writer = None if in_memory else _WriterLock(name, kwargs.get("timeout", 5.0))

    def cursor(self, factory=None):
        return super().cursor(factory or _Cursor)

    # The shortcuts would make a plain cursor, past the lock.
    def execute(self, statement, parameters=()):
        return self.cursor().execute(statement, parameters)

    def executemany(self, statement, parameters):
        return self.cursor().executemany(statement, parameters)

    def _before(self, statement: str) -> None:
        if self._writer is None or self._writer.handle is not None:
            return
        if not statement.lstrip().upper().startswith(_READS):
            self._writer.acquire()

    def _after(self) -> None:
        # A statement outside a transaction (DDL, or a failed first write) holds nothing.
        if self._writer is not None and not self.in_transaction:
            self._writer.release()

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self._after()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self._after()

    def close(self) -> None:
        try:
            super().close()
        finally:
            if self._writer is not None:
                self._writer.release()


class _Cursor(sqlite3.Cursor):
    def execute(self, statement, parameters=()):
        self.connection._before(statement)
        try:
            return super().execute(statement, parameters)
        finally:
            self.connection._after()

    def executemany(self, statement, parameters):
        self.connection._before(statement)
        try:
            return super().executemany(statement, parameters)
        finally:
            self.connection._after()


def connection_options(url: str) -> dict:
    """Engine options for a database URL: the serialised connection for a
    SQLite file, nothing for anything else."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return {"connect_args": {"factory": SerialisedConnection}}
    return {}
