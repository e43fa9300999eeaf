"""``flask --app wsgi notify …`` and ``flask --app wsgi petitions …``: jobs for cron."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from portal import clock
from portal.answers.services import close_unrated
from portal.dialogues.reminders import remind_sessions
from portal.extensions import db
from portal.notifications.reminders import remind_due
from portal.notifications.services import deliver_pending

notify_cli = AppGroup("notify", help="Thông báo, nhắc hạn.")
petitions_cli = AppGroup("petitions", help="Việc định kỳ với phản ánh.")


@notify_cli.command("due")
def due_command() -> None:
    """Nhắc hạn (sắp đến hạn, quá hạn, quá hạn tiếp nhận) và gửi thư còn chờ.
    Chạy lại không gửi trùng; nên chạy bằng cron mỗi sáng."""
    today = clock.today_in_vietnam()
    count = remind_due(today)
    sessions = remind_sessions(today)
    db.session.commit()
    sent, failed = deliver_pending()
    click.echo(f"Nhắc sắp đến hạn: {count.due_soon}; quá hạn: {count.overdue}; "
               f"quá hạn tiếp nhận: {count.not_acknowledged}.")
    click.echo(f"Hội nghị đối thoại: sắp đến hạn thông báo {sessions.notice_soon}; "
               f"sắp đến hạn công bố kết quả {sessions.results_soon}; trễ hạn {sessions.missed}.")
    click.echo(f"Thư đã gửi: {sent}; chưa gửi được (sẽ thử lại): {failed}.")


@petitions_cli.command("close-unrated")
def close_unrated_command() -> None:
    """Kết thúc các phản ánh đã trả lời mà hết thời hạn đánh giá."""
    closed = close_unrated()
    db.session.commit()
    sent, _failed = deliver_pending()
    click.echo(f"Đã kết thúc: {closed} phản ánh; thư đã gửi: {sent}.")


# Registered here so that ``flask --app wsgi petitions import`` sits with the
# other petition jobs; the command itself lives with the inspection figures
# its records feed.
from portal.inspection.import_writing import import_command  # noqa: E402

petitions_cli.add_command(import_command, "import")
