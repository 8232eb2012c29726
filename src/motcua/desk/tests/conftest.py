"""The dossiers' small department (procedure, units, staff of every role) plus desk helpers."""

import pytest

from motcua.desk import services
from motcua.desk.constants import DeskChannel
from motcua.dossiers.tests.conftest import build_world, vn


@pytest.fixture
def world(db):
    return build_world()


def ask(world, at=None, **changes):
    fields = {
        "channel": DeskChannel.PORTAL,
        "asker": services.Person("Trần Văn Bình", "binh@example.vn"),
        "subject": "Thành lập doanh nghiệp tư nhân cần giấy tờ gì?",
        "body": "Tôi muốn mở doanh nghiệp tư nhân kinh doanh cà phê, cần chuẩn bị những gì?",
        "at": at or vn(2024, 8, 30, 9, 0),
    }
    return services.ask_question(world.agency, **{**fields, **changes})


def complain(world, at=None, **changes):
    fields = {
        "channel": DeskChannel.PORTAL,
        "complainant": services.Person("Lê Thị Cúc", "cuc@example.vn", "0905123456"),
        "subject": "Cán bộ hẹn trả kết quả nhiều lần",
        "body": "Tôi đến nhận kết quả ba lần vẫn chưa có.",
        "at": at or vn(2024, 8, 30, 9, 0),
    }
    return services.receive_complaint(world.agency, **{**fields, **changes})
