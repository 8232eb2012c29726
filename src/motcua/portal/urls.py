from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("thu-tuc/", views.procedure_list, name="procedure_list"),
    path("thu-tuc/<int:pk>/", views.procedure_detail, name="procedure_detail"),
    path("thong-bao/", views.announcement_list, name="announcement_list"),
    path("lich-ho-tro/", views.session_list, name="session_list"),
]
