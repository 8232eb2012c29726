"""What kind of deployment this is, asked by the system checks and by the pages that must
behave differently on a production server (the sandbox bank, the demo loader)."""

from django.conf import settings

PRODUCTION = "production"
TRAINING_BANNER = "Bản đào tạo — không có giá trị pháp lý"


def is_production() -> bool:
    """Set by `conf/production.py`, not read from DEBUG: a production server with DEBUG on is
    still a production server."""
    return getattr(settings, "DEPLOYMENT_KIND", "") == PRODUCTION


def is_training() -> bool:
    """A production-settings deployment declared as training (TRAINING_DEPLOYMENT)."""
    return is_production() and settings.TRAINING_DEPLOYMENT


def simulators_allowed() -> bool:
    """Whether simulated services (the sandbox bank, the local SMS table) may act: anywhere but
    on a production deployment, unless that one says it is for training."""
    return not is_production() or settings.TRAINING_DEPLOYMENT
