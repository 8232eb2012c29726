"""The SVG charts: well-formed, labelled for screen readers, and sized by the data."""

from decimal import Decimal
import xml.etree.ElementTree as ET

from motcua.indices.charts import EARLY, LATE, ON_TIME, Part, Point, ranking, stacked, trend


def _parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))


def _bars(figure: ET.Element, kind: str = "bar") -> list[ET.Element]:
    return [e for e in figure.iter("rect") if e.get("class") == kind]


def _accessible(figure: ET.Element) -> None:
    svg = figure.find("svg")
    assert svg.get("role") == "img"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find("title").get("id") == title_id and svg.find("title").text
    assert svg.find("desc").get("id") == desc_id and svg.find("desc").text
    assert figure.find("table").get("class") == "visually-hidden"


def test_the_trend_bars_are_as_tall_as_their_values_and_the_target_is_a_line():
    figure = _parse(
        trend(
            "Tỷ lệ đúng hạn",
            [
                Point("01/2026", Decimal("50")),
                Point("02/2026", None),
                Point("03/2026", Decimal("100")),
                Point("04/2026", Decimal("25.5")),
            ],
            target=Decimal("90"),
        )
    )
    _accessible(figure)
    bars = _bars(figure)
    assert [b.get("data-value") for b in bars] == ["50", "100", "25.5"]
    heights = [float(b.get("height")) for b in bars]
    assert heights[1] == 2 * heights[0]
    assert abs(heights[2] - heights[1] * 0.255) < 0.01
    # Bars below the target are drawn in the warning colour, the rest in the normal one.
    assert [b.get("fill") for b in bars] == ["#b02a37", "#0a58ca", "#b02a37"]
    target = next(e for e in figure.iter("line") if e.get("class") == "target")
    bottom = float(bars[1].get("y")) + heights[1]
    assert abs(bottom - float(target.get("y1")) - heights[1] * 0.9) < 0.01
    # The hidden table gives every period, the unmeasured one as a dash.
    cells = [[c.text for c in row] for row in figure.find("table/tbody")]
    assert cells == [
        ["01/2026", "50 %"],
        ["02/2026", "—"],
        ["03/2026", "100 %"],
        ["04/2026", "25,5 %"],
    ]
    assert "chỉ tiêu 90 %" in figure.find("svg/desc").text


def test_ranking_bars_are_as_long_as_their_values_and_escape_names():
    figure = _parse(
        ranking(
            "Xếp hạng đơn vị",
            [
                Point("Phòng <Đăng ký> & kinh doanh", Decimal("80")),
                Point("Văn phòng Sở", Decimal("40")),
                Point("Bộ phận Một cửa", None),
            ],
        )
    )
    _accessible(figure)
    bars = _bars(figure)
    assert len(bars) == 2
    assert float(bars[0].get("width")) == 2 * float(bars[1].get("width"))
    assert figure.find("table/tbody/tr/th").text == "Phòng <Đăng ký> & kinh doanh"


def test_stacked_parts_share_the_width_by_count():
    figure = _parse(
        stacked(
            "Kết quả giải quyết",
            [Part("Trước hạn", 6, EARLY), Part("Đúng hạn", 3, ON_TIME), Part("Trễ hạn", 1, LATE)],
        )
    )
    _accessible(figure)
    parts = _bars(figure, "part")
    widths = [float(p.get("width")) for p in parts]
    assert widths[0] == 2 * widths[1] == 6 * widths[2]
    assert float(parts[1].get("x")) == widths[0]
    assert "Trễ hạn: 1 (10 %)" in [t.text for t in figure.iter("text")]


def test_an_empty_stack_draws_no_part():
    figure = _parse(stacked("Kết quả", [Part("Trước hạn", 0, EARLY), Part("Trễ hạn", 0, LATE)]))
    assert _bars(figure, "part") == []
    assert figure.find("svg/desc").text.endswith("tổng 0.")
