"""The staff API of dossiers, /api/v1/dossiers: intake at the counter, the dossier, the
worklists, one operation per lifecycle action, and the record.

Every endpoint needs a staff member (a token or the session, `motcua.api.auth`) and sees only
the dossiers of the caller's agency: another agency's dossier is "not found", never "forbidden".
Each action calls its service; the services' refusals (`DossierError`) become JSON errors with
their own status in `motcua.api.api`.
"""

# Importing the modules registers their operations on the router, in the order the schema
# lists them: intake, reading, actions.
from . import intake, reading, actions  # noqa: F401,I001
from .common import DossierRef, dossier_or_404, error_responses, router  # noqa: F401
