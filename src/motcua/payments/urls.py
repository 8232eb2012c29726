from django.urls import path

from . import sandbox_views, views

app_name = "payments"

urlpatterns = [
    path("quan-ly/", views.staff_list, name="staff_list"),
    path("sandbox/", sandbox_views.bank_page, name="sandbox"),
    path("ket-qua/<slug:gateway>/", views.payment_return, name="return"),
    path("callback/<slug:gateway>/", views.callback, name="callback"),
    # Last: any two segments are a dossier reference and its tracking secret.
    path("<str:ref>/<str:secret>/", views.start, name="start"),
]
