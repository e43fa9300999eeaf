"""Reading an import file (docs/import.md) into rows of text, before any
check: the header, the encoding, spreadsheet leftovers, ISO 8601 moments."""

from __future__ import annotations

import csv
import re
from datetime import UTC, date, datetime, time
from pathlib import Path

from flask_babel import gettext as _

from portal import clock, vietnamese

COLUMNS = ("external_id", "kind", "title", "body", "category", "commune_code", "channel",
           "submitted_at", "acknowledged_at", "due_at", "responded_at", "closed_at", "status",
           "office", "responsible_person", "response_text")
# A date without a time is read as the start of the working day.
BARE_DATE_TIME = time(8, 0)
_BARE_DATE = re.compile(r"\d{4}-?\d{2}-?\d{2}")


class ImportRejected(Exception):
    """The file cannot be read as a table of records at all."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def parse_moment(text: str) -> datetime | None:
    """An ISO 8601 date or date and time as aware UTC, or None if it is not
    one. Without an offset it is Vietnam time, as written in the office."""
    try:
        if _BARE_DATE.fullmatch(text):
            day = date.fromisoformat(text)
            return datetime.combine(day, BARE_DATE_TIME, tzinfo=clock.VIETNAM).astimezone(UTC)
        value = datetime.fromisoformat(text)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=clock.VIETNAM)
    return value.astimezone(UTC)


def _header(cells: list[str]) -> list[str]:
    names = [vietnamese.nfc(cell).strip().lower() for cell in cells]
    while names and not names[-1]:
        names.pop()  # a spreadsheet's empty cells past the last column
    problems = []
    missing = [name for name in COLUMNS if name not in names]
    unknown = [name for name in names if name not in COLUMNS]
    twice = sorted({name for name in names if names.count(name) > 1})
    if missing:
        problems.append(_("Dòng 1: thiếu cột %(names)s.", names=", ".join(missing)))
    if unknown:
        # A misspelt optional column would otherwise be dropped without a word.
        problems.append(_("Dòng 1: cột không biết %(names)s.", names=", ".join(unknown)))
    if twice:
        problems.append(_("Dòng 1: cột trùng tên %(names)s.", names=", ".join(twice)))
    if problems:
        raise ImportRejected(problems)
    return names


def read_table(path: Path) -> list[tuple[int, dict[str, str] | None]]:
    """The data rows as ``(line, {column: text})``; lines are counted like a
    spreadsheet's rows (the header is line 1), and a row whose cells do not
    line up with the header comes as ``None``."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except UnicodeDecodeError as exc:
        raise ImportRejected([_("Tệp không phải văn bản UTF-8: hãy lưu bảng tính dưới dạng "
                                "«CSV UTF-8».")]) from exc
    except csv.Error as exc:
        raise ImportRejected([_("Tệp không đọc được như CSV: %(error)s", error=str(exc))]) from exc
    if not rows:
        raise ImportRejected([_("Tệp trống: dòng đầu phải là tên các cột.")])
    names = _header(rows[0])
    table: list[tuple[int, dict[str, str] | None]] = []
    for line, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines between blocks of a spreadsheet
        while len(cells) > len(names) and not cells[-1].strip():
            cells = cells[:-1]  # empty cells a spreadsheet left past the last column
        table.append((line, dict(zip(names, cells, strict=True)) if len(cells) == len(names)
                      else None))
    return table
