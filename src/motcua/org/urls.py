from django.urls import path

from . import views

app_name = "org"

urlpatterns = [
    path("dang-nhap/", views.SignInView.as_view(), name="login"),
    path("dang-nhap/ma-xac-thuc/", views.two_factor_verify, name="two_factor_verify"),
    path("dang-xuat/", views.SignOutView.as_view(), name="logout"),
    path("can-bo/", views.home, name="home"),
    path("can-bo/bao-mat/", views.security, name="security"),
    path("can-bo/bao-mat/ung-dung-xac-thuc/", views.two_factor_enrol, name="two_factor_enrol"),
    path(
        "can-bo/bao-mat/ma-du-phong/",
        views.regenerate_recovery_codes,
        name="regenerate_recovery_codes",
    ),
    path("can-bo/bao-mat/go-ung-dung/", views.remove_device, name="remove_device"),
    path("can-bo/dang-xuat-moi-noi/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("", views.welcome, name="welcome"),
]
