from django.urls import path

from . import views

app_name = "paperwork"

urlpatterns = [
    path("ho-so/<str:code>/<slug:kind>/", views.form_html, name="form_html"),
    path("ho-so/<str:code>/<slug:kind>.docx", views.form_docx, name="form_docx"),
    path("phieu-huong-dan/<int:pk>/", views.guidance_slip_html, name="guidance_slip_html"),
    path("phieu-huong-dan/<int:pk>.docx", views.guidance_slip_docx, name="guidance_slip_docx"),
    path("so-theo-doi/", views.register_html, name="register_html"),
    path("so-theo-doi.docx", views.register_docx, name="register_docx"),
]
