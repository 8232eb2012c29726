"""A year of realistic dossiers for the demo Department, made through the lifecycle services
(never written into tables directly): most finished early or on time, some late with an
apology, some refused, withdrawn or cancelled, supplement round trips, consultations answered
or late and reminded, online submissions accepted or returned, and open dossiers at every step.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
import random

from django.utils import timezone

from motcua.catalog.selectors import versions_in_force
from motcua.dossiers import services
from motcua.dossiers.constants import Channel, ReturnMethod
from motcua.dossiers.lifecycle import Actor
from motcua.dossiers.models import Dossier
from motcua.dossiers.services import ApplicantData, Intake, ReceivedDocument
from motcua.notifications.reach import fictional_phone
from motcua.org.constants import Role
from motcua.org.models import Agency, Staff
from motcua.worktime import arithmetic
from motcua.worktime.selectors import calendar_for

FAMILY = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Quốc", "Thanh", "Hữu", "Thu", "Đức", "Hoài"]
GIVEN = [
    "An",
    "Bình",
    "Châu",
    "Dũng",
    "Giang",
    "Hải",
    "Hạnh",
    "Khánh",
    "Lan",
    "Long",
    "Mai",
    "Nam",
    "Nga",
    "Phúc",
    "Quang",
    "Sơn",
    "Tâm",
    "Thảo",
    "Trung",
    "Vy",
    "Yến",
]
COMPANIES = [
    "Biển Xanh",
    "Hòn Tre",
    "Cam Ranh Logistics",
    "Vịnh Vân Phong",
    "Trầm Hương",
    "Ninh Hòa Agri",
    "Nha Trang Tourist",
    "Khánh Sơn Coffee",
    "Sao Biển",
    "Yến Sào Đảo",
]
STREETS = [
    "Trần Phú",
    "Lê Thánh Tôn",
    "Thái Nguyên",
    "Yersin",
    "Hùng Vương",
    "Nguyễn Thiện Thuật",
    "Lý Tự Trọng",
    "Pasteur",
    "Quang Trung",
    "2 Tháng 4",
]
CONSULTED = [
    "Sở Tài chính tỉnh Khánh Hòa",
    "Sở Xây dựng tỉnh Khánh Hòa",
    "Sở Tài nguyên và Môi trường tỉnh Khánh Hòa",
    "Cục Thuế tỉnh Khánh Hòa",
]

# How a finished dossier's story goes, with its weight.
STORIES = [
    ("normal", 70),
    ("supplement", 9),
    ("late_apology", 4),
    ("refused", 5),
    ("withdrawn", 2),
    ("cancelled", 1),
    ("consultation", 6),
    ("online_rejected", 3),
]


@dataclass
class Cast:
    counter: list[Staff]
    clerk: Staff
    director: Staff
    heads: dict  # unit id → unit head
    specialists: dict  # unit id → specialists


def _cast(agency: Agency) -> Cast:
    staff = list(
        Staff.objects.filter(agency=agency)
        .select_related("user", "unit")
        .prefetch_related("user__groups")
    )

    def with_role(role):
        return [s for s in staff if s.has_role(role)]

    heads, specialists = {}, {}
    for member in with_role(Role.UNIT_HEAD):
        heads[member.unit_id] = member
    for member in with_role(Role.SPECIALIST):
        specialists.setdefault(member.unit_id, []).append(member)
    return Cast(
        with_role(Role.COUNTER_OFFICER),
        with_role(Role.CLERK)[0],
        with_role(Role.DIRECTOR)[0],
        heads,
        specialists,
    )


class Story:
    """One dossier's life, told through the services at chosen moments."""

    def __init__(self, rng: random.Random, calendar, cast: Cast, version, now: datetime):
        self.rng, self.calendar, self.cast, self.version, self.now = (
            rng,
            calendar,
            cast,
            version,
            now,
        )

    # -- moments -------------------------------------------------------------------------------
    def later(self, moment: datetime, share: float) -> datetime:
        """A working moment `share` of the step's usual time after `moment`."""
        hours = Decimal(str(round(max(share, 0.05) * 8, 2)))
        return arithmetic.add_working_hours(self.calendar, moment, hours)

    def past(self, moment: datetime) -> bool:
        return moment < self.now

    # -- people --------------------------------------------------------------------------------
    def applicant(self) -> ApplicantData:
        rng = self.rng
        address = f"{rng.randint(1, 250)} {rng.choice(STREETS)}, Nha Trang, Khánh Hòa"
        phone = fictional_phone(rng.randint(10000000, 99999999) % 10**6)
        if rng.random() < 0.35:
            name = f"Công ty TNHH {rng.choice(COMPANIES)} {rng.randint(1, 99)}"
            return ApplicantData(
                name=name,
                kind="organization",
                id_number=f"42{rng.randint(10000000, 99999999)}",
                phone=phone,
                address=address,
            )
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        email = f"nguoinop{rng.randint(1, 99999)}@example.com" if rng.random() < 0.2 else ""
        return ApplicantData(
            name=name,
            id_number=f"0561{rng.randint(10**7, 10**8 - 1)}",
            phone=phone,
            email=email,
            address=address,
        )

    def intake(self) -> Intake:
        documents = [
            ReceivedDocument(
                d.name, originals=d.originals or 1, copies=d.copies or 0, required_id=d.pk
            )
            for d in self.version.documents.all()
        ]
        by_post = self.rng.random() < 0.1
        return Intake(
            applicant=self.applicant(),
            documents=documents,
            return_method=ReturnMethod.POST if by_post else ReturnMethod.COUNTER,
            postal_address="Số 5 Yersin, Nha Trang" if by_post else "",
        )

    # -- the story -----------------------------------------------------------------------------
    def tell(self, kind: str, received_at: datetime, online: bool) -> Dossier | None:
        officer = self.rng.choice(self.cast.counter)
        procedure = self.version.procedure
        if online:
            key = f"demo-{procedure.pk}-{received_at.timestamp()}-{self.rng.random()}"
            submitted = received_at - timedelta(hours=self.rng.randint(1, 40))
            dossier = services.submit(procedure, self.intake(), idempotency_key=key, at=submitted)
            if not self.past(received_at):
                return dossier
            if kind == "online_rejected":
                return services.reject_online(
                    dossier, officer, "Hồ sơ điện tử thiếu chữ ký số", at=received_at
                )
            dossier = services.accept(dossier, officer, at=received_at)
        else:
            dossier = services.receive(
                officer, procedure, self.intake(), channel=Channel.COUNTER, at=received_at
            )
        return self._process(dossier, kind, officer)

    def _process(self, dossier, kind, officer):
        rng, cast = self.rng, self.cast
        at = self.later(dossier.received_at, rng.uniform(0.1, 0.5))
        if kind == "withdrawn":
            return (
                services.withdraw(dossier, Actor.of(officer), note="Đơn đề nghị rút hồ sơ", at=at)
                if self.past(at)
                else dossier
            )
        if kind == "cancelled":
            return (
                services.cancel(
                    dossier, cast.director, "duplicate", "Hồ sơ bị nhập trùng khi tiếp nhận", at=at
                )
                if self.past(at)
                else dossier
            )
        if not self.past(at):
            return dossier
        dossier = services.forward(dossier, officer, at=at)
        unit = dossier.current_step.unit_id
        specialist = rng.choice(cast.specialists[unit])
        head = cast.heads[unit]
        dossier = services.assign(dossier, head, specialist, at=at)
        pace = rng.uniform(0.3, 0.9) if kind != "late_apology" else rng.uniform(1.2, 1.6)
        step_hours = float(dossier.current_step.hours) / 8
        at = self.later(at, step_hours * pace)
        if kind == "supplement":
            if not self.past(at):
                return dossier
            received = dossier.documents.first()
            missing = received.name if received else "Văn bản đề nghị"
            services.request_supplement(
                dossier,
                specialist,
                [{"name": missing, "note": "Chưa có chữ ký của người đề nghị"}],
                "Hồ sơ chưa hợp lệ",
                at=at,
            )
            at = self.later(at, rng.uniform(1, 6))
            if not self.past(at):
                return dossier
            dossier = services.supplement(dossier, Actor.of(officer), at=at)
            at = self.later(at, step_hours * 0.5)
        if kind == "consultation":
            if not self.past(at):
                return dossier
            consultation = services.consult(
                dossier, specialist, rng.choice(CONSULTED), "Đề nghị cho ý kiến về hồ sơ", 3, at=at
            )
            answered = self.later(consultation.due_at, rng.uniform(-1.5, 3))
            if not self.past(answered):
                return dossier
            if answered > consultation.due_at:
                services.remind_late_consultation(
                    consultation, self.later(consultation.due_at, 0.1)
                )
            services.answer_consultation(consultation, specialist, "Thống nhất", at=answered)
            at = self.later(answered, 0.5)
        if kind == "late_apology":
            apology_at = self._day_before(dossier.due_at)
            if apology_at and self.past(apology_at) and apology_at > dossier.received_at:
                services.apologize(
                    dossier,
                    head,
                    self.later(dossier.due_at, 3),
                    "Cần thêm thời gian xác minh thông tin",
                    at=apology_at,
                )
        if not self.past(at):
            return dossier
        if kind == "refused":
            return services.refuse(dossier, head, "Ngành nghề kinh doanh không đủ điều kiện", at=at)
        dossier = services.forward(dossier, specialist, at=at)
        at = self.later(at, float(dossier.current_step.hours) / 8 * pace)
        if not self.past(at):
            return dossier
        dossier = services.forward(dossier, head, at=at)
        at = self.later(at, float(dossier.current_step.hours) / 8 * pace)
        if not self.past(at):
            return dossier
        dossier = services.approve(
            dossier, cast.director, summary="Cấp kết quả theo đề nghị", at=at
        )
        at = self.later(at, 0.2)
        if not self.past(at):
            return dossier
        dossier = services.register_result(
            dossier, cast.clerk, f"{dossier.pk}/GCN", at=at
        )  # unique in the year
        at = self.later(at, rng.uniform(0.2, 3))
        if not self.past(at):
            return dossier
        tracking = (
            f"EA{rng.randint(10**8, 10**9 - 1)}VN"
            if dossier.return_method == ReturnMethod.POST
            else ""
        )
        return services.return_result(dossier, officer, tracking_number=tracking, at=at)

    def _day_before(self, due: datetime) -> datetime | None:
        """A moment a little more than one working day before `due`."""
        day = self.calendar.day_length
        moment = due
        for _ in range(30):
            moment -= timedelta(hours=1)
            if arithmetic.working_time_between(self.calendar, moment, due) > day:
                return arithmetic.next_working_moment(self.calendar, moment)
        return None


def generate_dossiers(
    agency: Agency,
    *,
    days: int = 365,
    per_day: float = 3.0,
    seed: int = 1186,
    now: datetime | None = None,
) -> int:
    """Dossiers received over the `days` before `now`, about `per_day` each working day.

    Does nothing when the agency already has dossiers, so the demo loader can run again.
    """
    if Dossier.objects.filter(agency=agency).exists():
        return 0
    now = now or timezone.now()
    rng = random.Random(seed)
    calendar = calendar_for(agency)
    cast = _cast(agency)
    versions = [
        v
        for v in versions_in_force(now)
        .filter(procedure__agency=agency)
        .select_related("procedure")
        .prefetch_related("documents", "steps")
        if v.time_limit_value is not None and v.steps.exists()
    ]
    stories = [kind for kind, weight in STORIES for _ in range(weight)]
    made = 0
    day = timezone.localtime(now) - timedelta(days=days)
    while day < now:
        if calendar.is_working_day(day.date()):
            # Between 0 and twice `per_day` dossiers, about `per_day` on average.
            count = sum(rng.random() < 0.5 for _ in range(round(2 * per_day)))
            for _ in range(count):
                moment = day.replace(
                    hour=rng.choice([7, 8, 9, 10, 13, 14, 15, 16]),
                    minute=rng.randrange(0, 60),
                    second=0,
                    microsecond=0,
                )
                if moment >= now:
                    continue
                story = Story(rng, calendar, cast, rng.choice(versions), now)
                online = rng.random() < 0.55
                kind = rng.choice(stories)
                if kind == "online_rejected" and not online:
                    kind = "normal"
                story.tell(kind, moment, online)
                made += 1
        day += timedelta(days=1)
    return made
