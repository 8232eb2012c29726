"""The admin pages of the desk show an administrator only their own agency's rows."""

from motcua.org.models import Agency, Unit
from motcua.org.tests.factories import make_staff

from .conftest import ask, complain


def test_the_admin_is_scoped_to_the_agency(client, world):
    question, complaint = ask(world), complain(world)
    other = Agency.objects.create(code="000.00.18.H34", name="Sở Tài chính", level="department")
    admin = make_staff(
        "quantri2", other, Unit.objects.create(agency=other, code="vp", name="VP"), is_staff=True
    )
    admin.user.is_superuser = True  # every permission, still bound to its agency
    admin.user.save()
    client.force_login(admin.user)
    assert question.code not in client.get("/quan-tri/desk/question/").text
    assert complaint.code not in client.get("/quan-tri/desk/complaint/").text
    client.force_login(world.office.user)
    world.office.user.is_staff = world.office.user.is_superuser = True
    world.office.user.save()
    assert question.code in client.get("/quan-tri/desk/question/").text
    page = client.get(f"/quan-tri/desk/complaint/{complaint.pk}/change/")
    assert page.status_code == 200 and complaint.secret in page.text
