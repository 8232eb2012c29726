"""Evidence files: the project's document check, refused as a plan error."""

from motcua.core.uploads import UnacceptableFile, check_file

from .constants import MAX_EVIDENCE_MB
from .errors import PlanError


def check_evidence(uploaded) -> str:
    """The content type of an acceptable evidence file; PlanError naming the file otherwise."""
    try:
        return check_file(uploaded, MAX_EVIDENCE_MB).content_type
    except UnacceptableFile as refusal:
        raise PlanError(str(refusal)) from None
