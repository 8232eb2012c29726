from django.urls import path

from . import public_views, staff_views

app_name = "desk"

urlpatterns = [
    # Public: the FAQ, asking, complaining and following a complaint.
    path("hoi-dap/", public_views.faq, name="faq"),
    path("hoi-dap/gui/", public_views.ask, name="ask"),
    path("phan-anh/gui/", public_views.complain, name="complain"),
    path("phan-anh/theo-doi/", public_views.follow, name="follow"),
    # Staff: the questions desk.
    path("hoi-dap/quan-ly/", staff_views.question_list, name="questions"),
    path("hoi-dap/quan-ly/nhap/", staff_views.question_entry, name="question_entry"),
    path("hoi-dap/quan-ly/<str:code>/", staff_views.question_detail, name="question_detail"),
    path("hoi-dap/quan-ly/<str:code>/giao/", staff_views.question_assign, name="question_assign"),
    path(
        "hoi-dap/quan-ly/<str:code>/tra-loi/", staff_views.question_answer, name="question_answer"
    ),
    path("hoi-dap/quan-ly/<str:code>/dang/", staff_views.question_publish, name="question_publish"),
    path(
        "hoi-dap/quan-ly/<str:code>/go/", staff_views.question_unpublish, name="question_unpublish"
    ),
    # Staff: complaints and the officer's record.
    path("phan-anh/quan-ly/", staff_views.complaint_list, name="complaints"),
    path("phan-anh/quan-ly/nhap/", staff_views.complaint_entry, name="complaint_entry"),
    path("phan-anh/quan-ly/<str:code>/", staff_views.complaint_detail, name="complaint_detail"),
    path(
        "phan-anh/quan-ly/<str:code>/giao/", staff_views.complaint_assign, name="complaint_assign"
    ),
    path(
        "phan-anh/quan-ly/<str:code>/xac-minh/", staff_views.complaint_note, name="complaint_note"
    ),
    path(
        "phan-anh/quan-ly/<str:code>/tra-loi/",
        staff_views.complaint_answer,
        name="complaint_answer",
    ),
    path(
        "phan-anh/quan-ly/<str:code>/ket-thuc/", staff_views.complaint_close, name="complaint_close"
    ),
    path("phan-anh/can-bo/<int:pk>/", staff_views.officer_record, name="officer_record"),
]
