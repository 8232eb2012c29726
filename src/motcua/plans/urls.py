from django.urls import path

from . import register_views, report_views, views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("nhiem-vu/<int:pk>/", views.task_progress, name="task_progress"),
    path("minh-chung/<int:pk>/", views.evidence_download, name="evidence_download"),
    path("nhac-viec/", views.assignment_list, name="assignment_list"),
    path("nhac-viec/<int:pk>/", views.assignment_detail, name="assignment_detail"),
    path("nhac-viec/<int:pk>/gia-han/", views.assignment_extend, name="assignment_extend"),
    path("nhac-viec/<int:pk>/hoan-thanh/", views.assignment_done, name="assignment_done"),
    path("nhac-viec/<int:pk>/ket-thuc/", views.assignment_close, name="assignment_close"),
    path("nhac-viec/<int:pk>/tep-ket-qua/", views.result_download, name="result_download"),
    path("nhap/", report_views.plan_import, name="plan_import"),
    path("bao-cao/", report_views.report_calendar, name="report_calendar"),
    path("bao-cao/<int:pk>/du-thao/", report_views.report_draft, name="report_draft"),
    path("bao-cao/<int:pk>/nop/", report_views.report_submit, name="report_submit"),
]

# The smaller registers of the plan (initiatives, facilities, documents, staffing).
urlpatterns += [
    path("sang-kien/", register_views.initiative_list, name="initiative_list"),
    path("sang-kien/<int:pk>/", register_views.initiative_detail, name="initiative_detail"),
    path(
        "sang-kien/minh-chung/<int:pk>/",
        register_views.initiative_evidence,
        name="initiative_evidence",
    ),
    path("co-so-vat-chat/", register_views.facilities, name="facilities"),
    path("co-so-vat-chat/thiet-bi/", register_views.equipment_edit, name="equipment_add"),
    path("co-so-vat-chat/thiet-bi/<int:pk>/", register_views.equipment_edit, name="equipment_edit"),
    path("co-so-vat-chat/de-nghi/", register_views.facility_request, name="facility_request"),
    path(
        "co-so-vat-chat/de-nghi/<int:pk>/duyet/",
        register_views.facility_decide,
        name="facility_decide",
    ),
    path(
        "co-so-vat-chat/de-nghi/<int:pk>/xong/", register_views.facility_done, name="facility_done"
    ),
    path("van-ban/", register_views.document_list, name="document_list"),
    path("van-ban/<int:pk>/", register_views.document_edit, name="document_edit"),
    path("bien-che/", register_views.staffing, name="staffing"),
]
