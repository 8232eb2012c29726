"""Importing a year's tree from XLSX: all or nothing, every bad row listed."""

from decimal import Decimal
from io import StringIO

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import Workbook
import pytest

from motcua.indices.models import Scorecard, ScorecardEvidence, ScorecardNode
from motcua.indices.scorecards.demo import load_demo_scorecards
from motcua.indices.scorecards.tree import ImportRefused
from motcua.indices.scorecards.xlsx import import_scorecard

HEADER = ["Mã", "Tên", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"]
GOOD = [
    ["1", "Chỉ đạo, điều hành", 10, None, None],
    ["1.1", "Kế hoạch năm", 4, 3.5, 3],
    ["1.2", "Báo cáo định kỳ", 6, None, None],
    ["1.2.1", "Báo cáo quý", 3, 3, None],
    ["1.2.2", "Báo cáo năm", 3, "2,5", None],
    ["2", "Thể chế", 5, 4, None],
]


def xlsx(tmp_path, rows, header=HEADER, name="tieu-chi.xlsx"):
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def test_a_good_file_builds_the_tree_with_levels_parents_and_scores(agency, tmp_path):
    scorecard = import_scorecard(agency, "PAR", 2022, xlsx(tmp_path, GOOD), "QĐ thử")
    nodes = {n.code: n for n in scorecard.nodes.all()}
    assert [n.code for n in scorecard.nodes.all()] == ["1", "1.1", "1.2", "1.2.1", "1.2.2", "2"]
    assert nodes["1.2.2"].level == 3 and nodes["1.2.2"].parent == nodes["1.2"]
    assert nodes["1.2"].parent == nodes["1"] and nodes["2"].parent is None
    assert nodes["1.1"].self_score == Decimal("3.5") and nodes["1.1"].official_score == 3
    assert nodes["1.2.2"].self_score == Decimal("2.5")
    assert scorecard.source == "QĐ thử"


def test_reimport_updates_by_code_and_keeps_evidence(agency, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    scorecard = import_scorecard(agency, "PAR", 2022, xlsx(tmp_path, GOOD))
    node = scorecard.nodes.get(code="1.1")
    ScorecardEvidence.objects.create(
        node=node, name="kh.pdf", file=SimpleUploadedFile("kh.pdf", b"%PDF-1.7")
    )
    changed = [row[:] for row in GOOD if row[0] != "2"]
    changed[1][1] = "Kế hoạch cải cách hành chính năm"
    import_scorecard(agency, "PAR", 2022, xlsx(tmp_path, changed))
    node.refresh_from_db()
    assert node.name == "Kế hoạch cải cách hành chính năm" and node.evidence.count() == 1
    assert not scorecard.nodes.filter(code="2").exists()
    with pytest.raises(ImportRefused) as refused:  # 1.1 carries evidence: it may not vanish
        import_scorecard(agency, "PAR", 2022, xlsx(tmp_path, [["2", "Thể chế", 5]]))
    assert "Mục 1.1 đã có tài liệu kiểm chứng" in str(refused.value.problems[0])


def test_a_broken_file_imports_nothing_and_lists_every_bad_row(agency, tmp_path):
    rows = [
        ["1", "Chỉ đạo, điều hành", 10, None, None],
        ["1.1", "Kế hoạch năm", 4, 5, None],  # 3: score above maximum
        ["1.2", "", 5, None, None],  # 4: no name; and 1's children sum to 9, not 10
        ["1.a", "Mã sai", 1, None, None],  # 5
        ["3.1", "Không có cha", 2, None, None],  # 6
        ["1.1", "Trùng mã", 0, None, None],  # 7: duplicate, and maximum 0
        ["2", "Thể chế", "năm", None, None],  # 8: not a number
        [None, None, None, None, None],  # blank rows are skipped
    ]
    with pytest.raises(ImportRefused) as refused:
        import_scorecard(agency, "PAR", 2022, xlsx(tmp_path, rows))
    lines = [str(p) for p in refused.value.problems]
    assert lines == [
        "Dòng 2: điểm tối đa của 1 là 10 nhưng tổng điểm tối đa các mục con là 9",
        "Dòng 3: điểm tự chấm 5 nằm ngoài khoảng 0 – 4",
        "Dòng 4: thiếu tên",
        "Dòng 5: mã «1.a» không đúng dạng 1, 1.2 hoặc 1.2.3",
        "Dòng 6: không có mục cha mã 3",
        "Dòng 7: điểm tối đa phải là số lớn hơn 0",
        "Dòng 7: mã 1.1 trùng với dòng 3",
        "Dòng 8: điểm tối đa «năm» không phải là số",
    ]
    assert refused.value.message == "Tệp có 8 lỗi, chưa nhập dòng nào."
    assert not Scorecard.objects.exists() and not ScorecardNode.objects.exists()


def test_missing_columns_and_non_excel_files_are_refused(agency, tmp_path):
    with pytest.raises(ImportRefused) as refused:
        import_scorecard(agency, "PAR", 2022, xlsx(tmp_path, GOOD, header=["Mã", "Tên"]))
    assert str(refused.value.problems[0]) == "Dòng 1: thiếu cột Điểm tối đa"
    text = tmp_path / "ghi-chu.xlsx"
    text.write_text("không phải Excel")
    with pytest.raises(ImportRefused) as refused:
        import_scorecard(agency, "PAR", 2022, text)
    assert str(refused.value.problems[0]) == "Không đọc được tệp; cần tệp Excel .xlsx"


def test_pci_columns_rank_and_remit(agency, tmp_path):
    header = ["Mã", "Tên", "Điểm tối đa", "Điểm thẩm định", "Thứ hạng", "Thuộc phạm vi của Sở"]
    rows = [
        ["1", "Gia nhập thị trường", 10, 7.2, 22, "x"],
        ["2", "Tiếp cận đất đai", 10, 6.3, 37, None],
    ]
    scorecard = import_scorecard(agency, "PCI", 2022, xlsx(tmp_path, rows, header))
    entry, land = scorecard.nodes.all()
    assert (entry.rank, entry.in_remit, entry.official_score) == (22, True, Decimal("7.2"))
    assert (land.rank, land.in_remit) == (37, False)
    with pytest.raises(ImportRefused) as refused:
        import_scorecard(agency, "PCI", 2022, xlsx(tmp_path, [["1", "A", 10, 7, 2.5, ""]], header))
    assert str(refused.value.problems[0]) == "Dòng 2: thứ hạng «2.5» phải là số nguyên dương"


def test_a_score_above_its_maximum_does_not_validate(agency, tmp_path):
    node = import_scorecard(agency, "PAR", 2022, xlsx(tmp_path, GOOD)).nodes.get(code="1.1")
    node.self_score = Decimal("4.01")
    with pytest.raises(ValidationError) as error:
        node.full_clean()
    assert error.value.message_dict == {"self_score": ["Điểm phải từ 0 đến 4."]}
    node.self_score = Decimal(4)
    node.full_clean()


def test_the_command_imports_or_lists_the_problems(agency, tmp_path):
    out = StringIO()
    call_command(
        "import_scorecard", agency.code, "PAR", "2022", str(xlsx(tmp_path, GOOD)), stdout=out
    )
    assert "Đã nhập PAR 2022: 6 mục." in out.getvalue()
    err = StringIO()
    with pytest.raises(CommandError, match="Tệp có 1 lỗi"):
        call_command(
            "import_scorecard",
            agency.code,
            "PAR",
            "2021",
            str(xlsx(tmp_path, [["1", "", 1]])),
            stderr=err,
        )
    assert "Dòng 2: thiếu tên" in err.getvalue()
    assert not Scorecard.objects.filter(year=2021).exists()


def test_demo_scorecards_load_once(agency):
    created = load_demo_scorecards(agency)
    assert created == 23 + 23 + 10 + 10
    assert load_demo_scorecards(agency) == 0
    assert Scorecard.objects.filter(agency=agency).count() == 4
    assert all("MINH HỌA" in s.source for s in Scorecard.objects.all())
