"""The official forms: which kinds exist, what each is made from, how each is rendered.

    form_context(kind, obj) -> dict          the form's content as plain data
    render_docx(kind, obj) -> bytes          the filled DOCX
    docx_file(kind, obj) -> (bytes, str)     the DOCX and its file name
    printable_forms(dossier) -> list[dict]   the forms a dossier can print now

A form's number and title come from the regime of its dossier (the register and the guidance
slip: the regime in force on their date), so one kind prints as Mẫu 05 or Mẫu 06 as the rules
of the day say. A kind the regime lacks, or a form whose event has not happened, is a
FormUnavailable (404) with a Vietnamese message."""

from collections.abc import Callable
from dataclasses import dataclass
import io
from pathlib import Path
import re

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage

from motcua.dossiers.models import Dossier, GuidanceSlip, RuleRegime, SupplementRequest

from . import dossier_forms
from .errors import FormUnavailable
from .formatting import local
from .guidance import guidance_slip
from .qr import qr_png
from .register import RegisterPeriod, regime_on, register_context

A5 = "A5"
A4_LANDSCAPE = "A4 landscape"  # the register (Circular 01/2018 Art. 9(2)); the rest on A5
DOCX_DIR = Path(__file__).parent / "templates" / "paperwork" / "docx"
QR_WIDTH = Mm(25)
_UNSAFE_IN_FILENAME = re.compile(r'[\\/:*?"<>|]+')


@dataclass(frozen=True)
class FormKind:
    kind: str
    label: str  # for messages, when the regime has no entry to take the title from
    source: type  # what the form is made from
    build: Callable[[object, dict], dict]
    paper: str = A5
    qr: bool = False

    @property
    def docx_template(self) -> Path:
        return DOCX_DIR / f"{self.kind}.docx"

    @property
    def html_template(self) -> str:
        return f"paperwork/{self.kind}.html"


FORMS = {
    form.kind: form
    for form in (
        FormKind(
            "receipt",
            "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
            Dossier,
            dossier_forms.receipt,
            qr=True,
        ),
        FormKind(
            "supplement_request",
            "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
            SupplementRequest,
            dossier_forms.supplement_request,
        ),
        FormKind(
            "refusal", "Phiếu từ chối tiếp nhận giải quyết hồ sơ", Dossier, dossier_forms.refusal
        ),
        FormKind(
            "apology", "Văn bản xin lỗi và hẹn lại ngày trả kết quả", Dossier, dossier_forms.apology
        ),
        FormKind(
            "stop_notice", "Thông báo dừng giải quyết hồ sơ", Dossier, dossier_forms.stop_notice
        ),
        FormKind(
            "control_sheet",
            "Phiếu kiểm soát quá trình giải quyết hồ sơ",
            Dossier,
            dossier_forms.control_sheet,
        ),
        FormKind(
            "register", "Sổ theo dõi hồ sơ", RegisterPeriod, register_context, paper=A4_LANDSCAPE
        ),
        FormKind("guidance_slip", "Phiếu hướng dẫn hoàn thiện hồ sơ", GuidanceSlip, guidance_slip),
    )
}
# The kinds reached from a dossier (a supplement request through its dossier).
DOSSIER_KINDS = tuple(k for k, f in FORMS.items() if f.source in (Dossier, SupplementRequest))


def form_kind(kind: str) -> FormKind:
    try:
        return FORMS[kind]
    except KeyError:
        raise FormUnavailable(f"Không có biểu mẫu «{kind}».") from None


def supplement_request_of(dossier: Dossier, number: int | None = None) -> SupplementRequest:
    """The dossier's supplement request number `number` (lần), or its latest."""
    requests = dossier.supplements.select_related("requested_by__user", "dossier")
    if number is None:
        found = requests.order_by("-number").first()
        missing = "Hồ sơ chưa có yêu cầu bổ sung, hoàn thiện nào."
    else:
        found = requests.filter(number=number).first()
        missing = f"Hồ sơ không có yêu cầu bổ sung, hoàn thiện lần «{number}»."
    if found is None:
        raise FormUnavailable(missing)
    return found


def _source(form: FormKind, obj):
    if form.source is SupplementRequest and isinstance(obj, Dossier):
        return supplement_request_of(obj)
    if not isinstance(obj, form.source):
        raise TypeError(f"{form.kind} is made from a {form.source.__name__}, not {obj!r}")
    return obj


def _regime(obj) -> RuleRegime:
    if isinstance(obj, Dossier):
        return obj.regime
    if isinstance(obj, SupplementRequest):
        return obj.dossier.regime
    if isinstance(obj, GuidanceSlip):
        return regime_on(local(obj.issued_at).date())
    return regime_on(obj.end)


def form_context(kind: str, obj) -> dict:
    """The content of form `kind` made from `obj`: a Dossier, a SupplementRequest (or a
    Dossier: its latest request), a GuidanceSlip, or a RegisterPeriod."""
    form = form_kind(kind)
    obj = _source(form, obj)
    regime = _regime(obj)
    entry = regime.form(kind)
    if entry is None:
        raise FormUnavailable(
            f"Biểu mẫu «{form.label}» không có trong chế độ quy định áp dụng ({regime.name})."
        )
    return {**form.build(obj, entry), "kind": kind, "paper": form.paper}


def _render(form: FormKind, context: dict) -> bytes:
    template = DocxTemplate(form.docx_template)
    if form.qr:
        image = io.BytesIO(qr_png(context["tracking_url"]))
        context = {**context, "qr_image": InlineImage(template, image, width=QR_WIDTH)}
    # Escaping keeps "&" or "<" in a name from breaking the document's XML.
    template.render(context, autoescape=True)
    output = io.BytesIO()
    template.save(output)
    return output.getvalue()


def _filename(context: dict) -> str:
    parts = [context["form_number"], context["title"], context["reference"]]
    name = " - ".join(part for part in parts if part)
    return _UNSAFE_IN_FILENAME.sub("-", name) + ".docx"


def render_docx(kind: str, obj) -> bytes:
    return _render(form_kind(kind), form_context(kind, obj))


def docx_file(kind: str, obj) -> tuple[bytes, str]:
    """The DOCX and its Vietnamese file name, e.g. "Mẫu số 01 - Giấy tiếp nhận hồ sơ và hẹn
    trả kết quả - 000.00.17.H34-240304-0001.docx"."""
    context = form_context(kind, obj)
    return _render(form_kind(kind), context), _filename(context)


def printable_forms(dossier: Dossier) -> list[dict]:
    """The forms `dossier` can print now, in the order of their numbers: [{"kind", "form_number",
    "title"}]. Each is checked by building it, so the list never offers a refused form."""
    printable = []
    for kind in DOSSIER_KINDS:
        try:
            context = form_context(kind, dossier)
        except FormUnavailable:
            continue
        printable.append(
            {"kind": kind, "form_number": context["form_number"], "title": context["title"]}
        )
    return printable
