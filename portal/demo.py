"""Start-up data: ``flask --app wsgi setup`` (reference data every portal
needs) and ``flask --app wsgi demo load`` (a demo on top of it).

Both are idempotent: running them again adds only what is missing and never
changes what exists (passwords, edited names, petitions' progress).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import click
import sqlalchemy as sa
from flask.cli import AppGroup, with_appcontext

from portal import clock
from portal.accounts.models import Role
from portal.accounts.services import create_account
from portal.deadlines.defaults import seed_calendar, seed_deadline_rules
from portal.demo_history import load_demo_history
from portal.dialogues import planning
from portal.dialogues import services as dialogue_services
from portal.dialogues.models import DialogueSession, SessionFormat
from portal.dialogues.rules import seed_dialogue_rules
from portal.extensions import db
from portal.handling.services import assign_petition
from portal.petitions import services as petition_services
from portal.petitions.defaults import seed_categories
from portal.petitions.models import Category, Petition, PetitionKind
from portal.units.cli import print_report
from portal.units.queries import unit_by_code
from portal.units.services import BUNDLED_UNITS_FILE, REFORM_DATE, import_units, read_units_file

DEMO_PASSWORD = "doithoai-2026"  # noqa: S105 - published demo login, printed on purpose
COMMUNE_A = "00070"  # Phường Hoàn Kiếm, Hà Nội
COMMUNE_B = "00004"  # Phường Ba Đình, Hà Nội
PROVINCE = "01"  # Thành phố Hà Nội


@dataclass(frozen=True)
class Persona:
    email: str
    name: str
    role: Role
    unit: str | None
    office: str | None
    what: str


PERSONAS = (
    Persona("nguoidan@example.com", "Nguyễn Thị Lan", Role.RESIDENT, None, None,
            "người dân"),
    Persona("canbo.hoankiem@example.com", "Trần Văn Minh", Role.OFFICIAL, COMMUNE_A,
            "UBND phường Hoàn Kiếm", "cán bộ phường Hoàn Kiếm"),
    Persona("lanhdao.hoankiem@example.com", "Phạm Quốc Hùng", Role.LEADER, COMMUNE_A,
            "UBND phường Hoàn Kiếm", "lãnh đạo phường Hoàn Kiếm"),
    Persona("congan.hoankiem@example.com", "Đỗ Minh Tuấn", Role.OFFICIAL, COMMUNE_A,
            "Công an phường Hoàn Kiếm", "cán bộ Công an phường Hoàn Kiếm"),
    Persona("canbo.badinh@example.com", "Lê Thị Hoa", Role.OFFICIAL, COMMUNE_B,
            "UBND phường Ba Đình", "cán bộ phường Ba Đình"),
    Persona("thanhtra.hanoi@example.com", "Vũ Đức Thắng", Role.INSPECTOR, PROVINCE,
            "Thanh tra thành phố Hà Nội", "thanh tra thành phố Hà Nội"),
    Persona("quantri@example.com", "Quản trị hệ thống", Role.ADMIN, None, None, "quản trị"),
)


@dataclass(frozen=True)
class DemoPetition:
    unit: str
    title: str
    body: str
    kind: PetitionKind
    category: str
    from_resident: bool = False
    hidden: bool = False
    accept: bool = False
    assign: bool = False
    reject_reason: str | None = None
    public: bool = False  # the sender agreed to publish the content


PETITIONS = (
    DemoPetition(
        COMMUNE_A, "Đèn chiếu sáng ngõ 12 Hàng Bạc hỏng nhiều ngày",
        "Từ đầu tháng, ba cột đèn trong ngõ 12 phố Hàng Bạc không sáng. Buổi tối ngõ tối om, "
        "người già và trẻ em đi lại rất nguy hiểm. Đề nghị phường cho kiểm tra, sửa chữa sớm.",
        PetitionKind.FEEDBACK, "chieu-sang", accept=True, public=True,
    ),
    DemoPetition(
        COMMUNE_A, "Rác thải tập kết sai giờ tại đầu phố Hàng Mã",
        "Rác được để ra đầu phố Hàng Mã từ 3 giờ chiều, tới 10 giờ đêm mới thu gom, gây mùi hôi "
        "và mất mỹ quan. Đề nghị nhắc nhở các hộ kinh doanh và điều chỉnh giờ thu gom.",
        PetitionKind.FEEDBACK, "moi-truong", accept=True, assign=True, public=True,
    ),
    DemoPetition(
        COMMUNE_A, "Đề nghị lắp gờ giảm tốc trước cổng trường tiểu học",
        "Giờ tan học xe máy đi rất nhanh qua cổng trường tiểu học trên phố Hàng Gai. Kiến nghị "
        "lắp gờ giảm tốc và biển báo khu vực trường học để bảo đảm an toàn cho các cháu.",
        PetitionKind.RECOMMENDATION, "giao-thong", from_resident=True,
    ),
    DemoPetition(
        COMMUNE_A, "Chậm chi trả trợ cấp người cao tuổi tháng 9",
        "Mẹ tôi 82 tuổi, thuộc diện hưởng trợ cấp xã hội hằng tháng, nhưng đến nay chưa nhận "
        "được tiền tháng 9. Đề nghị phường xem xét, giải quyết và trả lời rõ lý do chậm chi trả.",
        PetitionKind.COMPLAINT, "an-sinh", hidden=True,
    ),
    DemoPetition(
        COMMUNE_A, "Giải phóng mặt bằng mở rộng ngõ 25: chưa được thông báo phương án bồi thường",
        "Các hộ dân ngõ 25 nằm trong phạm vi giải phóng mặt bằng mở rộng ngõ nhưng chưa được "
        "thông báo phương án bồi thường, hỗ trợ. Đề nghị tổ chức họp dân, công khai phương án.",
        PetitionKind.RECOMMENDATION, "dat-dai", accept=True, public=True,
    ),
    DemoPetition(
        COMMUNE_A, "Quán karaoke gây ồn sau 23 giờ",
        "Quán karaoke ở số 40 mở nhạc to đến 1 giờ sáng nhiều đêm liền, ảnh hưởng giấc ngủ của "
        "cả khu phố. Đề nghị kiểm tra, xử lý.",
        PetitionKind.FEEDBACK, "an-ninh",
        reject_reason="Sự việc đang được Công an phường giải quyết theo đơn ngày 02/11; "
                      "đề nghị ông/bà theo dõi kết quả tại Công an phường.",
    ),
    DemoPetition(
        COMMUNE_B, "Nước sinh hoạt đục, có mùi tại tổ dân phố 5",
        "Một tuần nay nước máy ở tổ dân phố 5 đục và có mùi clo nặng. Đề nghị phường phối hợp "
        "với công ty cấp nước kiểm tra chất lượng nước.",
        PetitionKind.FEEDBACK, "dien-nuoc",
    ),
    DemoPetition(
        COMMUNE_B, "Vỉa hè phố Đội Cấn bị lấn chiếm làm nơi trông giữ xe",
        "Vỉa hè đoạn từ số 100 đến 140 phố Đội Cấn bị các cửa hàng chiếm làm chỗ trông xe, "
        "người đi bộ phải xuống lòng đường. Đề nghị lập lại trật tự vỉa hè.",
        PetitionKind.FEEDBACK, "xay-dung", accept=True, public=True,
    ),
    DemoPetition(
        COMMUNE_A, "Chậm chi trả tiền bồi thường giải phóng mặt bằng dự án cải tạo phố Hàng Chuối",
        "Gia đình tôi đã bàn giao mặt bằng từ tháng 6 cho dự án cải tạo phố Hàng Chuối nhưng "
        "đến nay chưa nhận được tiền bồi thường, hỗ trợ. Đề nghị phường đôn đốc chi trả đúng hạn.",
        PetitionKind.COMPLAINT, "dat-dai", accept=True, public=True,
    ),
    DemoPetition(
        COMMUNE_B, "Giải phóng mặt bằng đường Vành đai 1: chưa bố trí tái định cư",
        "Các hộ trong phạm vi giải phóng mặt bằng đường Vành đai 1 đoạn qua tổ dân phố 12 đã "
        "nhận thông báo thu hồi đất nhưng chưa được bố trí nhà tái định cư. Đề nghị công khai "
        "quỹ nhà tái định cư và thời gian bàn giao.",
        PetitionKind.RECOMMENDATION, "dat-dai", accept=True, public=True,
    ),
    DemoPetition(
        COMMUNE_A, "Thắc mắc về đơn giá bồi thường giải phóng mặt bằng ngõ 25",
        "Tôi là một trong các hộ ngõ 25. Đơn giá bồi thường đất ở được niêm yết thấp hơn giá "
        "thị trường nhiều lần; đề nghị giải thích căn cứ xác định đơn giá. Tôi không muốn công "
        "khai nội dung này.",
        PetitionKind.COMPLAINT, "dat-dai", accept=True, hidden=True,
    ),
    DemoPetition(
        COMMUNE_A, "Bán hàng rong lấn chiếm lòng đường phố Hàng Đào",
        "Buổi tối nhiều xe bán hàng rong dừng giữa lòng đường phố Hàng Đào, gây ùn tắc. Đề nghị "
        "lực lượng trật tự đô thị nhắc nhở, sắp xếp lại.",
        PetitionKind.FEEDBACK, "giao-thong", accept=True, public=True,
    ),
    DemoPetition(
        COMMUNE_A, "Đề nghị bố trí bàn tiếp dân vào buổi tối",
        "Nhiều người đi làm cả ngày không đến được bộ phận một cửa. Kiến nghị phường bố trí "
        "bàn tiếp công dân vào tối thứ Năm hằng tuần.",
        PetitionKind.RECOMMENDATION, "thu-tuc", accept=True, public=True,
    ),
)


def run_setup() -> None:
    report = import_units(read_units_file(BUNDLED_UNITS_FILE), valid_from=REFORM_DATE)
    print_report(report)
    added = seed_categories()
    click.echo(f"Lĩnh vực: thêm {len(added)} lĩnh vực mặc định.")
    click.echo(f"Quy định thời hạn: thêm {seed_deadline_rules()}; "
               f"lịch nghỉ, làm bù: thêm {seed_calendar()} ngày.")
    click.echo(f"Quy định về hội nghị đối thoại: thêm {seed_dialogue_rules()}.")


def _load_personas() -> dict[str, object]:
    users = {}
    for persona in PERSONAS:
        user, created, _grant = create_account(
            email=persona.email, password=DEMO_PASSWORD, role=persona.role,
            unit=unit_by_code(persona.unit) if persona.unit else None,
            office_name=persona.office, full_name=persona.name,
        )
        users[persona.email] = user
    return users


def _load_petitions(users) -> int:
    resident = users["nguoidan@example.com"]
    handlers = {COMMUNE_A: users["canbo.hoankiem@example.com"],
                COMMUNE_B: users["canbo.badinh@example.com"]}
    categories = {c.code: c for c in db.session.scalars(sa.select(Category))}
    added = 0
    for item in PETITIONS:
        unit = unit_by_code(item.unit)
        exists = db.session.scalar(
            sa.select(Petition.id).where(Petition.unit_id == unit.id, Petition.title == item.title)
        )
        if exists:
            continue
        draft = petition_services.PetitionDraft(
            title=item.title, body=item.body, kind=item.kind,
            category=categories[item.category], unit=unit, hide_identity=item.hidden,
            contact_name=resident.full_name if item.from_resident else "Hoàng Văn Nam",
            contact_phone="0912345678" if not item.from_resident else None,
            contact_email=resident.email if item.from_resident else None,
            is_public=item.public,
        )
        petition = petition_services.submit_petition(
            draft, actor=resident if item.from_resident else None
        )
        if item.accept:
            petition_services.accept_petition(petition, actor=handlers[item.unit])
        if item.assign:
            leader = users["lanhdao.hoankiem@example.com"]
            handler = handlers[item.unit]
            office = next(g.office for g in handler.grants if g.office is not None)
            assign_petition(petition, office=office, assignee=handler, actor=leader,
                            note="Kiểm tra, nhắc nhở các hộ kinh doanh")
        if item.reject_reason:
            petition_services.reject_petition(petition, actor=handlers[item.unit],
                                              reason=item.reject_reason)
        added += 1
    return added


DEMO_SESSION_TITLE = "Hội nghị đối thoại về giải phóng mặt bằng và trật tự đô thị"
DEMO_AGENDA = (
    "Báo cáo tiến độ giải phóng mặt bằng mở rộng ngõ 25 và dự án cải tạo phố Hàng Chuối",
    "Phương án bồi thường, hỗ trợ, tái định cư: giải đáp ý kiến cử tri",
    "Trật tự vỉa hè, bán hàng rong và thu gom rác thải",
)


def _load_session(users) -> int:
    """An announced session of Hoàn Kiếm three weeks ahead, so the public
    calendar and the search have something to show."""
    unit = unit_by_code(COMMUNE_A)
    exists = db.session.scalar(sa.select(DialogueSession.id).where(
        DialogueSession.unit_id == unit.id, DialogueSession.title == DEMO_SESSION_TITLE))
    if exists:
        return 0
    leader = users["lanhdao.hoankiem@example.com"]
    day = clock.today_in_vietnam() + timedelta(days=21)
    starts = clock.local_midnight(day) + timedelta(hours=8)
    session = planning.plan_session(unit, planning.SessionDetails(
        title=DEMO_SESSION_TITLE, theme="Giải phóng mặt bằng, bồi thường và trật tự đô thị",
        starts_at=starts, ends_at=starts + timedelta(hours=3),
        venue="Hội trường UBND phường Hoàn Kiếm, 126 Hàng Trống", format=SessionFormat.IN_PERSON,
        online_link=None, expected_participants=150, chair=leader,
        chair_title="Chủ tịch UBND phường",
        co_chairs="Chủ tịch Ủy ban MTTQ Việt Nam phường"), actor=leader)
    for title in DEMO_AGENDA:
        planning.add_agenda_item(session, title=title, starts=None, ends=None,
                                 presenter="Chủ tịch UBND phường", actor=leader)
    dialogue_services.announce_session(session, actor=leader)
    return 1


# Made-up rolls, so the demo can show the share of voters asking for a session.
DEMO_VOTERS = {COMMUNE_A: 24_500, COMMUNE_B: 31_200}


def _set_demo_voters() -> None:
    for code, voters in DEMO_VOTERS.items():
        unit = unit_by_code(code)
        if unit.voter_count is None:
            unit.voter_count = voters


demo_cli = AppGroup("demo", help="Dữ liệu trình diễn.")


@demo_cli.command("load")
def load_command() -> None:
    """Nạp dữ liệu trình diễn (chạy lại không thay đổi gì)."""
    run_setup()
    users = _load_personas()
    added = _load_petitions(users)
    _load_session(users)
    _set_demo_voters()
    db.session.flush()
    history = load_demo_history()
    db.session.commit()
    click.echo(f"Phản ánh mẫu: thêm {added}; hồ sơ cũ (hai quý gần nhất): thêm {history}.")
    click.echo(f"\nTài khoản trình diễn (mật khẩu chung: {DEMO_PASSWORD}):")
    for persona in PERSONAS:
        click.echo(f"  {persona.email:<32} {persona.what}")


@click.command("setup")
@with_appcontext
def setup_cli() -> None:
    """Nạp dữ liệu nền: đơn vị hành chính, lĩnh vực, quy định thời hạn, lịch nghỉ
    (chạy lại không sao)."""
    run_setup()
    db.session.commit()

