"""Illustrative PAR INDEX and PCI scorecards for the demo Department, 2021 and 2022.

The field names of the PAR tree and the ten PCI sub-indices are the published ones
(vn-rules §10.1, §10.3); the criteria below the fields, every maximum, score and rank, and the
remit marks are made up ("dữ liệu minh họa"): the department-level structure was not found."""

from decimal import Decimal

from motcua.org.models import Agency

from ..models import ScorecardNode
from .constants import ScorecardKind
from .tree import Row, save_tree

PAR_SOURCE = (
    "DỮ LIỆU MINH HỌA: tên lĩnh vực theo Chỉ số CCHC cấp bộ (Quyết định 876/QĐ-BNV); "
    "tiêu chí, điểm tối đa và điểm số do Motcua tự đặt để trình diễn, không phải bộ "
    "tiêu chí chính thức của tỉnh."
)
PCI_SOURCE = (
    "DỮ LIỆU MINH HỌA: mười chỉ số thành phần PCI của VCCI; điểm, thứ hạng và việc "
    "gắn phạm vi của Sở do Motcua tự đặt để trình diễn, không phải số liệu công bố."
)

# code, name, maximum, self-assessed, official (None: a field, or not yet appraised)
PAR_2021 = [
    ("1", "Chỉ đạo, điều hành cải cách hành chính", 10, None, None),
    ("1.1", "Kế hoạch cải cách hành chính năm (minh họa)", 4, 3.5, 3.5),
    ("1.2", "Báo cáo cải cách hành chính định kỳ (minh họa)", 3, 3, 3),
    ("1.3", "Kiểm tra cải cách hành chính (minh họa)", 3, 2, 1.5),
    ("2", "Thể chế", 8, None, None),
    ("2.1", "Rà soát văn bản quy phạm pháp luật (minh họa)", 4, 3, 3),
    ("2.2", "Theo dõi thi hành pháp luật (minh họa)", 4, 3, 2.5),
    ("3", "Thủ tục hành chính", 20, None, None),
    ("3.1", "Công khai thủ tục hành chính (minh họa)", 6, None, None),
    ("3.1.1", "Công khai tại Bộ phận Một cửa (minh họa)", 3, 3, 3),
    ("3.1.2", "Công khai trên Cổng dịch vụ công (minh họa)", 3, 2, 2),
    ("3.2", "Giải quyết thủ tục hành chính đúng hạn (minh họa)", 8, 6, 5.5),
    ("3.3", "Tiếp nhận, xử lý phản ánh, kiến nghị (minh họa)", 6, 5, 5),
    ("4", "Tổ chức bộ máy", 6, None, None),
    ("4.1", "Sắp xếp tổ chức bộ máy (minh họa)", 6, 5, 5),
    ("5", "Công vụ", 6, None, None),
    ("5.1", "Vị trí việc làm (minh họa)", 3, 2.5, 2.5),
    ("5.2", "Kỷ luật, kỷ cương hành chính (minh họa)", 3, 3, 3),
    ("6", "Tài chính công", 6, None, None),
    ("6.1", "Quản lý, sử dụng tài sản công (minh họa)", 6, 5, 5),
    ("7", "Chính phủ điện tử, Chính phủ số", 14, None, None),
    ("7.1", "Cung cấp dịch vụ công trực tuyến (minh họa)", 8, 5, 5),
    ("7.2", "Ứng dụng công nghệ thông tin nội bộ (minh họa)", 6, 5, 4.5),
]
# 2022 is self-assessed only; 3.2/3.3 moved to 3.3/3.4, 3.2 is new, 5.2 is gone, 6.1 drops.
PAR_2022 = [
    ("1", "Chỉ đạo, điều hành cải cách hành chính", 10, None, None),
    ("1.1", "Kế hoạch cải cách hành chính năm (minh họa)", 4, 4, None),
    ("1.2", "Báo cáo cải cách hành chính định kỳ (minh họa)", 3, 3, None),
    ("1.3", "Kiểm tra cải cách hành chính (minh họa)", 3, 2.5, None),
    ("2", "Thể chế", 8, None, None),
    ("2.1", "Rà soát văn bản quy phạm pháp luật (minh họa)", 4, 3, None),
    ("2.2", "Theo dõi thi hành pháp luật (minh họa)", 4, 3, None),
    ("3", "Thủ tục hành chính", 20, None, None),
    ("3.1", "Công khai thủ tục hành chính (minh họa)", 5, None, None),
    ("3.1.1", "Công khai tại Bộ phận Một cửa (minh họa)", 3, 3, None),
    ("3.1.2", "Công khai trên Cổng dịch vụ công (minh họa)", 2, 2, None),
    ("3.2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính (minh họa)", 3, 2, None),
    ("3.3", "Giải quyết thủ tục hành chính đúng hạn (minh họa)", 7, 6, None),
    ("3.4", "Tiếp nhận, xử lý phản ánh, kiến nghị (minh họa)", 5, 4.5, None),
    ("4", "Tổ chức bộ máy", 6, None, None),
    ("4.1", "Sắp xếp tổ chức bộ máy (minh họa)", 6, 5, None),
    ("5", "Công vụ", 6, None, None),
    ("5.1", "Vị trí việc làm (minh họa)", 6, 5, None),
    ("6", "Tài chính công", 6, None, None),
    ("6.1", "Quản lý, sử dụng tài sản công (minh họa)", 6, 4.5, None),
    ("7", "Chính phủ điện tử, Chính phủ số", 14, None, None),
    ("7.1", "Cung cấp dịch vụ công trực tuyến (minh họa)", 8, 6, None),
    ("7.2", "Ứng dụng công nghệ thông tin nội bộ (minh họa)", 6, 5, None),
]
PCI_NAMES = [
    "Gia nhập thị trường",
    "Tiếp cận đất đai",
    "Tính minh bạch",
    "Chi phí thời gian",
    "Chi phí không chính thức",
    "Cạnh tranh bình đẳng",
    "Tính năng động của chính quyền tỉnh",
    "Dịch vụ hỗ trợ doanh nghiệp",
    "Đào tạo lao động",
    "Thiết chế pháp lý và an ninh trật tự",
]
PCI_REMIT = {"1", "3", "4", "8"}
# per year: (score on 10, rank) for each sub-index, in the order of PCI_NAMES
PCI = {
    2021: [
        (6.9, 30),
        (6.1, 41),
        (6.2, 25),
        (6.8, 40),
        (6.5, 33),
        (5.6, 38),
        (6.4, 29),
        (6.0, 35),
        (6.3, 27),
        (6.7, 31),
    ],
    2022: [
        (7.2, 22),
        (6.3, 37),
        (6.0, 28),
        (7.1, 31),
        (6.6, 30),
        (5.8, 34),
        (6.6, 24),
        (6.5, 20),
        (6.4, 26),
        (6.9, 28),
    ],
}


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _par_rows(data) -> list[Row]:
    return [
        Row(number, code, name, _dec(maximum), self_score=_dec(own), official_score=_dec(official))
        for number, (code, name, maximum, own, official) in enumerate(data, start=2)
    ]


def _pci_rows(year: int) -> list[Row]:
    return [
        Row(
            i + 1,
            str(i + 1),
            name,
            Decimal(10),
            official_score=_dec(score),
            rank=rank,
            in_remit=str(i + 1) in PCI_REMIT,
        )
        for i, (name, (score, rank)) in enumerate(zip(PCI_NAMES, PCI[year], strict=True))
    ]


def load_demo_scorecards(agency: Agency) -> int:
    """Write the illustrative PAR and PCI trees of 2021 and 2022; returns the number of nodes
    created (0 when they are already there)."""
    before = ScorecardNode.objects.filter(scorecard__agency=agency).count()
    save_tree(agency, ScorecardKind.PAR, 2021, _par_rows(PAR_2021), PAR_SOURCE)
    save_tree(agency, ScorecardKind.PAR, 2022, _par_rows(PAR_2022), PAR_SOURCE)
    for year in PCI:
        save_tree(agency, ScorecardKind.PCI, year, _pci_rows(year), PCI_SOURCE)
    return ScorecardNode.objects.filter(scorecard__agency=agency).count() - before
