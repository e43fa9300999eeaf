"""The one source of "now".

Everything that needs the current time asks ``now()`` so that tests (and the
deadline calendar) can pin time without patching the standard library.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

_frozen: datetime | None = None


def now() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return _frozen if _frozen is not None else datetime.now(UTC)


def today_in_vietnam() -> date:
    return now().astimezone(VIETNAM).date()


def local_date(moment: datetime) -> date:
    """The day in Vietnam on which ``moment`` (aware) fell."""
    return moment.astimezone(VIETNAM).date()


def freeze(moment: datetime) -> None:
    if moment.tzinfo is None:
        raise ValueError("freeze() needs a timezone-aware datetime")
    global _frozen
    _frozen = moment.astimezone(UTC)


def unfreeze() -> None:
    global _frozen
    _frozen = None


def local_midnight(day: date) -> datetime:
    """The moment ``day`` begins in Vietnam (aware)."""
    return datetime.combine(day, time.min, tzinfo=VIETNAM)
