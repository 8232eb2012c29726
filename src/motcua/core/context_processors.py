from .deployment import TRAINING_BANNER, is_training


def deployment(request):
    """The banner every page of a training deployment carries, so that nothing done there is
    taken for a legal act."""
    return {"training_banner": TRAINING_BANNER if is_training() else ""}
