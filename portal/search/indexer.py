"""Bringing a Whoosh index up to date from the search log.

Layout of ``SEARCH_INDEX_DIR``::

    current -> gen-20261121T101500-4f2a   the index in use (a symlink)
    gen-…/                                one generation: Whoosh files, plus
    gen-…/applied                         the last search-log id applied to it
    gen-…/schema                          the schema version it was built with
    .sync.lock                            one applier at a time, per machine
    .follower.lock                        held by the follower (follower.py) while it runs

Applying takes the sync lock without waiting. If another worker holds it,
this one leaves: the holder looks for new rows again after it lets go, and
the row committed before this worker tried the lock, so it is seen then. A
crash anywhere leaves rows after ``applied`` for the next write or for
``flask search sync``. Rebuilding writes a new generation and swaps the
symlink, so searches never see a half-built index.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from flask import after_this_request, current_app, g, has_app_context, has_request_context
from sqlalchemy.orm import Session
from whoosh import index as whoosh_index
from whoosh.index import Index

from portal.extensions import db
from portal.search import bulk, documents
from portal.search.log import SearchLog, last_id, pending_count
from portal.search.schema import VERSION as SCHEMA_VERSION
from portal.search.schema import build_schema

log = logging.getLogger(__name__)

CURRENT = "current"
FOLLOWER_LOCK = ".follower.lock"
APPLIED = "applied"
SCHEMA = "schema"
BATCH = 2000
MAX_ROUNDS = 50


class Busy(Exception):
    """Another process holds the sync lock."""


def root() -> Path:
    return Path(current_app.config["SEARCH_INDEX_DIR"])


def current_dir(base: Path | None = None) -> Path | None:
    link = (base or root()) / CURRENT
    if not link.is_symlink():
        return None
    target = link.parent / os.readlink(link)
    return target if target.is_dir() else None


def read_applied(directory: Path) -> int:
    try:
        return int((directory / APPLIED).read_text().strip() or 0)
    except (FileNotFoundError, ValueError):
        return 0


def _write_applied(directory: Path, value: int) -> None:
    temporary = directory / f"{APPLIED}.tmp"
    temporary.write_text(str(value))
    os.replace(temporary, directory / APPLIED)


def has_current_schema(directory: Path) -> bool:
    try:
        return int((directory / SCHEMA).read_text().strip()) == SCHEMA_VERSION
    except (FileNotFoundError, ValueError):
        return False


@contextmanager
def sync_lock(base: Path, *, wait: bool) -> Iterator[None]:
    base.mkdir(parents=True, exist_ok=True)
    with open(base / ".sync.lock", "a+") as handle:
        flags = fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(handle, flags)
        except BlockingIOError as exc:
            raise Busy from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def follower_running(base: Path | None = None) -> bool:
    """Whether a follower (``flask search follow``) keeps the index in ``base``."""
    path = (base or root()) / FOLLOWER_LOCK
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        return False  # closing the file lets go of the shared lock


@contextmanager
def follower_lock(base: Path) -> Iterator[None]:
    """Held by the follower for as long as it runs; the operating system lets
    go of it when the process ends, however it ends."""
    base.mkdir(parents=True, exist_ok=True)
    with (base / FOLLOWER_LOCK).open("ab") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy(f"a follower already keeps {base}") from None
        yield


def _new_generation(base: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    directory = base / f"gen-{stamp}-{os.urandom(3).hex()}"
    directory.mkdir(parents=True)
    whoosh_index.create_in(str(directory), build_schema())
    (directory / SCHEMA).write_text(str(SCHEMA_VERSION))
    return directory


def _point_current_at(base: Path, directory: Path) -> None:
    temporary = base / f"{CURRENT}.{os.getpid()}.tmp"
    if temporary.is_symlink():
        temporary.unlink()
    temporary.symlink_to(directory.name)
    os.replace(temporary, base / CURRENT)


def _remove_old_generations(base: Path, keep: set[Path]) -> None:
    # The one before is kept: a worker may still be reading from it.
    generations = sorted((p for p in base.glob("gen-*") if p.is_dir()),
                         key=lambda p: p.stat().st_mtime)
    for directory in generations[:-2]:
        if directory not in keep:
            shutil.rmtree(directory, ignore_errors=True)


class Missing(Exception):
    """There is no index yet, or one of an older schema: it must be built
    from the database."""


# Segments stay as separate files: a compound segment file is copied whole
# into each worker's memory when opened (Whoosh 2.7 wraps the mapped file in
# a BytesIO), 630 MB of postings per worker at a million petitions.
_WRITER = {"compound": False}


def write_changes(ix: Index, changes: dict[str, set[int]], session: Session) -> int:
    """Replace the documents of the given records by what the database holds now."""
    writer = ix.writer(**_WRITER)
    written = 0
    try:
        for kind, ids in changes.items():
            for change in documents.CHANGES[kind](ids, session=session):
                for stale in change.stale:
                    writer.delete_by_term("key", stale)
                for document in change.documents:
                    writer.update_document(**document)
                    written += 1
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return written


def _apply_round(base: Path, session: Session) -> int:
    """Apply what is pending once, under the lock; the number of log rows."""
    with sync_lock(base, wait=False):
        directory = current_dir(base)
        if directory is None or not has_current_schema(directory):
            raise Missing
        applied = read_applied(directory)
        rows = session.execute(
            sa.select(SearchLog.id, SearchLog.kind, SearchLog.record_id)
            .where(SearchLog.id > applied).order_by(SearchLog.id).limit(BATCH)).all()
        if not rows:
            return 0
        changes: dict[str, set[int]] = defaultdict(set)
        for _, kind, record_id in rows:
            if kind in documents.CHANGES:
                changes[kind].add(record_id)
        write_changes(whoosh_index.open_dir(str(directory)), changes, session)
        _write_applied(directory, rows[-1].id)
        return len(rows)


def apply_pending(*, base: Path | None = None, wait: bool = False) -> int:
    """Apply every pending log row; the number applied by this call. Raises
    ``Busy`` only when ``wait`` is false and another process is applying."""
    base = base or root()
    total = 0
    with Session(db.engine) as session:
        for _ in range(MAX_ROUNDS):
            if wait:
                with sync_lock(base, wait=True):
                    pass  # let the current holder finish first
            try:
                done = _apply_round(base, session)
            except Missing:
                # Records older than the log (a database from before search,
                # or restored from a backup) are only found by a full build.
                log.info("no search index of this version in %s: building it from the database",
                         base)
                rebuild(base=base)
                return total
            except Busy:
                if wait:
                    continue
                raise
            total += done
            session.rollback()  # the next round reads what committed meanwhile
            directory = current_dir(base)
            if done == 0 or directory is None or not pending_count(session, read_applied(directory)):
                break
    return total


def _apply_quietly() -> None:
    try:
        apply_pending()
    except Busy:
        pass  # the process holding the lock looks again when it lets go
    except Exception:
        log.exception("search index not updated; `flask search sync` will apply the change")


def apply_after_commit() -> None:
    """Called after each commit that logged a change, unless a follower runs
    (follower.py). It never fails the request: what is not applied now stays
    in the log. In a request it runs once the response has been sent, so
    nobody waits for the index."""
    if not has_app_context() or not current_app.config["SEARCH_APPLY_AFTER_COMMIT"]:
        return
    if follower_running():
        return  # it applies the log within its interval, many changes at once
    if not has_request_context():
        _apply_quietly()
        return
    if g.get("search_apply_scheduled"):
        return
    g.search_apply_scheduled = True
    app = current_app._get_current_object()

    def apply_when_sent(response):
        def run():
            with app.app_context():
                _apply_quietly()
        response.call_on_close(run)
        return response

    try:
        after_this_request(apply_when_sent)
    except AssertionError:  # the response is already being built: apply now
        _apply_quietly()


def rebuild(progress: Callable[[int], None] | None = None, *, procs: int = 1,
            base: Path | None = None) -> Path:
    """Index every record into a new generation and swap it in. ``progress``
    is called with the number of records done since its last call."""
    base = base or root()
    base.mkdir(parents=True, exist_ok=True)
    directory = _new_generation(base)
    try:
        with Session(db.engine) as session:
            start = last_id(session)
        if bulk.supported(build_schema()):
            bulk.build(directory, db.engine, procs=procs, progress=progress)
        else:
            write_with_whoosh(directory, progress, procs=procs)
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    _write_applied(directory, start)
    with sync_lock(base, wait=True):
        _point_current_at(base, directory)
    _remove_old_generations(base, keep={directory})
    apply_pending(base=base, wait=True)
    return directory


def write_with_whoosh(directory: Path, progress: Callable[[int], None] | None = None, *,
                      procs: int = 1) -> None:
    """Every record through Whoosh's own writer: for a schema ``bulk`` does
    not know, and the reference its tests compare with (5-10x slower: its
    external sort writes ~20 kB of pickled postings a document to disk)."""
    ix = whoosh_index.open_dir(str(directory))
    writer_args = {**_WRITER, "limitmb": 256}
    if procs > 1:
        writer_args.update(procs=procs, multisegment=True)
    writer = ix.writer(**writer_args)
    try:
        with Session(db.engine) as session:
            for kind in documents.KINDS:
                for ids in documents.all_ids(kind, session=session):
                    for change in documents.CHANGES[kind](ids, session=session):
                        for document in change.documents:
                            writer.add_document(**document)
                    session.expunge_all()
                    if progress:
                        progress(len(ids))
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def reset() -> None:
    """Start over with an empty index (tests, and a database restored from
    an older backup): the whole log is applied again on the next write."""
    base = root()
    with sync_lock(base, wait=True):
        directory = _new_generation(base)
        _point_current_at(base, directory)
    _remove_old_generations(base, keep={directory})


def open_current() -> Index | None:
    directory = current_dir()
    return whoosh_index.open_dir(str(directory)) if directory else None


def document_counts() -> dict[str, int]:
    """Live documents per key prefix: petition, session, minutes."""
    ix = open_current()
    counts: dict[str, int] = {}
    if ix is None:
        return counts
    with ix.searcher() as searcher:
        for fields in searcher.all_stored_fields():
            part = fields["key"].split(":", 1)[0]
            counts[part] = counts.get(part, 0) + 1
    return counts
