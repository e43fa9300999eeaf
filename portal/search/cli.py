"""``flask --app wsgi search …``: keep the search index in step, rebuild it,
and say how far it is behind."""

from __future__ import annotations

import os
import signal
import threading

import click
from flask.cli import AppGroup
from sqlalchemy.orm import Session

from portal.extensions import db
from portal.search import documents, follower, indexer
from portal.search.log import last_id, pending_count

search_cli = AppGroup("search", help="Chỉ mục tìm kiếm.")


@search_cli.command("sync")
def sync_command() -> None:
    """Đưa vào chỉ mục mọi thay đổi còn chờ (chạy lại không sao; nên chạy
    bằng cron mỗi phút để bù cho lần cập nhật nào bị gián đoạn)."""
    applied = 0
    while done := indexer.apply_pending(wait=True):  # a large backlog takes several calls
        applied += done
    click.echo(f"Đã cập nhật chỉ mục: {applied} thay đổi.")


@search_cli.command("follow")
@click.option("--interval", default=0.5, show_default=True, type=click.FloatRange(0.05, 60),
              help="Số giây giữa hai lần đọc nhật ký.")
@click.option("--nice", default=10, show_default=True, type=click.IntRange(0, 19),
              help="Hạ mức ưu tiên CPU để yêu cầu của người dân được phục vụ trước.")
def follow_command(interval: float, nice: int) -> None:
    """Giữ chỉ mục theo kịp nhật ký thay đổi cho tới khi bị dừng (SIGTERM,
    Ctrl-C); `make serve` tự chạy lệnh này bên cạnh gunicorn."""
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    try:
        applied = follower.follow(stop, interval=interval, nice=nice)
    except indexer.Busy as exc:
        raise click.ClickException(f"Đã có tiến trình theo dõi chỉ mục này ({exc}).") from None
    click.echo(f"Đã dừng theo dõi; đã áp dụng {applied} thay đổi.")


@search_cli.command("rebuild")
@click.option("--procs", default=min(os.cpu_count() or 1, 16), show_default="số lõi CPU",
              type=click.IntRange(1, 16), help="Số tiến trình cùng lập chỉ mục.")
def rebuild_command(procs: int) -> None:
    """Lập lại toàn bộ chỉ mục vào thư mục mới rồi thay thế, không gián đoạn tìm kiếm."""
    with Session(db.engine) as session:
        total = sum(documents.record_count(kind, session) for kind in documents.KINDS)
    with click.progressbar(length=total, label="Lập chỉ mục", show_pos=True,
                           show_eta=True) as bar:
        directory = indexer.rebuild(bar.update, procs=procs)
    click.echo(f"Đã thay chỉ mục mới: {directory}")


@search_cli.command("status")
def status_command() -> None:
    """Số tài liệu trong chỉ mục so với cơ sở dữ liệu, và số thay đổi còn chờ."""
    directory = indexer.current_dir()
    counts = indexer.document_counts()
    with Session(db.engine) as session:
        applied = indexer.read_applied(directory) if directory else 0
        pending = pending_count(session, applied)
        newest = last_id(session)
        in_database = {kind: documents.record_count(kind, session) for kind in documents.KINDS}
    click.echo(f"Chỉ mục: {directory or '(chưa có)'}")
    if directory and not indexer.has_current_schema(directory):
        click.echo("Chỉ mục theo cấu trúc cũ: chạy `flask --app wsgi search rebuild` "
                   "(hoặc lần đồng bộ tới sẽ tự lập lại).")
    for kind in documents.KINDS:
        click.echo(f"{kind}: {counts.get(kind, 0)} trong chỉ mục / {in_database[kind]} "
                   f"trong cơ sở dữ liệu")
    minutes = counts.get("minutes", 0)
    if minutes:
        click.echo(f"minutes: {minutes} trong chỉ mục")
    click.echo(f"Nhật ký: đã áp dụng đến #{applied}, mới nhất #{newest}, còn chờ {pending}.")
