"""The dossier page's "Biểu mẫu" card. A template tag, so that the dossiers app (below this one)
shows the forms without importing it."""

from django import template
from django.urls import reverse

from motcua.dossiers.constants import Action

register = template.Library()


def _wanted(dossier) -> dict[str, bool]:
    """Which forms the dossier's history calls for (from one query, not by building them)."""
    done = set(dossier.events.values_list("action", flat=True))
    return {
        "receipt": True,
        "supplement_request": Action.REQUEST_SUPPLEMENT in done,
        "refusal": Action.REFUSE in done,
        "apology": dossier.apologized_at is not None,
        "stop_notice": Action.WITHDRAW in done,
        "control_sheet": True,
    }


@register.inclusion_tag("paperwork/_dossier_forms.html")
def dossier_forms(dossier):
    forms = []
    if dossier.code:
        for kind, needed in _wanted(dossier).items():
            form = dossier.regime.form(kind)
            if needed and form:
                forms.append(
                    {
                        "title": form["title"],
                        "number": form["number"],
                        "html": reverse("paperwork:form_html", args=[dossier.code, kind]),
                        "docx": reverse("paperwork:form_docx", args=[dossier.code, kind]),
                    }
                )
    return {"forms": forms}
