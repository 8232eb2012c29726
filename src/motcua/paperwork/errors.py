"""Refusals to print a form. They join the dossier errors' family so that the API and the pages
turn them into a response with the status they carry and the Vietnamese message as it is."""

from motcua.dossiers.errors import DossierError


class FormUnavailable(DossierError):
    """The form does not exist for this object: its regime lacks it, or the event that issues
    it (a refusal, an apology, a withdrawal…) has not happened."""

    status = 404


class InvalidPeriod(DossierError):
    """The register's period could not be read or is not allowed."""

    status = 400
