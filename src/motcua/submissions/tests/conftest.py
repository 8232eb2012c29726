"""The dossiers' small department with its procedure offered online, and tiny real files."""

from django.core.files.uploadedfile import SimpleUploadedFile
import pytest

from motcua.catalog.constants import OnlineLevel
from motcua.catalog.models import ProcedureVersion
from motcua.dossiers.tests.conftest import build_world

# The demo Department, loaded once per module, for the tests that need the real catalogue.
from motcua.portal.tests.conftest import _module_demo, department  # noqa: F401

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
    b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def pdf(name="giay-to.pdf", content=PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def offer_online(procedure, level=OnlineLevel.FULL) -> None:
    # A published version is frozen for staff; the test sets the level as the catalogue would.
    ProcedureVersion.objects.filter(procedure=procedure).update(online_level=level)


def build_online_world():
    world = build_world()
    offer_online(world.procedure)
    return world


@pytest.fixture
def world(db):
    return build_online_world()
