from django.urls import path

from . import survey_views, views

app_name = "feedback"

# Fixed words first: the rating page's two free segments would match them otherwise.
urlpatterns = [
    path("", views.entry, name="entry"),
    path("ma-qr/", views.poster, name="poster"),
    path("quay/", views.kiosk_page, name="kiosk"),
    path("phieu-giay/", views.paper, name="paper"),
    path("quan-ly/", views.manage, name="manage"),
    path("khao-sat/quan-ly/", survey_views.campaign_list, name="campaign_list"),
    path("khao-sat/quan-ly/<int:pk>/", survey_views.campaign_detail, name="campaign_detail"),
    path("khao-sat/quan-ly/<int:pk>/cau-hoi/", survey_views.item_save, name="item_add"),
    path(
        "khao-sat/quan-ly/<int:pk>/cau-hoi/<int:item_pk>/", survey_views.item_save, name="item_save"
    ),
    path(
        "khao-sat/quan-ly/<int:pk>/phieu/<int:respondent_pk>/",
        survey_views.paper_questionnaire,
        name="paper_questionnaire",
    ),
    path(
        "khao-sat/quan-ly/<int:pk>/<slug:action>/",
        survey_views.campaign_action,
        name="campaign_action",
    ),
    path("khao-sat/<str:token>/", survey_views.questionnaire, name="survey"),
    path("<str:ref>/<str:secret>/", views.rate, name="rate"),
    path("<str:ref>/<str:secret>/cam-on/", views.thanks, name="thanks"),
]
