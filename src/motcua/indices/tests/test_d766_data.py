"""The fixed month of the Decision 766 and Circular 01 tests (no tests here), built through the
dossier services at chosen moments; ratings, complaints and payments are rows of the feedback,
desk and payments apps as their contracts define them.

P1 2.001610 (3 working days, online "toàn trình", no fee; its catalogue entry lacks the
method and the target: incomplete for 1.3). P2 1.009645 (3 working days, online "một phần",
fee 500 000 đ, complete). Received Monday 04/03/2024 09:00 → due Thursday 07/03 09:00 unless
said otherwise.

    A  P1 counter, scanned, result file   approved Tue 05/03 15:00          early
    B  P1 online, result file             approved Thu 07/03 08:30          on time
    C  P2 counter, paid online            approved Thu 07/03 10:00          late
    D  P1 counter  apology 06/03 (new date 12/03), approved Mon 11/03      late
    E  P1 counter  suspended 05/03 09:00–13:30 → due 07/03 11:30, approved 11:00   on time
    F  P1 counter  extended 2 days → due 11/03 09:00, approved 11/03 08:00           on time
    G  P1 counter  supplement asked 05/03 09:00, answered 06/03 09:00 (restart: due 11/03
                   09:00); approved Fri 08/03 15:00. 766: deadline 07/03 09:00 + 24 h wait =
                   08/03 09:00                                          late (766 only)
    H  P1 counter  withdrawn 05/03 10:00                                 on time (ended)
    I  P2 counter  two supplement requests (04/03 14:00–05/03 09:00, 05/03 10:00–14:00),
                   approved 06/03 10:00                                  late (2 requests)
    J  P1 counter  consults Sở Tài chính 04/03 10:30 (2 working days → due 06/03 10:30),
                   answered 05/03 15:00; approved Wed 06/03 15:00       early, inter-agency
    K  P1 counter  received Mon 25/03, supplement asked 26/03 09:00, never answered
                                                                         on time (ends 26/03)
    L  P1 counter  received Thu 28/03 09:00 → due Tue 02/04 09:00, open at the end of March
                                                                         on time (ends 01/04)
    M  P1 counter  received Mon 26/02 09:00 → due 29/02 09:00, still open   late
    N  P2 counter  received Mon 26/02, approved 28/02 (finished before March: not counted)

Ratings: A dissatisfied (2, 2, 1, 2), B very satisfied (2, 2, 2, 2), C satisfied (0, 1, 1, 1),
J satisfied (2, 1, 2, 2). Complaints: X1 on C received 08/03 due 15/03 answered 12/03, the
applicant dissatisfied; X2 without dossier received 20/03 due 27/03 answered 28/03 (late);
X3 on D received 25/03 due 02/04, unanswered at the end of March. Payment: C paid 04/03.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import uuid4

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from motcua.catalog import services as catalog
from motcua.catalog.constants import OnlineLevel, TimeUnit
from motcua.catalog.models import Procedure
from motcua.catalog.selectors import version_in_force
from motcua.core.testing.files import PDF
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Actor
from motcua.dossiers.models import Attachment, Dossier
from motcua.dossiers.services import ReceivedDocument
from motcua.dossiers.tests.conftest import World, vn
from motcua.org.constants import Role

ITEMS = [{"name": "Giấy đề nghị đăng ký doanh nghiệp", "note": "Thiếu chữ ký"}]
MON = vn(2024, 3, 4, 9, 0)


@dataclass
class March:
    world: World
    p1: Procedure
    p2: Procedure
    d: dict[str, Dossier]


def _p2(w: World) -> Procedure:
    version = catalog.create_procedure(
        w.agency,
        name="Cấp giấy chứng nhận đăng ký đầu tư",
        national_code="1.009645",
        time_limit_value=Decimal(3),
        time_limit_unit=TimeUnit.WORKING_DAYS,
        online_level=OnlineLevel.PARTIAL,
        submission="Trực tiếp, bưu chính hoặc trực tuyến",
        applicants="Tổ chức, cá nhân",
    )
    catalog.add_document(version, name="Văn bản đề nghị thực hiện dự án đầu tư", originals=1)
    catalog.add_fee(version, name="Lệ phí", amount=500000)
    catalog.add_step(version, name="Tiếp nhận hồ sơ", hours=4, unit=w.counter)
    catalog.add_step(version, name="Thẩm định hồ sơ", hours=8, unit=w.business)
    catalog.add_step(version, name="Phê duyệt", hours=4, unit=w.business, role=Role.UNIT_HEAD)
    catalog.add_step(version, name="Ký kết quả", hours=4, role=Role.DIRECTOR)
    catalog.add_step(version, name="Trả kết quả", hours=4, unit=w.counter)
    catalog.publish(version, date(2022, 1, 1))
    return version.procedure


class Builder:
    def __init__(self, w: World):
        self.w = w

    def _intake(self, procedure, at):
        version = version_in_force(procedure, on=at)
        return self.w.intake(
            documents=[
                ReceivedDocument(d.name, originals=1, copies=0, required_id=d.pk)
                for d in version.documents.all()
            ]
        )

    def counter(self, procedure, at=MON):
        return services.receive(self.w.officer, procedure, self._intake(procedure, at), at=at)

    def online(self, procedure, submitted, accepted):
        dossier = services.submit(
            procedure, self._intake(procedure, submitted), idempotency_key=uuid4().hex, at=submitted
        )
        return services.accept(dossier, self.w.officer, at=accepted)

    def attach(self, dossier, at, kind=Attachment.Kind.DOCUMENT, staff=None):
        services.attach(
            dossier,
            staff or self.w.officer,
            SimpleUploadedFile("tep.pdf", PDF),
            document=dossier.documents.first() if kind == "document" else None,
            kind=kind,
            at=at,
        )
        return Dossier.objects.get(pk=dossier.pk)

    def appraisal(self, dossier, at, specialist=None):
        dossier = services.forward(dossier, self.w.officer, at=at)
        return services.assign(dossier, self.w.head, specialist or self.w.specialist, at=at)

    def approve(self, dossier, signing, approved, specialist=None):
        dossier = services.forward(dossier, specialist or self.w.specialist, at=signing)
        dossier = services.forward(dossier, self.w.head, at=signing)
        return services.approve(dossier, self.w.director, summary="Cấp giấy", at=approved)

    def supplement(self, dossier, asked, answered=None, staff=None):
        services.request_supplement(
            dossier, staff or self.w.specialist, ITEMS, "Chưa hợp lệ", at=asked
        )
        dossier = Dossier.objects.get(pk=dossier.pk)
        if answered is not None:
            dossier = services.supplement(dossier, Actor.of(self.w.officer), at=answered)
        return dossier


def rate(dossier, overall, i1, i3, i4, i7, at):
    rating = apps.get_model("feedback.Rating")
    return rating.objects.create(
        agency=dossier.agency,
        dossier=dossier,
        version=dossier.version,
        channel="web",
        index1=i1,
        index3=i3,
        index4=i4,
        index7=i7,
        overall=overall,
        rated_at=at,
        updated_at=at,
    )


def complain(agency, number, received, due, answered=None, dossier=None, satisfied=None):
    complaint = apps.get_model("desk.Complaint")
    return complaint.objects.create(
        agency=agency,
        code=f"PA-{number}",
        secret="S",
        kind="feedback",
        channel="portal",
        received_at=received,
        complainant_name="Trần Văn Nam",
        subject="Chậm trả kết quả",
        body="Hồ sơ chậm.",
        dossier=dossier,
        due_at=due,
        answered_at=answered,
        applicant_satisfied=satisfied,
        state="answered" if answered else "assigned",
    )


def pay(dossier, at):
    payment = apps.get_model("payments.Payment")
    return payment.objects.create(
        agency=dossier.agency,
        dossier=dossier,
        amount=500000,
        state="paid",
        gateway="demo",
        reference=uuid4().hex[:20],
        created_at=at,
        settled_at=at,
    )


def build_march(w: World) -> March:
    b = Builder(w)
    p1 = w.procedure
    p1.versions.update(online_level=OnlineLevel.FULL)
    p2 = _p2(w)
    d = {}

    a = b.attach(b.counter(p1), vn(2024, 3, 4, 9, 5))
    a = b.appraisal(a, vn(2024, 3, 4, 10, 0))
    a = b.attach(a, vn(2024, 3, 5, 13, 0), Attachment.Kind.RESULT, w.specialist)
    d["A"] = b.approve(a, vn(2024, 3, 5, 14, 0), vn(2024, 3, 5, 15, 0))

    bb = b.appraisal(b.online(p1, vn(2024, 3, 3, 20, 0), MON), vn(2024, 3, 4, 10, 0))
    bb = b.attach(bb, vn(2024, 3, 6, 13, 0), Attachment.Kind.RESULT, w.specialist)
    d["B"] = b.approve(bb, vn(2024, 3, 7, 8, 0), vn(2024, 3, 7, 8, 30))

    c = b.appraisal(b.counter(p2), vn(2024, 3, 4, 10, 0), w.specialist2)
    pay(c, vn(2024, 3, 4, 9, 30))
    d["C"] = b.approve(c, vn(2024, 3, 7, 9, 30), vn(2024, 3, 7, 10, 0), w.specialist2)

    dd = b.appraisal(b.counter(p1), vn(2024, 3, 4, 10, 0), w.specialist2)
    dd = services.apologize(
        dd, w.head, vn(2024, 3, 12, 9, 0), "Chờ ý kiến Sở Tài chính", at=vn(2024, 3, 6, 9, 0)
    )
    d["D"] = b.approve(dd, vn(2024, 3, 11, 8, 0), vn(2024, 3, 11, 9, 0), w.specialist2)

    e = b.appraisal(b.counter(p1), vn(2024, 3, 4, 10, 0))
    e = services.suspend(e, w.head, "Chờ kết quả xác minh", at=vn(2024, 3, 5, 9, 0))
    e = services.resume(e, w.head, at=vn(2024, 3, 5, 13, 30))
    d["E"] = b.approve(e, vn(2024, 3, 7, 10, 0), vn(2024, 3, 7, 11, 0))

    f = b.appraisal(b.counter(p1), vn(2024, 3, 4, 10, 0))
    f = services.extend(f, w.director, 2, "Cần xác minh thực địa", at=vn(2024, 3, 5, 9, 0))
    d["F"] = b.approve(f, vn(2024, 3, 11, 7, 30), vn(2024, 3, 11, 8, 0))

    g = b.appraisal(b.counter(p1), vn(2024, 3, 4, 10, 0))
    g = b.supplement(g, vn(2024, 3, 5, 9, 0), vn(2024, 3, 6, 9, 0))
    d["G"] = b.approve(g, vn(2024, 3, 8, 14, 0), vn(2024, 3, 8, 15, 0))

    d["H"] = services.withdraw(b.counter(p1), Actor.of(w.officer), at=vn(2024, 3, 5, 10, 0))

    i = b.appraisal(b.counter(p2), vn(2024, 3, 4, 10, 0))
    i = b.supplement(i, vn(2024, 3, 4, 14, 0), vn(2024, 3, 5, 9, 0))
    i = b.supplement(i, vn(2024, 3, 5, 10, 0), vn(2024, 3, 5, 14, 0))
    d["I"] = b.approve(i, vn(2024, 3, 6, 9, 0), vn(2024, 3, 6, 10, 0))

    j = b.appraisal(b.counter(p1), vn(2024, 3, 4, 10, 0))
    consultation = services.consult(
        j, w.specialist, "Sở Tài chính", "Ý kiến về vốn", 2, at=vn(2024, 3, 4, 10, 30)
    )
    services.answer_consultation(consultation, w.specialist, "Thống nhất", at=vn(2024, 3, 5, 15, 0))
    j = Dossier.objects.get(pk=j.pk)
    d["J"] = b.approve(j, vn(2024, 3, 6, 14, 0), vn(2024, 3, 6, 15, 0))

    k = b.counter(p1, vn(2024, 3, 25, 9, 0))
    d["K"] = b.supplement(k, vn(2024, 3, 26, 9, 0), staff=w.officer)

    d["L"] = b.counter(p1, vn(2024, 3, 28, 9, 0))
    d["M"] = b.appraisal(b.counter(p1, vn(2024, 2, 26, 9, 0)), vn(2024, 2, 26, 10, 0))

    n = b.appraisal(b.counter(p2, vn(2024, 2, 26, 9, 0)), vn(2024, 2, 26, 10, 0))
    d["N"] = b.approve(n, vn(2024, 2, 27, 14, 0), vn(2024, 2, 28, 10, 0))

    rate(d["A"], "dissatisfied", 2, 2, 1, 2, vn(2024, 3, 6, 9, 0))
    rate(d["B"], "very_satisfied", 2, 2, 2, 2, vn(2024, 3, 7, 9, 0))
    rate(d["C"], "satisfied", 0, 1, 1, 1, vn(2024, 3, 7, 11, 0))
    rate(d["J"], "satisfied", 2, 1, 2, 2, vn(2024, 3, 6, 16, 0))
    complain(
        w.agency,
        1,
        vn(2024, 3, 8, 9, 0),
        vn(2024, 3, 15, 9, 0),
        vn(2024, 3, 12, 9, 0),
        d["C"],
        satisfied=False,
    )
    complain(w.agency, 2, vn(2024, 3, 20, 9, 0), vn(2024, 3, 27, 9, 0), vn(2024, 3, 28, 9, 0))
    complain(w.agency, 3, vn(2024, 3, 25, 9, 0), vn(2024, 4, 2, 9, 0), dossier=d["D"])
    return March(world=w, p1=p1, p2=p2, d=d)
