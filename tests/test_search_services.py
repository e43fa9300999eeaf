"""Search as each persona uses it: what is found, in which order, and what
never is. The index is real (Whoosh files in a temporary directory)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from flask import current_app
from flask_login import AnonymousUserMixin

from portal.extensions import db
from portal.handling.services import assign_petition
from portal.petitions.models import PetitionKind, PetitionStatus
from portal.petitions.services import accept_petition
from portal.search import indexer
from portal.search.analysis import parse_query
from portal.search.engine import Filters
from portal.search.queries import search
from tests import factories
from tests.scenarios import accept, assign, at

ANONYMOUS = AnonymousUserMixin()


@pytest.fixture(autouse=True)
def _search(search):
    pass


def run(user, parsed, filters, **options):
    with current_app.test_request_context():  # results carry links
        return search(user, parsed, filters, **options)


def found(user, text: str, filters: Filters | None = None, **options) -> list[tuple[str, int]]:
    page = run(user, parse_query(text), filters or Filters(), **options)
    return [(result.part, result.id) for result in page.results]


def public(world, clock, day=date(2026, 3, 2), **overrides):
    """A petition the sender agreed to publish, acknowledged by the commune."""
    petition = world.petition(is_public=True, **overrides)
    return accept(world, clock, petition, day)


@pytest.fixture
def clearance(world, clock):
    return public(world, clock, title="Chậm bồi thường giải phóng mặt bằng ngõ 25 Hàng Bạc",
                  body="Gia đình tôi bàn giao đất từ tháng 5 nhưng chưa nhận tiền bồi thường.")


def test_a_committed_petition_is_found_and_a_rolled_back_change_is_not(world, clearance):
    factories.petition(at=world.commune_a, topic=world.category,
                       title="Cống thoát nước tắc ở phố Hàng Mã")
    db.session.rollback()
    kept = world.petition(title="Rác tập kết sai giờ ở chợ Đồng Xuân")
    kept.title = "Ống nước vỡ ở phố Lò Sũ"
    db.session.flush()
    db.session.rollback()

    assert found(world.official, "giải phóng mặt bằng") == [("petition", clearance.id)]
    assert found(world.official, "Đồng Xuân") == [("petition", kept.id)]
    assert found(world.official, "Lò Sũ") == []
    assert found(world.official, "Hàng Mã") == []


def test_typed_without_diacritics_or_decomposed_the_query_finds_the_same(world, clearance):
    expected = [("petition", clearance.id)]
    assert found(ANONYMOUS, "giải phóng mặt bằng") == expected
    assert found(ANONYMOUS, "giai phong mat bang") == expected
    assert found(ANONYMOUS, "GIAI PHONG MAT BANG") == expected
    assert found(ANONYMOUS, unicodedata.normalize("NFD", "giải phóng mặt bằng")) == expected
    assert found(ANONYMOUS, "hang bac") == expected


def test_d_stroke_and_old_tone_placement_meet(world, clock):
    street = public(world, clock, title="Đèn đường hỏng ở khu tập thể Thuỷ Lợi",
                    body="Khu vực nhà văn hoá tối om.")
    assert found(ANONYMOUS, "den duong") == [("petition", street.id)]
    assert found(ANONYMOUS, "thủy lợi") == [("petition", street.id)]
    assert found(ANONYMOUS, "nhà văn hóa") == [("petition", street.id)]


def test_exact_diacritics_rank_above_folded_matches(world, clock):
    table = public(world, clock, title="Xin bàn giao mặt bằng chợ",
                   body="Ban quản lý bàn giao chậm hai tháng.")
    selling = public(world, clock, title="Bán hàng rong lấn chiếm mặt bằng",
                     body="Người bán hàng chiếm hết lối đi.")
    board = public(world, clock, title="Ban quản lý chợ thu phí mặt bằng",
                   body="Ban quản lý thu phí cao hơn quy định.")
    ranked = [record_id for _, record_id in found(ANONYMOUS, "bán")]
    assert ranked[0] == selling.id
    assert set(ranked) == {table.id, selling.id, board.id}
    assert found(ANONYMOUS, "bàn")[0] == ("petition", table.id)


def test_a_quoted_phrase_needs_the_words_together(world, clock):
    together = public(world, clock, title="Giải phóng mặt bằng chậm", body="Chưa có phương án tái định cư.")
    apart = public(world, clock, title="Mặt đường giải phóng chậm", body="Bằng phẳng thì chưa có ai làm.")
    assert found(ANONYMOUS, '"giai phong mat bang"') == [("petition", together.id)]
    assert {i for _, i in found(ANONYMOUS, "giai phong mat bang")} == {together.id, apart.id}


def test_the_last_word_may_be_unfinished_while_typing(world, clearance):
    page = run(ANONYMOUS, parse_query("giai phong mat ba", prefix=True), Filters())
    assert [r.id for r in page.results] == [clearance.id]
    assert run(ANONYMOUS, parse_query("giai phong mat ba"), Filters()).results == []


def test_snippets_mark_the_words_as_written(world, clearance):
    page = run(ANONYMOUS, parse_query("boi thuong"), Filters())
    assert "<mark>bồi</mark> <mark>thường</mark>" in str(page.results[0].title)
    assert "<mark>bồi</mark> <mark>thường</mark>" in str(page.results[0].snippet)


def test_anonymous_visitors_find_only_what_was_published(world, clock, clearance):
    private = world.petition(title="Giải phóng mặt bằng thiếu minh bạch ở tổ 7")
    accept(world, clock, private, date(2026, 3, 2))
    unread = world.petition(title="Giải phóng mặt bằng, chưa tiếp nhận", is_public=True)
    denunciation = world.petition(title="Tố cáo sai phạm giải phóng mặt bằng", is_public=True,
                                  kind=PetitionKind.DENUNCIATION)
    accept(world, clock, denunciation, date(2026, 3, 2))

    assert found(ANONYMOUS, "giai phong mat bang") == [("petition", clearance.id)]
    staff_sees = {i for _, i in found(world.official, "giai phong mat bang")}
    assert staff_sees == {clearance.id, private.id, unread.id, denunciation.id}
    # Another commune's official sees only what is public there.
    assert found(world.other_official, "giai phong mat bang") == [("petition", clearance.id)]


def test_senders_find_their_own_petitions_and_holders_what_they_hold(world, clock):
    mine = world.petition(title="Cây xanh đổ chắn ngõ", submitter=world.resident)
    assert found(world.resident, "cay xanh") == [("petition", mine.id)]
    assert found(world.other_resident, "cay xanh") == []
    accept(world, clock, mine, date(2026, 3, 2))
    assign_petition(mine, office=world.office_b, assignee=world.other_official,
                    actor=world.leader, note="Chuyển phường Ba Đình xử lý")
    db.session.commit()
    assert found(world.other_official, "cay xanh") == [("petition", mine.id)]


def test_contact_details_are_never_searchable(world, clock):
    public(world, clock, contact_name="Nguyễn Văn Khải", contact_phone="0987654321",
           contact_email="khai@example.com")
    for user in (ANONYMOUS, world.official, world.admin):
        assert found(user, "Khải") == []
        assert found(user, "0987654321") == []


def test_a_published_answer_is_searchable_once_published(world, clock, clearance):
    from portal.answers.services import save_draft, submit_answer

    assert found(ANONYMOUS, "kinh phí quý") == []
    assign(world, clearance)
    save_draft(clearance, actor=world.official, body="Thành phố bố trí kinh phí quý IV.")
    db.session.commit()
    assert found(ANONYMOUS, "kinh phí quý") == []  # a draft is not an answer yet
    submit_answer(clearance, actor=world.leader, body="Thành phố bố trí kinh phí quý IV.")
    db.session.commit()
    assert found(ANONYMOUS, "kinh phí quý") == [("petition", clearance.id)]


def test_filters_narrow_and_facets_count_what_each_would_give(world, clock, clearance):
    other = world.petition(at=world.commune_b, is_public=True,
                           title="Giải phóng mặt bằng đường Đội Cấn")
    accept_petition(other, actor=world.other_official)
    db.session.commit()
    closed_unit = Filters(unit=world.commune_a.id)
    assert found(ANONYMOUS, "giai phong", closed_unit) == [("petition", clearance.id)]
    assert found(ANONYMOUS, "giai phong", Filters(unit=world.commune_b.id)) == [
        ("petition", other.id)]
    assert found(ANONYMOUS, "giai phong", Filters(status=PetitionStatus.CLOSED.value)) == []
    assert found(ANONYMOUS, "giai phong", Filters(type="session")) == []
    page = run(ANONYMOUS, parse_query("giai phong"), closed_unit)
    assert page.total == 1
    assert page.facets["province"] == {str(world.province.id): 2}
    assert page.facets["status"] == {PetitionStatus.ACCEPTED.value: 2}


def test_what_was_counted_before_a_change_follows_the_change(world, clock, clearance):
    # Searching first keeps document sets in the worker; a change must not
    # leave the old version findable nor counted.
    page = run(ANONYMOUS, parse_query("giai phong"), Filters())
    assert page.total == 1 and page.facets["status"] == {PetitionStatus.ACCEPTED.value: 1}
    clearance.title = "Chậm bồi thường khu tái định cư Hàng Bạc"
    clearance.body = "Gia đình tôi chưa nhận tiền."
    db.session.commit()
    assert found(ANONYMOUS, "giai phong") == []
    assert found(ANONYMOUS, "tai dinh cu") == [("petition", clearance.id)]
    hidden = world.petition(title="Giải phóng mặt bằng chưa công khai")
    accept(world, clock, hidden, date(2026, 3, 2))
    page = run(world.official, parse_query("giai phong"), Filters())
    assert [r.id for r in page.results] == [hidden.id] and page.total == 1
    assert page.facets["status"] == {PetitionStatus.ACCEPTED.value: 1}
    assert found(ANONYMOUS, "giai phong") == []


def test_sorted_by_date_newest_first_across_months_and_years(world, clock):
    sent = {}
    # Submitted out of order, so index order is not date order.
    for day in (date(2026, 1, 2), date(2025, 12, 30), date(2026, 3, 5), date(2026, 3, 1)):
        clock.set(at(day))
        sent[day] = world.petition(title=f"Đèn đường hỏng ngày {day.isoformat()}").id
    newest_first = [sent[day] for day in sorted(sent, reverse=True)]
    assert [i for _, i in found(world.official, "den duong", by_date=True)] == newest_first
    second_page = run(world.official, parse_query("den duong"), Filters(), by_date=True,
                      page=2, per_page=3)
    assert [r.id for r in second_page.results] == newest_first[3:]
    assert second_page.total == 4


def test_overdue_filter_uses_today(world, clock, clearance):
    due = clearance.deadline_on
    assert found(world.official, "giai phong", Filters(overdue=True), today=due) == []
    late = found(world.official, "giai phong", Filters(overdue=True),
                 today=date.fromordinal(due.toordinal() + 1))
    assert late == [("petition", clearance.id)]


def test_a_change_that_missed_the_index_is_applied_by_the_next_sync(app, world, clock):
    app.config["SEARCH_APPLY_AFTER_COMMIT"] = False
    try:
        petition = public(world, clock, title="Ô nhiễm tiếng ồn karaoke")
    finally:
        app.config["SEARCH_APPLY_AFTER_COMMIT"] = True
    assert found(ANONYMOUS, "karaoke") == []
    assert indexer.apply_pending(wait=True) >= 1
    assert found(ANONYMOUS, "karaoke") == [("petition", petition.id)]
    assert indexer.apply_pending(wait=True) == 0


def test_rebuild_gives_the_same_results_in_a_new_directory(world, clock, clearance):
    before = indexer.current_dir()
    after = indexer.rebuild()
    assert after != before and indexer.current_dir() == after
    assert found(ANONYMOUS, "giai phong mat bang") == [("petition", clearance.id)]
