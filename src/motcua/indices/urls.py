from django.urls import include, path

from . import views
from .scorecards import views as scorecards

app_name = "indices"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("don-vi/", views.unit_dashboard, name="unit_dashboard"),
    path("ca-nhan/", views.personal_dashboard, name="personal_dashboard"),
    path("cua-toi/", views.own_page, name="own_page"),
    path("cong-khai/<str:code>/", views.public, name="public"),
    path("", include("motcua.indices.quality_urls")),
]

urlpatterns += [
    path("bang-diem/", scorecards.scorecard_list, name="scorecard_list"),
    path("bang-diem/nhap/", scorecards.scorecard_import, name="scorecard_import"),
    path("bang-diem/<int:pk>/", scorecards.scorecard_detail, name="scorecard_detail"),
    path("bang-diem/<int:pk>/so-sanh/", scorecards.scorecard_compare, name="scorecard_compare"),
    path("bang-diem/muc/<int:pk>/", scorecards.scorecard_node, name="scorecard_node"),
    path("bang-diem/tai-lieu/<int:pk>/", scorecards.scorecard_evidence, name="scorecard_evidence"),
]
