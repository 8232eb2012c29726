from django.urls import path

from . import views

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
]
