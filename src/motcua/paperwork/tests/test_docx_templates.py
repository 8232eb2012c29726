"""The committed DOCX templates are what build_templates.py writes: nobody edited one in Word
without changing the layout code."""

import io
from pathlib import Path
import zipfile

from django.core.management import call_command

from motcua.paperwork.build_templates import LAYOUTS
from motcua.paperwork.forms import DOCX_DIR, FORMS


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_every_form_has_a_layout_and_a_committed_template():
    assert set(LAYOUTS) == set(FORMS)
    assert {path.stem for path in DOCX_DIR.glob("*.docx")} == set(FORMS)


def test_the_committed_templates_match_the_build(tmp_path):
    call_command("build_form_templates", "--dir", str(tmp_path), stdout=io.StringIO())
    for kind in FORMS:
        built, committed = _parts(tmp_path / f"{kind}.docx"), _parts(DOCX_DIR / f"{kind}.docx")
        assert built == committed, (
            f"{kind}.docx differs from its layout: run `motcua build_form_templates`"
        )
