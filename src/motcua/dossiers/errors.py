"""The one family of domain errors of the lifecycle; each carries the HTTP status callers use."""


class DossierError(Exception):
    """A refused action. The message is Vietnamese and can be shown to the user as it is."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidInput(DossierError):
    status = 400


class Forbidden(DossierError):
    status = 403


class NotFound(DossierError):
    status = 404


class NotAllowedInState(DossierError):
    status = 409


class StaleDossier(DossierError):
    """Someone else acted on the dossier since the user loaded it."""

    status = 409


class DuplicateNumber(DossierError):
    """A result number already registered for another dossier of the agency in that year."""

    status = 409


class IncompleteDossier(InvalidInput):
    """The intake checklist misses mandatory documents: no dossier is created."""

    def __init__(self, missing: list[str]):
        super().__init__(
            "Hồ sơ chưa đầy đủ, chưa thể tiếp nhận. Còn thiếu: " + "; ".join(missing) + "."
        )
        self.missing = missing


class ImmutableEvent(DossierError):
    """Somebody tried to change or delete the record."""

    status = 409
