"""CSV files for spreadsheets: UTF-8 with a byte-order mark (so Excel reads
Vietnamese correctly), explicit columns only."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from flask import Response

from portal import clock

BOM = "\ufeff"
# A cell starting with one of these is a formula to a spreadsheet; a title
# typed by a resident must never run as one (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def csv_response(name: str, header: Sequence[str], rows: Iterable[Sequence]) -> Response:
    # Built whole rather than streamed: the rows are read while the request
    # (and the reader's permissions) are still at hand, and a failure shows
    # as an error page instead of a truncated file that looks complete.
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([cell(v) for v in row] for row in rows)
    stamp = clock.today_in_vietnam().strftime("%Y%m%d")
    response = Response(buffer.getvalue(), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    return response
