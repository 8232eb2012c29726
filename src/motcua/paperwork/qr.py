"""The receipt's QR code of the tracking address, drawn by segno (pure Python, no Pillow)."""

import io

import segno

# Level M survives a crease or a smudge on a printed slip and keeps the code small.
ERROR_LEVEL = "m"


def qr_svg(url: str) -> str:
    """Inline SVG for the print page."""
    return segno.make(url, error=ERROR_LEVEL).svg_inline(
        scale=3, border=2, title="Mã QR tra cứu hồ sơ", svgclass="qr"
    )


def qr_png(url: str) -> bytes:
    """A PNG for the DOCX, sharp enough at 25 mm."""
    buffer = io.BytesIO()
    segno.make(url, error=ERROR_LEVEL).save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()
