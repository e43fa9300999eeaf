"""The vocabulary of petitions: kinds, channels, statuses with the one table
of allowed transitions, history event types, deadline states."""

from __future__ import annotations

from enum import StrEnum

from flask_babel import lazy_gettext as _l


class PetitionKind(StrEnum):
    FEEDBACK = "feedback"  # phản ánh
    RECOMMENDATION = "recommendation"  # kiến nghị
    COMPLAINT = "complaint"  # khiếu nại
    DENUNCIATION = "denunciation"  # tố cáo

    @property
    def label(self) -> str:
        return str(_KIND_LABELS[self])


_KIND_LABELS = {
    PetitionKind.FEEDBACK: _l("Phản ánh"),
    PetitionKind.RECOMMENDATION: _l("Kiến nghị"),
    PetitionKind.COMPLAINT: _l("Khiếu nại"),
    PetitionKind.DENUNCIATION: _l("Tố cáo"),
}


class Channel(StrEnum):
    WEB = "web"
    SESSION = "session"  # raised at or sent to a dialogue session
    RECEPTION = "reception"  # at the citizen reception desk
    PHONE = "phone"
    MAIL = "mail"
    API = "api"

    @property
    def label(self) -> str:
        return str(_CHANNEL_LABELS[self])


_CHANNEL_LABELS = {
    Channel.WEB: _l("Cổng trực tuyến"),
    Channel.SESSION: _l("Hội nghị đối thoại"),
    Channel.RECEPTION: _l("Tiếp công dân"),
    Channel.PHONE: _l("Điện thoại"),
    Channel.MAIL: _l("Thư, đơn giấy"),
    Channel.API: _l("Ứng dụng kết nối"),
}


class PetitionStatus(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    IN_PROGRESS = "in_progress"
    PAUSED = "paused"
    ANSWERED = "answered"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return str(_STATUS_LABELS[self])


_STATUS_LABELS = {
    PetitionStatus.RECEIVED: _l("Chờ tiếp nhận"),
    PetitionStatus.ACCEPTED: _l("Đã tiếp nhận"),
    PetitionStatus.REJECTED: _l("Không tiếp nhận"),
    PetitionStatus.IN_PROGRESS: _l("Đang xử lý"),
    PetitionStatus.PAUSED: _l("Tạm dừng, chờ bổ sung"),
    PetitionStatus.ANSWERED: _l("Đã trả lời"),
    PetitionStatus.CLOSED: _l("Đã kết thúc"),
}

# The one table of allowed status changes. Every change goes through
# Petition.change_status, which consults it and writes the history.
ALLOWED_TRANSITIONS: dict[PetitionStatus, frozenset[PetitionStatus]] = {
    # Any open petition may be closed as a duplicate merged into another.
    PetitionStatus.RECEIVED: frozenset({PetitionStatus.ACCEPTED, PetitionStatus.REJECTED,
                                        PetitionStatus.CLOSED}),
    PetitionStatus.ACCEPTED: frozenset({PetitionStatus.IN_PROGRESS, PetitionStatus.CLOSED}),
    PetitionStatus.IN_PROGRESS: frozenset({PetitionStatus.PAUSED, PetitionStatus.ANSWERED,
                                           PetitionStatus.CLOSED}),
    PetitionStatus.PAUSED: frozenset({PetitionStatus.IN_PROGRESS, PetitionStatus.CLOSED}),
    # From "answered" a dissatisfied resident reopens it, or it is closed.
    PetitionStatus.ANSWERED: frozenset({PetitionStatus.IN_PROGRESS, PetitionStatus.CLOSED}),
    PetitionStatus.REJECTED: frozenset(),
    PetitionStatus.CLOSED: frozenset(),
}

OPEN_STATUSES = frozenset(
    {
        PetitionStatus.RECEIVED,
        PetitionStatus.ACCEPTED,
        PetitionStatus.IN_PROGRESS,
        PetitionStatus.PAUSED,
    }
)
FINAL_STATUSES = frozenset(s for s, targets in ALLOWED_TRANSITIONS.items() if not targets)


class EventType(StrEnum):
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ASSIGNED = "assigned"
    TRANSFERRED = "transferred"
    SENT_BACK = "sent_back"
    REASSIGNED = "reassigned"
    MARKED_COMPLEX = "marked_complex"
    EXTENSION_REQUESTED = "extension_requested"
    EXTENSION_APPROVED = "extension_approved"
    EXTENSION_REFUSED = "extension_refused"
    PAUSED = "paused"
    RESUMED = "resumed"
    DUE_DATE_CHANGED = "due_date_changed"
    ANSWER_DRAFTED = "answer_drafted"
    ANSWER_SUBMITTED = "answer_submitted"
    ANSWER_RETURNED = "answer_returned"
    ANSWER_PUBLISHED = "answer_published"
    RATED = "rated"
    REOPENED = "reopened"
    CLOSED = "closed"
    MERGED = "merged"
    DUPLICATE_JOINED = "duplicate_joined"

    @property
    def label(self) -> str:
        return str(_EVENT_LABELS[self])


_EVENT_LABELS = {
    EventType.SUBMITTED: _l("Đã gửi phản ánh, kiến nghị"),
    EventType.ACCEPTED: _l("Cơ quan đã tiếp nhận"),
    EventType.REJECTED: _l("Không tiếp nhận"),
    EventType.ASSIGNED: _l("Đã giao người xử lý"),
    EventType.TRANSFERRED: _l("Chuyển cơ quan, người xử lý khác"),
    EventType.SENT_BACK: _l("Bị trả lại nơi chuyển đến"),
    EventType.REASSIGNED: _l("Giao lại người xử lý"),
    EventType.MARKED_COMPLEX: _l("Xác định là vụ việc phức tạp"),
    EventType.EXTENSION_REQUESTED: _l("Đề nghị gia hạn"),
    EventType.EXTENSION_APPROVED: _l("Được gia hạn"),
    EventType.EXTENSION_REFUSED: _l("Không được gia hạn"),
    EventType.PAUSED: _l("Tạm dừng, chờ người gửi bổ sung"),
    EventType.RESUMED: _l("Tiếp tục xử lý"),
    EventType.DUE_DATE_CHANGED: _l("Thay đổi hạn xử lý"),
    EventType.ANSWER_DRAFTED: _l("Soạn dự thảo trả lời"),
    EventType.ANSWER_SUBMITTED: _l("Trình lãnh đạo duyệt trả lời"),
    EventType.ANSWER_RETURNED: _l("Lãnh đạo trả lại dự thảo"),
    EventType.ANSWER_PUBLISHED: _l("Đã trả lời"),
    EventType.RATED: _l("Người gửi đánh giá câu trả lời"),
    EventType.REOPENED: _l("Mở lại vì người gửi chưa hài lòng"),
    EventType.CLOSED: _l("Kết thúc"),
    EventType.MERGED: _l("Gộp vào một phản ánh trùng đã có"),
    EventType.DUPLICATE_JOINED: _l("Một phản ánh trùng được gộp vào đây"),
}


# Events whose note is written for the resident (a reason for declining, what
# to send in, their own comment) and is shown on the tracking page. Notes of
# other events (assignment notes, transfer reasons...) are for staff only.
RESIDENT_NOTE_EVENTS = frozenset({
    EventType.ACCEPTED, EventType.REJECTED, EventType.PAUSED, EventType.RESUMED,
    EventType.DUE_DATE_CHANGED, EventType.RATED, EventType.REOPENED, EventType.CLOSED,
    EventType.MERGED,
})


class DeadlineState(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    PAUSED = "paused"

    @property
    def label(self) -> str:
        return str(_DEADLINE_STATE_LABELS[self])


_DEADLINE_STATE_LABELS = {
    DeadlineState.ON_TRACK: _l("Trong hạn"),
    DeadlineState.AT_RISK: _l("Sắp đến hạn"),
    DeadlineState.OVERDUE: _l("Quá hạn"),
    DeadlineState.PAUSED: _l("Tạm dừng tính hạn"),
}
# Statuses whose clock runs against the acknowledgement deadline, and those
# whose clock runs against the answer deadline.
ACK_CLOCK_STATUSES = frozenset({PetitionStatus.RECEIVED})
ANSWER_CLOCK_STATUSES = frozenset({PetitionStatus.ACCEPTED, PetitionStatus.IN_PROGRESS})
