class NotificationError(Exception):
    """A notification rule refused an action; the message is Vietnamese, ready for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InvalidRecipient(NotificationError):
    """The address, phone number or user cannot receive a message on the chosen channel."""
