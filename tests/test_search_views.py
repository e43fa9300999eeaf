"""The search page, its API and the similar-petitions panel, as people use
them through HTTP, with a real index kept up to date after each request."""

from __future__ import annotations

import re
from datetime import date

import pytest

from portal.extensions import db
from portal.permissions import can_view_petition
from portal.petitions.models import Petition
from portal.petitions.queries import is_published
from tests.conftest import login, post_form
from tests.scenarios import accept

PERSONAS = ("resident", "other_resident", "official", "other_official", "leader", "inspector",
            "admin")


@pytest.fixture(autouse=True)
def _search(search):
    pass


@pytest.fixture
def land(world, clock):
    """Three land-clearance petitions of commune A: two published, one not."""
    made = {}
    for name, public, title in (
        ("public", True, "Giải phóng mặt bằng mở rộng ngõ 25 chậm bồi thường"),
        ("also_public", True, "Chưa công khai phương án giải phóng mặt bằng phố Hàng Chuối"),
        ("private", False, "Đơn giá bồi thường giải phóng mặt bằng quá thấp"),
    ):
        petition = world.petition(title=title, is_public=public, submitter=world.resident,
                                  body="Các hộ dân đề nghị phường trả lời rõ, công khai.")
        made[name] = accept(world, clock, petition, date(2026, 3, 2))
    return made


def titles(html: str) -> list[str]:
    links = re.findall(r'<h2><a href="[^"]*">(.*?)</a></h2>', html)
    return [re.sub(r"</?mark>", "", link) for link in links]


def test_with_or_without_diacritics_the_page_finds_the_same_marked_results(client, land):
    accented = client.get("/search?q=giải phóng mặt bằng")
    plain = client.get("/search?q=giai phong mat bang")
    assert accented.status_code == plain.status_code == 200
    expected = {land["public"].title, land["also_public"].title}
    assert set(titles(accented.text)) == set(titles(plain.text)) == expected
    assert "<mark>giải</mark> <mark>phóng</mark>" in plain.text.lower()
    assert "2 kết quả" in plain.text
    assert land["private"].title not in plain.text


def test_filters_narrow_the_results_and_show_counts(client, world, land):
    page = client.get("/search?q=giai+phong&province=01&unit=00004")
    assert page.status_code == 200 and titles(page.text) == []
    page = client.get("/search?q=giai+phong&province=01&unit=00070&type=petition")
    assert len(titles(page.text)) == 2
    assert re.search(r"Phản ánh, kiến nghị \(2\)", page.text)


def test_bad_filters_get_a_clear_message_not_an_error(client, land):
    for query in ("category=nope", "unit=00070", "year=1999", "type=everything", "status=x"):
        page = client.get(f"/search?q=giai+phong&{query}")
        assert page.status_code == 400, query
        assert "Vui lòng kiểm tra lại thông tin" in page.text


def test_nothing_found_offers_a_spelling_and_a_way_out(client, land):
    page = client.get("/search?q=giai+fong+mat+bang&year=2025")
    assert "Không tìm thấy kết quả phù hợp" in page.text
    assert "giải phóng mặt bằng" in page.text  # did you mean, diacritics restored
    assert "Bỏ các bộ lọc" in page.text


def test_staff_find_private_petitions_of_their_commune_only(client, world, land):
    login(client, world.official)
    assert land["private"].title in titles(client.get("/search?q=giai phong mat bang").text)
    login(client, world.other_official)
    assert land["private"].title not in titles(client.get("/search?q=giai phong mat bang").text)


def test_no_persona_ever_finds_a_petition_it_may_not_read(app, client, world, clock, land):
    hidden = world.petition(title="Giải phóng mặt bằng, tôi xin giấu tên", hide_identity=True)
    accept(world, clock, hidden, date(2026, 3, 2))
    everything = set(db.session.scalars(db.select(Petition.id)))
    for persona in (None, *PERSONAS):
        user = getattr(world, persona) if persona else None
        visitor = app.test_client()
        if user is not None:
            login(visitor, user)
        answer = visitor.get("/api/v1/search?q=giai+phong+mat+bang&per_page=100").get_json()
        found = {item["id"] for item in answer["items"]}
        for petition_id in found:
            petition = db.session.get(Petition, petition_id)
            assert is_published(petition) or (user and can_view_petition(user, petition)), (
                persona, petition.title)
        may_read = {i for i in everything
                    if is_published(db.session.get(Petition, i))
                    or (user and can_view_petition(user, db.session.get(Petition, i)))}
        assert found == may_read, persona
        for item in answer["items"]:
            if item["tracking_code"]:
                assert user is not None and can_view_petition(user, db.session.get(Petition,
                                                                                   item["id"]))


def test_the_api_answers_items_meta_and_facets(client, world, land):
    answer = client.get("/api/v1/search?q=giai+phong&unit=00070&per_page=1").get_json()
    assert answer["meta"] == {"total": 2, "page": 1, "per_page": 1}
    item = answer["items"][0]
    assert set(item) >= {"type", "id", "tracking_code", "title", "snippet", "score", "url"}
    assert item["type"] == "petition" and item["tracking_code"] is None
    assert item["url"].endswith(f"/public/{item['id']}")
    assert answer["facets"]["category"] == {world.category.code: 2}
    assert answer["facets"]["province"] == {"01": 2}
    bad = client.get("/api/v1/search?q=x&unit=99999")
    assert bad.status_code == 400 and "unit" in bad.get_json()["error"]["fields"]


def test_a_petition_sent_through_the_form_is_found_after_the_response(client, world):
    answer = post_form(client, "/petitions/new", {
        "kind": "feedback", "title": "Cống thoát nước phố Hàng Mã bị tắc",
        "body": "Mưa nhỏ cũng ngập vì cống tắc, đề nghị nạo vét.",
        "category": str(world.category.id), "province": "01", "commune": "Hoàn Kiếm",
        "contact_name": "Bùi Văn Cường", "contact_phone": "0912000111"})
    assert answer.status_code in (302, 303)
    answer.close()  # what a WSGI server does once the response is sent
    login(client, world.official)
    assert "Cống thoát nước phố Hàng Mã bị tắc" in titles(client.get("/search?q=cong thoat nuoc").text)


def test_similar_petitions_of_the_same_commune_are_offered_while_writing(client, world, land):
    answer = client.get("/search/similar", query_string={
        "unit": "00070", "title": "Chậm bồi thường giải phóng mặt bằng ngõ 25"}).get_json()
    assert answer["items"][0]["title"] == land["public"].title
    assert land["private"].title not in {i["title"] for i in answer["items"]}
    elsewhere = client.get("/search/similar", query_string={
        "unit": "00004", "title": "Chậm bồi thường giải phóng mặt bằng ngõ 25"}).get_json()
    assert elsewhere["items"] == []


def test_type_ahead_matches_the_word_being_typed(client, land):
    answer = client.get("/search/suggest?q=hang+chu").get_json()
    assert [i["title"] for i in answer["items"]] == [land["also_public"].title]


def test_every_page_has_the_search_box(client, world):
    page = client.get("/")
    assert 'role="search"' in page.text and 'action="/search"' in page.text
