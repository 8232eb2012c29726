"""The desk's demo rows for the demo Department, made through the services: a dozen questions
(most answered, several published in the FAQ and linked to enterprise-registration procedures)
and several complaints (answered with findings, one overdue, one naming an officer).

Moments are counted back from today at fixed offsets, so loading on the same day gives the same
rows; a Department that already has questions is left as it is.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from motcua.catalog.models import Procedure
from motcua.org.constants import Role
from motcua.org.models import Agency, Staff, Unit

from . import services
from .constants import ComplaintKind, ComplaintOutcome, DeskChannel
from .models import Question

# Demo people and text are fictional; the addresses and numbers are the reserved ones of
# notifications/reach.py (example.com, 0300 xxx xxx), which reach no one.
PRIVATE = "Đăng ký thành lập doanh nghiệp tư nhân"
ONE_MEMBER = "Đăng ký thành lập công ty TNHH một thành viên"
JOINT_STOCK = "Đăng ký thành lập công ty cổ phần"
SUSPEND = (
    "Thông báo tạm ngừng kinh doanh, tiếp tục kinh doanh trước thời hạn đã thông báo (doanh nghiệp"
)
DISSOLVE = "Giải thể doanh nghiệp"


@dataclass(frozen=True)
class DemoQuestion:
    days_ago: int
    channel: str
    asker: tuple[str, str, str]  # name, e-mail, phone
    subject: str
    body: str
    unit: str = ""  # unit code it is assigned to; "" leaves it new
    answer: str = ""
    publish: tuple[str, ...] | None = None  # procedure names (prefix) when published


QUESTIONS = [
    DemoQuestion(
        60,
        DeskChannel.PORTAL,
        ("Nguyễn Hoàng Long", "long.nh@example.com", ""),
        "Thành lập doanh nghiệp tư nhân cần chuẩn bị giấy tờ gì?",
        "Tôi muốn mở doanh nghiệp tư nhân kinh doanh cà phê tại Nha Trang. Hồ sơ gồm những gì?",
        "dang-ky-kinh-doanh",
        "Hồ sơ gồm Giấy đề nghị đăng ký doanh nghiệp và bản sao giấy tờ pháp lý của chủ doanh "
        "nghiệp (căn cước). Có thể nộp trực tuyến trên Hệ thống thông tin quốc gia về đăng ký "
        "doanh nghiệp hoặc tại Bộ phận Một cửa.",
        (PRIVATE,),
    ),
    DemoQuestion(
        55,
        DeskChannel.HOTLINE,
        ("Trần Thị Mỹ", "", "0300123401"),
        "Lệ phí đăng ký thành lập công ty TNHH một thành viên là bao nhiêu?",
        "Gọi đường dây nóng: hỏi lệ phí khi nộp hồ sơ trực tuyến và khi nộp trực tiếp.",
        "dang-ky-kinh-doanh",
        "Nộp hồ sơ đăng ký doanh nghiệp qua mạng điện tử được miễn lệ phí đăng ký doanh nghiệp; "
        "nộp trực tiếp nộp lệ phí theo biểu phí hiện hành.",
        (ONE_MEMBER,),
    ),
    DemoQuestion(
        48,
        DeskChannel.EMAIL,
        ("Công ty CP Hải Đăng", "haidang@example.com", ""),
        "Bao lâu thì nhận được Giấy chứng nhận đăng ký doanh nghiệp?",
        "Công ty cổ phần nộp hồ sơ hợp lệ thì sau bao nhiêu ngày có kết quả?",
        "dang-ky-kinh-doanh",
        "Trong 03 ngày làm việc kể từ khi nhận hồ sơ hợp lệ. Ngày hẹn trả kết quả ghi trên giấy "
        "tiếp nhận hồ sơ.",
        (JOINT_STOCK, PRIVATE),
    ),
    DemoQuestion(
        40,
        DeskChannel.PORTAL,
        ("Lê Văn Khánh", "khanh.lv@example.com", ""),
        "Tạm ngừng kinh doanh phải thông báo trước bao lâu?",
        "Doanh nghiệp tôi muốn tạm ngừng kinh doanh 6 tháng, phải báo trước mấy ngày?",
        "dang-ky-kinh-doanh",
        "Doanh nghiệp gửi thông báo chậm nhất 03 ngày làm việc trước ngày tạm ngừng kinh doanh.",
        (SUSPEND,),
    ),
    DemoQuestion(
        33,
        DeskChannel.PORTAL,
        ("Phạm Thu Trang", "", "0300000222"),
        "Giải thể doanh nghiệp khi còn nợ thuế được không?",
        "Công ty còn nợ thuế thì có làm thủ tục giải thể được không?",
        "dang-ky-kinh-doanh",
        "Doanh nghiệp chỉ được giải thể khi bảo đảm thanh toán hết các khoản nợ, kể cả nợ thuế. "
        "Cơ quan thuế xác nhận việc hoàn thành nghĩa vụ thuế trong quá trình giải thể.",
        (DISSOLVE,),
    ),
    DemoQuestion(
        26,
        DeskChannel.HOTLINE,
        ("Võ Minh Tuấn", "", "0300111333"),
        "Trung tâm có hỗ trợ doanh nghiệp nhỏ và vừa lập hồ sơ không?",
        "Hỏi qua điện thoại về hỗ trợ tư vấn miễn phí cho doanh nghiệp mới thành lập.",
        "xuc-tien-dau-tu",
        "Trung tâm Xúc tiến đầu tư và Hỗ trợ doanh nghiệp tư vấn miễn phí hồ sơ đăng ký doanh "
        "nghiệp vào giờ hành chính; xem lịch hỗ trợ trên Cổng.",
        (),
    ),
    DemoQuestion(
        20,
        DeskChannel.PORTAL,
        ("Đinh Thị Hạnh", "hanh.dt@example.com", ""),
        "Đổi địa chỉ trụ sở sang huyện khác có phải đăng ký lại?",
        "Công ty chuyển trụ sở từ Nha Trang về Cam Lâm thì làm thủ tục gì?",
        "dang-ky-kinh-doanh",
        "Doanh nghiệp làm thủ tục đăng ký thay đổi địa chỉ trụ sở chính; không phải đăng ký lại.",
    ),
    DemoQuestion(
        15,
        DeskChannel.EMAIL,
        ("Hoàng Anh Dũng", "dung.ha@example.com", ""),
        "Nhà đầu tư nước ngoài góp vốn vào công ty cần thủ tục gì?",
        "Một nhà đầu tư Hàn Quốc muốn mua 30% vốn góp của công ty chúng tôi.",
        "kinh-te-doi-ngoai",
        "Nhà đầu tư nước ngoài đăng ký góp vốn, mua phần vốn góp tại Sở trước khi thay đổi thành "
        "viên; hồ sơ gồm văn bản đăng ký và bản sao giấy tờ pháp lý của nhà đầu tư.",
    ),
    DemoQuestion(
        10,
        DeskChannel.PORTAL,
        ("Ngô Bảo Châu", "", "0300777666"),
        "Có thể nhận kết quả qua bưu điện không?",
        "Tôi ở Vạn Ninh, muốn nhận Giấy chứng nhận qua bưu chính công ích.",
        "mot-cua",
        "Có. Chọn hình thức nhận kết quả qua bưu chính khi nộp hồ sơ; phí chuyển phát do người "
        "nhận trả.",
        (),
    ),
    DemoQuestion(
        30,
        DeskChannel.PORTAL,
        ("Trương Gia Huy", "huy.tg@example.com", ""),
        "Hộ kinh doanh chuyển thành doanh nghiệp có được hỗ trợ gì?",
        "Tôi đang là hộ kinh doanh, chuyển lên doanh nghiệp có được miễn phí gì không?",
        "xuc-tien-dau-tu",
    ),  # assigned long ago, still unanswered: overdue
    DemoQuestion(
        2,
        DeskChannel.HOTLINE,
        ("Lý Thanh Tâm", "", "0300222333"),
        "Mã số doanh nghiệp có phải là mã số thuế không?",
        "Gọi đường dây nóng hỏi về mã số doanh nghiệp.",
        "dang-ky-kinh-doanh",
    ),
    DemoQuestion(
        1,
        DeskChannel.PORTAL,
        ("Mai Phương Thảo", "thao.mp@example.com", ""),
        "Có cần con dấu khi thành lập công ty không?",
        "Công ty mới thành lập có bắt buộc phải khắc dấu không?",
    ),
]


@dataclass(frozen=True)
class DemoComplaint:
    days_ago: int
    channel: str
    kind: str
    complainant: tuple[str, str, str]
    subject: str
    body: str
    unit: str = ""
    officer: str = ""  # username of the officer it names
    with_dossier: bool = False
    outcome: str = ""
    answer: str = ""
    satisfied: bool | None = None


COMPLAINTS = [
    DemoComplaint(
        50,
        DeskChannel.PORTAL,
        ComplaintKind.FEEDBACK,
        ("Đỗ Văn Hùng", "hung.dv@example.com", ""),
        "Hồ sơ bị yêu cầu bổ sung nhiều lần",
        "Hồ sơ đăng ký doanh nghiệp của tôi bị yêu cầu bổ sung hai lần, mỗi lần một giấy tờ khác.",
        "dang-ky-kinh-doanh",
        "chuyenvien.dkkd",
        True,
        ComplaintOutcome.PARTLY,
        "Lần bổ sung thứ hai là do thông tin người nộp khai sai; lần thứ nhất chưa hướng dẫn "
        "đầy đủ một lần. Sở đã nhắc nhở chuyên viên và xin lỗi ông.",
        True,
    ),
    DemoComplaint(
        38,
        DeskChannel.HOTLINE,
        ComplaintKind.FEEDBACK,
        ("Bà Nguyễn Thị Tư", "", "0300999888"),
        "Chờ lâu tại quầy tiếp nhận",
        "Phản ánh qua đường dây nóng: chờ hơn một giờ tại Bộ phận Một cửa sáng thứ Hai.",
        "mot-cua",
        "",
        False,
        ComplaintOutcome.FOUNDED,
        "Sáng thứ Hai chỉ mở một quầy do cán bộ nghỉ ốm. Từ nay Bộ phận Một cửa bố trí người "
        "thay thế để luôn mở đủ hai quầy.",
        False,
    ),
    DemoComplaint(
        25,
        DeskChannel.PORTAL,
        ComplaintKind.PROPOSAL,
        ("Hiệp hội Doanh nghiệp trẻ", "hoi@example.com", ""),
        "Đề nghị niêm yết mẫu đơn đã điền sẵn",
        "Đề nghị Sở niêm yết các mẫu đơn có điền mẫu tại quầy và trên Cổng.",
        "van-phong",
        "",
        False,
        ComplaintOutcome.FOUNDED,
        "Sở tiếp thu; các mẫu đơn điền sẵn đã được đăng cùng thủ tục trên Cổng.",
        True,
    ),
    DemoComplaint(
        20,
        DeskChannel.EMAIL,
        ComplaintKind.FEEDBACK,
        ("Ông Phan Văn Lực", "luc.pv@example.com", ""),
        "Cán bộ thu thêm tiền ngoài lệ phí",
        "Tôi cho rằng cán bộ thu thêm tiền photo ngoài lệ phí đăng ký.",
        "thanh-tra",
        "",
        False,
        ComplaintOutcome.UNFOUNDED,
        "Qua xác minh, khoản tiền là phí dịch vụ photo của đơn vị bưu chính đặt tại Sở, có biên "
        "lai; cán bộ Sở không thu khoản nào ngoài lệ phí.",
        None,
    ),
    DemoComplaint(
        40,
        DeskChannel.PORTAL,
        ComplaintKind.FEEDBACK,
        ("Châu Ngọc Lan", "lan.cn@example.com", ""),
        "Chưa nhận được trả lời về hồ sơ đầu tư",
        "Tôi gửi văn bản hỏi tiến độ dự án nhưng chưa được trả lời.",
        "kinh-te-doi-ngoai",
    ),  # assigned, unanswered well past 15 working days: overdue
    DemoComplaint(
        1,
        DeskChannel.PORTAL,
        ComplaintKind.PROPOSAL,
        ("Võ Thị Hồng", "", "0300000111"),
        "Đề nghị mở thêm quầy vào sáng thứ Bảy",
        "Nhiều người đi làm giờ hành chính, đề nghị Bộ phận Một cửa làm việc sáng thứ Bảy.",
    ),
]


def _moment(today, days_ago: int, hour: int = 9) -> datetime:
    """`hour` o'clock `days_ago` days before today, never later than now."""
    moment = timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), time(hour)))
    return min(moment, timezone.now())


def _answerer(staff, unit, office):
    """A specialist of the unit, else its head or counter officer, else the office."""
    for role in (Role.SPECIALIST, Role.UNIT_HEAD, Role.COUNTER_OFFICER):
        for member in staff.values():
            if member.unit_id == unit.pk and member.has_role(role):
                return member
    return office


@transaction.atomic
def load_demo_desk(department: Agency) -> int:
    """Questions and complaints for the demo Department; returns how many rows were made."""
    if Question.objects.filter(agency=department).exists():
        return 0
    today = timezone.localdate()
    staff = {
        s.user.username: s
        for s in Staff.objects.filter(agency=department)
        .select_related("user", "unit")
        .prefetch_related("user__groups")
    }
    units = {u.code: u for u in Unit.objects.filter(agency=department)}
    office, counter = staff["vanphong"], staff["motcua"]
    made = 0
    for item in QUESTIONS:
        _question(department, item, today, staff, units, office, counter)
        made += 1
    dossier = department.dossiers.exclude(code=None).order_by("received_at").first()
    for item in COMPLAINTS:
        _complaint(department, item, today, staff, units, office, counter, dossier)
        made += 1
    return made


def _question(department, item, today, staff, units, office, counter):
    asked = _moment(today, item.days_ago)
    name, email, phone = item.asker
    by_officer = item.channel not in (DeskChannel.PORTAL, DeskChannel.EMAIL)
    question = services.ask_question(
        department,
        channel=item.channel,
        asker=services.Person(name, email, phone),
        subject=item.subject,
        body=item.body,
        at=asked,
        entered_by=counter if by_officer else None,
    )
    if not item.unit:
        return
    unit = units[item.unit]
    services.assign_question(question, office, unit, at=asked + timedelta(hours=2))
    if not item.answer:
        return
    services.answer_question(
        question,
        _answerer(staff, unit, office),
        item.answer,
        at=_moment(today, item.days_ago - 3, 15),
    )
    if item.publish is not None:
        procedures = [
            p
            for p in (
                Procedure.objects.filter(
                    agency=department, versions__name__startswith=prefix
                ).first()
                for prefix in item.publish
            )
            if p is not None
        ]
        services.publish_question(
            question, office, procedures=procedures, at=_moment(today, item.days_ago - 4, 16)
        )


def _complaint(department, item, today, staff, units, office, counter, dossier):
    received = _moment(today, item.days_ago)
    name, email, phone = item.complainant
    by_officer = item.channel not in (DeskChannel.PORTAL, DeskChannel.EMAIL)
    complaint = services.receive_complaint(
        department,
        channel=item.channel,
        kind=item.kind,
        complainant=services.Person(name, email, phone),
        subject=item.subject,
        body=item.body,
        dossier_code=dossier.code if item.with_dossier and dossier else "",
        officer_named=staff[item.officer].full_name if item.officer else "",
        at=received,
        entered_by=counter if by_officer else None,
    )
    if not item.unit:
        return
    services.assign_complaint(
        complaint,
        office,
        units[item.unit],
        officer=staff.get(item.officer),
        at=received + timedelta(hours=3),
    )
    if not item.outcome:
        return
    services.add_note(
        complaint,
        office,
        "Đã làm việc với đơn vị và cán bộ liên quan.",
        at=_moment(today, item.days_ago - 3, 10),
    )
    services.answer_complaint(
        complaint, office, item.answer, item.outcome, at=_moment(today, item.days_ago - 6, 15)
    )
    if item.satisfied is not None:
        services.record_satisfaction(complaint, item.satisfied)
        services.close_complaint(complaint, office, at=_moment(today, item.days_ago - 8, 9))
