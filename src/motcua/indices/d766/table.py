"""The default point table of Decision 766, seeded for 2022–2026 (vn-rules §8.1, §8.2). Every
row is editable in the admin; a year's table is data, never code that the computation reads.

Threshold: the rate at which a criterion earns its full points; below it, points = rate × max ÷
threshold. 100 means "proportional to the rate" (no threshold stated by the source).
"""

from decimal import Decimal

from django.apps import apps as global_apps

from .constants import Group, Source

YEARS = range(2022, 2027)
F766 = "Mô tả công thức tính chỉ số 766 (VPCP), vn-rules §8.2"
DASH = "Bảng điểm của trang tổng hợp chỉ số 766 (vn-rules §8.1)"
ASSUMED = "GIẢ ĐỊNH của Motcua (nguồn không nêu)"

# code, group, name, max points, threshold %, source, formula, source note
ROWS = [
    (
        "1.1",
        Group.PUBLICITY,
        "Tỷ lệ TTHC công bố đúng hạn",
        6,
        100,
        Source.MANUAL,
        "TTHC công bố đúng hạn ÷ TTHC công bố trong kỳ",
        f"{DASH}: 6 điểm. {F766}. Ngưỡng đủ điểm: {ASSUMED}, tính tỷ lệ thuận.",
    ),
    (
        "1.2",
        Group.PUBLICITY,
        "Tỷ lệ TTHC được cập nhật, công khai đúng hạn trên CSDLQG về TTHC",
        4,
        100,
        Source.MANUAL,
        "TTHC công khai đúng hạn trên CSDLQG ÷ TTHC công bố trong kỳ",
        f"{DASH}: 4 điểm (baocaotaichinh.vn xác nhận). Ngưỡng: {ASSUMED}, tính tỷ lệ thuận.",
    ),
    (
        "1.3",
        Group.PUBLICITY,
        "TTHC công khai đầy đủ các bộ phận tạo thành",
        2,
        100,
        Source.SYSTEM,
        "TTHC đang có hiệu lực có đủ tên, trình tự, cách thức, thành phần hồ sơ, thời hạn, "
        "đối tượng, cơ quan thực hiện ÷ TTHC đang có hiệu lực",
        f"{DASH}: 2 điểm. Nghị định 63/2010 Điều 8(2). Ngưỡng: {ASSUMED}, tính tỷ lệ thuận.",
    ),
    (
        "1.4",
        Group.PUBLICITY,
        "Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG",
        6,
        100,
        Source.MANUAL,
        "Hồ sơ đã đồng bộ có ngày tiếp nhận trong kỳ ÷ tổng số hồ sơ",
        f"{DASH}: 6 điểm. Số liệu của Cổng DVCQG, nhập tay. Ngưỡng: {ASSUMED}.",
    ),
    (
        "2.1",
        Group.PROGRESS,
        "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn",
        20,
        100,
        Source.SYSTEM,
        "Hồ sơ (đã xong hoặc còn đang xử lý) đúng hạn ÷ hồ sơ tiếp nhận hoặc đang xử lý trong "
        "kỳ; trừ thời gian chờ bổ sung, từ hai lần yêu cầu bổ sung trở lên là trễ hạn, rút hồ sơ "
        "kết thúc xử lý",
        f"{DASH}: 20 điểm. {F766} quy tắc 2.1. Nguồn không nêu ngưỡng: {ASSUMED}, điểm = tỷ lệ × "
        "20 ÷ 100.",
    ),
    (
        "2.2",
        Group.PROGRESS,
        "Thời gian giải quyết trung bình theo TTHC",
        0,
        100,
        Source.SYSTEM,
        "Tổng thời gian giải quyết ÷ số hồ sơ đã giải quyết; chỉ hiển thị",
        f"{F766}: chỉ hiển thị, không tính điểm.",
    ),
    (
        "3.1",
        Group.ONLINE,
        "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến",
        4,
        80,
        Source.SYSTEM,
        "TTHC có DVCTT một phần hoặc toàn trình ÷ TTHC đang có hiệu lực",
        f"{F766}: đủ điểm khi ≥ 80 %. Nhóm DVCTT 12 điểm ({DASH}); chia 4/4/4 cho 3.1–3.3 là "
        f"{ASSUMED}.",
    ),
    (
        "3.2",
        Group.ONLINE,
        "Tỷ lệ DVCTT có phát sinh hồ sơ",
        4,
        100,
        Source.SYSTEM,
        "DVCTT có hồ sơ trực tuyến trong kỳ ÷ số DVCTT",
        f"Chia 4/4/4 trong 12 điểm DVCTT: {ASSUMED}. Ngưỡng: {ASSUMED}, tính tỷ lệ thuận.",
    ),
    (
        "3.3",
        Group.ONLINE,
        "Tỷ lệ hồ sơ nộp trực tuyến",
        4,
        50,
        Source.SYSTEM,
        "Hồ sơ nộp trực tuyến ÷ hồ sơ tiếp nhận trong kỳ × tỷ lệ đồng bộ (1.4, khi đã nhập)",
        f"{F766}: đủ điểm khi ≥ 50 %. Chia 4/4/4: {ASSUMED}. Khi chưa nhập 1.4, tỷ lệ đồng bộ "
        "không được nhân (Motcua là hệ thống gốc).",
    ),
    (
        "3.5",
        Group.ONLINE,
        "TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến trên Cổng DVCQG",
        0,
        80,
        Source.MANUAL,
        "TTHC có dữ liệu phí đã đồng bộ ÷ TTHC có phí, lệ phí",
        f"{DASH}: 10 điểm thanh toán đặt ở 3.6; 3.5 chỉ theo dõi.",
    ),
    (
        "3.6",
        Group.ONLINE,
        "Tỷ lệ hồ sơ thanh toán trực tuyến",
        10,
        100,
        Source.SYSTEM,
        "Hồ sơ đã thanh toán trực tuyến ÷ hồ sơ của TTHC có phí, lệ phí khác 0, tiếp nhận trong kỳ",
        f"{DASH}: 10 điểm. Ngưỡng: {ASSUMED}, tính tỷ lệ thuận.",
    ),
    (
        "4.1",
        Group.DIGITIZATION,
        "Tỷ lệ hồ sơ có cấp kết quả điện tử",
        6,
        100,
        Source.SYSTEM,
        "Hồ sơ có tệp kết quả ÷ hồ sơ có kết quả trong kỳ",
        f"Bảy giá trị 6/4/2/2/4/2/2 = 22 ({DASH}); gán theo thứ tự 4.1=6, 4.2=4, 4.3=2, 4.4=2, "
        f"4.5a=4, 4.5b=2+2=4: {ASSUMED}.",
    ),
    (
        "4.2",
        Group.DIGITIZATION,
        "Tỷ lệ hồ sơ thực hiện số hóa",
        4,
        80,
        Source.SYSTEM,
        "Hồ sơ có thành phần đã số hóa và có kết quả điện tử ÷ hồ sơ có kết quả trong kỳ",
        f"{F766}: đủ điểm khi ≥ 80 %. Điểm: {ASSUMED} (xem 4.1).",
    ),
    (
        "4.3",
        Group.DIGITIZATION,
        "Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa",
        2,
        80,
        Source.MANUAL,
        "Hồ sơ có thành phần sử dụng lại dữ liệu số hóa ÷ hồ sơ tiếp nhận trong kỳ",
        f"{F766}: đủ điểm khi ≥ 80 %. Điểm: {ASSUMED} (xem 4.1).",
    ),
    (
        "4.4",
        Group.DIGITIZATION,
        "Số hóa có kết nối, chia sẻ với kho dữ liệu cá nhân, tổ chức",
        2,
        100,
        Source.MANUAL,
        "Hồ sơ lấy thành phần từ kho dữ liệu hoặc đẩy kết quả vào kho ÷ hồ sơ",
        f"Điểm và ngưỡng: {ASSUMED} (xem 4.1).",
    ),
    (
        "4.5a",
        Group.DIGITIZATION,
        "Ứng dụng dữ liệu dân cư: TTHC có kết nối dữ liệu dân cư",
        4,
        100,
        Source.MANUAL,
        "TTHC cho công dân có kết nối dữ liệu dân cư ÷ TTHC cho công dân",
        f"Điểm và ngưỡng: {ASSUMED} (xem 4.1).",
    ),
    (
        "4.5b",
        Group.DIGITIZATION,
        "Ứng dụng dữ liệu dân cư: hồ sơ dùng tài khoản VNeID hoặc dữ liệu dân cư",
        4,
        100,
        Source.MANUAL,
        "Hồ sơ dùng tài khoản VNeID hoặc dữ liệu dân cư ÷ hồ sơ",
        f"Điểm và ngưỡng: {ASSUMED} (xem 4.1).",
    ),
    (
        "5.1",
        Group.SATISFACTION,
        "Phản ánh, kiến nghị theo phân loại",
        0,
        100,
        Source.SYSTEM,
        "Số phản ánh, kiến nghị tiếp nhận trong kỳ; chỉ theo dõi",
        f"{DASH}: chỉ theo dõi, 0 điểm.",
    ),
    (
        "5.2",
        Group.SATISFACTION,
        "Tiến độ xử lý phản ánh, kiến nghị",
        6,
        100,
        Source.SYSTEM,
        "PAKN trả lời đúng hạn ÷ PAKN tiếp nhận trong kỳ (trừ PAKN chưa đến hạn)",
        f"{DASH}: 6 điểm. Ngưỡng: {ASSUMED}, tính tỷ lệ thuận.",
    ),
    (
        "5.3",
        Group.SATISFACTION,
        "Tỷ lệ hài lòng xử lý phản ánh, kiến nghị",
        6,
        100,
        Source.SYSTEM,
        "(PAKN − không hài lòng − quá hạn − lặp lại) ÷ PAKN tiếp nhận trong kỳ",
        f"{DASH}: 6 điểm. Ngưỡng: {ASSUMED}, tính tỷ lệ thuận.",
    ),
    (
        "5.4",
        Group.SATISFACTION,
        "Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC",
        6,
        90,
        Source.SYSTEM,
        "100 % − tỷ lệ hồ sơ trễ hạn hoặc có PAKN hoặc đánh giá không hài lòng (mẫu số như 2.1)",
        f"{DASH}: 6 điểm (baocaotaichinh.vn xác nhận). {F766}: đủ điểm khi ≥ 90 %.",
    ),
]


def seed(criterion_model, years=YEARS, using: str = "default") -> int:
    """Create the rows missing for `years` (rows already there are kept as edited). Takes the
    model as an argument so the data migration can pass its historical model."""
    created = 0
    for year in years:
        for position, (code, group, name, points, threshold, source, formula, note) in enumerate(
            ROWS, start=1
        ):
            _, made = criterion_model.objects.db_manager(using).get_or_create(
                year=year,
                code=code,
                defaults={
                    "group": int(group),
                    "position": position,
                    "name": name,
                    "max_points": Decimal(points),
                    "threshold": Decimal(threshold),
                    "source": str(source),
                    "formula": formula,
                    "source_note": note,
                },
            )
            created += made
    return created


def ensure_point_table(sender=None, using="default", apps=global_apps, **_kwargs) -> None:
    """post_migrate handler: the shipped table is there after every migrate and every flush
    (tests that flush the database would otherwise leave it empty); edits are kept. `migrate`
    passes the migrated state's registry; `flush` passes none, and the models are current."""
    if sender is None or sender.label != "indices":
        return
    try:
        model = apps.get_model("indices", "D766Criterion")
    except LookupError:  # migrating to a state before the table existed
        return
    seed(model, using=using)
