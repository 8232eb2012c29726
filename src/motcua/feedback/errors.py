"""Refusals of the feedback actions; the message is Vietnamese and shown to the user as it is."""


class FeedbackError(Exception):
    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidAnswers(FeedbackError):
    status = 400


class NotAllowed(FeedbackError):
    """The dossier, campaign or window does not allow the action now."""

    status = 409


class Forbidden(FeedbackError):
    status = 403
