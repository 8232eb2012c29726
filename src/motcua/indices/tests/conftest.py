"""A small fixed month of dossiers, built through the dossier services at chosen moments.

Procedure P1 (3 working days, online "toàn trình") and P2 (the same, "một phần", field "Đầu
tư"). Received Monday 04/03/2024 09:00 → due Thursday 07/03 09:00, unless said otherwise.

    A  P1 counter, scanned   approved Tue 05/03 15:00, returned 06/03  early
    B  P1 online             approved Thu 07/03 08:30                  on time
    C  P1 counter, scanned   approved Thu 07/03 10:00 (specialist2)    late
    D  P1 counter            apology 06/03 (new date 12/03), approved 11/03 09:00 (specialist2)
                                                                       late, apology or not
    E  P1 counter, scanned   suspended 05/03 09:00–13:30 → due 07/03 11:30, approved 11:00
                                                                       on time
    F  P1 counter            extended 2 days → due 11/03 09:00, approved 11/03 08:00  on time
    G  P1 counter            supplement asked 05/03, answered 11/03 14:00 → due 14/03 14:00,
                             approved 13/03 10:00                      early, 1 supplement
    H  P1 counter            withdrawn 05/03 10:00
    I  P2 counter, scanned   refused 05/03 09:00, handed back 10:00    early, refused
    J  P1 counter            at appraisal, never finished              open, overdue
    K  P2 online             accepted Wed 27/03 09:00 → due Mon 01/04 09:00   open, due soon
    L  P1 online             accepted Fri 29/03 09:00 → due Wed 03/04 09:00, approved 02/04
                                                                       open at March end
    M  P1 counter            received 25/03, supplement asked 26/03, never answered  paused
    N  P2 counter            received Wed 28/02 09:00 → due 04/03 09:00, approved 01/03 early
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import uuid4

from django.core.files.uploadedfile import SimpleUploadedFile
import pytest

from motcua.catalog import services as catalog
from motcua.catalog.constants import OnlineLevel, TimeUnit
from motcua.catalog.models import Field, Procedure
from motcua.catalog.selectors import version_in_force
from motcua.core.testing.files import PDF
from motcua.dossiers import services
from motcua.dossiers.lifecycle import Actor
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import ReceivedDocument
from motcua.dossiers.tests.conftest import World, build_world, vn
from motcua.org.constants import Role

ITEMS = [{"name": "Giấy đề nghị đăng ký doanh nghiệp", "note": "Thiếu chữ ký"}]


@dataclass
class Month:
    world: World
    p1: Procedure
    p2: Procedure
    investment: Field
    dossiers: dict[str, Dossier]


def _second_procedure(world: World, field: Field) -> Procedure:
    version = catalog.create_procedure(
        world.agency,
        name="Cấp giấy chứng nhận đăng ký đầu tư",
        national_code="1.009645",
        time_limit_value=Decimal(3),
        time_limit_unit=TimeUnit.WORKING_DAYS,
        online_level=OnlineLevel.PARTIAL,
        field=field,
    )
    catalog.add_document(version, name="Văn bản đề nghị thực hiện dự án đầu tư", originals=1)
    catalog.add_step(version, name="Tiếp nhận hồ sơ", hours=4, unit=world.counter)
    catalog.add_step(version, name="Thẩm định hồ sơ", hours=8, unit=world.business)
    catalog.add_step(version, name="Phê duyệt", hours=4, unit=world.business, role=Role.UNIT_HEAD)
    catalog.add_step(version, name="Ký kết quả", hours=4, role=Role.DIRECTOR)
    catalog.add_step(version, name="Trả kết quả", hours=4, unit=world.counter)
    catalog.publish(version, date(2022, 1, 1))
    return version.procedure


class Builder:
    def __init__(self, world: World):
        self.w = world

    def _intake(self, procedure, at):
        version = version_in_force(procedure, on=at)
        documents = [
            ReceivedDocument(d.name, originals=1, copies=0, required_id=d.pk)
            for d in version.documents.all()
        ]
        return self.w.intake(documents=documents)

    def counter(self, procedure, at):
        return services.receive(self.w.officer, procedure, self._intake(procedure, at), at=at)

    def online(self, procedure, submitted, accepted):
        dossier = services.submit(
            procedure, self._intake(procedure, submitted), idempotency_key=uuid4().hex, at=submitted
        )
        return services.accept(dossier, self.w.officer, at=accepted)

    def scan(self, dossier, at):
        services.attach(
            dossier,
            self.w.officer,
            SimpleUploadedFile("scan.pdf", PDF),
            document=dossier.documents.first(),
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


def build_month(world: World) -> Month:
    w, b = world, Builder(world)
    investment = catalog.get_or_create_field(w.agency, "Đầu tư", "dau-tu")
    p1 = w.procedure
    p1.versions.update(online_level=OnlineLevel.FULL)
    p2 = _second_procedure(w, investment)
    mon = vn(2024, 3, 4, 9, 0)
    d = {}

    a = b.appraisal(b.scan(b.counter(p1, mon), vn(2024, 3, 4, 9, 5)), vn(2024, 3, 4, 10, 0))
    a = b.approve(a, vn(2024, 3, 5, 14, 0), vn(2024, 3, 5, 15, 0))
    a = services.register_result(a, w.clerk, "01/GCN", at=vn(2024, 3, 5, 15, 30))
    d["A"] = services.return_result(a, w.officer, at=vn(2024, 3, 6, 9, 0))

    bb = b.appraisal(b.online(p1, vn(2024, 3, 3, 20, 0), mon), vn(2024, 3, 4, 10, 0))
    d["B"] = b.approve(bb, vn(2024, 3, 7, 8, 0), vn(2024, 3, 7, 8, 30))

    c = b.appraisal(
        b.scan(b.counter(p1, mon), vn(2024, 3, 4, 9, 5)), vn(2024, 3, 4, 10, 0), w.specialist2
    )
    d["C"] = b.approve(c, vn(2024, 3, 7, 9, 30), vn(2024, 3, 7, 10, 0), w.specialist2)

    dd = b.appraisal(b.counter(p1, mon), vn(2024, 3, 4, 10, 0), w.specialist2)
    dd = services.apologize(
        dd, w.head, vn(2024, 3, 12, 9, 0), "Chờ ý kiến Sở Tài chính", at=vn(2024, 3, 6, 9, 0)
    )
    d["D"] = b.approve(dd, vn(2024, 3, 11, 8, 0), vn(2024, 3, 11, 9, 0), w.specialist2)

    e = b.appraisal(b.scan(b.counter(p1, mon), vn(2024, 3, 4, 9, 5)), vn(2024, 3, 4, 10, 0))
    e = services.suspend(e, w.head, "Chờ kết quả xác minh", at=vn(2024, 3, 5, 9, 0))
    e = services.resume(e, w.head, at=vn(2024, 3, 5, 13, 30))
    d["E"] = b.approve(e, vn(2024, 3, 7, 10, 0), vn(2024, 3, 7, 11, 0))

    f = b.appraisal(b.counter(p1, mon), vn(2024, 3, 4, 10, 0))
    f = services.extend(f, w.director, 2, "Cần xác minh thực địa", at=vn(2024, 3, 5, 9, 0))
    d["F"] = b.approve(f, vn(2024, 3, 11, 7, 30), vn(2024, 3, 11, 8, 0))

    g = b.appraisal(b.counter(p1, mon), vn(2024, 3, 4, 10, 0))
    services.request_supplement(
        g, w.specialist, ITEMS, "Hồ sơ chưa hợp lệ", at=vn(2024, 3, 5, 9, 0)
    )
    g = services.supplement(
        Dossier.objects.get(pk=g.pk), Actor.of(w.officer), at=vn(2024, 3, 11, 14, 0)
    )
    d["G"] = b.approve(g, vn(2024, 3, 13, 9, 0), vn(2024, 3, 13, 10, 0))

    d["H"] = services.withdraw(b.counter(p1, mon), Actor.of(w.officer), at=vn(2024, 3, 5, 10, 0))

    i = services.forward(
        b.scan(b.counter(p2, mon), vn(2024, 3, 4, 9, 5)), w.officer, at=vn(2024, 3, 4, 10, 0)
    )
    i = services.refuse(i, w.head, "Ngành nghề cấm đầu tư", at=vn(2024, 3, 5, 9, 0))
    d["I"] = services.return_result(i, w.officer, at=vn(2024, 3, 5, 10, 0))

    d["J"] = b.appraisal(b.counter(p1, mon), vn(2024, 3, 4, 10, 0))
    d["K"] = b.online(p2, vn(2024, 3, 27, 8, 0), vn(2024, 3, 27, 9, 0))

    el = b.appraisal(
        b.online(p1, vn(2024, 3, 29, 8, 0), vn(2024, 3, 29, 9, 0)), vn(2024, 4, 1, 10, 0)
    )
    d["L"] = b.approve(el, vn(2024, 4, 2, 9, 0), vn(2024, 4, 2, 10, 0))

    m = b.counter(p1, vn(2024, 3, 25, 9, 0))
    services.request_supplement(m, w.officer, ITEMS, "Thiếu chữ ký", at=vn(2024, 3, 26, 9, 0))
    d["M"] = Dossier.objects.get(pk=m.pk)

    n = b.appraisal(b.counter(p2, vn(2024, 2, 28, 9, 0)), vn(2024, 2, 28, 10, 0))
    d["N"] = b.approve(n, vn(2024, 2, 29, 14, 0), vn(2024, 3, 1, 10, 0))

    return Month(world=w, p1=p1, p2=p2, investment=investment, dossiers=d)


@pytest.fixture
def month(db) -> Month:
    return build_month(build_world())
