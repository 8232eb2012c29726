"""The demo dossiers walk every path through the real services."""

from collections import Counter

from motcua.demo.catalog_seed import load_demo_catalog
from motcua.demo.dossier_seed import generate_dossiers
from motcua.demo.org_seed import load_demo_organization
from motcua.dossiers.constants import Action, Channel, State
from motcua.dossiers.models import Dossier, DossierEvent
from motcua.worktime.official_rows import load_official_rows


def test_a_season_of_dossiers_covers_the_lifecycle(db):
    department = load_demo_organization()
    load_official_rows(department)
    load_demo_catalog(department)
    made = generate_dossiers(department, days=120, per_day=3)
    assert made == Dossier.objects.count() > 150
    states = Counter(Dossier.objects.values_list("state", flat=True))
    for state in (State.RETURNED, State.PROCESSING, State.REFUSED, State.NOT_ACCEPTED):
        assert states[state] > 0, state
    actions = set(DossierEvent.objects.values_list("action", flat=True))
    for action in (
        Action.SUBMIT,
        Action.ACCEPT,
        Action.REQUEST_SUPPLEMENT,
        Action.SUPPLEMENT,
        Action.CONSULT,
        Action.REMIND_CONSULTATION,
        Action.ANSWER_CONSULTATION,
        Action.APOLOGIZE,
        Action.WITHDRAW,
        Action.REGISTER_RESULT,
        Action.RETURN_RESULT,
    ):
        assert action in actions, action
    channels = Counter(Dossier.objects.values_list("channel", flat=True))
    assert channels[Channel.ONLINE] > channels[Channel.COUNTER] * 0.8
    assert generate_dossiers(department, days=120) == 0, "a second run adds nothing"
