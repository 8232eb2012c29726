"""The demo desk: made through the services on top of the demo Department, loaded once."""

from django.utils import timezone

from motcua.demo.loader import load_demo
from motcua.desk import selectors
from motcua.desk.demo import COMPLAINTS, QUESTIONS, load_demo_desk
from motcua.desk.models import Complaint, Question
from motcua.org.models import Agency, Staff


def test_the_demo_desk(db):
    load_demo(days=0)  # the demo loader loads the desk
    department = Agency.objects.get(code="000.00.17.H34")
    assert load_demo_desk(department) == 0  # a second load changes nothing
    questions = Question.objects.filter(agency=department)
    assert questions.count() == len(QUESTIONS) == 12
    assert Complaint.objects.filter(agency=department).count() == len(COMPLAINTS)
    assert questions.filter(answered_at__isnull=False).count() >= 8
    faq = selectors.published_faq("thanh lap doanh nghiep tu nhan")
    assert faq.exists() and all(q.procedures.exists() for q in faq)
    assert questions.filter(selectors.overdue_q()).exists()
    assert not questions.filter(answered_at__gt=timezone.now()).exists()
    complaints = Complaint.objects.filter(agency=department)
    assert complaints.filter(selectors.overdue_q()).count() == 1
    assert set(complaints.exclude(outcome="").values_list("outcome", flat=True)) == {
        "founded",
        "partly",
        "unfounded",
    }
    officer = Staff.objects.get(user__username="chuyenvien.dkkd")
    _, counts = selectors.officer_record(officer)
    assert counts["total"] == 1 and counts["partly"] == 1
