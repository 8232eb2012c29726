from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.job_list, name="job_list"),
    path("<int:pk>/", views.job_detail, name="job"),
    path("<int:pk>/tai-ve/", views.job_download, name="download"),
]
