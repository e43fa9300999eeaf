"""The vocabulary of dialogue sessions: statuses and the one table of allowed
changes, formats, and how a petition came to a session."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class SessionStatus(StrEnum):
    DRAFT = "draft"
    ANNOUNCED = "announced"
    HELD = "held"
    CONCLUDED = "concluded"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return str(_STATUS_LABELS[self])


_STATUS_LABELS = {
    SessionStatus.DRAFT: _l("Đang chuẩn bị"),
    SessionStatus.ANNOUNCED: _l("Đã thông báo"),
    SessionStatus.HELD: _l("Đã tổ chức"),
    SessionStatus.CONCLUDED: _l("Đã công bố kết quả"),
    SessionStatus.CANCELLED: _l("Đã huỷ"),
}

ALLOWED_SESSION_TRANSITIONS: dict[SessionStatus, frozenset[SessionStatus]] = {
    SessionStatus.DRAFT: frozenset({SessionStatus.ANNOUNCED, SessionStatus.CANCELLED}),
    SessionStatus.ANNOUNCED: frozenset({SessionStatus.HELD, SessionStatus.CANCELLED}),
    SessionStatus.HELD: frozenset({SessionStatus.CONCLUDED}),
    SessionStatus.CONCLUDED: frozenset(),
    SessionStatus.CANCELLED: frozenset(),
}

# What residents may see: a draft is the leader's working copy.
PUBLIC_SESSION_STATUSES = frozenset(
    {SessionStatus.ANNOUNCED, SessionStatus.HELD, SessionStatus.CONCLUDED,
     SessionStatus.CANCELLED})
# A session that took place (counts towards the yearly minimum).
HELD_STATUSES = frozenset({SessionStatus.HELD, SessionStatus.CONCLUDED})
# The results clock runs: announced (its day may have passed) or held.
AWAITING_RESULTS = frozenset({SessionStatus.ANNOUNCED, SessionStatus.HELD})
# Details and agenda may still change.
EDITABLE_STATUSES = frozenset({SessionStatus.DRAFT, SessionStatus.ANNOUNCED})


class SessionFormat(StrEnum):
    IN_PERSON = "in_person"
    ONLINE = "online"
    HYBRID = "hybrid"

    @property
    def label(self) -> str:
        return str(_FORMAT_LABELS[self])


_FORMAT_LABELS = {
    SessionFormat.IN_PERSON: _l("Trực tiếp"),
    SessionFormat.ONLINE: _l("Trực tuyến"),
    SessionFormat.HYBRID: _l("Trực tiếp và trực tuyến"),
}


class ItemStage(StrEnum):
    QUESTION = "question"  # sent through the notice before the session
    RAISED = "raised"  # raised in the room

    @property
    def label(self) -> str:
        return str(_STAGE_LABELS[self])


_STAGE_LABELS = {
    ItemStage.QUESTION: _l("Câu hỏi gửi trước"),
    ItemStage.RAISED: _l("Nêu tại hội nghị"),
}


class ItemOutcome(StrEnum):
    ANSWERED = "answered"  # answered in the room
    COMMITTED = "committed"  # a commitment: one office, one official, a date

    @property
    def label(self) -> str:
        return str(_OUTCOME_LABELS[self])


_OUTCOME_LABELS = {
    ItemOutcome.ANSWERED: _l("Trả lời tại hội nghị"),
    ItemOutcome.COMMITTED: _l("Cam kết giải quyết"),
}


class Flag(StrEnum):
    """A compliance clock a session missed, or is about to miss."""

    NOTICE_LATE = "notice_late"
    RESULTS_LATE = "results_late"

    @property
    def label(self) -> str:
        return str(_FLAG_LABELS[self])


_FLAG_LABELS = {
    Flag.NOTICE_LATE: _l("Thông báo muộn"),
    Flag.RESULTS_LATE: _l("Công bố kết quả muộn"),
}
