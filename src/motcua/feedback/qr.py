"""The counter poster's QR code of the rating page, drawn by segno as inline SVG."""

import segno


def qr_svg(url: str) -> str:
    # Level M survives a smudged or creased print; scale 8 reads from arm's length.
    return segno.make(url, error="m").svg_inline(
        scale=8, border=2, title="Mã QR trang đánh giá mức độ hài lòng", svgclass="qr"
    )
