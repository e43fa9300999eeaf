"""The resident's journey through the pages: send, track, list."""

import re
import unicodedata

import pytest
import sqlalchemy as sa

from portal.extensions import db
from portal.petitions.models import Petition, PetitionStatus
from portal.petitions.services import accept_petition
from tests.conftest import login, post_form

CODE = re.compile(r"KN-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}")


def form_data(world, **overrides):
    data = {
        "kind": "feedback",
        "title": "Cống thoát nước ngõ 7 bị tắc",
        "body": "Cống thoát nước ngõ 7 bị tắc, mỗi khi mưa nước tràn vào nhà dân.",
        "category": str(world.category.id),
        "province": "01",
        "commune": "Phường Hoàn Kiếm",
        "commune_code": "",
        "contact_name": "Nguyễn Văn An",
        "contact_phone": "0912345678",
        "contact_email": "",
    }
    data.update(overrides)
    return data


def submitted(world) -> Petition:
    return db.session.scalar(sa.select(Petition).order_by(Petition.id.desc()))


def test_form_is_in_vietnamese_and_lists_provinces_and_categories(client, world):
    page = client.get("/petitions/new").get_data(as_text=True)
    assert "Gửi phản ánh, kiến nghị" in page
    assert '<option value="01">Hà Nội</option>' in page
    assert "Chiếu sáng, hạ tầng công cộng" in page
    for kind in ("Phản ánh", "Kiến nghị", "Khiếu nại", "Tố cáo"):
        assert kind in page


def test_anonymous_submission_shows_the_tracking_code(client, world):
    response = post_form(client, "/petitions/new", form_data(world))
    assert response.status_code == 302
    petition = submitted(world)
    assert response.headers["Location"] == f"/track/{petition.tracking_code}"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đã gửi thành công" in page
    assert petition.tracking_code in page
    assert "Chờ tiếp nhận" in page
    assert petition.unit == world.commune_a
    assert petition.submitter is None
    # The confirmation is shown once; the tracking page stays.
    again = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đã gửi thành công" not in again and petition.tracking_code in again


@pytest.mark.parametrize("typed", ["hoan kiem", "HOAN KIEM", "Hoàn Kiếm", "phuong hoan kiem",
                                   unicodedata.normalize("NFD", "hoàn kiếm")])
def test_commune_typed_with_or_without_diacritics_is_found(client, world, typed):
    response = post_form(client, "/petitions/new", form_data(world, commune=typed))
    assert response.status_code == 302
    assert submitted(world).unit == world.commune_a


def test_ambiguous_commune_offers_choices_that_can_be_picked(client, world):
    # "hoan" starts both "Hoàn Kiếm" and "Hoàng Mai".
    response = post_form(client, "/petitions/new", form_data(world, commune="hoan"))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Có nhiều đơn vị khớp" in page
    assert 'value="00070"' in page and 'value="00331"' in page
    assert "Cống thoát nước ngõ 7 bị tắc" in page, "what was typed is kept"
    picked = post_form(client, "/petitions/new",
                       form_data(world, commune="hoan", commune_code="00070"))
    assert picked.status_code == 302
    assert submitted(world).unit == world.commune_a


def test_commune_of_another_province_is_not_accepted(client, world):
    response = post_form(client, "/petitions/new",
                         form_data(world, commune="Diên Khánh", commune_code="22660"))
    assert response.status_code == 400
    assert "Không tìm thấy xã, phường nào có tên này ở Thành phố Hà Nội" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Petition.id))) == 0


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "Vui lòng nhập tiêu đề."),
        ({"body": "ngắn"}, "Nội dung cần từ 20 đến 20000 ký tự (bạn đã nhập 4)."),
        ({"category": ""}, "Vui lòng chọn lĩnh vực."),
        ({"category": "99999"}, "Lựa chọn không hợp lệ, vui lòng chọn lại."),
        ({"province": ""}, "Vui lòng chọn tỉnh, thành phố."),
        ({"commune": ""}, "Vui lòng nhập xã, phường hoặc đặc khu."),
        ({"kind": "petition"}, "Lựa chọn không hợp lệ, vui lòng chọn lại."),
        ({"contact_phone": "123"}, "Số điện thoại không hợp lệ (ví dụ: 0912 345 678)."),
        ({"contact_email": "an@"}, "Địa chỉ email không hợp lệ."),
        ({"title": "Tiêu đề\x00có ký tự lạ"}, "Nội dung có ký tự điều khiển không hợp lệ, vui lòng xoá."),
        ({"body": "x" * 20001}, "Nội dung cần từ 20 đến 20000 ký tự (bạn đã nhập 20001)."),
    ],
)
def test_each_field_error_is_shown_in_vietnamese_next_to_the_field(client, world, overrides, message):
    response = post_form(client, "/petitions/new", form_data(world, **overrides))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert message in page
    assert 'class="error-summary"' in page
    assert db.session.scalar(sa.select(sa.func.count(Petition.id))) == 0


@pytest.mark.parametrize("odd", ["<script>alert(1)</script>", "' OR 1=1 --", "😀" * 50,
                                 "Đơn\u202egiả", "\ufffd\ufffd"])
def test_odd_titles_are_stored_as_typed(client, world, odd):
    response = post_form(client, "/petitions/new", form_data(world, title=odd))
    assert response.status_code == 302
    assert submitted(world).title == odd


@pytest.mark.parametrize("odd", ["<script>alert(1)</script>", "' OR 1=1 --", "😀" * 50])
def test_odd_commune_names_get_a_clear_error(client, world, odd):
    response = post_form(client, "/petitions/new", form_data(world, commune=odd))
    assert response.status_code == 400
    assert "Không tìm thấy xã, phường nào có tên này" in response.get_data(as_text=True)


def test_a_body_over_the_size_limit_is_refused_kindly(client, world):
    too_big = post_form(client, "/petitions/new", form_data(world, body="x" * 3_000_000))
    assert too_big.status_code == 413
    assert "vượt quá dung lượng" in too_big.get_data(as_text=True)


def test_submitted_html_is_shown_as_text(client, world):
    post_form(client, "/petitions/new", form_data(world, title="<b>Đậm</b> <script>x()</script>"))
    petition = submitted(world)
    page = client.get(f"/track/{petition.tracking_code}").get_data(as_text=True)
    assert "<script>x()</script>" not in page
    assert "&lt;script&gt;x()&lt;/script&gt;" in page


def test_signed_in_resident_sees_it_in_my_petitions(client, world):
    login(client, world.resident)
    form = client.get("/petitions/new").get_data(as_text=True)
    assert 'value="Nguyễn Thị Lan"' in form, "contact details are prefilled from the account"
    post_form(client, "/petitions/new", form_data(world))
    petition = submitted(world)
    assert petition.submitter_id == world.resident.id
    page = client.get("/my/petitions").get_data(as_text=True)
    assert petition.tracking_code in page and petition.title in page
    login(client, world.other_resident)
    assert petition.tracking_code not in client.get("/my/petitions").get_data(as_text=True)


def test_tracking_page_follows_the_status_and_hides_contact_details(client, world):
    petition = world.petition()
    accept_petition(petition, actor=world.official)
    db.session.commit()
    page = client.get(f"/track/{petition.tracking_code}").get_data(as_text=True)
    assert "Đã tiếp nhận" in page
    assert "Cơ quan đã tiếp nhận" in page
    for private in ("Nguyễn Văn An", "0912345678", "+84912345678", "an@example.com", "Trần Văn Minh"):
        assert private not in page


def test_tracking_lookup_accepts_sloppy_typing(client, world):
    petition = world.petition()
    sloppy = petition.tracking_code.lower().replace("-", " ")
    response = client.get("/track", query_string={"code": sloppy})
    assert response.status_code == 302
    assert response.headers["Location"] == f"/track/{petition.tracking_code}"
    compact = client.get(f"/track/{petition.tracking_code.replace('-', '').lower()}")
    assert compact.status_code == 301


def test_tracking_lookup_explains_a_mistyped_code(client, world):
    response = client.get("/track", query_string={"code": "KN-26-ABCD-EFG"})
    assert response.status_code == 400
    assert "Mã theo dõi không đúng" in response.get_data(as_text=True)


def test_unknown_code_is_a_plain_404(client, world):
    from portal.petitions.tracking import generate

    response = client.get(f"/track/{generate(2026)}")
    assert response.status_code == 404
    assert "Không tìm thấy" in response.get_data(as_text=True)


def test_rejection_reason_reaches_the_resident(client, world):
    from portal.petitions.services import reject_petition

    petition = world.petition()
    reject_petition(petition, actor=world.leader, reason="Đã giải quyết tại văn bản số 12/UBND.")
    db.session.commit()
    page = client.get(f"/track/{petition.tracking_code}").get_data(as_text=True)
    assert "Không tiếp nhận" in page
    assert "Đã giải quyết tại văn bản số 12/UBND." in page
    assert petition.status == PetitionStatus.REJECTED


def test_public_pages_show_only_what_residents_agreed_to_publish(client, world):
    from portal.handling.services import pause_petition
    from portal.petitions.services import accept_petition
    from tests.scenarios import assign

    shared = world.petition(title="Đường ngập sau mưa", is_public=True)
    private = world.petition(title="Chuyện riêng của tôi")
    unread = world.petition(title="Chưa ai đọc", is_public=True)
    denunciation = world.petition(title="Tố cáo cán bộ", is_public=True, kind="denunciation")
    for petition in (shared, private, denunciation):
        accept_petition(petition, actor=world.official)
    assign(world, shared)
    pause_petition(shared, actor=world.official, reason="Đề nghị ông An gửi thêm ảnh chụp")
    db.session.commit()
    listing = client.get("/public").get_data(as_text=True)
    assert "Đường ngập sau mưa" in listing
    for hidden in ("Chuyện riêng của tôi", "Chưa ai đọc", "Tố cáo cán bộ"):
        assert hidden not in listing
    page = client.get(f"/public/{shared.id}").get_data(as_text=True)
    assert "Đường ngập sau mưa" in page and "UBND phường Hoàn Kiếm" in page
    for secret in (shared.tracking_code, "Nguyễn Văn An", "912345678", "an@example.com",
                   "Đề nghị ông An gửi thêm ảnh chụp"):
        assert secret not in page
    for other in (private, unread, denunciation):
        assert client.get(f"/public/{other.id}").status_code == 404
