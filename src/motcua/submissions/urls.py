from django.urls import path

from . import views

app_name = "submissions"

urlpatterns = [
    path("thu-tuc/<int:pk>/", views.start, name="start"),
    path("nhap/<str:token>/", views.draft, name="draft"),
    path("nhap/<str:token>/xem-lai/", views.review, name="review"),
    path("nhap/<str:token>/nop/", views.submit, name="submit"),
    path("nhap/<str:token>/da-nop/", views.done, name="done"),
    path("nhap/<str:token>/tep/<int:pk>/", views.draft_file, name="draft_file"),
]
