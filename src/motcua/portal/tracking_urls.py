from django.urls import path

from . import tracking_views as views

app_name = "tracking"

urlpatterns = [
    path("", views.lookup, name="lookup"),
    path("ho-so/<str:ref>/", views.dossier_status, name="dossier"),
    path("ho-so/<str:ref>/bo-sung/", views.supplement, name="supplement"),
]
