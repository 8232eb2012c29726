"""A result number is given once a year in an agency: a second `77/GCN` is refused with a
clear 409 on the page and the API, and the database refuses it whatever the caller."""

from importlib import import_module

from django.apps import apps
from django.db import IntegrityError, transaction
from django.urls import reverse
import pytest
import time_machine

from motcua.api.tests.support import ApiClient
from motcua.dossiers import services
from motcua.dossiers.errors import DuplicateNumber
from motcua.dossiers.models import Dossier

from .conftest import vn

numbers_migration = import_module(
    "motcua.dossiers.migrations.0007_result_numbers_and_slip_sequence"
)


@pytest.fixture(autouse=True)
def monday_morning():
    with time_machine.travel(vn(2024, 3, 4, 10, 0), tick=False):
        yield


def resolved(world) -> Dossier:
    dossier = services.forward(world.receive(), world.officer, assignee=world.specialist)
    dossier = services.forward(services.forward(dossier, world.specialist), world.head)
    return services.approve(dossier, world.director)


def test_a_number_given_this_year_is_refused_on_the_page_and_the_api(client, world):
    first = services.register_result(resolved(world), world.clerk, "77/GCN")
    second = resolved(world)
    client.force_login(world.clerk.user)
    page = client.post(
        reverse("dossiers:act", args=[second, "register_result"]),
        {"number": "77/GCN", "revision": second.revision},
    )
    api = ApiClient(client, world.clerk.user.username).post(
        f"/dossiers/{second.code}/actions/register_result", {"number": " 77/GCN "}
    )
    message = (
        f"Số kết quả 77/GCN đã được cấp cho hồ sơ {first.code} trong năm 2024; mỗi số "
        "chỉ được cấp một lần trong năm."
    )
    assert page.status_code == 409 and message in page.content.decode()
    assert api.status_code == 409 and api.json()["detail"].startswith(message)
    second.refresh_from_db()
    assert (second.result_number, second.result_year) == ("", None)
    assert not second.events.filter(action="register_result").exists()


def test_the_same_number_is_free_again_the_next_year(world):
    services.register_result(resolved(world), world.clerk, "77/GCN", at=vn(2024, 12, 31, 16))
    with pytest.raises(DuplicateNumber):
        services.register_result(resolved(world), world.clerk, "77/GCN", at=vn(2024, 12, 31, 17))
    later = services.register_result(resolved(world), world.clerk, "77/GCN", at=vn(2025, 1, 2, 8))
    assert (later.result_number, later.result_year) == ("77/GCN", 2025)


def test_the_database_refuses_a_second_holder_of_a_number(world):
    services.register_result(resolved(world), world.clerk, "77/GCN")
    second = resolved(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        Dossier.objects.filter(pk=second.pk).update(result_number="77/GCN", result_year=2024)


def test_the_migration_gives_a_year_to_each_number_and_none_to_a_duplicate(world):
    first = services.register_result(resolved(world), world.clerk, "77/GCN")
    second = services.register_result(resolved(world), world.clerk, "78/GCN")
    # As before the rule: both hold 77/GCN and no year.
    Dossier.objects.update(result_number="77/GCN", result_year=None)

    numbers_migration.fill_result_years(apps, None)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.result_number, first.result_year) == ("77/GCN", 2024)
    assert (second.result_number, second.result_year) == ("77/GCN", None)
