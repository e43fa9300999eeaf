"""Deadlines in words, from what ``refresh_deadlines`` stored.

"Hạn trả lời 27/02/2026: 5 ngày làm việc kể từ ngày 13/02/2026 (không tính
nghỉ Tết 14–22/02)", with extensions and pauses added in the same sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from portal import clock
from portal.calendar import DueDate, explain
from portal.petitions.models import ACK_CLOCK_STATUSES, Petition, PetitionStatus


@dataclass(frozen=True)
class DeadlineLine:
    label: str
    due: date
    text: str


def _day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def answer_line(basis: dict) -> DeadlineLine | None:
    answer = basis.get("answer")
    if not answer:
        return None
    base = DueDate.from_dict(answer["base"])
    if answer.get("variant") == "promised":
        parts = [_("ngày đã cam kết tại hội nghị đối thoại")]
    else:
        parts = [explain(base, with_date=False)]
    final = base.due
    for step in answer.get("extensions", []):
        extension = DueDate.from_dict(step)
        final = extension.due
        parts.append(_("gia hạn thêm %(n)d ngày, đến %(due)s", n=extension.days, due=_day(final)))
    if answer.get("paused"):
        paused = DueDate.from_dict(answer["paused"])
        final = paused.due
        parts.append(_("cộng %(n)d ngày tạm dừng chờ bổ sung, đến %(due)s",
                       n=answer["paused_days"], due=_day(final)))
    if answer.get("variant") in ("complex", "complex_remote"):
        parts.append(_("thời hạn của vụ việc phức tạp"))
    if answer.get("variant") in ("remote", "complex_remote"):
        parts.append(_("thời hạn của vùng sâu, vùng xa"))
    return DeadlineLine(_("Hạn trả lời"), final, f"{_day(final)}: " + "; ".join(parts))


def deadline_lines(petition: Petition) -> list[DeadlineLine]:
    """The deadlines worth showing now: acknowledgement while it waits, then
    the answer deadline."""
    basis = petition.deadline_basis or {}
    lines = []
    if petition.status in ACK_CLOCK_STATUSES and basis.get("ack"):
        ack = DueDate.from_dict(basis["ack"])
        lines.append(DeadlineLine(_("Hạn tiếp nhận"), ack.due, explain(ack)))
    answer = answer_line(basis)
    if answer is None or petition.status in ACK_CLOCK_STATUSES | {PetitionStatus.REJECTED}:
        return lines
    if petition.answered_at is not None:
        answered = clock.local_date(petition.answered_at)
        late = (answered - answer.due).days
        verdict = (_("đã trả lời ngày %(day)s, đúng hạn", day=_day(answered)) if late <= 0 else
                   _("đã trả lời ngày %(day)s, quá hạn %(n)d ngày", day=_day(answered), n=late))
        answer = DeadlineLine(answer.label, answer.due, f"{answer.text}; {verdict}")
    lines.append(answer)
    return lines
