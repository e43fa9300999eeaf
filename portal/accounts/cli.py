"""``flask --app wsgi accounts …``"""

from __future__ import annotations

import click
from flask.cli import AppGroup

from portal.accounts.models import Role
from portal.accounts.services import create_account
from portal.errors import RuleViolation
from portal.extensions import db
from portal.units.queries import unit_by_code

accounts_cli = AppGroup("accounts", help="Tài khoản và quyền.")


@accounts_cli.command("create")
@click.option("--email", help="Email đăng nhập.")
@click.option("--phone", help="Số điện thoại đăng nhập.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True,
              help="Mật khẩu (hỏi nếu không ghi).")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--unit", "unit_code", help="Mã đơn vị (2 số: tỉnh, 5 số: xã).")
@click.option("--office", "office_name", help="Tên cơ quan, tạo mới nếu chưa có.")
@click.option("--name", "full_name", default="", help="Họ và tên.")
def create_command(email, phone, password, role, unit_code, office_name, full_name) -> None:
    """Tạo tài khoản (hoặc thêm quyền cho tài khoản đã có)."""
    unit = None
    if unit_code:
        unit = unit_by_code(unit_code.strip())
        if unit is None:
            raise click.ClickException(f"Không có đơn vị mã {unit_code!r}. "
                                       "Hãy chạy 'flask --app wsgi units import' trước.")
    try:
        user, created, grant = create_account(
            email=email, phone=phone, password=password, role=Role(role), unit=unit,
            office_name=office_name, full_name=full_name,
        )
    except RuleViolation as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from exc
    db.session.commit()
    where = f" tại {unit.full_name}" if unit else " (toàn quốc)"
    login = user.email or user.phone
    if created:
        click.echo(f"Đã tạo tài khoản {login} với quyền {role}{where}.")
    elif grant is not None:
        click.echo(f"Tài khoản {login} đã có; đã thêm quyền {role}{where} (mật khẩu giữ nguyên).")
    else:
        click.echo(f"Tài khoản {login} đã có quyền {role}{where}; không thay đổi gì.")
