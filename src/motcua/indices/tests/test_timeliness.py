"""Timeliness counts of finished and open dossiers, against the month in conftest.py."""

from datetime import date

from motcua.dossiers.constants import State
from motcua.dossiers.tests.conftest import vn
from motcua.indices.scope import Period, Scope
from motcua.indices.timeliness import FinishedCounts, OpenCounts, finished_counts, open_counts
from motcua.worktime.selectors import calendar_for

MARCH = Period(date(2024, 3, 1), date(2024, 3, 31))
LATER = vn(2024, 6, 1, 9, 0)


def test_the_data_set_is_what_the_hand_computation_assumes(month):
    d = month.dossiers
    assert d["D"].due_at == vn(2024, 3, 7, 9, 0) and d["D"].apology_due_at is not None
    assert d["E"].due_at == vn(2024, 3, 7, 11, 30)
    assert d["F"].due_at == vn(2024, 3, 11, 9, 0)
    assert d["G"].due_at == vn(2024, 3, 14, 14, 0) and d["G"].supplement_count == 1
    assert d["K"].due_at == vn(2024, 4, 1, 9, 0)
    assert d["N"].due_at == vn(2024, 3, 4, 9, 0)
    assert (d["A"].state, d["I"].state, d["H"].state) == (
        State.RETURNED,
        State.RETURNED,
        State.WITHDRAWN,
    )
    assert d["M"].state == State.AWAITING_SUPPLEMENT


def _counts(month, period, now=LATER, **scope):
    dossiers = Scope(month.world.agency, **scope).dossiers()
    return (
        finished_counts(dossiers, period),
        open_counts(dossiers, period, calendar_for(month.world.agency), now),
    )


def test_march_for_the_whole_agency(month):
    finished, opened = _counts(month, MARCH)
    # Early A G I N; on time B (same day, before the moment), E (after the pause), F (after the
    # extension); late C and D (the apology does not help). H withdrawn is not judged.
    assert finished == FinishedCounts(finished=9, early=4, on_time=3, late=2)
    # At 01/04 00:00: J overdue, K due soon (2 of 24 working hours left), L within, M waiting.
    assert opened == OpenCounts(open=4, within=1, due_soon=1, overdue=1, paused=1)


def test_one_day_sees_the_open_dossiers_as_they_were_that_evening(month):
    finished, opened = _counts(month, Period(date(2024, 3, 7), date(2024, 3, 7)))
    assert finished == FinishedCounts(finished=3, early=0, on_time=2, late=1)  # B E | C
    # At 08/03 00:00: D and J overdue, F within, G waiting for its supplement then.
    assert opened == OpenCounts(open=4, within=1, due_soon=0, overdue=2, paused=1)


def test_february_ends_with_n_open_and_within_time(month):
    finished, opened = _counts(month, Period(date(2024, 2, 1), date(2024, 2, 29)))
    assert finished == FinishedCounts(finished=0, early=0, on_time=0, late=0)
    assert opened == OpenCounts(open=1, within=1, due_soon=0, overdue=0, paused=0)


def test_a_running_period_judges_open_dossiers_now(month):
    _, opened = _counts(
        month, Period(date(2024, 4, 1), date(2024, 4, 30)), now=vn(2024, 4, 1, 8, 0)
    )
    # Monday 08:00: K has one working hour left (due soon), L within, J overdue, M waiting.
    assert opened == OpenCounts(open=4, within=1, due_soon=1, overdue=1, paused=1)


def test_scopes_by_unit_officer_procedure_and_channel(month):
    w = month.world
    assert _counts(month, MARCH, unit=w.business) == (
        FinishedCounts(finished=9, early=4, on_time=3, late=2),
        OpenCounts(open=2, within=1, due_soon=0, overdue=1, paused=0),  # J, L
    )
    assert _counts(month, MARCH, officer=w.specialist2) == (
        FinishedCounts(finished=2, early=0, on_time=0, late=2),  # C, D
        OpenCounts(open=0, within=0, due_soon=0, overdue=0, paused=0),
    )
    assert _counts(month, MARCH, procedure=month.p2) == (
        FinishedCounts(finished=2, early=2, on_time=0, late=0),  # I, N
        OpenCounts(open=1, within=0, due_soon=1, overdue=0, paused=0),  # K
    )
    assert _counts(month, MARCH, channel="2") == (
        FinishedCounts(finished=1, early=0, on_time=1, late=0),  # B
        OpenCounts(open=2, within=1, due_soon=1, overdue=0, paused=0),  # K, L
    )
