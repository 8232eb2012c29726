"""Charts drawn on the server as inline SVG: nothing loaded from outside, no JavaScript.

Each function returns one `<figure>` holding the picture (role="img", a <title> and <desc>
named by aria-labelledby) and the same figures as a visually hidden table for screen readers.
Sizes follow the data linearly from zero, so a bar twice as long means twice the value."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import count

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

# Colours with at least 4.5:1 contrast on white (WCAG AA for the labels drawn in them).
EARLY = "#0a58ca"
ON_TIME = "#146c43"
LATE = "#b02a37"
BAR = "#0a58ca"
BELOW = "#b02a37"
TARGET = "#495057"
GRID = "#dee2e6"
TEXT = "#212529"

_ids = count(1)


@dataclass(frozen=True)
class Point:
    label: str
    value: Decimal | None  # a percentage; None where nothing was measured


@dataclass(frozen=True)
class Part:
    label: str
    count: int
    colour: str


def _number(value: Decimal | float) -> str:
    """A figure as Vietnamese readers write it: decimal comma."""
    text = (
        f"{value:.2f}".rstrip("0").rstrip(".") if isinstance(value, Decimal | float) else str(value)
    )
    return text.replace(".", ",")


def _coordinate(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _figure(
    title: str,
    description: str,
    svg_body: str,
    width: int,
    height: int,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
) -> SafeString:
    uid = next(_ids)
    head = "".join(format_html('<th scope="col">{}</th>', h) for h in headers)
    table_rows = "".join(
        format_html('<tr><th scope="row">{}</th>', row[0])
        + "".join(format_html("<td>{}</td>", cell) for cell in row[1:])
        + "</tr>"
        for row in rows
    )
    return mark_safe(
        f'<figure class="chart mb-3">'
        f'<figcaption class="small fw-semibold mb-1" aria-hidden="true">{escape(title)}'
        f"</figcaption>"
        f'<svg class="chart-svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="chart{uid}-title chart{uid}-desc" '
        f'style="max-width:{width}px;height:auto" font-family="system-ui, sans-serif" '
        f'font-size="12">'
        f'<title id="chart{uid}-title">{escape(title)}</title>'
        f'<desc id="chart{uid}-desc">{escape(description)}</desc>'
        f"{svg_body}</svg>"
        f'<table class="visually-hidden"><caption>{escape(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{table_rows}</tbody></table>"
        f"</figure>"
    )


def trend(title: str, points: Sequence[Point], target: Decimal | None = None) -> SafeString:
    """Vertical bars of a percentage per period (0 to 100 %), the target as a dashed line;
    a bar below the target is drawn in the warning colour."""
    width, height, left, top, bottom = 640, 230, 36, 16, 34
    plot_w, plot_h = width - left - 8, height - top - bottom
    slot = plot_w / max(len(points), 1)
    bar_w = slot * 0.6

    def y(value) -> float:
        return top + plot_h - plot_h * float(value) / 100

    body = []
    for tick in (0, 25, 50, 75, 100):
        body.append(
            f'<line x1="{left}" x2="{left + plot_w}" y1="{_coordinate(y(tick))}" '
            f'y2="{_coordinate(y(tick))}" stroke="{GRID}"/>'
            f'<text x="{left - 4}" y="{_coordinate(y(tick) + 4)}" text-anchor="end" '
            f'fill="{TEXT}">{tick}</text>'
        )
    for index, point in enumerate(points):
        x = left + slot * index + (slot - bar_w) / 2
        centre = _coordinate(x + bar_w / 2)
        if point.value is not None:
            low = target is not None and point.value < target
            body.append(
                format_html(
                    '<rect class="bar" x="{}" y="{}" width="{}" height="{}" fill="{}" '
                    'data-value="{}"><title>{}: {} %</title></rect>',
                    _coordinate(x),
                    _coordinate(y(point.value)),
                    _coordinate(bar_w),
                    _coordinate(plot_h * float(point.value) / 100),
                    BELOW if low else BAR,
                    point.value,
                    point.label,
                    _number(point.value),
                )
            )
            body.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" fill="{}" font-size="10">{}</text>',
                    centre,
                    _coordinate(y(point.value) - 3),
                    TEXT,
                    _number(point.value),
                )
            )
        body.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                centre,
                height - bottom + 16,
                TEXT,
                point.label,
            )
        )
    if target is not None:
        body.append(
            format_html(
                '<line class="target" x1="{}" x2="{}" y1="{}" y2="{}" stroke="{}" '
                'stroke-width="2" stroke-dasharray="6 4" data-value="{}"/>'
                '<text x="{}" y="{}" text-anchor="end" fill="{}">Chỉ tiêu {} %</text>',
                left,
                left + plot_w,
                _coordinate(y(target)),
                _coordinate(y(target)),
                TARGET,
                target,
                left + plot_w,
                _coordinate(y(target) - 4),
                TARGET,
                _number(target),
            )
        )
    measured = [p for p in points if p.value is not None]
    description = (
        f"{len(measured)} kỳ có số liệu"
        + (
            f", thấp nhất {_number(min(p.value for p in measured))} %, "
            f"cao nhất {_number(max(p.value for p in measured))} %"
            if measured
            else ""
        )
        + (f"; chỉ tiêu {_number(target)} %." if target is not None else ".")
    )
    rows = [(p.label, "—" if p.value is None else f"{_number(p.value)} %") for p in points]
    return _figure(title, description, "".join(body), width, height, ["Kỳ", "Tỷ lệ"], rows)


def ranking(title: str, points: Sequence[Point], target: Decimal | None = None) -> SafeString:
    """Horizontal bars of a percentage, one row per unit or officer, in the order given."""
    row_h, label_w, width = 26, 220, 640
    plot_w = width - label_w - 56
    height = row_h * max(len(points), 1) + 8
    body = []
    for index, point in enumerate(points):
        y = 4 + index * row_h
        body.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>',
                label_w - 6,
                y + 16,
                TEXT,
                _short(point.label),
            )
        )
        if point.value is None:
            body.append(
                format_html('<text x="{}" y="{}" fill="{}">—</text>', label_w + 4, y + 16, TEXT)
            )
            continue
        length = plot_w * float(point.value) / 100
        low = target is not None and point.value < target
        body.append(
            format_html(
                '<rect class="bar" x="{}" y="{}" width="{}" height="{}" fill="{}" '
                'data-value="{}"><title>{}: {} %</title></rect>'
                '<text x="{}" y="{}" fill="{}">{} %</text>',
                label_w,
                y + 3,
                _coordinate(length),
                row_h - 8,
                BELOW if low else BAR,
                point.value,
                point.label,
                _number(point.value),
                _coordinate(label_w + length + 4),
                y + 16,
                TEXT,
                _number(point.value),
            )
        )
    if target is not None:
        x = _coordinate(label_w + plot_w * float(target) / 100)
        body.append(
            format_html(
                '<line class="target" x1="{}" x2="{}" y1="0" y2="{}" stroke="{}" '
                'stroke-width="2" stroke-dasharray="6 4" data-value="{}"/>',
                x,
                x,
                height,
                TARGET,
                target,
            )
        )
    description = f"{len(points)} dòng, xếp theo thứ tự trong bảng" + (
        f"; chỉ tiêu {_number(target)} %." if target is not None else "."
    )
    rows = [(p.label, "—" if p.value is None else f"{_number(p.value)} %") for p in points]
    return _figure(title, description, "".join(body), width, height, ["", "Tỷ lệ"], rows)


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def stacked(title: str, parts: Sequence[Part]) -> SafeString:
    """One horizontal bar split by share (early / on time / late), with its legend."""
    width, bar_h, left = 640, 28, 0
    total = sum(part.count for part in parts)
    body, x = [], float(left)
    for part in parts:
        length = width * part.count / total if total else 0
        if length:
            body.append(
                format_html(
                    '<rect class="part" x="{}" y="0" width="{}" height="{}" fill="{}" '
                    'data-count="{}"><title>{}: {}</title></rect>',
                    _coordinate(x),
                    _coordinate(length),
                    bar_h,
                    part.colour,
                    part.count,
                    part.label,
                    part.count,
                )
            )
        x += length
    legend_x = 0
    for part in parts:
        share = (
            f" ({_number(Decimal(100 * part.count / total).quantize(Decimal('0.01')))} %)"
            if total
            else ""
        )
        text = f"{part.label}: {part.count}{share}"
        body.append(
            format_html(
                '<rect x="{}" y="{}" width="12" height="12" fill="{}"/>'
                '<text x="{}" y="{}" fill="{}">{}</text>',
                legend_x,
                bar_h + 10,
                part.colour,
                legend_x + 16,
                bar_h + 20,
                TEXT,
                text,
            )
        )
        legend_x += 16 + 7 * len(text) + 18
    description = "; ".join(f"{p.label} {p.count}" for p in parts) + f"; tổng {total}."
    rows = [(p.label, str(p.count)) for p in parts]
    return _figure(title, description, "".join(body), width, bar_h + 30, ["", "Số hồ sơ"], rows)
