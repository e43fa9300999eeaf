"""``flask --app wsgi units …``"""

from __future__ import annotations

import click
from flask.cli import AppGroup

from portal.errors import RuleViolation
from portal.extensions import db
from portal.units.services import ImportReport, import_units, read_units_file

units_cli = AppGroup("units", help="Đơn vị hành chính (tỉnh, xã).")


def print_report(report: ImportReport, *, verbose: bool = False) -> None:
    click.echo(
        f"Thêm mới: {report.added_provinces} tỉnh/thành phố, "
        f"{report.added_communes} xã/phường/đặc khu."
    )
    if verbose:
        for record in report.added:
            click.echo(f"  + {record.code} {record.full_name}")
    click.echo(f"Thay đổi: {len(report.changed)} thông tin.")
    for code, field, old, new in report.changed:
        click.echo(f"  ~ {code} {field}: {old!r} -> {new!r}")
    click.echo(f"Không đổi: {report.unchanged} đơn vị.")
    if report.missing:
        shown = ", ".join(report.missing[:20]) + (" …" if len(report.missing) > 20 else "")
        click.echo(f"Có trong cơ sở dữ liệu nhưng không có trong tệp (giữ nguyên): "
                   f"{len(report.missing)}: {shown}")


@units_cli.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--valid-from", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Ngày hiệu lực của các đơn vị mới (YYYY-MM-DD).")
@click.option("-v", "--verbose", is_flag=True, help="Liệt kê từng đơn vị được thêm.")
def import_command(path: str, valid_from, verbose: bool) -> None:
    """Nhập danh sách đơn vị hành chính hai cấp từ tệp JSON (chạy lại không sao)."""
    try:
        report = import_units(read_units_file(path),
                              valid_from=valid_from.date() if valid_from else None)
    except RuleViolation as exc:
        db.session.rollback()
        raise click.ClickException(exc.message) from exc
    db.session.commit()
    print_report(report, verbose=verbose)
