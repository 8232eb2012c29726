"""Stored files leave the server only through a view that has asked its app's permissions, and
only as a download: `attachment` so no browser renders an uploaded HTML or SVG inside our
origin, `nosniff` so none guesses a type, `no-store` so no shared cache keeps it."""

from django.http import FileResponse


def attachment(stored_file, filename: str, content_type: str = "") -> FileResponse:
    response = FileResponse(
        stored_file.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
