"""The dossier tests' world (a department, its staff, a published 3-working-day procedure)
and readers of a rendered DOCX."""

import io

from docx import Document
import pytest

from motcua.dossiers.tests.conftest import build_world, vn  # noqa: F401  (vn: for the tests)


@pytest.fixture
def world(db):
    return build_world()


@pytest.fixture
def signed_in(client, world):
    client.force_login(world.officer.user)
    return client


def docx_document(content: bytes):
    return Document(io.BytesIO(content))


def _cell_text(cell) -> str:
    return "\n".join(paragraph.text for paragraph in cell.paragraphs)


def docx_text(content: bytes) -> str:
    """Every paragraph of the body and of its tables (nested ones included), one per line."""
    document = docx_document(content)
    lines = [paragraph.text for paragraph in document.paragraphs]

    def walk(tables):
        for table in tables:
            for row in table.rows:
                for cell in row.cells:
                    lines.append(_cell_text(cell))
                    walk(cell.tables)

    walk(document.tables)
    return "\n".join(lines)


def docx_rows(content: bytes, header: str) -> list[list[str]]:
    """The body rows of the table whose first row starts with `header`."""
    for table in docx_document(content).tables:
        cells = [[_cell_text(cell) for cell in row.cells] for row in table.rows]
        if cells and cells[0][0] == header:
            return cells[1:]
    raise AssertionError(f"no table starts with {header!r}")
