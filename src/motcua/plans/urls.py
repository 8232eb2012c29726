from django.urls import path

from . import report_views, views

app_name = "plans"

urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("<int:pk>/", views.plan_detail, name="plan_detail"),
    path("nhiem-vu/<int:pk>/", views.task_progress, name="task_progress"),
    path("nhac-viec/", views.assignment_list, name="assignment_list"),
    path("nhac-viec/<int:pk>/", views.assignment_detail, name="assignment_detail"),
    path("nhac-viec/<int:pk>/gia-han/", views.assignment_extend, name="assignment_extend"),
    path("nhac-viec/<int:pk>/hoan-thanh/", views.assignment_done, name="assignment_done"),
    path("nhac-viec/<int:pk>/ket-thuc/", views.assignment_close, name="assignment_close"),
    path("nhap/", report_views.plan_import, name="plan_import"),
    path("bao-cao/", report_views.report_calendar, name="report_calendar"),
    path("bao-cao/<int:pk>/du-thao/", report_views.report_draft, name="report_draft"),
    path("bao-cao/<int:pk>/nop/", report_views.report_submit, name="report_submit"),
]
