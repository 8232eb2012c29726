"""This year's tree against last year's, on small hand-made trees."""

from decimal import Decimal

from motcua.indices.scorecards.compare import Trend, compare
from motcua.indices.scorecards.tree import Row, save_tree


def tree(agency, year, rows, kind="PAR"):
    """rows: (code, name, maximum, self-assessed, official)."""
    return save_tree(
        agency,
        kind,
        year,
        [
            Row(
                i,
                code,
                name,
                Decimal(maximum),
                self_score=None if own is None else Decimal(str(own)),
                official_score=None if official is None else Decimal(str(official)),
            )
            for i, (code, name, maximum, own, official) in enumerate(rows, start=2)
        ],
    )


def trends(comparison):
    """{this year's code: (trend, last year's value, this year's)}; gone lines left out."""
    return {
        line.current.code: (line.trend, line.before, line.now)
        for line in comparison.lines
        if line.current
    }


LAST_YEAR = [
    ("1", "Chỉ đạo", 12, None, None),
    ("1.1", "Kế hoạch", 4, 2, None),
    ("1.2", "Báo cáo", 4, 2, 3),  # official 3 counts, not the self-assessed 2
    ("1.3", "Kiểm tra", 4, 2, None),
    ("2", "Thủ tục", 8, None, None),
    ("2.1", "Công khai thủ tục", 4, None, None),
    ("2.1.1", "Tại Bộ phận Một cửa", 2, 1, None),
    ("2.1.2", "Trên Cổng dịch vụ công", 2, 1, None),
    ("2.2", "Đúng hạn", 2, 1, None),
    ("2.3", "Phản ánh, kiến nghị", 2, 2, None),
]


def test_up_down_same_new_gone_and_a_moved_code_matched_by_name(agency):
    previous = tree(agency, 2021, LAST_YEAR)
    current = tree(
        agency,
        2022,
        [
            ("1", "Chỉ đạo", 12, None, None),
            ("1.1", "Kế hoạch", 4, 3, None),  # 50 % → 75 %
            ("1.2", "Báo cáo", 4, 4, 3),  # official 3 both years: same
            ("1.3", "Kiểm tra", 4, 1, None),  # down
            ("2", "Thủ tục", 8, None, None),
            ("2.1", "Số hóa hồ sơ", 2, 2, None),  # new; the old 2.1 moved to 2.2
            ("2.2", "CÔNG KHAI  thủ tục", 4, None, None),  # rolled up from 2.2.x: 100 %
            ("2.2.1", "Tại Bộ phận Một cửa", 2, 2, None),
            ("2.2.2", "Trên Cổng dịch vụ công", 2, 2, None),
            ("2.3", "Phản ánh, kiến nghị", 2, 2, None),  # maximum kept, 100 % both years
        ],
    )  # 2.2 "Đúng hạn" is gone
    comparison = compare(current)
    assert comparison.previous == previous
    got = trends(comparison)
    assert got["1.1"] == (Trend.UP, Decimal("50.00"), Decimal("75.00"))
    assert got["1.2"] == (Trend.SAME, Decimal("75.00"), Decimal("75.00"))
    assert got["1.3"] == (Trend.DOWN, Decimal("50.00"), Decimal("25.00"))
    assert got["2.1"][0] == Trend.NEW
    assert got["2.2"] == (Trend.UP, Decimal("50.00"), Decimal("100.00"))
    assert got["2.2.1"][0] == Trend.UP and got["2.3"][0] == Trend.SAME
    moved = next(line for line in comparison.lines if line.current and line.current.code == "2.2")
    assert moved.matched_by_name and moved.previous.code == "2.1"
    gone = [line for line in comparison.lines if line.trend == Trend.GONE]
    assert [(line.previous.code, line.previous.name) for line in gone] == [("2.2", "Đúng hạn")]
    # the goal counts criteria only: 1.1 and 2.2 up, 1.3 down
    assert (comparison.up, comparison.down, comparison.goal_met) == (2, 1, False)


def test_changed_maxima_compare_as_a_share_of_the_maximum(agency):
    tree(agency, 2021, [("1", "A", 10, None, None), ("1.1", "B", 10, 6, None)])
    current = tree(agency, 2022, [("1", "A", 5, None, None), ("1.1", "B", 5, 3.5, None)])
    assert trends(compare(current))["1.1"] == (Trend.UP, Decimal("60.00"), Decimal("70.00"))


def _four_criteria(agency, year, scores):
    rows = [("1", "Lĩnh vực", 4 * len(scores), None, None)]
    rows += [(f"1.{i}", f"Tiêu chí {i}", 4, score, None) for i, score in enumerate(scores, 1)]
    return tree(agency, year, rows)


def test_goal_met_with_four_up_and_none_down(agency):
    _four_criteria(agency, 2021, [1, 1, 1, 1])
    comparison = compare(_four_criteria(agency, 2022, [2, 2, 2, 2]))
    assert (comparison.up, comparison.down, comparison.goal_met) == (4, 0, True)


def test_goal_not_met_with_three_up_or_with_one_down(agency, other_agency):
    _four_criteria(agency, 2021, [1, 1, 1, 1])
    comparison = compare(_four_criteria(agency, 2022, [2, 2, 2, 1]))
    assert (comparison.up, comparison.down, comparison.goal_met) == (3, 0, False)
    _four_criteria(other_agency, 2021, [1, 1, 1, 1, 1])
    comparison = compare(_four_criteria(other_agency, 2022, [2, 2, 2, 2, 0.5]))
    assert (comparison.up, comparison.down, comparison.goal_met) == (4, 1, False)


def test_without_last_year_nothing_is_compared_and_the_goal_is_not_met(agency):
    comparison = compare(_four_criteria(agency, 2022, [2, 2, 2, 2]))
    assert comparison.previous is None and not comparison.goal_met
    assert {line.trend for line in comparison.lines} == {Trend.NEW}


def test_an_unscored_criterion_is_neither_up_nor_down(agency):
    _four_criteria(agency, 2021, [1, None, 1, 1])
    got = trends(compare(_four_criteria(agency, 2022, [1, 2, None, 1])))
    assert got["1.2"][0] == got["1.3"][0] == Trend.UNSCORED and got["1.4"][0] == Trend.SAME


def pci(agency, year, ranks, remit):
    return save_tree(
        agency,
        "PCI",
        year,
        [
            Row(
                i,
                str(i),
                f"Chỉ số {i}",
                Decimal(10),
                official_score=Decimal(5),
                rank=rank,
                in_remit=i in remit,
            )
            for i, rank in enumerate(ranks, start=1)
        ],
    )


def test_pci_compares_ranks_of_the_sub_indices_in_remit_smaller_is_better(agency):
    pci(agency, 2021, [30, 25, 40, 35, 10, 50], remit={1, 2, 3, 4, 5})
    comparison = compare(pci(agency, 2022, [22, 20, 31, 34, 10, 60], remit={1, 2, 3, 4, 5}))
    got = trends(comparison)
    assert got["1"] == (Trend.UP, 30, 22) and got["5"] == (Trend.SAME, 10, 10)
    assert "6" not in got  # outside the remit: rank 50 → 60 does not count
    assert (comparison.up, comparison.down, comparison.goal_met) == (4, 0, True)
    comparison = compare(pci(agency, 2022, [22, 20, 31, 34, 11, 60], remit={1, 2, 3, 4, 5}))
    assert trends(comparison)["5"] == (Trend.DOWN, 10, 11)
    assert (comparison.up, comparison.down, comparison.goal_met) == (4, 1, False)
