from django.urls import path

from . import views

app_name = "catalog"

urlpatterns = [
    path("", views.procedure_list, name="procedure_list"),
    path("<int:pk>/", views.procedure_detail, name="procedure_detail"),
    path("mau-don/<int:pk>/", views.document_template, name="document_template"),
    path("xuat-excel/", views.export_view, name="export"),
    path("nhap-excel/", views.import_view, name="import"),
]
