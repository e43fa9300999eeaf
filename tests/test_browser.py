"""Main journeys in a real headless Chromium (Debian's package, driven by
Playwright through ``executable_path``; Playwright never downloads a browser).

Skipped, with the reason shown, on a machine without Chromium; CI installs it.
"""

from __future__ import annotations

import os
import re
import threading
from datetime import date
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.test_inspection_views import march  # noqa: F401 - petitions of March 2026

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Flags for a sandboxed CI machine with no network beyond loopback.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent / ".artifacts"


@pytest.fixture(scope="session")
def live_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        reason = (f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)")
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"browser journeys are required here: {reason}")
        pytest.skip(f"browser journeys skipped: {reason}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page_for(browser, request):
    """New, separate browser sessions (one per person); a screenshot is kept
    under tests/.artifacts when the test fails."""
    contexts = []

    def open_page():
        context = browser.new_context(locale="vi-VN")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for i, context in enumerate(contexts):
        if failed and context.pages:
            ARTIFACTS.mkdir(exist_ok=True)
            context.pages[-1].screenshot(path=str(ARTIFACTS / f"{request.node.name}-{i}.png"))
        context.close()


def test_resident_sends_without_account_and_official_accepts(live_server, page_for, world):
    from playwright.sync_api import expect

    resident = page_for()
    resident.goto(live_server + "/")
    resident.get_by_role("link", name="Gửi phản ánh, kiến nghị").click()
    resident.get_by_label("Kiến nghị").check()
    resident.get_by_label("Tiêu đề").fill("Đề nghị lắp đèn đường ngõ 18 Hàng Bông")
    resident.get_by_role("textbox", name="Nội dung").fill(
        "Ngõ 18 phố Hàng Bông chưa có đèn chiếu sáng, buổi tối rất tối và mất an toàn.")
    resident.get_by_label("Lĩnh vực").select_option(label="Chiếu sáng, hạ tầng công cộng")
    resident.get_by_label("Tỉnh, thành phố").select_option(label="Hà Nội")
    commune = resident.get_by_role("combobox", name="Xã, phường, đặc khu")
    commune.press_sequentially("hoan kiem", delay=20)
    expect(resident.get_by_role("option", name="Phường Hoàn Kiếm")).to_be_visible()
    commune.press("ArrowDown")
    commune.press("Enter")
    expect(commune).to_have_value("Phường Hoàn Kiếm")
    resident.get_by_label("Họ và tên").fill("Phan Thị Mai")
    resident.get_by_role("button", name="Gửi phản ánh").click()

    expect(resident.get_by_role("heading", name="Đã gửi thành công")).to_be_visible()
    code = resident.locator("#tracking-code").inner_text().strip()
    assert re.fullmatch(r"KN-\d{2}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)

    # Follow it later, typing the code the way people do.
    resident.get_by_role("link", name="Tra cứu").first.click()
    resident.get_by_label("Mã theo dõi").fill(code.lower().replace("-", " "))
    resident.get_by_role("button", name="Tra cứu").click()
    expect(resident.get_by_text("Chờ tiếp nhận").first).to_be_visible()
    expect(resident.get_by_text("Đề nghị lắp đèn đường ngõ 18 Hàng Bông")).to_be_visible()

    official = page_for()
    official.goto(live_server + "/account/login")
    official.get_by_label("Email hoặc số điện thoại").fill("minh@example.com")
    official.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    official.get_by_role("button", name="Đăng nhập").click()
    official.get_by_role("link", name=code).click()
    expect(official.get_by_text("Phan Thị Mai")).to_be_visible()
    official.get_by_role("button", name="Tiếp nhận", exact=True).click()
    expect(official.get_by_text(f"Đã tiếp nhận phản ánh {code}.")).to_be_visible()

    resident.reload()
    expect(resident.locator(".facts .status")).to_have_text("Đã tiếp nhận")
    expect(resident.get_by_text("Cơ quan đã tiếp nhận")).to_be_visible()
    expect(resident.get_by_text("Phan Thị Mai")).to_have_count(0)


def test_form_errors_are_announced_and_linked_to_fields(live_server, page_for, world):
    from playwright.sync_api import expect

    page = page_for()
    page.goto(live_server + "/petitions/new")
    page.get_by_role("button", name="Gửi phản ánh").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Vui lòng kiểm tra lại thông tin")
    summary.get_by_role("link", name=re.compile("Tiêu đề")).click()
    expect(page.get_by_label("Tiêu đề")).to_be_focused()
    expect(page.get_by_label("Tiêu đề")).to_have_attribute("aria-invalid", "true")
    unlabelled = page.evaluate("""() => [...document.querySelectorAll(
        'input:not([type=hidden]), select, textarea')].filter(el => !el.labels.length).length""")
    assert unlabelled == 0


def test_language_switch_and_small_screen(live_server, page_for, world):
    from playwright.sync_api import expect

    page = page_for()
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server + "/")
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Send feedback and petitions to your commune")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "nothing overflows a phone screen"
    page.get_by_role("button", name="Tiếng Việt").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Gửi phản ánh")


def sign_in(page, live_server, email):
    page.goto(live_server + "/account/login")
    page.get_by_label("Email hoặc số điện thoại").fill(email)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu-nghiem")
    page.get_by_role("button", name="Đăng nhập").click()


def test_official_answers_leader_approves_resident_rates(live_server, page_for, world, accepted):
    from playwright.sync_api import expect

    from tests.scenarios import assign

    assign(world, accepted)
    official = page_for()
    sign_in(official, live_server, "minh@example.com")
    official.get_by_role("link", name="Việc của tôi").first.click()
    official.get_by_role("link", name=accepted.tracking_code).click()
    expect(official.get_by_text("Hạn trả lời 23/03/2026").first).to_be_visible()
    official.get_by_label("Nội dung trả lời").fill(
        "Phường đã thay bóng đèn ngõ 5 ngày 05/03/2026; tổ dân phố sẽ kiểm tra lại mỗi tuần.")
    official.get_by_role("button", name="Trình lãnh đạo duyệt").click()
    expect(official.get_by_text("Dự thảo trả lời chờ lãnh đạo duyệt")).to_be_visible()

    leader = page_for()
    sign_in(leader, live_server, "hung@example.com")
    leader.get_by_role("link", name="Việc của tôi").first.click()
    leader.get_by_role("link", name=accepted.tracking_code).first.click()
    leader.get_by_role("button", name="Duyệt và công bố").click()
    expect(leader.locator(".facts .status")).to_have_text("Đã trả lời")

    resident = page_for()
    resident.goto(f"{live_server}/track/{accepted.tracking_code}")
    expect(resident.get_by_text("Phường đã thay bóng đèn ngõ 5")).to_be_visible()
    resident.get_by_label("Chưa hài lòng").check()
    resident.get_by_label("Ý kiến của bạn").fill("Tối qua đèn ngõ 5 lại tắt.")
    resident.get_by_role("button", name="Gửi đánh giá").click()
    expect(resident.get_by_text("Cảm ơn bạn đã đánh giá.")).to_be_visible()
    expect(resident.locator(".facts .status")).to_have_text("Đang xử lý")
    expect(resident.get_by_text("Mở lại vì người gửi chưa hài lòng")).to_be_visible()

    official.reload()
    expect(official.get_by_label("Nội dung trả lời")).to_be_visible()


def test_leader_prepares_records_and_publishes_a_session(live_server, page_for, world, clock,
                                                         colleague):
    """The dialogue cycle: plan, announce, a resident's question, the
    briefing, three points raised in the room (one answered there, two
    committed to named officials), the conclusion, and the commitments
    waiting on the next session's agenda."""
    from playwright.sync_api import expect

    from tests.scenarios import at

    clock.set(at(date(2026, 3, 2)))
    leader = page_for()
    sign_in(leader, live_server, "hung@example.com")
    leader.get_by_role("link", name="Hội nghị đối thoại").first.click()
    leader.get_by_role("link", name="Lập hội nghị mới").click()
    leader.get_by_label("Tên hội nghị").fill("Đối thoại với Nhân dân về trật tự đô thị năm 2026")
    leader.get_by_label("Ngày tổ chức").fill("2026-03-20")
    leader.get_by_label("Giờ bắt đầu").fill("08:00")
    leader.get_by_label("Giờ kết thúc").fill("11:00")
    leader.get_by_label("Trực tiếp", exact=True).check()
    leader.get_by_label("Địa điểm").fill("Hội trường UBND phường, 126 Hàng Trống")
    leader.get_by_label("Chức vụ người chủ trì").fill("Chủ tịch UBND phường")
    leader.get_by_label("Đồng chủ trì").fill("Bà Lê Thị Thu – Chủ tịch Ủy ban MTTQ phường")
    leader.get_by_role("button", name="Lưu").click()
    expect(leader.get_by_text("Đã lập hội nghị.")).to_be_visible()
    leader.get_by_label("Nội dung").fill("Báo cáo kết quả giải quyết kiến nghị năm 2025")
    leader.get_by_label("Từ").fill("08:00")
    leader.get_by_label("Đến").fill("08:30")
    leader.get_by_role("button", name="Thêm mục").click()
    leader.get_by_role("button", name="Đăng thông báo").click()
    expect(leader.get_by_text("Đã đăng thông báo hội nghị trên cổng.")).to_be_visible()
    session_url = leader.url

    resident = page_for()
    resident.goto(live_server + "/dialogues")
    resident.get_by_role("link", name="Đối thoại với Nhân dân về trật tự đô thị năm 2026").click()
    expect(resident.get_by_text("Báo cáo kết quả giải quyết kiến nghị năm 2025")).to_be_visible()
    resident.get_by_label("Tiêu đề").fill("Khi nào lát lại vỉa hè phố Hàng Bông?")
    resident.get_by_role("textbox", name="Nội dung").fill(
        "Vỉa hè phố Hàng Bông hỏng nhiều đoạn, người đi bộ dễ vấp ngã, nhất là người già.")
    resident.get_by_label("Lĩnh vực").select_option(label="Chiếu sáng, hạ tầng công cộng")
    resident.get_by_role("button", name="Gửi câu hỏi").click()
    expect(resident.get_by_role("heading", name="Đã gửi thành công")).to_be_visible()

    leader.get_by_role("link", name="Tài liệu chuẩn bị (in)").click()
    expect(leader.locator("strong", has_text="Khi nào lát lại vỉa hè phố Hàng Bông?")).to_be_visible()
    expect(leader.get_by_role("button", name="In tài liệu")).to_be_visible()
    leader.emulate_media(media="print")
    expect(leader.locator(".site-header")).to_be_hidden()
    leader.emulate_media(media="screen")

    clock.set(at(date(2026, 3, 20), 9))
    leader.goto(session_url)
    leader.get_by_role("link", name="Ghi ý kiến tại hội nghị").click()
    room = [
        ("Đèn đường ngõ Tạm Thương hỏng", "answered", None, None),
        ("Thoát nước phố Hàng Bạc ngập khi mưa", "committed", world.official, "2026-05-15"),
        ("Lấn chiếm vỉa hè phố Hàng Mã", "committed", colleague, "2026-04-30"),
    ]
    form = leader.locator("#raised-form")
    for title, outcome, official, promised in room:
        expect(form.get_by_label("Người nêu ý kiến")).to_be_focused()
        leader.keyboard.type("Ông Nguyễn Văn Tư, tổ dân phố 5")
        form.get_by_label("Lĩnh vực").select_option(label="Chiếu sáng, hạ tầng công cộng")
        form.get_by_label("Vấn đề nêu ra").fill(title)
        form.get_by_label("Nội dung ý kiến").fill(f"Cử tri phản ánh tại hội nghị: {title}.")
        form.get_by_label({"answered": "Trả lời tại hội nghị",
                             "committed": "Cam kết giải quyết"}[outcome]).check()
        if outcome == "answered":
            expect(form.get_by_label("Hạn hoàn thành cam kết")).to_be_hidden()
            form.get_by_label("Cơ quan và cán bộ chịu trách nhiệm").select_option(
                label=f"UBND phường Hoàn Kiếm — {world.leader.display_name}")
            form.get_by_label("Nội dung đã trả lời").fill(
                "Phường đã bố trí kinh phí, sẽ thay đèn trong tuần tới.")
        else:
            form.get_by_label("Cơ quan và cán bộ chịu trách nhiệm").select_option(
                label=f"UBND phường Hoàn Kiếm — {official.display_name}")
            form.get_by_label("Hạn hoàn thành cam kết").fill(promised)
        form.get_by_label("Vấn đề nêu ra").press("Control+Enter")
        expect(leader.get_by_text(re.compile(r"Đã ghi ý kiến KN-"))).to_be_visible()
    expect(leader.get_by_role("heading", name="Đã ghi (3)")).to_be_visible()

    leader.goto(session_url)
    leader.get_by_label("Số người tham dự").fill("140")
    leader.get_by_role("button", name="Xác nhận đã tổ chức").click()
    expect(leader.locator("h1 + p .status")).to_have_text("Đã tổ chức")
    clock.set(at(date(2026, 3, 24), 10))
    leader.get_by_role("link", name="Công bố thông báo kết luận").click()
    leader.get_by_label("Số thông báo").fill("25/TB-UBND")
    leader.get_by_label("Ngày thông báo").fill("2026-03-24")
    leader.get_by_label("Nội dung kết luận").fill(
        "UBND phường tiếp thu ý kiến cử tri và giao các cơ quan giải quyết như sau.")
    leader.get_by_role("button", name="Công bố").click()
    expect(leader.get_by_text("Đã công bố thông báo kết luận trên trang hội nghị.")).to_be_visible()

    resident.goto(session_url.replace("/staff/dialogues/", "/dialogues/"))
    expect(resident.get_by_text("Thông báo kết luận số 25/TB-UBND ngày 24/03/2026")).to_be_visible()
    commitments = resident.locator("table").last
    expect(commitments).to_contain_text("Thoát nước phố Hàng Bạc ngập khi mưa")
    expect(commitments).to_contain_text(colleague.display_name)
    expect(commitments).to_contain_text("30/04/2026")

    leader.get_by_role("link", name="Hội nghị đối thoại").first.click()
    leader.get_by_role("link", name="Lập hội nghị mới").click()
    leader.get_by_label("Tên hội nghị").fill("Đối thoại giữa năm 2026")
    leader.get_by_label("Ngày tổ chức").fill("2026-09-10")
    leader.get_by_label("Giờ bắt đầu").fill("08:00")
    leader.get_by_label("Địa điểm").fill("Hội trường UBND phường")
    leader.get_by_role("button", name="Lưu").click()
    arising = leader.locator("tbody tr", has=leader.locator(".tag"))
    expect(arising).to_have_count(2)
    expect(arising.first).to_contain_text("Việc tồn đọng")


def test_visitor_searches_without_diacritics_and_narrows_by_commune(live_server, page_for, world,
                                                                   search):
    from playwright.sync_api import expect

    from portal.extensions import db
    from portal.petitions.services import accept_petition

    for title, public, unit, official in (
            ("Giải phóng mặt bằng ngõ 25 chậm bồi thường", True, world.commune_a, world.official),
            ("Giải phóng mặt bằng phố Đội Cấn chưa công khai phương án", True, world.commune_b,
             world.other_official),
            ("Đơn giá bồi thường giải phóng mặt bằng quá thấp", False, world.commune_a,
             world.official)):
        petition = world.petition(at=unit, title=title, is_public=public)
        accept_petition(petition, actor=official)
        db.session.commit()

    visitor = page_for()
    visitor.goto(live_server + "/")
    box = visitor.get_by_role("searchbox", name="Tìm phản ánh, hội nghị")
    box.fill("giai phong mat")
    expect(visitor.locator("#header-suggestions a").first).to_contain_text("Giải phóng mặt bằng")
    box.press("Enter")
    expect(visitor.locator(".result-count")).to_have_text("2 kết quả")
    expect(visitor.locator(".search-results mark").first).to_have_text(re.compile("giải", re.I))
    assert "quá thấp" not in visitor.content()  # not published: never shown to visitors

    visitor.get_by_label("Tỉnh, thành phố").select_option("01")
    visitor.locator("form.search-form button[type=submit]").click()
    visitor.get_by_label("Xã, phường").select_option("00070")
    visitor.locator("form.search-form button[type=submit]").click()
    expect(visitor.locator(".result-count")).to_have_text("1 kết quả")
    expect(visitor.locator(".search-results h2")).to_have_text(
        "Giải phóng mặt bằng ngõ 25 chậm bồi thường")


def test_inspector_audits_drills_down_exports_and_records_a_finding(live_server, page_for, world,
                                                                      march):  # noqa: F811
    from playwright.sync_api import expect

    inspector = page_for()
    sign_in(inspector, live_server, "thang@example.com")
    inspector.get_by_role("link", name="Thanh tra").first.click()
    expect(inspector.get_by_role("heading", name=re.compile("Chỉ số thời hạn"))).to_be_visible()
    # Last quarter by default (the clock says 10/04/2026): Q1 2026.
    expect(inspector.get_by_label("Từ ngày")).to_have_value("2026-01-01")
    expect(inspector.locator(".figures")).to_contain_text("50.0%")
    expect(inspector.locator("figure.chart svg").first).to_be_visible()
    inspector.locator(".figures").get_by_role("link", name="1", exact=True).nth(1).click()
    expect(inspector.get_by_role("heading", name="Hồ sơ trả lời trễ hạn")).to_be_visible()
    expect(inspector.get_by_role("link", name=march[1].tracking_code)).to_be_visible()
    with inspector.expect_download() as download:
        inspector.get_by_role("link", name="Tải CSV").click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith("\ufeff".encode()) and march[1].tracking_code.encode() in content

    inspector.get_by_role("link", name="Sổ theo dõi quá hạn").click()
    inspector.get_by_label("Tình hình tại ngày").fill("2026-03-24")
    inspector.get_by_role("button", name="Xem").click()
    expect(inspector.get_by_text("1 hồ sơ quá hạn tại cuối ngày 24/03/2026.")).to_be_visible()
    inspector.get_by_role("link", name=march[2].tracking_code).click()
    expect(inspector.get_by_text("Đã giao người xử lý").first).to_be_visible()  # its timeline
    inspector.go_back()
    inspector.get_by_role("link", name="Ghi kết luận").click()
    inspector.get_by_label("Mức độ").select_option("serious")
    inspector.get_by_label("Nội dung kết luận, kiến nghị").fill(
        "Hồ sơ quá hạn từ 24/03/2026, chưa có văn bản gia hạn.")
    inspector.get_by_role("button", name="Ghi kết luận").click()
    expect(inspector.get_by_text("Chờ lãnh đạo đơn vị trả lời.")).to_be_visible()

    leader = page_for()
    sign_in(leader, live_server, "hung@example.com")
    leader.get_by_role("link", name="Thanh tra").first.click()
    leader.get_by_role("link", name="Kết luận thanh tra").click()
    leader.get_by_role("link", name=re.compile(r"^#\d+$")).first.click()
    leader.get_by_label("Trả lời của lãnh đạo đơn vị").fill(
        "Đã giao trả lời trước ngày 15/04/2026 và nhắc nhở cán bộ.")
    leader.get_by_role("button", name="Gửi trả lời").click()
    expect(leader.get_by_text("Đã gửi trả lời.")).to_be_visible()

    inspector.reload()
    expect(inspector.get_by_text("Đã giao trả lời trước ngày 15/04/2026")).to_be_visible()
