from motcua.dossiers import services
from motcua.dossiers.constants import State, Timeliness, Worklist
from motcua.dossiers.selectors import filter_dossiers, timeliness, worklist, worklists_for
from motcua.worktime.selectors import calendar_for

from .conftest import vn


def _finish(world, dossier, at):
    dossier = services.forward(dossier, world.officer, at=at)
    return services.refuse(dossier, world.director, "Không đủ điều kiện", at=at)


def test_finished_dossiers_are_early_on_time_or_late(world):
    calendar = calendar_for(world.agency)
    received = vn(2024, 3, 4, 9, 0)  # due Thursday 07/03 09:00
    early = _finish(world, world.receive(at=received), vn(2024, 3, 6, 16, 0))
    on_time = _finish(world, world.receive(at=received), vn(2024, 3, 7, 9, 0))
    late = _finish(world, world.receive(at=received), vn(2024, 3, 7, 9, 1))
    assert timeliness(early, calendar) == Timeliness.EARLY
    assert timeliness(on_time, calendar) == Timeliness.ON_TIME
    assert timeliness(late, calendar) == Timeliness.LATE


def test_an_apology_does_not_make_a_late_dossier_on_time(world):
    calendar = calendar_for(world.agency)
    dossier = world.receive(at=vn(2024, 3, 4, 9, 0))
    dossier = services.apologize(
        dossier, world.director, vn(2024, 3, 12, 9, 0), "Chờ ý kiến", at=vn(2024, 3, 5, 9, 0)
    )
    dossier = _finish(world, dossier, vn(2024, 3, 11, 9, 0))
    assert timeliness(dossier, calendar) == Timeliness.LATE


def test_open_dossiers_are_within_due_soon_overdue_or_paused(world):
    calendar = calendar_for(world.agency)
    dossier = world.receive(at=vn(2024, 3, 4, 9, 0))  # 24 working hours, due 07/03 09:00
    assert timeliness(dossier, calendar, now=vn(2024, 3, 6, 9, 0)) == Timeliness.WITHIN
    # At 14:00, 5 working hours of 24 are left (within); at 15:00, 4: more than 80 % used.
    assert timeliness(dossier, calendar, now=vn(2024, 3, 6, 14, 0)) == Timeliness.WITHIN
    assert timeliness(dossier, calendar, now=vn(2024, 3, 6, 15, 0)) == Timeliness.DUE_SOON
    assert timeliness(dossier, calendar, now=vn(2024, 3, 7, 9, 1)) == Timeliness.OVERDUE
    services.suspend(dossier, world.director, "Chờ xác minh", at=vn(2024, 3, 5, 9, 0))
    dossier.refresh_from_db()
    assert timeliness(dossier, calendar, now=vn(2024, 3, 20, 9, 0)) == Timeliness.PAUSED


def test_worklists_follow_the_roles_and_the_steps(world):
    first = world.receive(at=vn(2024, 3, 4, 9, 0))
    second = world.receive(at=vn(2024, 3, 4, 8, 0))
    assert list(worklist(world.officer, Worklist.MY_STEPS)) == [second, first]
    for dossier in (first, second):
        services.forward(dossier, world.officer, at=vn(2024, 3, 4, 10, 0))
    assert list(worklist(world.officer, Worklist.MY_STEPS)) == []
    # Both wait for the unit head, the earliest due first.
    assert list(worklist(world.head, Worklist.TO_ASSIGN)) == [second, first]
    services.assign(first, world.head, world.specialist)
    assert list(worklist(world.specialist, Worklist.MY_STEPS)) == [first]
    assert list(worklist(world.specialist2, Worklist.MY_STEPS)) == []
    assert list(worklist(world.head, Worklist.TO_ASSIGN)) == [second]
    assert Worklist.TO_ASSIGN in worklists_for(world.head)
    assert Worklist.TO_RECEIVE in worklists_for(world.officer)
    assert Worklist.TO_REGISTER in worklists_for(world.clerk)


def test_director_signs_and_clerk_registers(world):
    dossier = services.forward(world.receive(), world.officer)
    dossier = services.assign(dossier, world.head, world.specialist)
    dossier = services.forward(dossier, world.specialist)
    dossier = services.forward(dossier, world.head)
    assert dossier.current_step.name == "Ký kết quả"
    assert list(worklist(world.director, Worklist.TO_SIGN)) == [dossier]
    services.approve(dossier, world.director)
    assert list(worklist(world.clerk, Worklist.TO_REGISTER)) == [dossier]
    assert list(worklist(world.officer, Worklist.TO_RETURN)) == []
    services.register_result(dossier, world.clerk, "4201234567")
    assert list(worklist(world.officer, Worklist.TO_RETURN)) == [dossier]


def test_search_ignores_marks_and_finds_codes_ids_and_phones(world):
    dossier = world.receive()
    visible = world.agency.dossiers.all()
    assert list(filter_dossiers(visible, q="nguyen thi hoa")) == [dossier]
    assert list(filter_dossiers(visible, q="NGUYỄN hoa")) == [dossier]
    assert list(filter_dossiers(visible, q=dossier.code)) == [dossier]
    assert list(filter_dossiers(visible, q="056190001234")) == [dossier]
    assert list(filter_dossiers(visible, q="0912345678")) == [dossier]
    assert list(filter_dossiers(visible, q="tran van nam")) == []
    assert list(filter_dossiers(visible, state=State.RECEIVED)) == [dossier]


def test_the_receiving_officer_finds_the_new_dossier_in_their_list(world):
    dossier = world.receive()
    assert list(worklist(world.officer, Worklist.MY_STEPS)) == [dossier]
    assert list(worklist(world.officer2, Worklist.MY_STEPS)) == []
