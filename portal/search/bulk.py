"""Building a whole index generation at once, without Whoosh's writer.

Whoosh's writer turns every posting into a pickled tuple and sorts them all
through files on disk: at a million petitions (about 200 postings each) its
pool spilled 139 runs, 21 GB, and the rebuild took 43 minutes, 85% of it in
the writer. Here (4 minutes, two processes of ~375 MB each) postings are
collected per term in arrays of integers and each process writes its
segments straight through Whoosh's own codec (``segments.SegmentBuilder``).
The files are those Whoosh's writer would write for the same documents in
the same order (the tests compare them byte for byte), so readers, searches
and later writes see no difference.

Documents are built by ``documents.BulkReader`` (the documents of
``documents.CHANGES``, read in bulk) and analysed by the schema's own
tokenizers; only schemas whose fields ``segments`` knows how to index
(``supported``) are built here, any other goes through Whoosh's writer.

Several processes each index a contiguous range of record ids into
segments of their own (a new one every million documents: see ``Limits``);
the parent lists the segments in id order in the table of contents, so
document numbers follow ids as with one writer, whatever the number of
processes (with Whoosh's multiprocess writer they followed whichever
process took each batch: ranking prefers the highest numbers).
"""

from __future__ import annotations

import multiprocessing
import shutil
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session
from whoosh.index import TOC, clean_files
from whoosh.index import open_dir as whoosh_open_dir

from portal.search import documents
from portal.search.segments import LIMIT_MB, SegmentBuilder, supported

__all__ = ["BuildError", "Limits", "build", "supported"]

# Records read from the database at a time: large enough that the fixed cost
# of a query is small, small enough to report progress often.
BATCH = 2000
SEGMENT_DOCS = 1_000_000


# -- the whole build --------------------------------------------------------

Task = list[tuple[str, int, int | None]]  # (kind, after id, up to id or None)


def plan(session: Session, parts: int) -> list[Task]:
    """Split every record, kind after kind in id order, into at most
    ``parts`` contiguous ranges of about the same number of records. The
    range holding a kind's last record is open-ended: records added
    meanwhile land there (they are in the search log anyway)."""
    counts = [(kind, documents.record_count(kind, session)) for kind in documents.KINDS]
    total = sum(count for _, count in counts)
    cuts = [total * part // parts for part in range(parts + 1)]
    tasks: list[Task] = []
    for part in range(parts):
        task: Task = []
        offset = 0
        for kind, count in counts:
            begin = max(cuts[part] - offset, 0)
            end = min(cuts[part + 1] - offset, count)
            if begin < end:
                after = documents.nth_id(kind, begin - 1, session=session) if begin else 0
                upto = documents.nth_id(kind, end - 1, session=session) if end < count else None
                task.append((kind, after, upto))
            offset += count
        if task:
            tasks.append(task)
    return tasks or [[]]


@dataclass(frozen=True)
class Limits:
    """What one process holds in memory: postings of the chunk being
    collected (beyond it they go to disk), and documents of the segment
    being built (Whoosh's table of the segment's terms, ~130 bytes a term,
    is kept until the segment is written; the key field alone is a term a
    document). At a million petitions in two processes each peaked at
    ~375 MB."""

    chunk_mb: int = LIMIT_MB
    segment_docs: int = SEGMENT_DOCS


class _Part:
    """One process's documents into segments of at most
    ``limits.segment_docs`` documents, in order."""

    def __init__(self, directory: Path, part: int, limits: Limits):
        self.ix = whoosh_open_dir(str(directory))
        self.directory, self.part, self.limits = directory, part, limits
        self.segments: list = []
        self.builder = self._builder()

    def _builder(self) -> SegmentBuilder:
        workdir = self.directory / f"bulk-{self.part}-{len(self.segments)}.tmp"
        return SegmentBuilder(self.ix.storage, self.ix.schema, workdir=workdir,
                              limit_mb=self.limits.chunk_mb)

    def add(self, document: dict) -> None:
        if self.builder.count >= self.limits.segment_docs:
            self.segments.append(self.builder.finish())
            self.builder = self._builder()
        self.builder.add(document)

    def finish(self) -> list:
        return [*self.segments, self.builder.finish()]


def index_task(add: Callable[[dict], None], task: Task, session: Session,
               report: Callable[[int], None]) -> None:
    reader = documents.BulkReader(session)
    for kind, after, upto in task:
        for ids in documents.all_ids(kind, session=session, batch=BATCH, after=after, upto=upto):
            for change in reader.changes(kind, ids):
                for document in change.documents:
                    add(document)
            session.expunge_all()
            report(len(ids))


def _run_part(engine: sa.Engine, directory: Path, task: Task, part: int, limits: Limits,
              report: Callable[[int], None]) -> list:
    segments = _Part(directory, part, limits)
    try:
        with Session(engine) as session:
            index_task(segments.add, task, session, report)
        return segments.finish()
    except BaseException:
        segments.builder.cancel()
        raise


def _child(engine: sa.Engine, directory: Path, task: Task, part: int, limits: Limits,
           connection) -> None:
    # A forked copy of the parent's pool must not be used: new connections.
    engine.dispose(close=False)
    try:
        segments = _run_part(engine, directory, task, part, limits,
                             lambda count: connection.send(("progress", count)))
        connection.send(("done", segments))
    except Exception:  # noqa: BLE001 - the parent raises it
        connection.send(("error", traceback.format_exc()))
    finally:
        connection.close()


class BuildError(RuntimeError):
    """A process building part of the index failed."""


def build(directory: Path, engine: sa.Engine, *, procs: int = 1,
          progress: Callable[[int], None] | None = None, limits: Limits = Limits()) -> int:
    """Index every record into the empty Whoosh index in ``directory`` with
    ``procs`` processes; the number of documents."""
    report = progress or (lambda count: None)
    with Session(engine) as session:
        tasks = plan(session, procs)
    ix = whoosh_open_dir(str(directory))
    # The per-document writers share this folder: made before they start.
    (directory / f"{ix.indexname}.tmp").mkdir(exist_ok=True)
    if len(tasks) == 1:
        parts = [_run_part(engine, directory, tasks[0], 0, limits, report)]
    else:
        parts = _in_processes(engine, directory, tasks, limits, report)
    segments = [segment for part in parts for segment in part if segment is not None]
    toc = ix._read_toc()  # noqa: SLF001 - the generation to follow
    TOC(toc.schema, segments, toc.generation + 1).write(ix.storage, ix.indexname)
    clean_files(ix.storage, ix.indexname, toc.generation + 1, segments)
    shutil.rmtree(directory / f"{ix.indexname}.tmp", ignore_errors=True)
    return sum(segment.doc_count_all() for segment in segments)


def _in_processes(engine: sa.Engine, directory: Path, tasks: list[Task], limits: Limits,
                  report: Callable[[int], None]) -> list[list]:
    # fork: the children start from this process's app, models and engine,
    # and nothing has to be pickled but the segments they send back.
    context = multiprocessing.get_context("fork")
    # No pooled connection may be shared with the children (they open their own).
    engine.dispose()
    running = {}
    parts: list[list] = [[] for _ in tasks]
    try:
        for part, task in enumerate(tasks):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, daemon=True,
                                      args=(engine, directory, task, part, limits, sender))
            process.start()
            sender.close()
            running[receiver] = (part, process)
        while running:
            for receiver in wait(list(running)):
                part, process = running[receiver]
                try:
                    message, value = receiver.recv()
                except EOFError:
                    process.join()
                    raise BuildError(f"index part {part} stopped (exit code "
                                     f"{process.exitcode})") from None
                if message == "progress":
                    report(value)
                    continue
                del running[receiver]
                receiver.close()
                process.join()
                if message == "error":
                    raise BuildError(f"index part {part} failed:\n{value}")
                parts[part] = value
    finally:
        for _, process in running.values():
            process.terminate()
            process.join()
    return parts
