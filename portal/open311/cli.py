"""``flask --app wsgi open311 …``: keys for Open311 programs."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from portal.errors import RuleViolation
from portal.extensions import db
from portal.open311 import keys
from portal.open311.models import Open311Client

open311_cli = AppGroup("open311", help="Khoá cho ứng dụng gửi phản ánh qua Open311.")


@open311_cli.command("issue-key")
@click.argument("name")
def issue_key_command(name: str) -> None:
    """Cấp khoá mới cho ứng dụng NAME (khoá chỉ in ra một lần)."""
    try:
        key, client = keys.issue_key(name, actor=None)
    except RuleViolation as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from exc
    db.session.commit()
    click.echo(f"Đã cấp khoá số {client.id} cho «{client.name}».")
    click.echo(f"Khoá (chỉ hiển thị lần này, hãy lưu lại): {key}")


@open311_cli.command("revoke-key")
@click.argument("client_id", type=int)
def revoke_key_command(client_id: int) -> None:
    """Thu hồi khoá số CLIENT_ID."""
    client = db.session.get(Open311Client, client_id)
    if client is None:
        raise click.ClickException(f"Không có khoá số {client_id}.")
    if keys.revoke_key(client):
        db.session.commit()
        click.echo(f"Đã thu hồi khoá số {client.id} của «{client.name}».")
    else:
        click.echo(f"Khoá số {client.id} đã bị thu hồi từ trước; không thay đổi gì.")


@open311_cli.command("list-keys")
def list_keys_command() -> None:
    """Liệt kê các khoá đã cấp."""
    rows = keys.all_clients()
    if not rows:
        click.echo("Chưa cấp khoá nào.")
    for client, sent in rows:
        state = (f"thu hồi {client.revoked_at:%Y-%m-%d %H:%M} UTC" if client.revoked_at
                 else "đang dùng")
        used = f"{client.last_used_at:%Y-%m-%d %H:%M} UTC" if client.last_used_at else "chưa dùng"
        click.echo(f"{client.id}\t{client.name}\t{state}\tdùng lần cuối: {used}\t"
                   f"đã gửi {sent} phản ánh")
