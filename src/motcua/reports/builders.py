"""What each kind of report job builds: a function writing the file to `out` and giving back
its download name."""

from collections.abc import Callable
from datetime import date
from typing import BinaryIO

from motcua.indices.scope import Period

from .briefing import build_briefing
from .briefing_files import write_briefing_docx, write_briefing_xlsx
from .constants import Kind
from .register import write_register
from .statistics import write_statistics

Progress = Callable[[int], None]


def period_of(parameters: dict) -> Period:
    return Period(date.fromisoformat(parameters["start"]), date.fromisoformat(parameters["end"]))


def _register(job, out: BinaryIO, progress: Progress) -> str:
    period = period_of(job.parameters)
    write_register(job.agency, period, out, progress)
    return f"so-theo-doi-ho-so_{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"


def _statistics(job, out: BinaryIO, progress: Progress) -> str:
    period = period_of(job.parameters)
    write_statistics(job.agency, period, out, progress)
    return f"thong-ke_{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx"


def _briefing(writer, extension: str):
    def build(job, out: BinaryIO, progress: Progress) -> str:
        period = period_of(job.parameters)
        writer(build_briefing(job.agency, period, progress=progress), out)
        return f"bao-cao-giao-ban_{period.start:%Y-%m}.{extension}"

    return build


BUILDERS = {
    Kind.REGISTER_XLSX: _register,
    Kind.BRIEFING_XLSX: _briefing(write_briefing_xlsx, "xlsx"),
    Kind.BRIEFING_DOCX: _briefing(write_briefing_docx, "docx"),
    Kind.STATISTICS_XLSX: _statistics,
}
