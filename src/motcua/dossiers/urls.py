from django.urls import path, register_converter

from . import views
from .links import dossier_ref

app_name = "dossiers"


class DossierRef:
    """A dossier in a URL: its code, or `truc-tuyen-<id>` while it has none.

    `reverse` and `{% url %}` take the dossier itself: `{% url 'dossiers:detail' dossier %}`.
    """

    regex = r"[^/]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        if isinstance(value, str):
            return value
        return dossier_ref(value)


register_converter(DossierRef, "dossier")

urlpatterns = [
    path("", views.worklist, name="worklist"),
    path("tiep-nhan/", views.intake_start, name="intake_start"),
    path("tiep-nhan/<int:pk>/", views.intake, name="intake"),
    path("phieu-huong-dan/<int:pk>/", views.guidance_slip, name="guidance_slip"),
    path("<dossier:ref>/", views.detail, name="detail"),
    path("<dossier:ref>/thao-tac/<slug:action>/", views.act, name="act"),
    path("<dossier:ref>/tep/<int:pk>/", views.download, name="download"),
]
