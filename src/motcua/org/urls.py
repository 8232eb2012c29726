from django.urls import path

from . import views

app_name = "org"

urlpatterns = [
    path("dang-nhap/", views.SignInView.as_view(), name="login"),
    path("dang-xuat/", views.SignOutView.as_view(), name="logout"),
    path("can-bo/", views.home, name="home"),
    path("", views.welcome, name="welcome"),
]
