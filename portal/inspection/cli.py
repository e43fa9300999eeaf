"""``flask --app wsgi inspection …``: recompute the figures' facts from the
history, and check them against it."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from portal.deadlines.services import load_calendar
from portal.extensions import db
from portal.inspection.refresh import BATCH, all_petition_ids, differences, recompute

inspection_cli = AppGroup("inspection", help="Số liệu thanh tra: tính lại từ lịch sử hồ sơ.")


@inspection_cli.command("rebuild")
def rebuild() -> None:
    """Recompute every petition's facts and spans from its history."""
    ids = all_petition_ids(db.session)
    calendar = load_calendar()
    with click.progressbar(length=len(ids), label="Tính lại số liệu") as bar:
        for start in range(0, len(ids), BATCH * 10):
            chunk = ids[start:start + BATCH * 10]
            recompute(db.session, chunk, calendar)
            db.session.commit()
            bar.update(len(chunk))
    click.echo(f"Đã tính lại {len(ids)} hồ sơ.")


@inspection_cli.command("verify")
def verify() -> None:
    """Check the stored facts against a fresh reading of every history."""
    ids = all_petition_ids(db.session)
    calendar = load_calendar()
    wrong = []
    for start in range(0, len(ids), BATCH):
        wrong += differences(db.session, ids[start:start + BATCH], calendar)
    if wrong:
        click.echo(f"{len(wrong)} hồ sơ có số liệu khác lịch sử, ví dụ #{wrong[0]}; "
                   "chạy `inspection rebuild`.", err=True)
        raise SystemExit(1)
    click.echo(f"Số liệu của {len(ids)} hồ sơ khớp với lịch sử.")
